"""Table C's printed values lined up with its fifteen columns in ``pdftotext`` text whose
blank cells left only spaces, or nothing ("5  2  7  8  1  9" under a header of fifteen
columns).

The column positions of table C's values are not to be read off its header: its header words
are CJK characters, which ``pdftotext -layout`` counts one grid column each however wide they
print, and values on the line below stand several characters right of the words they sit
under. What the layout does keep: it sets each fragment of a page's text (words one space
apart) at a character column no less than the end of every fragment printed left of it on the
page, on any line. So a value that starts a fragment (first on its line, or after two spaces
or more) and starts before a header word ends is not right of that word on the page, and
stands in a group no later than the word's; and a value that ends after a header word starts,
where the word starts a fragment, is not left of that word, and stands in a group no earlier
than the word's. The group words 行政复议, 未经复议直接起诉 and 复议后起诉 each stand over their
one group, 行政诉讼 over the two groups of suits. (Words of one fragment do not keep this:
values one space apart are laid out by their characters alone.)

Text without positions (``pdftotext -raw``: values one space apart) keeps the values' order
only: there the groups are cut by the sums alone, and so where the positions say nothing (a
header wrapped so that its words contradict each other, values of two groups one space apart).

Each group that prints anything prints its 总计 last, the sum of its outcomes (a group that
printed only 0s may also have left its 总计 blank: 0s add up wherever they stand). The ways of
cutting the printed values into the three groups that the words and the sums allow, each
group's outcomes in any of its four columns, are the row's ``choices``: the table's sums
choose among them, and the cells the ways disagree on are withheld (``ambiguous_row``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final

from ..core.text import fold
from .cells import counts, ends_with_sum
from .positions import Grid, gaps, squeezed
from .raw import RawCell

#: the groups, first to last, that each of table C's group words stands over
GROUP_WORDS: Final = {
    "行政复议": (0, 0),
    "未经复议直接起诉": (1, 1),
    "复议后起诉": (2, 2),
    "行政诉讼": (1, 2),
}
_GROUPS: Final = 3
_SIZE: Final = 5
#: the most ways of lining a row up that are handed to the table's sums
_MAX_CHOICES: Final = 1000
#: spaces before a word that say a new fragment of the page starts there (see the docstring)
_GAP: Final = 2

#: a group word of table C's header where the layout set it: (first and last group it stands
#: over, page, first and last character column (0-based, the end excluded), whether it starts
#: a fragment)
GroupMark = tuple[int, int, int, int, int, bool]

_NONSPACE: Final = re.compile(r"\S+")


def group_marks(heads: Sequence[RawCell], grid: Grid) -> list[GroupMark]:
    """Where the cells *heads* of table C's space-aligned header print its group words; none
    where the header does not show each group's 总计."""
    marks: list[GroupMark] = []
    if sum(c.text.count("总") + c.text.count("合") for c in heads) < _GROUPS:
        # a group's 总计 not in the header: cut off at the page's right edge (LibreOffice
        # prints a wide table past it), and the values seen there may be cut short
        return marks
    end: dict[int, int] = {}  # where the cells before, on each line, end
    for cell in sorted(heads, key=lambda c: (c.line, c.column)):
        page, indent = grid(cell.line)
        before = end.get(cell.line)
        end[cell.line] = cell.column + len(cell.text)
        for m in _NONSPACE.finditer(cell.text):
            groups = GROUP_WORDS.get(fold(m.group()))
            if groups is None:
                continue
            start = cell.column - 1 - indent + m.start()
            if m.start():
                starts = cell.text[max(m.start() - _GAP, 0) : m.start()] == " " * _GAP
            else:
                starts = before is None or cell.column - before >= _GAP
            marks.append((*groups, page, start, start + len(m.group()), starts))
    return marks


def choices(
    labels: Sequence[RawCell],
    values: Sequence[RawCell],
    marks: Sequence[GroupMark],
    grid: Grid,
) -> list[list[RawCell]] | None:
    """The ways of lining up the values of table C's one space-aligned line *values* (after
    its *labels*, if any) with its fifteen columns that its header's group words (*marks*)
    and its groups' sums allow, each a cell per column (a printed blank where no value
    stands); values one space apart (text without positions) by their order and the sums
    alone, and so where the positions say nothing (:func:`group_bounds`: a header wrapped so
    that its words contradict each other). None where the header lacks a group word or a
    group's 总计, the values are not on one line, the line prints every column, or no way
    (or too many) is left."""
    cells = [c for c in values if c.text]
    bounds = group_bounds(labels, cells, marks, grid)
    if bounds is None and marks and len({c.line for c in cells}) == 1:
        # text without positions (pdftotext -raw), or positions that say nothing: the
        # values' order and the sums only (a header that shows each group's 总计 was not cut
        # by the page's edge, so a value the line lacks is a blank)
        bounds = [(0, _GROUPS - 1)] * len(cells)
    if bounds is None or len(cells) >= _GROUPS * _SIZE:
        return None
    numbers = counts(c.text for c in cells)
    line, column = cells[0].line, cells[0].column
    out: list[list[RawCell]] = []
    for cut in _cuts(len(cells)):
        groups = [list(range(a, b)) for a, b in itertools.pairwise((0, *cut, len(cells)))]
        if any(
            not bounds[i][0] <= g <= bounds[i][1]
            for g, members in enumerate(groups)
            for i in members
        ):
            continue
        if numbers is not None and not all(
            ends_with_sum([numbers[i] for i in m]) for m in groups if m
        ):
            continue
        zeros = [numbers is not None and not any(numbers[i] for i in m) for m in groups]
        for ways in itertools.product(
            *(_group_ways(len(m), z) for m, z in zip(groups, zeros, strict=True))
        ):
            row = [RawCell("", line, column, False) for _ in range(_GROUPS * _SIZE)]
            for g, (members, way) in enumerate(zip(groups, ways, strict=True)):
                for i, at in zip(members, way, strict=True):
                    row[g * _SIZE + at] = cells[i]
            out.append(row)
            if len(out) > _MAX_CHOICES:
                return None
    return out or None


def group_bounds(
    labels: Sequence[RawCell],
    cells: Sequence[RawCell],
    marks: Sequence[GroupMark],
    grid: Grid,
) -> list[tuple[int, int]] | None:
    """For each of the printed values *cells* of table C's line (after its *labels*), the
    first and last group its position allows, by the group words *marks* (see the module
    docstring); None where the header has no group word, the values are not on one line,
    not each a fragment of its own (a run of spaces before each), or the words contradict
    each other."""
    if not marks or len(cells) < 2 or len({c.line for c in cells}) != 1:
        return None
    if any(gap < _GAP for gap in gaps(cells)):
        return None  # values one space apart: one fragment, or text without positions (-raw)
    if squeezed(cells[0], labels):
        return None  # the first value run into a label: no fragment of its own
    page, indent = grid(cells[0].line)
    bounds: list[tuple[int, int]] = []
    for cell in cells:
        start = cell.column - 1 - indent
        end = start + len(cell.text)
        lo, hi = 0, _GROUPS - 1
        for first, last, on, word_start, word_end, starts in marks:
            if on != page:
                continue
            if start < word_end:
                hi = min(hi, last)
            if starts and word_start < end:
                lo = max(lo, first)
        if lo > hi:
            return None  # the words contradict each other: the layout is not the one read here
        bounds.append((lo, hi))
    return bounds


def continued(texts: Sequence[str], more: Sequence[str]) -> bool:
    """Whether the numbers *more* go on table C's numbers *texts* (values printed in order,
    blanks left out): together no more than its fifteen, and cut in some way into its three
    groups each ending with the sum of its outcomes.

    >>> continued(["9", "1", "0", "5", "15"], ["9", "2", "0", "0", "11", "3", "3", "2", "1", "9"])
    True
    >>> continued(["9", "1", "0", "5", "15"], ["5"])  # a page number, or the like
    False
    """
    numbers = counts([*texts, *more])
    if not texts or not more or numbers is None or len(numbers) > _GROUPS * _SIZE:
        return False
    return any(
        all(
            ends_with_sum(numbers[i:j])
            for i, j in itertools.pairwise((0, a, b, len(numbers)))
            if j > i
        )
        for a, b in _cuts(len(numbers))
        if a > 0
    )


def _cuts(n: int) -> list[tuple[int, int]]:
    """Where *n* values in order may be cut into three groups of at most five each."""
    return [
        (a, b)
        for a in range(min(n, _SIZE) + 1)
        for b in range(a, min(n, a + _SIZE) + 1)
        if n - b <= _SIZE
    ]


def _group_ways(k: int, zeros: bool = False) -> list[tuple[int, ...]]:
    """The columns *k* values of one group may stand in: the last in its 总计 (the fifth), the
    others in any of the four outcomes, in order; values that are all 0 also in the outcomes
    alone (a blank 总计 after them: 0s add up to 0 wherever they stand)."""
    if k == 0:
        return [()]
    ways = [(*parts, _SIZE - 1) for parts in itertools.combinations(range(_SIZE - 1), k - 1)]
    if zeros and k < _SIZE:
        ways += list(itertools.combinations(range(_SIZE - 1), k))
    return ways
