"""Write docs/keys.md: every key of the three tables with its Chinese label, from the code.

Run it after changing the keys (``python docs/make_keys.py``); ``tests/test_docs.py`` fails
while docs/keys.md differs from what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from disclosure_parser.output.names import key_tables

HERE = Path(__file__).resolve().parent

HEAD = """# Keys and labels

<!-- written by docs/make_keys.py from src/disclosure_parser/core/keys.py and
     src/disclosure_parser/output/names.py: do not edit by hand -->

Every number of a report is looked up by keys: an item and a column index in table A
(`report.active_disclosure.get("licensing", 1)`), a row and a column key in table B
(`report.applications.get("granted", "natural_person")`), a group and an outcome key in table C
(`report.reviews.get("review", "corrected")`). The tidy records and frames (`dp.to_records`,
`dp.to_frame`, `batch -o OUT.csv`) give each cell its `row` and `column` key with the Chinese
`row_label` and `column_label` beside them, as listed here. Table A's column keys are those of
the records and frames only (the model looks table A's columns up by index).
"""

SECTIONS = {
    "A items": ("Table A (第二十条) items: `row`", "clause"),
    "A columns": ("Table A columns: `column` in records and frames", "items, by template"),
    "B rows": ("Table B rows: `row`", "template"),
    "B columns": ("Table B columns: `column`", "template"),
    "C groups": ("Table C groups: `row`", "template"),
    "C outcomes": ("Table C outcomes: `column`", "template"),
}


def keys_markdown() -> str:
    """The text of docs/keys.md."""
    out = [HEAD]
    for part, entries in key_tables().items():
        title, where = SECTIONS[part]
        out.append(f"\n## {title}\n\n| key | label | {where} |\n|---|---|---|\n")
        out.extend(f"| `{key}` | {label} | {note} |\n" for key, label, note in entries)
    return "".join(out)


def main() -> int:
    target = HERE / "keys.md"
    text = keys_markdown()
    if "--check" in sys.argv[1:]:
        same = target.exists() and target.read_text(encoding="utf-8") == text
        print("docs/keys.md is up to date" if same else "docs/keys.md differs: run this script")
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
