"""The damage real conversions do to a report's text, one case at a time (issue 15, a–i)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

import build
import disclosure_parser as dp
from disclosure_parser.core.keys import APPLICATION_ROWS, ROW_LABELS
from disclosure_parser.parsing import blocks
from disclosure_parser.parsing.raw import RawCell

TITLE = "示例镇人民政府2021年政府信息公开工作年度报告\n"
B_HEAD = "三、收到和处理政府信息公开申请情况\n"
C_HEAD = "四、政府信息公开行政复议、行政诉讼情况\n"


def _values(report: dp.Report, key: str) -> list[object]:
    row = report.applications.row(key)
    assert row is not None, key
    return [c.value if c.state == "number" else c.state for c in row.cells]


#: the title and table B's header as default pdftotext prints them, a header cell a line
_B_STREAM_HEAD = (
    TITLE
    + B_HEAD
    + "申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
    "自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n"
)


def _one_a_line(*values: int) -> str:
    """Numbers one a line, each followed by a blank line, as default pdftotext prints them."""
    return "".join(f"{v}\n\n" for v in values)


def _loud_lines(report: dp.Report) -> set[int]:
    return {d.line for d in report.diagnostics if d.severity != "info" and d.line is not None}


# a. default pdftotext: a label wrapped around its row's first number, 总计 in the header


def test_label_wrapped_around_its_rows_first_number() -> None:
    """(a) 一、本年新收政府信息公开申 / 14 / 请数量 / 0 0 0 0 0 14: the 14 starts the row, and
    总计 printed in the header (a cell a line) is the header's, not a row label."""
    text = (
        TITLE
        + B_HEAD
        + "申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
        "自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n"
        "一、本年新收政府信息公开申\n14\n请数量\n0 0 0 0 0 14\n"
        "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n"
    )
    report = dp.parse(text)
    assert report.applications.has_total_column
    assert _values(report, "new_received") == [14, 0, 0, 0, 0, 0, 14]
    assert _values(report, "carried_over") == [1, 0, 0, 0, 0, 0, 1]


def test_total_header_among_the_first_rows_numbers_is_no_row_label() -> None:
    """Default pdftotext set the header cell 总计 after the first row's six numbers: it is the
    header's, so the next row's numbers are not read as （七）总计 (the real one kept)."""
    text = (
        TITLE
        + B_HEAD
        + "申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\n"
        "一、本年新收政府信息公开申请数量\n\n法人或其他组织\n自然人\n\n"
        "商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n\n"
        + _one_a_line(71, 45, 54, 62, 49, 57)
        + "总计\n\n"
        + _one_a_line(338, 1, 5, 7, 0, 1, 3, 17)
        + "三、本年度办理结果 （一）予以公开\n\n"
        + _one_a_line(0, 9, 9, 5, 5, 1, 29)
        + "（七）总计\n\n"
        + _one_a_line(2, 3, 4, 5, 6, 7, 27)
    )
    report = dp.parse(text)
    assert _values(report, "total") == [2, 3, 4, 5, 6, 7, 27]
    assert _values(report, "carried_over") == [1, 5, 7, 0, 1, 3, 17]
    assert _values(report, "new_received") == [71, 45, 54, 62, 49, 57, 338]
    row = report.applications.row("carried_over")
    assert row is not None
    assert {c.line for c in row.cells} <= _loud_lines(report)  # placed by position: said
    assert not any("B row :" in d.message for d in report.diagnostics)  # every row named


def test_label_end_after_its_numbers_belongs_to_the_row() -> None:
    """Space-aligned PDF text prints a row's numbers beside the middle line of its label:
    "4.保护第三" / numbers / "方合法权益". The end goes with the row, not to the next one."""
    rows = {
        "4.保护第三": "1   2   3   4   5   6   21",
        "7.属于行政": "7   0   0   0   0   0   7",
    }
    lines = [TITLE.strip(), B_HEAD.strip(), "（本列数据的勾稽关系为：第一项加第二项之和）"]
    lines += ["自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计", ""]
    lines += ["    4.保护第三", "          " + rows["4.保护第三"], "    方合法权益", ""]
    lines += ["    7.属于行政", "          " + rows["7.属于行政"], "    执法案卷", ""]
    report = dp.parse("\n".join(lines) + "\n")
    assert _values(report, "withheld.third_party_rights") == [1, 2, 3, 4, 5, 6, 21]
    assert _values(report, "withheld.enforcement_files") == [7, 0, 0, 0, 0, 0, 7]


def test_numbers_of_rows_whose_labels_were_printed_apart() -> None:
    """(a) default pdftotext printed the labels of （一） and （二） after the table's other
    rows, their numbers right after those of the row before: 21 numbers after one label,
    three sevens that each add up, are that row and the two rows whose labels are missing
    there, each said on its lines."""

    text = (
        _B_STREAM_HEAD
        + "一、本年新收政府信息公开申请数量\n\n"
        + _one_a_line(3001, 53, 0, 0, 61, 4, 3119)
        + "二、上年结转政府信息公开申请数量\n\n"
        + _one_a_line(34, 0, 0, 0, 0, 0, 34, 1288, 21, 0, 0, 50, 3, 1362, 447, 7, 0, 0, 0, 0, 454)
        + "1.属于国家秘密\n\n"
        + _one_a_line(2, 0, 0, 0, 0, 0, 2)
        + "（一）予以公开\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
    )
    report = dp.parse(text)
    assert _values(report, "carried_over") == [34, 0, 0, 0, 0, 0, 34]
    assert _values(report, "granted") == [1288, 21, 0, 0, 50, 3, 1362]
    assert _values(report, "partially_granted") == [447, 7, 0, 0, 0, 0, 454]
    assert _values(report, "withheld.state_secret") == [2, 0, 0, 0, 0, 0, 2]
    said = {d.code for d in report.diagnostics if d.severity == "warning"}
    assert {"rows_run_together", "unlabelled_row"} <= said
    granted = report.applications.row("granted")
    assert granted is not None
    assert {c.line for c in granted.cells} <= _loud_lines(report)


def test_last_numbers_of_a_row_printed_on_one_line_end_the_row() -> None:
    """Default pdftotext set 其他 and 总计 of a row in one block ("48 306") after five numbers
    a line: they end the row, which adds up; a line that would not make it add up (a number
    wrapped in its cell, "97034 37") stays apart and the row is not read."""
    text = (
        _B_STREAM_HEAD
        + "一、本年新收政府信息公开申请数量\n\n"
        + _one_a_line(63, 55, 48, 48, 44)
        + "48 306\n\n二、上年结转政府信息公开申请数量\n\n"
        + _one_a_line(88807, 96469, 14401, 78141, 3866)
        + "97034 37\n\n"
    )
    report = dp.parse(text)
    assert _values(report, "new_received") == [63, 55, 48, 48, 44, 48, 306]
    carried = _values(report, "carried_over")
    assert 37 not in carried
    assert set(carried) == {"missing"}


def test_first_numbers_of_a_row_printed_on_one_line_start_the_row() -> None:
    """Default pdftotext set a row's first three columns in one block ("500 724 288") after
    its label and a blank line, the others a number a line: the line starts the row, which
    adds up; set aside as stray digits, the row was read from the numbers after it."""
    text = (
        _B_STREAM_HEAD
        + "一、本年新收政府信息公开申请数量\n\n"
        + _one_a_line(63, 55, 48, 48, 44, 48, 306)
        + "二、上年结转政府信息公开申请数量\n\n500 724 288\n\n"
        + _one_a_line(580, 544, 452, 3088)
        + "三、本年度办理结果\n"
    )
    report = dp.parse(text)
    assert _values(report, "new_received") == [63, 55, 48, 48, 44, 48, 306]
    assert _values(report, "carried_over") == [500, 724, 288, 580, 544, 452, 3088]


def test_first_number_beside_its_label_and_the_rest_in_the_block() -> None:
    """Default pdftotext set a row's first number at the end of its label's line
    ("要求行政机关确认或重新出具已 3") and the other six in the block of numbers after the
    label's last line: the seven are the row, adding up, said joined on their lines. Six
    that would not make it add up are left alone."""
    text = (
        _B_STREAM_HEAD
        + "要求行政机关确认或重新出具已 3\n获取信息\n\n"
        + _one_a_line(5, 0, 5, 3, 3, 19)
        + "申请人无正当理由逾期不补正、\n行政机关不再处理其政府信息公开 4\n申请\n\n"
        + _one_a_line(0, 0, 3, 2, 2, 10)
    )
    report = dp.parse(text)
    assert _values(report, "not_processed.confirmation") == [3, 5, 0, 5, 3, 3, 19]
    joined = {d.line for d in report.diagnostics if d.code == "joined_row"}
    assert {13, 16, 18} <= joined  # the line of the 3, and of the six
    assert 4 not in _values(report, "other_handling.no_correction")


def test_first_numbers_beside_a_wrapped_label_and_the_rest_in_the_block() -> None:
    """The same with two or three numbers on the label's line ("属于三类内部事务信息 33588
    0"), and with a piece of the label printed between ("政法规禁止公 0" / "开", "属于四类 …"
    / "过程性信息"), which joins the row's label."""
    text = (
        _B_STREAM_HEAD
        + "5.\n属于三类内部事务信息 33588 0\n\n"
        + _one_a_line(13961, 5, 0, 62934, 110488)
        + "2.\n其他法律行\n政法规禁止公 0\n开\n\n"
        + _one_a_line(84730, 0, 0, 76310, 0, 161040)
        + "6.\n属于四类 17624 21082 9\n过程性信息\n\n"
        + _one_a_line(1, 39570, 0, 78286)
    )
    report = dp.parse(text)
    assert _values(report, "withheld.internal_affairs") == [33588, 0, 13961, 5, 0, 62934, 110488]
    assert _values(report, "withheld.prohibited_by_law") == [0, 84730, 0, 0, 76310, 0, 161040]
    row = report.applications.row("withheld.prohibited_by_law")
    assert row is not None
    assert row.label.endswith("开")
    process = [17624, 21082, 9, 1, 39570, 0, 78286]
    assert _values(report, "withheld.process_information") == process


def _cut_stream(
    *rows: tuple[str, tuple[int, ...]],
    head: str = "申请人情况\n\n自然人\n\n法人或其他\n商业企业 科研机构 社会公益\n\n",
) -> str:
    """Table B as default pdftotext prints it when the page's right edge cut it after 社会公益
    (Chromium's PDF of a table wider than the page; or as *head* says): the header's words,
    then each row's label and the numbers the page shows, one a line."""
    body = "".join(f"{label}\n\n" + _one_a_line(*values) for label, values in rows)
    return TITLE + B_HEAD + head + body


def test_stream_under_a_header_the_page_edge_cut_reads_the_columns_it_shows() -> None:
    """Four numbers a row under a header that stops at 社会公益 (社会公益组织 cut): the first
    three are 自然人, 商业企业 and 科研机构; the fourth is what the edge left of 社会公益组织,
    withheld like the columns past the edge, said on the row."""
    report = dp.parse(
        _cut_stream(
            ("一、本年新收政府信息公开申请数量", (67, 43, 54, 38)),
            ("二、上年结转政府信息公开申请数量", (2, 7, 4, 3)),
            ("（一）予以公开", (2, 9, 9, 0)),
        )
    )
    missing = ["missing"] * 4
    assert _values(report, "new_received") == [67, 43, 54, *missing]
    assert _values(report, "carried_over") == [2, 7, 4, *missing]
    assert _values(report, "granted") == [2, 9, 9, *missing]
    cut = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert len(cut) == 3
    assert all("社会公益" in d.message for d in cut)


def test_stream_rows_that_do_not_fill_the_columns_a_cut_header_shows_are_withheld() -> None:
    """Under the same header, five numbers (one from another row or column: which, nothing
    says) and eight (two rows run together) are not placed: their cells are withheld, and
    the message says why. (No 总计 is left to check a guess.)"""
    report = dp.parse(
        _cut_stream(
            ("一、本年新收政府信息公开申请数量", (67, 43, 54, 38)),
            ("二、上年结转政府信息公开申请数量", (2, 7, 4, 3, 5)),
            ("（一）予以公开", (2, 9, 9, 0, 0, 1, 0, 3)),
        )
    )
    assert _values(report, "carried_over") == ["missing"] * 7
    assert _values(report, "granted") == ["missing"] * 7
    said = {d.line: d.message for d in report.diagnostics if "numbers (a blank" in d.message}
    assert len(said) == 2
    assert any("printed 8 numbers" in m for m in said.values())


def test_stream_rows_of_three_numbers_under_a_header_cut_after_three_columns() -> None:
    """A header that stops at 科研机构 (LibreOffice's PDF cut past both edges, 法人或其他组织
    cut to 法): a row prints three numbers, fewer than a row of the whole table does, and
    still is its label's row, read in those three columns; a row of two (a blank among
    them) is withheld."""
    report = dp.parse(
        _cut_stream(
            ("一、本年新收政府信息公开申请数量", (581170, 414199, 792323)),
            ("二、上年结转政府信息公开申请数量", (20223, 46874, 4654)),
            ("（一）予以公开", (89140, 2)),
            head="自然人\n\n法\n商业企业 科研机构\n\n",
        )
    )
    missing = ["missing"] * 4
    assert _values(report, "new_received") == [581170, 414199, 792323, *missing]
    assert _values(report, "carried_over") == [20223, 46874, 4654, *missing]
    assert _values(report, "granted") == ["missing"] * 7
    assert any("printed 2 numbers" in d.message for d in report.diagnostics)


def _two_labels_then_numbers(first: str, second: str) -> str:
    """Table B as default pdftotext printed two rows' labels and then both rows' numbers."""
    return (
        _B_STREAM_HEAD
        + "一、本年新收政府信息公开申请数量\n\n"
        + _one_a_line(63, 55, 48, 48, 44, 48, 306)
        + f"{first}\n{second}\n\n"
        + _one_a_line(62, 62, 46, 50, 47, 49, 316, 5, 0, 3, 5, 1, 1, 15)
    )


def test_labels_printed_before_a_block_of_rows_numbers_withhold_them() -> None:
    """Default pdftotext printed "2.重复申请" and "3.要求提供公开出版物" and then both rows'
    numbers: of fourteen that make two whole rows, the first seven could be either label's
    (the second row's own, the rest a later row's whose label follows), so neither row
    takes them, and an error says so on the first number's line."""
    text = _two_labels_then_numbers("2.重复申请", "3.要求提供公开出版物")
    report = dp.parse(text)
    for key in ("not_processed.duplicate", "not_processed.publication"):
        row = report.applications.row(key)
        assert row is None or {c.state for c in row.cells} == {"missing"}, key
    (error,) = [d for d in report.diagnostics if d.code == "rows_run_together"]
    assert error.severity == "error"
    assert "2.重复申请" in error.message
    assert text.split("\n")[error.line - 1] == "62"  # the first of the numbers withheld


def test_labels_printed_before_the_last_rows_numbers_are_theirs_in_turn() -> None:
    """ "（七）总计" / "四、结转下年度继续办理" / fourteen numbers: the other reading (the
    second label's numbers first, the rest a later row's) needs a row after the table's
    last, so the two sevens are 总计's and 结转's, in turn, warned on each number's line."""
    text = _two_labels_then_numbers("（七）总计", "四、结转下年度继续办理")
    report = dp.parse(text)
    assert _values(report, "total") == [62, 62, 46, 50, 47, 49, 316]
    assert _values(report, "carried_forward") == [5, 0, 3, 5, 1, 1, 15]
    total = report.applications.row("total")
    assert total is not None
    assert total.label == "（七）总计"
    carried = report.applications.row("carried_forward")
    assert carried is not None
    assert carried.label == "四、结转下年度继续办理"
    warned = {d.line for d in report.diagnostics if d.code == "rows_run_together"}
    for key in ("total", "carried_forward"):
        row = report.applications.row(key)
        assert row is not None
        assert {c.line for c in row.cells} <= warned
    assert all(d.severity == "warning" for d in report.diagnostics if d.code == "rows_run_together")


def _labels_then_seven(*numbers: int) -> str:
    """Table B as default pdftotext printed three rows' labels, then seven numbers."""
    return (
        _B_STREAM_HEAD
        + "一、本年新收政府信息公开申请数量\n\n"
        + _one_a_line(63, 55, 48, 48, 44, 48, 306)
        + "二、上年结转政府信息公开申请数量\n（一）予以公开\n（二）部分公开\n\n"
        + _one_a_line(*numbers)
    )


def test_numbers_that_do_not_add_up_after_several_labels_are_withheld() -> None:
    """Three labels then seven numbers none of which is the sum of the others (pieces of
    other rows, default pdftotext): not the last label's, whose nothing says; an error on the
    first number's line names the labels before."""
    text = _labels_then_seven(56899, 22770, 5, 5, 1, 2, 9)
    report = dp.parse(text)
    for key in ("carried_over", "granted", "partially_granted"):
        row = report.applications.row(key)
        assert row is None or {c.state for c in row.cells} == {"missing"}, key
    (error,) = [d for d in report.diagnostics if d.code == "rows_run_together"]
    assert error.severity == "error"
    assert "（一）予以公开" in error.message
    assert text.split("\n")[error.line - 1] == "56899"


def test_numbers_that_add_up_after_several_labels_are_the_last_labels() -> None:
    """The same block whose seven numbers add up (the last the sum of the rest): the last
    label's own, as before."""
    report = dp.parse(_labels_then_seven(2, 1, 3, 0, 1, 2, 9))
    assert _values(report, "partially_granted") == [2, 1, 3, 0, 1, 2, 9]
    assert not any(d.code == "rows_run_together" for d in report.diagnostics)


# b. default pdftotext of table C with one-character header cells


def test_table_c_read_by_blocks_of_columns_is_flagged() -> None:
    """(b) 结 / 果 / 维 / 持 printed a character a line, other header cells several to a line:
    the numbers' order may not be the columns'; every one of them carries a warning."""
    text = (
        TITLE
        + C_HEAD
        + "行政复议\n行政诉讼\n结\n果\n维\n持\n0\n结果 其他 尚未\n总计\n纠正 结果 审结\n"
        + "".join(f"{v}\n" for v in [1, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    )
    report = dp.parse(text)
    loud = _loud_lines(report)
    for group in report.reviews:
        for cell in group.cells:
            if cell.state == "number":
                assert cell.line in loud, cell
    assert any(d.code == "reading_order" for d in report.diagnostics)


def test_table_c_groups_that_do_not_add_up_in_blocks_order_are_withheld() -> None:
    """(a) 001.pdftotext: table C's blocks came out as 72 64 178 37 / 12 1 1 6 / 351 /
    13 4 8 1 26 / 20, so no group adds up in the order read (the review total read 12,
    printed 351): each such group is withheld with an error on its first number's line, and
    a group that adds up is kept."""

    head = "行政复议\n\n行政诉讼\n\n未经复议直接起诉\n结果\n\n结果\n\n其他结\n\n结果 结果 尚未\n\n"
    disordered = head + _one_a_line(72, 64, 178, 37, 12, 1, 1, 6, 351, 13, 4, 8, 1, 26, 20)
    text = TITLE + C_HEAD + disordered
    report = dp.parse(text)
    for group in report.reviews:
        assert [c.state for c in group.cells] == ["missing"] * 5, group
    errors = [d for d in report.diagnostics if d.code == "reading_order" and d.severity == "error"]
    assert len(errors) == 3
    assert "351" in errors[0].message
    assert "12" in errors[0].message
    assert [text.split("\n")[d.line - 1] for d in errors] == ["72", "1", "4"]
    in_order = head + _one_a_line(72, 64, 178, 37, 351, 12, 1, 1, 6, 20, 13, 4, 8, 1, 26)
    report = dp.parse(TITLE + C_HEAD + in_order)
    totals = [group.cells[4].value for group in report.reviews]
    assert totals == [351, 20, 26]
    assert not [
        d for d in report.diagnostics if d.code == "reading_order" and d.severity == "error"
    ]


#: table B's header as default pdftotext prints it when the columns were printed apart
_B_BLOCKS_HEAD = (
    TITLE
    + B_HEAD
    + "申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
    "自然人\n法人或其他组织\n商业企业 科研机构 社会公益\n组织\n法律服务 其他\n机构\n总计\n"
)


def test_table_b_row_that_does_not_add_up_in_blocks_order_is_withheld() -> None:
    """A table B row read by blocks of columns whose numbers do not add up in the order read
    (Chromium's default text of gen_2021_blank: 0 9 5 31 5 5 9, printed 9 … 36) is withheld
    with an error on its first number's line; a row that adds up keeps its numbers."""
    row = "一、本年新收政府信息公开申请数量\n\n"
    carried = "二、上年结转政府信息公开申请数量\n\n" + _one_a_line(1, 0, 0, 0, 0, 0, 1)
    text = _B_BLOCKS_HEAD + row + _one_a_line(3, 0, 2, 1, 0, 4, 12) + carried
    report = dp.parse(text)
    assert _values(report, "new_received") == ["missing"] * 7
    assert _values(report, "carried_over") == [1, 0, 0, 0, 0, 0, 1]
    errors = [d for d in report.diagnostics if d.code == "reading_order" and d.severity == "error"]
    assert len(errors) == 1
    assert text.split("\n")[errors[0].line - 1] == "3"
    assert "add up to 10, its total reads 12" in errors[0].message_in("en")
    report = dp.parse(_B_BLOCKS_HEAD + row + _one_a_line(3, 0, 2, 1, 0, 4, 10) + carried)
    assert _values(report, "new_received") == [3, 0, 2, 1, 0, 4, 10]
    assert not [
        d for d in report.diagnostics if d.code == "reading_order" and d.severity == "error"
    ]


#: table C's header as LibreOffice's PDF of a report comes out of default pdftotext
_C_LO_HEAD = (
    "行政复议\n\n行政诉讼\n未经复议直接起诉\n\n复议后起诉\n\n结果 结果 其他 尚未\n总计\n"
    "维持 纠正 结果 审结\n结果 结果 其他 尚未\n结果 结果 其他 尚未\n总计\n总计\n"
    "维持 纠正 结果 审结\n维持 纠正 结果 审结\n"
)
_LATER_HEADINGS = "五、存在的主要问题及改进情况\n六、其他需要报告的事项\n\n"


def _after_headings(d: dp.Diagnostic) -> bool:
    return d.code == "reading_order" and "after the headings" in d.message_in("en")


def test_table_c_groups_printed_after_the_next_headings_are_the_tables() -> None:
    """LibreOffice's PDF of a report whose last sections are headings alone: default
    pdftotext prints table C's first group, then those headings, then its other groups
    (fresh_90000); they are the table's, in the order printed, each number warned."""
    later = _one_a_line(9, 2, 0, 0, 11) + "3 3\n\n" + _one_a_line(2, 1, 9)
    text = TITLE + C_HEAD + _C_LO_HEAD + _one_a_line(9, 1, 0, 5, 15) + _LATER_HEADINGS + later
    report = dp.parse(text)
    got = [[c.value for c in group.cells] for group in report.reviews]
    assert got == [[9, 1, 0, 5, 15], [9, 2, 0, 0, 11], [3, 3, 2, 1, 9]]
    warned = {d.line for d in report.diagnostics if _after_headings(d)}
    lines = text.split("\n")
    after = next(i for i, line in enumerate(lines, 1) if line.startswith("六、"))
    assert {c.line for g in report.reviews.groups[1:] for c in g.cells} <= warned
    assert all(
        c.line is not None and c.line > after for g in report.reviews.groups[1:] for c in g.cells
    )


@pytest.mark.parametrize(
    "after",
    [
        "3\n",  # a page number: no group of the table adds up with it
        "本年度无其他需要报告的事项。\n9\n2\n0\n0\n11\n",  # prose came first
    ],
)
def test_numbers_after_the_next_headings_not_the_tables_are_left(after: str) -> None:
    """Numbers after the headings that follow table C are not its own where they do not
    add up with it, or where prose stands between: the table reads only what it printed
    (five numbers for fifteen columns, withheld as before)."""
    text = TITLE + C_HEAD + _C_LO_HEAD + _one_a_line(9, 1, 0, 5, 15) + _LATER_HEADINGS + after
    report = dp.parse(text)
    assert all(c.value is None for g in report.reviews.groups for c in g.cells)
    assert any(d.code == "ragged_row" for d in report.diagnostics)
    assert not any(_after_headings(d) for d in report.diagnostics)


#: a browser's footer and header around a page break, as default pdftotext prints them
_PAGE_TURN = "file:///tmp/report.html\n\n1/5\n\n\f" + TITLE + "\n12/3/26, 3:35 PM\n\n"


def _items_by_blocks(page_end: bool) -> str:
    """Table A's 2019 clauses 五–七 as default pdftotext prints a browser's PDF: each header
    cell apart, numbers one a line, and (*page_end*) the page turning after 行政处罚's."""
    head = "第二十条第（{}）项\n信息内容\n\n上一年项目数量 本年增/减\n\n处理决定数量\n\n"
    return (
        TITLE.replace("2021", "2020")
        + "二、主动公开政府信息情况\n\n"
        + head.format("五")
        + "行政许可\n\n"
        + _one_a_line(1, -1037, 60818)
        + head.format("六")
        + "行政处罚\n\n"
        + _one_a_line(0, 53327, 2492)
        + (_PAGE_TURN if page_end else "")
        + head.format("七")
        + "行政强制\n\n"
        + _one_a_line(5, 3, 8)
    )


def _item_values(report: dp.Report, key: str) -> list[object]:
    item = report.active_disclosure.item(key)
    assert item is not None, key
    return [c.value if c.state == "number" else c.state for c in item.cells]


def test_item_numbers_that_end_their_page_are_withheld() -> None:
    """Default pdftotext of Chromium's PDF puts a number under the page's footer after the
    row's others (0 / 2492 / 53327 for 0 | 53327 | 2492): an item read by blocks whose
    numbers are the last text of their page is withheld, an error on its first number's
    line; the items around it are read."""
    text = _items_by_blocks(page_end=True)
    report = dp.parse(text)
    assert _item_values(report, "penalties") == ["missing"] * 3
    assert _item_values(report, "licensing") == [1, -1037, 60818]
    assert _item_values(report, "coercive_measures") == [5, 3, 8]
    (error,) = [d for d in report.diagnostics if d.severity == "error" and d.line is not None]
    assert error.code == "reading_order"
    assert text.split("\n")[error.line - 1] == "0"  # 行政处罚's first number


def test_item_numbers_inside_their_page_are_read() -> None:
    """The same items with no page turning after 行政处罚: its numbers are read (warned)."""
    report = dp.parse(_items_by_blocks(page_end=False))
    assert _item_values(report, "penalties") == [0, 53327, 2492]
    assert not any(d.severity == "error" and d.line is not None for d in report.diagnostics)


# c. a row cut by a page break


def test_row_cut_by_a_page_break_is_one_row_not_blanks() -> None:
    """(c) the label at the foot of a page, its cells on the next: the cells are the row's
    numbers, said in a warning, not blanks that were never printed."""
    text = (
        TITLE
        + B_HEAD
        + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\n"
        "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
        "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
        "（三）不予公开\t1.属于国家秘密\t\t\t\t\t\t\t\n"
        "- 3 -\n"
        "\t\t3\t0\t0\t0\t0\t0\t3\n"
    )
    report = dp.parse(text)
    assert _values(report, "withheld.state_secret") == [3, 0, 0, 0, 0, 0, 3]
    (note,) = [d for d in report.diagnostics if d.code == "page_break_row"]
    assert note.severity == "warning"


def test_form_feed_is_a_page_break() -> None:
    """pdftotext marks a new page with a form feed: a row cut there is joined the same way."""
    text = (
        TITLE
        + B_HEAD
        + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\n"
        "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
        "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
        "（三）不予公开\t1.属于国家秘密\t\t\t\t\t\t\t\n"
        "\f\t\t3\t0\t0\t0\t0\t0\t3\n"
    )
    assert _values(dp.parse(text), "withheld.state_secret") == [3, 0, 0, 0, 0, 0, 3]


# e. pdftotext -layout: blank cells placed by position


def test_layout_text_places_values_by_their_column() -> None:
    """(e) a row with blank cells in space-aligned text: each value goes to the column it
    stands under (its character position), the others are printed blanks."""
    columns = [40, 47, 54, 61, 68, 75, 82]  # where each column's numbers start

    def line(label: str, values: dict[int, str]) -> str:
        out = list(label + " " * (90 - len(label)))
        for column, value in values.items():
            out[columns[column] : columns[column] + len(value)] = value
        return "".join(out).rstrip()

    numbers = ["821", "35", "4", "6", "2", "1", "869"]
    full = line("一、本年新收政府信息公开申请数量", dict(enumerate(numbers)))
    part = line("二、上年结转政府信息公开申请数量", {0: "18", 6: "18"})
    gaps = line("四、结转下年度继续办理", {0: "72", 1: "3", 5: "1", 6: "76"})
    text = (
        TITLE
        + B_HEAD
        + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
        + "\n".join([full, part, gaps])
        + "\n"
    )
    report = dp.parse(text)
    assert _values(report, "carried_over") == [18, "blank", "blank", "blank", "blank", "blank", 18]
    assert _values(report, "carried_forward") == [72, 3, "blank", "blank", "blank", 1, 76]
    blank = report.applications.cell("carried_over", "commercial")
    assert blank is not None
    assert blank.line == 5


def test_layout_totals_cut_at_the_page_edge_are_not_numbers() -> None:
    """A browser's PDF printed wider than its page: pdftotext keeps the 总计 column's first
    digits ("219" of 2196622), each the beginning of its row's sum. They are no numbers: the
    totals are worked out from the rows, the blanks stay where they stand (a cut total set a
    space after 其他's number, too), and a warning on each line says why."""
    columns = [40, 48, 56, 64, 72, 80, 88]
    edge = 91  # the page's right edge, in characters

    def line(label: str, values: dict[int, int]) -> str:
        out = list(label + " " * (100 - len(label)))
        total = str(sum(values.values()))
        for column, value in [*values.items(), (6, total)]:
            out[columns[column] : columns[column] + len(str(value))] = str(value)
        return "".join(out)[:edge].rstrip()

    new = [408327, 569629, 657699, 279854, 281112, 1]
    carried = [30379, 66263, 3744, 59234, 35380, 1]
    lines = [
        line("一、本年新收政府信息公开申请数量", dict(enumerate(new))),
        line("二、上年结转政府信息公开申请数量", dict(enumerate(carried))),
        line("三、本年度办理结果 （一）予以公开", {0: 1, 1: 77780, 2: 14201, 5: 2}),
    ]
    # the cut total set a space after 其他's number (pdftotext squeezed it there)
    partly_label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    squeezed = line(partly_label, {0: 5, 3: 2, 5: 12345})
    lines.append(squeezed[:85] + " " + "1235")
    head = " " * 40 + "自然人" + " " * 45 + "总\n"
    head += " " * 48 + "商业企业    科研机构    社会公益    法律服务    其他\n"
    text = TITLE + B_HEAD + head + "\n".join(lines) + "\n"
    report = dp.parse(text)
    assert _values(report, "new_received") == [*new, 2196622]
    assert _values(report, "carried_over") == [*carried, 195001]
    assert _values(report, "granted") == [1, 77780, 14201, "blank", "blank", 2, 91984]
    partly = [5, "blank", "blank", 2, "blank", 12345, 12352]
    assert _values(report, "partially_granted") == partly
    notes = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert [text.split("\n")[d.line - 1][86:] for d in notes] == ["  219", "  195", "  919", "1235"]
    assert all(d.severity == "warning" for d in notes)


def _cut_table(head: str, rows: list[tuple[str, dict[int, str]]]) -> str:
    """Table B in ``pdftotext -layout`` text of a PDF printed wider than its page: *head*
    the header's second line, a page break after the first row (a footer, a form feed)."""
    lines = [" " * 88 + "自然人", head]
    for k, (label, values) in enumerate(rows):
        lines.append(_at(label, values))
        if k == 0:
            lines += ["", "file:///tmp/report.html" + " " * 80 + "1/3", "\f12/4/26, 6:50 PM"]
    return TITLE + B_HEAD + "\n".join(lines) + "\n"


def test_layout_header_cut_at_the_page_edge_reads_the_columns_it_shows() -> None:
    """Chromium's PDF of a wide table cut at its margin: the header stops after 社会公益组织
    and each row prints the four columns left of the edge. Those are read, on the next
    page too, and the cells past the edge are missing, said on each row's line."""
    head = " " * 94 + "商业企业 科研机构 社会公益组织"
    text = _cut_table(
        head,
        [
            ("一、本年新收政府信息公开申请数量", {100: "53", 107: "17", 112: "55", 119: "58"}),
            ("二、上年结转政府信息公开申请数量", {100: "8", 105: "7", 110: "1", 115: "4"}),
        ],
    )
    report = dp.parse(text)
    assert _values(report, "new_received") == [53, 17, 55, 58, *["missing"] * 3]
    assert _values(report, "carried_over") == [8, 7, 1, 4, *["missing"] * 3]
    notes = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert [d.line for d in notes] == [5, 9]
    assert "社会公益组织" in notes[0].message


def test_layout_column_the_edge_cut_through_is_withheld() -> None:
    """LibreOffice's PDF: the header stops at "法律服" of 法律服务机构, whose numbers show
    only their first digits ("281" of 281112): that column is withheld too."""
    head = " " * 94 + "商业企业 科研机构 社会公益组织 法律服"
    text = _cut_table(
        head,
        [
            (
                "一、本年新收政府信息公开申请数量",
                {96: "408327", 103: "569629", 110: "657699", 120: "279854", 130: "281"},
            ),
            (
                "二、上年结转政府信息公开申请数量",
                {96: "30379", 103: "66263", 110: "3744", 120: "59234", 130: "35"},
            ),
        ],
    )
    report = dp.parse(text)
    assert _values(report, "new_received") == [408327, 569629, 657699, 279854, *["missing"] * 3]
    assert _values(report, "carried_over") == [30379, 66263, 3744, 59234, *["missing"] * 3]


def test_layout_header_stopping_early_with_wider_rows_reads_nothing_by_it() -> None:
    """A row printing more numbers than the header's columns shows the header was not cut
    where it stops (it wrapped, or the edge is elsewhere): no row is read by it."""
    head = " " * 94 + "商业企业 科研机构 社会公益"
    text = _cut_table(
        head,
        [
            ("一、本年新收政府信息公开申请数量", {100: "53", 107: "17", 112: "55", 119: "58"}),
            (
                "二、上年结转政府信息公开申请数量",
                {100: "8", 105: "7", 110: "1", 115: "4", 120: "3"},
            ),
        ],
    )
    report = dp.parse(text)
    assert 53 not in _values(report, "new_received")
    assert not [d for d in report.diagnostics if d.code == "cut_at_page_edge"]


#: LibreOffice's PDF of a fixed-width table B printed past both edges of its page, as
#: ``pdftotext -layout`` gives it: the first rows' labels and every numbering cut off at the
#: left, the header cut at "社会" on the right, a page break after the first row
_CUT_BOTH_SIDES = (
    "关系为：第一项加第二项之和，等于第三项加第四项之和）"
    + " " * 48
    + "法\n"
    + " " * 51
    + "自然人\n"
    + " " * 57
    + "商业企业 科研机构 社会\n\n"
    + " " * 51
    + "678221 453199 732616   9\n"
    + "\f"
    + " " * 37
    + "97822   17163   58249\n\n"
    + " " * 39
    + "2      5      87163\n\n\n"
    + "区分处理的，只计这一情形，不计其他情形）"
    + " " * 17
    + "36193    5        2\n\n\n"
    + "属于国家秘密"
    + " " * 31
    + "65713   71125   65379\n\n\n"
    + "其他法律行政法规禁止公开"
    + " " * 27
    + "9     20557   7224\n"
)


def test_table_cut_at_both_edges_reads_what_the_page_shows() -> None:
    """The rows whose labels the left edge cut off are placed between the header and the
    first label read; "区分处理的，…" is the end of （二）部分公开's label; the rows of three
    numbers on the page where the column cut at "社会" shows nothing are its first three
    columns (their numbers stand in the columns they share); the rest is missing."""
    report = dp.parse(TITLE + B_HEAD + _CUT_BOTH_SIDES)
    missing = ["missing"] * 4
    assert _values(report, "new_received") == [678221, 453199, 732616, *missing]
    assert _values(report, "carried_over") == [97822, 17163, 58249, *missing]
    assert _values(report, "granted") == [2, 5, 87163, *missing]
    assert _values(report, "partially_granted") == [36193, 5, 2, *missing]
    assert _values(report, "withheld.prohibited_by_law") == [9, 20557, 7224, *missing]
    codes = {d.code for d in report.diagnostics if d.severity == "warning"}
    assert {"label_end", "unlabelled_row", "cut_at_page_edge"} <= codes


def test_rows_of_three_numbers_out_of_their_columns_are_not_read_by_the_cut() -> None:
    """On the page where the cut column shows nothing, a row whose three numbers do not
    stand in the columns the others share (a blank, then a number further right) is read
    by its positions, not as the first three columns: its last number stands in the cut
    column, and is withheld."""
    shifted = _CUT_BOTH_SIDES.replace(
        " " * 39 + "2      5      87163", " " * 39 + "2             5      87163"
    )
    report = dp.parse(TITLE + B_HEAD + shifted)
    assert _values(report, "granted") == [2, "blank", 5, *["missing"] * 4]


def test_rows_share_columns_only_where_their_numbers_stand_in_them() -> None:
    """positions.share_columns: three rows of numbers in the same columns do; one whose second
    number stands a column further right (a blank before it) does not."""
    from disclosure_parser.parsing.positions import share_columns
    from disclosure_parser.parsing.raw import RawCell

    class Line:
        def __init__(self, line: int, text: str) -> None:
            self.kind, self.line, self.labels = "plain", line, []
            self.choices = self.placing = None
            words = re.finditer(r"\S+", text)
            self.values = [RawCell(m.group(), line, m.start() + 1, False) for m in words]

    rows = [Line(1, "  9    12    7"), Line(2, "  3     4    1"), Line(3, " 10     0   15")]
    assert share_columns(rows)
    assert not share_columns([*rows, Line(4, "  5          2   8")])
    assert not share_columns(rows[:2])  # two rows say nothing


def _cut_review(values: str) -> str:
    """Table C of LibreOffice's PDF printed past both edges of its page, as ``pdftotext
    -layout`` gives it: 结果维持 of 行政复议 and the last two columns of 复议后起诉 are off
    the page, "果纠正" and 复议后起诉's 其他结果 cut by its edges."""
    return (
        TITLE
        + C_HEAD
        + "\n      行政复议"
        + " " * 45
        + "行政诉讼\n\n"
        + " " * 35
        + "未经复议直接起诉"
        + " " * 30
        + "复议后起诉\n"
        + "果纠正 其他结果 尚未审结        总计\n"
        + " " * 26
        + "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果\n\n"
        + values
        + "\n"
    )


def test_table_c_cut_at_both_edges_reads_the_columns_it_shows() -> None:
    """The header names twelve of the fifteen columns, from 行政复议's 结果纠正: the numbers
    stand in those, the first and last cut by the edges (withheld), the others off the page
    (missing), said on the line."""
    text = _cut_review("351   51997     9   140856 30775   2   0   5   30782 29515      3      5")
    report = dp.parse(text)
    review, direct, post = ([c.value for c in g.cells] for g in report.reviews)
    assert review == [None, None, 51997, 9, 140856]
    assert direct == [30775, 2, 0, 5, 30782]
    assert post == [29515, 3, None, None, None]
    (note,) = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert note.severity == "warning"
    assert "12" in note.message


def test_table_c_header_cut_after_one_character_of_its_last_word() -> None:
    """The edge cut 复议后起诉's 尚未审结 after its 尚 (the header's last word, one character):
    the column is the page's, its number's first digits only ("2" of 25047); read as the
    whole of it, with 总计 (past the edge) worked out from it, two wrong cells under an
    ambiguous_row error that kept them as settled."""
    text = _cut_review(
        "767  1   2   3775   2   1   84123   3   84129   59398   1   77567   2"
    ).replace("其他结果\n\n", "其他结果 尚\n\n")
    report = dp.parse(text)
    review, direct, post = ([c.value for c in g.cells] for g in report.reviews)
    assert review == [None, None, 1, 2, 3775]
    assert direct == [2, 1, 84123, 3, 84129]
    assert post == [59398, 1, 77567, None, None]
    assert [d.code for d in report.diagnostics if d.severity == "warning"] == ["cut_at_page_edge"]


def test_table_c_cut_with_a_blank_withholds_what_its_sums_leave_open() -> None:
    """A blank among the numbers of a cut table C (eleven numbers for twelve columns): the
    group the header shows whole must add up, which puts the cut columns' numbers at the
    edges; where in 未经复议直接起诉 the blank stands its sum does not say, so its first
    three cells are withheld, its total read."""
    blank = " " * 12
    text = _cut_review(f"351   51997     9   140856 30775   2   0{blank}30777 29515   3   5")
    report = dp.parse(text)
    review, direct, post = ([c.value for c in g.cells] for g in report.reviews)
    assert review == [None, None, 51997, 9, 140856]
    assert direct[:3] == [None, None, None]
    assert direct[4] == 30777
    assert post == [29515, 3, None, None, None]


def test_last_numbers_that_begin_their_rows_sum_by_chance_are_read() -> None:
    """In a table without 总计 a row's last number is its 其他, and it begins the sum of the
    others now and then (3 1 5 2 9 | 2, sum 20): no edge is taken to have cut it."""
    text = (
        TITLE
        + B_HEAD
        + "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他\n"
        + "一、本年新收政府信息公开申请数量 3 1 5 2 9 2\n"
        + "二、上年结转政府信息公开申请数量 4 4 4 4 1 1\n"
        + "三、本年度办理结果 （一）予以公开 6 0 0 1 0 7\n"
    )
    report = dp.parse(text)
    assert _values(report, "new_received") == [3, 1, 5, 2, 9, 2, "missing"]
    assert _values(report, "carried_over") == [4, 4, 4, 4, 1, 1, "missing"]
    assert not [d for d in report.diagnostics if d.code == "cut_at_page_edge"]


#: where each column's numbers start in the space-aligned lines of these tests (:func:`_at`)
_COLUMNS = (60, 68, 76, 84, 92, 100, 108)


def _at(label: str, values: dict[int, str]) -> str:
    """A space-aligned line: *label* after two spaces, each value from its character column."""
    out = list("  " + label + " " * 120)
    for column, value in values.items():
        out[column : column + len(value)] = value
    return "".join(out).rstrip()


#: table B's header as Chromium's PDF of a portal page comes out of ``pdftotext -layout``:
#: the applicant columns' names set one space apart, far left of their numbers
_B_LAYOUT_HEAD = (
    " " * 61
    + "自然人"
    + " " * 40
    + "总计\n"
    + " " * 67
    + "商业企业 科研机构 社会公益组织 法律服务机构 其他\n"
)


def test_layout_columns_found_from_values_and_header_words() -> None:
    """(e) no row prints every column, and the header words do not stand over the numbers:
    the numbers' own columns (positions shared across rows) are lined up with the table's,
    those under a header word (自然人, 商业企业, 总计) in its column. The two columns of
    numbers between may be any two of 科研机构 … 其他: those cells are withheld, with an error
    on their row's line, and every cell read is the one printed."""
    rows = [
        _at(
            "一、本年新收政府信息公开申请数量", {61: "821", 69: "35", 96: "2", 100: "1", 104: "859"}
        ),
        _at("二、上年结转政府信息公开申请数量", {61: "18", 104: "18"}),
        _at("三、本年度办理结果 （一）予以公开", {61: "258", 69: "12", 96: "1", 100: "1"}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    missing = ["missing"] * 4
    assert _values(report, "new_received") == [821, 35, *missing, 859]
    assert _values(report, "carried_over") == [18, "blank", "blank", "blank", "blank", "blank", 18]
    assert _values(report, "granted") == [258, 12, *missing, "blank"]
    ambiguous = {d.line for d in report.diagnostics if d.code == "ambiguous_row"}
    assert ambiguous == {5, 7}
    assert all(d.severity == "error" for d in report.diagnostics if d.code == "ambiguous_row")


def test_layout_header_word_set_after_wide_characters_places_nothing() -> None:
    """(e) pdftotext sets the words of "商业企业 科研机构 社会公益组织 …" by their lengths in
    characters, each CJK character one column though it is printed two wide: 社会公益组织
    stands over the numbers of 科研机构. A word after others on its line is no evidence of
    where its column is: the 4 stays unplaced (withheld with an error), not 社会公益组织's."""
    row = _at("一、本年新收政府信息公开申请数量", {61: "821", 69: "35", 79: "4", 104: "860"})
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + row + "\n")
    cells = _values(report, "new_received")
    assert cells == [821, 35, *["missing"] * 4, 860]
    assert [d.line for d in report.diagnostics if d.code == "ambiguous_row"] == [5]


def test_layout_page_without_header_read_one_way_for_all_its_rows() -> None:
    """(e) the table goes on over a page break (a form feed), where pdftotext sets the
    columns elsewhere and no header word stands: every row of that page is read the same
    way, and only the ways the table's sums allow together are kept (72 and 805 are
    自然人's and 总计's, not any other pair of columns)."""
    page1 = [
        _at(
            "一、本年新收政府信息公开申请数量", {61: "821", 69: "35", 96: "2", 100: "1", 104: "859"}
        ),
        _at("二、上年结转政府信息公开申请数量", {61: "18", 104: "18"}),
        _at("三、本年度办理结果 （一）予以公开", {61: "767", 69: "35", 96: "2", 100: "1"}),
    ]
    page2 = [
        "\f" + _at("（七）总计", {67: "767", 74: "35", 83: "2", 87: "1", 91: "805"})[1:],
        _at("四、结转下年度继续办理", {67: "72", 91: "72"}),
    ]
    text = TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(page1 + page2) + "\n"
    report = dp.parse(text)
    blanks = ["blank"] * 5
    assert _values(report, "carried_forward") == [72, *blanks, 72]
    assert _values(report, "total") == [767, 35, *["missing"] * 4, 805]
    assert {d.line for d in report.diagnostics if d.code == "ambiguous_row"} == {5, 7, 8}


def test_layout_columns_cut_off_the_page_are_not_placed() -> None:
    """(e) LibreOffice prints a wide table past the page's edge: the header names only some
    columns (法律服 cut short, 其他 and 总计 gone) and the last numbers are cut short too.
    Nothing is placed by position then: no number lands in a column it was not printed in."""
    head = " " * 45 + "自然人\n" + " " * 50 + "商业企业 科研机构 社会公益组织 法律服\n"
    rows = [
        _at("（一）予以公开", {45: "1", 52: "77780", 60: "14201"}),
        _at("1.属于国家秘密", {45: "2", 52: "80069", 60: "43894", 68: "7929", 78: "60"}),
    ]
    report = dp.parse(TITLE + B_HEAD + head + "\n".join(rows) + "\n")
    loud = _loud_lines(report)
    printed = {"granted": ["1", "77780", "14201"], "withheld.state_secret": ["2", "80069"]}
    for key, numbers in printed.items():
        row = report.applications.row(key)
        assert row is not None
        for cell, number in zip(row.cells, numbers, strict=False):
            assert cell.value is None or str(cell.value) == number or cell.line in loud


_SPLIT_ROWS = {
    # four numbers beside the label's first line, three beside its end
    "unavailable.unclear_after_correction": (
        ("3.补正后申请 50550 32457 54752 1", "3.", "  内容仍不明确", (0, 5589, 143349)),
        (50550, 32457, 54752, 1),
    ),
    # 属于行政 starts 7. and 8. alike: the two pieces name the row together
    "withheld.administrative_query": (
        ("属于行政 64675 34676 0", "8.", "  查询事项", (99092, 26864, 27976, 253283)),
        (64675, 34676, 0),
    ),
}


@pytest.mark.parametrize("key", list(_SPLIT_ROWS))
def test_row_split_over_two_lines_around_its_numbering(key: str) -> None:
    """(a) Chromium's PDF through ``pdftotext -layout``: a wrapped label's first line with some
    of the row's numbers, its numbering alone on the next line, the rest of the label with the
    others: one row of seven, said joined on both lines of numbers."""
    (first, numbering, rest, after), before = _SPLIT_ROWS[key]
    rows = [
        _at(first, {}),
        " " * 24 + numbering,
        _at(rest, {60 + 8 * i: str(v) for i, v in enumerate(after)}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    assert _values(report, key) == [*before, *after]
    assert {d.line for d in report.diagnostics if d.code == "joined_row"} == {5, 7}


def test_numbers_beside_the_next_rows_label_do_not_complete_a_row() -> None:
    """(a) Chromium's PDF through default ``pdftotext``: 2.'s label wrapped around the group
    label (（四） / 无法提 / 供) with four of its numbers, then 3.'s first line with three of
    its own ("补正后申请 97154 22643 0"). The two lines' seven numbers were read as 3.'s row
    (the pieces and the line naming 3. "together"), six of them wrong; 3. is named by its
    line alone, and the pieces before spell 2.'s wording, so nothing joins them."""
    lines = [
        "1.",
        "（四） 2.没有现成信",
        "无法提 息需要另行制 20740 64614 67344 3",
        "供 作",
        "补正后申请 97154 22643 0",
        "内容仍不明确",
        "3.",
    ]
    report = dp.parse(_B_STREAM_HEAD + "\n".join(lines) + "\n")
    assert _values(report, "unavailable.unclear_after_correction") == ["missing"] * 7
    assert _values(report, "unavailable.needs_creation") == ["missing"] * 7
    assert not [d for d in report.diagnostics if d.code == "joined_row"]


def test_row_pushed_below_a_centred_group_label_is_one_row() -> None:
    """(a) a browser's PDF centres the group label (（三）) on the row's second line: the
    label's first line holds the first numbers, the rest of the row stands on a line of its
    own under the label's end; the lines make one row of seven, said joined on both."""
    rows = [
        _at("保护第三 25928 9975 1", {}),
        "                        4.",
        _at("（三） 方合法权益", {}),
        _at("", {60: "-", 68: "2", 76: "——", 84: "35906"}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    assert _values(report, "withheld.third_party_rights") == [
        25928,
        9975,
        1,
        "na",
        2,
        "na",
        35906,
    ]
    assert {d.line for d in report.diagnostics if d.code == "joined_row"} == {5, 8}
    assert not [d for d in report.diagnostics if d.code == "unlabelled_row"]


def test_row_pushed_below_a_centred_group_label_with_a_blank() -> None:
    """(a) the same with a cell printed blank: the first line's one value and the five below
    make one row of six numbers; with no other row to sum with, where its blank stood is
    not known, so its cells are withheld with the row's error (never an unlabelled row)."""
    rows = [
        _at("保护第三 3 4.", {}),
        _at("（三） 方合法权益", {}),
        _at("", {68: "9", 76: "89162", 84: "16891", 92: "58114", 108: "164179"}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    row = report.applications.row("withheld.third_party_rights")
    assert row is not None
    assert [c.state for c in row.cells] == ["missing"] * 7
    said = {(d.code, d.line) for d in report.diagnostics}
    assert ("ambiguous_row", 5) in said
    assert ("joined_row", 5) in said
    assert ("joined_row", 7) in said
    assert not [d for d in report.diagnostics if d.code == "unlabelled_row"]


def test_few_numbers_inside_a_wrapped_label_are_its_rows() -> None:
    """(a) LibreOffice's PDF through ``pdftotext -layout`` sets a row's numbers on a line of
    their own inside its wrapped label: three numbers of a mostly blank row
    ("3.补正后申请内容仍" / "5 9 14" / "不明确") are that row's, not a stray digit dropped,
    so its label does not run on into the next row's and leave that one unlabelled."""
    rows = [
        _at("3.补正后申请内容仍", {}),
        _at("", {68: "5", 100: "9", 108: "14"}),
        _at("不明确", {}),
        "",
        _at("1.信访举报投诉类申", {}),
        _at("", {60: "0", 68: "3", 76: "5", 84: "3", 92: "3", 100: "1", 108: "15"}),
        _at("请", {}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    assert _values(report, "not_processed.complaint") == [0, 3, 5, 3, 3, 1, 15]
    assert _values(report, "unavailable.unclear_after_correction") == [
        "blank",
        5,
        "blank",
        "blank",
        "blank",
        9,
        14,
    ]
    assert not [d for d in report.diagnostics if d.code == "unlabelled_row"]


def test_first_value_squeezed_beside_a_long_label_is_the_first_column() -> None:
    """(e) ``pdftotext -layout`` sets a row's first value right after its long label, left of
    every column, the others in their columns: those starting at the second column, the
    squeezed value is the first column's and the row is placed (its blank where printed); a
    squeezed value before values starting further right could be any column before them:
    those cells are withheld (an error on the row), the others read where they stand."""
    full = dict(zip(_COLUMNS, ("63", "40", "32", "20", "48", "36", "239"), strict=True))
    rows = [
        _at("一、本年新收政府信息公开申请数量", full),
        "",
        _at("二、上年结转政府信息公开申请数量", full),
        "",
        _at("三、本年度 （一）予以公开  5", {68: "——", 76: "1", 92: "9", 100: "2", 108: "17"}),
        "",
        _at("（二）部分公开（区分处理的，只计  5", {76: "1", 92: "9", 100: "2", 108: "17"}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    assert _values(report, "granted") == [5, "na", 1, "blank", 9, 2, 17]
    assert _values(report, "partially_granted") == ["missing", "missing", 1, "blank", 9, 2, 17]
    (error,) = [d for d in report.diagnostics if d.code == "ambiguous_row"]
    assert (error.severity, error.line) == ("error", 11)


def test_first_values_squeezed_beside_labels_do_not_move_the_first_column() -> None:
    """(e) rows printing every column, most with their first value squeezed one space after a
    long label: the first column is where the rows that set it apart print it, so a row of
    blanks reads its first value there (not withheld as fitting no column)."""
    full = dict(zip(_COLUMNS, ("63", "40", "32", "20", "48", "36", "239"), strict=True))
    rest = dict(zip(_COLUMNS[1:], ("1", "0", "2", "0", "0", "6"), strict=True))
    rows = [
        _at("一、本年新收政府信息公开申请数量", full),
        "",
        _at("（三）不予公开 1.属于国家秘密 3", rest),
        "",
        _at("2.其他法律行政法规禁止公开 3", rest),
        "",
        _at("3.危及“三安全一稳定”", {60: "5", 84: "5", 108: "10"}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    blank = "blank"
    assert _values(report, "withheld.security_stability") == [5, blank, blank, 5, blank, blank, 10]
    assert _values(report, "withheld.state_secret") == [3, 1, 0, 2, 0, 0, 6]


def test_columns_learnt_from_rows_whose_first_values_are_squeezed() -> None:
    """(e) wide numbers: every row that prints all seven squeezes its first values one space
    after its label, the others in their columns. Those columns are learnt from them; a row
    of blanks reads its values there, its squeezed first value in one of the columns before
    (the sums choose), and a row whose numbers stand on two lines beside its wrapped label
    reads the second line's by position, the first line's in the columns before them."""
    columns = (60, 68, 76, 84, 92)  # 科研机构 … 总计; 自然人 and 商业企业 are squeezed
    rows = [
        _at(
            "一、本年新收政府信息公开申请数量 650482 594410",
            dict(zip(columns, ("365989", "454326", "563666", "122007", "2750880"), strict=True)),
        ),
        "",
        _at(
            "二、上年结转政府信息公开申请数量 57002 20052",
            dict(zip(columns, ("25608", "19000", "56197", "93331", "271190"), strict=True)),
        ),
        "",
        _at(
            "三、本年度办理结果 （一）予以公开    75553",
            {60: "1", 68: "3", 76: "26246", 84: "2", 92: "101805"},
        ),
        "",
        _at(
            "（二）部分公开（区分处理的，只计 87128 8978",
            {60: "94046", 76: "73615", 84: "67475", 92: "331242"},
        ),
        "",
        _at("（三）不予公开 1.属于国家 48634 436", {}),
        _at("秘密", {60: "2603", 76: "28946", 84: "80619", 92: "161238"}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    read = {
        "partially_granted": [87128, 8978, 94046, "blank", 73615, 67475, 331242],
        "withheld.state_secret": [48634, 436, 2603, "blank", 28946, 80619, 161238],
        "granted": ["missing", "missing", 1, 3, 26246, 2, 101805],
    }
    assert {key: _values(report, key) for key in read} == read
    (error,) = [d for d in report.diagnostics if d.code == "ambiguous_row"]
    assert (error.severity, error.line) == ("error", 9)


_STACKED_TOTAL_HEAD = (
    "   （本列数据的勾稽关系为：第一项加第二项之和，等    法人或其他组织\n"
    "   于第三项加第四项之和）             自然                 总\n"
    "                           人 商业 科研 社会公 法律服 其 计\n"
    "                              企业 机构 益组织 务机构 他\n"
)


@pytest.mark.parametrize("head", [_STACKED_TOTAL_HEAD, ""])
def test_total_column_of_a_table_mostly_blank_is_not_lost(head: str) -> None:
    """(e) a table whose rows mostly print a blank (six numbers of seven) has its 总计 column
    all the same, named in a header whose 总 and 计 stand on two lines, or shown by rows
    that end with the sum of their numbers: read as a table without 总计, each row's total
    went under 其他 and its numbers a column over, with nothing said."""
    full = dict(zip(_COLUMNS, ("46", "49", "49", "57", "48", "47", "296"), strict=True))
    sixes = [
        ("3.危及“三安全一稳定”", ("9", "9", "9", "0", None, "5", "32")),
        ("1.信访举报投诉类申请", ("5", None, "9", "1", "5", "3", "23")),
        ("3.要求提供公开出版物", ("9", None, "1", "2", "3", "5", "20")),
    ]
    rows = [_at("一、本年新收政府信息公开申请数量", full), ""]
    for label, values in sixes:
        at = {c: v for c, v in zip(_COLUMNS, values, strict=True) if v is not None}
        rows += [_at(label, at), ""]
    report = dp.parse(TITLE + B_HEAD + head + "\n".join(rows) + "\n")
    assert report.applications.has_total_column
    for key, expected in (
        ("withheld.security_stability", [9, 9, 9, 0, "blank", 5, 32]),
        ("not_processed.complaint", [5, "blank", 9, 1, 5, 3, 23]),
        ("not_processed.publication", [9, "blank", 1, 2, 3, 5, 20]),
    ):
        assert _values(report, key) == expected, key
    # the same rows one space apart (``pdftotext -raw``): no positions to place their blank,
    # so the sums place it or the row is withheld; never a total under 其他
    raw = "\n".join(
        label + " " + " ".join(v for v in values if v is not None) for label, values in sixes
    )
    full_line = "一、本年新收政府信息公开申请数量 46 49 49 57 48 47 296"
    report = dp.parse(TITLE + B_HEAD + head + full_line + "\n" + raw + "\n")
    assert report.applications.has_total_column
    loud = _loud_lines(report)
    for key, (_, values) in zip(
        ("withheld.security_stability", "not_processed.complaint", "not_processed.publication"),
        sixes,
        strict=True,
    ):
        row = report.applications.row(key)
        assert row is not None
        assert row.cells[5].value != int(values[6] or 0), key
        assert row.cells[6].value in (None, int(values[6] or 0)), key
        assert row.cells[6].value is not None or row.cells[6].line in loud | {None}, key


def test_numbering_after_a_label_fragments_number_is_no_value() -> None:
    """(a) "要求提供 5 3.": the row's first number set between its label's first line and its
    numbering; "3." is the label's, and the rest of the row, beside the group label a blank
    line lower, makes the row's seven."""
    rows = [
        _at("要求提供 5 3.", {}),
        "",
        _at("（五） 公开出版物", {60: "80584", 68: "42846", 76: "36196", 92: "3", 100: "64370"})
        + "   224004",
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    assert _values(report, "not_processed.publication") == [
        5,
        80584,
        42846,
        36196,
        3,
        64370,
        224004,
    ]
    assert {d.line for d in report.diagnostics if d.code == "joined_row"} == {5, 7}
    assert not [d for d in report.diagnostics if d.code in ("ragged_row", "duplicate_row")]


def test_number_held_before_its_label_is_said_to_be_joined() -> None:
    """(a) a number printed before the rest of its wrapped label is taken as the row's first
    value: a reading of two lines, said on both with a joined_row warning naming the row."""
    text = (
        TITLE
        + B_HEAD
        + "申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
        "自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n"
        "一、本年新收政府信息公开申\n14\n请数量\n0 0 0 0 0 14\n"
    )
    report = dp.parse(text)
    assert _values(report, "new_received") == [14, 0, 0, 0, 0, 0, 14]
    joined = {d.line for d in report.diagnostics if d.code == "joined_row"}
    assert joined == {14, 16}
    assert all("new_received" in d.message for d in report.diagnostics if d.code == "joined_row")


#: (the end of one row, whose numbers come after its whole label; the start of the next)
_AFTER_A_WHOLE_LABEL = {
    "at-a-page-foot": (
        "要求行政机关确认或 9\n重新出具已获取信息\n5.\n\n5\n\n——\n\n" + _PAGE_TURN,
        "申请人无正当理由逾\n期不补正、行政机关不 70213 86177 31636 3\n"
        "再处理其政府信息公开\n申请\n",
        "other_handling.no_correction",
    ),
    "label-around-a-number": (
        "补正后申\n请内容仍不 82388 明确\n3.\n\n3\n\n3\n\n",
        "信访举报投诉类 16951 74741 55082 66046\n申请\n",
        "not_processed.complaint",
    ),
}


@pytest.mark.parametrize("case", list(_AFTER_A_WHOLE_LABEL))
def test_numbers_after_a_whole_label_do_not_go_to_the_next_rows_label(case: str) -> None:
    """(a) numbers after their row's whole label ("要求行政机关确认或 9" / "重新出具已获取信息"
    / "5." / 5 / —— at a page's foot; "补正后申" / "请内容仍不 82388 明确" / "3." / 3 / 3) are
    not the first of the row whose label starts next: with its four numbers they made six,
    the width of a table without 总计, each number a column off."""
    end, start, key = _AFTER_A_WHOLE_LABEL[case]
    text = (
        TITLE
        + B_HEAD
        + "申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
        "自然人\n法人或其他组织\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n"
        + end
        + start
        + "1.\n"
    )
    report = dp.parse(text)
    # (four numbers for six columns and no sums to place them: withheld, not shifted)
    assert _values(report, key) == ["missing"] * 7
    assert not [d for d in report.diagnostics if d.code == "joined_row"]
    line = text.split("\n").index(next(x for x in start.split("\n") if " " in x)) + 1
    assert line in {d.line for d in report.diagnostics if d.code == "ambiguous_row"}


def test_layout_header_cells_wrapped_over_lines_are_stacked() -> None:
    """(e) table A's header cells too wide for their column wrap around the line of those
    that fit ("本年新" above, "制作数量" below): the pieces standing in one column make one
    cell, so the items read their three columns."""
    text = (
        TITLE
        + "二、主动公开政府信息情况\n"
        + " " * 46
        + "第二十条第（一）项\n"
        + " " * 52
        + "本年新            本年新\n"
        + " " * 39
        + "信息内容                                 对外公开总数量\n"
        + " " * 51
        + "制作数量           公开数量\n"
        + " " * 30
        + "规章                     13             13            524\n"
        + " " * 30
        + "规范性文件                  60             60            368\n"
    )
    report = dp.parse(text)
    item = report.active_disclosure.item("regulations")
    assert item is not None
    assert item.columns == ("本年新制作数量", "本年新公开数量", "对外公开总数量")
    assert [c.value for c in item.cells] == [13, 13, 524]
    item = report.active_disclosure.item("normative_documents")
    assert item is not None
    assert [c.value for c in item.cells] == [60, 60, 368]


def test_stacked_header_pieces_must_pair_up() -> None:
    """positions.stack: pieces of header cells pair up line by line, column by column, into
    whole cells; pieces that do not (a line with a piece more, pieces far apart, or pieces
    making no cell) leave the header as it was (None)."""
    from disclosure_parser.parsing.positions import stack
    from disclosure_parser.parsing.raw import RawCell

    def whole(word: str) -> bool:
        return word in ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量")

    top = RawCell("本年新            本年新", 1, 53, False)
    mid = RawCell("信息内容                                 对外公开总数量", 2, 40, False)
    bottom = RawCell("制作数量           公开数量", 3, 52, False)
    assert stack([top, mid, bottom], whole) == [
        "信息内容",
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
    ]
    assert stack([top, mid, RawCell("制作数量", 3, 52, False)], whole) is None
    assert stack([top, mid, RawCell("制作数量           公开数量", 3, 62, False)], whole) is None
    assert stack([top, mid, RawCell("数量               公开数量", 3, 52, False)], whole) is None


def test_single_spaced_text_has_no_positions() -> None:
    """-raw text (one space between words) has no columns to read: a short row is left to
    the sums, never placed by where its numbers happen to fall."""
    text = (
        TITLE + B_HEAD + "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
        "一、本年新收政府信息公开申请数量 821 35 4 6 2 1 869\n"
        "二、上年结转政府信息公开申请数量 18 18\n"
    )
    report = dp.parse(text)
    assert all(c.state != "blank" for c in report.applications.row("carried_over").cells)  # type: ignore[union-attr]


# e. pdftotext -layout: table C with blank cells, under its group words

#: table C as Chromium's PDF of a provincial report comes out of ``pdftotext -layout``: the
#: outcome words stacked a character a line and set by their lengths in characters (far left
#: of their numbers), the group words each starting a fragment of the page
_C_LAYOUT_HEAD = (
    " " * 28
    + "行政复议"
    + " " * 20
    + "行政诉讼\n"
    + " " * 28
    + "结"
    + " " * 23
    + "未经复议直接起诉"
    + " " * 13
    + "复议后起诉\n"
    + " " * 28
    + "果   结果 其他 尚未\n"
    + " " * 41
    + "总计         结果 结果 其他 尚未    结果 结果 其他 尚未 总\n"
    + " " * 28
    + "维   纠正 结果 审结"
    + " " * 24
    + "总计\n"
    + " " * 28
    + "持"
    + " " * 23
    + "维持 纠正 结果 审结    维持 纠正 结果 审结 计\n"
)
_C_LAYOUT_VALUES = " " * 28 + "5               2   7   8          1   9\n"


def _c_cells(report: dp.Report) -> list[list[object]]:
    return [[c.value if c.state == "number" else c.state for c in g.cells] for g in report.reviews]


def test_table_c_last_total_cut_at_the_page_edge_is_worked_out() -> None:
    """All fifteen numbers, the last the first digits of 复议后起诉's total ("5220" of
    52204, the page's edge cut the rest): it is no number; the group's sum gives the total,
    and a warning on the line says why."""
    values = "0 74410 3 85235 159648   0 9 5 45710 45724   0 32118 9 20077 5220"
    report = dp.parse(TITLE + C_HEAD + _C_LAYOUT_HEAD + " " * 28 + values + "\n")
    cells = _c_cells(report)
    assert cells[2] == [0, 32118, 9, 20077, 52204]
    assert cells[0] == [0, 74410, 3, 85235, 159648]
    (note,) = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert "5220" in note.message


#: table C's header as pdftotext -raw prints it, the fifteen outcomes on one line
_C_RAW_HEAD = (
    "行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n"
    + " ".join(["结果维持 结果纠正 其他结果 尚未审结 总计"] * 3)
    + "\n"
)


def test_table_c_last_total_cut_with_a_blank_before_is_worked_out() -> None:
    """Fourteen numbers (a blank left no trace), the last "223", below the number before it
    and the first digits of the sum of the four before (223638): the page's edge cut it, so
    it is no number; the last group's sum gives the total, warned on the line."""
    values = "2 1 76143 76146 2 2 64520 2 64526 19085 95972 80477 28104 223"
    report = dp.parse(TITLE + C_HEAD + _C_RAW_HEAD + values + "\n")
    assert _c_cells(report)[2] == [19085, 95972, 80477, 28104, 223638]
    (note,) = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert "223" in note.message


def test_table_c_last_one_digit_with_a_blank_before_is_not_taken_for_a_cut() -> None:
    """Fourteen numbers ending "73660 2": a one-digit number begins many sums by chance (here
    the four before add up to 273456), so it is read as printed, the group's fourth outcome,
    its total (cut whole) worked out by the sums."""
    values = "74310 81347 49863 0 205520 1 81026 5 47954 128986 38524 32286 73660 2"
    report = dp.parse(TITLE + C_HEAD + _C_RAW_HEAD + values + "\n")
    assert _c_cells(report)[2] == [38524, 32286, 73660, 2, 144472]
    assert not any(d.code == "cut_at_page_edge" for d in report.diagnostics)


def test_layout_table_c_with_blanks_reads_its_group_totals() -> None:
    """(e) six numbers for fifteen columns: 5 starts under 行政复议 (the first group), 8 under
    未经复议直接起诉 (the second), and each group ends with its sum, so 7 and 9 are the two
    groups' totals and the third group is blank; which outcome columns 5, 2, 8 and 1 stand
    in the positions do not say: those are withheld, with an error on their line."""
    text = TITLE + C_HEAD + _C_LAYOUT_HEAD + _C_LAYOUT_VALUES + "\f"
    report = dp.parse(text)
    missing = ["missing"] * 4
    assert _c_cells(report) == [[*missing, 7], [*missing, 9], ["blank"] * 5]
    (error,) = [d for d in report.diagnostics if d.code == "ambiguous_row"]
    assert (error.severity, error.line) == ("error", 9)


def test_raw_table_c_with_blanks_reads_what_its_sums_decide() -> None:
    """(e) ``pdftotext -raw``: seven numbers one space apart, blanks leaving nothing. Only one
    cut into groups each ending with its sum (3 4 7 | 1 1 | 6 6): the three totals are read,
    the outcomes' columns, which the order does not say, withheld with an error."""
    head = "行政复议 行政诉讼\n结果\n维持\n总\n计\n未经复议直接起诉 复议后起诉\n总\n计\n总\n计\n"
    report = dp.parse(TITLE + C_HEAD + head + "3 4 7 1 1 6 6\n\f")
    missing = ["missing"] * 4
    assert _c_cells(report) == [[*missing, 7], [*missing, 1], [*missing, 6]]
    (error,) = [d for d in report.diagnostics if d.code == "ambiguous_row"]
    assert (error.severity, error.line) == ("error", 13)


#: a 2021 table B whose eight blanks stand in eight rows (None), and ``pdftotext -raw``
#: of it: numbers one space apart, a blank leaving nothing
_RAW_B_ROWS: dict[str, list[int | None]] = {
    "new_received": [996, 1373, 865, 389, 497, 33, 4153],
    "carried_over": [664, 688, 81, 735, 1042, 1404, 4614],
    "granted": [50, 98, 54, 6, 34, 66, 308],
    "partially_granted": [63, 52, 39, 62, 46, 75, 337],
    "withheld.state_secret": [28, 65, 18, 37, 18, 97, 263],
    "withheld.prohibited_by_law": [13, 80, 33, 69, 91, 78, 364],
    "withheld.security_stability": [19, 40, 13, 94, 10, 88, 264],
    "withheld.third_party_rights": [43, 61, 72, 13, 46, None, 235],
    "withheld.internal_affairs": [41, 79, 82, 27, 71, 62, 362],
    "withheld.process_information": [57, 67, 34, 8, 71, 2, 239],
    "withheld.enforcement_files": [12, 93, 52, 91, 86, 81, 415],
    "withheld.administrative_query": [1, 79, 64, None, 32, 94, 270],
    "unavailable.not_held": [42, 91, 9, None, 73, 29, 244],
    "unavailable.needs_creation": [31, 19, 70, 58, 12, 11, 201],
    "unavailable.unclear_after_correction": [41, 66, None, 14, 39, 71, 231],
    "not_processed.complaint": [38, 91, 16, 71, None, 70, 286],
    "not_processed.duplicate": [None, 78, 71, 76, 37, None, 262],
    "not_processed.publication": [12, 77, 50, 41, 74, 31, 285],
    "not_processed.excessive": [38, 24, 25, 24, 5, 79, 195],
    "not_processed.confirmation": [85, 34, 61, 9, 12, 87, 288],
    "other_handling.no_correction": [97, 17, 20, 5, 11, 90, 240],
    "other_handling.unpaid_fee": [70, 88, 51, None, 68, 36, 313],
    "other_handling.other": [67, 31, 28, 87, 76, 54, 343],
    "total": [848, 1330, 862, 792, 912, 1201, 5945],
    "carried_forward": [812, 731, 84, 332, 627, 236, 2822],
}


def _raw_b(rows: dict[str, list[int | None]]) -> str:
    header = [
        "申请人情况",
        "自然人 法人或其他组织 总计",
        "商业企业 科研机构 社会公益组织 法律服务机构 其他",
    ]
    head = "".join(f"{line}\n" for line in header)
    lines = [
        " ".join([ROW_LABELS[key], *(str(v) for v in values if v is not None)]) + "\n"
        for key, values in rows.items()
    ]
    return TITLE + B_HEAD + head + "".join(lines)


def test_raw_table_b_blanks_in_many_rows_placed_by_the_column_sums() -> None:
    """(e) ``pdftotext -raw`` with a blank in each of seven rows: a row's own 总计 says only
    that it lost a cell, each could have lost any of six, and no column's least and greatest
    values rule a reading out; the exact sums each column can reach place every blank."""
    report = dp.parse(_raw_b(_RAW_B_ROWS))
    for key, values in _RAW_B_ROWS.items():
        assert _values(report, key) == ["blank" if v is None else v for v in values], key


def _with_row(
    key: str, values: list[int | None], base: dict[str, list[int | None]] | None = None
) -> dict[str, list[int | None]]:
    """*base* (:data:`_RAW_B_ROWS`) with the row *key* printing *values*, the totals made
    to agree."""
    rows = dict(_RAW_B_ROWS if base is None else base)
    change = [(b or 0) - (a or 0) for a, b in zip(rows[key], values, strict=True)]
    rows[key] = values
    rows["total"] = [(a or 0) + d for a, d in zip(rows["total"], change, strict=True)]
    rows["carried_forward"] = [
        (a or 0) - d for a, d in zip(rows["carried_forward"], change, strict=True)
    ]
    return rows


def test_raw_row_with_three_blanks_ending_with_its_sum_is_placed_by_the_sums() -> None:
    """(e) "12 52 81 145" for seven columns: three blanks, more than a row is realigned
    for, but 145 is the sum of the rest, so it is the 总计 and the sums place the three."""
    rows = _with_row("withheld.enforcement_files", [12, None, 52, None, None, 81, 145])
    report = dp.parse(_raw_b(rows))
    assert _values(report, "withheld.enforcement_files") == [12, "blank", 52] + ["blank"] * 2 + [
        81,
        145,
    ]
    assert _values(report, "not_processed.duplicate") == ["blank", 78, 71, 76, 37, "blank", 262]


def test_raw_row_of_one_count_and_its_total_keeps_the_total() -> None:
    """(e) "18 18" for seven columns, a blank printing nothing (005's 上年结转 through
    Chromium's PDF and ``-raw``): the one count equal to the last is read with the last as
    the 总计, which every placement the sums leave agrees on (the count itself could stand
    under 自然人, 商业企业 or 科研机构, as 821 could, and is withheld)."""
    rows: dict[str, list[int | None]] = {
        "new_received": [821, 35, 2, 1, None, None, 859],
        "carried_over": [18, None, None, None, None, None, 18],
        "granted": [250, 12, 1, 1, None, None, 264],
        "unavailable.not_held": [517, 23, 1, None, None, None, 541],
        "total": [767, 35, 2, 1, None, None, 805],
        "carried_forward": [72, None, None, None, None, None, 72],
    }
    report = dp.parse(_raw_b(rows))
    for key, total in (("carried_over", 18), ("carried_forward", 72), ("total", 805)):
        assert _values(report, key)[6] == total, key
        assert _values(report, key)[0] == "missing", key
    row = report.applications.row("carried_over")
    assert row is not None
    assert any(
        d.code == "ambiguous_row" and d.severity == "error" and d.line == row.line
        for d in report.diagnostics
    )


def test_raw_row_of_zeros_with_a_blank_somewhere_is_withheld() -> None:
    """(e) "0 0 0 0 0 0" for seven columns: the blank may stand in any of them and every
    sum holds, so whether a cell holds 0 or nothing is not known: all seven are withheld,
    with an error on the line (a blank is not a 0, SPEC §1)."""
    rows = _with_row("not_processed.excessive", [0, 0, 0, 0, 0, 0, None])
    report = dp.parse(_raw_b(rows))
    assert _values(report, "not_processed.excessive") == ["missing"] * 7
    assert _values(report, "not_processed.duplicate") == ["blank", 78, 71, 76, 37, "blank", 262]
    line = 6 + list(rows).index("not_processed.excessive")
    assert any(
        d.code == "ambiguous_row" and d.severity == "error" and d.line == line
        for d in report.diagnostics
    )


#: the start of the labels that span table B's label columns, where LibreOffice's PDF of a
#: table wider than the page lost them past its left edge
_LEFT_CUT = {
    "new_received": "府信息公开申请数量",
    "carried_over": "府信息公开申请数量",
    "granted": "结果 （一）予以公开",
    "carried_forward": "继续办理",
}


def _raw_cut_b(rows: dict[str, list[int | None]], cut_digits: int = 0) -> str:
    """*rows* as ``pdftotext -raw`` prints a table B that ran past both edges of the page:
    the header stops at "法" of 法律服务机构, the rows print their first four columns (a
    blank nothing) and, where *cut_digits*, that many first digits of a 法律服务机构 of
    three digits or more; the labels spanning the label columns lost their start."""
    head = "申请人情况\n自然人\n法人或其他组织\n商业企业 科研机构 社会公益组织 法\n"
    lines = []
    for key, values in rows.items():
        shown = [str(v) for v in values[:4] if v is not None]
        cut = values[4]
        if cut_digits and cut is not None and cut >= 100:
            shown.append(str(cut)[:cut_digits])
        lines.append(" ".join([_LEFT_CUT.get(key, ROW_LABELS[key]), *shown]) + "\n")
    return TITLE + B_HEAD + head + "".join(lines)


def _shown(values: list[int | None]) -> list[object]:
    """What a table cut after its fourth column gives of a row: those four, the rest missing."""
    return ["blank" if v is None else v for v in values[:4]] + ["missing"] * 3


def test_raw_table_cut_at_both_edges_places_its_rows_by_the_column_sums() -> None:
    """(e) ``pdftotext -raw`` of a table B past both edges of the page: "府信息公开申请数量"
    ends the labels of 一、 and 二、 alike and is read as each by its place, "继续办理" as
    四、; a row printing fewer numbers than the four columns shown (blanks print nothing) is
    placed where the column sums put it; the rest is missing."""
    rows = _with_row("granted", [50, None, 54, 6, 34, 66, 210])
    report = dp.parse(_raw_cut_b(rows))
    for key, values in rows.items():
        assert _values(report, key) == _shown(values), key
    ends = [d for d in report.diagnostics if d.code == "label_end"]
    assert [d.line for d in ends] == [7, 8, 31]
    assert "carried_over" in ends[1].message


def test_raw_label_end_is_not_the_start_of_the_next_rows_label() -> None:
    """(e) "府信息公开申请数量 664 688 81 735" then "结果 （一）予以公开 50 54 6": seven
    numbers on two lines, as a label wrapped around a row's would be, but the first line's
    label ends other rows' wordings: two rows, not one (granted is not 664 688 …)."""
    rows = _with_row("granted", [50, None, 54, 6, 34, 66, 210])
    report = dp.parse(_raw_cut_b(rows))
    assert _values(report, "carried_over")[:4] == [664, 688, 81, 735]
    assert _values(report, "granted")[:4] == [50, "blank", 54, 6]
    assert not [d for d in report.diagnostics if d.code == "joined_row"]


def test_raw_label_ends_are_whole_labels_of_their_own_rows() -> None:
    """(e) A label ending rows' wordings is a whole label whose start the edge cut: the
    fragment "结果" on the next line (of the cut "三、本年度办理结果") does not go on with
    "府信息公开申请数量", and "继续办理 812 731 332" after "（七）总计 848 1330 862 792"
    is 四、's row, not the rest of the total's (seven numbers on two lines)."""
    rows = dict(_RAW_B_ROWS)
    rows["new_received"] = [996, 1373, 781, 389, 497, 33, 4069]
    rows["carried_forward"] = [812, 731, None, 332, 627, 236, 2738]
    text = _raw_cut_b(rows).replace("结果 （一）予以公开", "结果\n（一）予以公开")
    report = dp.parse(text)
    for key in ("new_received", "carried_over", "granted", "total", "carried_forward"):
        assert _values(report, key) == _shown(rows[key]), key
    assert not [d for d in report.diagnostics if d.code == "joined_row"]


def test_raw_table_cut_through_a_column_reads_its_digits_as_cut() -> None:
    """(e) The page's edge cut 法律服务机构 where its numbers show their first digit: a row
    of five is read as the four columns and that column missing; "28 18 37 1" for a row
    with a blank is read, by the sums, as the blank before the cut digit, not as 1 under
    社会公益组织 (the reading that assumes fewer blanks is tried first, and does not fit)."""
    rows = _with_row("withheld.state_secret", [28, None, 18, 37, 180, 97, 360])
    report = dp.parse(_raw_cut_b(rows, cut_digits=1))
    assert _values(report, "withheld.state_secret") == _shown(rows["withheld.state_secret"])
    assert _values(report, "new_received") == _shown(rows["new_received"])
    assert _values(report, "withheld.prohibited_by_law") == _shown(
        rows["withheld.prohibited_by_law"]
    )


#: a table B past both edges of the page, its first four columns: the edge cut the fourth
#: (社会公益组织), which shows a digit in the first row only (a generated report, f130004)
_CUT_AT_THREE: dict[str, list[int | None]] = {
    "new_received": [581170, 414199, 792323, 361599],
    "carried_over": [20223, 46874, 4654, 94343],
    "granted": [89140, 2, 5, 9],
    "partially_granted": [6493, 42066, 90806, 3],
    "withheld.state_secret": [5, 74253, None, None],
    "withheld.prohibited_by_law": [2, 54308, None, 1],
    "withheld.security_stability": [1, 2, 3, 7673],
    "withheld.third_party_rights": [12689, 1, 66560, 91945],
    "withheld.internal_affairs": [73241, 37520, 2, 79193],
    "withheld.process_information": [9, 60826, 55405, 99954],
    "withheld.enforcement_files": [79518, 77174, 81390, 78165],
    "withheld.administrative_query": [9, 0, 3, 3],
    "unavailable.not_held": [2, 45986, 53550, 0],
    "unavailable.needs_creation": [87734, 9176, None, 1],
    "unavailable.unclear_after_correction": [9, 9, 580, 3],
    "not_processed.complaint": [6195, None, 74565, 50836],
    "not_processed.duplicate": [84020, None, 72093, 2],
    "not_processed.publication": [3, 13317, 1, 5],
    "not_processed.excessive": [None, 0, None, 48146],
    "not_processed.confirmation": [0, 23152, 9, None],
    "other_handling.no_correction": [51686, 0, 66864, 1],
    "other_handling.unpaid_fee": [17, 0, 92437, 2],
    "other_handling.other": [12989, 14636, 98533, 0],
    "total": [503762, 452428, 752806, 455942],
    "carried_forward": [97631, 8645, 44171, 0],
}


def test_raw_rows_short_of_a_column_cut_showing_digits_prefer_no_more_blanks() -> None:
    """(e) The edge cut 社会公益组织 where the first row shows its first digit ("… 792323
    3"): a row of three numbers may then hold a blank and a cut number's digit, in four ways
    each, which the search cannot weigh for twenty rows; the readings with no more blanks
    than the row needs are tried first, and fit. "0" alone for three columns stays
    withheld (a 0 fits the sums in any of them)."""
    head = "申请人情况\n自然人\n法人或其他组织\n商业企业 科研机构 社会\n"
    lines = []
    for key, values in _CUT_AT_THREE.items():
        shown = [str(v) for v in values[:3] if v is not None] + ["3"] * (key == "new_received")
        lines.append(" ".join([_LEFT_CUT.get(key, ROW_LABELS[key]), *shown]) + "\n")
    report = dp.parse(TITLE + B_HEAD + head + "".join(lines))
    for key, values in _CUT_AT_THREE.items():
        want = ["blank" if v is None else v for v in values[:3]] + ["missing"] * 4
        if key == "not_processed.excessive":
            want = ["missing"] * 7
        assert _values(report, key) == want, key


def test_raw_label_end_its_place_does_not_name_is_not_read() -> None:
    """(e) One "府信息公开申请数量" row between the header and （一）予以公开 ends the labels
    of two rows, and its place leaves both: its numbers are not used, with a warning."""
    rows = _with_row("granted", [50, None, 54, 6, 34, 66, 210])
    del rows["carried_over"]
    report = dp.parse(_raw_cut_b(rows))
    assert report.applications.row("new_received") is None
    assert report.applications.row("carried_over") is None
    assert any(
        d.code == "unknown_label" and d.line == 7 and "一、本年新收" in d.message
        for d in report.diagnostics
    )


def test_raw_zeros_worked_out_for_a_row_whose_marks_were_left_out_are_withheld() -> None:
    """(e) "- 5 无 5" for seven columns: marks and four blanks, too far from the width to
    line up, so the row is worked out from the column sums. Its 5s are; its 0s may be the
    blanks or the marks the reading left out, so they are withheld, not given as 0s."""
    full = {k: [v or 0 for v in values] for k, values in _RAW_B_ROWS.items()}
    rows = dict(full)
    rows["withheld.state_secret"] = [0, 0, 5, 0, 0, 0, 5]
    before, after = full["withheld.state_secret"], rows["withheld.state_secret"]
    change = [b - a for a, b in zip(before, after, strict=True)]
    rows["total"] = [a + d for a, d in zip(full["total"], change, strict=True)]
    rows["carried_forward"] = [a - d for a, d in zip(full["carried_forward"], change, strict=True)]
    text = _raw_b(rows).replace("属于国家秘密 0 0 5 0 0 0 5", "属于国家秘密 - 5 无 5")
    report = dp.parse(text)
    assert _values(report, "withheld.state_secret") == ["missing"] * 2 + [5] + ["missing"] * 3 + [5]
    assert _values(report, "granted") == full["granted"]


def _raw_cut_totals(rows: dict[str, list[int | None]]) -> str:
    """*rows* as ``pdftotext -raw`` prints a table B whose 总计 column Chromium's margin
    cut: a total of three digits or more shows its first two, a shorter one nothing."""
    header = [
        "申请人情况",
        "自然人 法人或其他组织 总",
        "商业企业 科研机构 社会公益组织 法律服务机构 其他",
    ]
    lines = []
    for key, values in rows.items():
        *parts, total = values
        shown = [str(v) for v in parts if v is not None]
        shown += [str(total)[:2]] if total is not None and total >= 100 else []
        lines.append(" ".join([ROW_LABELS[key], *shown]) + "\n")
    return TITLE + B_HEAD + "".join(f"{line}\n" for line in header) + "".join(lines)


def test_raw_blanks_in_rows_whose_total_the_edge_cut_are_placed_by_the_column_sums() -> None:
    """(e) ``pdftotext -raw`` of a table B whose 总计 the page's edge cut to its first digits
    ("43 61 72 13 46 23": a blank, and 235 cut): the row's own sum is gone, and a cell it
    lost could be any count the other rows make up. But a row of one line prints every cell
    but a blank, so its lost cells are blanks, 0 in every column sum, and those sums place
    them; the cut totals are worked out. Three blanks and a cut total ("12 52 81 14") and a
    total too short to show ("2 2 1 0", 5 past the edge) are read so too (where a 0 and a
    blank could swap, both are withheld)."""
    rows = _with_row("withheld.enforcement_files", [12, None, 52, None, None, 81, 145])
    rows = _with_row("withheld.security_stability", [2, None, 2, 1, None, 0, 5], rows)
    report = dp.parse(_raw_cut_totals(rows))
    for key, values in rows.items():
        want: list[object] = ["blank" if v is None else v for v in values]
        if key == "withheld.security_stability":
            want[4:6] = ["missing", "missing"]
        assert _values(report, key) == want, key


#: table C's header as Chromium's PDF of a narrow table prints it through ``pdftotext
#: -layout``: 总 and 计 wrapped apart, the outcomes of two groups on one line
_C_WRAPPED_HEAD = (
    "   行政复议"
    + " " * 41
    + "行政诉讼\n"
    + " " * 48
    + "未经复议直接起诉"
    + " " * 28
    + "复议后起诉\n"
    + "   结果 结果 其他 尚未 总\n"
    + "   维持 纠正 结果 审结 计 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总\n"
    + " " * 17
    + "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计\n"
)


def test_layout_table_c_whose_header_positions_say_nothing_is_cut_by_its_sums() -> None:
    """(e) Chromium's PDF of a table C with three blanks, through ``pdftotext -layout``: the
    header wraps 总 and 计 apart and two values stand one space apart ("14 1"), so the
    positions place nothing. The header shows each group's 总计 (the page's edge cut none),
    so the line's twelve numbers are read as a line of ``-raw`` text is: cut into groups by
    their sums, one way only (2+3+0+9=14, 1+0=1, 9+1+0=10). The first group is whole; of the
    others the totals are read, the outcomes withheld (their columns not said)."""
    values = "   2        3         0         9          14 1               0             1"
    values += "       9        1    0       10\n"
    report = dp.parse(TITLE + C_HEAD + _C_WRAPPED_HEAD + values + "\f")
    missing = ["missing"] * 4
    assert _c_cells(report) == [[2, 3, 0, 9, 14], [*missing, 1], [*missing, 10]]
    (error,) = [d for d in report.diagnostics if d.code == "ambiguous_row"]
    assert (error.severity, error.line) == ("error", 8)


def test_table_c_group_of_zeros_may_end_before_a_blank_total() -> None:
    """(e) A group printing "0 0 0" adds up whichever 0 is its 总计, and whether any is: the
    source's 复议后起诉 was 0 0 (blank) 0 (blank). Its cells are all withheld, not its total
    read as 0; the first group (5 3 3 11, a blank among its outcomes) gives its total."""
    values = "   5        3         3                    11 9          2    0       2        13"
    values += " 0       0        0\n"
    report = dp.parse(TITLE + C_HEAD + _C_WRAPPED_HEAD + values + "\f")
    missing = ["missing"] * 4
    assert _c_cells(report) == [[*missing, 11], [9, 2, 0, 2, 13], [*missing, "missing"]]


@pytest.mark.parametrize(
    "text",
    [
        # values one space apart: one fragment of the page, laid out by its characters
        TITLE + C_HEAD + _C_LAYOUT_HEAD + " " * 28 + "5 2 7 8 1 9\n\f",
        # the third group's 总计 cut off the header: the page's edge cut the table
        TITLE
        + C_HEAD
        + _C_LAYOUT_HEAD.replace(" 总\n", "\n").replace(" 计\n", "\n")
        + _C_LAYOUT_VALUES
        + "\f",
        # no form feed: not pdftotext's page grid
        TITLE + C_HEAD + _C_LAYOUT_HEAD + _C_LAYOUT_VALUES,
    ],
    ids=["one-fragment", "total-cut", "no-grid"],
)
def test_layout_table_c_not_placed_where_positions_say_nothing(text: str) -> None:
    """(e) where the text's positions cannot be trusted, table C's six numbers are not lined
    up by them: every cell is withheld, said on the line."""
    report = dp.parse(text)
    assert all(cell == "missing" for group in _c_cells(report) for cell in group)
    assert 9 in _loud_lines(report)


# f. the title, and the organisation a name


def test_wrapped_preamble_line_is_not_the_title() -> None:
    """(f) a preamble line ending "…政府信息公开工作年度报告格" (of …报告格式》) is prose: no
    title is taken from it, and its absence is said."""
    text = (
        "本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅关于印发〈中华人民共和国政府信息"
        "公开工作年度报告格\n式〉的通知》要求编制。\n一、总体情况\n今年收到申请0件。\n"
        + B_HEAD
        + "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
    )
    report = dp.parse(text)
    assert (report.title, report.organization) == (None, None)
    assert [d.severity for d in report.diagnostics if d.code == "no_title"] == ["warning"]


def test_organisation_is_a_name() -> None:
    """Field names, a printed page's date stamp and 关于 are not part of the organisation."""
    for title, org in [
        (
            "标题: 平潭综合实验区海坛片区管理局 关于2021年度政府信息公开工作年度报告",
            "平潭综合实验区海坛片区管理局",
        ),
        ("太极镇⼈⺠政府信息公开⼯作年度报告", "太极镇人民政府"),
    ]:
        report = dp.parse(
            title + "\n" + B_HEAD + "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
        )
        assert report.organization == org, title


def test_print_header_before_the_title_is_not_the_organisation() -> None:
    """Chromium prints the date and the page's title above the page: the title after it is
    the report's, and a title line carrying the stamp names the organisation without it."""
    stamped = "12/3/26, 2:51 PM 泉林泉街道办事处2020年政府信息公开工作年度报告"
    assert (
        dp.parse(
            stamped
            + "\n"
            + TITLE
            + B_HEAD
            + "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
        ).organization
        == "示例镇人民政府"
    )
    from disclosure_parser.parsing.labels import organization_from_title

    assert organization_from_title("12/3/26,2:51PM泉林泉街道办事处政府信息公开工作年度报告") == (
        "泉林泉街道办事处",
        None,
    )


def test_kangxi_radicals_read_as_ideographs() -> None:
    """Text copied from Chromium's PDFs prints ⼀ ⼆ ⾏ for 一 二 行: the labels still match."""
    text = TITLE + B_HEAD + "⼀、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n"
    assert _values(dp.parse(text), "new_received") == [3, 0, 0, 0, 0, 0, 3]


# i. text dumps


def test_html_table_left_in_markdown_is_read_as_html() -> None:
    """(i) pandoc -t gfm keeps a table with merged cells as raw HTML: read as the table it is,
    the clause cell spanning the block's rows included, each cell at its place in the text."""
    text = (
        TITLE
        + "二、主动公开政府信息情况\n\n"
        + '<table>\n<tr><td rowspan="3">第二十条第（一）项</td><td>信息内容</td><td>本年新<br />\n'
        "制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>\n"
        "<tr><td>规章</td><td>13</td><td>&nbsp;</td><td>524</td></tr>\n"
        "<tr><td>规范性文件</td><td>60</td><td>60</td><td>368</td></tr>\n</table>\n"
    )
    report = dp.parse(text)
    regulations = report.active_disclosure.item("regulations")
    assert regulations is not None
    assert [c.value for c in regulations.cells] == [13, None, 524]
    assert regulations.cells[1].state == "blank"
    assert report.active_disclosure.get("normative_documents", -1) == 368
    line = text.split("\n")[regulations.cells[2].line - 1]  # type: ignore[operator]
    assert line[regulations.cells[2].column - 1 :].startswith("524")  # type: ignore[operator]


def test_pandoc_simple_and_grid_tables_are_read() -> None:
    """(i) pandoc -t plain draws tables with dashes: cut at the rule's columns (a CJK
    character is two columns wide), a grid table's cells wrapped over lines joined."""
    simple = (
        "  ------------------------------ ------ ------ ------\n"
        "  信息内容                       本年新 本年新 对外公开\n"
        "  规章                           1             3\n"
        "  ------------------------------ ------ ------ ------\n"
    )
    grid = (
        "+----------+--------+--------+--------+\n"
        "| 信息内容 | 本年新 | 本年新 | 对外   |\n"
        "|          | 制作数 | 公开数 | 公开总 |\n"
        "|          | 量     | 量     | 数量   |\n"
        "+----------+--------+--------+--------+\n"
        "| 规范性文 | 4      | 5      | 6      |\n"
        "| 件       |        |        |        |\n"
        "+----------+--------+--------+--------+\n"
    )
    report = dp.parse(TITLE + "二、主动公开政府信息情况\n第二十条第（一）项\n" + simple + grid)
    regulations = report.active_disclosure.item("regulations")
    assert regulations is not None
    assert [c.value for c in regulations.cells] == [1, None, 3]
    normative = report.active_disclosure.item("normative_documents")
    assert normative is not None
    assert [c.value for c in normative.cells] == [4, 5, 6]
    assert normative.columns == ("本年新制作数量", "本年新公开数量", "对外公开总数量")


def test_header_cell_wrapped_in_a_one_cell_a_line_dump() -> None:
    """(i) lynx prints a cell a line and wraps a header cell ("本年新" / "制作数量"): one cell,
    so table A's 2019 rows have their three columns."""
    text = (
        TITLE + "二、主动公开政府信息情况\n\n   第二十条第（一）项\n\n   信息内容\n\n"
        "   本年新\n   制作数量\n\n"
        "   本年新\n   公开数量\n\n   对外公开总数量\n\n   规章\n\n   13\n\n   13\n\n   524\n"
    )
    regulations = dp.parse(text).active_disclosure.item("regulations")
    assert regulations is not None
    assert [c.value for c in regulations.cells] == [13, 13, 524]


def test_html2text_cells_cut_byte_wise() -> None:
    """(i) html2text pads with underscores and lets a cell's text run into the next: a number
    followed by its neighbour's words is read, with a cut_cell warning on it; a label cut
    short ("规范性\\ufffd") is still the item it starts."""
    text = (
        TITLE + "二、主动公开政府信息情况\n"
        " ____________________\n"
        "|第二十条第（一）项_|\n"
        "|信息内\ufffd|本年新制作数量|本年新公开数量|对外公开总数量|\n"
        "|规章____|0可____|3_____|7720__|\n"
        "|规范性\ufffd|26176\ufffd|3_____|11459_|\n"
    )
    report = dp.parse(text)
    assert [c.value for c in report.active_disclosure.item("regulations").cells] == [0, 3, 7720]  # type: ignore[union-attr]
    normative = report.active_disclosure.item("normative_documents")
    assert normative is not None
    assert [c.value for c in normative.cells] == [26176, 3, 11459]
    cut = [d for d in report.diagnostics if d.code == "cut_cell"]
    assert {d.line for d in cut} == {6, 7}
    assert all(d.severity == "warning" for d in cut)


def _a_values(report: dp.Report, key: str) -> list[object]:
    item = report.active_disclosure.item(key)
    assert item is not None, key
    return [c.value if c.state == "number" else c.state for c in item.cells]


def test_html2text_header_cells_cut_short_are_the_template_columns() -> None:
    """(i) html2text cuts header cells byte-wise ("上一\ufffd", "采购\ufffd"): each cell is
    still one column, named by the template column it starts, and a number whose unit the cut
    broke ("92734.068 万\ufffd") is read with a cut_cell warning."""
    text = (
        TITLE + "二、主动公开政府信息情况\n"
        " ____________________\n"
        "|第二十条第（八）项_______|\n"
        "|信息内\ufffd|上一\ufffd|本年增/减__|\n"
        "|行政事\ufffd|0性收|668____________|\n"
        "|第二十条第（九）项_______|\n"
        "|信息内\ufffd|采购\ufffd|采购总金额|\n"
        "|政府集\ufffd|2采购|92734.068_万\ufffd|\n"
    )
    report = dp.parse(text)
    fees = report.active_disclosure.item("fees")
    assert fees is not None
    assert fees.columns == ("上一年项目数量", "本年增/减")
    assert _a_values(report, "fees") == [0, 668]
    assert _a_values(report, "procurement") == [2, Decimal("92734.068")]
    cut = {(d.line, d.code) for d in report.diagnostics if d.severity != "info"}
    assert (9, "cut_cell") in cut


@pytest.mark.parametrize(
    ("first", "penalties", "coercive", "said"),
    [
        # "0罚": 行政处罚, whose wording the overflow completes; the other row is 行政强制
        ("0罚", [0], [11934], [("cut_label", 10, "warning")]),
        # nothing ran over: both rows start both items, and neither is guessed (by the
        # template's order, say)
        ("0", None, None, [("unknown_label", 9, "warning"), ("unknown_label", 10, "warning")]),
    ],
    ids=["overflow", "nothing"],
)
def test_html2text_label_cut_short_is_read_with_what_ran_into_its_cells(
    first: str,
    penalties: list[int] | None,
    coercive: list[int] | None,
    said: list[tuple[str, int, str]],
) -> None:
    """(i) a label cut to "行政\ufffd" is the one item of its clause it starts (（五）: 行政许可),
    or the one whose wording the rest run into its cells completes ("0罚": 行政处罚); under
    （六） a row that neither tells is the clause's item no other row names (行政强制), with a
    cut_label warning that says it was read so; where no row tells, both are skipped."""
    text = (
        TITLE + "二、主动公开政府信息情况\n"
        " ____________________\n"
        "|第二十条第（五）项_|\n"
        "|信息\ufffd|本年处理决定\ufffd|量\n"
        "|行政\ufffd|86785_______________|\n"
        "|第二十条第（六）项_|\n"
        "|信息\ufffd|本年处理决定\ufffd|量\n"
        f"|行政\ufffd|{first:_<18}|\n"
        "|行政\ufffd|11934_______________|\n"
    )
    report = dp.parse(text)
    licensing = report.active_disclosure.item("licensing")
    assert licensing is not None
    assert licensing.columns == ("本年处理决定数量",)
    assert _a_values(report, "licensing") == [86785]
    for key, values in (("penalties", penalties), ("coercive_measures", coercive)):
        if values is None:
            assert report.active_disclosure.item(key) is None
        else:
            assert _a_values(report, key) == values
    assert [(d.code, d.line, d.severity) for d in report.diagnostics if "label" in d.code] == said


def test_html2text_table_indented_inside_a_quote() -> None:
    """(i) a table html2text indents (inside a quote or a list) is read like one at the margin:
    padding dropped, the header over two lines."""
    text = (
        TITLE + "二、主动公开政府信息情况\n"
        "   ________________________________\n"
        "  |__________第二十条第（一）项______|\n"
        "  |        信息内容|     本年新|     本年新|       对外公开\ufffd|数量\n"
        "  |____________________|_____制作数|_____公开数|\ufffd\ufffd___________|\n"
        "  |规章______________|______5_______|______1_______|________27058________|\n"
    )
    assert _a_values(dp.parse(text), "regulations") == [5, 1, 27058]


def test_html2text_caption_cut_short_beside_its_items() -> None:
    """(i) a 第二十条 caption in a merged first column, cut to "第二十条\ufffd" and drawn in
    the header and item rows, is neither a column nor part of the item's name; a dash cut
    short ("—\ufffd") is the none mark it printed."""
    text = (
        TITLE + "二、主动公开政府信息情况\n"
        "   ______________________________________\n"
        "  |                |___信息\ufffd|___上一年\ufffd|____本年增/|___处理决\ufffd|\ufffd数量\n"
        "  |   第二十条\ufffd|行政许\ufffd|______—\ufffd_____|____-3867_____|______2______|\n"
    )
    report = dp.parse(text)
    licensing = report.active_disclosure.item("licensing")
    assert licensing is not None
    assert licensing.columns == ("上一年项目数量", "本年增/减", "处理决定数量")
    assert _a_values(report, "licensing") == ["na", -3867, 2]


def test_html2text_caption_run_into_the_label_cell_after_the_label() -> None:
    """(i) html2text runs the cut words of a merged 第二十条 caption into the cell of the
    block's first item, after its label ("规章\ufffd）\ufffd", fresh_210006 and some twenty
    reports of the fresh sets): the row is still 规章, not an unknown label skipped."""
    text = (
        TITLE + "二、主动公开政府信息情况\n"
        "    ______________________________________________________________________\n"
        "   |                |___信息\ufffd|___本年制\ufffd|___本年废\ufffd|___现行有\ufffd"
        "|\ufffd件数\n"
        "   |   第二十条\ufffd|规章\ufffd）\ufffd|______0______|______0______|______1______|\n"
        "   |________________|规范性\ufffd|______0______|______9______|______0______|\n"
    )
    report = dp.parse(text)
    assert _a_values(report, "regulations") == [0, 0, 1]
    assert _a_values(report, "normative_documents") == [0, 9, 0]
    assert not [d for d in report.diagnostics if d.code == "unknown_label"]


@pytest.mark.parametrize("wrap", [("第二十条第（", "一）项"), ("第二十条第（一", "）项")])
def test_box_drawn_caption_beside_the_first_item_is_not_its_name(wrap: tuple[str, str]) -> None:
    """(i) elinks and w3m draw a merged 第二十条 caption cell beside the block's first item
    ("第二十条第（ | 一）项 规章", or "第二十条第（一 | ）项 规章"): the row is still 规章."""
    text = (
        TITLE + "二、主动公开政府信息情况\n"
        "┌──────────────┬──────────┬──────────┬──────────┬────────────┐\n"
        "│              │ 信息内容 │ 本年新制 │ 本年新公 │ 对外公开总 │\n"
        "│              │          │ 作数量   │ 开数量   │ 数量       │\n"
        f"│ {wrap[0]:<12} ├──────────┼──────────┼──────────┼────────────┤\n"
        f"│ {wrap[1]:^12} │ 规章     │ 1        │ 0        │ 3          │\n"
        "│              ├──────────┼──────────┼──────────┼────────────┤\n"
        "│              │ 规范性文件 │ 4      │ 5        │ 6          │\n"
        "└──────────────┴──────────┴──────────┴──────────┴────────────┘\n"
    )
    report = dp.parse(text)
    assert _a_values(report, "regulations") == [1, 0, 3]
    assert _a_values(report, "normative_documents") == [4, 5, 6]


def test_pandoc_tables_with_a_spanned_header_cell() -> None:
    """(i) pandoc writes a header cell spanning two columns as an empty column beside it, in
    its grid tables (``-t plain``, values placed under the header they stand in) and its pipe
    tables (``-t gfm``, a column empty in every row dropped): 3 values, not 4."""
    grid = (
        TITLE + "二、主动公开政府信息情况\n\n"
        "+-----------+-----------+-----------+-----------+-----------+-----------+\n"
        "| 第        | 信息内容  | 本年新    | 本年新    |           | 对外公    |\n"
        "| 二十条第  |           | 制作数量  | 公开数量  |           | 开总数量  |\n"
        "| （一）项  |           |           |           |           |           |\n"
        "+-----------+-----------+-----------+-----------+-----------+-----------+\n"
        "|           | 规章      | 1         | 0         |           | 3         |\n"
        "+-----------+-----------+-----------+-----------+-----------+-----------+\n"
    )
    assert _a_values(dp.parse(grid), "regulations") == [1, 0, 3]
    pipe = (
        TITLE + "二、主动公开政府信息情况\n\n"
        "|                    |              |              |     |              |\n"
        "|--------------------|--------------|--------------|-----|--------------|\n"
        "| 第二十条第（一）项 |              |              |     |              |\n"
        "| 信息内容           | 本年制发件数 | 本年废止件数 |     | 现行有效件数 |\n"
        "| 规章               | 70907        | 75704        |     | 11648        |\n"
        "| 规范性文件         | 82905        |              |     | 0            |\n"
    )
    report = dp.parse(pipe)
    assert _a_values(report, "regulations") == [70907, 75704, 11648]
    assert _a_values(report, "normative_documents") == [82905, "blank", 0]


def test_print_headers_and_footers_are_not_text() -> None:
    """A browser's print header (date, title) and footer (address, page n/N) inside a table
    are dropped, so the table goes on across the page."""
    text = (
        TITLE + "二、主动公开政府信息情况\n第二十条第（六）项\n"
        "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
        "行政处罚\t1\t2\t3\n"
        "file:///tmp/page.html                    2/4\n"
        "12/3/26, 2:50 PM        示例镇人民政府2021年政府信息公开工作年度报告\n"
        "行政强制\t4\t5\t6\n"
    )
    report = dp.parse(text)
    assert report.active_disclosure.get("coercive_measures", 2) == 6
    assert report.organization == "示例镇人民政府"


def test_number_printed_against_the_numbering_is_not_a_blank() -> None:
    """(c) ``pdftotext -layout`` sets a row's first value against the numbering of its wrapped
    label ("要求提供公 03."): the row's six numbers do not make a printed blank of 自然人
    where the 0 stood, but a row with a lost cell, said on the label's line; here no other
    row tells which cell a lost 0 was, so the cells in doubt are withheld with an error (in
    a whole table its sums read it: gen_2021_numbering in the conversion matrix)."""
    full = dict(zip(_COLUMNS, ("3", "1", "0", "0", "0", "1", "5"), strict=True))
    rest = dict(zip(_COLUMNS[1:], ("5", "6", "0", "0", "3", "14"), strict=True))
    rows = [
        _at("一、本年新收政府信息公开申请数量", full),
        "",
        _at("              要求提供公 03.", {}),
        _at("（五） 开出版物", rest),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    row = report.applications.row("not_processed.publication")
    assert "blank" not in [c.state for c in row.cells]
    assert row.cells[0].state == "missing"
    said = {(d.code, d.severity, d.line) for d in report.diagnostics}
    assert ("number_in_numbering", "warning", 7) in said
    assert ("ambiguous_row", "error", 8) in said


_B_BOX = (
    "┌────────┬──────────────┬──┬──┬──┬──┬──┬──┬──┐\n"
    "│        │              │自│商│科│社│法│其│总│\n"
    "│        │              │然│业│研│会│律│他│计│\n"
    "│        │              │人│企│机│公│服│  │  │\n"
    "├────────┼──────────────┼──┼──┼──┼──┼──┼──┼──┤\n"
    "│        │1.属于国家秘密│1 │2 │0 │0 │0 │0 │3 │\n"
    "├────────┼──────────────┼──┼──┼──┼──┼──┼──┼──┤\n"
    "│        │2.重复申请    │  │0 │  │9 │2 │2 │13│\n"
    "└────────┴──────────────┴──┴──┴──┴──┴──┴──┴──┘\n"
)


def test_box_drawn_blank_after_the_label_is_a_printed_blank() -> None:
    """(i) w3m draws every cell: an empty 自然人 right after the label stands in a column of
    numbers, so it is a blank printed there, not a merged label's shadow (read so, the row
    lost a cell and its 0 moved under 自然人, with 0 made up for 科研机构 from the sums)."""
    report = dp.parse(TITLE + B_HEAD + _B_BOX)
    assert _values(report, "not_processed.duplicate") == ["blank", 0, "blank", 9, 2, 2, 13]
    assert _loud_lines(report) & {13} == set()


def test_pipe_table_shadow_of_a_spanned_label_is_not_a_blank() -> None:
    """(i) pandoc's pipe table of a label spanning two label columns leaves an empty cell in
    the label's part of the grid (a column of labels in the other rows): no value; the empty
    cell in a column of numbers is a printed blank."""
    text = (
        TITLE + B_HEAD + "| 申请人情况 | | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 "
        "| 法律服务机构 | 其他 | 总计 |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
        "| 三、本年度办理结果 | （一）予以公开 | | 4 | 0 | 1 | 0 | 0 | 0 | 5 |\n"
        "| | （三）不予公开 | 1.属于国家秘密 | | 2 | 0 | 0 | 0 | 1 | 3 |\n"
        "| | | 2.其他法律行政法规禁止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    )
    report = dp.parse(text)
    assert _values(report, "granted") == [4, 0, 1, 0, 0, 0, 5]
    assert _values(report, "withheld.state_secret") == ["blank", 2, 0, 0, 0, 1, 3]
    assert _values(report, "withheld.prohibited_by_law") == [1, 0, 0, 0, 0, 0, 1]
    assert not [d for d in report.diagnostics if d.code == "ragged_row"]


def test_html2text_cell_of_cut_words_only_holds_no_number() -> None:
    """(i) html2text cuts a cell's "无" (or the label's overflow into it) byte by byte: a cell
    of cut characters and no digit held no number, so the row is read as printed (not as a
    row that lost a cell, a 0 made up by the sums), with a cut_cell_word warning on it."""
    text = (
        TITLE + B_HEAD + " ______________________________________________\n"
        "|         |       |申请人情况|__|__|__|__|__|__|\n"
        "|         |       |_______|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n"
        "|         |       |1.属于国家秘密|1_|2_|0_|0_|0_|0_|3_|\n"
        "|         |       |1.本机关不掌握| \ufffd|3政|2\ufffd\ufffd| \ufffd__|2__| |7__|\n"
    )
    report = dp.parse(text)
    assert _values(report, "unavailable.not_held") == ["blank", 3, 2, "blank", 2, "blank", 7]
    said = {(d.code, d.line) for d in report.diagnostics if d.severity == "warning"}
    assert ("cut_cell_word", 7) in said
    assert not [d for d in report.diagnostics if d.code == "ragged_row"]


def test_html2text_mark_with_the_labels_overflow_is_the_mark() -> None:
    """(i) html2text lets a long label run into the narrow cells after it, whole characters
    where they fit ("-已" of "…重新出具已获取信息", fresh_160022; "/不" of "…仍不明确",
    fresh_140009; "无复", as "无已" in fresh_130010 and fresh_170008, which read as a 0): the
    cell printed the mark, not text that leaves the row a cell short for the sums to fill
    with a 0; a cut_cell warning says what was printed."""
    text = (
        TITLE + B_HEAD + " ______________________________________________\n"
        "|         |       |申请人情况|__|__|__|__|__|__|\n"
        "|         |       |_______|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n"
        "|         |_______|5.要求行政机关确认或重新\ufffd|__-已|63369\ufffd|__0\ufffd__|__2___"
        "|32736_|__1___|_96108_|\n"
        "|         |_______|3.补正后申请内|1__|/不|1\ufffd\ufffd|2_____|1_____| |5__|\n"
        "|         |_______|4.无正当理由大量反\ufffd|无复|1\ufffd申\ufffd|15038_|35790_"
        "|26199_|15622_|92650_|\n"
    )
    report = dp.parse(text)
    assert _values(report, "not_processed.confirmation") == ["na", 63369, 0, 2, 32736, 1, 96108]
    assert _values(report, "unavailable.unclear_after_correction") == [1, "na", 1, 2, 1, "blank", 5]
    excessive = ["na", 1, 15038, 35790, 26199, 15622, 92650]
    assert _values(report, "not_processed.excessive") == excessive
    said = {(d.code, d.line) for d in report.diagnostics if d.severity == "warning"}
    assert ("cut_cell", 6) in said
    assert not [d for d in report.diagnostics if d.code == "ragged_row"]


def test_html2text_blank_with_the_labels_overflow_is_blank() -> None:
    """(i) A cell printed blank as &nbsp; keeps it in html2text, and a long label runs into it
    whole ("8.属于行政查询" / "\xa0项", fresh_150017 and fresh_210017; "\xa0卷", fresh_140017):
    the cell printed blank, not text that leaves the row a cell short for the sums to fill
    with a 0; a cut_cell_word warning says what was printed."""
    text = (
        TITLE + B_HEAD + " ______________________________________________\n"
        "|         |       |申请人情况|__|__|__|__|__|__|\n"
        "|         |       |_______|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|\n"
        "|         |       |1.属于国家秘密|1_|2_|0_|0_|0_|0_|3_|\n"
        "|         |       |7.属于行政执法|\xa0卷_|38110_|0_____|3_____|9_____|95453_|133575_|\n"
        "|三、本|\ufffd\ufffd度\ufffd|8.属于行政查询|\xa0项_|2_____|92652_|38617_|2_____"
        "|\xa0____|131273_|\n"
    )
    report = dp.parse(text)
    enforcement = ["blank", 38110, 0, 3, 9, 95453, 133575]
    assert _values(report, "withheld.enforcement_files") == enforcement
    query = ["blank", 2, 92652, 38617, 2, "blank", 131273]
    assert _values(report, "withheld.administrative_query") == query
    said = {(d.code, d.line) for d in report.diagnostics if d.severity == "warning"}
    assert {("cut_cell_word", 7), ("cut_cell_word", 8)} <= said
    assert not [d for d in report.diagnostics if d.code == "ragged_row"]


def test_markdown_escaped_dash_is_the_dash_printed() -> None:
    """(i) pandoc's markdown escapes a cell's "-" as "\\-": the cell printed the mark for none,
    not text that leaves the row a cell short for the sums to fill with a 0."""
    text = (
        TITLE + B_HEAD + "| 申请人情况 | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 "
        "| 法律服务机构 | 其他 | 总计 |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
        "| （三）不予公开 | 6.属于四类过程性信息 | \\- | 2 | 3 | 无 | 9 | 1 | 15 |\n"
    )
    report = dp.parse(text)
    assert _values(report, "withheld.process_information") == ["na", 2, 3, "na", 9, 1, 15]
    assert not [d for d in report.diagnostics if d.code == "ragged_row"]


def test_row_wrapped_in_a_table_without_total_is_read_by_column() -> None:
    """(a) a table printed without 总计 has six columns: a row whose label wrapped, two
    placeholders squeezed beside its first line and one far right, its numbers beside the
    second, is one row of six, its values in the order of where they stand (无 is 其他's);
    read as the line's order, or two rows, its numbers went into the wrong columns or blanks."""
    head = " " * 61 + "自然人\n" + " " * 67 + "商业企业 科研机构 社会公益组织 法律服务机构 其他\n"
    rows = [
        _at("（六）其 1.申请人无正当理由逾期不补正、行 —— -", {100: "无"}),
        _at("他处理 政机关不再处理其政府信息公开申请", {76: "0", 84: "2", 92: "0"}),
    ]
    report = dp.parse(TITLE + B_HEAD + head + "\n".join(rows) + "\n")
    values = _values(report, "other_handling.no_correction")
    assert values == ["na", "na", 0, 2, 0, "na", "missing"]
    assert {d.line for d in report.diagnostics if d.code == "joined_row"} == {5, 6}


def test_blanks_beside_numbers_left_out_are_said() -> None:
    """A line of numbers under a row, its label naming no row, is left out: the row above
    read its columns as blanks, which they are not if the numbers are its own; a warning on
    that row's line says so (a blank where a number stands must not pass unsaid)."""
    full = {c: str(v) for c, v in zip(_COLUMNS, (1, 2, 3, 4, 5, 6, 21), strict=True)}
    rows = [
        _at("一、本年新收政府信息公开申请数量", full),
        _at("二、上年结转政府信息公开申请数量", dict.fromkeys(_COLUMNS, "0")),
        _at("三、本年度办理结果 （一）予以公开", {60: "1", 76: "3", 108: "4"}),
        _at("补充说明事项", {84: "4", 92: "5"}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    assert _values(report, "granted") == [1, "blank", 3, "blank", "blank", "blank", 4]
    said = {(d.code, d.line, d.severity) for d in report.diagnostics}
    assert ("unknown_label", 7, "warning") in said
    assert ("unknown_label", 8, "warning") in said


def test_row_named_by_label_pieces_above_its_numbers_is_joined() -> None:
    """(a) a browser's PDF wraps a long label over seven lines, the row's numbers beside its
    fourth and fifth: the pieces above (numbering between) name the row with them, so the
    two lines are one row of seven, not a row of three and a line left out."""
    rows = [
        _at("                        申请人无正", {}),
        "                         1.",
        _at("                       当理由逾期不", {}),
        _at("                       补正、行政机 75194 38678 2", {}),
        _at("                       关不再处理其", {84: "9", 92: "25276", 100: "0", 108: "139159"}),
        _at("                       政府信息公开", {}),
        _at("                       申请", {}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    values = _values(report, "other_handling.no_correction")
    assert values == [75194, 38678, 2, 9, 25276, 0, 139159]
    assert {d.line for d in report.diagnostics if d.code == "joined_row"} == {8, 9}


def test_start_of_the_next_rows_label_is_not_joined_to_a_whole_label() -> None:
    """The line after a row whose label is whole ("（二）部分公开…情形）") starts the next
    row ("属于国家 3" / "1." / "秘密 81674 …"): its number is that row's, even where the two
    lines' values would make seven (the first row printed a blank)."""
    rows = [
        _at("（二）部分公开（区", {}),
        _at(
            "分处理的，只计这一",
            {68: "9", 76: "50450", 84: "9", 92: "1", 100: "5", 108: "50474"},
        ),
        _at("情形，不计其他情形）", {}),
        *_around(
            "属于国家 3",
            "1.",
            "秘密",
            {68: "81674", 76: "9", 84: "2", 92: "5", 100: "/", 108: "81693"},
        ),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    assert _values(report, "withheld.state_secret") == [3, 81674, 9, 2, 5, "na", 81693]
    assert 3 not in _values(report, "partially_granted")


def _around(first: str, numbering: str, last: str, values: dict[int, str]) -> list[str]:
    """A row whose label a browser's PDF wrapped around its numbering, as ``-layout`` prints
    it: the label's first piece (with what stands beside it), the numbering on a line of its
    own, the last piece with *values* at their character columns."""
    return [_at(" " * 24 + first, {}), " " * 27 + numbering, _at(" " * 23 + last, values)]


#: a row printing every column, three blank lines under it (rows set apart, as on a page)
_FULL_ROW = [
    _at("一、本年新收政府信息公开申请数量", dict.fromkeys(_COLUMNS[:6], "1") | {108: "6"}),
    "",
    "",
    "",
]


def test_numbering_printed_inside_a_wrapped_label_names_its_row() -> None:
    """A browser's PDF sets a wrapped label's numbering on a line of its own between its
    pieces ("属于行政" / "8." / "查询事项 …"): the pieces name row 8. with the numbering
    first; read in print order they named no row and the row was left out."""
    rows = [
        *_FULL_ROW,
        *_around(
            "属于行政",
            "8.",
            "查询事项",
            {68: "1", 76: "55707", 84: "83207", 92: "32637", 100: "3", 108: "171555"},
        ),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    values = _values(report, "withheld.administrative_query")
    assert values == ["blank", 1, 55707, 83207, 32637, 3, 171555]
    assert not [d for d in report.diagnostics if d.code == "unknown_label"]


def test_row_named_twice_across_a_blank_line_is_one_row_with_a_blank() -> None:
    """A centred group label pushes the end of a row's label a line lower, after a blank
    line ("要求提供 72795" / "3." / "" / "（五） 公开出版物  52366 …"): both lines name the
    row, so their six values are one row with a blank (where, the sums decide), not the
    row twice."""
    rows = [
        *_FULL_ROW,
        _at("                  要求提供 72795", {}),
        "                           3.",
        "",
        _at(
            "            （五） 公开出版物",
            {76: "52366", 84: "36339", 92: "78884", 100: "59401", 108: "299785"},
        ),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    values = _values(report, "not_processed.publication")
    assert values == ["missing", "missing", 52366, 36339, 78884, 59401, 299785]
    said = {(d.code, d.line) for d in report.diagnostics}
    assert {("joined_row", 9), ("joined_row", 12), ("ambiguous_row", 9)} <= said
    assert "duplicate_row" not in {code for code, _ in said}


def test_value_on_a_line_of_its_own_inside_a_wrapped_row_stands_in_its_column() -> None:
    """A browser's PDF sets a row's cells on three lines around its wrapped label: its first
    value beside the label's first line, a placeholder alone on a line below, the others
    beside the label's end. They are one row of seven, the placeholder in the column it
    stands in (法律服务机构), not first: the row's other values keep their columns."""
    rows = [
        _at(
            "1.属于国家秘密",
            dict(zip(_COLUMNS, ("1", "9", "2", "——", "0", "2", "14"), strict=True)),
        ),
        "",
        "",
        _at("  其他法律行政法规禁止 1", {}),
        "   2.",
        _at("", {92: "无"}),
        _at("  公开", {68: "5", 76: "3", 84: "1", 100: "1", 108: "11"}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    assert _values(report, "withheld.prohibited_by_law") == [1, 5, 3, 1, "na", 1, 11]
    assert {d.line for d in report.diagnostics if d.code == "joined_row"} == {8, 10, 11}
    assert not [d for d in report.diagnostics if d.code == "unknown_label"]


def test_row_of_values_shaped_like_a_page_number_is_read() -> None:
    """A line of values set apart "0    3    5    /    8" folds to "035/8", the shape of a
    page number ("2/4"): read as page furniture, the row was dropped; a page number is one
    word, so a line of fields is the table's row."""
    rows = [
        *_FULL_ROW,
        "           5.属于三类内部事务",
        _at("", {60: "0", 76: "3", 84: "5", 100: "/", 108: "8"}),
        "           信息",
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    values = _values(report, "withheld.internal_affairs")
    assert values == [0, "blank", 3, 5, "blank", "na", 8]


def test_first_value_standing_off_the_first_column_is_placed_by_the_others() -> None:
    """Rows of one page may set the first column a few characters apart (LibreOffice's PDF
    through ``-layout``): a first value standing between the first and second columns, the
    others in theirs from the second on, is the first column's; the blank is where no value
    stands (before, the row was left to the sums, which took a cell as lost)."""
    rows = [
        _at(
            "1.属于国家秘密", dict(zip(_COLUMNS, ("1", "9", "2", "3", "0", "2", "17"), strict=True))
        ),
        _at(
            "2.其他法律行政法规禁止公开", dict(zip(_COLUMNS, "1234567", strict=False)) | {108: "21"}
        ),
        _at("3.危及“三安全一稳定”", {64: "5", 68: "1", 76: "2", 84: "0", 92: "3", 108: "11"}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    values = _values(report, "withheld.security_stability")
    assert values == [5, 1, 2, 0, 3, "blank", 11]
    assert not [d for d in report.diagnostics if d.line == 7 and d.severity != "info"]


def test_wrapped_row_with_a_blank_spelled_by_its_pieces_is_one_row() -> None:
    """A row printed "属于行政 79375 12366 75033 5" / "7." / "执法案卷  51511  218290": the
    first line's label names no row alone (属于行政 starts 7. and 8.), the pieces spell 7.'s
    wording, and the six values (a blank among them) are one row: its last two stand in 其他
    and 总计, the first four in order before, the blank left to the sums (here ambiguous)."""
    rows = [
        *_FULL_ROW,
        *_around("属于行政 79375 12366 75033 5", "7.", "执法案卷", {100: "51511", 108: "218290"}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    values = _values(report, "withheld.enforcement_files")
    assert values[5:] == [51511, 218290]
    assert {d.line for d in report.diagnostics if d.code == "joined_row"} == {9, 11}
    assert not [d for d in report.diagnostics if d.code == "unknown_label"]


def test_first_fragment_far_left_of_its_column_goes_in_order_before_the_others() -> None:
    """A browser's PDF through ``-layout`` may set a row's first fragment ("31581 0") far left
    of its columns, where the first column stands; the values after it, each after a run of
    spaces, stand in theirs (0, —, 31581 in 法律服务机构, 其他, 总计). The fragment's values go
    in order into the columns before those, the ways left to the sums: with none to decide
    here, those four cells are withheld with the row's error, never read as the first two."""
    rows = [
        _at(
            "1.属于国家秘密", dict(zip(_COLUMNS, ("1", "9", "2", "3", "0", "2", "17"), strict=True))
        ),
        _at("1.信访举报投诉类申请", {58: "31581 0", 92: "0", 100: "—", 108: "31581"}),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    row = report.applications.row("not_processed.complaint")
    assert row is not None
    assert [c.state for c in row.cells[:4]] == ["missing"] * 4
    assert [c.value for c in row.cells[4:]] == [0, None, 31581]
    assert row.cells[5].state == "na"
    assert ("ambiguous_row", "error", 6) in {
        (d.code, d.severity, d.line) for d in report.diagnostics
    }


def test_wrapped_row_whose_first_line_names_it_joined_with_a_blank() -> None:
    """A row printed "属于三类内 55904 59252 44880 27619" / "5." / "部事务信息  62810
    250465": the first line names the row already, the pieces together are of its wording,
    so the six values are its row with a blank, not a row of four and a line of an unknown
    label."""
    rows = [
        *_FULL_ROW,
        *_around(
            "属于三类内 55904 59252 44880 27619", "5.", "部事务信息", {100: "62810", 108: "250465"}
        ),
    ]
    report = dp.parse(TITLE + B_HEAD + _B_LAYOUT_HEAD + "\n".join(rows) + "\n")
    assert _values(report, "withheld.internal_affairs")[5:] == [62810, 250465]
    assert not [d for d in report.diagnostics if d.code == "unknown_label"]


def _raw(b: dict[str, list[str]]) -> str:
    """A 2021 report whose tables are printed as ``pdftotext -raw`` prints them: each row's
    cells one space apart, a blank cell leaving nothing."""
    text = build.report_text("tab", template="2021", b=b)
    return "\n".join(" ".join(c for c in line.split("\t") if c) for line in text.split("\n"))


def test_cells_a_row_of_pdf_text_left_blank_are_blanks_not_zeros() -> None:
    """(e) ``pdftotext -raw`` prints nothing for a blank cell. Where the sums put a row's
    numbers in their columns ("3 2 1 6" for 3, 2, blank × 3, 1, 6), the columns they leave
    printed nothing: blank (worked out, so ``derived``), not a 0 that was never printed."""
    b = build.zeros_b("2021")
    b["new_received"] = ["3", "2", "", "", "", "1", "6"]
    b["total"] = ["3", "2", "0", "0", "0", "1", "6"]
    b["granted"] = ["3", "2", "0", "0", "0", "1", "6"]
    report = dp.parse(_raw(b))
    assert _values(report, "new_received") == [3, 2, "blank", "blank", "blank", 1, 6]
    row = report.applications.row("new_received")
    assert row is not None
    assert all(c.derived for c in row.cells[2:5])
    assert _values(report, "total") == [3, 2, 0, 0, 0, 1, 6]  # its 0s were printed


def test_a_zero_the_row_printed_among_columns_the_sums_make_0_is_withheld() -> None:
    """(e) The same row printing a 0 among its numbers ("3 0 1 4"): the sums make four
    columns 0, and which of them holds the printed 0 and which are blanks nothing says.
    Each of the four is withheld (a blank is not a 0), with an error on the line; the
    numbers the sums place are read."""
    b = build.zeros_b("2021")
    b["new_received"] = ["3", "0", "", "", "", "1", "4"]
    b["total"] = ["3", "0", "0", "0", "0", "1", "4"]
    b["granted"] = ["3", "0", "0", "0", "0", "1", "4"]
    report = dp.parse(_raw(b))
    assert _values(report, "new_received") == [3, *["missing"] * 4, 1, 4]
    row = report.applications.row("new_received")
    assert row is not None
    assert any(
        d.code == "ambiguous_row" and d.severity == "error" and d.line == row.line
        for d in report.diagnostics
    )


def test_layout_row_of_two_numbers_set_apart_under_a_cut_header_is_a_row() -> None:
    """LibreOffice's PDF cut at both edges leaves out the labels it cut whole; a row whose
    first cell is blank then prints two numbers set apart as columns ("69660   60370"). Under
    a header the edge cut, that is a row (placed by where its numbers stand), so the rows
    without labels fill the rows missing before the next label, one for one."""
    lines = [
        " " * 23 + "自然人",
        " " * 31 + "商业企业 科研机构 社会",
        "",
        " " * 23 + "451551 307819 299668    4",
        "",
        " " * 23 + "70486   82342   57200",
        "",
        " " * 31 + "69660   60370",
        "",
        "区分处理的，只计这一情形，不计其他情形）   20920   12527     0",
    ]
    text = TITLE + B_HEAD + "\n".join(lines) + "\n\f"
    report = dp.parse(text)
    missing = ["missing"] * 4
    assert _values(report, "new_received") == [451551, 307819, 299668, *missing]
    assert _values(report, "carried_over") == [70486, 82342, 57200, *missing]
    assert _values(report, "granted") == ["blank", 69660, 60370, *missing]
    assert _values(report, "partially_granted") == [20920, 12527, 0, *missing]
    # one number alone is not a row: it may be a stray digit
    alone = text.replace(" " * 31 + "69660   60370", " " * 31 + "69660")
    assert dp.parse(alone).applications.row("granted") is None
    # nor are two one space apart (``-raw`` text): nothing says where they stand
    near = text.replace(" " * 31 + "69660   60370", " " * 31 + "69660 60370")
    assert dp.parse(near).applications.row("granted") is None


def _raw_row(b: dict[str, list[str]], printed: str, replaced: str) -> dp.Report:
    """The report of :func:`_raw` with one row's line *printed* set as *replaced*."""
    text = _raw(b)
    assert printed in text
    return dp.parse(text.replace(printed, replaced))


def test_row_whose_total_was_printed_above_its_label_is_read_in_the_order_that_adds_up() -> None:
    """Default ``pdftotext`` can print a row's 总计 on a line of its own above the rest
    ("27" / "大量反复申请 9 2 8 5 1 2"). Read as printed the row does not add up; read with
    its pieces in the one order that fits the sums, it does: each number keeps where it
    stood, and both lines say the order is a reading."""
    b = build.zeros_b("2021")
    row = ["9", "2", "8", "5", "1", "2", "27"]
    b["new_received"] = b["total"] = b["not_processed.excessive"] = row
    report = _raw_row(
        b, "4.无正当理由大量反复申请 9 2 8 5 1 2 27", "4.无正当理由\n27\n大量反复申请 9 2 8 5 1 2"
    )
    excessive = report.applications.row("not_processed.excessive")
    assert excessive is not None
    assert [c.value for c in excessive.cells] == [9, 2, 8, 5, 1, 2, 27]
    assert excessive.cells[-1].line + 1 == excessive.cells[0].line
    said = {d.line for d in report.diagnostics if d.code == "reading_order"}
    assert said == {excessive.cells[-1].line, excessive.cells[0].line}


def test_row_in_pieces_that_adds_up_as_printed_keeps_its_order() -> None:
    """The same row whose first number stands on the line above ("4.无正当理由 9" / "大量反复
    申请 2 8 5 1 2 27") adds up as printed: it is read so, with no word of its order."""
    b = build.zeros_b("2021")
    row = ["9", "2", "8", "5", "1", "2", "27"]
    b["new_received"] = b["total"] = b["not_processed.excessive"] = row
    report = _raw_row(
        b, "4.无正当理由大量反复申请 9 2 8 5 1 2 27", "4.无正当理由 9\n大量反复申请 2 8 5 1 2 27"
    )
    assert _values(report, "not_processed.excessive") == [9, 2, 8, 5, 1, 2, 27]
    assert not [d for d in report.diagnostics if d.code == "reading_order"]


def test_where_a_rows_mark_and_its_zero_stand_undecided_withholds_them() -> None:
    """(e) ``pdftotext -raw`` prints "3 - 0 1 4" for 3, blank, blank, "-", 0, 1, 4. The sums
    settle the numbers (3, four cells adding to 0, 1, 4) but not which of the four holds the
    "-", which the 0 and which are blank: those four are withheld, with an error naming them,
    not shown as a "-" and a 0 in columns nothing chose."""
    b = build.zeros_b("2021")
    b["new_received"] = ["3", "", "", "-", "0", "1", "4"]
    b["total"] = b["granted"] = ["3", "0", "0", "0", "0", "1", "4"]
    report = dp.parse(_raw(b))
    missing = ["missing"] * 4
    assert _values(report, "new_received") == [3, *missing, 1, 4]
    errors = [d for d in report.diagnostics if d.code == "ambiguous_row"]
    assert len(errors) == 1
    assert errors[0].severity == "error"
    assert "商业企业, 科研机构, 社会公益组织, 法律服务机构" in str(errors[0].message)


def test_layout_row_of_zeros_beside_a_blank_total_is_placed_by_position() -> None:
    """``pdftotext -layout`` of a row of six 0s under the six applicant columns, its 总计
    left blank (seed 001 prints several): the positions say where its blank stands; the
    blank total over parts that are all 0 moves no number, so the row is placed by them,
    with nothing to withhold (a row of -raw text, with no positions, could have its blank
    in any column)."""
    rows = [
        "二、上年结转政府信息公开申请数量     0     0   0     0   0   0     0",
        "",
        "三、本年 （一）予以公开        1      0   0     0   0   0     1",
        "度办理结",
        "果    （二）部分公开（区分处理的，",
        "                    0      0   0     0   0   0",
        "     只计这一情形，不计其他情形）",
    ]
    report = dp.parse(TITLE + B_HEAD + "\n".join(rows) + "\n")
    assert _values(report, "partially_granted") == [0] * 6 + ["blank"]
    assert not [d for d in report.diagnostics if d.code in ("ambiguous_row", "ragged_row")]


def test_totals_the_page_edge_cut_in_numbers_printed_one_a_line() -> None:
    """Default ``pdftotext`` of a PDF whose right edge cut the 总计 column prints each row's
    numbers one a line, the total's first digits last ("90" of 90489). Those are no total:
    two rows ending so under a header naming 总计 make the cut, and each such total is worked
    out from its row's sum (``derived``), with a warning on the line of what was printed."""

    text = (
        _B_STREAM_HEAD
        + "一、本年新收政府信息公开申请数量\n\n"
        + _one_a_line(5, 90482, 2, 0, 0, 0, 90)
        + "二、上年结转政府信息公开申请数量\n\n"
        + _one_a_line(5, 11659, 1, 5887, 62942, 5, 80)
    )
    report = dp.parse(text)
    for key, total in (("new_received", 90489), ("carried_over", 80499)):
        row = report.applications.row(key)
        assert row is not None
        assert row.cells[-1].value == total
        assert row.cells[-1].derived
    cut = {d.line for d in report.diagnostics if d.code == "cut_at_page_edge"}
    printed = text.split("\n")
    assert {printed[line - 1] for line in cut} == {"90", "80"}


def test_numbers_read_by_blocks_are_warned_under_the_label_before_them() -> None:
    """Numbers one a line under a header printed apart are warned on each line, naming the
    row by the label printed right before them (the row they are read as)."""
    text = (
        TITLE
        + B_HEAD
        + "申请人情况\n自然人 法人或其他组织\n总计\n"
        + "商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n"
        + "4.保护第三方合法权益\n\n"
        + _one_a_line(5, 5, 0, 0, 1, 3, 14)
    )
    report = dp.parse(text)
    assert _values(report, "withheld.third_party_rights") == [5, 5, 0, 0, 1, 3, 14]
    warned = [d for d in report.diagnostics if d.code == "reading_order"]
    assert len(warned) == 7
    assert all("withheld.third_party_rights" in d.message for d in warned)


# default pdftotext of a real Word file's PDF: table B printed by blocks of rows, some row
# after row, some column after column, the labels after the numbers

#: a 2019 table B as such reports fill it: applicants are people (自然人 = 总计)
_BLOCK_ROWS: dict[str, list[int]] = {
    key: [n, 0, 0, 0, 0, 0, n]
    for key, n in zip(
        APPLICATION_ROWS["2019"],
        [95, 0, 50, 9, 0, 0, 1, 0, 0, 1, 1, 0, 31, 1, 0, 1, 0, 0, 0, 0, 0, 95, 0],
        strict=True,
    )
}


def _by_blocks(
    rows: dict[str, list[int]], cuts: list[tuple[int, int, bool]], last_two: bool = False
) -> str:
    """Default pdftotext of table B *rows*: for each block (first row, end, column after
    column?) its numbers one a line (the last two on one line, where *last_two*); then every
    row's label."""
    values = list(rows.values())
    numbers: list[int] = []
    for start, end, by_column in cuts:
        block = values[start:end]
        if by_column:
            numbers += [row[c] for c in range(7) for row in block]
        else:
            numbers += [n for row in block for n in row]
    text = _B_STREAM_HEAD + _one_a_line(*numbers)
    if last_two:
        text = _B_STREAM_HEAD + _one_a_line(*numbers[:-2]) + f"{numbers[-2]} {numbers[-1]}\n\n"
    text += "".join(ROW_LABELS[k] + "\n" for k in rows)
    return text


def test_default_pdftotext_table_b_printed_by_blocks_is_cut_by_its_sums() -> None:
    """Default ``pdftotext`` of a Word file's PDF (the dev corpus's 002 and 003 print so):
    the first rows row after row, then a block of nine rows column after column ("0 0 1 0 0
    1 1 0 31", their 自然人, then their other columns), the labels after all the numbers. One
    cut into blocks keeps every row's sum and every column sum: every cell is read, each
    line warned that the row was cut so (a reading, not what was printed beside its label)."""
    cuts = [(0, 1, False), (1, 2, False), (2, 3, False), (3, 4, False), (4, 13, True)]
    cuts += [(13, 21, True), (21, 23, True)]
    text = _by_blocks(_BLOCK_ROWS, cuts)
    report = dp.parse(text)
    for key, want in _BLOCK_ROWS.items():
        assert _values(report, key) == want, key
    number_lines = {c.line for row in report.applications for c in row.cells}
    warned = {d.line for d in report.diagnostics if d.code == "reading_order"}
    assert number_lines <= warned
    assert _blocks_said(report)


def test_default_pdftotext_table_b_by_blocks_keeps_a_line_of_two_numbers() -> None:
    """A line of two numbers after a long run of numbers one a line ("95 0", the last cells of
    the last block: the 总计 column of its two rows) is not a row of its own, and was left out
    as a stray digit among labels; the table read by blocks counts it where it was printed."""
    cuts = [(0, 1, False), (1, 2, False), (2, 3, False), (3, 4, False), (4, 13, True)]
    cuts += [(13, 21, True), (21, 23, True)]
    report = dp.parse(_by_blocks(_BLOCK_ROWS, cuts, last_two=True))
    for key, want in _BLOCK_ROWS.items():
        assert _values(report, key) == want, key


def test_table_b_blocks_that_cut_two_ways_give_nothing() -> None:
    """Fourteen numbers that add up both as two rows in turn (0 … 0 / 1 0 0 0 0 0 1) and as
    two rows column after column (0 … 0 / 0 0 0 1 0 0 1): the text does not say which, and
    nothing is cut."""
    printed = ["0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0", "1"]
    cells = [RawCell(t, n + 1, 1, False) for n, t in enumerate(printed)]
    assert blocks.arranged(cells, 2, ()) is None
    rows = blocks.arranged(cells[:7] + cells[:7], 2, ())  # (two rows of 0s: one table)
    assert rows is not None
    assert [c.text for c in rows[1]] == ["0"] * 7


def _blocks_said(report: dp.Report) -> bool:
    return any("printed by blocks" in d.message_in("en") for d in report.diagnostics)


def test_default_pdftotext_table_b_by_blocks_that_do_not_add_up_is_not_cut() -> None:
    """A table whose columns do not add up (a report's own slip: 四 one too many) is not cut
    into rows by its sums: nothing is read from the blocks."""
    rows = {k: list(v) for k, v in _BLOCK_ROWS.items()}
    rows["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]
    cuts = [(0, 1, False), (1, 2, False), (2, 3, False), (3, 4, False), (4, 13, True)]
    cuts += [(13, 21, True), (21, 23, True)]
    report = dp.parse(_by_blocks(rows, cuts))
    assert not _blocks_said(report)
    assert report.applications.row("unavailable.not_held") is None  # (no label beside them)


#: LibreOffice's PDF of a fixed-width table B printed past both edges of its page, as
#: ``pdftotext -layout`` gives it (fresh_130023): the long label of （二）部分公开 pushes its
#: first number four characters left of its column, the others stand in theirs
_CUT_SQUEEZED = "\n".join(
    [
        "关系为：第一项加第二项之和，等于第三项加第四项之和）" + " " * 39 + "申请人情况",
        "\f" + " " * 57 + "法人或其他组织",
        " " * 33 + "自然人",
        " " * 41 + "商业企业 科研机构 社会公益组织 法律服",
        "",
        "公开申请数量" + " " * 27 + "575893 754821 541918    453894    291",
        "",
        "公开申请数量" + " " * 27 + "82369   21140   82889    73663    66",
        "",
        "（一）予以公开" + " " * 27 + "——     84254                     55",
        "",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 87625       82026   8232      0",
        "",
        " " * 10 + "1.属于国家秘密" + " " * 15 + "10290   49195   99257    76467    69",
        "",
    ]
)


def test_row_is_not_shifted_a_whole_column_to_fit_its_squeezed_first_number() -> None:
    """A row fits its columns "shifted as a whole" only by less than half a column: read one
    column to the right (shifted by nine characters where columns stand eight apart), the
    four numbers of （二）部分公开 went each into the column after its own, 0 past the edge,
    with only the edge's warning on the line. Its first number is 自然人's, squeezed left of
    its column beside the long label; the others stand in theirs."""
    report = dp.parse(TITLE + B_HEAD + _CUT_SQUEEZED)
    missing = ["missing"] * 3
    assert _values(report, "partially_granted") == [87625, 82026, 8232, 0, *missing]
    assert _values(report, "granted") == ["na", 84254, "blank", "blank", *missing]
    assert _values(report, "withheld.state_secret") == [10290, 49195, 99257, 76467, *missing]


def test_numbers_alone_before_a_label_do_not_join_a_row_they_do_not_fill() -> None:
    """Default pdftotext of a browser's PDF printed the last numbers of 执法案卷's row alone
    ("7." / "21151" / "1") before the next row's label line ("属于行政 27762 96465 84775
    97734"): taken for numbers inside that label, they made a row of six whose 总计 was
    worked out from them, each number a column off, with only "joined" said. In text
    without positions such numbers join a row only where together they fill its columns:
    here they do not, and the row is withheld (ragged, said on its line)."""
    text = (
        _B_STREAM_HEAD
        + "属于四类 5\n过程性信息\n\n36744\n\n属于行政 0\n执法案卷\n\n2\n\n6.\n\n7.\n\n"
        + "21151\n\n1\n\n属于行政 27762 96465 84775 97734\n查询事项\n8.\n\n"
    )
    report = dp.parse(text)
    assert set(_values(report, "withheld.administrative_query")) == {"missing"}
    (ragged,) = [d for d in report.diagnostics if d.code == "ragged_row" and d.line == 31]
    assert ragged.severity == "warning"
    assert not [d for d in report.diagnostics if d.code == "joined_row"]


def test_number_alone_before_a_label_leaves_the_row_to_its_block() -> None:
    """The second number of 补正后申请内容仍不明确 printed alone ("3." / "24902") before the
    next row's label line ("信访举报投 0" / "诉类申请"), whose other six numbers follow one a
    line: 24902 does not join 信访举报投诉类申请 (two numbers do not fill it), which is read
    whole from its first number and the block after, adding up."""
    text = (
        _B_STREAM_HEAD
        + "补正后申请 5\n内容仍不明确\n3.\n\n24902\n\n信访举报投 0\n诉类申请\n1.\n\n"
        + _one_a_line(36406, 0, 0, 5, 79695, 116106)
    )
    report = dp.parse(text)
    assert _values(report, "not_processed.complaint") == [0, 36406, 0, 0, 5, 79695, 116106]
    assert set(_values(report, "unavailable.unclear_after_correction")) == {"missing"}


#: table C's header as ``pdftotext -raw`` gives LibreOffice's PDF of a fixed-width table
#: the page's right edge cut after 复议后起诉's outcomes (fresh_110001): names wrapped a few
#: characters a line, two 总计 where the table has three
_C_RAW_HEAD_CUT = (
    "行政复议 行政诉讼\n结果维\n持\n结果纠\n正\n其他结\n果\n尚未\n审结\n总计\n"
    "未经复议直接起诉 复议后起诉\n结果\n维持\n结果纠\n正\n其他\n结果\n尚未\n审结\n总计\n"
    "结果维\n持\n结果纠\n正\n其他结\n果\n尚未审\n结\n"
)


def test_table_c_cut_before_its_last_total_reads_no_number_at_the_edge() -> None:
    """The header shows the 总计 of two groups only: the edge cut 复议后起诉's 总计 off the
    page, and its 尚未审结 stands at the edge ("2468" of 24684). Read as printed, the line
    lacked a cell, the 总计 was taken for it and worked out from 2468 (198822, printed
    221038). The number at the edge and the 总计 are now missing, said on the line; the
    groups before, adding up, are read."""
    values = "78688 86031 18408 5 183132 0 37340 0 2 37342 95016 19070 82268 2468"
    report = dp.parse(TITLE + C_HEAD + _C_RAW_HEAD_CUT + values + "\n")
    cells = _c_cells(report)
    assert cells[0] == [78688, 86031, 18408, 5, 183132]
    assert cells[1] == [0, 37340, 0, 2, 37342]
    assert cells[2] == [95016, 19070, 82268, "missing", "missing"]
    (note,) = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert (note.severity, note.line) == ("warning", 31)
    assert "2468" in note.message


def test_table_c_under_a_cut_header_with_a_blank_reads_no_number_at_the_edge() -> None:
    """Thirteen numbers under the same header: a blank left no trace somewhere, so the last
    number may stand at the edge (cut) or be whole with the blank after it; either way it
    is not read, nor is the 总计 past the edge, said on the line (read as printed, "264" of
    26419 was 尚未审结 and a 总计 of 80651 was worked out from it). The sums place the
    blank: in 未经复议直接起诉, whose outcomes are withheld, its total read."""
    values = "84956 89683 9 60877 235525 1309 82890 84179 168378 9 74613 5765 264"
    report = dp.parse(TITLE + C_HEAD + _C_RAW_HEAD_CUT + values + "\n")
    cells = _c_cells(report)
    assert cells[0] == [84956, 89683, 9, 60877, 235525]
    assert cells[1] == [*["missing"] * 4, 168378]
    assert cells[2] == [9, 74613, 5765, "missing", "missing"]
    (note,) = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert "264" in note.message


def test_table_c_under_a_cut_header_with_a_blank_in_layout_text() -> None:
    """The same line in ``pdftotext -layout`` of LibreOffice's PDF (fresh_180016), the
    header's words stacked and cut ("尚未" / "结", no third 总计): the values' positions do
    not overrule the edge."""
    head = (
        "行政复议                           行政诉讼\n\n"
        "                               未经复议直接起诉                       复议后起诉\n"
        "结果维 结果纠 其他 尚未审\n"
        "               总计\n"
        "持   正   结果 结                   结果 结果纠 其他 尚未审                  "
        "结果 结果纠 其他 尚未\n"
        "                                             总计\n"
        "                               维持 正   结果 结                    维持 正   结果 结\n\n"
    )
    values = "84956 89683 9    60877 235525 1309 82890     84179 168378 9       74613 5765 264"
    report = dp.parse(TITLE + C_HEAD + head + values + "\n")
    cells = _c_cells(report)
    assert cells[0] == [84956, 89683, 9, 60877, 235525]
    assert cells[1][4] == 168378
    assert cells[2] == [9, 74613, 5765, "missing", "missing"]


def test_table_c_under_a_cut_header_whose_groups_do_not_add_up_is_not_cut() -> None:
    """Thirteen numbers under the same header whose first two groups add up with the blank
    in no place (183130 is no sum of 78688 86031 18408 5): nothing is said of the last by
    the edge."""
    shifted = "78688 86031 18408 5 183130 0 37340 0 2 37342 95016 19070 82268 2468"
    report = dp.parse(TITLE + C_HEAD + _C_RAW_HEAD_CUT + shifted + "\n")
    assert not [d for d in report.diagnostics if d.code == "cut_at_page_edge"]


def test_mark_inside_a_wrapped_label_joins_a_row_of_tab_separated_cells() -> None:
    """A row of cells set apart by tabs keeps its blanks (继续办理, a blank, 无 - — -): the
    mark printed inside its wrapped label ("四、结转下年度" / "无") is its first cell, however
    few cells print a value; the rule for text without positions (numbers held before a
    label join its row only where they fill it) is not for such rows."""
    head = (
        "\t\t自然人\t法人或其他组织\n\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
    )
    rows = "一、本年新收政府信息公开申请数量\t\t3\t0\t无\t1\t0\t2\n"
    text = TITLE + B_HEAD + head + rows + "四、结转下年度\n无\n继续办理\t\t无\t-\t—\t-\t\n"
    report = dp.parse(text)
    assert _values(report, "carried_forward") == [*["na"] * 5, "blank", "missing"]


def test_table_c_header_with_a_wrapped_total_is_not_taken_for_a_cut_one() -> None:
    """Two whole 总计 and a third wrapped ("总" / "计") name all three: fourteen numbers
    then leave a blank somewhere, and the last is no number at an edge."""
    head = _C_RAW_HEAD_CUT + "总\n计\n"
    values = "78688 86031 18408 5 183132 0 37340 0 2 37342 95016 19070 82268 2468"
    report = dp.parse(TITLE + C_HEAD + head + values + "\n")
    assert not [d for d in report.diagnostics if d.code == "cut_at_page_edge"]


def test_table_c_last_total_cut_after_a_group_with_a_blank_is_worked_out() -> None:
    """复议后起诉 printed a blank and a mark ("- 88503 99420 1879"), its 总计 cut at the page's
    edge: 1879 is below the number before it and begins 187923, the sum of the three before
    it (not of four: one of those is 未经复议直接起诉's total). It is no number, and the
    group's sum gives the total; read as printed it was 复议后起诉's 尚未审结 and the total
    worked out from it, each number a column off."""
    values = "33643 76208 / 9 109860 3 41882 3 5 41893 - 88503 99420 1879"
    report = dp.parse(TITLE + C_HEAD + _C_RAW_HEAD + values + "\n")
    cells = _c_cells(report)
    assert cells[2][4] == 187923
    assert 1879 not in cells[2]
    assert 189802 not in cells[2]
    (note,) = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert "1879" in note.message


#: table B of Chromium's PDF through ``pdftotext -layout`` (fresh_120011): a mark of 公开出版物's
#: row ("无", 社会公益组织) printed on a line of its wrapped label, between its first number
#: and the others
_HELD_MARK = "\n".join(
    [
        "  三、收到和处理政府信息公开申请情况",
        " " * 45 + "申请人情况",
        "   （本列数据的勾稽关系为：第" + " " * 5 + "法人或其他组织",
        "   一项加第二项之和，等于第三",
        "   项加第四项之和）" + " " * 6 + "自然人" + " " * 74 + "总计",
        " " * 21 + "商业企 科研机 社会公益 法律服务 其他",
        " " * 21 + "业   构   组织 机构",
        " " * 28 + "补正后申",
        " " * 27 + "3.",
        " " * 27
        + "请内容仍不 0"
        + " " * 23
        + "9"
        + " " * 7
        + "39803   9"
        + " " * 7
        + "88314   3"
        + " " * 7
        + "128138",
        " " * 27 + "明确",
        " " * 28 + "信访举报 5",
        " " * 27 + "1.",
        " " * 27
        + "投诉类申请"
        + " " * 25
        + "41277   65061   51767   1"
        + " " * 7
        + "7208"
        + " " * 4
        + "165319",
        "",
        "",
        "",
        " " * 27
        + "2.   重复申请"
        + " " * 21
        + "94926   73933   70665   31286"
        + " " * 11
        + "270810",
        "",
        "",
        " " * 20 + "要求提供 4372",
        " " * 27 + "3.",
        " " * 73 + "无",
        " " * 14 + "（五） 公开出版物",
        " " * 57 + "9" + " " * 7 + "——" + " " * 14 + "92287   90135   186803",
        "",
        "",
        " " * 14 + "不予处",
        " " * 14 + "理   4.无正当理",
        " " * 18
        + "由大量反复 -"
        + " " * 32
        + "57197   0"
        + " " * 7
        + "0"
        + " " * 15
        + "5"
        + " " * 7
        + "57202",
        "",
    ]
)


def test_mark_beside_a_wrapped_label_is_its_rows_not_the_next_rows() -> None:
    """ "无" stands between the lines of 要求提供公开出版物's wrapped label ("要求提供 4372" /
    "3." / "无" / "（五） 公开出版物" / "9 —— … 186803"): held for the rest of its row, it
    went on past that row, whose numbers joined it as the lines below its label, to the next
    row's (无正当理由大量反复申请: na, na, 57197 …, each number a column off). It is that
    row's, placed by where it stands; the next row reads its own numbers."""
    report = dp.parse(TITLE + _HELD_MARK)
    assert _values(report, "not_processed.publication") == [
        4372,
        9,
        "na",
        "na",
        92287,
        90135,
        186803,
    ]
    assert _values(report, "not_processed.excessive") == [
        "na",
        57197,
        0,
        0,
        "blank",
        5,
        57202,
    ]
    assert _values(report, "not_processed.complaint") == [5, 41277, 65061, 51767, 1, 7208, 165319]


def test_table_c_last_total_cut_above_the_number_before_it_is_worked_out() -> None:
    """LibreOffice's PDF of fresh_140017, ``-raw`` and ``-layout``: 行政复议 printed a blank
    and the page's edge cut 复议后起诉's 总计 after "2602" (of 26028), above the 9 before
    it. The first two groups add up, and 2602 begins the sum of the last group's four
    outcomes in every way that does: it is no number, the group's sum gives the total
    (read as printed it was the total itself, 2602)."""
    values = "8007 2 0 8009 81853 50660 29996 22787 185296 1 26009 9 9 2602"
    report = dp.parse(TITLE + C_HEAD + _C_RAW_HEAD + values + "\n")
    assert _c_cells(report)[1:] == [[81853, 50660, 29996, 22787, 185296], [1, 26009, 9, 9, 26028]]
    (note,) = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert "'2602'" in note.message_in("en")


@pytest.mark.parametrize(
    "values",
    [
        # fresh_140010: the 7 begins the total 72132, the edge cut the rest
        "18598 30398 53906 5 102907 9 8368 67600 75977 27520 5 44607 7",
        # gen_2019_blank: the 9 is 尚未审结, the edge cut all the total (99142)
        "10229 26138 33569 69936 70113 23484 3 68222 161822 99127 1 5 9",
    ],
    ids=["total-cut-after-a-digit", "total-cut-whole"],
)
def test_table_c_last_digit_that_begins_its_groups_sum_is_withheld(values: str) -> None:
    """A line short of fifteen numbers ending in one digit that begins the sum of its
    group's outcomes: the first digit of a total the edge cut, or the last outcome of a
    group whose whole total is past the edge. The text cannot tell: the group is withheld,
    not read one way (72139 for 72132 before), with a warning on the line."""
    report = dp.parse(TITLE + C_HEAD + _C_RAW_HEAD + values + "\n")
    assert _c_cells(report)[2] == ["missing"] * 5
    (note,) = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert "first digit" in note.message_in("en")


#: Chromium's PDF of fresh_140009 through ``pdftotext -layout``: 要求行政机关确认…'s "无"
#: (科研机构) alone on a line of its wrapped label, right of where its 9 (商业企业) stands on
#: the line below
_MARK_RIGHT_OF_THE_NEXT_LINES = "\n".join(
    [
        "  三、收到和处理政府信息公开申请情况",
        " " * 69 + "申请人情况",
        " " * 21 + "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
        " " * 39 + "要求行政机关确认或重 1",
        " " * 38 + "5.",
        " " * 87 + "无",
        " " * 38
        + "新出具已获取信息"
        + " " * 32
        + "9"
        + " " * 24
        + "3"
        + " " * 8
        + "5"
        + " " * 3
        + "18",
        "",
        " " * 21
        + "（六）其他处理"
        + " " * 42
        + "1"
        + " " * 7
        + "2"
        + " " * 16
        + "0"
        + " " * 7
        + "—"
        + " " * 8
        + "2"
        + " " * 3
        + "5",
        "",
        " " * 21 + "（七）总计" + " " * 44 + "58      60       30      36      44       44 272",
        "",
    ]
)


def test_numbers_of_a_wrapped_label_on_two_lines_are_placed_by_where_they_stand() -> None:
    """A row whose numbers stand on two lines of its wrapped label ("无" alone on one, "9 …
    3 5 18" on the next, the 9 left of the 无) is placed by each number's position, not by
    the order of the lines: 9 is 商业企业's and 无 科研机构's (read in line order, 无 went to
    商业企业 and 9 to 社会公益组织)."""
    report = dp.parse(TITLE + _MARK_RIGHT_OF_THE_NEXT_LINES)
    assert _values(report, "not_processed.confirmation") == [1, 9, "na", "blank", 3, 5, 18]
    assert _values(report, "other_handling") == [1, 2, "blank", 0, "na", 2, 5]


#: table B's header as default pdftotext prints Chromium's PDF of a table whose right edge
#: cut 总计 after its 总 (fresh_160023)
_B_STREAM_HEAD_CUT_TOTAL = (
    TITLE
    + B_HEAD
    + "申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
    "自然人\n法人或其他组织\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n总\n"
)


def test_totals_cut_under_a_header_the_edge_cut_in_rows_with_a_blank() -> None:
    """Under a header whose 总计 the edge cut after its 总, rows that left a blank out print
    six numbers, the last the total's first digits ("41" of 41537): not 其他, and no total
    worked out from it (41578). The header shows the edge, so no row need print all seven
    numbers: the 41 is no number, and where the blank stood (and whether a number of the
    row stands elsewhere) the text does not say, so the row's cells are withheld. (A last
    number of one digit may be 其他, the total cut whole: it is not taken for a cut one.)"""
    text = (
        _B_STREAM_HEAD_CUT_TOTAL
        + "3.危及“三安全一稳定”\n\n"
        + _one_a_line(41524, 5, 2, 5, 1, 41)
        + "4.保护第三方合法权益\n\n"
        + _one_a_line(5, 5, 1, 5, 1962, 1)
    )
    report = dp.parse(text)
    assert _values(report, "withheld.security_stability") == ["missing"] * 7
    cut = {d.line for d in report.diagnostics if d.code == "cut_at_page_edge"}
    assert {text.split("\n")[line - 1] for line in cut} == {"41"}


def test_repair_of_a_row_printed_one_number_a_line_is_said_on_each_line() -> None:
    """fresh_200017 (LibreOffice's PDF, default pdftotext): row 5.'s 总计 (226951) printed
    among 6.'s numbers, one a line; the six are read as 6.'s with its 总计 worked out (no
    sum checks that), under a ragged_row warning on the row's first line only: the four
    values on the lines after stood there with nothing said. The warning stands on every
    line a value of the row was read from."""
    head = "申请人情况\n自然人\n法人或其他组织\n总计\n"
    head += "商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n"
    body = "6.属于四类\n\n5\n\n8037\n\n5\n\n226951\n\n34781\n\n42828\n\n过程性信息\n"
    report = dp.parse(TITLE + B_HEAD + head + body)
    row = report.applications.row("withheld.process_information")
    assert row is not None
    lines = {c.line for c in row.cells}
    assert lines == {14, 16, 18, 20, 22, 24}
    warned = {d.line for d in report.diagnostics if d.code == "ragged_row"}
    assert warned == lines


def test_last_part_and_cut_total_on_one_line_end_the_streamed_row() -> None:
    """Under a header whose 总计 the edge cut after its 总, default pdftotext printed a row's
    numbers one a line and its last two on one ("590091 286", 286 of 2867747): not adding
    up, the line was not taken as the row's end, and the row of five numbers was withheld
    as ambiguous. The line ends the row now, its cut total marked and worked out."""
    text = (
        _B_STREAM_HEAD_CUT_TOTAL
        + "一、本年新收政府信息公开申请数量\n\n"
        + _one_a_line(636323, 429993, 391248, 560916, 259176)
        + "590091 286\n\n"
        + "二、上年结转政府信息公开申请数量\n\n"
        + _one_a_line(6638, 89236, 39103, 37213, 73475)
        + "64696 31\n\n"
    )
    report = dp.parse(text)
    parts = [636323, 429993, 391248, 560916, 259176, 590091]
    assert _values(report, "new_received") == [*parts, 2867747]
    assert _values(report, "carried_over") == [6638, 89236, 39103, 37213, 73475, 64696, 310361]
    cut = {d.line for d in report.diagnostics if d.code == "cut_at_page_edge"}
    assert {text.split("\n")[line - 1] for line in cut} == {"590091 286", "64696 31"}


def test_totals_cut_with_the_header_word_past_the_edge_are_worked_out() -> None:
    """The page's edge cut table B's 总计 column with all of its header word (the header ends
    "… 法律服务机构 其他") and each total after two digits ("36" of 3631882): rows of seven
    numbers show the column, and two that end with the beginning of their sum show the cut.
    Read as the totals, the 36s were wrong with nothing on their lines; they are now digits
    not read, said on each line, and the sums work the totals out."""
    text = (
        TITLE
        + B_HEAD
        + "申请人情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
        "自然人\n法人或其他组织\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n"
        "一、本年新收政府信息公开申请数量 381022 1004787 469036 495446 661276 620315 36\n"
        "二、上年结转政府信息公开申请数量 58310 20550 91024 28696 78945 14525 29\n"
        "三、本年度办理结果 （一）予以公开 0 5 80967 63826 88499 83075 31\n"
    )
    report = dp.parse(text)
    assert _values(report, "new_received") == [
        381022,
        1004787,
        469036,
        495446,
        661276,
        620315,
        3631882,
    ]
    assert _values(report, "carried_over") == [58310, 20550, 91024, 28696, 78945, 14525, 292050]
    assert _values(report, "granted") == [0, 5, 80967, 63826, 88499, 83075, 316372]
    cut = {d.line for d in report.diagnostics if d.code == "cut_at_page_edge"}
    assert {text.split("\n")[line - 1].split()[-1] for line in cut} == {"36", "29", "31"}


#: the first two rows of a table whose totals the edge cut: to one length (19 of 1962, 25
#: of 250), or to several (the edge shows more of a longer total: "257" of 2572093, "33"
#: of 339582)
_CUT_TOTALS = {
    "one-length": ((1000, 200, 300, 400, 50, 12, 19), (100, 20, 30, 40, 50, 10, 25)),
    "several-lengths": (
        (577309, 464137, 307757, 277108, 488948, 456834, 257),
        (2472, 81377, 83127, 41856, 50489, 80261, 33),
    ),
}


@pytest.mark.parametrize("case", list(_CUT_TOTALS))
def test_total_cut_in_a_row_that_lost_a_cell_is_no_number(case: str) -> None:
    """Under an edge that cut two rows' totals after two digits or more, a row that lost a
    cell (its first number printed elsewhere) ends with its total's first two digits all
    the same ("… 1 5 18", 18 of 189107): not its 其他, with a total of 147255 worked out
    from it, but digits not read, said on the line; where its cells stand the text does
    not say, so the row is withheld."""
    first, second = _CUT_TOTALS[case]
    text = (
        _B_STREAM_HEAD
        + "一、本年新收政府信息公开申请数量\n\n"
        + _one_a_line(*first)
        + "二、上年结转政府信息公开申请数量\n\n"
        + _one_a_line(*second)
        + "4.保护第三方合法权益\n\n"
        + _one_a_line(41225, 25206, 80800, 1, 5, 18)
    )
    report = dp.parse(text)
    assert _values(report, "new_received")[-1] == sum(first[:-1])
    assert _values(report, "withheld.third_party_rights") == ["missing"] * 7
    cut = {d.line for d in report.diagnostics if d.code == "cut_at_page_edge"}
    shown = {str(first[-1]), str(second[-1]), "18"}
    assert {text.split("\n")[line - 1] for line in cut} == shown
