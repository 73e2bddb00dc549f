"""The line classifier: turns logical rows into the tokens ``grammar/report.lark`` reads.

One token per row. Which token a row becomes depends on what it says (a heading, a 第二十条
caption, a row label of table B …) and on the table the lexer is in, which it tracks like a
lexer mode: a row of bare numbers is table C's value row after table C's header, an unlabelled
row of table B inside table B, and prose elsewhere.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Iterator, Sequence
from typing import Final

from ..core.keys import APPLICANT_COLUMNS, ITEMS
from ..core.messages import Message, msg
from ..core.model import Severity
from ..core.text import fold, has_cjk, strip_numbering
from . import a_order, labels, page_edge, review_positions
from .cells import classify, looks_like_value, whole_row
from .positions import NO_GRID as _NO_GRID
from .positions import Grid, Mark, by_column, gaps, place, stack
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
_HEADING_KINDS: Final = frozenset(HEADINGS.values())
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
#: what a printed page carries besides the report (a browser's print header and footer: the
#: page's address, "2/4", the date and time with the page title), after folding
_FURNITURE: Final = re.compile(
    r"^(?:(?:file|https?):/+\S*?(?:\d{1,3}/\d{1,3})?"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2})?(?:AM|PM|am|pm)?.*)$"
)
#: two pieces of a line set apart by a run of spaces (fields of space-aligned text)
_FIELDS: Final = re.compile(r"\S[ \u3000]{2,}\S")
_SENTENCE_END: Final = re.compile(r"[。；;！!？?]")
_PROSE: Final = re.compile(r"[，,。；;]")
_TOKEN: Final = re.compile(r"[^\s\u3000]+")
#: a line holding a single cell's value (a unit may stand apart: "7.5 万元")
_ONE_VALUE: Final = re.compile(r"[^\s\u3000]+(?:[\s\u3000]+(?:万元|亿元|千元|元))?")
#: the numbering a row label starts with (一、 （一） 1.); no header cell has one
_ORDINAL: Final = re.compile(r"[*(\[]*[一二三四五六七八九十\d]{1,2}[)\]、.]")
#: a row's numbering after a space inside a line of label text
_INNER_ORDINAL: Final = re.compile(
    r"[ \u3000]((?:[(（][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]、"
    r"|\d{1,2}[.．、])\S)"
)
#: a 第二十条 caption as printed (see labels._CLAUSE for the folded form)
_CAPTION: Final = re.compile(r"第二十条第?[(（\[]?[一二三四五六七八九十]{1,2}[)）\]]?项?")
#: a header cell naming table B's total column
_TOTALS: Final = ("总计", "合计")
#: table B's rows before its outcomes' (一、本年新收, 二、上年结转), and a row not yet named
_INTAKE: Final = (None, "new_received", "carried_over")
#: what an empty cell may hold
_BLANK: Final = " \t\xa0\u3000"
_UNIT_WORD: Final = re.compile(r"^(?:万元|亿元|千元|元|件|个|项|次|条)$")

#: the zero-width token that opens each table
_BEGIN: Final = {"A": "_A_BEGIN", "B": "_B_BEGIN", "C": "_C_BEGIN"}
_BEGINS: Final = frozenset(_BEGIN.values())

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


#: the kinds of row whose terminal says more than the kind (see _terminal)
_NAMED_BY_ROW: Final = frozenset({B_ROW, A_CLAUSE, C_HEAD})


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


#: what the lexer says about a row: (code, severity, message, line, column)
Note = tuple[str, Severity, Message, int, int]


class Row:
    """The payload of a token: a logical row split into label cells and value cells."""

    __slots__ = (
        "cells",
        "choices",
        "column",
        "columns",
        "end_line",
        "folded",
        "key",
        "kind",
        "label",
        "labels",
        "line",
        "notes",
        "placing",
        "strays",
        "values",
    )

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
        #: the last physical line the row took (a label may wrap after its numbers)
        self.end_line = raw.line
        #: what the lexer has to say about the row: (code, severity, message, line, column),
        #: reported by assemble.py
        self.notes: list[Note] = []
        #: numbers on lines after it taken for stray digits, not rows of table B (kept for
        #: reading the table by blocks: :func:`.tables._printed_values`)
        self.strays: list[RawCell] = []
        #: the ways its values may line up with the table's columns, where their positions
        #: narrow them down (see :mod:`.positions`); None: every way
        self.choices: list[list[RawCell]] | None = None
        #: the ways of reading the page the row is on, shared by its rows (see
        #: :mod:`.positions`): ``choices[k]`` is the row read the page's k-th way
        self.placing: list[tuple[int, ...]] | None = None
        #: the columns a table A row's values are read in, where the lexer decided them
        #: (:mod:`.a_order`); None: the column header above the row says
        self.columns: tuple[str, ...] | None = None

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
    while values and values[0].labelled:
        values = values[1:]  # a drawn grid's label columns left empty by this row's label
    # An empty cell is layout filler only where layout leaves one: right after the label (the
    # shadow of a merged label cell) and after the last printed value (a row narrower than its
    # header). Elsewhere an empty cell is a cell printed blank.
    last = len(values) - 1  # the last printed value
    while last >= 0 and not values[last].text:
        last -= 1
    if values and labels_ and not values[0].text and not values[0].drawn:
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
        self.title_folded = ""  # the title line as folded, to know it again as a page header
        self.open_table: str | None = None
        self.section = 0  # the last section heading seen
        self.c_values = 0  # value cells seen in the current table C
        #: where the rest of a table C cut short by the next section's heading would go in
        #: the tokens (see :meth:`_after_c`), and the numbers seen for it so far
        self.c_after: int | None = None
        self.c_more: list[RawCell] = []
        self.b_numbers = False  # whether the current table B has had a row of values yet
        self.b_outcomes = False  # whether it has had a row past the two intake rows yet
        #: whether a page's furniture (a page number, a form feed) came since the last row
        self.page_break = False
        #: numbers printed inside a wrapped label, waiting for the rest of their row
        self.held: list[RawCell] = []
        self.held_at = 0
        #: numbers printed one per line (text extracted from PDF), waiting to become a row
        self.stream: list[RawCell] = []
        #: whether any numbers came one per line (only their rows' order can be in doubt)
        self.streamed = False
        #: how many numbers of one line started the stream (:meth:`_stream_starts`)
        self.started = 0
        self.tokens: list[Token] = []
        #: where each line stands in the pages of PDF text (see :mod:`.positions`)
        self.grid: Grid = _NO_GRID

    def emit(self, kind: str, row: Row) -> None:
        table = _TABLE_OF.get(kind)
        if table != self.open_table:
            if table is not None:
                self.tokens.append(Token(_BEGIN[table], row, row.line, row.column))
            self.open_table = table
            self.b_numbers = False
            self.b_outcomes = False
        if kind in (B_ROW, B_LABEL) and row.key not in _INTAKE:
            self.b_outcomes = True
        if kind in (B_ROW, B_VALUES):
            if self.held:
                self.b_numbers = True
                rest = row.values
                if rest and rest[0].shadow and not rest[0].text:
                    rest = rest[1:]  # the label cell's shadow: the held number stood there
                if self._continued(row) and self._held_fits(row, rest):
                    row.values = [*self.held, *rest]
                    named = _label_before(self.tokens, len(self.tokens))
                    _note_joined(row, self.held[0].line, row.line, named)
                self.held = []
            elif not self.b_numbers and any(c.text for c in row.values):
                self.b_numbers = True
        elif kind != B_LABEL:
            self.held = []
        terminal = _terminal(kind, row) if kind in _NAMED_BY_ROW else kind
        self.tokens.append(Token(terminal, row, row.line, row.column, kind))
        self.page_break = False

    def _continued(self, row: Row) -> bool:
        """Whether *row* goes on with the label around the held numbers: only the rest of
        that label (no numbering of a row of its own) stands between them, and the label
        before them did not end a row's whole wording where another row's starts after them.

        Default ``pdftotext`` of a browser's PDF prints a row's last numbers at a page's foot
        under its whole label ("要求行政机关确认或 9" / "重新出具已获取信息" / "5." / "5" / "——")
        and the next page starts with the next row's ("申请人无正当理由逾" / "期不补正、行政机关
        不 70213 86177 31636 3"): the held numbers made that row six, in a table without 总计
        its width, each number a column off."""
        between = [t.value for t in self.tokens[self.held_at :]]
        if not any(r.folded for r in (*between, row)):
            return False  # no label went on after the number: a stray one (a page number)
        text = "".join(r.folded for r in (*between, row))
        after = labels.row_key(text)
        if (
            after is not None
            and labels.spells(after, text)
            and self._ended_before_held() not in (None, after)
        ):
            return False
        return all(_ORDINAL.match(r.folded) is None for r in (*between, row) if r.folded)

    def _ended_before_held(self) -> str | None:
        """The row whose whole wording the label printed just before the held numbers ends
        with: its pieces back to the row whose line printed numbers, with the text that row
        printed after them ("补正后申请内容 82388 仍不明确": the label wrapped around the
        number on one line) and the pieces above it ("补正后申" / "请内容仍不 0" / "明确")."""
        k = self.held_at
        pieces: list[str] = []
        row_seen = False
        while k > 0 and self.tokens[k - 1].kind in (B_LABEL, B_ROW):
            k -= 1
            piece: Row = self.tokens[k].value
            if self.tokens[k].kind == B_LABEL:
                pieces.insert(0, piece.folded)
                continue
            if row_seen:
                break
            row_seen = True
            tail: list[str] = []
            for cell in reversed(piece.values):
                if not has_cjk(cell.text) or classify(cell.text)[0] != "text":
                    break
                tail.insert(0, fold(cell.text))
            pieces.insert(0, piece.folded + "".join(tail))
        return labels.ends_wording("".join(pieces))

    def _held_fits(self, row: Row, rest: list[RawCell]) -> bool:
        """Whether the held numbers and *rest*, the numbers *row* prints beside its label,
        may be one row: in text without positions (one line of numbers one space apart),
        only where together they fill the table's columns (in whichever order they add up:
        :func:`.align._reordered` reads a 总计 printed above its label in the order that does).

        Default ``pdftotext`` of a browser's PDF prints the last numbers of one row alone
        ("7." / "21151" / "1") before the next row's label and numbers ("属于行政 27762 96465
        84775 97734" / "查询事项"): taken for numbers inside that label, they made a row of
        six whose 总计 was then worked out from them, every number in the wrong column.
        (Space-aligned text keeps the held numbers' places for :mod:`.positions`; a row's
        numbers one a line are read as a whole elsewhere.)"""
        printed = [c for c in rest if c.text]
        if (
            row.kind != "plain"  # (cells set apart by tabs or bars keep their blanks)
            or not row.folded
            or len({c.line for c in printed}) != 1
            or any(gap >= 2 for gap in gaps(printed))
        ):
            return True
        return len(self.held) + len(printed) == self._b_width()

    def _continues_row(self, row: Row, raw: RawRow) -> bool:
        """Whether a label fragment is the end of the label of the row printed on the line
        just before it (space-aligned PDF text wraps a label around its numbers: "4.保护第三"
        / numbers / "方合法权益"): it follows that line at once and starts no row of its own."""
        last = self.tokens[-1] if self.tokens else None
        return (
            last is not None
            and last.kind in (B_ROW, B_VALUES)
            and last.value.kind == "plain"
            and raw.kind == "plain"
            and raw.gap == 0
            and raw.line == last.value.end_line + 1
            # (a label printed a character a line, "三" / "、" / "本", is a merged group
            # label standing beside the rows, not the end of one row's label)
            and 2 <= len(row.folded) <= 20
            and _ORDINAL.match(row.folded) is None
            # a fragment naming a row ("过程性信息") ends a label that did not name one yet,
            # neither on the row's line nor on the label lines just above it ("1.本机关不" /
            # "掌握相关政 2 … 293773" / "没有现成": the next row's label starts there)
            and self._may_end_label(last.value, row.folded)
            # (a label ending rows' wordings is whole, its start cut by the page's left edge:
            # "府信息公开申请数量 4 1 0 4" / "结果", the next fragment starts the next row's)
            and not (last.value.key is None and _ends_rows(last.value.folded))
        )

    def _may_end_label(self, last: Row, folded: str) -> bool:
        """Whether the fragment *folded* may end the label of the row *last* (the last token):
        one naming no row may; one naming a row may only where the label named none yet,
        or its lines above named that same row."""
        key = labels.row_key(folded)
        if key is None:
            return True
        if last.key is not None:
            return False
        above = self._named(len(self.tokens) - 1)
        return above is None or above == key

    def _named(self, k: int) -> str | None:
        """The row key the label lines printed just above the row token ``tokens[k]`` give
        (the start of its wrapped label)."""
        return next((r.key for r in _labels_above(self.tokens, k, 1) if r.key is not None), None)

    def _rest_of_row(self, row: Row, raw: RawRow, numbers: list[RawCell]) -> bool:
        """Whether a labelled line of numbers is the rest of the row on the line before.

        Space-aligned PDF text sets a row's first value beside the first line of its wrapped
        label and the others beside the last ("（二）部分公开（区分处理的，只计这 0" / "一情形，
        不计其他情形） 0 0 0 0 0 0"), the label's numbering sometimes alone between them
        ("其他法律行政法规禁止 0" / "2." / "公开 0 0 0 0 0 0"). The line goes on with the row when
        its label starts no row of its own and the row before printed only a value or two, or
        named its row and printed the values the line lacks to make the row's seven. The
        reading is said on each line with a joined_row warning.
        """
        if raw.kind != "plain" or not row.folded:
            return False  # (a row of cells has its own line: nothing of it went before)
        between: list[Token] = []
        k = len(self.tokens) - 1
        while (
            k >= 0
            and self.tokens[k].kind == B_LABEL
            and _ORDINAL.fullmatch(self.tokens[k].value.folded)
        ):
            between.append(self.tokens[k])  # a numbering printed alone ("2.")
            k -= 1
        last = self.tokens[k] if k >= 0 else None
        if (
            last is None
            or last.kind not in (B_ROW, B_VALUES)
            or last.value.kind != "plain"
            or raw.kind != "plain"
            or not 0 <= raw.line - (last.value.end_line + 1 + len(between)) <= 1
            or not row.folded
        ):
            return False
        before = sum(1 for c in last.value.values if c.text)
        width = self._b_width()
        # a value printed on a line of its own between the two ("其他法律行政法规禁止 1" /
        # "2." / "无" / "公开  5  3  1  1  11"), held for the row, is of the row too
        held = (
            self.held
            if self.held and all(last.value.end_line < c.line < raw.line for c in self.held)
            else []
        )
        numbers = [*held, *numbers]
        skipped = len(between) + len({c.line for c in held})
        named = last.value.key is not None and labels.row_key(row.folded) == last.value.key
        if _ORDINAL.match(row.folded) is not None and not (
            named and _GROUP_NUMBERING.match(row.folded) is not None
        ):
            return False  # a numbering starts a row; but a group's label set on the line
        if raw.line != last.value.end_line + 1 + skipped and (
            before + len(numbers) > width or not named
        ):
            # a blank line between (a centred group label set a line lower, "要求提供 5 3." /
            # "" / "（五） 公开出版物 80584 …"): only lines that both name the row, its seven
            # values or fewer (blanks: "要求提供 72795" / "3." / "" / "（五） 公开出版物  52366
            # 36339  78884  59401  299785")
            return False
        # more of the row before it only where the two lines make the full row (7 values; 6
        # without 总计) and the first named the row ("补正后申请 50550 32457 54752 1" / "3." /
        # "内容仍不明确 0 5589 143349")
        pieces = "".join(t.value.folded for t in reversed(between)) + last.value.folded
        ends = _ends_rows(pieces)
        if last.value.key is None and ends and labels.row_key(row.folded) not in ends:
            # the line before holds the end of other rows' wordings, a whole label whose
            # start the page's left edge cut ("府信息公开申请数量 / 0 8 10" / "结果 （一）予以
            # 公开 - 5 无"), not the start of this line's
            return False
        whole = before + len(numbers) == width and (
            last.value.key is not None
            # or the label's pieces name it together ("属于行政 64675 34676 0" / "8." / "查询事项
            # 99092 26864 27976 253283": 属于行政 starts 7. and 8. alike); where the line names
            # the row alone, the pieces before must be of its wording ("无法提 息需要另行制
            # 20740 64614 67344 3" / "供 作" / "补正后申请 97154 22643 0": 2.'s, and 3.'s own)
            or (
                (together := labels.row_key(pieces + row.folded)) is not None
                and (
                    labels.row_key(row.folded) != together
                    or labels.spells(together, pieces + row.folded)
                )
            )
            # or they do with those printed above them, each piece of its wording ("申请人无正"
            # / "1." / "当理由逾期不" / "补正、行政机 75194 38678 2" / "关不再处理其  9  25276
            # 0  139159"; not "…（区" / "分处理的… 9 50450 9 1 5 50474" / "情形，不计其他情形）" /
            # "属于国家 3": 属于国家 starts the next row)
            or self._named_with_pieces_above(k, pieces, row.folded)
        )
        # fewer (a blank) where the two lines' label pieces are of one row's wording, the
        # row the first names if it names one ("属于行政 79375 12366 75033 5" / "7." / "执法
        # 案卷  51511  218290"; "属于三类内 55904 59252 44880 27619" / "5." / "部事务信息
        # 62810  250465"): a whole label and the start of the next row's are of none
        spelled = (
            before + len(numbers) < width
            and (key := labels.row_key(pieces + row.folded)) is not None
            and last.value.key in (None, key)
            and labels.spells(key, pieces + row.folded)
        )
        if not (
            (0 < before <= 2 and before + len(numbers) <= width)
            or (before > 2 and (whole or spelled))
        ):
            return False
        previous: Row = last.value
        if previous.key is not None and labels.row_key(row.folded) not in (None, previous.key):
            return False  # the line names another row
        ends = _ends_rows(row.folded)
        if previous.key is not None and ends and previous.key not in ends:
            # or ends other rows' wordings ("（七）总计 70 56 36 54" / "继续办理 0 1 3")
            return False
        del self.tokens[k + 1 :]
        if held:
            row.values = [*held, *row.values]
            self.held = []
        for token in reversed(between):
            previous.labels = [*token.value.labels, *previous.labels]
            previous.label = token.value.label + previous.label
            previous.folded = token.value.folded + previous.folded
        return True

    def _named_with_pieces_above(self, k: int, head: str, tail: str) -> bool:
        """Whether label fragments right above token *k*, *head* (the label pieces from token
        *k* on) and *tail* (those of the line joining it) name a row together: every piece
        part of that row's wording, or, where the group's label is printed among them
        ("（四） 2.没有现成信" / "无法提 息需要另行制 75779 59703 3" / "供 作  41414 …"),
        the wording not whole before *tail*, nor *tail* the start of another row ("（区" /
        "分处理的…情形，不计其他情形） 9 50450 …" / "属于国家 3": 属于国家 is the next row's).
        The fragments nearest first: the one above them may end the row before ("…出具已
        获取信" / "息")."""
        pieces = self._pieces_above(k)
        for start in range(len(pieces)):
            text = "".join(pieces[start:]) + head + tail
            key = labels.row_key(text)
            if key is None:
                continue
            before = text[: len(text) - len(tail)]
            if labels.spells(key, text) or (
                labels.row_key(tail) in (None, key)
                # (named before the line: "…需要另行制" / "供 作" / "补正后申请 97154": 3.
                # named by the line alone, the pieces before spelling 2.'s wording)
                and labels.row_key(before) == key
                and not labels.spells(key, before, whole=True)
            ):
                return True
        return False

    def _pieces_above(self, k: int) -> list[str]:
        """The label fragments printed on the lines right above token *k* (no values, one
        line after another), top to bottom: the start of its wrapped label, or more."""
        pieces: list[str] = []
        line = self.tokens[k].value.line
        for token in reversed(self.tokens[max(k - 6, 0) : k]):
            piece: Row = token.value
            if token.kind != B_LABEL or piece.values or not line - 1 <= piece.end_line < line:
                break
            pieces.append(piece.folded)
            line = piece.line
        return pieces[::-1]

    def _b_heads(self) -> str:
        """The folded header of the table B being read (its header lines before its rows)."""
        heads = ""
        for token in reversed(self.tokens):
            if token.kind not in (B_HEAD, B_ROW, B_VALUES, B_LABEL):
                break
            if token.kind == B_HEAD:
                heads = token.value.folded + heads
        return heads

    def _b_width(self) -> int:
        """How many values a full row of the table B being read holds: 6 under a header that
        names 其他 and no 总计 (a table printed without its total column), else 7. (Known
        from the header alone: the rows' widths are not all read yet.)"""
        heads = self._b_heads()
        shown = "其他" in heads.replace("法人或其他组织", "")  # (the column, not the group)
        if shown and "总" not in heads and not any(w in heads for w in _TOTALS):
            return 6
        return 7

    def _header_cut(self) -> bool:
        """Whether the header of the table B being read names none of 其他 and 总计: the
        page's right edge cut it (no template leaves 其他 out), so a whole row may print as
        few as three numbers (自然人, 商业企业, 科研机构: see
        :func:`.page_edge.read_cut_header`). (Not in text read by blocks, numbers one a
        line: there three numbers on a line may be any row's, or several rows'.)"""
        named = self._b_heads().replace("法人或其他组织", "")
        return "科研机构" in named and not any(w in named for w in ("其他", "其它", "总", "合计"))

    def _fewest_numbers(self, numbers: list[RawCell]) -> int:
        """How few numbers a line without a label may print and still be a row of table B:
        four, else a stray digit among label fragments passes for one; under a header the
        page's edge cut, three (a whole row may print no more, :meth:`_header_cut`), and two
        set apart as columns are ("69660   60370": a row whose first cell is blank, its
        numbers where the page has them, placed by :func:`.page_edge.read_cut_header`)."""
        if self.streamed or not self._header_cut():
            return 4
        apart = all(
            b.column - (a.column + len(a.text)) >= 2 for a, b in itertools.pairwise(numbers)
        )
        return 2 if apart and self.grid is not _NO_GRID else 3

    def _under_row_label(self, row: Row) -> bool:
        """Whether a short line of numbers without a label stands right under a label line
        that names a row ("3.补正后申请内容仍" / "5 9 14" / "不明确": a row mostly blank, its
        numbers set inside its wrapped label): the row's numbers, not a stray digit; left
        out, the label would run on into the next row's."""
        return row.kind == "plain" and self._lines_below_row_label(row.line) == 1

    def _lines_below_row_label(self, line: int) -> int | None:
        """How many lines below the last token *line* stands, where that token is a label
        line naming a row and nothing else; None where it is not."""
        last = self.tokens[-1] if self.tokens else None
        if (
            last is None
            or last.kind != B_LABEL
            or last.value.kind != "plain"
            or last.value.key is None
            or last.value.values
        ):
            return None
        return line - last.value.end_line

    def _rest_below_label(self, row: Row, numbers: list[RawCell]) -> bool:
        """Give a line of numbers without a label to the row above it whose wrapped label
        ends just above it, when the two make the row's seven numbers (or fewer, after a
        value or two on the first line) and its label's pieces name no other row
        ("保护第三 25928 9975 1" / "4." / "（三） 方合法权益" / "- 2 —— 35906": a centred group
        label pushes the rest of the row below the label, in ``pdftotext -layout`` text of a
        browser's PDF); whether it did, said joined."""
        if row.kind != "plain":
            return False
        k = len(self.tokens) - 1
        line = row.line
        while k >= 0 and self.tokens[k].kind == B_LABEL and len(self.tokens) - k <= 2:
            piece: Row = self.tokens[k].value
            if piece.values or not line - 2 <= piece.end_line < line:
                return False  # (a blank line between, where the group label was set lower)
            line = piece.line
            k -= 1
        if k < 0 or k == len(self.tokens) - 1 or self.tokens[k].kind != B_ROW:
            return False
        previous: Row = self.tokens[k].value
        before = sum(1 for c in previous.values if c.text)
        width = self._b_width()
        if (
            previous.kind != "plain"
            or previous.key is None
            or not line - 2 <= previous.end_line < line
            # the row's seven, or fewer (blanks) after a value or two: the label's first line
            # holds no more of a row than that (as in _rest_of_row)
            or not (before + len(numbers) == width or 0 < before <= 2 < len(numbers))
            or before + len(numbers) > width
            or any(
                labels.row_key(t.value.folded) not in (None, previous.key)
                for t in self.tokens[k + 1 :]
                if _ORDINAL.fullmatch(t.value.folded) is None
            )
        ):
            return False
        first = next(c.line for c in previous.values if c.text)
        if self.held and self.held_at > k:
            # numbers printed beside the label's pieces ("要求提供 4372" / "3." / "无" /
            # "（五） 公开出版物" / "9 —— …") are the row's too, where they fit in it; they never
            # go on to a row after it
            if before + len(self.held) + len(numbers) <= width:
                row.values = [*self.held, *row.values]
            self.held = []
        pieces = self.tokens[k + 1 :]
        del self.tokens[k + 1 :]
        for piece in (*(t.value for t in pieces), row):
            self._extend_label(piece)  # (the line of numbers last: its values join the row)
        _note_joined(previous, first, row.line)
        return True

    def _after_page_break(self, row: Row) -> bool:
        """Give an unlabelled row of numbers that starts a page to the row before the page
        break when that row printed its label and nothing else (a row cut by the page break:
        label at the foot of one page, cells on the next); whether it did. The cut part's
        empty cells were never printed: they are not blanks."""
        last = self.tokens[-1] if self.tokens else None
        if last is not None and self.grid(row.line)[0] != self.grid(last.value.end_line)[0]:
            self.page_break = True  # a form feed between them
        if (
            not self.page_break
            or last is None
            or last.kind not in (B_ROW, B_LABEL)
            or not last.value.values
            or any(c.text.strip(_BLANK) for c in last.value.values)
            or not any(c.text.strip(_BLANK) for c in row.values)
        ):
            return False
        previous: Row = last.value
        values = row.values
        while values and values[0].text == "":
            values = values[1:]  # the empty label cells of the part on the next page
        note: Note = (
            "page_break_row",
            "warning",
            msg("page_break_row", what=_what_b(previous)),
            row.line,
            row.column,
        )
        if last.kind == B_LABEL:
            # the label part was a fragment of a wrapped label: the numbers make the row it
            # names with the fragments before it
            row.values = values
            row.notes.append(note)
            return False
        previous.values = values
        previous.end_line = row.end_line
        previous.notes.append(note)
        return True

    def _more_header(self, row: Row, raw: RawRow) -> bool:
        """Add a line to table A's column header printed just before it, when it is another
        header cell (one cell a line: text dumps, PDF text) or the rest of one wrapped onto
        the next line ("本年新" / "制作数量"); whether it did."""
        last = self.tokens[-1] if self.tokens else None
        folded = row.folded
        if (
            last is None
            or last.kind != A_HEAD
            or raw.kind != "plain"
            or len(row.labels) != 1
            or labels.item_key(folded) is not None
            or not (labels.a_columns(folded) or len(folded) <= 10)
        ):
            return False
        head: Row = last.value
        if self._stack_header(head, row, raw):
            return True
        cell = head.labels[-1]
        word = fold(cell.text)
        if (
            raw.line == head.end_line + 1
            and not labels.a_columns(word)
            and not word.startswith("信息内")
            and len(head.labels) > 1
        ):
            # the rest of a header cell that wrapped: one cell
            joined = RawCell(cell.text + row.labels[0].text, cell.line, cell.column, False)
            head.labels = [*head.labels[:-1], joined]
        else:
            head.labels = [*head.labels, *row.labels]
        head.label += row.label
        head.folded += folded
        head.end_line = row.end_line
        return True

    def _stack_header(self, head: Row, row: Row, raw: RawRow) -> bool:
        """Rebuild table A's one-line column header *head* with the line *row* under it and
        the value-less line just above it, where they are the pieces of header cells wrapped
        in space-aligned text (:func:`.positions.stack`); whether it did."""
        if not (
            head.kind == "plain"
            and head.end_line == head.line
            and raw.line == head.line + 1
            and len(head.labels) == 1
        ):
            return False
        lines = [head.labels[0], row.labels[0]]
        above = self.tokens[-2] if len(self.tokens) > 1 else None
        top = above is not None and (
            above.kind == A_ROW
            and above.value.kind == "plain"
            and above.value.end_line == head.line - 1
            and len(above.value.labels) == 1
            and not any(c.text for c in above.value.values)
            and above.value.key is None
        )
        if top and above is not None:
            lines.insert(0, above.value.labels[0])
        cells = stack(lines, _a_header_cell)
        if cells is None:
            return False
        if top:
            del self.tokens[-2]  # its pieces are the header's
        head.labels = [RawCell(t, head.line, head.column, False) for t in cells]
        head.label = "".join(cells)
        head.folded = fold(head.label)
        head.end_line = row.end_line
        return True

    def _extend_label(self, row: Row) -> None:
        """Append the fragment *row* to the label of the row token before it."""
        last = self.tokens[-1]
        previous: Row = last.value
        previous.labels = [*previous.labels, *row.labels]
        previous.label += row.label
        previous.folded += row.folded
        previous.end_line = row.end_line
        if row.values:
            values = [*previous.values, *row.values]
            if all(c.text for c in values) and len(values) == self._b_width():
                # the full row: where its values stand says their order (not always the lines')
                values = by_column(values, [*previous.labels, *row.labels, *values], self.grid)
            previous.values = values
            previous.kind = "joined"  # numbers from two lines: no common positions
        if last.kind == B_ROW and previous.key is None:
            previous.key = labels.row_key(previous.folded)
            last.type = _terminal(B_ROW, previous)

    def run(self, rows: list[RawRow], grid: Grid = _NO_GRID) -> list[Token]:
        self.grid = grid
        for raw in rows:
            self.classify(raw)
        self._flush()
        self._end_after_c()
        _mark_cut_totals(self.tokens, grid)
        _place_by_position(self.tokens, grid)
        if self.streamed:
            _read_cut_streams(self.tokens)
            a_order.place_in_template_order(self.tokens)
            _flag_reading_order(self.tokens)
            _flag_page_end_items(self.tokens, grid)
        return self.tokens

    def classify(self, raw: RawRow) -> None:
        cells = raw.cells
        visible = [c for c in cells if c.text]
        if self.c_after is not None and self._after_c(raw, visible):
            return
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
        if self.stream and raw.kind == "plain" and self.mode in (_B, _C) and len(visible) == 1:
            more = self._stream_ends(_split_plain(visible[0]))
            if more:
                # the row's last cells printed on one line: columns set close together (a
                # narrow 其他 beside 总计) make one block, read left to right
                self.stream += more
                return
        if not self.stream and self._stream_starts(raw, visible):
            return
        self._flush()
        if len(visible) == 1 and (raw.kind == "plain" or classify(visible[0].text)[0] == "text"):
            # one piece of text (a line, or a row whose other cells are empty): it may be a
            # heading or the title, whatever layout it came in
            text = visible[0].text
            folded = fold(text)
            # (a page number "2/4" is one word: a line of values set apart, "0    3    5    /
            # 8", folds to the same shape but is a row of the table)
            junk = _JUNK.match(folded) is not None and _FIELDS.search(text.strip()) is None
            if not folded or junk or _FURNITURE.match(folded):
                self.page_break = self.page_break or bool(folded)
                return
            if self.title_seen and folded == self.title_folded:
                return  # the title again: a running header at the top of each page
            number = labels.heading_number(folded)
            if number is not None:
                if self.mode == _C and 0 < self.c_values < 15 and self.tokens[-1].kind == C_ROW:
                    self.c_after = len(self.tokens)
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

    def _after_c(self, raw: RawRow, visible: list[RawCell]) -> bool:
        """Take *raw* as one of table C's numbers printed after the headings that follow it,
        where it is a line of numbers and only headings came since the table.

        ``pdftotext`` in its default mode reads a page by blocks: under a table whose next
        sections are headings alone (nothing to report), it may print the blocks of table
        C's later groups after those headings ("9 1 0 5 15" / 五、… / 六、… / "9 2 0 0 11
        3 3 2 1 9"). Anything else (prose, a table's row) ends the wait."""
        values = _split_plain(visible[0]) if raw.kind == "plain" and len(visible) == 1 else []
        if values and all(classify(c.text)[0] in ("number", "na") for c in values):
            self.c_more += values
            return True
        folded = fold(" ".join(c.text for c in visible))
        if folded and labels.heading_number(folded) is None and not _FURNITURE.match(folded):
            self._end_after_c()
        return False

    def _end_after_c(self) -> None:
        """Give table C the numbers :meth:`_after_c` saw after its headings, where with the
        numbers it has they cut into its three groups each ending with its sum (a page
        number, or a count of the prose, does not); under a ``reading_order`` warning on
        each: their place is read from the order printed, not seen in a table."""
        at, more = self.c_after, self.c_more
        self.c_after, self.c_more = None, []
        if at is None or not more:
            return
        rows: list[Row] = []
        for token in reversed(self.tokens[:at]):
            if token.kind == C_ROW:
                rows.append(token.value)
            elif token.kind != C_HEAD:
                break  # (header words may stand among the numbers: read by blocks)
        texts = [c.text for row in reversed(rows) for c in row.values if c.text]
        if not any(row.kind == "stream" for row in rows) or not review_positions.continued(
            texts, [c.text for c in more]
        ):
            return
        row = Row(RawRow(more, more[0].line, "stream"), [], more)
        for cell in more:
            row.notes.append(
                (
                    "reading_order",
                    "warning",
                    msg("reading_order.c_after", value=cell.text, line=rows[-1].line),
                    cell.line,
                    cell.column,
                )
            )
        self.tokens.insert(at, Token(C_ROW, row, row.line, row.column))

    def _stream_starts(self, raw: RawRow, visible: list[RawCell]) -> bool:
        """Start the numbers of a row streaming with a line of a few numbers printed right
        after its label (a blank line between), in text that prints numbers one a line;
        whether it did. Default ``pdftotext`` sets a row's first columns close together as
        one block ("（七）总计" / "500084 724694 288641" / "580115" / "544322" …): too few
        for a row, the line was set aside as stray digits, and the row read from the
        numbers after it, which are its last three and the next row's first.
        (:meth:`_flush` sets the line aside as before where no number follows it.)"""
        if (
            not self.streamed
            or self.mode != _B
            or raw.kind != "plain"
            or len(visible) != 1
            # (right under the label, they may be all the row prints: _under_row_label)
            or self._lines_below_row_label(raw.line) != 2
        ):
            return False
        first = _split_plain(visible[0])
        if not 2 <= len(first) < 4 or any(classify(c.text)[0] != "number" for c in first):
            return False
        self.stream = first
        self.started = len(first)
        return True

    def _stream_ends(self, more: list[RawCell]) -> list[RawCell]:
        """*more*, when those numbers end the row whose numbers are streaming; else nothing.

        In table B the joined row must be whole and add up: a number wrapped in its cell
        ("97034 37" for 97034 and the head of 378718) must not pass for the row's total;
        under a header whose 总计 the page's edge cut after its 总, the total may be cut
        too ("259176" / "590091 286", 286 of 2867747: :func:`.page_edge.mark_cut_totals`
        marks it). Table
        C's groups are checked when the table is built (tables._withhold_disordered)."""
        if not all(classify(c.text)[0] == "number" for c in more):
            return []
        if self.mode == _C:
            return more if len(self.stream) + len(more) <= 15 else []
        joined = [*self.stream, *more]
        if len(joined) != _B_FULL or self._b_width() != _B_FULL:
            return []
        texts = [c.text for c in joined]
        if whole_row(texts) or page_edge.ends_with_cut_total(self._b_heads(), texts):
            return more
        return []

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
        started, self.started = self.started, 0
        self.streamed = True
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
            if started == len(cells):
                # a line of a few numbers that no number followed (:meth:`_stream_starts`):
                # stray digits, as any such line without a label
                self.tokens[-1].value.strays.extend(cells)
                return
            taken = self._first_on_label_line(cells) if len(cells) >= 4 else 0
            if taken:
                cells = cells[taken:]
                if len(cells) < _B_FULL:
                    # fewer than a row's numbers: the rest of a row whose first cells were
                    # set elsewhere, or the first of several rows'; whose, nothing says
                    return
                row = Row(RawRow(cells, cells[0].line, "stream"), [], cells)
            last = self.tokens[-1] if self.tokens else None
            if len(cells) >= 4 or (
                # under a header the page's edge cut, a row printed whole may be short of
                # four numbers; after a label naming a row, they are its (read or withheld
                # by how many they are: .page_edge.read_cut_stream)
                last is not None
                and last.kind == B_LABEL
                and last.value.key is not None
                and any(c.text for c in cells)
                and self._header_cut()
            ):
                self.emit(B_VALUES, row)
            elif self.tokens and self.tokens[-1].kind == B_LABEL and any(c.text for c in cells):
                # a row's first number printed beside the middle of its wrapped label
                # ("一、本年新收政府信息公开申" / 14 / "请数量" / 0 0 0 0 0 14): held for the
                # rest of the row, which it starts if the label goes on to its numbers
                self.held, self.held_at = cells, len(self.tokens)
            # else: a stray digit among label fragments (converted PDFs); not a row
        elif self.mode == _C:
            self.emit(C_ROW, row)
            self.c_values += len(cells)
            if self.c_values >= 15:
                self.mode = _NARRATIVE

    def _first_on_label_line(self, cells: list[RawCell]) -> int:
        """Give the first of the numbers one a line *cells* to the row just before, when its
        label's line printed its first numbers ("要求行政机关确认或重新出具已 3" / "获取信息"
        / 5 0 5 3 3 19: default ``pdftotext`` sets a row's first cell or two beside its label
        and the others in the block of numbers after the label's last line) and they make it
        whole, adding up; how many it gave, said joined on each line its numbers stand on.
        The label's pieces printed between (no row's wording of their own) join its label."""
        k = len(self.tokens)
        while k > 0 and len(self.tokens) - k < 2 and self._fragment(self.tokens[k - 1]):
            k -= 1
        last = self.tokens[k - 1] if k > 0 else None
        if last is None or last.kind != B_ROW or last.value.kind != "plain":
            return 0
        row: Row = last.value
        if any(t.value.key not in (None, row.key) for t in self.tokens[k:]):
            return 0  # a piece naming another row: the numbers may be that row's
        first = [c for c in row.values if c.text]
        if not 1 <= len(first) <= 3 or len(row.values) != len(first):
            return 0
        taken = _B_FULL - len(first)
        if len(cells) < taken:
            return 0
        joined = [*first, *cells[:taken]]
        if not whole_row(c.text for c in joined):
            return 0
        for piece in self.tokens[k:]:
            row.labels = [*row.labels, *piece.value.labels]
            row.label += piece.value.label
            row.folded += piece.value.folded
            row.end_line = piece.value.end_line
        del self.tokens[k:]
        row.values = joined
        row.kind = "joined"  # numbers from two places: no common positions
        _note_joined(row, first[0].line, cells[0].line)
        return taken

    @staticmethod
    def _fragment(token: Token) -> bool:
        """Whether *token* is a piece of a wrapped label that prints nothing else ("开" of
        其他法律行政法规禁止公开, "过程性信息" of 属于四类过程性信息)."""
        row: Row = token.value
        return token.kind == B_LABEL and not row.values and bool(row.folded)

    # -- title -----------------------------------------------------------------------------

    def _title(self, raw: RawRow, folded: str) -> None:
        """Emit the title, joining it with the line before when it was split in two."""
        self.title_seen = True
        self.title_folded = folded
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
        if self.mode == _B and raw.kind == "plain":
            folded = _numbering_after_values(row)
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
                    beside = _item_beside_caption(row)
                    if beside is not None:
                        self.emit(A_ROW, beside)
                    return
                if self.mode == _A and self._more_header(row, raw):
                    return
                # (信息内, 信息\ufffd: the header cell cut short by a text dump)
                if folded.startswith(("信息内", "信息\ufffd")) or (
                    (self.mode == _A or (self.section == 2 and self.mode == _NARRATIVE))
                    and labels.a_columns(folded)
                ):
                    # (in section 二 a column's name starts table A even before any caption:
                    # PDF text read by blocks may print a block's header and numbers first)
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
            if self.mode == _B and not self.b_numbers and strip_numbering(folded) in _TOTALS:
                # 总计 before any row of values is the header of the total column (PDF text
                # prints each header cell on a line of its own), not the label of （七）总计:
                # taken for a row label, it hid the column and shifted every row's values
                self.emit(B_HEAD, row)
                return
            if self.mode == _B and folded in _TOTALS and not self.b_outcomes:
                # 总计 among the first rows' numbers, before any row of the outcomes: the
                # header of the total column printed where its block fell, not （七）总计
                # (whose row comes after the outcomes'); taken for it, the numbers after it
                # (the next row's) were read as the table's totals
                row.key, row.kind = None, "head"
                self.emit(B_LABEL, row)
                return
            if self.mode == _B and short and self._continues_row(row, raw):
                tail = _after_ordinal(row)
                self._extend_label(row)
                if tail is not None:
                    # "开  2.其他法律": the end of a group label, then the next row's label
                    tail.key = labels.row_key(tail.folded)
                    self.emit(B_LABEL, tail)
                return
            if self.mode == _B and short and self.held and row.values and self._continued(row):
                # the rest of the label around a held number, its other cells empty: the row
                row.key = None
                self.emit(B_ROW, row)
                return
            if self.mode == _B and short:
                # a wrapped or detached label fragment (PDF text prints merged labels a
                # character a line: 三 / 、 / 本 / 年 …); prose ends the table
                row.key = labels.row_key(folded)
                if (
                    (row.key is None or folded in ("其他", "其它"))
                    and _ORDINAL.match(folded) is None  # 一、本年新 / 收…: a row label's start
                    and not self.b_numbers
                    and self.tokens
                    and self.tokens[-1].kind == B_HEAD
                ):
                    # the rest of a header cell wrapped onto the next line (科研 / 机构), or the
                    # last applicant column (其他), before any row: kept with the header
                    self.emit(B_HEAD, row)
                    return
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
                if self._after_page_break(row) or self._rest_below_label(row, numbers):
                    return
                if (
                    len(numbers) >= self._fewest_numbers(numbers)
                    or row.notes
                    or self._under_row_label(row)
                ):
                    self.emit(B_VALUES, row)
                elif self.tokens:
                    # a stray digit among label fragments (converted PDFs), not a row; or
                    # the last cells of a row of default pdftotext text read by blocks
                    self.tokens[-1].value.strays.extend(numbers)
                return
            if self.mode == _A:
                self.emit(A_ROW, row)
                return
            self._text(row, raw)
            return

        if self.mode == _B and self._rest_of_row(row, raw, numbers):
            first = self.tokens[-1].value.values
            self._extend_label(row)
            # said on each line the row's numbers stand on: the reading joins two lines
            _note_joined(self.tokens[-1].value, first[0].line, row.line)
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
        item = labels.item_key(folded) or _cut_item(row)
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
        row.label = "\t".join([c.text for c in raw.cells])
        self.emit(TEXT, row)


def _item_beside_caption(caption: Row) -> Row | None:
    """The item label printed after a 第二十条 caption on its line, as a row of its own
    ("第二十条第（一）项 规章": PDF text sets the merged caption cell beside the first item's
    label, and the item's numbers elsewhere); None when the rest names none of the clause's
    items."""
    if len(caption.labels) != 1:
        return None
    cell = caption.labels[0]
    found = _CAPTION.match(cell.text)
    if found is None:
        return None
    rest = cell.text[found.end() :]
    text = rest.lstrip(_BLANK)
    key = labels.item_key(fold(text)) if text else None
    if key is None or ITEMS[key][0] != caption.key:
        return None
    item = _label_from(caption, found.end() + len(rest) - len(text))
    item.key = key
    return item


def _cut_item(row: Row) -> str | None:
    """The table A item of a row whose label a text dump cut to its column's width, read with
    the rest of the label that ran into its value cells: "行政\ufffd | 0可" is 行政许可."""
    if "\ufffd" not in row.folded:
        return None
    rest = [fold(c.cut[len(c.text) :]) for c in row.values if c.cut]
    return labels.item_key_in_pieces((row.folded, *rest)) if rest else None


def _a_header_cell(word: str) -> bool:
    """Whether *word* is one whole cell of table A's column header (信息内容, or a column)."""
    folded = fold(word)
    return folded.startswith("信息内") or len(labels.a_columns(folded)) == 1


def _after_ordinal(row: Row) -> Row | None:
    """Cut *row*'s label where a row's numbering starts after a space (a line holding the end
    of a group label and the start of the next row's label: "开  2.其他法律"); *row* keeps
    the head, the tail is returned as a row of its own (None when there is no such cut)."""
    if len(row.labels) != 1:
        return None
    cell = row.labels[0]
    m = _INNER_ORDINAL.search(cell.text)
    if m is None:
        return None
    start = m.start(1)
    head_cell = RawCell(cell.text[:start].rstrip(), cell.line, cell.column, False)
    tail = _label_from(row, start)
    row.labels = [head_cell]
    row.label = head_cell.text
    row.folded = fold(head_cell.text)
    return tail


def _label_from(row: Row, start: int) -> Row:
    """A row of its own for the text of *row*'s one label cell from character *start* on,
    where that text stands."""
    cell = row.labels[0]
    piece = RawCell(cell.text[start:], cell.line, cell.column + start, False)
    return Row(RawRow([piece], cell.line, row.kind), [piece], [])


#: table B's columns, 总计 included
_B_FULL: Final = len(APPLICANT_COLUMNS)


def _b_tables(tokens: list[Token], kinds: Collection[str]) -> list[tuple[list[Row], list[Row]]]:
    """Each table B of *tokens*: its header lines, and its rows (of numbers, or labelled)
    of the row *kinds* given."""
    tables: list[tuple[list[Row], list[Row]]] = []
    for token in tokens:
        if token.type in _BEGINS:
            tables.append(([], []))
        elif tables and token.kind == B_HEAD:
            tables[-1][0].append(token.value)
        elif tables and token.kind in (B_ROW, B_VALUES) and token.value.kind in kinds:
            tables[-1][1].append(token.value)
    return tables


def _mark_cut_totals(tokens: list[Token], grid: Grid) -> None:
    """:func:`.page_edge.mark_cut_totals` for each table B of *tokens* (its header's words,
    its rows of text) on the pages of *grid*."""
    for heads, rows in _b_tables(tokens, _CUT_KINDS):
        page_edge.mark_cut_totals("".join(h.folded for h in heads), rows, grid)


def _read_cut_streams(tokens: list[Token]) -> None:
    """:func:`.page_edge.read_cut_stream` for each table B of *tokens* (its header lines'
    words, its rows of numbers one a line)."""
    for heads, rows in _b_tables(tokens, ("stream",)):
        if rows:
            page_edge.read_cut_stream([h.label for h in heads], rows)


#: rows whose last number may be a 总计 the page's edge cut: rows of space-set words, and
#: runs of numbers one a line (default ``pdftotext`` prints a row's numbers so, in its order
#: where its header was not read by blocks, and then the cut total last)
_CUT_KINDS: Final = ("plain", "stream")


def _place_by_position(tokens: list[Token], grid: Grid) -> None:
    """Line up the values of space-aligned rows with their table's columns by position
    (:mod:`.positions`): tables B and A, each on its own (table A by its blocks' widths)."""
    tables: list[list[Token]] = []
    some_plain = False
    for token in tokens:
        if token.type in _BEGINS:
            tables.append([])
        elif tables and token.kind in _TABLE_OF:
            tables[-1].append(token)
            some_plain = some_plain or token.value.kind == "plain"
    if not some_plain:
        return  # (rows of cells have their columns already)
    for table in tables:
        plain = [t for t in table if t.value.kind == "plain"]
        if not plain:
            continue
        kind = _TABLE_OF[table[0].kind]
        if kind == "B":
            rows = [
                t.value
                for k, t in enumerate(table)
                if t.kind in (B_ROW, B_VALUES)
                and t.value.kind in ("plain", "joined")
                and not _number_in_numbering(table, k)
            ]
            heads = "".join(t.value.folded for t in table if t.kind == B_HEAD)
            widest = max((sum(1 for c in r.values if c.text) for r in rows), default=0)
            width = 7 if any(w in heads for w in _TOTALS) or widest >= 7 else 6
            head_rows = [t.value for t in table if t.kind == B_HEAD]
            marks = _b_marks(head_rows, width, grid)
            if marks and max(m[0] for m in marks) < labels.B_COLUMN_WORDS["其他"]:
                # a header that stops before 其他 was cut off at the page's right edge (no
                # template leaves 其他 out): only the columns it shows are in the text
                page_edge.read_cut_header(rows, head_rows, marks, grid)
                continue
            place(rows, width, grid, total=width == 7, marks=marks)
        elif kind == "A":
            by_width: dict[int, list[Row]] = {}
            width = 0
            for t in table:
                if t.kind == A_HEAD:
                    width = len(labels.a_columns(t.value.folded))
                elif t.kind == A_CLAUSE:
                    width = 0
                elif t.kind == A_ROW and t.value.kind == "plain" and width > 1:
                    by_width.setdefault(width, []).append(t.value)
            for width, rows in by_width.items():
                place(rows, width, grid)
        elif kind == "C":
            c_rows = [t.value for t in table if t.kind == C_ROW and t.value.kind == "plain"]
            if len(c_rows) == 1:
                c_heads = [c for t in table if t.kind == C_HEAD for c in t.value.labels]
                row = c_rows[0]
                if not page_edge.mark_cut_before_review_total(row, c_heads):
                    page_edge.mark_cut_review_total(row)
                if grid is not _NO_GRID:
                    # pdftotext's layout: the values under its group words (.review_positions)
                    c_marks = review_positions.group_marks(c_heads, grid)
                    placed = review_positions.choices(row.labels, row.values, c_marks, grid)
                    row.choices = _agreeing(row.choices, placed, row.values)
                if row.choices is None:
                    page_edge.read_cut_review(row, c_heads)


def _agreeing(
    cut: list[list[RawCell]] | None,
    placed: list[list[RawCell]] | None,
    values: Sequence[RawCell],
) -> list[list[RawCell]] | None:
    """The ways of reading table C's line (*values*): those the page's edge leaves (*cut*,
    :func:`.page_edge.mark_cut_review_total`) that its values' positions (*placed*) allow
    too, all of the edge's where the positions allow none of them, and the positions' where
    the edge left none. (The positions alone would read the cut total as a number, the cut
    alone place values the positions exclude.) Ways with a cell the line does not print (a
    总计 the edge cut whole) are the edge's alone: positions say nothing of them."""
    if cut is None or placed is None:
        return cut if placed is None else placed
    own = {id(c) for c in values}
    if any(c.text and id(c) not in own for way in cut for c in way):
        return cut

    def same(a: list[RawCell], b: list[RawCell]) -> bool:
        return all(x is y or (not x.text and not y.text) for x, y in zip(a, b, strict=True))

    both = [way for way in cut if any(same(way, other) for other in placed)]
    return both or cut


#: a group's numbering, (一) to (六), before the rest of a sub-item's label on its line
_GROUP_NUMBERING: Final = re.compile(r"\([一二三四五六]\)")
#: a sub-item's numbering standing alone, as a line's last word
_BARE_NUMBERING: Final = re.compile(r"[1-8][.．]")


def _numbering_after_values(row: Row) -> str:
    """Move a numbering printed after a label fragment's values ("要求提供 5 3.": the row's
    first value set between the first line of its wrapped label and its numbering, as a
    centred label cell comes out of ``pdftotext -layout``) into the label, where it belongs;
    it is no value. A label that carries a numbering of its own keeps its words (the
    numbering would be the next row's). The row's folded label."""
    values = [c for c in row.values if c.text]
    if (
        len(values) < 2
        or not row.folded
        or _BARE_NUMBERING.fullmatch(values[-1].text) is None
        or values[-1] is not row.values[-1]
        or _ORDINAL.match(row.folded) is not None
    ):
        return row.folded
    numbering = values[-1]
    row.values = row.values[:-1]
    row.labels = [numbering, *row.labels]
    row.label = numbering.text + row.label
    row.folded = fold(row.label)
    return row.folded


def _number_in_numbering(table: list[Token], k: int) -> bool:
    """Whether the label of the row ``table[k]`` holds digits run into its numbering ("要求提供公
    03." / "（五） 开出版物 83551 …": the row's first value 0 printed against its "3."), said
    with a warning on the row. Such a row is not placed by position: the column its lost
    value stands in would read as a printed blank (a 0 lost so adds up all the same); the
    table's sums read it instead."""
    row: Row = table[k].value
    for piece in (row, *_labels_above(table, k, 2)):
        m = _GLUED_NUMBERING.search(piece.label)
        if m is not None:
            message = msg("number_in_numbering", what=_what_b(row), text=m.group(1))
            row.notes.append(("number_in_numbering", "warning", message, piece.line, 1))
            return True
    return False


def _labels_above(tokens: list[Token], k: int, gap: int) -> Iterator[Row]:
    """The label lines printed just above the row ``tokens[k]``, nearest first: the label
    tokens before it, each ending at most *gap* lines above the next (1: on the line just
    above; 2: a blank line between)."""
    line = tokens[k].value.line
    while k > 0 and tokens[k - 1].kind == B_LABEL:
        above: Row = tokens[k - 1].value
        if line - above.end_line > gap:
            return
        yield above
        k, line = k - 1, above.line


#: a row's sub-item numbering with digits run into it, at the end of a line of label ("… 03.")
_GLUED_NUMBERING: Final = re.compile(r"(?:^|\s)(\d+[1-8][.．])$")


def _b_marks(heads: list[Row], width: int, grid: Grid) -> list[Mark]:
    """Where table B's space-aligned header prints each column's name (:data:`.positions.Mark`),
    when it names its columns in the template's order (else none)."""
    order = labels.b_column_order("".join(h.folded for h in heads))
    if order is not None and order != tuple(sorted(order, key=_B_ORDER.index)):
        return []
    marks: list[Mark] = []
    for head in heads:
        if head.kind != "plain":
            continue
        for cell in head.labels:
            page, indent = grid(cell.line)
            for m in _NONSPACE.finditer(cell.text):
                column = labels.B_COLUMN_WORDS.get(fold(m.group()))
                if column is not None and column < width:
                    start = cell.column - 1 - indent + m.start()
                    gap = cell.text[max(m.start() - _GAP, 0) : m.start()]
                    trusted = m.start() == 0 or (len(gap) == _GAP and gap.isspace())
                    marks.append((column, page, start, start + len(m.group()), trusted))
    return marks


_NONSPACE: Final = re.compile(r"\S+")
#: the spaces before a header word that say it was set where the page has it (see Mark)
_GAP: Final = 8
_B_ORDER: Final = ("commercial", "research", "social_welfare", "legal_services", "other")


def _flag_reading_order(tokens: list[Token]) -> None:
    """Warn on the rows whose numbers were printed one a line under a header whose cells
    were printed apart, several on one line and others on another (``pdftotext`` in its
    default mode reads a table by blocks of columns): their order need not be the columns'.
    The table's sums, where it has them, check the order; the warning says it was not seen."""
    scope: list[Token] = []
    for token in [*tokens, None]:
        if (
            token is None
            or token.kind == A_CLAUSE
            or token.kind in _HEADING_KINDS
            or token.type in _BEGINS
        ):
            if _disordered(scope):
                # (table C's fifteen numbers read by blocks cannot be put back in order by its
                # sums: the groups' blocks come in any order, and every order of the groups
                # that fits gives another reading; a group that adds up as read is warned, one
                # that does not is withheld: tables._withhold_disordered)
                for k, t in enumerate(scope):
                    row = t.value
                    if row.kind == "stream" and t.kind in (A_ROW, B_ROW, B_VALUES, C_ROW):
                        what = (
                            msg("part.what.a_item", label=row.label)
                            if t.kind == A_ROW
                            else msg("part.what.c")
                            if t.kind == C_ROW
                            else _what_b(row)
                            if row.key or row.label
                            else _label_before(scope, k) or _what_b(row)
                        )
                        if t.kind == C_ROW:
                            row.label = ""  # (a run of table C's numbers has no label)
                        # on each number's line: that is where a reader looks for it
                        for cell in row.values:
                            if not cell.text:
                                continue
                            row.notes.append(
                                (
                                    "reading_order",
                                    "warning",
                                    msg("reading_order", what=what, value=cell.text),
                                    cell.line,
                                    cell.column,
                                )
                            )
            scope = []
            if token is None:
                break
        scope.append(token)


def _flag_page_end_items(tokens: list[Token], grid: Grid) -> None:
    """Give an error to each table A item whose numbers, read by blocks of columns (a
    ``reading_order`` warning on them), are the last text of their page: ``pdftotext`` in its
    default mode puts a number set above the page's footer (a browser prints the page's
    address there) after the row's others, so their order is not the columns' (seen in every
    such row of Chromium's PDFs in the test sets), and which is whose nothing says. The table
    builder withholds them (:func:`.tables._read_in_order`)."""
    if grid is _NO_GRID:
        return
    for k, token in enumerate(tokens[:-1]):
        row = token.value
        if token.kind != A_ROW or row.kind != "stream":
            continue
        printed = [c for c in row.values if c.text]
        if len(printed) < 2 or not any(note[0] == "reading_order" for note in row.notes):
            continue
        after = tokens[k + 1].line
        if after is None or grid(after)[0] == grid(max(c.line for c in printed))[0]:
            continue
        message = msg("reading_order.a_page_end", label=row.label, n=len(printed))
        row.notes.append(("reading_order", "error", message, printed[0].line, printed[0].column))


def _disordered(scope: list[Token]) -> bool:
    """Whether a table (or a block of table A) shows that its text was read by blocks of
    columns rather than row by row: header cells printed apart, several on one line and
    others on another; a header cell after a row's label; two item labels before any of
    their numbers."""
    heads = [c for t in scope if t.kind in (A_HEAD, B_HEAD, C_HEAD) for c in t.value.labels]
    if len(heads) >= 2 and any(len(_TOKEN.findall(c.text)) >= 2 for c in heads):
        return True
    labelled = False
    waiting = 0  # table A item labels seen, none of their numbers yet
    for t in scope:
        row = t.value
        if t.kind in (B_HEAD, A_HEAD) and labelled:
            return True
        if t.kind == B_LABEL and row.folded in _TOTALS:
            return True  # the 总计 header cell printed among the rows
        if t.kind in (B_ROW, B_LABEL) and row.key is not None:
            labelled = True
        if t.kind == A_ROW:
            labelled = True
            if any(c.text for c in row.values):
                waiting = 0
            else:
                waiting += 1
                if waiting >= 2 and row.key is not None:
                    return True
    return False


def _grid(text: str) -> Grid:
    """Where each line of *text* stands in ``pdftotext``'s page grid: the page (a form feed
    starts one) and the characters before the grid (the form feed itself)."""
    if "\f" not in text:
        return _NO_GRID
    starts = [i + 1 for i, line in enumerate(text.split("\n")) if line.startswith("\f")]
    first = set(starts)

    def where(line: int) -> tuple[int, int]:
        return bisect.bisect_right(starts, line), 1 if line in first else 0

    return where


def tokenize(text: str) -> list[Token]:
    """The token stream of *text*: one token per logical row (see the module docstring)."""
    return _Lexer().run(read_rows(text), _grid(text))


def _ends_rows(folded: str) -> tuple[str, ...]:
    """The table B rows whose wordings the label *folded* ends (:func:`.labels.rows_ending`),
    where it is four characters long at least (shorter pieces end wordings by chance)."""
    return labels.rows_ending(folded) if len(strip_numbering(folded)) >= 4 else ()


def _note_joined(row: Row, first: int, second: int, what: Message | None = None) -> None:
    """Say on each line *row*'s numbers stand on that the reading joins the numbers of two
    lines (*first*, *second*) into one row, a label wrapped around them: a reading, not what
    one line printed. *what* names the row where its label is not yet its own."""
    message = msg("joined_row", what=what or _what_b(row), first=first, second=second)
    for line in sorted({c.line for c in row.values if c.text}):
        row.notes.append(("joined_row", "warning", message, line, 1))


def _label_before(tokens: Sequence[Token], k: int) -> Message | None:
    """How a message names the row whose label pieces are the tokens right before
    ``tokens[k]`` (numbers printed apart from their label, which the table builder joins to
    them); None where no piece stands there."""
    pieces: list[Row] = []
    while k > 0 and tokens[k - 1].kind == B_LABEL and tokens[k - 1].value.kind != "head":
        k -= 1
        pieces.append(tokens[k].value)
    if not pieces:
        return None
    label = "".join(p.label for p in reversed(pieces))
    key = labels.row_key(fold(label)) or next((p.key for p in pieces if p.key), None)
    return msg("part.what.b_row", key=key or label, label=label)


def _what_b(row: Row) -> Message:
    """How a message names table B's row *row*: by its key where known, and its label."""
    if not (row.key or row.label):
        return msg("part.what.b_unlabelled")  # (numbers printed apart from their label)
    return msg("part.what.b_row", key=row.key or row.label, label=row.label)
