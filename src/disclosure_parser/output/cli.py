"""``disclosure-parser check PATH...``: check reports and say what is wrong, where, in plain words.

PATH is a report file or a folder (searched, with its subfolders, for every file the library
reads: .txt .md .html .htm .docx .pdf …). One line per problem, then a summary::

    003.txt:128:2: 错误 outcome_total,row_total （一）予以公开 × 自然人 印为 4，按…应为 5
    002p.pdf:第4页 表6 第4行: 错误 review_total 行政复议：总计印为 0，…

The position is where a reader of the file finds the cell: page, table and row for PDFs
(page) and Word files and web pages (table and row), line:column for text files. Where one
wrong cell explains several failing sums (see :func:`~disclosure_parser.validation.localize`),
they are one line naming that cell, its printed value and the value the sums call for, with
the codes of every sum it breaks.

Messages are in Chinese where the locale is Chinese (``LANG=zh_CN.UTF-8``) and in English
elsewhere; ``--lang zh`` or ``--lang en`` chooses. Findings of severity ``info`` (a rule that
could not be judged, and why) are hidden unless ``--min-severity info``; the summary says how
many were. ``--select`` and ``--ignore`` take comma-separated codes or code prefixes, as ruff
does (``--select year_`` selects both cross-year codes, ``ALL`` every code); ignoring wins.
``--diagnostics`` adds the parser's own diagnostics, their codes prefixed ``parse:``; they
never change the exit status. ``--format json`` prints one JSON document instead (every
finding on its own, with its message in the chosen language, ``where`` and the text's
``line`` and ``column``). Output is coloured on a terminal unless NO_COLOR is set
(``--color`` overrides).

Exit status: 2 when a file could not be read (or no report was found), else 1 when an error
was found, else 0. A file found in a folder that turns out not to be a report (a README, say)
is skipped, not an error.

``disclosure-parser batch INPUTS... -o OUT`` parses and validates many reports on all cores into
one JSON Lines, CSV or Parquet file: see :mod:`disclosure_parser.output.batch`.
"""

from __future__ import annotations

import argparse
import errno
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from importlib import metadata
from typing import Any, Final, TextIO

import attrs

from .. import validation
from ..core.errors import (
    DisclosureError,
    MissingDependencyError,
    MissingProgramError,
    ParseError,
    UnreadableFileError,
)
from ..core.messages import CATALOGUE, Message, in_language, language, msg, normalize, text
from ..core.model import SEVERITIES, Diagnostic
from ..core.positions import Places
from ..readers.files import BINARY_SUFFIXES, TEXT_SUFFIXES, parse_file
from . import batch as _batch
from .records import not_a_file

PROG: Final = "disclosure-parser"
PARSER_PREFIX: Final = "parse:"

#: exit statuses
OK, ERRORS, UNREADABLE = 0, 1, 2

#: the suffixes a folder is searched for: every format parse_file reads
SUFFIXES: Final = (*TEXT_SUFFIXES, *BINARY_SUFFIXES)

#: errors that mean "this file is no report at all", not "this report cannot be read"
_NOT_REPORTS: Final = frozenset({"not_a_report", "empty"})
_RANK: Final = {severity: rank for rank, severity in enumerate(SEVERITIES)}

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
    """One printed problem: a finding, several findings one cell explains, a diagnostic, or
    why the file could not be checked. ``data`` are the JSON records it stands for."""

    codes: tuple[str, ...]
    severity: str
    message: str
    where: str
    data: tuple[dict[str, Any], ...] = ()

    @property
    def code(self) -> str:
        return ",".join(self.codes)


@attrs.frozen
class _Result:
    """What checking one file gave: its lines, or why it could not be checked."""

    path: str
    lines: tuple[_Line, ...] = ()
    failure: _Line | None = None
    skipped: bool = False
    hidden: dict[str, int] = attrs.field(factory=dict)


# ---------------------------------------------------------------------------------------------
# Options
# ---------------------------------------------------------------------------------------------


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


def _language_option(value: str) -> str:
    try:
        return normalize(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: choose zh or en") from None


def _version() -> str:
    try:
        return metadata.version("disclosure-parser")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _chosen_language(argv: Sequence[str]) -> str:
    """The language of the help texts: ``--lang`` if the command line gives it, else the
    environment's (the parser that reads ``--lang`` is itself written in that language)."""
    for i, arg in enumerate(argv):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value is not None:
            try:
                return normalize(value)
            except ValueError:
                break
    return language()


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, with "usage:" in the current language."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, text("cli.usage") if prefix is None else prefix)


def _translated(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """*parser* with its help option and section titles in the current language."""
    parser.add_argument("-h", "--help", action="help", help=text("cli.help"))
    parser._positionals.title = text("cli.positionals")
    parser._optionals.title = text("cli.options")
    return parser


def _build_parser() -> argparse.ArgumentParser:
    """The command line's parser, its help in the current language."""
    formats = " ".join(SUFFIXES)
    parser = _translated(
        argparse.ArgumentParser(
            prog=PROG,
            description=text("cli.description"),
            formatter_class=_Formatter,
            add_help=False,
        )
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {_version()}", help=text("cli.version")
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = _translated(
        commands.add_parser(
            "check",
            help=text("cli.check.help"),
            description=text("cli.check.description", formats=formats),
            epilog=text("cli.check.epilog"),
            formatter_class=_Formatter,
            add_help=False,
        )
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help=text("cli.paths", formats=formats))
    check.add_argument(
        "--lang",
        type=_language_option,
        default=None,
        metavar="{zh,en}",
        help=text("cli.lang", current=language()),
    )
    check.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        default="warning",
        help=text("cli.min_severity"),
    )
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help=text("cli.format")
    )
    check.add_argument("--select", type=_selector_list, metavar="CODES", help=text("cli.select"))
    check.add_argument(
        "--ignore", type=_selector_list, default=(), metavar="CODES", help=text("cli.ignore")
    )
    check.add_argument("--diagnostics", action="store_true", help=text("cli.diagnostics"))
    check.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help=text("cli.color")
    )
    _batch.add_command(commands)
    return parser


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


def _skipped_name(name: str) -> bool:
    # hidden files, and the lock files Word leaves beside a document it has open (~$报告.docx)
    return name.startswith((".", "~$"))


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not _skipped_name(f))
        found.extend(
            os.path.join(root, name)
            for name in sorted(files)
            if not _skipped_name(name) and os.path.splitext(name)[1].lower() in SUFFIXES
        )
    return found


def _inputs(paths: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """The files *paths* name, each once and in order, with whether it was named itself
    (True) or found in a folder (False); a folder without reports gives ``(folder, True)``."""
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            found = _walk(path)
            if not found:
                yield path, True
            for name in found:
                if name not in seen:
                    seen.add(name)
                    yield name, False
        elif path not in seen:
            seen.add(path)
            yield path, True


# ---------------------------------------------------------------------------------------------
# Checking one file
# ---------------------------------------------------------------------------------------------


def _snake(name: str) -> str:
    """``MissingDependencyError`` -> ``missing_dependency``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name.removesuffix("Error")).lower()


def _failure(exc: Exception) -> _Line:
    """Why a file could not be checked, in the current language."""
    line: int | None = None
    column: int | None = None
    if isinstance(exc, ParseError):
        code = PARSER_PREFIX + exc.code
        message = _file_error(exc.code, exc.msg)
        if exc.doc:  # a position in text that was read; files that were not have none
            line, column = exc.line, exc.column
    elif isinstance(exc, DisclosureError):
        # UnsupportedFormatError, a reader's missing optional dependency, …
        name = _snake(type(exc).__name__)
        code = PARSER_PREFIX + name
        extra = exc.extra if isinstance(exc, MissingDependencyError) else None
        program = exc if isinstance(exc, MissingProgramError) else None
        message = _file_error(
            name,
            str(exc),
            formats=" ".join(SUFFIXES),
            extra=extra,
            program=program and program.program,
            packages=program and program.packages,
        )
    else:
        code = "io"
        message = _file_error("io", str(exc), reason=_io_reason(exc))
    shown = message.render()
    where = f"{line}:{column}" if line is not None else ""
    data = {
        "code": code,
        "severity": "error",
        "message": shown,
        "line": line,
        "column": column,
        "where": where,
    }
    return _Line((code,), "error", shown, where, (data,))


#: errno names the catalogue has words for (others show the system's own words)
_IO_REASONS: Final = {errno.ENOENT: "not_found", errno.EACCES: "denied", errno.EISDIR: "folder"}


def _io_reason(exc: Exception) -> Message | str:
    number = getattr(exc, "errno", None)
    if number in _IO_REASONS:
        return msg(f"part.io.{_IO_REASONS[number]}")
    return getattr(exc, "strerror", None) or str(exc)


def _no_reports() -> _Line:
    """The line for a folder in which no file has a suffix the library reads."""
    shown = text("cli.no_reports", formats=" ".join(SUFFIXES))
    data = {"code": "no_reports", "severity": "error", "message": shown, "where": ""}
    return _Line(("no_reports",), "error", shown, "", (data,))


def _file_error(code: str, detail: str, **params: Any) -> Message:
    """Why a file could not be read: the catalogue's words for *code* (the library's own
    *detail*, in English, where it has none)."""
    key = f"file_error.{code}"
    return msg(key if key in CATALOGUE else "file_error.other", detail=detail, **params)


def _where(places: Places, finding: validation.Finding) -> str:
    cell = next((c for c in finding.cells if c.line is not None and c.source != "previous"), None)
    if cell is None:
        return ""
    return places.where(cell.line, cell.column, cell.origin)


def _finding_data(finding: validation.Finding, where: str) -> dict[str, Any]:
    return {**finding.to_dict(), "where": where}


def _finding_lines(places: Places, findings: Sequence[validation.Finding]) -> list[_Line]:
    """A line per finding, except that the error findings one cell explains (their
    localisation names a single cell) are one line: that cell, as printed and as it should be,
    with the codes of every sum it breaks."""
    lines: list[_Line] = []
    grouped: dict[int, int] = {}  # id of a localisation -> its line's index in lines
    for finding in findings:
        where = _where(places, finding)
        data = _finding_data(finding, where)
        culprit = finding.culprit
        loc = finding.localization
        if culprit is None or loc is None or finding.severity != "error":
            line = _Line((finding.code,), finding.severity, finding.message, where, (data,))
            lines.append(line)
            continue
        at = grouped.get(id(loc))
        if at is None:
            cell = culprit.cell
            where = places.where(cell.line, cell.column, cell.origin)
            grouped[id(loc)] = len(lines)
            lines.append(_Line((finding.code,), "error", loc.message, where, (data,)))
            continue
        first = lines[at]
        codes = first.codes if finding.code in first.codes else (*first.codes, finding.code)
        lines[at] = attrs.evolve(first, codes=codes, data=(*first.data, data))
    return lines


def _diagnostic_line(places: Places, diagnostic: Diagnostic) -> _Line:
    code = PARSER_PREFIX + diagnostic.code
    where = places.where(diagnostic.line, diagnostic.column)
    data = {**diagnostic.to_dict(), "code": code, "where": where}
    return _Line((code,), diagnostic.severity, diagnostic.message, where, (data,))


def _check(
    path: str,
    explicit: bool,
    select: Sequence[str] | None,
    ignore: Sequence[str],
    diagnostics: bool,
    min_severity: str,
) -> _Result:
    if os.path.isdir(path):
        return _Result(path, failure=_no_reports())
    refused = not_a_file(path)
    if refused is not None:  # a named pipe would block the command forever
        return _Result(
            path, failure=_failure(UnreadableFileError(refused.message, code=refused.code))
        )
    try:
        report = parse_file(path)
    except (DisclosureError, OSError) as exc:
        if not explicit and isinstance(exc, ParseError) and exc.code in _NOT_REPORTS:
            return _Result(path, skipped=True)
        return _Result(path, failure=_failure(exc))
    findings = [f for f in validation.validate(report) if _wanted(f.code, select, ignore)]
    places = Places(report)
    lines = _finding_lines(places, findings)
    if diagnostics:
        lines += [
            _diagnostic_line(places, d)
            for d in report.diagnostics
            if _wanted(PARSER_PREFIX + d.code, select, ignore)
        ]
    shown = tuple(x for x in lines if _RANK[x.severity] >= _RANK[min_severity])
    hidden: dict[str, int] = {}
    for x in lines:
        if _RANK[x.severity] < _RANK[min_severity]:
            hidden[x.severity] = hidden.get(x.severity, 0) + 1
    return _Result(path, shown, hidden=hidden)


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def _counts(results: Sequence[_Result]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for result in results:
        for line in result.lines:
            counts[line.severity] += 1
    return counts


def _summary(results: Sequence[_Result], min_severity: str) -> str:
    counts = _counts(results)
    checked = [r for r in results if not r.skipped]
    shown = [s for s in reversed(SEVERITIES) if _RANK[s] >= _RANK[min_severity]]
    listed = [msg(f"cli.count.{s}", n=counts[s]) for s in shown]
    hidden: dict[str, int] = {}
    for result in results:
        for severity, n in result.hidden.items():
            hidden[severity] = hidden.get(severity, 0) + n
    parts = [msg("cli.summary", files=len(checked), counts=listed)]
    if hidden:
        not_shown = [
            msg(f"cli.count.{s}", n=hidden[s]) for s in reversed(SEVERITIES) if s in hidden
        ]
        parts.append(msg("cli.hidden", counts=not_shown))
    failed = sum(1 for r in results if r.failure is not None)
    if failed:
        parts.append(msg("cli.unreadable", n=failed))
    skipped = sum(1 for r in results if r.skipped)
    if skipped:
        parts.append(msg("cli.skipped", n=skipped))
    return "".join(part.render() for part in parts)


def _exit_status(results: Sequence[_Result]) -> int:
    if not results or any(r.failure is not None for r in results):
        return UNREADABLE
    if any(
        line.severity == "error" and not line.code.startswith(PARSER_PREFIX)
        for r in results
        for line in r.lines
    ):
        return ERRORS
    return OK


def _use_colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _format_line(path: str, line: _Line, colour: bool) -> str:
    def paint(value: str, style: str) -> str:
        return f"{_STYLE[style]}{value}{_STYLE['reset']}" if colour else value

    where = f"{path}:{line.where}" if line.where else path
    severity = text(f"severity.{line.severity}")
    return (
        f"{paint(where + ':', 'path')} {paint(severity, line.severity)} "
        f"{paint(line.code, 'code')} {line.message}"
    )


def _print_text(results: Sequence[_Result], out: TextIO, colour: bool, min_severity: str) -> None:
    for result in results:
        if result.failure is not None:
            out.write(_format_line(result.path, result.failure, colour) + "\n")
        for line in result.lines:
            out.write(_format_line(result.path, line, colour) + "\n")
    out.write(_summary(results, min_severity) + "\n")


def _print_json(results: Sequence[_Result], out: TextIO, lang: str) -> None:
    def records(result: _Result, diagnostics: bool) -> list[dict[str, Any]]:
        return [
            record
            for line in result.lines
            if line.code.startswith(PARSER_PREFIX) == diagnostics
            for record in line.data
        ]

    document = {
        "language": lang,
        "files": [
            {
                "path": r.path,
                "parsed": r.failure is None and not r.skipped,
                "skipped": r.skipped,
                "error": r.failure.data[0] if r.failure is not None else None,
                "findings": records(r, False),
                "diagnostics": records(r, True),
            }
            for r in results
        ],
        "summary": {
            "files": sum(1 for r in results if not r.skipped),
            # every finding is a record here, also those one cell explains together
            **{
                severity: sum(
                    1
                    for r in results
                    for line in r.lines
                    if not line.code.startswith(PARSER_PREFIX)
                    for record in line.data
                    if record["severity"] == severity
                )
                for severity in reversed(SEVERITIES)
            },
            "unparsed": sum(1 for r in results if r.failure is not None),
            "skipped": sum(1 for r in results if r.skipped),
        },
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line *argv* (default: ``sys.argv[1:]``); the exit status is returned.

    >>> import io
    >>> main(["check", "--lang", "en", "no/such/file.txt"], out=io.StringIO())
    2
    """
    stream = out if out is not None else sys.stdout
    # pdfminer logs every odd font it meets; the people running this want their report's
    # problems, not the PDF library's (a page it cannot read is a diagnostic of its own)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    arguments = list(sys.argv[1:] if argv is None else argv)
    with in_language(_chosen_language(arguments)):
        parser = _build_parser()
        args = parser.parse_args(arguments)
    if args.command == "batch":
        return _batch.command(args, stdout=out)
    lang = args.lang or language()
    with in_language(lang):
        select: tuple[str, ...] | None = args.select
        ignore: tuple[str, ...] = args.ignore
        unknown = [s for s in (*(select or ()), *ignore) if not _known(s)]
        if unknown:
            parser.error(
                text(
                    "cli.unknown_codes",
                    unknown=unknown,
                    codes=list(validation.CODES),
                    prefix=PARSER_PREFIX,
                )
            )
        results = [
            _check(path, explicit, select, ignore, args.diagnostics, args.min_severity)
            for path, explicit in _inputs(args.paths)
        ]
        try:
            if args.format == "json":
                _print_json(results, stream, lang)
            else:
                colour = _use_colour(args.color, stream)
                _print_text(results, stream, colour, args.min_severity)
            stream.flush()
        except BrokenPipeError:
            # the reader (head, less) went away: the exit status still tells the result
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
    return _exit_status(results)
