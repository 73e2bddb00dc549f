"""Reports published as OpenDocument text files: the ODT adapter (lxml, the ``[docx]`` extra).

An .odt file is a zip package whose ``content.xml`` holds the document (OASIS OpenDocument
1.0–1.3, as LibreOffice, OpenOffice and WPS Office write it). The package is opened as the Word
reader opens a .docx (:mod:`._package`: the unpacked size and the number of XML elements
bounded by the file's size, a zip bomb refused unread) and ``content.xml`` is parsed by lxml
with a parser that resolves no entities, loads no DTD and never touches the network; linked
sections, images and objects are never followed.

The body (``office:text``) is read in document order: paragraphs and headings (also inside
lists and sections) and tables. A paragraph's ``text:line-break`` ends a line, ``text:s`` and
``text:tab`` are spaces; notes, comments, drawings and text boxes, tracked deletions and hidden
sections are not part of the text.

An OpenDocument table lays out its grid explicitly: each row holds a ``table:table-cell`` or a
``table:covered-table-cell`` for every grid column, a merged cell says how many columns and rows
it covers (``table:number-columns-spanned``, ``table:number-rows-spanned``) and the slots it
covers are covered cells. So a cell's grid column is the count of the slots before it, and the
merge rules of :mod:`disclosure_parser.readers.base` apply as for Word files: a merged cell is
written once, in its first row, and rows it covers get an empty cell. A table nested in a cell
is flattened into that cell's text. A writer that leaves out a span's covered cells is read as
if they were there. Repeated cells and rows (``number-columns-repeated``,
``number-rows-repeated``, a spreadsheet's shorthand) are expanded within the widest grid a
report's table needs (:data:`MAX_GRID_COLUMNS`), :data:`MAX_REPEATED_ROWS` copies of a row and
:data:`REPEAT_BUDGET` cells and characters of copies in a document; beyond, a cell or row is
read once with a ``span_clamped`` warning, as is a span wider than the grid. Empty cells
repeated past the grid (a spreadsheet's padding to its last column) and repeated empty rows
are read once or not at all: they carry nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from ..core.errors import UnreadableFileError
from ..core.messages import msg
from ..core.model import Report
from ._package import (
    MAX_SMALL_PART_BYTES,
    file_bytes,
    open_package,
    package_text,
    parse_part,
    read_part,
    xml_parser,
)
from .base import Adapted, Block, SourceCell, SourceTable, cell_text, guarded

if TYPE_CHECKING:
    import zipfile

    from lxml.etree import _Element  # type: ignore[import-untyped]

__all__ = ["MAX_GRID_COLUMNS", "MAX_REPEATED_ROWS", "REPEAT_BUDGET", "odt_to_text", "parse_odt"]

_OFFICE: Final = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT: Final = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE: Final = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_MANIFEST: Final = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"


def _t(name: str) -> str:
    return f"{{{_TEXT}}}{name}"


def _tb(name: str) -> str:
    return f"{{{_TABLE}}}{name}"


_P: Final = _t("p")
_H: Final = _t("h")
_S: Final = _t("s")
_TAB: Final = _t("tab")
_LINE_BREAK: Final = _t("line-break")
_TBL: Final = _tb("table")
_ROW: Final = _tb("table-row")
_CELL: Final = _tb("table-cell")
_COVERED: Final = _tb("covered-table-cell")
_COLUMNS_SPANNED: Final = _tb("number-columns-spanned")
_ROWS_SPANNED: Final = _tb("number-rows-spanned")
_COLUMNS_REPEATED: Final = _tb("number-columns-repeated")
_ROWS_REPEATED: Final = _tb("number-rows-repeated")
_DISPLAY: Final = _t("display")
#: elements that hold a table's rows (header rows, row groups …)
_ROW_GROUPS: Final = frozenset(
    _tb(n) for n in ("table-header-rows", "table-rows", "table-row-group")
)
#: elements of the body that hold paragraphs and tables: lists, sections, the bodies of
#: indexes (a table of contents is text the document shows, as in a Word file)
_CONTAINERS: Final = frozenset(
    _t(n)
    for n in (
        "list",
        "list-item",
        "list-header",
        "section",
        "index-body",
        "index-title",
        "table-of-content",
        "illustration-index",
        "table-index",
        "object-index",
        "user-index",
        "alphabetical-index",
        "bibliography",
    )
)
#: subtrees of a paragraph whose text is not the paragraph's: notes (their citation and body),
#: comments, drawings and frames (text boxes, images with captions), ruby annotations and
#: tracked changes' deleted text
_NOT_TEXT: Final = frozenset(
    {
        _t("note"),
        _t("ruby-text"),
        _t("tracked-changes"),
        f"{{{_OFFICE}}}annotation",
        f"{{{_OFFICE}}}annotation-end",
        f"{{{_OFFICE}}}change-info",
    }
)
_DRAW: Final = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_DR3D: Final = "{urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0}"

#: the widest grid a report's table needs, with room to spare (Word's own limit is 63
#: columns); a span or a run of repeated cells beyond it is damage or a spreadsheet's padding
MAX_GRID_COLUMNS: Final = 64
#: the most copies of one row ``number-rows-repeated`` may ask for (a row printed twice is a
#: report's at most; a repeated empty row is read once, since it carries nothing)
MAX_REPEATED_ROWS: Final = 100
#: what the repeats of a document may add, in cells and characters (a report's text is some
#: 20,000 characters; past the budget a repeat is read once, with a ``span_clamped`` warning)
REPEAT_BUDGET: Final = 1_000_000

#: the media types of OpenDocument text (a document, a template, a master document)
_TEXT_TYPES: Final = tuple(
    f"application/vnd.oasis.opendocument.{kind}"
    for kind in ("text", "text-template", "text-master")
)


def _int_attr(element: _Element, name: str, default: int = 1) -> int:
    value = element.get(name)
    if value is None:
        return default
    try:
        return max(1, int(value))
    except ValueError:
        return default


def _skipped(tag: Any) -> bool:
    """Whether an element with *tag* holds no text of the paragraph it stands in (comments and
    processing instructions have a function for a tag)."""
    return not isinstance(tag, str) or tag in _NOT_TEXT or tag.startswith((_DRAW, _DR3D))


def _paragraph_lines(p: _Element) -> list[str]:
    """The lines of paragraph or heading *p*: a ``text:line-break`` ends a line.

    Each line is gathered as a list of pieces and joined once (adding to a growing string
    would copy it at every piece: quadratic in a paragraph of a million spans).
    """
    lines: list[list[str]] = [[p.text or ""]]
    # (children left to read, the tail to add once they are read)
    stack: list[tuple[Iterator[_Element], str]] = [(iter(p), "")]
    while stack:
        children, _ = stack[-1]
        for child in children:
            tag = child.tag
            if _skipped(tag):
                pass
            elif tag in (_S, _TAB):
                lines[-1].append(" ")  # runs of spaces become one when the text is tidied
            elif tag == _LINE_BREAK:
                lines.append([])
            else:
                lines[-1].append(child.text or "")
                if len(child):
                    stack.append((iter(child), child.tail or ""))
                    break
            lines[-1].append(child.tail or "")
        else:
            _, tail = stack.pop()
            lines[-1].append(tail)
    return ["".join(parts) for parts in lines]


def _hidden(element: _Element) -> bool:
    return bool(element.get(_DISPLAY) == "none")


def _cell_pieces(cell: _Element) -> list[str]:
    """A cell's text as printed lines: its paragraphs (in lists and sections too) and a
    nested table's text, a line per row."""
    pieces: list[str] = []
    stack: list[Iterator[_Element]] = [iter(cell)]
    while stack:
        for child in stack[-1]:
            tag = child.tag
            if tag in (_P, _H):
                pieces.extend(_paragraph_lines(child))
            elif tag == _TBL:
                for row in _table_rows(child):
                    texts = [cell_text(_cell_pieces(inner)) for inner in row if inner.tag == _CELL]
                    pieces.append(" ".join(t for t in texts if t))
            elif tag in _CONTAINERS and not _hidden(child):
                stack.append(iter(child))
                break
        else:
            stack.pop()
    return pieces


def _table_rows(table: _Element) -> list[_Element]:
    """The rows of *table* in order, through header rows and row groups (not those of tables
    nested in its cells)."""
    rows: list[_Element] = []
    stack: list[Iterator[_Element]] = [iter(table)]
    while stack:
        for child in stack[-1]:
            tag = child.tag
            if tag == _ROW:
                rows.append(child)
            elif tag in _ROW_GROUPS:
                stack.append(iter(child))
                break
        else:
            stack.pop()
    return rows


class _Tables:
    """Builds the tables of a document, counting the spans and repeats it had to clamp.

    Repeats are paid from one budget for the document (:data:`REPEAT_BUDGET`): each copy of a
    cell beyond the first costs one and the length of its text, so that a few bytes of
    ``number-rows-repeated`` cannot write gigabytes of text.
    """

    def __init__(self) -> None:
        self.clamped = 0
        self.budget = REPEAT_BUDGET

    def _afford(self, extra_cells: int, chars: int) -> bool:
        """Whether copies costing *extra_cells* cells holding *chars* characters fit the
        budget left (and pay for them if so)."""
        cost = extra_cells + chars
        if cost > self.budget:
            return False
        self.budget -= cost
        return True

    def table(self, table: _Element) -> SourceTable:
        """The cells of *table* on its grid (see the module docstring)."""
        rows: list[tuple[SourceCell, ...]] = []
        for tr in _table_rows(table):
            cells = self._row(tr)
            copies = _int_attr(tr, _ROWS_REPEATED)
            if copies > 1 and not any(c.text for c in cells):
                copies = 1  # empty rows carry nothing; a spreadsheet pads with thousands
            elif copies > 1 and (
                copies > MAX_REPEATED_ROWS
                or not self._afford(
                    (copies - 1) * len(cells), (copies - 1) * sum(len(c.text) for c in cells)
                )
            ):
                self.clamped += 1
                copies = 1
            rows.extend([cells] * copies)
        # a cell spanning past the table's last row ends with the table
        n = len(rows)
        return SourceTable(
            tuple(
                tuple(
                    c if c.rowspan <= n - r else SourceCell(c.text, c.column, n - r, c.colspan)
                    for c in row
                )
                for r, row in enumerate(rows)
            )
        )

    def _row(self, tr: _Element) -> tuple[SourceCell, ...]:
        """The cells of row *tr*, each at its grid column.

        Every ``table-cell`` and ``covered-table-cell`` fills one slot of the grid, so a
        cell's column is the count of slots before it. A writer that leaves out the covered
        cells of a span is read as if they were there: the next cell starts past the span.
        """
        cells: list[SourceCell] = []
        column = 0  # the next slot
        floor = 0  # the first column past the last cell's span
        for tc in tr:
            tag = tc.tag
            if tag == _COVERED:
                covered = _int_attr(tc, _COLUMNS_REPEATED)
                if covered > MAX_GRID_COLUMNS:
                    self.clamped += 1
                    covered = 1
                column += covered
                continue
            if tag != _CELL:
                continue
            span = _int_attr(tc, _COLUMNS_SPANNED)
            rowspan = _int_attr(tc, _ROWS_SPANNED)
            if span > MAX_GRID_COLUMNS:
                self.clamped += 1
                span = 1
            text = cell_text(_cell_pieces(tc))
            copies = _int_attr(tc, _COLUMNS_REPEATED)
            if copies > 1 and max(column, floor) + copies * span > MAX_GRID_COLUMNS:
                if not text:  # a spreadsheet's padding of empty cells to its last column
                    column = max(column, floor) + 1
                    continue
                self.clamped += 1
                copies = 1
            elif copies > 1 and not self._afford(copies - 1, (copies - 1) * len(text)):
                self.clamped += 1
                copies = 1
            for _ in range(copies):
                start = max(column, floor)
                cells.append(SourceCell(text, start, rowspan, span))
                column, floor = start + 1, start + span
        return tuple(cells)


def _body_blocks(body: _Element, tables: _Tables) -> list[Block]:
    blocks: list[Block] = []
    stack: list[Iterator[_Element]] = [iter(body)]
    while stack:
        for child in stack[-1]:
            tag = child.tag
            if tag in (_P, _H):
                blocks.extend(_paragraph_lines(child))
            elif tag == _TBL:
                blocks.append(tables.table(child))
            elif tag in _CONTAINERS and not _hidden(child):
                stack.append(iter(child))
                break
        else:
            stack.pop()
    return blocks


_KIND: Final = "OpenDocument text"


def _corrupt(exc: BaseException | str) -> UnreadableFileError:
    what = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return UnreadableFileError(
        f"the file is not a readable OpenDocument text ({what})",
        code="corrupt_file",
        expected="an .odt file (OpenDocument text); the file may be damaged or truncated",
    )


def _media_type(package: zipfile.ZipFile, parser: Any) -> str | None:
    """The package's media type: its ``mimetype`` entry, else its manifest's root entry."""
    from lxml import etree  # type: ignore[import-untyped]

    names = set(package.namelist())
    if "mimetype" in names:
        media_type = read_part(package, "mimetype", _corrupt, 1_000)
        return media_type.decode("ascii", "replace").strip()
    if "META-INF/manifest.xml" not in names:
        return None
    manifest = etree.fromstring(
        read_part(package, "META-INF/manifest.xml", _corrupt, MAX_SMALL_PART_BYTES), parser
    )
    for entry in manifest:
        if entry.get(f"{{{_MANIFEST}}}full-path") == "/":
            value = entry.get(f"{{{_MANIFEST}}}media-type")
            return None if value is None else str(value)
    return None


def _document_body(data: bytes) -> _Element:
    """The ``office:text`` element of the OpenDocument package *data*, within the size
    budgets."""
    parser = xml_parser("docx", "OpenDocument (.odt) files")  # lxml, the docx extra
    package = open_package(
        data, _KIND, "an .odt file whose parts unpack to a reasonable size", _corrupt
    )
    try:
        with package:
            media_type = _media_type(package, parser)
            if media_type is not None and not media_type.startswith(_TEXT_TYPES):
                raise _corrupt(f"it is {media_type!r}, not a text document")
            if "content.xml" not in package.namelist():
                raise _corrupt("no content.xml")
            xml = read_part(package, "content.xml", _corrupt)
    except (UnreadableFileError, MemoryError, RecursionError):
        raise
    except Exception as exc:  # the manifest is no XML …
        raise _corrupt(exc) from exc
    root = parse_part(
        xml,
        len(data),
        parser,
        _KIND,
        "an .odt file whose body holds a report's paragraphs and tables",
        _corrupt,
    )
    body = root.find(f"{{{_OFFICE}}}body")
    text = None if body is None else body.find(f"{{{_OFFICE}}}text")
    if text is None:
        raise _corrupt("content.xml has no office:text")
    return text


@guarded
def odt_to_text(source: bytes | str | os.PathLike[str]) -> Adapted:
    """The text the parser reads for an OpenDocument .odt file (path or bytes), and cell
    origins.

    Origins give the table (0-based, in document order), row and grid column of each cell.

    >>> adapted = odt_to_text("tests/fixtures/conversions/seed_003.lo-odt.odt")
    >>> adapted.text.splitlines()[0]
    '洪合镇2020年度政府信息公开工作年度报告'
    >>> report = adapted.parse()
    >>> report.applications.cell("new_received", "total").origin
    Origin(format='odt', table=1, row=3, cell=9, page=None)
    """
    body = _document_body(file_bytes(source))
    tables = _Tables()
    try:
        blocks = _body_blocks(body, tables)
    except RecursionError as exc:
        raise UnreadableFileError(
            "the OpenDocument text is nested too deeply to read", code="too_complex"
        ) from exc
    clamped = tables.clamped
    return package_text(
        "odt",
        blocks,
        lambda count: msg("source.odt", tables=count),
        msg("span_clamped.odt", count=clamped, limit=MAX_GRID_COLUMNS) if clamped else None,
    )


def parse_odt(source: bytes | str | os.PathLike[str], strict: bool = False) -> Report:
    """Parse a report published as an OpenDocument .odt file (path or bytes).

    Each table cell's ``origin`` names the table, row and grid column it came from;
    ``strict`` is as for :func:`disclosure_parser.parse`.
    """
    return odt_to_text(source).parse(strict=strict)
