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
from ..core.model import Report
from .context import Context
from .equations import Equation
from .findings import Finding, FindingCell, Localization, Suspect, cell_names
from .labels import GROUP_NAMES, column_label, row_label
from .localization import localization_for


def _blank_note(eq: Equation) -> str:
    if not eq.blanks:
        return ""
    cells = [FindingCell.of(t.ref[0], t.ref[1], t.ref[2], t.cell) for t in eq.blanks]
    return f"; blank cells counted as 0: {cell_names(cells)}"


def _not_assessable(eq: Equation, what: str) -> Finding:
    cells = eq.finding_cells()
    if eq.trouble is not None:
        t = eq.trouble
        cell = FindingCell.of(t.ref[0], t.ref[1], t.ref[2], t.cell)
        why = (
            f"{cell.label} holds text {cell.raw!r}"
            if cell.state == "text"
            else f"{cell.label} could not be read"
        )
        cells = (cell, *(c for c in cells if c != cell))
    else:
        term = next(t for t in eq.blanks if t.uncertain)
        blank = FindingCell.of(term.ref[0], term.ref[1], term.ref[2], term.cell)
        own = "cannot be read" if term.own is None else f"add up to {term.own}"
        why = (
            f"{blank.label} is blank but its own parts {own} "
            "(a blank total may be an omission, not a zero)"
        )
        cells = (blank, *(c for c in cells if c != blank))
    return Finding(eq.code, "info", f"{what} not assessable: {why}", cells)


def _sum_findings(ctx: Context, equations: Iterable[Equation], code: str) -> list[Finding]:
    out = []
    for eq in equations:
        if eq.code != code or eq.status == "holds":
            continue
        what = _describe_equation(eq)
        if eq.status != "fails":
            out.append(_not_assessable(eq, what))
            continue
        message, expected, actual = _failure(eq)
        localization = localization_for(ctx, eq)
        if localization is not None and localization.status == "single":
            message += f" (likely cause: {_cause(localization.suspects[0])})"
        out.append(
            Finding(
                code,
                "error",
                message + _blank_note(eq),
                _blame_first(eq.finding_cells(), localization),
                expected,
                actual,
                localization,
            )
        )
    return out


def _cause(suspect: Suspect) -> str:
    cell = suspect.cell
    now = cell.value if cell.state == "number" else cell.state
    return f"{cell.label} at {cell.position} is {now}, {suspect.suggested} fits every sum"


def _blame_first(
    cells: tuple[FindingCell, ...], localization: Localization | None
) -> tuple[FindingCell, ...]:
    blamed = localization.cell if localization is not None else None
    if blamed is None or blamed not in cells:
        return cells
    return (blamed, *(c for c in cells if c != blamed))


def _describe_equation(eq: Equation) -> str:
    if eq.code == "row_total":
        return f"row {row_label(eq.key)}"
    if eq.code == "review_total":
        return GROUP_NAMES.get(eq.key, eq.key)
    return f"column {column_label(eq.key)}"


def _failure(eq: Equation) -> tuple[str, int, int]:
    """The message, expected and actual value of a failing equation."""
    what = _describe_equation(eq)
    if eq.code == "balance":
        value = {t.ref[1]: int(t.cell.value or 0) for t in eq.terms}
        left = value["new_received"] + value["carried_over"]
        right = value["total"] + value["carried_forward"]
        return (
            f"{what}: 新收 {value['new_received']} + 上年结转 {value['carried_over']} = {left}, "
            f"but 总计 {value['total']} + 结转下年度 {value['carried_forward']} = {right} "
            "(第一项加第二项之和，等于第三项加第四项之和)",
            left,
            right,
        )
    total, parts = eq.side(1), eq.side(-1)
    if eq.code == "row_total":
        detail = f"总计 is {total} but the six applicant columns add up to {parts}"
    elif eq.code == "outcome_total":
        detail = f"（七）总计 is {total} but the outcome rows (（一）–（六）) add up to {parts}"
    else:
        shown = " + ".join(
            f"{OUTCOME_LABELS[t.ref[2]]} {int(t.cell.value or 0)}" for t in eq.terms[1:]
        )
        detail = f"总计 is {total} but {shown} = {parts}"
    return f"{what}: {detail}", parts, total


def _lacking(code: str, rows: Sequence[str], what: str) -> Finding:
    shown = ", ".join(f"{k} ({row_label(k)})" for k in rows[:3])
    more = f" and {len(rows) - 3} more" if len(rows) > 3 else ""
    return Finding(code, "info", f"{what} not assessable: table B lacks row(s) {shown}{more}", ())


def row_total_findings(ctx: Context) -> list[Finding]:
    """What :func:`row_total` returns, over a shared :class:`.Context`."""
    apps = ctx.report.applications
    if not len(apps):
        return []
    if not apps.has_total_column:
        return [
            Finding(
                "row_total",
                "info",
                "table B has no 总计 column: row totals cannot be checked (the rules over "
                "that column are not applicable)",
            )
        ]
    return _sum_findings(ctx, ctx.table_b(), "row_total")


def outcome_total_findings(ctx: Context) -> list[Finding]:
    """What :func:`outcome_total` returns, over a shared :class:`.Context`."""
    if not len(ctx.report.applications):
        return []
    lacking = ctx.plan_b.lacking_outcomes
    if lacking:
        return [_lacking("outcome_total", lacking, "the outcome totals are")]
    return _sum_findings(ctx, ctx.table_b(), "outcome_total")


def balance_findings(ctx: Context) -> list[Finding]:
    """What :func:`balance` returns, over a shared :class:`.Context`."""
    if not len(ctx.report.applications):
        return []
    lacking = ctx.plan_b.lacking_balance
    if lacking:
        return [_lacking("balance", lacking, "the balance 一+二 = 三+四 is")]
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
    row 一、本年新收政府信息公开申请数量: 总计 is 5 but the six applicant columns add up to 4; blank cells counted as 0: 一、本年新收政府信息公开申请数量 × 其他 (3:29)
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
