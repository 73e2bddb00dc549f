"""Reading one cell's text: number, blank, na mark, number with a unit, or other text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Final

from ..core.model import Cell, CellState, Number, new_cell
from ..core.text import fold

#: marks that mean "none" or "not applicable" (SPEC §1), after folding (— becomes -)
_NA: Final = re.compile(r"^(?:-+|/+|\\+|无|_+|…+|\.{3,})$")

#: units written inside a cell; amounts use 元 forms, counts the measure words
_UNIT = r"(?:万元|亿元|千元|元|件|个|项|次|条|家|人次|人|份|宗)"
#: at most 30 digits each side of the point: no report counts past a few million, and a longer
#: run (a glued row, garbage) is text, not a number (CPython also refuses int() past 4300 digits)
_NUMBER: Final = re.compile(
    rf"^(?P<u1>{_UNIT})?(?P<sign>[+-])?(?P<int>\d{{1,3}}(?:,\d{{3}}){{1,9}}|\d{{1,30}})"
    rf"(?:\.(?P<frac>\d{{1,30}}))?"
    rf"(?P<u2>{_UNIT})?$"
)
_STRIP: Final = " \t\r\n\xa0\u3000\u200b\ufeff"
#: digits on both sides of a gap that folding would close: a space of any width, a line break,
#: an HTML break. "1 2" is two numbers whose cell boundary (or the rule between two rows) was
#: lost, never the number 12 (\d also matches full-width digits)
_GAP_BETWEEN_DIGITS: Final = re.compile(
    r"\d(?:[\s\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff]|<br\s*/?>)+[+-]?\d", re.IGNORECASE
)
#: written by a reader (OCR) before a value cell's text whose digits it could not read
#: cleanly ("⁇9D5"): the cell is ``missing``, a value the table's sums derive where they force
#: one, exactly like a cell lost from a ragged row; never a number read from the text
UNREADABLE: Final = "\u2047"
#: written by a reader (PDF) for a value cell the edge of the printed page cut ("⁇✂28": what
#: was left of it after the mark): ``missing`` like :data:`UNREADABLE`, and the row's cells
#: past it are not in the file at all, so a row that ends (or starts) with such cells has
#: lost its cells from there on (see :func:`~disclosure_parser.parsing.align.readings`)
CUT: Final = UNREADABLE + "\u2702"


@lru_cache(maxsize=4096)
def classify(raw: str) -> tuple[CellState, Number | None, str | None]:
    """State, value and unit of a cell whose text is *raw* (raw may carry surrounding space).

    >>> classify("7.5 万元")
    ('number', Decimal('7.5'), '万元')
    >>> classify("-233"), classify("／"), classify("\\xa0")
    (('number', -233, None), ('na', None, None), ('blank', None, None))
    >>> classify("３,１１９"), classify("\u20479D5")
    (('number', 3119, None), ('missing', None, None))

    Two numbers in one cell are text, never one number (see :func:`two_numbers`):

    >>> classify("13 60"), classify("1<br>2")
    (('text', None, None), ('text', None, None))
    """
    text = raw.strip(_STRIP)
    if not text:
        return "blank", None, None
    if text[0] == UNREADABLE:
        return "missing", None, None
    if _GAP_BETWEEN_DIGITS.search(text) is not None:
        return "text", None, None
    folded = fold(text)
    if not folded:
        # only markdown marks or quotes: not a printed number, not an empty cell either
        return "text", None, None
    m = _NUMBER.match(folded)
    if m is not None:
        digits = m.group("int").replace(",", "")
        frac = m.group("frac")
        sign = "-" if m.group("sign") == "-" else ""
        unit = m.group("u1") or m.group("u2")
        value: Number
        value = Decimal(f"{sign}{digits}.{frac}") if frac is not None else int(sign + digits)
        return "number", value, unit
    if _NA.match(folded):
        return "na", None, None
    return "text", None, None


@lru_cache(maxsize=4096)
def two_numbers(raw: str) -> bool:
    """Whether *raw* holds numbers that only folding its spaces would make one: "13 60",
    "1<br>2", "3\u30005". Such a cell lost a boundary (two cells, or two rows whose rule was
    lost, printed in one), so it is read as text and reported, never as 1360 or 12.

    >>> two_numbers("13 60"), two_numbers("7.5 万元"), two_numbers("3,119"), two_numbers("1")
    (True, False, False, False)
    """
    text = raw.strip(_STRIP)
    if _GAP_BETWEEN_DIGITS.search(text) is None:
        return False
    return _NUMBER.match(fold(text)) is not None


def ends_with_sum(numbers: Sequence[int | None], *, blank: bool = False) -> bool:
    """Whether counts (:func:`counts`) end with the sum of the others, blanks and marks
    counting 0; a blank total only over blank parts, unless *blank* allows it anywhere.

    >>> ends_with_sum([3, None, 5, 8]), ends_with_sum([3, None]), ends_with_sum([None, None])
    (True, False, True)
    """
    *parts, total = numbers
    if total is None:
        return blank or all(p is None for p in parts)
    return sum(p or 0 for p in parts) == total


def whole_row(texts: Iterable[str]) -> bool:
    """Whether cells printed as *texts* hold a count each, the last the sum of the others
    (a row of table B with nothing blank, as text that leaves no trace of a blank prints it).

    >>> whole_row(["3", "0", "2", "5"]), whole_row(["3", "", "2", "5"]), whole_row(["1", "2"])
    (True, False, False)
    """
    numbers = counts(texts)
    return numbers is not None and None not in numbers and ends_with_sum(numbers)


def counts(texts: Iterable[str]) -> list[int | None] | None:
    """The counts cells printed as *texts*: each a whole number, or None for a blank or a
    mark; None when a cell is anything else (text, an amount), so that no sum can be checked.

    >>> counts(["3", "", "—", "5"]), counts(["3", "见附件"])
    ([3, None, None, 5], None)
    """
    out: list[int | None] = []
    for text in texts:
        state, value, _ = classify(text)
        if state == "number" and value is not None and value == int(value):
            out.append(int(value))
        elif state in ("blank", "na"):
            out.append(None)
        else:
            return None
    return out


@lru_cache(maxsize=4096)
def looks_like_value(raw: str) -> bool:
    """True for text that belongs in a value cell: a number, a blank or an na mark, or two
    numbers printed in one cell (which are withheld, but still stand where values stand)."""
    return classify(raw)[0] != "text" or two_numbers(raw)


def make_cell(raw: str, line: int, column: int, *, amount: bool = False) -> Cell:
    """A Cell for *raw* found at (*line*, *column*).

    In an amount column numbers are Decimals; in a count column a number with a fractional part
    is not a count and stays ``text``.
    """
    state, value, printed, unit = _reading(raw, amount)
    return new_cell(state, value, printed, unit, line, column)


@lru_cache(maxsize=4096)
def _reading(raw: str, amount: bool) -> tuple[CellState, Number | None, str, str | None]:
    # a report prints the same few cell texts ("0", "1", "/") hundreds of times
    state, value, unit = classify(raw)
    if state == "number":
        if amount:
            value = Decimal(value)  # type: ignore[arg-type]
        elif isinstance(value, Decimal):
            if value != value.to_integral_value():
                state, value, unit = "text", None, None
            else:
                value = int(value)
    # a printed blank keeps what was printed (a no-break space, say); others lose the padding
    printed = raw if state == "blank" else raw.strip(_STRIP)
    return state, value, printed, unit
