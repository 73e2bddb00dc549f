"""The engine of ``disclosure-parser batch``: every report of a folder, a province, a country.

:func:`run` expands the inputs (files, directories searched recursively for the suffixes
``parse_file`` reads, glob patterns; see :mod:`.inputs`) in the order given, parses and
validates each file in worker processes, and writes one output whose format the suffix of OUT
chooses:

* ``.jsonl``: one line per input, ``{"source", "report", "findings", "diagnostics"}``, or
  ``{"source", "error": {"code", "message", "line", "column"}}`` for a file that could not be
  read;
* ``.csv``: the tidy long form of :mod:`disclosure_parser.output.records` (one row per report ×
  table × row × column; a report without tables one row of state ``no_table``, a failed file
  one row of state ``error``), a header line first;
* ``.parquet`` (needs pyarrow, the ``frame`` extra): the same rows, with ``value`` as a
  nullable integer and ``exact`` as text, as :func:`disclosure_parser.to_frame` gives them.

Every input file is in OUT, whatever became of it. Output is in input order and the same
bytes whatever the number of processes: workers return each file's output already
serialised, and :func:`.pool.imap` hands the results back in order. Each file has its bounds
(:data:`~.pool.DEFAULT_TIMEOUT` seconds, :data:`~.pool.DEFAULT_MAX_MEMORY` bytes): a file
that exceeds them, or whose worker dies, is recorded with the error ``timeout``, ``memory`` or
``worker_died`` and the run goes on.

``--resume`` skips the inputs OUT already holds, whatever became of them, comparing real paths
(``big`` and ``./big`` name the same files): JSON Lines are appended to (a line cut off by a
crash is dropped first); CSV and Parquet files are rewritten with the old and the new rows in
input order (a report whose rows a crash cut short is parsed again). OUT is locked while a
run writes it: a second run on the same OUT stops at once. JSON Lines and CSV are written as
they come; a Parquet file is written under a temporary name
and renamed when the run ends, or is interrupted (it then holds the files done so far, and
``--resume`` goes on from it). A full disk stops the run with an error; what was written
stays.
"""

from __future__ import annotations

import abc
import contextlib
import csv
import functools
import importlib
import io
import json
import os
import shutil
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from typing import IO, Any, Final, TextIO, TypeVar

import attrs

from ..core.errors import MissingDependencyError
from .inputs import READABLE_SUFFIXES, expand, key, printable
from .pool import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, Failure, default_jobs, imap
from .records import FIELD_TYPES, FIELDS, FRAME_FIELDS, FileError, FileResult, Row, frame_columns
from .records import warm as _warm

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: runs on one OUT are not kept apart
    fcntl = None  # type: ignore[assignment]

__all__ = ["FORMATS", "READABLE_SUFFIXES", "BatchError", "Summary", "expand", "run"]

#: OUT suffix -> output format
FORMATS: Final = {".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}

PARSED, WITH_FINDINGS, FAILED = 0, 1, 2

#: tidy rows buffered before they are written to Parquet as one row group
_PARQUET_ROWS: Final = 50_000

T = TypeVar("T")


class BatchError(Exception):
    """The run could not start or had to stop (bad OUT, unreadable previous output …)."""


class OutputError(BatchError):
    """OUT could not be written (a full disk, a lost mount …)."""


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


def serialise(result: FileResult, kind: str) -> tuple[int, Any]:
    """*result*'s status and its output in format *kind*.

    The output is the JSON line (with its newline) for ``jsonl``, the CSV rows for ``csv`` and
    the tidy rows as an Arrow IPC stream for ``parquet``: what the writer needs, serialised
    where the work is spread (a Report would have to be pickled, and building Arrow arrays
    in the process that writes would make it the bottleneck).
    """
    status = FAILED if result.error else WITH_FINDINGS if result.with_findings else PARSED
    payload: Any
    if kind == "jsonl":
        payload = result.to_json() + "\n"
    elif kind == "csv":
        payload = csv_text(result.rows())
    else:
        payload = _arrow_bytes(result.rows())
    return status, payload


def work(path: str, kind: str) -> tuple[int, Any]:
    """Parse and validate *path*: its status and its output in format *kind* (see
    :func:`serialise`)."""
    return serialise(FileResult.read(path), kind)


def results(
    paths: Sequence[str],
    kind: str,
    jobs: int,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
) -> Generator[tuple[int, Any], None, None]:
    """:func:`work` on each of *paths*, in order, in *jobs* worker processes; a file whose
    worker hung, grew too large or died is recorded with that error."""
    if not paths:
        return
    _warm()
    task = functools.partial(work, kind=kind)
    produced = imap(task, paths, jobs=jobs, timeout=timeout, max_memory=max_memory)
    try:
        for path, result in zip(paths, produced, strict=True):
            if isinstance(result, Failure):
                error = FileError(result.code, result.message)
                yield serialise(FileResult(path, error=error), kind)
            else:
                yield result
    finally:
        produced.close()


# ---------------------------------------------------------------------------------------------
# Writers: new results in input order, interleaved with what a resumed OUT already held
# ---------------------------------------------------------------------------------------------


def _guard(path: str, action: Callable[[], T]) -> T:
    """*action*'s result; an OSError it raises (a full disk) as an :class:`OutputError`."""
    try:
        return action()
    except BrokenPipeError:
        raise  # the reader of standard output went away: the command stops quietly
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _put(stream: IO[bytes], payload: str) -> int:
    """Write *payload* to the unbuffered *stream* in as few system calls as it takes (one, as
    a rule: a run killed meanwhile leaves whole files' outputs); the bytes written."""
    data = memoryview(payload.encode("utf-8"))
    written = 0
    while written < len(data):
        written += stream.write(data[written:]) or 0
    return written


class _Lock:
    """An exclusive lock on OUT while a run writes it, so that two runs cannot mix it up.

    The lock is taken on OUT itself (created empty if missing) with ``flock``, which the
    system releases whatever way the process ends. A device or a pipe (``/dev/null``) is
    neither locked nor resumed from.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.fd: int | None = None
        try:
            mode: int | None = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as exc:
            raise BatchError(f"cannot write {path}: {exc.strerror or exc}") from None
        self.regular = mode is None or stat.S_ISREG(mode)
        self.created = mode is None
        if not self.regular:
            return
        try:
            self.fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise BatchError(f"cannot write {path}: {exc.strerror or exc}") from None
        if fcntl is None:
            return
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            self.fd = None
            raise BatchError(
                f"{path} is being written by another run (it is locked); wait for that run to "
                "end, or write to another file"
            ) from None
        except OSError:
            pass  # a filesystem without locks (some network mounts): go on unlocked

    def size(self) -> int:
        return os.fstat(self.fd).st_size if self.fd is not None else 0

    def truncate(self) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)

    def release(self, failed: bool = False) -> None:
        """Unlock OUT; after a failed run, remove it if this run created it and left it
        empty."""
        if self.fd is None:
            return
        with contextlib.suppress(OSError):
            if failed and self.created and os.fstat(self.fd).st_size == 0:
                os.remove(self.path)
        with contextlib.suppress(OSError):
            os.close(self.fd)
        self.fd = None


class _Writer(abc.ABC):
    """Writes OUT: :meth:`write` a new file's output, :meth:`keep` an old one's, then close."""

    #: what OUT held before this run: the key (real path) of each source, to the source as
    #: OUT spells it
    done: dict[str, str]

    @abc.abstractmethod
    def write(self, path: str, payload: Any) -> None:
        """Add the output :func:`work` gave for the file *path*."""

    def keep(self, source: str) -> None:  # noqa: B027 - appending writers keep lines in place
        """Put the output OUT already holds for *source* here (in input order)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Finish OUT."""

    @abc.abstractmethod
    def abort(self) -> None:
        """Leave OUT as usable as possible after an interruption or a write error; never
        raise (the first error is the one to report)."""


def _done(sources: Iterable[str]) -> dict[str, str]:
    return {key(source): source for source in sources}


class _JsonlWriter(_Writer):
    def __init__(self, path: str, resume: bool, stdout: TextIO) -> None:
        self.path = path
        self.done = {}
        self.stream: IO[bytes] | None = None
        self.stdout = stdout
        self.lock: _Lock | None = None
        if path == "-":
            return
        self.lock = _Lock(path)
        try:
            if resume and self.lock.regular and self.lock.size() > 0:
                self.done = _done(_jsonl_sources(path))
            elif self.lock.regular:
                self.lock.truncate()
            self.stream = open(path, "ab", buffering=0)  # noqa: SIM115 - see close()
            self.good = self.lock.size()
        except OSError as exc:
            self.lock.release(failed=True)
            raise BatchError(f"cannot write {path}: {exc.strerror or exc}") from None
        except BaseException:
            self.lock.release(failed=True)
            raise

    def write(self, path: str, payload: Any) -> None:
        if self.stream is None:
            self.stdout.write(payload)
            return
        # a line at a time: a run stopped at any point leaves whole lines (and at most one
        # cut short, which --resume drops)
        self.good += _guard(self.path, functools.partial(_put, self.stream, payload))

    def close(self) -> None:
        if self.stream is None:
            self.stdout.flush()
            return
        _guard(self.path, self.stream.close)
        assert self.lock is not None
        self.lock.release()

    def abort(self) -> None:
        # the reader of standard output may have gone away (that is why the run stops), or
        # the disk is full: what was written stays
        with contextlib.suppress(OSError, ValueError):
            if self.stream is None:
                self.stdout.flush()
            else:
                if self.lock is not None and self.lock.regular:
                    self.stream.truncate(self.good)  # a line a full disk cut short
                self.stream.close()
        if self.lock is not None:
            self.lock.release(failed=True)


def _jsonl_sources(path: str) -> list[str]:
    """The sources of the complete lines of *path*; a last line a crash cut off is removed."""
    sources: list[str] = []
    good = 0
    with open(path, "rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            good += len(raw)
            source = _line_source(raw.decode("utf-8", "replace"))
            if source is not None:
                sources.append(source)
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
        self.done = {}
        self.target = path
        self.lock = _Lock(path)
        self.source: IO[bytes] | None = None
        try:
            if resume and self.lock.regular and self.lock.size() > 0:
                self.old, cut = _csv_index(path, self.header)
                self.done = _done(s for s in self.old if s != cut)
                self.target = path + ".partial"
                self.source = open(path, "rb")  # noqa: SIM115 - closed by close()
            self.stream = open(self.target, "wb", buffering=0)  # noqa: SIM115 - see close()
            self.good = _put(self.stream, self.header.decode("utf-8"))
        except OSError as exc:
            self.lock.release(failed=True)
            raise BatchError(f"cannot write {path}: {exc.strerror or exc}") from None
        except BaseException:
            self.lock.release(failed=True)
            raise
        #: keys of the old sources this run wrote or kept (the others go at the end)
        self.kept: set[str] = set()

    def write(self, path: str, payload: Any) -> None:
        self.kept.add(key(path))  # a source parsed again replaces its old rows
        self.good += _guard(self.path, functools.partial(_put, self.stream, payload))

    def keep(self, source: str) -> None:
        self.kept.add(key(source))
        _guard(self.path, lambda: self._copy(source))

    def _copy(self, source: str) -> None:
        assert self.source is not None
        for start, end in self.old[source]:
            self.source.seek(start)
            data = memoryview(self.source.read(end - start))
            written = 0
            while written < len(data):
                written += self.stream.write(data[written:]) or 0

    def _finish(self) -> None:
        # sources of the old output that this run did not write are kept, at the end
        for source in self.old:
            if key(source) not in self.kept:
                self._copy(source)
        self.stream.close()
        if self.source is not None:
            self.source.close()
            os.replace(self.target, self.path)

    def close(self) -> None:
        _guard(self.path, self._finish)
        self.lock.release()

    def abort(self) -> None:
        if self.source is None:
            # written in place: whole files' rows stay (a file's rows a full disk cut go)
            with contextlib.suppress(OSError, ValueError):
                if self.lock.regular:
                    self.stream.truncate(self.good)
                self.stream.close()
            self.lock.release(failed=True)
            return
        try:
            # resumed: the old rows not yet copied are added, so that OUT loses nothing
            self._finish()
        except (OSError, ValueError):
            with contextlib.suppress(OSError, ValueError):
                self.stream.close()
            if self.source is not None:
                with contextlib.suppress(OSError, ValueError):
                    self.source.close()
                with contextlib.suppress(OSError):
                    os.remove(self.target)  # the old OUT stays as it was
        self.lock.release(failed=True)


def _csv_index(path: str, header: bytes) -> tuple[dict[str, list[tuple[int, int]]], str | None]:
    """Where each source's rows stand in the CSV file *path* (byte ranges, in file order), and
    the source whose rows a crash cut short, if the file ends in a cut row (a run writes
    each file's rows in one piece, and cuts what a full disk left half written, so only the
    last can be incomplete, and only if the run was killed). A cut row is left out.
    """
    ranges: dict[str, list[tuple[int, int]]] = {}
    cut_source: str | None = None
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
        records = csv.reader(lines())
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except csv.Error:  # a quoted field the crash left open
                cut[0] = True
                break
            end = position[0]
            if record and cut[0]:
                # the cut may fall inside the source's own name ("…/00010.t"): a prefix of the
                # source whose rows it continues, which is then as incomplete
                last = next(reversed(ranges), None)
                cut_source = last if last is not None and last.startswith(record[0]) else record[0]
            elif record:
                spans = ranges.setdefault(record[0], [])
                if spans and spans[-1][1] == start:
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
            start = end
    return ranges, cut_source


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
        self.done = {}
        self.lock = _Lock(path)
        try:
            if resume and self.lock.regular and self.lock.size() > 0:
                self.old = pq.read_table(path)
                if self.old.schema.names != list(FRAME_FIELDS):
                    raise BatchError(
                        f"{path} does not have the columns of the tidy Parquet this command "
                        "writes; cannot resume from it"
                    )
                self.old = self.old.cast(self.schema)
                self.spans = _runs(self.old.column("source").to_pylist())
                self.done = _done(self.spans)
            self.writer = pq.ParquetWriter(self.target, self.schema)
        except OSError as exc:
            self.lock.release(failed=True)
            raise BatchError(f"cannot write {path}: {exc.strerror or exc}") from None
        except BaseException:
            self.lock.release(failed=True)
            raise
        self.batches: list[Any] = []
        self.rows = 0
        self.kept: set[str] = set()

    def _flush(self) -> None:
        if self.batches:
            table = self.pa.Table.from_batches(self.batches, schema=self.schema)
            self.writer.write_table(table.combine_chunks())
            self.batches, self.rows = [], 0

    def write(self, path: str, payload: Any) -> None:
        self.kept.add(key(path))
        batch = _arrow_batch(payload)
        self.batches.append(batch)
        self.rows += batch.num_rows
        if self.rows >= _PARQUET_ROWS:
            _guard(self.path, self._flush)

    def keep(self, source: str) -> None:
        self.kept.add(key(source))
        _guard(self.path, lambda: self._copy(source))

    def _copy(self, source: str) -> None:
        self._flush()
        for start, end in self.spans[source]:
            self.writer.write_table(self.old.slice(start, end - start))

    def _finish(self) -> None:
        for source in self.spans:
            if key(source) not in self.kept:
                self._copy(source)
        self._flush()
        self.writer.close()
        os.replace(self.target, self.path)

    def close(self) -> None:
        _guard(self.path, self._finish)
        self.lock.release()

    def abort(self) -> None:
        try:
            # a valid file of what was done (and what OUT held), which --resume goes on from
            self._finish()
        except Exception:  # pyarrow raises its own errors for a full disk
            with contextlib.suppress(Exception):
                self.writer.close()
            with contextlib.suppress(OSError):
                os.remove(self.target)
            self.lock.release(failed=True)
        else:
            self.lock.release()


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
    if kind == "jsonl":
        return _JsonlWriter(output, resume, stdout)
    if kind == "csv":
        return _CsvWriter(output, resume)
    return _ParquetWriter(output, resume)


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
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
    stderr: TextIO | None = None,
    stdout: TextIO | None = None,
) -> Summary:
    """Parse and validate every file *inputs* name into *output*; what was done.

    *jobs* worker processes (default: every core); *timeout* seconds and *max_memory* bytes
    for each file (None: no bound). *progress* draws a bar on *stderr* (default: when it is
    a terminal); notes on inputs that match nothing go there too. Raises
    :class:`BatchError` when OUT cannot be written or resumed from, is locked by another
    run, or when no input names a file.

    >>> import os, tempfile
    >>> out = os.path.join(tempfile.mkdtemp(), "reports.jsonl")
    >>> summary = run(["examples/reports", "pyproject.toml"], out, jobs=1)
    >>> print(summary.files, summary.parsed, summary.with_findings, summary.failed)
    7 6 1 1
    >>> summary.failures
    (('pyproject.toml', 'unsupported_format', "cannot read 'pyproject.toml': no reader for ..."),)
    >>> run(["./examples/reports"], out, jobs=1, resume=True).skipped  # the same files
    6
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
    if output != "-" and key(output) in {key(p) for p in paths}:
        raise BatchError(f"{output} is among the inputs")
    writer = _writer(output, resume, out)
    keys = [key(p) for p in paths]
    todo = [p for p, k in zip(paths, keys, strict=True) if k not in writer.done]
    if progress is None:
        progress = bool(getattr(err, "isatty", None) and err.isatty())
    bar = Progress(len(todo), err, progress)
    counts = [0, 0, 0]
    failures: list[tuple[str, str, str]] = []
    produced = results(todo, kind, jobs or default_jobs(), timeout, max_memory)
    try:
        for path, known in zip(paths, keys, strict=True):
            if known in writer.done:
                writer.keep(writer.done[known])
                continue
            status, payload = next(produced)
            writer.write(path, payload)
            counts[status] += 1
            if status == FAILED:
                failures.append(_failure(path, kind, payload))
            bar.update()
        produced.close()
        writer.close()
    except BaseException as exc:
        bar.close()
        produced.close()
        writer.abort()
        if isinstance(exc, OutputError):
            written = sum(counts)
            raise OutputError(
                f"{exc}; the {written} file(s) written before are kept: make room and run "
                "again with --resume to go on"
            ) from None
        raise
    bar.close()
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
        return printable(path), error["code"], error["message"]
    if kind == "csv":
        (row,) = csv.reader(io.StringIO(payload))
        return printable(path), row[-2], row[-1]
    batch = _arrow_batch(payload)
    code = batch.column("error_code")[0].as_py()
    return printable(path), code, batch.column("error_message")[0].as_py()


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


def _seconds(value: str) -> float | None:
    seconds = float(value)
    if seconds < 0 or seconds != seconds:
        raise ValueError(value)
    return seconds or None


def _megabytes(value: str) -> int | None:
    size = float(value)
    if size < 0 or size != size:
        raise ValueError(value)
    return int(size * 1024**2) or None


def add_command(commands: Any) -> None:
    """Add ``batch`` to the subcommands *commands* (an argparse subparsers action)."""
    batch = commands.add_parser(
        "batch",
        help="parse and validate many reports on all cores into one JSONL, CSV or Parquet file",
        description=(
            "Parse and validate every report INPUTS name (files, directories, glob patterns) "
            "on all cores and write one output, whose suffix chooses the format: .jsonl (a "
            "report per line, with findings and diagnostics), .csv or .parquet (the tidy long "
            "form: a row per report x table x row x column). Every file is in the output: one "
            "that cannot be read (not a report, a scan, too slow, too large) is recorded with "
            "its error and does not stop the run. A summary goes to standard error. Exit "
            "status: 0 when the run completed, 1 with --strict when a file failed, 2 when the "
            "run could not start or was stopped (interrupted, output not writable)."
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
        help=f"worker processes (default: all {default_jobs()} cores)",
    )
    batch.add_argument(
        "--resume",
        action="store_true",
        help="skip the inputs OUT already holds (whatever became of them) and add the others",
    )
    batch.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop a file that takes longer (default: {DEFAULT_TIMEOUT:g}; 0: no limit)",
    )
    batch.add_argument(
        "--max-memory",
        type=_megabytes,
        default=DEFAULT_MAX_MEMORY,
        metavar="MB",
        help=(
            "stop a file whose worker grows by more than MB megabytes "
            f"(default: {DEFAULT_MAX_MEMORY // 1024**2}; 0: no limit)"
        ),
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


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM stops the run as Ctrl-C does (OUT left resumable), where the default would
    end the process on the spot."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def command(args: Any, stderr: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run ``batch`` with the parsed *args*; the exit status."""
    err = stderr if stderr is not None else sys.stderr
    try:
        with _sigterm_interrupts():
            summary = run(
                args.inputs,
                args.output,
                jobs=args.jobs,
                resume=args.resume,
                progress=args.progress,
                timeout=args.timeout,
                max_memory=args.max_memory,
                stderr=err,
                stdout=stdout,
            )
    except (BatchError, MissingDependencyError) as exc:
        err.write(f"disclosure-parser batch: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        err.write("disclosure-parser batch: interrupted; run again with --resume to go on\n")
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
