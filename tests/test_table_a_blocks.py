"""Table A as default ``pdftotext`` prints it: item labels in one place, numbers in another."""

from __future__ import annotations

from decimal import Decimal

import disclosure_parser as dp

TITLE = "示例镇人民政府2019年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n"
TAIL = "三、收到和处理政府信息公开申请情况\n"


def _one_a_line(*values: object) -> str:
    return "".join(f"\n{v}\n" for v in values)


def _items(report: dp.Report) -> dict[str, list[object]]:
    return {
        item.key: [c.value if c.state == "number" else c.state for c in item.cells]
        for item in report.active_disclosure
    }


def _warned(report: dp.Report) -> set[int]:
    return {
        d.line
        for d in report.diagnostics
        if d.code == "reading_order" and d.severity == "warning" and d.line is not None
    }


def _line_of(text: str, value: str, after: int = 0) -> int:
    lines = text.split("\n")
    return next(i + 1 for i in range(after, len(lines)) if lines[i] == value)


#: the header of 第二十条第（一）项 as default pdftotext breaks it, and of （五） and （六）
C1_HEAD = "本年新\n制作数量\n\n本年新\n公开数量\n\n对外公开总数量\n"
C56_HEAD = "\n上一年项目数量\n\n本年增/减\n\n处理决定数量\n"

#: 005.html printed by Chromium, read by default pdftotext: the labels of the first block,
#: its header in pieces, then the numbers of three blocks, then the other blocks' labels
BLOCKS_FIRST = (
    TITLE
    + "第二十条第（一）项\n信息内容\n规章\n规范性文件\n\n"
    + C1_HEAD
    + _one_a_line(13, 13, 524, 60, 60, 368)
    + C56_HEAD
    + _one_a_line(101, 102, 103, 104, 105, 106)
    + C56_HEAD
    + _one_a_line(107, 108, 109, 110, 111, 112)
    + "\n第二十条第（五）项\n信息内容\n行政许可\n其他对外管理服务事项\n"
    + "\n第二十条第（六）项\n信息内容\n行政处罚\n行政强制\n"
    + "\n第二十条第（八）项\n信息内容\n行政事业性收费\n\n上一年项目数量\n\n本年增/减\n"
    + _one_a_line(14, 15)
    + "\n第二十条第（九）项\n信息内容\n政府集中采购\n\n采购项目数量\n\n采购总金额\n"
    + _one_a_line(6, "251000元")
    + "\n"
    + TAIL
)


def test_blocks_of_numbers_go_to_the_items_in_the_templates_order() -> None:
    """Each run of numbers fills the next 第二十条 block whose labels are printed and whose
    header stands above the run, item by item, row by row; every number so placed is
    warned on its own line."""
    report = dp.parse(BLOCKS_FIRST)
    assert _items(report) == {
        "regulations": [13, 13, 524],
        "normative_documents": [60, 60, 368],
        "licensing": [101, 102, 103],
        "other_services": [104, 105, 106],
        "penalties": [107, 108, 109],
        "coercive_measures": [110, 111, 112],
        "fees": [14, 15],
        "procurement": [6, 251000],
    }
    item = report.active_disclosure.item("licensing")
    assert item is not None
    assert item.columns == ("上一年项目数量", "本年增/减", "处理决定数量")
    first = _line_of(BLOCKS_FIRST, "101")
    assert item.cells[0].line == first  # each number keeps its own place in the text
    assert first in _warned(report)
    assert _line_of(BLOCKS_FIRST, "524") in _warned(report)


def test_a_block_printed_without_numbers_leaves_the_runs_unplaced() -> None:
    """Two blocks with the same header and one run of numbers between them: whose the run
    is, nothing says, and nothing is placed."""
    text = BLOCKS_FIRST.replace(_one_a_line(107, 108, 109, 110, 111, 112), "\n")
    report = dp.parse(text)
    items = _items(report)
    for key in ("licensing", "other_services", "penalties", "coercive_measures"):
        assert not any(isinstance(v, int) for v in items.get(key, [])), key
    assert not set(range(101, 107)) & {
        v for values in items.values() for v in values if isinstance(v, int)
    }


def test_runs_that_do_not_fill_a_block_are_not_placed() -> None:
    """A run one number short of its block fits no block: no run is placed."""
    text = BLOCKS_FIRST.replace(
        _one_a_line(101, 102, 103, 104, 105, 106), _one_a_line(1, 2, 3, 4, 5)
    )
    items = _items(dp.parse(text))
    assert items.get("regulations") != [13, 13, 524]
    assert not {1, 2, 3, 4, 5} & {
        v for values in items.values() for v in values if isinstance(v, int)
    }


#: a caption set on its first item's line, and a block's labels printed after its numbers
CAPTION_BESIDE_ITEM = (
    TITLE
    + "信息内容\n第二十条第（一）项 规章\n规范性文件\n信息内容\n第二十条第（五）项 行政许可\n\n"
    + C1_HEAD
    + _one_a_line(15477, 0, 37667, 64375, 24366, 13534)
    + C56_HEAD
    + _one_a_line(46061, 792, 5, 320, -4499, 7430)
    + "\n其他对外管理服务事项\n信息内容\n第二十条第（六）项 行政处罚\n"
    + _one_a_line(1579, -1610, 38559)
    + "行政强制 0\n"
    + _one_a_line(2234, 26063)
    + "\n第二十条第（八）项\n\n第二十条第（九）项\n\n"
    + "信息内容\n行政事业性收费\n信息内容\n政府集中采购\n"
    + "\n上一年项目数量\n\n本年增/减\n"
    + _one_a_line(10926, -1488)
    + "\n采购项目数量\n"
    + _one_a_line(85123)
    + "\n采购总金额\n"
    + _one_a_line("911789.68")
    + "\n"
    + TAIL
)


def test_item_beside_its_caption_and_labels_after_their_numbers() -> None:
    """An item label printed on its caption's line ("第二十条第（一）项 规章") is the item's
    row; labels printed after their block's numbers take them all the same; a number on a
    label's line is the item's first column, the run after it the rest; a one-item block
    printed a header cell and its number at a time is filled column by column."""
    report = dp.parse(CAPTION_BESIDE_ITEM)
    items = _items(report)
    assert items["regulations"] == [15477, 0, 37667]
    assert items["normative_documents"] == [64375, 24366, 13534]
    assert items["licensing"] == [46061, 792, 5]
    assert items["other_services"] == [320, -4499, 7430]
    assert items["penalties"] == [1579, -1610, 38559]
    assert items["coercive_measures"] == [0, 2234, 26063]
    assert items["fees"] == [10926, -1488]
    assert items["procurement"] == [85123, Decimal("911789.68")]
    regulations = report.active_disclosure.item("regulations")
    assert regulations is not None
    assert (regulations.line, regulations.column) == (
        _line_of(CAPTION_BESIDE_ITEM, "第二十条第（一）项 规章"),
        11,
    )


def test_header_in_pieces_read_as_the_one_template_they_make() -> None:
    """Rows printed with their own numbers under a header broken into pieces that name no
    column whole ("本年新对外公开总数量" / "公开数量") are read in the 2019 template's
    columns, the only ones those pieces make."""
    text = (
        TITLE
        + "第二十条第（一）项\n信息内容 本年新制作数量 本年新对外公开总数量 公开数量\n"
        + "规章\n"
        + _one_a_line(0, 5, 45258)
        + "规范性文件\n"
        + _one_a_line(2, 5, 2)
        + "\n"
        + TAIL
    )
    report = dp.parse(text)
    assert _items(report)["regulations"] == [0, 5, 45258]
    assert _items(report)["normative_documents"] == [2, 5, 2]
    item = report.active_disclosure.item("regulations")
    assert item is not None
    assert item.columns == ("本年新制作数量", "本年新公开数量", "对外公开总数量")


def test_table_a_begins_at_a_column_name_before_any_caption() -> None:
    """In section 二 a block's header and numbers printed before any caption begin table A
    (its labels come later)."""
    text = (
        TITLE
        + C1_HEAD
        + _one_a_line(1, 2, 0, 9, 9, 0)
        + "\n信息内容\n第二十条第（一）项 规章\n规范性文件\n\n"
        + TAIL
    )
    items = _items(dp.parse(text))
    assert items["regulations"] == [1, 2, 0]
    assert items["normative_documents"] == [9, 9, 0]


def test_header_naming_the_columns_in_another_order_places_nothing() -> None:
    """The numbers of a run follow its header's columns: a header naming them in another
    order than the template's is not the block's, and its run is not placed."""
    run = _one_a_line(101, 102, 103, 104, 105, 106)
    reversed_head = "\n处理决定数量\n\n本年增/减\n\n上一年项目数量\n"
    text = BLOCKS_FIRST.replace(C56_HEAD + run, reversed_head + run)
    items = _items(dp.parse(text))
    assert not set(range(101, 107)) & {
        v for values in items.values() for v in values if isinstance(v, int)
    }


def test_negative_number_read_under_a_column_of_counts_withholds_the_item() -> None:
    """Default ``pdftotext`` may print a row's numbers in another order at a page break
    ("行政处罚" / 63251 / 0 / -217 for 63251, -217, 0). Only 本年增/减 may be negative: read
    under 处理决定数量, -217 says the order is not the columns', and the item's numbers are
    withheld, with an error on its line; the block's other item is read as printed."""
    text = BLOCKS_FIRST.replace(
        _one_a_line(107, 108, 109, 110, 111, 112), _one_a_line(107, 108, -109, 110, -111, 112)
    )
    report = dp.parse(text)
    items = _items(report)
    assert items["penalties"] == ["missing"] * 3
    assert items["coercive_measures"] == [110, -111, 112]
    errors = [d for d in report.diagnostics if d.code == "reading_order" and d.severity == "error"]
    assert [d.line for d in errors] == [_line_of(text, "-109")]
    assert "-109" in str(errors[0].message)
