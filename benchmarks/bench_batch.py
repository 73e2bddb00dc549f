"""Throughput of ``disclosure-parser batch`` by number of processes: files/second, speed-up.

    python benchmarks/bench_batch.py [--reports N] [--repeat R] [--jobs 1 2 ...] [--format F]

Writes N generated reports (default 2,000, from the seeds, as the tests do) into a temporary
folder, then runs the command as a user would (a fresh ``python -m disclosure_parser batch``
process, imports and pool start-up included) R times for each --jobs value, alternating. Each
run is printed with the CPU time other processes took meanwhile (from /proc/stat, less this
run's own): a run during which something else kept a core busy understates the speed-up. Of
the runs with little such interference (under 5 % of the run's wall time) the fastest of each
--jobs value is kept (of all runs when none qualifies, with a warning). Prints files/s and the
speed-up over the first --jobs value, and checks that every run wrote the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from generated import write_reports  # noqa: E402 - tests/ holds the generator


def _busy_seconds() -> float | None:
    """CPU seconds spent by the whole machine since boot (None where /proc/stat is missing)."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = handle.readline().split()[1:]
    except OSError:
        return None
    # user nice system idle iowait irq softirq steal: all but idle and iowait are work
    ticks = sum(int(v) for i, v in enumerate(fields[:8]) if i not in (3, 4))
    return ticks / os.sysconf("SC_CLK_TCK")


def _children_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(folder: Path, out: Path, jobs: int) -> tuple[float, float | None]:
    """Wall seconds of one run, and the CPU seconds other processes used meanwhile."""
    command = [sys.executable, "-m", "disclosure_parser", "batch", str(folder), "-o", str(out)]
    command += ["--jobs", str(jobs), "--no-progress"]
    busy, own = _busy_seconds(), _children_seconds()
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = _busy_seconds()
    if busy is None or after is None:
        return wall, None
    return wall, max(0.0, (after - busy) - (_children_seconds() - own))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        write_reports(folder, args.reports)
        print(f"{args.reports} generated reports, output .{args.format}, {os.cpu_count()} CPUs")
        runs: dict[int, list[tuple[float, float | None]]] = {jobs: [] for jobs in args.jobs}
        digests: set[str] = set()
        for _ in range(args.repeat):
            for jobs in args.jobs:
                out = Path(tmp) / f"out-{jobs}.{args.format}"
                wall, other = _run(folder, out, jobs)
                runs[jobs].append((wall, other))
                digests.add(hashlib.sha256(out.read_bytes()).hexdigest())
                noise = "?" if other is None else f"{other:.1f}"
                print(f"  jobs {jobs}: {wall:6.2f} s  (other processes: {noise} CPU s)")
        best: dict[int, float] = {}
        for jobs, done in runs.items():
            clean = [w for w, other in done if other is not None and other < 0.05 * w]
            if not clean:
                print(f"warning: every jobs={jobs} run shared the machine; figures understated")
            best[jobs] = min(clean or [w for w, _ in done])
        base = best[args.jobs[0]]
        print(f"{'jobs':>4}  {'best s':>7}  {'files/s':>8}  speed-up")
        for jobs in args.jobs:
            rate = args.reports / best[jobs]
            print(f"{jobs:>4}  {best[jobs]:>7.2f}  {rate:>8.1f}  {base / best[jobs]:.2f}x")
        print("outputs identical across runs:", "yes" if len(digests) == 1 else "NO")
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
