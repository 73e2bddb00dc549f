"""The plausibility rules of SPEC §4: ``negative`` (an error: no count is below 0), ``bounds``
and ``unit`` (warnings: numbers that are possible but unlikely to be meant).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

from ..core.keys import APPLICANT_COLUMNS, ITEM_COLUMNS, ITEMS, REVIEW_OUTCOMES
from ..core.messages import msg
from ..core.model import ApplicationRow, Report, ReviewGroup
from .context import Context
from .equations import value_or_zero
from .findings import Finding, FindingCell
from .labels import GROUP_NAMES, canonical, column_label
from .localization import expected_for

#: An amount above this many 万元 (100 亿元) in a 万元 column is taken to be written in 元.
#: No single reporting body collects administrative fees of that size in a year; a sum written
#: in 元 crosses it once it passes 100 万元, so smaller ones written in 元 without their unit
#: go unnoticed. The threshold is a judgement, hence a warning.
IMPLAUSIBLE_WAN_YUAN: Final = Decimal(1_000_000)

_TEN_THOUSAND: Final = Decimal(10_000)


def _is_change_column(name: str) -> bool:
    """A table A column of changes over the year (本年增/减), where a fall is negative."""
    return "增" in name and "减" in name


def negative_findings(ctx: Context) -> list[Finding]:
    """What :func:`negative` returns, over a shared :class:`.Context`."""
    found: list[FindingCell] = []
    for item in ctx.report.active_disclosure.items:
        for name, cell in zip(item.columns, item.cells, strict=False):
            if cell.value is not None and cell.value < 0 and not _is_change_column(name):
                found.append(FindingCell.of("A", item.key, name, cell))
    tables: tuple[tuple[str, Sequence[ApplicationRow | ReviewGroup], Any, Any], ...] = (
        ("B", ctx.report.applications.rows, ctx.values_b, APPLICANT_COLUMNS),
        ("C", ctx.report.reviews.groups, ctx.values_c, REVIEW_OUTCOMES),
    )
    for table, rows, values, names in tables:
        # filter(None) drops the zeros and the unreadable cells alike, neither being negative
        if min(filter(None, itertools.chain.from_iterable(values)), default=0) >= 0:
            continue
        for row in rows:
            found.extend(
                FindingCell.of(table, row.key, name, cell)
                for name, cell in zip(names, row.cells, strict=False)
                if cell.value is not None and cell.value < 0
            )
    out = []
    for where in found:
        expected = expected_for(ctx, where) if where.table != "A" else None
        hint = msg("negative.hint", expected=expected) if expected is not None else None
        out.append(
            Finding(
                "negative",
                "error",
                msg("negative", cell=where.label, value=where.value, hint=hint),
                (where,),
                expected,
                where.value,
            )
        )
    return out


def bounds_findings(ctx: Context) -> list[Finding]:
    """What :func:`bounds` returns, over a shared :class:`.Context`."""
    out = []
    for i, column in enumerate(ctx.columns if ctx.report.applications else ()):
        total = ctx.cell("total", i)
        new, old = (
            value_or_zero(ctx.cell("new_received", i)),
            value_or_zero(ctx.cell("carried_over", i)),
        )
        if total is None or total.state != "number" or new is None or old is None:
            continue
        handled = int(total.value or 0)
        if handled > new + old:
            cells = (
                FindingCell.of("B", "total", column, total),
                *(
                    FindingCell.of("B", k, column, c)
                    for k in ("new_received", "carried_over")
                    if (c := ctx.cell(k, i)) is not None
                ),
            )
            out.append(
                Finding(
                    "bounds",
                    "warning",
                    msg(
                        "bounds.column",
                        column=column_label(column),
                        handled=handled,
                        new=new,
                        old=old,
                        received=new + old,
                    ),
                    cells,
                    new + old,
                    handled,
                )
            )
    for group in ctx.report.reviews.groups:
        if len(group.cells) < len(REVIEW_OUTCOMES):
            continue
        corrected, total = group.cells[1], group.cells[4]
        if corrected.state != "number" or total.state != "number":
            continue
        if int(corrected.value or 0) > int(total.value or 0):
            label = GROUP_NAMES.get(group.key, group.key)
            out.append(
                Finding(
                    "bounds",
                    "warning",
                    msg(
                        "bounds.corrected",
                        group=label,
                        corrected=corrected.value,
                        total=total.value,
                    ),
                    (
                        FindingCell.of("C", group.key, "corrected", corrected),
                        FindingCell.of("C", group.key, "total", total),
                    ),
                    total.value,
                    corrected.value,
                )
            )
    return out


#: table A amount columns whose unit the template fixes to 万元 (the 2021 fee header)
_WAN_YUAN_COLUMNS: Final = frozenset(
    canonical(c) for cols in ITEM_COLUMNS["2021"].values() for c in cols if "万元" in c
)


def unit_findings(ctx: Context) -> list[Finding]:
    """What :func:`unit` returns, over a shared :class:`.Context`."""
    out = []
    for item in ctx.report.active_disclosure.items:
        for name, cell in zip(item.columns, item.cells, strict=False):
            if "金额" not in name or cell.value is None:
                continue
            if "万元" not in name and canonical(name) not in _WAN_YUAN_COLUMNS:
                continue
            value = Decimal(cell.value)
            # format "f" keeps 2000 from printing as 2E+3
            expected = Decimal(format(value / _TEN_THOUSAND, "f"))
            if cell.unit == "元":
                key = "unit.written_in_yuan"
            elif value > IMPLAUSIBLE_WAN_YUAN:
                key = "unit.implausible"
            else:
                continue
            item_label = ITEMS.get(item.key, ("", item.key))[1]
            out.append(
                Finding(
                    "unit",
                    "warning",
                    msg(key, item=item_label, column=name, raw=cell.raw, wan=expected),
                    (FindingCell.of("A", item.key, name, cell),),
                    expected,
                    cell.value,
                )
            )
    return out


def negative(report: Report) -> tuple[Finding, ...]:
    """No count is negative (the 本年增/减 columns of table A excepted).

    ``expected`` is the value the table's sums call for at that cell, where they name it.

    >>> from disclosure_parser import Cell, Report, ReviewGroup, Reviews
    >>> cells = tuple(Cell("number", v, line=9, column=1 + 2 * i)
    ...               for i, v in enumerate((1, -1, 0, 0, 2)))
    >>> report = Report(None, 2021, None, "2021", reviews=Reviews((ReviewGroup("review", cells),)))
    >>> (finding,) = negative(report)
    >>> print(finding)
    9:3: error negative 行政复议 结果纠正 is -1: a count cannot be negative; the table's sums call for 1
    >>> finding.expected, finding.actual
    (1, -1)
    """  # noqa: E501
    return tuple(negative_findings(Context(report)))


def bounds(report: Report) -> tuple[Finding, ...]:
    """Plausibility (warnings): applications handled ≤ received + carried over, per column of
    table B; 结果纠正 ≤ 总计 in each group of table C.

    >>> from disclosure_parser import Cell, Report, ReviewGroup, Reviews
    >>> cells = tuple(Cell("number", v) for v in (0, 3, 0, 0, 2))
    >>> report = Report(None, 2021, None, "2021", reviews=Reviews((ReviewGroup("review", cells),)))
    >>> [(f.severity, f.expected, f.actual) for f in bounds(report)]
    [('warning', 2, 3)]
    """
    return tuple(bounds_findings(Context(report)))


def unit(report: Report) -> tuple[Finding, ...]:
    """A 万元 amount of table A that looks like 元: written with 元, or implausibly large.

    The amount columns are those whose header says 金额; they are in 万元 when the header says
    so or the template fixes it (the 2021 template's 本年收费金额). "Implausibly large" is above
    :data:`IMPLAUSIBLE_WAN_YUAN`. ``expected`` is the amount converted to 万元.

    >>> from disclosure_parser import ActiveDisclosure, Cell, DisclosureItem, Report
    >>> fee = Cell("number", Decimal(251000), raw="251000元", unit="元", line=5, column=3)
    >>> item = DisclosureItem("fees", "八", "行政事业性收费", ("本年收费金额",), (fee,))
    >>> report = Report(None, 2021, None, "2021", active_disclosure=ActiveDisclosure((item,)))
    >>> [(f.severity, f.expected) for f in unit(report)]
    [('warning', Decimal('25.1'))]
    """
    return tuple(unit_findings(Context(report)))
