"""``parse_file()``: read a report from disk, choosing the reader by the file's suffix.

Text files are decoded here; HTML, Word, OpenDocument and PDF files go to their reader (one
module each in this package, loaded on first use), found by suffix in :data:`BINARY_SUFFIXES`
or, when the content says otherwise, by its first bytes (:func:`sniff`); Word 97–2003, WPS and
RTF files are converted by LibreOffice first (:mod:`.soffice`).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Final

import attrs

from ..core.errors import ParseError, UnreadableFileError, UnsupportedFormatError
from ..core.messages import msg
from ..core.model import Diagnostic, Report
from ..parsing.parser import MAX_INPUT_BYTES, MAX_INPUT_CHARS, parse

if TYPE_CHECKING:
    from .base import Adapted

TEXT_SUFFIXES: Final = (".txt", ".text", ".md", ".markdown")
#: images, read by OCR (:mod:`.ocr`) when named; a folder's images are not searched (logos
#: and photos are no reports, and OCR takes seconds a page)
IMAGE_SUFFIXES: Final = (".png", ".jpg", ".jpeg", ".tif", ".tiff")

#: (codec, name shown to users), tried in order
_ENCODINGS: Final = (("utf-8", "UTF-8"), ("gb18030", "GB18030"))


def decode(data: bytes) -> tuple[str, str]:
    """The text of *data* and the name of the encoding it was read with.

    UTF-8 (with or without a byte-order mark) is tried first, then GB18030, the superset of
    GBK and GB2312 that Chinese government sites publish in.

    >>> decode("规章".encode("gb18030"))
    ('规章', 'GB18030')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 with BOM"
        except UnicodeDecodeError:
            pass
    for codec, name in _ENCODINGS:
        try:
            return data.decode(codec), name
        except UnicodeDecodeError:
            continue
    bad = 0
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    preview = data[:bad].decode("utf-8", "replace")
    raise ParseError(
        "the file is neither UTF-8 nor GB18030 text",
        preview,
        len(preview),
        expected="text encoded as UTF-8, UTF-8 with BOM, or GB18030",
        code="encoding",
    )


def parse_file(
    path: str | os.PathLike[str],
    strict: bool = False,
    *,
    max_bytes: int | None = MAX_INPUT_BYTES,
    max_chars: int | None = MAX_INPUT_CHARS,
) -> Report:
    """Parse the report stored at *path*; the suffix chooses the reader.

    ``.txt`` and ``.md`` files are decoded as UTF-8, UTF-8 with BOM or GB18030; the encoding
    used is reported in an ``encoding`` info diagnostic. ``.html``/``.htm``, ``.docx``,
    ``.odt`` and ``.pdf`` files are read by the adapters of the ``html``, ``docx`` (also
    ``.odt``) and ``pdf`` extras, ``.doc``, ``.wps`` and ``.rtf`` files through LibreOffice (see
    :func:`read_binary`). ``strict`` is as for :func:`parse`.
    Raises :class:`UnsupportedFormatError` for other suffixes and OSError when the file cannot
    be read.

    A file larger than *max_bytes* (default :data:`MAX_INPUT_BYTES`, 50 MB) is refused
    before it is read, and text longer than *max_chars* (default :data:`MAX_INPUT_CHARS`)
    before it is parsed: both raise :class:`ParseError` with code ``too_large``; None lifts a
    limit.
    """
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix in BINARY_SUFFIXES:
        return read_binary(path, strict=strict, max_bytes=max_bytes, max_chars=max_chars)
    if suffix in IMAGE_SUFFIXES:
        from .ocr import image_to_text  # the [ocr] extra: scans published as pictures

        return image_to_text(read_limited(path, max_bytes)).parse(strict, max_chars=max_chars)
    if suffix not in TEXT_SUFFIXES:
        raise UnsupportedFormatError(
            f"cannot read {os.fspath(path)!r}: no reader for {suffix or 'files without a suffix'}"
            f"; supported: {', '.join((*TEXT_SUFFIXES, *BINARY_SUFFIXES, *IMAGE_SUFFIXES))}"
        )
    data = read_limited(path, max_bytes)
    text, encoding = decode(data)
    report = parse(text, strict=strict, max_chars=max_chars)
    note = Diagnostic("encoding", "info", msg("encoding", encoding=encoding))
    return attrs.evolve(report, diagnostics=(note, *report.diagnostics))


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------

#: suffix -> format of the files :func:`read_binary` reads; ``doc`` (Word 97–2003 and WPS
#: Office's files) and ``rtf`` are read through LibreOffice (:mod:`.soffice`)
BINARY_SUFFIXES: Final = {
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".odt": "odt",
    ".doc": "doc",
    ".wps": "doc",
    ".rtf": "rtf",
    ".pdf": "pdf",
}
_HTML_START: Final = re.compile(
    rb"^\s*(?:<!doctype|<html|<head|<body|<meta|<div|<p[\s>]|<table)", re.I
)
#: the signature of an OLE compound file: Word 97–2003 and WPS Office documents
_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip_format(data: bytes) -> str:
    """ "odt" or "docx" for the zip package *data*.

    An OpenDocument text begins with its ``mimetype`` entry, stored uncompressed as the
    standard requires; a writer that does not follow it is known by its parts' names
    (``content.xml`` and ``META-INF/manifest.xml``, and no ``[Content_Types].xml``), which
    the package's directory at its end lists. Any other package is taken for a Word file.
    """
    name_length = int.from_bytes(data[26:28], "little")
    extra_length = int.from_bytes(data[28:30], "little")
    start = 30 + name_length + extra_length
    if data[30 : 30 + name_length] == b"mimetype" and data[8:10] == b"\x00\x00":
        media_type = data[start : start + 60]
        if media_type.startswith(b"application/vnd.oasis.opendocument.text"):
            return "odt"
    tail = data[-65_536:]  # the central directory, for a report's few dozen parts
    if b"[Content_Types].xml" not in tail and b"META-INF/manifest.xml" in tail:
        return "odt" if b"content.xml" in tail else "docx"
    return "docx"


def sniff(data: bytes) -> str | None:
    """The format *data* is in by its first bytes ("pdf", "docx", "odt", "doc", "rtf",
    "html"), or None.

    >>> sniff(b"%PDF-1.7"), sniff(b"PK\\x03\\x04..."), sniff(b"\\xef\\xbb\\xbf<!DOCTYPE html>")
    ('pdf', 'docx', 'html')
    >>> sniff(b"{\\\\rtf1\\\\ansi ..."), sniff(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1...")
    ('rtf', 'doc')
    """
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if data.startswith(_OLE):
        return "doc"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if _HTML_START.match(data[:1024].removeprefix(b"\xef\xbb\xbf")):
        return "html"
    return None


def read_limited(path: str | os.PathLike[str], max_bytes: int | None = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the file at *path*, refused unread when there are more than *max_bytes*.

    The size on disk is checked first, so a huge file is not read at all; the read itself
    stops one byte past the limit, for files whose size the file system does not know (a
    pipe, a device). Raises :class:`UnreadableFileError` with code ``too_large``, naming both
    sizes and the ``max_bytes`` argument; ``max_bytes=None`` reads any size.
    """
    with open(path, "rb") as handle:
        if max_bytes is None:
            return handle.read()
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise _too_large_file(path, f"{size:,} bytes", max_bytes)
        data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:  # it grew, or its size was unknown
            raise _too_large_file(path, f"more than {max_bytes:,} bytes", max_bytes)
    return data


def _too_large_file(path: str | os.PathLike[str], size: str, max_bytes: int) -> ParseError:
    return UnreadableFileError(
        f"{os.fspath(path)!r} is {size}, over the limit of {max_bytes:,} bytes "
        "(MAX_INPUT_BYTES is the default); pass max_bytes=N to parse_file() to raise the "
        "limit, or max_bytes=None to lift it",
        code="too_large",
        expected=f"a file of at most {max_bytes:,} bytes",
    )


def read_binary(
    path: str | os.PathLike[str],
    strict: bool = False,
    *,
    max_bytes: int | None = MAX_INPUT_BYTES,
    max_chars: int | None = MAX_INPUT_CHARS,
) -> Report:
    """Parse the HTML, DOCX, ODT, DOC, RTF or PDF report at *path*, chosen by its suffix (see
    :data:`BINARY_SUFFIXES`) or, when the content says otherwise, by its content.

    A file whose content is another supported format than its suffix says (an HTML page saved as
    ``.docx``, say) is read as what it is, with an info diagnostic. Raises OSError when the file
    cannot be read, :class:`MissingDependencyError` when the format's extra (or LibreOffice, for
    .doc, .wps and .rtf: :class:`MissingProgramError`) is not installed and :class:`ParseError` when
    the file is damaged or holds no report. A file larger than *max_bytes* is refused before it is
    read (:func:`read_limited`), text longer than *max_chars* before it is parsed (code
    ``too_large``, both).
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in BINARY_SUFFIXES:
        raise UnsupportedFormatError(
            f"cannot read {name!r} as HTML, DOCX, ODT, DOC, RTF or PDF: no reader for "
            f"{suffix or 'files without a suffix'}; supported: {', '.join(BINARY_SUFFIXES)}"
        )
    data = read_limited(path, max_bytes)
    declared = BINARY_SUFFIXES[suffix]
    found = sniff(data) or declared
    notes: list[Diagnostic] = []
    if found != declared:
        notes.append(
            Diagnostic(
                "source",
                "info",
                msg(
                    "source.sniffed",
                    suffix=suffix,
                    found=msg(f"part.format.{found}"),
                    format=found.upper(),
                ),
            )
        )
    adapted = _adapt_bytes(found, data)
    if notes:
        adapted = attrs.evolve(adapted, diagnostics=(*notes, *adapted.diagnostics))
    return adapted.parse(strict=strict, max_chars=max_chars)


def _adapt_bytes(fmt: str, data: bytes) -> Adapted:
    if fmt == "html":
        from .html import html_to_text

        return html_to_text(data)
    if fmt == "docx":
        from .docx import docx_to_text

        return docx_to_text(data)
    if fmt == "odt":
        from .odt import odt_to_text

        return odt_to_text(data)
    if fmt in ("doc", "rtf"):
        from .soffice import doc_to_text

        return doc_to_text(data, fmt)
    from .pdf import pdf_to_text

    return pdf_to_text(data)
