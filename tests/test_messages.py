"""Messages in Chinese and English from one catalogue (issue 18).

Every entry of the catalogue renders in both languages; every code the library emits has an
entry; no message is assembled outside the catalogue; messages travel as data (a key and plain
parameters) and come back equal from JSON; the language follows the locale unless chosen.
``tests/snapshots/messages.txt`` shows each message once in each language: run with
``UPDATE_SNAPSHOTS=1`` to rewrite it after changing the catalogue, and review the diff.
"""

from __future__ import annotations

import ast
import json
import os
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import disclosure_parser as dp
from conftest import CORPUS, REPO, SEED_IDS, seed_path
from disclosure_parser import validation
from disclosure_parser.core import messages
from disclosure_parser.core.messages import (
    CATALOGUE,
    Message,
    fields,
    in_language,
    language,
    language_from_environment,
    msg,
    set_language,
)

SRC = REPO / "src" / "disclosure_parser"
SNAPSHOT = Path(__file__).parent / "snapshots" / "messages.txt"

#: words a Chinese message may hold in Latin letters: names of formats and tools
_LATIN_ALLOWED = {
    *("PDF", "Word", "OCR", "UTF", "U", "FFFD", "JavaScript", "pip", "install"),
    *("OpenDocument", "RTF", "LibreOffice"),
}
_LATIN = re.compile(r"[A-Za-z]+")


def _latin_words(template: str) -> set[str]:
    """The Latin words of a Chinese template, its {parameters} and quoted text aside."""
    bare = re.sub(r"\{\w+(?::\w+)?\}", "", template)
    bare = re.sub(r"'[^']*'|“[^”]*”", "", bare)
    return set(_LATIN.findall(bare))


def _data(value: object) -> Iterator[str]:
    """The text a message's parameters hold (what the report or a reader said: data, in
    whatever language it came)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _data(item)
    elif isinstance(value, list):
        for item in value:
            yield from _data(item)


# ---------------------------------------------------------------------------------------------
# The catalogue
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(CATALOGUE))
def test_every_entry_renders_in_both_languages(key: str) -> None:
    """Each template uses only the parameters its example gives, each example parameter is
    used, and both languages render without a parameter left over."""
    entry = CATALOGUE[key]
    used = fields(entry.zh) | fields(entry.en)
    assert used <= set(entry.example), f"{key}: no example for {used - set(entry.example)}"
    assert set(entry.example) <= used, f"{key}: unused {set(entry.example) - used}"
    for lang in messages.LANGUAGES:
        shown = msg(key, **entry.example).render(lang)
        assert shown.strip() or key in ("part.more", "part.more_paren"), (key, lang)
        assert not re.search(r"\{\w+(?::\w+)?\}", shown), (key, lang, shown)


@pytest.mark.parametrize("key", [k for k in CATALOGUE if not k.startswith("cli.")])
def test_chinese_messages_hold_no_english_words(key: str) -> None:
    """A Chinese message is Chinese: Latin letters only for format names (PDF, Word …).
    (The command line's help names its options, which are English by nature.)"""
    assert _latin_words(CATALOGUE[key].zh) <= _LATIN_ALLOWED, key


def test_snapshot_of_every_message() -> None:
    """Each message once in each language, as its example renders it."""
    lines = []
    for key, entry in CATALOGUE.items():
        lines.append(key)
        for lang in messages.LANGUAGES:
            lines.append(f"  {lang}: {msg(key, **entry.example).render(lang)}")
    shown = "\n".join(lines) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(shown, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == shown


# ---------------------------------------------------------------------------------------------
# The code: every code has an entry, every message comes from the catalogue
# ---------------------------------------------------------------------------------------------


def _sources() -> Iterator[tuple[Path, ast.AST]]:
    for path in sorted(SRC.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _emitted_codes() -> set[str]:
    """The codes the library's diagnostics and findings are made with (string literals)."""
    codes = set(validation.CODES)
    for _, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _callee(node) in ("add", "Diagnostic", "Finding"):
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    codes.add(first.value)
    return codes


def test_every_code_has_an_entry() -> None:
    """Each code has an entry of its own name, or of its name and a variant."""
    codes = _emitted_codes()
    assert {"ragged_row", "encoding", "no_text_layer", "balance", "year_stock"} <= codes
    for code in codes:
        assert any(k == code or k.startswith(code + ".") for k in CATALOGUE), code


def test_every_named_entry_exists() -> None:
    """Every ``msg("…")`` of the library names an entry of the catalogue."""
    named = set()
    for path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _callee(node) in ("msg", "text"):
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    assert first.value in CATALOGUE, f"{path.name}: {first.value}"
                    named.add(first.value)
    assert len(named) > 100


def test_no_message_is_assembled_outside_the_catalogue() -> None:
    """No diagnostic, finding or localisation of the library is made with a literal string."""
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _callee(node)
            if name not in ("add", "Diagnostic", "Finding", "Localization"):
                continue
            position = 4 if name == "Localization" else 2
            if name == "add" and not (
                isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "notes"
            ):
                continue
            if len(node.args) > position:
                argument = node.args[position]
                literal = isinstance(argument, ast.JoinedStr) or (
                    isinstance(argument, ast.Constant) and isinstance(argument.value, str)
                )
                assert not literal, f"{path.name}:{node.lineno}: a message outside the catalogue"


# ---------------------------------------------------------------------------------------------
# What the library says, in both languages
# ---------------------------------------------------------------------------------------------


def _reports() -> Iterator[dp.Report]:
    for seed_id in SEED_IDS:
        report = dp.parse_file(seed_path(seed_id))
        yield report
        # every sum of table B broken once: a cell of each row
        for row in report.applications.rows[:3]:
            cell = row.cells[0]
            value = int(cell.value or 0) + 1
            broken = attrs.evolve(cell, state="number", value=value, raw=str(value))
            rows = tuple(
                attrs.evolve(r, cells=(broken, *r.cells[1:])) if r is row else r
                for r in report.applications.rows
            )
            yield attrs.evolve(report, applications=attrs.evolve(report.applications, rows=rows))
    for name in ("seed_000.pdf", "seed_003.pdf"):
        yield dp.parse_file(REPO / "tests" / "fixtures" / name)
    if CORPUS.exists():
        for name in ("002p.pdf", "005.html", "027.txt", "030.txt", "004.md"):
            yield dp.parse_file(CORPUS / name)


def test_what_the_library_says_comes_from_the_catalogue() -> None:
    """Every diagnostic and finding of real and broken reports names an entry, renders in
    both languages, and in Chinese holds no English outside the quoted report text."""
    seen = set()
    for report in _reports():
        things: list[dp.Diagnostic | validation.Finding] = [*report.diagnostics]
        things += dp.validate(report)
        for thing in things:
            assert thing.message_key in CATALOGUE, (thing.code, thing.message)
            seen.add(thing.message_key)
            for lang in messages.LANGUAGES:
                shown = thing.message_in(lang)
                assert not re.search(r"\{\w+(?::\w+)?\}", shown), shown
            chinese = thing.message_in("zh")
            for data in sorted(_data(thing.params), key=len, reverse=True):
                chinese = chinese.replace(data, "")
            assert _latin_words(chinese) <= _LATIN_ALLOWED, thing.message
    assert {"encoding", "ragged_row", "row_total.fails", "outcome_total.fails"} <= seen


def test_the_culprit_sentence_in_both_languages() -> None:
    """Seed 003 with （一）予以公开 × 自然人 printed as 4 instead of 5: each failing sum names the
    cell, the printed 4 and the 5 its row and column call for."""
    report = dp.parse_file(seed_path("003"))
    row = report.applications.row("granted")
    assert row is not None
    wrong = attrs.evolve(row.cells[0], value=4, raw="4")
    rows = tuple(
        attrs.evolve(r, cells=(wrong, *r.cells[1:])) if r is row else r
        for r in report.applications.rows
    )
    broken = attrs.evolve(report, applications=attrs.evolve(report.applications, rows=rows))
    outcome, row_total = dp.validate(broken)
    assert outcome.localization is not None
    assert outcome.localization.message_in("zh") == (
        "（一）予以公开 × 自然人 印为 4，按本行总计及本列（七）总计应为 5"
    )
    assert outcome.localization.message_in("en") == (
        "（一）予以公开 × 自然人 is printed as 4, "
        "but by its row's 总计 and its column's （七）总计 it should be 5"
    )
    assert row_total.message_in("zh") == (
        "“（一）予以公开”行：总计印为 5，但各类申请人合计为 4（其中 5 个空白单元格按 0 计）。"
        "可能原因：（一）予以公开 × 自然人 印为 4，按本行总计及本列（七）总计应为 5"
    )
    assert outcome.culprit is not None
    assert outcome.culprit.suggested == 5


# ---------------------------------------------------------------------------------------------
# Messages as data
# ---------------------------------------------------------------------------------------------


def test_a_message_is_a_key_and_plain_parameters() -> None:
    """Parameters are kept as JSON data: nested messages as dicts, Decimals as strings."""
    message = msg("negative", cell="行政复议 结果纠正", value=Decimal("-1.5"), hint=None)
    assert message.params == {"cell": "行政复议 结果纠正", "value": "-1.5", "hint": None}
    assert json.loads(json.dumps(message.to_dict())) == message.to_dict()
    assert Message.from_dict(message.to_dict()) == message
    nested = msg("sum.cause", culprit=msg("value.blank"))
    assert nested.params == {"culprit": {"key": "value.blank", "params": {}}}
    assert nested.render("zh") == "。可能原因：空白"


def test_findings_and_diagnostics_round_trip() -> None:
    """to_dict() keeps its keys, adds the message as data, and from_dict() gives back equal
    objects, whose messages render in either language."""
    report = dp.parse_file(seed_path("001"))
    for diagnostic in report.diagnostics:
        data = json.loads(json.dumps(diagnostic.to_dict(), ensure_ascii=False))
        assert {"code", "severity", "message", "line", "column"} <= set(data)
        again = dp.Diagnostic.from_dict(data)
        assert again == diagnostic
        assert again.message_in("zh") == diagnostic.message_in("zh")
    assert dp.Report.from_dict(report.to_dict()) == report
    broken = attrs.evolve(
        report,
        reviews=attrs.evolve(
            report.reviews,
            groups=(
                attrs.evolve(
                    report.reviews.groups[0],
                    cells=(dp.Cell("number", 3, raw="3"), *report.reviews.groups[0].cells[1:]),
                ),
                *report.reviews.groups[1:],
            ),
        ),
    )
    findings = dp.validate(broken)
    assert findings
    for finding in findings:
        data = json.loads(json.dumps(finding.to_dict(), ensure_ascii=False))
        assert validation.Finding.from_dict(data) == finding
    loc = next(f.localization for f in findings if f.localization is not None)
    assert validation.Localization.from_dict(loc.to_dict()) == loc


def test_a_plain_string_is_a_fixed_text() -> None:
    """Code that still passes a string gets it back unchanged, in every language."""
    note = dp.Diagnostic("custom", "warning", "as written", 3, 1)
    assert note.message == note.message_in("zh") == "as written"
    assert note.message_key is None
    assert dp.Diagnostic.from_dict(note.to_dict()) == note


def test_an_unknown_key_shows_its_data() -> None:
    """A message stored by another version of the library still shows what it holds."""
    assert Message("from_the_future", {"n": 3}).render("en") == "from_the_future: n=3"


# ---------------------------------------------------------------------------------------------
# The language
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.GB18030", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"DISCLOSURE_PARSER_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
        ({"DISCLOSURE_PARSER_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"DISCLOSURE_PARSER_LANG": "klingon", "LANG": "zh_CN.UTF-8"}, "zh"),
        ({}, "en"),
    ],
)
def test_language_from_the_environment(environ: dict[str, str], expected: str) -> None:
    assert language_from_environment(environ) == expected


def test_language_chosen_for_the_process_and_for_a_block() -> None:
    """set_language() for the process, in_language() for a block (it wins), None to go back
    to the environment (English in this test session)."""
    note = dp.Diagnostic("encoding", "info", msg("encoding", encoding="GB18030"))
    assert language() == "en"
    try:
        set_language("zh_CN")
        assert note.message == "文件按 GB18030 编码读取"
        assert str(note) == "提示 encoding 文件按 GB18030 编码读取"
        with in_language("en"):
            assert note.message == "file decoded as GB18030"
    finally:
        set_language(None)
    assert note.message == "file decoded as GB18030"
    with pytest.raises(ValueError, match="unknown language"):
        set_language("fr")
