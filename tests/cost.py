"""Deterministic measures of work, for tests of how cost grows with the input.

Wall-clock and CPU times flake on a busy shared machine, so the suite never asserts on them
(speed is measured in ``benchmarks/``). It counts instead: function calls, and memory
allocated, which are the same for the same code and input however loaded the machine is.

A quadratic step written in Python (a loop in a loop whose passes call anything, even
``len``) multiplies the calls by about 100 when the input grows ten-fold, where linear work
multiplies them by about 10. Work inside one C call (a regular expression that backtracks, a
list sliced in a loop) counts as one call whatever it costs: such regressions are kept as
functional tests on a large input under a hang timeout (``pytest.mark.timeout``) instead.
"""

from __future__ import annotations

import contextlib
import cProfile
import pstats
import tracemalloc
from collections.abc import Callable
from typing import TypeVar

import disclosure_parser as dp

T = TypeVar("T")

#: the most a ten-fold input may multiply the calls by: linear work gives about 10 (less when
#: fixed costs weigh), a quadratic Python step about 100
LINEAR_LIMIT = 20
#: a linear bound on the calls of one parse() with the fuzz oracle's checks, some ten times
#: what they make: 3 to 10 calls a character, and 10,000 to 80,000 for a report (more for a
#: damaged one, whose rows the realigning search weighs)
CALLS_PER_CHAR = 100
FIXED_CALLS = 500_000


def calls(work: Callable[[], object]) -> int:
    """The function calls, Python and built-in (C), that *work()* makes.

    A ParseError *work* raises is its outcome and is swallowed; any other exception
    propagates. The first call of a kind may pay for caches (compiled regular expressions,
    lazy imports): run *work* once before counting where that matters.
    """
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        with contextlib.suppress(dp.ParseError):
            work()
    finally:
        profiler.disable()
    return int(pstats.Stats(profiler).total_calls)


def growth(work: Callable[[T], object], small: T, large: T) -> float:
    """How many times more calls *work(large)* makes than *work(small)*, after a warm-up."""
    with contextlib.suppress(dp.ParseError):
        work(small)
    return calls(lambda: work(large)) / calls(lambda: work(small))


def budget(size: int) -> int:
    """The calls an input of *size* characters may cost: a generous linear bound."""
    return FIXED_CALLS + CALLS_PER_CHAR * size


def peak_memory(work: Callable[[], object]) -> int:
    """The most memory, in bytes, that Python objects allocated by *work()* held at once.

    A ParseError *work* raises is its outcome and is swallowed. Allocations of C libraries
    (lxml, say) are not traced; Python strings, bytes and lists are.
    """
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base, _ = tracemalloc.get_traced_memory()
    try:
        with contextlib.suppress(dp.ParseError):
            work()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        if not tracing:
            tracemalloc.stop()
    return peak - base
