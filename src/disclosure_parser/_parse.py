"""``parse()``: text in, Report out, ParseError for anything that is not a report."""

from __future__ import annotations

from typing import Final, cast

from lark.exceptions import LarkError, UnexpectedInput

from ._assemble import assemble
from ._errors import ParseError
from ._grammar import SectionDraft, parser
from ._lexer import tokenize
from ._model import Diagnostic, Report
from ._tables import Notes

#: token types that only a disclosure report produces
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


def _first_visible(text: str) -> int:
    stripped = text.lstrip()
    return len(text) - len(stripped)


def parse(text: str, strict: bool = False) -> Report:
    """Parse the text of one annual report into a :class:`Report`.

    Best effort by default: problems the parser overcame, and values it could not read, are in
    ``report.diagnostics``; it never invents a number. With ``strict=True`` the first warning
    or error raises :class:`ParseError` instead. Text that is not a disclosure report raises
    :class:`ParseError` in both modes; no other exception escapes.

    >>> import disclosure_parser as dp
    >>> dp.parse("hello")
    Traceback (most recent call last):
      ...
    disclosure_parser._errors.ParseError: not a government information disclosure annual report (at line 1, column 1)
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


def _parse(text: str, strict: bool) -> Report:
    work = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    if not work.strip():
        raise ParseError(
            "the text is empty", text, 0, expected=_NOT_A_REPORT_EXPECTED, code="empty"
        )
    tokens = tokenize(work)
    if not any(tok.type in _REPORT_TOKENS for tok in tokens):
        raise ParseError(
            "not a government information disclosure annual report",
            text,
            _first_visible(text),
            expected=_NOT_A_REPORT_EXPECTED,
            code="not_a_report",
        )
    try:
        drafts = cast("list[SectionDraft]", parser().parse(tokens))
    except UnexpectedInput as exc:
        token = getattr(exc, "token", None)
        line = getattr(token, "line", None)
        column = getattr(token, "column", None)
        expected = getattr(exc, "expected", None) or getattr(exc, "allowed", None)
        raise ParseError(
            f"unexpected {getattr(token, 'type', 'input')} in the report's structure",
            text,
            _offset(text, line, column),
            expected=", ".join(sorted(expected)) if expected else None,
            code="structure",
        ) from exc
    except LarkError as exc:
        raise ParseError(f"the report's structure could not be read: {exc}", text, 0) from exc
    notes = Notes()
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
