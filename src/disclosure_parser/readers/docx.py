"""Reports published as Word files: the DOCX adapter (the ``[docx]`` extra, python-docx).

python-docx opens the package (its XML parser does not resolve entities, so a document cannot
pull in local files or URLs; external relationships are never fetched); a package that would
unpack to more than :data:`MAX_UNPACKED_BYTES` is refused first (a zip bomb). The body is
then read in document order: paragraphs (also those inside content controls) and tables. A
paragraph's soft line breaks end a line; text boxes, deleted revisions and field codes are not
part of the text.

Table cells are placed on the table's grid: ``gridSpan`` (a horizontal merge) and
``gridBefore`` set the column, ``vMerge`` continuations are cells covered by the merged cell
above. The merge rules of :mod:`disclosure_parser.readers.base` apply: a merged cell is written
once, in its first row, and rows it covers get an empty cell. A table nested in a cell is
flattened into that cell's text.
"""

from __future__ import annotations

import io
import os
import zipfile
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from ..core.errors import MissingDependencyError, UnreadableFileError
from ..core.messages import msg
from ..core.model import Diagnostic, Report
from .base import (
    Adapted,
    Block,
    SourceCell,
    SourceTable,
    TextWriter,
    cell_text,
)

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped]

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NS: Final = {"w": _W, "mc": _MC}
_P: Final = f"{{{_W}}}p"
_TBL: Final = f"{{{_W}}}tbl"
_TR: Final = f"{{{_W}}}tr"
_TC: Final = f"{{{_W}}}tc"
#: containers of body-level content that hold paragraphs and tables
_WRAPPERS: Final = frozenset({f"{{{_W}}}{n}" for n in ("sdt", "sdtContent", "customXml")})
#: the text of a paragraph: text, tabs and breaks of its own runs, not of text boxes, deleted
#: revisions or the fallback copies of drawings
_TEXT_XPATH: Final = (
    "(.//w:t | .//w:tab | .//w:br | .//w:cr | .//w:noBreakHyphen)"
    "[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback) and not(ancestor::w:del)]"
)


@cache
def _text_xpath() -> Any:
    from lxml import etree  # type: ignore[import-untyped]

    return etree.XPath(_TEXT_XPATH, namespaces=_NS)


def _val(element: _Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    value = element.get(f"{{{_W}}}val")
    return default if value is None else str(value)


def _int_val(element: _Element | None, default: int) -> int:
    try:
        return max(0, int(_val(element) or default))
    except ValueError:
        return default


def _paragraph_lines(p: _Element) -> list[str]:
    """The lines of paragraph *p* (a soft break or carriage return ends a line)."""
    lines = [""]
    for el in _text_xpath()(p):
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "t":
            lines[-1] += el.text or ""
        elif tag == "tab":
            lines[-1] += " "
        elif tag == "noBreakHyphen":
            lines[-1] += "-"
        elif tag == "cr" or (tag == "br" and _val_type(el) in (None, "textWrapping")):
            lines.append("")
        else:
            lines.append("")  # a page or column break
    return lines


def _val_type(el: _Element) -> str | None:
    value = el.get(f"{{{_W}}}type")
    return None if value is None else str(value)


def _children(element: _Element, tag: str) -> list[_Element]:
    """The *tag* children of *element*, also those wrapped in content controls."""
    out: list[_Element] = []
    for child in element:
        if child.tag == tag:
            out.append(child)
        elif child.tag in _WRAPPERS:
            out.extend(_children(child, tag))
    return out


def _cell_pieces(tc: _Element) -> list[str]:
    """A cell's text as printed lines: its paragraphs, and a nested table's text per row."""
    pieces: list[str] = []
    for child in tc:
        if child.tag == _P:
            pieces.extend(_paragraph_lines(child))
        elif child.tag == _TBL:
            for tr in _children(child, _TR):
                texts = [cell_text(_cell_pieces(inner)) for inner in _children(tr, _TC)]
                pieces.append(" ".join(t for t in texts if t))
        elif child.tag in _WRAPPERS:
            pieces.extend(_cell_pieces(child))
    return pieces


#: one cell as read: (grid column, colspan, vertical merge state, text); the merge state is
#: None (not merged), "restart" (first row of a merge) or "continue"
_RawCell = tuple[int, int, str | None, str]


def _table(tbl: _Element) -> SourceTable:
    """The cells of a table on its grid, vertical merges turned into row spans."""
    raw: list[list[_RawCell]] = []
    for tr in _children(tbl, _TR):
        column = _int_val(tr.find("w:trPr/w:gridBefore", _NS), 0)
        row: list[_RawCell] = []
        for tc in _children(tr, _TC):
            span = max(1, _int_val(tc.find("w:tcPr/w:gridSpan", _NS), 1))
            merge_el = tc.find("w:tcPr/w:vMerge", _NS)
            merge = None if merge_el is None else (_val(merge_el) or "continue")
            row.append((column, span, merge, cell_text(_cell_pieces(tc))))
            column += span
        raw.append(row)
    rows: list[tuple[SourceCell, ...]] = []
    for r, row in enumerate(raw):
        cells = []
        for column, span, merge, text in row:
            if merge == "continue" and _starts_above(raw, r, column):
                continue  # covered by the merged cell that starts above
            rowspan = 1
            if merge == "restart":
                while r + rowspan < len(raw) and _continues_at(raw[r + rowspan], column):
                    rowspan += 1
            cells.append(SourceCell(text, column, rowspan, span))
        rows.append(tuple(cells))
    return SourceTable(tuple(rows))


def _continues_at(row: list[_RawCell], column: int) -> bool:
    return any(c == column and merge == "continue" for c, _, merge, _ in row)


def _starts_above(raw: list[list[_RawCell]], r: int, column: int) -> bool:
    """Whether a vertical merge at *column* is open above row *r* (restart, then continues)."""
    for q in range(r - 1, -1, -1):
        for c, _, merge, _ in raw[q]:
            if c == column:
                if merge == "restart":
                    return True
                if merge != "continue":
                    return False
                break
        else:
            return False
    return False


def _body_blocks(body: _Element) -> list[Block]:
    blocks: list[Block] = []
    for child in body:
        if child.tag == _P:
            blocks.extend(_paragraph_lines(child))
        elif child.tag == _TBL:
            blocks.append(_table(child))
        elif child.tag in _WRAPPERS:
            blocks.extend(_body_blocks(child))
    return blocks


#: the most a Word package may unpack to, in bytes: a report's XML is a few megabytes, its
#: images are compressed already; a package that claims more is a zip bomb (a few hundred
#: kilobytes that python-docx would inflate, whole, into memory)
MAX_UNPACKED_BYTES: Final = 100_000_000


def _unpacked_size(data: bytes) -> int:
    """What the package's parts unpack to, as its central directory declares (zipfile reads
    no more than the declared size of a part), or 0 when *data* is no readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return 0  # python-docx reports the damage


def _document(data: bytes) -> Any:
    try:
        import docx
    except ImportError as exc:
        raise MissingDependencyError("docx", "python-docx", "Word (.docx) files") from exc
    unpacked = _unpacked_size(data)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFileError(
            f"the Word document unpacks to {unpacked:,} bytes (from {len(data):,}), over the "
            f"limit of {MAX_UNPACKED_BYTES:,} bytes: a damaged file or a zip bomb",
            code="too_large",
            expected="a .docx file whose parts unpack to a reasonable size",
        )
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise UnreadableFileError(
            f"the file is not a readable Word document ({type(exc).__name__}: {exc})",
            code="corrupt_file",
            expected="a .docx file (Office Open XML); the file may be damaged or truncated, "
            "or an old .doc saved under a .docx name",
        ) from exc


def docx_to_text(source: bytes | str | os.PathLike[str]) -> Adapted:
    """The text the parser reads for a Word .docx file (path or bytes), and cell origins.

    Origins give the table (0-based, in document order), row and grid column of each cell.

    >>> import docx
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
    if isinstance(source, bytes):
        data = source
    else:
        with open(source, "rb") as handle:
            data = handle.read()
    document = _document(data)
    try:
        blocks = _body_blocks(document.element.body)
    except RecursionError as exc:
        raise UnreadableFileError(
            "the Word document is nested too deeply to read", code="too_complex"
        ) from exc
    writer = TextWriter("docx")
    writer.write(blocks)
    notes = [
        Diagnostic(
            "source",
            "info",
            msg("source.docx", tables=writer.tables),
        )
    ]
    return writer.adapted(notes)


def parse_docx(source: bytes | str | os.PathLike[str], strict: bool = False) -> Report:
    """Parse a report published as a Word .docx file (path or bytes).

    Each table cell's ``origin`` names the table, row and grid column it came from;
    ``strict`` is as for :func:`disclosure_parser.parse`.
    """
    return docx_to_text(source).parse(strict=strict)
