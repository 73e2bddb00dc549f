"""Story 3: what the parser overcame, what it withheld, and strict mode.

Run it (from any directory): python examples/03_diagnostics_and_strict.py
"""

from __future__ import annotations

import disclosure_parser as dp

text = (dp.EXAMPLES / "001.txt").read_text(encoding="utf-8")

# Best effort: seed 001 prints six numbers for seven columns in most rows of table B.
# The parser lines them up by the table's own sums and says so, row by row.
report = dp.parse(text)
for d in report.diagnostics[:3]:
    print(d)
print("granted:", [c.value for c in report.applications.row("granted").cells])  # type: ignore[union-attr]

# A recovered number is marked as such.
cell = report.applications.cell("granted", "other")
assert cell is not None
print("(一)予以公开 × 其他:", cell.value, "derived from the sums:", cell.derived)

# Strict mode refuses anything that needed repair, pointing at it.
try:
    dp.parse(text, strict=True)
except dp.ParseError as err:
    print()
    print(err)

# Text that is not a report at all is always an error.
try:
    dp.parse("关于召开会议的通知")
except dp.ParseError as err:
    print()
    print(err.code, "at", err.line, err.column)
