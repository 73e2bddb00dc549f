"""parse() of this checkout against a previous release, side by side in one run.

    python benchmarks/bench_release.py [--against REV] [--generated N] [--rounds R]

The previous release's ``src/`` and ``grammar/`` are taken from git (``git archive REV``) into
a temporary folder. Both versions then parse the same files (the seeds, the text files of the
dev corpus when ``../shared/corpus/dev`` exists, and N generated reports), each in an
interpreter of its own that stays up for the whole run. They take turns file by file (this,
previous; then previous, this on the next round), so that a machine busy for a moment slows
both alike. A file's time is its best over all rounds; the ratio is of the medians.

Also prints, in fresh processes, the time to ``import disclosure_parser`` and to import and
parse a first report: with the parser cache warm (the usual case) and with it switched off
(the first run on a machine).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEEDS = REPO / "examples" / "reports"
CORPUS = REPO.parent / "shared" / "corpus" / "dev"
#: the last release before the parser ran on lark at run time (issue 14): its own LALR driver
PREVIOUS = "0a0c8ff"

#: reads "path<TAB>repeat" lines on stdin and answers each with the best of *repeat* timings of
#: parse() on that file, in milliseconds (a file is parsed once untimed when first named)
_WORKER = r"""
import sys, time
import disclosure_parser as dp
texts = {}
for line in sys.stdin:
    path, repeat = line.rstrip("\n").split("\t")
    text = texts.get(path)
    if text is None:
        text = texts[path] = open(path, encoding="utf-8").read()
        dp.parse(text)
    best = float("inf")
    for _ in range(int(repeat)):
        t0 = time.perf_counter()
        dp.parse(text)
        best = min(best, time.perf_counter() - t0)
    print(best * 1e3, flush=True)
"""


def _source_of(rev: str, into: Path) -> Path:
    """The ``src`` folder of *rev*, with the grammar beside it as in a checkout."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", rev, "src", "grammar"],
        capture_output=True,
        check=True,
    ).stdout
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


class _Worker:
    """An interpreter that times parse() with the package in *src* on the files it is given."""

    def __init__(self, src: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WORKER],
            env={**os.environ, "PYTHONPATH": str(src)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def time(self, path: Path, repeat: int) -> float:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(f"{path}\t{repeat}\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError(f"the worker timing {path} stopped")
        return float(answer)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def _generate(count: int, folder: Path) -> list[Path]:
    """*count* reports rendered from the seeds in every layout (with this checkout's code)."""
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[3]);"
        "from bench_parse import _generate; _generate(int(sys.argv[1]), Path(sys.argv[2]))"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(count), str(folder), str(HERE)],
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        check=True,
    )
    return sorted(folder.glob("gen_*.txt"))


def _fresh(src: Path, code: str, env: dict[str, str], runs: int = 5) -> float:
    """The best of *runs* timings that *code* prints, each in a new interpreter."""
    best = float("inf")
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONPATH": str(src), **env},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        best = min(best, float(out))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--against", default=PREVIOUS, help="git revision of the previous release")
    ap.add_argument("--generated", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        try:
            previous = _source_of(args.against, work / "previous")
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"cannot read {args.against} from git ({exc}): no side-by-side run")
            return 0
        current = REPO / "src"
        paths = sorted(SEEDS.glob("*.txt"))
        if CORPUS.exists():
            # the corpus's own README is no report (a ParseError, not_a_report, since 0.x)
            paths += sorted(
                p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md"
            )
        (work / "gen").mkdir()
        paths += _generate(args.generated, work / "gen")

        workers = {"this": _Worker(current), "previous": _Worker(previous)}
        best = {name: [float("inf")] * len(paths) for name in workers}
        try:
            for round_ in range(args.rounds):
                turns = ("this", "previous") if round_ % 2 == 0 else ("previous", "this")
                for i, path in enumerate(paths):
                    for name in turns:
                        best[name][i] = min(best[name][i], workers[name].time(path, args.repeat))
        finally:
            for worker in workers.values():
                worker.close()
        med = {name: statistics.median(times) for name, times in best.items()}
        print(
            f"parse() over {len(paths)} reports, best of {args.rounds} rounds x {args.repeat}, "
            "the two versions taking turns file by file:"
        )
        print(f"  previous ({args.against}): median {med['previous']:.3f} ms")
        print(f"  this checkout:             median {med['this']:.3f} ms")
        print(f"  ratio this / previous:     {med['this'] / med['previous']:.3f}x")

        sample = SEEDS / "003.txt"
        imp = "import time; t = time.perf_counter(); import disclosure_parser; "
        imp += "print(time.perf_counter() - t)"
        first = "import time; t = time.perf_counter(); import disclosure_parser as dp; "
        first += f"dp.parse_file(r'{sample}'); print(time.perf_counter() - t)"
        cache = {"DISCLOSURE_PARSER_CACHE": str(work / "cache")}
        _fresh(current, first, cache, runs=1)  # fills the cache
        print("fresh process, best of 5:")
        print(f"  import:                              {_fresh(current, imp, cache) * 1e3:.0f} ms")
        print(
            f"  import + first parse, cache warm:    {_fresh(current, first, cache) * 1e3:.0f} ms"
        )
        no_cache = {"DISCLOSURE_PARSER_CACHE": ""}
        print(
            "  import + first parse, no cache:      "
            f"{_fresh(current, first, no_cache) * 1e3:.0f} ms"
        )
        print(f"  previous, import + first parse:      {_fresh(previous, first, {}) * 1e3:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
