"""HTML tables left as markup inside text: ``pandoc -t gfm`` (and other HTML-to-markdown
converters) write a table with merged cells as raw ``<table>…<td rowspan="2">…`` in the
markdown, since a pipe table cannot merge cells.

The file readers (:mod:`disclosure_parser.readers`) come after this stage and cannot be used
here, so this is a reader of its own, for tables only: ``<tr>``, ``<td>``/``<th>`` with
``rowspan``/``colspan``, ``<br>`` inside cells, entities; everything else is ignored. Each
table row becomes a row of cells as the HTML reader writes it (``readers/base.py``): a merged
cell once, an empty cell in each row a ``rowspan`` covers, a no-break space for an empty cell
under the value columns of a data row (a printed blank). Each cell keeps the line and column
of its text in the markdown.
"""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from typing import Final

from ..core.text import display_width, fold
from . import labels
from .cells import classify
from .raw import RawCell, RawRow

#: the most rows or columns a cell may span (a typo's rowspan="1000" spans to the table's end)
_MAX_SPAN: Final = 100
_SPACE: Final = re.compile(r"\s+")
_END: Final = re.compile(r"</table\s*>", re.IGNORECASE)


class _Cell:
    __slots__ = ("colspan", "column", "line", "pieces", "position", "rowspan")

    def __init__(self, line: int, position: int, rowspan: int, colspan: int) -> None:
        self.line, self.position = line, position  # where the cell's text starts
        self.rowspan, self.colspan = rowspan, colspan
        self.pieces: list[str] = []
        self.column = 0  # the grid column it starts at

    @property
    def text(self) -> str:
        return _SPACE.sub(" ", "".join(self.pieces)).strip()


def _span(value: str | None) -> int:
    try:
        return min(max(int(value or "1"), 1), _MAX_SPAN)
    except ValueError:
        return 1


class _TableParser(HTMLParser):
    """Collects the rows of cells of the tables in a piece of markup."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.rows: list[list[_Cell]] = []
        self.cell: _Cell | None = None
        self.in_row = False

    def _where(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return self.first_line + line - 1, offset + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
            self.in_row = True
            self.cell = None
        elif tag in ("td", "th"):
            if not self.in_row:
                self.rows.append([])
                self.in_row = True
            found = dict(attrs)
            line, column = self._where()
            rowspan, colspan = _span(found.get("rowspan")), _span(found.get("colspan"))
            self.cell = _Cell(line, column, rowspan, colspan)
            self.rows[-1].append(self.cell)
        elif tag == "br" and self.cell is not None:
            self.cell.pieces.append("")  # a line break inside a cell joins its lines

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self.cell = None
        elif tag == "tr":
            self.in_row = False
            self.cell = None

    def handle_data(self, data: str) -> None:
        cell = self.cell
        if cell is None:
            return
        if not cell.pieces or not "".join(cell.pieces).strip():
            # the cell is located at its first visible character
            lead = len(data) - len(data.lstrip())
            if lead < len(data):
                line, column = self._where()
                before = data[:lead]
                breaks = before.count("\n")
                if breaks:
                    line, column = line + breaks, len(before) - before.rfind("\n")
                else:
                    column += lead
                cell.line, cell.position = line, column
        cell.pieces.append(data)


def _is_value(text: str) -> bool:
    return bool(text) and classify(text)[0] in ("number", "na")


def table_rows(lines: list[str], start: int) -> tuple[list[RawRow], int]:
    """The rows of the table whose markup starts on ``lines[start]`` (0-based), and the index
    of the first line after it; no rows (and *start*) when the table is not closed."""
    end = start
    while end < len(lines) and _END.search(lines[end]) is None:
        end += 1
    if end == len(lines):
        return [], start
    parser = _TableParser(start + 1)
    parser.feed("\n".join(lines[start : end + 1]))
    parser.close()
    return _grid_rows(parser.rows), end + 1


def _grid_rows(rows: list[list[_Cell]]) -> list[RawRow]:
    # place each cell in the grid, past the cells that rows above span into
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            cell.column = c
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    # value columns: from the leftmost column holding a number or mark to the right edge
    cells = [cell for row in rows for cell in row]
    first = min((c.column for c in cells if _is_value(c.text)), default=-1)
    edge = max((c.column + c.colspan for c in cells), default=0)
    values = set() if first < 0 else set(range(first, edge))
    out: list[RawRow] = []
    spanning: list[tuple[int, _Cell]] = []
    for r, row in enumerate(rows):
        data = any(_is_value(c.text) for c in row) or (
            any(c.text for c in row)
            and not any(c.text and _under(c, values) for c in row)
            and any(not c.text and _under(c, values) for c in row)
        )
        entries: list[tuple[int, RawCell]] = []
        for cell in row:
            text = cell.text or ("\u00a0" if data and _under(cell, values) else "")
            entries.append(
                (cell.column, RawCell(text.strip() or text, cell.line, cell.position, not text))
            )
        anchor = row[0] if row else None
        for first_row, cell in spanning:
            if first_row < r < first_row + cell.rowspan and anchor is not None:
                entries.append((cell.column, RawCell("", anchor.line, anchor.position, True)))
        spanning = [(f, c) for f, c in spanning if r < f + c.rowspan - 1]
        spanning.extend((r, c) for c in row if c.rowspan > 1)
        entries.sort(key=lambda e: e[0])
        if not any(cell.text for _, cell in entries):
            continue
        raw_cells = [cell for _, cell in entries]
        out.append(RawRow(raw_cells, raw_cells[0].line, "tab"))
    return out


def _under(cell: _Cell, values: set[int]) -> bool:
    return any(cell.column + i in values for i in range(cell.colspan))


# ---------------------------------------------------------------------------------------------
# Tables drawn with dashes: pandoc's plain text (and reStructuredText-like dumps)
# ---------------------------------------------------------------------------------------------

#: a simple table's rule: runs of dashes, one per column, a space between
_SIMPLE_RULE: Final = re.compile(r"^[ \t]*-{2,}(?: +-{2,})+[ \t]*$")
#: a grid table's border: +----+----+ (= for the header's)
_GRID_RULE: Final = re.compile(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*$")


def is_simple_rule(line: str) -> bool:
    return "--" in line and _SIMPLE_RULE.match(line) is not None


def is_grid_rule(line: str) -> bool:
    return ("+-" in line or "+=" in line) and _GRID_RULE.match(line) is not None


def _starts(line: str) -> list[int]:
    """The display column each character of *line* starts at, and the line's width last."""
    out: list[int] = []
    width = 0
    for ch in line:
        out.append(width)
        width += display_width(ch)
    out.append(width)
    return out


def _slice(line: str, starts: list[int], left: int, right: int) -> tuple[str, int]:
    """The characters of *line* standing in display columns [left, right), and the index of
    the first of them."""
    first = next((i for i, s in enumerate(starts[:-1]) if s >= left), len(line))
    last = next((i for i, s in enumerate(starts[:-1]) if s >= right), len(line))
    return line[first:last], first


def simple_table(lines: list[str], start: int) -> tuple[list[RawRow], int]:
    """The rows of the simple table whose rule is ``lines[start]``: the rule's runs of dashes
    give the columns (in display columns: pandoc counts a CJK character as two), each line
    up to the closing rule (or a blank line) is a row, cut at them."""
    rule = lines[start]
    bounds = [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]
    spans: list[tuple[int, int]] = []
    for k, (left, _) in enumerate(bounds):
        right = bounds[k + 1][0] if k + 1 < len(bounds) else 10**9
        spans.append((_display(rule, left), _display(rule, right) if right < 10**9 else right))
    rows: list[list[_Cell]] = []
    end = start + 1
    while end < len(lines) and lines[end].strip() and not is_simple_rule(lines[end]):
        line = lines[end]
        starts = _starts(line)
        row: list[_Cell] = []
        for column, (left, right) in enumerate(spans):
            piece, at = _slice(line, starts, left, right)
            cell = _Cell(end + 1, at + 1, 1, 1)
            cell.column = column
            text = piece.strip()
            if text:
                cell.position = at + len(piece) - len(piece.lstrip()) + 1
                cell.pieces.append(text)
            row.append(cell)
        rows.append(row)
        end += 1
    if end < len(lines) and is_simple_rule(lines[end]):
        end += 1  # the closing rule
    return _drawn_rows(rows), end


def grid_table(lines: list[str], start: int) -> tuple[list[RawRow], int]:
    """The rows of the grid table whose top border is ``lines[start]``: the border's ``+``
    give the columns; the lines between two borders are one row, a cell's text wrapped over
    them joined."""
    border = lines[start]
    marks = [_display(border, m.start()) for m in re.finditer(r"\+", border)]
    spans = list(itertools.pairwise(marks))
    rows: list[list[_Cell]] = []
    current: list[_Cell] | None = None
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if _GRID_RULE.match(line):
            if current is not None:
                rows.append(current)
            current = None
            end += 1
            continue
        if not line.lstrip().startswith("|"):
            break
        if current is None:
            current = [_Cell(end + 1, 1, 1, 1) for _ in spans]
            for column, cell in enumerate(current):
                cell.column = column
        starts = _starts(line)
        for cell, (left, right) in zip(current, spans, strict=True):
            piece, at = _slice(line, starts, left + 1, right)
            text = piece.strip().rstrip("|").strip()
            if text:
                if not cell.pieces:
                    cell.line = end + 1
                    cell.position = at + len(piece) - len(piece.lstrip()) + 1
                cell.pieces.append(text)
        end += 1
    if current is not None:
        rows.append(current)
    return _drawn_rows(rows), end


def _display(line: str, index: int) -> int:
    return display_width(line[:index])


def _drawn_rows(rows: list[list[_Cell]]) -> list[RawRow]:
    """Rows of a table drawn as text, one cell per drawn column, as the HTML reader writes a
    table: the empty cells of the label columns (merged label cells drawn apart) dropped, an
    empty cell under the value columns of a data row a printed blank; under a 信息内容 header
    (table A), a value belongs to the header cell whose columns it stands in (a header cell
    drawn over two columns, its values in either)."""
    cells = [cell for row in rows for cell in row]
    first = min((c.column for c in cells if _is_value(c.text)), default=-1)
    if first > 0:
        # a column the header names as one of values (结果维持) holds values, blank in every
        # row as it may be: table C's one row "   | 5 | 0 | …" starts with 结果维持 printed blank
        named = [
            c.column
            for row in rows
            if not any(_is_value(c.text) for c in row)
            for c in row
            if c.text and labels.names_value_column(fold(c.text))
        ]
        first = min([first, *named])
    out: list[RawRow] = []
    spans: list[tuple[int, int]] | None = None
    for row in rows:
        texts = [c for c in row if c.text]
        if not texts:
            continue
        # (a merged 第二十条第（X）项 cell may stand before 信息内容, as its first column)
        lead = next((k for k, c in enumerate(texts[:2]) if c.text.startswith("信息内容")), -1)
        if lead >= 0 and not any(_is_value(c.text) for c in row):
            heads = [c.column for c in texts[lead + 1 :]]
            spans = [
                (col, heads[k + 1] if k + 1 < len(heads) else len(row))
                for k, col in enumerate(heads)
            ]
        elif texts and not any(_is_value(c.text) for c in texts) and len(texts) == 1:
            spans = None  # a caption: the next block has a header of its own
        data = first >= 0 and (
            any(_is_value(c.text) for c in row) or not any(c.text for c in row if c.column >= first)
        )
        kept: list[RawCell] = []
        if data and spans is not None:
            kept = [_raw(c) for c in row if c.text and c.column < spans[0][0]]
            for left, right in spans:
                inside = [c for c in row if left <= c.column < right and c.text]
                if len(inside) == 1:
                    kept.append(_raw(inside[0]))
                elif not inside:
                    anchor = row[left]
                    kept.append(RawCell("\u00a0", anchor.line, anchor.position, False))
                else:
                    kept.extend(_raw(c) for c in inside)
        else:
            for cell in row:
                if cell.text:
                    kept.append(_raw(cell))
                elif data and cell.column >= first:
                    kept.append(RawCell("\u00a0", cell.line, cell.position, False))
        out.append(RawRow(kept, kept[0].line, "tab"))
    return out


def _raw(cell: _Cell) -> RawCell:
    return RawCell(cell.text, cell.line, cell.position, False)
