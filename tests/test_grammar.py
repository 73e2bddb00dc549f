"""The LALR driver of ``_grammar`` against lark's own parser, over the same grammar and tokens.

The driver runs the table shipped as ``grammar/report.table.json``, which must be the one lark
computes for ``grammar/report.lark``; lark's parser loop, with a Transformer holding the same
callbacks, is the reference: both must accept the same token streams and build the same drafts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Token as LarkToken
from lark import Transformer
from lark.exceptions import UnexpectedInput

import disclosure_parser as dp
from disclosure_parser.parsing.grammar import (
    ABlock,
    SectionDraft,
    TableDraft,
    UnexpectedToken,
    _Drafts,
    compute_table,
    grammar_text,
    lark_parser,
    load_table,
    parser,
    table_json,
)
from disclosure_parser.parsing.lexer import Row, Token, tokenize

SEEDS = Path(__file__).parent / "seeds"
GRAMMAR = Path(__file__).parents[1] / "grammar"

GRAMMAR_TEXT = (GRAMMAR / "report.lark").read_text(encoding="utf-8")
#: every terminal of the grammar (the line classifier emits them all; $END is the driver's)
TERMINALS = tuple(
    sorted(
        {
            s
            for row in compute_table(GRAMMAR_TEXT)["states"]
            for s in row
            if s.isupper() and s != "$END"
        }
    )
)
assert len(TERMINALS) == 20, TERMINALS


class _Reference(Transformer[Any, Any]):
    """Lark's Transformer calling the driver's callbacks, rule by rule."""

    def __init__(self) -> None:
        super().__init__()
        self._drafts = _Drafts()

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        if str(data).startswith("_"):  # an inlined rule: lark splices the tree it returns
            return super().__default__(data, children, meta)
        return getattr(self._drafts, str(data))(children)


_reference = lark_parser(GRAMMAR_TEXT, transformer=_Reference())


def _shape(value: Any) -> Any:
    """A comparable picture of drafts: rows by identity, tokens by type and row."""
    if isinstance(value, list):
        return [_shape(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_shape(v) for v in value)
    if isinstance(value, SectionDraft):
        return ("section", value.number, _shape(value.heading), _shape(value.parts))
    if isinstance(value, TableDraft):
        return ("table", value.kind, _shape(value.heads), _shape(value.body), _shape(value.blocks))
    if isinstance(value, ABlock):
        return ("block", _shape(value.clause), _shape(value.heads), _shape(value.rows))
    if isinstance(value, (Token, LarkToken)):
        return ("token", str(value.type), id(value.value))
    if isinstance(value, Row):
        return ("row", id(value))
    return value


def _row(key: str | None = None) -> Row:
    row = Row.__new__(Row)
    row.kind, row.cells, row.labels, row.values = "plain", [], [], []
    row.label = row.folded = ""
    row.key = key
    row.line, row.column = 1, 1
    return row


def _run_both(tokens: list[Token]) -> tuple[Any, Any]:
    """(driver result or None, reference result or None): None where the parser refused."""
    try:
        ours = _shape(parser().parse(tokens))
    except UnexpectedToken:
        ours = None
    lark_tokens = [LarkToken(t.type, t.value, None, t.line, t.column) for t in tokens]
    try:
        theirs = _shape(_reference.parse(lark_tokens))  # type: ignore[arg-type]
    except UnexpectedInput:
        theirs = None
    return ours, theirs


_HEADINGS = ("H_OVERVIEW", "H_ACTIVE", "H_REQUESTS", "H_REVIEWS", "H_PROBLEMS", "H_OTHER")


def _stream(types: list[str]) -> list[Token]:
    """Tokens of the given types, one per line; a heading's row carries its section number."""
    keys = {kind: str(n) for n, kind in enumerate(_HEADINGS, 1)}
    return [Token(kind, _row(keys.get(kind)), i + 1, 1) for i, kind in enumerate(types)]


def test_shipped_table_is_lark_s_table_of_the_grammar() -> None:
    """report.table.json is the table lark computes from report.lark today, stamped with the
    grammar's digest (regenerate with `python -m disclosure_parser.parsing.grammar`)."""
    computed = compute_table(GRAMMAR_TEXT)
    shipped = (GRAMMAR / "report.table.json").read_text(encoding="utf-8")
    assert shipped == table_json(computed), "run: python -m disclosure_parser.parsing.grammar"
    assert load_table() == computed
    assert len(computed["states"]) > 30


def test_edited_grammar_is_computed_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A grammar that no longer matches the shipped table's digest gets its table from lark."""
    import disclosure_parser.parsing.grammar as grammar

    original = grammar_text()
    edited = original.replace("c_values: C_ROW (C_ROW | C_HEAD)*", "c_values: C_ROW+")
    assert edited != original
    monkeypatch.setattr(grammar, "grammar_text", lambda: edited)
    table = grammar.load_table()
    assert table == compute_table(edited)
    assert table["states"] != compute_table(original)["states"]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("0*.txt")), ids=lambda p: p.name[:3])
def test_seed_drafts_equal_lark(path: Path) -> None:
    """The drafts of each seed report are the ones lark's own parser builds."""
    tokens = tokenize(path.read_text(encoding="utf-8"))
    ours, theirs = _run_both(tokens)
    assert ours is not None
    assert ours == theirs
    assert [s[1] for s in ours] == [0, 1, 2, 3, 4, 5, 6]


_TABLE_ROWS = {
    "A": ("A_CLAUSE", "A_HEAD", "A_ROW"),
    "B": ("B_HEAD", "B_ROW", "B_VALUES", "B_LABEL"),
    "C": ("C_HEAD", "C_ROW"),
}
_parts = st.one_of(
    st.sampled_from([t for t in TERMINALS if "_" not in t or t.startswith("H_")]).map(
        lambda t: [t]
    ),
    st.sampled_from("ABC").flatmap(
        lambda k: st.lists(st.sampled_from(_TABLE_ROWS[k]), max_size=8).map(
            lambda rows: [f"{k}_BEGIN", *rows]
        )
    ),
)
#: streams the classifier could emit: prose, headings, and tables each opened by its *_BEGIN
_reports = st.lists(_parts, max_size=15).map(lambda parts: [t for p in parts for t in p])


@given(_reports)
def test_report_streams_parse_as_lark_parses_them(types: list[str]) -> None:
    """A stream shaped like a report's gives the drafts lark's parser gives."""
    ours, theirs = _run_both(_stream(types))
    assert ours is not None
    assert ours == theirs


@given(st.lists(st.sampled_from(TERMINALS), max_size=40))
def test_any_token_stream_parses_as_lark_parses_it(types: list[str]) -> None:
    """Any stream of the classifier's terminals is accepted or refused as lark does, and an
    accepted one gives the same drafts."""
    ours, theirs = _run_both(_stream(types))
    assert ours == theirs


def test_refused_token_names_what_was_expected() -> None:
    """A table row with no table opened is refused, at its position, listing the terminals
    allowed there."""
    tokens = _stream(["TEXT", "A_ROW"])
    with pytest.raises(UnexpectedToken) as info:
        parser().parse(tokens)
    assert info.value.token is tokens[1]
    assert "A_BEGIN" in info.value.expected
    assert "A_ROW" not in info.value.expected
    assert info.value.expected == sorted(info.value.expected)


def test_structure_error_is_a_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A token stream the grammar refuses surfaces from parse() as ParseError 'structure'."""
    import disclosure_parser.parsing.lexer as lexer

    def bad_stream(text: str) -> list[Token]:
        return _stream(["TITLE", "TEXT", "B_ROW"])

    monkeypatch.setattr(lexer, "tokenize", bad_stream)
    with pytest.raises(dp.ParseError) as info:
        dp.parse("标题\n正文\n第三行")
    assert info.value.code == "structure"
    assert (info.value.lineno, info.value.colno) == (3, 1)
    assert "B_BEGIN" in str(info.value)


def test_long_section_parses_in_linear_time() -> None:
    """A section of 200,000 lines of prose is one list grown in place, not copied per line."""
    tokens = _stream(["TITLE", "H_OVERVIEW", *["TEXT"] * 200_000])
    (front, section) = parser().parse(tokens)
    assert len(section.parts) == 200_000
    assert front.parts[0] is tokens[0]
