"""The grammar at run time: lark's LALR(1) parser with the Drafts Transformer, and its cache.

``parse()`` hands the row tokens to ``lark.Lark(grammar/report.lark, parser="lalr",
transformer=Drafts())``; these tests pin that wiring, what the Transformer builds from any
stream of the lexer's terminals, the errors lark's refusals become, and the parser cache.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import lark
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark.exceptions import UnexpectedToken

import disclosure_parser as dp
from disclosure_parser.parsing import grammar, lexer
from disclosure_parser.parsing.drafts import ABlock, SectionDraft, TableDraft
from disclosure_parser.parsing.grammar import Drafts, cache_file, grammar_text, parse_rows, parser
from disclosure_parser.parsing.lexer import Row, Token, tokenize

SEEDS = Path(__file__).parent / "seeds"
GRAMMAR = Path(__file__).parents[1] / "grammar"

#: every terminal of the grammar (all %declare'd: the row lexer makes them)
TERMINALS = tuple(sorted({s.name for rule in parser().rules for s in rule.expansion if s.is_term}))
#: the terminals the row lexer can emit
EMITTED = {
    lexer.TITLE,
    lexer.TEXT,
    *lexer.HEADINGS.values(),
    *lexer._BEGIN.values(),
    *lexer._A_CLAUSES.values(),
    lexer.A_CLAUSE,
    lexer.A_HEAD,
    lexer.A_ROW,
    lexer.B_HEAD,
    *lexer._B_TERMINALS.values(),
    lexer.B_ROW,
    lexer.B_VALUES,
    lexer.B_LABEL,
    *(name for name, _ in lexer._C_LEVELS),
    lexer.C_HEAD,
    lexer.C_ROW,
}


def test_parse_runs_lark_s_lalr_parser_with_the_transformer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """parse() goes through a lark.Lark LALR parser whose Transformer builds the drafts: each
    section of seed 000 reaches a Drafts method named after its rule."""
    built = parser()
    assert isinstance(built, lark.Lark)
    assert built.options.parser == "lalr"
    assert isinstance(built.options.transformer, Drafts)
    calls: list[str] = []
    original = Drafts._make_section

    def spy(self: Drafts, children: list[Any]) -> SectionDraft:
        calls.append(children[0].type)
        return original(self, children)

    # the parser holds bound methods taken when it was built: spy on them through a fresh one
    monkeypatch.setattr(Drafts, "_make_section", spy)
    for name in ("overview", "active_disclosure", "applications", "reviews", "problems"):
        monkeypatch.setattr(Drafts, name, spy)
    monkeypatch.setattr(Drafts, "other_matters", spy)
    monkeypatch.setattr(grammar, "_parser", None)
    report = dp.parse((SEEDS / "000_e61304a9230bd795.txt").read_text(encoding="utf-8"))
    assert report.applications.get("new_received", "natural_person") == 15
    assert calls == list(_HEADINGS)
    monkeypatch.undo()
    grammar._parser = None


def test_no_home_made_table_or_driver_is_left() -> None:
    """The grammar folder holds the grammar only, and the parsing package no LALR driver."""
    assert sorted(p.name for p in GRAMMAR.iterdir()) == ["report.lark"]
    source = Path(grammar.__file__).read_text(encoding="utf-8")
    assert "parse_table" not in source
    assert "class _Driver" not in source


def test_the_lexer_and_the_grammar_know_the_same_terminals() -> None:
    """Every terminal the grammar declares is one the row lexer emits, and the other way."""
    assert set(TERMINALS) == EMITTED
    assert len(TERMINALS) == 38


def test_terminals_name_the_row_they_carry() -> None:
    """A labelled table B row becomes the terminal of its group, a caption the terminal of its
    clause, and a table C header row the terminal of its level."""
    text = "\n".join(
        [
            "某县人民政府2021年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（五）项",
            "信息内容\t本年处理决定数量",
            "行政许可\t7",
            "三、收到和处理政府信息公开申请情况",
            "\t自然人\t法人或其他组织\t\t\t\t\t总计",
            "（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0",
            "四、政府信息公开行政复议、行政诉讼情况",
            "行政复议\t\t\t\t\t行政诉讼",
            "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉",
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
            "\t".join("0" * 15),
        ]
    )
    types = [t.type for t in tokenize(text)]
    assert types == [
        "TITLE",
        "H_ACTIVE",
        "_A_BEGIN",
        "A_CLAUSE_5",
        "A_HEAD",
        "A_ROW",
        "H_REQUESTS",
        "_B_BEGIN",
        "B_HEAD",
        "B_WITHHELD",
        "H_REVIEWS",
        "_C_BEGIN",
        "C_GROUPS",
        "C_SUITS",
        "C_OUTCOMES",
        "C_ROW",
    ]


def _row(line: int, key: str | None = None) -> Row:
    row = Row.__new__(Row)
    row.kind, row.cells, row.labels, row.values = "plain", [], [], []
    row.label = row.folded = ""
    row.key = key
    row.line, row.column = line, 1
    return row


_HEADINGS = ("H_OVERVIEW", "H_ACTIVE", "H_REQUESTS", "H_REVIEWS", "H_PROBLEMS", "H_OTHER")
#: the lexer's kind of row for each terminal that names more than its kind
_KIND = {
    **dict.fromkeys(lexer._B_TERMINALS.values(), lexer.B_ROW),
    **dict.fromkeys(lexer._A_CLAUSES.values(), lexer.A_CLAUSE),
    **{name: lexer.C_HEAD for name, _ in lexer._C_LEVELS},
}


def _stream(types: list[str]) -> list[Token]:
    """Tokens of the given types, one per line; a heading's row carries its section number."""
    keys = {kind: str(n) for n, kind in enumerate(_HEADINGS, 1)}
    return [
        Token(kind, _row(i + 1, keys.get(kind)), i + 1, 1, _KIND.get(kind, kind))
        for i, kind in enumerate(types)
    ]


def _rows_in(value: Any) -> list[int]:
    """The ids of the rows the drafts hold, in document order."""
    if isinstance(value, list):
        return [i for v in value for i in _rows_in(v)]
    if isinstance(value, tuple):
        return _rows_in(value[1])  # (kind, row) of a table body
    if isinstance(value, SectionDraft):
        return ([] if value.heading is None else [id(value.heading.value)]) + _rows_in(value.parts)
    if isinstance(value, TableDraft):
        body = sorted([*value.heads, *(row for _, row in value.body)], key=lambda r: r.line)
        return [id(r) for r in body] + _rows_in(value.blocks)
    if isinstance(value, ABlock):
        rows = [*value.heads, *value.rows] + ([value.clause] if value.clause else [])
        return [id(r) for r in sorted(rows, key=lambda r: r.line)]
    if isinstance(value, Token):
        return [id(value.value)]
    raise AssertionError(f"unexpected draft part {value!r}")


def _kept(tokens: list[Token]) -> list[int]:
    return [id(t.value) for t in tokens if not t.type.startswith("_")]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("0*.txt")), ids=lambda p: p.name[:3])
def test_seed_drafts_hold_every_row_in_order(path: Path) -> None:
    """The drafts of each seed report are the front matter and the six sections, holding every
    row the lexer made, once, in document order."""
    tokens = tokenize(path.read_text(encoding="utf-8"))
    drafts = parse_rows(tokens)
    assert [d.number for d in drafts] == [0, 1, 2, 3, 4, 5, 6]
    assert _rows_in(drafts) == _kept(tokens)
    kinds = [p.kind for d in drafts for p in d.parts if isinstance(p, TableDraft)]
    assert kinds == ["A", "B", "C"]


_TABLE_ROWS = {
    "A": ("A_CLAUSE", *lexer._A_CLAUSES.values(), "A_HEAD", "A_ROW"),
    "B": ("B_HEAD", "B_ROW", *lexer._B_TERMINALS.values(), "B_VALUES", "B_LABEL"),
    "C": ("C_HEAD", *(name for name, _ in lexer._C_LEVELS), "C_ROW"),
}
_parts = st.one_of(
    st.sampled_from(["TITLE", "TEXT", *_HEADINGS]).map(lambda t: [t]),
    st.sampled_from("ABC").flatmap(
        lambda k: st.lists(st.sampled_from(_TABLE_ROWS[k]), max_size=8).map(
            lambda rows: [f"_{k}_BEGIN", *rows]
        )
    ),
)
#: streams the lexer could emit: prose, headings, and tables each opened by its _*_BEGIN
_reports = st.lists(_parts, max_size=15).map(lambda parts: [t for p in parts for t in p])


@given(_reports)
def test_report_streams_keep_every_row(types: list[str]) -> None:
    """A stream shaped like a report's is accepted, and its drafts hold every row, in order."""
    tokens = _stream(types)
    drafts = parse_rows(tokens)
    assert _rows_in(drafts) == _kept(tokens)
    assert [d.number for d in drafts[1:]] == [
        _HEADINGS.index(t) + 1 for t in types if t in _HEADINGS
    ]


@given(st.lists(st.sampled_from(TERMINALS), max_size=40))
def test_any_token_stream_is_kept_whole_or_refused(types: list[str]) -> None:
    """Any stream of the grammar's terminals either gives drafts holding every row in order, or
    is refused by lark at a token the grammar does not allow there."""
    tokens = _stream(types)
    try:
        drafts = parse_rows(tokens)
    except UnexpectedToken as exc:
        assert exc.token.type == "$END" or exc.token in tokens
        assert exc.token.type not in exc.expected
        return
    assert _rows_in(drafts) == _kept(tokens)


def test_refused_token_names_what_was_expected() -> None:
    """A table row with no table opened is refused by lark at that row, listing the terminals
    allowed there."""
    tokens = _stream(["TEXT", "A_ROW"])
    with pytest.raises(UnexpectedToken) as info:
        parse_rows(tokens)
    assert info.value.token is tokens[1]
    assert "_A_BEGIN" in info.value.expected
    assert "A_ROW" not in info.value.expected


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


def test_a_stream_ending_inside_a_block_is_complete() -> None:
    """The end of the tokens closes every open rule: a report may end inside table C."""
    drafts = parse_rows(_stream(["H_REVIEWS", "_C_BEGIN", "C_GROUPS", "C_ROW"]))
    (table,) = drafts[1].parts
    assert isinstance(table, TableDraft)
    assert (table.kind, len(table.heads), [k for k, _ in table.body]) == ("C", 1, ["C_ROW"])


def test_long_section_is_one_list_grown_in_place() -> None:
    """A section of 200,000 lines of prose is parsed (lark grows a left-recursive list in
    place; copying it per line would not finish)."""
    tokens = _stream(["TITLE", "H_OVERVIEW", *["TEXT"] * 200_000])
    (front, section) = parse_rows(tokens)
    assert len(section.parts) == 200_000
    assert front.parts[0] is tokens[0]


# -- the parser cache --------------------------------------------------------------------------

_PARSE = (
    "import json, sys, disclosure_parser as dp\n"
    "r = dp.parse(open(sys.argv[1], encoding='utf-8').read())\n"
    "print(json.dumps([r.organization, r.applications.get('granted', 'total')]))\n"
)


def _parse_in_a_new_process(cache: Path | str, **env: str) -> list[Any]:
    seed = str(SEEDS / "003_fd408d1b7bfd82d9.txt")
    done = subprocess.run(
        [sys.executable, "-c", _PARSE, seed],
        env={**os.environ, grammar.CACHE_ENV: str(cache), **env},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stderr == ""
    result: list[Any] = json.loads(done.stdout)
    return result


def test_the_parser_is_cached_between_processes(tmp_path: Path) -> None:
    """The first process writes one cache file (and the lock file beside it); the next reads
    it without writing; both parse alike."""
    first = _parse_in_a_new_process(tmp_path)
    (cached,) = tmp_path.glob("*.lark")
    assert cached.name.startswith("report-")
    stamp = cached.stat().st_mtime_ns
    assert _parse_in_a_new_process(tmp_path) == first == ["洪合镇人民政府", 5]
    assert sorted(p.name for p in tmp_path.iterdir()) == [cached.name, cached.name + ".lock"]
    assert cached.stat().st_mtime_ns == stamp


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path) -> None:
    """A cache file that is not lark's (truncated, overwritten) is ignored and the table
    computed again: the parse is unchanged."""
    good = _parse_in_a_new_process(tmp_path)
    (cached,) = tmp_path.glob("*.lark")
    cached.write_bytes(b"not a pickle")
    assert _parse_in_a_new_process(tmp_path) == good


def test_an_empty_setting_switches_the_cache_off(tmp_path: Path) -> None:
    """DISCLOSURE_PARSER_CACHE='' builds the parser without reading or writing a cache (in
    the user's cache folder or the temporary one)."""
    places = {"XDG_CACHE_HOME": tmp_path / "cache", "TMPDIR": tmp_path / "tmp"}
    for place in places.values():
        place.mkdir()
    env = {name: str(place) for name, place in places.items()}
    assert _parse_in_a_new_process("", **env) == ["洪合镇人民政府", 5]
    assert [list(place.iterdir()) for place in places.values()] == [[], []]


def test_an_edited_grammar_gets_a_cache_file_of_its_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The cache file's name depends on the grammar's text, so an edited grammar (a checkout
    being worked on) never reads the table of another."""
    monkeypatch.setenv(grammar.CACHE_ENV, str(tmp_path))
    text = grammar_text()
    edited = text.replace("a_loose: (A_HEAD | A_ROW)+", "a_loose: A_ROW+")
    assert edited != text
    assert cache_file(text) != cache_file(edited)
    assert cache_file(text) == cache_file(text)
