"""``parse()``: text in, Report out, ParseError for anything that is not a report."""

from __future__ import annotations

import re
from typing import Final

from ..core.errors import ParseError
from ..core.messages import msg
from ..core.model import Diagnostic, Report

#: The longest text :func:`parse` reads by default, in characters (20 million: a report is some
#: 10 000, the largest real ones a few hundred thousand). Longer text raises ParseError with code
#: ``too_large`` before any work is done; pass ``max_chars=`` to raise the limit (or None to
#: lift it).
MAX_INPUT_CHARS: Final = 20_000_000

#: The largest file :func:`~disclosure_parser.parse_file` reads by default, in bytes (50 MB:
#: text files hold three bytes per Chinese character, and PDFs and Word files carry fonts and
#: images besides their text). The size is checked before the file is read; a larger file
#: raises ParseError with code ``too_large``; pass ``max_bytes=`` to raise the limit (or None
#: to lift it).
MAX_INPUT_BYTES: Final = 50_000_000

#: kinds of row token that only a disclosure report produces
_REPORT_TOKENS: Final = frozenset(
    {
        "TITLE",
        "H_OVERVIEW",
        "H_ACTIVE",
        "H_REQUESTS",
        "H_REVIEWS",
        "H_PROBLEMS",
        "H_OTHER",
        "A_ROW",
        "B_ROW",
        "C_ROW",
    }
)

_NOT_A_REPORT_EXPECTED: Final = (
    "a report title such as '…政府信息公开工作年度报告', a section heading such as "
    "'一、总体情况', or one of the report's tables (第二十条 items, the applications matrix, "
    "the review and litigation table)"
)

#: what the text would have needed, per diagnostic code, for strict-mode errors
_EXPECTED: Final = {
    "ragged_row": "one cell per column",
    "ambiguous_row": "one cell per column",
    "unknown_label": "a row label of the official template",
    "unlabelled_row": "a row label",
    "missing_row": "every row of the official template",
    "missing_table": "the three tables of the official template",
    "missing_values": "the 15 numbers of table C",
    "duplicate_row": "each row once",
    "template_mix": "the headers of one template",
    "pre_2019_format": "a report on the 2019 or 2021 template",
}


def _offset(text: str, line: int | None, column: int | None) -> int:
    if line is None:
        return 0
    pos = 0
    for _ in range(line - 1):
        nxt = text.find("\n", pos)
        if nxt == -1:
            return len(text)
        pos = nxt + 1
    return pos + max((column or 1) - 1, 0)


def _line_start(text: str, pos: int) -> int:
    """The offset of the first visible character of the line holding offset *pos*."""
    start = text.rfind("\n", 0, pos) + 1
    line = text[start:pos]
    return start + len(line) - len(line.lstrip())


def _first_visible(text: str) -> int:
    stripped = text.lstrip()
    return len(text) - len(stripped)


def parse(text: str, strict: bool = False, *, max_chars: int | None = MAX_INPUT_CHARS) -> Report:
    """Parse the text of one annual report into a :class:`Report`.

    Best effort by default: problems the parser overcame, and values it could not read, are in
    ``report.diagnostics``; it never invents a number. With ``strict=True`` the first warning
    or error raises :class:`ParseError` instead. Text that is not a disclosure report raises
    :class:`ParseError` in both modes; no other exception escapes.

    Text longer than *max_chars* characters (default :data:`MAX_INPUT_CHARS`, 20 million)
    raises :class:`ParseError` with code ``too_large`` at once; ``max_chars=None`` lifts the
    limit.

    >>> import disclosure_parser as dp
    >>> dp.parse("hello")
    Traceback (most recent call last):
      ...
    disclosure_parser.core.errors.ParseError: not a government information disclosure annual report (at line 1, column 1)
      1 | hello
        | ^
    expected: a report title such as '…政府信息公开工作年度报告', a section heading such as '一、总体情况', or one of the report's tables (第二十条 items, the applications matrix, the review and litigation table)
    """  # noqa: E501
    if not isinstance(text, str):
        raise ParseError(
            f"parse() reads text (str), not {type(text).__name__}; "
            "decode bytes first, or use parse_file() for files",
            "",
            0,
            expected="a str",
            code="not_text",
        )
    if max_chars is not None and len(text) > max_chars:
        raise too_large_text(text, max_chars)
    try:
        return _parse(text, strict)
    except ParseError:
        raise
    except RecursionError as exc:  # pathological nesting: still the caller's input
        raise ParseError(
            "the text is too deeply structured to parse", text, 0, code="too_complex"
        ) from exc
    except Exception as exc:  # a bug of ours must not look like a different error type
        raise ParseError(
            f"internal error while parsing ({type(exc).__name__}: {exc}); "
            "this is a bug in disclosure_parser, please report it with the input",
            text,
            0,
            code="internal_error",
        ) from exc


def too_large_text(text: str, max_chars: int) -> ParseError:
    """The error for *text* longer than *max_chars*: both sizes, and how to raise the limit.

    It points at the first character beyond the limit.

    >>> print(too_large_text("规章" * 3, 4).msg)  # doctest: +NORMALIZE_WHITESPACE
    the text is 6 characters long, over the limit of 4 characters (MAX_INPUT_CHARS is the
    default); pass max_chars=N to parse() or parse_file() to raise the limit, or max_chars=None
    to lift it
    """
    return ParseError(
        f"the text is {len(text):,} characters long, over the limit of {max_chars:,} characters "
        "(MAX_INPUT_CHARS is the default); pass max_chars=N to parse() or parse_file() to raise "
        "the limit, or max_chars=None to lift it",
        text,
        max(max_chars, 0),
        expected=f"at most {max_chars:,} characters",
        code="too_large",
    )


#: UTF-16 surrogates: code points a str may hold (from ``errors="surrogateescape"``, say) but
#: no character; JSON and UTF-8 cannot carry them alone
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
#: a surrogate, or a radical of the Kangxi and CJK radicals blocks (see rows.unify_radicals)
_UNUSUAL: Final = re.compile("[\ud800-\udfff\u2e80-\u2fdf]")


def _without_surrogates(text: str) -> tuple[str, int, int]:
    """*text* with every surrogate code point replaced by U+FFFD (positions unchanged), how
    many there were, and the offset of the first."""
    first = _SURROGATE.search(text)
    if first is None:
        return text, 0, -1
    clean, count = _SURROGATE.subn("\ufffd", text)
    return clean, count, first.start()


def _parse(text: str, strict: bool) -> Report:
    # the machinery (the grammar's table, the label patterns) loads on the first parse, not on
    # `import disclosure_parser`: importing stays fast for code that never parses
    from .assemble import assemble
    from .grammar import UnexpectedToken, parse_rows
    from .lexer import tokenize
    from .rows import unify_radicals
    from .tables import Notes

    work = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    surrogates = 0
    if not work.isascii() and _UNUSUAL.search(work) is not None:
        # one scan of the text for both (they are rare): surrogates, and the radicals PDF text
        # gives for ideographs, which the rows' words are matched without
        work, surrogates, first = _without_surrogates(work)
        work = unify_radicals(work)
    if not work.strip():
        raise ParseError(
            "the text is empty", text, 0, expected=_NOT_A_REPORT_EXPECTED, code="empty"
        )
    tokens = tokenize(work)
    signs = [tok for tok in tokens if tok.kind in _REPORT_TOKENS]
    if not signs:
        # point at the words that made it look like one, where the text has them
        mention = text.find("年度报告")
        raise ParseError(
            "not a government information disclosure annual report",
            text,
            _line_start(text, mention) if mention >= 0 else _first_visible(text),
            expected=_NOT_A_REPORT_EXPECTED,
            code="not_a_report",
        )
    if all(tok.kind == "TITLE" for tok in signs):
        # a line that names a report is not one: a README, a news item, a list of links or a
        # notice about the template mention 政府信息公开工作年度报告 too, but a report has its
        # sections or its tables
        title = signs[0]
        raise ParseError(
            "not a government information disclosure annual report: the text mentions one "
            "but has none of a report's section headings or tables",
            text,
            _offset(text, title.line, title.column),
            expected=_NOT_A_REPORT_EXPECTED.split(", ", 1)[1],
            code="not_a_report",
        )
    try:
        drafts = parse_rows(tokens)
    except UnexpectedToken as exc:  # lark's: a row the grammar does not allow where it stands
        raise ParseError(
            f"unexpected {exc.token.type} in the report's structure",
            text,
            _offset(text, exc.token.line, exc.token.column),
            expected=", ".join(sorted(exc.expected)) or None,
            code="structure",
        ) from exc
    notes = Notes()
    if surrogates:
        line = work.count("\n", 0, first) + 1
        notes.add(
            "invalid_unicode",
            "info",
            msg("invalid_unicode", count=surrogates),
            line,
            first - (work.rfind("\n", 0, first) + 1) + 1,
        )
    report = assemble(drafts, work, notes)
    if strict:
        for diagnostic in report.diagnostics:
            if diagnostic.severity != "info":
                raise _strict_error(diagnostic, text)
    return report


def _strict_error(diagnostic: Diagnostic, text: str) -> ParseError:
    return ParseError(
        f"{diagnostic.code}: {diagnostic.message}",
        text,
        _offset(text, diagnostic.line, diagnostic.column),
        expected=_EXPECTED.get(diagnostic.code),
        code=diagnostic.code,
    )
