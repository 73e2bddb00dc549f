"""Reports as pandas data frames (the ``frame`` extra): the tidy long form and the summary.

pandas is imported on first use, so that the package itself does not depend on it. Columns
use pandas' nullable dtypes (``string``, ``Int64``, ``Float64``, ``boolean``): a blank cell's
``value`` and a report without a year are ``<NA>``, not a float NaN or 0. The frame equals
what ``pandas.read_parquet(path, dtype_backend="numpy_nullable")`` reads from the Parquet
output of ``disclosure-parser batch``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any, Final

from ..core.errors import MissingDependencyError
from .records import (
    FIELD_TYPES,
    FRAME_FIELDS,
    SUMMARY_FIELDS,
    Reports,
    frame_columns,
    results_of,
)

__all__ = ["empty_frame", "summary_frame", "to_frame"]

_DTYPES: Final = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}

#: summary fields that are not counts
_SUMMARY_TEXT: Final = ("source", "organization", "template", "error_code")


def pandas() -> Any:
    """The pandas module, or MissingDependencyError naming the extra to install."""
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise MissingDependencyError("frame", "pandas", "reports into pandas data frames") from None


def _frame(columns: dict[str, list[Any]], dtypes: dict[str, str]) -> Any:
    pd = pandas()
    return pd.DataFrame(
        {name: pd.array(values, dtype=dtypes[name]) for name, values in columns.items()}
    )


def _tidy_frame(columns: dict[str, list[Any]]) -> Any:
    return _frame(columns, {name: _DTYPES[FIELD_TYPES[name]] for name in FRAME_FIELDS})


def empty_frame() -> Any:
    """A tidy frame with no rows: the columns and dtypes of :func:`to_frame`."""
    return _tidy_frame({name: [] for name in FRAME_FIELDS})


def frame_of_rows(rows: Iterable[tuple[Any, ...]]) -> Any:
    """The tidy frame of tidy record tuples (as :meth:`FileResult.rows` gives them)."""
    return _tidy_frame(frame_columns(rows))


def to_frame(reports: Reports) -> Any:
    """The tidy long form of *reports* as a pandas DataFrame, one row per cell.

    *reports* is as for :func:`~disclosure_parser.to_records`; the columns are its fields,
    with ``value`` as a float and ``exact`` holding the number as text (every digit of a
    Decimal amount). Needs the ``frame`` extra (``pip install 'disclosure-parser[frame]'``).

    >>> import disclosure_parser as dp
    >>> frame = to_frame({"003": dp.parse_file("examples/reports/003.txt")})
    >>> b = frame[frame.table == "B"]
    >>> int(b[(b.row == "new_received") & (b.column == "total")].value.iloc[0])
    5
    >>> frame[frame.row == "procurement"].exact.tolist()
    ['3518', '49966945.1']
    """
    return frame_of_rows(row for result in results_of(reports) for row in result.rows())


def summary_frame(reports: Reports) -> Any:
    """The wide summary of *reports* as a pandas DataFrame, one row per report.

    Columns as :func:`~disclosure_parser.summary_records` gives them: source, organisation,
    year, template, error code, key totals, counts of findings by severity and by code.

    >>> import disclosure_parser as dp
    >>> frame = summary_frame({"000": dp.parse_file("examples/reports/000.txt")})
    >>> row = frame.iloc[0]
    >>> row.organization, int(row.new_received), int(row.n_narrative_mismatch)
    ('太极镇人民政府', 15, 1)
    """
    records = [result.summary() for result in results_of(reports)]
    columns = {name: [r[name] for r in records] for name in SUMMARY_FIELDS}
    dtypes = {name: "string" if name in _SUMMARY_TEXT else "Int64" for name in SUMMARY_FIELDS}
    return _frame(columns, dtypes)
