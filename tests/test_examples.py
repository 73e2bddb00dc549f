"""Every example runs and prints what its story promises."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO

EXAMPLES = REPO / "examples"

EXPECTED = {
    "01_parse_a_report.py": ["洪合镇人民政府 2020 2019", "new applications: 5"],
    "02_cells_and_positions.py": ["state=blank", "本年增/减 = -233", "Decimal('49966945.1')"],
    "03_diagnostics_and_strict.py": ["derived from the sums: True", "not_a_report at 1 1"],
    "04_property_test_your_pipeline.py": ["robust pipeline: the property holds"],
    "05_batch_and_chart.py": [
        "5 report(s) parsed",
        "new applications by applicant type: {'natural_person': 22",
        "chart saved to ",
    ],
    "summarize.py": ["5 report(s) parsed", "太极镇人民政府 · 2020 · template 2019"],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs(name: str) -> None:
    """The example exits 0 and prints the lines its story is about."""
    args = [sys.executable, str(EXAMPLES / name)]
    if name == "summarize.py":
        args.append(str(EXAMPLES / "reports"))
    result = subprocess.run(args, capture_output=True, text=True, check=True, cwd=REPO)
    for expected in EXPECTED[name]:
        assert expected in result.stdout


def test_every_example_is_tested() -> None:
    """No example escapes the smoke test."""
    assert {p.name for p in EXAMPLES.glob("*.py")} == set(EXPECTED)
