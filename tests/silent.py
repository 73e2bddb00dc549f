"""The one outcome that must never happen, as a check: a number that differs from what was
printed, with nothing pointing at it.

:func:`silently_wrong` compares a parse with the report whose text it read. A cell whose
meaning differs (a number; a blank or "/" counts as 0, the way validation reads it) is
*flagged* when a warning or error diagnostic stands on its line or on its row's line, or a
warning or error finding of ``validate`` names it. Cells the parser withheld (missing, text)
differ from nothing: withholding is always allowed.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import disclosure_parser as dp
from disclosure_parser.core.keys import APPLICANT_COLUMNS, REVIEW_OUTCOMES

#: a cell's place: table, row (item, row or group key), column index
Place = tuple[str, str, int]


def _meaning(cell: dp.Cell | None) -> int | Decimal | None:
    if cell is None or cell.state in ("missing", "text"):
        return None
    if cell.state in ("blank", "na"):
        return 0
    return cell.value


def _cells(report: dp.Report) -> Iterator[tuple[Place, dp.Cell, int | None]]:
    """Every cell with its place and its row's line."""
    for item in report.active_disclosure:
        for i, cell in enumerate(item.cells):
            yield ("A", item.key, i), cell, item.line
    for row in report.applications:
        for i, cell in enumerate(row.cells):
            yield ("B", row.key, i), cell, row.line
    for group in report.reviews:
        for i, cell in enumerate(group.cells):
            yield ("C", group.key, i), cell, group.line


def _column_key(place: Place, report: dp.Report) -> str | None:
    table, key, index = place
    if table == "B":
        return APPLICANT_COLUMNS[index] if index < len(APPLICANT_COLUMNS) else None
    if table == "C":
        return REVIEW_OUTCOMES[index] if index < len(REVIEW_OUTCOMES) else None
    item = report.active_disclosure.item(key)
    return item.columns[index] if item is not None and index < len(item.columns) else None


def silently_wrong(printed: dp.Report, parsed: dp.Report) -> list[str]:
    """The cells of *parsed* whose number differs from *printed*'s with nothing flagging them."""
    expected = {place: _meaning(cell) for place, cell, _ in _cells(printed)}
    loud_lines = {d.line for d in parsed.diagnostics if d.severity != "info"}
    findings = [f for f in dp.validate(parsed) if f.severity != "info"]
    named = {(c.table, c.row_key, c.column_key) for f in findings for c in f.cells}
    named_at = {(c.line, c.column) for f in findings for c in f.cells if c.line is not None}
    out = []
    for place, cell, row_line in _cells(parsed):
        got = _meaning(cell)
        if got is None or got == expected.get(place):
            continue
        if cell.line in loud_lines or row_line in loud_lines:
            continue
        if (place[0], place[1], _column_key(place, parsed)) in named:
            continue
        if (cell.line, cell.column) in named_at:
            continue
        out.append(
            f"{place[0]}[{place[1]}, {place[2]}] = {cell.value!r} ({cell.state}, raw "
            f"{cell.raw!r} at {cell.line}:{cell.column}); printed {expected.get(place)!r}"
        )
    return out
