"""Whatever the input, parse() returns a Report or raises ParseError, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import disclosure_parser as dp
from conftest import SEED_IDS, seed_text

#: characters that matter to the lexer: separators, digits, marks and report vocabulary
_ALPHABET = st.sampled_from(
    [
        *list("\t\n |-—/0123456789０１２.,+#*()（）、一二三四五六七八九十"),
        "\xa0",
        "\u3000",
        "\r",
        "万元",
        "总计",
        "规章",
        "本年新收",
        "第二十条第（一）项",
        "一、总体情况",
        "三、收到和处理政府信息公开申请情况",
        "行政复议",
        "信息内容",
        "自然人",
    ]
)

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse_or_error(text: str) -> None:
    try:
        report = dp.parse(text)
    except dp.ParseError as exc:
        # the safety net for bugs must never be what answers
        assert exc.code != "internal_error", exc.__cause__
        assert exc.line >= 1
        assert exc.column >= 1
        assert str(exc)
        return
    assert isinstance(report, dp.Report)
    assert dp.Report.from_dict(report.to_dict()) == report


@_SETTINGS
@given(st.text())
def test_any_text(text: str) -> None:
    """Arbitrary unicode text: a Report or a ParseError."""
    _parse_or_error(text)


@_SETTINGS
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_text_made_of_report_vocabulary(text: str) -> None:
    """Text built from the words and separators the lexer reacts to: a Report or a ParseError."""
    _parse_or_error(text)


@st.composite
def _mutated_seed(draw: st.DrawFn) -> str:
    lines = seed_text(draw(st.sampled_from(SEED_IDS))).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate", "insert"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            lines.insert(i, draw(st.text(max_size=20)))
    return "\n".join(lines)


@_SETTINGS
@given(_mutated_seed())
def test_mutated_seeds(text: str) -> None:
    """Seeds with lines deleted, duplicated, swapped, truncated or inserted."""
    _parse_or_error(text)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "\t" * 1000, "\x00\x01\x02", "\ufeff", "|" * 50, "一、" * 500],
)
def test_degenerate_inputs(text: str) -> None:
    """Empty, blank and junk documents raise ParseError."""
    with pytest.raises(dp.ParseError):
        dp.parse(text)


def test_non_text_input_is_a_parse_error() -> None:
    """bytes are not text: ParseError says to decode them or use parse_file."""
    with pytest.raises(dp.ParseError, match="decode bytes first"):
        dp.parse(b"abc")  # type: ignore[arg-type]
