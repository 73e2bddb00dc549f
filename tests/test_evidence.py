"""Evidence beyond the table: ambiguous cells carry their readings, and the narrative (and, with
``dp.resolve``, the same body's other years) settles them when it singles one out."""

from __future__ import annotations

import json
import random
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import cost
import disclosure_parser as dp
from disclosure_parser import strategies as S
from disclosure_parser.parsing.narrative import scan_items

TITLE = "某县人民政府{year}年政府信息公开工作年度报告\n"
#: a flattened report of the 2021 template: table A (its 行政规范性文件 row glued) and table B
FLAT = (
    "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
    "规章000行政规范性文件{digits}第二十条第（五）项信息内容本年处理决定数量行政许可3"
    "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项"
    "加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构"
    "其他一、本年新收政府信息公开申请数量801000081\n"
)


def flat_report(digits: str, narrative: str = "", year: int = 2021) -> str:
    """Report text whose 行政规范性文件 row prints *digits*, after *narrative* in section 一."""
    text = TITLE.format(year=year)
    if narrative:
        text += f"一、总体情况\n{narrative}\n"
    return text + FLAT.format(digits=digits)


def docs(report: dp.Report) -> list[tuple[str, object, bool]]:
    item = report.active_disclosure.item("normative_documents")
    assert item is not None
    return [(c.state, c.value, c.derived) for c in item.cells]


def codes(report: dp.Report) -> list[str]:
    return [d.code for d in report.diagnostics]


def _last_year(this: dp.Report, stock: int) -> dp.Report:
    """*this* report a year earlier, its 行政规范性文件 printed 1|0|*stock*, nothing withheld."""
    cells = tuple(dp.Cell("number", v, raw=str(v)) for v in (1, 0, stock))
    return attrs.evolve(
        this,
        year=(this.year or 2022) - 1,
        diagnostics=(),
        active_disclosure=attrs.evolve(
            this.active_disclosure,
            items=tuple(
                attrs.evolve(it, cells=cells) if it.key == "normative_documents" else it
                for it in this.active_disclosure.items
            ),
        ),
    )


# --- 1. the readings of an ambiguous cell, as data ----------------------------------------------


def test_an_ambiguous_split_carries_its_readings_as_data() -> None:
    """The diagnostic of a withheld row lists every reading, each the row's cells with the raw
    text and the position each would have."""
    text = flat_report("2120")
    report = dp.parse(text)
    (note,) = [d for d in report.diagnostics if d.code == "ambiguous_split"]
    assert [str(r) for r in note.candidates] == ["2|1|20", "2|12|0", "21|2|0"]
    assert [r.values for r in note.candidates] == [(2, 1, 20), (2, 12, 0), (21, 2, 0)]
    assert {(r.table, r.row) for r in note.candidates} == {("A", "normative_documents")}
    line = text.split("\n")[note.line - 1]  # type: ignore[operator]
    for reading in note.candidates:
        for cell in reading.cells:
            assert cell.line == note.line
            assert line[cell.column - 1 :].startswith(cell.raw)  # type: ignore[operator]
    assert docs(report) == [("missing", None, False)] * 3


def test_candidates_round_trip_through_json() -> None:
    """to_dict/from_dict keep the readings; other diagnostics keep their old form."""
    report = dp.parse(flat_report("2120"))
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert dp.Report.from_dict(data) == report
    by_code = {d["code"]: d for d in data["diagnostics"]}
    assert len(by_code["ambiguous_split"]["candidates"]) == 3
    assert "candidates" not in by_code["split_by_sums"]
    note = dp.Diagnostic("x", "info", "m", candidates=report.diagnostics[0].candidates)
    assert dp.Diagnostic.from_dict(note.to_dict()) == note


def test_table_b_and_c_ambiguity_carries_readings_too() -> None:
    """An ambiguous row of table B (cells lost, several places they could have stood) lists its
    readings, cells unknown to a reading being missing."""
    text = (
        "某县人民政府2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
        "一、本年新收政府信息公开申请数量\t\t5\t1\t\t\n"
    )
    report = dp.parse(text)
    notes = [d for d in report.diagnostics if d.candidates]
    assert notes, codes(report)
    for note in notes:
        assert all(r.table == "B" and r.row == "new_received" for r in note.candidates)
        assert all(len(r.cells) == 7 for r in note.candidates)


# --- 2. the narrative's numbers for table A -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本年度制发行政规范性文件77件，废止13件，现行有效470件。",
            [
                ("normative_documents.issued", 77),
                ("normative_documents.repealed", 13),
                ("normative_documents.in_force", 470),
            ],
        ),
        ("现行有效的行政规范性文件共470件。", [("normative_documents.in_force", 470)]),
        (
            "全年共制发规章 2 件，废止 0 件。",
            [("regulations.issued", 2), ("regulations.repealed", 0)],
        ),
        ("制定并印发规范性文件3件。", [("normative_documents.issued", 3)]),
        ("本年度，我局制发行政规范性文件２件。", [("normative_documents.issued", 2)]),
        # both items named before the clause: which one 废止 counts is not said
        ("出台规章2件、规范性文件5件，废止3件。", [("regulations.issued", 2)]),
        # a part, a total over years, a clean-up, other bodies, other years, comparisons
        ("2021年共制发规范性文件5件，其中废止2件。", [("normative_documents.issued", 5)]),
        ("累计制发规范性文件120件。", []),
        ("全年清理行政规范性文件393件，动态更新本年度制发的行政规范性文件目录。", []),
        ("各部门制发规范性文件20件。", []),
        ("2020年制发规范性文件3件。", []),
        ("制发规范性文件较上年增加5件。", []),
        ("制发规范性文件30余件。", []),
        # counts of other things: information items, documents in general, 规章制度
        ("主动公开政策、规范性文件类信息68条。", []),
        ("印发各类文件120件。", []),
        ("制定规章制度5件。", []),
        ("制发规章和规范性文件共7件。", []),
    ],
)
def test_table_a_statements(text: str, expected: list[tuple[str, int]]) -> None:
    """Issued, repealed and in-force counts are read where nothing else may be meant."""
    assert [(s.quantity, s.value) for s in scan_items(text, 2021)] == expected


def test_the_scanner_moved_to_parsing_keeps_validation_names() -> None:
    """validation.narrative is the same scanner, now living where the parser can use it."""
    from disclosure_parser.parsing import narrative
    from disclosure_parser.validation import narrative as old

    assert old.scan is narrative.scan
    assert old.statements is narrative.statements
    assert old.Statement is narrative.Statement


# --- 3. within one report: the narrative settles a reading it alone confirms ----------------------


def test_the_narrative_settles_the_reading_it_confirms() -> None:
    """Stated numbers that only one reading gives settle the row: its cells are derived, and a
    warning names the reading, quotes the sentence and says where it stands."""
    sentence = "本年度制发行政规范性文件77件，废止13件，现行有效470件。"
    text = flat_report("7713470", sentence)
    report = dp.parse(text)
    assert docs(report) == [("number", 77, True), ("number", 13, True), ("number", 470, True)]
    assert "ambiguous_split" not in codes(report)
    (note,) = [d for d in report.diagnostics if d.code == "settled_by_narrative"]
    assert note.severity == "warning"
    assert "read as 77|13|470" in note.message
    assert f"{sentence!r} (line 3, column 1)" in note.message
    assert "'废止13件', line 3, column 17" in note.message
    assert text.split("\n")[2][16:].startswith("废止13件")
    assert len(note.candidates) == 15  # the readings weighed stay with it
    line = text.split("\n")[note.line - 1]  # type: ignore[operator]
    assert line[note.column - 1 :].startswith("7713470")  # type: ignore[operator]
    # a settled cell keeps the digits it was cut from, and where they stand
    item = report.active_disclosure.item("normative_documents")
    assert item is not None
    assert [(c.raw, line[c.column - 1 :][: len(c.raw)]) for c in item.cells] == [  # type: ignore[operator]
        ("77", "77"),
        ("13", "13"),
        ("470", "470"),
    ]
    # what it settled, validation checks like any other number
    assert dp.Report.from_dict(report.to_dict()) == report


def test_one_stated_number_is_enough_when_no_other_reading_has_it() -> None:
    """制发 6 is only in 6|0|51 of the readings of 6051 (the other being 60|5|1)."""
    report = dp.parse(flat_report("6051", "本年度，我局制发行政规范性文件6件。"))
    assert docs(report) == [("number", 6, True), ("number", 0, True), ("number", 51, True)]
    assert "settled_by_narrative" in codes(report)


def test_a_number_several_readings_share_fills_only_what_they_agree_on() -> None:
    """制发 2 is in 2|1|20 and 2|12|0: they agree on 制发 alone, which is read (derived), with a
    narrowed_by_narrative warning beside the row's error; 废止 and 现行有效 stay withheld."""
    report = dp.parse(flat_report("2120", "本年度制发规范性文件2件。"))
    assert docs(report) == [("number", 2, True), ("missing", None, False), ("missing", None, False)]
    assert "ambiguous_split" in codes(report)
    assert "settled_by_narrative" not in codes(report)
    assert "conflicting_evidence" not in codes(report)
    (note,) = [d for d in report.diagnostics if d.code == "narrowed_by_narrative"]
    error = next(d for d in report.diagnostics if d.code == "ambiguous_split")
    assert (note.severity, note.line) == ("warning", error.line)
    assert "of its 3 readings, the 2 that agree with" in note.message
    assert "(2|1|20, 2|12|0)" in note.message
    assert "all read 本年制发件数=2" in note.message
    # the error still lists every reading: evidence weighed later meets the narrative again
    assert [str(r) for r in error.candidates] == ["2|1|20", "2|12|0", "21|2|0"]


def test_a_narrowed_row_the_other_years_disagree_with_is_withheld_again() -> None:
    """制发 2 narrows 2120 to 2|1|20 and 2|12|0 (制发 read); last year's 现行有效 100 fits no
    reading at all (100 + 2 − 1 is not 20, nor 100 + 2 − 12 0): the evidence disagrees, so
    制发 is withheld again, its narrowed_by_narrative warning gone, a conflict named."""
    this = dp.parse(flat_report("2120", "本年度制发规范性文件2件。", year=2022))
    assert docs(this)[0] == ("number", 2, True)
    _, after = dp.resolve([_last_year(this, 100), this])
    assert [s for s, _, _ in docs(after)] == ["missing"] * 3
    assert "narrowed_by_narrative" not in codes(after)
    assert "conflicting_evidence" in codes(after)
    assert "ambiguous_split" in codes(after)


def test_the_narrative_narrowing_table_c_reads_the_total_all_remaining_readings_share() -> None:
    """pdftotext -raw of table C printing "5 2 7 8 1 9" (a blank printing nothing) is two
    groups and a blank one; 行政诉讼9件 rules out both suits printed (7 + 9 is not 9), and all
    the readings left read 行政复议's 总计 as 7: read, derived, the rest withheld."""
    header = (
        "行政复议 行政诉讼/结/果/维/持/结果/纠正/其他/结果/尚未/审结/总计/"
        + "未经复议直接起诉 复议后起诉/"
        + "结果/维持/结果/纠正/其他/结果/尚未/审结/总计/" * 2
    )
    text = (
        "某县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n"
        "全年政府信息公开行政复议7件，行政诉讼9件。\n四、政府信息公开行政复议、行政诉讼情况\n"
        + header.replace("/", "\n")
        + "5 2 7 8 1 9\n\f五、存在的主要问题及改进情况\n无。\n"
    )
    report = dp.parse(text)
    cells = [(c.state, c.value, c.derived) for g in report.reviews.groups for c in g.cells]
    assert cells[4] == ("number", 7, True)
    assert {state for i, (state, _, _) in enumerate(cells) if i != 4} == {"missing"}
    (note,) = [d for d in report.diagnostics if d.code == "narrowed_by_narrative"]
    assert "of its 108 readings, the 72 that agree with" in note.message
    assert "all read 行政复议 总计=7" in note.message
    error = next(d for d in report.diagnostics if d.code == "ambiguous_row")
    assert (note.line, len(error.candidates)) == (error.line, 108)


def test_statements_that_disagree_leave_the_row_withheld_naming_both() -> None:
    """制发 77 (77|13|2470 …) and 现行有效 470 (77|132|470 …) agree on 77|132|470 only if 废止
    is 132; stated 13, no reading fits all three: nothing is settled, and each is named."""
    report = dp.parse(
        flat_report("77132470", "本年度制发行政规范性文件77件，废止13件，现行有效470件。")
    )
    assert [s for s, _, _ in docs(report)] == ["missing"] * 3
    assert "ambiguous_split" in codes(report)
    (note,) = [d for d in report.diagnostics if d.code == "conflicting_evidence"]
    assert note.severity == "warning"
    assert "stay withheld" in note.message
    assert "本年制发件数 77" in note.message
    assert "agrees with 77|1|32470" in note.message
    assert "本年废止件数 13" in note.message
    assert "agrees with 77|13|2470" in note.message
    assert "现行有效件数 470" in note.message


def test_a_stated_number_no_reading_gives_is_named() -> None:
    """The narrative states a number the digits cannot hold: the cell stays withheld and the
    contradiction is said."""
    report = dp.parse(flat_report("2120", "本年度制发规范性文件5件。"))
    assert [s for s, _, _ in docs(report)] == ["missing"] * 3
    (note,) = [d for d in report.diagnostics if d.code == "conflicting_evidence"]
    assert "本年制发件数 5" in note.message
    assert "agrees with none of them" in note.message


def test_plausibility_never_decides_and_vetoes_an_implausible_choice() -> None:
    """Of 6051's readings only 6|0|51 keeps 现行有效 ≥ 制发 − 废止, yet without evidence it stays
    withheld; evidence for the implausible 60|5|1 is refused, naming the bound."""
    alone = dp.parse(flat_report("6051"))
    assert [s for s, _, _ in docs(alone)] == ["missing"] * 3
    vetoed = dp.parse(flat_report("6051", "本年度制发行政规范性文件60件。"))
    assert [s for s, _, _ in docs(vetoed)] == ["missing"] * 3
    (note,) = [d for d in vetoed.diagnostics if d.code == "conflicting_evidence"]
    assert "60|5|1" in note.message
    assert "implausible" in note.message
    assert "现行有效件数 1 is less than 本年制发件数 60 − 本年废止件数 5" in note.message


B_ROW = (
    "某县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年度共收到政府信息公开申请{n}件。\n"
    "三、收到和处理政府信息公开申请情况\n\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
    "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t3\n"
)


def test_table_b_totals_stated_in_words_are_evidence_too() -> None:
    """Six cells for seven columns: 3|0|0|0|0|3 lost its 总计 (6) or one of its zeros (总计 3,
    two ways). The narrative's 6 settles it; its 3 leaves two readings, which agree on the 总计
    alone (read, the zeros withheld); its 7 fits none."""
    six = dp.parse(B_ROW.format(n=6))
    row = six.applications.row("new_received")
    assert row is not None
    assert [c.value for c in row.cells] == [3, 0, 0, 0, 0, 3, 6]
    assert "settled_by_narrative" in codes(six)
    assert "ambiguous_row" not in codes(six)
    three = dp.parse(B_ROW.format(n=3))
    row = three.applications.row("new_received")
    assert row is not None
    assert [(c.value, c.derived) for c in row.cells][-1] == (3, True)
    assert "ambiguous_row" in codes(three)
    assert "narrowed_by_narrative" in codes(three)
    assert "conflicting_evidence" not in codes(three)
    seven = dp.parse(B_ROW.format(n=7))
    assert seven.applications.get("new_received", "total") is None
    assert "conflicting_evidence" in codes(seven)


# --- properties: generated flattened reports whose narrative states their numbers ---------------

_VERBS = {0: "制发", 1: "废止", 2: "现行有效"}


def _stating(stated: dict[int, int]) -> str:
    """A sentence stating the 行政规范性文件 row's columns *stated* (column index: value)."""
    clauses = [
        f"{_VERBS[i]}{'行政规范性文件' if n == 0 else ''}{v}件"
        for n, (i, v) in enumerate(sorted(stated.items()))
    ]
    return "本年度" + "，".join(clauses) + "。"


def _with_docs(report: dp.Report, values: tuple[int, int, int], sentence: str) -> dp.Report:
    """*report* (2021 template) with its 行政规范性文件 row set to *values* and *sentence* as the
    narrative of section 一."""
    cells = tuple(dp.Cell("number", v, raw=str(v)) for v in values)
    items = tuple(
        attrs.evolve(it, cells=cells) if it.key == "normative_documents" else it
        for it in report.active_disclosure.items
    )
    sections = tuple(
        attrs.evolve(s, text=sentence) if s.number == 1 else s for s in report.sections
    )
    return attrs.evolve(
        report,
        active_disclosure=attrs.evolve(report.active_disclosure, items=items),
        sections=sections,
    )


_DOCS = st.tuples(st.integers(1, 999), st.integers(0, 99), st.integers(0, 9999))


@settings(max_examples=100)
@given(
    S.reports(template="2021"),
    _DOCS,
    st.sets(st.sampled_from([0, 1, 2]), min_size=1),
)
def test_a_settled_cell_always_equals_the_rendered_value(
    report: dp.Report, values: tuple[int, int, int], columns: set[int]
) -> None:
    """Whatever the narrative states (some columns, all of them), every cell read or settled
    is the number printed, and a row whose every number is stated is never left open (unless
    the numbers themselves break the bound 现行有效 ≥ 制发 − 废止)."""
    sentence = _stating({i: values[i] for i in columns})
    text = dp.render(_with_docs(report, values, sentence), "flattened")
    parsed = dp.parse(text)
    item = parsed.active_disclosure.item("normative_documents")
    assert item is not None
    for want, cell in zip(values, item.cells, strict=True):
        assert cell.state in ("number", "missing")
        if cell.state == "number":
            assert cell.value == want
    issued, repealed, stock = values
    if columns == {0, 1, 2} and stock >= issued - repealed:
        assert [c.value for c in item.cells] == list(values), sentence
    settled = [d for d in parsed.diagnostics if d.code == "settled_by_narrative"]
    assert all(sentence in d.message for d in settled)


@settings(max_examples=75)
@given(S.reports(template="2021"), _DOCS, st.data())
def test_evidence_made_to_disagree_never_settles_a_cell(
    report: dp.Report, values: tuple[int, int, int], data: st.DataObject
) -> None:
    """Two stated numbers taken from two different readings of the digits, such that no reading
    has both: the row stays withheld and the warning names both."""
    plain = dp.parse(dp.render(_with_docs(report, values, "无。"), "flattened"))
    notes = [
        d
        for d in plain.diagnostics
        if d.candidates and d.candidates[0].row == "normative_documents"
    ]
    assume(notes)
    readings = [r.values for r in notes[0].candidates]
    pairs = [
        ((i, a[i]), (j, b[j]))
        for a in readings
        for b in readings
        for i in range(3)
        for j in range(3)
        if i < j and not any(r[i] == a[i] and r[j] == b[j] for r in readings)
    ]
    assume(pairs)
    (i, first), (j, second) = data.draw(st.sampled_from(pairs))
    assert isinstance(first, int)
    assert isinstance(second, int)
    sentence = _stating({i: first, j: second})
    parsed = dp.parse(dp.render(_with_docs(report, values, sentence), "flattened"))
    item = parsed.active_disclosure.item("normative_documents")
    assert item is not None
    assert not any(c.derived for c in item.cells if c.state == "number"), sentence
    assert "settled_by_narrative" not in codes(parsed)
    (note,) = [d for d in parsed.diagnostics if d.code == "conflicting_evidence"]
    assert f"{_VERBS[i]}" in note.message or f" {first} " in note.message
    assert f"{first} (" in note.message
    assert f"{second} (" in note.message


# --- 5. a sentence never becomes a table row; of two copies, the one that fits wins -----------


#: a sentence that names the item and counts it (a real report's words)
CLEANED = "行政规范性文件393件，动态更新本年度制发的行政规范性文件目录"


@pytest.mark.parametrize(
    "before",
    [
        f"一、总体情况（一）主动公开。全年清理{CLEANED}",
        f"一、总体情况 1.主动公开 {CLEANED} 2.依申请公开 ",
        f"一、总体情况（一）主动公开{CLEANED}（二）依申请公开",
    ],
)
def test_a_sentence_naming_an_item_is_not_its_row(before: str) -> None:
    """In flattened text a sentence that names 行政规范性文件 and a count of them stays narrative:
    the table's own row is read (here: withheld as ambiguous), not dropped as a duplicate of
    the sentence."""
    text = TITLE.format(year=2021) + before + FLAT.format(digits="2120").replace("\n", "")
    report = dp.parse(text)
    item = report.active_disclosure.item("normative_documents")
    assert item is not None
    assert item.label == "行政规范性文件"
    assert "duplicate_row" not in codes(report)
    (note,) = [d for d in report.diagnostics if d.code == "ambiguous_split"]
    assert [str(r) for r in note.candidates] == ["2|1|20", "2|12|0", "21|2|0"]
    assert "393件" in (report.section(1) or report.sections[0]).text


def test_of_two_copies_of_an_item_the_one_whose_cells_fit_wins() -> None:
    """A first copy with cells too few for its columns gives way to a later one that fits; its
    error goes with it, and the warning says which copy was used."""
    text = (
        "某市人民政府2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
        "行政规范性文件\t1\t2\n行政规范性文件\t77\t13\t470\n"
    )
    report = dp.parse(text)
    assert report.active_disclosure.item("normative_documents").line == 7  # type: ignore[union-attr]
    assert report.active_disclosure.get("normative_documents", -1) == 470
    (note,) = [d for d in report.diagnostics if d.code == "duplicate_row"]
    assert note.line == 6
    assert "(line 7); that copy is kept" in note.message
    assert "ragged_row" not in codes(report)
    # two copies that both fit: the first is kept, as before
    both = dp.parse(text.replace("行政规范性文件\t1\t2\n", "行政规范性文件\t1\t2\t3\n"))
    assert both.active_disclosure.get("normative_documents", -1) == 3
    assert "the first one is kept" in next(
        d.message for d in both.diagnostics if d.code == "duplicate_row"
    )


# --- 4. across reports: dp.resolve and the same body's other years ------------------------------


def year_report(
    year: int, digits: str, narrative: str = "", org: str = "某县人民政府"
) -> dp.Report:
    """A flattened 2021-template report of *org* for *year* whose 行政规范性文件 row prints
    *digits* (spaces are cell boundaries)."""
    text = flat_report(digits, narrative, year).replace("某县人民政府", org, 1)
    return dp.parse(text)


def values(report: dp.Report, key: str = "normative_documents") -> list[object]:
    item = report.active_disclosure.item(key)
    assert item is not None
    return [c.value for c in item.cells]


def test_last_years_stock_settles_this_years_row() -> None:
    """45 in force at the end of 2021: of 6051's readings only 6|0|51 continues it."""
    before, after = dp.resolve([year_report(2021, "4 0 45"), year_report(2022, "6051")])
    assert values(after) == [6, 0, 51]
    assert docs(after) == [("number", 6, True), ("number", 0, True), ("number", 51, True)]
    (note,) = [d for d in after.diagnostics if d.code == "settled_by_other_year"]
    assert note.severity == "warning"
    assert "某县人民政府's 2021 report (reports[0])" in note.message
    assert "(year_stock)" in note.message
    assert "ambiguous_split" not in codes(after)
    assert before == year_report(2021, "4 0 45")  # nothing else changes


def test_next_years_row_settles_this_years_stock() -> None:
    """2022 prints 6|1|50: 2021 ended with 50 − 6 + 1 = 45 in force, which only 4|0|45 of
    4045's readings (4|0|45, 40|4|5) gives."""
    early, late = dp.resolve([year_report(2021, "4045"), year_report(2022, "6 1 50")])
    assert values(early) == [4, 0, 45]
    assert "50 − 本年制发件数 6 + 本年废止件数 1 = 45" in next(
        d.message for d in early.diagnostics if d.code == "settled_by_other_year"
    )
    assert values(late) == [6, 1, 50]


def test_a_settled_cell_serves_the_next_year_in_any_order() -> None:
    """2021 reads 4|0|45; 2022 (6051) is settled from it, and 2023 (3252: 3|2|52, 3|25|2,
    32|5|2) from 2022's settled stock, whatever the order the reports come in."""
    reports = [year_report(2023, "3252"), year_report(2021, "4 0 45"), year_report(2022, "6051")]
    third, first, second = dp.resolve(reports)
    assert values(first) == [4, 0, 45]
    assert values(second) == [6, 0, 51]
    assert values(third) == [3, 2, 52]
    note = next(d for d in third.diagnostics if d.code == "settled_by_other_year")
    assert "2022 report (reports[2])" in note.message


def test_pairs_in_pairs_out_with_their_sources_named() -> None:
    """(source, report) pairs come back as pairs; the message names the other's source."""
    out = dp.resolve(
        [("a/2021.txt", year_report(2021, "4 0 45")), ("b.txt", year_report(2022, "6051"))]
    )
    assert [source for source, _ in out] == ["a/2021.txt", "b.txt"]
    note = next(d for d in out[1][1].diagnostics if d.code == "settled_by_other_year")
    assert "2021 report (a/2021.txt)" in note.message


def test_only_the_same_body_in_consecutive_years_is_evidence() -> None:
    """Another body, or a year between, gives nothing; a title's page label is no part of the
    body's name."""
    other = dp.resolve([year_report(2021, "4 0 45", org="某市人民政府"), year_report(2022, "6051")])
    assert values(other[1]) == [None] * 3
    gap = dp.resolve([year_report(2020, "4 0 45"), year_report(2022, "6051")])
    assert values(gap[1]) == [None] * 3
    labelled = year_report(2021, "4 0 45", org="标题:某县人民政府")
    assert labelled.organization is not None
    assert values(dp.resolve([labelled, year_report(2022, "6051")])[1]) == [6, 0, 51]


def test_resolving_twice_changes_nothing_more() -> None:
    once = dp.resolve([year_report(2021, "4 0 45"), year_report(2022, "6051")])
    assert dp.resolve(once) == once
    assert dp.resolve([]) == []


def test_two_other_years_that_disagree_settle_nothing() -> None:
    """2021's stock (10) points to 2|12|0, 2023's row (4|4|20: 20 in force before) to 2|1|20:
    2120 stays withheld, and the warning names both reports."""
    reports = [year_report(2021, "1 0 10"), year_report(2022, "2120"), year_report(2023, "4 4 20")]
    _, middle, _ = dp.resolve(reports)
    assert values(middle) == [None] * 3
    assert "ambiguous_split" in codes(middle)
    (note,) = [d for d in middle.diagnostics if d.code == "conflicting_evidence"]
    assert "2021 report (reports[0])" in note.message
    assert "agrees with 2|12|0" in note.message
    assert "2023 report (reports[2])" in note.message
    assert "agrees with 2|1|20" in note.message


def test_another_year_that_disagrees_with_the_narrative_unsettles_the_row() -> None:
    """The narrative's 废止 1 settled 2120 as 2|1|20; 2021's stock of 10 calls for 2|12|0. The
    row is withheld again, with an error naming both."""
    alone = year_report(2022, "2120", "本年度废止行政规范性文件1件。")
    assert values(alone) == [2, 1, 20]
    _, after = dp.resolve([year_report(2021, "1 0 10"), alone])
    assert values(after) == [None, None, None]
    (note,) = [d for d in after.diagnostics if d.code == "conflicting_evidence"]
    assert note.severity == "error"
    assert "was read as 2|1|20" in note.message
    assert "本年废止件数 1" in note.message
    assert "2021 report (reports[0])" in note.message
    assert "settled_by_narrative" not in codes(after)


def test_the_count_of_items_carries_over_on_the_2019_template() -> None:
    """2019 template: this year's 上一年项目数量 is last year's plus its 本年增/减."""
    head = (
        "{year}年政府信息公开工作年度报告\n二、主动公开政府信息情况第二十条第（一）项信息内容"
        "本年新制作数量本年新公开数量对外公开总数量规章000规范性文件222第二十条第（五）项"
        "信息内容上一年项目数量本年增/减处理决定数量行政许可{digits}其他对外管理服务事项000\n"
    )
    before = dp.parse("某县人民政府" + head.format(year=2019, digits="40 11 9"))
    after = dp.parse("某县人民政府" + head.format(year=2020, digits="51037"))
    assert values(after, "licensing") == [None] * 3  # 5|10|37, 5|103|7, 51|0|37, 510|3|7
    _, settled = dp.resolve([before, after])
    assert values(settled, "licensing") == [51, 0, 37]
    assert "(year_items)" in next(
        d.message for d in settled.diagnostics if d.code == "settled_by_other_year"
    )


def test_what_was_carried_forward_is_carried_over() -> None:
    """Table B: 2022's 上年结转 row lost a cell (three readings); 2021's 结转下年度 settles it."""
    b = (
        "某县人民政府{year}年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n{row}\n"
    )
    before = dp.parse(b.format(year=2021, row="四、结转下年度继续办理\t\t3\t0\t0\t0\t0\t0\t3"))
    after = dp.parse(
        b.format(year=2022, row="二、上年结转政府信息公开申请数量\t\t3\t0\t0\t0\t0\t3")
    )
    assert after.applications.get("carried_over", "total") is None
    _, settled = dp.resolve([before, after])
    row = settled.applications.row("carried_over")
    assert row is not None
    assert [c.value for c in row.cells] == [3, 0, 0, 0, 0, 0, 3]
    assert "(year_carry)" in next(
        d.message for d in settled.diagnostics if d.code == "settled_by_other_year"
    )


# --- properties: generated series of consecutive years ------------------------------------------


@settings(max_examples=50)
@given(
    S.reports(template="2021"),
    st.integers(0, 999),
    st.lists(st.tuples(st.integers(0, 120), st.integers(0, 60)), min_size=2, max_size=4),
    st.randoms(use_true_random=False),
)
def test_a_cell_settled_from_other_years_always_equals_the_rendered_value(
    base: dp.Report, stock: int, moves: list[tuple[int, int]], rng: random.Random
) -> None:
    """A body's consecutive reports whose stock of documents moves by what was issued and
    repealed, printed flattened and given in any order: every cell resolve gives is the number
    printed, and every settled one names its relation."""
    truth = []
    texts = []
    for k, (issued, repealed) in enumerate(moves):
        stock = stock + issued - repealed
        assume(stock >= 0)
        truth.append((issued, repealed, stock))
        year = attrs.evolve(_with_docs(base, truth[-1], "无。"), year=2021 + k)
        texts.append(dp.render(attrs.evolve(year, organization="某县人民政府"), "flattened"))
    order = list(range(len(texts)))
    rng.shuffle(order)
    resolved = dp.resolve([(k, dp.parse(texts[k])) for k in order])
    for k, report in resolved:
        item = report.active_disclosure.item("normative_documents")
        assert item is not None
        for want, cell in zip(truth[k], item.cells, strict=True):
            assert cell.value in (None, want), (k, truth, [c.value for c in item.cells])
        for note in report.diagnostics:
            if note.code == "settled_by_other_year":
                assert "(year_stock)" in note.message


@settings(max_examples=50)
@given(S.reports(template="2021"), _DOCS, st.data())
def test_other_years_made_to_disagree_never_settle_a_cell(
    base: dp.Report, truth: tuple[int, int, int], data: st.DataObject
) -> None:
    """Last year's stock chosen to fit a wrong reading, and a narrative number that rules that
    reading out, with no reading agreeing with both: the row is not settled, and a
    conflicting_evidence diagnostic names the other year."""
    plain = dp.parse(dp.render(_with_docs(base, truth, "无。"), "flattened"))
    notes = [
        d
        for d in plain.diagnostics
        if d.candidates and d.candidates[0].row == "normative_documents"
    ]
    assume(notes)
    readings = [r.values for r in notes[0].candidates]
    choices = [
        (r, j)
        for r in readings
        for j in range(3)
        if r != truth
        and r[2] - r[0] + r[1] >= 0  # type: ignore[operator]
        and not any(
            s[j] == truth[j] and s[2] == (r[2] - r[0] + r[1]) + s[0] - s[1]  # type: ignore[operator]
            for s in readings
        )
    ]
    assume(choices)
    wrong, j = data.draw(st.sampled_from(choices))
    stock = wrong[2] - wrong[0] + wrong[1]  # type: ignore[operator]
    sentence = _stating({j: truth[j]})
    this = dp.parse(dp.render(_with_docs(base, truth, sentence), "flattened"))
    _, after = dp.resolve([_last_year(this, stock), this])
    item = after.active_disclosure.item("normative_documents")
    assert item is not None
    differ = [len({r[col] for r in readings}) > 1 for col in range(3)]
    for cell, varies in zip(item.cells, differ, strict=True):
        if varies:
            assert cell.state == "missing", (sentence, stock, [c.value for c in item.cells])
    assert not any(d.code.startswith("settled_by") for d in after.diagnostics)
    conflicts = [d.message for d in after.diagnostics if d.code == "conflicting_evidence"]
    assert any(f"现行有效件数 {stock}" in m for m in conflicts), conflicts


# --- linear time --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "narrative",
    [
        pytest.param("本年度制发行政规范性文件1件，" * 20_000, id="item-statements-one-sentence"),
        pytest.param("本年度制发行政规范性文件1件。\n" * 20_000, id="item-statements-lines"),
        pytest.param("制发规范性文件1件" * 20_000, id="item-statements-no-punctuation"),
        pytest.param("共收到政府信息公开申请1件，" * 20_000, id="totals-one-sentence"),
        pytest.param("信函申请1件，当面申请2件。" * 20_000, id="channels"),
        pytest.param("制发" + "共计" * 20_000 + "x件", id="filler-words"),
    ],
)
def test_a_narrative_of_many_statements_is_read_in_linear_time(narrative: str) -> None:
    """The parser reads the narrative of a report with an ambiguous row; each statement is
    judged from positions found once (one sentence of 20,000 statements took minutes): ten
    times the statements make less than twenty times the calls."""
    small = flat_report("2120", narrative[: len(narrative) // 10])
    text = flat_report("2120", narrative)
    assert cost.growth(dp.parse, small, text) < cost.LINEAR_LIMIT
    report = dp.parse(text)
    assert report.active_disclosure.item("normative_documents") is not None


def _flat_report(year: int, digits: str) -> str:
    return (
        f"某县人民政府{year}年政府信息公开工作年度报告\n"
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数"
        f"现行有效件数规章000行政规范性文件{digits}第二十条第（五）项信息内容"
        "本年处理决定数量行政许可3"
    )


@pytest.mark.parametrize("resolve", [True, False])
def test_read_reports_settles_cells_by_the_other_years(tmp_path: Path, resolve: bool) -> None:
    """read_reports() settles a cell by the same body's report of the year before (and says
    so in the findings' report); resolve=False leaves it withheld."""
    (tmp_path / "2021.txt").write_text(_flat_report(2021, "4 0 45"), encoding="utf-8")
    (tmp_path / "2022.txt").write_text(_flat_report(2022, "6051"), encoding="utf-8")
    results = dp.read_reports(tmp_path, jobs=1, resolve=resolve)
    later = results[1].report
    assert later is not None
    cells = later.active_disclosure.item("normative_documents").cells  # type: ignore[union-attr]
    codes = [d.code for d in later.diagnostics]
    if resolve:
        assert [(c.value, c.derived) for c in cells] == [(6, True), (0, True), (51, True)]
        assert "settled_by_other_year" in codes
    else:
        assert [c.state for c in cells] == ["missing"] * 3
        assert "ambiguous_split" in codes


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
@pytest.mark.parametrize("resolve", [True, False])
def test_batch_settles_cells_by_the_other_years(tmp_path: Path, suffix: str, resolve: bool) -> None:
    """batch rewrites the output of a report whose cells the year before settles, in place
    and in input order; --no-resolve (resolve=False) leaves them withheld."""
    from disclosure_parser.output.batch import run

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2021.txt").write_text(_flat_report(2021, "4 0 45"), encoding="utf-8")
    (folder / "2022.txt").write_text(_flat_report(2022, "6051"), encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    summary = run([str(folder)], str(out), jobs=1, resolve=resolve)
    assert (summary.files, summary.parsed, summary.failed) == (2, 2, 0)
    text = out.read_text(encoding="utf-8")
    if suffix == ".jsonl":
        lines = [json.loads(line) for line in text.splitlines()]
        assert [line["source"].rsplit("/", 1)[-1] for line in lines] == ["2021.txt", "2022.txt"]
        item = next(
            i
            for i in lines[1]["report"]["active_disclosure"]["items"]
            if i["key"] == "normative_documents"
        )
        values = [c.get("value") for c in item["cells"]]
        assert values == ([6, 0, 51] if resolve else [None, None, None])
    else:
        rows = [r for r in text.splitlines() if "2022.txt" in r and "normative_documents" in r]
        assert len(rows) == 3
        assert (
            all((",number,6," in r or ",number,0," in r or ",number,51," in r) for r in rows)
            == resolve
        )
