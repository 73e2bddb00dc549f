"""Every example runs and prints what its story promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

EXAMPLES = REPO / "examples"

EXPECTED = {
    "01_parse_a_report.py": ["洪合镇人民政府 2020 2019", "new applications: 5"],
    "02_cells_and_positions.py": ["state=blank", "本年增/减 = -233", "Decimal('49966945.1')"],
    "03_diagnostics_and_strict.py": ["derived from the sums: True", "not_a_report at 1 1"],
    "04_property_test_your_pipeline.py": ["robust pipeline: the property holds"],
    "05_batch_and_chart.py": [
        "6 report(s) parsed",
        "new applications by applicant type: {'natural_person': 22",
        "chart saved to ",
    ],
    "summarize.py": [
        "6 report(s) parsed, 0 failed",
        "000.txt: 太极镇人民政府 · 2020 · template 2019",
        "003.pdf: 洪合镇人民政府 · 2020 · template 2019",
        "  diagnostics: 0 error(s), 16 warning(s), 3 note(s) · findings: 1 error(s)",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs(name: str, tmp_path: Path) -> None:
    """The example exits 0 and prints the lines its story is about, run from a directory
    other than the repository's."""
    args = [sys.executable, str(EXAMPLES / name)]
    result = subprocess.run(args, capture_output=True, text=True, check=True, cwd=tmp_path)
    for expected in EXPECTED[name]:
        assert expected in result.stdout


def test_demo_lists_details_only_when_asked(tmp_path: Path) -> None:
    """make demo prints a summary per report; the diagnostics themselves only with -v."""
    args = [sys.executable, str(EXAMPLES / "summarize.py"), str(EXAMPLES / "reports")]
    quiet = subprocess.run(args, capture_output=True, text=True, check=True, cwd=tmp_path)
    loud = subprocess.run([*args, "-v"], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert "ragged_row" not in quiet.stdout
    assert quiet.stdout.count(" · template ") == 6
    assert "warning ragged_row" in loud.stdout
    assert "error narrative_mismatch" in loud.stdout


def test_every_example_is_tested() -> None:
    """No example escapes the smoke test."""
    assert {p.name for p in EXAMPLES.glob("*.py")} == set(EXPECTED)
