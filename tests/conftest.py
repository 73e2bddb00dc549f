"""Shared fixtures: the seed reports (in the repository) and the dev corpus (outside it)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SEEDS = HERE / "seeds"
REPO = HERE.parent
#: the project's shared data; tests that need it skip when it is absent
CORPUS = REPO.parent / "shared" / "corpus" / "dev"

SEED_IDS = sorted(p.name.split("_")[0] for p in SEEDS.glob("0*.txt"))


def seed_path(seed_id: str) -> Path:
    (path,) = SEEDS.glob(f"{seed_id}_*.txt")
    return path


def seed_text(seed_id: str) -> str:
    return seed_path(seed_id).read_text(encoding="utf-8")


def load_truth(path: Path) -> dict[str, dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {row["id"]: row for row in rows}


def corpus_truth() -> dict[str, dict[str, object]]:
    if not (CORPUS / "truth.jsonl").exists():
        pytest.skip(f"the dev corpus is not available here ({CORPUS} is missing)")
    return load_truth(CORPUS / "truth.jsonl")


# Hypothesis profiles: the default keeps the suite within a few minutes on two cores; set
# HYPOTHESIS_PROFILE=deep for a long run (ten times the examples).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "default", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "deep", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: scripts that write fixture files (they need tools the tests do not: reportlab, w3m, lynx)
collect_ignore_glob = ["fixtures/make_*.py"]
