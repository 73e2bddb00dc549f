"""The wheel carries the grammar and py.typed; the grammar is built once per process."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO
from disclosure_parser.parsing import grammar as _grammar


@pytest.mark.skipif(not (REPO / "pyproject.toml").exists(), reason="needs the source tree")
def test_wheel_contains_grammar_and_py_typed(tmp_path: Path) -> None:
    """Building the wheel puts grammar/report.lark and py.typed inside the package."""
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "disclosure_parser/grammar/report.lark" in names
    assert not [n for n in names if n.startswith("disclosure_parser/grammar/") and "lark" not in n]
    assert "disclosure_parser/py.typed" in names
    grammar = zipfile.ZipFile(wheel).read("disclosure_parser/grammar/report.lark").decode()
    assert grammar == (REPO / "grammar" / "report.lark").read_text(encoding="utf-8")


def test_parser_is_built_once() -> None:
    """parser() returns the same lark parser every time: the grammar is built once."""
    assert _grammar.parser() is _grammar.parser()


def test_import_loads_neither_lark_nor_the_readers() -> None:
    """`import disclosure_parser` leaves lark, the file readers and validation for first use
    (what keeps the import fast); a parse loads lark (the grammar's parser) and nothing else,
    `dp.validate` loads the rules."""
    code = (
        "import sys, disclosure_parser as dp\n"
        "def loaded(*names): return [n for n in names if n in sys.modules]\n"
        "heavy = ('lark', 'disclosure_parser.validation', 'disclosure_parser.readers.base',"
        " 'disclosure_parser.readers.html', 'disclosure_parser.readers.pdf',"
        " 'disclosure_parser.output.render')\n"
        "print(loaded(*heavy))\n"
        "dp.parse('某县人民政府2021年政府信息公开工作年度报告\\n一、总体情况\\n')\n"
        "print(loaded(*heavy))\n"
        "dp.validate\n"
        "print(loaded(*heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == [
        "[]",
        "['lark']",
        "['lark', 'disclosure_parser.validation']",
    ]
