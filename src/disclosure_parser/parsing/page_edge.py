"""Tables B and C cut by the edges of a PDF's page, as text: what ``pdftotext`` keeps.

A PDF printed wider than its page (LibreOffice prints a fixed-width table past the edges;
Chromium clips one at its margin) holds only what falls on the page, and so does the text
taken from it. The traces left are read here before the cells are placed:

- table B's header stops short ("商业企业 科研机构 社会公益"): :func:`read_cut_header`
  reads the rows up to the columns the header shows, the others missing, and
  :func:`read_cut_stream` the rows of numbers one a line (default ``pdftotext``);
- table C's header names a run of its fifteen columns, not all ("果纠正 其他结果 …"):
  :func:`read_cut_review` gives its line the ways of reading it in those columns;
- every column is there but a 总计 lost its last digits ("225" of 2257171):
  :func:`mark_cut_totals` (table B) and :func:`mark_cut_review_total` (table C's last)
  find them by arithmetic and read them as missing;
- table C's header names two groups' 总计 and not the third's: :func:`mark_cut_before_review_total`
  reads the number at the edge as missing.

Each time a ``cut_at_page_edge`` warning stands on the line, as for the PDF read directly
(:mod:`disclosure_parser.readers.pdf`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final, Protocol

from ..core.keys import APPLICANT_COLUMNS
from ..core.messages import Message, msg
from ..core.model import Severity
from ..core.text import fold
from . import labels
from .cells import CUT, UNREADABLE, counts, ends_with_sum
from .positions import NO_GRID, Grid, Mark, PositionedRow, gaps, place, share_columns
from .raw import RawCell

#: table B's columns, 总计 included
_WIDTH: Final = len(APPLICANT_COLUMNS)
_WORD: Final = re.compile(r"\S+")


class _Row(PositionedRow, Protocol):
    #: what the lexer has to say about the row (see :class:`.lexer.Row`)
    notes: list[tuple[str, Severity, Message, int, int]]


def read_cut_header(
    rows: Sequence[_Row], heads: Sequence[_Row], marks: Sequence[Mark], grid: Grid
) -> None:
    """Read the *rows* of a table B whose header (*heads*, its words where *marks* say)
    the page's right edge cut: its columns up to the last one the header names whole, and
    the one whose name the edge cut ("社会公益" of 社会公益组织), are in the text; the others
    are not.

    Each row that prints a value in each of those columns, or whose values' positions place
    them in those columns one way only (:func:`.positions.place`, learnt on each page from
    the rows that print them all), is read so: the cells past the edge missing, and those
    of the column the edge cut too (what the page shows of them may be the first digits of
    a number), where any row prints a value in it. Only where no row prints more values
    than those columns hold: a row that does shows the header was not cut but wrapped, or
    the edge is not where it says."""
    shown = max(m[0] for m in marks) + 1
    cut_word = _cut_word(heads, marks, shown, grid)
    printed = [sum(1 for c in row.values if c.text) for row in rows]
    most = max(printed, default=0)
    if most > shown + (cut_word is not None):
        return
    # the column the edge cut shows values only where some row prints one there
    cutting = cut_word is not None and most > shown
    edge = shown + cutting
    named = cut_word or _name(shown - 1)
    placed = {id(row) for row in place(rows, edge, grid, marks=marks)}
    pages: dict[int, list[int]] = {}
    for k, row in enumerate(rows):
        pages.setdefault(grid(row.line)[0], []).append(k)
    for page in pages.values():
        # on a page where the cut column shows nothing, a row printing a number in each
        # column short of it is read so where its numbers stand in the columns the page's
        # others share (it may have a blank and a number in the cut one: then they do not)
        short = [rows[k] for k in page if printed[k] == shown]
        bare = cutting and all(printed[k] <= shown for k in page) and share_columns(short, grid)
        for k in page:
            row = rows[k]
            if id(row) in placed or printed[k] == edge or (row.choices and not cutting):
                _read_short_of_edge(row, edge, cutting, id(row) in placed, named)
            elif bare and printed[k] == shown:
                _read_short_of_edge(row, shown, False, False, named)
            elif not row.choices:
                _ways_short_of_edge(row, edge, cutting, named)


def _cut_word(heads: Sequence[_Row], marks: Sequence[Mark], shown: int, grid: Grid) -> str | None:
    """The start of the name of column *shown* (the first the header does not name) that
    the header prints after its last whole name, on that name's page: where the edge cut."""
    last = max((m for m in marks if m[0] == shown - 1), key=lambda m: m[3])
    names = [name for name, column in labels.B_COLUMN_WORDS.items() if column == shown]
    for head in heads:
        if head.kind != "plain":
            continue
        for cell in head.labels:
            page, indent = grid(cell.line)
            at = cell.column - 1 - indent
            for m in _WORD.finditer(cell.text):
                folded = fold(m.group())
                if (
                    page == last[1]
                    and at + m.start() >= last[3]
                    and any(n.startswith(folded) and n != folded for n in names)
                ):
                    return folded
    return None


def _name(column: int) -> str:
    """The name table B's header gives its *column*."""
    return next(name for name, k in labels.B_COLUMN_WORDS.items() if k == column)


def _read_short_of_edge(row: _Row, edge: int, cutting: bool, placed: bool, named: str) -> None:
    """Read *row* as the table's first *edge* columns, and the missing ones past the edge,
    where it can be: *placed* by its positions, printing a number in each of those columns
    on one line, or with the ways its page's positions leave (but not where the edge is
    *cutting* a column that shows values)."""
    ways = None
    printed = [c for c in row.values if c.text]
    if placed:
        values = row.values
    elif len(printed) == edge and len({c.line for c in printed}) == 1:
        # (a row's numbers printed on two lines beside its wrapped label keep the order of
        # those lines, not of the columns: only positions may place them)
        values = printed
    elif row.choices and not cutting:
        # the ways its page's positions leave, for the table's sums to choose from (where
        # the edge cut a column showing values, its cells differ from way to way)
        values, ways = row.values, row.choices
    else:
        return
    end = next((c for c in reversed(values) if c.text), None)
    if end is None:
        return
    if cutting:
        values[-1].text = CUT + values[-1].text
    past = [RawCell(CUT, end.line, end.column + 1, False) for _ in range(_WIDTH - edge)]
    row.values = [*values, *past]
    if ways is not None:
        row.choices = [[*way, *past] for way in ways]
    message = msg("cut_at_page_edge.header", word=named)
    row.notes.append(("cut_at_page_edge", "warning", message, row.line, end.column))


def _ways_short_of_edge(row: _Row, edge: int, cutting: bool, named: str) -> None:
    """Give *row*, printed on one line with fewer values than the table's first *edge*
    columns (those the page shows) and not placed by position, every way of reading its
    values in order in those columns (``row.choices``), for the table's sums to choose from.

    A row of words set apart by spaces prints nothing for a blank, so the columns a way
    leaves empty are blanks; but where the edge is *cutting* a column that shows values,
    that column's cell is missing either way: its last value may be the first digits of
    the cut column's number (then a blank stands before it), or that number showed nothing.
    The cells past the edge are missing."""
    printed = [c for c in row.values if c.text]
    if (
        not printed
        or len(printed) >= edge
        or len({c.line for c in printed}) > 1
        or any(c.glued or c.filler for c in printed)
    ):
        return
    end = printed[-1]
    past = [RawCell(CUT, end.line, end.column + 1, False) for _ in range(_WIDTH - edge)]
    ways: list[list[RawCell]] = []
    for where in itertools.combinations(range(edge), len(printed)):
        cells = [RawCell("", end.line, end.column, False) for _ in range(edge)]
        for column, cell in zip(where, printed, strict=True):
            cells[column] = cell
        if cutting:
            # (at the printed value's place: the way reads what stood there, cut)
            shown = end.text if where[-1] == edge - 1 else ""
            cells[-1] = RawCell(CUT + shown, end.line, end.column, False)
        ways.append([*cells, *past])
    row.values = [*printed, *past]
    row.choices = ways
    message = msg("cut_at_page_edge.header", word=named)
    row.notes.append(("cut_at_page_edge", "warning", message, row.line, end.column))


def read_cut_stream(heads: Sequence[str], rows: Sequence[_Row]) -> None:
    """Read the *rows* of a table B printed one number a line (default ``pdftotext``) under
    a header (its lines' words, *heads*) the page's right edge cut: it names 自然人 and
    商业企业 and stops short of 其他 ("商业企业 科研机构 社会公益", the last name cut).

    A row printing a number for each column the header names whole, and one for the column
    whose name the edge cut where the header shows such a piece, is read as those columns:
    the cut column's cell missing (its digits may be the first of a number) and so are the
    cells past the edge, said on the row. The cells of other rows (a blank among them, or
    the numbers of several rows run together) are withheld: which of their numbers is
    whose nothing says, and no 总计 is left to check a guess."""
    words = [fold(w) for head in heads for w in head.split()]
    named = "".join(words).replace("法人或其他组织", "").replace("法人或其他", "")
    columns = {k for name, k in labels.B_COLUMN_WORDS.items() if name in named}
    if not {0, 1} <= columns or max(columns) >= labels.B_COLUMN_WORDS["其他"]:
        return
    shown = max(columns) + 1
    following = [name for name, k in labels.B_COLUMN_WORDS.items() if k == shown]
    cut_word = next((w for w in words if any(n.startswith(w) and n != w for n in following)), None)
    edge = shown + (cut_word is not None)
    named_at = cut_word or _name(shown - 1)
    for row in rows:
        printed = [c for c in row.values if c.text]
        if not printed:
            continue
        if len(printed) != edge or len(row.values) != edge:
            first = printed[0]
            row.values = [
                RawCell(UNREADABLE, first.line, first.column, False) for _ in range(_WIDTH)
            ]
            message = msg(
                "cut_at_page_edge.stream_row", word=named_at, shown=edge, printed=len(printed)
            )
            row.notes.append(("cut_at_page_edge", "warning", message, row.line, first.column))
            continue
        end = printed[-1]
        if cut_word is not None:
            end.text = CUT + end.text
        past = [RawCell(CUT, end.line, end.column + 1, False) for _ in range(_WIDTH - edge)]
        row.values = [*printed, *past]
        message = msg("cut_at_page_edge.header", word=named_at)
        row.notes.append(("cut_at_page_edge", "warning", message, row.line, end.column))


def _cut_short(parts: Sequence[int | None], total: int) -> bool:
    """Whether *total* is a proper beginning of the sum of *parts* (blanks 0): what the
    page's edge left of it ("225" of 2257171)."""
    whole, shown = str(sum(p or 0 for p in parts)), str(total)
    return len(shown) < len(whole) and whole.startswith(shown)


def ends_with_cut_total(heads: str, texts: Sequence[str]) -> bool:
    """Whether cells printed as *texts*, a row of seven under table B's header words
    *heads*, end with a 总计 the page's edge cut: the header's last word is 总 (its 计 past
    the edge) and the last number, of two digits or more, begins the sum of the others
    (:func:`mark_cut_totals` marks it then).

    >>> ends_with_cut_total("自然人商业企业科研机构社会公益组织法律服务机构其他总",
    ...                     ["40", "1", "0", "5", "20", "39", "10"])
    True
    >>> ends_with_cut_total("自然人商业企业科研机构社会公益组织法律服务机构其他总计",
    ...                     ["40", "1", "0", "5", "20", "39", "10"])
    False
    """
    numbers = counts(texts)
    if not heads.endswith("总") or numbers is None or len(numbers) != _WIDTH:
        return False
    total = numbers[-1]
    return total is not None and total >= 10 and _cut_short(numbers[:-1], total)


def mark_cut_totals(heads: str, rows: Sequence[_Row], grid: Grid = NO_GRID) -> None:
    """Mark the 总计 of the *rows* of a table B (under the header words *heads*) that the
    page's right edge cut ("225" of 2257171) as digits not read (:data:`~.cells.UNREADABLE`:
    a missing cell, which the table's sums work out where they decide it), and say so on
    their lines.

    Such a total is a proper beginning of the sum of the row's other numbers (a blank adds
    nothing, so that sum needs no columns). Two rows of the table that print all seven
    numbers so, under a header that names 总计, make the cut: a typing slip in one row is no
    evidence of an edge, and in a table without 总计 the last number is 其他, which begins
    the sum now and then by chance. A header whose last word is 总计 cut after its 总 shows
    the edge itself: there a row's last number of two digits or more that begins the sum
    is its cut total however many rows print seven numbers (one digit may be 其他, the
    total cut whole). Chromium's PDFs through default ``pdftotext``: "41524 5 2 5 1 41", a
    blank left out, 41 of 41537, was read as 其他 and a total of 41578 worked out.

    A header that does not name 总计 at all may have lost it past the edge with the rest of
    the column: rows of seven numbers show the column (a table without 总计 has six), and
    two of them ending so make the cut as well ("… 661276 620315 36", 36 of 3631882, under
    "… 法律服务机构 其他").

    Where the text has positions (``pdftotext -layout``, *grid* its pages), a shorter row's
    last number that stands left of the cut totals of its page is no total: it is in a
    column before the edge ("2  2  1  5      1", its 1 under 其他 and its total 11 cut
    whole, was read as the first digit of 10)."""
    edge = heads.endswith("总")
    cut: list[tuple[_Row, RawCell]] = []
    whole_rows = 0
    for row in rows:
        shown = [c for c in row.values if c.text]
        numbers = counts(c.text for c in shown)
        if numbers is None or not 3 <= len(numbers) <= _WIDTH or numbers[-1] is None:
            continue
        if _cut_short(numbers[:-1], numbers[-1]):
            cut.append((row, shown[-1]))
            whole_rows += len(numbers) == _WIDTH
    if whole_rows < 2:
        if not edge:
            return
        cut = [(row, cell) for row, cell in cut if len(cell.text) > 1]
    else:
        cut = _standing_at_the_edge(cut, grid)
    cut += _cut_after_a_lost_cell(rows, {len(cell.text) for _, cell in cut}, cut)
    for row, cell in cut:
        message = msg("cut_at_page_edge.text", value=cell.text)
        row.notes.append(("cut_at_page_edge", "warning", message, cell.line, cell.column))
        cell.text = UNREADABLE + cell.text


def _laid_out(row: _Row, cell: RawCell) -> bool:
    """Whether *row*'s numbers stand on *cell*'s line a run of spaces apart: where they stand
    is where the page has them (``pdftotext -layout``)."""
    printed = [c for c in row.values if c.text]
    return all(c.line == cell.line for c in printed) and all(g >= 2 for g in gaps(printed))


def _standing_at_the_edge(
    cut: Sequence[tuple[_Row, RawCell]], grid: Grid
) -> list[tuple[_Row, RawCell]]:
    """The rows and cut totals of *cut* less the shorter rows' last numbers that stand left
    of every cut total of a row of seven numbers on their page, where the text has
    positions (rows laid out, *grid* its pages)."""
    starts: dict[int, int] = {}
    for row, cell in cut:
        if sum(1 for c in row.values if c.text) == _WIDTH and _laid_out(row, cell):
            page, indent = grid(cell.line)
            starts[page] = min(starts.get(page, cell.column - indent), cell.column - indent)
    kept: list[tuple[_Row, RawCell]] = []
    for row, cell in cut:
        page, indent = grid(cell.line)
        start = starts.get(page)
        if (
            start is not None
            and sum(1 for c in row.values if c.text) < _WIDTH
            and _laid_out(row, cell)
            and cell.column - indent + len(cell.text) < start
        ):
            continue
        kept.append((row, cell))
    return kept


def _cut_after_a_lost_cell(
    rows: Sequence[_Row], shown: set[int], cut: Sequence[tuple[_Row, RawCell]]
) -> list[tuple[_Row, RawCell]]:
    """The last numbers of *rows* that the edge cut too, though they begin no sum of the
    numbers before them: under an edge that cut other rows' totals to as many digits
    (*shown*), a row that lost a cell (fewer than seven numbers, not adding up) ends with
    its total's first digits all the same; its 其他 would leave the total's digits after it
    (Chromium's default text: "41225 25206 80800 1 5 18", the row's first number printed
    elsewhere, 18 of 189107, was read as 其他 and a total worked out). Only where the cut
    totals all show two digits or more (one digit may be 其他, the total cut whole, and an
    edge that leaves a total one digit is no clean cut through the column), the last number
    as many digits as one of them (a longer total shows more: "257" of 2572093 above "26" of
    262970); a number no shorter than the sum of the others is no such digits."""
    if not shown or min(shown) < 2:
        return []
    done = {id(row) for row, _ in cut}
    out: list[tuple[_Row, RawCell]] = []
    for row in rows:
        printed = [c for c in row.values if c.text]
        numbers = counts(c.text for c in printed)
        if (
            id(row) in done
            or numbers is None
            or not 3 <= len(numbers) < _WIDTH
            or None in numbers
            or len(printed[-1].text) not in shown
        ):
            continue
        rest = sum(n or 0 for n in numbers[:-1])
        if len(str(numbers[-1])) < len(str(rest)):
            out.append((row, printed[-1]))
    return out


#: table C's outcome columns as its header names them, in the template's order, each group
#: alike: the long name (whose start or end the edge may cut) and the names it may print
_C_OUTCOMES: Final = (
    ("结果维持", ("结果维持", "维持")),
    ("结果纠正", ("结果纠正", "纠正")),
    ("其他结果", ("其他结果", "其它结果")),
    ("尚未审结", ("尚未审结", "未审结")),
    ("总计", ("总计", "合计")),
)
_C_GROUPS: Final = 3
_C_SIZE: Final = len(_C_OUTCOMES)
#: the most ways of placing the blanks of a cut table C that are weighed
_C_MAX_WAYS: Final = 2000


def read_cut_review(row: _Row, heads: Sequence[RawCell]) -> bool:
    """Give table C's one line of numbers *row* the ways of reading it that its header
    (*heads*) leaves when the page's edge cut the table: the header names a run of its
    fifteen outcome columns, not all ("果纠正 其他结果 尚未审结 总计 结果维持 … 其他结果":
    LibreOffice prints it past both edges), so the numbers stand in those columns, the first
    and last of them cut too (what shows of their numbers may be a part). Whether it did.

    The numbers keep their order; a blank leaves nothing, so where fewer numbers than
    columns are printed every placing of the blanks is a way, kept where each group the
    header shows whole adds up (one must: it checks that the cut columns hold the first and
    last numbers, not blanks). The table's sums choose among the ways, and the cells they
    disagree on are withheld."""
    window = _c_window(heads)
    if window is None:
        return False
    start, end, left, right = window
    tokens = [c for c in row.values if c.text]
    inner_start, inner_end = start + left, end - right
    inner = tokens[left : len(tokens) - right]
    if len(tokens) < left + right or len(inner) > inner_end - inner_start:
        return False
    blanks = inner_end - inner_start - len(inner)
    # the groups whose every column shows its number whole: their sums check a way
    whole = [
        g for g in range(_C_GROUPS) if inner_start <= g * _C_SIZE and (g + 1) * _C_SIZE <= inner_end
    ]
    if not whole:
        return False
    line, column = tokens[0].line, tokens[0].column
    absent = {
        k: RawCell(CUT, line, column, False)
        for k in range(_C_GROUPS * _C_SIZE)
        if not start <= k < end
    }
    ways: list[list[RawCell]] = []
    for count, skipped in enumerate(itertools.combinations(range(inner_start, inner_end), blanks)):
        if count >= _C_MAX_WAYS:
            return False
        cells: list[RawCell | None] = [absent.get(k) for k in range(_C_GROUPS * _C_SIZE)]
        if left:
            cells[start] = tokens[0]
        if right:
            cells[end - 1] = tokens[-1]
        rest = iter(inner)
        for k in range(inner_start, inner_end):
            cells[k] = RawCell("", line, column, False) if k in skipped else next(rest)
        if all(_adds_up(cells[g * _C_SIZE : (g + 1) * _C_SIZE]) for g in whole):
            ways.append([c if c is not None else RawCell("", line, column, False) for c in cells])
    if not ways:
        return False
    for cut in ([tokens[0]] if left else []) + ([tokens[-1]] if right else []):
        cut.text = CUT + cut.text
    row.values = [*(absent[k] for k in sorted(absent) if k < start), *tokens]
    row.values += [absent[k] for k in sorted(absent) if k >= end]
    row.choices = ways
    message = msg("cut_at_page_edge.review", columns=end - start)
    row.notes.append(("cut_at_page_edge", "warning", message, line, column))
    return True


def _adds_up(cells: Sequence[RawCell | None]) -> bool:
    """Whether a group of table C (*cells*, blanks counting 0) ends with the sum of its
    outcomes."""
    numbers = counts("" if c is None else c.text for c in cells)
    return numbers is not None and ends_with_sum(numbers)


def _c_window(heads: Sequence[RawCell]) -> tuple[int, int, bool, bool] | None:
    """Which of table C's fifteen columns its cut header names: (first, end, whether the
    first is cut, whether the last is), the edge at either side; None where the header
    names them all, or not one run of them in the template's order, or too few (under
    five) to say where."""
    words = [
        fold(m.group())
        for cell in sorted(heads, key=lambda c: (c.line, c.column))
        for m in _WORD.finditer(cell.text)
    ]
    last = words[-1] if words else ""
    words = [w for w in words if _outcome(w) is not None or _is_fragment(w)]
    if len(last) == 1 and any(long.startswith(last) for long, _ in _C_OUTCOMES):
        # the header's very last word, one character: the edge cut its word after it ("…
        # 其他结果 尚", LibreOffice's PDF); elsewhere one character is a wrapped word's piece
        words.append(last)
    n = len(words)
    if n < _C_SIZE:
        return None
    found: list[tuple[int, int, bool, bool]] = []
    for start in range(_C_GROUPS * _C_SIZE - n + 1):
        left = right = False
        for i, word in enumerate(words):
            k = (start + i) % _C_SIZE
            if _outcome(word) == k:
                continue
            long = _C_OUTCOMES[k][0]
            if i == 0 and long.endswith(word) and long != word:
                left = True
            elif i == n - 1 and long.startswith(word) and long != word:
                right = True
            else:
                break
        else:
            end = start + n
            left = left or start > 0
            right = right or end < _C_GROUPS * _C_SIZE
            if left or right:
                found.append((start, end, left, right))
    return found[0] if len(found) == 1 else None


def _outcome(word: str) -> int | None:
    """The outcome column (0 to 4) that *word* names whole, else None."""
    return next((k for k, (_, names) in enumerate(_C_OUTCOMES) if word in names), None)


def _is_fragment(word: str) -> bool:
    """Whether *word* is a proper start or end of an outcome's long name ("果纠正")."""
    return any(
        long != word and (long.startswith(word) or long.endswith(word)) and len(word) >= 2
        for long, _ in _C_OUTCOMES
    )


def mark_cut_before_review_total(row: _Row, heads: Sequence[RawCell]) -> bool:
    """Mark the last of table C's fourteen numbers as digits not read, and say so on its
    line, where the header (*heads*) names the 总计 of two groups only and 复议后起诉: the
    page's right edge cut the table after 复议后起诉's outcomes (LibreOffice prints a
    fixed-width table past it), so its 总计 is not in the text and the number before it
    stands at the edge, where only its first digits may show ("2468" of 24684). Read as
    printed, the row lacked a cell, the 总计 was taken for it and worked out from that
    number: a wrong total. Whether it did.

    With fourteen numbers, the first two groups adding up as printed: one number a column
    up to the edge; the row is read so, those two cells missing. With thirteen, a blank
    left out, where the first two groups add up with it in one of them or without it (it
    is then the third's): the last number may stand at the edge or be whole with the blank
    after it, so it is not read either way, and the table's sums place the blank among the
    rest ("… 1309 82890 84179 168378 9 74613 5765 264", 264 of 26419, was read as
    尚未审结 with a 总计 of 80651 worked out from it). Not where a 总计 of the header wrapped
    ("总" / "计": the third may be there)."""
    words = [fold(m.group()) for cell in heads for m in _WORD.finditer(cell.text)]
    shown = [c for c in row.values if c.text]
    edge = _C_GROUPS * _C_SIZE - 1  # (复议后起诉's 总计, past it)
    if (
        words.count("总计") != 2
        or "总" in words
        or "复议后起诉" not in words
        or len(shown) not in (edge, edge - 1)
    ):
        return False
    ways = None
    if len(shown) == edge - 1:
        # (the blank in every column before the last number that lets the first two
        # groups add up)
        ways = _ways_before_cut_total(shown, edge - 1)
        if not ways:
            return False
    elif not all(_adds_up(shown[g * _C_SIZE : (g + 1) * _C_SIZE]) for g in range(2)):
        return False
    cell = shown[-1]
    message = msg("cut_at_page_edge.review_total", value=cell.text)
    row.notes.append(("cut_at_page_edge", "warning", message, cell.line, cell.column))
    cell.text = CUT + cell.text
    total = RawCell(CUT, cell.line, cell.column + 1, False)
    row.values = [*shown, total]
    if ways is not None:
        for way in ways:
            way[edge] = total
        row.choices = ways
    return True


def mark_cut_review_total(row: _Row) -> None:
    """Mark table C's last total (复议后起诉's 总计) that the page's right edge cut ("5220"
    of 52204) as digits not read, and say so on its line: where the line prints all fifteen
    numbers and the last is a proper beginning of the sum of its group's four outcomes. The
    sums work the total out.

    Where blanks left fewer numbers (text that keeps no trace of them), the four before the
    last need not be its group's, and a consistent total may begin their sum by chance. The
    line is then read with the last number in the last column and the others in order
    before it (:func:`_ways_before_cut_total`: the first two groups adding up), and the last
    is cut where in some of those ways it begins its group's sum and in none is that sum
    ("8007 2 0 8009 … 1 26009 9 9 2602": 2602 begins 26028; LibreOffice's PDF cut the page
    there); the line reads in those ways. One digit may as well be the group's last outcome,
    the whole total past the edge: the line reads both ways (:func:`_cut_or_last`). Else
    the last is cut where it is below the number before it (which no total of a group
    holding that number is), has two digits or more and begins the sum of the one to four
    numbers before it ("- 88503 99420 1879": a blank left out, 1879 begins 187923)."""
    shown = [c for c in row.values if c.text]
    numbers = counts(c.text for c in shown)
    width = _C_GROUPS * _C_SIZE
    if numbers is None or not _C_SIZE < len(numbers) <= width or numbers[-1] is None:
        return
    last = numbers[-1]
    ways: list[list[RawCell]] | None = None
    if len(numbers) == width:
        cut = _cut_short(numbers[-1 - (_C_SIZE - 1) : -1], last)
    elif not any(_cut_short(numbers[-1 - k : -1], last) for k in range(_C_SIZE)):
        return  # (it begins the sum of no run of the numbers before it: nothing cut)
    else:
        ways = _ways_before_cut_total(shown)
        cut_ways = [w for w in ways if _cut_short(_last_parts(w), last)]
        if cut_ways and not any(_adds_up(w[-_C_SIZE:]) for w in ways):
            # (the first two groups add up, and the last's total is the beginning of its
            # outcomes' sum in some way and their sum in none: the way the line reads)
            if last < 10:
                _cut_or_last(row, shown, cut_ways)
                return
            ways, cut = cut_ways, True
        else:
            cut = 10 <= last < (numbers[-2] or 0) and any(
                _cut_short(numbers[-1 - k : -1], last) for k in range(_C_SIZE - 1, 0, -1)
            )
    if cut:
        cell = shown[-1]
        message = msg("cut_at_page_edge.text", value=cell.text)
        row.notes.append(("cut_at_page_edge", "warning", message, cell.line, cell.column))
        cell.text = UNREADABLE + cell.text
        if ways is not None:
            row.choices = ways or None


def _cut_or_last(row: _Row, shown: Sequence[RawCell], cut_ways: list[list[RawCell]]) -> None:
    """Table C's line *shown* whose last number, one digit, begins its group's sum in the
    *cut_ways*: it may be the 总计's first digit, cut by the page's edge, or the group's last
    outcome with the whole 总计 past the edge ("… 99127 1 5 9": 尚未审结 9, 总计 99142 cut
    whole; "… 27520 5 44607 7": 总计 72132 cut after its 7). The line is read in the ways of
    both (the 总计 past the edge settled by the sums), so that the cells they disagree on are
    withheld, and says so on the line."""
    cell = shown[-1]
    digit = RawCell(cell.text, cell.line, cell.column, False)
    width = _C_GROUPS * _C_SIZE
    last_ways = _ways_before_cut_total([*shown[:-1], digit], width - 2)
    for way in last_ways:
        way[-1] = RawCell(UNREADABLE, cell.line, cell.column, False)
    message = msg("cut_at_page_edge.text_or_last", value=cell.text)
    row.notes.append(("cut_at_page_edge", "warning", message, cell.line, cell.column))
    cell.text = UNREADABLE + cell.text
    row.choices = [*cut_ways, *last_ways]


def _last_parts(cells: Sequence[RawCell]) -> list[int | None]:
    """The outcomes of table C's last group in a way (:func:`_ways_before_cut_total`) of
    reading its line, blanks None."""
    return counts(c.text for c in cells[-_C_SIZE:-1]) or []


def _ways_before_cut_total(
    shown: Sequence[RawCell], at: int = _C_GROUPS * _C_SIZE - 1
) -> list[list[RawCell]]:
    """The ways of reading table C's line *shown* whose last number is its cut last 总计:
    that one in the last column (or in column *at*), the others in order in the columns
    before, a blank where none stands (text that keeps no trace of one); those where the
    first two groups add up. (Else the line read as lacking a cell may lose any cell, the
    总计 too: no sum would then work the 总计 out.)"""
    *rest, last = shown
    width = _C_GROUPS * _C_SIZE
    ways: list[list[RawCell]] = []
    for where in itertools.combinations(range(at), len(rest)):
        cells = [RawCell("", last.line, last.column, False) for _ in range(width)]
        for k, cell in zip(where, rest, strict=True):
            cells[k] = cell
        cells[at] = last
        if all(_adds_up(cells[g * _C_SIZE : (g + 1) * _C_SIZE]) for g in range(_C_GROUPS - 1)):
            ways.append(cells)
    return ways
