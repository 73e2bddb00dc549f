"""Text-browser dumps of HTML reports (SPEC §2 item 7): drawn boxes, one centred cell a line."""

from __future__ import annotations

import pytest

import disclosure_parser as dp
from conftest import SEED_IDS
from fixtures.seedcheck import cells_of, expected

DUMPS = pytest.importorskip("pathlib").Path(__file__).parent / "fixtures" / "dumps"


@pytest.mark.parametrize("browser", ["w3m", "lynx"])
@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_dump_reads_the_seed_numbers(seed_id: str, browser: str) -> None:
    """w3m's box-drawn tables and lynx's one-cell-a-line dumps give every seed cell."""
    report = dp.parse_file(DUMPS / f"seed_{seed_id}.{browser}.txt")
    got = cells_of(report)
    want = expected(seed_id)
    for table in "ABC":
        assert got[table] == want[table], table
    assert (got["organization"], got["year"], got["template"]) == (
        want["organization"],
        want["year"],
        want["template"],
    )
    assert [d for d in report.diagnostics if d.severity != "info"] == []


def test_box_cells_wrapped_over_lines_are_joined() -> None:
    """A drawn cell whose text wraps onto the next line (本年新 / 制作数量) is one cell."""
    text = (
        "示例镇人民政府2020年政府信息公开工作年度报告\n"
        "二、主动公开政府信息情况\n"
        "┌────────────┬──────┬──────┬──────────────┐\n"
        "│第二十条第（一）项                              │\n"
        "├────────────┬──────┬──────┬──────────────┤\n"
        "│信息内容    │本年新│本年新│对外公开总数量│\n"
        "│            │制作数│公开数│              │\n"
        "│            │量    │量    │              │\n"
        "├────────────┼──────┼──────┼──────────────┤\n"
        "│规章        │ 1    │ 2    │ 3            │\n"
        "└────────────┴──────┴──────┴──────────────┘\n"
    )
    report = dp.parse(text)
    item = report.active_disclosure.item("regulations")
    assert item is not None
    assert item.columns == ("本年新制作数量", "本年新公开数量", "对外公开总数量")
    assert [c.value for c in item.cells] == [1, 2, 3]
    three = item.cells[2]
    assert text.split("\n")[three.line - 1][three.column - 1] == "3"  # type: ignore[operator]


def test_empty_lines_are_empty_cells_in_a_one_cell_a_line_dump() -> None:
    """lynx prints an empty cell as one more blank line between the cells of a row."""
    text = (
        "示例镇人民政府2020年政府信息公开工作年度报告\n\n"
        "四、政府信息公开行政复议、行政诉讼情况\n\n"
        "   行政复议\n\n   行政诉讼\n\n   结果维持\n\n   总计\n\n\n"
        "   1\n\n\n\n   1\n\n   0\n\n   0\n\n   0\n\n   0\n\n   0\n\n"
        "   0\n\n   0\n\n   0\n\n   0\n\n   0\n\n   0\n"
    )
    report = dp.parse(text)
    review = report.reviews.group("review")
    assert review is not None
    assert [c.state for c in review.cells] == ["blank", "number", "blank", "blank", "number"]
    assert report.reviews.get("review", "total") == 1
