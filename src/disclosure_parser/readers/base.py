"""What the file adapters (HTML, DOCX, PDF) share: the text they write and the way back.

Each adapter turns its file into *blocks*, paragraphs and tables in document order, and
:class:`TextWriter` writes them in the parser's tab-row layout (SPEC §2 item 1): a paragraph per
line; a table row per line, cells joined by tabs. Merged cells follow one rule in every format:

* a cell spanning several columns is written once (padding cells would shift the value
  columns of rows whose value cells are merged, as in the HTML reports of some portals);
* a cell spanning several rows is written in its first row and as an empty cell in the rows
  it covers, so a merged row label (三、本年度办理结果) appears once, as in seed 000.

The rows a merged cell covers get "" (layout filler to the parser). A cell printed empty is a
blank where a value belongs, so it is written as "\\u00a0" (a printed blank, like a cell holding
only a no-break space) when it stands under the value columns (from the leftmost column holding
a number or a "/" mark to the right edge) in a row of values; elsewhere (headers, label
columns) it is "". Read as filler, an empty value cell would let the parser take the row for a
ragged one and derive numbers for cells that were printed blank. While writing, the writer
records where each cell's text starts, so that :func:`attach_origins` can give every parsed
cell its :class:`~disclosure_parser.Origin`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Final, ParamSpec, TypeVar

import attrs

from ..core.errors import ParseError, UnreadableFileError
from ..core.model import ActiveDisclosure, Cell, Diagnostic, Origin, Report, Reviews
from ..parsing.cells import classify
from ..parsing.parser import MAX_INPUT_CHARS, parse

#: (line, column) of a cell's first visible character in the adapted text -> its origin
Origins = Mapping[tuple[int, int], Origin]

_SPACE: Final = re.compile(r"[ \t\r\f\v\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff]+")
_PRINTED_BLANK: Final = ("\u00a0", "\u3000")
#: any character :data:`_SPACE` or ``str.strip`` would change
_ANY_SPACE: Final = re.compile(r"[\s\u200b\ufeff]")
# CJK ideographs and full-width punctuation: a space between two of them is an artefact of
# justified or letter-spaced printing ("结 果 维 持"), never a separator of two values
_CJK: Final = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\u201c\u201d"
_CJK_GAP: Final = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_COLUMN: Final = itemgetter(0)


# ---------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class SourceCell:
    """One cell of a source table: its text and where it starts in the table's grid.

    ``column`` is the 0-based grid column the cell starts at (merged cells expanded);
    ``rowspan`` and ``colspan`` count grid rows and columns; ``page`` is the PDF page (1-based).
    """

    text: str
    column: int
    rowspan: int = 1
    colspan: int = 1
    page: int | None = None


@attrs.frozen
class SourceTable:
    """A source table: for each row, the cells that start in it, in column order."""

    rows: tuple[tuple[SourceCell, ...], ...]


Block = str | SourceTable


@attrs.frozen
class Adapted:
    """The text an adapter made of a file, and where each table cell of that text came from.

    ``text`` is what :func:`disclosure_parser.parse` reads (tab-row layout); ``origins`` maps the
    (line, column) of each cell's first character in ``text`` to its place in the file;
    ``diagnostics`` are the adapter's own notes (encoding, what was read, pages without text).

    >>> adapted = Adapted("规章\t3", {(1, 4): Origin("docx", 0, 2, 1)}, "docx")
    >>> adapted.text, adapted.origins[(1, 4)].row
    ('规章\t3', 2)
    """

    text: str
    origins: Mapping[tuple[int, int], Origin] = attrs.field(factory=dict, eq=False, repr=False)
    format: str = ""
    diagnostics: tuple[Diagnostic, ...] = ()

    def parse(self, strict: bool = False, *, max_chars: int | None = MAX_INPUT_CHARS) -> Report:
        """Parse :attr:`text` and give every table cell its origin in the file.

        The adapter's diagnostics come first in the report's. With ``strict=True`` an adapter
        warning (a truncated file, a page without text) raises like a parser warning does.
        ``max_chars`` is as for :func:`disclosure_parser.parse`.
        """
        if strict:
            for note in self.diagnostics:
                if note.severity != "info":
                    raise ParseError(f"{note.code}: {note.message}", self.text, 0, code=note.code)
        report = attach_origins(parse(self.text, strict=strict, max_chars=max_chars), self.origins)
        if not self.diagnostics:
            return report
        return attrs.evolve(report, diagnostics=(*self.diagnostics, *report.diagnostics))


def cell_text(pieces: Iterable[str]) -> str:
    """The text of a cell printed as *pieces* (its lines): joined without space, tidied.

    Line breaks inside a cell only wrap its text ("本年新" / "制作数量"); other runs of white
    space become one space, except between two CJK characters where they are letter spacing.
    Digits on both sides of a break stay apart ("3" / "5" is two numbers in one cell, say where
    a rule between two rows is missing, not 35). A cell holding only no-break or ideographic
    spaces is a printed blank, kept as "\\u00a0".

    >>> cell_text(["本年新", "制作数量"]), cell_text(["结 果 维 持"]), cell_text(["7.5 万元"])
    ('本年新制作数量', '结果维持', '7.5 万元')
    >>> cell_text(["3", "5"]), cell_text(["\\u00a0"]), cell_text([" ", ""])
    ('3 5', '\\xa0', '')
    """
    parts = list(pieces)
    if len(parts) == 1 and not _ANY_SPACE.search(parts[0]):
        return parts[0]  # one line without space: nothing to tidy (most cells)
    joined = ""
    for part in parts:
        piece = _SPACE.sub(" ", part).strip()
        if not piece:
            continue
        digits_meet = joined[-1:].isdigit() and (piece[0].isdigit() or piece[0] in "+-")
        joined += (" " if digits_meet else "") + piece
    joined = _CJK_GAP.sub("", joined)
    if joined:
        return joined
    printed_blank = any(ch in p for p in parts for ch in _PRINTED_BLANK)
    return "\u00a0" if printed_blank else ""


def line_text(text: str) -> str:
    """A paragraph's text on one line: white space collapsed to single spaces, trimmed.

    >>> line_text("\\u3000\\u3000一、总体情况\\n")
    '一、总体情况'
    """
    return _SPACE.sub(" ", text.replace("\n", " ")).strip()


#: the states of a cell holding a value ("missing": a value a reader could not read,
#: parsing.cells.UNREADABLE, a value still)
_VALUE_STATES: Final = frozenset({"number", "na", "missing"})


#: a table cell as :meth:`TextWriter.grid` reads it: (text, grid column, rowspan, colspan,
#: PDF page), the fields of :class:`SourceCell`
GridCell = tuple[str, int, int, int, int | None]


class TextWriter:
    """Writes blocks in the tab-row layout, recording each table cell's origin."""

    def __init__(self, fmt: str) -> None:
        self.format = fmt
        self.lines: list[str] = []
        self.origins: dict[tuple[int, int], Origin] = {}
        self.tables = 0

    def paragraph(self, text: str) -> None:
        """Write one paragraph (a line); empty paragraphs are dropped."""
        line = line_text(text)
        if line:
            self.lines.append(line)

    def table(self, table: SourceTable) -> None:
        """Write *table*, one line per row (see the module docstring for merged cells)."""
        self.grid(
            [[(c.text, c.column, c.rowspan, c.colspan, c.page) for c in row] for row in table.rows]
        )

    def grid(self, rows: Sequence[Sequence[GridCell]]) -> None:
        """Write a table given as its rows of :data:`GridCell`, as :meth:`table` writes one.

        A reader with many cells to write hands them over as plain tuples: a
        :class:`SourceCell` per cell costs about as much as writing the cell.
        """
        index = self.tables
        self.tables += 1
        # value columns: from the leftmost column holding a number or mark to the right edge
        valued: list[bool] = []  # per row: whether it holds one
        first = -1
        for row in rows:
            columns = [c for text, c, _, _, _ in row if text and classify(text)[0] in _VALUE_STATES]
            valued.append(bool(columns))
            if columns:
                low = min(columns)
                first = low if first < 0 else min(first, low)
        last = max([c[1] + c[3] for row in rows for c in row], default=1) - 1 if first >= 0 else -1
        lines, origins, fmt = self.lines, self.origins, self.format
        # cells spanning rows: (first row, rowspan, column, page); a cell covers rows first ..
        # first+rowspan-1
        spanning: list[tuple[int, int, int, int | None]] = []
        for r, row in enumerate(rows):
            if valued[r]:
                data = True
            else:
                # a row of values all printed blank: text (its label) only left of the value
                # columns, empty cells under them
                has_text = text_under = blank_under = False
                for text, column, _, colspan, _ in row:
                    under = colspan > 0 and column <= last and column + colspan > first
                    if text:
                        has_text = True
                        text_under = text_under or under
                    elif under:
                        blank_under = True
                data = has_text and not text_under and blank_under
            if data:
                entries = [
                    (
                        column,
                        text
                        or (
                            "\u00a0"
                            if colspan > 0 and column <= last and column + colspan > first
                            else ""
                        ),
                        page,
                    )
                    for text, column, _, colspan, page in row
                ]
            else:
                entries = [(column, text, page) for text, column, _, _, page in row]
            if spanning:
                for start, rowspan, column, page in spanning:
                    if start < r < start + rowspan:
                        entries.append((column, "", row[0][4] if row else page))
                spanning = [s for s in spanning if r < s[0] + s[1] - 1]
            entries.sort(key=_COLUMN)
            for cell in row:
                if cell[2] > 1:
                    spanning.append((r, cell[2], cell[1], cell[4]))
            texts = [text for _, text, _ in entries]
            if not any(texts):
                continue  # a row of empty cells carries nothing
            lineno = len(lines) + 1
            offset = 1
            for column, text, page in entries:
                origins[(lineno, offset)] = Origin(fmt, index, r, column, page)
                offset += len(text) + 1
            lines.append("\t".join(texts))

    def write(self, blocks: Iterable[Block]) -> None:
        """Write every block in order."""
        for block in blocks:
            if isinstance(block, SourceTable):
                self.table(block)
            else:
                self.paragraph(block)

    def adapted(self, diagnostics: Iterable[Diagnostic] = ()) -> Adapted:
        """The text written so far, its origins and the adapter's *diagnostics*."""
        text = "\n".join(self.lines) + "\n" if self.lines else ""
        return Adapted(text, dict(self.origins), self.format, tuple(diagnostics))


_P = ParamSpec("_P")
_A = TypeVar("_A", bound="Adapted")


def guarded(read: Callable[_P, _A]) -> Callable[_P, _A]:
    """*read* (a reader's ``*_to_text``) with its last-resort failures made loud and coded:
    a ``MemoryError`` becomes :class:`UnreadableFileError` ``out_of_memory``, a
    ``RecursionError`` ``too_complex``. The readers bound their work by the file's size, so
    neither should happen; if one does, the caller still gets a ``ParseError`` for the file,
    never an exception that ends a batch.
    """

    @functools.wraps(read)
    def call(*args: _P.args, **kwargs: _P.kwargs) -> _A:
        try:
            return read(*args, **kwargs)
        except MemoryError as exc:
            raise UnreadableFileError(
                "the file could not be read within the memory available: it is damaged, or "
                "built to exhaust its reader",
                code="out_of_memory",
            ) from exc
        except RecursionError as exc:
            raise UnreadableFileError(
                "the file is nested too deeply to read", code="too_complex"
            ) from exc

    return call


# ---------------------------------------------------------------------------------------------
# Origins onto a parsed report
# ---------------------------------------------------------------------------------------------


def _with_origins(cells: tuple[Cell, ...], origins: Origins) -> tuple[Cell, ...]:
    out = []
    for cell in cells:
        found = None
        if cell.line is not None and cell.column is not None:
            found = origins.get((cell.line, cell.column))
        out.append(cell if found is None else attrs.evolve(cell, origin=found))
    return tuple(out)


def attach_origins(report: Report, origins: Origins) -> Report:
    """*report* with each table cell's :class:`Origin` set from *origins*.

    A cell is matched by the (line, column) it was read at; cells the parser did not read
    from the text (missing cells, say) keep ``origin=None``.

    >>> import disclosure_parser as dp
    >>> title = "XX镇人民政府2021年政府信息公开工作年度报告"
    >>> text = title + "\\n行政复议\\t行政诉讼\\n" + "\\t".join("0" * 15)
    >>> report = attach_origins(dp.parse(text), {(3, 1): dp.Origin("html", 0, 1, 0)})
    >>> report.reviews.cell("review", "upheld").origin
    Origin(format='html', table=0, row=1, cell=0, page=None)
    """
    if not origins:
        return report
    items = tuple(
        attrs.evolve(it, cells=_with_origins(it.cells, origins))
        for it in report.active_disclosure.items
    )
    rows = tuple(
        attrs.evolve(row, cells=_with_origins(row.cells, origins))
        for row in report.applications.rows
    )
    groups = tuple(
        attrs.evolve(g, cells=_with_origins(g.cells, origins)) for g in report.reviews.groups
    )
    return attrs.evolve(
        report,
        active_disclosure=ActiveDisclosure(items),
        applications=attrs.evolve(report.applications, rows=rows),
        reviews=Reviews(groups),
    )
