"""What the rules share about one report: its tables B and C as grids, their plans and values,
and the equations that do not plainly hold, each computed once per
:func:`~disclosure_parser.validation.validate` call.

The sum rules, ``negative`` and :mod:`.localization` all look at the same equations; making
them once per report instead of once per rule is what keeps validation a small fraction of
the cost of parsing. Hence each rule comes in two forms: ``<rule>_findings(ctx)`` over a shared
context, which ``validate`` runs, and the public ``<rule>(report)``, which makes its own.
"""

from __future__ import annotations

from ..core.keys import APPLICANT_COLUMNS, APPLICANTS, REVIEW_OUTCOMES
from ..core.model import ApplicationRow, Cell, Report
from .equations import (
    WIDTH,
    Equation,
    Spec,
    Sums,
    grid_values,
    padded,
    plan_b,
    plan_c,
    unsettled,
)
from .findings import Localization


class Context:
    """What the rules share about one report, computed once per ``validate`` call."""

    __slots__ = (
        "_b",
        "_c",
        "_sums_b",
        "_sums_c",
        "grid_b",
        "grid_c",
        "localized",
        "plan_b",
        "plan_c",
        "report",
        "rows",
        "values_b",
        "values_c",
    )

    def __init__(self, report: Report) -> None:
        self.report = report
        apps = report.applications
        self.rows: dict[str, ApplicationRow] = {}
        for row in apps.rows:
            self.rows.setdefault(row.key, row)
        self.grid_b = [padded(r.cells, WIDTH) for r in apps.rows]
        self.plan_b = plan_b(tuple(r.key for r in apps.rows), apps.has_total_column)
        self.grid_c = [padded(g.cells, len(REVIEW_OUTCOMES)) for g in report.reviews.groups]
        self.plan_c = plan_c(tuple(g.key for g in report.reviews.groups))
        self.values_b = grid_values(self.grid_b)
        self.values_c = grid_values(self.grid_c)
        self._sums_b: Sums | None = None
        self._sums_c: Sums | None = None
        self._b: list[Equation] | None = None
        self._c: list[Equation] | None = None
        #: the localisation of each scope with failing sums, filled by
        #: localization.localizations on first use: it is kept here so that a validate call
        #: works it out once, and made there since it needs this context's equations
        self.localized: dict[str, Localization] | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        return APPLICANT_COLUMNS if self.report.applications.has_total_column else APPLICANTS

    def cell(self, row: str, column: int) -> Cell | None:
        found = self.rows.get(row)
        if found is None or column >= len(found.cells):
            return None
        return found.cells[column]

    def equation_b(self, spec: Spec) -> Equation:
        if self._sums_b is None:
            self._sums_b = Sums(self.values_b, len(APPLICANTS), self.plan_b.outcome_rows)
        return Equation(spec, self.grid_b, self._sums_b)

    def equation_c(self, spec: Spec) -> Equation:
        if self._sums_c is None:
            self._sums_c = Sums(self.values_c, len(REVIEW_OUTCOMES) - 1, ())
        return Equation(spec, self.grid_c, self._sums_c)

    def table_b(self) -> list[Equation]:
        """The equations of table B that do not plainly hold."""
        if self._b is None:
            self._b = unsettled(self.plan_b.specs, self.values_b, self.equation_b)
        return self._b

    def table_c(self) -> list[Equation]:
        """The equations of table C that do not plainly hold."""
        if self._c is None:
            self._c = unsettled(self.plan_c, self.values_c, self.equation_c)
        return self._c
