"""The cross-year rules of SPEC §4, over two reports of one body in consecutive years:
``year_carry`` (what year N−1 carried forward is what year N carried over) and
``year_stock`` (a warning: the stock of regulations and normative documents moves by what was
issued and repealed).
"""

from __future__ import annotations

from typing import Final

from ..core.keys import APPLICANT_COLUMNS, APPLICANTS, ITEMS
from ..core.messages import Message, msg
from ..core.model import Cell, Report
from .equations import value_or_zero
from .findings import Finding, FindingCell, Findings
from .labels import canonical, column_label


def _year_carry(previous: Report, current: Report) -> list[Finding]:
    before = previous.applications.row("carried_forward")
    now = current.applications.row("carried_over")
    if before is None or now is None:
        key = "year_carry.no_forward_row" if before is None else "year_carry.no_carried_row"
        return [Finding("year_carry", "info", msg(key))]
    both_totals = previous.applications.has_total_column and current.applications.has_total_column
    columns = APPLICANT_COLUMNS if both_totals else APPLICANTS
    out = []
    for i, column in enumerate(columns):
        if i >= len(before.cells) or i >= len(now.cells):
            continue
        old_cell, new_cell = before.cells[i], now.cells[i]
        old, new = value_or_zero(old_cell), value_or_zero(new_cell)
        cells = (
            FindingCell.of("B", "carried_over", column, new_cell, "current"),
            FindingCell.of("B", "carried_forward", column, old_cell, "previous"),
        )
        if old is None or new is None:
            out.append(
                Finding(
                    "year_carry",
                    "info",
                    msg("year_carry.cell", column=column_label(column)),
                    cells,
                )
            )
        elif old != new:
            out.append(
                Finding(
                    "year_carry",
                    "error",
                    msg(
                        "year_carry",
                        column=column_label(column),
                        year=current.year,
                        new=new,
                        previous=previous.year,
                        old=old,
                    ),
                    cells,
                    old,
                    new,
                )
            )
    return out


_STOCK: Final = ("本年制发件数", "本年废止件数", "现行有效件数")


def _stock_cells(report: Report, key: str) -> dict[str, Cell]:
    item = report.active_disclosure.item(key)
    if item is None:
        return {}
    return {canonical(n): c for n, c in zip(item.columns, item.cells, strict=False)}


def _year_stock(previous: Report, current: Report) -> list[Finding]:
    out = []
    for key in ("regulations", "normative_documents"):
        now, before = _stock_cells(current, key), _stock_cells(previous, key)
        if any(n not in now for n in _STOCK) or "现行有效件数" not in before:
            continue
        values = [value_or_zero(now[n]) for n in _STOCK]
        stock_before = value_or_zero(before["现行有效件数"])
        issued, repealed, stock = values
        if issued is None or repealed is None or stock is None or stock_before is None:
            continue
        expected = stock_before + issued - repealed
        if expected == stock:
            continue
        label = ITEMS[key][1]
        out.append(
            Finding(
                "year_stock",
                "warning",
                msg(
                    "year_stock",
                    label=label,
                    previous=previous.year,
                    before=stock_before,
                    year=current.year,
                    issued=issued,
                    repealed=repealed,
                    expected=expected,
                    stock=stock,
                ),
                (
                    FindingCell.of("A", key, "现行有效件数", now["现行有效件数"], "current"),
                    FindingCell.of("A", key, "本年制发件数", now["本年制发件数"], "current"),
                    FindingCell.of("A", key, "本年废止件数", now["本年废止件数"], "current"),
                    FindingCell.of("A", key, "现行有效件数", before["现行有效件数"], "previous"),
                ),
                expected,
                stock,
            )
        )
    return out


def _year(year: int | None) -> int | Message:
    return msg("value.unknown") if year is None else year


def compare_years(previous: Report, current: Report) -> Findings:
    """Cross-year rules for two reports of the same body in consecutive years: ``year_carry``
    (carried_over of year N = carried_forward of year N−1, per column of table B) and
    ``year_stock`` (a warning: 现行有效 N−1 + 本年制发 N − 本年废止 N = 现行有效 N, 2021 template).

    The caller vouches that both reports are the same body's; reports whose years are unknown
    or not consecutive give a single info finding. Cells carry ``source`` ``"previous"`` or
    ``"current"``, since their positions refer to different texts.

    >>> from disclosure_parser import ApplicationRow, Applications, Cell, Report
    >>> def report(year, key, values):
    ...     row = ApplicationRow(key, "", tuple(Cell("number", v) for v in values))
    ...     return Report("某局", year, None, "2021", applications=Applications((row,)))
    >>> before = report(2020, "carried_forward", (2, 0, 0, 0, 0, 0, 2))
    >>> after = report(2021, "carried_over", (1, 0, 0, 0, 0, 0, 1))
    >>> findings = compare_years(before, after)
    >>> [(f.code, f.cells[0].column_key, f.expected, f.actual) for f in findings]
    [('year_carry', 'natural_person', 2, 1), ('year_carry', 'total', 2, 1)]
    """
    if previous.year is None or current.year is None or current.year != previous.year + 1:
        return Findings(
            (
                Finding(
                    "year_carry",
                    "info",
                    msg(
                        "year_carry.years",
                        previous=_year(previous.year),
                        current=_year(current.year),
                    ),
                ),
            )
        )
    return Findings((*_year_carry(previous, current), *_year_stock(previous, current)))
