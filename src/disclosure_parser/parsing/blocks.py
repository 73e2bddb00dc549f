"""Table B of default ``pdftotext`` text, cut back into its rows by arithmetic.

Default ``pdftotext`` reads a ruled table as it reads a page of columns: a block of rows at a
time, either row after row (each row's seven numbers in turn) or column after column (the
first column of every row of the block, then the second …), with the labels printed
elsewhere. A real Word file's PDF prints table B so: "1 0 0 0 0 1 1 0 10 3" is the 自然人
column of ten rows, followed by their other columns and then their 总计 column. Where the
blocks end and which way each went, the text does not say; the sums do. Every row's 总计 is
the sum of its six columns, and the table's columns add up (the (七)总计 row is the sum of the
outcome rows; 一 + 二 = (七)总计 + 四).

:func:`arranged` finds every way of cutting the numbers, in the order printed, into blocks of
consecutive rows of the template, each block row after row or column after column, in which
every row adds up; the table is taken only where exactly one distinct table among those ways
keeps every column sum too. Every number must be a count (a mark such as "-" counts 0) and
their number must fill the template's rows exactly: a blank leaves nothing in such text, and
where it stood no order can say.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Final

from ..core.keys import APPLICANT_COLUMNS
from .cells import classify
from .raw import RawCell
from .solver import Equation

#: table B's columns, its 总计 last
_WIDTH: Final = len(APPLICANT_COLUMNS)
#: distinct tables weighed at most: beyond, the numbers (mostly 0s) say too little
_MAX_TABLES: Final = 64

#: one way of reading the rows from some row on: the rows' values and the places (in the
#: numbers printed) they were read from
_Way = tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]


def arranged(
    values: Sequence[RawCell], rows: int, equations: Sequence[Equation]
) -> list[list[RawCell]] | None:
    """The printed *values* of table B (text order, no empty cells) cut into *rows* rows of
    seven, where exactly one distinct table of the ways described in the module docstring
    keeps every one of *equations* (over row and column indexes); else None.

    >>> from disclosure_parser.parsing.raw import RawCell
    >>> printed = "2 1 0 0 0 0 0 0 0 0 0 0 2 1".split()  # two rows, column after column
    >>> cells = [RawCell(t, n + 1, 1, False) for n, t in enumerate(printed)]
    >>> [[c.text for c in row] for row in arranged(cells, 2, ())]
    [['2', '0', '0', '0', '0', '0', '2'], ['1', '0', '0', '0', '0', '0', '1']]
    """
    numbers: list[int] = []
    for cell in values:
        state, value, _ = classify(cell.text)
        if state == "na":
            numbers.append(0)
        elif state == "number" and value is not None and value == int(value) and value >= 0:
            numbers.append(int(value))
        else:
            return None
    if rows < 1 or len(numbers) != _WIDTH * rows:
        return None
    ways = _ways(tuple(numbers), rows)
    if ways is None:
        return None
    kept = [(table, places) for table, places in ways if _keeps(table, equations)]
    if len(kept) != 1:
        return None
    return [[values[i] for i in row] for row in kept[0][1]]


def _ways(numbers: tuple[int, ...], rows: int) -> list[_Way] | None:
    """The distinct tables *numbers* read as, block by block (see the module docstring);
    None where there are more than :data:`_MAX_TABLES`."""

    # each block of k rows takes 7k numbers, so the rows from row i on start at number 7i
    @cache
    def rest(i: int) -> tuple[_Way, ...] | None:
        if i == rows:
            return (((), ()),)
        out: dict[tuple[tuple[int, ...], ...], _Way] = {}
        start = _WIDTH * i
        for k in range(1, rows - i + 1):
            # a block of k rows column after column (k = 1: one row in turn; rows in turn
            # are blocks of one each)
            places = [tuple(start + c * k + r for c in range(_WIDTH)) for r in range(k)]
            block = tuple(tuple(numbers[p] for p in row) for row in places)
            if not all(sum(row[:-1]) == row[-1] for row in block):
                continue
            after = rest(i + k)
            if after is None:
                return None
            for table, where in after:
                whole = block + table
                if whole not in out:
                    out[whole] = (whole, tuple(places) + where)
                    if len(out) > _MAX_TABLES:
                        return None
        return tuple(out.values())

    found = rest(0)
    return None if found is None else list(found)


def _keeps(table: tuple[tuple[int, ...], ...], equations: Sequence[Equation]) -> bool:
    """Whether *table* keeps every equation (each a signed sum of cells that is 0)."""
    return all(sum(sign * table[r][c] for r, c, sign in terms) == 0 for _, terms, _ in equations)
