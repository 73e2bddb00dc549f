"""The body's name, cleaned of page and crawler decoration (issue 19); the raw title kept."""

from __future__ import annotations

import pytest

import disclosure_parser as dp
from conftest import CORPUS
from disclosure_parser.core.text import fold
from disclosure_parser.parsing.labels import organization_from_title

TITLES = [
    # (title as printed, organisation, year)
    ("标题: 平潭综合实验区2019年度政府信息公开工作年度报告", "平潭综合实验区", 2019),
    (
        "标题：平潭综合实验区海坛片区管理局 关于2021年度政府信息公开工作年度报告",
        "平潭综合实验区海坛片区管理局",
        2021,
    ),
    ("平潭综合实验区（管委会）2019年度政府信息公开工作年度报告", "平潭综合实验区（管委会）", 2019),
    ("平潭综合实验区(管委会2019年度政府信息公开工作年度报告", "平潭综合实验区（管委会）", 2019),
    ("关于某县人民政府2020年政府信息公开工作年度报告", "某县人民政府", 2020),
    ("首页 > 政务公开 > 某县人民政府2020年政府信息公开工作年度报告", "某县人民政府", 2020),
    ("题目：某市财政局2022年政府信息公开工作年度报告", "某市财政局", 2022),
    ("【标题】某市财政局2022年政府信息公开工作年度报告", "某市财政局", 2022),
    ("（某县人民政府）2020年政府信息公开工作年度报告", "某县人民政府", 2020),
    ("某县人民政府（2020年）政府信息公开工作年度报告", "某县人民政府", 2020),
    ("某县（区）人民政府2020年政府信息公开工作年度报告", "某县（区）人民政府", 2020),
    ("太极镇人民政府信息公开工作年度报告", "太极镇人民政府", None),
    # OCR misread 开 (淮安市's scanned report); a body whose name holds 信息公开 keeps it
    ("准安市人民政府2024年政府信息公”工作年度报告", "准安市人民政府", 2024),
    ("某市政府信息公开办公室2020年政府信息公开工作年度报告", "某市政府信息公开办公室", 2020),
]


def test_the_rest_of_a_title_is_no_name() -> None:
    """The second line of a title printed on two, OCR's 开 misread, names no body (it was
    taken for one: 政府信息公工作年度报告)."""
    assert organization_from_title(fold("2024年政府信息公”工作年度报告")) == (None, 2024)
    report = dp.parse("准安市人民政府\n2024年政府信息公”工作年度报告\n一、总体情况\n")
    assert report.organization == "准安市人民政府"


@pytest.mark.parametrize(("title", "organization", "year"), TITLES)
def test_organization_from_title(title: str, organization: str, year: int | None) -> None:
    """Field names, breadcrumbs and 关于 go; brackets are made whole, in their Chinese form."""
    assert organization_from_title(fold(title)) == (organization, year)


def test_report_keeps_the_raw_title_beside_the_name() -> None:
    """Report.organization is the cleaned name, Report.title the title as printed."""
    text = (
        "标题: 平潭综合实验区海坛片区管理局 关于2021年度政府信息公开工作年度报告\n"
        "发布时间: 2022-01-12 11:44\n"
        "一、总体情况\n全年主动公开政府信息120条。\n"
        "行政复议\t行政诉讼\n" + "\t".join("0" * 15) + "\n"
    )
    report = dp.parse(text)
    assert report.organization == "平潭综合实验区海坛片区管理局"
    assert report.title == "标题: 平潭综合实验区海坛片区管理局 关于2021年度政府信息公开工作年度报告"
    assert report.year == 2021
    assert dp.Report.from_dict(report.to_dict()) == report


def test_a_cleaned_name_renders_and_reads_back() -> None:
    """A name with brackets goes through render() and parse() unchanged."""
    text = (
        "平潭综合实验区（管委会）2019年度政府信息公开工作年度报告\n行政复议\t行政诉讼\n"
        + "\t".join("0" * 15)
    )
    report = dp.parse(text)
    assert report.organization == "平潭综合实验区（管委会）"
    assert dp.parse(dp.render(report, "tab")).organization == report.organization


def _balanced(name: str) -> bool:
    depth = 0
    for char in name:
        depth += char in "(（[【《"
        depth -= char in ")）]】》"
        if depth < 0:
            return False
    return depth == 0


def test_dev_corpus_names_are_clean() -> None:
    """No organisation of the dev corpus carries 标题, a trailing 关于 or an unbalanced
    bracket; the crawler pages name the bodies their truth names."""
    if not CORPUS.exists():
        pytest.skip(f"the dev corpus is not available here ({CORPUS} is missing)")
    with pytest.warns(UserWarning, match="left aside"):  # truth.jsonl, and what no reader reads
        results = dp.read_reports(CORPUS, jobs=2)
    names = {r.source: r.report.organization for r in results if r.report is not None}
    assert len(names) > 30
    for source, name in names.items():
        assert name, source
        assert "标题" not in name, source
        assert not name.endswith("关于"), source
        assert _balanced(name), source
    by_id = {source.rsplit("/", 1)[-1].split(".")[0]: name for source, name in names.items()}
    assert by_id["030"] == "平潭综合实验区海坛片区管理局"
    assert by_id["014"] == "平潭综合实验区市场监督管理局"
    assert by_id["009"] == "平潭综合实验区"
