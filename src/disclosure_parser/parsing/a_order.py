"""Table A read by blocks of columns: item labels in one place, their numbers in another.

``pdftotext`` in its default mode reads table A by blocks: the item labels of a 第二十条
block (规章, 规范性文件), then its column header, then the numbers of all its items, one a
line; the labels of the next blocks may even come after their numbers::

    规章 / 规范性文件 / 本年新 / 制作数量 / … / 13 / 13 / 524 / 60 / 60 / 368
    上一年项目数量本年增/减处理决定数量 / 0 / 0 / 0 / 0 / 0 / 0
    第二十条第（五）项 / 信息内容 / 行政许可 / 其他对外管理服务事项

Nothing on a line says whose a number is; the template does. Its items come in a fixed
order, each 第二十条 block with its own column header and width, so the runs of numbers,
taken in the order printed, go to the blocks in the template's order, and within a block to
its items in turn, row by row. :func:`place_in_template_order` does that only where it is
the one way: every run fills a whole block whose items' labels are printed and still lack
numbers (a number printed on an item's own line is its first column, the run gives the
rest), the column header printed before the run is that block's (its words are the
template's columns for it), and no other assignment of runs to blocks, in either template,
fits as well. A run that fits no block, or fits two, leaves every run where it was (read as
before: withheld where it does not fit its row). Each number so given carries a warning on
its line: it is a reading, not what the text printed beside the label.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, Protocol, TypeVar

from ..core.keys import ITEM_COLUMNS, ITEMS, Template
from ..core.messages import Message, msg
from ..core.model import Severity
from ..core.text import fold
from . import labels
from .raw import RawCell

#: the 第二十条 blocks in the template's order
_CLAUSES: Final = tuple(dict.fromkeys(clause for clause, _ in ITEMS.values()))
#: header words that name no column: the first header cell, over the item labels
_NEUTRAL: Final = ("信息内容",)


class _Row(Protocol):
    key: str | None
    label: str
    folded: str
    kind: str
    values: list[RawCell]
    notes: list[tuple[str, Severity, Message, int, int]]
    #: the columns the row's values are read in, where the lexer decided them
    columns: tuple[str, ...] | None


class _Token(Protocol):
    kind: str
    type: str

    @property
    def value(self) -> _Row: ...


_T = TypeVar("_T", bound=_Token)


class _Run:
    """A run of numbers printed one a line, and the header words printed before it."""

    def __init__(self, index: int, row: _Row, header: list[str], adjacent: bool) -> None:
        #: where the run stands in the token stream
        self.index = index
        #: the row that carries it: an item's, when the run came right after its label
        self.row = row
        self.cells = list(row.values)
        self.header = header
        #: whether only header words stand between the run before and this one
        self.adjacent = adjacent


class _Item:
    """An item's label as printed, the numbers printed with it, and the header above it."""

    def __init__(self, index: int, row: _Row, header: list[str]) -> None:
        self.index = index
        self.row = row
        self.cells = [c for c in row.values if c.text]
        self.header = header


#: a reading: the template, and the runs each block takes (with the items they fill)
_Way = tuple[Template, list[tuple[list[_Item], list[_Run]]]]


def place_in_template_order(tokens: list[_T]) -> None:
    """Give the runs of numbers of each table A in *tokens* to its labelled items by the
    template's order, where that is the one way they fit (see the module docstring); the
    tokens that carried the runs alone are removed."""
    start = 0
    while start < len(tokens):
        if tokens[start].type != "_A_BEGIN":
            start += 1
            continue
        end = start + 1
        while end < len(tokens) and tokens[end].kind in ("A_CLAUSE", "A_HEAD", "A_ROW"):
            end += 1
        lone = _place(tokens, start + 1, end)
        for k in reversed(lone):
            del tokens[k]
        start = end - len(lone)


def _place(tokens: list[_T], start: int, end: int) -> list[int]:
    """Place the runs of the table A in ``tokens[start:end]``; the tokens left empty."""
    items: list[_Item] = []
    lone: list[_Run] = []
    header: list[str] = []
    used = False  # whether the header words so far were read by a row or a run
    adjacent = False
    for k in range(start, end):
        token = tokens[k]
        row = token.value
        printed = [c for c in row.values if c.text]
        if token.kind == "A_HEAD" or (token.kind == "A_ROW" and row.key is None and not printed):
            words = row.folded
            for neutral in _NEUTRAL:
                words = words.replace(neutral, "")
            if words:
                header, used = ([words] if used else [*header, words]), False
            continue
        if token.kind != "A_ROW":
            continue  # a 第二十条 caption
        if len(printed) != len(row.values):
            return []  # a blank line among the numbers: where it stands, nothing says
        if row.key is not None:
            if any(item.row.key == row.key for item in items):
                return []  # an item printed twice: whose numbers a run is, nothing says
            items.append(_Item(k, row, header))
            used = used or bool(printed)
            adjacent = False
            continue
        lone.append(_Run(k, row, header, adjacent))
        used, adjacent = True, True
    _own_columns(items)
    ways = list(_ways(items, lone))
    if len(ways) == 1:
        template, blocks = ways[0]
        for members, runs in blocks:
            header = [words for run in runs for words in run.header]
            _give(members, [c for run in runs for c in run.cells], template, header)
        return [run.index for _, runs in blocks for run in runs if run.row.key is None]
    return []


def _own_columns(items: list[_Item]) -> None:
    """Read the items printed with a whole row of numbers in their template's columns where
    the header words above them are those columns in pieces only one template has
    (本年新 / 制作数量 / 本年新对外公开总数量 / 公开数量: the header, read by blocks, names no
    column whole, yet only the 2019 template's columns are made of those pieces)."""
    for item in items:
        fits = {
            names
            for columns in ITEM_COLUMNS.values()
            if (names := columns.get(item.row.key or "")) is not None
            and len(names) == len(item.cells)
            and _header_is(item.header, names)
        }
        if len(fits) == 1:
            item.row.columns = _printed(item.header, fits.pop())


def _ways(items: list[_Item], lone: list[_Run]) -> Iterator[_Way]:
    """Each template and assignment of the runs, in order, to blocks in the template's order
    (each block at most once) that fits (see :func:`_spans`). Under a template an item's
    numbers printed with its label are its first columns where they are fewer than its
    columns, and a run of the whole block where they are more (they came after the label
    one a line)."""
    for template, columns in ITEM_COLUMNS.items():
        if any(item.row.key not in columns for item in items):
            continue
        runs = list(lone)
        open_: list[_Item] = []
        for item in items:
            width = len(columns[item.row.key or ""])
            if len(item.cells) < width:
                open_.append(item)
            elif len(item.cells) > width:
                if item.row.kind != "stream":
                    break  # a row that prints more numbers than it has columns: not read here
                runs.append(_Run(item.index, item.row, item.header, False))
                open_.append(item)
        else:
            runs.sort(key=lambda run: run.index)
            if runs:
                blocks = [
                    [item for item in open_ if ITEMS[item.row.key or ""][0] == clause]
                    for clause in _CLAUSES
                ]
                for way in _assign(runs, [b for b in blocks if b], columns, 0, 0):
                    yield template, way


def _assign(
    runs: list[_Run],
    blocks: list[list[_Item]],
    columns: dict[str, tuple[str, ...]],
    i: int,
    first: int,
) -> Iterator[list[tuple[list[_Item], list[_Run]]]]:
    """The ways runs ``i`` on fill blocks ``first`` on, in order."""
    if i == len(runs):
        yield []
        return
    for j in range(first, len(blocks)):
        for span in _spans(runs, i, blocks[j], columns):
            if any(
                r.row.key is not None and r.row not in {m.row for m in blocks[j]}
                for r in runs[i : i + span]
            ):
                continue  # numbers read after an item's label are its block's or none
            for rest in _assign(runs, blocks, columns, i + span, j + 1):
                yield [(blocks[j], runs[i : i + span]), *rest]


def _spans(
    runs: list[_Run], i: int, members: list[_Item], columns: dict[str, tuple[str, ...]]
) -> Iterator[int]:
    """How many runs from ``runs[i]`` on fill the block of the open items *members*: one run
    with exactly the numbers they lack, under a header whose words are the block's columns;
    or, for a block of one item, adjacent runs filling its columns one by one, each under
    its own columns' names (PDF text prints such a block a header cell and its number at a
    time)."""
    names = columns[members[0].row.key or ""]
    lacking = sum(len(names) - len(_head(item, names)) for item in members)
    if len(runs[i].cells) == lacking and _header_is(runs[i].header, names):
        yield 1
    if len(members) != 1 or _head(members[0], names):
        return
    taken = 0
    for k in range(i, len(runs)):
        if k > i and not runs[k].adjacent:
            return
        own = names[taken : taken + len(runs[k].cells)]
        if len(own) < len(runs[k].cells) or not _header_names(runs[k].header, own):
            return
        taken += len(own)
        if taken == len(names) and k > i:
            yield k - i + 1
            return


def _head(item: _Item, names: tuple[str, ...]) -> list[RawCell]:
    """The numbers printed with *item*'s label that start its row (fewer than its columns);
    more than that are a run, read as one."""
    return item.cells if len(item.cells) < len(names) else []


def _header_is(header: list[str], names: tuple[str, ...]) -> bool:
    """Whether the header words printed before a run are the columns *names*, whole or in
    pieces (PDF text breaks a header cell over lines: 本年新 / 制作数量): each piece, once
    the whole names in it are taken out, is part of one of them."""
    if not header:
        return False
    folded = sorted((fold(n) for n in names), key=len, reverse=True)
    for piece in header:
        rest = piece
        for name in folded:
            rest = rest.replace(name, "")
        if rest and not any(rest in name for name in folded):
            return False
    # the numbers follow the columns as printed: a header naming each column whole in
    # another order than the template's is another table's
    found = _named(header)
    return len(found) != len(names) or _in_order(found, names)


def _header_names(header: list[str], names: tuple[str, ...]) -> bool:
    """Whether the header words printed before a run are exactly the columns *names*, whole
    and in order."""
    return "".join(header) == "".join(fold(n) for n in names)


def _printed(header: list[str], names: tuple[str, ...]) -> tuple[str, ...]:
    """The columns *names* as the header words name them, where they name each whole, in
    order (本年收费金额 for 本年收费金额（单位：万元）); else the template's names."""
    found = _named(header)
    return found if _in_order(found, names) else names


def _named(header: list[str]) -> tuple[str, ...]:
    """The columns the header words name whole, in the order printed."""
    return tuple(name for _, name, _, _ in labels.a_columns("".join(header)))


def _in_order(found: tuple[str, ...], names: tuple[str, ...]) -> bool:
    """Whether the columns *found* are *names*, one for one and in order (a name printed
    short of its template's wording, 本年收费金额, is the same column)."""
    return len(found) == len(names) and all(
        name.startswith(f) for f, name in zip(found, names, strict=True)
    )


def _give(
    members: list[_Item], cells: list[RawCell], template: Template, header: list[str]
) -> None:
    """Fill the rows of *members* in turn from *cells*, after the numbers each printed with
    its label, each to its template's width, and say so on each number's line."""
    for item in members:
        row = item.row
        names = ITEM_COLUMNS[template][row.key or ""]
        head = _head(item, names)
        taken = len(names) - len(head)
        row.values, cells = [*head, *cells[:taken]], cells[taken:]
        row.kind = "template"
        row.columns = _printed(header, names)
        for cell in row.values[len(head) :]:
            row.notes.append(
                (
                    "reading_order",
                    "warning",
                    msg("reading_order.a_template", label=row.label, value=cell.text),
                    cell.line,
                    cell.column,
                )
            )
