"""The equations of tables B and C, and how a report's cells fill them.

Each sum rule of SPEC §4 over table B (``row_total``, ``outcome_total``, ``balance``) or table
C (``review_total``) is a set of equations Σ coef·cell = 0. A :class:`Spec` is one such
equation for a table of given rows, made once per table layout (:func:`plan_b`,
:func:`plan_c`); an :class:`Equation` is a spec with one report's cells in it, and its verdict.
Building equations costs more than checking a sum, so :func:`unsettled` builds only those that
do not plainly hold.

Blank cells and "none" marks (state ``na``) count as 0 (:data:`AS_ZERO`, :func:`value_or_zero`)
except where a blank is a total whose own parts do not add up to 0: then the blank may be an
omission, and :class:`Equation` says so.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from ..core.keys import (
    APPLICANT_COLUMNS,
    APPLICANTS,
    NOT_PROCESSED,
    OTHER_HANDLING_2021,
    REVIEW_OUTCOMES,
    UNAVAILABLE,
    WITHHELD,
)
from ..core.model import MISSING, Cell, Number
from .findings import FindingCell

#: a cell an equation names: its table ("B" or "C"), row key and column key
Ref = tuple[str, str, str]


class Term:
    """A cell in an equation; ``own`` is what its own parts add up to when the cell is a blank
    total whose parts do not add up to 0 (None: they cannot be read), else 0."""

    __slots__ = ("cell", "coef", "own", "ref", "uncertain")

    def __init__(self, ref: Ref, cell: Cell, coef: int) -> None:
        self.ref, self.cell, self.coef = ref, cell, coef
        self.uncertain = False
        self.own: Number | None = 0


#: one term of an equation's plan: row index, column index, coefficient, what the cell totals
#: (1: its row's applicant cells or its group's outcomes; 2: its column's outcome rows; 3:
#: both; 0: nothing), and the cell's table, row key and column key
Slot = tuple[int, int, int, int, Ref]
ROW_TOTAL: Final = 1
COLUMN_TOTAL: Final = 2


class Spec:
    """An equation of table B or C before it meets a report's values: Σ coef·cell = 0."""

    __slots__ = ("code", "key", "scope", "slots")

    def __init__(self, code: str, key: str, scope: str, slots: tuple[Slot, ...]) -> None:
        self.code, self.key, self.scope, self.slots = code, key, scope, slots


class Sums:
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


class Equation:
    """An equation with a report's cells in it, and its verdict.

    ``status`` is ``holds``, ``fails``, ``unreadable`` (a cell holds text or could not be
    read), ``exceeds`` (cells could not be read, all on one side, and that side's cells that
    can be read already add up to more than the other side: no count those cells may hold,
    none being negative, makes it hold) or ``blank_total`` (it fails with its blanks as 0, but
    one of them is a total whose own parts do not add up to 0: it may be an omission rather
    than a zero).
    """

    __slots__ = ("blanks", "code", "key", "scope", "status", "terms", "trouble", "value")

    def __init__(self, spec: Spec, grid: Sequence[Sequence[Cell]], sums: Sums) -> None:
        self.code, self.key, self.scope = spec.code, spec.key, spec.scope
        self.terms: list[Term] = []
        self.blanks: list[Term] = []
        self.trouble: Term | None = None
        value = 0
        uncertain = False
        for r, c, coef, totals, ref in spec.slots:
            term = Term(ref, grid[r][c], coef)
            self.terms.append(term)
            state = term.cell.state
            if state == "number":
                value += coef * int(term.cell.value or 0)
            elif state in AS_ZERO:
                self.blanks.append(term)
                own = [sums.rows[r]] if totals & ROW_TOTAL else []
                own += [sums.columns[c]] if totals & COLUMN_TOTAL else []
                # a blank total is 0 under either reading of a blank when its parts are
                if own and 0 not in own:
                    term.uncertain, term.own = True, own[0]
                    uncertain = True
            elif self.trouble is None:
                self.trouble = term
        self.value = value
        self.status: str
        if self.trouble is not None:
            self.status = "exceeds" if not uncertain and self._exceeds() else "unreadable"
        elif value == 0:
            self.status = "holds"
        elif uncertain:
            self.status = "blank_total"
        else:
            self.status = "fails"

    def _exceeds(self) -> bool:
        """Whether the cells that cannot be read all stand on one side and that side's others
        already add up to more than the other side (see ``exceeds``). A withheld cell reads
        as nothing, so a sum with one is otherwise not judged: this still catches a number
        read into the wrong cell beside it (the side it went to then adds up to too much)."""
        if len({t.coef for t in self.unread()}) != 1:
            return False
        readable, other = self.bound()
        return readable > other

    def unread(self) -> list[Term]:
        """The terms whose cells hold text or could not be read."""
        return [t for t in self.terms if t.cell.state not in _READ]

    def bound(self) -> tuple[int, int]:
        """The sum of the readable cells on the side of the first unread cell, and of the
        other side: the first may not pass the second (counts are never negative)."""
        sign = self.unread()[0].coef
        return self.side(sign), self.side(-sign)

    @property
    def name(self) -> str:
        return f"{self.code}:{self.key}"

    def side(self, sign: int) -> int:
        """The sum of the terms with coefficient *sign* (blank cells as 0)."""
        return sum(int(t.cell.value or 0) for t in self.terms if t.coef == sign)

    def finding_cells(self) -> tuple[FindingCell, ...]:
        """The equation's cells as a finding names them, in the equation's order."""
        return tuple(FindingCell.of(t.ref[0], t.ref[1], t.ref[2], t.cell) for t in self.terms)


#: the cells of a table B row: six applicant columns and 总计 (shorter rows are padded)
WIDTH: Final = len(APPLICANT_COLUMNS)
_BALANCE_ROWS: Final = ("new_received", "carried_over", "total", "carried_forward")


def _outcome_keys(present: Iterable[str]) -> list[str]:
    """The outcome rows the （七）总计 row sums, in template order."""
    present = set(present)
    # real reports print either form of （六）其他处理 whatever their template
    split = any(k in present for k in OTHER_HANDLING_2021)
    other = OTHER_HANDLING_2021 if split or "other_handling" not in present else ("other_handling",)
    return ["granted", "partially_granted", *WITHHELD, *UNAVAILABLE, *NOT_PROCESSED, *other]


class PlanB:
    """The equations of a table B with given rows, and what outcome_total and balance lack."""

    __slots__ = ("lacking_balance", "lacking_outcomes", "outcome_rows", "specs")

    def __init__(self, keys: tuple[str, ...], has_total: bool) -> None:
        index: dict[str, int] = {}
        for i, key in enumerate(keys):
            index.setdefault(key, i)
        columns = APPLICANT_COLUMNS if has_total else APPLICANTS
        total_row = index.get("total")

        def slot(key: str, c: int, coef: int) -> Slot:
            totals = (ROW_TOTAL if c == 6 else 0) | (COLUMN_TOTAL if key == "total" else 0)
            return (index[key], c, coef, totals, ("B", key, columns[c]))

        specs: list[Spec] = []
        if has_total:
            for key in index:
                slots = [slot(key, 6, 1), *(slot(key, c, -1) for c in range(6))]
                specs.append(Spec("row_total", key, "table B", tuple(slots)))
        outcomes = _outcome_keys(index)
        self.lacking_outcomes = tuple(k for k in (*outcomes, "total") if k not in index)
        self.outcome_rows = () if self.lacking_outcomes else tuple(index[k] for k in outcomes)
        if total_row is not None and not self.lacking_outcomes:
            for c, name in enumerate(columns):
                slots = [slot("total", c, 1), *(slot(k, c, -1) for k in outcomes)]
                specs.append(Spec("outcome_total", name, "table B", tuple(slots)))
        self.lacking_balance = tuple(k for k in _BALANCE_ROWS if k not in index)
        if not self.lacking_balance:
            for c, name in enumerate(columns):
                coefs = (1, 1, -1, -1)
                slots = [slot(k, c, coef) for k, coef in zip(_BALANCE_ROWS, coefs, strict=True)]
                specs.append(Spec("balance", name, "table B", tuple(slots)))
        self.specs = tuple(specs)


#: tables of one template share their plan: it is made once
plan_b: Final = functools.lru_cache(maxsize=64)(PlanB)


@functools.lru_cache(maxsize=16)
def plan_c(keys: tuple[str, ...]) -> tuple[Spec, ...]:
    specs = []
    for r, key in enumerate(keys):
        slots = [(r, 4, 1, ROW_TOTAL, ("C", key, "total"))]
        slots += [(r, c, -1, 0, ("C", key, o)) for c, o in enumerate(REVIEW_OUTCOMES[:4])]
        specs.append(Spec("review_total", key, f"table C {key}", tuple(slots)))
    return tuple(specs)


def padded(cells: tuple[Cell, ...], width: int) -> tuple[Cell, ...]:
    """*cells* filled up to *width* with missing cells: a short row's absent cells count as
    unreadable, not as 0."""
    return cells if len(cells) >= width else cells + (MISSING,) * (width - len(cells))


AS_ZERO: Final = frozenset({"blank", "na"})
#: the states whose value a sum can use (a number, or 0)
_READ: Final = AS_ZERO | {"number"}


def grid_values(grid: Sequence[Sequence[Cell]]) -> list[list[Number | None]]:
    """The grid's numbers, blank and "none" cells as 0, text and unreadable cells as None."""
    out: list[list[Number | None]] = []
    for row in grid:
        values = [c.value for c in row]
        if None in values:
            values = [
                c.value if c.value is not None else (0 if c.state in AS_ZERO else None) for c in row
            ]
        out.append(values)
    return out


def unsettled(
    specs: Sequence[Spec], values: list[list[Number | None]], build: Callable[[Spec], Equation]
) -> list[Equation]:
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


def value_or_zero(cell: Cell | None) -> int | None:
    """A part's value: blank and "none" marks count as 0; text or unreadable cells as None."""
    if cell is None:
        return None
    if cell.state == "number":
        return int(cell.value or 0)
    return 0 if cell.state in AS_ZERO else None
