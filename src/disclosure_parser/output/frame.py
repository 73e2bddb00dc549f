"""Reports as pandas data frames (the ``frame`` extra): the tidy long form, the summary, the
findings.

pandas is imported on first use, so that the package itself does not depend on it. Columns
use pandas' nullable dtypes (``string``, ``Int64``, ``Float64``, ``boolean``): a blank cell's
``value`` and a report without a year are ``<NA>``, not a float NaN or 0; counts are
integers. The tidy frame equals what ``pandas.read_parquet(path,
dtype_backend="numpy_nullable")`` reads from the Parquet output of ``disclosure-parser
batch``.

Each function takes Reports, :class:`~disclosure_parser.FileResult`\\ s, or paths (files,
folders, glob patterns), which it reads as :func:`~disclosure_parser.read_reports` does, on
all cores.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any, Final

from ..core.errors import MissingDependencyError
from .records import (
    FIELD_TYPES,
    FINDING_FIELDS,
    FINDING_TYPES,
    FRAME_FIELDS,
    SUMMARY_FIELDS,
    SUMMARY_TYPES,
    Reports,
    frame_columns,
    results_of,
)

__all__ = ["empty_frame", "findings_frame", "summary_frame", "to_frame"]

_DTYPES: Final = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def pandas() -> Any:
    """The pandas module, or MissingDependencyError naming the extra to install."""
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise MissingDependencyError("frame", "pandas", "reports into pandas data frames") from None


def _frame(columns: dict[str, list[Any]], types: dict[str, str]) -> Any:
    pd = pandas()
    return pd.DataFrame(
        {name: pd.array(values, dtype=_DTYPES[types[name]]) for name, values in columns.items()}
    )


def _records_frame(records: list[dict[str, Any]], fields: Iterable[str], types: Any) -> Any:
    return _frame({name: [r[name] for r in records] for name in fields}, types)


def empty_frame() -> Any:
    """A tidy frame with no rows: the columns and dtypes of :func:`to_frame`."""
    return _frame({name: [] for name in FRAME_FIELDS}, FIELD_TYPES)


def frame_of_rows(rows: Iterable[tuple[Any, ...]]) -> Any:
    """The tidy frame of tidy record tuples (as :meth:`FileResult.rows` gives them)."""
    return _frame(frame_columns(rows), FIELD_TYPES)


def to_frame(reports: Reports) -> Any:
    """The tidy long form of *reports* as a pandas DataFrame, one row per cell.

    *reports* is as for :func:`~disclosure_parser.to_records` (paths included); the columns
    are its fields, with ``value`` as a nullable integer (the counts; an amount's is <NA>)
    and ``exact`` holding every number as text (every digit of a Decimal amount). Every file
    has a row: a report without tables one of state ``no_table``, a file that could not be
    read one of state ``error``. Needs the ``frame`` extra (pandas).

    >>> import disclosure_parser as dp
    >>> frame = to_frame({"003": dp.parse_file(dp.EXAMPLES / "003.txt")})
    >>> b = frame[frame.table == "B"]
    >>> int(b[(b.row == "new_received") & (b.column == "total")].value.iloc[0])
    5
    >>> frame[frame.row == "procurement"][["column", "column_label", "value", "exact"]]
        column column_label value       exact
    20  projects       采购项目数量  3518        3518
    21    amount        采购总金额  <NA>  49966945.1
    """
    return frame_of_rows(row for result in results_of(reports) for row in result.rows())


def summary_frame(reports: Reports) -> Any:
    """The wide summary of *reports* as a pandas DataFrame, one row per file.

    Columns as :func:`~disclosure_parser.summary_records` gives them: the file's status and
    error, the report's identity, the headline figures (counts as nullable integers,
    ``grant_rate`` as a float), and the findings by severity and by code.

    >>> import disclosure_parser as dp
    >>> frame = summary_frame(dp.EXAMPLES / "*.txt")
    >>> frame[["organization", "status", "new_received", "granted", "handled", "grant_rate"]]
      organization  status  new_received  granted  handled  grant_rate
    0      太极镇人民政府  parsed            15       15       15         1.0
    1   舞钢市尚店镇人民政府  parsed             1        1        1         1.0
    2  灵武市白土岗乡人民政府  parsed             0        0        0        <NA>
    3      洪合镇人民政府  parsed             5        5        5         1.0
    4     台儿庄区张山子镇  parsed             1        1        1         1.0
    """
    return _records_frame(
        [result.summary() for result in results_of(reports)], SUMMARY_FIELDS, SUMMARY_TYPES
    )


def findings_frame(reports: Reports) -> Any:
    """The findings of *reports* as a pandas DataFrame, one row per finding.

    Columns as :func:`~disclosure_parser.output.records.findings_records` gives them: the
    file and report, the finding's code, severity and message, the cell it names first (keys
    and Chinese labels of its row and column, its position), the expected and actual values,
    and localisation's verdict with the value it suggests. A file that could not be read
    gives one row, of kind ``file_error``, with its error.

    >>> import disclosure_parser as dp
    >>> frame = findings_frame(dp.EXAMPLES / "00[01].txt")
    >>> frame[["code", "severity", "table", "row", "line", "column_number"]]
                     code severity table           row  line  column_number
    0           row_total     info  <NA>          <NA>  <NA>           <NA>
    1  narrative_mismatch    error  text      channels    17             13
    """
    return _records_frame(
        [record for result in results_of(reports) for record in result.finding_records()],
        FINDING_FIELDS,
        FINDING_TYPES,
    )
