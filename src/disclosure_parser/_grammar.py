"""Loading ``report.lark`` once per process and turning its parse into drafts of the report.

The Transformer runs inline with the LALR parser (no tree is built): each rule's callback
receives the tokens of the rows it covers, whose values are :class:`disclosure_parser._lexer.Row`
objects, and returns a draft that :mod:`disclosure_parser._assemble` turns into the Report.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer
from lark.lexer import Lexer

from ._lexer import Row

_GRAMMAR = "report.lark"
_lock = threading.Lock()
_parser: Lark | None = None


def grammar_text() -> str:
    """The text of ``report.lark``: from the installed package, else from a source checkout."""
    packaged = resources.files("disclosure_parser").joinpath("grammar").joinpath(_GRAMMAR)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "grammar" / _GRAMMAR
    return checkout.read_text(encoding="utf-8")


class _TokenList(Lexer):
    """Lark's lexer slot: the tokens were already made by our line classifier."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        return iter(data)


# -- drafts ------------------------------------------------------------------------------------


class ABlock:
    """One 第二十条 block: its caption, header rows and item rows."""

    __slots__ = ("clause", "heads", "rows")

    def __init__(self, clause: Row | None, heads: list[Row], rows: list[Row]) -> None:
        self.clause, self.heads, self.rows = clause, heads, rows


class TableDraft:
    """The rows of one table as the grammar grouped them."""

    __slots__ = ("blocks", "body", "heads", "kind")

    def __init__(
        self,
        kind: str,
        heads: list[Row],
        body: list[tuple[str, Row]],
        blocks: list[ABlock] | None = None,
    ) -> None:
        self.kind = kind
        self.heads = heads
        #: (token type, row) in order
        self.body = body
        self.blocks = blocks or []


class SectionDraft:
    """A section (or the front matter, with ``heading`` None) and its parts in order."""

    __slots__ = ("heading", "number", "parts")

    def __init__(self, heading: Token | None, parts: list[Any]) -> None:
        self.heading = heading
        self.number = int(heading.value.key) if heading is not None else 0
        #: Tokens (TITLE, TEXT) and TableDrafts
        self.parts = parts


class _Drafts(Transformer[Token, list[SectionDraft]]):
    """Rule callbacks: build drafts bottom-up as the LALR parser reduces."""

    def start(self, children: list[SectionDraft]) -> list[SectionDraft]:
        return children

    def front(self, children: list[Any]) -> SectionDraft:
        return SectionDraft(None, children)

    def section(self, children: list[Any]) -> SectionDraft:
        return SectionDraft(children[0], children[1:])

    def heading(self, children: list[Token]) -> Token:
        return children[0]

    def table_a(self, children: list[Any]) -> TableDraft:
        return TableDraft("A", [], [], [c for c in children if isinstance(c, ABlock)])

    def a_loose(self, children: list[Token]) -> ABlock:
        return self._block(None, children)

    def a_block(self, children: list[Token]) -> ABlock:
        return self._block(children[0].value, children[1:])

    @staticmethod
    def _block(clause: Row | None, children: list[Token]) -> ABlock:
        heads = [t.value for t in children if t.type == "A_HEAD"]
        rows = [t.value for t in children if t.type == "A_ROW"]
        return ABlock(clause, heads, rows)

    def table_b(self, children: list[Any]) -> TableDraft:
        return self._table("B", children)

    def table_c(self, children: list[Any]) -> TableDraft:
        return self._table("C", children)

    @staticmethod
    def _table(kind: str, children: list[Any]) -> TableDraft:
        heads: list[Row] = []
        body: list[tuple[str, Row]] = []
        for part in children[1:]:  # children[0] is the zero-width *_BEGIN token
            if part and part[0][0] == "head":
                heads.extend(row for _, row in part)
            else:
                body.extend(part)
        return TableDraft(kind, heads, body)

    def b_header(self, children: list[Token]) -> list[tuple[str, Row]]:
        return [("head", t.value) for t in children]

    c_header = b_header

    def b_body(self, children: list[Token]) -> list[tuple[str, Row]]:
        return [(t.type, t.value) for t in children]

    c_values = b_body


def parser() -> Lark:
    """The LALR parser for ``report.lark``, built on first use and shared afterwards."""
    global _parser
    if _parser is None:
        with _lock:
            if _parser is None:
                _parser = Lark(
                    grammar_text(),
                    parser="lalr",
                    lexer=_TokenList,
                    transformer=_Drafts(),
                    propagate_positions=False,
                    maybe_placeholders=False,
                    strict=True,  # the grammar must stay free of LALR conflicts
                )
    return _parser
