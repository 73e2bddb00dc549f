"""The library's exceptions: one hierarchy rooted in :class:`DisclosureError` (a ValueError)."""

from __future__ import annotations

from .text import display_width

_SNIPPET_WIDTH = 60


class DisclosureError(ValueError):
    """Base class of every error this library raises on purpose."""


class ParseError(DisclosureError):
    """The text could not be read as a disclosure report (or, with ``strict=True``, not cleanly).

    Carries ``msg`` (what went wrong), ``doc`` (the text parsed), ``pos`` (character offset),
    ``line`` and ``column`` (1-based), ``expected`` (what would have been accepted there) and
    ``code`` (a stable identifier such as ``not_a_report`` or ``ragged_row``). The printed
    message ends with "(at line L, column C)" or "(at end of document)", then the offending
    line with a caret under the position.

    >>> err = ParseError("no report found", "hello", 0, expected="a report title")
    >>> print(err)
    no report found (at line 1, column 1)
      1 | hello
        | ^
    expected: a report title
    """

    msg: str
    doc: str
    pos: int
    line: int
    column: int
    expected: str | None
    code: str

    def __init__(
        self,
        msg: str,
        doc: str,
        pos: int,
        *,
        expected: str | None = None,
        code: str = "parse_error",
    ) -> None:
        pos = max(0, min(pos, len(doc)))
        line = doc.count("\n", 0, pos) + 1
        column = pos - (doc.rfind("\n", 0, pos) + 1) + 1
        self.msg, self.doc, self.pos = msg, doc, pos
        self.line, self.column = line, column
        self.expected, self.code = expected, code
        super().__init__(self._render())

    @property
    def lineno(self) -> int:
        """Alias of :attr:`line` (the name :class:`json.JSONDecodeError` uses)."""
        return self.line

    @property
    def colno(self) -> int:
        """Alias of :attr:`column`."""
        return self.column

    def _render(self) -> str:
        if self.pos >= len(self.doc.rstrip()) and self.doc.strip():
            where = "(at end of document)"
        else:
            where = f"(at line {self.line}, column {self.column})"
        parts = [f"{self.msg} {where}"]
        snippet = _snippet(self.doc, self.pos, self.line)
        if snippet:
            parts.append(snippet)
        if self.expected:
            parts.append(f"expected: {self.expected}")
        return "\n".join(parts)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.msg, self.doc, self.pos, self.expected, self.code))


def _rebuild(msg: str, doc: str, pos: int, expected: str | None, code: str) -> ParseError:
    return ParseError(msg, doc, pos, expected=expected, code=code)


def _snippet(doc: str, pos: int, line: int) -> str:
    """The line holding *pos* (clipped around it) with a caret under *pos*.

    Lark's own carets count characters; a CJK character takes two terminal columns, so the
    caret is placed by display width instead.
    """
    start = doc.rfind("\n", 0, pos) + 1
    end = doc.find("\n", pos)
    text = doc[start : end if end != -1 else len(doc)].rstrip("\r")
    # a position among the carriage returns that end a line (dropped above) is shown at the
    # line's end
    offset = min(pos - start, len(text))
    if not text.strip() and offset == 0:
        return ""
    # keep the caret visible on long lines: show a window around it, walking out from the
    # caret one character at a time (linear, whatever the line's length)
    lo, width = offset, 0
    while lo > 0 and width + display_width(text[lo - 1]) <= _SNIPPET_WIDTH // 2:
        lo -= 1
        width += display_width(text[lo])
    hi = offset
    while hi < len(text) and width < _SNIPPET_WIDTH:
        width += display_width(text[hi])
        hi += 1
    shown = ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
    caret_at = display_width(("…" if lo else "") + text[lo:offset])
    gutter = f"{line:>3} | "
    shown = shown.replace("\t", "    ")
    return f"{gutter}{shown}\n{' ' * (len(gutter) - 2)}| {' ' * caret_at}^"


class UnsupportedFormatError(DisclosureError):
    """``parse_file`` was given a file whose suffix names no format this library reads."""


class MissingDependencyError(DisclosureError):
    """An optional dependency needed to read a file format is not installed.

    The message names the ``pip install`` line of the extra that provides it.

    >>> print(MissingDependencyError("pdf", "pdfplumber", "PDF files"))
    reading PDF files needs pdfplumber, which is not installed: pip install 'disclosure-parser[pdf]'
    """

    def __init__(self, extra: str, module: str, what: str) -> None:
        self.extra, self.module = extra, module
        super().__init__(
            f"reading {what} needs {module}, which is not installed: "
            f"pip install 'disclosure-parser[{extra}]'"
        )


class UnreadableFileError(ParseError):
    """A file in a supported format that holds no readable report text.

    Corrupt or truncated files, encrypted PDFs and PDFs without a text layer (scans) raise it.
    It is a :class:`ParseError` whose message names the file's problem instead of a position.

    >>> err = UnreadableFileError("the file is not a PDF", code="corrupt_file")
    >>> print(err)
    the file is not a PDF
    >>> err.code, isinstance(err, ParseError)
    ('corrupt_file', True)
    """

    def __init__(self, msg: str, *, code: str, expected: str | None = None) -> None:
        super().__init__(msg, "", 0, expected=expected, code=code)

    def _render(self) -> str:
        return self.msg if not self.expected else f"{self.msg}\nexpected: {self.expected}"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_unreadable, (self.msg, self.code, self.expected))


#: the codes of :class:`UnreadableFileError`: each names one reason a file is refused, so
#: that a batch can count and sort its failures. The budgets behind the ``too_*`` codes and
#: the bombs grow with the file's size (see the readers' modules).
FILE_ERROR_CODES = {
    "corrupt_file": "the file is damaged, or not in the format its name or content says",
    "truncated": "the file was cut short (an HTML page ending inside a tag or a table)",
    "encrypted": "the PDF needs a password",
    "no_text_layer": "the PDF has no text (a scan: run OCR first)",
    "too_large": "the file, its text, or the Word package unpacked, is over the size limit",
    "too_complex": "the file nests too deeply to read",
    "too_many_pages": "the PDF has more pages than any report",
    "too_many_objects": "a PDF page draws more objects or path segments than any report page",
    "too_many_chars": "a PDF page holds more characters than any report page",
    "too_many_elements": "the Word document's body holds more XML elements than its size allows",
    "decompression_bomb": "the PDF's streams inflate far beyond its size",
    "xobject_budget": "the PDF's forms draw each other more often than its size allows",
    "reference_cycle": "the PDF's objects refer to themselves and nothing could be read",
    "out_of_memory": "the file could not be read in the memory available",
    "image_too_large": "an image (or a scanned page) has more pixels than any page of a report",
    "too_many_scanned_pages": "a scan has more pages than OCR reads for any report",
    "ocr_failed": "Tesseract failed on a page of a scan, or took longer than its time limit",
}


def _rebuild_unreadable(msg: str, code: str, expected: str | None) -> UnreadableFileError:
    return UnreadableFileError(msg, code=code, expected=expected)
