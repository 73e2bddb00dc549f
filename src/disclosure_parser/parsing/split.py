"""Splitting a glued run of digits ("801000081") into a row's cells.

Text crawled from portal pages often loses the boundaries between table cells: 80|1|0|0|0|0|81
prints as "801000081". A run can be split in many ways; the rules of the format cut them down:

* a number has no leading zero ("0" itself excepted), so "0000000" is seven zeros;
* spaces that are present are real boundaries ("230 000023" is 23|0 + 0|0|0|0|23);
* a row's sums, when it has them (a 总计 cell equal to the sum of its parts), must hold.

:func:`splits` lists every split that obeys them; the table's column sums then choose among the
rows' splits (:mod:`disclosure_parser.parsing.solver`). A split is never guessed: one that is
not the only one left is withheld.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

#: a glued run: numbers (digits, a sign, a decimal point, a unit) with or without spaces
RUN: Final = re.compile(r"[-+]?\d[\d.,+\-\s\u3000]*(?:万元|元)?")
# a sign starts a number, so it is a boundary as good as a space: "4633-2334400" is 4633 then -…
_PIECE: Final = re.compile(r"[-+]?[^\s\u3000+\-]+")
_NUMBER: Final = re.compile(r"[-+]?(?:0|[1-9]\d*)(?:\.\d+)?")
#: splits of one run tried at most (real rows have a few dozen; thousands only come from
#: garbage, and cost seconds in the table's search)
MAX_SPLITS: Final = 1000
#: no count in these tables has more digits (amounts with a point may)
MAX_DIGITS: Final = 8
#: steps (cells tried) one run's search may take: the dev corpus's flattened reports need at
#: most 600 for all their runs, generated rows of five-digit counts up to 7,500 (15 cells of
#: table C); a run that needs more is read as having too many splits, so that garbage costs a
#: bounded time (36 random digits a row took seconds)
MAX_STEPS: Final = 20_000
#: steps the runs of one table may take together (generated reports need 20,000 at most)
TABLE_STEPS: Final = 40_000

#: a row-local sum: the cell at *total* is the sum of the cells at *parts*
Sum = tuple[int, tuple[int, ...]]


class Budget:
    """The steps a search may still take (see :data:`MAX_STEPS`); ``used`` counts them.

    A budget may draw on a larger one (a row's on its table's): a step is taken from both.
    """

    __slots__ = ("left", "parent", "used")

    def __init__(self, steps: int = MAX_STEPS, parent: Budget | None = None) -> None:
        self.left = steps
        self.used = 0
        self.parent = parent

    def take(self) -> bool:
        """Take one step; False when none is left (here or in the budget drawn on)."""
        self.used += 1
        self.left -= 1
        if self.parent is not None and not self.parent.take():
            self.left = min(self.left, -1)
        return self.left >= 0


class Part:
    """One number cut out of a run: its text and its offset in the run."""

    __slots__ = ("offset", "text", "value")

    def __init__(self, text: str, offset: int) -> None:
        self.text = text
        self.offset = offset
        digits = text.lstrip("+-")
        # a run of more than 30 digits is no count (and int() refuses more than 4300)
        self.value = int(text) if digits.isdigit() and len(digits) <= 30 else None

    def __repr__(self) -> str:
        return f"Part({self.text!r}@{self.offset})"


def pieces(run: str) -> list[tuple[str, int]]:
    """The pieces of *run* between spaces (and before signs), each with its offset."""
    return [(m.group(), m.start()) for m in _PIECE.finditer(run)]


def splits(
    run: str,
    width: int,
    sums: Sequence[Sum] = (),
    limit: int = MAX_SPLITS,
    budget: Budget | None = None,
) -> list[list[Part]] | None:
    """Every split of *run* into *width* numbers obeying the format's rules and *sums*.

    None when the run admits more than *limit* splits, or when finding them would take more
    than *budget*'s steps (:data:`MAX_STEPS` when None): the row is then withheld whole. When
    no split satisfies *sums* (a report that does not add up), the splits obeying the other
    rules are returned, so that the table, not this row, decides.

    >>> [[p.text for p in s] for s in splits("801000081", 7, [(6, (0, 1, 2, 3, 4, 5))])]
    [['80', '1', '0', '0', '0', '0', '81']]
    >>> [[p.text for p in s] for s in splits("230 000023", 7, [(6, (0, 1, 2, 3, 4, 5))])]
    [['23', '0', '0', '0', '0', '0', '23']]
    >>> len(splits("898989", 3))  # a 第二十条 row has no sums: many readings remain
    10
    """
    unit = _unit(run)
    if unit:
        run = run[: -len(unit)]
    parts = pieces(run)
    if not parts or width < len(parts):
        return [] if parts else None
    if budget is None:
        budget = Budget()
    found = _search(parts, width, sums, limit, budget)
    if found == [] and sums:
        # the report does not add up: let the table judge the splits the format allows
        found = _search(parts, width, (), limit, budget)
    if found and unit is not None:
        # the unit printed after the run belongs to its last number (an amount)
        for split in found:
            split[-1] = Part(split[-1].text + unit, split[-1].offset)
    return found


def _unit(run: str) -> str:
    """The unit (万元 or 元, with the spaces before it) that ends *run*, or "".

    (A regular expression searched for this is quadratic in a long run of spaces.)

    >>> _unit("12 3 万元"), _unit("12元"), _unit("12")
    (' 万元', '元', '')
    """
    for word in ("万元", "元"):
        if run.endswith(word):
            body = run[: -len(word)]
            return run[len(body.rstrip()) :]
    return ""


def _search(
    parts: list[tuple[str, int]], width: int, sums: Sequence[Sum], limit: int, budget: Budget
) -> list[list[Part]] | None:
    """The splits of *parts* into *width* numbers obeying *sums* (None: more than *limit*, or
    more steps than *budget* has).

    Every sum here has its total after its parts (a row's 总计, table C's group totals), so a
    total's digits are not chosen but read: they must spell the sum of its parts. A total
    that closes the run is read first, from the end, and bounds the search for its parts.
    """
    last = next((m for t, m in sums if t == width - 1), None)
    if len(sums) > 1:
        return _grouped(parts, width, sums, limit, budget)
    if last is None:
        if not sums and _count(parts, width, limit) > limit:
            return None  # counted, not listed: listing a thousand splits costs thousands of steps
        return _dfs(parts, width, sums, None, limit, budget)
    others = [(t, m) for t, m in sums if t != width - 1]
    text, offset = parts[-1]
    found: list[list[Part]] = []
    # casting out nines: a number leaves the remainder of its digits' sum when divided by 9,
    # however the digits are cut, so the parts of any split of the head add up to the head's
    # digit sum, modulo 9; a total that does not share it fits no split (8 totals in 9, for
    # garbage), and no search is needed to say so
    digits = "".join(t for t, _ in parts)
    nines = sum(map(int, digits)) if digits.isdigit() and digits.isascii() else None
    for length in range(1, min(len(text), MAX_DIGITS) + 1):
        tail = text[-length:]
        if not _valid(tail) or "." in tail or tail[:1] in "+-":
            continue
        if nines is not None and (nines - 2 * sum(map(int, tail))) % 9:
            continue
        head = parts[:-1] + ([(text[:-length], offset)] if length < len(text) else [])
        if not head:
            continue
        sub = _dfs(head, width - 1, others, (last, int(tail)), limit - len(found), budget)
        if sub is None:
            return None
        for split in sub:
            split.append(Part(tail, offset + len(text) - length))
        found.extend(sub)
    return found


def _dfs(
    parts: list[tuple[str, int]],
    width: int,
    sums: Sequence[Sum],
    target: tuple[tuple[int, ...], int] | None,
    limit: int,
    budget: Budget,
) -> list[list[Part]] | None:
    """Depth-first over the cells in order (see :func:`_search`)."""
    totals = dict(sums)
    members, goal = target if target is not None else ((), 0)
    counted = set(members)
    #: per cell, how many counted cells come after it
    owing_after = [sum(1 for i in counted if i > cell) for cell in range(width)]
    found: list[list[Part]] = []
    chosen: list[Part] = []
    after, need = _budgets(parts)

    def place(piece: int, pos: int, partial: int) -> bool:
        """Fill cell len(chosen) on, from character *pos* of *piece*; False to stop early."""
        if not budget.take():
            return False  # out of steps: as good as too many splits
        cell = len(chosen)
        if piece == len(parts):
            if cell == width and (target is None or partial == goal):
                found.append(list(chosen))
                return len(found) <= limit
            return True
        if cell == width:
            return True
        text, offset = parts[piece]
        cells_left = width - cell
        pieces_left = len(parts) - piece
        if cells_left < pieces_left:
            return True
        rest = text[pos:]
        if not _feasible(rest, piece, cells_left, after, need):
            return True
        owed = totals.get(cell)
        if owed is not None:
            values = [chosen[i].value for i in owed]
            if any(v is None for v in values):
                return True
            spelled = str(sum(v for v in values if v is not None))
            candidates = [spelled] if rest.startswith(spelled) else []
        else:
            candidates = _heads(rest, cells_left - pieces_left)
        for head in candidates:
            end = pos + len(head)
            if end < len(text) and cells_left == pieces_left:
                continue  # this piece would need a cell the others cannot spare
            total = partial
            if cell in counted:
                # (the checks come before the Part is made: most candidates fail them)
                digits = head.lstrip("+-")
                if not digits.isdigit() or len(digits) > 30:
                    continue
                total += int(head)
                if total > goal:
                    continue  # the parts already exceed the total read at the end
                owing = owing_after[cell]
                left = len(rest) - len(head) + after[piece]
                if owing and left:
                    # the parts still to come must use *left* digits: at least one of them
                    # has ceil(left / owing), so it is at least 10 ** (that - 1)
                    longest = -(-left // owing)
                    if longest > 1 and total + 10 ** (longest - 1) > goal:
                        continue
                    if total + owing * (10 ** min(left - owing + 1, MAX_DIGITS) - 1) < goal:
                        continue
            chosen.append(Part(head, offset + pos))
            ok = place(piece + 1, 0, total) if end == len(text) else place(piece, end, total)
            chosen.pop()
            if not ok:
                return False
        return True

    if not place(0, 0, 0):
        return None
    return found


def _grouped(
    parts: list[tuple[str, int]], width: int, sums: Sequence[Sum], limit: int, budget: Budget
) -> list[list[Part]] | None:
    """Splits for a run of several groups, each closed by its total (table C).

    Each group is searched once from each place it can start: the splits of the run are the
    groups' splits chained, so the search never repeats a group for every way the groups
    before it could have been read.
    """
    totals = dict(sums)
    ends = sorted(totals)
    memo: dict[tuple[int, int, int], list[list[Part]]] = {}
    over = False
    after, need = _budgets(parts)

    def rest_from(piece: int, pos: int, cell: int) -> list[list[Part]]:
        nonlocal over
        key = (piece, pos, cell)
        if key in memo:
            return memo[key]
        if cell == width:
            result: list[list[Part]] = [[]] if piece == len(parts) else []
            memo[key] = result
            return result
        last = next((t for t in ends if t >= cell), width - 1)
        result = []
        group: list[Part] = []

        def fill(piece: int, pos: int, cell: int) -> None:
            nonlocal over
            if over:
                return
            if not budget.take():
                over = True  # out of steps: as many splits as too many
                return
            if cell > last:
                for tail in rest_from(piece, pos, cell):
                    result.append([*group, *tail])
                    if len(result) > limit:
                        over = True
                        return
                return
            if piece == len(parts):
                return
            text, offset = parts[piece]
            cells_left = width - cell
            pieces_left = len(parts) - piece
            rest = text[pos:]
            if cells_left < pieces_left or not _feasible(rest, piece, cells_left, after, need):
                return
            if cell in totals:
                values = [group[i - (last - len(group))].value for i in totals[cell]]
                if any(v is None for v in values):
                    return
                spelled = str(sum(v for v in values if v is not None))
                heads = [spelled] if rest.startswith(spelled) else []
            else:
                heads = _heads(rest, cells_left - pieces_left)
            for head in heads:
                end = pos + len(head)
                if end < len(text) and cells_left == pieces_left:
                    continue
                group.append(Part(head, offset + pos))
                if end == len(text):
                    fill(piece + 1, 0, cell + 1)
                else:
                    fill(piece, end, cell + 1)
                group.pop()

        fill(piece, pos, cell)
        memo[key] = result
        return result

    found = rest_from(0, 0, 0)
    return None if over else found


def _count(parts: list[tuple[str, int]], width: int, cap: int) -> int:
    """How many splits of *parts* into *width* numbers the format allows (as :func:`_dfs`
    lists them with no sums), counting up to *cap* + 1.

    Each place a cell can start is counted once (the count from there does not depend on how
    the cells before were cut), so this takes a few hundred steps where listing more than
    *cap* splits takes thousands.
    """
    after, need = _budgets(parts)
    memo: dict[tuple[int, int, int], int] = {}

    def count(piece: int, pos: int, cell: int) -> int:
        if piece == len(parts):
            return 1 if cell == width else 0
        key = (piece, pos, cell)
        if key in memo:
            return memo[key]
        text = parts[piece][0]
        cells_left = width - cell
        pieces_left = len(parts) - piece
        rest = text[pos:]
        total = 0
        if cells_left >= pieces_left and _feasible(rest, piece, cells_left, after, need):
            for head in _heads(rest, cells_left - pieces_left):
                end = pos + len(head)
                if end < len(text) and cells_left == pieces_left:
                    continue
                total += (
                    count(piece + 1, 0, cell + 1)
                    if end == len(text)
                    else count(piece, end, cell + 1)
                )
                if total > cap:
                    break
        memo[key] = min(total, cap + 1)
        return memo[key]

    return count(0, 0, 0)


def _budgets(parts: list[tuple[str, int]]) -> tuple[list[int], list[int]]:
    """Per piece: digits in the pieces after it, and the fewest cells those pieces need."""
    after = [sum(len(t) for t, _ in parts[i + 1 :]) for i in range(len(parts))]
    need = [sum(-(-len(t) // MAX_DIGITS) for t, _ in parts[i + 1 :]) for i in range(len(parts))]
    return after, need


def _feasible(rest: str, piece: int, cells_left: int, after: list[int], need: list[int]) -> bool:
    """Whether *cells_left* cells can still hold *rest* and the pieces after it."""
    if "." in rest:
        return True  # an amount may be longer than a count
    fewest = -(-len(rest) // MAX_DIGITS) + need[piece]
    most = len(rest) + after[piece]
    return fewest <= cells_left <= most


def _heads(rest: str, spare: int) -> list[str]:
    """The numbers *rest* may start with; *spare* more cells may come from this piece."""
    sign = 1 if rest[:1] in "+-" else 0
    if spare == 0:
        # the last cell of its piece: it takes the rest
        return [rest] if _valid(rest) else []
    if rest[sign:].isdecimal() and rest.isascii():
        # digits only (the usual run): a zero is a number of its own, other digits start
        # numbers of up to MAX_DIGITS digits; what _valid would say of each prefix
        if rest[sign] == "0":
            return [rest[: sign + 1]]
        return [rest[:end] for end in range(sign + 1, min(len(rest), sign + MAX_DIGITS) + 1)]
    heads = []
    for end in range(sign + 1, min(len(rest), sign + MAX_DIGITS) + 1):
        head = rest[:end]
        if _valid(head) and "." not in head:
            heads.append(head)
    if _valid(rest) and rest not in heads:
        heads.append(rest)
    return heads


def _valid(text: str) -> bool:
    """A number as printed: optional sign, no leading zero, at most one decimal point."""
    if not _NUMBER.fullmatch(text):
        return False
    return len(text.lstrip("+-").split(".")[0]) <= MAX_DIGITS or "." in text
