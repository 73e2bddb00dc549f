"""The grammar's LALR(1) table, and the driver that runs it to turn tokens into drafts.

Lark reads ``grammar/report.lark`` and computes its LALR(1) table, refusing any conflict. The
table is shipped beside the grammar as ``report.table.json`` (written by ``python -m
disclosure_parser.parsing.grammar``, stamped with the grammar's SHA-256, and checked against lark's
computation by the tests), so that a parse needs neither lark nor the table's construction,
which cost some 110 ms in each new process. When the stamp does not match the grammar (a
checkout where the grammar was edited), the table is computed with lark instead.

A small driver here runs the table over the line classifier's tokens. Lark's own parser loop
is built for character lexers and trees: it wraps every token and every reduction in several
calls, which cost more than the table's own work for a report's few dozen rows. The driver
calls a rule's callback on each reduction (no tree is built), splices the children of inlined
rules (``_part``, ``_b_line`` and the helpers lark makes for ``*`` and ``+``) into their
parent, as lark does, and hands back the drafts that :mod:`disclosure_parser.parsing.assemble` turns
into the Report.
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Final

from .lexer import Row, Token

_GRAMMAR: Final = "report.lark"
_TABLE: Final = "report.table.json"
_CHECKOUT: Final = Path(__file__).resolve().parents[3] / "grammar"
_lock = threading.Lock()
_driver: _Driver | None = None


def _grammar_file(name: str) -> str | None:
    """The text of *name* in the grammar folder: of the installed package, else of a source
    checkout; None when there is no such file."""
    packaged = resources.files("disclosure_parser").joinpath("grammar").joinpath(name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = _CHECKOUT / name
    return checkout.read_text(encoding="utf-8") if checkout.is_file() else None


def grammar_text() -> str:
    """The text of ``report.lark``."""
    text = _grammar_file(_GRAMMAR)
    if text is None:
        raise FileNotFoundError(f"{_GRAMMAR} is neither in the package nor in {_CHECKOUT}")
    return text


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def lark_parser(text: str, **options: Any) -> Any:
    """A lark LALR(1) parser of grammar *text* that reads a list of tokens (lark's lexer slot
    is filled by a pass-through: our line classifier makes the tokens). *options* go to
    ``lark.Lark``; the grammar must stay free of conflicts.
    """
    from lark import Lark
    from lark.lexer import Lexer

    class _TokenList(Lexer):
        def __init__(self, lexer_conf: Any) -> None:
            pass

        def lex(self, data: Any) -> Any:  # type: ignore[override]
            return iter(data)

    return Lark(
        text,
        parser="lalr",
        lexer=_TokenList,
        propagate_positions=False,
        maybe_placeholders=False,
        strict=True,
        **options,
    )


def compute_table(text: str) -> dict[str, Any]:
    """The LALR(1) table lark computes for grammar *text*, as the plain data of
    ``report.table.json``: per state, each symbol's next state (shift or goto) or the
    reduction ``[size, rule]`` it calls for.

    States are numbered in the order a breadth-first walk from the start state meets them,
    symbols taken in sorted order, so that the same grammar always gives the same file
    (lark's own numbering may vary from process to process).
    """
    from lark.parsers.lalr_analysis import Shift

    lark = lark_parser(text)
    table = lark.parser.parser.parser.parse_table
    start = table.start_states["start"]
    order = [start]
    number = {start: 0}
    states: list[dict[str, int | list[Any]]] = []
    while len(states) < len(order):
        row: dict[str, int | list[Any]] = {}
        actions = table.states.get(order[len(states)], {})  # (the end state has none)
        for symbol in sorted(actions, key=str):
            action, arg = actions[symbol]
            if action is Shift:
                if arg not in number:
                    number[arg] = len(order)
                    order.append(arg)
                row[str(symbol)] = number[arg]
            else:
                row[str(symbol)] = [len(arg.expansion), str(arg.origin.name)]
        states.append(row)
    end = table.end_states["start"]
    return {
        "comment": f"generated from {_GRAMMAR} by `python -m disclosure_parser.parsing.grammar`; "
        "do not edit",
        "grammar_sha256": _digest(text),
        "start": 0,
        "end": number[end],
        "states": states,
    }


def table_json(table: dict[str, Any]) -> str:
    """*table* as the text of ``report.table.json``: one line per state, so that a change of
    the grammar shows as a readable diff."""
    head = {k: v for k, v in table.items() if k != "states"}
    lines = [json.dumps(head, sort_keys=True, ensure_ascii=False)[:-1] + ', "states": [']
    rows = [json.dumps(row, sort_keys=True, ensure_ascii=False) for row in table["states"]]
    lines.append(",\n".join(rows))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def load_table() -> dict[str, Any]:
    """The table of ``report.lark``: the shipped one when it was made from this grammar, else
    computed by lark."""
    text = grammar_text()
    shipped = _grammar_file(_TABLE)
    if shipped is not None:
        data: dict[str, Any] = json.loads(shipped)
        if data.get("grammar_sha256") == _digest(text):
            return data
    return compute_table(text)


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
    """The LALR(1) automaton of ``report.lark``, run over a list of tokens."""

    def __init__(self, table: dict[str, Any]) -> None:
        drafts = _Drafts()
        reductions: dict[tuple[int, str], _Reduce] = {}
        #: per state: terminal -> the state to shift to, or the reduction to make
        self.actions: list[dict[str, int | _Reduce]] = []
        #: per state: rule name -> the state to go to once the rule is reduced
        self.gotos: list[dict[str, int]] = []
        for entries in table["states"]:
            actions: dict[str, int | _Reduce] = {}
            gotos: dict[str, int] = {}
            for symbol, action in entries.items():
                if isinstance(action, int):
                    if symbol.isupper() or symbol == _END:
                        actions[symbol] = action
                    else:
                        gotos[symbol] = action
                    continue
                size, name = action
                if (size, name) not in reductions:
                    # rules named with a leading underscore (and lark's */+ helpers) are
                    # inlined; every other rule has a callback of its name
                    callback = None if name.startswith("_") else getattr(drafts, name)
                    reductions[size, name] = (size, name, callback)
                actions[symbol] = reductions[size, name]
            self.actions.append(actions)
            self.gotos.append(gotos)
        self.start: int = table["start"]
        self.end: int = table["end"]

    def parse(self, tokens: list[Token]) -> list[SectionDraft]:
        """The drafts of the report whose token stream is *tokens*.

        Raises :class:`UnexpectedToken` where the grammar allows no such token.
        """
        actions, gotos = self.actions, self.gotos
        stack = [self.start]
        values: list[Any] = []
        last = tokens[-1] if tokens else None
        end = Token(_END, Row.__new__(Row), last.line if last else 1, last.column if last else 1)
        for token in (*tokens, end):
            kind = token.type
            while True:
                action = actions[stack[-1]].get(kind)
                if action is None:
                    raise UnexpectedToken(token, list(actions[stack[-1]]))
                if isinstance(action, int):
                    stack.append(action)
                    values.append(token)
                    break
                size, name, callback = action
                if size == 1:
                    value = values.pop()
                    stack.pop()
                    children = value if value.__class__ is _Inline else _Inline((value,))
                elif size:
                    popped = values[-size:]
                    del values[-size:]
                    del stack[-size:]
                    children = popped[0]
                    if children.__class__ is _Inline:
                        # a left-recursive */+ helper: grow its list in place (copying it at
                        # every row would make a long section quadratic)
                        del popped[0]
                    else:
                        children = _Inline()
                    for value in popped:
                        if value.__class__ is _Inline:
                            children.extend(value)
                        else:
                            children.append(value)
                else:
                    children = _Inline()
                result = children if callback is None else callback(children)
                goto = gotos[stack[-1]][name]
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
                _driver = _Driver(load_table())
    return _driver


def _write_table() -> int:
    """Rewrite ``grammar/report.table.json`` of this checkout from ``grammar/report.lark``."""
    text = (_CHECKOUT / _GRAMMAR).read_text(encoding="utf-8")
    (_CHECKOUT / _TABLE).write_text(table_json(compute_table(text)), encoding="utf-8")
    print(f"wrote {_CHECKOUT / _TABLE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(_write_table())
