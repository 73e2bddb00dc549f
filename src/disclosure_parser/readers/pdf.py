"""Reports published as PDF files: the PDF adapter (the ``[pdf]`` extra, pypdfium2).

pdfium reads each page's characters with their boxes and its path objects (the ruling lines);
:mod:`._pdfium` turns them into characters, lines of text and ruled tables. Tables are rebuilt
from the page layout, not from flattened text: each table's ruled cells are found from its
ruling lines, and a cell's grid position and spans come from its borders. Text outside
the tables is read line by line and the lines of a paragraph are joined again (a line that runs
to the right margin continues on the next, unless that one is indented or numbered), in
reading order with the tables.

Page furniture is dropped: page-number lines ("- 4 -", "第 3 页") and running headers or footers
repeated on several pages. A table that runs over a page break is written as one table: the
repeated header rows of the continuation are dropped, and a merged label cut by the break
("（四）无" / "法提供") is joined again. Rows of a ruled box that hold only one full-width
cell (a framed paragraph, a caption) are read as paragraph lines.

A PDF whose pages hold no text (a scan) raises :class:`UnreadableFileError` (code
``no_text_layer``): it needs OCR first.

Reading is bounded by the file's size before pdfium parses anything (:mod:`._pdfscan`: the
streams' inflated size, the drawing work of Form XObjects that draw each other, reference
cycles, the page count) and by page (characters, objects and path segments a page may hold,
:mod:`._pdfium`); each breach is an :class:`UnreadableFileError` with a code of its own.
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from statistics import median
from typing import Any, Final, NamedTuple

import attrs

from ..core.errors import MissingDependencyError, UnreadableFileError
from ..core.messages import msg
from ..core.model import Diagnostic, Report
from ..parsing.cells import CUT, UNREADABLE, classify
from . import _pdfium, _pdfscan
from .base import (
    Adapted,
    Block,
    SourceCell,
    SourceTable,
    TextWriter,
    cell_text,
    guarded,
    line_text,
)

_PAGE_NUMBER: Final = re.compile(
    r"^(?:[-—–－]*\s*\d{1,4}\s*[-—–－]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)
#: a line that starts something new: a heading or numbered point (一、 （二） 3. 第四)
_NUMBERED: Final = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十\d]{1,3}[部章节条项])"
)
_ASCII_END: Final = re.compile(r"[A-Za-z0-9]$")
_ASCII_START: Final = re.compile(r"^[A-Za-z0-9]")
#: how far (in font sizes) a line may end before the right margin and still run on
_RUN_ON: Final = 1.5
#: how far (in font sizes) a first line must be indented to start a paragraph
_INDENT: Final = 0.8


# The page records below are mutable on purpose: margins are set once a page's lines are
# known, and a table part grows when the next page continues it.
@attrs.define
class _Line:
    """A line of paragraph text with the geometry that decides where paragraphs end."""

    text: str
    x0: float
    x1: float
    top: float
    size: float
    page: int
    #: left and right edges of the text column the line stands in
    left: float = 0.0
    right: float = 0.0


@attrs.define
class _Part:
    """Consecutive table rows of one page (a whole table, or the part of one on that page)."""

    rows: list[list[SourceCell]]
    top: float
    page: int
    #: the x positions of the grid's column borders (both edges included), relative to the
    #: table's width
    columns: tuple[float, ...]
    #: the table's width in points
    width: float


_Item = _Line | _Part


def _engine() -> Any:
    try:
        import pypdfium2  # type: ignore[import-untyped]
        import pypdfium2.raw  # type: ignore[import-untyped]
    except ImportError as exc:
        raise MissingDependencyError("pdf", "pypdfium2", "PDF files") from exc
    return pypdfium2


def _open(data: bytes) -> Any:
    """pdfium's document for *data* (bytes of a PDF)."""
    pdfium = _engine()
    try:
        return pdfium.PdfDocument(data)
    except MemoryError:
        raise
    except Exception as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise UnreadableFileError(
                "the PDF is encrypted and needs a password to read", code="encrypted"
            ) from exc
        raise UnreadableFileError(
            f"the file is not a readable PDF ({type(exc).__name__}: {exc})",
            code="corrupt_file",
            expected="a PDF document (the file may be damaged or truncated)",
        ) from exc


# ---------------------------------------------------------------------------------------------
# One page
# ---------------------------------------------------------------------------------------------


def _positions(values: Sequence[float], tolerance: float = 1.5) -> list[float]:
    """Sorted distinct values, merging those closer than *tolerance*."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(positions: list[float], value: float) -> int:
    """The index of the position nearest to *value* (the lower one on a tie).

    >>> _index([0.0, 10.0, 20.0], 14.0), _index([0.0, 10.0, 20.0], 15.0)
    (1, 1)
    """
    i = bisect_left(positions, value)
    if i == 0:
        return 0
    if i == len(positions) or value - positions[i - 1] <= positions[i] - value:
        return i - 1
    return i


def _count_within(positions: list[float], lo: float, hi: float) -> int:
    """How many positions p satisfy lo <= p < hi."""
    return max(0, bisect_left(positions, hi) - bisect_left(positions, lo))


@attrs.define
class _Grid:
    """A table's cells placed on its grid: ``cells[r]`` are the cells starting in row r."""

    cells: list[list[SourceCell]]
    tops: list[float]
    bottom: float
    xs: list[float]
    x0: float
    x1: float
    #: how far left and right the table's cells take characters (past a side the page cut)
    reach: tuple[float, float] = (-math.inf, math.inf)

    def full_width(self, r: int) -> bool:
        """Whether row r is a single cell across the whole table that nothing covers."""
        row = self.cells[r]
        if len(row) != 1 or row[0].colspan != len(self.xs):
            return False
        return not any(q + c.rowspan > r for q in range(r) for c in self.cells[q])

    def band(self, r: int) -> tuple[float, float]:
        return self.tops[r], self.tops[r + 1] if r + 1 < len(self.tops) else self.bottom


class _Limits(NamedTuple):
    """Where a table's page stops showing it (:func:`_limits`)."""

    #: the x-positions past which the page shows nothing, with a little room: a table
    #: reaching past them is cut there
    left: float
    right: float
    #: the x-position from which on no glyph is drawn at the right (the page's edge or the
    #: clip itself): a glyph that begins left of it is drawn
    drawn: float = math.inf
    #: whether the file keeps the text of a cell the page's left edge cuts whole (LibreOffice
    #: writes it from where it begins, off the page)
    kept_left: bool = False


#: a table the page shows whole
_NO_LIMITS: Final = _Limits(-math.inf, math.inf)


def _grid(
    table: list[_pdfium.Box],
    chars: list[_pdfium.Char],
    number: int,
    limits: _Limits = _NO_LIMITS,
    at: _pdfium.Centres | None = None,
) -> _Grid | None:
    """The cells of a ruled *table* on its grid. *limits* are the x-positions past which the
    page shows nothing (:func:`_limits`): a column reaching past them is cut. *at* is
    ``_pdfium.centres_of(chars)``, where already made."""
    rows = _pdfium.table_rows(table)
    x0 = min(c[0] for c in table)
    x1 = max(c[2] for c in table)
    cut_left, cut_right = x0 < limits[0], x1 > limits[1]
    read = rows
    if cut_left or cut_right:
        # a cell at a cut side holds what the file has of its text past the edge (LibreOffice
        # writes the whole label whose cell the page edge cuts)
        lo, hi = -math.inf if cut_left else x0, math.inf if cut_right else x1
        read = [[None if b is None else _widened(b, x0, x1, lo, hi) for b in row] for row in rows]
    ends: list[tuple[_pdfium.Char, _pdfium.Char] | None] = []
    texts = _pdfium.table_texts(read, chars, x_tolerance=1.5, ends=ends, at=at)
    bboxes: list[tuple[tuple[float, float, float, float], str | None]] = []
    for table_row, row_texts in zip(rows, texts, strict=False):
        for bbox, text in zip(table_row, row_texts, strict=False):
            if bbox is not None:
                bboxes.append((bbox, text))
    if not bboxes:
        return None
    across = _across(bboxes, ends)
    xs = _positions([b[0] for b, _ in bboxes])
    tops = _positions([b[1] for b, _ in bboxes])
    cells: list[list[SourceCell]] = [[] for _ in tops]
    # the cells of one line whose last glyph ends short of where the page stops drawing at
    # the right: a glyph after it would begin on the page and be drawn, so the cell's text is
    # whole even in a column the edge cuts (LibreOffice's "59" in a 科研机构 column whose
    # right border is past the page)
    whole: set[tuple[int, int]] = set()
    # likewise at the left edge, where the file keeps what stands past it
    kept: set[tuple[int, int]] = set()
    # in a table whose numbers all stand centred in their cells (as Chromium prints a page
    # whose CSS centres them), a number of the column the clip cuts that stands centred in
    # its cell is whole too: one cut short shows its first digits, left of the middle
    centred = cut_right and _centred(bboxes, ends, limits.right)
    for k, ((bx0, top, bx1, bottom), text) in enumerate(bboxes):
        r = _index(tops, top)
        c = _index(xs, bx0)
        colspan = max(1, _count_within(xs, bx0 - 1.5, bx1 - 1.5))
        rowspan = max(1, _count_within(tops, top - 1.5, bottom - 1.5))
        body = cell_text((text or "").split("\n"))
        if k in across and classify(body)[0] != "text":
            body = UNREADABLE + body
        end = ends[k]
        if end is not None and "\n" not in (text or "").strip():
            middle = (end[0].x0 + end[1].x1) / 2
            if end[1].x1 < limits.drawn - 1 or (
                centred and abs(middle - (bx0 + bx1) / 2) <= _CENTRED
            ):
                whole.add((r, c))
            if limits.kept_left:
                kept.add((r, c))
        cells[r].append(SourceCell(body, c, rowspan, colspan, number))
    bottom = max(c[3] for c in table)
    _recover_unruled_cells(cells, [*xs, x1], [*tops, bottom], chars, number)
    for row in cells:
        row.sort(key=lambda cell: cell.column)
    if cut_left or cut_right:
        borders = [*xs, x1]
        right = {j for j in range(len(xs)) if cut_right and borders[j + 1] > limits[1]}
        left = {j for j in range(len(xs)) if cut_left and borders[j] < limits[0]}
        hidden = _hidden_labels(cells, borders, left, limits[0])
        _mark_cut(cells, left | right, right, hidden, whole, kept)
    reach = (-math.inf if cut_left else x0, math.inf if cut_right else x1)
    return _Grid(cells, tops, bottom, xs, x0, x1, reach)


#: how far (points) a cell's text may stand from the middle of its cell and be centred in it
#: (a digit is some 5 points wide: a number short of one digit stands 2.5 points left)
_CENTRED: Final = 1.0


def _centred(
    bboxes: list[tuple[tuple[float, float, float, float], str | None]],
    ends: list[tuple[_pdfium.Char, _pdfium.Char] | None],
    right: float,
) -> bool:
    """Whether the numbers of the cells wholly left of *right* (the page's limit) all stand
    centred in their cells, three at least."""
    seen = 0
    for ((bx0, _, bx1, _), text), end in zip(bboxes, ends, strict=True):
        if end is None or bx1 > right or "\n" in (text or "").strip():
            continue
        if classify(cell_text([text or ""]))[0] != "number":
            continue
        if abs((end[0].x0 + end[1].x1) / 2 - (bx0 + bx1) / 2) > _CENTRED:
            return False
        seen += 1
    return seen >= 3


def _widened(
    box: _pdfium.Box, x0: float, x1: float, lo: float, hi: float
) -> tuple[float, float, float, float]:
    """*box* stretched to *lo* (*hi*) where it stands at the table's left (right) edge."""
    left = lo if box[0] <= x0 + 0.5 else box[0]
    right = hi if box[2] >= x1 - 0.5 else box[2]
    return (left, box[1], right, box[3])


#: characters that continue a number printed across a column border ("1,234", "2.5")
_NUMERIC: Final = frozenset("0123456789,.，．０１２３４５６７８９")


def _across(
    bboxes: list[tuple[tuple[float, float, float, float], str | None]],
    ends: list[tuple[_pdfium.Char, _pdfium.Char] | None],
) -> set[int]:
    """The cells (indices into *bboxes*) of a number printed across the border of two cells
    side by side: its digits run on over the rule as one word (a number overflowing its
    narrow cell), so which column it belongs to cannot be told, nor where it ends."""
    out: set[int] = set()
    # a cell's right neighbour starts where it ends, on the same top (the lattice's corners
    # are shared, so the coordinates are equal)
    left_of: dict[tuple[float, float], int] = {}
    for k, ((_, top, bx1, _), _) in enumerate(bboxes):
        if ends[k] is not None:
            left_of[(top, bx1)] = k
    if len(left_of) < 2:
        return out
    for k, ((bx0, top, _, _), _) in enumerate(bboxes):
        right = ends[k]
        j = left_of.get((top, bx0))
        if right is None or j is None:
            continue
        left = ends[j]
        assert left is not None
        a, b = left[1], right[0]
        if (
            a.text in _NUMERIC
            and b.text in _NUMERIC
            and (a.text.isdigit() or b.text.isdigit())
            and b.x0 - a.x1 <= 1.5
            and abs(a.top - b.top) <= 3
        ):
            out.update((j, k))
    return out


def _value_row(row: list[SourceCell], cut: set[int]) -> bool:
    """Whether *row* holds values: a number or mark outside the *cut* columns, or a label
    followed by empty cells only (a row of blanks)."""
    kept = [c for c in row if c.column not in cut]
    if any(c.text and classify(c.text)[0] != "text" for c in kept):
        return True
    labels = [c.column for c in kept if c.text]
    empty = [c.column for c in kept if not c.text]
    return bool(labels and empty) and max(labels) < min(empty)


def _hidden_labels(
    cells: list[list[SourceCell]], borders: list[float], left: set[int], edge: float
) -> set[tuple[int, int]]:
    """The empty cells (row and column) starting in a column cut at the left edge (at
    *edge*) that show at least twice the width of the widest cell holding a number: a label
    cell (a value cell, cut or not, is narrower; a label merged across the label columns,
    as 总计's, is as wide as they are together)."""
    widest = max(
        (
            borders[min(c.column + c.colspan, len(borders) - 1)] - borders[c.column]
            for row in cells
            for c in row
            if c.text and classify(c.text)[0] != "text"
        ),
        default=math.inf,
    )
    last = len(borders) - 1
    return {
        (r, c.column)
        for r, row in enumerate(cells)
        for c in row
        if not c.text
        and c.column in left
        and borders[min(c.column + c.colspan, last)] - max(borders[c.column], edge) >= 2 * widest
    }


def _mark_cut(
    cells: list[list[SourceCell]],
    cut: set[int],
    right: set[int],
    hidden: AbstractSet[tuple[int, int]],
    whole: AbstractSet[tuple[int, int]] = frozenset(),
    kept: AbstractSet[tuple[int, int]] = frozenset(),
) -> None:
    """Mark the value cells of the *cut* columns (cut by the page's edge; *right* those cut
    at its right edge) with :data:`~disclosure_parser.parsing.cells.CUT`: what the page shows
    of them is no value. A number or mark there is one; so is an empty cell of a row of
    values that stands where values do: right of the row's labels at the right edge, in a row
    without labels at the left (where an empty cell may be a label the edge hides). An empty
    cell of such a row that is a *hidden* label (row and column: cut at the left, far wider
    than any cell of numbers) is left out: a label the edge hid whole (LibreOffice writes no text
    of it), so the row reads as one whose label was lost, its numbers where they are. A
    number or mark ("/", "无") of a column cut at the right only that is *whole* (row and
    column: :func:`_grid` tells, by where its last glyph ends or by its standing centred in
    its cell) is read as it stands; where it ends its row, a cut cell after it stands for
    the columns past the edge. So is one of a column cut at the left only whose text the
    file *kept* whole (row and column) where it begins a row of values without labels (table
    C's): a cut cell before it stands for the columns past that edge."""
    for r, row in enumerate(cells):
        past: SourceCell | None = None
        before: SourceCell | None = None
        values = _value_row(row, cut)
        labels = [c.column for c in row if c.text and classify(c.text)[0] == "text"]
        if values and not labels:
            row = [c for c in row if c.text or (r, c.column) not in hidden]
        for k, c in enumerate(row):
            if not any(c.column + d in cut for d in range(c.colspan)):
                continue
            state = classify(c.text)[0] if c.text else None
            if state == "text":
                continue
            if (
                state in ("number", "na")
                and (r, c.column) in whole
                and all(c.column + d in right for d in range(c.colspan) if c.column + d in cut)
            ):
                if k == len(row) - 1:
                    past = SourceCell(CUT, c.column + c.colspan, 1, 1, c.page)
                continue
            if (
                state in ("number", "na")
                and (r, c.column) in kept
                and k == 0
                and values
                and not labels
                and not any(c.column + d in right for d in range(c.colspan))
            ):
                before = SourceCell(CUT, c.column, 1, 1, c.page)
                continue
            if state is None:
                if not values:
                    continue
                if c.column in right:
                    if labels and max(labels) > c.column:
                        continue
                elif labels:
                    continue
            body = c.text[1:] if c.text.startswith(UNREADABLE) else c.text
            row[k] = attrs.evolve(c, text=CUT + body)
        cells[r] = [*([before] if before else []), *row, *([past] if past else [])]


def _recover_unruled_cells(
    cells: list[list[SourceCell]],
    xs: list[float],
    ys: list[float],
    chars: list[_pdfium.Char],
    number: int,
) -> None:
    """Add the grid slots that no ruled cell covers but that hold text.

    A border missing from the drawing leaves such a slot (a 信息内容 header cell, say); its
    text would otherwise be lost.
    """
    covered = {
        (r + dr, c.column + dc)
        for r, row in enumerate(cells)
        for c in row
        for dr in range(c.rowspan)
        for dc in range(c.colspan)
    }
    free = [(r, c) for r in range(len(ys) - 1) for c in range(len(xs) - 1) if (r, c) not in covered]
    if not free:
        return
    # only the characters inside the table can lie in one of its slots
    inside = _pdfium.within(chars, (xs[0], ys[0], xs[-1], ys[-1]))
    for r, c in free:
        bbox = (xs[c], ys[r], xs[c + 1], ys[r + 1])
        lines = _pdfium.text_lines(_pdfium.within(inside, bbox), x_tolerance=1.5)
        text = "\n".join(line.text for line in lines)
        if text.strip():
            cells[r].append(SourceCell(cell_text(text.split("\n")), c, 1, 1, number))


#: how far (points) a horizontal rule must run past a table's last vertical rule to draw a
#: column of its own (a column whose outer rule is missing)
_OPEN_MIN: Final = 6.0
#: the most (horizontal rule, table) pairs of a page weighed for open ends
_OPEN_STEPS: Final = 200_000
#: the most places on a page where a table's rules end together that are looked at for text
#: (each look reads the page's characters once)
_OPEN_LOOKS: Final = 16
#: a table reaching this close (points) to the page's edge runs past it: the page cut it
_PAGE_EDGE: Final = 3.0
#: how far (points) a table's rules may run past the clip of the page's content and still
#: be whole (a rule drawn half outside the margin)
_CLIP_SLACK: Final = 2.0


def _open_ends(
    tables: list[list[_pdfium.Box]], edges: list[_pdfium.Edge], chars: list[_pdfium.Char]
) -> list[_pdfium.Edge]:
    """The vertical rules the outer columns of *tables* lack, from their horizontal rules.

    Where several horizontal rules of a table run on past its last (first) vertical rule to
    the same x and the column they frame holds text (a 总计 column drawn without its outer
    rule, as Chromium prints a table as wide as the page), the column is closed by a rule at
    that x: its cells are then placed by position, like the ruled ones.
    """
    horizontal = [e for e in edges if e.orientation == "h"]
    if len(horizontal) * len(tables) > _OPEN_STEPS:
        return []
    # (x of the closing rule, its top and bottom, x of the table's outer rule)
    candidates: list[tuple[float, float, float, float]] = []
    for table in tables:
        x0 = min(c[0] for c in table)
        x1 = max(c[2] for c in table)
        top = min(c[1] for c in table)
        bottom = max(c[3] for c in table)
        right: list[tuple[float, float]] = []
        left: list[tuple[float, float]] = []
        for h in horizontal:
            if not top - 3 <= h.top <= bottom + 3 or h.x1 <= x0 or h.x0 >= x1:
                continue
            if h.x1 - x1 >= _OPEN_MIN:
                right.append((h.x1, h.top))
            if x0 - h.x0 >= _OPEN_MIN:
                left.append((h.x0, h.top))
        candidates.extend((*end, x1) for end in _meeting(right))
        candidates.extend((*end, x0) for end in _meeting(left))
    out = []
    for x, top, bottom, inner in candidates[:_OPEN_LOOKS]:
        lo, hi = min(x, inner), max(x, inner)
        if any(
            lo < (c.x0 + c.x1) / 2 < hi and top < (c.top + c.bottom) / 2 < bottom for c in chars
        ):
            out.append(_pdfium.Edge(x, top, x, bottom, "v"))
    return out


def _meeting(ends: list[tuple[float, float]]) -> list[tuple[float, float, float]]:
    """(x, top, bottom) of each place where at least two of the rules' *ends* (x, top) meet
    (within 3 points)."""
    ends.sort()
    groups: list[list[tuple[float, float]]] = []
    for end in ends:
        if groups and end[0] - groups[-1][-1][0] <= 3:
            groups[-1].append(end)
        else:
            groups.append([end])
    return [
        (sum(g[0] for g in group) / len(group), min(g[1] for g in group), max(g[1] for g in group))
        for group in groups
        if len(group) >= 2
    ]


def _limits(table: list[_pdfium.Box], page: _pdfium.Page, keeps_runs: bool = False) -> _Limits:
    """The x-positions past which *table*'s page shows nothing: near the page's edges, and
    the clip that hides the ends of the table's rules (Chromium's page margins).

    A clip is such a limit only where no character of the table's rows stands past it:
    Chromium leaves out the glyphs its clip hides, while a file that clips each cell's
    rules to the cell (and draws the next cell's text beside it) clips nothing away.

    Where glyphs of the table's rows begin past the page's right edge, or where the file
    says LibreOffice made it (*keeps_runs*, :func:`_keeps_runs`), the file keeps what runs
    past it (LibreOffice writes the text of a cell that begins on the page whole, and
    leaves out the cells that begin past it): no number it shows is cut short there.
    """
    x0 = min(c[0] for c in table)
    x1 = max(c[2] for c in table)
    top = min(c[1] for c in table)
    bottom = max(c[3] for c in table)
    left, right, drawn = -math.inf, math.inf, math.inf
    kept_left = False
    if page.box is not None:
        left, right = page.box[0] + _PAGE_EDGE, page.box[1] - _PAGE_EDGE
        edge = page.box[1]
        if not keeps_runs and (
            x1 <= right
            or not any(c.x0 > edge and top < (c.top + c.bottom) / 2 < bottom for c in page.chars)
        ):
            drawn = edge
        kept_left = x0 < left and (
            keeps_runs
            or any(c.x1 < page.box[0] and top < (c.top + c.bottom) / 2 < bottom for c in page.chars)
        )
    clip_left, clip_right = -math.inf, math.inf
    clipped = page.clipped
    for k in range(bisect_left(clipped, (top - 3,)), len(clipped)):
        clip = clipped[k]
        if clip.top > bottom + 3:
            break
        if clip.x1 >= x1 - 3:
            clip_right = min(clip_right, clip.right + _CLIP_SLACK)
        if clip.x0 <= x0 + 3:
            clip_left = max(clip_left, clip.left - _CLIP_SLACK)
    if x1 > clip_right or x0 < clip_left:
        # a glyph the clip cuts is drawn (it begins inside); one wholly past it is not
        shown = [
            c
            for c in page.chars
            if top < (c.top + c.bottom) / 2 < bottom and x0 - 1 <= c.x0 and c.x1 <= x1 + 1
        ]
        if x1 > clip_right and not any(c.x0 > clip_right for c in shown):
            right = min(right, clip_right)
            drawn = min(drawn, clip_right - _CLIP_SLACK)
        if x0 < clip_left and not any(c.x1 < clip_left for c in shown):
            left = max(left, clip_left)
    return _Limits(left, right, drawn, kept_left)


def _line(raw: _pdfium.Line, page: int) -> _Line | None:
    text = line_text(raw.text)
    if not text:
        return None
    sizes = [ch.size for ch in raw.chars if ch.size]
    size = median(sizes) if sizes else raw.bottom - raw.top
    return _Line(text, raw.x0, raw.x1, raw.top, size, page)


def _page_items(
    page: _pdfium.Page,
    number: int,
    notes: list[Diagnostic] | None = None,
    keeps_runs: bool = False,
) -> list[_Item]:
    """The paragraph lines and table parts of one page, in reading order; a warning in
    *notes* for text printed in a table's rows past its outer rule, which no cell holds.
    *keeps_runs*: the file writes a cell's text whole past the page's edge (:func:`_limits`).
    """
    edges = _pdfium.table_edges(page.edges)
    tables = _pdfium.lattice(edges)
    closing = _open_ends(tables, edges, page.chars)
    if closing:
        tables = _pdfium.lattice(edges + closing)
    at = _pdfium.centres_of(page.chars) if tables else None
    grids = [
        g
        for g in (_grid(t, page.chars, number, _limits(t, page, keeps_runs), at) for t in tables)
        if g is not None
    ]
    items: list[_Item] = []
    body: list[_Line] = []
    framed: dict[tuple[int, int], list[_Line]] = {}
    beside: list[str] = []
    # each grid's rows: (top, bottom, whether a single cell across the table)
    rows = [[(*grid.band(r), grid.full_width(r)) for r in range(len(grid.cells))] for grid in grids]
    for raw in _pdfium.text_lines(page.chars, x_tolerance=1.5):
        line = _line(raw, number)
        if line is None:
            continue
        cx, cy = (line.x0 + line.x1) / 2, line.top + line.size / 2
        placed = False
        for g_index, grid in enumerate(grids):
            if not (grid.x0 - 1 <= cx <= grid.x1 + 1 and grid.tops[0] - 1 <= cy <= grid.bottom + 1):
                continue
            placed = True
            for r, (y0, y1, wide) in enumerate(rows[g_index]):
                if y0 - 1 <= cy <= y1 + 1 and wide:
                    framed.setdefault((g_index, r), []).append(line)
                    break
            else:
                if raw.x0 < grid.x0 - 1 or raw.x1 > grid.x1 + 1:
                    beside.extend(_beside(raw, grid, grids))
            break
        if not placed:
            body.append(line)
    if beside and notes is not None:
        text = line_text("".join(beside))
        if text:
            message = msg("text_beside_table", page=number, text=text[:40])
            notes.append(Diagnostic("text_beside_table", "warning", message))
    _set_margins(body)
    items.extend(body)
    for g_index, grid in enumerate(grids):
        framed_lines = [ln for (g, _), lines in framed.items() if g == g_index for ln in lines]
        _set_margins(framed_lines, inside=(grid.x0, grid.x1))
        part: list[list[SourceCell]] = []
        part_top = 0.0
        for r, row in enumerate(grid.cells):
            if rows[g_index][r][2]:
                if part:
                    items.append(_make_part(part, part_top, number, grid))
                    part = []
                items.extend(framed.get((g_index, r), []))
                continue
            if not part:
                part_top = grid.band(r)[0]
            part.append(row)
        if part:
            items.append(_make_part(part, part_top, number, grid))
    items.sort(key=lambda item: item.top)
    return items


def _beside(raw: _pdfium.Line, grid: _Grid, grids: list[_Grid]) -> list[str]:
    """The characters of *raw*, a line of *grid*'s rows, that stand past the table's outer
    rules where its cells do not reach, in no other table: text no cell holds."""
    lo, hi = grid.reach
    out = []
    for ch in raw.chars:
        x = (ch.x0 + ch.x1) / 2
        if lo - 1 <= x <= hi + 1 or grid.x0 - 1 <= x <= grid.x1 + 1:
            continue
        y = (ch.top + ch.bottom) / 2
        if any(g.x0 <= x <= g.x1 and g.tops[0] <= y <= g.bottom for g in grids):
            continue
        out.append(ch.text)
    return out


def _make_part(rows: list[list[SourceCell]], top: float, page: int, grid: _Grid) -> _Part:
    # a cell spanning rows ends with the part
    n = len(rows)
    clipped = [
        [c if c.rowspan <= n - r else attrs.evolve(c, rowspan=n - r) for c in row]
        for r, row in enumerate(rows)
    ]
    span = (grid.x1 - grid.x0) or 1.0
    columns = tuple(round((x - grid.x0) / span, 4) for x in [*grid.xs, grid.x1])
    return _Part(clipped, top, page, columns, span)


def _set_margins(lines: list[_Line], inside: tuple[float, float] | None = None) -> None:
    """Set each line's text column: the leftmost start and rightmost end of its lines."""
    text = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text.replace(" ", ""))]
    if not text:
        return
    left = min(ln.x0 for ln in text)
    # the margin full lines reach: punctuation hanging past it must not move it
    widest = max(ln.x1 for ln in text)
    right = median(ln.x1 for ln in text if ln.x1 >= widest - 2 * ln.size)
    if inside is not None:
        # a framed paragraph of one short line must not look like a full line
        pad = median(ln.size for ln in lines)
        right = max(right, inside[1] - pad * 1.2)
        left = min(left, inside[0] + pad * 0.8)
    for ln in lines:
        ln.left, ln.right = left, right


# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------


def _furniture(pages: list[list[_Item]]) -> set[int]:
    """ids of page-number lines and of running headers/footers repeated on several pages."""
    drop: set[int] = set()
    edges: Counter[str] = Counter()
    for items in pages:
        lines = [i for i in items if isinstance(i, _Line)]
        for line in lines[:2] + lines[-2:]:
            if _PAGE_NUMBER.match(line.text.replace(" ", "")):
                drop.add(id(line))
        for line in {id(x): x for x in lines[:1] + lines[-1:]}.values():
            edges[re.sub(r"\d+", "#", line.text)] += 1
    if len(pages) >= 2:
        repeated = {text for text, n in edges.items() if n >= 2}
        seen_first = False
        for items in pages:
            lines = [i for i in items if isinstance(i, _Line)]
            for line in {id(x): x for x in lines[:1] + lines[-1:]}.values():
                if re.sub(r"\d+", "#", line.text) in repeated:
                    if not seen_first and "报告" in line.text:
                        seen_first = True  # keep a title printed as running header once
                        continue
                    drop.add(id(line))
    return drop


def _continues(previous: _Line, line: _Line) -> bool:
    """Whether *line* carries on the paragraph *previous* ended on."""
    if previous.x1 < previous.right - _RUN_ON * previous.size:
        return False  # the previous line stopped short of the margin: its paragraph ended
    if line.x0 > line.left + _INDENT * line.size:
        return False  # an indented first line
    if _NUMBERED.match(line.text):
        return False
    # a row of an unruled table (a label, then numbers) is not prose
    tail = previous.text.split()[-3:]
    return not (len(tail) == 3 and all(classify(w)[0] == "number" for w in tail))


def _numbering(text: str) -> bool:
    return _NUMBERED.match(text) is not None


def _column_map(first: _Part, second: _Part) -> list[int] | None:
    """For each column border of *second*, the border of *first* it stands on, or None.

    *second* continues *first* when the tables are as wide and every border of *second* is
    one of *first* (a continuation may lack borders: no cell of its rows starts there).
    """
    if abs(first.width - second.width) > 0.03 * first.width:
        return None
    out = []
    for x in second.columns:
        best = min(range(len(first.columns)), key=lambda i: abs(first.columns[i] - x))
        if abs(first.columns[best] - x) > 0.02:
            return None
        out.append(best)
    return out


def _remap(rows: list[list[SourceCell]], borders: list[int]) -> list[list[SourceCell]]:
    """*rows* of a continuation placed on the grid of the table it continues."""
    last = len(borders) - 1

    def placed(cell: SourceCell) -> SourceCell:
        start = borders[cell.column]
        end = borders[min(cell.column + cell.colspan, last)]
        return attrs.evolve(cell, column=start, colspan=max(1, end - start))

    return [[placed(c) for c in row] for row in rows]


def _row_texts(row: list[SourceCell]) -> list[str]:
    return [c.text for c in row]


def _join_parts(first: _Part, second: _Part) -> None:
    """Append *second*, the continuation of *first* on the next page, to *first*."""
    rows = second.rows
    k = 0
    while (
        k < len(rows) and k < len(first.rows) and _row_texts(rows[k]) == _row_texts(first.rows[k])
    ):
        k += 1
    if k and k < len(rows):
        rows = _drop_header(rows, k)
    if rows and first.rows:
        rows[0] = _mend_cut_labels(first.rows, rows[0])
    first.rows.extend(rows)


def _drop_header(rows: list[list[SourceCell]], k: int) -> list[list[SourceCell]]:
    # header cells spanning into the body would lose their text: keep those rows
    if any(c.rowspan > k - r for r in range(k) for c in rows[r]):
        return rows
    return rows[k:]


def _covering(rows: list[list[SourceCell]], column: int) -> SourceCell | None:
    """The cell of *rows* that covers *column* in their last row."""
    last = len(rows) - 1
    for r in range(last, -1, -1):
        for c in rows[r]:
            if c.column <= column < c.column + c.colspan and r + c.rowspan > last:
                return c
    return None


def _mend_cut_labels(rows: list[list[SourceCell]], row: list[SourceCell]) -> list[SourceCell]:
    """Join label text that a page break cut in two ("（四）无" + "法提供").

    A continuation's label that does not start with its own numbering, under a label cell
    of the previous page, is the rest of that label when either piece is merged over rows.
    """
    out = list(row)
    for i, cell in enumerate(row):
        if not cell.text or classify(cell.text)[0] != "text" or _numbering(cell.text):
            continue
        above = _covering(rows, cell.column)
        if above is None or not above.text or classify(above.text)[0] != "text":
            continue
        if above.column != cell.column or (above.rowspan == 1 and cell.rowspan == 1):
            continue
        for r in range(len(rows) - 1, -1, -1):
            for j, c in enumerate(rows[r]):
                if c is above:
                    rows[r][j] = attrs.evolve(c, text=c.text + cell.text)
                    break
        out[i] = attrs.evolve(cell, text="")
    return out


def _blocks(pages: list[list[_Item]]) -> list[Block]:
    """Paragraphs and tables of the whole document, tables continued over pages joined."""
    drop = _furniture(pages)
    sequence: list[_Item] = []
    page_starts: set[int] = set()
    for items in pages:
        kept = [i for i in items if id(i) not in drop]
        if kept:
            page_starts.add(id(kept[0]))
        sequence.extend(kept)
    out: list[str | _Part] = []
    paragraph: list[str] = []
    previous: _Item | None = None
    for item in sequence:
        if isinstance(item, _Line):
            if paragraph and isinstance(previous, _Line) and _continues(previous, item):
                glue = (
                    " "
                    if _ASCII_END.search(paragraph[-1]) and _ASCII_START.search(item.text)
                    else ""
                )
                paragraph.append(glue + item.text)
            else:
                if paragraph:
                    out.append("".join(paragraph))
                paragraph = [item.text]
            previous = item
            continue
        if paragraph:
            out.append("".join(paragraph))
            paragraph = []
        if (
            isinstance(previous, _Part)
            and id(item) in page_starts
            and item.page == previous.page + 1
            and (borders := _column_map(previous, item)) is not None
        ):
            item.rows = _remap(item.rows, borders)
            _join_parts(previous, item)
            previous.page = item.page  # a third page may continue it again
            continue
        out.append(item)
        previous = item
    if paragraph:
        out.append("".join(paragraph))
    return [b if isinstance(b, str) else SourceTable(tuple(map(tuple, b.rows))) for b in out]


def _keeps_runs(pdf: Any) -> bool:
    """Whether the document information says LibreOffice wrote the PDF (its Producer,
    "LibreOffice 7.4"): its export writes the text of a table cell that begins on the page
    whole, also where the table runs past the page's edge, so a number shown there is not
    cut short. (Chromium's, "Skia/PDF", drops the glyphs its clip hides: no such word.)"""
    try:
        producer = pdf.get_metadata_value("Producer")
    except Exception:  # a damaged information dictionary only costs this hint
        return False
    return isinstance(producer, str) and producer.startswith("LibreOffice")


#: the most pages a PDF may have: reports run to a few dozen; a page tree naming one page a
#: million times would have pdfium read it a million times
MAX_PAGES: Final = 2_000


def _read_pages(pdf: Any) -> tuple[list[list[_Item]], list[Diagnostic]]:
    """Every page's items, and notes on pages without text."""
    raw = _engine().raw
    count = len(pdf)
    if count > MAX_PAGES:
        raise UnreadableFileError(
            f"the PDF has {count:,} pages, over the limit of {MAX_PAGES:,}: no report has that "
            "many (a damaged page tree, or one built to exhaust its reader)",
            code="too_many_pages",
            expected="a PDF of a report (at most a few hundred pages)",
        )
    keeps_runs = _keeps_runs(pdf)
    pages: list[list[_Item]] = []
    chars = undecodable = 0
    scanned: list[int] = []
    beside: list[Diagnostic] = []
    broken: list[tuple[int, Exception]] = []
    for number in range(1, count + 1):
        try:
            page = pdf.get_page(number - 1)
        except (MemoryError, RecursionError):
            raise
        except Exception as exc:  # one damaged page must not cost the others
            broken.append((number, exc))
            pages.append([])
            continue
        try:
            textpage = page.get_textpage()
            try:
                content = _pdfium.read_page(raw, page.raw, textpage.raw, number)
            finally:
                textpage.close()
        except (UnreadableFileError, MemoryError, RecursionError):
            raise
        except Exception as exc:
            broken.append((number, exc))
            pages.append([])
            continue
        finally:
            page.close()
        chars += len(content.chars)
        undecodable += content.undecodable
        if not content.chars:
            if content.images:
                scanned.append(number)
            pages.append([])
            continue
        pages.append(_page_items(content, number, beside, keeps_runs))
    if broken and len(broken) == len(pages):
        first_number, first_error = broken[0]
        raise UnreadableFileError(
            f"no page of the PDF could be read (page {first_number}: "
            f"{type(first_error).__name__}: {first_error})",
            code="corrupt_file",
            expected="a PDF document (the file may be damaged or truncated)",
        ) from first_error
    if chars == 0 and not scanned:
        raise UnreadableFileError(
            f"the PDF's {len(pages)} page(s) hold no text and no images: there is nothing "
            "to read (a damaged or empty file)",
            code="no_text_layer",
            expected="a PDF with a text layer (one whose text can be selected and copied)",
        )
    if chars == 0:
        raise UnreadableFileError(
            f"the PDF has no text layer ({len(pages)} page(s) of images, e.g. a scan): "
            "there is no text to read; run OCR on it first and parse the result",
            code="no_text_layer",
            expected="a PDF with a text layer (one whose text can be selected and copied)",
        )
    if undecodable * 2 > chars:
        raise UnreadableFileError(
            "the PDF's text cannot be decoded: its fonts have no map to Unicode characters, "
            "so the text layer is unusable; run OCR on it first and parse the result",
            code="no_text_layer",
            expected="a PDF whose text can be copied as characters",
        )
    notes = [
        Diagnostic(
            "unreadable_page",
            "warning",
            msg("unreadable_page", page=number, error=f"{type(error).__name__}: {error}"),
        )
        for number, error in broken
    ]
    notes.extend(beside)
    if scanned:
        notes.append(
            Diagnostic(
                "no_text_layer",
                "warning",
                msg("no_text_layer", pages=scanned),
            )
        )
    return pages, notes


@guarded
def pdf_to_text(source: bytes | str | os.PathLike[str]) -> Adapted:
    """The text the parser reads for a PDF file (path or bytes), and where each cell came from.

    Origins give the page (1-based) and, for the tables as written in the text (a table
    continued over pages counts once), the table, row and grid column.

    >>> adapted = pdf_to_text("tests/fixtures/seed_003.pdf")
    >>> adapted.text.splitlines()[0]
    '洪合镇2020年度政府信息公开工作年度报告'
    >>> sorted({origin.page for origin in adapted.origins.values()})
    [1, 2, 3]
    """
    if isinstance(source, bytes):
        data = source
    else:
        with open(source, "rb") as handle:
            data = handle.read()
    scan_notes = _pdfscan.check(data)
    pdf = _open(data)
    try:
        pages, notes = _read_pages(pdf)
    except UnreadableFileError as exc:
        cycles = [n for n in scan_notes if n.code == "reference_cycle"]
        if exc.code == "no_text_layer" and cycles:
            # nothing was read, and the file says why: its objects point at themselves
            raise UnreadableFileError(
                f"the PDF holds no readable text: {cycles[0].message}",
                code="reference_cycle",
                expected="a PDF document (the file is damaged)",
            ) from exc
        from .ocr import ocr_fallback  # a scan: read by OCR where the [ocr] extra is installed

        scanned = ocr_fallback(data, exc)
        if scanned is None:
            raise
        return scanned
    except MemoryError:
        raise  # made a coded error by @guarded
    except RecursionError as exc:
        raise UnreadableFileError(
            "the PDF is nested too deeply to read", code="too_complex"
        ) from exc
    except Exception as exc:
        raise UnreadableFileError(
            f"the PDF could not be read ({type(exc).__name__}: {exc})",
            code="corrupt_file",
            expected="a PDF document (the file may be damaged or truncated)",
        ) from exc
    finally:
        pdf.close()
    notes[:0] = scan_notes
    blocks = _blocks(pages)
    writer = TextWriter("pdf")
    writer.write(blocks)
    notes.extend(_withheld(writer))
    notes.append(
        Diagnostic(
            "source",
            "info",
            msg("source.pdf", pages=len(pages), tables=writer.tables),
        )
    )
    return writer.adapted(notes)


def _withheld(writer: TextWriter) -> list[Diagnostic]:
    """A warning on each line of the written text holding cells the reader withheld: a row
    the page's edge cut (one note a row), a number printed across a column rule (one a
    cell)."""
    notes: list[Diagnostic] = []
    marked: dict[int, list[tuple[int, int | None, str]]] = {}
    lines = writer.lines
    for (line, column), origin in writer.origins.items():
        text = lines[line - 1]
        if UNREADABLE not in text or not text.startswith(UNREADABLE, column - 1):
            continue
        cell = text[column - 1 :].split("\t", 1)[0]
        marked.setdefault(line, []).append((column, origin.page, cell))
    for line in sorted(marked):
        cells = sorted(marked[line])
        cut = [c for c in cells if c[2].startswith(CUT)]
        if cut:
            column, page, _ = cut[0]
            message = msg("cut_at_page_edge", page=page)
            notes.append(Diagnostic("cut_at_page_edge", "warning", message, line, column))
        # the pieces of one number cut by a rule stand side by side: one note for them
        runs: list[list[tuple[int, int | None, str]]] = []
        for column, page, cell in cells:
            if cell.startswith(CUT):
                continue
            if runs and runs[-1][-1][0] + len(runs[-1][-1][2]) + 1 == column:
                runs[-1].append((column, page, cell))
            else:
                runs.append([(column, page, cell)])
        for run in runs:
            column, page, _ = run[0]
            text = "".join(cell[1:] for _, _, cell in run)
            message = msg("value_across_columns", page=page, text=text)
            notes.append(Diagnostic("value_across_columns", "warning", message, line, column))
    return notes


def parse_pdf(source: bytes | str | os.PathLike[str], strict: bool = False) -> Report:
    """Parse a report published as a PDF file (path or bytes).

    Each table cell's ``origin`` gives the page it was printed on; ``strict`` is as for
    :func:`disclosure_parser.parse`.

    >>> report = parse_pdf("tests/fixtures/seed_003.pdf")
    >>> report.applications.get("new_received", "total")
    5
    >>> report.applications.cell("new_received", "total").origin.page
    2
    """
    return pdf_to_text(source).parse(strict=strict)
