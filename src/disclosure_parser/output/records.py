r"""Reports as plain records: the tidy long form, the wide summary, the findings, and what
reading one file gave.

The tidy long form has one record per report × table × row × column (:data:`FIELDS`):

* ``source``: the file path (or the key or index the report was given under; a file name that
  is not UTF-8 with each undecodable byte written ``\xNN``);
* ``organization``, ``year``, ``template``: the report's identity, repeated on each record;
* ``table`` (``"A"``, ``"B"``, ``"C"``), ``row`` (item, row or group key) and ``row_label``
  (its Chinese label), ``column`` (the column key) and ``column_label`` (its Chinese header),
  and ``column_index`` (0-based; what ``ActiveDisclosure.get`` takes). Table A's columns
  have the keys of :data:`disclosure_parser.output.names.A_COLUMN_KEYS` (``change`` for
  本年增/减 …); ``docs/keys.md`` lists every key with its label;
* ``state`` (``number``, ``blank``, ``na``, ``text``, ``missing``; ``no_table`` for a report
  in which no table was found, ``error`` for a file that could not be read), ``value`` (an
  int, or for amounts the exact Decimal as a string; None when the cell holds no number),
  ``unit``, ``blank`` and ``derived`` flags and ``raw`` text;
* ``line`` and ``column_number``: the cell's 1-based position in the parsed text;
* ``findings``: the codes of the :func:`~disclosure_parser.validate` findings naming the cell,
  comma-separated, in rule order ("" when none; a ``no_table`` record lists the report's);
* ``error_code`` and ``error_message``: set only on the one record of a file that could not be
  read (state ``error``; ``line`` and ``column_number`` give the error's position, if any).

Every file has at least one record: a report without tables has its ``no_table`` record, a
file that could not be read its ``error`` record. Records come in a fixed order: sources in
the order given, then tables A, B, C, rows and columns as printed. Nothing here needs more
than the standard library.

>>> import disclosure_parser as dp
>>> report = dp.parse_file(dp.EXAMPLES / "003.txt")
>>> records = to_records({"003.txt": report})
>>> first = next(r for r in records if r["table"] == "B")
>>> first["row"], first["column"], first["value"], first["line"], first["column_number"]
('new_received', 'natural_person', 5, 109, 2)
>>> [(r["column"], r["column_label"], r["value"]) for r in records if r["row"] == "procurement"]
[('projects', '采购项目数量', 3518), ('amount', '采购总金额', '49966945.1')]
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
import warnings
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from ..core import views
from ..core.errors import DisclosureError, ParseError, UnreadableFileError
from ..core.keys import APPLICANT_COLUMNS, REVIEW_OUTCOMES
from ..core.model import Cell, Number, Report
from ..parsing.resolve import resolve as resolve_reports
from ..readers.files import parse_file
from ..validation import CODES, Finding, Findings, validate
from .inputs import PathName, expand, printable
from .names import A_COLUMN_KEYS, a_column, column_label, row_label
from .pool import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, Failure, imap

__all__ = [
    "FIELDS",
    "FIELD_TYPES",
    "FINDING_FIELDS",
    "FINDING_TYPES",
    "FRAME_FIELDS",
    "SUMMARY_FIELDS",
    "SUMMARY_TYPES",
    "FileError",
    "FileResult",
    "findings_records",
    "read_reports",
    "summary_records",
    "to_records",
]

#: the tidy long form's fields, in order; see the module docstring
FIELDS: Final = (
    "source",
    "organization",
    "year",
    "template",
    "table",
    "row",
    "row_label",
    "column",
    "column_label",
    "column_index",
    "state",
    "value",
    "unit",
    "blank",
    "derived",
    "raw",
    "line",
    "column_number",
    "findings",
    "error_code",
    "error_message",
)

#: data frames and Parquet files hold ``value`` as a nullable integer (the counts) and add
#: ``exact``, every number as text: an amount (a Decimal) has no ``value`` there, since a
#: float would not keep it exact; ``Decimal(exact)`` does
FRAME_FIELDS: Final = (
    *FIELDS[: FIELDS.index("value") + 1],
    "exact",
    *FIELDS[FIELDS.index("value") + 1 :],
)

#: field -> "str", "int", "float" or "bool": the column types of frames and Parquet files
FIELD_TYPES: Final[dict[str, str]] = {
    **dict.fromkeys(FRAME_FIELDS, "str"),
    "year": "int",
    "column_index": "int",
    "line": "int",
    "column_number": "int",
    "value": "int",
    "blank": "bool",
    "derived": "bool",
}

#: the headline figures of the wide summary: field -> table B row (its 总计, or the sum of
#: its applicant cells) or table C group (its 总计)
_TOTALS: Final = {
    "new_received": ("B", "new_received"),
    "carried_over": ("B", "carried_over"),
    "granted": ("B", "granted"),
    "partially_granted": ("B", "partially_granted"),
    "handled": ("B", "total"),
    "carried_forward": ("B", "carried_forward"),
}
_REVIEWS: Final = {
    "review_total": "review",
    "direct_suit_total": "direct_suit",
    "post_review_suit_total": "post_review_suit",
}

#: the wide summary's fields: the file and its status, the report's identity, the headline
#: figures, and the number of findings by severity and by code
SUMMARY_FIELDS: Final = (
    "source",
    "status",
    "error_code",
    "error_message",
    "organization",
    "title",
    "year",
    "template",
    *_TOTALS,
    "grant_rate",
    "review_total",
    "suit_total",
    "direct_suit_total",
    "post_review_suit_total",
    "errors",
    "warnings",
    "infos",
    *(f"n_{code}" for code in CODES),
    "diagnostics",
)

#: field -> "str", "int", "float": the column types of the summary frame
SUMMARY_TYPES: Final[dict[str, str]] = {
    **dict.fromkeys(SUMMARY_FIELDS, "int"),
    **dict.fromkeys(
        ("source", "status", "error_code", "error_message", "organization", "title", "template"),
        "str",
    ),
    "grant_rate": "float",
}

#: the findings' fields: the file, the finding, the cell it names first (keys, labels,
#: position), expected and actual values (as text: a value may be a number or a word), and
#: what localisation says (``single``, ``ambiguous`` or ``none``; the blamed cell and the
#: value that makes every failing sum hold)
FINDING_FIELDS: Final = (
    "source",
    "organization",
    "year",
    "kind",
    "code",
    "severity",
    "message",
    "table",
    "row",
    "row_label",
    "column",
    "column_label",
    "cell",
    "line",
    "column_number",
    "expected",
    "actual",
    "localization",
    "suspect",
    "suggested",
)

#: field -> "str" or "int": the column types of the findings frame
FINDING_TYPES: Final[dict[str, str]] = {
    **dict.fromkeys(FINDING_FIELDS, "str"),
    "year": "int",
    "line": "int",
    "column_number": "int",
    "suggested": "int",
}

Row = tuple[Any, ...]

#: a surrogate code point: what a file name's undecodable byte becomes in a str (PEP 383)
_SURROGATE: Final = re.compile("[\ud800-\udfff]")

#: what a file that is no regular file is, by the type bits of its mode
_NOT_FILES: Final = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _plain(value: Number | None) -> int | str | None:
    return str(value) if isinstance(value, Decimal) else value


@attrs.frozen
class FileError:
    """Why a file could not be read: a stable ``code``, a message, and where (if anywhere).

    ``code`` is the ParseError's code (``not_a_report``, ``encoding``, ``no_text_layer`` …),
    ``unsupported_format``, ``missing_dependency``, ``not_a_file`` (a named pipe, a device: not
    read), ``io`` (the file could not be read), ``timeout``, ``memory`` and ``worker_died``
    (the per-file bounds of :func:`read_reports` and ``disclosure-parser batch``) or
    ``internal`` (an unexpected exception: a bug worth reporting). ``line`` and ``column``
    are set for errors at a place in the text, not for errors about the whole file.

    >>> FileError.of(FileNotFoundError(2, "No such file or directory"))
    FileError(code='io', message='cannot read the file: [Errno 2] No such file or directory', ...)
    """

    code: str
    message: str
    line: int | None = None
    column: int | None = None

    @classmethod
    def of(cls, exc: BaseException) -> FileError:
        """The error record of *exc*, raised while reading or parsing a file."""
        if isinstance(exc, UnreadableFileError):
            return cls(exc.code, exc.msg)  # about the whole file: no position
        if isinstance(exc, ParseError):
            return cls(exc.code, exc.msg, exc.line, exc.column)
        if isinstance(exc, DisclosureError):
            name = type(exc).__name__.removesuffix("Error")
            code = "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")
            return cls(code, str(exc))
        if isinstance(exc, OSError):
            return cls("io", f"cannot read the file: {exc}")
        if isinstance(exc, MemoryError):
            return cls("memory", "reading the file ran out of memory")
        return cls("internal", f"{type(exc).__name__}: {exc}")

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return attrs.asdict(self)


def not_a_file(path: str | os.PathLike[str]) -> FileError | None:
    """The error for *path* when it is no regular file (reading a named pipe would block).

    >>> not_a_file("/dev/null")
    FileError(code='not_a_file', message='a character device, not a file: not read', ...)
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None  # parse_file says what is wrong
    for test, what in _NOT_FILES:
        if test(mode):
            return FileError("not_a_file", f"{what}, not a file: not read")
    return None


@attrs.frozen
class FileResult:
    """What reading one file gave: the report and its findings, or the error.

    ``source`` names the file (its path as given, or a URL). Exactly one of ``report`` and
    ``error`` is set.

    >>> import disclosure_parser as dp
    >>> result = FileResult.read(dp.EXAMPLES / "000.txt", source="000.txt")
    >>> result.report.organization, [f.code for f in result.findings], result.error
    ('太极镇人民政府', ['row_total', 'narrative_mismatch'], None)
    >>> FileResult.read("pyproject.toml").error.code
    'unsupported_format'
    """

    source: str
    report: Report | None = None
    findings: tuple[Finding, ...] = Findings()
    error: FileError | None = None

    @classmethod
    def read(cls, path: str | os.PathLike[str], source: str | None = None) -> FileResult:
        """Parse and validate the file at *path*; any failure becomes :attr:`error`.

        *source* names the file in the result (default: *path* as given). Every exception
        is caught, so that one bad file never stops a batch. A named pipe, a device or a
        folder is not opened (reading a pipe would wait for a writer forever): its error has
        code ``not_a_file``. There is no bound on time or memory here: :func:`read_reports`
        adds them.
        """
        name = os.fspath(path) if source is None else source
        refused = not_a_file(path)
        if refused is not None:
            return cls(name, error=refused)
        try:
            report = parse_file(path)
            return cls(name, report, validate(report))
        except Exception as exc:  # one bad file must not stop the others: record it
            return cls(name, error=FileError.of(exc))

    @classmethod
    def from_bytes(cls, source: str, data: bytes) -> FileResult:
        """Parse and validate the file contents *data*, named *source* (a path or URL).

        The suffix of *source* chooses the reader, as for ``parse_file``; this is how files
        fetched from object storage (Dask, Spark) are read exactly as local ones.

        >>> import disclosure_parser as dp
        >>> data = (dp.EXAMPLES / "003.txt").read_bytes()
        >>> result = FileResult.from_bytes("s3://bucket/003.txt", data)
        >>> result == FileResult.read(dp.EXAMPLES / "003.txt", source="s3://bucket/003.txt")
        True
        """
        # through a file of the same suffix: parse_file's choice of reader and its encoding
        # diagnostic then hold as for any local file
        handle, temporary = tempfile.mkstemp(suffix=os.path.splitext(source)[1])
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            return cls.read(temporary, source=source)
        finally:
            os.remove(temporary)

    @property
    def status(self) -> str:
        """``parsed`` or ``failed``."""
        return "failed" if self.error is not None else "parsed"

    @property
    def with_findings(self) -> bool:
        """True when validation found an error or a warning (info findings do not count)."""
        return any(f.severity != "info" for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines record: source and report, findings, diagnostics; or source and error."""
        if self.report is None:
            assert self.error is not None
            return {"source": self.source, "error": self.error.to_dict()}
        return {
            "source": self.source,
            "report": self.report.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "diagnostics": [d.to_dict() for d in self.report.diagnostics],
        }

    def _repr_html_(self) -> str:
        """The file in a notebook: its report with the findings marked, or its error."""
        return views.html(self)

    def to_json(self) -> str:
        r""":meth:`to_dict` as one line of JSON (no newline), valid UTF-8 text.

        A file name that is not UTF-8 keeps its bytes: each one appears as the escape
        ``\udcNN`` (Python's ``json.loads`` reads it back to the name ``os.fsencode`` turns
        into the bytes again).

        >>> import os
        >>> FileResult(os.fsdecode(b"bad\xffname.txt"), error=FileError("io", "gone")).to_json()
        '{"source":"bad\\udcffname.txt","error":{"code":"io","message":"gone","line":null,"column":null}}'
        """
        line = json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))
        if not line.isascii() and _SURROGATE.search(line) is not None:
            # a lone surrogate only stands inside a JSON string, where \udcNN is its escape
            line = line.encode("utf-8", "backslashreplace").decode("utf-8")
        return line

    def rows(self) -> list[Row]:
        """The tidy long form's records as tuples, in :data:`FIELDS` order."""
        source = printable(self.source)
        if self.report is None:
            assert self.error is not None
            err = self.error
            cell = ("error", None, None, False, False, "", err.line, err.column, "")
            return [(source, *(None,) * 9, *cell, err.code, printable(err.message))]
        rows = list(_report_rows(source, self.report, self.findings))
        if not rows:
            report = self.report
            codes = ",".join(dict.fromkeys(f.code for f in self.findings))
            head = (source, report.organization, report.year, report.template)
            status = ("no_table", None, None, False, False, "", None, None, codes, None, None)
            rows = [(*head, *(None,) * 6, *status)]
        return rows

    def records(self) -> list[dict[str, Any]]:
        """The tidy long form's records as dicts (see :data:`FIELDS`)."""
        return [dict(zip(FIELDS, row, strict=True)) for row in self.rows()]

    def summary(self) -> dict[str, Any]:
        """The wide summary's record of this file (see :data:`SUMMARY_FIELDS`)."""
        return _summary(self)

    def finding_records(self) -> list[dict[str, Any]]:
        """A record per finding (see :data:`FINDING_FIELDS`); a file that could not be read
        gives one record, of kind ``file_error``, with its error."""
        return _finding_records(self)


def _named_cells(findings: Iterable[Finding]) -> dict[tuple[str, str | None, str | None], str]:
    named: dict[tuple[str, str | None, str | None], list[str]] = {}
    for finding in findings:
        for cell in finding.cells:
            codes = named.setdefault((cell.table, cell.row_key, cell.column_key), [])
            if finding.code not in codes:
                codes.append(finding.code)
    return {key: ",".join(codes) for key, codes in named.items()}


def _report_rows(source: str, report: Report, findings: Iterable[Finding]) -> Iterator[Row]:
    head = (source, report.organization, report.year, report.template)
    named = _named_cells(findings)

    def row(
        table: str, key: str, label: str, column: str, header: str, index: int, cell: Cell
    ) -> Row:
        # findings name a table A cell by its column header, B and C cells by their keys
        named_as = header if table == "A" else column
        return (
            *head,
            table,
            key,
            label,
            column,
            header,
            index,
            cell.state,
            _plain(cell.value),
            cell.unit,
            cell.state == "blank",
            cell.derived,
            cell.raw,
            cell.line,
            cell.column,
            named.get((table, key, named_as), ""),
            None,
            None,
        )

    for item in report.active_disclosure:
        label = row_label("A", item.key)
        for index, cell in enumerate(item.cells):
            header = item.columns[index] if index < len(item.columns) else str(index)
            yield row("A", item.key, label, a_column(header, index), header, index, cell)
    for app in report.applications:
        label = row_label("B", app.key)
        for index, cell in enumerate(app.cells):
            column = APPLICANT_COLUMNS[index]
            yield row("B", app.key, label, column, column_label("B", column), index, cell)
    for group in report.reviews:
        label = row_label("C", group.key)
        for index, cell in enumerate(group.cells):
            column = REVIEW_OUTCOMES[index]
            yield row("C", group.key, label, column, column_label("C", column), index, cell)


def _sum(*values: int | None) -> int | None:
    """The sum of *values*, unknown (None) when one of them is: never a partial sum."""
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def _summary(result: FileResult) -> dict[str, Any]:
    out: dict[str, Any] = dict.fromkeys(SUMMARY_FIELDS)
    out["source"] = printable(result.source)
    out["status"] = result.status
    report = result.report
    if report is None:
        assert result.error is not None
        out["error_code"] = result.error.code
        out["error_message"] = printable(result.error.message)
        return out
    out.update(
        organization=report.organization,
        title=report.title,
        year=report.year,
        template=report.template,
    )
    for name, (_, key) in _TOTALS.items():
        out[name] = report.applications.row_total(key)
    granted = _sum(out["granted"], out["partially_granted"])
    if granted is not None and out["handled"]:
        out["grant_rate"] = granted / out["handled"]
    for name, group in _REVIEWS.items():
        out[name] = report.reviews.get(group, "total")
    out["suit_total"] = _sum(out["direct_suit_total"], out["post_review_suit_total"])
    severities = [f.severity for f in result.findings]
    out["errors"] = severities.count("error")
    out["warnings"] = severities.count("warning")
    out["infos"] = severities.count("info")
    codes = [f.code for f in result.findings]
    for code in CODES:
        out[f"n_{code}"] = codes.count(code)
    out["diagnostics"] = len(report.diagnostics)
    return out


def _finding_records(result: FileResult) -> list[dict[str, Any]]:
    source = printable(result.source)
    if result.report is None:
        assert result.error is not None
        error = result.error
        record = dict.fromkeys(FINDING_FIELDS)
        record.update(
            source=source,
            kind="file_error",
            code=error.code,
            severity="error",
            message=printable(error.message),
            line=error.line,
            column_number=error.column,
        )
        return [record]
    report = result.report
    records = []
    for finding in result.findings:
        record = dict.fromkeys(FINDING_FIELDS)
        record.update(
            source=source,
            organization=report.organization,
            year=report.year,
            kind="finding",
            code=finding.code,
            severity=finding.severity,
            message=finding.message,
            line=finding.line,
            column_number=finding.column,
            expected=None if finding.expected is None else str(finding.expected),
            actual=None if finding.actual is None else str(finding.actual),
        )
        if finding.cells:
            cell = finding.cells[0]
            record.update(table=cell.table, row=cell.row_key, cell=cell.label)
            if cell.table in ("A", "B", "C") and cell.row_key is not None:
                record["row_label"] = row_label(cell.table, cell.row_key)
            if cell.column_key is not None and cell.table == "A":
                record["column"] = A_COLUMN_KEYS.get(cell.column_key)
                record["column_label"] = cell.column_key
            elif cell.column_key is not None and cell.table in ("B", "C"):
                record["column"] = cell.column_key
                record["column_label"] = column_label(cell.table, cell.column_key)
            else:
                record["column"] = cell.column_key
        located = finding.localization
        if located is not None:
            record["localization"] = located.status
            if located.cell is not None:
                record["suspect"] = located.cell.label
                record["suggested"] = located.suggested
        records.append(record)
    return records


# ---------------------------------------------------------------------------------------------
# Many files, and whatever callers hand in
# ---------------------------------------------------------------------------------------------


def warm() -> None:
    """Build the grammar and the parser's caches once, before forked workers copy them."""
    from ..parsing.parser import parse

    title = "示例镇人民政府2021年政府信息公开工作年度报告"
    # only a warm-up: should the parser ever reject this text, each worker warms up by itself
    with contextlib.suppress(DisclosureError):
        parse(f"{title}\n行政复议\t行政诉讼\n" + "\t".join("0" * 15))


def _read(path: str) -> FileResult:
    return FileResult.read(path)


def read_files(
    paths: Sequence[str],
    *,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
) -> Generator[FileResult, None, None]:
    """:meth:`FileResult.read` of each of *paths* (files, not expanded), in order, in worker
    processes bounded as :func:`read_reports` says."""
    if len(paths) > 1 or timeout is not None or max_memory is not None:
        warm()
    results = imap(_read, paths, jobs=jobs, timeout=timeout, max_memory=max_memory)
    try:
        for path, result in zip(paths, results, strict=True):
            if isinstance(result, Failure):
                yield FileResult(path, error=FileError(result.code, result.message))
            else:
                yield result
    finally:
        results.close()


def read_reports(
    paths: PathName | Iterable[PathName],
    *,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
    resolve: bool = True,
) -> list[FileResult]:
    """Read, parse and validate every file *paths* name, on all cores; a result per file.

    *paths* is a path or a list of them: files, folders (searched recursively for the
    suffixes ``parse_file`` reads; links to folders followed once) and glob patterns
    (``reports/**/*.html``). Each file is read once, even if named twice, and gives one
    :class:`FileResult`, in input order: its report and findings, or its error (a file that
    is not a report, a scan, a named pipe, one that does not exist …), so that every file is
    accounted for. A pattern or folder that names no file is reported as a warning.

    Files are read in *jobs* worker processes (default: every core). A file that takes more
    than *timeout* seconds (default 120) or makes its worker grow by more than *max_memory*
    bytes (default 2 GB) is stopped and gets the error ``timeout`` or ``memory``; None lifts
    a bound.

    With *resolve* (the default), cells a report withheld as ambiguous are then settled where
    the same body's reports of the years before and after, among those read, single out one
    reading (:func:`disclosure_parser.resolve`); the findings are those of the settled report.

    >>> import disclosure_parser as dp
    >>> results = dp.read_reports([dp.EXAMPLES / "00[12].txt", dp.EXAMPLES / "nothing.txt"])
    >>> [(os.path.basename(r.source), r.status) for r in results]
    [('001.txt', 'parsed'), ('002.txt', 'parsed'), ('nothing.txt', 'failed')]
    >>> results[0].report.organization, results[2].error.code
    ('舞钢市尚店镇人民政府', 'io')
    """
    items = [paths] if isinstance(paths, (str, bytes, os.PathLike)) else list(paths)
    files, notes = expand(items)
    for note in notes:
        warnings.warn(note, stacklevel=2)
    results = list(read_files(files, jobs=jobs, timeout=timeout, max_memory=max_memory))
    return resolved(results) if resolve else results


def resolved(results: list[FileResult]) -> list[FileResult]:
    """*results* with the reports settled by each other's years (:func:`resolve`), and the
    findings of the reports that changed validated again; in the same order."""
    read = [(i, r) for i, r in enumerate(results) if r.report is not None]
    if len(read) < 2:
        return results
    pairs = resolve_reports([(r.source, r.report) for _, r in read if r.report is not None])
    out = list(results)
    for (i, old), (_, report) in zip(read, pairs, strict=True):
        if report is not old.report:
            out[i] = attrs.evolve(old, report=report, findings=validate(report))
    return out


#: what the functions of this module and of :mod:`.frame` take
Reports = (
    Report
    | FileResult
    | PathName
    | Iterable[Report | FileResult | PathName]
    | Mapping[str, Report | FileResult]
)


def _is_path(item: object) -> bool:
    return isinstance(item, (str, bytes, os.PathLike))


def results_of(reports: Reports, **bounds: Any) -> list[FileResult]:
    """*reports* as FileResults, in order.

    Paths (a path, a folder, a glob pattern, or a list of them) are read as
    :func:`read_reports` reads them (*bounds* are its keyword arguments); a mapping's keys, else
    the position, become the source of Reports (a single Report counts as a sequence of one),
    which are validated here; FileResults are taken as they are. A list may mix them.
    """
    if _is_path(reports):
        return read_reports(reports, **bounds)  # type: ignore[arg-type]
    pairs: list[tuple[str, Any]]
    if isinstance(reports, (Report, FileResult)):
        pairs = [("0", reports)]
    elif isinstance(reports, Mapping):
        pairs = list(reports.items())
    else:
        pairs = [(str(i), r) for i, r in enumerate(reports)]  # type: ignore[arg-type]
    out: list[FileResult] = []
    run: list[Any] = []

    def flush() -> None:
        # a run of paths is read at once: its files (a folder gives many) stand in its place
        if run:
            out.extend(read_reports(run, **bounds))
            run.clear()

    for source, item in pairs:
        if _is_path(item):
            run.append(item)
            continue
        flush()
        if isinstance(item, FileResult):
            out.append(item)
        elif isinstance(item, Report):
            out.append(FileResult(source, item, validate(item)))
        else:
            raise TypeError(
                f"cannot read a {type(item).__name__} as a report: give Reports, FileResults "
                "or paths (files, folders, glob patterns)"
            )
    flush()
    return out


def to_records(reports: Reports) -> list[dict[str, Any]]:
    """The tidy long form of *reports*: one dict per report × table × row × column.

    *reports* is a mapping of source names (paths, say) to Reports, or an iterable of Reports
    (their position, as a string, is the source) or of :class:`FileResult` (failed files give
    one record of state ``error``), or one Report, or paths as :func:`read_reports` takes
    them. Fields and order: see :data:`FIELDS`.

    >>> import disclosure_parser as dp
    >>> records = to_records([dp.parse_file(dp.EXAMPLES / "001.txt")])
    >>> len(records), records[0]["source"], records[0]["table"], records[0]["column"]
    (200, '0', 'A', 'issued')
    >>> records[0]["row_label"], records[0]["column_label"]
    ('规章', '本年制发件数')
    >>> {r["findings"] for r in records}
    {''}
    """
    return [record for result in results_of(reports) for record in result.records()]


def summary_records(reports: Reports) -> list[dict[str, Any]]:
    """The wide summary of *reports*: one dict per file (see :data:`SUMMARY_FIELDS`).

    The file's ``status`` (``parsed`` or ``failed``, with ``error_code`` and
    ``error_message``), the report's identity (organisation, raw title, year, template), the
    headline figures (table B's new, carried over, granted in full and in part, handled and
    carried forward, by their 总计 or the sum of the applicant cells; ``grant_rate``, the
    share of handled applications granted in full or in part; the totals of reviews and
    suits), and the number of findings by severity and by code (``n_balance`` …) and of
    diagnostics. *reports* is as for :func:`to_records`.

    >>> import disclosure_parser as dp
    >>> (row,) = summary_records({"000": dp.parse_file(dp.EXAMPLES / "000.txt")})
    >>> row["organization"], row["new_received"], row["errors"], row["n_narrative_mismatch"]
    ('太极镇人民政府', 15, 1, 1)
    >>> row["status"], row["granted"], row["partially_granted"], row["handled"], row["grant_rate"]
    ('parsed', 15, 0, 15, 1.0)
    """
    return [result.summary() for result in results_of(reports)]


def findings_records(reports: Reports) -> list[dict[str, Any]]:
    """A record per finding of *reports* (see :data:`FINDING_FIELDS`), and one per file that
    could not be read (``kind`` ``file_error``). *reports* is as for :func:`to_records`.

    >>> import disclosure_parser as dp
    >>> first, second = findings_records({"000": dp.parse_file(dp.EXAMPLES / "000.txt")})
    >>> second["code"], second["severity"], second["line"], second["column_number"]
    ('narrative_mismatch', 'error', 17, 13)
    >>> second["table"], second["row"], second["column"], second["expected"], second["actual"]
    ('text', 'channels', None, '15', '0')
    """
    return [record for result in results_of(reports) for record in result.finding_records()]


def frame_columns(rows: Iterable[Row]) -> dict[str, list[Any]]:
    """Tidy *rows* (tuples in :data:`FIELDS` order) as columns of :data:`FRAME_FIELDS`.

    ``value`` keeps the integers (counts) and ``exact`` every number as text, as data frames
    and Parquet files hold them: an amount has no ``value`` there (a float would round it).

    >>> columns = frame_columns([("x", *[None] * 10, "49966945.10", *[None] * 9),
    ...                          ("x", *[None] * 10, 7, *[None] * 9)])
    >>> columns["value"], columns["exact"]
    ([None, 7], ['49966945.10', '7'])
    """
    at = FIELDS.index("value")
    columns: dict[str, list[Any]] = {name: [] for name in FRAME_FIELDS}
    lists = [columns[name] for name in FIELDS]
    values, exact = columns["value"], columns["exact"]
    for row in rows:
        for column, item in zip(lists, row, strict=True):
            column.append(item)
        value = row[at]
        if value is not None and not isinstance(value, int):
            values[-1] = None
        exact.append(None if value is None else str(value))
    return columns
