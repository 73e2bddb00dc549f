"""The five seed reports: every number of tables A, B and C, and the report's identity."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import disclosure_parser as dp
from conftest import SEED_IDS, SEEDS, load_truth, seed_path, seed_text
from truth import compare

TRUTH = {key.split("_")[0]: row for key, row in load_truth(SEEDS / "truth.jsonl").items()}


def _encode(cell: dp.Cell) -> object:
    if cell.state != "number":
        return cell.state
    value = str(cell.value) if isinstance(cell.value, Decimal) else cell.value
    return f"derived:{value}" if cell.derived else value


def _expected(seed_id: str) -> dict[str, object]:
    return json.loads((SEEDS / "expected" / f"{seed_id}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_every_cell_matches_the_reviewed_expectation(seed_id: str) -> None:
    """Each cell of tables A, B and C has the state and value a reader sees in the seed."""
    report = dp.parse(seed_text(seed_id))
    expected = _expected(seed_id)
    assert (report.organization, report.year, report.template) == (
        expected["organization"],
        expected["year"],
        expected["template"],
    )
    got_a = {it.key: [_encode(c) for c in it.cells] for it in report.active_disclosure}
    got_b = {row.key: [_encode(c) for c in row.cells] for row in report.applications}
    got_c = {g.key: [_encode(c) for c in g.cells] for g in report.reviews}
    assert got_a == expected["A"]
    assert got_b == expected["B"]
    assert got_c == expected["C"]


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_hand_checked_fields(seed_id: str) -> None:
    """The fields of seeds/truth.jsonl (organisation, year, template, totals) are read right."""
    truth = TRUTH[seed_id]
    report = dp.parse_file(seed_path(seed_id))
    assert report.organization == truth["organization"]
    assert report.year == truth["year"]
    assert report.template == truth["template"]
    assert compare(report, truth) == []


def test_seed_000_has_no_total_column_and_a_decimal_amount() -> None:
    """Seed 000: 总计 cells are missing (not zero) and 7.5 万元 keeps its unit."""
    report = dp.parse(seed_text("000"))
    assert not report.applications.has_total_column
    assert report.applications.cell("new_received", "total") == dp.Cell("missing")
    assert report.applications.row_total("new_received") == 15
    amount = report.active_disclosure.cell("procurement", 1)
    assert amount is not None
    assert (amount.value, amount.unit, amount.raw) == (Decimal("7.5"), "万元", "7.5 万元")
    assert (amount.line, amount.column) == (40, 10)


def test_seed_001_granted_row_is_realigned_by_the_column_sums() -> None:
    """Seed 001: (一)予以公开 prints six numbers for seven columns; the sums place them."""
    report = dp.parse(seed_text("001"))
    row = report.applications.row("granted")
    assert row is not None
    assert [c.value for c in row.cells] == [1, 0, 0, 0, 0, 0, 1]
    assert [c.derived for c in row.cells] == [False] * 5 + [True, False]
    (note,) = [d for d in report.diagnostics if d.line == 44]
    assert (note.code, note.severity) == ("ragged_row", "warning")
    assert "6 cells for 7 columns" in note.message


def test_seed_003_blank_cells_stay_blank_and_negatives_are_read() -> None:
    """Seed 003: nbsp cells are blank (not 0); 本年增/减 keeps its sign."""
    report = dp.parse(seed_text("003"))
    blank = report.applications.cell("carried_over", "natural_person")
    assert blank is not None
    assert (blank.state, blank.value, blank.line, blank.column) == ("blank", None, 118, 2)
    assert report.applications.get("carried_over", "natural_person") is None
    assert report.active_disclosure.get("coercive_measures", 1) == -1657
    assert report.reviews.get("review", "corrected") == 1
    assert report.reviews.cell("review", "upheld").state == "blank"  # type: ignore[union-attr]


def test_seed_004_title_on_two_lines() -> None:
    """Seed 004: the title is joined from two lines; the body is 台儿庄区张山子镇."""
    report = dp.parse(seed_text("004"))
    assert report.title == "台儿庄区张山子镇2020年政府信息公开工作年度报告"
    assert report.reviews.get("direct_suit", "upheld") == 8


@pytest.mark.parametrize("seed_id", ["003", "004"])
def test_clean_seeds_parse_in_strict_mode(seed_id: str) -> None:
    """Seeds with no layout damage parse the same in strict mode."""
    assert dp.parse(seed_text(seed_id), strict=True) == dp.parse(seed_text(seed_id))


@pytest.mark.parametrize(
    ("seed_id", "line", "code"),
    [("000", 51, "ragged_row"), ("001", 44, "ragged_row"), ("002", 92, "ragged_row")],
)
def test_damaged_seeds_raise_in_strict_mode(seed_id: str, line: int, code: str) -> None:
    """Strict mode stops at the first row the parser had to repair, with its position."""
    with pytest.raises(dp.ParseError) as info:
        dp.parse(seed_text(seed_id), strict=True)
    assert (info.value.code, info.value.line) == (code, line)


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_sections_are_found_by_meaning(seed_id: str) -> None:
    """All six sections are found, in order, each with its heading."""
    report = dp.parse(seed_text(seed_id))
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    overview = report.section(1)
    assert overview is not None
    assert "总体情况" in overview.title
