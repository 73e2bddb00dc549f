"""The sum rules of SPEC §4: ``balance``, ``outcome_total`` and ``row_total`` over table B,
``review_total`` over table C.

Each is judged from the equations of :mod:`.equations`; a failing one names the cells in the
sum, the one :mod:`.localization` blames first, and why. An equation that cannot be judged (a
cell holding text, a blank total that may be an omission, a row the table lacks) gives an
``info`` finding saying what is missing instead of a verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..core.keys import OUTCOME_LABELS
from ..core.messages import Message, msg
from ..core.model import Report
from .context import Context
from .equations import Equation
from .findings import Finding, FindingCell, Localization
from .labels import GROUP_NAMES, column_label, row_label
from .localization import localization_for

#: a failing sum's message names its blank cells up to this many, and counts more
_NAMED_BLANKS = 3


def _blank_note(eq: Equation) -> Message | None:
    if not eq.blanks:
        return None
    if len(eq.blanks) > _NAMED_BLANKS:
        # the cells are in the finding; a message listing a dozen blanks would bury its point
        return msg("sum.blanks_counted", n=len(eq.blanks))
    cells = [FindingCell.of(t.ref[0], t.ref[1], t.ref[2], t.cell) for t in eq.blanks]
    return msg("sum.blanks", cells=[c.label for c in cells])


def _not_assessable(eq: Equation, what: Message) -> Finding:
    cells = eq.finding_cells()
    if eq.trouble is not None:
        t = eq.trouble
        cell = FindingCell.of(t.ref[0], t.ref[1], t.ref[2], t.cell)
        if cell.state == "text":
            message = msg("not_assessable.text", what=what, cell=cell.label, raw=cell.raw)
        else:
            message = msg("not_assessable.unreadable", what=what, cell=cell.label)
        cells = (cell, *(c for c in cells if c != cell))
    else:
        term = next(t for t in eq.blanks if t.uncertain)
        blank = FindingCell.of(term.ref[0], term.ref[1], term.ref[2], term.cell)
        if term.own is None:
            message = msg("not_assessable.blank_total_unreadable", what=what, cell=blank.label)
        else:
            message = msg("not_assessable.blank_total", what=what, cell=blank.label, own=term.own)
        cells = (blank, *(c for c in cells if c != blank))
    return Finding(eq.code, "info", message, cells)


def _exceeding(eq: Equation, what: Message) -> Finding:
    """An error for a sum that fails whatever its unread cells hold (status ``exceeds``): the
    unread cells first, then the rest; ``expected`` is the bound the readable side passed."""
    unread = eq.unread()
    known, other = eq.bound()
    first = [FindingCell.of(t.ref[0], t.ref[1], t.ref[2], t.cell) for t in unread]
    cells = (*first, *(c for c in eq.finding_cells() if c not in first))
    message = msg(
        "sum.exceeds", what=what, cells=[c.label for c in first], known=known, other=other
    )
    return Finding(eq.code, "error", message, cells, other, known)


def _sum_findings(ctx: Context, equations: Iterable[Equation], code: str) -> list[Finding]:
    out = []
    for eq in equations:
        if eq.code != code or eq.status == "holds":
            continue
        if eq.status == "exceeds":
            out.append(_exceeding(eq, _describe_equation(eq)))
            continue
        if eq.status != "fails":
            out.append(_not_assessable(eq, _describe_equation(eq)))
            continue
        localization = localization_for(ctx, eq)
        cause = None
        if localization is not None and localization.status == "single":
            cause = msg("sum.cause", culprit=localization.message_data)
        message, expected, actual = _failure(eq, cause, _blank_note(eq))
        out.append(
            Finding(
                code,
                "error",
                message,
                _blame_first(eq.finding_cells(), localization),
                expected,
                actual,
                localization,
            )
        )
    return out


def _blame_first(
    cells: tuple[FindingCell, ...], localization: Localization | None
) -> tuple[FindingCell, ...]:
    blamed = localization.cell if localization is not None else None
    if blamed is None or blamed not in cells:
        return cells
    return (blamed, *(c for c in cells if c != blamed))


def _describe_equation(eq: Equation) -> Message:
    if eq.code == "row_total":
        return msg("part.what.row", row=row_label(eq.key))
    if eq.code == "review_total":
        return msg("part.what.group", group=GROUP_NAMES.get(eq.key, eq.key))
    return msg("part.what.column", column=column_label(eq.key))


def _failure(
    eq: Equation, cause: Message | None, blanks: Message | None
) -> tuple[Message, int, int]:
    """The message, expected and actual value of a failing equation."""
    if eq.code == "balance":
        value = {t.ref[1]: int(t.cell.value or 0) for t in eq.terms}
        left = value["new_received"] + value["carried_over"]
        right = value["total"] + value["carried_forward"]
        message = msg(
            "balance.fails",
            column=column_label(eq.key),
            new=value["new_received"],
            old=value["carried_over"],
            left=left,
            total=value["total"],
            forward=value["carried_forward"],
            right=right,
            cause=cause,
            blanks=blanks,
        )
        return message, left, right
    total, parts = eq.side(1), eq.side(-1)
    sums = {"total": total, "parts": parts, "cause": cause, "blanks": blanks}
    if eq.code == "row_total":
        message = msg("row_total.fails", row=row_label(eq.key), **sums)
    elif eq.code == "outcome_total":
        message = msg("outcome_total.fails", column=column_label(eq.key), **sums)
    else:
        terms = [
            msg("sum.term", label=OUTCOME_LABELS[t.ref[2]], value=int(t.cell.value or 0))
            for t in eq.terms[1:]
        ]
        group = GROUP_NAMES.get(eq.key, eq.key)
        message = msg("review_total.fails", group=group, terms=terms, **sums)
    return message, parts, total


def _lacking(code: str, rows: Sequence[str]) -> Finding:
    listed = [msg("part.row_ref", key=k, label=row_label(k)) for k in rows]
    return Finding(code, "info", msg(f"{code}.lacking", rows=listed), ())


def row_total_findings(ctx: Context) -> list[Finding]:
    """What :func:`row_total` returns, over a shared :class:`.Context`."""
    apps = ctx.report.applications
    if not len(apps):
        return []
    if not apps.has_total_column:
        return [Finding("row_total", "info", msg("row_total.no_total_column"))]
    return _sum_findings(ctx, ctx.table_b(), "row_total")


def outcome_total_findings(ctx: Context) -> list[Finding]:
    """What :func:`outcome_total` returns, over a shared :class:`.Context`."""
    if not len(ctx.report.applications):
        return []
    lacking = ctx.plan_b.lacking_outcomes
    if lacking:
        return [_lacking("outcome_total", lacking)]
    return _sum_findings(ctx, ctx.table_b(), "outcome_total")


def balance_findings(ctx: Context) -> list[Finding]:
    """What :func:`balance` returns, over a shared :class:`.Context`."""
    if not len(ctx.report.applications):
        return []
    lacking = ctx.plan_b.lacking_balance
    if lacking:
        return [_lacking("balance", lacking)]
    return _sum_findings(ctx, ctx.table_b(), "balance")


def review_total_findings(ctx: Context) -> list[Finding]:
    """What :func:`review_total` returns, over a shared :class:`.Context`."""
    return _sum_findings(ctx, ctx.table_c(), "review_total")


def balance(report: Report) -> tuple[Finding, ...]:
    r"""Per column of table B: new_received + carried_over = total + carried_forward.

    >>> import disclosure_parser as dp
    >>> report = dp.parse(
    ...     "三、收到和处理政府信息公开申请情况\n"
    ...     "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
    ...     "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\n"
    ...     "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\n"
    ...     "（七）总计\t\t2\t0\t0\t0\t0\t0\t2\n"
    ...     "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\n"
    ... )
    >>> [(f.severity, f.expected, f.actual, f.cells[0].label) for f in balance(report)]
    [('error', 3, 2, '一、本年新收政府信息公开申请数量 × 自然人'), ('error', 3, 2, '一、本年新收政府信息公开申请数量 × 总计')]
    """  # noqa: E501
    return tuple(balance_findings(Context(report)))


def outcome_total(report: Report) -> tuple[Finding, ...]:
    r"""Per column of table B: （七）总计 = the sum of the outcome rows （一）–（六）.

    （六）其他处理 is the single 2019 row or the three 2021 rows, whichever the report prints.
    A table lacking an outcome row gives one info finding instead.

    >>> import disclosure_parser as dp
    >>> report = dp.parse(
    ...     "三、收到和处理政府信息公开申请情况\n"
    ...     "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
    ...     "（七）总计\t\t2\t0\t0\t0\t0\t0\t2\n"
    ... )
    >>> print(outcome_total(report)[0].message)
    the outcome totals are not assessable: table B lacks row(s) granted (（一）予以公开), ...
    """
    return tuple(outcome_total_findings(Context(report)))


def row_total(report: Report) -> tuple[Finding, ...]:
    r"""Per row of table B: the 总计 column = the sum of the six applicant columns.

    >>> import disclosure_parser as dp
    >>> report = dp.parse(
    ...     "三、收到和处理政府信息公开申请情况\n"
    ...     "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
    ...     "一、本年新收政府信息公开申请数量\t\t3\t1\t0\t0\t0\t\t5\n"
    ... )
    >>> (finding,) = row_total(report)
    >>> print(finding.message)
    row 一、本年新收政府信息公开申请数量: 总计 is 5 but the six applicant columns add up to 4; blank cells counted as 0: 一、本年新收政府信息公开申请数量 × 其他
    """  # noqa: E501
    return tuple(row_total_findings(Context(report)))


def review_total(report: Report) -> tuple[Finding, ...]:
    """Per group of table C: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

    >>> from disclosure_parser import Cell, Report, ReviewGroup, Reviews
    >>> cells = tuple(Cell("number", v, raw=str(v), line=9, column=1 + 2 * i)
    ...               for i, v in enumerate((1, 1, 0, 0, 3)))
    >>> report = Report(None, 2021, None, "2021", reviews=Reviews((ReviewGroup("review", cells),)))
    >>> (finding,) = review_total(report)
    >>> print(finding)
    9:9: error review_total 行政复议: 总计 is 3 but 结果维持 1 + 结果纠正 1 + 其他结果 0 + ...
    >>> finding.localization.status
    'ambiguous'
    """
    return tuple(review_total_findings(Context(report)))
