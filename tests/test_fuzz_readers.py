"""Bounded fuzzing of the file readers with hostile structures (issue 17).

The long runs are ``fuzz/fuzz_readers.py --reader pdf|docx|odt|html --seconds 600``; here each
reader gets a few dozen inputs from a fixed seed (the same recipes: self-referring objects,
forms drawing each other, inflation bombs, crowded pages and grids, huge spans, long merges,
paragraph floods, nesting, odd charsets, damaged seeds), each of which must end in text or a
ParseError, never another exception and never a hang (the hang guard is per input).
"""

from __future__ import annotations

import sys

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "fuzz"))
import fuzz_readers

pytest.importorskip("pypdfium2")
pytest.importorskip("selectolax")
pytest.importorskip("docx")  # python-docx writes the damaged seeds


@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    ("reader", "count"), [("pdf", 25), ("docx", 25), ("odt", 25), ("html", 40)]
)
def test_readers_survive_hostile_files(reader: str, count: int) -> None:
    """A fixed-seed run of the readers' fuzz target: no failure, no hang."""
    summary = fuzz_readers.fuzz(reader, seconds=0, seed=17, limit=60.0, count=count)
    assert summary["inputs"] == count
    assert summary["failures"] == {}


def test_every_recipe_is_drawn() -> None:
    """The generators reach every kind of hostile file they know."""
    import random

    for reader, expected in (("pdf", 9), ("docx", 6), ("odt", 6), ("html", 6)):
        rng = random.Random(3)
        make = fuzz_readers.READERS[reader][0]
        kinds = {make(rng)[0].split()[0] for _ in range(200)}
        assert len(kinds) >= expected, (reader, kinds)
