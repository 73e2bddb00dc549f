"""Flattened crawler text: glued digits split by the table's own arithmetic, never guessed."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import disclosure_parser as dp
from conftest import CORPUS, corpus_truth
from disclosure_parser import strategies as S
from disclosure_parser.parsing.flat import flat_rows, trailing_run
from disclosure_parser.parsing.split import splits
from truth import NUMERIC_FIELDS, field

ROW = [(6, (0, 1, 2, 3, 4, 5))]
GROUPS = [(4, (0, 1, 2, 3)), (9, (5, 6, 7, 8)), (14, (10, 11, 12, 13))]

#: hand-checked values a careful reader could only choose by guessing (corpus notes)
AMBIGUOUS = {
    ("009", "normative_docs_current"),  # 规范性文件898989: 89|89|89, 8|98|989, …
    ("011", "normative_docs_current"),  # 行政规范性文件693665
    ("014", "normative_docs_current"),  # 6051: 6|0|51 or 60|5|1
    ("020", "normative_docs_current"),  # 2120: 2|1|20, 2|12|0, 21|2|0
    ("038", "normative_docs_current"),  # 24432: 2|44|32 or 2|4|432 …
}


def _texts(found: list[list[object]] | None) -> list[list[str]]:
    assert found is not None
    return [[p.text for p in s] for s in found]  # type: ignore[attr-defined]


def test_leading_zeros_and_spaces_decide_a_split() -> None:
    """A number has no leading zero, and a printed space is a real boundary."""
    assert _texts(splits("0000000", 7)) == [["0"] * 7]
    assert _texts(splits("23 0 00 0 023", 7, ROW)) == [["23", "0", "0", "0", "0", "0", "23"]]
    assert _texts(splits("2600000 26", 7, ROW)) == [["26", "0", "0", "0", "0", "0", "26"]]


def test_the_row_sum_decides_a_split() -> None:
    """801000081 read as 80|1|0|0|0|0|81 is the only split whose 总计 is its sum."""
    assert _texts(splits("801000081", 7, ROW)) == [["80", "1", "0", "0", "0", "0", "81"]]
    assert _texts(splits("640020470", 7, ROW)) == [["64", "0", "0", "2", "0", "4", "70"]]


def test_table_c_group_totals_decide_a_split() -> None:
    """Fifteen glued numbers of table C are cut by its three group totals."""
    got = _texts(splits("10203120001200000", 15, GROUPS))
    assert got == [["1", "0", "2", "0", "3", "12", "0", "0", "0", "12", *["0"] * 5]]


def test_a_sign_and_a_unit_are_boundaries() -> None:
    """A sign starts a number; a unit closes the run's last number."""
    got = _texts(splits("4633-233 4400", 3))
    assert got == [["4633", "-233", "4400"]]
    assert all(s[-1].endswith("元") for s in _texts(splits("13575394432.52元", 2)))


def test_table_a_ambiguity_is_withheld_with_the_readings() -> None:
    """With no sum to decide, a 第二十条 row's split is withheld and the readings listed."""
    text = "某镇人民政府2021年政府信息公开工作年度报告\n" + (
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
        "规章000行政规范性文件2120第二十条第（五）项信息内容本年处理决定数量行政许可3"
        "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，"
        "等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织"
        "法律服务机构其他一、本年新收政府信息公开申请数量801000081\n"
    )
    report = dp.parse(text)
    assert [c.value for c in report.active_disclosure.item("regulations").cells] == [0, 0, 0]  # type: ignore[union-attr]
    docs = report.active_disclosure.item("normative_documents")
    assert docs is not None
    assert [c.state for c in docs.cells] == ["missing"] * 3
    (note,) = [d for d in report.diagnostics if d.code == "ambiguous_split"]
    assert "2|1|20; 2|12|0; 21|2|0" in note.message
    assert text.split("\n")[note.line - 1][note.column - 1 :].startswith("2120")  # type: ignore[operator]
    new = report.applications.row("new_received")
    assert new is not None
    assert [c.value for c in new.cells] == [80, 1, 0, 0, 0, 0, 81]
    assert all(c.derived for c in new.cells)
    (split,) = [d for d in report.diagnostics if d.code == "split_by_sums"]
    assert split.severity == "warning"


FLATTENED = ["009", "011", "014", "015", "020", "022", "027", "030", "034", "038"]


@pytest.mark.parametrize("report_id", FLATTENED)
def test_dev_files(report_id: str) -> None:
    """Every hand-checked value is right, or withheld (not wrong) where the digits are ambiguous."""
    truth = corpus_truth()[report_id]
    report = dp.parse_file(CORPUS / f"{report_id}.txt")
    assert report.year == truth["year"]
    assert report.template == truth["template"]
    for name in NUMERIC_FIELDS:
        got = field(report, name)
        if (report_id, name) in AMBIGUOUS:
            assert got is None, name
            assert any(d.code == "ambiguous_split" for d in report.diagnostics)
        else:
            assert got == truth[name], name


def test_dev_files_score() -> None:
    """At least 90% of the hand-checked values of the flattened files come out right."""
    truth = corpus_truth()
    right = total = 0
    for report_id in FLATTENED:
        report = dp.parse_file(CORPUS / f"{report_id}.txt")
        for name in NUMERIC_FIELDS:
            total += 1
            right += field(report, name) == truth[report_id][name]
    assert right / total >= 0.95


# --- property: generated reports printed flattened --------------------------------------------


def _cuts(piece: str, count: int) -> list[list[str]]:
    """Every way to cut a piece into numbers without leading zeros (independent of _split)."""
    found = []
    for bounds in itertools.combinations(range(1, len(piece)), count - 1):
        parts = [piece[a:b] for a, b in zip((0, *bounds), (*bounds, len(piece)), strict=True)]
        if all(re.fullmatch(r"-?(0|[1-9]\d*)", p) for p in parts):
            found.append(parts)
    return found


def _row_splits(run: str, width: int, sums: list[tuple[int, tuple[int, ...]]]) -> int:
    """How many splits of *run* into *width* numbers satisfy the row's own *sums*."""
    pieces = re.findall(r"-?[^\s-]+", re.sub(r"\s*(万元|元)$", "", run))
    count = 0
    for sizes in itertools.product(range(1, width + 1), repeat=len(pieces)):
        if sum(sizes) != width:
            continue
        for combo in itertools.product(*(_cuts(p, n) for p, n in zip(pieces, sizes, strict=True))):
            values = [int(x) for part in combo for x in part]
            if all(values[t] == sum(values[i] for i in ps) for t, ps in sums):
                count += 1
                if count > 1:
                    return count
    return count


@settings(max_examples=500)
@given(S.report_texts(layout="flattened", noise=set()))
def test_generated_flattened_reports_have_no_wrong_number(sample: S.Sample) -> None:
    """Every number read back equals the original; every one withheld was truly ambiguous."""
    parsed = dp.parse(sample.text)
    runs = {
        row.cells[0].text: row.cells[1].text
        for line_no, line in enumerate(sample.text.split("\n"), 1)
        if len(line) >= 80
        for row in flat_rows(line, line_no)
        if row.kind == "flat"
    }
    tables = [
        (sample.report.active_disclosure, parsed.active_disclosure, "items", None),
        (sample.report.applications, parsed.applications, "rows", ROW),
        (sample.report.reviews, parsed.reviews, "groups", None),
    ]
    for original, got, attr, sums in tables:
        read = {r.key: r for r in getattr(got, attr)}
        for row in getattr(original, attr):
            back = read.get(row.key)
            assert back is not None, row.key
            for want, have in zip(row.cells, back.cells, strict=True):
                if have.state == "number":
                    assert have.value == want.value, (row.key, want, have)
                else:
                    assert have.state == "missing", (row.key, want, have)
            if attr == "items" and any(c.state == "missing" for c in back.cells):
                run = next(v for k, v in runs.items() if dp.ITEMS[row.key][1] in k)
                if "." not in run:
                    assert _row_splits(run, len(row.cells), []) > 1, (row.key, run)
            if attr == "rows" and any(c.state == "missing" for c in back.cells) and sums:
                run = next(v for k, v in runs.items() if row.label[-6:] in k)
                assert _row_splits(run, 7, sums) > 1, (row.key, run)


# --- the closing run of numbers, read backwards -------------------------------------------

#: the forward pattern trailing_run() implements backwards (tried from every digit: quadratic)
_FORWARD_RUN = re.compile(r"[-+]?\d[\d.,+\-\s\u3000]*(?:万元|元)?[\s\u3000]*$")


@settings(max_examples=500)
@given(st.text(alphabet="0123456789１٣.,+-− \u3000\t\n万元规章x", max_size=40))
def test_trailing_run_is_the_forward_pattern(piece: str) -> None:
    """trailing_run() finds the same run as the forward search it replaces."""
    m = _FORWARD_RUN.search(piece)
    assert trailing_run(piece) == (None if m is None else (m.start(), m.group()))


def test_trailing_run_is_linear() -> None:
    """A long run of digits and spaces followed by text is read in one pass, not one per digit
    (fuzzing found 10,000 characters of it taking seconds)."""
    piece = "规章" + "1 " * 50_000 + "文字"
    assert trailing_run(piece) is None
    assert trailing_run(piece + "7") == (len(piece), "7")
    # nor one per way of sharing a long run of closing spaces (fuzzing: 20,000 took 11 s)
    spaces = "\u3000" * 50_000
    assert trailing_run("规章" + spaces) is None
    assert trailing_run("规章7" + spaces) == (2, "7" + spaces)


_FLAT_B = (
    "某镇人民政府2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况（本列数据的勾稽"
    "关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业"
    "科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量100000 1二、上年结转政府"
    "信息公开申请数量 00000 00三、本年度办理结果（一）予以公开 1000 001（七）总计{total}"
    "四、结转下年度继续办理0000 0 00"
)


@pytest.mark.parametrize(
    ("digits", "why"),
    [
        pytest.param("1 9999999999999999", "more than 1000 splits", id="too-many-splits"),
        pytest.param("000000000000", "no split into 7 numbers", id="no-split-fits"),
    ],
)
def test_digits_no_split_reads_are_withheld_not_derived(digits: str, why: str) -> None:
    """A glued run that no split reads, or too many do, gives no number, not numbers derived
    from the other rows' sums, and an error that says why (the row has sums that would
    otherwise fill it: 1, 0, 0, 0, 0, 0, 1)."""
    report = dp.parse(_FLAT_B.format(total=digits))
    row = report.applications.row("total")
    assert row is not None
    assert [c.state for c in row.cells] == ["missing"] * 7
    (note,) = [d for d in report.diagnostics if d.code == "ambiguous_split"]
    assert note.severity == "error"
    assert repr(digits) in note.message
    assert why in note.message
    assert "every cell withheld" in note.message
    new = report.applications.row("new_received")
    assert new is not None
    assert [c.value for c in new.cells] == [1, 0, 0, 0, 0, 0, 1]
