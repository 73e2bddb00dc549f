"""A folder to a DataFrame, every file accounted for (issue 19).

The acceptance folder holds what a researcher's folder holds: reports in several forms (seed
texts, a web page, a PDF, a crawler's page text), a narrative-only report, and files that
only mention a report (a README, notes). Every output has each file: the frames, JSON Lines,
CSV and Parquet; ``--resume`` then parses nothing.
"""

from __future__ import annotations

import html
import json
import os
import shutil
from pathlib import Path

import pytest

import disclosure_parser as dp
from conftest import REPO, SEEDS, seed_path
from disclosure_parser.output.batch import run
from disclosure_parser.output.cli import main
from disclosure_parser.output.records import FINDING_FIELDS, SUMMARY_FIELDS

NARRATIVE_ONLY = (
    "某县人民政府2021年政府信息公开工作年度报告\n"
    "一、总体情况\n2021年，我县认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
    "二、主动公开政府信息情况\n全年主动公开政府信息500条。\n"
    "三、收到和处理政府信息公开申请情况\n本年度共收到政府信息公开申请5件，均已按时答复。\n"
    "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议和行政诉讼。\n"
    "五、存在的主要问题及改进情况\n公开质量有待提高。\n"
    "六、其他需要报告的事项\n无。\n"
)
README = (
    "# Reports collected in 2022\n\n"
    "Published 政府信息公开工作年度报告 of the county's bodies, as downloaded.\n"
)
NOTES = "notes\n- 平潭综合实验区2021年度政府信息公开工作年度报告: table B cut over two pages\n"


def _html_page(text: str) -> str:
    """A report as a web page: paragraphs, and its tab rows as a table."""
    out: list[str] = ["<html><head><meta charset='utf-8'></head><body>"]
    rows: list[str] = []
    for line in text.splitlines():
        if "\t" in line:
            cells = "".join(f"<td>{html.escape(c) or '&nbsp;'}</td>" for c in line.split("\t"))
            rows.append(f"<tr>{cells}</tr>")
            continue
        if rows:
            out.append(f"<table>{''.join(rows)}</table>")
            rows = []
        out.append(f"<p>{html.escape(line)}</p>")
    if rows:
        out.append(f"<table>{''.join(rows)}</table>")
    return "".join(out) + "</body></html>"


def _crawler_text() -> str:
    """A crawler's page: its header lines, then the report flattened into one paragraph."""
    report = dp.parse_file(seed_path("001"))
    report = dp.Report(
        organization="平潭综合实验区海坛片区管理局",
        year=2021,
        title=None,
        template=report.template,
        sections=report.sections,
        active_disclosure=report.active_disclosure,
        applications=report.applications,
        reviews=report.reviews,
    )
    body = dp.render(report, "flattened")
    return (
        "标题: 平潭综合实验区海坛片区管理局 关于2021年度政府信息公开工作年度报告\n"
        "发布时间: 2022-01-12 11:44\n文号: \n栏目: 政府信息公开年报\n"
        "==================== 正文 ====================\n" + body
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds, an HTML page, a PDF, a crawler text, a README, notes, a narrative-only report."""
    folder = tmp_path_factory.mktemp("reports")
    for seed in sorted(SEEDS.glob("0*.txt")):
        shutil.copy(seed, folder / seed.name)
    sub = folder / "2021"
    sub.mkdir()
    page = _html_page(seed_path("000").read_text(encoding="utf-8"))
    (sub / "page.html").write_text(page, encoding="utf-8")
    shutil.copy(REPO / "tests" / "fixtures" / "seed_003.pdf", sub / "scan_of_003.pdf")
    (sub / "crawled.txt").write_text(_crawler_text(), encoding="utf-8")
    (folder / "README.md").write_text(README, encoding="utf-8")
    (folder / "notes.txt").write_text(NOTES, encoding="utf-8")
    (sub / "narrative.txt").write_text(NARRATIVE_ONLY, encoding="utf-8")
    return folder


def _files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.is_file())


def _name(source: str) -> str:
    return os.path.basename(source)


@pytest.mark.timeout(300)
def test_summary_frame_of_a_folder(folder: Path) -> None:
    """dp.summary_frame(folder): a row per file; the README and the notes are not_a_report;
    the narrative-only report is parsed, with its missing tables counted."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pdfplumber")
    pytest.importorskip("bs4")
    frame = dp.summary_frame(str(folder))
    assert list(frame.columns) == list(SUMMARY_FIELDS)
    assert sorted(frame.source.tolist()) == _files(folder)
    by_name = {_name(s): row for s, row in zip(frame.source, frame.itertuples(), strict=True)}
    assert by_name["README.md"].status == "failed"
    assert by_name["README.md"].error_code == "not_a_report"
    assert by_name["notes.txt"].error_code == "not_a_report"
    narrative = by_name["narrative.txt"]
    assert (narrative.status, narrative.organization, narrative.n_missing_table) == (
        "parsed",
        "某县人民政府",
        3,
    )
    assert pd.isna(narrative.new_received)  # no table: unknown, not 0
    crawled = by_name["crawled.txt"]
    assert crawled.organization == "平潭综合实验区海坛片区管理局"
    assert crawled.title.startswith("标题:")
    assert by_name["page.html"].organization == "太极镇人民政府"
    assert by_name["scan_of_003.pdf"].organization == "洪合镇人民政府"
    parsed = frame[frame.status == "parsed"]
    assert len(parsed) == len(frame) - 2
    for name in ("new_received", "granted", "partially_granted", "handled", "review_total"):
        assert str(frame.dtypes[name]) == "Int64"
    assert str(frame.dtypes["grant_rate"]) == "Float64"


@pytest.mark.timeout(300)
def test_every_frame_accounts_for_every_file(folder: Path) -> None:
    """to_frame has a row for each file (a narrative-only report's is of state no_table, a
    failed file's of state error); findings_frame has every finding and each failure."""
    pytest.importorskip("pandas")
    results = dp.read_reports(folder, jobs=2)
    assert sorted(r.source for r in results) == _files(folder)
    tidy = dp.to_frame(results)
    assert sorted(set(tidy.source)) == _files(folder)
    narrative = tidy[tidy.source.str.endswith("narrative.txt")]
    assert narrative.state.tolist() == ["no_table"]
    assert narrative.findings.iloc[0] == "missing_table"
    assert set(tidy[tidy.state == "error"].error_code) == {"not_a_report"}
    findings = dp.findings_frame(results)
    assert list(findings.columns) == list(FINDING_FIELDS)
    total = sum(len(r.findings) for r in results) + sum(r.error is not None for r in results)
    assert len(findings) == total
    errors = findings[findings.kind == "file_error"]
    assert sorted(errors.source.map(_name)) == ["README.md", "notes.txt"]
    assert set(findings.kind) == {"finding", "file_error"}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_batch_holds_every_file_and_resume_parses_nothing(
    folder: Path, tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """batch -o OUT holds every file as a source, whatever the format; a second run with
    --resume (the folder spelled ./folder) parses nothing."""
    if suffix == ".parquet":
        pd = pytest.importorskip("pandas")
        pytest.importorskip("pyarrow")
    out = tmp_path / f"out{suffix}"
    monkeypatch.chdir(folder.parent)
    first = run([folder.name], str(out), jobs=2)
    assert (first.files, first.parsed + first.failed) == (len(_files(folder)), first.files)
    expected = sorted(os.path.relpath(p, folder.parent) for p in _files(folder))
    if suffix == ".jsonl":
        sources = [json.loads(line)["source"] for line in out.read_text("utf-8").splitlines()]
    elif suffix == ".csv":
        import csv

        with out.open(encoding="utf-8", newline="") as handle:
            sources = list(dict.fromkeys(r["source"] for r in csv.DictReader(handle)))
    else:
        sources = list(dict.fromkeys(pd.read_parquet(out).source))
    assert sorted(sources) == expected
    written = out.read_bytes()
    before = sources
    again = run([f"./{folder.name}"], str(out), jobs=2, resume=True)
    assert (again.parsed, again.failed, again.skipped) == (0, 0, first.files)
    if suffix == ".parquet":
        assert list(dict.fromkeys(pd.read_parquet(out).source)) == before
    else:
        assert out.read_bytes() == written


def test_cli_batch_of_the_folder(folder: Path, tmp_path: Path) -> None:
    """The command's summary counts every file: parsed and failed add up to the files."""
    pytest.importorskip("pyarrow")
    out = tmp_path / "out.parquet"
    assert main(["batch", str(folder), "-o", str(out), "--jobs", "2", "--no-progress"]) == 0
    summary = run([str(folder)], str(out), jobs=1, resume=True)
    assert summary.skipped == len(_files(folder))


def test_read_reports_order_and_duplicates(folder: Path) -> None:
    """read_reports keeps the input order, reads a file named twice once, and takes files,
    folders and globs alike."""
    first = folder / "000_e61304a9230bd795.txt"
    results = dp.read_reports([first, str(folder / "00[12]_*.txt"), f"{folder}/./000_*.txt"])
    assert [_name(r.source) for r in results] == [
        "000_e61304a9230bd795.txt",
        "001_ab0a76f0713d54a4.txt",
        "002_2ca9e04ed4bb8715.txt",
    ]
    assert all(r.status == "parsed" for r in results)


def test_frames_take_paths_reports_and_results_alike(folder: Path) -> None:
    """A path, a list of paths, Reports and FileResults give the same frame rows."""
    pytest.importorskip("pandas")
    path = seed_path("003")
    from_path = dp.summary_frame(path)
    from_list = dp.summary_frame([path])
    from_result = dp.summary_frame(dp.read_reports(path))
    assert from_path.equals(from_list)
    assert from_path.equals(from_result)
    mixed = dp.summary_frame([dp.parse_file(path), str(path)])
    assert mixed.source.tolist() == ["0", str(path)]
    assert mixed.new_received.tolist() == [5, 5]
    with pytest.raises(TypeError, match="cannot read a int"):
        dp.summary_frame([3])


def test_public_names() -> None:
    """The new names are public, load on first use, and dir() shows no helper."""
    for name in ("read_reports", "findings_frame", "findings_records", "EXAMPLES"):
        assert name in dp.__all__
        assert getattr(dp, name) is not None
    assert not {"annotations", "importlib", "ModuleType", "TYPE_CHECKING"} & set(dir(dp))
    assert set(dp.__all__) <= set(dir(dp))
    assert (dp.EXAMPLES / "003.txt").is_file()
