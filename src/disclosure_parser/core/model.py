"""The object model of SPEC §3: frozen, slotted attrs classes built by the parser.

Every cell keeps its state, value, raw text and 1-based source position. Tables are looked up
with the contract keys of :mod:`disclosure_parser.core.keys`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, NoReturn, cast, get_args

import attrs

from . import views
from .errors import ParseError
from .keys import (
    APPLICANT_COLUMNS,
    ITEMS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
    ROW_LABELS,
    SECTION_TITLES,
    TEMPLATES,
    Template,
)
from .messages import CATALOGUE, Message, as_message, text

CellState = Literal["number", "blank", "na", "text", "missing"]
Severity = Literal["info", "warning", "error"]
Number = int | Decimal

CELL_STATES: tuple[str, ...] = get_args(CellState)
SEVERITIES: tuple[str, ...] = get_args(Severity)


class ReportDataError(ParseError):
    """:meth:`Report.from_dict` was given data that is not a report's: a wrong type, a key no
    report has, a number the text format cannot hold … (a :class:`ParseError`, so a
    ``ValueError``; ``code`` is ``invalid_report_data``).

    ``path`` says where in the data, e.g. ``applications.rows[2].cells[0].value``.

    >>> try:
    ...     Report.from_dict({"year": "2020"})
    ... except ReportDataError as err:
    ...     print(err.path, "|", err.msg)
    year | year: expected an integer or null, got '2020'
    """

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        super().__init__(f"{path}: {problem}", "", 0, code="invalid_report_data")

    def _render(self) -> str:
        return self.msg

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_data_error, (self.path, self.msg[len(self.path) + 2 :]))


def _rebuild_data_error(path: str, problem: str) -> ReportDataError:
    return ReportDataError(path, problem)


# Reading data that claims to be a Report's (Report.from_dict): every value is checked before
# a model object is built, so that a Report built from data works like a parsed one (validate,
# render, to_dict), and bad data raises ReportDataError naming where, never KeyError,
# TypeError or decimal.InvalidOperation.

#: the units a cell's text may carry, as the parser reads them (parsing/cells.py _UNIT): a
#: number with another unit would not read back from rendered text
UNITS: tuple[str, ...] = (
    "万元",
    "亿元",
    "千元",
    "元",
    "件",
    "个",
    "项",
    "次",
    "条",
    "家",
    "人次",
    "人",
    "份",
    "宗",
)
#: digits a number may have before and after its point, as the parser reads them
_MAX_NUMBER_DIGITS = 30


#: stands for a key the data lacks
_MISSING_KEY: Any = object()


def _bad(path: str, problem: str, value: object = None, *, show: bool = True) -> NoReturn:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    raise ReportDataError(path, f"{problem}, got {shown}" if show else problem)


def _mapping(data: object, path: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        _bad(path, "expected an object (a mapping)", data)
    return data


def _list(data: Mapping[str, Any], key: str, path: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list | tuple):
        _bad(_at(path, key), "expected a list", value)
    return list(value)


def _at(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _str(data: Mapping[str, Any], key: str, path: str, *, optional: bool = False) -> Any:
    value = data.get(key) if optional else data.get(key, _MISSING_KEY)
    if value is _MISSING_KEY:
        _bad(_at(path, key), "is required", show=False)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        _bad(_at(path, key), "expected a string" + (" or null" if optional else ""), value)
    return value


def _int(
    data: Mapping[str, Any],
    key: str,
    path: str,
    *,
    optional: bool = False,
    low: int | None = None,
    high: int | None = None,
) -> Any:
    value = data.get(key) if optional else data.get(key, _MISSING_KEY)
    if value is _MISSING_KEY:
        _bad(_at(path, key), "is required", show=False)
    if value is None and optional:
        return None
    # a bool is an int to Python, never to a report
    if not isinstance(value, int) or isinstance(value, bool):
        _bad(_at(path, key), "expected an integer" + (" or null" if optional else ""), value)
    if (low is not None and value < low) or (high is not None and value > high):
        if high is None:
            _bad(_at(path, key), f"expected an integer of at least {low}", value)
        if low is None:
            _bad(_at(path, key), f"expected an integer of at most {high}", value)
        _bad(_at(path, key), f"expected an integer from {low} to {high}", value)
    return value


def _bool(data: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        _bad(_at(path, key), "expected true or false", value)
    return value


def _choice(value: object, choices: Any, path: str, what: str) -> Any:
    if not isinstance(value, str) or value not in choices:
        _bad(path, f"expected {what} ({', '.join(map(str, choices))})", value)
    return value


def _unique(keys: list[str], path: str, what: str) -> None:
    seen: set[str] = set()
    for i, key in enumerate(keys):
        if key in seen:
            _bad(f"{path}[{i}].key", f"{what} {key!r} appears twice", show=False)
        seen.add(key)


def _number(value: object, path: str, kind: str) -> Number:
    """The value of a number cell: *kind* is ``count`` (an int) or ``amount`` (an int, or a
    Decimal written as a string), within what report text can print and be read back as."""
    if kind == "amount" and isinstance(value, str):
        try:
            number = Decimal(value)
        except InvalidOperation:
            _bad(path, "expected a decimal number", value)
        if not number.is_finite():
            _bad(path, "expected a finite decimal number", value)
        whole, _, fraction = format(abs(number), "f").partition(".")
        if len(whole.lstrip("0")) > _MAX_NUMBER_DIGITS or len(fraction) > _MAX_NUMBER_DIGITS:
            _bad(
                path, f"expected at most {_MAX_NUMBER_DIGITS} digits each side of the point", value
            )
        return number
    if not isinstance(value, int) or isinstance(value, bool):
        if kind == "amount":
            _bad(path, "expected an integer, or a decimal number written as a string", value)
        _bad(path, "expected an integer (a count)", value)
    if abs(value) >= 10**_MAX_NUMBER_DIGITS:
        _bad(path, f"expected at most {_MAX_NUMBER_DIGITS} digits", value)
    return value


def _check_cell(instance: Cell, attribute: attrs.Attribute[Any], value: object) -> None:
    if (instance.state == "number") != (value is not None):
        raise ValueError(f"a cell in state {instance.state!r} cannot hold value {value!r}")


def _box(value: Iterable[int] | None) -> tuple[int, int, int, int] | None:
    if value is None:
        return None
    left, top, right, bottom = (int(v) for v in value)
    return left, top, right, bottom


@attrs.frozen(repr=False)
class Origin:
    """Where a cell's text stood in the original file, for reports read from HTML, DOCX, ODT,
    DOC, RTF or PDF files, or by OCR from scans and images.

    ``format`` is ``"html"``, ``"docx"``, ``"odt"``, ``"doc"`` (Word 97–2003 and WPS files, whose
    places are those of LibreOffice's conversion), ``"rtf"``, ``"pdf"`` or ``"image"``; ``table``,
    ``row`` and ``cell`` are 0-based indexes in that file's tables (after expanding merged cells),
    ``page`` is 1-based (PDF, image). A cell read by OCR also has its ``box`` on the page (left,
    top, right, bottom, in pixels of the page as OCR read it: rasterised at 300 dpi and
    straightened) and its ``confidence``, Tesseract's 0–100 for the least sure of its words (None
    for a cell in which it read no word).

    >>> Origin("pdf", 5, 3, 1, 2, box=(10, 20, 90, 60), confidence=96.0)
    Origin(format='pdf', table=5, row=3, cell=1, page=2, box=(10, 20, 90, 60), confidence=96.0)
    """

    format: str
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    box: tuple[int, int, int, int] | None = attrs.field(default=None, converter=_box)
    confidence: float | None = None

    def __repr__(self) -> str:
        # the fields of OCR are shown only where they are set (a PDF's origin reads as before)
        shown = [f"{a.name}={getattr(self, a.name)!r}" for a in attrs.fields(Origin)]
        if self.confidence is None:
            shown.pop()
            if self.box is None:
                shown.pop()
        return f"Origin({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in attrs.asdict(self).items() if v is not None}
        if self.box is not None:
            out["box"] = list(self.box)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "origin") -> Origin:
        data = _mapping(data, path)
        return cls(
            format=_str(data, "format", path),
            table=_int(data, "table", path, optional=True, low=0),
            row=_int(data, "row", path, optional=True, low=0),
            cell=_int(data, "cell", path, optional=True, low=0),
            page=_int(data, "page", path, optional=True, low=1),
            box=_box_of(data, path),
            confidence=_confidence_of(data, path),
        )


def _box_of(data: Mapping[str, Any], path: str) -> tuple[int, int, int, int] | None:
    value = data.get("box")
    if value is None:
        return None
    if not isinstance(value, list | tuple) or len(value) != 4:
        _bad(_at(path, "box"), "expected four integers (left, top, right, bottom) or null", value)
    sides = {str(i): v for i, v in enumerate(value)}
    left, top, right, bottom = (_int(sides, str(i), _at(path, "box"), low=0) for i in range(4))
    return left, top, right, bottom


def _confidence_of(data: Mapping[str, Any], path: str) -> float | None:
    value = data.get("confidence")
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 100:
        _bad(_at(path, "confidence"), "expected a number from 0 to 100 or null", value)
    return float(value)


@attrs.frozen
class Cell:
    """One table cell: what was printed, what it means, and where it stood.

    ``state`` is ``number`` (``value`` holds an int, or a Decimal for amounts), ``blank`` (an
    empty cell), ``na`` (a mark such as "/" or "无"), ``text`` (anything else, kept verbatim) or
    ``missing`` (the table should have this cell but the text gives no readable value).
    ``derived`` is true when the value was recovered from the table's own sums instead of read.
    ``line`` and ``column`` (1-based) locate ``raw`` in the text that was parsed; ``origin`` says
    where that text came from when the report was read from an HTML, DOCX or PDF file.

    >>> Cell("number", 7, raw="7", line=3, column=5)
    Cell(state='number', value=7, raw='7', unit=None, line=3, column=5, derived=False, origin=None)
    """

    state: CellState = attrs.field(validator=attrs.validators.in_(CELL_STATES))
    value: Number | None = attrs.field(default=None, validator=_check_cell)
    raw: str = ""
    unit: str | None = None
    line: int | None = None
    column: int | None = None
    derived: bool = False
    origin: Origin | None = None

    @property
    def number(self) -> Number | None:
        """The value when the cell holds a number, else None."""
        return self.value

    def to_dict(self) -> dict[str, Any]:
        value: Any = self.value
        if isinstance(value, Decimal):
            value = str(value)
        out: dict[str, Any] = {"state": self.state, "value": value, "raw": self.raw}
        if self.unit is not None:
            out["unit"] = self.unit
        out["line"] = self.line
        out["column"] = self.column
        if self.derived:
            out["derived"] = True
        if self.origin is not None:
            out["origin"] = self.origin.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "cell", amount: bool = True) -> Cell:
        """A cell from :meth:`to_dict` output (raises :class:`ReportDataError` on bad data).

        In a count column (*amount* false: tables B and C, and table A's columns that hold no
        金额) a number is an int; in an amount column it may be a Decimal, written as a string.
        """
        data = _mapping(data, path)
        state = _choice(data.get("state"), CELL_STATES, _at(path, "state"), "a cell state")
        value: Number | None = None
        if state == "number":
            value = _number(data.get("value"), _at(path, "value"), "amount" if amount else "count")
        elif data.get("value") is not None:
            _bad(_at(path, "value"), f"a cell in state {state!r} holds no value", data["value"])
        unit = _str(data, "unit", path, optional=True)
        if unit is not None and (state != "number" or unit not in UNITS):
            _bad(_at(path, "unit"), f"expected one of {', '.join(UNITS)} on a number", unit)
        origin = data.get("origin")
        return cls(
            state=state,
            value=value,
            raw=_str(data, "raw", path) if "raw" in data else "",
            unit=unit,
            line=_int(data, "line", path, optional=True, low=0),
            column=_int(data, "column", path, optional=True, low=0),
            derived=_bool(data, "derived", path, False),
            origin=Origin.from_dict(origin, path=_at(path, "origin")) if origin else None,
        )


MISSING = Cell("missing")

_new = object.__new__
# the slots' own setters (a frozen class refuses setattr): a third cheaper than
# object.__setattr__, which looks each name up again
_set_state, _set_value, _set_raw, _set_unit, _set_line, _set_column, _set_derived, _set_origin = (
    Cell.__dict__[name].__set__
    for name in ("state", "value", "raw", "unit", "line", "column", "derived", "origin")
)


def new_cell(
    state: CellState,
    value: Number | None,
    raw: str,
    unit: str | None,
    line: int | None,
    column: int | None,
    derived: bool = False,
) -> Cell:
    """A Cell built without running its validators, for the parser's hot path.

    The parser builds hundreds of cells a report from states and values it has just
    classified, so their invariant holds by construction; users build cells with ``Cell()``.
    """
    cell: Cell = _new(Cell)
    _set_state(cell, state)
    _set_value(cell, value)
    _set_raw(cell, raw)
    _set_unit(cell, unit)
    _set_line(cell, line)
    _set_column(cell, column)
    _set_derived(cell, derived)
    _set_origin(cell, None)
    return cell


@attrs.frozen
class Span:
    """A stretch of the input, from (line, column) up to and including (end_line, end_column)."""

    line: int
    column: int
    end_line: int
    end_column: int

    def to_dict(self) -> dict[str, int]:
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "span") -> Span:
        data = _mapping(data, path)
        keys = ("line", "column", "end_line", "end_column")
        return cls(*(_int(data, key, path, low=0) for key in keys))


@attrs.frozen
class TextLine:
    """One line of narrative text, with the position of its first character."""

    text: str
    line: int
    column: int

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "line") -> TextLine:
        data = _mapping(data, path)
        return cls(
            _str(data, "text", path),
            _int(data, "line", path, low=0),
            _int(data, "column", path, low=0),
        )


@attrs.frozen
class Section:
    """One of the six numbered sections, identified by meaning (1 = 总体情况 … 6 = 其他事项).

    ``title`` is the heading as printed, ``printed_number`` the ordinal it was printed with
    (which may differ from ``number`` in reports that shift their numbering), ``text`` the
    narrative lines of the section joined by newlines (tables excluded) and ``lines`` those same
    lines with their positions.
    """

    number: int
    title: str
    text: str
    span: Span
    printed_number: str | None = None
    lines: tuple[TextLine, ...] = ()

    def locate(self, offset: int) -> tuple[int, int]:
        """Line and column in the input of character *offset* of :attr:`text`."""
        for text_line in self.lines:
            if offset <= len(text_line.text):
                return text_line.line, text_line.column + offset
            offset -= len(text_line.text) + 1
        return self.span.end_line, self.span.end_column

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "printed_number": self.printed_number,
            "text": self.text,
            "span": self.span.to_dict(),
            "lines": [line.to_dict() for line in self.lines],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "section") -> Section:
        data = _mapping(data, path)
        return cls(
            number=_int(data, "number", path, low=min(SECTION_TITLES), high=max(SECTION_TITLES)),
            title=_str(data, "title", path),
            text=_str(data, "text", path),
            span=Span.from_dict(
                _mapping(data.get("span"), _at(path, "span")), path=_at(path, "span")
            ),
            printed_number=_str(data, "printed_number", path, optional=True),
            lines=tuple(
                TextLine.from_dict(x, path=_at(_at(path, "lines"), i))
                for i, x in enumerate(_list(data, "lines", path))
            ),
        )


def _cells_to_dicts(cells: tuple[Cell, ...]) -> list[dict[str, Any]]:
    return [c.to_dict() for c in cells]


def _cells_from_dicts(
    data: Mapping[str, Any], path: str, amounts: tuple[bool, ...]
) -> tuple[Cell, ...]:
    """The cells of a row, one per column: *amounts* says which columns hold amounts."""
    cells = _list(data, "cells", path)
    if len(cells) != len(amounts):
        _bad(
            _at(path, "cells"),
            f"expected {len(amounts)} cells, one a column, got {len(cells)}",
            show=False,
        )
    where = _at(path, "cells")
    return tuple(
        Cell.from_dict(c, path=_at(where, i), amount=amount)
        for i, (c, amount) in enumerate(zip(cells, amounts, strict=True))
    )


def is_amount(column: str) -> bool:
    """Whether a table A column holds amounts (Decimals) rather than counts (ints): its header
    says 金额 or 万元, as the parser decides."""
    return "金额" in column or "万元" in column


# ---------------------------------------------------------------------------------------------
# Table A
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class DisclosureItem:
    """One row of table A: a 第二十条 item such as 规章 or 行政许可, with its cells."""

    key: str
    clause: str
    label: str
    columns: tuple[str, ...]
    cells: tuple[Cell, ...]
    line: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "clause": self.clause,
            "label": self.label,
            "columns": list(self.columns),
            "cells": _cells_to_dicts(self.cells),
            "line": self.line,
            "column": self.column,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "item") -> DisclosureItem:
        data = _mapping(data, path)
        columns = _list(data, "columns", path)
        for i, name in enumerate(columns):
            if not isinstance(name, str):
                _bad(_at(_at(path, "columns"), i), "expected a string", name)
        return cls(
            key=_choice(data.get("key"), tuple(ITEMS), _at(path, "key"), "a table A item key"),
            clause=_str(data, "clause", path),
            label=_str(data, "label", path),
            columns=tuple(columns),
            cells=_cells_from_dicts(data, path, tuple(map(is_amount, columns))),
            line=_int(data, "line", path, optional=True, low=0),
            column=_int(data, "column", path, optional=True, low=0),
        )


@attrs.frozen
class ActiveDisclosure:
    """Table A (二、主动公开政府信息情况): the 第二十条 items in the order printed.

    >>> table = ActiveDisclosure((DisclosureItem("regulations", "一", "规章", ("本年制发件数",),
    ...     (Cell("number", 3, raw="3"),)),))
    >>> table.get("regulations", -1)
    3
    """

    items: tuple[DisclosureItem, ...] = ()

    def item(self, key: str) -> DisclosureItem | None:
        """The item with contract key *key* (e.g. ``"licensing"``), or None if absent."""
        for it in self.items:
            if it.key == key:
                return it
        return None

    def cell(self, item: str, column: int) -> Cell | None:
        """The cell at *column* (an index; negative counts from the end) of *item*."""
        found = self.item(item)
        if found is None:
            return None
        try:
            return found.cells[column]
        except IndexError:
            return None

    def get(self, item: str, column: int) -> Number | None:
        """The number at *column* of *item*, or None when the cell holds no number."""
        found = self.cell(item, column)
        return None if found is None else found.value

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[DisclosureItem]:
        return iter(self.items)

    def to_dict(self) -> dict[str, Any]:
        return {"items": [it.to_dict() for it in self.items]}

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], *, path: str = "active_disclosure"
    ) -> ActiveDisclosure:
        data = _mapping(data, path)
        where = _at(path, "items")
        items = [
            DisclosureItem.from_dict(x, path=_at(where, i))
            for i, x in enumerate(_list(data, "items", path))
        ]
        _unique([it.key for it in items], where, "item")
        return cls(tuple(items))


# ---------------------------------------------------------------------------------------------
# Table B
# ---------------------------------------------------------------------------------------------


def _column_index(column: str | int, names: tuple[str, ...]) -> int:
    if isinstance(column, int):
        return column
    try:
        return names.index(column)
    except ValueError:
        raise KeyError(f"unknown column {column!r}; expected one of {', '.join(names)}") from None


@attrs.frozen
class ApplicationRow:
    """One row of table B; ``cells`` follow :data:`APPLICANT_COLUMNS` (总计 last)."""

    key: str
    label: str
    cells: tuple[Cell, ...]
    line: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "cells": _cells_to_dicts(self.cells),
            "line": self.line,
            "column": self.column,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "row") -> ApplicationRow:
        data = _mapping(data, path)
        return cls(
            key=_choice(data.get("key"), tuple(ROW_LABELS), _at(path, "key"), "a table B row key"),
            label=_str(data, "label", path),
            cells=_cells_from_dicts(data, path, (False,) * len(APPLICANT_COLUMNS)),
            line=_int(data, "line", path, optional=True, low=0),
            column=_int(data, "column", path, optional=True, low=0),
        )


@attrs.frozen
class Applications:
    """Table B (三、收到和处理政府信息公开申请情况), the applicant-by-outcome matrix.

    Rows are looked up by their contract key (``"new_received"``, ``"withheld.state_secret"``,
    ``"total"`` …), columns by key (``"natural_person"`` … ``"total"``) or index.
    ``has_total_column`` is false for reports printed without the 总计 column; their total
    cells are ``missing``.
    """

    rows: tuple[ApplicationRow, ...] = ()
    has_total_column: bool = True

    def row(self, key: str) -> ApplicationRow | None:
        """The row with contract key *key*, or None if the report lacks it."""
        for r in self.rows:
            if r.key == key:
                return r
        return None

    def cell(self, row: str, column: str | int) -> Cell | None:
        """The cell of *row* under *column* (a key of APPLICANT_COLUMNS or an index)."""
        found = self.row(row)
        if found is None:
            return None
        try:
            return found.cells[_column_index(column, APPLICANT_COLUMNS)]
        except IndexError:
            return None

    def get(self, row: str, column: str | int) -> int | None:
        """The number in *row* under *column*, or None when that cell holds no number."""
        found = self.cell(row, column)
        if found is None or found.value is None:
            return None
        return int(found.value)

    def row_total(self, row: str) -> int | None:
        """The row's 总计 as printed, or the sum of its applicant cells when it has none.

        A blank applicant cell counts as zero in that sum (the usual meaning of an empty cell
        in these tables); a missing, ``na`` or ``text`` applicant cell makes it unknown (None).
        """
        found = self.row(row)
        if found is None:
            return None
        total = found.cells[-1]
        if total.state == "number":
            return int(cast(Number, total.value))
        if total.state not in ("blank", "missing"):
            return None
        parts = found.cells[:-1]
        if any(c.state not in ("number", "blank") for c in parts):
            return None
        return sum(int(c.value) for c in parts if c.value is not None)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[ApplicationRow]:
        return iter(self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {
            "has_total_column": self.has_total_column,
            "rows": [r.to_dict() for r in self.rows],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "applications") -> Applications:
        data = _mapping(data, path)
        where = _at(path, "rows")
        rows = [
            ApplicationRow.from_dict(x, path=_at(where, i))
            for i, x in enumerate(_list(data, "rows", path))
        ]
        _unique([r.key for r in rows], where, "row")
        has_total = _bool(data, "has_total_column", path, True)
        for i, row in enumerate(rows):
            if not has_total and row.cells[-1].state != "missing":
                _bad(
                    f"{where}[{i}].cells[{len(row.cells) - 1}]",
                    "a table without its 总计 column has only missing total cells",
                    show=False,
                )
        return cls(rows=tuple(rows), has_total_column=has_total)


# ---------------------------------------------------------------------------------------------
# Table C
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class ReviewGroup:
    """One group of table C; ``cells`` follow :data:`REVIEW_OUTCOMES` (总计 last)."""

    key: str
    cells: tuple[Cell, ...]
    line: int | None = None
    column: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "cells": _cells_to_dicts(self.cells),
            "line": self.line,
            "column": self.column,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "group") -> ReviewGroup:
        data = _mapping(data, path)
        return cls(
            key=_choice(data.get("key"), REVIEW_GROUPS, _at(path, "key"), "a table C group key"),
            cells=_cells_from_dicts(data, path, (False,) * len(REVIEW_OUTCOMES)),
            line=_int(data, "line", path, optional=True, low=0),
            column=_int(data, "column", path, optional=True, low=0),
        )


@attrs.frozen
class Reviews:
    """Table C (四、行政复议、行政诉讼): ``review``, ``direct_suit``, ``post_review_suit``."""

    groups: tuple[ReviewGroup, ...] = ()

    def group(self, key: str) -> ReviewGroup | None:
        """The group with contract key *key*, or None if the report lacks it."""
        for g in self.groups:
            if g.key == key:
                return g
        return None

    def cell(self, group: str, outcome: str | int) -> Cell | None:
        """The cell of *group* under *outcome* (a key of REVIEW_OUTCOMES or an index)."""
        found = self.group(group)
        if found is None:
            return None
        try:
            return found.cells[_column_index(outcome, REVIEW_OUTCOMES)]
        except IndexError:
            return None

    def get(self, group: str, outcome: str | int) -> int | None:
        """The number of *group* under *outcome*, or None when that cell holds no number."""
        found = self.cell(group, outcome)
        if found is None or found.value is None:
            return None
        return int(found.value)

    def __len__(self) -> int:
        return len(self.groups)

    def __iter__(self) -> Iterator[ReviewGroup]:
        return iter(self.groups)

    def to_dict(self) -> dict[str, Any]:
        return {"groups": [g.to_dict() for g in self.groups]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "reviews") -> Reviews:
        data = _mapping(data, path)
        where = _at(path, "groups")
        groups = [
            ReviewGroup.from_dict(x, path=_at(where, i))
            for i, x in enumerate(_list(data, "groups", path))
        ]
        _unique([g.key for g in groups], where, "group")
        return cls(tuple(groups))


# ---------------------------------------------------------------------------------------------
# Diagnostics and the report
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class Reading:
    """One way the withheld cells of an ambiguous row could be read: a diagnostic's data.

    ``table`` is ``"A"``, ``"B"`` or ``"C"``; ``row`` the item key (table A) or row key (table
    B), or None for table C, whose fifteen cells are read as one run (``cells`` then follow the
    groups, five outcomes each). ``cells`` is the whole row as this reading has it, each cell
    with the raw text and position it would have; a cell this reading leaves unknown is
    ``missing``.

    >>> reading = Reading("A", "normative_documents", (Cell("number", 2, raw="2"),
    ...     Cell("number", 1, raw="1"), Cell("number", 20, raw="20")))
    >>> str(reading), reading.values
    ('2|1|20', (2, 1, 20))
    """

    table: str
    row: str | None
    cells: tuple[Cell, ...]

    @property
    def values(self) -> tuple[Number | None, ...]:
        """The value of each cell (None where the cell holds no number)."""
        return tuple(c.value for c in self.cells)

    def __str__(self) -> str:
        # as the digits were printed; "?" for a cell the reading leaves unknown, "_" for a blank
        return "|".join(
            "?" if c.state == "missing" else "_" if c.state == "blank" else c.raw or str(c.value)
            for c in self.cells
        )

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.table, "row": self.row, "cells": _cells_to_dicts(self.cells)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "reading") -> Reading:
        """A reading from :meth:`to_dict` output (raises :class:`ReportDataError` on bad
        data)."""
        data = _mapping(data, path)
        table = _choice(data.get("table"), ("A", "B", "C"), _at(path, "table"), "a table")
        cells = _list(data, "cells", path)
        return cls(
            table,
            _str(data, "row", path, optional=True),
            tuple(
                # table A's amounts are Decimals; a reading does not say which column is one
                Cell.from_dict(c, path=_at(_at(path, "cells"), i), amount=table == "A")
                for i, c in enumerate(cells)
            ),
        )


@attrs.frozen
class Diagnostic:
    """Something the parser noticed, overcame or could not read, with its position.

    ``severity`` is ``info`` (a layout variant, nothing lost), ``warning`` (a problem the
    parser overcame, e.g. a ragged row it realigned) or ``error`` (a value it could not read
    and withheld). ``strict=True`` turns the first warning or error into a ParseError.
    ``candidates`` holds, for a row whose cells could be read in several ways, each of those
    readings as data (:class:`Reading`); it is empty for every other diagnostic.

    The message is kept as data, a catalogue entry and its parameters
    (:class:`~disclosure_parser.core.messages.Message`), and shown in the language asked for:
    :attr:`message` in the current language (see :mod:`disclosure_parser.core.messages`),
    :meth:`message_in` in either. A plain string is taken as a fixed text.

    >>> from disclosure_parser.core.messages import msg
    >>> note = Diagnostic("encoding", "info", msg("encoding", encoding="GB18030"))
    >>> note.message_in("en"), note.message_in("zh")
    ('file decoded as GB18030', '文件按 GB18030 编码读取')
    >>> note.params
    {'encoding': 'GB18030'}
    """

    code: str
    severity: Severity = attrs.field(validator=attrs.validators.in_(SEVERITIES))
    _text: Message = attrs.field(converter=as_message, alias="message")
    line: int | None = None
    column: int | None = None
    candidates: tuple[Reading, ...] = ()

    @property
    def message(self) -> str:
        """The message in the current language."""
        return self._text.render()

    def message_in(self, language: str) -> str:
        """The message in *language* (``"zh"`` or ``"en"``)."""
        return self._text.render(language)

    @property
    def message_key(self) -> str | None:
        """The catalogue entry the message is made from (None for a fixed text)."""
        return self._text.key

    @property
    def params(self) -> dict[str, Any]:
        """The message's parameters, plain JSON data."""
        return self._text.params

    def __repr__(self) -> str:
        return (
            f"Diagnostic(code={self.code!r}, severity={self.severity!r}, "
            f"message={self.message!r}, line={self.line!r}, column={self.column!r})"
        )

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}: " if self.line is not None else ""
        return f"{where}{text('severity.' + self.severity)} {self.code} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: ``message`` in the current language, and the message as
        data (``message_key``, ``params``) for :meth:`from_dict` and other languages;
        ``candidates`` only where there are readings (every other diagnostic keeps its form)."""
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
        }
        if self._text.key is not None:
            out["message_key"] = self._text.key
            out["params"] = self._text.params
        if self.candidates:
            out["candidates"] = [r.to_dict() for r in self.candidates]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "diagnostic") -> Diagnostic:
        """A diagnostic from :meth:`to_dict` output (raises :class:`ReportDataError` on bad
        data)."""
        data = _mapping(data, path)
        readings = tuple(
            Reading.from_dict(r, path=_at(_at(path, "candidates"), i))
            for i, r in enumerate(_list(data, "candidates", path) if "candidates" in data else ())
        )
        return cls(
            _str(data, "code", path),
            _choice(data.get("severity"), SEVERITIES, _at(path, "severity"), "a severity"),
            _message_from(data, path),
            _int(data, "line", path, optional=True, low=0),
            _int(data, "column", path, optional=True, low=0),
            readings,
        )


def _message_from(data: Mapping[str, Any], path: str = "diagnostic") -> Message:
    """The message of a ``to_dict()`` output: from the catalogue when it names an entry (with
    its parameters), else the text as written."""
    key = data.get("message_key")
    if key is None:
        return Message(None, text=_str(data, "message", path))
    if not isinstance(key, str) or key not in CATALOGUE:
        _bad(_at(path, "message_key"), "not an entry of the message catalogue", key)
    params = data.get("params") or {}
    if not isinstance(params, Mapping):
        _bad(_at(path, "params"), "not a mapping of message parameters", params)
    return Message(key, dict(params))


class Diagnostics(tuple[Diagnostic, ...]):
    """A report's diagnostics: a tuple (equal to the plain tuple of its diagnostics) that
    prints one diagnostic per line and shows as a table in a notebook.

    >>> print(Diagnostics((Diagnostic("encoding", "info", "file decoded as utf-8"),)))
    info encoding file decoded as utf-8
    """

    __slots__ = ()

    def __str__(self) -> str:
        return "\n".join(str(d) for d in self)

    def _repr_html_(self) -> str:
        return views.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self) if self else "()")


def _diagnostics(value: Iterable[Diagnostic]) -> Diagnostics:
    return value if isinstance(value, Diagnostics) else Diagnostics(value)


@attrs.frozen
class Report:
    """A parsed 政府信息公开工作年度报告.

    ``template`` is the official template detected from the table headers ("2019" or "2021"),
    or None when the headers name neither. Tables a report lacks are empty (``len() == 0``),
    and a ``missing_table`` diagnostic says so.
    """

    organization: str | None
    year: int | None
    title: str | None
    template: Template | None
    sections: tuple[Section, ...] = ()
    active_disclosure: ActiveDisclosure = ActiveDisclosure()
    applications: Applications = Applications()
    reviews: Reviews = Reviews()
    # readers add their notes with attrs.evolve and a plain tuple: the converter keeps the
    # type that prints and draws itself
    diagnostics: Diagnostics = attrs.field(default=Diagnostics(), converter=_diagnostics)

    def section(self, number: int) -> Section | None:
        """Section *number* (1..6, by meaning), or None if the report lacks it."""
        for s in self.sections:
            if s.number == number:
                return s
        return None

    def _repr_html_(self) -> str:
        """The report in a notebook: its three tables, with validate()'s findings marked."""
        return views.html(self)

    def __repr__(self) -> str:
        # a report holds hundreds of cells: its repr says what it is and what was found, on a
        # few lines (the fields are attributes, to_dict() gives them all)
        return views.text(self)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; :meth:`from_dict` turns it back into an equal Report."""
        return {
            "organization": self.organization,
            "year": self.year,
            "title": self.title,
            "template": self.template,
            "sections": [s.to_dict() for s in self.sections],
            "active_disclosure": self.active_disclosure.to_dict(),
            "applications": self.applications.to_dict(),
            "reviews": self.reviews.to_dict(),
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Rebuild a Report from :meth:`to_dict` output.

        Every value is checked first: data that is not a report's (a wrong type, a key no
        report has, a number its text cannot print) raises :class:`ReportDataError`, a
        :class:`ParseError` naming where, so that a Report built here works as a parsed one.
        """
        data = _mapping(data, "")
        template = data.get("template")
        if template is not None:
            _choice(template, TEMPLATES, "template", "a template")
        return cls(
            organization=_str(data, "organization", "", optional=True),
            # the years report text can state (19xx年, 20xx年)
            year=_int(data, "year", "", optional=True, low=1900, high=2099),
            title=_str(data, "title", "", optional=True),
            template=template,
            sections=tuple(
                Section.from_dict(x, path=f"sections[{i}]")
                for i, x in enumerate(_list(data, "sections", ""))
            ),
            active_disclosure=ActiveDisclosure.from_dict(data.get("active_disclosure", {})),
            applications=Applications.from_dict(data.get("applications", {})),
            reviews=Reviews.from_dict(data.get("reviews", {})),
            diagnostics=tuple(
                Diagnostic.from_dict(x, path=f"diagnostics[{i}]")
                for i, x in enumerate(_list(data, "diagnostics", ""))
            ),
        )
