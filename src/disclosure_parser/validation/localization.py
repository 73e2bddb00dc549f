"""The single cell that explains a table's failing sums, and the value it should have.

A wrong cell of table B breaks its row's equation and one or two column equations; the cell
that all failing equations share, and that no holding equation contains, is the one to blame.
:func:`explain` works that out for one scope (table B, or one group of table C) from its
equations; :func:`localizations` does it once per report for every scope with failures, for
the sum rules and ``negative`` to quote; :func:`localize` is the public entry.
"""

from __future__ import annotations

from ..core.messages import Message, msg
from ..core.model import Report
from .context import Context
from .equations import Equation, Ref
from .findings import FindingCell, Localization, Suspect
from .labels import GROUP_NAMES


def explain(scope: str, equations: list[Equation]) -> Localization:
    """The cells that alone would make every failing equation of *scope* hold."""
    failing = [eq for eq in equations if eq.status == "fails"]
    # a sum whose readable side already passes the other fails too: the cell to blame must
    # mend it as well (its unread cells aside, nothing else can)
    exceeding = [eq for eq in equations if eq.status == "exceeds"]
    holding = {t.ref for eq in equations if eq.status == "holds" for t in eq.terms}
    coefs = [{t.ref: t.coef for t in eq.terms} for eq in failing]
    narrowest = min(range(len(failing)), key=lambda i: len(failing[i].terms))
    suspects: list[Suspect] = []
    refs: list[Ref] = []
    for term in failing[narrowest].terms:
        if term.ref in holding:
            continue
        # changing this cell by delta moves each equation it is in by coef·delta
        delta = -failing[narrowest].value * term.coef
        if not all(
            term.ref in coef and eq.value + coef[term.ref] * delta == 0
            for eq, coef in zip(failing, coefs, strict=True)
        ):
            continue
        suggested = int(term.cell.value or 0) + delta
        if suggested < 0 or not all(_mends(eq, term.ref, delta) for eq in exceeding):
            continue
        ref = term.ref
        suspects.append(Suspect(FindingCell.of(ref[0], ref[1], ref[2], term.cell), suggested))
        refs.append(ref)
    names = tuple(eq.name for eq in failing)
    if len(suspects) == 1:
        (suspect,), (ref,) = suspects, refs
        message = msg(
            "localization.single",
            cell=suspect.cell.label,
            printed=suspect.cell.printed,
            suggested=suspect.suggested,
            sums=[_sum_named(eq, ref) for eq in failing],
        )
        return Localization(scope, "single", names, (suspect,), message)
    where = _scope(scope)
    if suspects:
        listed = [
            msg("localization.suspect", cell=s.cell.label, suggested=s.suggested) for s in suspects
        ]
        message = msg(
            "localization.ambiguous",
            scope=where,
            n=len(suspects),
            failing=len(failing),
            suspects=listed,
        )
        return Localization(scope, "ambiguous", names, tuple(suspects), message)
    message = msg("localization.none", scope=where, failing=len(failing))
    return Localization(scope, "none", names, (), message)


def _mends(eq: Equation, ref: Ref, delta: int) -> bool:
    """Whether changing the cell *ref* by *delta* brings the readable side of *eq* (status
    ``exceeds``) back to at most the other side."""
    coef = next((t.coef for t in eq.terms if t.ref == ref), None)
    if coef is None:
        return False
    known, other = eq.bound()
    if coef == eq.unread()[0].coef:
        known += delta
    else:
        other += delta
    return known <= other


def _sum_named(eq: Equation, ref: Ref) -> Message:
    """A failing sum as the blamed cell *ref* sees it: "its row's total", or, when the cell is
    that total, "the sum of its row's parts" (so a wrong total is never judged by itself)."""
    if eq.code == "balance":
        return msg("sum.balance")
    is_total = any(t.ref == ref and t.coef > 0 for t in eq.terms)
    return msg(f"sum.{eq.code}.parts" if is_total else f"sum.{eq.code}")


def _scope(scope: str) -> Message:
    """A scope as messages name it: table B, or a group of table C."""
    if scope == "table B":
        return msg("part.scope.b")
    key = scope.removeprefix("table C ")
    return msg("part.scope.c", key=key, group=GROUP_NAMES.get(key, key))


def localizations(ctx: Context) -> dict[str, Localization]:
    """The localisation of every scope (table B, each group of table C) with failures."""
    if ctx.localized is None:
        ctx.localized = {}
        # scopes in the order their equations come (table B, then table C's groups): a set
        # would order them by string hash, differently from one process to the next
        equations_in_order = [*ctx.table_b(), *ctx.table_c()]
        failing = dict.fromkeys(eq.scope for eq in equations_in_order if eq.status == "fails")
        for scope in failing:
            if scope == "table B":
                equations = [ctx.equation_b(s) for s in ctx.plan_b.specs]
            else:
                equations = [ctx.equation_c(s) for s in ctx.plan_c if s.scope == scope]
            ctx.localized[scope] = explain(scope, equations)
    return ctx.localized


def localization_for(ctx: Context, eq: Equation) -> Localization | None:
    """What explains *eq* when it fails, together with its scope's other failing sums."""
    return localizations(ctx).get(eq.scope) if eq.status == "fails" else None


def expected_for(ctx: Context, cell: FindingCell) -> int | None:
    """The value the sums call for at *cell*, when they single it out (or list it)."""
    scope = "table B" if cell.table == "B" else f"table C {cell.row_key}"
    localization = localizations(ctx).get(scope)
    if localization is None or localization.status == "none":
        return None
    for suspect in localization.suspects:
        if (suspect.cell.row_key, suspect.cell.column_key) == (cell.row_key, cell.column_key):
            return suspect.suggested
    return None


def localize(report: Report) -> tuple[Localization, ...]:
    r"""For each part of the report whose sums fail (table B; each group of table C), the single
    cell whose correction makes all of them hold without breaking one that holds, with the
    value it should have; or the cells that each would (``ambiguous``); or ``none``.

    A wrong cell of table B breaks its row's equation and one or two column equations, which
    names it; a group of table C has a single equation, so any of its cells could be the one.

    >>> import disclosure_parser as dp
    >>> report = dp.parse(
    ...     "三、收到和处理政府信息公开申请情况\n"
    ...     "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
    ...     "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\n"
    ...     "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\n"
    ...     "（七）总计\t\t3\t0\t0\t0\t0\t0\t3\n"
    ...     "四、结转下年度继续办理\t\t0\t0\t2\t0\t0\t0\t0\n"
    ... )
    >>> (found,) = localize(report)
    >>> found.status, found.cell.label, found.current, found.suggested
    ('single', '四、结转下年度继续办理 × 科研机构', 2, 0)
    """
    return tuple(localizations(Context(report)).values())
