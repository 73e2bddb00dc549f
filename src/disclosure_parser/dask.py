"""Parsed reports as Dask collections: the same code on a laptop and on a cluster.

Needs the ``dask`` extra (``pip install 'disclosure-parser[dask]'``: dask with its bag and
dataframe parts, fsspec, pandas and pyarrow). Files are named by a path, a glob pattern or a
directory, local or behind any fsspec URL (``s3://bucket/reports/**/*.txt`` with s3fs
installed, ``memory://…``); ``storage_options`` go to fsspec. Each file is parsed and
validated as ``disclosure-parser batch`` does it, so the results are the same:

* :func:`read_reports` gives a :class:`dask.bag.Bag` of
  :class:`~disclosure_parser.FileResult` (the report and its findings, or the error);
* :func:`to_records` the tidy records (dicts, as :func:`disclosure_parser.to_records`),
  :func:`to_json_lines` the lines of the batch command's JSON Lines output;
* :func:`to_dataframe` the tidy long form and :func:`summary_dataframe` the wide summary as
  :class:`dask.dataframe.DataFrame` (the partitions are what :func:`disclosure_parser.to_frame`
  and :func:`disclosure_parser.summary_frame` give).

Whatever scheduler is active runs it: the local threads by default, or a
``dask.distributed.Client`` once one is created::

    from dask.distributed import Client
    import disclosure_parser.dask as dpd

    client = Client("tcp://scheduler:8786")           # or Client() for local processes
    frame = dpd.to_dataframe("s3://reports/2021/**/*.txt")
    frame[frame.table == "B"].groupby(["row", "column"]).value.sum().compute()

Sources are the files' paths as fsspec names them: absolute paths for local files, full URLs
(``s3://…``) for the others. Files on another filesystem than the local one are copied to a
temporary file to be read (the suffix chooses the reader, as for ``parse_file``).
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

# dask's functions are only partly annotated and fsspec not at all: they are used untyped
# here, and the public functions cast their results to dask's classes
try:
    db: Any = importlib.import_module("dask.bag")
    dd: Any = importlib.import_module("dask.dataframe")
    fsspec: Any = importlib.import_module("fsspec")
    delayed: Any = importlib.import_module("dask").delayed
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "disclosure_parser.dask needs dask: pip install 'disclosure-parser[dask]'"
    ) from exc

if TYPE_CHECKING:
    from dask.bag import Bag
    from dask.dataframe import DataFrame

from .output.batch import READABLE_SUFFIXES
from .output.frame import empty_frame, frame_of_rows, summary_frame
from .output.records import SUMMARY_FIELDS, FileError, FileResult

__all__ = [
    "list_files",
    "read_reports",
    "summary_dataframe",
    "to_dataframe",
    "to_json_lines",
    "to_records",
]

#: files parsed by one task: enough to amortise the scheduler's per-task cost (about a
#: millisecond, a parse takes ten), few enough to spread a thousand files over many workers
FILES_PER_PARTITION = 64

_GLOB = re.compile(r"[*?[]")


def _is_local(fs: Any) -> bool:
    protocol = fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)
    return "file" in protocol


def list_files(
    urlpath: str | Iterable[str], storage_options: Mapping[str, Any] | None = None
) -> tuple[Any, list[str]]:
    """The fsspec filesystem of *urlpath* and the report files it names, in order.

    *urlpath* is a path, a glob pattern (its matches sorted), a directory (searched
    recursively for the suffixes ``parse_file`` reads, sorted) or a list of them, local or
    fsspec URLs on one filesystem: the order is that of ``disclosure-parser batch``.

    >>> fs, paths = list_files("examples/reports/00[12].txt")
    >>> [os.path.basename(p) for p in paths]
    ['001.txt', '002.txt']
    """
    options = dict(storage_options or {})
    urlpaths = [urlpath] if isinstance(urlpath, str) else list(urlpath)
    fs: Any = None
    files: list[str] = []
    for url in urlpaths:
        fs, path = fsspec.core.url_to_fs(url, **options)
        pattern = _GLOB.search(path) and not fs.exists(path)
        paths = sorted(fs.glob(path)) if pattern else [path]
        for found in paths:
            if fs.isdir(found):
                files.extend(
                    p
                    for p in sorted(fs.find(found))
                    if os.path.splitext(p)[1].lower() in READABLE_SUFFIXES
                )
            else:
                files.append(found)
    return fs, list(dict.fromkeys(files))


def _read(fs: Any, path: str) -> FileResult:
    """Parse and validate *path* on *fs*; any failure becomes the result's error."""
    if _is_local(fs):
        return FileResult.read(path)
    source = fs.unstrip_protocol(path)
    try:
        data = fs.cat_file(path)
    except Exception as exc:  # a file that cannot be fetched is one failed file, not a failed job
        return FileResult(source, error=FileError.of(exc))
    return FileResult.from_bytes(source, data)


def read_reports(
    urlpath: str | Iterable[str],
    *,
    storage_options: Mapping[str, Any] | None = None,
    files_per_partition: int = FILES_PER_PARTITION,
) -> Bag:
    """A bag of :class:`~disclosure_parser.FileResult`, one per file *urlpath* names.

    >>> import disclosure_parser.dask as dpd
    >>> bag = dpd.read_reports("examples/reports/*.txt")
    >>> [r.report.organization for r in bag.compute(scheduler="sync")][:2]
    ['太极镇人民政府', '舞钢市尚店镇人民政府']
    """
    fs, paths = list_files(urlpath, storage_options)
    if not paths:
        raise FileNotFoundError(f"no report file matches {urlpath!r}")
    bag = db.from_sequence(paths, partition_size=max(1, files_per_partition))
    return cast("Bag", bag.map(functools.partial(_read, fs)))


def _results(source: str | Iterable[str] | Bag, **options: Any) -> Any:
    return source if isinstance(source, db.Bag) else read_reports(source, **options)


def to_records(source: str | Iterable[str] | Bag, **options: Any) -> Bag:
    """The tidy records (dicts, as :func:`disclosure_parser.to_records`) of *source*.

    *source* is what :func:`read_reports` takes (its keyword arguments too) or the bag it
    returned.
    """
    return cast("Bag", _results(source, **options).map(FileResult.records).flatten())


def to_json_lines(source: str | Iterable[str] | Bag, **options: Any) -> Bag:
    """The lines (without newline) ``disclosure-parser batch -o OUT.jsonl`` writes.

    ``to_json_lines(...).to_textfiles("out/*.jsonl")`` writes them in parallel, a file per
    partition.
    """
    return cast("Bag", _results(source, **options).map(FileResult.to_json))


def _tidy(results: list[FileResult]) -> Any:
    return frame_of_rows(row for result in results for row in result.rows())


def _summary(results: list[FileResult]) -> Any:
    return summary_frame(results)


def _frame(source: str | Iterable[str] | Bag, build: Any, meta: Any, **options: Any) -> DataFrame:
    parts = _results(source, **options).to_delayed()
    return cast("DataFrame", dd.from_delayed([delayed(build)(part) for part in parts], meta=meta))


def to_dataframe(source: str | Iterable[str] | Bag, **options: Any) -> DataFrame:
    """The tidy long form of *source* as a Dask DataFrame (partitions as from ``to_frame``).

    >>> import disclosure_parser.dask as dpd
    >>> frame = dpd.to_dataframe("examples/reports/00[34].txt").compute(scheduler="sync")
    >>> frame[frame.row == "procurement"].exact.tolist()
    ['3518', '49966945.1', '0', '0']
    """
    return _frame(source, _tidy, empty_frame(), **options)


def summary_dataframe(source: str | Iterable[str] | Bag, **options: Any) -> DataFrame:
    """The wide summary of *source* (one row per file) as a Dask DataFrame."""
    meta = summary_frame([])
    assert list(meta.columns) == list(SUMMARY_FIELDS)
    return _frame(source, _summary, meta, **options)
