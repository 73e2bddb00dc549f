"""A phrase is not a report (issue 19): text whose only sign of a report is a sentence naming
政府信息公开工作年度报告 is refused with ``not_a_report``, whatever reader it comes through; a
report with its title and headings but no table is still read."""

from __future__ import annotations

import html
import io
from pathlib import Path

import pytest

import disclosure_parser as dp
from conftest import CORPUS

#: texts that mention a report without being one, as a folder of reports holds them
MENTIONS = {
    "readme": (
        "# Reports of 2021\n\n"
        "Published 政府信息公开工作年度报告, as found in public repositories, in the forms "
        "users meet them.\n\n| form | files |\n|---|---|\n| pdf | 001, 002 |\n"
    ),
    "notes": (
        "notes 2022-03-01\n"
        "- 下载了平潭综合实验区2021年度政府信息公开工作年度报告，表格缺了两行\n"
        "- ask about the PDF version\n"
    ),
    "news": (
        "某市人民政府发布2021年政府信息公开工作年度报告\n"
        "近日，某市人民政府在门户网站发布了年度报告，全面介绍了一年来的工作。\n"
        "报告显示，全年主动公开政府信息一万余条。\n"
    ),
    "links": (
        "某县人民政府2021年政府信息公开工作年度报告\n"
        "某县人民政府2020年政府信息公开工作年度报告\n"
        "某县人民政府2019年政府信息公开工作年度报告\n"
    ),
    "notice": (
        "关于做好政府信息公开工作年度报告编制发布工作的通知\n"
        "各乡镇人民政府、县政府各部门：\n"
        "请按照新的年度报告格式，于1月31日前在门户网站公布本单位的年度报告。\n"
    ),
}


@pytest.mark.parametrize("name", sorted(MENTIONS))
def test_a_mention_is_not_a_report(name: str) -> None:
    """A README, notes, a news item, a list of links, a notice: not_a_report, pointing at the
    line that mentions a report."""
    text = MENTIONS[name]
    with pytest.raises(dp.ParseError) as info:
        dp.parse(text)
    assert info.value.code == "not_a_report"
    assert info.value.msg.startswith("not a government information disclosure annual report")
    line = text.splitlines()[info.value.line - 1]
    assert "报告" in line


def test_a_title_with_headings_and_no_table_is_a_report() -> None:
    """A report whose title and section headings are there, but no table, is read, and says
    what it misses."""
    text = (
        "某县人民政府2021年政府信息公开工作年度报告\n"
        "一、总体情况\n2021年，我县认真贯彻落实条例。\n"
        "二、主动公开政府信息情况\n全年主动公开政府信息500条。\n"
        "五、存在的主要问题及改进情况\n公开质量有待提高。\n"
    )
    report = dp.parse(text)
    assert (report.organization, report.year) == ("某县人民政府", 2021)
    assert [s.number for s in report.sections] == [1, 2, 5]
    missing = [d for d in report.diagnostics if d.code == "missing_table"]
    assert len(missing) == 3
    assert [f.code for f in dp.validate(report)].count("missing_table") == 3


def test_a_table_without_title_is_a_report() -> None:
    """The rule asks for more than a mention, not for a title: table C alone is a report."""
    report = dp.parse("行政复议\t行政诉讼\n" + "\t".join("1" * 15))
    assert report.reviews.get("review", "upheld") == 1


def _page(text: str) -> str:
    return "<html><body>" + "".join(f"<p>{html.escape(t)}</p>" for t in text.splitlines())


@pytest.mark.parametrize("name", ["readme", "news", "notice"])
def test_every_reader_refuses_a_mention(name: str, tmp_path: Path) -> None:
    """The rule holds whatever reader the text comes through: text, markdown, a web page, a
    Word file."""
    text = MENTIONS[name]
    files = {"a.txt": text.encode("utf-8"), "a.md": text.encode("utf-8")}
    if _has("bs4"):
        files["a.html"] = _page(text).encode("utf-8")
    if _has("docx"):
        files["a.docx"] = _docx(text)
    for file_name, data in files.items():
        path = tmp_path / file_name
        path.write_bytes(data)
        with pytest.raises(dp.ParseError) as info:
            dp.parse_file(path)
        assert info.value.code == "not_a_report", file_name


def _has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_dev_corpus_readme_is_not_a_report() -> None:
    """The corpus folder's own README (a sentence naming 政府信息公开工作年度报告) is refused,
    where it was read as a report of the organisation "Published"."""
    readme = CORPUS / "README.md"
    if not readme.exists():
        pytest.skip(f"the dev corpus is not available here ({CORPUS} is missing)")
    with pytest.raises(dp.ParseError) as info:
        dp.parse_file(readme)
    assert info.value.code == "not_a_report"


def test_every_report_of_the_dev_corpus_is_still_read() -> None:
    """No real report is refused by the rule: each text file of the corpus still parses."""
    if not CORPUS.exists():
        pytest.skip(f"the dev corpus is not available here ({CORPUS} is missing)")
    for path in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md")):
        if path.name == "README.md":
            continue
        assert dp.parse_file(path).organization, path.name
