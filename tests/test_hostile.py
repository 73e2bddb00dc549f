"""Regression tests for the parsing and validation half of issue 17 (hostile and damaged files).

One test (or a few) per defect, at the depth where it lived; the reproducers of the attack are
evidence kept outside the repository, these are their plain forms.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import disclosure_parser as dp
from disclosure_parser.parsing.cells import classify, looks_like_value, two_numbers
from disclosure_parser.parsing.labels import row_keys
from disclosure_parser.parsing.solver import BLANK, OPAQUE

HERE = Path(__file__).parent
_TITLE = "某县人民政府2021年政府信息公开工作年度报告\n"
_B_HEAD = (
    "三、收到和处理政府信息公开申请情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\n"
    "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
    "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
)
#: the solver's internal markers, as they would print
MARKERS = re.compile("|".join(str(abs(m)) for m in (BLANK, OPAQUE, 2**60)))


def _loud(report: dp.Report, line: int) -> list[str]:
    return [d.code for d in report.diagnostics if d.line == line and d.severity != "info"]


# ---- r06: two numbers in one cell ------------------------------------------------------------


@pytest.mark.parametrize("raw", ["3 5", "13 60", "1<br>2", "1<BR/>2", "3\u30005", "１ ２", "1\n2"])
def test_two_numbers_in_a_cell_are_never_one_number(raw: str) -> None:
    """Folding drops spaces, so "13 60" became 1360: a gap between digits now makes text."""
    assert classify(raw) == ("text", None, None)
    assert two_numbers(raw)
    # the cell still stands where values stand (the row's label is not extended by it)
    assert looks_like_value(raw)


@pytest.mark.parametrize("raw", ["7.5 万元", "3,119", "+1036", "- 5", "12", "\xa012\xa0"])
def test_one_number_with_spaces_around_or_a_unit_is_still_a_number(raw: str) -> None:
    assert classify(raw)[0] == "number"
    assert not two_numbers(raw)


def test_two_numbers_in_a_table_b_cell_are_withheld_with_an_error() -> None:
    text = _TITLE + _B_HEAD + "一、本年新收政府信息公开申请数量\t\t3 5\t0\t0\t0\t0\t0\t8\n"
    report = dp.parse(text)
    cell = report.applications.cell("new_received", "natural_person")
    assert cell is not None
    assert (cell.state, cell.value, cell.raw) == ("text", None, "3 5")
    (note,) = [d for d in report.diagnostics if d.code == "two_numbers"]
    assert (note.severity, note.line, note.column) == ("error", 6, cell.column)
    assert "'3 5'" in note.message
    assert "自然人" in note.message


def test_two_numbers_in_an_html_cell_are_withheld_with_an_error() -> None:
    """The reproducer: ``<td>1<br>2</td>`` in table C read as 12, sums holding."""
    pytest.importorskip("bs4")
    page = (
        "<p>示例镇人民政府2021年政府信息公开工作年度报告</p><table>"
        "<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
        "<tr><td>1<br>2</td><td>0</td><td>0</td><td>0</td><td>1<br>2</td>"
        + "<td>0</td>" * 10
        + "</tr></table>"
    )
    report = dp.parse_html(page)
    for outcome in ("upheld", "total"):
        cell = report.reviews.cell("review", outcome)
        assert cell is not None
        assert (cell.state, cell.raw) == ("text", "1 2")
    notes = [d for d in report.diagnostics if d.code == "two_numbers"]
    assert len(notes) == 2
    assert {d.severity for d in notes} == {"error"}


def test_a_drawn_table_missing_a_row_rule_keeps_both_rows_numbers_apart() -> None:
    """w3m draws each row between rules; without the rule, two rows' lines join into one row,
    whose cells used to glue their numbers ("1" and "0" made 10)."""
    lines = (HERE / "fixtures" / "dumps" / "seed_001.w3m.txt").read_text("utf-8").split("\n")
    new = next(i for i, x in enumerate(lines) if x.startswith("│一、本年新收"))
    assert lines[new + 1].startswith("├")
    del lines[new + 1]
    report = dp.parse("\n".join(lines))
    # the merged row names two rows: neither is read from it
    assert report.applications.row("new_received") is None
    assert report.applications.row("carried_over") is None
    (note,) = [d for d in report.diagnostics if d.code == "merged_rows"]
    assert note.severity == "error"
    assert note.line == new + 1


def test_a_label_naming_two_rows_is_two_rows_printed_as_one() -> None:
    assert row_keys("(一)予以公开(二)部分公开") == ("granted", "partially_granted")
    assert row_keys("三、本年度办理结果(一)予以公开") == ("granted",)
    text = (
        _TITLE + _B_HEAD + "三、本年度办理结果\t（一）予以公开（二）部分公开\t5\t0\t0\t0\t0\t0\t5\n"
    )
    report = dp.parse(text)
    assert report.applications.row("partially_granted") is None
    assert report.applications.row("granted") is None
    assert "merged_rows" in _loud(report, 6)


# ---- r10: the solver's markers never reach a message ----------------------------------------


def test_ambiguous_row_message_says_blank_not_the_solver_marker() -> None:
    """A short row with printed blanks, in a table whose sums cannot place its lost cell."""
    text = (
        _TITLE
        + _B_HEAD.replace("\t\t\t\t\t总计\n", "\n")
        + "一、本年新收政府信息公开申请数量\t\t270\t0\t0\t0\t0\t0\n"
        "三、本年度办理结果\t（一）予以公开\t258\t12\t\xa0\t\xa0\t\xa0\n"
    )
    report = dp.parse(text)
    (note,) = [d for d in report.diagnostics if d.code == "ambiguous_row"]
    assert "科研机构=blank" in note.message
    assert MARKERS.search(note.message) is None
