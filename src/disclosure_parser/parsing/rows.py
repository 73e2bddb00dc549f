"""From physical lines to logical rows of cells, whatever the layout (SPEC §2 items 1–3).

A *row* is what one table row or one line of prose became in the text:

* tab rows: one line, cells separated by tabs (seeds 000, 001, 002);
* markdown pipe rows: ``| a | b |`` (rules ``|---|`` are dropped);
* one cell per line: each cell on its own line starting with a tab, rows separated by blank
  lines; a cell's text may continue on the next line without the tab (seeds 003, 004);
* plain lines: everything else, one cell holding the line.

Every cell keeps the 1-based line and column of its first visible character, so numbers can be
traced back to the input.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from ..core.text import display_width, fold
from . import labels
from .cells import classify, looks_like_value
from .flat import flat_rows, looks_flattened
from .labels import heading_number
from .markup import grid_table, is_grid_rule, is_simple_rule, simple_table, table_rows
from .raw import RawCell, RawRow

_WS: Final = " \t\r\f\xa0\u3000\u200b\ufeff"  # (\f: pdftotext's page break)
_FILLER: Final = " \r\f"  # a cell holding only these is layout filler, not a printed blank
_RULE_CELL: Final = re.compile(r"^:?[-=]{3,}:?$|^$")
_BOOKMARK: Final = re.compile(r"\[bookmark:[^\]]*\]")
_HEADING_WORD: Final = re.compile("情况|事项|概述|概况|问题")
#: characters that start a table row: markdown's pipe, and the walls text browsers draw
_BARS: Final = "|│┃║"
_WALLS: Final = re.compile("[│┃║]")
_RULE_CHARS: Final = re.compile("[\u2500\u2501\u2504-\u2550\u2552-\u257f]")  # all but the walls
#: box-drawing characters (U+2500–U+257F): horizontal rules and corners of drawn tables
_BOX: Final = "".join(chr(c) for c in range(0x2500, 0x2580))
#: a character markdown escapes with a backslash (pandoc writes a cell's "-" as "\-")
_MD_ESCAPE: Final = re.compile(r"\\([-\\`*_{}\[\]()#+.!~<>])")


#: radical code points that PDF text extraction returns for ideographs (Chromium's PDFs of CJK
#: pages map 人, 一, 行 … to the Kangxi radicals ⼈ ⼀ ⾏ …): the ideograph each stands for.
#: Kangxi radicals fold by NFKC; the simplified radicals of the supplement have no
#: decomposition and are listed. One character for one: columns do not move.
_RADICALS: Final = {
    **{cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)},
    **{
        ord(radical): ideograph
        for radical, ideograph in zip(
            "⺟⺠⻅⻆⻈⻉⻋⻓⻔⻘⻚⻛⻜⻢⻥⻦⻩⻬⻮⻰⻳",
            "母民见角讠贝车长门青页风飞马鱼鸟黄齐齿龙龟",
            strict=True,
        )
    },
}
_RADICAL_RANGE: Final = re.compile("[\u2e80-\u2fdf]")


def unify_radicals(text: str) -> str:
    """*text* with the radicals PDF text extraction gives for ideographs replaced by the
    ideographs (see ``_RADICALS``); columns are unchanged.

    >>> unify_radicals("太极镇\u2f08\u2ea0政府")
    '太极镇人民政府'
    """
    if _RADICAL_RANGE.search(text) is None:
        return text
    return text.translate(_RADICALS)


def _cell(raw: str, line: int, start: int) -> RawCell:
    """A RawCell for *raw*, which begins at 0-based character *start* of its line."""
    text = raw.strip(_WS)
    if text:
        # padding is whitespace and the text starts with none: its first occurrence is it
        return RawCell(text, line, start + raw.find(text) + 1, False)
    # an empty cell is located where it starts; a printed blank (nbsp, ideographic space)
    # keeps what was printed
    filler = not raw.strip(_FILLER)
    return RawCell("" if filler else raw.strip("\r"), line, start + 1, filler)


def _split(line_text: str, sep: str, line: int, offset: int = 0) -> list[RawCell]:
    cells: list[RawCell] = []
    start = offset
    ws = _WS
    for part in line_text[offset:].split(sep):
        if part and part[0] not in ws and part[-1] not in ws:
            # most cells carry no padding: no stripping (hundreds of cells a report)
            cells.append(RawCell(part, line, start + 1, False))
        else:
            cells.append(_cell(part, line, start))
        start += len(part) + 1
    return cells


#: the top of a table html2text draws: a space and a rule of underscores
_DUMP_TOP: Final = re.compile(r"^ +_{4,}\s*$")  # (indented inside a quote or a list)
#: a number at the start of a cell, then what html2text let overflow into it from the cell
#: before (its words cut byte-wise, so broken characters show as U+FFFD) or its padding
_NUMBER_THEN_CUT: Final = re.compile(
    r"([-+]?\d[\d,]*(?:\.\d+)?(?:[ ]?(?:万元|元))?)(?=[^\d.,_\s]|[ ][^\s]*\ufffd)(.*)"
)


#: a dash, slash or 无 (none, not applicable) and a broken character after it ("—\ufffd"),
#: or a few characters of the label before that ran into its narrow cell whole ("-已" and
#: "无已" of "…重新出具已获取信息", "/不" of "…仍不明确"): the mark (no label of the
#: template begins with 无; a value cell's "无此项" reads as 无 too, no number either way)
_DASH_THEN_CUT: Final = re.compile(r"([-\u2013\u2014/]+|无)(\ufffd+|[\u3400-\u9fff\ufffd]{1,3})")
#: a cell printed blank as a no-break space (&nbsp;) and the label's overflow after it
#: ("8.属于行政查询" / "\xa0项"): no number stood there
_BLANK_THEN_CUT: Final = re.compile(r"\xa0[\u3400-\u9fff]{1,3}")


def _dump_row(raw: str, lineno: int) -> RawRow:
    """A row of a table html2text drew: ``|cell__|cell|`` with underscores as padding, cut to
    the column's width byte by byte (a cut character is U+FFFD, the rest of a long label runs
    into the next cells, words past the last bar are overflow).

    The padding (and the underscores standing for spaces) is dropped; a cell holding only
    padding was printed empty. A cell that starts
    with a number and goes on with overflowed text is read as the number, and remembers what
    it printed (``RawCell.cut``) so that the reading is reported.
    """
    end = raw.rstrip().rfind("|")
    start = raw.find("|")
    body = raw[: end if end > start else len(raw)]
    cells = _split(body, "|", lineno, start + 1)
    for cell, part in zip(cells, body[start + 1 :].split("|"), strict=True):
        text = cell.text.replace("_", " ").strip()  # html2text prints spaces as underscores
        if _BLANK_THEN_CUT.fullmatch(part.rstrip("_ ")):
            cell.cut, cell.text = text, ""
            continue
        if text != cell.text:
            cell.text = text
            cell.filler = not text
        m = _NUMBER_THEN_CUT.fullmatch(text) or _DASH_THEN_CUT.fullmatch(text)
        if m is not None and (set(m.group(2)) - {"_"}):
            cell.cut, cell.text = text, m.group(1)
    return RawRow(cells, lineno, "pipe")


def _drawn_table(raw: str, lines: list[str], start: int) -> tuple[list[RawRow], int]:
    """The rows of a table that starts on ``lines[start]`` as HTML markup, a simple table's
    dashed rule or a grid table's border, and the index after it; else no rows and *start*."""
    stripped = raw.lstrip(_WS)
    if stripped[:6].lower() == "<table":
        return table_rows(lines, start)
    if stripped[:2] == "--" and is_simple_rule(raw):
        return simple_table(lines, start)
    if stripped[:1] == "+" and is_grid_rule(raw):
        return grid_table(lines, start)
    return [], start


def _is_cell_line(text: str) -> bool:
    """A line of the one-cell-per-line layout: a leading tab and no other tab."""
    return text.startswith("\t") and text.find("\t", 1) == -1


def _standalone(text: str) -> bool:
    """A line that is prose or a section heading even if it starts with a tab."""
    if len(text) < 5:
        return False
    if "。" in text or (len(text) > 50 and len(fold(text)) > 50):
        return True
    # only a line naming a section can be a heading: test the cheap words first
    return _HEADING_WORD.search(text) is not None and heading_number(fold(text)) is not None


def _is_blank(text: str) -> bool:
    return not text.strip(_WS)


def _continues(previous: RawCell, text: str) -> bool:
    """Whether plain line *text* continues *previous*, a cell of a one-cell-per-line row.

    Only label text wraps ("本年新" / "制作数量"); a number, or anything long enough to be a
    paragraph or heading, starts something new.
    """
    if not previous.text or looks_like_value(previous.text):
        return False
    stripped = text.strip(_WS)
    if not stripped or looks_like_value(stripped) or len(stripped) > 40:
        return False
    return not (stripped.endswith("。") or ("情况" in stripped and "、" in stripped[:3]))


def read_rows(text: str) -> list[RawRow]:
    """Split *text* into logical rows (see the module docstring). (``parse()`` has given the
    text's radicals back as ideographs: :func:`unify_radicals`.)"""
    lines = text.split("\n")
    rows: list[RawRow] = []
    block: list[RawCell] | None = None  # the open one-cell-per-line row
    gap = 0  # blank lines since the last row
    boxed: tuple[RawRow, tuple[int, ...]] | None = None  # the drawn row being read
    dump = False  # inside a table html2text drew
    n = len(lines)
    i = 0
    while i < n:
        raw = lines[i]
        lineno = i + 1
        i += 1
        if "[bookmark" in raw:
            # Word's bookmark marker carries no text; blank it out, keeping columns
            raw = _BOOKMARK.sub(lambda m: " " * len(m.group()), raw)
        if block is None and ("<" in raw or "-" in raw or "+" in raw):
            # a table drawn as markup (pandoc's markdown of merged cells) or with dashes
            # (pandoc's plain text): read as the grid it is
            table, after = _drawn_table(raw, lines, i - 1)
            if after > i - 1:
                rows.extend(table)
                i = after
                gap = 0
                continue
        cell_line = raw[:1] == "\t" and raw.find("\t", 1) == -1
        if cell_line and _standalone(raw):
            # a tab-indented paragraph or heading, not a cell
            if block is not None:
                rows.extend(_block_rows(block))
                block = None
            rows.append(RawRow([_cell(raw, lineno, 0)], lineno, "plain"))
            continue
        if cell_line:
            if block is None and not _opens_block(lines, i):
                rows.append(RawRow(_split(raw, "\t", lineno), lineno, "tab"))
                continue
            if block is None:
                block = []
            cell = _cell(raw[1:], lineno, 1)
            cell.filler = False  # a line of its own: an empty cell here was printed empty
            block.append(cell)
            continue
        if block is not None:
            if not _is_blank(raw) and "\t" not in raw and _continues(block[-1], raw):
                last = block[-1]
                last.text += raw.strip(_WS)
                last.filler = False
                continue
            rows.extend(_block_rows(block))
            block = None
        if _is_blank(raw) and raw.count("\t") < 4:
            gap += 1
            continue  # (a line of tabs alone is a table row of empty cells)
        if "\t" in raw:
            cells = _split(raw, "\t", lineno)
            if (
                ("-" in raw or "=" in raw)
                and any(c.text for c in cells)
                and all(_RULE_CELL.match(c.text) for c in cells)
            ):
                continue  # a markdown rule pasted into a tab layout
            rows.append(RawRow(cells, lineno, "tab"))
            continue
        stripped = raw.lstrip(_WS)
        if dump and stripped[:1] == "|":
            rows.append(_dump_row(raw, lineno))
            continue
        dump = raw[:1] == " " and stripped[:1] == "_" and _DUMP_TOP.match(raw) is not None
        if dump:
            continue  # the rule above an html2text table
        if stripped[:1] in _BARS:
            row = _pipe_row(raw, lineno)
            if row is None:
                boxed = None  # a rule: the next line starts a new row
                continue
            walls = _walls(raw) if stripped[0] != "|" else None
            if walls is not None and boxed is not None and boxed[1] == walls:
                _merge(boxed[0], row)  # the next line of a drawn cell's text
            else:
                rows.append(row)
                boxed = (row, walls) if walls is not None else None
            continue
        boxed = None
        if stripped[:1] in _BOX and not stripped.strip(_BOX + _WS):
            continue  # a rule of a box-drawn table (text browsers)
        if len(raw) >= 80 and looks_flattened(raw):
            rows.extend(flat_rows(raw, lineno))
            continue
        plain = RawRow([_cell(raw, lineno, 0)], lineno, "plain")
        plain.gap, gap = gap, 0
        rows.append(plain)
    if block is not None:
        rows.extend(_block_rows(block))
    _drop_empty_columns(rows, lines)
    _mark_drawn_blanks(rows)
    return rows


def _mark_drawn_blanks(rows: list[RawRow]) -> None:
    """Tell apart the empty cells of drawn grids (markdown pipes, text browsers' boxes,
    html2text) by their column.

    A grid prints every cell of a row, so its rows of one width share their columns. An empty
    cell before a row's last number, where the grid's other rows print numbers, is a cell
    printed blank: read as the shadow of a merged label instead (what an empty cell right after
    a label usually is), the row seems to have lost a cell, and the table's sums, which cannot
    tell a blank from a 0, would put its numbers one column over. An empty cell where the
    other rows print labels and never a number is the label's part of the grid, no value."""
    i, n = 0, len(rows)
    while i < n:
        if rows[i].kind != "pipe":
            i += 1
            continue
        j = i
        while j < n and rows[j].kind == "pipe":
            j += 1
        numbers: dict[int, set[int]] = {}
        words: dict[int, set[int]] = {}
        for row in rows[i:j]:
            width = len(row.cells)
            printed = {k for k, c in enumerate(row.cells) if c.text and _is_number(c.text)}
            if printed:  # (a header's words stand over columns of numbers)
                numbers.setdefault(width, set()).update(printed)
                words.setdefault(width, set()).update(
                    k for k, c in enumerate(row.cells) if c.text and k not in printed
                )
        for row in rows[i:j]:
            width = len(row.cells)
            valued = numbers.get(width, set())
            labelled = words.get(width, set()) - valued
            if any(c.text and _is_number(c.text) for c in row.cells):
                for k in valued:  # (a header's words are cut too, and are the header's)
                    _cut_word(row.cells[k])
            last = max((k for k, c in enumerate(row.cells) if c.text), default=-1)
            for k, cell in enumerate(row.cells[:last]):
                if cell.text:
                    continue
                if k in valued:
                    cell.drawn, cell.filler = True, False
                elif k in labelled:
                    cell.labelled = True
        i = j


def _drop_empty_columns(rows: list[RawRow], lines: list[str]) -> None:
    """Take out of each markdown pipe table the columns empty in every row, its header rows
    too: a converter's trace of a cell spanning two columns (pandoc writes ``colspan`` as an
    empty column beside the cell), which holds nothing and would be read as a blank value."""
    i, n = 0, len(rows)
    while i < n:
        first = rows[i]
        if first.kind != "pipe" or lines[first.line - 1].lstrip(_WS)[:1] != "|":
            i += 1
            continue
        width = len(first.cells)
        j = i + 1
        while (
            j < n
            and rows[j].kind == "pipe"
            and len(rows[j].cells) == width
            and rows[j].line - rows[j - 1].line <= 2  # (the |---| rule between)
            and lines[rows[j].line - 1].lstrip(_WS)[:1] == "|"
        ):
            j += 1
        if j - i >= 3:
            table = rows[i:j]
            full = [k for k in range(width) if any(r.cells[k].text for r in table)]
            if full and len(full) < width:
                for row in table:
                    row.cells = [row.cells[k] for k in full]
        i = j


def _cut_word(cell: RawCell) -> None:
    """Read a value cell of html2text's that holds only words cut byte by byte (its own "无",
    or the label's overflow) as empty: a digit is one byte and never cut, so no number stood
    there (a mark such as 无 left whole is kept; ``cut`` keeps what was printed)."""
    text = cell.text
    if "\ufffd" in text and not any(ch.isdigit() for ch in text):
        word = text.replace("\ufffd", "").strip()
        cell.cut, cell.text = text, word if word and classify(word)[0] == "na" else ""


def _is_number(text: str) -> bool:
    return classify(text)[0] == "number"


def _names_a_row(text: str) -> bool:
    """Whether *text* reads as the label of a table row, a header or a caption (rather than
    the text of a value cell, such as 见附件)."""
    folded = fold(text)
    return (
        labels.row_key(folded) is not None
        or labels.item_key(folded) is not None
        or labels.is_group_label(folded)
        or labels.clause_of(folded) is not None
        or labels.is_b_header(folded)
        or labels.is_c_header(folded)
        or bool(labels.a_columns(folded))
        or folded.startswith("信息内容")
        or heading_number(folded) is not None
    )


def _block_rows(block: list[RawCell]) -> list[RawRow]:
    """The rows of a one-cell-per-line block.

    Rows are separated by blank lines; where the blank line was lost, a row label printed
    after a row's numbers still starts a new row. Other text after numbers is a value cell
    of the row (a cell printed 见附件): cut there, the row would lose its last cells and the
    text would make a row of its own.
    """
    rows: list[RawRow] = []
    current: list[RawCell] = []
    after_value = False
    for cell in block:
        if not cell.text:
            current.append(cell)  # an empty cell: neither label nor number
            continue
        is_text = not looks_like_value(cell.text)
        if is_text and after_value and current and _names_a_row(cell.text):
            rows.append(RawRow(current, current[0].line, "cells"))
            current = []
            after_value = False
        current.append(cell)
        # (text among a row's values is one of its values: the row goes on)
        after_value = after_value or not is_text
    if current:
        rows.append(RawRow(current, current[0].line, "cells"))
    return rows


def _opens_block(lines: list[str], i: int) -> bool:
    """Whether the cell line just read (index i-1) starts a one-cell-per-line row.

    It does when another cell line follows before the next blank line (possibly after a
    wrapped continuation line); a lone ``\\tX`` line between tab rows is a tab row instead.
    """
    n = len(lines)
    j = i
    while j < n and j < i + 3:
        nxt = lines[j]
        if _is_cell_line(nxt):
            return True
        if _is_blank(nxt) or "\t" in nxt:
            # a lone cell line followed by a blank line is a one-cell row of the cell layout
            # only if cell lines resume after it
            return j + 1 < n and _is_cell_line(lines[j + 1]) and _is_blank(nxt)
        j += 1
    return False


def _walls(raw: str) -> tuple[int, ...]:
    """The display columns of a drawn row's cell walls (CJK characters are two wide)."""
    out = []
    width = 0
    for ch in raw:
        if ch in _BARS:
            out.append(width)
        width += display_width(ch)
    return tuple(out)


def _merge(row: RawRow, more: RawRow) -> None:
    """Append the next line of a drawn row (a text browser wraps a cell over lines)."""
    for cell, extra in zip(row.cells, more.cells, strict=False):
        if extra.text:
            if not cell.text:
                cell.line, cell.column = extra.line, extra.column
            # a label wraps without a space (CJK); numbers on two lines of one drawn cell are
            # two numbers (the rule between two rows was lost), never one: keep them apart
            digits_meet = cell.text[-1:].isdigit() and (
                extra.text[0].isdigit() or extra.text[0] in "+-"
            )
            cell.text += (" " if digits_meet else "") + extra.text
            cell.filler = False


def _pipe_row(raw: str, lineno: int) -> RawRow | None:
    """A markdown pipe row, or a row of a table a text browser drew with box characters."""
    bar = raw.lstrip(_WS)[0]
    start = raw.index(bar)
    body = raw.rstrip(_WS)
    end = len(body) - 1 if body[-1] in _BARS and len(body) - 1 > start else len(body)
    line = raw[:end]
    if bar != "|":
        # cell walls │ ┃ ║ split cells like |; a piece of a horizontal rule beside a merged
        # cell (├───┼───┤) is no text
        line = _WALLS.sub("|", _RULE_CHARS.sub(" ", line))
    cells = _split(line, "|", lineno, start + 1)
    for cell in cells:
        if cell.text and not cell.text.strip(_BOX):
            cell.text, cell.filler = "", True
        elif bar == "|" and "\\" in cell.text:
            cell.text = _MD_ESCAPE.sub(r"\1", cell.text)
    if all(_RULE_CELL.match(fold(c.text)) for c in cells):
        return None  # |---|---|
    return RawRow(cells, lineno, "pipe")
