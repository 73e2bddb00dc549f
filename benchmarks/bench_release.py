"""parse() of this checkout against a previous release, side by side in one run.

    python benchmarks/bench_release.py [--against REV] [--generated N] [--rounds R]

The previous release's ``src/`` and ``grammar/`` are taken from git (``git archive REV``) into
a temporary folder. Both versions then parse the same files (the seeds, the text files of the
dev corpus when ``../shared/corpus/dev`` exists, and N generated reports), each in its own
interpreter, in alternating rounds (this, previous, this, previous …) so that a busy machine
slows both alike. A file's time is its best over all rounds; the ratio is of the medians.

Where valgrind is installed, the two versions' instructions per parse() of the reports at the
median are counted too (``--near``, 40): a count that load on a shared machine does not move,
beside the timings that it does.

Also prints, in fresh processes, the time to ``import disclosure_parser`` and to import and
parse a first report: with the parser cache warm (the usual case) and with it switched off
(the first run on a machine).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
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

#: times parse() over the files named on stdin (one per line), best of R, in milliseconds
_WORKER = r"""
import json, sys, time
import disclosure_parser as dp
paths = sys.stdin.read().split("\n")
texts = [open(p, encoding="utf-8").read() for p in paths]
dp.parse(texts[0])
repeat = int(sys.argv[1])
out = []
for text in texts:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        dp.parse(text)
        best = min(best, time.perf_counter() - t0)
    out.append(best * 1e3)
print(json.dumps(out))
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


def _times(src: Path, paths: list[Path], repeat: int) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", _WORKER, str(repeat)],
        input="\n".join(str(p) for p in paths),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: list[float] = json.loads(done.stdout)
    return result


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


#: parses each file named on stdin once untimed, then all of them argv[1] times over
_LOOP = r"""
import sys
import disclosure_parser as dp
texts = [open(p, encoding="utf-8").read() for p in sys.stdin.read().split("\n")]
for text in texts:
    dp.parse(text)
for _ in range(int(sys.argv[1])):
    for text in texts:
        dp.parse(text)
"""
_COLLECTED = re.compile(r"Collected : (\d+)")


def _instructions(src: Path, paths: list[Path], env: dict[str, str]) -> float | None:
    """Machine instructions per parse() of *paths* with the package in *src*, counted by
    valgrind (the same on a busy machine as on an idle one), or None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    run_env = {**os.environ, "PYTHONPATH": str(src), **env}
    loop = [sys.executable, "-c", _LOOP]
    listed = "\n".join(str(p) for p in paths)
    # once uncounted first: the parser cache filled, both counts below load it alike
    subprocess.run([*loop, "0"], input=listed, env=run_env, text=True, check=True)
    counts = []
    for loops in (0, 2):
        done = subprocess.run(
            [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *loop, str(loops)],
            input=listed,
            env=run_env,
            capture_output=True,
            text=True,
            check=True,
        )
        found = _COLLECTED.search(done.stderr)
        if found is None:
            return None
        counts.append(int(found.group(1)))
    return (counts[1] - counts[0]) / (2 * len(paths))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--against", default=PREVIOUS, help="git revision of the previous release")
    ap.add_argument("--generated", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--near", type=int, default=40, help="reports at the median counted in instructions"
    )
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

        best: dict[str, list[float]] = {}
        for _ in range(args.rounds):
            for name, src in (("this", current), ("previous", previous)):
                times = _times(src, paths, args.repeat)
                old = best.get(name, times)
                best[name] = [min(a, b) for a, b in zip(old, times, strict=True)]
        med = {name: statistics.median(times) for name, times in best.items()}
        print(
            f"parse() over {len(paths)} reports, best of {args.rounds} alternating rounds "
            f"x {args.repeat}:"
        )
        print(f"  previous ({args.against}): median {med['previous']:.3f} ms")
        print(f"  this checkout:             median {med['this']:.3f} ms")
        print(f"  ratio this / previous:     {med['this'] / med['previous']:.3f}x")

        # the same comparison counted in instructions, which load on the machine leaves alone
        # (it misses what the counts cannot see, such as cache misses: a check on the timing)
        near = sorted(range(len(paths)), key=lambda i: abs(best["previous"][i] - med["previous"]))[
            : args.near
        ]
        sample = [paths[i] for i in near]
        cache = {"DISCLOSURE_PARSER_CACHE": str(work / "cache")}
        counted = {
            name: _instructions(src, sample, cache)
            for name, src in (("this", current), ("previous", previous))
        }
        if counted["this"] is not None and counted["previous"] is not None:
            print(f"instructions per parse() (valgrind), the {len(sample)} reports at the median:")
            print(f"  previous ({args.against}): {counted['previous'] / 1e6:.2f} M")
            print(f"  this checkout:             {counted['this'] / 1e6:.2f} M")
            print(f"  ratio this / previous:     {counted['this'] / counted['previous']:.3f}x")
        else:
            print("instructions per parse(): valgrind is not installed, not counted")

        first_report = SEEDS / "003.txt"
        imp = "import time; t = time.perf_counter(); import disclosure_parser; "
        imp += "print(time.perf_counter() - t)"
        first = "import time; t = time.perf_counter(); import disclosure_parser as dp; "
        first += f"dp.parse_file(r'{first_report}'); print(time.perf_counter() - t)"
        _fresh(current, first, cache, runs=1)  # fills the cache (if counting did not)
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
