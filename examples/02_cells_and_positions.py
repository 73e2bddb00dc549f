"""Story 2: every number keeps its state, raw text and position, so you can jump to it.

Run it (from any directory): python examples/02_cells_and_positions.py
"""

from __future__ import annotations

import disclosure_parser as dp

path = dp.EXAMPLES / "003.txt"  # the example reports that come with the package
text = path.read_text(encoding="utf-8")
report = dp.parse(text)
lines = text.split("\n")

# A blank cell is not a zero: get() gives None, cell() tells why.
for column in ("natural_person", "commercial", "total"):
    cell = report.applications.cell("new_received", column)
    assert cell is not None
    print(
        f"{column:<15} state={cell.state:<7} value={cell.value!s:<5} at {cell.line}:{cell.column}"
    )

# Jump from a number to the line it was printed on.
cell = report.active_disclosure.cell("licensing", 1)
assert cell is not None
assert cell.line is not None
print(f"本年增/减 = {cell.value} (printed {cell.raw!r}) on line {cell.line}:")
print("   ", lines[cell.line - 1].replace("\t", "→"))

# Amounts are exact Decimals; a unit written in the cell is kept.
amount = report.active_disclosure.cell("procurement", -1)
assert amount is not None
print("采购总金额:", repr(amount.value), amount.unit)

# Plain data for JSON, and back.
data = report.to_dict()
assert dp.Report.from_dict(data) == report
print("to_dict keys:", sorted(data))
