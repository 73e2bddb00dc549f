"""Plain regression tests for every failure the round-trip properties found (issue 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

import disclosure_parser as dp

_TITLE = "某县人民政府2021年政府信息公开工作年度报告\n"
_B_HEAD = (
    "三、收到和处理政府信息公开申请情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\n"
    "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
    "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
)


#: files of reports that once came out wrong, each read by one test below
REGRESSIONS = Path(__file__).parent / "fixtures" / "regressions"


def _states(report: dp.Report, key: str) -> list[object]:
    row = report.applications.row(key)
    assert row is not None, key
    return [c.value if c.state == "number" else c.state for c in row.cells]


def test_row_of_empty_cells_is_a_row_of_blanks() -> None:
    """A labelled tab row whose cells are all empty is a row of blanks, not a label fragment."""
    text = (
        _TITLE + _B_HEAD + "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n"
        "二、上年结转政府信息公开申请数量\t\t\t\t\t\t\t\t\n"
    )
    report = dp.parse(text)
    assert _states(report, "carried_over") == ["blank"] * 7
    codes = {d.code for d in report.diagnostics}
    assert not codes & {"ragged_row", "ambiguous_row", "unknown_label", "unlabelled_row"}


def test_table_c_row_of_empty_cells() -> None:
    """Table C's value row printed with every cell empty is read as 15 blanks."""
    text = (
        _TITLE + "四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议\t\t\t\t\t行政诉讼\n"
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
        + "\t" * 14
        + "\n"
    )
    report = dp.parse(text)
    assert [c.state for g in report.reviews for c in g.cells] == ["blank"] * 15


def test_without_total_column_a_trailing_empty_cell_is_read_as_printed() -> None:
    """No 总计 column: a row ending in an empty cell reads as printed, not as ragged."""
    head = _B_HEAD.replace("\t\t\t\t\t总计\n", "\t\t\t\t\n")
    text = (
        _TITLE + head + "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\n"
        "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t\n"
        "（七）总计\t\t0\t0\t0\t0\t0\t0\n"
        "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t\n"
    )
    report = dp.parse(text)
    assert _states(report, "carried_over") == [0, 0, 0, 0, 0, "blank", "missing"]
    assert not [d for d in report.diagnostics if d.code in ("ragged_row", "ambiguous_row")]


def test_table_a_label_wrapped_over_two_lines() -> None:
    """An item label wrapped onto the next line (with markdown bold) keeps its numbers."""
    text = (
        _TITLE + "二、主动公开政府信息情况\n第二十条第（五）项\n"
        "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
        "行政许可\t1\t2\t3\n"
        "**其他对外\n"
        "管理服务事项**\t4\t-5\t6\n"
    )
    report = dp.parse(text)
    item = report.active_disclosure.item("other_services")
    assert item is not None
    assert [c.value for c in item.cells] == [4, -5, 6]
    assert (item.line, item.column) == (6, 1)


def test_table_b_label_wrapped_from_a_two_cell_row() -> None:
    """A label wrapped after its first cells ('（六）其他处理 | 1.申请人…') joins its numbers."""
    text = (
        _TITLE + _B_HEAD + "（六）其他处理\t1.申请人无正当理由逾期不补\n"
        "正、行政机关不再处理其政府信息公开申请\t2\t0\t0\t0\t0\t0\t2\n"
    )
    report = dp.parse(text)
    assert _states(report, "other_handling.no_correction") == [2, 0, 0, 0, 0, 0, 2]


def test_empty_filler_read_as_blank_is_not_a_repair() -> None:
    """A row narrower than its header ends in filler; reading it gives no ragged_row warning."""
    text = (
        _TITLE + _B_HEAD + "一、本年新收政府信息公开申请数量\t\t1\t\t\t\t\t\t1\t\n"
        "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t\t\n"
    )
    report = dp.parse(text)
    assert _states(report, "new_received") == [1, "blank", "blank", "blank", "blank", "blank", 1]
    assert not [d for d in report.diagnostics if d.code == "ragged_row"]


def test_cut_table_read_by_blocks_with_a_row_of_no_reading() -> None:
    """Default pdftotext text of LibreOffice's PDF of a generated report (fresh set 120000,
    report 28) whose table B the page's edge cut: the rows read up to the edge shared their
    page's ways with a row that had no reading at all, and weighing the page's ways over it
    raised IndexError (an internal error). Such a row is read as unknown cells."""
    path = REGRESSIONS / "lo_pdf_default_cut_header.txt"
    report = dp.parse_file(path)
    assert (report.organization, report.year) == ("泉宁华区财政局", 2022)
    penalties = next(i for i in report.active_disclosure.items if i.key == "penalties")
    assert penalties.cells[0].value == 70087
    assert any(d.code == "cut_at_page_edge" for d in report.diagnostics)


def test_label_the_left_edge_hid_whole_is_no_cut_value() -> None:
    """LibreOffice's PDF of a generated report (fresh set 120000, report 4) whose table B
    both page edges cut: the rows whose label spans the label columns (一、本年新收…, （七）
    总计 …) print no label at all, their label cell empty at the left edge. That cell was
    taken for a value the edge cut, and the row's numbers were read two columns to the right
    (flagged, but wrong). A cell that wide at the left edge is a label the edge hid: the rows
    read from their first column, the cells past the right edge missing. (Where glyphs of
    the rows begin past the page's right edge, LibreOffice wrote what ran past it: the
    numbers of the column the edge cuts are whole there, and read, as on page 3.)"""
    pytest.importorskip("pypdfium2")
    path = REGRESSIONS / "lo_pdf_label_cut_whole.pdf"
    report = dp.parse_file(path)
    missing = ["missing"] * 4
    assert _states(report, "new_received") == [362775, 541076, 539177, 782603, *missing[1:]]
    assert _states(report, "carried_over") == [41005, 35166, 89415, *missing]
    assert _states(report, "total") == [371455, 493053, 549905, 714332, *missing[1:]]
    assert _states(report, "carried_forward") == [32325, 83189, 78687, *missing]
    # the rows whose labels the page shows were read so before, and still are
    assert _states(report, "partially_granted") == [41176, 37271, 1, *missing]
    assert any(d.code == "cut_at_page_edge" for d in report.diagnostics)


def test_layout_columns_learnt_from_values_a_label_pushed_aside_are_not_used() -> None:
    """Chromium's PDF of a generated report (fresh set 260000, report 17) through
    ``pdftotext -layout``: on the page of table B's 不予公开 rows, every row printing all seven
    columns has its first three values pushed aside by a long label, a run of spaces apart
    as they still stand, so the columns learnt from them stood unevenly (24, 30, 73, 83, 91
    for the five of 法人或其他组织). Placed by them, four rows' values went one column over
    with nothing said and no finding able to tell (the column sums were not assessable).
    Columns that uneven are not used: those rows are read by the table's sums."""
    path = REGRESSIONS / "chrome_layout_pushed_aside_columns.txt"
    report = dp.parse_file(path)
    assert _states(report, "withheld.prohibited_by_law") == [
        78389,
        81192,
        67552,
        "blank",
        75982,
        3,
        303118,
    ]
    assert _states(report, "withheld.internal_affairs") == [
        61147,
        "blank",
        "blank",
        48442,
        20434,
        1,
        130024,
    ]
    assert _states(report, "unavailable.needs_creation")[:2] == ["blank", 30181]
    assert _states(report, "not_processed.publication")[:2] == ["blank", 85056]


def test_layout_last_number_left_of_the_cut_totals_is_no_cut_total() -> None:
    """Chromium's PDF of a generated report (fresh set 270000, report 29) through
    ``pdftotext -layout``: the page's right edge cut table B's 总计 column, to two digits in
    the rows printing all seven numbers ("… 97417     9     18", 18 of 181983) and wholly in
    a row with a blank ("2  2  1  5      1", its 1 under 其他 and its total 11 gone). That
    1, the first digit of the sum of the others (10), was read as the cut total: 其他 blank
    and a total of 10 worked out. It stands left of every cut total of its page: it is 其他."""
    path = REGRESSIONS / "chrome_layout_other_left_of_cut_totals.txt"
    report = dp.parse_file(path)
    assert _states(report, "not_processed.duplicate") == [2, 2, 1, 5, "blank", 1, 11]
    assert _states(report, "not_processed.complaint")[5] == 9
    row = report.applications.row("not_processed.duplicate")
    assert row is not None
    on_line = {d.code for d in report.diagnostics if d.line == row.cells[5].line}
    assert "cut_at_page_edge" not in on_line


def test_lo_pdf_whole_numbers_in_the_column_the_edge_cuts_are_read() -> None:
    """LibreOffice's PDF of a generated report (fresh set 270000, report 12): table B is
    wider than the page, cut on both sides. Its 科研机构 column's right border is past the
    page's right edge, so every value in it was withheld as possibly cut ("59" of 5900?),
    though each ends well short of the edge (a next digit would have been drawn): they are
    read. The last rows' labels, merged across a label column the left edge cut to a sliver
    and a wide one, are labels the edge hid, not values; their numbers stand in the first
    columns."""
    path = REGRESSIONS / "lo_pdf_whole_numbers_at_the_cut.pdf"
    report = dp.parse_file(path)
    missing = ["missing"] * 4
    assert _states(report, "new_received") == [56, 63, 59, *missing]
    assert _states(report, "withheld.third_party_rights") == [9, 5, 9, *missing]
    assert _states(report, "other_handling.other") == [5, 0, 9, *missing]
    assert _states(report, "total") == [61, 62, 57, *missing]
    assert _states(report, "carried_forward") == [5, 5, 9, *missing]
    assert any(d.code == "cut_at_page_edge" for d in report.diagnostics)


def test_chrome_pdf_centred_numbers_at_the_clip_are_read() -> None:
    """Chromium's PDF of a generated report (fresh set 270000, report 4): table B runs past
    the page's right margin, where Chromium clips it; its 社会公益组织 column is cut through
    (its cell's rules run on to 607.75 points under a clip at 583.75), and every value in it
    was withheld as possibly cut. The table's numbers stand centred in their cells: a one-
    digit count centred in that column (3 of 予以公开) is whole, while 39548 shows "395",
    left of the middle, and stays withheld."""
    pytest.importorskip("pypdfium2")
    path = REGRESSIONS / "chrome_pdf_centred_at_the_clip.pdf"
    report = dp.parse_file(path)
    missing = ["missing"] * 3
    assert _states(report, "granted") == [9, 5, 9, 3, *missing]
    assert _states(report, "withheld.state_secret") == ["blank", 40289, 9, 2, *missing]
    assert _states(report, "withheld.prohibited_by_law") == [71784, 0, 0, 3, *missing]
    assert _states(report, "carried_over") == [95448, 16277, 3327, "missing", *missing]
    assert any(d.code == "cut_at_page_edge" for d in report.diagnostics)


def test_lo_pdf_producer_says_numbers_at_the_edge_are_whole() -> None:
    """LibreOffice's PDF of a generated report (fresh set 290000, report 20): table B runs
    past the page's right edge through its 科研机构 column, and no glyph of its rows stands
    past the edge to show that the file keeps what runs past it, so each value of that
    column was withheld as possibly cut ("682471" of 6824710?). The file's Producer is
    LibreOffice, whose export writes a cell's text whole: the numbers and the marks ("/",
    "无") of that column are read; the columns past the edge stay missing."""
    pytest.importorskip("pypdfium2")
    path = REGRESSIONS / "lo_pdf_producer_keeps_runs.pdf"
    report = dp.parse_file(path)
    missing = ["missing"] * 4
    assert _states(report, "new_received") == [522824, 260647, 682471, *missing]
    assert _states(report, "withheld.internal_affairs") == ["na", 42023, 71292, *missing]
    assert _states(report, "not_processed.complaint") == [3, 2, "na", *missing]
    assert _states(report, "not_processed.confirmation") == [3, 1, "na", *missing]
    assert _states(report, "total") == [525192, 338223, 710266, *missing]
    assert any(d.code == "cut_at_page_edge" for d in report.diagnostics)


def test_lo_pdf_table_c_cut_on_both_sides_reads_the_kept_number_at_the_left() -> None:
    """LibreOffice's PDF of a generated report (fresh set 290000, report 5): table C is wider
    than the page and cut on both sides; 行政复议's 结果维持 begins past the left edge (not in
    the file) and its 结果纠正, "53261", runs from 20 points left of the page on. LibreOffice
    writes a cell's text whole from where it begins, so the number is read, a cut cell before
    it standing for 结果维持, which the group's sum then gives (derived)."""
    pytest.importorskip("pypdfium2")
    path = REGRESSIONS / "lo_pdf_table_c_cut_on_both_sides.pdf"
    report = dp.parse_file(path)
    review, direct, after = report.reviews.groups
    assert [c.value for c in review.cells] == [52914, 53261, 5, 1, 106181]
    assert review.cells[0].derived
    assert not review.cells[1].derived
    assert [c.value for c in direct.cells] == [0, 91180, 71420, None, 162600]
    assert direct.cells[3].state == "blank"
    assert [c.value for c in after.cells][:3] == [99738, 5, 5]
    assert [c.state for c in after.cells][3:] == ["missing", "missing"]


def test_chrome_layout_value_pulled_a_column_left_is_named_by_its_column_sum() -> None:
    """``pdftotext -layout`` of Chromium's PDF of a generated report (fresh set 330000, report
    21): on the last page 5.要求行政机关确认或重新出具已获取信息 prints blank, blank, 1, 2, 5, 2,
    10, but the text sets its 1 where the page's 自然人 stands (its long label pulled it left),
    so the row reads 1 under 自然人, and nothing in the row says otherwise. The column's sum
    does: its other readable rows already make （七）总计's 56, and 2.重复申请's 自然人 is
    withheld, so the sum was not judged and the 1 came out silently wrong. Readable parts
    that pass their total fail whatever the withheld cell holds: an error names the cell."""
    report = dp.parse_file(REGRESSIONS / "chrome_layout_value_pulled_a_column_left.txt")
    cell = report.applications.cell("not_processed.confirmation", "natural_person")
    assert cell is not None
    assert cell.value == 1  # what the text says
    found = [
        f
        for f in dp.validate(report)
        if f.severity == "error"
        and any(
            c.line == cell.line
            and c.row_key == "not_processed.confirmation"
            and c.column_key == "natural_person"
            for c in f.cells
        )
    ]
    assert [(f.code, f.message_key, f.expected, f.actual) for f in found] == [
        ("outcome_total", "sum.exceeds", 56, 57)
    ]
