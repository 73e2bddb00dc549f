r"""The consistency rules of SPEC §4: one pure function per rule, each Report -> findings.

>>> import disclosure_parser as dp
>>> from disclosure_parser import validation
>>> report = dp.parse(
...     "三、收到和处理政府信息公开申请情况\n"
...     "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
...     "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\n"
...     "二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n"
...     "（七）总计\t\t3\t0\t0\t0\t0\t0\t3\n"
...     "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\n"
... )
>>> for finding in validation.balance(report):
...     print(finding)
3:19: error balance column 自然人: 新收 3 + 上年结转 1 = 4, but 总计 3 + 结转下年度 0 = 3 ...
3:31: error balance column 总计: 新收 3 + 上年结转 1 = 4, but 总计 3 + 结转下年度 0 = 3 ...

Every rule is judged only where it can be (SPEC §4):

* a blank cell, or a "none" mark such as "/" (state ``na``), counts as 0 where the total it
  feeds is present; a failing equation's message names the cells it so counted;
* a blank total whose parts add up to something else than 0 makes its equation "not
  assessable" (an ``info`` finding with the rule's code): the blank may be an omission. A blank
  total whose parts add up to 0 agrees under either reading and gives no finding;
* a cell holding text, or one the parser could not read (state ``missing``), makes its
  equation not assessable; so does a row the equation needs that the table lacks;
* in ``balance`` the （七）总计 row and, in the 总计 column, every cell are totals in that sense.

A report printed without a 总计 column gets one ``row_total`` info finding saying so; the
equations of that column are not applicable.

Severities follow SPEC §4: ``bounds``, ``unit`` and ``year_stock`` are warnings; ``template_mix``
is a warning too (as the parser's diagnostic of that name: the numbers themselves are not in
doubt); every other failed rule is an error.

The rules live in modules by concern; this package gathers them and runs them:

* :mod:`.sums`: ``balance``, ``outcome_total``, ``row_total``, ``review_total``;
* :mod:`.plausibility`: ``negative``, ``bounds``, ``unit``;
* :mod:`.structure`: ``template_mix``, ``missing_table``;
* :mod:`.narrative_rule`: ``narrative_mismatch``, over what :mod:`.narrative` reads in the text;
* :mod:`.years`: ``compare_years`` (``year_carry``, ``year_stock``).

They share :mod:`.findings` (what a rule returns), :mod:`.labels` (the report's words for
keys), :mod:`.equations` and :mod:`.context` (the sums of tables B and C, made once per report)
and :mod:`.localization` (the single cell that explains failing sums).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from ..core.model import Report

# the narrative scanner is public too: validation.narrative.statements, .scan, .Statement
from . import narrative as narrative
from .context import Context
from .findings import Finding, FindingCell, Findings, Localization, Suspect
from .findings import LocalizationStatus as LocalizationStatus
from .findings import finding_text as finding_text
from .localization import localize
from .narrative_rule import narrative_mismatch, narrative_mismatch_findings
from .plausibility import (
    IMPLAUSIBLE_WAN_YUAN,
    bounds,
    bounds_findings,
    negative,
    negative_findings,
    unit,
    unit_findings,
)
from .structure import (
    missing_table,
    missing_table_findings,
    template_mix,
    template_mix_findings,
)
from .sums import (
    balance,
    balance_findings,
    outcome_total,
    outcome_total_findings,
    review_total,
    review_total_findings,
    row_total,
    row_total_findings,
)
from .years import compare_years

__all__ = [
    "CODES",
    "IMPLAUSIBLE_WAN_YUAN",
    "RULES",
    "Finding",
    "FindingCell",
    "Findings",
    "Localization",
    "Suspect",
    "balance",
    "bounds",
    "compare_years",
    "localize",
    "missing_table",
    "narrative_mismatch",
    "negative",
    "outcome_total",
    "review_total",
    "row_total",
    "template_mix",
    "unit",
    "validate",
]


_Rule = Callable[[Report], tuple[Finding, ...]]

#: every rule of SPEC §4 that judges one report, in the order :func:`validate` runs them
RULES: Final[tuple[_Rule, ...]] = (
    balance,
    outcome_total,
    row_total,
    review_total,
    negative,
    bounds,
    unit,
    template_mix,
    missing_table,
    narrative_mismatch,
)
#: the same rules over a shared Context: validate builds the grids and equations of a report
#: once for all of them, where each public rule function builds its own
_IMPLEMENTATIONS: Final[dict[str, Callable[[Context], list[Finding]]]] = {
    "balance": balance_findings,
    "outcome_total": outcome_total_findings,
    "row_total": row_total_findings,
    "review_total": review_total_findings,
    "negative": negative_findings,
    "bounds": bounds_findings,
    "unit": unit_findings,
    "template_mix": template_mix_findings,
    "missing_table": missing_table_findings,
    "narrative_mismatch": narrative_mismatch_findings,
}

#: every finding code: the rules of RULES, then the cross-year rules of compare_years
CODES: Final = (*(rule.__name__ for rule in RULES), "year_carry", "year_stock")


def validate(report: Report, rules: Iterable[str | _Rule] | None = None) -> Findings:
    r"""Run the rules of SPEC §4 on *report*: all of :data:`RULES`, or those named in *rules*
    (codes or the rule functions), always in the order of :data:`RULES`.

    >>> import disclosure_parser as dp
    >>> report = dp.parse(
    ...     "三、收到和处理政府信息公开申请情况\n"
    ...     "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
    ...     "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t2\n"
    ... )
    >>> [(f.code, f.severity) for f in validate(report, rules=["row_total", "missing_table"])]
    [('row_total', 'error'), ('missing_table', 'error'), ('missing_table', 'error')]
    """
    if rules is None:
        chosen = set(_IMPLEMENTATIONS)
    else:
        chosen = set()
        for rule in rules:
            name = rule if isinstance(rule, str) else rule.__name__
            if name not in _IMPLEMENTATIONS:
                raise ValueError(
                    f"unknown rule {name!r}; the rules are {', '.join(_IMPLEMENTATIONS)}"
                )
            chosen.add(name)
    ctx = Context(report)
    out: list[Finding] = []
    for name, implementation in _IMPLEMENTATIONS.items():
        if name in chosen:
            out.extend(implementation(ctx))
    return Findings(out)
