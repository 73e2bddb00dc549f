"""The documentation in the repository: generated from the code where it can be, checked
against it where not, and self-contained (issue 19)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import disclosure_parser as dp
from conftest import REPO
from disclosure_parser import validation
from disclosure_parser.output import records
from disclosure_parser.output.cli import _build_parser

DOCS = REPO / "docs"


def _markdown() -> list[Path]:
    return [REPO / "README.md", *sorted(DOCS.glob("*.md"))]


def test_keys_doc_matches_the_code() -> None:
    """docs/keys.md is what docs/make_keys.py writes from core/keys.py and output/names.py."""
    result = subprocess.run(
        [sys.executable, str(DOCS / "make_keys.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout
    text = (DOCS / "keys.md").read_text(encoding="utf-8")
    for key in (*dp.APPLICANT_COLUMNS, *dp.REVIEW_GROUPS, *dp.REVIEW_OUTCOMES, *dp.ITEMS):
        assert f"`{key}`" in text
    for rows in dp.APPLICATION_ROWS.values():
        for row in rows:
            assert f"| `{row}` |" in text


def test_rules_doc_names_every_code() -> None:
    """docs/rules.md lists every finding code, and every code of a file that could not be
    read."""
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    for code in validation.CODES:
        assert f"`{code}`" in text, code
    file_codes = re.findall(r"``([a-z_]+)``", records.FileError.__doc__ or "")
    assert {"not_a_file", "timeout", "memory", "worker_died", "io"} <= set(file_codes)
    for code in file_codes:
        assert f"`{code}`" in text, code


def test_outputs_doc_names_every_column() -> None:
    """docs/outputs.md has every column of the tidy, summary and findings frames."""
    text = (DOCS / "outputs.md").read_text(encoding="utf-8")
    summary = [f for f in records.SUMMARY_FIELDS if not f.startswith("n_")]
    for field in (*records.FRAME_FIELDS, *summary, *records.FINDING_FIELDS):
        assert f"`{field}`" in text, field


def test_links_stay_in_the_repository() -> None:
    """Every relative link of the README and docs/ names a file of the repository; no page
    and no --help cites SPEC.md, which users do not have."""
    for page in _markdown():
        text = page.read_text(encoding="utf-8")
        assert "SPEC" not in text, page.name
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if "://" in target:
                continue
            assert (page.parent / target).exists(), f"{page.name}: {target}"
    for command in ([], ["check"], ["batch"]):
        helps = _build_parser()
        if command:
            helps = next(
                a.choices[command[0]] for a in helps._actions if getattr(a, "choices", None)
            )
        assert "SPEC" not in helps.format_help()


def test_examples_ship_with_the_package(tmp_path: Path) -> None:
    """The wheel holds the example reports, and dp.EXAMPLES finds them wherever Python runs."""
    if not (REPO / "pyproject.toml").exists():
        pytest.skip("needs the source tree")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {Path(n).name for n in names if n.startswith("disclosure_parser/examples/")}
    assert shipped == {p.name for p in dp.EXAMPLES.iterdir()}
    code = "import disclosure_parser as dp; print(dp.parse_file(dp.EXAMPLES / '003.txt').year)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert out.stdout == "2020\n"
