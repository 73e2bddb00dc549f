"""Worker processes that read one file each, within a time and a memory bound.

:func:`imap` runs a task over many files in worker processes and gives the results back in
input order. It is built for files nobody has looked at, where
:class:`concurrent.futures.ProcessPoolExecutor` falls short:

* a file that makes its worker hang (a PDF whose objects refer to each other, a named pipe)
  is stopped after *timeout* seconds: its worker is killed, the file's result is a
  :class:`Failure` with code ``timeout``, a new worker takes the next file;
* a worker that grows by more than *max_memory* bytes (resident memory, checked five times a
  second, with a limit on the address space as a backstop) is killed the same way (code
  ``memory``), and a worker that dies for another reason gives ``worker_died``: the run goes
  on, where a process pool would be broken for good;
* workers die with their parent: if the main process is killed (even with SIGKILL) no
  worker is left behind, blocked forever (a thread of each worker waits for the end of a
  pipe only the parent holds open), and they ignore SIGINT (Ctrl-C stops the parent, which
  stops them).

Each worker reads one file at a time, so a failure is always the file's own. The task's
result must pickle; a task that raises gives a :class:`Failure` too.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, Final, Generic, TypeVar

import attrs

__all__ = ["DEFAULT_MAX_MEMORY", "DEFAULT_TIMEOUT", "Failure", "default_jobs", "imap"]

#: seconds a worker may spend on one file (a report takes milliseconds, a long PDF seconds)
DEFAULT_TIMEOUT: Final = 120.0
#: bytes a worker may hold while reading one file
DEFAULT_MAX_MEMORY: Final = 2 * 1024**3

#: how often the workers' memory is looked at, in seconds
_POLL: Final = 0.2
#: results a pool may run ahead of the one the caller waits for, per worker
_AHEAD: Final = 64

T = TypeVar("T")
R = TypeVar("R")


@attrs.frozen
class Failure:
    """Why a file has no result: ``timeout``, ``memory``, ``worker_died`` or ``internal``."""

    code: str
    message: str


#: set in each worker: the cores that are its share (see :func:`_worker`)
WORKER_CORES: Final = "DISCLOSURE_PARSER_WORKER_CORES"


def default_jobs() -> int:
    """The number of cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:,.0f} MB"


# ---------------------------------------------------------------------------------------------
# In the worker
# ---------------------------------------------------------------------------------------------


def _die_with_parent(parent: int, life: tuple[int, int] | None) -> None:
    """End this process when *parent* ends, whatever this process's main thread is doing.

    *life* is a pipe the parent made before forking: the parent holds its writing end, so
    the reading end sees the end of the pipe as soon as the parent is gone, even killed with
    SIGKILL (this process closes its own copy of the writing end first). Without it (workers
    started by spawn) the parent's pid is watched instead.
    """
    if life is not None:
        readable, writable = life
        os.close(writable)

        def wait_for_end() -> None:
            with contextlib.suppress(OSError):
                while os.read(readable, 1):
                    pass
            os._exit(1)

        threading.Thread(target=wait_for_end, name="parent-watch", daemon=True).start()
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _resident(pid: int) -> int | None:
    """The resident memory of process *pid* in bytes (Linux), or None."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


#: address space a worker may reserve beyond twice its memory limit: allocators reserve far
#: more than they use (pyarrow's adds a gigabyte on first use)
_RESERVED: Final = 2 * 1024**3


def _limit_address_space(max_memory: int) -> None:
    """Make an allocation beyond the worker's size now, twice *max_memory* and
    :data:`_RESERVED` fail.

    The address space counts memory that is reserved but never used (thread stacks, the
    arenas of pyarrow's allocator), so this limit is a backstop against an allocation too
    fast for the parent's check of the resident memory, which is the rule. An allocation
    refused here raises MemoryError, which the task's own error handling or :func:`_worker`
    turns into a ``memory`` failure.
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return
    try:
        with open("/proc/self/statm", "rb") as handle:
            size = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = size + 2 * max_memory + _RESERVED
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (OSError, ValueError):
        return  # no /proc, or the system refuses: the parent's check remains


def _worker(
    conn: Connection,
    task: Callable[[Any], Any],
    parent: int,
    life: tuple[int, int] | None,
    max_memory: int | None,
    cores: int = 1,
) -> None:
    """Read (index, item) pairs from *conn*, send back (index, task(item)), until told to end.

    *cores* is this worker's share of the machine: a task that can use several (OCR reads a
    scan's pages in parallel) uses that many, so that the workers together use every core and
    no more."""
    os.environ[WORKER_CORES] = str(cores)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which ends us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited
    _die_with_parent(parent, life)
    if max_memory is not None:
        _limit_address_space(max_memory)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if message is None:
            return
        index, item = message
        result: Any
        try:
            result = task(item)
        except MemoryError:
            result = Failure("memory", _memory_message(max_memory))
        except Exception as exc:  # a bug in the task: this file's failure, not the run's
            result = Failure("internal", f"{type(exc).__name__}: {exc}")
        try:
            conn.send((index, result))
        except MemoryError:
            conn.send((index, Failure("memory", _memory_message(max_memory))))
        except (EOFError, OSError):
            return
        except Exception as exc:  # a result that does not pickle
            conn.send((index, Failure("internal", f"{type(exc).__name__}: {exc}")))


def _memory_message(max_memory: int | None) -> str:
    limit = "the memory available" if max_memory is None else _megabytes(max_memory)
    return (
        f"reading the file needed more than {limit} (the per-file memory limit); it was "
        "stopped (raise the limit with max_memory= or --max-memory)"
    )


# ---------------------------------------------------------------------------------------------
# In the parent
# ---------------------------------------------------------------------------------------------


def _context() -> Any:
    """Fork where it exists (workers inherit the parser already built), else the default."""
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


@attrs.define
class _Slot:
    """One worker process, and the file it is reading (if any)."""

    process: Any
    conn: Connection
    #: the resident size at which the worker is stopped, if known
    limit: int | None = None
    index: int | None = None
    deadline: float | None = None


class _Pool(Generic[R]):
    def __init__(
        self,
        task: Callable[[Any], R],
        jobs: int,
        timeout: float | None,
        max_memory: int | None,
    ) -> None:
        self.task, self.jobs = task, jobs
        self.cores = 1
        self.timeout, self.max_memory = timeout, max_memory
        self.context = _context()
        self.slots: list[_Slot] = []
        #: the pipe whose end tells forked workers that this process is gone
        self.life = os.pipe() if self.context.get_start_method() == "fork" else None

    def start(self) -> _Slot:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(
            target=_worker,
            args=(theirs, self.task, os.getpid(), self.life, self.max_memory, self.cores),
            name="disclosure-parser-worker",
            daemon=True,
        )
        # a forked worker starts as large as its parent (a notebook may hold gigabytes of
        # data): the limit is on what it adds
        start = _resident(os.getpid())
        process.start()
        theirs.close()
        limit = None if self.max_memory is None or start is None else start + self.max_memory
        slot = _Slot(process, ours, limit)
        self.slots.append(slot)
        return slot

    def stop(self, slot: _Slot) -> None:
        """Kill *slot*'s worker (it is stuck or dead) and forget it."""
        with contextlib.suppress(OSError, ValueError):
            slot.process.kill()
        slot.process.join()
        slot.conn.close()
        self.slots.remove(slot)

    def close(self) -> None:
        """End every worker: idle ones are told to, busy ones are killed."""
        for slot in self.slots:
            if slot.index is None:
                with contextlib.suppress(OSError, ValueError):
                    slot.conn.send(None)
            else:
                with contextlib.suppress(OSError, ValueError):
                    slot.process.kill()
        for slot in self.slots:
            slot.process.join(5)
            if slot.process.is_alive():
                with contextlib.suppress(OSError, ValueError):
                    slot.process.kill()
                slot.process.join()
            slot.conn.close()
        self.slots = []
        if self.life is not None:
            for end in self.life:
                with contextlib.suppress(OSError):
                    os.close(end)
            self.life = None

    def died(self, slot: _Slot) -> Failure:
        code = slot.process.exitcode
        if code is not None and code < 0:
            try:
                how = f"was killed by {signal.Signals(-code).name}"
            except ValueError:
                how = f"was killed by signal {-code}"
        else:
            how = f"exited with status {code}"
        hint = " (out of memory?)" if code in (-signal.SIGKILL, -signal.SIGSEGV) else ""
        return Failure(
            "worker_died",
            f"the process reading the file {how}{hint}; the other files were read",
        )

    def over_memory(self, slot: _Slot) -> bool:
        if slot.limit is None:
            return False
        resident = _resident(slot.process.pid)
        return resident is not None and resident > slot.limit

    def run(self, items: Sequence[Any]) -> Iterator[R | Failure]:
        count = len(items)
        done: dict[int, R | Failure] = {}
        sent = 0
        wanted = 0
        ahead = _AHEAD * self.jobs

        def dispatch(slot: _Slot) -> None:
            nonlocal sent
            if sent < count and sent < wanted + ahead:
                slot.index = sent
                slot.deadline = None if self.timeout is None else time.monotonic() + self.timeout
                # a worker that died already is noticed by its sentinel below
                with contextlib.suppress(OSError, ValueError):
                    slot.conn.send((sent, items[sent]))
                sent += 1

        def replace(slot: _Slot, failure: Failure) -> None:
            assert slot.index is not None
            done[slot.index] = failure
            self.stop(slot)
            if sent < count:
                dispatch(self.start())

        # fewer files than workers (one long scan, say) leave cores to each worker's pages
        self.cores = max(1, default_jobs() // min(self.jobs, count))
        for _ in range(min(self.jobs, count)):
            dispatch(self.start())
        while wanted < count:
            if wanted in done:
                yield done.pop(wanted)
                wanted += 1
                for slot in list(self.slots):
                    if slot.index is None:
                        dispatch(slot)
                continue
            busy = [s for s in self.slots if s.index is not None]
            now = time.monotonic()
            deadlines = [s.deadline for s in busy if s.deadline is not None]
            pause = max(0.0, min(deadlines) - now) if deadlines else None
            if self.max_memory is not None:
                pause = _POLL if pause is None else min(pause, _POLL)
            ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy], pause))
            now = time.monotonic()
            for slot in busy:
                if slot.conn in ready:
                    try:
                        index, result = slot.conn.recv()
                    except (EOFError, OSError):
                        slot.process.join(1)
                        replace(slot, self.died(slot))
                        continue
                    done[index] = result
                    slot.index = slot.deadline = None
                    dispatch(slot)
                elif slot.process.sentinel in ready:
                    slot.process.join()
                    replace(slot, self.died(slot))
                elif slot.deadline is not None and now >= slot.deadline:
                    replace(
                        slot,
                        Failure(
                            "timeout",
                            f"reading the file took longer than {self.timeout:g} s (the "
                            "per-file time limit); it was stopped (raise the limit with "
                            "timeout= or --timeout)",
                        ),
                    )
                elif self.over_memory(slot):
                    replace(slot, Failure("memory", _memory_message(self.max_memory)))


def _in_process(task: Callable[[Any], R], items: Sequence[Any]) -> Iterator[R | Failure]:
    for item in items:
        try:
            yield task(item)
        except MemoryError:
            yield Failure("memory", _memory_message(None))
        except Exception as exc:
            yield Failure("internal", f"{type(exc).__name__}: {exc}")


def imap(
    task: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
) -> Generator[R | Failure, None, None]:
    """``task(item)`` for each of *items*, in order, each in a worker process; a
    :class:`Failure` for an item whose worker hung, used too much memory or died.

    *jobs* workers (default: every core) read one item at a time each; *timeout* seconds
    and *max_memory* bytes bound each item (None: no bound). Closing the iterator early (or
    an exception in the caller, such as KeyboardInterrupt) ends the workers.

    A process that may not have children (a daemonic worker of another pool) runs the
    task itself, without the bounds.

    >>> list(imap(abs, [-1, 2, -3], jobs=2))
    [1, 2, 3]
    """
    if not items:
        return
    if multiprocessing.current_process().daemon:
        yield from _in_process(task, items)
        return
    pool: _Pool[R] = _Pool(task, max(1, jobs or default_jobs()), timeout, max_memory)
    try:
        yield from pool.run(items)
    finally:
        pool.close()
