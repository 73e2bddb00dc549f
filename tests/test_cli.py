"""``disclosure-parser check``: compiler-style lines, a summary, exit statuses, JSON, colour."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import disclosure_parser as dp
from conftest import REPO, SEED_IDS, seed_path
from disclosure_parser.output.cli import main

SEED_000_LINES = [
    "{p}: info row_total table B has no 总计 column: row totals cannot be checked (the rules "
    "over that column are not applicable)",
    "{p}:17:13: error narrative_mismatch the text of section 1 states 0 new applications by "
    "channel (信函 0, 当面 0) in '信函依申请公开 0 件，当面依申请公开 0 件', but table B counts 15",
]


def run(*argv: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue().splitlines()


def test_seed_000() -> None:
    """Seed 000: its narrative contradicts table B (exit 1); its missing 总计 column is noted."""
    path = str(seed_path("000"))
    status, lines = run("check", path)
    assert lines == [
        *(line.format(p=path) for line in SEED_000_LINES),
        "1 file checked: 1 error, 0 warnings, 1 info",
    ]
    assert status == 1


@pytest.mark.parametrize("seed_id", [s for s in SEED_IDS if s != "000"])
def test_consistent_seeds(seed_id: str) -> None:
    """Seeds 001–004 add up and agree with their text: no line but the summary, exit 0."""
    assert run("check", str(seed_path(seed_id))) == (
        0,
        ["1 file checked: 0 errors, 0 warnings, 0 info"],
    )


def test_all_seeds_at_once() -> None:
    """Several files: their findings in order, one summary, the worst exit status."""
    paths = [str(seed_path(s)) for s in SEED_IDS]
    status, lines = run("check", *paths)
    assert lines == [
        *(line.format(p=paths[0]) for line in SEED_000_LINES),
        "5 files checked: 1 error, 0 warnings, 1 info",
    ]
    assert status == 1


@pytest.mark.parametrize(
    ("options", "codes", "status"),
    [
        (["--select", "narrative_mismatch"], ["narrative_mismatch"], 1),
        (["--select", "narr"], ["narrative_mismatch"], 1),
        (["--ignore", "narrative_mismatch"], ["row_total"], 0),
        (["--select", "ALL", "--ignore", "row_,narrative"], [], 0),
        (["--select", "balance,row_total"], ["row_total"], 0),
    ],
)
def test_select_and_ignore(options: list[str], codes: list[str], status: int) -> None:
    """--select/--ignore take codes or prefixes, comma-separated; the exit status follows what
    is reported."""
    got_status, lines = run("check", *options, str(seed_path("000")))
    assert [line.split(" ")[2] for line in lines[:-1]] == codes
    assert got_status == status


def test_unknown_code_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A code that names no rule is refused, as argparse refuses bad options (exit 2)."""
    with pytest.raises(SystemExit) as info:
        main(["check", "--ignore", "balanse", str(seed_path("001"))], out=io.StringIO())
    assert info.value.code == 2
    assert "unknown code(s) balanse" in capsys.readouterr().err


def test_files_that_cannot_be_parsed(tmp_path: Path) -> None:
    """Not a report, no such file, no reader for the suffix: a line each and exit 2."""
    hello = tmp_path / "hello.txt"
    hello.write_text("hello", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    odd = tmp_path / "report.xyz"
    odd.write_text("x", encoding="utf-8")
    seed = str(seed_path("000"))
    status, lines = run("check", str(hello), str(missing), str(odd), seed)
    assert lines[0] == (
        f"{hello}:1:1: error parse:not_a_report not a government information disclosure "
        "annual report"
    )
    assert lines[1].startswith(f"{missing}: error io cannot read the file: [Errno 2]")
    assert lines[2].startswith(f"{odd}: error parse:unsupported_format cannot read")
    assert lines[3:5] == [line.format(p=seed) for line in SEED_000_LINES]
    assert lines[5] == ("4 files checked: 1 error, 0 warnings, 1 info; 3 files could not be parsed")
    assert status == 2


def test_any_library_error_is_a_file_that_cannot_be_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reader's own error (say, a missing optional dependency) is reported, exit 2."""

    class MissingDependencyError(dp.DisclosureError):
        pass

    def refuse(path: object) -> dp.Report:
        raise MissingDependencyError("reading PDF files needs pdfplumber")

    monkeypatch.setattr("disclosure_parser.output.cli.parse_file", refuse)
    status, lines = run("check", "report.pdf")
    assert lines == [
        "report.pdf: error parse:missing_dependency reading PDF files needs pdfplumber",
        "1 file checked: 0 errors, 0 warnings, 0 info; 1 file could not be parsed",
    ]
    assert status == 2


def test_json_format(tmp_path: Path) -> None:
    """--format json: one object per file with its findings (cells, positions, expected,
    actual) or its error, and the summary."""
    hello = tmp_path / "hello.txt"
    hello.write_text("hello", encoding="utf-8")
    out = io.StringIO()
    status = main(["check", "--format", "json", str(seed_path("000")), str(hello)], out=out)
    document = json.loads(out.getvalue())
    assert status == 2
    assert document["summary"] == {
        "files": 2,
        "error": 1,
        "warning": 0,
        "info": 1,
        "unparsed": 1,
    }
    first, second = document["files"]
    assert (first["parsed"], first["error"], first["diagnostics"]) == (True, None, [])
    mismatch = first["findings"][1]
    assert (mismatch["code"], mismatch["line"], mismatch["column"]) == (
        "narrative_mismatch",
        17,
        13,
    )
    assert (mismatch["expected"], mismatch["actual"]) == (15, 0)
    assert mismatch["cells"][1]["line"] == 47
    assert second["parsed"] is False
    assert second["error"]["code"] == "parse:not_a_report"
    assert (second["error"]["line"], second["error"]["column"]) == (1, 1)


def test_parser_diagnostics_on_request() -> None:
    """--diagnostics adds the parser's warnings (codes parse:…); they never set the status."""
    path = seed_path("001")
    warnings = [d for d in dp.parse_file(path).diagnostics if d.severity == "warning"]
    status, lines = run("check", "--diagnostics", str(path))
    assert status == 0
    assert lines[:-1] == [
        f"{path}:{d.line}:{d.column}: warning parse:{d.code} {d.message}" for d in warnings
    ]
    assert lines[0] == (
        f"{path}:44:1: warning parse:ragged_row table B row granted has 6 cells "
        "for 7 columns; cell(s) 其他 taken as lost; 其他 recovered from the table's sums."
    )
    assert (
        lines[-1]
        == f"1 file checked: 0 errors, {len(warnings)} warning{'s' * (len(warnings) > 1)}, 0 info"
    )
    status, lines = run("check", "--diagnostics", "--ignore", "parse:", str(seed_path("001")))
    assert (status, lines) == (0, ["1 file checked: 0 errors, 0 warnings, 0 info"])


def test_parser_errors_alone_do_not_fail_the_check(tmp_path: Path) -> None:
    """A report without tables: the parser's missing_table errors print with parse:, the
    rule's own missing_table errors decide the status."""
    report = tmp_path / "r.txt"
    report.write_text(
        "示例局2021年政府信息公开工作年度报告\n一、总体情况\n无。\n", encoding="utf-8"
    )
    status, lines = run("check", "--diagnostics", "--select", "parse:missing", str(report))
    assert status == 0
    assert len(lines) == 4
    assert all(" error parse:missing_table table " in line for line in lines[:3])
    status, _ = run("check", str(report))
    assert status == 1


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Colour on a terminal (unless NO_COLOR), plain when piped; --color forces either way."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    path = str(seed_path("000"))
    terminal = _Terminal()
    main(["check", path], out=terminal)
    coloured = terminal.getvalue()
    assert "\033[1;31merror\033[0m \033[35mnarrative_mismatch\033[0m" in coloured
    assert f"\033[1m{path}:17:13:\033[0m" in coloured
    piped = io.StringIO()
    main(["check", path], out=piped)
    assert "\033[" not in piped.getvalue()
    forced = io.StringIO()
    main(["check", "--color", "always", path], out=forced)
    assert forced.getvalue() == coloured
    monkeypatch.setenv("NO_COLOR", "1")
    quiet = _Terminal()
    main(["check", path], out=quiet)
    assert quiet.getvalue() == piped.getvalue()


def _module(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "disclosure_parser", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        check=False,
    )


def test_python_dash_m() -> None:
    """python -m disclosure_parser check: the same lines (plain: piped) and exit status."""
    path = str(seed_path("000"))
    done = _module("check", path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        *(line.format(p=path) for line in SEED_000_LINES),
        "1 file checked: 1 error, 0 warnings, 1 info",
    ]
    assert _module("check", str(seed_path("004"))).returncode == 0


def test_python_dash_m_needs_a_command() -> None:
    """Without a command the usage is printed and the exit status is 2."""
    done = _module()
    assert done.returncode == 2
    assert "usage: disclosure-parser" in done.stderr
