"""Reports published as Word files: the DOCX adapter (the ``[docx]`` extra, lxml).

The package is opened with :mod:`zipfile` and its main document part (named by the package's
relationships and content types, as Word does) is parsed by lxml with a parser that resolves no
entities, loads no DTD and never touches the network, so a document cannot pull in local files
or URLs; external relationships are never followed. python-docx's object model is not used:
building it cost half of the reading time, and only the XML of the body is needed.

The body is read in document order: paragraphs (also those inside content controls) and tables.
A paragraph's soft line breaks end a line; text boxes, deleted revisions and field codes are
not part of the text.

Table cells are placed on the table's grid: ``gridSpan`` (a horizontal merge) and
``gridBefore`` set the column, ``vMerge`` continuations are cells covered by the merged cell
above. The merge rules of :mod:`disclosure_parser.readers.base` apply: a merged cell is written
once, in its first row, and rows it covers get an empty cell. A table nested in a cell is
flattened into that cell's text.

Every step is bounded by the file's size: a package that would unpack to more than
:data:`MAX_UNPACKED_BYTES`, or whose body holds more elements than its size can explain
(:func:`element_budget`), is refused before it is parsed (code ``too_large``, a zip bomb or a
flood of empty paragraphs); spans wider than a Word table can be (:data:`MAX_GRID_COLUMNS`) are
read as single cells with a ``span_clamped`` warning; vertical merges are resolved in one pass.
"""

from __future__ import annotations

import os
import posixpath
import zipfile
from typing import TYPE_CHECKING, Any, Final

from ..core.errors import UnreadableFileError
from ..core.messages import msg
from ..core.model import Report
from ._package import (
    MAX_SMALL_PART_BYTES,
    MAX_UNPACKED_BYTES,
    element_budget,
    file_bytes,
    open_package,
    package_text,
    parse_part,
    read_part,
    xml_parser,
)
from .base import (
    Adapted,
    Block,
    SourceCell,
    SourceTable,
    cell_text,
    guarded,
)

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped]

__all__ = [
    "MAX_GRID_COLUMNS",
    "MAX_UNPACKED_BYTES",
    "docx_to_text",
    "element_budget",
    "parse_docx",
]

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P: Final = f"{{{_W}}}p"
_TBL: Final = f"{{{_W}}}tbl"
_TR: Final = f"{{{_W}}}tr"
_TC: Final = f"{{{_W}}}tc"
_T: Final = f"{{{_W}}}t"
_TAB: Final = f"{{{_W}}}tab"
_BR: Final = f"{{{_W}}}br"
_CR: Final = f"{{{_W}}}cr"
_NO_BREAK_HYPHEN: Final = f"{{{_W}}}noBreakHyphen"
_VAL: Final = f"{{{_W}}}val"
_TEXT_TAGS: Final = frozenset({_T, _TAB, _BR, _CR, _NO_BREAK_HYPHEN})
_TRPR: Final = f"{{{_W}}}trPr"
_TCPR: Final = f"{{{_W}}}tcPr"
_GRID_BEFORE: Final = f"{{{_W}}}gridBefore"
_GRID_SPAN: Final = f"{{{_W}}}gridSpan"
_VMERGE: Final = f"{{{_W}}}vMerge"
_TYPE: Final = f"{{{_W}}}type"
#: containers of body-level content that hold paragraphs and tables
_WRAPPERS: Final = frozenset({f"{{{_W}}}{n}" for n in ("sdt", "sdtContent", "customXml")})
#: subtrees of a paragraph whose text is not the paragraph's: text boxes, deleted revisions and
#: the fallback copies of drawings
_NOT_TEXT: Final = frozenset({f"{{{_W}}}txbxContent", f"{{{_W}}}del", f"{{{_MC}}}Fallback"})
_WANTED: Final = _TEXT_TAGS | _NOT_TEXT
#: the widest grid a Word table can have (Word's own limit is 63 columns); a span or a
#: gridBefore beyond it is damage, and would cost memory in proportion to the number
MAX_GRID_COLUMNS: Final = 64

_MAIN_TYPES: Final = frozenset(
    f"application/vnd.{kind}.document.main+xml"
    for kind in (
        "openxmlformats-officedocument.wordprocessingml",
        "ms-word.document.macroEnabled",
    )
) | frozenset(
    f"application/vnd.{kind}.template.main+xml"
    for kind in (
        "openxmlformats-officedocument.wordprocessingml",
        "ms-word.template.macroEnabledTemplate",
    )
)
_OFFICE_DOCUMENT: Final = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)


def _val(element: _Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    value = element.get(_VAL)
    return default if value is None else str(value)


def _int_val(element: _Element | None, default: int) -> int:
    try:
        return max(0, int(_val(element) or default))
    except ValueError:
        return default


def _paragraph_lines(p: _Element) -> list[str]:
    """The lines of paragraph *p* (a soft break or carriage return ends a line).

    Each line is gathered as a list of pieces and joined once (adding to a growing string
    would copy it at every run: quadratic in a paragraph of a million runs).
    """
    lines: list[list[str]] = [[]]
    skipped: _Element | None = None  # the text box (or deleted run …) being passed over
    # every element once, dispatched on its tag (cheaper than lxml's filtered iteration)
    for el in p.iter():
        tag = el.tag
        if tag not in _WANTED:
            continue
        if skipped is not None:
            if _inside(el, skipped):
                continue
            skipped = None
        if tag == _T:
            lines[-1].append(el.text or "")
        elif tag in _NOT_TEXT:
            skipped = el
        elif tag == _TAB:
            lines[-1].append(" ")
        elif tag == _NO_BREAK_HYPHEN:
            lines[-1].append("-")
        else:
            # a soft break ends a line; so does a page or column break
            lines.append([])
    return ["".join(parts) for parts in lines]


def _inside(el: _Element, ancestor: _Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _children(element: _Element, tag: str) -> list[_Element]:
    """The *tag* children of *element*, also those wrapped in content controls."""
    out: list[_Element] = []
    stack = [iter(element)]
    while stack:
        for child in stack[-1]:
            if child.tag == tag:
                out.append(child)
            elif child.tag in _WRAPPERS:
                stack.append(iter(child))
                break
        else:
            stack.pop()
    return out


def _cell_pieces(tc: _Element, nested: bool = False) -> list[str]:
    """A cell's text as printed lines: its paragraphs, and a nested table's text per row.

    With *nested*, *tc* is itself a table or a content control inside a cell.
    """
    pieces: list[str] = []
    for child in [tc] if nested else tc:
        if child.tag == _P:
            pieces.extend(_paragraph_lines(child))
        elif child.tag == _TBL:
            for tr in _children(child, _TR):
                texts = [cell_text(_cell_pieces(inner)) for inner in _children(tr, _TC)]
                pieces.append(" ".join(t for t in texts if t))
        elif child.tag in _WRAPPERS:
            for inner in child:
                pieces.extend(_cell_pieces(inner, nested=True))
    return pieces


def _row_cells(tr: _Element) -> list[_Element]:
    """The cells of row *tr* (also those in content controls), its properties first when it
    has them."""
    out: list[_Element] = []
    for child in tr:
        tag = child.tag
        if tag in (_TC, _TRPR):
            out.append(child)
        elif tag in _WRAPPERS:
            out.extend(_children(child, _TC))
    return out


class _Tables:
    """Builds the tables of a document, counting the spans it had to clamp."""

    def __init__(self) -> None:
        self.clamped = 0

    def _grid_value(self, element: _Element | None, default: int) -> int:
        value = _int_val(element, default)
        if value > MAX_GRID_COLUMNS:
            self.clamped += 1
            return default
        return value

    def table(self, tbl: _Element) -> SourceTable:
        """The cells of a table on its grid, vertical merges turned into row spans.

        One pass over the rows: a merge that is open at a grid column (a ``restart``, then
        ``continue`` cells in the rows below, each in the same column) grows by one row at
        each continuation; a continuation with no open merge above it is read as a cell.
        """
        rows: list[list[SourceCell]] = []
        #: grid column -> (row, index in that row) of the merged cell open there
        open_merges: dict[int, tuple[int, int]] = {}
        for r, tr in enumerate(_children(tbl, _TR)):
            column = 0
            cells: list[SourceCell] = []
            still_open: dict[int, tuple[int, int]] = {}
            for tc in _row_cells(tr):
                if tc.tag == _TRPR:
                    before = tc.find(_GRID_BEFORE)
                    if before is not None:
                        column = self._grid_value(before, 0)
                    continue
                span, merge, pieces = 1, None, []
                for child in tc:  # properties, then paragraphs (a handful of children)
                    tag = child.tag
                    if tag == _P:
                        pieces.extend(_paragraph_lines(child))
                    elif tag == _TCPR:
                        for prop in child:
                            if prop.tag == _GRID_SPAN:
                                span = max(1, self._grid_value(prop, 1))
                            elif prop.tag == _VMERGE:
                                merge = prop.get(_VAL) or "continue"
                    elif tag == _TBL or tag in _WRAPPERS:
                        pieces.extend(_cell_pieces(child, nested=True))
                if merge == "continue" and column in open_merges:
                    q, i = open_merges[column]
                    above = rows[q][i]
                    rows[q][i] = SourceCell(
                        above.text, above.column, above.rowspan + 1, above.colspan
                    )
                    still_open[column] = (q, i)
                else:
                    if merge == "restart":
                        still_open[column] = (r, len(cells))
                    cells.append(SourceCell(cell_text(pieces), column, 1, span))
                column += span
            rows.append(cells)
            open_merges = still_open
        return SourceTable(tuple(tuple(row) for row in rows))


def _body_blocks(body: _Element, tables: _Tables) -> list[Block]:
    blocks: list[Block] = []
    stack = [iter(body)]
    while stack:
        for child in stack[-1]:
            if child.tag == _P:
                blocks.extend(_paragraph_lines(child))
            elif child.tag == _TBL:
                blocks.append(tables.table(child))
            elif child.tag in _WRAPPERS:
                stack.append(iter(child))
                break
        else:
            stack.pop()
    return blocks


_KIND: Final = "Word document"


def _corrupt(exc: BaseException | str) -> UnreadableFileError:
    what = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return UnreadableFileError(
        f"the file is not a readable Word document ({what})",
        code="corrupt_file",
        expected="a .docx file (Office Open XML); the file may be damaged or truncated, "
        "or an old .doc saved under a .docx name",
    )


def _main_part(package: zipfile.ZipFile, parser: Any) -> str:
    """The name of the package's main document part, as its relationships and content
    types say (a package without one is no Word document)."""
    from lxml import etree  # type: ignore[import-untyped]

    names = set(package.namelist())
    target = "word/document.xml"
    if "_rels/.rels" in names:
        rels = etree.fromstring(
            read_part(package, "_rels/.rels", _corrupt, MAX_SMALL_PART_BYTES), parser
        )
        for rel in rels:
            if rel.get("Type") in _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
                target = posixpath.normpath(str(rel.get("Target", "")).lstrip("/"))
                break
    if "[Content_Types].xml" not in names or target not in names:
        raise _corrupt("no main document part")
    types = etree.fromstring(
        read_part(package, "[Content_Types].xml", _corrupt, MAX_SMALL_PART_BYTES), parser
    )
    content_type = None
    for entry in types:
        tag = str(entry.tag).rsplit("}", 1)[-1]
        if tag == "Override" and str(entry.get("PartName", "")).lstrip("/") == target:
            content_type = entry.get("ContentType")
            break
        if tag == "Default" and target.rsplit(".", 1)[-1] == entry.get("Extension"):
            content_type = content_type or entry.get("ContentType")
    if content_type not in _MAIN_TYPES:
        raise _corrupt(f"its main part has content type {content_type!r}, not a Word document")
    return target


def _document_body(data: bytes) -> _Element:
    """The ``w:body`` element of the Word package *data*, within the size budgets."""
    parser = xml_parser("docx", "Word (.docx) files")
    package = open_package(
        data, _KIND, "a .docx file whose parts unpack to a reasonable size", _corrupt
    )
    try:
        with package:
            part = _main_part(package, parser)
            xml = read_part(package, part, _corrupt)
    except (UnreadableFileError, MemoryError, RecursionError):
        raise
    except Exception as exc:  # the relationships or content types are no XML …
        raise _corrupt(exc) from exc
    root = parse_part(
        xml,
        len(data),
        parser,
        _KIND,
        "a .docx file whose body holds a report's paragraphs and tables",
        _corrupt,
    )
    body = root.find(f"{{{_W}}}body")
    if body is None:
        raise _corrupt("the main part has no w:body")
    return body


@guarded
def docx_to_text(source: bytes | str | os.PathLike[str]) -> Adapted:
    """The text the parser reads for a Word .docx file (path or bytes), and cell origins.

    Origins give the table (0-based, in document order), row and grid column of each cell.

    >>> import docx, io
    >>> document = docx.Document()
    >>> _ = document.add_paragraph("二、主动公开政府信息情况")
    >>> table = document.add_table(rows=2, cols=3)
    >>> label = table.cell(0, 0).merge(table.cell(0, 2))
    >>> label.text = "第二十条第（一）项"
    >>> for i, text in enumerate(["规章", "3", "0"]):
    ...     table.cell(1, i).text = text
    >>> buffer = io.BytesIO()
    >>> document.save(buffer)
    >>> adapted = docx_to_text(buffer.getvalue())
    >>> adapted.text.splitlines()
    ['二、主动公开政府信息情况', '第二十条第（一）项', '规章\\t3\\t0']
    >>> adapted.origins[(3, 4)]
    Origin(format='docx', table=0, row=1, cell=1, page=None)
    """
    body = _document_body(file_bytes(source))
    tables = _Tables()
    try:
        blocks = _body_blocks(body, tables)
    except RecursionError as exc:
        raise UnreadableFileError(
            "the Word document is nested too deeply to read", code="too_complex"
        ) from exc
    clamped = tables.clamped
    return package_text(
        "docx",
        blocks,
        lambda count: msg("source.docx", tables=count),
        msg("span_clamped.docx", count=clamped, limit=MAX_GRID_COLUMNS) if clamped else None,
    )


def parse_docx(source: bytes | str | os.PathLike[str], strict: bool = False) -> Report:
    """Parse a report published as a Word .docx file (path or bytes).

    Each table cell's ``origin`` names the table, row and grid column it came from;
    ``strict`` is as for :func:`disclosure_parser.parse`.
    """
    return docx_to_text(source).parse(strict=strict)
