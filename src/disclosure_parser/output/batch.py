"""The engine of ``disclosure-parser batch``: every report of a folder, a province, a country.

:func:`run` expands the inputs (files, directories searched recursively for the suffixes
``parse_file`` reads, glob patterns) in the order given, parses and validates each file on all
cores, and writes one output whose format the suffix of OUT chooses:

* ``.jsonl``: one line per input, ``{"source", "report", "findings", "diagnostics"}``, or
  ``{"source", "error": {"code", "message", "line", "column"}}`` for a file that could not be
  parsed;
* ``.csv``: the tidy long form of :mod:`disclosure_parser.output.records` (one row per report ×
  table × row × column), a header line first; a failed file is one row of state ``error`` with
  ``error_code`` and ``error_message``;
* ``.parquet`` (needs pyarrow, the ``frame`` extra): the same rows, with ``value`` as a float
  and ``exact`` as text, as :func:`disclosure_parser.to_frame` gives them.

Output is in input order and the same bytes whatever the number of processes: workers return
each file's output already serialised, and :meth:`concurrent.futures.Executor.map` hands the
results back in order. ``--resume`` skips the inputs whose source OUT already holds (parsed or
failed): JSON Lines are appended to (a line cut off by a crash is dropped first); CSV and
Parquet files are rewritten with the old and the new rows in input order (the last report of
a CSV file is parsed again, since a crash may have cut it short). JSON Lines and CSV are
written as they come, so an interrupted run can be resumed; a Parquet file is written under a
temporary name and renamed when complete.
"""

from __future__ import annotations

import abc
import contextlib
import csv
import functools
import glob
import importlib
import io
import json
import os
import re
import shutil
import sys
import time
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import IO, Any, Final, TextIO

import attrs

from ..core.errors import DisclosureError, MissingDependencyError
from ..readers.files import BINARY_SUFFIXES, TEXT_SUFFIXES
from .records import FIELD_TYPES, FIELDS, FRAME_FIELDS, FileResult, Row, frame_columns

__all__ = ["FORMATS", "BatchError", "Summary", "expand", "run"]

#: OUT suffix -> output format
FORMATS: Final = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}

#: files a directory contributes: those parse_file has a reader for
READABLE_SUFFIXES: Final = (*TEXT_SUFFIXES, *BINARY_SUFFIXES)

PARSED, WITH_FINDINGS, FAILED = 0, 1, 2

_GLOB: Final = re.compile(r"[*?[]")
#: tidy rows buffered before they are written to Parquet as one row group
_PARQUET_ROWS: Final = 50_000


class BatchError(Exception):
    """The run could not start or had to stop (bad OUT, unreadable previous output …)."""


@attrs.frozen
class Summary:
    """What a run did: inputs, parsed (of them with findings), failed, skipped, time taken.

    ``with_findings`` counts the parsed files that validation found an error or a warning in;
    ``skipped`` the inputs ``--resume`` found already in OUT; ``failures`` the failed files'
    sources with their error code and message, in input order.

    >>> print(Summary(files=5, parsed=4, with_findings=1, failed=1, skipped=0, seconds=2.0))
    5 files: 4 parsed (1 with findings), 1 failed; 2.0 s, 2.5 files/s
    """

    files: int
    parsed: int
    with_findings: int
    failed: int
    skipped: int
    seconds: float
    failures: tuple[tuple[str, str, str], ...] = ()

    def __str__(self) -> str:
        done = self.parsed + self.failed
        rate = done / self.seconds if self.seconds > 0 else 0.0
        text = (
            f"{self.files} file{'' if self.files == 1 else 's'}: {self.parsed} parsed "
            f"({self.with_findings} with findings), {self.failed} failed"
        )
        if self.skipped:
            text += f", {self.skipped} skipped (already in the output)"
        return text + f"; {self.seconds:.1f} s, {rate:.{1 if rate < 10 else 0}f} files/s"


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for root, _, files in os.walk(folder):
        found.extend(
            os.path.join(root, name)
            for name in files
            if os.path.splitext(name)[1].lower() in READABLE_SUFFIXES
        )
    return sorted(found)


def expand(inputs: Iterable[str]) -> tuple[list[str], list[str]]:
    """The files *inputs* name, in order and each once, and notes on inputs that named none.

    A directory gives the files below it that ``parse_file`` has a reader for, sorted; a glob
    pattern (``reports/**/*.txt``) its matches, sorted (a matched directory as above); any
    other input is taken as a file name, even if it does not exist (the run records its
    error).

    >>> expand(["examples/reports", "no/such/*.txt", "examples/reports/001.txt"])[0][:2]
    ['examples/reports/000.txt', 'examples/reports/001.txt']
    >>> expand(["no/such/*.txt"])
    ([], ['no/such/*.txt: no file matches the pattern'])
    """
    files: list[str] = []
    seen: set[str] = set()
    notes: list[str] = []

    def add(paths: Iterable[str]) -> None:
        for path in paths:
            if path not in seen:
                seen.add(path)
                files.append(path)

    for item in inputs:
        if os.path.isdir(item):
            found = _walk(item)
            if not found:
                notes.append(f"{item}: no report file in the directory")
            add(found)
        elif _GLOB.search(item) and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                notes.append(f"{item}: no file matches the pattern")
            for match in matches:
                add(_walk(match) if os.path.isdir(match) else [match])
        else:
            add([item])
    return files, notes


# ---------------------------------------------------------------------------------------------
# Work: one file in, its output out, already serialised
# ---------------------------------------------------------------------------------------------


def csv_text(rows: Iterable[Row]) -> str:
    r"""*rows* as CSV lines: None as an empty field, booleans as ``true`` and ``false``.

    >>> csv_text([("a.txt", None, True, 3, "x,y")])
    'a.txt,,true,3,"x,y"\n'
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(
            "" if v is None else ("true" if v is True else "false" if v is False else v)
            for v in row
        )
    return buffer.getvalue()


def work(path: str, kind: str) -> tuple[int, Any]:
    """Parse and validate *path*: its status and its output in format *kind*.

    The output is the JSON line (with its newline) for ``jsonl``, the CSV rows for ``csv`` and
    the tidy rows as an Arrow IPC stream for ``parquet``: what the writer needs, serialised
    where the work is spread (a Report would have to be pickled, and building Arrow arrays
    in the process that writes would make it the bottleneck).
    """
    result = FileResult.read(path)
    status = FAILED if result.error else WITH_FINDINGS if result.with_findings else PARSED
    payload: Any
    if kind == "jsonl":
        payload = result.to_json() + "\n"
    elif kind == "csv":
        payload = csv_text(result.rows())
    else:
        payload = _arrow_bytes(result.rows())
    return status, payload


def _warm() -> None:
    """Build the grammar and the parser's caches once, before forked workers copy them."""
    from ..parsing.parser import parse

    title = "示例镇人民政府2021年政府信息公开工作年度报告"
    # only a warm-up: should the parser ever reject this text, each worker warms up by itself
    with contextlib.suppress(DisclosureError):
        parse(f"{title}\n行政复议\t行政诉讼\n" + "\t".join("0" * 15))


def default_jobs() -> int:
    """The number of cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def chunksize(files: int, jobs: int) -> int:
    """Files sent to a worker at a time: enough to amortise a round trip (a parse takes about
    10 ms), few enough that the last chunks still keep every core busy.

    >>> chunksize(2000, 2), chunksize(10, 2), chunksize(10**6, 8)
    (16, 1, 16)
    """
    return max(1, min(16, files // (jobs * 16)))


def results(paths: Sequence[str], kind: str, jobs: int) -> Generator[tuple[int, Any], None, None]:
    """:func:`work` on each of *paths*, in order; in *jobs* processes, or in this one if 1."""
    task = functools.partial(work, kind=kind)
    jobs = min(jobs, len(paths))
    if jobs <= 1:
        yield from map(task, paths)
        return
    _warm()
    pool = ProcessPoolExecutor(jobs)
    try:
        yield from pool.map(task, paths, chunksize=chunksize(len(paths), jobs))
    finally:
        # on an interrupt, drop the chunks not started instead of waiting for all of them
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------------------
# Writers: new results in input order, interleaved with what a resumed OUT already held
# ---------------------------------------------------------------------------------------------


class _Writer(abc.ABC):
    """Writes OUT: :meth:`write` a new file's output, :meth:`keep` an old one's, then close."""

    #: sources OUT held before this run
    done: set[str]

    @abc.abstractmethod
    def write(self, source: str, payload: Any) -> None:
        """Add the output :func:`work` gave for *source*."""

    def keep(self, source: str) -> None:  # noqa: B027 - appending writers keep lines in place
        """Put the output OUT already holds for *source* here (in input order)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Finish OUT."""

    def abort(self) -> None:
        """Leave OUT as usable as possible after an interruption."""
        self.close()


class _JsonlWriter(_Writer):
    def __init__(self, path: str, resume: bool, stdout: TextIO) -> None:
        self.done = set()
        self.stream: IO[bytes] | None = None
        self.stdout = stdout
        if path == "-":
            return
        append = resume and os.path.exists(path)
        if append:
            self.done = _jsonl_sources(path)
        self.stream = open(path, "ab" if append else "wb")  # noqa: SIM115 - see close()

    def write(self, source: str, payload: Any) -> None:
        if self.stream is None:
            self.stdout.write(payload)
        else:
            self.stream.write(payload.encode("utf-8"))

    def close(self) -> None:
        if self.stream is None:
            self.stdout.flush()
        else:
            self.stream.close()

    def abort(self) -> None:
        # the reader of standard output may have gone away: that is why the run stops
        with contextlib.suppress(BrokenPipeError):
            self.close()


def _jsonl_sources(path: str) -> set[str]:
    """The sources of the complete lines of *path*; a last line a crash cut off is removed."""
    sources: set[str] = set()
    good = 0
    with open(path, "rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            good += len(raw)
            source = _line_source(raw.decode("utf-8", "replace"))
            if source is not None:
                sources.add(source)
    if good != os.path.getsize(path):
        with open(path, "r+b") as handle:
            handle.truncate(good)
    return sources


def _line_source(line: str) -> str | None:
    prefix = '{"source":'
    if line.startswith(prefix):
        # the source comes first: read that string alone instead of the whole report
        try:
            value, _ = json.JSONDecoder().raw_decode(line, len(prefix))
        except json.JSONDecodeError:
            value = None
        if isinstance(value, str):
            return value
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return None
    source = record.get("source") if isinstance(record, dict) else None
    return source if isinstance(source, str) else None


class _CsvWriter(_Writer):
    def __init__(self, path: str, resume: bool) -> None:
        self.path = path
        self.header = csv_text([FIELDS]).encode("utf-8")
        self.old: dict[str, list[tuple[int, int]]] = {}
        self.done = set()
        self.target = path
        if resume and os.path.exists(path) and os.path.getsize(path) > 0:
            self.old, last = _csv_index(path, self.header)
            self.done = set(self.old) - {last}
            self.target = path + ".partial"
        self.stream = open(self.target, "wb")  # noqa: SIM115 - closed by close()
        self.source: IO[bytes] | None = open(path, "rb") if self.old else None  # noqa: SIM115
        self.stream.write(self.header)
        self.kept: set[str] = set()

    def write(self, source: str, payload: Any) -> None:
        self.kept.add(source)  # a source parsed again replaces its old rows
        self.stream.write(payload.encode("utf-8"))

    def keep(self, source: str) -> None:
        self.kept.add(source)
        self._copy(source)

    def _copy(self, source: str) -> None:
        assert self.source is not None
        for start, end in self.old[source]:
            self.source.seek(start)
            self.stream.write(self.source.read(end - start))

    def close(self) -> None:
        # sources of the old output that this run's inputs do not name are kept, at the end
        for source in self.old:
            if source not in self.kept:
                self._copy(source)
        self.stream.close()
        if self.source is not None:
            self.source.close()
            os.replace(self.target, self.path)

    def abort(self) -> None:
        self.stream.close()
        if self.source is not None:
            self.source.close()
            os.remove(self.target)


def _csv_index(path: str, header: bytes) -> tuple[dict[str, list[tuple[int, int]]], str | None]:
    """Where each source's rows stand in the CSV file *path* (byte ranges, in file order), and
    the last source, which a crash may have cut short (a run writes one report's rows after
    the other, so only the last can be incomplete). A last row without its newline is left
    out.
    """
    ranges: dict[str, list[tuple[int, int]]] = {}
    last: str | None = None
    with open(path, "rb") as handle:
        first = handle.readline()
        if first != header:
            raise BatchError(
                f"{path} does not start with the header of the tidy CSV this command writes; "
                "cannot resume from it"
            )
        position = [len(first)]
        cut = [False]

        def lines() -> Iterator[str]:
            for raw in handle:
                position[0] += len(raw)
                cut[0] = not raw.endswith(b"\n")
                yield raw.decode("utf-8", "replace")

        start = position[0]
        for record in csv.reader(lines()):
            end = position[0]
            if record and not cut[0]:
                last = record[0]
                spans = ranges.setdefault(last, [])
                if spans and spans[-1][1] == start:
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
            start = end
    return ranges, last


def _pyarrow() -> tuple[Any, Any]:
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise MissingDependencyError("frame", "pyarrow", "Parquet files") from None


def arrow_schema() -> Any:
    """The Arrow schema of the tidy Parquet output."""
    pa, _ = _pyarrow()
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[FIELD_TYPES[name]]) for name in FRAME_FIELDS])


def _arrow_bytes(rows: Sequence[Row]) -> bytes:
    """*rows* as an Arrow IPC stream of one record batch in :func:`arrow_schema`."""
    pa, _ = _pyarrow()
    schema = arrow_schema()
    columns = frame_columns(rows)
    batch = pa.record_batch([pa.array(columns[f.name], type=f.type) for f in schema], schema=schema)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, schema) as stream:
        stream.write_batch(batch)
    data: bytes = sink.getvalue().to_pybytes()
    return data


def _arrow_batch(data: bytes) -> Any:
    pa, _ = _pyarrow()
    return pa.ipc.open_stream(data).read_next_batch()


class _ParquetWriter(_Writer):
    def __init__(self, path: str, resume: bool) -> None:
        self.pa, pq = _pyarrow()
        self.schema = arrow_schema()
        self.path, self.target = path, path + ".partial"
        self.old: Any = None
        self.spans: dict[str, list[tuple[int, int]]] = {}
        self.done = set()
        if resume and os.path.exists(path):
            self.old = pq.read_table(path)
            if self.old.schema.names != list(FRAME_FIELDS):
                raise BatchError(
                    f"{path} does not have the columns of the tidy Parquet this command "
                    "writes; cannot resume from it"
                )
            self.old = self.old.cast(self.schema)
            self.spans = _runs(self.old.column("source").to_pylist())
            self.done = set(self.spans)
        self.writer = pq.ParquetWriter(self.target, self.schema)
        self.batches: list[Any] = []
        self.rows = 0
        self.kept: set[str] = set()

    def _flush(self) -> None:
        if self.batches:
            table = self.pa.Table.from_batches(self.batches, schema=self.schema)
            self.writer.write_table(table.combine_chunks())
            self.batches, self.rows = [], 0

    def write(self, source: str, payload: Any) -> None:
        batch = _arrow_batch(payload)
        self.batches.append(batch)
        self.rows += batch.num_rows
        if self.rows >= _PARQUET_ROWS:
            self._flush()

    def keep(self, source: str) -> None:
        self.kept.add(source)
        self._copy(source)

    def _copy(self, source: str) -> None:
        self._flush()
        for start, end in self.spans[source]:
            self.writer.write_table(self.old.slice(start, end - start))

    def close(self) -> None:
        for source in self.spans:
            if source not in self.kept:
                self._copy(source)
        self._flush()
        self.writer.close()
        os.replace(self.target, self.path)

    def abort(self) -> None:
        self.writer.close()
        os.remove(self.target)


def _runs(sources: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    """Each source's runs of consecutive rows, as (start, end) indexes.

    >>> _runs(["a", "a", "b", "a"])
    {'a': [(0, 2), (3, 4)], 'b': [(2, 3)]}
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for index, source in enumerate(sources):
        runs = spans.setdefault(source, [])
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return spans


def _writer(output: str, resume: bool, stdout: TextIO) -> _Writer:
    if output == "-":
        if resume:
            raise BatchError("--resume needs an output file, not standard output")
        return _JsonlWriter(output, False, stdout)
    kind = output_format(output)
    try:
        if kind == "jsonl":
            return _JsonlWriter(output, resume, stdout)
        if kind == "csv":
            return _CsvWriter(output, resume)
        return _ParquetWriter(output, resume)
    except OSError as exc:
        raise BatchError(f"cannot write {output}: {exc}") from None


def output_format(output: str) -> str:
    """The format the suffix of *output* asks for ("-" is JSON Lines on standard output).

    >>> output_format("reports.parquet"), output_format("-")
    ('parquet', 'jsonl')
    """
    if output == "-":
        return "jsonl"
    suffix = os.path.splitext(output)[1].lower()
    if suffix not in FORMATS:
        raise BatchError(
            f"cannot tell the output format of {output!r} from its suffix; use one of "
            f"{', '.join(FORMATS)} (or - for JSON Lines on standard output)"
        )
    return FORMATS[suffix]


# ---------------------------------------------------------------------------------------------
# Progress
# ---------------------------------------------------------------------------------------------


class Progress:
    """A one-line progress bar with rate and ETA, redrawn at most ten times a second.

    >>> import io
    >>> out = io.StringIO()
    >>> bar = Progress(4, out, enabled=True, width=60, clock=iter([0.0, 1.0, 2.0]).__next__)
    >>> bar.update(2)
    >>> print(out.getvalue().strip())
    50% |############             | 2/4  2.0 files/s  ETA 0:01
    """

    def __init__(
        self,
        total: int,
        stream: TextIO,
        enabled: bool,
        width: int | None = None,
        clock: Any = time.monotonic,
    ) -> None:
        self.total, self.stream, self.enabled = total, stream, enabled
        self.width = width or shutil.get_terminal_size((80, 24)).columns
        self.clock = clock
        self.start = clock()
        self.done = 0
        self.drawn = -1.0

    def update(self, n: int = 1) -> None:
        """Count *n* more files done; redraw if a tenth of a second has passed."""
        self.done += n
        if not self.enabled:
            return
        now = self.clock()
        if now - self.drawn < 0.1 and self.done < self.total:
            return
        self.drawn = now
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        eta = f"{int(left // 60)}:{int(left % 60):02d}"
        tail = f" {self.done}/{self.total}  {rate:.1f} files/s  ETA {eta}"
        percent = self.done * 100 // max(self.total, 1)
        room = max(10, min(40, self.width - len(tail) - 8))
        filled = room * self.done // max(self.total, 1)
        bar = "#" * filled + " " * (room - filled)
        self.stream.write(f"\r{percent:3d}% |{bar}|{tail}")
        self.stream.flush()

    def close(self) -> None:
        """Clear the bar's line."""
        if self.enabled:
            self.stream.write("\r" + " " * (self.width - 1) + "\r")
            self.stream.flush()


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


def run(
    inputs: Sequence[str],
    output: str,
    *,
    jobs: int | None = None,
    resume: bool = False,
    progress: bool | None = None,
    stderr: TextIO | None = None,
    stdout: TextIO | None = None,
) -> Summary:
    """Parse and validate every file *inputs* name into *output*; what was done.

    *jobs* processes (default: every core; 1 runs in this process). *progress* draws a bar on
    *stderr* (default: when it is a terminal); notes on inputs that match nothing go there
    too. Raises :class:`BatchError` when OUT cannot be written or resumed from, or when no
    input names a file.

    >>> import os, tempfile
    >>> out = os.path.join(tempfile.mkdtemp(), "reports.jsonl")
    >>> summary = run(["examples/reports", "pyproject.toml"], out, jobs=1)
    >>> print(summary.files, summary.parsed, summary.with_findings, summary.failed)
    6 5 1 1
    >>> summary.failures
    (('pyproject.toml', 'unsupported_format', "cannot read 'pyproject.toml': no reader for ..."),)
    """
    err = stderr if stderr is not None else sys.stderr
    out = stdout if stdout is not None else sys.stdout
    started = time.monotonic()
    kind = output_format(output)
    paths, notes = expand(inputs)
    for note in notes:
        err.write(f"{note}\n")
    if not paths:
        raise BatchError("no input files")
    if output != "-" and os.path.abspath(output) in {os.path.abspath(p) for p in paths}:
        raise BatchError(f"{output} is among the inputs")
    writer = _writer(output, resume, out)
    todo = [p for p in paths if p not in writer.done]
    if progress is None:
        progress = bool(getattr(err, "isatty", None) and err.isatty())
    bar = Progress(len(todo), err, progress)
    counts = [0, 0, 0]
    failures: list[tuple[str, str, str]] = []
    produced = results(todo, kind, jobs or default_jobs())
    try:
        for path in paths:
            if path in writer.done:
                writer.keep(path)
                continue
            status, payload = next(produced)
            writer.write(path, payload)
            counts[status] += 1
            if status == FAILED:
                failures.append(_failure(path, kind, payload))
            bar.update()
    except BaseException:
        bar.close()
        produced.close()
        writer.abort()
        raise
    bar.close()
    produced.close()
    writer.close()
    return Summary(
        files=len(paths),
        parsed=counts[PARSED] + counts[WITH_FINDINGS],
        with_findings=counts[WITH_FINDINGS],
        failed=counts[FAILED],
        skipped=len(paths) - len(todo),
        seconds=time.monotonic() - started,
        failures=tuple(failures),
    )


def _failure(path: str, kind: str, payload: Any) -> tuple[str, str, str]:
    """(source, code, message) of a failed file, from the output written for it."""
    if kind == "jsonl":
        error = json.loads(payload)["error"]
        return path, error["code"], error["message"]
    if kind == "csv":
        (row,) = csv.reader(io.StringIO(payload))
        return path, row[-2], row[-1]
    batch = _arrow_batch(payload)
    return path, batch.column("error_code")[0].as_py(), batch.column("error_message")[0].as_py()


# ---------------------------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------------------------

#: failed files listed on standard error after a run; the output holds all of them
_LISTED_FAILURES: Final = 20


def _jobs(value: str) -> int:
    jobs = int(value)
    if jobs < 1:
        raise ValueError(value)
    return jobs


def add_command(commands: Any) -> None:
    """Add ``batch`` to the subcommands *commands* (an argparse subparsers action)."""
    batch = commands.add_parser(
        "batch",
        help="parse and validate many reports on all cores into one JSONL, CSV or Parquet file",
        description=(
            "Parse and validate every report INPUTS name (files, directories, glob patterns) "
            "on all cores and write one output, whose suffix chooses the format: .jsonl (a "
            "report per line, with findings and diagnostics), .csv or .parquet (the tidy long "
            "form: a row per report x table x row x column). A file that cannot be parsed is "
            "recorded in the output with its error and does not stop the run. A summary goes "
            "to standard error. Exit status: 0 when the run completed, 1 with --strict when a "
            "file failed, 2 when the run could not start or was stopped."
        ),
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, globs")
    batch.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="output file: .jsonl, .csv or .parquet (- writes JSON Lines to standard output)",
    )
    batch.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help=f"processes to parse with (default: all {default_jobs()} cores; 1: no workers)",
    )
    batch.add_argument(
        "--resume",
        action="store_true",
        help="skip the inputs OUT already holds (parsed or failed) and add the others",
    )
    batch.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        default=None,
        help="no progress bar (by default it is drawn when standard error is a terminal)",
    )
    batch.add_argument(
        "--strict", action="store_true", help="exit with status 1 when any file failed"
    )


def command(args: Any, stderr: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run ``batch`` with the parsed *args*; the exit status."""
    err = stderr if stderr is not None else sys.stderr
    try:
        summary = run(
            args.inputs,
            args.output,
            jobs=args.jobs,
            resume=args.resume,
            progress=args.progress,
            stderr=err,
            stdout=stdout,
        )
    except (BatchError, MissingDependencyError) as exc:
        err.write(f"disclosure-parser batch: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        err.write("disclosure-parser batch: interrupted; run again with --resume to go on\n")
        return 2
    except BrokenProcessPool:
        err.write(
            "disclosure-parser batch: a worker process died (out of memory?); run again with "
            "--resume to go on, with fewer --jobs if it happens again\n"
        )
        return 2
    except BrokenPipeError:
        # the reader of -o - (head, less) went away: stop quietly, as other filters do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 2
    for source, code, message in summary.failures[:_LISTED_FAILURES]:
        err.write(f"{source}: {code}: {message.splitlines()[0] if message else ''}\n")
    if len(summary.failures) > _LISTED_FAILURES:
        more = len(summary.failures) - _LISTED_FAILURES
        err.write(f"… and {more} more failed file(s), recorded in {args.output}\n")
    err.write(f"{summary}\n")
    return 1 if args.strict and summary.failed else 0
