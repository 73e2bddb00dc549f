"""``parse_file()``: read a report from disk, choosing the reader by the file's suffix."""

from __future__ import annotations

import os
from typing import Final

import attrs

from ._errors import ParseError, UnsupportedFormatError
from ._model import Diagnostic, Report
from ._parse import MAX_INPUT_BYTES, MAX_INPUT_CHARS, parse

TEXT_SUFFIXES: Final = (".txt", ".text", ".md", ".markdown")

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
    used is reported in an ``encoding`` info diagnostic. ``.html``/``.htm``, ``.docx`` and
    ``.pdf`` files are read by the adapters of the ``html``, ``docx`` and ``pdf`` extras (see
    :func:`disclosure_parser._adapt.read_binary`). ``strict`` is as for :func:`parse`.
    Raises :class:`UnsupportedFormatError` for other suffixes and OSError when the file cannot
    be read.

    A file larger than *max_bytes* (default :data:`MAX_INPUT_BYTES`, 50 MB) is refused
    before it is read, and text longer than *max_chars* (default :data:`MAX_INPUT_CHARS`)
    before it is parsed: both raise :class:`ParseError` with code ``too_large``; None lifts a
    limit.
    """
    # the file readers load on the first file: `import disclosure_parser` stays fast
    from ._adapt import BINARY_SUFFIXES, read_binary, read_limited

    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix in BINARY_SUFFIXES:
        return read_binary(path, strict=strict, max_bytes=max_bytes, max_chars=max_chars)
    if suffix not in TEXT_SUFFIXES:
        raise UnsupportedFormatError(
            f"cannot read {os.fspath(path)!r}: no reader for {suffix or 'files without a suffix'}"
            f"; supported: {', '.join((*TEXT_SUFFIXES, *BINARY_SUFFIXES))}"
        )
    data = read_limited(path, max_bytes)
    text, encoding = decode(data)
    report = parse(text, strict=strict, max_chars=max_chars)
    note = Diagnostic("encoding", "info", f"file decoded as {encoding}")
    return attrs.evolve(report, diagnostics=(note, *report.diagnostics))
