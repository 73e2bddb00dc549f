"""Cells placed by where they stand: space-aligned text (``pdftotext -layout``) keeps each
value under its column, but a cell printed blank leaves only spaces, so counting tokens puts
every value after it one column to the left.

``pdftotext -layout`` lays a page out on a grid of characters: each character takes one
column, whatever its width on the page, and the spaces between words stand for the distance
between them. So a value's *character* column says which table column it stands in, on that
page: rows of one page share the grid, the next page has its own (and a row is sometimes laid
a few characters left or right of the others). :func:`place` learns the columns of a table on
a page from its rows that print a value in every column (or, when none does, from values that
fall into exactly as many clusters as the table has columns), then gives each shorter row the
one way of lining its values up with those columns; the columns left over are printed blanks.
Where the positions allow more than one way (or none), the row is left as it was, for the
table's sums to decide or withhold.

Wide numbers collide with long labels: ``pdftotext -layout`` then squeezes a row's first values
one space after its label (and each other), where they fit, not in their columns. Those never
set a column's place (:func:`_prefix`); where every row that prints all columns
squeezes some (and, in table B, where the columns they give stand unevenly: the label pushed
the next values aside too), the columns they print apart are learnt alone
(:func:`_partial_anchors`), and
a row is read by its values standing in learnt columns, those squeezed or left of them going
in order into the columns before (:func:`_place_rest`: one way, or a few for the sums), a row
whose numbers stand on two lines beside its wrapped label too.

Where no row of a page of table B prints every column, the page's columns of values are the
clusters of its values' positions, and :func:`place` gives each row the ways of lining them up
with the table's columns that the page allows (``row.choices``, the same way for every row of
the page; see :func:`_narrow`): the table's sums choose among them (``tables._by_page``), and
the cells they leave undecided are withheld with an error on their row's line. Header words
help only where their position can be trusted (:data:`Mark`). :func:`stack` rebuilds a column
header whose cells wrapped over the lines around it.

Text without layout spaces (``pdftotext -raw``: one space between words) has no positions to
read, and is left alone.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from statistics import median
from typing import Final, Protocol

from .cells import UNREADABLE, counts, ends_with_sum, looks_like_value
from .raw import RawCell

#: a row placed by position may have lost at most this many cells (more combinations than
#: that are not worth weighing: such a row is mostly blanks, and C(15, 7) is 6435)
_MAX_BLANKS: Final = 9
#: how far a value may stand from its column, as a share of the narrowest gap between columns
_TOLERANCE: Final = 0.4
#: columns stand evenly apart when the widest gap between two is at most this many times the
#: narrowest (table B's applicant columns are set alike)
_EVEN: Final = 1.5
#: table B's applicant columns (自然人 and the five of 法人或其他组织): tables this wide are B's
_B_PARTS: Final = 6


class PositionedRow(Protocol):
    """A row of a table as :func:`place` reads it (:class:`.lexer.Row` is one)."""

    kind: str
    line: int
    labels: list[RawCell]
    values: list[RawCell]
    #: the ways the row's values may line up with the columns, where their positions narrow
    #: them down to a few (each a cell per column, a printed blank where no value stands)
    choices: list[list[RawCell]] | None
    #: the ways of the page the row is on (shared by its rows): ``choices[k]`` is the row
    #: read the page's k-th way
    placing: list[tuple[int, ...]] | None


#: a table column's header word on a page: (column, page, first and last character column,
#: whether its position can be trusted: ``pdftotext -layout`` sets a run of words one space
#: apart by their lengths in characters, so a word after others of wide CJK characters stands
#: left of where it is printed; only the first word of a line, or one after a wide gap, stands
#: where the page has it)
Mark = tuple[int, int, float, float, bool]


#: where a line stands in the page grid: (page, characters before the grid on that line)
Grid = Callable[[int], tuple[int, int]]


def NO_GRID(line: int) -> tuple[int, int]:
    """Text without pages: one grid, starting at each line's first character."""
    return 0, 0


def center(cell: RawCell, indent: int = 0) -> float:
    """The character column of the middle of *cell*'s text (0-based), *indent* characters
    before the grid (a form feed) not counted."""
    return cell.column - 1 - indent + len(cell.text) / 2


def _spaced(row: PositionedRow) -> bool:
    """Whether the row's values are set apart by runs of spaces (layout text), not single
    spaces (text without positions)."""
    cells = [c for c in row.values if c.text]
    if any(gap >= 2 for gap in gaps(cells)):
        return True
    if len(cells) != 1:
        return False
    # one value: set apart from its label by a run of spaces, or alone and indented (a label
    # and its value one space apart is text without positions, default pdftotext's)
    if any(c.text and c.column < cells[0].column for c in row.labels):
        return not squeezed(cells[0], row.labels)
    return cells[0].column > 8


def _anchors(rows: Sequence[PositionedRow], width: int, grid: Grid) -> list[float] | None:
    """The middle of each of *width* columns on one page, or None when the rows do not say."""
    full = [row for row in rows if _printed(row) == width and _apart(row)]
    if full:
        columns = [[center(c, grid(c.line)[1]) for c in row.values if c.text] for row in full]
        anchors = [median(column) for column in zip(*columns, strict=True)]
        # a first value squeezed one space after its label stands where it fit, not in its
        # column: the first column is where the rows that set it apart print it
        apart = [
            xs[0]
            for row, xs in zip(full, columns, strict=True)
            if not _prefix(row, [c for c in row.values if c.text], grid)
        ]
        if apart and len(apart) < len(full):
            anchors[0] = median(apart)
        elif not apart and width >= _B_PARTS and not _even(anchors[1:_B_PARTS]):
            # every row printing all of table B's columns has its first value squeezed
            # beside its label, and the columns learnt from them stand unevenly, where the
            # five of 法人或其他组织 are set alike (24, 30, 73, 83, 91): the label pushed its
            # first values aside, a run of spaces apart as they may still be, and placed by
            # them a row's first value went a column over without a word (fresh_260017,
            # Chromium -layout). The columns those rows print apart are learnt alone.
            return None
    else:
        # (values squeezed beside their labels stand where they fit, in no column)
        points = sorted(
            center(c, grid(c.line)[1])
            for row in rows
            for printed in [[c for c in row.values if c.text]]
            for c in printed[_prefix(row, printed, grid) or 0 :]
        )
        if not points:
            return None
        clusters: list[list[float]] = [[points[0]]]
        for x in points[1:]:
            if x - clusters[-1][-1] <= 2.5:
                clusters[-1].append(x)
            else:
                clusters.append([x])
        if len(clusters) != width:
            return None
        anchors = [median(cluster) for cluster in clusters]
    if any(b - a < 2 for a, b in itertools.pairwise(anchors)):
        return None  # columns closer than a number is wide: no grid to read
    return anchors


def _even(anchors: Sequence[float]) -> bool:
    """Whether columns stand evenly apart (the widest gap at most :data:`_EVEN` times the
    narrowest)."""
    spacing = [b - a for a, b in itertools.pairwise(anchors)]
    return not spacing or max(spacing) <= _EVEN * min(spacing)


def share_columns(rows: Sequence[PositionedRow], grid: Grid = NO_GRID) -> bool:
    """Whether *rows* (three or more, each printing the same number of values, a run of
    spaces apart) print them in shared columns: each value within the tolerance of its
    column's middle (the median over the rows), the columns apart. A row whose values skip
    a column and go on into one more (a blank, then a value past the others) does not."""
    if len(rows) < 3:
        return False
    columns = [[center(c, grid(c.line)[1]) for c in row.values if c.text] for row in rows]
    if len({len(xs) for xs in columns}) != 1 or not all(_apart(row) for row in rows):
        return False
    middles = [median(xs) for xs in zip(*columns, strict=True)]
    spacing = [b - a for a, b in itertools.pairwise(middles)]
    if not spacing or min(spacing) <= 0:
        return False
    tolerance = _TOLERANCE * min(spacing)
    return all(abs(x - m) <= tolerance for xs in columns for x, m in zip(xs, middles, strict=True))


def _printed(row: PositionedRow) -> int:
    return sum(1 for c in row.values if c.text)


def _apart(row: PositionedRow) -> bool:
    """Whether every two of the row's values stand a run of spaces apart: ``pdftotext
    -layout`` squeezes values that would collide with a long label one space after it ("分处理
    的，只计这一 81100 86237 0      -  70017"), and those stand where they fit, not in their
    columns."""
    return all(gap >= 2 for gap in gaps([c for c in row.values if c.text]))


def gaps(cells: Sequence[RawCell]) -> list[int]:
    """The spaces between each two of *cells* on their line."""
    return [b.column - (a.column + len(a.text)) for a, b in itertools.pairwise(cells)]


def squeezed(cell: RawCell, items: Sequence[RawCell]) -> bool:
    """Whether ``pdftotext -layout`` set *cell* one space after a label or value of *items*
    on its line (where it fit, not where the page has it: a fragment after a run of spaces
    stands at its place)."""
    ends = [
        c.column + len(c.text)
        for c in items
        if c.text and c.line == cell.line and c.column < cell.column
    ]
    return bool(ends) and cell.column - max(ends) <= 1


def _fits(
    xs: list[float], anchors: list[float], tolerance: float, *, shift: bool = True
) -> list[tuple[int, ...]]:
    """Every way of giving the values at *xs* increasing columns within *tolerance* of the
    columns' middles, the row shifted as a whole by less than half the narrowest gap between
    two columns (unless not *shift*); the fits without a shift if there are any.

    (A row shifted by a column or more reads just as well one column over: a value squeezed
    left of the first column beside a long label, the others in theirs, fitted every value
    one column to the right, "shifted" by nine characters where columns stand eight apart.)"""
    width = len(anchors)
    plain: list[tuple[int, ...]] = []
    shifted: list[tuple[int, ...]] = []
    most = min((b - a for a, b in itertools.pairwise(anchors)), default=float("inf")) / 2
    for columns in itertools.combinations(range(width), len(xs)):
        offsets = [anchors[c] - x for c, x in zip(columns, xs, strict=True)]
        if all(abs(o) <= tolerance for o in offsets):
            plain.append(columns)
            continue
        moved = median(offsets)
        if shift and abs(moved) < most and all(abs(o - moved) <= tolerance for o in offsets):
            shifted.append(columns)
    return plain or shifted


def _adds_up(values: list[RawCell], *, blank: bool = False) -> bool:
    """Whether a row of table B placed with its 总计 in the last column says so: the total is
    the sum of the parts (blanks and marks 0). A blank total over parts that are not all
    blank, or a total the parts do not make, means the positions put a value in the wrong
    column (or the total was cut off the page): such a placement is not taken, unless
    *blank* says that a row may leave its total blank."""
    numbers = counts(c.text for c in values)
    # (not counts: nothing to check; a blank total over parts that are all 0 or blank moves
    # no number whichever column it is: positions place such a row, as reports that leave
    # their 总计 column blank print it)
    return numbers is None or ends_with_sum(numbers, blank=blank or not any(numbers[:-1]))


def place(
    rows: Sequence[PositionedRow],
    width: int,
    grid: Grid = NO_GRID,
    *,
    total: bool = False,
    marks: Sequence[Mark] = (),
) -> list[PositionedRow]:
    """Give the rows of one table that print fewer values than its *width* columns a printed
    blank in each column their values do not stand in, where their positions allow one way
    only (see the module docstring); the rows so placed. With *total* (table B with its 总计
    column) a placement must also add up (:func:`_adds_up`)."""
    placed: list[PositionedRow] = []
    candidates = [
        row
        for row in rows
        if row.values
        and all(not c.text or looks_like_value(c.text) for c in row.values)
        and 0 < _printed(row) <= width
    ]
    # a row whose numbers stand on two lines beside its wrapped label: only those of one line
    # may be read by position (:func:`_place_rest`)
    joined = [row for row in candidates if row.kind == "joined"]
    candidates = [row for row in candidates if row.kind != "joined"]
    spaced = [row for row in candidates if _spaced(row)]
    if not candidates or len(spaced) * 2 < len(candidates):
        return placed
    # a row whose values are one space apart has no positions to read, whatever its
    # neighbours have (default pdftotext sets a lone value a space after its label)
    candidates = spaced
    pages: dict[int, list[PositionedRow]] = {}
    for row in candidates:
        pages.setdefault(grid(row.line)[0], []).append(row)
    beside: dict[int, list[PositionedRow]] = {}
    for row in joined:
        if len({grid(c.line)[0] for c in row.values}) == 1:
            beside.setdefault(grid(row.line)[0], []).append(row)
    shown = {mark[0] for mark in marks}
    for number, page in pages.items():
        anchors = _anchors(page, width, grid)
        wrapped = beside.get(number, [])
        if anchors is None:
            partial = _partial_anchors(page, width, grid)
            if partial is not None:
                placed += [
                    row
                    for row in (*page, *wrapped)
                    if _place_rest(row, partial, width, grid, total)
                ]
            elif len(shown) == width and not any(_printed(row) == width for row in page):
                _narrow(page, width, grid, total, [m for m in marks if m[1] == number])
            continue
        tolerance = _TOLERANCE * min(
            (b - a for a, b in itertools.pairwise(anchors)), default=float("inf")
        )
        placed += [row for row in wrapped if _place_rest(row, list(anchors), width, grid, total)]
        for row in page:
            cells = [c for c in row.values if c.text]
            if len(cells) == width or width - len(cells) > _MAX_BLANKS:
                continue
            columns_of = anchors
            pinned = total and len(cells) > 1 and cells[-1].text.startswith(UNREADABLE)
            if pinned:
                # a 总计 the page's edge cut (.page_edge.mark_cut_totals) is the last column's
                # wherever what shows of it stands (squeezed beside 其他's value, or not):
                # the others are placed in the columns before it
                columns_of, cells = anchors[:-1], cells[:-1]
            if not all(gap >= 2 for gap in gaps(cells)):
                if not pinned and _place_rest_far_left(row, anchors, width, grid, total):
                    placed.append(row)
                continue
            indent = grid(row.line)[1]
            xs = [center(c, grid(c.line)[1]) for c in cells]
            fits = _fits(xs, columns_of, tolerance)
            if not fits and len(xs) > 1 and xs[0] < anchors[1] - tolerance:
                # the first value squeezed beside a long label, left of every column ("（一）
                # 予以公开  5 ……  —— 1  9 2 17"), or standing off the first column (rows of
                # one page that set it five characters apart: "无法提      1      9 …" and
                # "（七）总计       54     66 …"), the others in theirs: where those stand
                # says where it does when they start at the second column (values keep
                # their order); else it could be any column before theirs
                rest = _fits(xs[1:], columns_of, tolerance)
                fits = [(0, *rest[0])] if len(rest) == 1 and rest[0][0] == 1 else []
                xs = [anchors[0], *xs[1:]]
            if len(fits) != 1:
                # no way, or several: the values standing in their columns may still say
                # where the others go (or give the sums a few ways to choose from)
                if not pinned and _place_rest_far_left(row, anchors, width, grid, total):
                    placed.append(row)
                continue
            (columns,) = fits
            shift = median(anchors[c] - x for c, x in zip(columns, xs, strict=True))
            at = dict(zip(columns, cells, strict=True))
            if pinned:
                at[width - 1] = [c for c in row.values if c.text][-1]
            values: list[RawCell] = []
            for column, anchor in enumerate(anchors):
                cell = at.get(column)
                if cell is None:
                    # a printed blank, located where its column passes through the row
                    cell = RawCell("", row.line, max(int(anchor - shift) + 1 + indent, 1), False)
                values.append(cell)
            if total and not _adds_up(values):
                continue
            row.values = values
            placed.append(row)
    return placed


def _place_rest_far_left(
    row: PositionedRow, anchors: Sequence[float], width: int, grid: Grid, total: bool
) -> bool:
    """:func:`_place_rest` by the page's columns (*anchors*); where that finds no way, by
    those from the second on: the first fragment after a label may stand far left of its
    column, even where the first column stands ("诉类申请      31581 0   …   0   —   31581":
    31581 is 商业企业's), so the values left of the second column go in order into the
    columns before the others'. Only where those columns stand evenly apart: columns learnt
    from rows squeezed beside their labels stand unevenly (24, 28, 35, 79, 87 …), and
    placed by them a row's values went into the wrong columns without a word."""
    if _place_rest(row, list(anchors), width, grid, total):
        return True
    # (the 总计 column is often set wider: the applicant columns are what is set alike)
    if len(anchors) < 3 or not _even(anchors[1 : -1 if total else None]):
        return False
    return _place_rest(row, [None, *anchors[1:]], width, grid, total)


def _prefix(
    row: PositionedRow,
    cells: list[RawCell],
    grid: Grid,
    left: float = float("-inf"),
    *,
    lines: bool = False,
) -> int | None:
    """How many of the row's first values (*cells*, its printed ones) stand where they fit,
    not in their columns: ``pdftotext -layout`` squeezed them one space after a label or the
    value before on their line, or they stand left of *left* (where the first column whose
    place is known starts); None where the others are not one line of values a run of spaces
    apart (no positions to read there either), or with *lines*, lines of such values."""
    k = 0
    for cell in cells:
        if (
            not squeezed(cell, [*row.labels, *cells[:k]])
            and center(cell, grid(cell.line)[1]) >= left
        ):
            break
        k += 1
    rest = cells[k:]
    on = {c.line for c in rest}
    if len(on) > 1 and not lines:
        return None
    if any(gap < 2 for line in on for gap in gaps([c for c in rest if c.line == line])):
        return None
    return k


def _partial_anchors(
    rows: Sequence[PositionedRow], width: int, grid: Grid
) -> list[float | None] | None:
    """The middle of each column of one page where its rows that print every column set the
    column's values apart, None for a column they all squeezed beside their labels (the first
    ones); None where no such row says, or its columns spread (rows on grids of their own)."""
    columns: list[list[float]] = [[] for _ in range(width)]
    for row in rows:
        cells = [c for c in row.values if c.text]
        if len(cells) != width:
            continue
        k = _prefix(row, cells, grid)
        if k is None or width - k < 3:
            continue
        for column, cell in zip(range(k, width), cells[k:], strict=True):
            columns[column].append(center(cell, grid(cell.line)[1]))
    if any(xs and max(xs) - min(xs) > _SPREAD for xs in columns):
        return None
    anchors = [median(xs) if xs else None for xs in columns]
    known = [a for a in anchors if a is not None]
    if len(known) < 3 or any(b - a < 2 for a, b in itertools.pairwise(known)):
        return None
    return anchors


def _place_rest(
    row: PositionedRow, anchors: list[float | None], width: int, grid: Grid, total: bool
) -> bool:
    """Place a row whose first values stand where they fit (:func:`_prefix`: squeezed beside
    its label, or left of every column *anchors* knows) by the others: those in the known
    columns they stand in, the first ones in order in the columns before, blanks elsewhere.
    Where the first ones leave more than one way, the row gets them all (``row.choices``) for
    the table's sums; whether any way was left."""
    cells = [c for c in row.values if c.text]
    if not cells or width - len(cells) > _MAX_BLANKS:
        return False
    known = [c for c in range(width) if anchors[c] is not None]
    middles = [a for a in anchors if a is not None]
    tolerance = _TOLERANCE * min((b - a for a, b in itertools.pairwise(middles)))
    # (a row whose numbers stand on lines of its wrapped label, a mark alone on one of them:
    # each where the page has it, so by its position, whichever line it is on)
    joined = row.kind == "joined"
    k = _prefix(row, cells, grid, middles[0] - tolerance, lines=joined)
    if k is None or k == len(cells):
        return False
    rest = sorted(cells[k:], key=lambda c: center(c, grid(c.line)[1])) if joined else cells[k:]
    fits = _fits([center(c, grid(c.line)[1]) for c in rest], middles, tolerance, shift=False)
    if len(fits) != 1:
        return False
    columns = [known[i] for i in fits[0]]
    indent = grid(row.line)[1]
    ways: list[list[RawCell]] = []
    for lead in itertools.combinations(range(columns[0]), k):
        at = dict(zip((*lead, *columns), (*cells[:k], *rest), strict=True))
        values: list[RawCell] = []
        for column in range(width):
            cell = at.get(column)
            if cell is None:
                # a printed blank, located where its column passes through the row
                anchor = anchors[column]
                where = 1 if anchor is None else int(anchor) + 1
                cell = RawCell("", row.line, where + indent, False)
            values.append(cell)
        if not total or _adds_up(values):
            ways.append(values)
    if len(ways) == 1:
        row.values = ways[0]
    elif ways:
        row.choices = ways
    return bool(ways)


def by_column(values: Sequence[RawCell], items: Sequence[RawCell], grid: Grid) -> list[RawCell]:
    """A row's values printed on two lines or more beside its wrapped label (*values*: line
    by line, top to bottom) in the order of the columns they stand in.

    ``pdftotext -layout`` sets a value that follows a run of spaces where the page has it, so
    one on a line above standing right of values of a line below comes after them ("（六）其
    1.申请人…行 —— -          无" / "他处理 政机关不再处理其…申请   0  2  0": 无 is the last
    column's). A value squeezed one space after a label or value (of *items*, the cells of
    the lines) may stand right of its place: where one would move, as where the lines are on
    different pages, the order given stands."""
    lines = sorted({c.line for c in values})
    if len(lines) < 2 or len({grid(line)[0] for line in lines}) != 1:
        return list(values)
    if sorted(values, key=lambda c: c.line) != list(values):
        return list(values)

    def x(cell: RawCell) -> float:
        return center(cell, grid(cell.line)[1])

    for i, a in enumerate(values):
        for b in values[i + 1 :]:
            if b.line != a.line and (x(b) == x(a) or (x(b) < x(a) and squeezed(a, items))):
                return list(values)
    return sorted(values, key=x)


#: a word of a space-aligned line: two spaces or more end it
WORD: Final = re.compile(r"\S+(?: \S+)*")
#: how far apart (characters) the middles of a header cell's pieces on two lines may stand
_STACKED: Final = 4.0


def stack(lines: Sequence[RawCell], whole: Callable[[str], bool]) -> list[str] | None:
    """The header cells of a header printed over several space-aligned lines (*lines*: one
    cell a line, its text with the layout spaces), left to right; None when the lines do not
    say.

    A header cell too wide for its column wraps: ``pdftotext -layout`` prints its pieces on
    the lines above and below the cells that fit on one line ("本年新" / "信息内容 …
    对外公开总数量" / "制作数量"). A word that is a header cell by itself (*whole*) stands
    alone; the others are pieces, taken top to bottom, the n-th piece of each line with the
    n-th of the others: every line of pieces must have as many, each stack standing in one
    column (its pieces' middles within a few characters) and making a whole cell."""
    words: list[tuple[float, str]] = []
    pieces: list[list[tuple[float, str]]] = []
    for cell in lines:
        found = [
            (cell.column + m.start() + len(m.group()) / 2, m.group())
            for m in WORD.finditer(cell.text)
        ]
        loose = [w for w in found if not whole(w[1])]
        words += [w for w in found if whole(w[1])]
        if loose:
            pieces.append(loose)
    if len(pieces) < 2 or len({len(p) for p in pieces}) != 1:
        return None
    for stacked in zip(*pieces, strict=True):
        middles = [x for x, _ in stacked]
        text = "".join(t for _, t in stacked)
        if max(middles) - min(middles) > _STACKED or not whole(text):
            return None
        words.append((sum(middles) / len(middles), text))
    return [text for _, text in sorted(words)]


#: how far apart (characters) the middles of one column's values may stand on a page
_SPREAD: Final = 2.0
#: how far (characters) a column of values may stand from the middle of its header word
_UNDER: Final = 1.5
#: how many ways of lining a page's columns of values up with the table's are weighed at most
_MAX_MAPS: Final = 5000


def _narrow(
    rows: Sequence[PositionedRow],
    width: int,
    grid: Grid,
    total: bool,
    marks: Sequence[Mark],
) -> None:
    """Where the values of a page's rows stand in fewer columns than the table has (its
    columns left blank on the page print nothing), give each row the ways of lining its
    values up with the table's columns that the page allows (``row.choices``), for the
    table's sums to choose from; the cells the ways disagree on are withheld (an
    ambiguous_row error on the row's line). *marks* are the header words on the page.

    The values of one column of the page are one cluster of positions. The clusters stand in
    the table's columns in order; a cluster under the header word of exactly one column
    (*marks*, those whose position is trusted; the cluster's middle within a character or
    two of the word's) stands in that one. Each way of giving the clusters increasing
    columns that keeps those and (with *total*) lets every row that prints its total add up
    (:func:`_adds_up`) is a way the page may be read, the same for all its rows. A page
    whose columns of values overlap, spread wider than a digit or two (rows set on grids of
    their own) or hold two values of a row is left alone (and :func:`place` leaves alone a
    table whose header does not name every column: cut off at the page's right edge, as
    LibreOffice prints a wide table past it, numbers cut short included)."""
    cells = [(center(c, grid(c.line)[1]), c) for row in rows for c in row.values if c.text]
    if not cells:
        return
    cells.sort(key=lambda p: p[0])
    clusters: list[list[tuple[float, RawCell]]] = [[cells[0]]]
    for point in cells[1:]:
        if point[0] - clusters[-1][-1][0] <= 2.5:
            clusters[-1].append(point)
        else:
            clusters.append([point])
    if len(clusters) >= width:
        return
    for cluster in clusters:
        if cluster[-1][0] - cluster[0][0] > _SPREAD or len({c.line for _, c in cluster}) < len(
            cluster
        ):
            # rows laid a few characters apart (a grid of their own), or two values of a row
            # in one column: the positions do not say which column a value stands in
            return
    spans = [
        (
            min(c.column - 1 - grid(c.line)[1] for _, c in cluster),
            max(c.column - 1 - grid(c.line)[1] + len(c.text) for _, c in cluster),
        )
        for cluster in clusters
    ]
    if any(b[0] < a[1] for a, b in itertools.pairwise(spans)):
        return  # a value reaches into the next column of values: no telling where it stands
    where = {id(c): k for k, cluster in enumerate(clusters) for _, c in cluster}
    pinned: dict[int, int] = {}
    for k, cluster in enumerate(clusters):
        middle = median(x for x, _ in cluster)
        under = {
            col
            for col, _, lo, hi, trusted in marks
            if trusted and lo <= middle <= hi and abs(middle - (lo + hi) / 2) <= _UNDER
        }
        if len(under) == 1:
            pinned[k] = under.pop()
    maps: list[tuple[int, ...]] = []
    for n, columns in enumerate(itertools.combinations(range(width), len(clusters))):
        if n >= _MAX_MAPS:
            return
        if any(columns[k] != col for k, col in pinned.items()):
            continue
        aligned = [_aligned(row, columns, where, width, grid) for row in rows]
        if total and not all(_adds_up(values, blank=True) for values in aligned):
            continue
        maps.append(columns)
    if not maps:
        return
    for row in rows:
        row.choices = [_aligned(row, columns, where, width, grid) for columns in maps]
        row.placing = maps


def _aligned(
    row: PositionedRow, columns: tuple[int, ...], where: dict[int, int], width: int, grid: Grid
) -> list[RawCell]:
    """*row*'s values in the columns *columns* gives their clusters, printed blanks between."""
    at = {columns[where[id(c)]]: c for c in row.values if c.text}
    indent = grid(row.line)[1]
    out: list[RawCell] = []
    for column in range(width):
        cell = at.get(column)
        out.append(cell if cell is not None else RawCell("", row.line, 1 + indent, False))
    return out
