"""How fast parse() is, against the floor any Python parser pays.

    python benchmarks/bench_parse.py [--generated N] [--repeat R] [FILES...]

Times, in one process, ``parse()`` over the seed reports, the text reports of the dev corpus
(when ``../shared/corpus/dev`` exists) and N generated reports (``dp.render`` of seeded
variations of the seeds, in every layout), and a *baseline* that only reads each file and runs
one regular-expression scan for numbers over it. Prints reports/second, the median
milliseconds per report, the ratio of the medians, validation time as a share of parse time
on each seed (the target is under a tenth; the test suite asserts no timing, so this is where
that is checked), peak memory, the linear-cost check (a report padded to ten times its size
with narrative) and, in fresh processes, the import time and the time to the first parse.
"""

from __future__ import annotations

import argparse
import compileall
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import disclosure_parser as dp

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEEDS = REPO / "examples" / "reports"
CORPUS = REPO.parent / "shared" / "corpus" / "dev"
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")


def _vary(report: dp.Report, rng: random.Random) -> dp.Report:
    """The seed with its counts changed, so that every generated report differs."""

    def cell(c: dp.Cell) -> dp.Cell:
        if c.state != "number" or not isinstance(c.value, int) or c.derived:
            return c
        value = max(0, c.value + rng.randint(0, 30))
        return attrs.evolve(c, value=value, raw=str(value))

    apps = report.applications
    rows = tuple(attrs.evolve(r, cells=tuple(map(cell, r.cells))) for r in apps)
    return attrs.evolve(report, applications=attrs.evolve(apps, rows=rows))


def _generate(count: int, folder: Path) -> list[Path]:
    seeds = [dp.parse_file(p) for p in sorted(SEEDS.glob("*.txt"))]
    layouts = [layout for layout in dp.LAYOUTS if layout != "flattened"]
    rng = random.Random(7)
    paths = []
    for i in range(count):
        report = _vary(seeds[i % len(seeds)], rng)
        path = folder / f"gen_{i:05d}.txt"
        path.write_text(dp.render(report, layouts[i % len(layouts)], seed=i), encoding="utf-8")
        paths.append(path)
    return paths


def _time(paths: list[Path], work: Callable[[str], object], repeat: int) -> list[float]:
    """Per file: the best of *repeat* runs of read + *work* (seconds)."""
    out = []
    for path in paths:
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            work(path.read_text(encoding="utf-8"))
            best = min(best, time.perf_counter() - t0)
        out.append(best)
    return out


def _fresh(code: str, runs: int = 5) -> float:
    """The best of *runs* timings that *code* prints, each in a new interpreter."""
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        times.append(float(out))
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--generated", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        groups: dict[str, list[Path]] = {}
        if args.files:
            groups["given"] = args.files
        else:
            groups["seeds"] = sorted(SEEDS.glob("*.txt"))
            if CORPUS.exists():
                groups["corpus"] = sorted(
                    p
                    for p in CORPUS.iterdir()
                    if p.suffix in (".txt", ".md") and p.name != "README.md"
                )
            if args.generated:
                groups["generated"] = _generate(args.generated, Path(tmp))
        dp.parse(groups[next(iter(groups))][0].read_text(encoding="utf-8"))  # warm up

        print(f"{'set':<11}{'files':>6}{'parse ms':>10}{'base ms':>9}{'ratio':>7}{'rep/s':>8}")
        all_parse: list[float] = []
        all_base: list[float] = []
        for name, paths in groups.items():
            parse_t = _time(paths, dp.parse, args.repeat)
            base_t = _time(paths, _NUMBERS.findall, args.repeat)
            all_parse += parse_t
            all_base += base_t
            med_p, med_b = statistics.median(parse_t), statistics.median(base_t)
            print(
                f"{name:<11}{len(paths):>6}{med_p * 1e3:>10.3f}{med_b * 1e3:>9.3f}"
                f"{med_p / med_b:>7.1f}{len(paths) / sum(parse_t):>8.0f}"
            )
        med_p, med_b = statistics.median(all_parse), statistics.median(all_base)
        print(
            f"\nall {len(all_parse)} reports: median parse {med_p * 1e3:.3f} ms, "
            f"baseline {med_b * 1e3:.3f} ms, ratio {med_p / med_b:.1f}x, "
            f"{len(all_parse) / sum(all_parse):.0f} reports/s on one core"
        )

        print(_stages([p.read_text(encoding="utf-8") for ps in groups.values() for p in ps]))

        seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
        print(_validation_share(sorted(SEEDS.glob("*.txt"))))

        # linear cost: a seed padded to ten times its size with narrative
        text = seeds[3]
        filler = "本年度，我单位认真贯彻落实政府信息公开工作要求，依法做好各项工作。\n"
        padded = text.replace("五、", filler * ((9 * len(text)) // len(filler)) + "五、", 1)
        one = min(_timed(lambda: dp.parse(text)) for _ in range(5))
        ten = min(_timed(lambda: dp.parse(padded)) for _ in range(5))
        print(
            f"linear cost: {len(padded) / len(text):.1f}x the text takes {ten / one:.1f}x the time"
        )

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MiB (resident, whole process)")

    # an installed wheel is byte-compiled by pip; an editable checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would recompile every module in every process instead
    compileall.compile_dir(Path(dp.__file__).parent, quiet=1)
    sample = SEEDS / "003.txt"
    imp = _fresh(
        "import time; t = time.perf_counter(); import disclosure_parser; "
        "print(time.perf_counter() - t)"
    )
    first = _fresh(
        "import time; t = time.perf_counter(); import disclosure_parser as dp; "
        f"dp.parse_file(r'{sample}'); print(time.perf_counter() - t)"
    )
    print(
        f"fresh process (best of 5): import {imp * 1e3:.0f} ms, "
        f"import + first parse {first * 1e3:.0f} ms"
    )
    return 0


def _stages(texts: list[str]) -> str:
    """Where parse() spends its time: each stage's share of the summed best-of-3 times."""
    from disclosure_parser.parsing.assemble import assemble
    from disclosure_parser.parsing.grammar import UnexpectedToken, parser
    from disclosure_parser.parsing.lexer import _Lexer
    from disclosure_parser.parsing.rows import read_rows
    from disclosure_parser.parsing.tables import Notes

    names = ("rows (layout)", "classifier", "grammar", "tables and report")
    totals = [0.0] * len(names)
    for text in texts:
        best = [float("inf")] * len(names)
        for _ in range(3):
            t0 = time.perf_counter()
            rows = read_rows(text)
            t1 = time.perf_counter()
            tokens = _Lexer().run(rows)
            t2 = time.perf_counter()
            try:
                drafts = parser().parse(tokens)
            except UnexpectedToken:  # not a report's structure: no later stage to time
                break
            t3 = time.perf_counter()
            assemble(drafts, text, Notes())
            t4 = time.perf_counter()
            best = [
                min(b, d) for b, d in zip(best, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True)
            ]
        if best[-1] != float("inf"):
            totals = [t + b for t, b in zip(totals, best, strict=True)]
    whole = sum(totals) or 1.0
    shares = ", ".join(f"{name} {t / whole:.0%}" for name, t in zip(names, totals, strict=True))
    return f"where the time goes: {shares}"


#: validate() should cost less than this share of parse() on every seed
VALIDATION_TARGET = 0.10


def _validation_share(paths: list[Path]) -> str:
    """validate() time as a share of parse() time on each file: the best of 5 rounds, each
    the mean of 5 parses and of 50 validations (validation is quick: a round of one would
    be mostly the clock's resolution)."""
    lines = [f"validation share of parse time (best of 5; target under {VALIDATION_TARGET:.0%}):"]
    worst = 0.0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        report = dp.parse(text)
        parse_t = _best(lambda text=text: dp.parse(text), 5)
        validate_t = _best(lambda report=report: dp.validate(report), 50)
        share = validate_t / parse_t
        worst = max(worst, share)
        over = "  OVER TARGET" if share >= VALIDATION_TARGET else ""
        lines.append(
            f"  {path.name:<26} parse {parse_t * 1e3:7.3f} ms  validate {validate_t * 1e3:6.3f} ms"
            f"  {share:6.1%}{over}"
        )
    lines.append(f"validation: at most {worst:.1%} of parse time on a seed")
    return "\n".join(lines)


def _best(work: Callable[[], object], number: int) -> float:
    """The best of 5 rounds of the mean time of *number* calls of *work* (seconds)."""
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(number):
            work()
        best = min(best, (time.perf_counter() - t0) / number)
    return best


def _timed(work: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    work()
    return time.perf_counter() - t0


if __name__ == "__main__":
    raise SystemExit(main())
