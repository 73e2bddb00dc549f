"""Many report files from the seeds, for the batch tests and the batch benchmark.

Each file is a seed report under a new organisation name with a few numbers changed, printed in
one of the layouts the parser reads, with some of the real-world noise :func:`dp.render` adds.
About half of them have one table B cell moved off its sums, so that validation finds
something in them. The files depend only on *count* and *seed*: the same call writes the same
bytes, which is what tests comparing batch outputs need.
"""

from __future__ import annotations

import random
from pathlib import Path

import attrs

import disclosure_parser as dp
from disclosure_parser import Cell

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "tests" / "seeds"

#: stands for a digit in generated organisation names: digits in a title read as its year
_NAME_DIGITS = "甲乙丙丁戊己庚辛壬癸"


def seed_reports() -> list[dp.Report]:
    """The parsed seed reports, in file name order."""
    return [dp.parse_file(path) for path in sorted(SEEDS.glob("0*.txt"))]


def _name(index: int) -> str:
    return "".join(_NAME_DIGITS[int(d)] for d in f"{index:05d}") + "镇人民政府"


def _bumped(cells: tuple[Cell, ...], rng: random.Random) -> tuple[Cell, ...]:
    numbers = [i for i, c in enumerate(cells) if c.state == "number" and isinstance(c.value, int)]
    if not numbers:
        return cells
    at = rng.choice(numbers)
    old = cells[at]
    value = abs(int(old.value or 0)) + rng.randint(1, 5)
    return (*cells[:at], attrs.evolve(old, value=value, raw=str(value)), *cells[at + 1 :])


def variant(base: dp.Report, index: int, rng: random.Random) -> dp.Report:
    """*base* under the name of body *index*, with a table A count (and maybe a B cell) changed."""
    items = list(base.active_disclosure.items)
    if items:
        at = rng.randrange(len(items))
        items[at] = attrs.evolve(items[at], cells=_bumped(items[at].cells, rng))
    rows = list(base.applications.rows)
    if rows and rng.random() < 0.5:
        at = rng.randrange(len(rows))
        rows[at] = attrs.evolve(rows[at], cells=_bumped(rows[at].cells, rng))
    return attrs.evolve(
        base,
        organization=_name(index),
        active_disclosure=dp.ActiveDisclosure(tuple(items)),
        applications=attrs.evolve(base.applications, rows=tuple(rows)),
        diagnostics=(),
    )


def write_reports(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write *count* generated report files into *folder*; their paths, in name order."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = seed_reports()
    paths = []
    for index in range(count):
        rng = random.Random(seed * 1_000_003 + index)
        report = variant(bases[index % len(bases)], index, rng)
        layout = rng.choice(dp.LAYOUTS)
        noise = [
            n for n in ("spaced_headers", "fullwidth_digits", "junk_lines") if rng.random() < 0.2
        ]
        suffix = ".md" if layout.startswith("markdown") else ".txt"
        path = folder / f"{index:05d}{suffix}"
        path.write_text(dp.render(report, layout, noise=noise, seed=index), encoding="utf-8")
        paths.append(path)
    return paths
