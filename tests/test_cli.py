"""``disclosure-parser check``: compiler-style lines, a summary, exit statuses, JSON, colour."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import disclosure_parser as dp
from conftest import CORPUS, REPO, SEED_IDS, seed_path
from disclosure_parser.output.cli import SUFFIXES, main

FIXTURES = Path(__file__).parent / "fixtures"

#: seed 000's findings (its info finding shows with --min-severity info)
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
    """Seed 000: its narrative contradicts table B (exit 1); its missing 总计 column is noted
    with --min-severity info, and only counted without."""
    path = str(seed_path("000"))
    status, lines = run("check", "--min-severity", "info", path)
    assert lines == [
        *(line.format(p=path) for line in SEED_000_LINES),
        "1 file checked: 1 error, 0 warnings, 1 info",
    ]
    assert status == 1
    status, lines = run("check", path)
    assert lines == [
        SEED_000_LINES[1].format(p=path),
        "1 file checked: 1 error, 0 warnings (1 info not shown: --min-severity info shows them)",
    ]
    assert status == 1
    assert run("check", "--min-severity", "error", path) == (
        1,
        [
            SEED_000_LINES[1].format(p=path),
            "1 file checked: 1 error (1 info not shown: --min-severity info shows them)",
        ],
    )


@pytest.mark.parametrize("seed_id", [s for s in SEED_IDS if s != "000"])
def test_consistent_seeds(seed_id: str) -> None:
    """Seeds 001–004 add up and agree with their text: no line but the summary, exit 0."""
    assert run("check", "--min-severity", "info", str(seed_path(seed_id))) == (
        0,
        ["1 file checked: 0 errors, 0 warnings, 0 info"],
    )


def test_all_seeds_at_once() -> None:
    """Several files: their findings in order, one summary, the worst exit status."""
    paths = [str(seed_path(s)) for s in SEED_IDS]
    status, lines = run("check", "--min-severity", "info", *paths)
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
    got_status, lines = run("check", "--min-severity", "info", *options, str(seed_path("000")))
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
    status, lines = run("check", "--min-severity", "info", str(hello), str(missing), str(odd), seed)
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
        "1 file checked: 0 errors, 0 warnings; 1 file could not be parsed",
    ]
    assert status == 2


def test_json_format(tmp_path: Path) -> None:
    """--format json: one object per file with its findings (cells, positions, expected,
    actual) or its error, and the summary."""
    hello = tmp_path / "hello.txt"
    hello.write_text("hello", encoding="utf-8")
    out = io.StringIO()
    status = main(
        ["check", "--format", "json", "--min-severity", "info", str(seed_path("000")), str(hello)],
        out=out,
    )
    document = json.loads(out.getvalue())
    assert status == 2
    assert document["summary"] == {
        "files": 2,
        "error": 1,
        "warning": 0,
        "info": 1,
        "unparsed": 1,
        "skipped": 0,
    }
    assert document["language"] == "en"
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
    assert lines[-1] == (
        f"1 file checked: 0 errors, {len(warnings)} warning{'s' * (len(warnings) > 1)} "
        "(1 info not shown: --min-severity info shows them)"
    )
    status, lines = run("check", "--diagnostics", "--ignore", "parse:", str(seed_path("001")))
    assert (status, lines) == (0, ["1 file checked: 0 errors, 0 warnings"])


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


def _module(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "disclosure_parser", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        check=False,
        env=env,
    )


def test_python_dash_m() -> None:
    """python -m disclosure_parser check: the same lines (plain: piped) and exit status."""
    path = str(seed_path("000"))
    done = _module("check", "--min-severity", "info", path)
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


# ---------------------------------------------------------------------------------------------
# For the officials who write the reports (issue 18)
# ---------------------------------------------------------------------------------------------

#: what seed 003 says when its （一）予以公开 × 自然人 is printed 4 instead of 5
CULPRIT_ZH = "（一）予以公开 × 自然人 印为 4，按本行总计及本列（七）总计应为 5"


def _seed_003_edited(tmp_path: Path) -> Path:
    """Seed 003 with one cell edited as an official might: （一）予以公开 × 自然人 5 → 4."""
    lines = seed_path("003").read_text(encoding="utf-8").split("\n")
    assert lines[127] == "\t5"  # line 128: the cell, one per line in this layout
    lines[127] = "\t4"
    path = tmp_path / "003.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_one_chinese_error_names_the_cell_its_value_and_the_right_one(tmp_path: Path) -> None:
    """Acceptance: `check --lang zh` on seed 003 with that edit prints one Chinese error naming
    （一）予以公开 and 自然人, the printed 4 and the expected 5, with no English word."""
    path = _seed_003_edited(tmp_path)
    status, lines = run("check", "--lang", "zh", str(path))
    assert lines == [
        f"{path}:128:2: 错误 outcome_total,row_total {CULPRIT_ZH}",
        "已检查 1 个文件：1 个错误、0 个警告",
    ]
    assert status == 1
    message = lines[0].split(" ", 3)[3]
    assert "（一）予以公开" in message
    assert "自然人" in message
    assert "印为 4" in message
    assert "应为 5" in message
    assert not re.search("[A-Za-z]", message)


def test_the_same_in_english(tmp_path: Path) -> None:
    """In English the line says the same; the JSON output keeps each finding apart."""
    path = _seed_003_edited(tmp_path)
    _status, lines = run("check", "--lang", "en", str(path))
    assert lines == [
        f"{path}:128:2: error outcome_total,row_total （一）予以公开 × 自然人 is printed as 4, "
        "but by its row's 总计 and its column's （七）总计 it should be 5",
        "1 file checked: 1 error, 0 warnings",
    ]
    out = io.StringIO()
    main(["check", "--lang", "zh", "--format", "json", str(path)], out=out)
    document = json.loads(out.getvalue())
    findings = document["files"][0]["findings"]
    assert [(f["code"], f["where"], f["line"], f["column"]) for f in findings] == [
        ("outcome_total", "128:2", 128, 2),
        ("row_total", "128:2", 128, 2),
    ]
    assert findings[0]["message"].startswith("自然人列：（七）总计印为 5")
    assert findings[0]["localization"]["message"] == CULPRIT_ZH
    assert findings[0]["message_key"] == "outcome_total.fails"
    assert document["summary"]["error"] == 2


def _page_row(line: str, name: str) -> bool:
    return re.match(rf".*{re.escape(name)}:第\d+页 表\d+ 第\d+行: ", line) is not None


def test_pdf_positions_are_pages_tables_and_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Acceptance, on the committed PDF of seed 003 with the same cell edited: the line gives
    the page, table and row where the cell is printed, not a line of extracted text."""
    pdf = FIXTURES / "seed_003.pdf"
    report = dp.parse_file(pdf)
    row = report.applications.row("granted")
    assert row is not None
    cell = row.cells[0]
    assert (cell.value, cell.origin) == (5, dp.Origin("pdf", 5, 5, 3, 2))
    edited = attrs.evolve(cell, value=4, raw="4")
    rows = tuple(
        attrs.evolve(r, cells=(edited, *r.cells[1:])) if r is row else r
        for r in report.applications.rows
    )
    report = attrs.evolve(report, applications=attrs.evolve(report.applications, rows=rows))
    # the PDF cannot be edited here (its text is compressed): its parse is
    monkeypatch.setattr("disclosure_parser.output.cli.parse_file", lambda path: report)
    status, lines = run("check", "--lang", "zh", str(pdf))
    assert lines == [
        f"{pdf}:第2页 表6 第6行: 错误 outcome_total,row_total {CULPRIT_ZH}",
        "已检查 1 个文件：1 个错误、0 个警告",
    ]
    assert status == 1
    status, lines = run("check", "--lang", "en", str(pdf))
    assert lines[0].startswith(f"{pdf}:page 2, table 6, row 6: error outcome_total,row_total ")


def test_pdf_narrative_is_placed_on_its_page() -> None:
    """A number stated in the text of a PDF (seed 000's) is placed on its page, judged by the
    table cells printed around it."""
    pdf = FIXTURES / "seed_000.pdf"
    status, lines = run("check", "--lang", "zh", str(pdf))
    assert status == 1
    assert lines[0].startswith(f"{pdf}:第1页: 错误 narrative_mismatch “一、总体情况”部分写明")


def test_real_pdf_in_chinese() -> None:
    """Acceptance: `check --lang zh` on the dev corpus's 002p.pdf gives its findings with page,
    table and row (第4页 表6 第4行)."""
    pdf = CORPUS / "002p.pdf"
    if not pdf.exists():
        pytest.skip(f"the dev corpus is not available here ({CORPUS} is missing)")
    status, lines = run("check", "--lang", "zh", str(pdf))
    assert status == 1
    assert len(lines) == 4
    assert all(_page_row(line, "002p.pdf") for line in lines[:-1])
    assert lines[0] == (
        f"{pdf}:第4页 表6 第4行: 错误 review_total 行政复议 总计 印为 0，按本组各项之和应为 11"
    )
    assert lines[-1] == "已检查 1 个文件：2 个错误、1 个警告"


def test_folders_are_searched(tmp_path: Path) -> None:
    """Acceptance: `check FOLDER` reads every report under it (subfolders too, every format
    the library reads); info findings are hidden unless asked for; files in it that are not
    reports are skipped, Word's lock files and unreadable suffixes ignored."""
    folder = tmp_path / "报告"
    (folder / "2020" / "乡镇").mkdir(parents=True)
    for seed_id in SEED_IDS:
        shutil.copy(seed_path(seed_id), folder / "2020" / "乡镇" / f"{seed_id}.txt")
    shutil.copy(FIXTURES / "seed_003.pdf", folder / "seed_003.pdf")
    (folder / "说明.txt").write_text("请于三月底前报送。", encoding="utf-8")
    (folder / "~$003.docx").write_bytes(b"lock")
    (folder / "表格.xlsx").write_bytes(b"xlsx")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    status, lines = run("check", str(folder))
    assert lines == [
        SEED_000_LINES[1].format(p=folder / "2020" / "乡镇" / "000.txt"),
        "6 files checked: 1 error, 0 warnings (1 info not shown: --min-severity info shows "
        "them); 1 file skipped (not reports)",
    ]
    assert status == 1
    status, lines = run("check", "--min-severity", "info", str(folder))
    assert lines[0] == SEED_000_LINES[0].format(p=folder / "2020" / "乡镇" / "000.txt")
    assert lines[-1] == "6 files checked: 1 error, 0 warnings, 1 info; 1 file skipped (not reports)"
    status, lines = run("check", "--lang", "zh", str(folder))
    assert lines[-1] == (
        "已检查 6 个文件：1 个错误、0 个警告"
        "（另有 1 条提示未显示，加 --min-severity info 可以查看）；跳过 1 个不是年度报告的文件"
    )


def test_a_file_named_is_never_skipped(tmp_path: Path) -> None:
    """A file named on the command line that is no report is an error (exit 2), as before."""
    note = tmp_path / "说明.txt"
    note.write_text("请于三月底前报送。", encoding="utf-8")
    status, lines = run("check", "--lang", "zh", str(note))
    assert status == 2
    assert lines[0] == (
        f"{note}:1:1: 错误 parse:not_a_report 不是政府信息公开工作年度报告"
        "（没有找到报告标题、章节标题或统计表格）"
    )


def test_a_folder_without_reports(tmp_path: Path) -> None:
    """A folder with no file the library reads: said so, exit 2."""
    (tmp_path / "a.xls").write_bytes(b"x")
    status, lines = run("check", "--lang", "zh", str(tmp_path))
    assert status == 2
    assert lines[0] == (
        f"{tmp_path}: 错误 no_reports 文件夹中没有可以读取的报告（{' '.join(SUFFIXES)}）"
    )


def test_unreadable_files_in_chinese() -> None:
    """A scanned PDF says, in Chinese, that it needs OCR; in English the reader's own words."""
    scan = FIXTURES / "scanned.pdf"
    status, lines = run("check", "--lang", "zh", str(scan))
    assert status == 2
    assert lines[0].startswith(f"{scan}: 错误 parse:no_text_layer 这个 PDF 没有文字层")
    status, lines = run("check", "--lang", "en", str(scan))
    assert lines[0].startswith(f"{scan}: error parse:no_text_layer the PDF has no text layer")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"disclosure-parser {dp.__version__}\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_lists_every_format_and_the_exit_statuses(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check --help` (in the language asked for) names every suffix read, --lang,
    --min-severity and the exit statuses."""
    with pytest.raises(SystemExit) as info:
        main(["check", "--lang", lang, "--help"])
    assert info.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    for suffix in SUFFIXES:
        assert suffix in shown
    assert "--lang" in shown
    assert "--min-severity" in shown
    if lang == "zh":
        assert "用法：" in shown
        assert "退出状态：0 没有发现错误；1 发现错误；2" in shown
    else:
        assert "exit status: 0 no error found; 1 an error was found; 2" in shown


def test_chinese_where_the_locale_is_chinese(tmp_path: Path) -> None:
    """Without --lang, a Chinese locale gives Chinese messages; --lang overrides it."""
    path = _seed_003_edited(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("DISCLOSURE_PARSER_LANG", "LC_ALL")}
    env.update(LANG="zh_CN.UTF-8", LC_MESSAGES="")
    done = _module("check", str(path), env=env)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == f"{path}:128:2: 错误 outcome_total,row_total {CULPRIT_ZH}"
    done = _module("check", "--lang", "en", str(path), env=env)
    assert " is printed as 4, " in done.stdout
