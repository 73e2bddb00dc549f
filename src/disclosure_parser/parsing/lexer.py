"""The line classifier: turns logical rows into the tokens ``grammar/report.lark`` reads.

One token per row. Which token a row becomes depends on what it says (a heading, a 第二十条
caption, a row label of table B …) and on the table the lexer is in, which it tracks like a
lexer mode: a row of bare numbers is table C's value row after table C's header, an unlabelled
row of table B inside table B, and prose elsewhere.
"""

from __future__ import annotations

import re
from typing import Final

from ..core.text import fold, has_cjk
from . import labels
from .cells import classify, looks_like_value
from .raw import RawCell, RawRow
from .rows import read_rows

# token types (the terminals %declare'd in the grammar)
TITLE: Final = "TITLE"
TEXT: Final = "TEXT"
HEADINGS: Final = {
    1: "H_OVERVIEW",
    2: "H_ACTIVE",
    3: "H_REQUESTS",
    4: "H_REVIEWS",
    5: "H_PROBLEMS",
    6: "H_OTHER",
}
A_CLAUSE, A_HEAD, A_ROW = "A_CLAUSE", "A_HEAD", "A_ROW"
B_HEAD, B_ROW, B_VALUES, B_LABEL = "B_HEAD", "B_ROW", "B_VALUES", "B_LABEL"
C_HEAD, C_ROW = "C_HEAD", "C_ROW"

#: the table each row token belongs to; entering a table emits its zero-width *_BEGIN token
_TABLE_OF: Final = {
    A_CLAUSE: "A",
    A_HEAD: "A",
    A_ROW: "A",
    B_HEAD: "B",
    B_ROW: "B",
    B_VALUES: "B",
    B_LABEL: "B",
    C_HEAD: "C",
    C_ROW: "C",
}

_JUNK: Final = re.compile(
    r"^(?:附件\d*:?|附表\d*:?|正文|目录|返回顶部|打印本页|关闭窗口|【?打印】?|\[?关闭\]?"
    r"|-\d{1,3}-|第\d{1,3}页(?:/?共\d{1,3}页)?|\d{1,3}/\d{1,3})$"
)
_SENTENCE_END: Final = re.compile(r"[。；;！!？?]")
_PROSE: Final = re.compile(r"[，,。；;]")
_TOKEN: Final = re.compile(r"[^\s\u3000]+")
#: a line holding a single cell's value (a unit may stand apart: "7.5 万元")
_ONE_VALUE: Final = re.compile(r"[^\s\u3000]+(?:[\s\u3000]+(?:万元|亿元|千元|元))?")
_UNIT_WORD: Final = re.compile(r"^(?:万元|亿元|千元|元|件|个|项|次|条)$")

#: the zero-width token that opens each table
_BEGIN: Final = {"A": "_A_BEGIN", "B": "_B_BEGIN", "C": "_C_BEGIN"}

#: the grammar's terminal for a labelled row of table B, by the first part of its row key
_B_TERMINALS: Final = {
    "new_received": "B_NEW_RECEIVED",
    "carried_over": "B_CARRIED_OVER",
    "granted": "B_GRANTED",
    "partially_granted": "B_PARTIALLY_GRANTED",
    "withheld": "B_WITHHELD",
    "unavailable": "B_UNAVAILABLE",
    "not_processed": "B_NOT_PROCESSED",
    "other_handling": "B_OTHER_HANDLING",
    "total": "B_TOTAL",
    "carried_forward": "B_CARRIED_FORWARD",
}
#: the grammar's terminal for a 第二十条 caption, by the item number it names
_A_CLAUSES: Final = {
    "一": "A_CLAUSE_1",
    "五": "A_CLAUSE_5",
    "六": "A_CLAUSE_6",
    "八": "A_CLAUSE_8",
    "九": "A_CLAUSE_9",
}
#: the levels of table C's header, and the words that name each
_C_LEVELS: Final = (
    ("C_SUITS", re.compile("未经复议|复议后")),
    ("C_OUTCOMES", re.compile("维持|纠正|其他结果|审结")),
    ("C_GROUPS", re.compile("行政复议|行政诉讼")),
)


def _terminal(kind: str, row: Row) -> str:
    """The grammar's terminal for a row the lexer classified as *kind*."""
    if kind == B_ROW:
        return _B_TERMINALS.get((row.key or "").partition(".")[0], B_ROW)
    if kind == A_CLAUSE:
        return _A_CLAUSES.get(row.key or "", A_CLAUSE)
    if kind == C_HEAD:
        # a row of one level of the header is named after it; one that mixes levels (a
        # flattened header) or names none (a fragment of PDF text) stays C_HEAD
        levels = [name for name, words in _C_LEVELS if words.search(row.folded)]
        if len(levels) == 1:
            return levels[0]
    return kind


# modes
_NARRATIVE, _A, _B, _C = 0, 1, 2, 3


class Token:
    """One token of the stream the grammar reads: its terminal, its kind and the row it carries.

    ``kind`` is what the lexer decided the row is (``B_ROW``: a labelled row of table B);
    ``type`` is the grammar's terminal, which may say more (``B_WITHHELD``: a labelled row of
    table B under （三）不予公开). lark's parser reads ``type``, and borrows ``line`` and
    ``column`` (and the attributes below, which stay None) for the end of input.

    (lark's own Token is a str subclass built for character lexers: making one per row costs
    more than this class, and the parser needs only these fields.)
    """

    __slots__ = ("column", "kind", "line", "type", "value")

    # read by lark when it makes the end-of-input token from the last one
    start_pos = end_line = end_column = end_pos = None

    def __init__(
        self, type_: str, value: Row, line: int | None, column: int | None, kind: str = ""
    ) -> None:
        self.type = type_
        self.kind = kind or type_
        self.value = value
        self.line = line
        self.column = column

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r})"


class Row:
    """The payload of a token: a logical row split into label cells and value cells."""

    __slots__ = ("cells", "column", "folded", "key", "kind", "label", "labels", "line", "values")

    def __init__(self, raw: RawRow, labels_: list[RawCell], values: list[RawCell]) -> None:
        self.kind = raw.kind
        self.cells = raw.cells
        self.labels = labels_
        self.values = values
        self.label = labels_[0].text if len(labels_) == 1 else "".join([c.text for c in labels_])
        self.folded = fold(self.label)
        self.key: str | None = None
        first = labels_[0] if labels_ else (values[0] if values else raw.cells[0])
        self.line = first.line
        self.column = first.column

    def __str__(self) -> str:
        return self.label or " ".join(c.text for c in self.values)

    def __repr__(self) -> str:
        return f"Row({self.line}, {self.label!r}, {[c.text for c in self.values]})"


def _split_cells(cells: list[RawCell], kind: str) -> tuple[list[RawCell], list[RawCell]]:
    """Label cells (the leading text) and value cells (everything after the last label)."""
    last_label = -1
    for i, cell in enumerate(cells):
        if cell.glued:
            break
        if not cell.text or cell.filler:
            continue
        if not looks_like_value(cell.text):
            last_label = i
        else:
            break
    labels_ = [c for c in cells[: last_label + 1] if c.text and not c.filler]
    values = cells[last_label + 1 :]
    # An empty cell is layout filler only where layout leaves one: right after the label (the
    # shadow of a merged label cell) and after the last printed value (a row narrower than its
    # header). Elsewhere an empty cell is a cell printed blank.
    last = len(values) - 1  # the last printed value
    while last >= 0 and not values[last].text:
        last -= 1
    if values and labels_ and not values[0].text:
        # one cell per line: an empty line after the label may be a merged label's remnant or
        # a blank cell, equally; in rows of cells it is a merged label's shadow
        values[0].filler = True
        values[0].shadow = kind != "cells"
    for cell in values[1 : last + 1]:
        if cell.filler:
            cell.filler = False
    if values and not labels_ and values[0].filler and last > 0:
        values[0].filler = False  # no label, no shadow: a leading empty cell is a blank
    return labels_, values


def _split_plain(cell: RawCell) -> list[RawCell]:
    """Split a plain line such as "行政许可 97" or "0 0 1" at spaces into cells.

    A unit written apart from its number ("7.5 万元") stays with the number.
    """
    out: list[RawCell] = []
    for m in _TOKEN.finditer(cell.text):
        word = m.group()
        if out and _UNIT_WORD.match(word) and classify(out[-1].text)[0] == "number":
            out[-1].text += " " + word
            continue
        out.append(RawCell(word, cell.line, cell.column + m.start(), False))
    # keep the label in one piece: words before the first value belong together
    first_value = next((i for i, c in enumerate(out) if classify(c.text)[0] != "text"), len(out))
    if first_value > 1:
        head = out[:first_value]
        joined = RawCell(
            cell.text[: head[-1].column - cell.column + len(head[-1].text)],
            cell.line,
            cell.column,
            False,
        )
        out = [joined, *out[first_value:]]
    return out


class _Lexer:
    """Classifies rows one by one, keeping the table mode between them."""

    def __init__(self) -> None:
        self.mode = _NARRATIVE
        self.front = True  # no section heading seen yet
        self.title_seen = False
        self.open_table: str | None = None
        self.section = 0  # the last section heading seen
        self.c_values = 0  # value cells seen in the current table C
        #: numbers printed one per line (text extracted from PDF), waiting to become a row
        self.stream: list[RawCell] = []
        self.tokens: list[Token] = []

    def emit(self, kind: str, row: Row) -> None:
        table = _TABLE_OF.get(kind)
        if table != self.open_table:
            if table is not None:
                self.tokens.append(Token(_BEGIN[table], row, row.line, row.column))
            self.open_table = table
        self.tokens.append(Token(_terminal(kind, row), row, row.line, row.column, kind))

    def run(self, rows: list[RawRow]) -> list[Token]:
        for raw in rows:
            self.classify(raw)
        self._flush()
        return self.tokens

    def classify(self, raw: RawRow) -> None:
        cells = raw.cells
        visible = [c for c in cells if c.text]
        if (
            raw.gap > 1
            and raw.kind == "plain"
            and len(visible) == 1
            and self.mode != _NARRATIVE
            and self._streaming()
        ):
            # text browsers print one cell per line with a blank line between cells, and an
            # empty cell as one more blank line
            first = visible[0] if visible else cells[0]
            self.stream += [RawCell("", first.line, 1, False) for _ in range(raw.gap - 1)]
        if (
            raw.kind == "plain"
            and self.mode != _NARRATIVE
            and len(visible) == 1
            and _ONE_VALUE.fullmatch(visible[0].text) is not None
            and classify(visible[0].text)[0] != "text"
        ):
            # one number on a line of its own inside a table: text extracted from a PDF prints
            # every cell on its own line; the numbers after a label make its row
            self.stream.append(visible[0])
            return
        self._flush()
        if len(visible) == 1 and (raw.kind == "plain" or classify(visible[0].text)[0] == "text"):
            # one piece of text (a line, or a row whose other cells are empty): it may be a
            # heading or the title, whatever layout it came in
            text = visible[0].text
            folded = fold(text)
            if not folded or _JUNK.match(folded):
                return
            number = labels.heading_number(folded)
            if number is not None:
                self.front = False
                self.mode = _NARRATIVE
                self.section = number
                row = Row(raw, cells, [])
                row.key = str(number)
                self.emit(HEADINGS[number], row)
                return
            if self.front and not self.title_seen and labels.is_title(folded):
                self._title(raw, folded)
                return
            if raw.kind == "plain" and (self.mode != _NARRATIVE or self._table_like(folded)):
                cells = _split_plain(cells[0])
        labels_, values = _split_cells(cells, raw.kind)
        row = Row(raw, labels_, values)
        self._table_row(row, raw)

    def _streaming(self) -> bool:
        """Whether the cells of a row are arriving one per line: numbers, or a row label."""
        if self.stream:
            return True
        last = self.tokens[-1] if self.tokens else None
        return last is not None and (
            last.kind in (B_LABEL, C_HEAD)
            or (last.kind == A_ROW and not any(c.text for c in last.value.values))
        )

    def _flush(self) -> None:
        """Turn the numbers printed one per line into the row they belong to."""
        if not self.stream:
            return
        cells, self.stream = self.stream, []
        row = Row(RawRow(cells, cells[0].line, "stream"), [], cells)
        if not any(c.text for c in cells) and self.mode != _B:
            return  # blank lines only
        if self.mode == _A:
            last = self.tokens[-1] if self.tokens else None
            if (
                last is not None
                and last.kind == A_ROW
                and not any(c.text for c in last.value.values)
            ):
                last.value.values = cells  # the item label printed just before
                last.value.kind = "stream"
            else:
                self.emit(A_ROW, row)
        elif self.mode == _B:
            if len(cells) >= 4:
                self.emit(B_VALUES, row)
            # else: a stray digit among label fragments (converted PDFs); not a row
        elif self.mode == _C:
            self.emit(C_ROW, row)
            self.c_values += len(cells)
            if self.c_values >= 15:
                self.mode = _NARRATIVE

    # -- title -----------------------------------------------------------------------------

    def _title(self, raw: RawRow, folded: str) -> None:
        """Emit the title, joining it with the line before when it was split in two."""
        self.title_seen = True
        row = Row(raw, raw.cells, [])
        org, _ = labels.organization_from_title(folded)
        previous = self.tokens[-1] if self.tokens else None
        if (
            previous is not None
            and previous.kind == TEXT
            and previous.line is not None
            and row.line - previous.line <= 2
        ):
            prev_row: Row = previous.value
            short = len(prev_row.folded) <= 30 and not _SENTENCE_END.search(prev_row.folded)
            if short and (org is None or folded.startswith("年度报告")):
                self.tokens.pop()
                prev_row.labels = prev_row.labels + row.labels
                prev_row.label += row.label
                prev_row.folded += row.folded
                row = prev_row
        self.emit(TITLE, row)

    # -- tables ----------------------------------------------------------------------------

    @staticmethod
    def _table_like(folded: str) -> bool:
        """A plain line in prose that still reads as a table row (label then numbers)."""
        return (
            len(folded) <= 60
            and _PROSE.search(folded) is None
            and labels.row_key(folded) is not None
        )

    def _table_row(self, row: Row, raw: RawRow) -> None:
        folded = row.folded
        if raw.kind == "flat":
            self._flat_row(row)
            return
        numbers = [c for c in row.values if c.text and not c.filler and looks_like_value(c.text)]
        short = len(folded) <= 60 and not _SENTENCE_END.search(folded)
        multi = len(raw.cells) > 1

        # a row of empty cells is a row of blanks when it has a table row's width
        slots = len(row.values)
        if not numbers and slots >= 5 and short:
            if not folded and self.mode == _C:
                self.emit(C_ROW, row)
                return
            if self.mode in (_B, _NARRATIVE) and (key := labels.row_key(folded)) is not None:
                row.key = key
                self.mode = _B
                self.emit(B_ROW, row)
                return
        if not numbers:
            if short and (multi or len(folded) <= 30):
                clause = labels.clause_of(folded)
                if clause is not None:
                    row.key = clause
                    self.mode = _A
                    self.emit(A_CLAUSE, row)
                    return
                if folded.startswith("信息内容") or (self.mode == _A and labels.a_columns(folded)):
                    self.mode = _A
                    self.emit(A_HEAD, row)
                    return
            # header rows: in their section, or in a row of several cells, a long one too
            if (
                (short or (len(folded) <= 120 and "稽关系" in folded))
                and labels.is_b_header(folded)
                and self.mode != _C
                and (self.mode == _B or multi or self.section == 3)
            ):
                self.mode = _B
                self.emit(B_HEAD, row)
                return
            if short and (
                (self.mode == _C and (multi or len(folded) <= 30))
                or (labels.is_c_header(folded) and (multi or self.section == 4))
            ):
                self._enter_c()
                self.emit(C_HEAD, row)
                return
            if self.mode == _B and short:
                # a wrapped or detached label fragment (PDF text prints merged labels a
                # character a line: 三 / 、 / 本 / 年 …); prose ends the table
                row.key = labels.row_key(folded)
                if (
                    multi
                    or row.key is not None
                    or len(folded) <= 20
                    or labels.is_b_header(folded)
                    or labels.is_group_label(folded)
                ):
                    self.emit(B_LABEL, row)
                    return
            if self.mode == _A and short:
                # an item label, or a fragment of one wrapped onto two lines
                row.key = labels.item_key(folded)
                if row.key is not None or (len(folded) <= 20 and has_cjk(folded)):
                    self.emit(A_ROW, row)
                    return
            self._text(row, raw)
            return

        if not folded:
            if self.mode == _C:
                self.emit(C_ROW, row)
                self.c_values += len(numbers)
                if self.c_values >= 15:
                    self.mode = _NARRATIVE  # the table's 15 numbers are in
                return
            if self.mode == _B:
                if len(numbers) >= 4:
                    self.emit(B_VALUES, row)
                # else: a stray digit among label fragments (converted PDFs); not a row
                return
            if self.mode == _A:
                self.emit(A_ROW, row)
                return
            self._text(row, raw)
            return

        key = labels.row_key(folded)
        if (
            key is not None
            and self.mode in (_B, _NARRATIVE)
            and short
            and (self.mode == _B or len(numbers) >= 4 or labels.is_group_label(folded))
        ):
            row.key = key
            self.mode = _B
            self.emit(B_ROW, row)
            return
        item = labels.item_key(folded)
        if item is not None and short and self.mode in (_A, _NARRATIVE):
            row.key = item
            self.mode = _A
            self.emit(A_ROW, row)
            return
        if self.mode == _A and short:
            self.emit(A_ROW, row)  # an item label the vocabulary does not know
            return
        if self.mode == _B and short:
            row.key = None
            self.emit(B_ROW, row)
            return
        if self.mode == _C and short and labels.is_c_header(folded):
            self.emit(C_ROW, row)
            return
        self._text(row, raw)

    def _flat_row(self, row: Row) -> None:
        """A label and its glued run of numbers, cut out of a flattened line."""
        folded = row.folded
        key = labels.row_key(folded)
        if labels.is_c_header(folded) and "行政诉讼" in folded:
            self._enter_c()
            self.emit(C_ROW, row)
            self.mode = _NARRATIVE  # the whole of table C was in that one run
            return
        if key is not None:
            row.key = key
            self.mode = _B
            self.emit(B_ROW, row)
            return
        row.key = labels.item_key(folded)
        self.mode = _A
        self.emit(A_ROW, row)

    def _enter_c(self) -> None:
        if self.mode != _C:
            self.mode = _C
            self.c_values = 0

    def _text(self, row: Row, raw: RawRow) -> None:
        self.mode = _NARRATIVE
        # prose keeps the whole line; a table row that fits no table keeps its cells' words
        row.labels = raw.cells
        row.label = "\t".join(c.text for c in raw.cells)
        self.emit(TEXT, row)


def tokenize(text: str) -> list[Token]:
    """The token stream of *text*: one token per logical row (see the module docstring)."""
    return _Lexer().run(read_rows(text))
