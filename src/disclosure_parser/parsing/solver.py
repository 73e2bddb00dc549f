"""Choosing between readings of a table by the table's own arithmetic.

A row of a table may be read in several ways: a ragged row with a cell too few could have lost
any of its cells, a row with an extra cell could carry a stray one at either end. Each reading
is a :class:`Candidate`: a value per column, where a value is a known number, ``None`` (a cell
the text does not give, to be derived if the sums allow) or :data:`OPAQUE` (text, which no sum
can use). The table's equations (a row's 总计 is the sum of its parts, a column's outcomes add
up to its 总计 …) then rule readings out.

The solver never guesses: a reading is chosen only when it is the single one that fits; where
several fit, the cells on which they agree are kept and the rest are withheld; a cell is
derived from a sum only when that sum determines it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Final

OPAQUE: Final = -(2**62)  # a text cell: a value no equation can use (ints keep typing simple)
#: a blank cell: 0 as a part of a sum, but a blank *total* may be an omission (SPEC §1, §4),
#: so an equation whose total is blank says nothing
BLANK: Final = -(2**61)
_INF: Final = 2**60
#: combinations of row readings tried at most: real tables need a few dozen; each costs a pass
#: over every equation, so garbage with thousands cost seconds (its rows are then withheld)
_MAX_COMBINATIONS: Final = 512
#: readings checked against an equation, at most, while narrowing one table: real tables need
#: up to 90,000 (flattened rows of five-digit counts with no 总计 column, a thousand splits
#: each); garbage in every row of a flattened table needed millions. Narrowing stops there,
#: which leaves readings undecided (withheld), never a wrong one chosen.
_MAX_NARROWING: Final = 200_000
#: steps (a reading given to a row) and combinations that fit, at most, when the combinations
#: are too many to try one by one (:meth:`_Problem._search`): real tables with a few rows of
#: blanks take a few thousand steps; past these the rows are left undecided (withheld)
_MAX_NODES: Final = 2_000
_MAX_SOLUTIONS: Final = 256
#: distinct partial sums an equation's exact narrowing keeps per step (:meth:`_Problem.
#: narrow_exact`): counts of a few digits in a few undecided rows stay far below; past it the
#: equation is left to the bounds and the search
_MAX_SUMS: Final = 4096

Value = int | None
#: (row index, column index, sign): one side of an equation is +1, the other -1
Term = tuple[int, int, int]
#: (name, terms, the (row, column) cells that are totals of the equation)
Equation = tuple[str, tuple[Term, ...], frozenset[tuple[int, int]]]


class Candidate:
    """One reading of a row: its values, the source of each, and how far-fetched it is."""

    __slots__ = (
        "_meaning",
        "cost",
        "derived",
        "drift",
        "loose",
        "repairs",
        "sources",
        "split",
        "values",
    )

    def __init__(
        self,
        values: Sequence[Value],
        sources: Sequence[object | None],
        cost: int,
        derived: frozenset[int] = frozenset(),
        repairs: int = 0,
    ) -> None:
        self.values: tuple[Value, ...] = tuple(values)
        self.sources: tuple[object | None, ...] = tuple(sources)
        self.cost = cost
        self.derived = derived
        #: cells this reading takes as lost or as stray: the repairs it assumes
        self.repairs = repairs
        #: a split of glued digits chosen among several (its cells are recovered, not read)
        self.split = False
        #: columns where a reading as likely that says the same numbers has another kind of
        #: cell (a printed blank, a 0, a mark such as "-"): which one the text holds there
        #: the sums cannot tell (see _dedupe)
        self.loose: frozenset[int] = frozenset()
        #: columns where such a reading has a value derived (not printed) and this one a
        #: printed one, or the reverse: where a row lost its cell, which it guesses alike
        self.drift: frozenset[int] = frozenset()
        #: what the reading says (see _meaning), computed once: the solver asks it of every
        #: candidate again and again, and a glued row may have hundreds
        self._meaning: tuple[object, ...] | None = None

    def with_value(self, column: int, value: int) -> Candidate:
        values = list(self.values)
        values[column] = value
        cand = Candidate(values, self.sources, self.cost, self.derived | {column}, self.repairs)
        cand.split = self.split
        cand.loose = self.loose
        cand.drift = self.drift
        return cand

    def __repr__(self) -> str:
        shown = [
            "?" if v is None else "T" if v == OPAQUE else "_" if v == BLANK else str(v)
            for v in self.values
        ]
        return f"Candidate({' '.join(shown)}, cost={self.cost})"


class Outcome:
    """What the solver decided for one row."""

    __slots__ = ("alternatives", "chosen", "kept")

    def __init__(
        self,
        chosen: Candidate | None,
        alternatives: list[Candidate],
        kept: tuple[bool, ...],
    ) -> None:
        #: the single reading that fits, or None when several (or none) do
        self.chosen = chosen
        #: the readings still possible when no single one was chosen
        self.alternatives = alternatives
        #: per column: whether the cell is the same in every possible reading
        self.kept = kept


def _bounds(domain: list[Candidate]) -> list[tuple[int, int, bool] | None]:
    """Per column: least and greatest value over *domain* (a blank counting 0) and whether a
    blank is among them; None when one is opaque."""
    out: list[tuple[int, int, bool] | None] = []
    for column in zip(*(c.values for c in domain), strict=True):
        if OPAQUE in column:
            out.append(None)
            continue
        blank = BLANK in column
        known = [0 if v == BLANK else v for v in column if v is not None]
        if None in column:
            # an unknown cell may be any count from 0 up
            out.append((min([0, *known]), _INF, blank))
        else:
            out.append((min(known), max(known), blank))
    return out


class _Problem:
    def __init__(self, domains: list[list[Candidate]], equations: Sequence[Equation]) -> None:
        self.domains = [_dedupe(d) for d in domains]
        self._bounds: list[list[tuple[int, int, bool] | None] | None] = [None] * len(domains)
        self.equations = list(equations)
        self.totals = [totals for _, _, totals in self.equations]
        self.broken: set[int] = set()
        self.by_row: list[list[int]] = [[] for _ in domains]
        #: equations over the cells of a single row
        self.local: set[int] = set()
        #: readings checked against an equation so far (see _MAX_NARROWING)
        self.work = 0
        for e, (_, terms, _) in enumerate(self.equations):
            rows = {t[0] for t in terms}
            for row in rows:
                self.by_row[row].append(e)
            if len(rows) == 1:
                self.local.add(e)

    # -- narrowing ---------------------------------------------------------------------------

    def _open(self, row: int) -> bool:
        """Whether the row is still undecided: several readings, or a cell still unknown."""
        domain = self.domains[row]
        return len(domain) > 1 or None in domain[0].values

    def narrow(self) -> None:
        """Prune and complete candidates until nothing changes (bounded)."""
        # a row's own sum (its 总计) settles most rows alone, cheaply: do those first
        for row in range(len(self.domains)):
            if self._open(row):
                self._narrow_row(row, local_only=True)
        for _ in range(12):
            changed = False
            for row in range(len(self.domains)):
                if self.work > _MAX_NARROWING:
                    return
                if self._open(row) and self._narrow_row(row):
                    changed = True
            if not changed:
                return

    def totalled(self, row: int) -> list[Candidate]:
        """The readings of *row* left when those that take a total of the row's own sums as
        lost are dropped, where another reading has that total printed and every other cell
        of the sum.

        A row "9 0 2 9 20" of six parts and a 总计 has lost two cells: 20 may be the 总计
        of 9 + 0 + 2 + 9 and two blanks, or a part, the 总计 lost with one more. Nothing
        but chance would make the numbers of the second reading end with their sum. (Small
        counts do add up by chance: only rows printed whole, whose 总计 a text loses only
        at the page's edge, are weighed so.)
        """
        domain = self.domains[row]
        dropped: set[int] = set()
        for e in self.by_row[row]:
            if e not in self.local or e in self.broken:
                continue
            _, terms, totals = self.equations[e]
            cols = [col for _, col, _ in terms]
            heads = [col for r, col in totals if r == row]
            closed = any(
                all(c.values[col] is not None for col in cols)
                and all(c.values[col] not in (BLANK, OPAQUE) for col in heads)
                and not c.derived.intersection(heads)
                for c in domain
            )
            if closed:
                # (lost: unknown, or already worked out from the sum by the narrowing)
                dropped |= {
                    k
                    for k, c in enumerate(domain)
                    if any(c.values[col] is None or col in c.derived for col in heads)
                }
        kept = [c for k, c in enumerate(domain) if k not in dropped]
        return kept or domain

    def narrow_exact(self) -> None:
        """Drop the readings no combination of the other rows' readings lets fit an equation
        exactly, then narrow again; until nothing changes.

        :meth:`narrow` weighs the other rows by their least and greatest values, which says
        nothing when several rows each have a blank that could stand in any of their
        columns: the sums of a column over all their readings span everything. The exact
        sums each prefix and suffix of the rows can reach (few, for counts of a few digits)
        tell which reading of a row some choice of the others completes.
        """
        for _ in range(12):
            changed = False
            for e in range(len(self.equations)):
                if self.work > _MAX_NARROWING:
                    return
                if e not in self.broken and self._narrow_equation(e):
                    changed = True
            if not changed:
                return
            self.narrow()

    def _exact_shares(self, e: int) -> dict[int, list[int]] | None:
        """Each row's share of equation *e* under each of its readings, in order; None where
        a reading's share is not exact (an unknown, a text cell, a blank total): then only
        the bounds weigh the sum."""
        _, terms, totals = self.equations[e]
        cells: dict[int, list[tuple[int, int]]] = {}
        for r, col, sign in terms:
            cells.setdefault(r, []).append((col, sign))
        out: dict[int, list[int]] = {}
        for r in sorted(cells):
            row_shares: list[int] = []
            for cand in self.domains[r]:
                share = 0
                for col, sign in cells[r]:
                    v = cand.values[col]
                    if v is None or v == OPAQUE or (v == BLANK and (r, col) in totals):
                        return None
                    if v != BLANK:
                        share += sign * v
                row_shares.append(share)
            out[r] = row_shares
        return out

    def _narrow_equation(self, e: int) -> bool:
        if all(len(self.domains[r]) == 1 for r, _, _ in self.equations[e][1]):
            return False
        by_row = self._exact_shares(e)
        if by_row is None:
            return False
        rows = list(by_row)
        shares = list(by_row.values())
        reach = _reachable(shares)
        back = _reachable(shares[::-1])
        if reach is None or back is None:
            return False
        self.work += sum(len(a) * len(s) for a, s in zip(reach, shares, strict=False))
        changed = False
        for i, r in enumerate(rows):
            before, after = reach[i], back[len(rows) - 1 - i]
            keep = [
                cand
                for cand, share in zip(self.domains[r], shares[i], strict=True)
                if any(-share - a in after for a in before)
            ]
            if not keep:
                self.broken.add(e)  # the report itself breaks this sum
                return changed
            if len(keep) < len(self.domains[r]):
                self.domains[r] = keep
                self._bounds[r] = None
                changed = True
        return changed

    def _rest(self, e: int, row: int) -> tuple[int, int] | None:
        """The range of the other rows' part of equation *e*; None when a cell is opaque."""
        lo = hi = 0
        for r, col, sign in self.equations[e][1]:
            if r == row:
                continue
            bounds = self._bounds[r]
            if bounds is None:
                bounds = self._bounds[r] = _bounds(self.domains[r])
            bound = bounds[col]
            if bound is None or (bound[2] and (r, col) in self.totals[e]):
                return None
            a, b, _ = bound
            if sign < 0:
                a, b = -b, -a
            lo += a
            hi += b
        return max(lo, -_INF), min(hi, _INF)

    def _narrow_row(self, row: int, local_only: bool = False) -> bool:
        domain = self.domains[row]
        changed = False
        for e in self.by_row[row]:
            if e in self.broken or (local_only and e not in self.local):
                continue
            rest = self._rest(e, row)
            if rest is None:
                continue
            kept: list[Candidate] = []
            self.work += len(domain)
            for cand in domain:
                result = self._apply(e, row, cand, rest)
                if result is not None:
                    kept.append(result)
            if not kept:
                # no reading fits: the report itself breaks this sum; stop relying on it
                self.broken.add(e)
                continue
            kept = _dedupe(kept)
            if _signature(kept) != _signature(domain):
                domain = kept
                changed = True
                self.domains[row] = domain
                self._bounds[row] = None  # recomputed when next needed
        return changed

    def _apply(self, e: int, row: int, cand: Candidate, rest: tuple[int, int]) -> Candidate | None:
        """*cand* narrowed by equation *e*, or None when the equation rules it out."""
        known = 0
        unknown: list[tuple[int, int]] = []
        for r, col, sign in self.equations[e][1]:
            if r != row:
                continue
            v = cand.values[col]
            if v == OPAQUE or (v == BLANK and (row, col) in self.totals[e]):
                return cand
            if v is None:
                unknown.append((col, sign))
            elif v != BLANK:
                known += sign * v
        rest_lo, rest_hi = rest
        # the equation reads: known + sum(sign*u) + rest == 0
        if not unknown:
            return cand if rest_lo <= -known <= rest_hi else None
        signs = {s for _, s in unknown}
        if len(signs) > 1:
            return cand
        sign = signs.pop()
        # sum(u) == sign * (-known - rest)
        lo, hi = sorted((sign * (-known - rest_lo), sign * (-known - rest_hi)))
        if hi < 0:
            return None
        if len(unknown) == 1 and rest_lo == rest_hi:
            return cand.with_value(unknown[0][0], lo) if lo >= 0 else None
        if hi == 0:
            for col, _ in unknown:
                cand = cand.with_value(col, 0)
            return cand
        return cand

    # -- search ------------------------------------------------------------------------------

    def solutions(self, search: bool = True) -> list[list[Candidate]] | None:
        """Every combination of readings that satisfies all usable equations.

        None when there are too many combinations to try (past :data:`_MAX_COMBINATIONS`
        unless *search*, past what :meth:`_search` weighs).
        """
        sizes = [len(d) for d in self.domains]
        total = 1
        for s in sizes:
            total *= s
            if total > _MAX_COMBINATIONS:
                return self._search() if search else None
        found: list[list[Candidate]] = []
        seen: dict[tuple[tuple[object, ...], ...], list[Candidate]] = {}
        for combo in itertools.product(*self.domains):
            self._keep(self._complete(list(combo)), found, seen)
        return found

    def _keep(
        self,
        resolved: list[Candidate] | None,
        found: list[list[Candidate]],
        seen: dict[tuple[tuple[object, ...], ...], list[Candidate]],
    ) -> None:
        """Add a combination that fits (*resolved*, None where it broke a sum) to *found*,
        once per distinct meaning."""
        if resolved is None:
            return
        key = tuple(_meaning(c) for c in resolved)
        kept = seen.get(key)
        if kept is None:
            seen[key] = resolved
            found.append(resolved)
            return
        # the same numbers again, perhaps with a blank, a 0 or a derived value elsewhere
        # (cells to derive stood in other columns): the kept rows' loose columns say where
        for old, new in zip(kept, resolved, strict=True):
            if (new.repairs, new.cost) != (old.repairs, old.cost):
                continue  # (the least far-fetched is preferred: see _dedupe)
            _mark_loose(old, [old, new])

    def _search(self) -> list[list[Candidate]] | None:
        """:meth:`solutions` where the combinations are too many to try one by one: rows are
        given a reading one after another, and a branch is left as soon as some equation can
        no longer hold whatever the rows not yet read give (their least and greatest values,
        a cell to be derived any count from 0 up). The tables of unseen reports whose sums
        decide them took at most a few hundred steps where their products ran to tens of
        thousands. None past :data:`_MAX_NODES` steps or :data:`_MAX_SOLUTIONS` combinations
        that fit: rows left undecided, as before the search."""
        terms = [_Terms(self, e) for e in range(len(self.equations))]
        order = sorted(range(len(self.domains)), key=lambda r: len(self.domains[r]))
        state = [t.open() for t in terms]
        for e, t in enumerate(terms):
            for row in t.rows:
                state[e] = t.add(state[e], t.bound[row])
        found: list[list[Candidate]] = []
        seen: dict[tuple[tuple[object, ...], ...], list[Candidate]] = {}
        chosen: list[Candidate | None] = [None] * len(self.domains)
        nodes = 0
        # an equation whose readings are all exact also weighs the exact sums the rows not
        # yet read can reach, not only their least and greatest
        exact = {e: x for e in range(len(terms)) if (x := self._exact_rest(e, order))}
        done = [0] * len(terms)

        def visit(depth: int) -> bool:
            nonlocal nodes
            if depth == len(order):
                self._keep(self._complete([c for c in chosen if c is not None]), found, seen)
                return len(found) <= _MAX_SOLUTIONS
            row = order[depth]
            for k, cand in enumerate(self.domains[row]):
                nodes += 1
                if nodes > _MAX_NODES:
                    return False
                touched = self.by_row[row]
                saved = [state[e] for e in touched]
                ok = True
                for e in touched:
                    t = terms[e]
                    state[e] = t.add(t.add(state[e], t.bound[row], -1), t.reading[row][k])
                    ok = ok and t.holds(state[e])
                    rest = exact.get(e)
                    if rest is not None:
                        done[e] += t.reading[row][k][0]
                        ok = ok and -done[e] in rest[depth + 1]
                self.work += len(touched)
                if ok:
                    chosen[row] = cand
                    if not visit(depth + 1):
                        return False
                for e, old in zip(touched, saved, strict=True):
                    state[e] = old
                    if e in exact:
                        done[e] -= terms[e].reading[row][k][0]
            chosen[row] = None
            return True

        return found if visit(0) else None

    def _exact_rest(self, e: int, order: Sequence[int]) -> list[set[int]] | None:
        """For each depth of the search down *order*, the exact sums the rows of equation
        *e* from that depth on can reach; None where a reading of them is not exact (an
        unknown, a text cell, a blank total) or the sums run past :data:`_MAX_SUMS`."""
        by_row = None if e in self.broken else self._exact_shares(e)
        if by_row is None:
            return None
        rest = _reachable([by_row.get(r, [0]) for r in reversed(order)])
        if rest is None:
            return None
        self.work += sum(len(sums) for sums in rest)
        return rest[::-1]

    def _complete(self, rows: list[Candidate]) -> list[Candidate] | None:
        """Derive the unknowns of one combination; None if it breaks an equation."""
        for _ in range(len(self.equations) + 1):
            progress = False
            for e, (_, terms, totals) in enumerate(self.equations):
                if e in self.broken:
                    continue
                known = 0
                unknown: list[tuple[int, int, int]] = []
                opaque = False
                for r, col, sign in terms:
                    v = rows[r].values[col]
                    if v == OPAQUE or (v == BLANK and (r, col) in totals):
                        opaque = True
                        break
                    if v is None:
                        unknown.append((r, col, sign))
                    elif v != BLANK:
                        known += sign * v
                if opaque:
                    continue
                if not unknown:
                    if known != 0:
                        return None
                    continue
                signs = {s for _, _, s in unknown}
                if len(unknown) == 1:
                    r, col, sign = unknown[0]
                    value = -known * sign
                    if value < 0:
                        return None
                    rows[r] = rows[r].with_value(col, value)
                    progress = True
                elif len(signs) == 1:
                    total = -known * signs.pop()
                    if total < 0:
                        return None
                    if total == 0:
                        for r, col, _ in unknown:
                            rows[r] = rows[r].with_value(col, 0)
                        progress = True
            if not progress:
                break
        return rows


#: an equation's sum over some rows: (finite part of its least value, terms that may be any
#: count down, finite part of its greatest, terms that may be any count up, terms that make
#: the equation say nothing: a text cell, a blank total)
_Range = tuple[int, int, int, int, int]


class _Terms:
    """One equation's share of each row, as :meth:`_Problem._search` adds rows up."""

    __slots__ = ("bound", "reading", "rows")

    def __init__(self, problem: _Problem, e: int) -> None:
        _, terms, totals = problem.equations[e]
        broken = e in problem.broken
        by_row: dict[int, list[tuple[int, int]]] = {}
        for r, col, sign in terms:
            by_row.setdefault(r, []).append((col, sign))
        self.rows = sorted(by_row)
        #: per row: the range of each of its readings' share (row -> reading -> range)
        self.reading: dict[int, list[_Range]] = {}
        #: per row: the range over all its readings (what a row not yet read may give)
        self.bound: dict[int, _Range] = {}
        for r, cells in by_row.items():
            shares = [_share(c, r, cells, totals, broken) for c in problem.domains[r]]
            self.reading[r] = shares
            self.bound[r] = (
                min(s[0] for s in shares),
                max(s[1] for s in shares),
                max(s[2] for s in shares),
                max(s[3] for s in shares),
                max(s[4] for s in shares),
            )

    @staticmethod
    def open() -> _Range:
        return (0, 0, 0, 0, 0)

    @staticmethod
    def add(a: _Range, b: _Range, sign: int = 1) -> _Range:
        return (
            a[0] + sign * b[0],
            a[1] + sign * b[1],
            a[2] + sign * b[2],
            a[3] + sign * b[3],
            a[4] + sign * b[4],
        )

    @staticmethod
    def holds(r: _Range) -> bool:
        """Whether the sum may still be 0 (the equation hold)."""
        return r[4] > 0 or ((r[1] > 0 or r[0] <= 0) and (r[3] > 0 or r[2] >= 0))


def _share(
    cand: Candidate,
    row: int,
    cells: list[tuple[int, int]],
    totals: frozenset[tuple[int, int]],
    broken: bool,
) -> _Range:
    """The range of one reading's cells (*cells*: column and sign) in an equation."""
    if broken:
        return (0, 0, 0, 0, 1)
    lo = hi = down = up = 0
    for col, sign in cells:
        v = cand.values[col]
        if v == OPAQUE or (v == BLANK and (row, col) in totals):
            return (0, 0, 0, 0, 1)
        if v is None:
            if sign > 0:
                up += 1
            else:
                down += 1
        elif v != BLANK:
            lo += sign * v
            hi += sign * v
    return (lo, down, hi, up, 0)


def _reachable(shares: list[list[int]]) -> list[set[int]] | None:
    """The sums the first k rows can reach, for each k (None past :data:`_MAX_SUMS`)."""
    out = [{0}]
    for row_shares in shares:
        options = set(row_shares)
        sums = {a + b for a in out[-1] for b in options}
        if len(sums) > _MAX_SUMS:
            return None
        out.append(sums)
    return out


def _signature(domain: list[Candidate]) -> tuple[tuple[Value, ...], ...]:
    return tuple(c.values for c in domain)


def _meaning(cand: Candidate) -> tuple[object, ...]:
    """What a reading says: a blank cell and a 0 say the same number; text says its text."""
    meaning = cand._meaning
    if meaning is None:
        meaning = cand._meaning = tuple(
            0 if v == BLANK else (OPAQUE, getattr(s, "text", None)) if v == OPAQUE else v
            for v, s in zip(cand.values, cand.sources, strict=True)
        )
    return meaning


def kinds(cand: Candidate) -> tuple[str, ...]:
    """The kind of each cell of a reading: a printed blank, a mark counting 0 ("-", "无"), or
    a number, printed or derived (the same number in readings that mean the same).

    A 0 derived for a cell a row of PDF text left out is a number here, though such a cell
    may be a blank (the text prints nothing for one): which cell a row lost, the readings
    guess alike, and the least far-fetched is kept, its guess said by a ``ragged_row``
    warning. A printed 0 read in a column where another reading has a printed blank or a mark
    is a different claim about what the page prints there, which nothing chose."""
    return tuple(
        "blank"
        if v == BLANK
        else "mark"
        if v == 0
        and col not in cand.derived
        and not any(ch.isdigit() for ch in getattr(s, "text", "0"))
        else "number"
        for col, (v, s) in enumerate(zip(cand.values, cand.sources, strict=True))
    )


def _mark_loose(cand: Candidate, peers: Sequence[Candidate]) -> None:
    """Set *cand*'s ``loose`` and ``drift`` columns from *peers*, readings that say the same
    numbers as it does, as likely (it among them)."""
    loose = frozenset().union(*(c.loose for c in peers))
    drift = frozenset().union(*(c.drift for c in peers))
    seen = {kinds(c) for c in peers}
    loose |= {col for col, ks in enumerate(zip(*seen, strict=True)) if len(set(ks)) > 1}
    derived = {
        tuple(v is None or col in c.derived for col, v in enumerate(c.values)) for c in peers
    }
    drift |= {col for col, ds in enumerate(zip(*derived, strict=True)) if len(set(ds)) > 1}
    if loose != cand.loose or drift != cand.drift:
        cand.loose, cand.drift = loose, drift


def _dedupe(domain: list[Candidate]) -> list[Candidate]:
    """Keep one candidate per distinct reading: the least far-fetched.

    Readings that say the same numbers may differ in where a printed 0, a blank, or a mark
    stands (a row "0 5 5" of four columns: its blank before or after the 0). The sums cannot
    tell them apart, and SPEC keeps a blank apart from a 0: the kept reading's ``loose``
    columns say where such readings differ.
    """
    best: dict[tuple[object, ...], Candidate] = {}
    alike: dict[tuple[object, ...], list[Candidate]] = {}
    for cand in domain:
        meaning = _meaning(cand)
        alike.setdefault(meaning, []).append(cand)
        current = best.get(meaning)
        if current is None or (cand.repairs, cand.cost) < (current.repairs, current.cost):
            best[meaning] = cand
    for meaning, cand in best.items():
        # (a reading that assumes more repairs, or costs more, is not as likely, and the
        # solver prefers the least whenever the sums allow: these add up alike)
        peers = [c for c in alike[meaning] if (c.repairs, c.cost) == (cand.repairs, cand.cost)]
        if len(peers) > 1:
            _mark_loose(cand, peers)
    return sorted(best.values(), key=lambda c: (c.repairs, c.cost))


def solve(
    domains: list[list[Candidate]],
    equations: Sequence[Equation],
    whole: Sequence[bool] = (),
    blanks: Sequence[bool] = (),
) -> list[Outcome]:
    """Decide each row's reading (see the module docstring); *whole* says which rows were
    printed whole, in order (a line of PDF text: a lost cell there is a blank, never the
    row's 总计), where a reading that ends with the sum of the others is preferred
    (:meth:`_Problem.totalled`); *blanks*, which rows' lost cells are blanks for sure (the
    rows whose numbers cannot stand on other lines), where the readings that take them so
    are weighed first, if the search can weigh them all (:func:`_blanked`).

    Two readings of a row "1 2" in a table of columns a, b and total (= a + b): the total
    was lost (then it is 3), or a was lost (then a = 1). Both fit, so the row stays undecided
    and only column a, 1 in both readings, is kept:

    >>> row = [Candidate([1, 2, None], "ab-", 0), Candidate([None, 1, 2], "-ab", 1)]
    >>> total = ("row_total", ((0, 2, 1), (0, 0, -1), (0, 1, -1)), frozenset({(0, 2)}))
    >>> outcome, = solve([row], [total])
    >>> outcome.chosen is None, [c.values for c in outcome.alternatives], outcome.kept
    (True, [(1, 2, 3), (1, 1, 2)], (True, False, False))
    """
    plain = _plain_reading(domains, equations)
    if plain is not None:
        return plain
    problem = _Problem(domains, equations)
    problem.narrow()
    problem.narrow_exact()
    # Occam: a reading that assumes no lost or stray cell is preferred whenever the table's
    # sums allow one, so try the least-repaired readings of every row first; then those
    # that do not take a row's 总计 as lost where another reading finds it printed
    least = [[c for c in d if c.repairs == d[0].repairs] for d in problem.domains]
    totalled = [
        problem.totalled(row) if row < len(whole) and whole[row] else domain
        for row, domain in enumerate(problem.domains)
    ]
    # and first of all, where the search weighs them all, those that read each cell a row
    # printed whole lost as the blank it is there (a blank prints nothing): its 0 then
    # counts in every sum (with the same preferences: a printed 总计 stays one)
    both = [[c for c in a if c in b] or a for a, b in zip(least, totalled, strict=True)]
    for loose in (both, totalled):
        blanked = _blanked(loose, blanks, equations)
        trial = None if blanked is None else _trial(problem, blanked)
        found = None if trial is None else trial.solutions()
        if trial is not None and found:
            return _undecided(trial, found)
    for trial_domains in (least, totalled):
        if all(len(a) == len(b) for a, b in zip(trial_domains, problem.domains, strict=True)):
            continue
        trial = _trial(problem, trial_domains)
        decided = None if trial is None else _decide(trial)
        if decided is not None:
            return decided
    return _decide(problem) or _undecided(problem, None)


def _trial(problem: _Problem, domains: list[list[Candidate]]) -> _Problem | None:
    """*problem* with the readings of *domains* only, narrowed; None where they break a sum
    the whole choice does not (they are then not the ones to prefer)."""
    trial = _Problem(domains, problem.equations)
    trial.broken = set(problem.broken)
    trial.narrow()
    trial.narrow_exact()
    return trial if trial.broken <= problem.broken else None


def _blanked(
    domains: list[list[Candidate]], blanks: Sequence[bool], equations: Sequence[Equation]
) -> list[list[Candidate]] | None:
    """*domains* with the cells each reading of a row whose lost cells are blanks (*blanks*)
    takes as lost (no source, no value) read as blanks; not in a reading of nothing but lost
    cells (a row no reading lines up), nor a total of a sum (a blank total says nothing of
    its sum, so a reading that lost it would fit any: it stays to be worked out). None where
    no reading changes."""
    heads: dict[int, set[int]] = {}
    for _, _, totals in equations:
        for r, col in totals:
            heads.setdefault(r, set()).add(col)
    out: list[list[Candidate]] = []
    changed = False
    for row, domain in enumerate(domains):
        if row >= len(blanks) or not blanks[row]:
            out.append(domain)
            continue
        blanked: list[Candidate] = []
        for c in domain:
            lost = [
                col
                for col, (v, s) in enumerate(zip(c.values, c.sources, strict=True))
                if v is None and s is None and col not in heads.get(row, ())
            ]
            if not lost or all(s is None for s in c.sources):
                blanked.append(c)
                continue
            values = [BLANK if col in lost else v for col, v in enumerate(c.values)]
            blanked.append(Candidate(values, c.sources, c.cost, c.derived, c.repairs))
            changed = True
        out.append(_dedupe(blanked))
    return out if changed else None


def broken_sums(domains: list[list[Candidate]], equations: Sequence[Equation]) -> set[int]:
    """The equations no reading of *domains* fits: the report itself breaks them."""
    problem = _Problem(domains, equations)
    problem.narrow()
    return problem.broken


def fits(
    domains: list[list[Candidate]], equations: Sequence[Equation], broken: set[int]
) -> tuple[bool, int]:
    """Whether some combination of the readings in *domains* fits every equation but the
    *broken* ones (:func:`broken_sums` of a wider choice), True too when there are too many
    combinations to tell; and the readings checked against an equation to tell."""
    problem = _Problem(domains, equations)
    problem.broken = set(broken)
    problem.narrow()
    combinations = 1
    for domain in problem.domains:
        combinations = min(combinations * len(domain), _MAX_COMBINATIONS)
    # (each way of a page is tried: the search that weighs many combinations is for the one
    # table that is finally read, not for each trial)
    fit = problem.broken <= broken and _decide(problem, search=False) is not None
    return fit, problem.work + combinations * len(problem.equations)


def _plain_reading(
    domains: list[list[Candidate]], equations: Sequence[Equation]
) -> list[Outcome] | None:
    """The outcome when every row has one least-repaired reading and together they add up.

    That is what the search below would conclude (it prefers the least repairs), found
    without searching: the common case of a table whose rows only carry layout filler.
    """
    chosen: list[Candidate] = []
    for domain in domains:
        if not domain:
            return None
        fewest = min(c.repairs for c in domain)
        least = [c for c in domain if c.repairs == fewest]
        if len(least) > 1:
            least = _dedupe(least)
        if len(least) != 1 or None in least[0].values:
            return None
        chosen.append(least[0])
    for _, terms, totals in equations:
        known = 0
        for r, col, sign in terms:
            v = chosen[r].values[col]
            if v is None or v == OPAQUE or (v == BLANK and (r, col) in totals):
                break
            if v != BLANK:
                known += sign * v
        else:
            if known != 0:
                return None
    return [Outcome(c, [c], (True,) * len(c.values)) for c in chosen]


def _decide(problem: _Problem, search: bool = True) -> list[Outcome] | None:
    """The outcome of each row, or None when no combination of readings fits the sums
    (*search*: see :meth:`_Problem.solutions`)."""
    if all(len(d) == 1 for d in problem.domains):
        single = problem._complete([d[0] for d in problem.domains])
        if single is None:
            return None
        return [Outcome(c, [c], (True,) * len(c.values)) for c in single]
    found = problem.solutions(search)
    if found == []:
        return None
    return _undecided(problem, found)


def _undecided(problem: _Problem, found: list[list[Candidate]] | None) -> list[Outcome]:
    """Outcomes from the readings still possible; cells they disagree on are not kept."""
    if all(len(d) == 1 for d in problem.domains) and not found:
        # the only readings left break a sum: the report does not add up; keep what was read
        return [Outcome(d[0], d, (True,) * len(d[0].values)) for d in problem.domains]
    outcomes: list[Outcome] = []
    for row, domain in enumerate(problem.domains):
        width = len(domain[0].values) if domain else 0
        readings = _dedupe([combo[row] for combo in found]) if found else domain
        if len(readings) == 1:
            outcomes.append(Outcome(readings[0], readings, (True,) * width))
            continue
        kept = tuple(
            len({_meaning(c)[col] for c in readings}) == 1 and readings[0].values[col] is not None
            for col in range(width)
        )
        outcomes.append(Outcome(None, readings, kept))
    return outcomes
