"""``disclosure-parser check FILE...``: validate reports and print findings like a compiler.

One line per finding, ``path:line:col: severity code message`` (``path: severity code message``
when the finding has no position), then a summary line. Exit status: 2 when a file could not
be parsed or read (any of the library's errors, or an OSError), else 1 when an error-severity
finding was printed, else 0.

``--select`` and ``--ignore`` take comma-separated codes or code prefixes, as ruff does
(``--select year_`` selects both cross-year codes, ``ALL`` every code); ignoring wins. Parser
diagnostics of severity warning and error are printed too with ``--diagnostics``, their codes
prefixed ``parse:`` (``--ignore parse:ragged_row``); they never change the exit status, which
the rules decide. Output is coloured on a terminal unless NO_COLOR is set (``--color``
overrides), plain when piped. ``--format json`` prints one JSON document instead.

``disclosure-parser batch INPUTS... -o OUT`` parses and validates many reports on all cores into
one JSON Lines, CSV or Parquet file: see :mod:`disclosure_parser.output.batch`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, Final, TextIO

import attrs

from .. import validation
from ..core.errors import DisclosureError, ParseError, UnreadableFileError
from ..core.model import Diagnostic
from ..readers.files import parse_file
from . import batch as _batch
from .records import not_a_file

PROG: Final = "disclosure-parser"
PARSER_PREFIX: Final = "parse:"

#: ANSI styles, used only when colour is on
_STYLE: Final = {
    "error": "\033[1;31m",
    "warning": "\033[1;33m",
    "info": "\033[1;36m",
    "path": "\033[1m",
    "code": "\033[35m",
    "reset": "\033[0m",
}


@attrs.frozen
class _Line:
    """One printed finding or diagnostic, whatever produced it."""

    code: str
    severity: str
    message: str
    line: int | None
    column: int | None
    data: dict[str, Any]


@attrs.frozen
class _Result:
    """What checking one file gave: its lines, or why it could not be checked."""

    path: str
    lines: tuple[_Line, ...] = ()
    failure: _Line | None = None


def _selector_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _known(selector: str) -> bool:
    if selector == "ALL" or selector.startswith(PARSER_PREFIX):
        return True
    return any(code.startswith(selector) for code in validation.CODES)


def _matches(code: str, selectors: Sequence[str]) -> bool:
    return any(s == "ALL" or code.startswith(s) for s in selectors)


def _wanted(code: str, select: Sequence[str] | None, ignore: Sequence[str]) -> bool:
    if select is not None and not _matches(code, select):
        return False
    return not _matches(code, ignore)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check government information-disclosure annual reports (年度报告).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="validate reports against the consistency rules and print the findings",
        description=(
            "Parse each FILE, run the consistency rules (table B's balance and totals, table "
            "C's totals, plausibility bounds, the numbers the narrative states; docs/rules.md "
            "in the project lists them) and print one line per finding: path:line:col: "
            "severity code message (path: severity code message for a finding or an error "
            "about the whole file). Exit status 2 if a file could not be parsed, 1 if an "
            "error was found, 0 otherwise."
        ),
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="report files (.txt, .md, .html, .htm, .docx, .pdf)",
    )
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    check.add_argument(
        "--select",
        type=_selector_list,
        metavar="CODES",
        help="comma-separated codes or prefixes to report (default: all)",
    )
    check.add_argument(
        "--ignore",
        type=_selector_list,
        default=(),
        metavar="CODES",
        help="comma-separated codes or prefixes not to report",
    )
    check.add_argument(
        "--diagnostics",
        action="store_true",
        help="also print the parser's warning and error diagnostics (codes prefixed parse:)",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output: auto (on a terminal, unless NO_COLOR is set), always, never",
    )
    _batch.add_command(commands)
    return parser


def _finding_line(finding: validation.Finding) -> _Line:
    return _Line(
        finding.code,
        finding.severity,
        finding.message,
        finding.line,
        finding.column,
        finding.to_dict(),
    )


def _diagnostic_line(diagnostic: Diagnostic) -> _Line:
    code = PARSER_PREFIX + diagnostic.code
    data = {**diagnostic.to_dict(), "code": code}
    return _Line(
        code, diagnostic.severity, diagnostic.message, diagnostic.line, diagnostic.column, data
    )


def _snake(name: str) -> str:
    """``MissingDependencyError`` -> ``missing_dependency``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name.removesuffix("Error")).lower()


def _failure(exc: Exception) -> _Line:
    line: int | None = None
    column: int | None = None
    if isinstance(exc, ParseError):
        code, message = PARSER_PREFIX + exc.code, exc.msg
        if not isinstance(exc, UnreadableFileError):
            # an unreadable file (a scan, an encrypted PDF) is wrong as a whole: no 1:1
            line, column = exc.line, exc.column
    elif isinstance(exc, DisclosureError):
        # UnsupportedFormatError, a reader's missing optional dependency, …
        code, message = PARSER_PREFIX + _snake(type(exc).__name__), str(exc)
    else:
        code, message = "io", f"cannot read the file: {exc}"
    data = {"code": code, "severity": "error", "message": message, "line": line, "column": column}
    return _Line(code, "error", message, line, column, data)


def _check(
    path: str, select: Sequence[str] | None, ignore: Sequence[str], diagnostics: bool
) -> _Result:
    refused = not_a_file(path)
    if refused is not None:  # a named pipe would block the command forever
        code, message = refused.code, refused.message
        data = {"code": code, "severity": "error", "message": message, "line": None, "column": None}
        return _Result(path, failure=_Line(code, "error", message, None, None, data))
    try:
        report = parse_file(path)
    except (DisclosureError, OSError) as exc:
        return _Result(path, failure=_failure(exc))
    lines = [_finding_line(f) for f in validation.validate(report)]
    if diagnostics:
        lines += [_diagnostic_line(d) for d in report.diagnostics if d.severity != "info"]
    kept = tuple(x for x in lines if _wanted(x.code, select, ignore))
    return _Result(path, kept)


def _plural(n: int, word: str) -> str:
    if word == "info":
        return f"{n} info"
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(results: Sequence[_Result]) -> tuple[str, dict[str, int]]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for line in result.lines:
            counts[line.severity] += 1
    failed = sum(1 for r in results if r.failure is not None)
    text = (
        f"{_plural(len(results), 'file')} checked: {_plural(counts['error'], 'error')}, "
        f"{_plural(counts['warning'], 'warning')}, {_plural(counts['info'], 'info')}"
    )
    if failed:
        text += f"; {_plural(failed, 'file')} could not be parsed"
    return text, {"files": len(results), **counts, "unparsed": failed}


def _exit_status(results: Sequence[_Result]) -> int:
    if any(r.failure is not None for r in results):
        return 2
    if any(
        line.severity == "error" and not line.code.startswith(PARSER_PREFIX)
        for r in results
        for line in r.lines
    ):
        return 1
    return 0


def _use_colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _format_line(path: str, line: _Line, colour: bool) -> str:
    def paint(text: str, style: str) -> str:
        return f"{_STYLE[style]}{text}{_STYLE['reset']}" if colour else text

    where = path if line.line is None else f"{path}:{line.line}:{line.column}"
    return (
        f"{paint(where + ':', 'path')} {paint(line.severity, line.severity)} "
        f"{paint(line.code, 'code')} {line.message}"
    )


def _print_text(results: Sequence[_Result], out: TextIO, colour: bool) -> None:
    for result in results:
        if result.failure is not None:
            out.write(_format_line(result.path, result.failure, colour) + "\n")
        for line in result.lines:
            out.write(_format_line(result.path, line, colour) + "\n")
    out.write(_summary(results)[0] + "\n")


def _print_json(results: Sequence[_Result], out: TextIO) -> None:
    document = {
        "files": [
            {
                "path": r.path,
                "parsed": r.failure is None,
                "error": r.failure.data if r.failure is not None else None,
                "findings": [x.data for x in r.lines if not x.code.startswith(PARSER_PREFIX)],
                "diagnostics": [x.data for x in r.lines if x.code.startswith(PARSER_PREFIX)],
            }
            for r in results
        ],
        "summary": _summary(results)[1],
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line *argv* (default: ``sys.argv[1:]``); the exit status is returned.

    >>> import io
    >>> main(["check", "no/such/file.txt"], out=io.StringIO())
    2
    """
    stream = out if out is not None else sys.stdout
    args = _build_parser().parse_args(argv)
    if args.command == "batch":
        return _batch.command(args, stdout=out)
    select: tuple[str, ...] | None = args.select
    ignore: tuple[str, ...] = args.ignore
    unknown = [s for s in (*(select or ()), *ignore) if not _known(s)]
    if unknown:
        _build_parser().error(
            f"unknown code(s) {', '.join(unknown)}; the codes are {', '.join(validation.CODES)} "
            f"and {PARSER_PREFIX}<diagnostic code>"
        )
    results = [_check(path, select, ignore, args.diagnostics) for path in args.files]
    try:
        if args.format == "json":
            _print_json(results, stream)
        else:
            _print_text(results, stream, _use_colour(args.color, stream))
        stream.flush()
    except BrokenPipeError:
        # the reader (head, less) went away: the exit status still tells the result
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    return _exit_status(results)
