"""The consistency rules of SPEC §4, their localisation and the cross-year rules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import disclosure_parser as dp
from conftest import CORPUS, SEED_IDS, seed_text
from disclosure_parser import validation
from disclosure_parser.core.keys import (
    APPLICANT_COLUMNS,
    APPLICANTS,
    APPLICATION_ROWS,
    OUTCOME_ROWS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
    Template,
)
from disclosure_parser.validation import Finding, FindingCell

SUM_CODES = ("balance", "outcome_total", "row_total", "review_total")


def seed(seed_id: str) -> dp.Report:
    return dp.parse(seed_text(seed_id))


def with_cell(report: dp.Report, table: str, row: str, column: str, value: object) -> dp.Report:
    """*report* with one cell of table B or C replaced, keeping the cell's position.

    *value* is an int (a number), None (a blank) or a Cell (used as is, position added).
    """
    names = APPLICANT_COLUMNS if table == "B" else REVIEW_OUTCOMES
    rows = report.applications.rows if table == "B" else report.reviews.groups
    out = []
    for found in rows:
        if found.key == row:
            cells = list(found.cells)
            i = names.index(column)
            old = cells[i]
            if isinstance(value, dp.Cell):
                new = attrs.evolve(value, line=old.line, column=old.column)
            elif value is None:
                new = dp.Cell("blank", line=old.line, column=old.column)
            else:
                new = dp.Cell("number", value, raw=str(value), line=old.line, column=old.column)
            cells[i] = new
            found = attrs.evolve(found, cells=tuple(cells))
        out.append(found)
    if table == "B":
        return attrs.evolve(report, applications=attrs.evolve(report.applications, rows=out))
    return attrs.evolve(report, reviews=dp.Reviews(tuple(out)))


def cell_at(report: dp.Report, table: str, row: str, column: str) -> FindingCell:
    """What a finding says about that cell of *report*."""
    tables = {"B": report.applications, "C": report.reviews}
    cell = tables[table].cell(row, column)
    assert cell is not None
    return FindingCell.of(table, row, column, cell)


def codes(findings: tuple[Finding, ...]) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in findings]


def only(findings: tuple[Finding, ...], code: str) -> Finding:
    (found,) = [f for f in findings if f.code == code]
    return found


# ---------------------------------------------------------------------------------------------
# The seeds
# ---------------------------------------------------------------------------------------------

SEED_FINDINGS = {
    "000": [("row_total", "info", None, None), ("narrative_mismatch", "error", 17, 13)],
    "001": [],
    "002": [],
    "003": [],
    "004": [],
}


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_seed_findings(seed_id: str) -> None:
    """The seeds are consistent but for seed 000's narrative (and its missing 总计 column)."""
    findings = validation.validate(seed(seed_id))
    assert [(f.code, f.severity, f.line, f.column) for f in findings] == SEED_FINDINGS[seed_id]


def test_seed_000_narrative_mismatch() -> None:
    """Seed 000 says 信函 0 件、当面 0 件 on line 17 while table B counts 15 new applications."""
    finding = only(validation.validate(seed("000")), "narrative_mismatch")
    assert finding.actual == 0
    assert finding.expected == 15
    text = finding.cells[0]
    assert (text.table, text.row_key, text.value, text.line, text.column) == (
        "text",
        "channels",
        0,
        17,
        13,
    )
    assert text.raw == "信函依申请公开 0 件，当面依申请公开 0 件"
    # no 总计 column: the six applicant cells are what the table says
    assert [c.column_key for c in finding.cells[1:]] == list(APPLICANTS)
    assert (finding.cells[1].value, finding.cells[1].line, finding.cells[1].column) == (15, 47, 19)
    assert "信函 0, 当面 0" in finding.message
    assert "table B counts 15" in finding.message


def test_seed_000_total_column_is_not_applicable() -> None:
    """Without a 总计 column, row totals give one info finding and no equation over it."""
    finding = only(validation.row_total(seed("000")), "row_total")
    assert finding.severity == "info"
    assert "no 总计 column" in finding.message
    assert validation.balance(seed("000")) == ()


@pytest.mark.parametrize("seed_id", ["002", "003"])
def test_seeds_stating_agreeing_totals_give_no_narrative_finding(seed_id: str) -> None:
    """Seeds 002 (受理…0件) and 003 (受理…5件) state totals that agree with table B."""
    assert validation.narrative_mismatch(seed(seed_id)) == ()


# ---------------------------------------------------------------------------------------------
# One rule at a time: a consistent seed, one cell changed
# ---------------------------------------------------------------------------------------------


def test_localizations_come_in_table_order_in_every_process(tmp_path: Path) -> None:
    """localize() lists table B, then table C's groups in template order, whatever the string
    hashing of the process (it once followed a set's order, which PYTHONHASHSEED changes)."""
    broken = with_cell(seed("003"), "B", "granted", "natural_person", 9)
    for group in ("post_review_suit", "direct_suit", "review"):
        broken = with_cell(broken, "C", group, "upheld", 7)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken.to_dict(), ensure_ascii=False), encoding="utf-8")
    code = (
        "import json, sys, disclosure_parser as dp\n"
        "r = dp.Report.from_dict(json.load(open(sys.argv[1], encoding='utf-8')))\n"
        "print([loc.scope for loc in dp.validation.localize(r)])\n"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code, str(path)],
            env={**os.environ, "PYTHONHASHSEED": str(hash_seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in range(4)
    }
    assert seen == {
        "['table B', 'table C review', 'table C direct_suit', 'table C post_review_suit']\n"
    }


def test_balance_names_the_changed_cell() -> None:
    """四、结转下年度 × 自然人 0 → 3 in seed 004 breaks 一+二 = 三+四 of that column."""
    before = seed("004")
    report = with_cell(before, "B", "carried_forward", "natural_person", 3)
    finding = only(validation.balance(report), "balance")
    blamed = cell_at(report, "B", "carried_forward", "natural_person")
    assert (finding.severity, finding.expected, finding.actual) == ("error", 1, 4)
    assert finding.cells[0] == blamed
    assert (finding.line, finding.column) == (336, 2)
    assert finding.message.startswith(
        "column 自然人: 新收 1 + 上年结转 0 = 1, but 总计 1 + 结转下年度 3"
    )
    (found,) = validation.localize(report)
    assert (found.status, found.cell, found.current, found.suggested) == ("single", blamed, 3, 0)
    assert sorted(found.equations) == ["balance:natural_person", "row_total:carried_forward"]
    assert finding.localization == found


def test_outcome_total_names_the_changed_cell() -> None:
    """（一）予以公开 × 自然人 1 → 2 in seed 004 breaks its column's outcome sum."""
    report = with_cell(seed("004"), "B", "granted", "natural_person", 2)
    finding = only(validation.outcome_total(report), "outcome_total")
    blamed = cell_at(report, "B", "granted", "natural_person")
    assert (finding.severity, finding.expected, finding.actual) == ("error", 2, 1)
    assert finding.cells[0] == blamed
    assert (finding.line, finding.column) == (121, 2)
    (found,) = validation.localize(report)
    assert (found.cell, found.current, found.suggested) == (blamed, 2, 1)
    assert (
        "likely cause: （一）予以公开 × 自然人 is printed as 2, but by its row's 总计 "
        "and its column's （七）总计 it should be 1" in finding.message
    )
    culprit = "（一）予以公开 × 自然人 印为 2，按本行总计及本列（七）总计应为 1"
    assert culprit in finding.message_in("zh")


def test_row_total_names_the_changed_cell() -> None:
    """一、本年新收 × 总计 1 → 4 in seed 004 breaks its row sum (and the 总计 column's balance)."""
    report = with_cell(seed("004"), "B", "new_received", "total", 4)
    finding = only(validation.row_total(report), "row_total")
    blamed = cell_at(report, "B", "new_received", "total")
    assert (finding.severity, finding.expected, finding.actual) == ("error", 1, 4)
    assert finding.cells[0] == blamed
    assert (blamed.line, blamed.column) == (108, 2)
    (found,) = validation.localize(report)
    assert (found.status, found.cell, found.suggested) == ("single", blamed, 1)
    assert [f.code for f in validation.validate(report) if f.severity == "error"] == [
        "balance",
        "row_total",
    ]


def test_review_total_lists_the_changed_cell_among_equal_suspects() -> None:
    """行政诉讼（未经复议直接起诉）结果维持 8 → 6 in seed 004: one equation, five suspects."""
    report = with_cell(seed("004"), "C", "direct_suit", "upheld", 6)
    finding = only(validation.review_total(report), "review_total")
    changed = cell_at(report, "C", "direct_suit", "upheld")
    assert (finding.severity, finding.expected, finding.actual) == ("error", 6, 8)
    assert changed in finding.cells
    assert (changed.line, changed.column) == (378, 2)
    (found,) = validation.localize(report)
    assert found.status == "ambiguous"
    assert found.cell is None
    suggested = {s.cell.column_key: s.suggested for s in found.suspects}
    assert suggested == {"total": 6, "upheld": 8, "corrected": 2, "other": 2, "pending": 2}
    assert "the sums cannot tell which" in found.message


def test_review_total_single_when_only_one_cell_can_be_non_negative() -> None:
    """A 总计 of 0 under parts 10 and 1 can only be the wrong cell itself: the rest would go
    negative."""
    report = with_cell(seed("004"), "C", "review", "upheld", 10)
    report = with_cell(report, "C", "review", "corrected", 1)
    (found,) = validation.localize(report)
    assert (found.status, found.cell, found.suggested) == (
        "single",
        cell_at(report, "C", "review", "total"),
        11,
    )


def test_negative_names_the_cell_and_the_value_the_sums_call_for() -> None:
    """（一）予以公开 × 自然人 1 → −1 in seed 004 is negative; the sums call for 1."""
    report = with_cell(seed("004"), "B", "granted", "natural_person", -1)
    finding = only(validation.negative(report), "negative")
    blamed = cell_at(report, "B", "granted", "natural_person")
    assert (finding.severity, finding.expected, finding.actual) == ("error", 1, -1)
    assert finding.cells == (blamed,)
    assert (finding.line, finding.column) == (121, 2)
    (found,) = validation.localize(report)
    assert (found.cell, found.suggested) == (blamed, 1)


def test_negative_exempts_the_change_column_of_table_a() -> None:
    """Seed 003 prints 本年增/减 −233, −139, −1657: those are changes, not counts."""
    assert validation.negative(seed("003")) == ()
    report = seed("003")
    items = list(report.active_disclosure.items)
    licensing = items[2]
    cells = (dp.Cell("number", -4633, raw="-4633", line=42, column=2), *licensing.cells[1:])
    items[2] = attrs.evolve(licensing, cells=cells)
    report = attrs.evolve(report, active_disclosure=dp.ActiveDisclosure(tuple(items)))
    finding = only(validation.negative(report), "negative")
    assert finding.cells[0].column_key == "上一年项目数量"
    assert (finding.line, finding.column, finding.expected) == (42, 2, None)


def test_bounds_handled_more_than_received() -> None:
    """（七）总计 × 自然人 1 → 3 in seed 004: 3 handled but only 1 received or carried over."""
    report = with_cell(seed("004"), "B", "total", "natural_person", 3)
    finding = only(validation.bounds(report), "bounds")
    blamed = cell_at(report, "B", "total", "natural_person")
    assert (finding.severity, finding.expected, finding.actual) == ("warning", 1, 3)
    assert finding.cells[0] == blamed
    (found,) = validation.localize(report)
    assert (found.cell, found.suggested) == (blamed, 1)


def test_bounds_corrected_more_than_total() -> None:
    """结果纠正 0 → 9 under a 总计 of 8 in seed 004's direct suits is implausible."""
    report = with_cell(seed("004"), "C", "direct_suit", "corrected", 9)
    finding = only(validation.bounds(report), "bounds")
    changed = cell_at(report, "C", "direct_suit", "corrected")
    assert (finding.severity, finding.expected, finding.actual) == ("warning", 8, 9)
    assert finding.cells[0] == changed
    assert (finding.line, finding.column) == (379, 2)
    (found,) = validation.localize(report)
    assert {s.cell: s.suggested for s in found.suspects}[changed] == 0


def _with_fee(report: dp.Report, cell: dp.Cell) -> dp.Report:
    items = []
    for item in report.active_disclosure.items:
        if item.key == "fees":
            old = item.cells[0]
            item = attrs.evolve(item, cells=(attrs.evolve(cell, line=old.line, column=old.column),))
        items.append(item)
    return attrs.evolve(report, active_disclosure=dp.ActiveDisclosure(tuple(items)))


def test_unit_amount_written_in_yuan() -> None:
    """Seed 001's 2021 fee column is in 万元: 251000元 there is 25.1 万元."""
    fee = dp.Cell("number", Decimal(251000), raw="251000元", unit="元")
    report = _with_fee(seed("001"), fee)
    finding = only(validation.unit(report), "unit")
    assert (finding.severity, finding.expected, finding.actual) == (
        "warning",
        Decimal("25.1"),
        Decimal(251000),
    )
    assert (finding.line, finding.column) == (34, 9)
    assert finding.cells[0].column_key == "本年收费金额"
    assert "written in 元" in finding.message


def test_unit_amount_implausibly_large() -> None:
    """More than 100 亿元 of fees in a 万元 column is taken for 元."""
    report = _with_fee(seed("001"), dp.Cell("number", Decimal(20_000_000), raw="20000000"))
    finding = only(validation.unit(report), "unit")
    assert (finding.expected, finding.line) == (Decimal(2000), 34)
    assert "if it is in 元, that is 2000 万元" in finding.message
    ok = _with_fee(seed("001"), dp.Cell("number", Decimal("96171.6"), raw="96171.6"))
    assert validation.unit(ok) == ()


def test_unit_leaves_amounts_of_unknown_unit_alone() -> None:
    """The 2019 采购总金额 has no unit in the template: 49966945.1 (seed 003) is not judged."""
    assert validation.unit(seed("003")) == ()
    assert validation.unit(seed("000")) == ()  # 7.5 万元, written with its unit


def test_template_mix_from_a_2019_header_in_a_2021_report() -> None:
    """Seed 001 (2021) with 行政许可's header printed the 2019 way (处理决定数量): a mix."""
    report = seed("001")
    items = [
        attrs.evolve(it, columns=("处理决定数量",)) if it.key == "licensing" else it
        for it in report.active_disclosure.items
    ]
    report = attrs.evolve(report, active_disclosure=dp.ActiveDisclosure(tuple(items)))
    finding = only(validation.template_mix(report), "template_mix")
    assert (finding.severity, finding.expected, finding.actual) == ("warning", "2021", "2019")
    assert (finding.cells[0].row_key, finding.line, finding.column) == ("licensing", 27, 1)
    assert "table A header 处理决定数量" in finding.message
    assert validation.template_mix(seed("001")) == ()


def test_template_mix_from_2021_rows_in_a_2019_report() -> None:
    """Seed 002 (2019) whose （六）其他处理 row is keyed as a 2021 sub-row mixes templates."""
    report = seed("002")
    rows = [
        attrs.evolve(r, key="other_handling.other") if r.key == "other_handling" else r
        for r in report.applications.rows
    ]
    report = attrs.evolve(report, applications=attrs.evolve(report.applications, rows=rows))
    finding = only(validation.template_mix(report), "template_mix")
    assert (finding.expected, finding.actual) == ("2019", "2021")
    assert (finding.cells[0].table, finding.cells[0].row_key) == ("B", "other_handling.other")


def test_missing_table() -> None:
    """Seed 004 without table C: one error naming the table; nothing else breaks."""
    report = attrs.evolve(seed("004"), reviews=dp.Reviews())
    assert codes(validation.validate(report)) == [("missing_table", "error")]
    finding = only(validation.missing_table(report), "missing_table")
    assert finding.expected == "table C"
    assert finding.message == "table C (四、政府信息公开行政复议、行政诉讼情况) is absent"


def test_missing_tables_of_a_pre_2019_report_are_one_info() -> None:
    """A 2018 report is free-form: not having the tables is no error."""
    report = dp.Report("某局", 2018, None, None)
    assert codes(validation.missing_table(report)) == [("missing_table", "info")]


def test_narrative_mismatch_after_a_table_change() -> None:
    """Seed 002 says 受理…0件 (line 23); a 总计 of 2 new applications contradicts it."""
    report = with_cell(seed("002"), "B", "new_received", "total", 2)
    finding = only(validation.narrative_mismatch(report), "narrative_mismatch")
    blamed = cell_at(report, "B", "new_received", "total")
    assert (finding.severity, finding.expected, finding.actual) == ("error", 2, 0)
    assert (finding.line, finding.column) == (23, 5)
    assert finding.cells[1:] == (blamed,)
    assert "受理依申请公开政府信息0件" in finding.message
    (found,) = validation.localize(report)
    assert (found.cell, found.suggested) == (blamed, 0)


def test_narrative_review_and_litigation_statements() -> None:
    """行政复议N件 is compared with table C 行政复议 总计, 行政诉讼N件 with both suits."""
    report = seed("004")
    line = dp.TextLine("本年度发生政府信息公开行政复议2件，行政诉讼8件。", 7, 1)
    section = dp.Section(1, "一、总体情况", line.text, dp.Span(6, 1, 7, 30), lines=(line,))
    report = attrs.evolve(report, sections=(section, *report.sections[1:]))
    (finding,) = validation.narrative_mismatch(report)
    assert (finding.expected, finding.actual, finding.line, finding.column) == (0, 2, 7, 12)
    assert finding.cells[1] == cell_at(report, "C", "review", "total")


# ---------------------------------------------------------------------------------------------
# Blank, text and absent cells (SPEC §4)
# ---------------------------------------------------------------------------------------------


def test_blank_parts_count_as_zero_and_the_message_says_so() -> None:
    """Seed 003 leaves zeros blank; a wrong 总计 there names the blanks counted as 0."""
    report = with_cell(seed("003"), "B", "new_received", "total", 6)
    finding = only(validation.row_total(report), "row_total")
    assert (finding.expected, finding.actual) == (5, 6)
    # five blanks: counted, not listed (the cells are in the finding)
    assert finding.message.endswith("; 5 blank cells counted as 0")
    assert "各类申请人合计为 5（其中 5 个空白单元格按 0 计）" in finding.message_in("zh")


def test_blank_total_with_parts_is_not_assessable() -> None:
    """A blank 总计 over a 2 is an info finding, never an error."""
    report = with_cell(seed("003"), "B", "carried_over", "natural_person", 2)
    finding = only(validation.row_total(report), "row_total")
    assert finding.severity == "info"
    assert finding.cells[0] == cell_at(report, "B", "carried_over", "total")
    assert finding.message == (
        "row 二、上年结转政府信息公开申请数量 not assessable: "
        "二、上年结转政府信息公开申请数量 × 总计 is blank but its own parts add up to 2 "
        "(a blank total may be an omission, not a zero)"
    )
    # the balance of that column has no blank total: 四、结转下年度's blank counts as 0
    balance = only(validation.balance(report), "balance")
    assert (balance.severity, balance.expected, balance.actual) == ("error", 7, 5)
    assert balance.message.endswith("; blank cells counted as 0: 四、结转下年度继续办理 × 自然人")


def test_blank_total_over_zero_parts_agrees() -> None:
    """Seed 004 leaves （七）总计's applicant cells blank over zero parts: no finding."""
    total = seed("004").applications.row("total")
    assert total is not None
    assert [c.state for c in total.cells] == ["number", *["blank"] * 5, "number"]
    assert validation.validate(seed("004")) == ()


def test_text_cell_makes_its_equations_not_assessable() -> None:
    """A cell holding text cannot be summed: its row and column give info findings."""
    report = with_cell(seed("004"), "B", "granted", "commercial", dp.Cell("text", raw="见附件"))
    found = validation.validate(report)
    assert codes(found) == [("outcome_total", "info"), ("row_total", "info")]
    assert all("（一）予以公开 × 商业企业 holds text '见附件'" in f.message for f in found)
    assert all(f.cells[0].state == "text" for f in found)


def test_readable_parts_above_their_total_fail_whatever_the_unread_cell_holds() -> None:
    """A sum with an unread part fails when the parts that can be read exceed the total."""
    unread = dp.Cell("missing")
    withheld = with_cell(seed("004"), "B", "not_processed.duplicate", "natural_person", unread)
    # the readable parts of 自然人 (（一）予以公开 1) do not pass （七）总计 1: not judged
    finding = only(validation.outcome_total(withheld), "outcome_total")
    assert finding.severity == "info"
    assert finding.message_key == "not_assessable.unreadable"
    # a 1 read into another row's 自然人 (positions that put it a column over) makes 2 > 1
    report = with_cell(withheld, "B", "not_processed.confirmation", "natural_person", 1)
    finding = only(validation.outcome_total(report), "outcome_total")
    assert (finding.severity, finding.message_key) == ("error", "sum.exceeds")
    assert (finding.expected, finding.actual) == (1, 2)
    assert finding.cells[0] == cell_at(report, "B", "not_processed.duplicate", "natural_person")
    assert cell_at(report, "B", "not_processed.confirmation", "natural_person") in finding.cells
    assert finding.message == (
        "column 自然人 fails: 2.重复申请 × 自然人 could not be read, but the cells on the same "
        "side of the sum that can be read already add up to 2, more than the other side's 1; "
        "counts are never negative, so no value of the unread cells makes it hold"
    )
    # cells unread on both sides: the readable ones bound nothing
    both = with_cell(report, "B", "total", "natural_person", unread)
    finding = only(validation.outcome_total(both), "outcome_total")
    assert finding.message_key == "not_assessable.unreadable"


def test_a_sum_passed_by_its_readable_side_must_be_mended_by_the_cell_blamed() -> None:
    """A cell blamed for failing sums must mend a sum whose readable side passed too."""
    report = seed("002")
    # printed: one application of a 科研机构, 5.要求行政机关确认… (blank, 0, 1 …, 1)
    for row in ("new_received", "not_processed.confirmation", "total"):
        for column in ("research", "total"):
            report = with_cell(report, "B", row, column, 1)
    assert not [f for f in validation.validate(report) if f.code in SUM_CODES]
    # read with the 1 a column over, under 自然人, and 2.重复申请's 自然人 withheld
    report = with_cell(report, "B", "not_processed.confirmation", "research", 0)
    report = with_cell(report, "B", "not_processed.confirmation", "natural_person", 1)
    report = with_cell(report, "B", "not_processed.duplicate", "natural_person", dp.Cell("missing"))
    found = [f for f in validation.outcome_total(report) if f.severity == "error"]
    assert [(f.message_key, f.expected, f.actual) for f in found] == [
        ("sum.exceeds", 0, 1),
        ("outcome_total.fails", 0, 1),
    ]
    # 2.重复申请 × 科研机构 alone would mend 科研机构, not 自然人: nobody is blamed
    assert [loc.status for loc in validation.localize(report)] == ["none"]
    assert found[1].localization is not None
    assert found[1].localization.status == "none"


def test_absent_row_makes_the_outcome_total_not_assessable() -> None:
    """Without 2.重复申请 the outcome sums cannot be judged; the row sums still are."""
    report = seed("004")
    rows = [r for r in report.applications.rows if r.key != "not_processed.duplicate"]
    report = attrs.evolve(report, applications=attrs.evolve(report.applications, rows=rows))
    finding = only(validation.outcome_total(report), "outcome_total")
    assert finding.severity == "info"
    assert "lacks row(s) not_processed.duplicate (2.重复申请)" in finding.message
    broken = with_cell(report, "B", "granted", "natural_person", 3)
    assert codes(validation.row_total(broken)) == [("row_total", "error")]


def test_either_form_of_other_handling_is_summed() -> None:
    """Seed 002 (2019) prints （六）其他处理 as one row, seed 001 (2021) as three: both add up."""
    assert validation.outcome_total(seed("002")) == ()
    assert validation.outcome_total(seed("001")) == ()
    report = with_cell(seed("001"), "B", "other_handling.unpaid_fee", "natural_person", 1)
    (found,) = validation.localize(report)
    assert (found.cell, found.suggested) == (
        cell_at(report, "B", "other_handling.unpaid_fee", "natural_person"),
        0,
    )


# ---------------------------------------------------------------------------------------------
# Localisation
# ---------------------------------------------------------------------------------------------


def test_localize_says_when_no_single_cell_explains() -> None:
    """Two wrong cells in different rows and columns: no single cell explains the sums."""
    report = with_cell(seed("002"), "B", "granted", "natural_person", 3)
    report = with_cell(report, "B", "withheld.state_secret", "commercial", 2)
    (found,) = validation.localize(report)
    assert (found.status, found.cell, found.suspects) == ("none", None, ())
    assert found.message.startswith("no single cell of table B explains the 4 failing sums")
    assert all(f.localization == found for f in validation.validate(report) if f.code in SUM_CODES)


def test_localize_is_empty_for_consistent_reports() -> None:
    """Nothing to explain, nothing said."""
    assert all(validation.localize(seed(s)) == () for s in SEED_IDS)


def test_localize_table_b_and_c_independently() -> None:
    """A wrong cell in table B and another in table C are each named."""
    report = with_cell(seed("004"), "B", "granted", "natural_person", 3)
    report = with_cell(report, "C", "review", "total", 4)
    found = {loc.scope: loc for loc in validation.localize(report)}
    assert set(found) == {"table B", "table C review"}
    assert found["table B"].cell == cell_at(report, "B", "granted", "natural_person")
    assert found["table C review"].status == "ambiguous"


# ---------------------------------------------------------------------------------------------
# validate(), findings as data
# ---------------------------------------------------------------------------------------------


def test_validate_runs_the_rules_in_a_stable_order() -> None:
    """Selected rules run in RULES order, whatever order they are named in."""
    report = with_cell(seed("004"), "B", "total", "natural_person", 3)
    everything = validation.validate(report)
    assert [f.code for f in everything] == [
        "balance",
        "outcome_total",
        "row_total",
        "bounds",
    ]
    chosen = validation.validate(report, rules=["bounds", validation.balance])
    assert [f.code for f in chosen] == ["balance", "bounds"]


def test_validate_rejects_unknown_rules() -> None:
    """A misspelt rule is an error, not an empty result."""
    with pytest.raises(ValueError, match="unknown rule 'balanse'"):
        validation.validate(seed("004"), rules=["balanse"])


def test_rules_and_codes() -> None:
    """RULES are the ten one-report rules of SPEC §4; CODES adds the two cross-year ones."""
    assert [r.__name__ for r in validation.RULES] == [
        "balance",
        "outcome_total",
        "row_total",
        "review_total",
        "negative",
        "bounds",
        "unit",
        "template_mix",
        "missing_table",
        "narrative_mismatch",
    ]
    assert validation.CODES[-2:] == ("year_carry", "year_stock")


def test_findings_are_frozen_plain_data() -> None:
    """Findings are frozen and slotted and turn into JSON-ready dicts (Decimals as strings)."""
    report = with_cell(seed("004"), "B", "granted", "natural_person", 2)
    finding = validation.validate(report)[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        finding.code = "x"  # type: ignore[misc]
    assert not hasattr(finding, "__dict__")
    data = json.loads(json.dumps(finding.to_dict(), ensure_ascii=False))
    assert data["localization"]["status"] == "single"
    assert data["localization"]["suspects"][0]["suggested"] == 1
    assert data["cells"][0]["line"] == 121
    fee = _with_fee(seed("001"), dp.Cell("number", Decimal(251000), raw="251000元", unit="元"))
    unit_data = validation.unit(fee)[0].to_dict()
    assert (unit_data["expected"], unit_data["actual"]) == ("25.1", "251000")


# ---------------------------------------------------------------------------------------------
# Cross-year rules
# ---------------------------------------------------------------------------------------------


def test_year_carry_per_column() -> None:
    """2021's 上年结转 must be 2020's 结转下年度, column by column."""
    previous = seed("004")
    current = with_cell(attrs.evolve(previous, year=2021), "B", "carried_over", "natural_person", 2)
    current = with_cell(current, "B", "carried_over", "total", 2)
    findings = validation.compare_years(previous, current)
    assert [(f.code, f.severity, f.cells[0].column_key) for f in findings] == [
        ("year_carry", "error", "natural_person"),
        ("year_carry", "error", "total"),
    ]
    first = findings[0]
    assert (first.expected, first.actual) == (0, 2)
    assert [(c.row_key, c.source, c.line) for c in first.cells] == [
        ("carried_over", "current", 111),
        ("carried_forward", "previous", 336),
    ]
    assert validation.compare_years(previous, attrs.evolve(previous, year=2021)) == ()


def test_year_carry_needs_consecutive_years() -> None:
    """Reports two years apart give a single info finding."""
    (finding,) = validation.compare_years(seed("004"), attrs.evolve(seed("004"), year=2022))
    assert (finding.code, finding.severity) == ("year_carry", "info")


def test_year_carry_without_the_rows() -> None:
    """A report without table B cannot carry anything over: one info finding."""
    findings = validation.compare_years(seed("004"), dp.Report("某镇", 2021, None, "2019"))
    assert [(f.code, f.severity, f.message) for f in findings] == [
        (
            "year_carry",
            "info",
            "not assessable: the current report's 二、上年结转政府信息公开申请数量 row is absent",
        )
    ]


def test_year_stock_warns_when_the_stock_does_not_carry() -> None:
    """2021 template: 现行有效(N−1) + 本年制发(N) − 本年废止(N) = 现行有效(N), else a warning."""
    previous = seed("001")
    items = []
    for item in previous.active_disclosure.items:
        if item.key == "regulations":
            old = item.cells[2]
            stock = dp.Cell("number", 3, raw="3", line=old.line, column=old.column)
            item = attrs.evolve(item, cells=(*item.cells[:2], stock))
        items.append(item)
    current = attrs.evolve(previous, year=2022, active_disclosure=dp.ActiveDisclosure(tuple(items)))
    (finding,) = validation.compare_years(previous, current)
    assert (finding.code, finding.severity, finding.expected, finding.actual) == (
        "year_stock",
        "warning",
        0,
        3,
    )
    assert (finding.cells[0].source, finding.line, finding.column) == ("current", 23, 8)


# ---------------------------------------------------------------------------------------------
# Property tests: any single-cell change to a summed cell is caught and localised
# ---------------------------------------------------------------------------------------------


def _b_cells(values: dict[str, list[int]], has_total: bool, blanks: set[tuple[str, int]]):
    rows = []
    for i, (key, row) in enumerate(values.items()):
        cells = []
        for j, v in enumerate(row):
            line, column = 40 + i, 10 + 3 * j
            if j == 6 and not has_total:
                cells.append(dp.Cell("missing"))
            elif (key, j) in blanks:
                cells.append(dp.Cell("blank", raw="", line=line, column=column))
            else:
                cells.append(dp.Cell("number", v, raw=str(v), line=line, column=column))
        rows.append(dp.ApplicationRow(key, key, tuple(cells), line=40 + i, column=1))
    return dp.Applications(tuple(rows), has_total_column=has_total)


@attrs.frozen
class Recipe:
    """A consistent report as plain numbers (short to print when a property fails)."""

    template: Template
    has_total: bool
    rows: dict[str, list[int]]
    blanks: frozenset[tuple[str, int]]
    groups: dict[str, list[int]]

    def report(self) -> dp.Report:
        groups = []
        for g, (key, values) in enumerate(self.groups.items()):
            cells = tuple(
                dp.Cell("number", v, raw=str(v), line=90, column=1 + 2 * (5 * g + j))
                for j, v in enumerate(values)
            )
            groups.append(dp.ReviewGroup(key, cells, line=90, column=1 + 10 * g))
        return dp.Report(
            "某局",
            2021,
            None,
            self.template,
            applications=_b_cells(self.rows, self.has_total, set(self.blanks)),
            reviews=dp.Reviews(tuple(groups)),
        )


@st.composite
def consistent_recipes(draw: st.DrawFn) -> Recipe:
    """Tables B and C that satisfy every sum; some zero parts printed blank."""
    template: Template = draw(st.sampled_from(["2019", "2021"]))
    has_total = draw(st.booleans().filter(lambda b: b) | st.booleans())
    small = st.integers(0, 30)
    values = {key: [draw(small) for _ in APPLICANTS] for key in OUTCOME_ROWS[template]}
    total = [sum(values[k][j] for k in values) for j in range(6)]
    forward = [draw(st.integers(0, 10)) for _ in APPLICANTS]
    carried = [draw(st.integers(0, total[j] + forward[j])) for j in range(6)]
    received = [total[j] + forward[j] - carried[j] for j in range(6)]
    rows = {"new_received": received, "carried_over": carried, **values}
    rows |= {"total": total, "carried_forward": forward}
    full = {k: [*rows[k], sum(rows[k])] for k in APPLICATION_ROWS[template]}
    zero_parts = sorted(
        (k, j) for k, v in full.items() if k != "total" for j in range(6) if not v[j]
    )
    blanks = draw(st.lists(st.sampled_from(zero_parts), max_size=8)) if zero_parts else []
    groups = {}
    for key in REVIEW_GROUPS:
        parts = [draw(small) for _ in range(4)]
        groups[key] = [*parts, sum(parts)]
    return Recipe(template, has_total, full, frozenset(blanks), groups)


def _equations_with(report: dp.Report, table: str, row: str, column: str) -> int:
    """How many sum equations of the report contain that cell."""
    if table == "C":
        return 1
    total_column = report.applications.has_total_column
    n = 1 if total_column else 0  # its row
    if column == "total" and not total_column:
        return 0
    if row not in ("new_received", "carried_over", "carried_forward"):
        n += 1  # its column's outcome sum
    if row in ("new_received", "carried_over", "total", "carried_forward"):
        n += 1  # its column's balance
    return n


@st.composite
def changes(draw: st.DrawFn) -> tuple[Recipe, str, str, str, int]:
    """A consistent report, the address of one summed cell and a new value for it."""
    recipe = draw(consistent_recipes())
    report = recipe.report()
    table = draw(st.sampled_from(["B", "C"]))
    if table == "B":
        row = draw(st.sampled_from([r.key for r in report.applications.rows]))
        width = 7 if report.applications.has_total_column else 6
        column = draw(st.sampled_from(APPLICANT_COLUMNS[:width]))
        original = report.applications.cell(row, column)
    else:
        row = draw(st.sampled_from(REVIEW_GROUPS))
        column = draw(st.sampled_from(REVIEW_OUTCOMES))
        original = report.reviews.cell(row, column)
    assert original is not None
    old = int(original.value or 0)
    new = draw(st.integers(0, old + 50).filter(lambda v: v != old))
    return recipe, table, row, column, new


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: the rules a change to a count can break (the tables built here have no table A)
COUNT_RULES = (*SUM_CODES, "negative", "bounds")


@FAST
@given(consistent_recipes())
def test_consistent_reports_give_no_finding(recipe: Recipe) -> None:
    """Reports whose sums hold, blanks and all, give no finding (but the missing 总计 note)."""
    report = recipe.report()
    expected = [] if recipe.has_total else [("row_total", "info")]
    assert codes(validation.validate(report, rules=COUNT_RULES)) == expected
    assert validation.localize(report) == ()


@FAST
@given(changes())
def test_any_single_change_is_caught_and_localised(
    change: tuple[Recipe, str, str, str, int],
) -> None:
    """One changed cell of table B or C: a sum rule names it, and localize names it with its
    original value: alone where two or more sums meet in it, among equal suspects otherwise."""
    recipe, table, row, column, new = change
    before = recipe.report()
    after = with_cell(before, table, row, column, new)
    changed = cell_at(after, table, row, column)
    findings = validation.validate(after, rules=COUNT_RULES)
    errors = [f for f in findings if f.severity == "error"]
    assert errors
    assert all(f.code in SUM_CODES for f in errors)
    assert all(changed in f.cells for f in errors)
    tables = {"B": before.applications, "C": before.reviews}
    original = tables[table].cell(row, column)
    assert original is not None
    scope = "table B" if table == "B" else f"table C {row}"
    found = {loc.scope: loc for loc in validation.localize(after)}
    assert set(found) == {scope}
    suggested = {(s.cell.row_key, s.cell.column_key): s.suggested for s in found[scope].suspects}
    assert suggested[row, column] == int(original.value or 0)
    if _equations_with(after, table, row, column) >= 2:
        assert found[scope].status == "single"
        assert found[scope].cell == changed
        assert errors[0].cells[0] == changed


# ---------------------------------------------------------------------------------------------
# Real reports (../shared/corpus/dev, read in place; skipped when absent)
# ---------------------------------------------------------------------------------------------

CORPUS_FINDINGS = {
    # table C as printed: 复议 维持10 纠正1 … 总计0; 复议后起诉 维持5 … 总计0 (truth.jsonl notes)
    "002L.txt": [
        ("review_total", "error"),
        ("review_total", "error"),
        ("bounds", "warning"),
    ],
    # the text: 区政府办代表区政府受理政府信息公开申请 17 件; table B: 95 new applications
    "003L.txt": [("narrative_mismatch", "error")],
    "001L.txt": [],
    # row 四's 总计 cell is empty in the converted markdown: its sums are not assessable
    "004.md": [("balance", "info"), ("row_total", "info")],
    # the 总计 column is blank but for four rows (SPEC §1): omissions, not zeros
    "005.html": [("outcome_total", "info"), *[("row_total", "info")] * 11],
}


@pytest.mark.parametrize("name", sorted(CORPUS_FINDINGS))
def test_real_reports(name: str) -> None:
    """The dev corpus reports the parser reads: only their true inconsistencies are found."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} is not available here")
    try:
        report = dp.parse_file(path)
    except dp.DisclosureError as exc:
        if isinstance(exc, dp.ParseError):
            raise
        pytest.skip(f"{name} cannot be read here (no reader installed): {exc}")
    assert codes(validation.validate(report)) == CORPUS_FINDINGS[name]


def test_real_report_table_c_localisation() -> None:
    """002L: the 行政复议 总计 of 0 under 10 + 1 is the only cell that can be wrong."""
    path = CORPUS / "002L.txt"
    if not path.exists():
        pytest.skip(f"{path} is not available here")
    report = dp.parse_file(path)
    found = {loc.scope: loc for loc in validation.localize(report)}
    review = found["table C review"]
    assert (review.status, review.cell.column_key if review.cell else None) == ("single", "total")
    assert (review.current, review.suggested) == (0, 11)
