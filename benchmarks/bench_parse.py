"""Time parse() on the bundled reports: median milliseconds per report and reports/second.

    python benchmarks/bench_parse.py [--repeat N] [FILES...]

Without FILES it times the five seed reports in examples/reports/. Each file is parsed
--repeat times in one process (after one warm-up parse that builds the grammar) and the median
of those runs is reported per file.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import disclosure_parser as dp

HERE = Path(__file__).resolve().parent


def _cold_start() -> tuple[float, float]:
    """Seconds to import the package, and to import and parse one report, in a fresh process."""
    sample = HERE.parent / "examples" / "reports" / "003.txt"
    code = (
        "import time; t0 = time.perf_counter(); import disclosure_parser as dp; "
        f"t1 = time.perf_counter(); dp.parse_file(r'{sample}'); t2 = time.perf_counter(); "
        "print(t1 - t0, t2 - t0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imp, first = (float(x) for x in out.stdout.split())
    return imp, first


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    files = args.files or sorted((HERE.parent / "examples" / "reports").glob("*.txt"))
    texts = [(f, f.read_text(encoding="utf-8")) for f in files]
    dp.parse(texts[0][1])  # build the grammar outside the timing
    medians = []
    print(f"{'file':<28}{'KiB':>6}{'median ms':>12}{'min ms':>9}")
    for path, text in texts:
        runs = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            dp.parse(text)
            runs.append(time.perf_counter() - t0)
        med = statistics.median(runs)
        medians.append(med)
        kib = len(text.encode()) / 1024
        print(f"{path.name:<28}{kib:>6.1f}{med * 1000:>12.2f}{min(runs) * 1000:>9.2f}")
    overall = statistics.median(medians)
    print(f"\nmedian parse: {overall * 1000:.2f} ms/report, {1 / overall:.0f} reports/s (one core)")
    imp, first = _cold_start()
    print(f"fresh process: import {imp * 1000:.0f} ms, import + first parse {first * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
