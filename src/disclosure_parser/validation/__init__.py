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
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, Final, Literal

import attrs

from ..core import views
from ..core.keys import (
    APPLICANT_COLUMNS,
    APPLICANTS,
    COLUMN_LABELS,
    GROUP_LABELS,
    ITEM_COLUMNS,
    ITEMS,
    NOT_PROCESSED,
    OTHER_HANDLING_2021,
    OUTCOME_LABELS,
    REVIEW_OUTCOMES,
    ROW_LABELS,
    SECTION_TITLES,
    UNAVAILABLE,
    WITHHELD,
)
from ..core.model import (
    MISSING,
    ApplicationRow,
    Cell,
    DisclosureItem,
    Number,
    Report,
    ReviewGroup,
    Severity,
)
from . import narrative as _narrative

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

#: An amount above this many 万元 (100 亿元) in a 万元 column is taken to be written in 元.
#: No single reporting body collects administrative fees of that size in a year; a sum written
#: in 元 crosses it once it passes 100 万元, so smaller ones written in 元 without their unit
#: go unnoticed. The threshold is a judgement, hence a warning.
IMPLAUSIBLE_WAN_YUAN: Final = Decimal(1_000_000)

_TEN_THOUSAND: Final = Decimal(10_000)


# ---------------------------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------------------------


def _plain(value: Number | str | None) -> Any:
    return str(value) if isinstance(value, Decimal) else value


@attrs.frozen
class FindingCell:
    """A cell a finding is about: which table and keys, its value and where it was printed.

    ``table`` is ``"A"``, ``"B"`` or ``"C"`` (SPEC §1), or ``"text"`` for a number stated in
    the narrative. ``row_key`` is the item, row or group key, ``column_key`` the column key of
    table B or C or the column header of table A. ``line`` and ``column`` are the cell's
    1-based position (None when the parser recorded none). ``source`` says which report the
    cell comes from in cross-year findings (``"previous"`` or ``"current"``).

    >>> cell = FindingCell("B", "granted", "natural_person", 15, line=49, column=20)
    >>> str(cell), cell.label
    ('B[granted, natural_person] = 15 at 49:20', '（一）予以公开 × 自然人')
    """

    table: str
    row_key: str | None
    column_key: str | None
    value: Number | None
    state: str = "number"
    raw: str = ""
    line: int | None = None
    column: int | None = None
    derived: bool = False
    source: str | None = None

    @classmethod
    def of(
        cls,
        table: str,
        row_key: str | None,
        column_key: str | None,
        cell: Cell,
        source: str | None = None,
    ) -> FindingCell:
        """The finding's view of model cell *cell* at (*row_key*, *column_key*) of *table*."""
        return cls(
            table,
            row_key,
            column_key,
            cell.value,
            cell.state,
            cell.raw,
            cell.line,
            cell.column,
            cell.derived,
            source,
        )

    @property
    def label(self) -> str:
        """The cell in the report's own words, e.g. ``（一）予以公开 × 自然人``."""
        if self.table == "B":
            return f"{_row_label(self.row_key)} × {COLUMN_LABELS.get(self.column_key or '', '?')}"
        if self.table == "C":
            group = _GROUP_NAMES.get(self.row_key or "", self.row_key)
            return f"{group} {OUTCOME_LABELS.get(self.column_key or '', self.column_key)}"
        if self.table == "A":
            item = ITEMS.get(self.row_key or "", ("", self.row_key))[1]
            return f"{item} {self.column_key}"
        return f"the text's {self.raw!r}"

    @property
    def position(self) -> str:
        """``line:column``, or ``?`` when the position is unknown."""
        return "?" if self.line is None else f"{self.line}:{self.column}"

    def __str__(self) -> str:
        value = self.state if self.state != "number" else self.value
        where = f" at {self.position}" if self.line is not None else ""
        of = f" of the {self.source} report" if self.source else ""
        return f"{self.table}[{self.row_key}, {self.column_key}] = {value}{where}{of}"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (Decimals as strings)."""
        out = attrs.asdict(self)
        out["value"] = _plain(self.value)
        return out


@attrs.frozen
class Suspect:
    """A cell that, alone, would satisfy every failing sum with the value ``suggested``."""

    cell: FindingCell
    suggested: int

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {"cell": self.cell.to_dict(), "suggested": self.suggested}


LocalizationStatus = Literal["single", "ambiguous", "none"]


@attrs.frozen
class Localization:
    """Which single cell explains the failing sums of one table (or one group of table C).

    ``status`` is ``single`` (one cell, in ``suspects``, explains them all), ``ambiguous``
    (each of several cells would; the sums cannot tell which) or ``none`` (no single cell
    would: at least two are wrong). ``equations`` names the failing sums, e.g.
    ``row_total:granted`` or ``outcome_total:natural_person``.
    """

    scope: str
    status: LocalizationStatus
    equations: tuple[str, ...]
    suspects: tuple[Suspect, ...]
    message: str

    @property
    def cell(self) -> FindingCell | None:
        """The cell to blame when a single one explains the failures, else None."""
        return self.suspects[0].cell if self.status == "single" else None

    @property
    def current(self) -> Number | None:
        """The blamed cell's value as printed (None: blank, or no single cell)."""
        return self.suspects[0].cell.value if self.status == "single" else None

    @property
    def suggested(self) -> int | None:
        """The value that makes every failing sum hold, when a single cell explains them."""
        return self.suspects[0].suggested if self.status == "single" else None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "scope": self.scope,
            "status": self.status,
            "equations": list(self.equations),
            "suspects": [s.to_dict() for s in self.suspects],
            "message": self.message,
        }


@attrs.frozen
class Finding:
    """One rule's verdict on one equation, cell or statement of a report.

    ``code`` is the SPEC §4 rule code, ``severity`` ``error``, ``warning`` or ``info`` (info:
    the rule could not be judged here, and why). ``cells`` are the cells involved, the one to
    blame first where there is one; ``expected`` is the value the rule calls for (for an upper
    bound: the bound) and ``actual`` the value found. ``localization`` is set on the sum
    findings that :func:`localize` explains.

    >>> finding = Finding("review_total", "error", "total is 1", (FindingCell("C", "review",
    ...     "total", 1, line=76, column=9),), expected=2, actual=1)
    >>> print(finding)
    76:9: error review_total total is 1
    """

    code: str
    severity: Severity
    message: str
    cells: tuple[FindingCell, ...] = ()
    expected: Number | str | None = None
    actual: Number | str | None = None
    localization: Localization | None = None

    @property
    def line(self) -> int | None:
        """The line of the first involved cell that has a position."""
        for cell in self.cells:
            if cell.line is not None:
                return cell.line
        return None

    @property
    def column(self) -> int | None:
        """The column of the first involved cell that has a position."""
        for cell in self.cells:
            if cell.line is not None:
                return cell.column
        return None

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}: " if self.line is not None else ""
        return f"{where}{self.severity} {self.code} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (Decimals as strings)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "cells": [c.to_dict() for c in self.cells],
            "expected": _plain(self.expected),
            "actual": _plain(self.actual),
            "localization": self.localization.to_dict() if self.localization else None,
        }

    def _repr_html_(self) -> str:
        """The finding in a notebook: severity, code, position, message, cells, values."""
        return views.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """The finding in IPython: its line, then its cells and values."""
        printer.text(finding_text(self))


def finding_text(finding: Finding) -> str:
    """The finding's line, then the cells it names and its expected and actual values.

    >>> import disclosure_parser as dp
    >>> report = dp.parse_file("examples/reports/000.txt")
    >>> print(finding_text(dp.validate(report)[1]))
    17:13: error narrative_mismatch the text of section 1 states 0 new applications ...
      cells: text[channels, None] = 0 at 17:13; B[new_received, natural_person] = 15 at ...
      expected: 15, actual: 0
    """
    lines = [str(finding)]
    if finding.cells:
        lines.append("  cells: " + "; ".join(str(c) for c in finding.cells))
    if finding.expected is not None or finding.actual is not None:
        lines.append(f"  expected: {finding.expected}, actual: {finding.actual}")
    if finding.localization is not None:
        lines.append(f"  localization: {finding.localization.message}")
    return "\n".join(lines)


class Findings(tuple[Finding, ...]):
    """What :func:`validate` returns: a tuple of findings that prints one finding per line
    (and as a table in a notebook); it compares equal to the plain tuple of its findings.

    >>> findings = Findings((Finding("review_total", "error", "total is 1"),))
    >>> print(findings)
    error review_total total is 1
    >>> findings == (Finding("review_total", "error", "total is 1"),), str(Findings())
    (True, 'no findings')
    """

    __slots__ = ()

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self) if self else "no findings"

    def _repr_html_(self) -> str:
        return views.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


# ---------------------------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------------------------

#: table C groups as the report names them
_GROUP_NAMES: Final = {
    "review": GROUP_LABELS["review"],
    "direct_suit": f"行政诉讼（{GROUP_LABELS['direct_suit']}）",
    "post_review_suit": f"行政诉讼（{GROUP_LABELS['post_review_suit']}）",
}


def _row_label(key: str | None) -> str:
    return ROW_LABELS.get(key or "", str(key))


def _column_label(key: str) -> str:
    return COLUMN_LABELS.get(key, key)


def _names(cells: Sequence[FindingCell], limit: int = 4) -> str:
    shown = [f"{c.label} ({c.position})" for c in cells[:limit]]
    more = len(cells) - limit
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


# ---------------------------------------------------------------------------------------------
# Equations of tables B and C
# ---------------------------------------------------------------------------------------------

_Ref = tuple[str, str, str]


class _Term:
    """A cell in an equation; ``own`` is what its own parts add up to when the cell is a blank
    total whose parts do not add up to 0 (None: they cannot be read), else 0."""

    __slots__ = ("cell", "coef", "own", "ref", "uncertain")

    def __init__(self, ref: _Ref, cell: Cell, coef: int) -> None:
        self.ref, self.cell, self.coef = ref, cell, coef
        self.uncertain = False
        self.own: Number | None = 0


#: one term of an equation's plan: row index, column index, coefficient, what the cell totals
#: (1: its row's applicant cells or its group's outcomes; 2: its column's outcome rows; 3:
#: both; 0: nothing), and the cell's table, row key and column key
_Slot = tuple[int, int, int, int, _Ref]
_ROW_TOTAL: Final = 1
_COLUMN_TOTAL: Final = 2


class _Spec:
    """An equation of table B or C before it meets a report's values: Σ coef·cell = 0."""

    __slots__ = ("code", "key", "scope", "slots")

    def __init__(self, code: str, key: str, scope: str, slots: tuple[_Slot, ...]) -> None:
        self.code, self.key, self.scope, self.slots = code, key, scope, slots


class _Sums:
    """What each row's parts and each column's outcome rows add up to (blank as 0; None where a
    part cannot be read): the values a blank total would have if it were an omission."""

    __slots__ = ("columns", "rows")

    def __init__(
        self, values: list[list[Number | None]], parts: int, outcome_rows: Sequence[int]
    ) -> None:
        self.rows = [_total(row[:parts]) for row in values]
        width = len(values[0]) if values else 0
        self.columns = [_total([values[r][c] for r in outcome_rows]) for c in range(width)]


def _total(values: Sequence[Number | None]) -> Number | None:
    return None if None in values else sum(v for v in values if v is not None)


class _Equation:
    """An equation with a report's cells in it, and its verdict.

    ``status`` is ``holds``, ``fails``, ``unreadable`` (a cell holds text or could not be
    read) or ``blank_total`` (it fails with its blanks as 0, but one of them is a total whose
    own parts do not add up to 0: it may be an omission rather than a zero).
    """

    __slots__ = ("blanks", "code", "key", "scope", "status", "terms", "trouble", "value")

    def __init__(self, spec: _Spec, grid: Sequence[Sequence[Cell]], sums: _Sums) -> None:
        self.code, self.key, self.scope = spec.code, spec.key, spec.scope
        self.terms: list[_Term] = []
        self.blanks: list[_Term] = []
        self.trouble: _Term | None = None
        value = 0
        uncertain = False
        for r, c, coef, totals, ref in spec.slots:
            term = _Term(ref, grid[r][c], coef)
            self.terms.append(term)
            state = term.cell.state
            if state == "number":
                value += coef * int(term.cell.value or 0)
            elif state in _AS_ZERO:
                self.blanks.append(term)
                own = [sums.rows[r]] if totals & _ROW_TOTAL else []
                own += [sums.columns[c]] if totals & _COLUMN_TOTAL else []
                # a blank total is 0 under either reading of a blank when its parts are
                if own and 0 not in own:
                    term.uncertain, term.own = True, own[0]
                    uncertain = True
            elif self.trouble is None:
                self.trouble = term
        self.value = value
        self.status: str
        if self.trouble is not None:
            self.status = "unreadable"
        elif value == 0:
            self.status = "holds"
        elif uncertain:
            self.status = "blank_total"
        else:
            self.status = "fails"

    @property
    def name(self) -> str:
        return f"{self.code}:{self.key}"

    def side(self, sign: int) -> int:
        """The sum of the terms with coefficient *sign* (blank cells as 0)."""
        return sum(int(t.cell.value or 0) for t in self.terms if t.coef == sign)

    def finding_cells(self) -> tuple[FindingCell, ...]:
        return tuple(FindingCell.of(t.ref[0], t.ref[1], t.ref[2], t.cell) for t in self.terms)


_WIDTH: Final = len(APPLICANT_COLUMNS)
_BALANCE_ROWS: Final = ("new_received", "carried_over", "total", "carried_forward")


def _outcome_keys(present: Iterable[str]) -> list[str]:
    """The outcome rows the （七）总计 row sums, in template order."""
    present = set(present)
    # real reports print either form of （六）其他处理 whatever their template
    split = any(k in present for k in OTHER_HANDLING_2021)
    other = OTHER_HANDLING_2021 if split or "other_handling" not in present else ("other_handling",)
    return ["granted", "partially_granted", *WITHHELD, *UNAVAILABLE, *NOT_PROCESSED, *other]


class _PlanB:
    """The equations of a table B with given rows, and what outcome_total and balance lack."""

    __slots__ = ("lacking_balance", "lacking_outcomes", "outcome_rows", "specs")

    def __init__(self, keys: tuple[str, ...], has_total: bool) -> None:
        index: dict[str, int] = {}
        for i, key in enumerate(keys):
            index.setdefault(key, i)
        columns = APPLICANT_COLUMNS if has_total else APPLICANTS
        total_row = index.get("total")

        def slot(key: str, c: int, coef: int) -> _Slot:
            totals = (_ROW_TOTAL if c == 6 else 0) | (_COLUMN_TOTAL if key == "total" else 0)
            return (index[key], c, coef, totals, ("B", key, columns[c]))

        specs: list[_Spec] = []
        if has_total:
            for key in index:
                slots = [slot(key, 6, 1), *(slot(key, c, -1) for c in range(6))]
                specs.append(_Spec("row_total", key, "table B", tuple(slots)))
        outcomes = _outcome_keys(index)
        self.lacking_outcomes = tuple(k for k in (*outcomes, "total") if k not in index)
        self.outcome_rows = () if self.lacking_outcomes else tuple(index[k] for k in outcomes)
        if total_row is not None and not self.lacking_outcomes:
            for c, name in enumerate(columns):
                slots = [slot("total", c, 1), *(slot(k, c, -1) for k in outcomes)]
                specs.append(_Spec("outcome_total", name, "table B", tuple(slots)))
        self.lacking_balance = tuple(k for k in _BALANCE_ROWS if k not in index)
        if not self.lacking_balance:
            for c, name in enumerate(columns):
                coefs = (1, 1, -1, -1)
                slots = [slot(k, c, coef) for k, coef in zip(_BALANCE_ROWS, coefs, strict=True)]
                specs.append(_Spec("balance", name, "table B", tuple(slots)))
        self.specs = tuple(specs)


#: tables of one template share their plan: it is made once
_plan_b: Final = functools.lru_cache(maxsize=64)(_PlanB)


@functools.lru_cache(maxsize=16)
def _plan_c(keys: tuple[str, ...]) -> tuple[_Spec, ...]:
    specs = []
    for r, key in enumerate(keys):
        slots = [(r, 4, 1, _ROW_TOTAL, ("C", key, "total"))]
        slots += [(r, c, -1, 0, ("C", key, o)) for c, o in enumerate(REVIEW_OUTCOMES[:4])]
        specs.append(_Spec("review_total", key, f"table C {key}", tuple(slots)))
    return tuple(specs)


def _padded(cells: tuple[Cell, ...], width: int) -> tuple[Cell, ...]:
    return cells if len(cells) >= width else cells + (MISSING,) * (width - len(cells))


_AS_ZERO: Final = frozenset({"blank", "na"})


def _values(grid: Sequence[Sequence[Cell]]) -> list[list[Number | None]]:
    """The grid's numbers, blank and "none" cells as 0, text and unreadable cells as None."""
    out: list[list[Number | None]] = []
    for row in grid:
        values = [c.value for c in row]
        if None in values:
            values = [
                c.value if c.value is not None else (0 if c.state in _AS_ZERO else None)
                for c in row
            ]
        out.append(values)
    return out


def _unsettled(
    specs: Sequence[_Spec], values: list[list[Number | None]], build: Callable[[_Spec], _Equation]
) -> list[_Equation]:
    """The equations that do not plainly hold. The common case, every cell a number or a
    blank and the sum right, is decided without building anything: a sum that holds with its
    blanks as 0 gives no finding under any reading of a blank."""
    out = []
    for spec in specs:
        total: Number = 0
        for r, c, coef, _, _ in spec.slots:
            v = values[r][c]
            if v is None:
                break
            total += coef * v
        else:
            if total == 0:
                continue
        out.append(build(spec))
    return out


class _Context:
    """What the rules share about one report, computed once per :func:`validate` call."""

    __slots__ = (
        "_b",
        "_c",
        "_localized",
        "_sums_b",
        "_sums_c",
        "grid_b",
        "grid_c",
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
        self.grid_b = [_padded(r.cells, _WIDTH) for r in apps.rows]
        self.plan_b = _plan_b(tuple(r.key for r in apps.rows), apps.has_total_column)
        self.grid_c = [_padded(g.cells, len(REVIEW_OUTCOMES)) for g in report.reviews.groups]
        self.plan_c = _plan_c(tuple(g.key for g in report.reviews.groups))
        self.values_b = _values(self.grid_b)
        self.values_c = _values(self.grid_c)
        self._sums_b: _Sums | None = None
        self._sums_c: _Sums | None = None
        self._b: list[_Equation] | None = None
        self._c: list[_Equation] | None = None
        self._localized: dict[str, Localization] | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        return APPLICANT_COLUMNS if self.report.applications.has_total_column else APPLICANTS

    def cell(self, row: str, column: int) -> Cell | None:
        found = self.rows.get(row)
        if found is None or column >= len(found.cells):
            return None
        return found.cells[column]

    def equation_b(self, spec: _Spec) -> _Equation:
        if self._sums_b is None:
            self._sums_b = _Sums(self.values_b, len(APPLICANTS), self.plan_b.outcome_rows)
        return _Equation(spec, self.grid_b, self._sums_b)

    def equation_c(self, spec: _Spec) -> _Equation:
        if self._sums_c is None:
            self._sums_c = _Sums(self.values_c, len(REVIEW_OUTCOMES) - 1, ())
        return _Equation(spec, self.grid_c, self._sums_c)

    def table_b(self) -> list[_Equation]:
        """The equations of table B that do not plainly hold."""
        if self._b is None:
            self._b = _unsettled(self.plan_b.specs, self.values_b, self.equation_b)
        return self._b

    def table_c(self) -> list[_Equation]:
        """The equations of table C that do not plainly hold."""
        if self._c is None:
            self._c = _unsettled(self.plan_c, self.values_c, self.equation_c)
        return self._c

    def localizations(self) -> dict[str, Localization]:
        """The localisation of every scope (table B, each group of table C) with failures."""
        if self._localized is None:
            self._localized = {}
            failing = {
                eq.scope for eq in [*self.table_b(), *self.table_c()] if eq.status == "fails"
            }
            for scope in failing:
                if scope == "table B":
                    equations = [self.equation_b(s) for s in self.plan_b.specs]
                else:
                    equations = [self.equation_c(s) for s in self.plan_c if s.scope == scope]
                self._localized[scope] = _localize(scope, equations)
        return self._localized


def _localize(scope: str, equations: list[_Equation]) -> Localization:
    """The cells that alone would make every failing equation of *scope* hold."""
    failing = [eq for eq in equations if eq.status == "fails"]
    holding = {t.ref for eq in equations if eq.status == "holds" for t in eq.terms}
    coefs = [{t.ref: t.coef for t in eq.terms} for eq in failing]
    narrowest = min(range(len(failing)), key=lambda i: len(failing[i].terms))
    suspects: list[Suspect] = []
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
        if suggested < 0:
            continue
        ref = term.ref
        suspects.append(Suspect(FindingCell.of(ref[0], ref[1], ref[2], term.cell), suggested))
    names = tuple(eq.name for eq in failing)
    sums = f"{len(failing)} failing sum{'s' if len(failing) > 1 else ''}"
    if len(suspects) == 1:
        (suspect,) = suspects
        cell = suspect.cell
        now = cell.value if cell.state == "number" else cell.state
        message = (
            f"one cell explains the {sums} of {scope}: {cell.label} at {cell.position} is "
            f"{now}; {suspect.suggested} would make {'them' if len(failing) > 1 else 'it'} hold"
        )
        return Localization(scope, "single", names, (suspect,), message)
    if suspects:
        listed = ", ".join(f"{s.cell.label} ({s.cell.position}) → {s.suggested}" for s in suspects)
        message = (
            f"any one of {len(suspects)} cells of {scope} would fix the {sums}: {listed}; "
            "the sums cannot tell which"
        )
        return Localization(scope, "ambiguous", names, tuple(suspects), message)
    message = (
        f"no single cell of {scope} explains the {sums}: at least two cells are wrong "
        "(or a row or column was misread)"
    )
    return Localization(scope, "none", names, (), message)


def _localization_for(ctx: _Context, eq: _Equation) -> Localization | None:
    return ctx.localizations().get(eq.scope) if eq.status == "fails" else None


def _blank_note(eq: _Equation) -> str:
    if not eq.blanks:
        return ""
    cells = [FindingCell.of(t.ref[0], t.ref[1], t.ref[2], t.cell) for t in eq.blanks]
    return f"; blank cells counted as 0: {_names(cells)}"


def _not_assessable(eq: _Equation, what: str) -> Finding:
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


def _sum_findings(ctx: _Context, equations: Iterable[_Equation], code: str) -> list[Finding]:
    out = []
    for eq in equations:
        if eq.code != code or eq.status == "holds":
            continue
        what = _describe_equation(eq)
        if eq.status != "fails":
            out.append(_not_assessable(eq, what))
            continue
        message, expected, actual = _failure(eq)
        localization = _localization_for(ctx, eq)
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


def _describe_equation(eq: _Equation) -> str:
    if eq.code == "row_total":
        return f"row {_row_label(eq.key)}"
    if eq.code == "review_total":
        return _GROUP_NAMES.get(eq.key, eq.key)
    return f"column {_column_label(eq.key)}"


def _failure(eq: _Equation) -> tuple[str, int, int]:
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


# ---------------------------------------------------------------------------------------------
# The rules
# ---------------------------------------------------------------------------------------------


def _lacking(code: str, rows: Sequence[str], what: str) -> Finding:
    shown = ", ".join(f"{k} ({_row_label(k)})" for k in rows[:3])
    more = f" and {len(rows) - 3} more" if len(rows) > 3 else ""
    return Finding(code, "info", f"{what} not assessable: table B lacks row(s) {shown}{more}", ())


def _row_total(ctx: _Context) -> list[Finding]:
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


def _outcome_total(ctx: _Context) -> list[Finding]:
    if not len(ctx.report.applications):
        return []
    lacking = ctx.plan_b.lacking_outcomes
    if lacking:
        return [_lacking("outcome_total", lacking, "the outcome totals are")]
    return _sum_findings(ctx, ctx.table_b(), "outcome_total")


def _balance(ctx: _Context) -> list[Finding]:
    if not len(ctx.report.applications):
        return []
    lacking = ctx.plan_b.lacking_balance
    if lacking:
        return [_lacking("balance", lacking, "the balance 一+二 = 三+四 is")]
    return _sum_findings(ctx, ctx.table_b(), "balance")


def _review_total(ctx: _Context) -> list[Finding]:
    return _sum_findings(ctx, ctx.table_c(), "review_total")


def _is_change_column(name: str) -> bool:
    return "增" in name and "减" in name


def _expected_for(ctx: _Context, cell: FindingCell) -> int | None:
    """The value the sums call for at *cell*, when they single it out (or list it)."""
    scope = "table B" if cell.table == "B" else f"table C {cell.row_key}"
    localization = ctx.localizations().get(scope)
    if localization is None or localization.status == "none":
        return None
    for suspect in localization.suspects:
        if (suspect.cell.row_key, suspect.cell.column_key) == (cell.row_key, cell.column_key):
            return suspect.suggested
    return None


def _negative(ctx: _Context) -> list[Finding]:
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
        expected = _expected_for(ctx, where) if where.table != "A" else None
        hint = f"; the table's sums call for {expected}" if expected is not None else ""
        out.append(
            Finding(
                "negative",
                "error",
                f"{where.label} is {where.value}: a count cannot be negative{hint}",
                (where,),
                expected,
                where.value,
            )
        )
    return out


def _value_or_zero(cell: Cell | None) -> int | None:
    """A part's value: blank and "none" marks count as 0; text or unreadable cells as None."""
    if cell is None:
        return None
    if cell.state == "number":
        return int(cell.value or 0)
    return 0 if cell.state in ("blank", "na") else None


def _bounds(ctx: _Context) -> list[Finding]:
    out = []
    for i, column in enumerate(ctx.columns if ctx.report.applications else ()):
        total = ctx.cell("total", i)
        new, old = (
            _value_or_zero(ctx.cell("new_received", i)),
            _value_or_zero(ctx.cell("carried_over", i)),
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
                    f"column {_column_label(column)}: {handled} applications handled (（七）总计) "
                    f"but only {new} + {old} = {new + old} received or carried over",
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
            label = _GROUP_NAMES.get(group.key, group.key)
            out.append(
                Finding(
                    "bounds",
                    "warning",
                    f"{label}: 结果纠正 is {corrected.value} but 总计 is only {total.value}",
                    (
                        FindingCell.of("C", group.key, "corrected", corrected),
                        FindingCell.of("C", group.key, "total", total),
                    ),
                    total.value,
                    corrected.value,
                )
            )
    return out


_UNIT_NOTE: Final = re.compile(r"[（(][^）)]*[）)]")


def _canonical(column: str) -> str:
    """A table A header without its parenthesised notes (（单位：万元） …)."""
    return _UNIT_NOTE.sub("", column).strip()


#: table A amount columns whose unit the template fixes to 万元 (the 2021 fee header)
_WAN_YUAN_COLUMNS: Final = frozenset(
    _canonical(c) for cols in ITEM_COLUMNS["2021"].values() for c in cols if "万元" in c
)


def _unit(ctx: _Context) -> list[Finding]:
    out = []
    for item in ctx.report.active_disclosure.items:
        for name, cell in zip(item.columns, item.cells, strict=False):
            if "金额" not in name or cell.value is None:
                continue
            if "万元" not in name and _canonical(name) not in _WAN_YUAN_COLUMNS:
                continue
            value = Decimal(cell.value)
            # format "f" keeps 2000 from printing as 2E+3
            expected = Decimal(format(value / _TEN_THOUSAND, "f"))
            if cell.unit == "元":
                why = f"is written in 元: that is {expected} 万元"
            elif value > IMPLAUSIBLE_WAN_YUAN:
                why = (
                    "would be over 100 亿元, implausible for one body: "
                    f"if it is in 元, that is {expected} 万元"
                )
            else:
                continue
            item_label = ITEMS.get(item.key, ("", item.key))[1]
            out.append(
                Finding(
                    "unit",
                    "warning",
                    f"{item_label} {name} is in 万元 but {cell.raw!r} {why}",
                    (FindingCell.of("A", item.key, name, cell),),
                    expected,
                    cell.value,
                )
            )
    return out


def _template_columns() -> dict[str, str]:
    names: dict[str, set[str]] = {}
    for template, items in ITEM_COLUMNS.items():
        for columns in items.values():
            for column in columns:
                names.setdefault(_canonical(column), set()).add(template)
    return {name: next(iter(ts)) for name, ts in names.items() if len(ts) == 1}


#: table A column header -> the only template that prints it
_COLUMN_TEMPLATE: Final = _template_columns()
_ITEMS_2019_ONLY: Final = frozenset(ITEM_COLUMNS["2019"]) - frozenset(ITEM_COLUMNS["2021"])


def _template_mix(ctx: _Context) -> list[Finding]:
    evidence: dict[str, list[tuple[str, str, DisclosureItem | ApplicationRow]]] = {
        "2019": [],
        "2021": [],
    }
    for item in ctx.report.active_disclosure.items:
        for name in item.columns:
            template = _COLUMN_TEMPLATE.get(name) or _COLUMN_TEMPLATE.get(_canonical(name))
            if template is not None:
                evidence[template].append(("A", f"table A header {name}", item))
        if item.key in _ITEMS_2019_ONLY:
            evidence["2019"].append(("A", f"table A item {item.label}", item))
    for row in ctx.report.applications.rows:
        if row.key in OTHER_HANDLING_2021:
            evidence["2021"].append(("B", f"table B row {_row_label(row.key)}", row))
    if not evidence["2019"] or not evidence["2021"]:
        return []
    major = "2021" if len(evidence["2021"]) >= len(evidence["2019"]) else "2019"
    minor = "2019" if major == "2021" else "2021"
    shown = "; ".join(dict.fromkeys(what for _, what, _ in evidence[minor][:3]))
    cells = dict.fromkeys(
        FindingCell(table, where.key, None, None, "label", where.label, where.line, where.column)
        for table, _, where in evidence[minor]
    )
    return [
        Finding(
            "template_mix",
            "warning",
            f"the report follows the {major} template ({len(evidence[major])} signs) but has "
            f"{len(evidence[minor])} sign(s) of the {minor} template: {shown}",
            tuple(cells),
            major,
            minor,
        )
    ]


_TABLE_SECTIONS: Final = {"A": 2, "B": 3, "C": 4}


def _missing_table(ctx: _Context) -> list[Finding]:
    report = ctx.report
    sizes = {
        "A": len(report.active_disclosure),
        "B": len(report.applications),
        "C": len(report.reviews),
    }
    absent = [k for k, n in sizes.items() if n == 0]
    if len(absent) == 3 and report.year is not None and report.year < 2019:
        return [
            Finding(
                "missing_table",
                "info",
                f"a {report.year} report predates the 2019 template: it is not required to have "
                "tables A, B and C, and none of the rules can be judged",
            )
        ]
    return [
        Finding(
            "missing_table",
            "error",
            f"table {k} ({_number_word(_TABLE_SECTIONS[k])}、{SECTION_TITLES[_TABLE_SECTIONS[k]]}) "
            "is absent",
            expected=f"table {k}",
        )
        for k in absent
    ]


def _number_word(n: int) -> str:
    return "一二三四五六"[n - 1]


_STATED: Final = {
    "new_received": "new applications (一、本年新收)",
    "carried_over": "applications carried over (二、上年结转)",
    "carried_forward": "applications carried forward (四、结转下年度继续办理)",
    "review": "administrative reviews (行政复议 总计)",
    "litigation": "lawsuits (行政诉讼 总计, both kinds)",
    "channels": "new applications by channel",
}


def _group_total(ctx: _Context, key: str) -> tuple[int | None, list[FindingCell]]:
    group = ctx.report.reviews.group(key)
    if group is None or len(group.cells) < len(REVIEW_OUTCOMES):
        return None, []
    total = group.cells[4]
    if total.state == "number":
        return int(total.value or 0), [FindingCell.of("C", key, "total", total)]
    if total.state not in ("blank", "na"):
        return None, []
    parts = [_value_or_zero(c) for c in group.cells[:4]]
    if any(p is None for p in parts):
        return None, []
    cells = [
        FindingCell.of("C", key, o, c) for o, c in zip(REVIEW_OUTCOMES, group.cells, strict=False)
    ]
    return sum(p or 0 for p in parts), cells


def _table_value(ctx: _Context, quantity: str) -> tuple[int | None, list[FindingCell]]:
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


def _narrative_mismatch(ctx: _Context) -> list[Finding]:
    report = ctx.report
    if not report.sections:
        return []
    out = []
    for statement in _narrative.statements(report.sections, report.year):
        table, cells = _table_value(ctx, statement.quantity)
        if table is None or table == statement.value:
            continue
        what = _STATED[statement.quantity]
        if statement.parts:
            detail = ", ".join(f"{name} {n}" for name, n in statement.parts)
            stated = f"{statement.value} {what} ({detail})"
        else:
            stated = f"{statement.value} {what}"
        table_name = "table C" if statement.quantity in ("review", "litigation") else "table B"
        words = " ".join(statement.text.split())
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
                f"the text of section {statement.section} states {stated} in {words!r}, but "
                f"{table_name} counts {table}",
                (text_cell, *cells),
                table,
                statement.value,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Public rule functions
# ---------------------------------------------------------------------------------------------


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
    return tuple(_balance(_Context(report)))


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
    return tuple(_outcome_total(_Context(report)))


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
    return tuple(_row_total(_Context(report)))


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
    return tuple(_review_total(_Context(report)))


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
    return tuple(_negative(_Context(report)))


def bounds(report: Report) -> tuple[Finding, ...]:
    """Plausibility (warnings): applications handled ≤ received + carried over, per column of
    table B; 结果纠正 ≤ 总计 in each group of table C.

    >>> from disclosure_parser import Cell, Report, ReviewGroup, Reviews
    >>> cells = tuple(Cell("number", v) for v in (0, 3, 0, 0, 2))
    >>> report = Report(None, 2021, None, "2021", reviews=Reviews((ReviewGroup("review", cells),)))
    >>> [(f.severity, f.expected, f.actual) for f in bounds(report)]
    [('warning', 2, 3)]
    """
    return tuple(_bounds(_Context(report)))


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
    return tuple(_unit(_Context(report)))


def template_mix(report: Report) -> tuple[Finding, ...]:
    """Headers or rows of both official templates in one report (a warning).

    Decided from the report itself: table A headers (per ``_keys.ITEM_COLUMNS``), the items
    only the 2019 template has (其他对外管理服务事项, 政府集中采购) and the 2021 rows of
    （六）其他处理. The parser's own ``template_mix`` diagnostic is not consulted.

    >>> from disclosure_parser import ActiveDisclosure, Cell, DisclosureItem, Report
    >>> zero = Cell("number", 0)
    >>> items = (
    ...     DisclosureItem("regulations", "一", "规章", ("本年制发件数",), (zero,), 3, 1),
    ...     DisclosureItem("procurement", "九", "政府集中采购", ("采购项目数量",), (zero,), 9, 1),
    ... )
    >>> report = Report(None, 2021, None, "2021", active_disclosure=ActiveDisclosure(items))
    >>> print(template_mix(report)[0])
    3:1: warning template_mix the report follows the 2019 template (2 signs) but has 1 sign(s) of the 2021 template: table A header 本年制发件数
    """  # noqa: E501
    return tuple(_template_mix(_Context(report)))


def missing_table(report: Report) -> tuple[Finding, ...]:
    """A table the template requires (A, B or C) is absent.

    >>> from disclosure_parser import Report
    >>> [f.message for f in missing_table(Report("某局", 2021, None, None))]
    ['table A (二、主动公开政府信息情况) is absent', 'table B (三、收到和处理政府信息公开申请情况) is absent', 'table C (四、政府信息公开行政复议、行政诉讼情况) is absent']
    """  # noqa: E501
    return tuple(_missing_table(_Context(report)))


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
    return tuple(_narrative_mismatch(_Context(report)))


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
_IMPLEMENTATIONS: Final[dict[str, Callable[[_Context], list[Finding]]]] = {
    "balance": _balance,
    "outcome_total": _outcome_total,
    "row_total": _row_total,
    "review_total": _review_total,
    "negative": _negative,
    "bounds": _bounds,
    "unit": _unit,
    "template_mix": _template_mix,
    "missing_table": _missing_table,
    "narrative_mismatch": _narrative_mismatch,
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
    ctx = _Context(report)
    out: list[Finding] = []
    for name, implementation in _IMPLEMENTATIONS.items():
        if name in chosen:
            out.extend(implementation(ctx))
    return Findings(out)


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
    return tuple(_Context(report).localizations().values())


# ---------------------------------------------------------------------------------------------
# Cross-year rules
# ---------------------------------------------------------------------------------------------


def _year_carry(previous: Report, current: Report) -> list[Finding]:
    before = previous.applications.row("carried_forward")
    now = current.applications.row("carried_over")
    if before is None or now is None:
        lacking = (
            "previous report's 四、结转下年度继续办理"
            if before is None
            else "current report's 二、上年结转政府信息公开申请数量"
        )
        return [Finding("year_carry", "info", f"not assessable: the {lacking} row is absent")]
    both_totals = previous.applications.has_total_column and current.applications.has_total_column
    columns = APPLICANT_COLUMNS if both_totals else APPLICANTS
    out = []
    for i, column in enumerate(columns):
        if i >= len(before.cells) or i >= len(now.cells):
            continue
        old_cell, new_cell = before.cells[i], now.cells[i]
        old, new = _value_or_zero(old_cell), _value_or_zero(new_cell)
        cells = (
            FindingCell.of("B", "carried_over", column, new_cell, "current"),
            FindingCell.of("B", "carried_forward", column, old_cell, "previous"),
        )
        if old is None or new is None:
            out.append(
                Finding(
                    "year_carry",
                    "info",
                    f"column {_column_label(column)} not assessable: a cell holds no number",
                    cells,
                )
            )
        elif old != new:
            out.append(
                Finding(
                    "year_carry",
                    "error",
                    f"column {_column_label(column)}: {current.year} carried over {new} "
                    f"(二、上年结转) but {previous.year} carried forward {old} "
                    "(四、结转下年度继续办理)",
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
    return {_canonical(n): c for n, c in zip(item.columns, item.cells, strict=False)}


def _year_stock(previous: Report, current: Report) -> list[Finding]:
    out = []
    for key in ("regulations", "normative_documents"):
        now, before = _stock_cells(current, key), _stock_cells(previous, key)
        if any(n not in now for n in _STOCK) or "现行有效件数" not in before:
            continue
        values = [_value_or_zero(now[n]) for n in _STOCK]
        stock_before = _value_or_zero(before["现行有效件数"])
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
                f"{label}: {previous.year} 现行有效 {stock_before} + "
                f"{current.year} 本年制发 {issued} − 本年废止 {repealed} = {expected}, "
                f"but {current.year} 现行有效 is {stock} "
                "(amendments and expiries can explain a difference)",
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
                    f"not assessable: the reports' years ({previous.year}, {current.year}) "
                    "are not known to be consecutive",
                ),
            )
        )
    return Findings((*_year_carry(previous, current), *_year_stock(previous, current)))
