"""ParseError: position, snippet with a caret that counts CJK width, and what was expected."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import build
import disclosure_parser as dp


def test_hello_is_not_a_report() -> None:
    """The issue's own example: a plain word raises a ParseError a user understands."""
    with pytest.raises(dp.ParseError) as info:
        dp.parse("hello")
    err = info.value
    assert isinstance(err, ValueError)
    assert isinstance(err, dp.DisclosureError)
    assert (err.code, err.line, err.column, err.pos) == ("not_a_report", 1, 1, 0)
    assert err.msg == "not a government information disclosure annual report"
    assert "政府信息公开工作年度报告" in (err.expected or "")
    assert str(err).splitlines()[:3] == [
        "not a government information disclosure annual report (at line 1, column 1)",
        "  1 | hello",
        "    | ^",
    ]


def test_position_is_the_first_visible_character() -> None:
    """Leading blank lines are skipped: the error points at the first word."""
    with pytest.raises(dp.ParseError) as info:
        dp.parse("\n\n   这是一封普通的信。\n")
    assert (info.value.line, info.value.column) == (3, 4)


def test_caret_counts_cjk_characters_as_two_columns() -> None:
    """Under 结 (after four CJK characters) the caret stands at display column 8."""
    err = dp.ParseError("demo", "总体情况结果", 4)
    snippet, caret = str(err).splitlines()[1:3]
    assert snippet == "  1 | 总体情况结果"
    assert caret == "    | " + " " * 8 + "^"


def test_end_of_document() -> None:
    """A position past the last character prints "(at end of document)"."""
    err = dp.ParseError("truncated", "abc\n", 4)
    assert str(err).startswith("truncated (at end of document)")


def test_empty_text() -> None:
    """Empty text says it is empty."""
    with pytest.raises(dp.ParseError, match="empty") as info:
        dp.parse("   \n")
    assert info.value.code == "empty"


def test_strict_error_points_at_the_damaged_row() -> None:
    """strict=True raises at the row the parser had to repair, naming the problem."""
    text = build.report_text("tab")
    text = text.replace("\t1.属于国家秘密\t0\t", "\t1.属于国家秘密\t")
    with pytest.raises(dp.ParseError) as info:
        dp.parse(text, strict=True)
    err = info.value
    line = text.split("\n")[err.line - 1]
    assert "属于国家秘密" in line
    assert err.code == "ragged_row"
    assert err.expected == "one cell per column"
    assert "6 cells for 7 columns" in err.msg
    assert f"(at line {err.line}, column {err.column})" in str(err)


def test_position_among_the_carriage_returns_that_end_a_line() -> None:
    """A position inside a line's closing carriage returns is shown at the line's end (the
    fuzzer's undecodable byte after "\\r\\r" once raised IndexError here)."""
    err = dp.ParseError("demo", "abc\r\r\nx", 4)
    assert (err.line, err.column) == (1, 5)
    assert str(err).splitlines()[1:3] == ["  1 | abc", "    | " + " " * 3 + "^"]
    blank = dp.ParseError("demo", "附件:\n\r\r", 6)
    assert (blank.line, blank.column) == (2, 3)
    assert str(blank) == "demo (at end of document)"


_ERROR_TEXT = st.text(st.sampled_from("ab 结\t\r\n…"), max_size=40)


@given(doc=_ERROR_TEXT, pos=st.integers(-3, 45))
def test_any_text_and_position_make_an_error(doc: str, pos: int) -> None:
    """ParseError can be raised for any text and any position: the position is clamped into
    the text, its line and column count from 1, and the message starts with msg."""
    err = dp.ParseError("demo", doc, pos)
    assert 0 <= err.pos <= len(doc)
    before = doc[: err.pos]
    assert err.line == before.count("\n") + 1
    assert err.column == len(before) - (before.rfind("\n") + 1) + 1
    assert str(err).startswith("demo (at ")
    assert str(pickle.loads(pickle.dumps(err))) == str(err)


def test_parse_error_pickles() -> None:
    """ParseError survives pickling (process pools send errors across processes)."""
    err = dp.ParseError("demo", "一、总体情况", 2, expected="x", code="c")
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.msg, copy.line, copy.column, copy.expected, copy.code) == ("demo", 1, 3, "x", "c")
    assert str(copy) == str(err)


def test_pre_2019_report_is_said_to_be_free_form() -> None:
    """A report with a title and headings but no tables, from 2017, is named as such."""
    text = (
        "某县2017年政府信息公开工作年度报告\n一、概述\n2017年，我县……\n"
        "二、主动公开政府信息情况\n全年公开信息500条。\n"
    )
    report = dp.parse(text)
    (note,) = report.diagnostics
    assert note.code == "pre_2019_format"
    assert note.severity == "error"
    assert "2017" in note.message
    with pytest.raises(dp.ParseError, match="pre_2019_format"):
        dp.parse(text, strict=True)
