"""Regression tests for the parsing and validation half of issue 17 (hostile and damaged files).

One test (or a few) per defect, at the depth where it lived; the reproducers of the attack are
evidence kept outside the repository, these are their plain forms.
"""

from __future__ import annotations

import copy
import cProfile
import json
import pstats
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import disclosure_parser as dp
from damage import damage_cell, damage_data, swapped_columns
from disclosure_parser.parsing.align import readings
from disclosure_parser.parsing.cells import classify, looks_like_value, two_numbers
from disclosure_parser.parsing.labels import row_keys
from disclosure_parser.parsing.raw import RawCell
from disclosure_parser.parsing.solver import _MAX_NARROWING, BLANK, OPAQUE, Candidate
from disclosure_parser.parsing.split import TABLE_STEPS
from disclosure_parser.strategies import reports
from silent import silently_wrong

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


# ---- r07: a ragged table B whose sums cannot place its rows ----------------------------------

_EXAMPLE_001 = HERE.parent / "examples" / "reports" / "001.txt"


def _ragged_row(texts: list[str]) -> list[RawCell]:
    """Value cells as a tab row prints them after its label: empty ones at the ends are
    filler, the first of them a merged label's shadow."""
    cells = [RawCell(t, 1, i + 1, not t) for i, t in enumerate(texts)]
    cells[0].shadow = not texts[0]
    return cells


def _reading_with(found: list[Candidate], filler_at: int) -> Candidate:
    """The reading of *found* whose column *filler_at* is read from an empty filler cell and
    which reads every other column from a printed cell."""
    (cand,) = [
        c
        for c in found
        if all(
            isinstance(s, RawCell) and s.filler == (col == filler_at)
            for col, s in enumerate(c.sources)
        )
    ]
    return cand


def test_trailing_filler_read_as_a_blank_total_is_a_repair() -> None:
    """ "(shadow) 1 0 0 0 0 1 (trailing)" read with its trailing field as a blank 总计 puts the
    printed 总计 under 其他 and silences the row's sum: no cheaper than taking 其他 as lost."""
    texts = ["", "1", "0", "0", "0", "0", "1", ""]
    row_sum = [(6, (0, 1, 2, 3, 4, 5))]
    assert _reading_with(readings(_ragged_row(texts), 7, row_sum), 6).repairs == 1
    # without a 总计 column the same field is a part: a blank counts 0, every sum still
    # checks it, and the row reads as printed
    five = ["", "1", "0", "0", "0", "1", ""]
    assert _reading_with(readings(_ragged_row(five), 6), 5).repairs == 0


def test_ragged_table_b_with_a_row_deleted_withholds_what_its_sums_cannot_place() -> None:
    """The reproducer: seed 001 prints six cells for seven columns in every table B row; with
    one outcome row gone, the column sums no longer place （一）予以公开's printed 总计 "1"."""
    lines = _EXAMPLE_001.read_text("utf-8").split("\n")
    text = "\n".join(x for x in lines if "1.信访举报投诉类申请" not in x)
    report = dp.parse(text)
    row = report.applications.row("granted")
    assert row is not None
    other, total = row.cells[5], row.cells[6]
    assert (other.state, total.state) == ("missing", "missing")
    notes = [d for d in report.diagnostics if d.line == row.line]
    assert [(d.code, d.severity) for d in notes] == [("ambiguous_row", "error")]
    assert "其他, 总计 withheld" in notes[0].message


def test_no_single_row_deletion_of_a_ragged_table_b_moves_a_number_silently() -> None:
    """Every table B row of seed 001 deleted in turn (21 of 25 deletions gave 其他 = 1 and a
    never-printed blank 总计, with no diagnostic)."""
    text = _EXAMPLE_001.read_text("utf-8")
    full = dp.parse(text)
    lines = text.split("\n")
    for row in full.applications:
        damaged = "\n".join(x for i, x in enumerate(lines) if i + 1 != row.line)
        assert silently_wrong(full, dp.parse(damaged)) == [], row.key


def test_a_printed_value_realigned_by_the_sums_carries_a_note_on_its_row() -> None:
    """Seed 001's （二）部分公开 has six cells for seven columns; its trailing field was read as
    a blank 总计 (the column sums allow no other reading): a warning says so."""
    report = dp.parse(_EXAMPLE_001.read_text("utf-8"))
    row = report.applications.row("partially_granted")
    assert row is not None
    assert row.cells[6].state == "blank"
    (note,) = [d for d in report.diagnostics if d.line == row.line]
    assert (note.code, note.severity) == ("ragged_row", "warning")
    assert "under 总计 read as printed blanks" in note.message


# ---- r08: the sub-headers of tables B and C say which column is which -------------------------


def _swapped_b_text() -> str:
    """Seed 003 with 商业企业 and 科研机构 printed in each other's place, headers and values."""
    report = dp.parse_file(HERE.parent / "examples" / "reports" / "003.txt")
    return swapped_columns(report, "B", "tab", frozenset(), 0)


def test_table_b_columns_are_read_by_their_header() -> None:
    report = dp.parse_file(HERE.parent / "examples" / "reports" / "003.txt")
    again = dp.parse(_swapped_b_text())
    for row in report.applications:
        assert [c.value for c in again.applications.row(row.key).cells] == [  # type: ignore[union-attr]
            c.value for c in row.cells
        ], row.key
    (note,) = [d for d in again.diagnostics if d.code == "column_order"]
    assert note.severity == "warning"
    assert "科研机构, 商业企业, 社会公益组织" in note.message


def test_table_c_outcomes_are_read_by_their_header() -> None:
    text = (
        _TITLE + "四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议\t\t\t\t\t行政诉讼\n"
        "结果纠正\t结果维持\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
        "\t\t\t\t\t结果纠正\t结果维持\t其他结果\t尚未审结\t总计"
        "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
        "2\t1\t0\t0\t3\t4\t0\t0\t0\t4\t0\t5\t0\t0\t5\n"
    )
    report = dp.parse(text)
    assert [c.value for c in report.reviews.group("review").cells] == [1, 2, 0, 0, 3]  # type: ignore[union-attr]
    assert [c.value for c in report.reviews.group("direct_suit").cells] == [0, 4, 0, 0, 4]  # type: ignore[union-attr]
    assert [c.value for c in report.reviews.group("post_review_suit").cells] == [0, 5, 0, 0, 5]  # type: ignore[union-attr]
    # said on the header and on the row whose numbers it moved
    notes = [d for d in report.diagnostics if d.code == "column_order"]
    assert [(n.severity, n.line) for n in notes] == [("warning", 4), ("warning", 6)]
    assert not [n for n in notes if "复议后起诉" in n.message]  # printed in the template's order


def test_table_c_header_order_the_sums_refute_is_not_followed() -> None:
    """fresh_200025 (Chromium's PDF through ``pdftotext -raw``): table C's header, a character
    a line and broken by a page, seems to print 行政复议's 结果纠正 last; its numbers add up
    with 总计 last, as the template prints them, and not in that order: the group is read in
    the template's order, said on the row; the others follow the header."""
    text = (
        _TITLE + "四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议\t\t\t\t\t行政诉讼\n"
        "结果维持\t其他结果\t尚未审结\t总计\t结果纠正\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
        "\t\t\t\t\t结果纠正\t结果维持\t其他结果\t尚未审结\t总计"
        "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
        "18681\t5\t38860\t11186\t68732\t4\t1\t0\t0\t5\t0\t5\t0\t0\t5\n"
    )
    report = dp.parse(text)
    values = [[c.value for c in g.cells] for g in report.reviews]
    assert values == [[18681, 5, 38860, 11186, 68732], [1, 4, 0, 0, 5], [0, 5, 0, 0, 5]]
    notes = [(d.line, d.message) for d in report.diagnostics if d.code == "column_order"]
    assert [line for line, _ in notes] == [4, 6, 6]
    assert "行政复议" not in notes[0][1]  # the header's warning names only the group it moved
    assert "未经复议直接起诉" in notes[0][1]


def test_table_c_groups_in_another_order_are_withheld() -> None:
    text = (
        _TITLE + "四、政府信息公开行政复议、行政诉讼情况\n"
        "行政诉讼\t\t\t\t\t\t\t\t\t\t行政复议\n"
        "未经复议直接起诉\t\t\t\t\t复议后起诉\n" + "\t".join("0" * 15) + "\n"
    )
    report = dp.parse(text)
    assert {c.state for g in report.reviews for c in g.cells} == {"missing"}
    (note,) = [d for d in report.diagnostics if d.code == "column_order"]
    assert (note.severity, note.line) == ("error", 3)


@pytest.mark.parametrize("table", ["B", "C"])
@settings(max_examples=60)
@given(
    report=reports(),
    layout=st.sampled_from(dp.LAYOUTS),
    noise=st.frozensets(st.sampled_from(dp.NOISES)),
    seed=st.integers(0, 999),
)
def test_swapped_sub_columns_never_move_a_number_silently(
    table: str, report: dp.Report, layout: str, noise: frozenset[str], seed: int
) -> None:
    """Every layout and noise: the swapped sub-columns are read by their words (12 of 57 table
    B and 15 of 57 table C renditions put them under the wrong keys with nothing said)."""
    # a header printed a character a line (one_char_headers) cannot have its words swapped by
    # the damage, which would leave a header that contradicts its own values
    noise = noise - {"one_char_headers"}
    text = swapped_columns(report, table, layout, noise, seed)
    assert silently_wrong(report, dp.parse(text)) == []


# ---- r09: validate() in time linear in the narrative's statements ----------------------------


def _lines_run(call: Callable[[], object]) -> int:
    """How many lines of the package's own code *call* executes: a count of work that does
    not depend on the machine (what a clock would measure, without its noise)."""
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> object:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: object) -> object:
        return local if "disclosure_parser" in frame.f_code.co_filename else None

    sys.settrace(tracer)
    try:
        call()
    finally:
        sys.settrace(None)
    return count


_STATEMENT = {
    # the reproducer's sentence: two channel counts, summed into one statement
    "sentences": "本年共收到信函依申请公开 3 件，当面依申请公开 2 件。",
    # each on a line of its own (positions are found line by line)
    "lines": "本年共收到信函依申请公开 3 件，当面依申请公开 2 件。\n",
    # no sentence ends at all: one sentence as long as the text
    "one sentence": "收到政府信息公开申请 5 件行政复议 1 件",
}


@pytest.mark.parametrize("shape", list(_STATEMENT))
def test_validate_is_linear_in_the_narrative_statements(shape: str) -> None:
    """10,000 statements took 63 s: each was located by searching the whole text, and each
    sentence of channel counts looked through every statement. Ten times the statements now
    cost about ten times the work (it was a hundred times)."""
    base = dp.render(dp.parse_file(HERE.parent / "examples" / "reports" / "003.txt"), "tab")

    def work(n: int) -> int:
        text = base.replace("一、总体情况\n", "一、总体情况\n" + _STATEMENT[shape] * n + "\n")
        report = dp.parse(text)
        return _lines_run(lambda: dp.validate(report))

    small, large = work(60), work(600)
    assert large < 12 * small


# ---- r12: flattened text with garbage runs costs bounded work --------------------------------

_FLAT_HEAD = (
    "某镇人民政府2021年政府信息公开工作年度报告\n"
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加"
    "第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
)
_FLAT_C = (
    "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
    "未经复议直接起诉复议后起诉" + "结果维持结果纠正其他结果尚未审结总计" * 2
)


def _flat_garbage(length: int, digits: str = "123456789", seed: int = 5) -> str:
    """A flattened table B and C whose every row is a run of *length* random digits (table C:
    five thirds of that), as the reproducer built it."""
    from disclosure_parser.core.keys import APPLICATION_ROWS, ROW_GROUPS, ROW_LABELS

    rng = random.Random(seed)

    def run(n: int) -> str:
        return "".join(rng.choice(digits) for _ in range(n))

    rows = "".join(
        ROW_GROUPS.get(k, "") + ROW_LABELS[k] + run(length) for k in APPLICATION_ROWS["2019"]
    )
    return _FLAT_HEAD + rows + _FLAT_C + run(length * 5 // 3)


def _calls(call: Callable[[], object], names: dict[str, set[str]]) -> int:
    """How many times *call* runs the functions *names* lists per module file: steps of work
    counted, not timed."""
    profile = cProfile.Profile()
    profile.runcall(call)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    return sum(
        calls
        for (path, _, function), (_, calls, *_) in stats.items()
        if function in names.get(Path(path).name, set())
    )


@pytest.mark.parametrize("length", [20, 36, 50, 72])
@pytest.mark.parametrize("digits", ["123456789", "9", "12"])
def test_garbage_in_flattened_rows_costs_bounded_work(length: int, digits: str) -> None:
    """1.4 KB of flattened table with 36 random digits a row cost 3–4 s (the budget for that
    size is 1 s): each row's split search, and the table's narrowing over the hundreds of
    splits each row kept, ran unbounded. Now the steps of the split search (cells tried)
    and of the narrowing (readings checked) have a ceiling whatever the rows hold, and every
    row is withheld with an error."""
    text = _flat_garbage(length, digits)
    search = _calls(lambda: dp.parse(text), {"split.py": {"place", "fill", "count"}})
    # table B and table C, each within its table's budget, and the counting of splits (a
    # step per place a cell can start, at most a few hundred a row)
    assert search <= 2 * TABLE_STEPS + 25 * 2_000
    narrowing = _calls(lambda: dp.parse(text), {"solver.py": {"_apply"}})
    # the trial with the least-repaired readings, then the whole table, for each of B and C
    assert narrowing <= 4 * (_MAX_NARROWING + 1_000 * 26)
    report = dp.parse(text)
    for row in report.applications:
        assert all(c.state == "missing" for c in row.cells) or any(
            d.line == row.line and d.severity == "error" for d in report.diagnostics
        ), row.key


def test_a_garbage_run_is_given_up_within_its_steps() -> None:
    """One run: out of steps is "too many splits", said so, never a split taken."""
    from disclosure_parser.parsing.split import Budget, splits

    budget = Budget(500)
    rng = random.Random(1)
    run = "".join(rng.choice("9") for _ in range(36))
    assert splits(run, 7, [(6, (0, 1, 2, 3, 4, 5))], budget=budget) is None
    assert budget.used <= 501
    report = dp.parse(_flat_garbage(36, "9"))
    notes = [d for d in report.diagnostics if d.code == "ambiguous_split"]
    assert notes
    assert any("too many to try" in d.message or "more than 1000" in d.message for d in notes)


# ---- 14: Report.from_dict reads only a report's data -------------------------------------------


def _seed_data() -> dict[str, Any]:
    report = dp.parse_file(HERE.parent / "examples" / "reports" / "003.txt")
    data: dict[str, Any] = json.loads(json.dumps(report.to_dict()))
    return data


def _put(data: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """*data* with *value* at *path* (dotted keys, list indexes as numbers)."""
    data = copy.deepcopy(data)
    keys: list[str | int] = [int(k) if k.isdigit() else k for k in path.split(".")]
    place: Any = data
    for key in keys[:-1]:
        place = place[key]
    place[keys[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        ("applications.rows.0.cells.0.value", "NaN", "applications.rows[0].cells[0].value"),
        ("applications.rows.0.cells.0.value", [1], "applications.rows[0].cells[0].value"),
        ("applications.rows.0.cells.0.value", True, "applications.rows[0].cells[0].value"),
        ("applications.rows.0.cells.0.value", 10**40, "applications.rows[0].cells[0].value"),
        ("applications.rows.0.cells.0.value", "7", "applications.rows[0].cells[0].value"),
        ("applications.rows.0.cells.0.value", None, "applications.rows[0].cells[0].value"),
        ("applications.rows.0.cells.0.state", "big", "applications.rows[0].cells[0].state"),
        ("applications.rows.0.cells.0.unit", "abc", "applications.rows[0].cells[0].unit"),
        ("applications.rows.0.cells.0.derived", "yes", "applications.rows[0].cells[0].derived"),
        ("applications.rows.0.cells", [], "applications.rows[0].cells"),
        ("applications.rows.0.key", "granted_twice", "applications.rows[0].key"),
        ("applications.rows.1.key", "new_received", "applications.rows[1].key"),
        ("applications.rows", {"x": 1}, "applications.rows"),
        ("applications", [], "applications"),
        ("active_disclosure.items.0.cells.0.value", "Infinity", "active_disclosure.items[0]"),
        ("active_disclosure.items.0.columns", ["a"], "active_disclosure.items[0].cells"),
        ("active_disclosure.items.0.key", "laws", "active_disclosure.items[0].key"),
        ("reviews.groups.0.cells.4", {"state": "number"}, "reviews.groups[0].cells[4].value"),
        ("reviews.groups.0.key", "appeal", "reviews.groups[0].key"),
        ("sections.0.number", 9, "sections[0].number"),
        ("sections.0.span", None, "sections[0].span"),
        ("diagnostics", [{"code": "x", "severity": "fatal", "message": ""}], "diagnostics[0]"),
        ("year", "2020", "year"),
        ("year", 20200, "year"),
        ("template", "2020", "template"),
    ],
)
def test_from_dict_refuses_what_no_report_holds(path: str, value: object, where: str) -> None:
    """It accepted "NaN", lists and unknown row keys (which crashed validate and render later)
    and raised KeyError, TypeError or InvalidOperation elsewhere: now a ParseError names where."""
    with pytest.raises(dp.ParseError) as info:
        dp.Report.from_dict(_put(_seed_data(), path, value))
    assert isinstance(info.value, ValueError)
    assert info.value.code == "invalid_report_data"
    assert info.value.path.startswith(where)  # type: ignore[attr-defined]
    assert str(info.value).startswith(info.value.path)  # type: ignore[attr-defined]


def test_from_dict_refuses_what_is_not_a_mapping() -> None:
    for data in (None, [], "report", 5):
        with pytest.raises(dp.ParseError):
            dp.Report.from_dict(data)  # type: ignore[arg-type]


def _usable(report: dp.Report) -> None:
    """What every Report must allow: validation, every layout, a to_dict round trip, and a
    parse of its text that moves no number silently."""
    dp.validate(report)
    assert dp.Report.from_dict(json.loads(json.dumps(report.to_dict()))) == report
    for layout in dp.LAYOUTS:
        dp.render(report, layout, noise=dp.NOISES)
        try:
            again = dp.parse(dp.render(report, layout))
        except dp.ParseError:
            continue
        assert silently_wrong(report, again) == [], layout


@settings(max_examples=150)
@given(report=reports(), seed=st.integers(0, 2**32 - 1), times=st.integers(1, 3))
def test_damaged_data_is_refused_or_makes_a_working_report(
    report: dp.Report, seed: int, times: int
) -> None:
    data = damage_data(json.loads(json.dumps(report.to_dict())), random.Random(seed), times)
    try:
        built = dp.Report.from_dict(data)
    except dp.ParseError:
        return
    _usable(built)


@settings(max_examples=100)
@given(report=reports(), seed=st.integers(0, 2**32 - 1))
def test_odd_text_cells_render_as_what_they_are(report: dp.Report, seed: int) -> None:
    """A text or na cell whose text reads as a number ("5"), or holds a tab or a pipe, was
    printed as it stood and read back as another number, or cut its row in two."""
    data = damage_cell(json.loads(json.dumps(report.to_dict())), random.Random(seed))
    _usable(dp.Report.from_dict(data))


# ---- render → parse: what a generated or damaged report prints reads back to its numbers ------


def test_text_and_na_cells_print_what_reads_back_as_text_and_na() -> None:
    """A text cell printed "5" read back as the number 5, an na mark printed "12" as 12."""
    data = _put(_seed_data(), "applications.rows.0.cells.1", {"state": "text", "raw": "5"})
    data = _put(data, "applications.rows.1.cells.1", {"state": "na", "raw": "12"})
    data = _put(data, "reviews.groups.0.cells.0", {"state": "text", "raw": "3\t4"})
    report = dp.Report.from_dict(data)
    for layout in dp.LAYOUTS:
        again = dp.parse(dp.render(report, layout))
        states = [again.applications.cell(k, 1).state for k in ("new_received", "carried_over")]  # type: ignore[union-attr]
        if layout != "flattened":  # (glued runs with text in them are withheld)
            assert states == ["text", "na"], layout
        assert silently_wrong(report, again) == [], layout


def test_flattened_row_ending_in_text_is_withheld_not_read_as_blanks() -> None:
    """ "…事项5 3 0无": no run closes the row, which was read as all cells printed blank (5 and
    3 lost without a word)."""
    text = (
        "某镇人民政府2021年政府信息公开工作年度报告\n"
        "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加"
        "第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
        "一、本年新收政府信息公开申请数量5 3 0 0 0 0 8无二、上年结转政府信息公开申请数量0000000\n"
    )
    report = dp.parse(text)
    row = report.applications.row("new_received")
    assert row is not None
    assert {c.state for c in row.cells} == {"missing"}
    assert any(d.code == "ambiguous_split" and d.line == 2 for d in report.diagnostics)


def test_flattened_run_before_a_bold_label_keeps_its_numbers() -> None:
    """The ** that opens the next label's bold closed the run: the row read as blanks."""
    text = (
        "某镇人民政府2021年政府信息公开工作年度报告\n"
        "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加"
        "第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
        "一、本年新收政府信息公开申请数量5 3 0 0 0 0 8****"
        "二、上年结转政府信息公开申请数量**0000000\n"
    )
    report = dp.parse(text)
    assert [c.value for c in report.applications.row("new_received").cells] == [5, 3, 0, 0, 0, 0, 8]  # type: ignore[union-attr]


def test_text_after_numbers_is_a_cell_of_the_row_one_cell_a_line() -> None:
    """One cell per line: text after a row's numbers started a new row, so the row lost its
    last cells (and read them from the next row's place)."""
    cells = ["一、本年新收政府信息公开申请数量", "", "1", "0", "0", "0", "0", "见附件"]
    text = _TITLE + _B_HEAD + "".join(f"\t{c}\n" for c in cells) + "\n"
    report = dp.parse(text)
    row = report.applications.row("new_received")
    assert row is not None
    assert [c.state for c in row.cells] == ["blank", *["number"] * 5, "text"]
    assert row.cells[-1].raw == "见附件"


def test_text_first_value_of_a_table_a_row_is_a_cell_not_the_label() -> None:
    """ "行政事业性收费 | 见附件 | 0": the lexer took 见附件 for the end of the label, and the 0 of
    本年增/减 went to 上一年项目数量."""
    text = (
        "某县人民政府2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "第二十条第（八）项\n信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t见附件\t0\n"
    )
    item = dp.parse(text).active_disclosure.item("fees")
    assert item is not None
    assert [(c.state, c.value) for c in item.cells] == [("text", None), ("number", 0)]


def test_table_c_total_printed_first_is_read_by_the_header() -> None:
    """A group's 总计 printed before its outcomes: the sums follow the header, and the split of
    glued digits, which reads a total after its parts, leaves such a sum to the solver."""
    from disclosure_parser.parsing.tables import _c_equations, _row_sums

    order = (("total", "upheld", "corrected", "other", "pending"),) * 3
    assert _row_sums(_c_equations(order)) == {}
    report = dp.parse_file(HERE.parent / "examples" / "reports" / "003.txt")
    groups = tuple(attrs.evolve(g, cells=(g.cells[4], *g.cells[:4])) for g in report.reviews)
    printed = attrs.evolve(report, reviews=attrs.evolve(report.reviews, groups=groups))
    text = re.sub(
        r"结果维持(\s*)结果纠正(\s*)其他结果(\s*)尚未审结(\s*)总计",
        r"总计\1结果维持\2结果纠正\3其他结果\4尚未审结",
        dp.render(printed, "tab"),
    )
    again = dp.parse(text)
    assert [[c.value for c in g.cells] for g in again.reviews] == [
        [c.value for c in g.cells] for g in report.reviews
    ]
    # said on the header and on the row whose numbers it moved
    assert [d.code for d in again.diagnostics if d.code == "column_order"] == ["column_order"] * 2
