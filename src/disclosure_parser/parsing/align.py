"""Readings of a row's value cells against the number of columns the table has.

A row as printed may hold more cells than the table has columns (empty cells left by merged
label cells, a stray cell) or fewer (a cell lost in copying). :func:`readings` lists the ways
to line the printed cells up with the columns, least far-fetched first; the table's arithmetic
then chooses (see :mod:`disclosure_parser.parsing.solver`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from .cells import CUT, UNREADABLE, classify
from .raw import RawCell
from .solver import BLANK, OPAQUE, Candidate, Value
from .split import MAX_STEPS, Budget, Sum, splits

_MAX_GAP: Final = 2  # cells a row may have lost, or carry in excess, and still be realigned
#: cost of a cell taken as lost or left out as stray: a reading costing less repairs no cell
REPAIR_COST: Final = 10


@lru_cache(maxsize=4096)
def _text_value(text: str) -> Value:
    """The number a cell printed as *text* contributes to a sum: na counts 0, blank is BLANK,
    text is opaque (cached: a report prints the same few texts hundreds of times)."""
    state, value, _ = classify(text)
    if state == "number":
        if value is None or value != int(value):
            return OPAQUE
        return int(value)
    if state == "blank":
        return BLANK
    if state == "na":
        return 0
    if state == "missing":
        return None  # digits a reader could not read: unknown, as if the cell were lost
    return OPAQUE


#: cost of reading an empty filler cell as a printed blank: less than taking a cell as lost
#: (REPAIR_COST) for a row narrower than its header, more for the shadow of a merged label cell,
#: which a row that lost a cell leaves in the same place
_FILLER_AS_VALUE: Final = 2
_SHADOW_AS_VALUE: Final = 20


def _candidate(
    cells: Sequence[RawCell | None],
    cost: int,
    repairs: int = 0,
    dropped: bool = False,
    totals: frozenset[int] = frozenset(),
) -> Candidate:
    """A reading of *cells*; *dropped* says that other empty cells of the row were left out,
    *totals* which columns are totals of the row's own sums.

    Reading a merged label's shadow as a blank cell is an assumption, like a lost cell. So is
    reading filler as a blank *total* while other filler is dropped: a blank total may be an
    omission, so it silences the sum that would check the row. A row "(shadow) 1 0 0 0 0 1
    (trailing)" read so puts its printed 总计 "1" under 其他 and a never-printed blank under
    总计, with nothing left to object; the reading that took 其他 as lost (and checks 总计) is
    then as likely, and only the table's sums may choose between them. (A row with exactly one
    field per column is read as printed, filler included.)
    """
    for column, c in enumerate(cells):
        if c is not None and c.filler:
            cost += _SHADOW_AS_VALUE if c.shadow else _FILLER_AS_VALUE
            repairs += c.shadow or (dropped and column in totals)
    values = [None if c is None else _text_value(c.text) for c in cells]
    return Candidate(values, cells, cost, repairs=repairs)


def plain_cells(values: list[RawCell], width: int) -> list[RawCell] | None:
    """The cells of the only reading of *values*, when the row prints one cell per column,
    give or take empty filler at its ends (no filler between, no glued digits); else None.

    Any other row has several readings, or a repaired one, for :func:`readings` to list.
    """
    n = len(values)
    lead = 0
    while lead < n and values[lead].filler and not values[lead].glued:
        lead += 1
    end = n
    while end > lead and values[end - 1].filler and not values[end - 1].glued:
        end -= 1
    if end - lead != width:
        return None
    core = values[lead:end]
    for c in core:
        if c.filler or c.glued:
            return None
    return core


def readings(
    values: list[RawCell], width: int, sums: Sequence[Sum] = (), budget: Budget | None = None
) -> list[Candidate]:
    """The plausible alignments of *values* to *width* columns, least far-fetched first.

    Exactly *width* cells read as printed. Otherwise empty filler cells at either end may be
    dropped, then up to two cells may be taken as lost (their value unknown) or as stray.
    A glued run of numbers (flattened text) is read as every split of it that fits the row's
    own *sums* (see :mod:`disclosure_parser.parsing.split`), searched within :data:`MAX_STEPS`
    steps drawn on *budget* (the table's, when given).
    """
    n = len(values)
    core = plain_cells(values, width)
    if core is not None:
        # the common case: one cell per column, as printed (the filler dropped costs its count)
        return [_candidate(core, n - width), *_reordered(core, n - width)]
    glued = [c for c in values if c.glued]
    if glued:
        return _split_readings(glued[0], width, sums, budget)
    cut = _cut_readings(values, width)
    if cut is not None:
        return cut
    totals = frozenset(total for total, _ in sums)
    lead = 0
    while lead < n and values[lead].filler:
        lead += 1
    trail = 0
    while trail < n - lead and values[n - 1 - trail].filler:
        trail += 1
    out: list[Candidate] = []
    if n == width:
        out.append(_candidate(list(values), 0))
    # (k1, k2) filler cells dropped at the start and the end: only the pairs that leave exactly
    # *width* cells, and dropping all filler, can give a reading (trying every pair is
    # quadratic in a row padded with thousands of empty cells)
    drops = {(k1, n - width - k1) for k1 in range(lead + 1) if 0 <= n - width - k1 <= trail}
    drops.add((lead, trail))
    drops.discard((0, 0))
    for k1, k2 in sorted(drops):
        core = values[k1 : n - k2]
        cost = k1 + k2
        if len(core) == width:
            out.append(_candidate(list(core), cost, dropped=True, totals=totals))
        elif width - _MAX_GAP <= len(core) < width and k1 + k2 == lead + trail:
            out.extend(_with_gaps(core, width, cost))
        elif width < len(core) <= width + _MAX_GAP and k1 + k2 == lead + trail:
            out.extend(_without_extra(core, width, cost))
    if not out:
        if width - _MAX_GAP <= n < width:
            out.extend(_with_gaps(values, width, 0))
        elif width < n <= width + _MAX_GAP:
            out.extend(_without_extra(values, width, 0))
    return out


#: a row's cells printed on this many lines at most are also read in another order of its lines
_MAX_PIECES: Final = 3


def _reordered(core: list[RawCell], cost: int) -> list[Candidate]:
    """Readings of a row whose cells stand on two or three lines with its lines' pieces in
    another order, each a repair.

    ``pdftotext`` in its default mode sets a block of text where it finds it: a row's 总计
    printed on the line above its label ("265464" / "大量反复申请 95672 20015 81812 54397
    13566 2"), its first number below the rest. Read as printed the row breaks its own sum;
    the table's sums choose the order (a row that adds up as printed keeps it: it assumes no
    repair). One cell a line (text-browser dumps) is many more pieces: those rows keep their
    order.
    """
    pieces = _pieces(core)
    if not pieces:
        return []
    return [
        _candidate([c for k in order for c in pieces[k]], cost + REPAIR_COST, repairs=1)
        for order in itertools.permutations(range(len(pieces)))
        if list(order) != sorted(order)
    ]


def _pieces(core: Sequence[RawCell]) -> list[list[RawCell]]:
    """The runs of *core* printed on one line each, where they are two or three; else none."""
    pieces = [list(run) for _, run in itertools.groupby(core, key=lambda c: c.line)]
    return pieces if 2 <= len(pieces) <= _MAX_PIECES else []


def in_pieces(core: Sequence[RawCell]) -> bool:
    """Whether a row's cells *core* stand on two or three lines (see :func:`_reordered`)."""
    return bool(_pieces(core))


def placed_readings(choices: Sequence[Sequence[RawCell]]) -> list[Candidate]:
    """The readings of a row whose values' positions allow only *choices* (a cell per
    column each; see :mod:`disclosure_parser.parsing.positions`): the blanks between stand
    where nothing was printed, and each way is as likely as the others, but for a way that
    takes more cells for blanks than another: each blank more is a repair (a printed value
    read as the start of a number the page's edge cut leaves a blank before it, see
    :mod:`.page_edge`; a cell the edge cut whole, :data:`~.cells.UNREADABLE` alone, stands
    where nothing is printed as a blank does)."""
    blanks = [
        sum(1 for c in cells if (not c.text and not c.filler) or c.text == UNREADABLE)
        for cells in choices
    ]
    fewest = min(blanks, default=0)
    return [
        _candidate(list(cells), REPAIR_COST * (n - fewest), n - fewest)
        for cells, n in zip(choices, blanks, strict=True)
    ]


def _cut_readings(values: list[RawCell], width: int) -> list[Candidate] | None:
    """The readings of a row the page's edge cut, else None.

    A reader writes :data:`~disclosure_parser.parsing.cells.CUT` for the cells of a column
    the edge of the printed page cut; the columns past it are not in the file at all. A row
    whose last cells (and not its first) are so marked lost its cells from there to its end:
    the cells before stand in their own columns, the rest are lost (or, past the table's
    width, were cells of columns the header no longer shows). A row cut at its start is read
    the other way round. A row cut at both ends lost its missing cells at either end, in any
    share: one reading per share, for the table's sums to choose from.
    """
    n = len(values)
    lead = 0
    while lead < n and values[lead].filler:
        lead += 1
    end = n
    while end > lead and values[end - 1].filler:
        end -= 1
    core = values[lead:end]
    if not core or len(core) == width or any(c.filler or c.glued for c in core):
        return None
    head = core[0].text.startswith(CUT)
    tail = core[-1].text.startswith(CUT)
    m = len(core)
    if not (head or tail) or (m > width and head and tail):
        return None
    if m > width:
        extra = m - width
        dropped = core[width:] if tail else core[:extra]
        if not all(c.text.startswith(CUT) for c in dropped):
            return None
        cells: list[RawCell | None] = list(core[:width] if tail else core[extra:])
        return [_candidate(cells, REPAIR_COST * extra, extra)]
    lost = width - m
    shares = range(lost + 1) if head and tail else [lost] if head else [0]
    return [
        _candidate([*[None] * before, *core, *[None] * (lost - before)], REPAIR_COST * lost, lost)
        for before in shares
    ]


def _split_readings(
    run: RawCell, width: int, sums: Sequence[Sum], table: Budget | None
) -> list[Candidate]:
    if not run.text:
        # a label followed at once by the next one: every cell printed blank
        return [_candidate([run] * width, 0)]
    budget = Budget(MAX_STEPS, table)
    found = splits(run.text, width, sums, budget=budget)
    if not found:
        run.unsplit = (
            "none fits" if found is not None else "too costly" if budget.left < 0 else "too many"
        )
        return []
    # more than one split obeyed the format: the one kept was chosen by arithmetic
    chosen_by_sums = len(found) > 1 or (bool(sums) and splits(run.text, width, limit=1) is None)
    out = []
    for parts in found:
        cells: list[RawCell | None] = [
            RawCell(p.text, run.line, run.column + p.offset, False) for p in parts
        ]
        cand = _candidate(cells, 0)
        cand.split = chosen_by_sums
        out.append(cand)
    return out


def _with_gaps(core: list[RawCell], width: int, cost: int) -> list[Candidate]:
    """Readings of *core* with (width - len(core)) cells lost, at any positions.

    Cells are taken as lost near the end of the row first: a row copied short most often
    lost its last cells.
    """
    missing = width - len(core)
    out: list[Candidate] = []
    for gaps in sorted(
        itertools.combinations(range(width), missing), key=lambda g: [-x for x in g]
    ):
        cells: list[RawCell | None] = []
        it = iter(core)
        for col in range(width):
            cells.append(None if col in gaps else next(it))
        out.append(_candidate(cells, cost + REPAIR_COST * missing, missing))
    return out


def sparse_readings(values: list[RawCell], width: int, sums: Sequence[Sum]) -> list[Candidate]:
    """Readings of a row of PDF text that printed fewer cells than :func:`readings` realigns
    (more than two of its cells blank, a blank printing nothing), where its last number is
    the sum of the others, two of them above 0 at least: that number is the 总计, the
    row's one sum over its other columns, and the others stand in those columns in order,
    blanks anywhere between.

    "41692 2 2 41696" for six parts and a 总计: twenty readings, the table's sums to choose.
    Without the sum the row says too little to be placed (it is read as unknown cells).
    """
    if len(sums) != 1 or any(c.filler or c.glued for c in values):
        return []
    total, parts = sums[0]
    numbers = [_text_value(c.text) for c in values]
    if any(v is None or v < 0 or v in (BLANK, OPAQUE) for v in numbers):
        return []
    *printed, last = (v for v in numbers if v is not None)
    if not any(printed) or len(printed) >= len(parts) or sum(printed) != last:
        return []  # (0s "add up" to a 0: a row of 0s and blanks says nothing of its 总计)
    return _parts_in_order(values[:-1], parts, total, values[-1], width)


def _parts_in_order(
    printed: Sequence[RawCell],
    parts: Sequence[int],
    total: int,
    cell: RawCell | None,
    width: int,
) -> list[Candidate]:
    """Readings of a row with *cell* in its 总计 column *total* and the *printed* parts in
    order in any of the columns *parts*, the others lost: one per choice of columns."""
    lost = width - len(printed) - 1
    out: list[Candidate] = []
    for where in itertools.combinations(parts, len(printed)):
        cells: list[RawCell | None] = [None] * width
        for col, part in zip(where, printed, strict=True):
            cells[col] = part
        cells[total] = cell
        out.append(_candidate(cells, REPAIR_COST * lost, lost))
    return out


def cut_total_readings(parts: list[RawCell], total: RawCell | None, width: int) -> list[Candidate]:
    """Readings of a row of PDF text whose 总计 the page's edge cut, to its first digits
    (*total*: :func:`.page_edge.mark_cut_totals`) or wholly (None), that printed fewer
    *parts* than :func:`readings` realigns (more than two blanks, a blank printing
    nothing): that total in the 总计 column, the parts in order in any of the others, for
    the table's sums to place."""
    if any(c.filler or c.glued for c in parts) or not parts or len(parts) >= width - 1:
        return []
    return _parts_in_order(parts, range(width - 1), width - 1, total, width)


def _without_extra(core: list[RawCell], width: int, cost: int) -> list[Candidate]:
    """Readings of *core* with (len(core) - width) stray cells dropped, at any positions."""
    extra = len(core) - width
    out: list[Candidate] = []
    for drop in itertools.combinations(range(len(core)), extra):
        kept: list[RawCell | None] = [c for i, c in enumerate(core) if i not in drop]
        out.append(_candidate(kept, cost + REPAIR_COST * extra, extra))
    return out
