"""The rule ``narrative_mismatch``: a number the narrative states differs from its table.

:mod:`.narrative` finds the numbers the text states; this module looks each up in table B or
C and reports those that differ.
"""

from __future__ import annotations

from typing import Final

from ..core.keys import APPLICANTS, CHINESE_NUMERALS, REVIEW_OUTCOMES, SECTION_TITLES
from ..core.messages import msg
from ..core.model import Report
from .context import Context
from .equations import value_or_zero
from .findings import Finding, FindingCell
from .narrative import statements

#: the quantities of table C (the others are table B's)
_TABLE_C: Final = frozenset({"review", "litigation"})


def _group_total(ctx: Context, key: str) -> tuple[int | None, list[FindingCell]]:
    group = ctx.report.reviews.group(key)
    if group is None or len(group.cells) < len(REVIEW_OUTCOMES):
        return None, []
    total = group.cells[4]
    if total.state == "number":
        return int(total.value or 0), [FindingCell.of("C", key, "total", total)]
    if total.state not in ("blank", "na"):
        return None, []
    parts = [value_or_zero(c) for c in group.cells[:4]]
    if any(p is None for p in parts):
        return None, []
    cells = [
        FindingCell.of("C", key, o, c) for o, c in zip(REVIEW_OUTCOMES, group.cells, strict=False)
    ]
    return sum(p or 0 for p in parts), cells


def _table_value(ctx: Context, quantity: str) -> tuple[int | None, list[FindingCell]]:
    """The table's value for a narrative quantity, and the cells it was read from."""
    if quantity == "review":
        return _group_total(ctx, "review")
    if quantity == "litigation":
        direct, direct_cells = _group_total(ctx, "direct_suit")
        after, after_cells = _group_total(ctx, "post_review_suit")
        if direct is None or after is None:
            return None, []
        return direct + after, direct_cells + after_cells
    key = "new_received" if quantity == "channels" else quantity
    row = ctx.rows.get(key)
    value = ctx.report.applications.row_total(key)
    if row is None or value is None:
        return None, []
    if row.cells and row.cells[-1].state == "number" and len(row.cells) > len(APPLICANTS):
        return value, [FindingCell.of("B", key, "total", row.cells[-1])]
    parts = zip(APPLICANTS, row.cells, strict=False)
    return value, [FindingCell.of("B", key, c, cell) for c, cell in parts]


def narrative_mismatch_findings(ctx: Context) -> list[Finding]:
    """What :func:`narrative_mismatch` returns, over a shared :class:`.Context`."""
    report = ctx.report
    if not report.sections:
        return []
    out = []
    for statement in statements(report.sections, report.year):
        table, cells = _table_value(ctx, statement.quantity)
        if table is None or table == statement.value:
            continue
        parts = None
        if statement.parts:
            listed = [msg("narrative.part", name=name, n=n) for name, n in statement.parts]
            parts = msg("narrative.parts", parts=listed)
        table_name = msg("part.scope.c_table" if statement.quantity in _TABLE_C else "part.scope.b")
        words = " ".join(statement.text.split())
        number = statement.section or 0
        section = report.section(number)
        heading = (
            section.title
            if section is not None
            else f"{CHINESE_NUMERALS[number - 1]}、{SECTION_TITLES.get(number, '')}"
        )
        text_cell = FindingCell(
            "text",
            statement.quantity,
            None,
            statement.value,
            "number",
            words,
            statement.line,
            statement.column,
        )
        out.append(
            Finding(
                "narrative_mismatch",
                "error",
                msg(
                    "narrative_mismatch",
                    section=number,
                    heading=heading,
                    words=words,
                    value=statement.value,
                    quantity=msg(f"narrative.{statement.quantity}"),
                    parts=parts,
                    table=table_name,
                    count=table,
                ),
                (text_cell, *cells),
                table,
                statement.value,
            )
        )
    return out


def narrative_mismatch(report: Report) -> tuple[Finding, ...]:
    r"""A number the narrative states for a table B or C quantity differs from the table.

    The statements read are those of :mod:`disclosure_parser.validation.narrative` (本年新收…N件,
    收到…申请N件, 受理…申请N件, 上年结转N件, 结转下年度N件, 信函 a 件、当面 b 件, 行政复议N件,
    行政诉讼N件); sentences that may count something else are left alone. ``actual`` is the
    stated number, ``expected`` the table's; the first cell is the statement's position.

    >>> import disclosure_parser as dp
    >>> report = dp.parse(
    ...     "一、总体情况\n"
    ...     "本年共收到政府信息公开申请 4 件。\n"
    ...     "三、收到和处理政府信息公开申请情况\n"
    ...     "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
    ...     "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\n"
    ... )
    >>> print(narrative_mismatch(report)[0])
    2:4: error narrative_mismatch the text of section 1 states 4 new applications (一、本年新收) in '收到政府信息公开申请 4 件', but table B counts 3
    """  # noqa: E501
    return tuple(narrative_mismatch_findings(Context(report)))
