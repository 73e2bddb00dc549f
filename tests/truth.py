"""Reading the hand-checked fields of ``truth.jsonl`` off a parsed Report."""

from __future__ import annotations

from decimal import Decimal

import disclosure_parser as dp

#: truth field -> (table B row, or table C group)
B_TOTALS = {
    "new_total": "new_received",
    "carried_total": "carried_over",
    "handled_total": "total",
    "carry_next_total": "carried_forward",
}
C_TOTALS = {
    "review_total": "review",
    "litigation_direct_total": "direct_suit",
    "litigation_after_review_total": "post_review_suit",
}
ITEM_FIELDS = ("licensing", "penalties", "coercive_measures", "procurement")
NUMERIC_FIELDS = (
    *B_TOTALS,
    "granted_natural",
    *C_TOTALS,
    "regulations_new",
    "normative_docs_current",
)


def _zero_if_blank(cell: dp.Cell | None) -> object:
    """truth.jsonl records a printed blank cell as 0 (blank cells mean zero in these tables)."""
    if cell is None:
        return None
    return 0 if cell.state == "blank" else cell.value


def field(report: dp.Report, name: str) -> object:
    """The value of truth field *name* as the parser read it (None: not read)."""
    if name in B_TOTALS:
        # truth.jsonl: the 总计 cell, or the applicant columns' sum where there is no 总计
        return report.applications.row_total(B_TOTALS[name])
    if name in C_TOTALS:
        return _zero_if_blank(report.reviews.cell(C_TOTALS[name], "total"))
    if name == "granted_natural":
        return _zero_if_blank(report.applications.cell("granted", "natural_person"))
    if name == "regulations_new":
        return _zero_if_blank(report.active_disclosure.cell("regulations", 0))
    if name == "normative_docs_current":
        return _zero_if_blank(report.active_disclosure.cell("normative_documents", -1))
    if name in ITEM_FIELDS:
        item = report.active_disclosure.item(name)
        if item is None:
            return None
        return [str(c.value) if isinstance(c.value, Decimal) else c.value for c in item.cells]
    raise KeyError(name)


def compare(report: dp.Report, truth: dict[str, object]) -> list[str]:
    """Every hand-checked field that the parser got wrong, as readable lines."""
    wrong = []
    names = [n for n in NUMERIC_FIELDS if n in truth]
    names += [n for n in ITEM_FIELDS if n in truth]
    for name in names:
        expected = truth[name]
        got = field(report, name)
        if isinstance(expected, list):
            expected = [str(v) if isinstance(v, str) else v for v in expected]
        if got != expected:
            wrong.append(f"{name}: expected {expected!r}, got {got!r}")
    return wrong
