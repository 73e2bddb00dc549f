"""Numbers the narrative states in words for table B and C quantities (``_narrative``)."""

from __future__ import annotations

import json

import pytest

import disclosure_parser as dp
from conftest import CORPUS, seed_text
from disclosure_parser.validation.narrative import Statement, scan, statements


def found(text: str, year: int | None = 2020) -> list[tuple[str, int]]:
    return [(s.quantity, s.value) for s in scan(text, year)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本年新收政府信息公开申请12件。", [("new_received", 12)]),
        ("本年度新收到政府信息公开申请数量为12件。", [("new_received", 12)]),
        (
            "全年共收到政府信息公开申请34件，上年结转政府信息公开申请2件。",
            [("new_received", 34), ("carried_over", 2)],
        ),
        ("依申请公开方面，本年度全区共收到70件申请。", [("new_received", 70)]),
        ("全市共受理政府信息公开申请3119件。", [("new_received", 3119)]),
        ("截至2020年12月31日，我镇受理依申请公开政府信息情况5件。", [("new_received", 5)]),
        ("全年累计受理依申请公开政府信息0件。", [("new_received", 0)]),
        (
            "答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）。",
            [("carried_over", 34), ("carried_forward", 103)],
        ),
        ("结转下年度继续办理2件。", [("carried_forward", 2)]),
        ("办结69件，1件结转下年度继续办理。", [("carried_forward", 1)]),
        ("转下一年度办理答复的有1件。", [("carried_forward", 1)]),
        ("政府信息公开行政复议351件，其中结果维持72件。", [("review", 351)]),
        ("因政府信息公开被申请行政复议2起。", [("review", 2)]),
        ("发生政府信息公开行政诉讼4件。", [("litigation", 4)]),
        ("信息公开类行政复议7件，诉讼9件，均获维持。", [("review", 7), ("litigation", 9)]),
        ("共收到信函依申请公开0件，当面依申请公开0件。", [("channels", 0)]),
        ("收到网上申请3件、信函申请2件、当面申请1件。", [("channels", 6)]),
        ("共收到政府信息公开申请12件，同比增长20%。", [("new_received", 12)]),
        ("受理政府信息公开申请３件。", [("new_received", 3)]),
        ("收到政府信息公开申请1,234件。", [("new_received", 1234)]),
    ],
)
def test_common_phrasings(text: str, expected: list[tuple[str, int]]) -> None:
    """The wordings reports use for their table B and C totals are read."""
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2019年共收到政府信息公开申请3件。",  # another year
        "上年共收到政府信息公开申请3件。",  # last year
        "上半年，共收到政府信息公开申请5件。",  # part of the year
        "1-6月共收到政府信息公开申请5件。",
        "共收到政府信息公开申请30余件。",  # approximate
        "共收到政府信息公开申请30件左右。",
        "全市各部门共收到政府信息公开申请300件。",  # other bodies
        "其中受理政府信息公开申请3件。",  # a part of something
        "本年度全区共收到70件申请，办结69件。",  # 申请 of what kind?
        "通过12345平台累计受理2840件。",  # not disclosure applications
        "共办理行政复议案件120件。",  # reviews, but of disclosure?
        "本机关收到行政复议申请2件。",
        "发生政府信息公开行政复议、行政诉讼3件。",  # both counted together
        "办理依申请公开30件。",  # new or handled?
        "收到信函申请2件。",  # one channel of how many?
        "其中网络申请5件，信函申请6件。",  # a breakdown of a total said elsewhere
        "制发规范性文件0件，回应关切9件。",  # not table B or C
    ],
)
def test_sentences_that_may_count_something_else_are_left_alone(text: str) -> None:
    """Precision before recall: no number where the sentence may not mean the table's."""
    assert found(text) == []


def test_channels_are_summed_per_sentence() -> None:
    """信函 a 件、当面 b 件 … of one sentence are one statement naming its channels."""
    (statement,) = scan("收到网上申请3件、信函申请2件、当面申请1件。")
    assert statement.parts == (("网上", 3), ("信函", 2), ("当面", 1))
    assert statement.text == "网上申请3件、信函申请2件、当面申请1件"


def test_channels_under_a_stated_total_are_not_compared() -> None:
    """A sentence stating its total is read for the total; the breakdown may be partial."""
    text = "共收到政府信息公开申请11件，其中网络申请5件，信函申请6件。"
    assert found(text) == [("new_received", 11)]


def test_offsets_and_words_survive_line_breaks_and_full_width_digits() -> None:
    """PDF text breaks lines inside phrases; the statement points into the original text."""
    text = (
        "（二）依申请公开情况。政府信息公开行政复议 351\n件，其中结果维持 72 件。"
        "受理政府信息公开申请 １２ 件。"
    )
    review, received = scan(text, 2024)
    assert (review.quantity, review.value) == ("review", 351)
    assert text[review.start : review.end] == review.text == "行政复议 351\n件"
    assert (received.quantity, received.value) == ("new_received", 12)
    assert received.text == "受理政府信息公开申请 １２ 件"


def test_statements_carry_section_line_and_column() -> None:
    """statements() locates each number through Section.locate."""
    lines = (
        dp.TextLine("一是规范办理。", 30, 1),
        dp.TextLine("　　全年共收到政府信息公开申请 34 件，上年结转 2 件。", 31, 1),
    )
    text = "\n".join(line.text for line in lines)
    section = dp.Section(1, "一、总体情况", text, dp.Span(29, 1, 31, 30), lines=lines)
    assert [(s.quantity, s.value, s.section, s.line, s.column) for s in statements([section])] == [
        ("new_received", 34, 1, 31, 6),
        ("carried_over", 2, 1, 31, 22),
    ]


def test_a_stated_total_anywhere_drops_channel_breakdowns() -> None:
    """When the report states its new applications as a total, channel counts are not used."""
    first = dp.TextLine("本年新收政府信息公开申请5件。", 3, 1)
    second = dp.TextLine("收到信函申请2件，当面申请1件。", 9, 1)
    sections = [
        dp.Section(1, "一、总体情况", first.text, dp.Span(2, 1, 3, 15), lines=(first,)),
        dp.Section(5, "五、存在的主要问题", second.text, dp.Span(8, 1, 9, 15), lines=(second,)),
    ]
    assert [s.quantity for s in statements(sections)] == ["new_received"]
    assert [s.quantity for s in statements(sections[1:])] == ["channels"]


def test_statement_is_frozen_data() -> None:
    """A Statement compares by value and cannot change."""
    statement = Statement("review", 2, 0, 8, "行政复议2件")
    assert statement == Statement("review", 2, 0, 8, "行政复议2件")
    with pytest.raises(AttributeError):
        statement.value = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    ("seed_id", "expected"),
    [
        ("000", [("channels", 0, 17, 13)]),
        ("001", []),
        ("002", [("new_received", 0, 23, 5)]),
        ("003", [("new_received", 5, 6, 171)]),
        ("004", []),
    ],
)
def test_seed_statements(seed_id: str, expected: list[tuple[str, int, int, int]]) -> None:
    """The seeds' statements, with the position of their first word."""
    report = dp.parse(seed_text(seed_id))
    got = statements(report.sections, report.year)
    assert [(s.quantity, s.value, s.line, s.column) for s in got] == expected


# ---------------------------------------------------------------------------------------------
# Real reports, read raw (most are not parseable yet: PDF text, crawled flattened text)
# ---------------------------------------------------------------------------------------------

#: the statements of each dev-corpus file: all agree with truth.jsonl but 003's, whose text
#: says 区政府办代表区政府受理政府信息公开申请 17 件 where table B counts 95
CORPUS_STATEMENTS = {
    "001.txt": [
        ("new_received", 3119),
        ("carried_over", 34),
        ("carried_forward", 103),
        ("review", 351),
        ("litigation", 46),
    ],
    "002.txt": [("new_received", 21)],
    "003.txt": [("new_received", 17)],
    "004.md": [("new_received", 34), ("carried_over", 2), ("carried_forward", 1)],
    "005.html": [
        ("new_received", 859),
        ("carried_over", 18),
        ("review", 7),
        ("litigation", 9),
    ],
    "011.txt": [("new_received", 70), ("carried_forward", 1)],
    "014.txt": [("new_received", 3)],
    "034.txt": [("new_received", 11)],
    "009.txt": [],
    "038.txt": [],
}

#: truth.jsonl field of each quantity (litigation: the sum of the two suit totals)
TRUTH_FIELDS = {
    "new_received": ("new_total",),
    "carried_over": ("carried_total",),
    "carried_forward": ("carry_next_total",),
    "review": ("review_total",),
    "litigation": ("litigation_direct_total", "litigation_after_review_total"),
}


def _truth() -> dict[str, dict[str, object]]:
    path = CORPUS / "truth.jsonl"
    if not path.exists():
        pytest.skip(f"the dev corpus is not available here ({CORPUS} is missing)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {row["id"]: row for row in rows}


@pytest.mark.parametrize("name", sorted(CORPUS_STATEMENTS))
def test_real_reports(name: str) -> None:
    """Raw dev-corpus texts give the statements a reader finds, and they match the truth."""
    truth = _truth()
    report_id = name.split(".")[0]
    text = (CORPUS / name).read_text(encoding="utf-8")
    got = scan(text, int(str(truth[report_id]["year"])))
    assert [(s.quantity, s.value) for s in got] == CORPUS_STATEMENTS[name]
    for statement in got:
        assert text[statement.start : statement.end] == statement.text
        if report_id == "003":
            continue
        fields = TRUTH_FIELDS[statement.quantity]
        assert statement.value == sum(int(str(truth[report_id][f])) for f in fields)
