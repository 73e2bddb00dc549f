"""Loading ``report.lark`` once per process and turning its parse into drafts of the report.

Lark reads the grammar and computes its LALR(1) table (refusing any conflict); a small driver
here runs that table over the line classifier's tokens. Lark's own parser loop is built for
character lexers and trees: it wraps every token and every reduction in several calls, which
cost more than the rest of the table's work for a report's few dozen rows. The driver calls a
rule's callback on each reduction (no tree is built), splices the children of inlined rules
(``_part``, ``_b_line`` and the helpers lark makes for ``*`` and ``+``) into their parent, as
lark does, and hands back the drafts that :mod:`disclosure_parser._assemble` turns into the
Report.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Final

from lark import Lark
from lark.lexer import Lexer

from ._lexer import Row, Token

_GRAMMAR = "report.lark"
_lock = threading.Lock()
_driver: _Driver | None = None


def grammar_text() -> str:
    """The text of ``report.lark``: from the installed package, else from a source checkout."""
    packaged = resources.files("disclosure_parser").joinpath("grammar").joinpath(_GRAMMAR)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "grammar" / _GRAMMAR
    return checkout.read_text(encoding="utf-8")


class _TokenList(Lexer):
    """Lark's lexer slot: the tokens are made by our line classifier, not by lark."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Any]:  # type: ignore[override]
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
        self.number = int(heading.value.key or 0) if heading is not None else 0
        #: Tokens (TITLE, TEXT) and TableDrafts
        self.parts = parts


class _Drafts:
    """Rule callbacks: build drafts bottom-up as the LALR parser reduces (one method a rule)."""

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


class _Inline(list[Any]):
    """The children of an inlined rule, spliced into the rule that contains it."""

    __slots__ = ()


class UnexpectedToken(Exception):
    """A token the grammar does not allow where it stands, and the terminals it would."""

    def __init__(self, token: Token, expected: Sequence[str]) -> None:
        super().__init__(f"unexpected {token.type}")
        self.token = token
        self.expected = sorted(expected)


#: a reduction: how many values it pops, the rule it makes, and its callback (None: inlined)
_Reduce = tuple[int, str, "Callable[[list[Any]], Any] | None"]

_END: Final = "$END"


class _Driver:
    """The LALR(1) automaton lark computed for ``report.lark``, run over a list of tokens."""

    def __init__(self, lark: Lark) -> None:
        from lark.parsers.lalr_analysis import Shift

        #: the Lark object that read the grammar and computed the table
        self.lark = lark
        table = lark.parser.parser.parser.parse_table
        drafts = _Drafts()
        reductions: dict[Any, _Reduce] = {}
        #: per state: terminal or rule name -> next state (shift, goto) or a reduction
        self.states: dict[int, dict[str, int | _Reduce]] = {}
        for state, actions in table.states.items():
            row: dict[str, int | _Reduce] = {}
            for name_, (action, arg) in actions.items():
                symbol = str(name_)  # lark's names are Tokens, slower to hash and compare
                if action is Shift:
                    row[symbol] = arg
                    continue
                if arg not in reductions:
                    name = str(arg.origin.name)
                    # rules named with a leading underscore (and lark's */+ helpers) are
                    # inlined; every other rule has a callback of its name
                    callback = None if name.startswith("_") else getattr(drafts, name)
                    reductions[arg] = (len(arg.expansion), name, callback)
                row[symbol] = reductions[arg]
            self.states[state] = row
        self.start = table.start_states["start"]
        self.end = table.end_states["start"]

    def parse(self, tokens: list[Token]) -> list[SectionDraft]:
        """The drafts of the report whose token stream is *tokens*.

        Raises :class:`UnexpectedToken` where the grammar allows no such token.
        """
        states = self.states
        stack = [self.start]
        values: list[Any] = []
        last = tokens[-1] if tokens else None
        end = Token(_END, Row.__new__(Row), last.line if last else 1, last.column if last else 1)
        for token in (*tokens, end):
            kind = token.type
            while True:
                action = states[stack[-1]].get(kind)
                if action is None:
                    expected = [s for s in states[stack[-1]] if s.isupper() or s == _END]
                    raise UnexpectedToken(token, expected)
                if action.__class__ is int:
                    stack.append(action)
                    values.append(token)
                    break
                size, name, callback = action  # type: ignore[misc]
                children = _Inline()
                if size:
                    popped = values[-size:]
                    del values[-size:]
                    del stack[-size:]
                    if popped[0].__class__ is _Inline:
                        # a left-recursive */+ helper: grow its list in place (copying it at
                        # every row would make a long section quadratic)
                        children = popped[0]
                        popped = popped[1:]
                    for value in popped:
                        if value.__class__ is _Inline:
                            children.extend(value)
                        else:
                            children.append(value)
                result = children if callback is None else callback(children)
                goto = states[stack[-1]][name]
                if goto == self.end:
                    return result
                stack.append(goto)
                values.append(result)
        raise AssertionError("the token stream ended before the grammar's end state")


def parser() -> _Driver:
    """The LALR parser for ``report.lark``, built on first use and shared afterwards."""
    global _driver
    if _driver is None:
        with _lock:
            if _driver is None:
                _driver = _Driver(
                    Lark(
                        grammar_text(),
                        parser="lalr",
                        lexer=_TokenList,
                        propagate_positions=False,
                        maybe_placeholders=False,
                        strict=True,  # the grammar must stay free of LALR conflicts
                    )
                )
    return _driver
