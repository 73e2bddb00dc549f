r"""Reports as plain records: the tidy long form, the wide summary, and one file's outcome.

The tidy long form has one record per report × table × row × column (:data:`FIELDS`):

* ``source``: the file path (or the key or index the report was given under);
* ``organization``, ``year``, ``template``: the report's identity, repeated on each record;
* ``table`` (``"A"``, ``"B"``, ``"C"``), ``row`` (item, row or group key), ``column`` (table A:
  the column header, e.g. ``本年增/减``; tables B and C: the column key, e.g. ``natural_person``)
  and ``column_index`` (0-based; what ``ActiveDisclosure.get`` takes);
* ``state`` (``number``, ``blank``, ``na``, ``text``, ``missing``; ``error`` for a file that
  could not be parsed), ``value`` (an int, or for amounts the exact Decimal as a string; None
  when the cell holds no number), ``unit``, ``blank`` and ``derived`` flags and ``raw`` text;
* ``line`` and ``column_number``: the cell's 1-based position in the parsed text;
* ``findings``: the codes of the :func:`~disclosure_parser.validate` findings naming the cell,
  comma-separated, in rule order ("" when none);
* ``error_code`` and ``error_message``: set only on the one record of a file that could not be
  parsed (state ``error``, no table; ``line`` and ``column_number`` give the error's position).

Records come in a fixed order: sources in the order given, then tables A, B, C, rows and
columns as printed. Nothing here needs more than the standard library.

>>> import disclosure_parser as dp
>>> report = dp.parse_file("examples/reports/003.txt")
>>> records = to_records({"003.txt": report})
>>> first = next(r for r in records if r["table"] == "B")
>>> first["row"], first["column"], first["value"], first["line"], first["column_number"]
('new_received', 'natural_person', 5, 109, 2)
>>> [r["value"] for r in records if r["row"] == "procurement"]
[3518, '49966945.1']
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from ..core import views
from ..core.errors import DisclosureError, ParseError
from ..core.keys import APPLICANT_COLUMNS, REVIEW_OUTCOMES
from ..core.model import Cell, Number, Report
from ..readers.files import parse_file
from ..validation import CODES, Finding, Findings, validate

__all__ = [
    "FIELDS",
    "FIELD_TYPES",
    "FRAME_FIELDS",
    "SUMMARY_FIELDS",
    "FileError",
    "FileResult",
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
    "column",
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

#: data frames and Parquet files hold ``value`` as a float and add ``exact``, the number as
#: text (what ``value`` is in the records): a float cannot keep every Decimal amount exact
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
    "value": "float",
    "blank": "bool",
    "derived": "bool",
}

#: the key totals of the wide summary: field -> (table, row or group key)
_TOTALS: Final = {
    "new_received": ("B", "new_received"),
    "carried_over": ("B", "carried_over"),
    "handled": ("B", "total"),
    "carried_forward": ("B", "carried_forward"),
    "review_total": ("C", "review"),
    "direct_suit_total": ("C", "direct_suit"),
    "post_review_suit_total": ("C", "post_review_suit"),
}

#: the wide summary's fields: identity, outcome, key totals, counts of findings by code
SUMMARY_FIELDS: Final = (
    "source",
    "organization",
    "year",
    "template",
    "error_code",
    *_TOTALS,
    "errors",
    "warnings",
    "infos",
    *(f"n_{code}" for code in CODES),
    "diagnostics",
)

Row = tuple[Any, ...]


def _plain(value: Number | None) -> int | str | None:
    return str(value) if isinstance(value, Decimal) else value


@attrs.frozen
class FileError:
    """Why a file could not be parsed: a stable ``code``, a message, and where (if known).

    ``code`` is the ParseError's code (``not_a_report``, ``encoding`` …),
    ``unsupported_format``, ``missing_dependency``, ``unreadable_file``, ``io`` (the file could
    not be read) or ``internal`` (an unexpected exception: a bug worth reporting).

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
        if isinstance(exc, ParseError):
            return cls(exc.code, exc.msg, exc.line, exc.column)
        if isinstance(exc, DisclosureError):
            name = type(exc).__name__.removesuffix("Error")
            code = "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")
            return cls(code, str(exc))
        if isinstance(exc, OSError):
            return cls("io", f"cannot read the file: {exc}")
        return cls("internal", f"{type(exc).__name__}: {exc}")

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return attrs.asdict(self)


@attrs.frozen
class FileResult:
    """What reading one file gave: the report and its findings, or the error.

    ``source`` names the file (its path as given, or a URL). Exactly one of ``report`` and
    ``error`` is set.

    >>> result = FileResult.read("examples/reports/000.txt")
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
        is caught, so that one bad file never stops a batch.
        """
        name = os.fspath(path) if source is None else source
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

        >>> from pathlib import Path
        >>> data = Path("examples/reports/003.txt").read_bytes()
        >>> result = FileResult.from_bytes("s3://bucket/003.txt", data)
        >>> result == FileResult.read("examples/reports/003.txt", source="s3://bucket/003.txt")
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
        """:meth:`to_dict` as one line of JSON (UTF-8 text, no newline)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    def rows(self) -> list[Row]:
        """The tidy long form's records as tuples, in :data:`FIELDS` order."""
        if self.report is None:
            assert self.error is not None
            err = self.error
            cell = ("error", None, None, False, False, "", err.line, err.column, "")
            return [(self.source, *(None,) * 7, *cell, err.code, err.message)]
        return list(_report_rows(self.source, self.report, self.findings))

    def records(self) -> list[dict[str, Any]]:
        """The tidy long form's records as dicts (see :data:`FIELDS`)."""
        return [dict(zip(FIELDS, row, strict=True)) for row in self.rows()]

    def summary(self) -> dict[str, Any]:
        """The wide summary's record of this file (see :data:`SUMMARY_FIELDS`)."""
        return _summary(self)


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

    def row(table: str, key: str, column: str, index: int, cell: Cell) -> Row:
        return (
            *head,
            table,
            key,
            column,
            index,
            cell.state,
            _plain(cell.value),
            cell.unit,
            cell.state == "blank",
            cell.derived,
            cell.raw,
            cell.line,
            cell.column,
            named.get((table, key, column), ""),
            None,
            None,
        )

    for item in report.active_disclosure:
        for index, cell in enumerate(item.cells):
            header = item.columns[index] if index < len(item.columns) else str(index)
            yield row("A", item.key, header, index, cell)
    for app in report.applications:
        for index, cell in enumerate(app.cells):
            yield row("B", app.key, APPLICANT_COLUMNS[index], index, cell)
    for group in report.reviews:
        for index, cell in enumerate(group.cells):
            yield row("C", group.key, REVIEW_OUTCOMES[index], index, cell)


def _summary(result: FileResult) -> dict[str, Any]:
    out: dict[str, Any] = dict.fromkeys(SUMMARY_FIELDS)
    out["source"] = result.source
    report = result.report
    if report is None:
        assert result.error is not None
        out["error_code"] = result.error.code
        return out
    out.update(organization=report.organization, year=report.year, template=report.template)
    for name, (table, key) in _TOTALS.items():
        if table == "B":
            out[name] = report.applications.row_total(key)
        else:
            out[name] = report.reviews.get(key, "total")
    severities = [f.severity for f in result.findings]
    out["errors"] = severities.count("error")
    out["warnings"] = severities.count("warning")
    out["infos"] = severities.count("info")
    codes = [f.code for f in result.findings]
    for code in CODES:
        out[f"n_{code}"] = codes.count(code)
    out["diagnostics"] = len(report.diagnostics)
    return out


Reports = Report | FileResult | Iterable["Report | FileResult"] | Mapping[str, Report]


def results_of(reports: Reports) -> Iterator[FileResult]:
    """*reports* as FileResults: a mapping's keys, else the position, become the source
    (a single Report counts as a sequence of one).

    Reports are validated here; FileResults are taken as they are.
    """
    pairs: Iterable[tuple[str, Report | FileResult]]
    if isinstance(reports, (Report, FileResult)):
        pairs = [("0", reports)]
    elif isinstance(reports, Mapping):
        pairs = reports.items()
    else:
        pairs = ((str(i), r) for i, r in enumerate(reports))
    for source, item in pairs:
        if isinstance(item, FileResult):
            yield item
        else:
            yield FileResult(source, item, validate(item))


def to_records(reports: Reports) -> list[dict[str, Any]]:
    """The tidy long form of *reports*: one dict per report × table × row × column.

    *reports* is a mapping of source names (paths, say) to Reports, or an iterable of Reports
    (their position, as a string, is the source) or of :class:`FileResult` (failed files give
    one record of state ``error``), or one Report. Fields and order: see :data:`FIELDS`.

    >>> import disclosure_parser as dp
    >>> records = to_records([dp.parse_file("examples/reports/001.txt")])
    >>> len(records), records[0]["source"], records[0]["table"], records[0]["column"]
    (200, '0', 'A', '本年制发件数')
    >>> {r["findings"] for r in records}
    {''}
    """
    return [record for result in results_of(reports) for record in result.records()]


def summary_records(reports: Reports) -> list[dict[str, Any]]:
    """The wide summary of *reports*: one dict per report (see :data:`SUMMARY_FIELDS`).

    Identity (source, organisation, year, template; ``error_code`` for a file that could not
    be parsed), the key totals of tables B and C (a missing 总计 is summed from its row), and
    the number of findings by severity and by code (``n_balance`` …) and of diagnostics.

    >>> import disclosure_parser as dp
    >>> (row,) = summary_records({"000": dp.parse_file("examples/reports/000.txt")})
    >>> row["organization"], row["new_received"], row["errors"], row["n_narrative_mismatch"]
    ('太极镇人民政府', 15, 1, 1)
    """
    return [result.summary() for result in results_of(reports)]


def frame_columns(rows: Iterable[Row]) -> dict[str, list[Any]]:
    """Tidy *rows* (tuples in :data:`FIELDS` order) as columns of :data:`FRAME_FIELDS`.

    ``value`` becomes a float and ``exact`` keeps it as text, as data frames and Parquet
    files hold them.

    >>> columns = frame_columns([("x", *[None] * 8, "49966945.10", *[None] * 9)])
    >>> columns["value"], columns["exact"]
    ([49966945.1], ['49966945.10'])
    """
    at = FIELDS.index("value")
    columns: dict[str, list[Any]] = {name: [] for name in FRAME_FIELDS}
    lists = [columns[name] for name in FIELDS]
    values, exact = columns["value"], columns["exact"]
    for row in rows:
        for column, item in zip(lists, row, strict=True):
            column.append(item)
        value = row[at]
        values[-1] = None if value is None else float(value)
        exact.append(None if value is None else str(value))
    return columns
