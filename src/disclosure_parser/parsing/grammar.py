"""``grammar/report.lark`` run by lark's LALR(1) parser, with a Transformer that builds drafts.

The row lexer (:mod:`.lexer`) has already made one token per row, so lark's lexer slot holds a
pass-through (:class:`RowTokens`) and lark's parser reads those tokens. The Transformer
(:class:`Drafts`) is given to ``lark.Lark`` itself: lark calls it at each reduction, so no
tree is built, and rules named with a leading underscore (``_part``, ``_b_row`` …) and the
helpers lark makes for ``*`` and ``+`` are spliced into their parent by lark.

Building the LALR(1) table costs some 100 ms, so the parser is built once per process and its
analysis is kept in lark's cache (:func:`cache_file`): later processes load it in a few
milliseconds. The cache file's name carries a digest of everything it depends on (the grammar,
the options, lark's and Python's versions), so an edited grammar or another lark gets a file of
its own; lark checks the digest again when it reads the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from lark import Lark, Transformer
from lark.exceptions import UnexpectedToken
from lark.lexer import Lexer, LexerState

from .drafts import ABlock, SectionDraft, TableDraft
from .lexer import Row, Token

if TYPE_CHECKING:
    from lark.common import LexerConf

__all__ = ["Drafts", "RowTokens", "UnexpectedToken", "cache_file", "grammar_text", "parse_rows"]

_GRAMMAR: Final = "report.lark"
_CHECKOUT: Final = Path(__file__).resolve().parents[3] / "grammar"
#: environment variable naming the folder of the parser cache ("" switches the cache off)
CACHE_ENV: Final = "DISCLOSURE_PARSER_CACHE"


def grammar_text() -> str:
    """The text of ``report.lark``: of the installed package, else of a source checkout."""
    packaged = resources.files("disclosure_parser").joinpath("grammar").joinpath(_GRAMMAR)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = _CHECKOUT / _GRAMMAR
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{_GRAMMAR} is neither in the package nor in {_CHECKOUT}")


class RowTokens(Lexer):
    """lark's lexer slot, passing on the row tokens the row lexer already made.

    ``Lark.parse`` is given the list of tokens in place of text.
    """

    __future_interface__ = 2

    def __init__(self, lexer_conf: LexerConf) -> None:
        pass

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Any]:
        tokens: Sequence[Token] = lexer_state.text  # type: ignore[assignment]
        return iter(tokens)


class Drafts(Transformer[Token, list[SectionDraft]]):
    """Builds the drafts of :mod:`.drafts`, one method per rule of ``report.lark``.

    lark calls each method with the rule's children, once the rule is reduced: tokens for
    terminals, and what the methods of its sub-rules returned.
    """

    def start(self, children: list[SectionDraft]) -> list[SectionDraft]:
        return children

    def __default__(self, data: Any, children: list[Any], meta: Any) -> _Spliced:
        # only the rules spliced into their parent come here (_body and lark's
        # helpers for * and +; every other rule has a method): lark reads their children only
        return _Spliced(children)

    def front(self, children: list[Any]) -> SectionDraft:
        return SectionDraft(None, children)

    def _make_section(self, children: list[Any]) -> SectionDraft:
        return SectionDraft(children[0], children[1:])

    # the six sections: the heading's token says which it is (SectionDraft.number). (Helpers
    # are named apart from the grammar's inlined rules, such as _body, which lark would
    # otherwise call them for.)
    overview = active_disclosure = applications = _make_section
    reviews = problems = other_matters = _make_section

    # -- table A: blocks of rows, by 第二十条 clause -------------------------------------------

    def table_a(self, children: list[ABlock]) -> TableDraft:
        return TableDraft("A", [], [], children)

    def a_loose(self, children: list[Token]) -> ABlock:
        return _block(None, children)

    def _make_clause(self, children: list[Token]) -> ABlock:
        return _block(children[0].value, children[1:])

    clause_1 = clause_5 = clause_6 = clause_8 = clause_9 = clause_other = _make_clause

    # -- table B: its rows in order, the header rows those before the first row of the body --

    def table_b(self, children: list[Token]) -> TableDraft:
        heads: list[Row] = []
        for token in children:
            if token.type != "B_HEAD":
                break
            heads.append(token.value)
        # the lexer's kind, not the terminal: the table builders place a labelled row by its
        # key, whichever of B_GRANTED, B_WITHHELD … the grammar saw
        return TableDraft("B", heads, [(t.kind, t.value) for t in children[len(heads) :]])

    # -- table C: header rows, then the rows of values ------------------------------------

    def table_c(self, children: list[list[tuple[str, Row]]]) -> TableDraft:
        return _table("C", children)

    def c_header(self, children: list[Token]) -> list[tuple[str, Row]]:
        return [("head", t.value) for t in children]

    def c_values(self, children: list[Token]) -> list[tuple[str, Row]]:
        return [(t.kind, t.value) for t in children]


class _Spliced:
    """The children of a rule that lark splices into its parent (cheaper than a lark Tree)."""

    __slots__ = ("children",)

    def __init__(self, children: list[Any]) -> None:
        self.children = children


def _block(clause: Row | None, children: list[Token]) -> ABlock:
    heads = [t.value for t in children if t.type == "A_HEAD"]
    rows = [t.value for t in children if t.type == "A_ROW"]
    return ABlock(clause, heads, rows)


def _table(kind: str, children: list[list[tuple[str, Row]]]) -> TableDraft:
    heads: list[Row] = []
    body: list[tuple[str, Row]] = []
    for part in children:
        if part and part[0][0] == "head":
            heads.extend(row for _, row in part)
        else:
            body.extend(part)
    return TableDraft(kind, heads, body)


#: lark's options for this grammar (also part of the cache file's name)
_OPTIONS: Final[dict[str, Any]] = {
    "parser": "lalr",
    "lexer": RowTokens,
    "strict": True,  # refuse any conflict: the grammar must stay LALR(1) without choices
    "propagate_positions": False,  # the rows carry their own positions
    "maybe_placeholders": False,
}


def cache_file(text: str) -> Path | None:
    """Where the parser for grammar *text* is cached, or None when caching is switched off.

    The folder is ``$DISCLOSURE_PARSER_CACHE`` when set (an empty value switches the cache
    off), else the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``), else the
    system's temporary folder; it is created when missing.
    """
    import lark

    configured = os.environ.get(CACHE_ENV)
    if configured == "":
        return None
    if configured is not None:
        folder = Path(configured)
    else:
        home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(home) / "disclosure_parser"
    key = "\n".join(
        (text, repr(sorted((k, str(v)) for k, v in _OPTIONS.items())), lark.__version__)
    )
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    name = f"report-{digest}-py{sys.version_info[0]}{sys.version_info[1]}.lark"
    for place in (folder, Path(tempfile.gettempdir()) / "disclosure_parser"):
        try:
            place.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(place, os.W_OK | os.X_OK):
            return place / name
    return None


def _build() -> Lark:
    text = grammar_text()
    path = cache_file(text)
    if path is None:
        return Lark(text, transformer=Drafts(), **_OPTIONS)
    # lark reads the file when its digest of grammar, options and versions matches, and
    # otherwise (no file yet, a damaged one) computes the table and writes the file; the lock
    # keeps processes that start together (a batch on all cores) from reading a file another
    # is writing
    with _locked(path.with_name(path.name + ".lock")):
        return Lark(text, transformer=Drafts(), cache=str(path), **_OPTIONS)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on *path* (POSIX ``flock``; where there is none, or the lock file
    cannot be opened, go on unlocked: at worst two processes both compute the table)."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        handle = open(path, "a+b")  # noqa: SIM115 (held across the yield)
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


_lock = threading.Lock()
_parser: Lark | None = None


def parser() -> Lark:
    """The lark parser of ``report.lark`` with the :class:`Drafts` Transformer, built on first
    use and shared afterwards (it keeps no state between parses)."""
    global _parser
    if _parser is None:
        with _lock:
            if _parser is None:
                _parser = _build()
    return _parser


def parse_rows(tokens: list[Token]) -> list[SectionDraft]:
    """The drafts of the report whose row tokens are *tokens*.

    Raises lark's :class:`~lark.exceptions.UnexpectedToken` where the grammar allows no such
    token (its ``token`` and ``expected`` say which and what).
    """
    return cast("list[SectionDraft]", parser().parse(tokens))  # type: ignore[arg-type,unused-ignore]
