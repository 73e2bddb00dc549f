"""What validation returns: findings, the cells they name, and the localisation of failing sums.

A :class:`Finding` is one rule's verdict on one equation, cell or statement; its
:class:`FindingCell` values say where in the report to look. :class:`Findings` is the tuple
:func:`~disclosure_parser.validation.validate` returns. :class:`Localization` and
:class:`Suspect` carry what :mod:`.localization` finds out about failing sums.

Every value here is plain data: the rules make them, the output stage prints and stores them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from ..core import views
from ..core.keys import COLUMN_LABELS, ITEMS, OUTCOME_LABELS
from ..core.model import Cell, Number, Severity
from .labels import GROUP_NAMES, row_label


def _plain(value: Number | str | None) -> Any:
    return str(value) if isinstance(value, Decimal) else value


@attrs.frozen
class FindingCell:
    """A cell a finding is about: which table and keys, its value and where it was printed.

    ``table`` is ``"A"``, ``"B"`` or ``"C"`` (SPEC §1), or ``"text"`` for a number stated in
    the narrative. ``row_key`` is the item, row or group key, ``column_key`` the column key of
    table B or C or the column header of table A. ``line`` and ``column`` are the cell's
    1-based position (None when the parser recorded none). ``source`` says which report the
    cell comes from in cross-year findings (``"previous"`` or ``"current"``).

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
        return f"the text's {self.raw!r}"

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
        out = attrs.asdict(self)
        out["value"] = _plain(self.value)
        return out


@attrs.frozen
class Suspect:
    """A cell that, alone, would satisfy every failing sum with the value ``suggested``."""

    cell: FindingCell
    suggested: int

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {"cell": self.cell.to_dict(), "suggested": self.suggested}


LocalizationStatus = Literal["single", "ambiguous", "none"]


@attrs.frozen
class Localization:
    """Which single cell explains the failing sums of one table (or one group of table C).

    ``status`` is ``single`` (one cell, in ``suspects``, explains them all), ``ambiguous``
    (each of several cells would; the sums cannot tell which) or ``none`` (no single cell
    would: at least two are wrong). ``equations`` names the failing sums, e.g.
    ``row_total:granted`` or ``outcome_total:natural_person``.
    """

    scope: str
    status: LocalizationStatus
    equations: tuple[str, ...]
    suspects: tuple[Suspect, ...]
    message: str

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
        }


@attrs.frozen
class Finding:
    """One rule's verdict on one equation, cell or statement of a report.

    ``code`` is the SPEC §4 rule code, ``severity`` ``error``, ``warning`` or ``info`` (info:
    the rule could not be judged here, and why). ``cells`` are the cells involved, the one to
    blame first where there is one; ``expected`` is the value the rule calls for (for an upper
    bound: the bound) and ``actual`` the value found. ``localization`` is set on the sum
    findings that :func:`localize` explains.

    >>> finding = Finding("review_total", "error", "total is 1", (FindingCell("C", "review",
    ...     "total", 1, line=76, column=9),), expected=2, actual=1)
    >>> print(finding)
    76:9: error review_total total is 1
    """

    code: str
    severity: Severity
    message: str
    cells: tuple[FindingCell, ...] = ()
    expected: Number | str | None = None
    actual: Number | str | None = None
    localization: Localization | None = None

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
        return f"{where}{self.severity} {self.code} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (Decimals as strings)."""
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
        }

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
        lines.append("  cells: " + "; ".join(str(c) for c in finding.cells))
    if finding.expected is not None or finding.actual is not None:
        lines.append(f"  expected: {finding.expected}, actual: {finding.actual}")
    if finding.localization is not None:
        lines.append(f"  localization: {finding.localization.message}")
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
        return "\n".join(str(f) for f in self) if self else "no findings"

    def _repr_html_(self) -> str:
        return views.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def cell_names(cells: Sequence[FindingCell], limit: int = 4) -> str:
    """The first *limit* cells by label and position, and how many more there are."""
    shown = [f"{c.label} ({c.position})" for c in cells[:limit]]
    more = len(cells) - limit
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
