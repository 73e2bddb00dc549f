"""What validation returns: findings, the cells they name, and the localisation of failing sums.

A :class:`Finding` is one rule's verdict on one equation, cell or statement; its
:class:`FindingCell` values say where in the report to look. :class:`Findings` is the tuple
:func:`~disclosure_parser.validation.validate` returns. :class:`Localization` and
:class:`Suspect` carry what :mod:`.localization` finds out about failing sums.

Every value here is plain data: the rules make them, the output stage prints and stores them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from ..core import views
from ..core.keys import COLUMN_LABELS, ITEMS, OUTCOME_LABELS
from ..core.messages import Message, as_message, msg, text
from ..core.model import Cell, Number, Origin, Severity
from .labels import GROUP_NAMES, row_label


def _plain(value: Number | str | None) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _number(value: Any) -> Number | str | None:
    """A value of :meth:`to_dict` output back as it was: amounts were written as strings."""
    if isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return value
    return value  # type: ignore[no-any-return]


@attrs.frozen
class FindingCell:
    """A cell a finding is about: which table and keys, its value and where it was printed.

    ``table`` is ``"A"``, ``"B"`` or ``"C"`` (SPEC §1), or ``"text"`` for a number stated in
    the narrative. ``row_key`` is the item, row or group key, ``column_key`` the column key of
    table B or C or the column header of table A. ``line`` and ``column`` are the cell's
    1-based position (None when the parser recorded none), ``origin`` where it was printed in
    the HTML, Word or PDF file it was read from. ``source`` says which report the cell comes
    from in cross-year findings (``"previous"`` or ``"current"``).

    >>> cell = FindingCell("B", "granted", "natural_person", 15, line=49, column=20)
    >>> str(cell), cell.label
    ('B[granted, natural_person] = 15 at 49:20', '（一）予以公开 × 自然人')
    """

    table: str
    row_key: str | None
    column_key: str | None
    value: Number | None
    state: str = "number"
    raw: str = ""
    line: int | None = None
    column: int | None = None
    derived: bool = False
    source: str | None = None
    origin: Origin | None = None

    @classmethod
    def of(
        cls,
        table: str,
        row_key: str | None,
        column_key: str | None,
        cell: Cell,
        source: str | None = None,
    ) -> FindingCell:
        """The finding's view of model cell *cell* at (*row_key*, *column_key*) of *table*."""
        return cls(
            table,
            row_key,
            column_key,
            cell.value,
            cell.state,
            cell.raw,
            cell.line,
            cell.column,
            cell.derived,
            source,
            cell.origin,
        )

    @property
    def label(self) -> str:
        """The cell in the report's own words, e.g. ``（一）予以公开 × 自然人``."""
        if self.table == "B":
            return f"{row_label(self.row_key)} × {COLUMN_LABELS.get(self.column_key or '', '?')}"
        if self.table == "C":
            group = GROUP_NAMES.get(self.row_key or "", self.row_key)
            return f"{group} {OUTCOME_LABELS.get(self.column_key or '', self.column_key)}"
        if self.table == "A":
            item = ITEMS.get(self.row_key or "", ("", self.row_key))[1]
            return f"{item} {self.column_key}"
        return text("part.text_cell", raw=self.raw)

    @property
    def printed(self) -> Number | Message:
        """What the cell shows, for a message: its number, or a word for a blank, a mark, a
        text or an unreadable cell."""
        if self.state == "number" and self.value is not None:
            return self.value
        if self.state in ("na", "text"):
            return msg(f"value.{self.state}", raw=self.raw.strip())
        return msg("value.blank" if self.state == "blank" else "value.missing")

    @property
    def position(self) -> str:
        """``line:column``, or ``?`` when the position is unknown."""
        return "?" if self.line is None else f"{self.line}:{self.column}"

    def __str__(self) -> str:
        value = self.state if self.state != "number" else self.value
        where = f" at {self.position}" if self.line is not None else ""
        of = f" of the {self.source} report" if self.source else ""
        return f"{self.table}[{self.row_key}, {self.column_key}] = {value}{where}{of}"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (Decimals as strings)."""
        out = attrs.asdict(self, recurse=False)
        out["value"] = _plain(self.value)
        if self.origin is None:
            del out["origin"]
        else:
            out["origin"] = self.origin.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FindingCell:
        """The FindingCell of :meth:`to_dict`'s output."""
        fields = {k: v for k, v in data.items() if k in _CELL_FIELDS}
        fields["value"] = _number(data.get("value"))
        if data.get("origin"):
            fields["origin"] = Origin.from_dict(data["origin"])
        return cls(**fields)


_CELL_FIELDS = frozenset(attrs.fields_dict(FindingCell))


@attrs.frozen
class Suspect:
    """A cell that, alone, would satisfy every failing sum with the value ``suggested``."""

    cell: FindingCell
    suggested: int

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {"cell": self.cell.to_dict(), "suggested": self.suggested}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Suspect:
        """The Suspect of :meth:`to_dict`'s output."""
        return cls(FindingCell.from_dict(data["cell"]), data["suggested"])


LocalizationStatus = Literal["single", "ambiguous", "none"]


@attrs.frozen
class Localization:
    """Which single cell explains the failing sums of one table (or one group of table C).

    ``status`` is ``single`` (one cell, in ``suspects``, explains them all), ``ambiguous``
    (each of several cells would; the sums cannot tell which) or ``none`` (no single cell
    would: at least two are wrong). ``equations`` names the failing sums, e.g.
    ``row_total:granted`` or ``outcome_total:natural_person``. :attr:`message` says it in
    plain words, in the current language (:meth:`message_in` in either).
    """

    scope: str
    status: LocalizationStatus
    equations: tuple[str, ...]
    suspects: tuple[Suspect, ...]
    _text: Message = attrs.field(converter=as_message, alias="message")

    @property
    def message(self) -> str:
        """What the sums say, in the current language."""
        return self._text.render()

    def message_in(self, language: str) -> str:
        """What the sums say, in *language* (``"zh"`` or ``"en"``)."""
        return self._text.render(language)

    @property
    def message_data(self) -> Message:
        """The message as data (catalogue entry and parameters)."""
        return self._text

    @property
    def cell(self) -> FindingCell | None:
        """The cell to blame when a single one explains the failures, else None."""
        return self.suspects[0].cell if self.status == "single" else None

    @property
    def current(self) -> Number | None:
        """The blamed cell's value as printed (None: blank, or no single cell)."""
        return self.suspects[0].cell.value if self.status == "single" else None

    @property
    def suggested(self) -> int | None:
        """The value that makes every failing sum hold, when a single cell explains them."""
        return self.suspects[0].suggested if self.status == "single" else None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "scope": self.scope,
            "status": self.status,
            "equations": list(self.equations),
            "suspects": [s.to_dict() for s in self.suspects],
            "message": self.message,
            **_message_fields(self._text),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Localization:
        """The Localization of :meth:`to_dict`'s output."""
        return cls(
            data["scope"],
            data["status"],
            tuple(data["equations"]),
            tuple(Suspect.from_dict(s) for s in data["suspects"]),
            _message_from(data),
        )

    def _repr_html_(self) -> str:
        """The localisation in a notebook: what the sums say, and the cells they name."""
        return views.html(self)


def _message_fields(message: Message) -> dict[str, Any]:
    """The message as data in :meth:`to_dict` output, beside its text."""
    if message.key is None:
        return {}
    return {"message_key": message.key, "params": message.params}


def _message_from(data: Mapping[str, Any]) -> Message:
    if data.get("message_key") is not None:
        return Message(data["message_key"], data.get("params") or {})
    return Message(None, text=data.get("message", ""))


@attrs.frozen
class Finding:
    """One rule's verdict on one equation, cell or statement of a report.

    ``code`` is the SPEC §4 rule code, ``severity`` ``error``, ``warning`` or ``info`` (info:
    the rule could not be judged here, and why). ``cells`` are the cells involved, the one to
    blame first where there is one; ``expected`` is the value the rule calls for (for an upper
    bound: the bound) and ``actual`` the value found. ``localization`` is set on the sum
    findings that :func:`localize` explains. :attr:`message` is in the current language
    (:mod:`disclosure_parser.core.messages`), :meth:`message_in` in either; the message is kept
    as data (a catalogue entry and its parameters), a plain string as a fixed text.

    >>> finding = Finding("review_total", "error", "total is 1", (FindingCell("C", "review",
    ...     "total", 1, line=76, column=9),), expected=2, actual=1)
    >>> print(finding)
    76:9: error review_total total is 1
    """

    code: str
    severity: Severity
    _text: Message = attrs.field(converter=as_message, alias="message")
    cells: tuple[FindingCell, ...] = ()
    expected: Number | str | None = None
    actual: Number | str | None = None
    localization: Localization | None = None

    @property
    def message(self) -> str:
        """The message in the current language."""
        return self._text.render()

    def message_in(self, language: str) -> str:
        """The message in *language* (``"zh"`` or ``"en"``).

        >>> finding = Finding("negative", "error", msg("negative", cell="行政复议 结果纠正",
        ...     value=-1, hint=None))
        >>> finding.message_in("zh")
        '行政复议 结果纠正 印为 -1，件数不能为负数'
        """
        return self._text.render(language)

    @property
    def message_key(self) -> str | None:
        """The catalogue entry the message is made from (None for a fixed text)."""
        return self._text.key

    @property
    def params(self) -> dict[str, Any]:
        """The message's parameters, plain JSON data."""
        return self._text.params

    @property
    def culprit(self) -> Suspect | None:
        """The one cell whose correction makes this and every other failing sum of its table
        hold, with its value (from :attr:`localization`), when there is one."""
        loc = self.localization
        return loc.suspects[0] if loc is not None and loc.status == "single" else None

    @property
    def line(self) -> int | None:
        """The line of the first involved cell that has a position."""
        for cell in self.cells:
            if cell.line is not None:
                return cell.line
        return None

    @property
    def column(self) -> int | None:
        """The column of the first involved cell that has a position."""
        for cell in self.cells:
            if cell.line is not None:
                return cell.column
        return None

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}: " if self.line is not None else ""
        return f"{where}{text('severity.' + self.severity)} {self.code} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (Decimals as strings); :meth:`from_dict` reads it back."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "cells": [c.to_dict() for c in self.cells],
            "expected": _plain(self.expected),
            "actual": _plain(self.actual),
            "localization": self.localization.to_dict() if self.localization else None,
            **_message_fields(self._text),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """The Finding of :meth:`to_dict`'s output."""
        loc = data.get("localization")
        return cls(
            data["code"],
            data["severity"],
            _message_from(data),
            tuple(FindingCell.from_dict(c) for c in data.get("cells", ())),
            _number(data.get("expected")),
            _number(data.get("actual")),
            Localization.from_dict(loc) if loc else None,
        )

    def _repr_html_(self) -> str:
        """The finding in a notebook: severity, code, position, message, cells, values."""
        return views.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """The finding in IPython: its line, then its cells and values."""
        printer.text(finding_text(self))


def finding_text(finding: Finding) -> str:
    """The finding's line, then the cells it names and its expected and actual values.

    >>> import disclosure_parser as dp
    >>> report = dp.parse_file("examples/reports/000.txt")
    >>> print(finding_text(dp.validate(report)[1]))
    17:13: error narrative_mismatch the text of section 1 states 0 new applications ...
      cells: text[channels, None] = 0 at 17:13; B[new_received, natural_person] = 15 at ...
      expected: 15, actual: 0
    """
    lines = [str(finding)]
    if finding.cells:
        lines.append("  " + text("view.text.cells", cells=[str(c) for c in finding.cells]))
    if finding.expected is not None or finding.actual is not None:
        values = text(
            "view.text.values", expected=str(finding.expected), actual=str(finding.actual)
        )
        lines.append("  " + values)
    if finding.localization is not None:
        message = finding.localization.message_data
        lines.append("  " + text("view.text.localization", message=message))
    return "\n".join(lines)


class Findings(tuple[Finding, ...]):
    """What :func:`validate` returns: a tuple of findings that prints one finding per line
    (and as a table in a notebook); it compares equal to the plain tuple of its findings.

    >>> findings = Findings((Finding("review_total", "error", "total is 1"),))
    >>> print(findings)
    error review_total total is 1
    >>> findings == (Finding("review_total", "error", "total is 1"),), str(Findings())
    (True, 'no findings')
    """

    __slots__ = ()

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self) if self else text("view.no_findings")

    def _repr_html_(self) -> str:
        return views.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))
