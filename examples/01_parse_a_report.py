"""Story 1: parse one report and read its three tables.

Run it (from any directory): python examples/01_parse_a_report.py
"""

from __future__ import annotations

import disclosure_parser as dp

report = dp.parse_file(dp.EXAMPLES / "003.txt")  # the example reports that come with the package

# Who published it, for which year, on which official template (detected from the headers).
print(report.title)
print(report.organization, report.year, report.template)

# Table A, 第二十条 items: an item key and a column index (negative counts from the end).
for item in report.active_disclosure:
    print(f"{item.label:<12}", dict(zip(item.columns, (c.value for c in item.cells), strict=False)))

# Table B, the applicant-by-outcome matrix: row and column keys of the spec.
print("new applications:", report.applications.get("new_received", "total"))
print("granted to natural persons:", report.applications.get("granted", "natural_person"))

# Table C: 行政复议 and the two kinds of 行政诉讼.
for group in dp.REVIEW_GROUPS:
    print(group, [report.reviews.get(group, o) for o in dp.REVIEW_OUTCOMES])

# The sections, found by what their headings say.
for section in report.sections:
    print(section.number, section.title, f"{len(section.text)} characters of text")
