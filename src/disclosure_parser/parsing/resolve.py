"""The same body's other years as evidence: :func:`resolve`.

A body publishes a report every year, and consecutive reports share numbers: what one year
carried forward the next carried over (table B), the stock of documents in force moves by
what was issued and repealed (table A, 2021 template), and the count of items at the start of
a year is last year's count plus its change (table A, 2019 template). Where one report's row
was withheld as ambiguous, those relations, over cells another report of the same body reads
as numbers, are evidence for one of its readings (:mod:`.evidence` weighs them, together
with the report's own narrative: evidence that disagrees settles nothing).

Reports are matched by organisation, its name cleaned of what titles add around it
(:func:`body_key`), and by consecutive years; several reports of one year each count as a
piece of evidence. This is parsing's last step over a collection of reports: it changes cells,
as parsing does, and needs nothing of validation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Final, TypeVar, cast, overload

import attrs

from ..core.keys import ROW_LABELS
from ..core.messages import Message, msg
from ..core.model import Diagnostic, Reading, Report
from ..core.text import fold
from .evidence import (
    SETTLED_CODES,
    Evidence,
    column_name,
    columns_of,
    count,
    in_order,
    is_open,
    narrative,
    narrative_evidence,
    recheck,
    weigh,
)
from .narrative import Statement
from .tables import Notes

Source = TypeVar("Source")

_LABEL: Final = re.compile(r"^(?:标题|题目|名称|发布机构)[:：]")
_ASIDE: Final = re.compile(r"\([^()]*\)")
_TRAILING: Final = re.compile(r"(?:关于|的)+$")


def body_key(organization: str | None) -> str | None:
    """The organisation's name as reports of different years can be matched by: folded
    (full-width forms, spaces), without a page's field label before it (标题:), remarks in
    brackets, or the words a letter-style title leaves after it (…关于).

    >>> body_key("标题:平潭综合实验区"), body_key("平潭综合实验区（管委会）")
    ('平潭综合实验区', '平潭综合实验区')
    >>> body_key("平潭综合实验区海坛片区管理局关于"), body_key(None)
    ('平潭综合实验区海坛片区管理局', None)
    """
    if not organization:
        return None
    name = _LABEL.sub("", fold(organization))
    name = _TRAILING.sub("", _ASIDE.sub("", name)).strip("-_:、,.")
    return name or None


# ---------------------------------------------------------------------------------------------
# What another year says about a reading
# ---------------------------------------------------------------------------------------------

_ISSUED, _REPEALED, _STOCK = "本年制发件数", "本年废止件数", "现行有效件数"
_BEFORE, _CHANGE = "上一年项目数量", "本年增/减"


def _named(report: Report, key: str) -> dict[str, int | None]:
    """The whole numbers of table A item *key*, by column name (template wording)."""
    item = report.active_disclosure.item(key)
    if item is None:
        return {}
    return {column_name(n): count(c) for n, c in zip(item.columns, item.cells, strict=False)}


def _admitting(
    readings: Sequence[Reading], agrees: Callable[[Reading], bool | None]
) -> frozenset[int]:
    """The readings *agrees* does not rule out (None: the reading leaves it unknown)."""
    return frozenset(i for i, r in enumerate(readings) if agrees(r) is not False)


def _table_a(
    report: Report, readings: Sequence[Reading], other: Report, later: bool, name: Message
) -> list[Evidence]:
    """Evidence from *other*, the report of the year before (or after, when *later*), about
    the readings of a table A row of *report*."""
    key = readings[0].row or ""
    columns = columns_of(report, readings[0])
    theirs = _named(other, key)
    out: list[Evidence] = []

    def value(reading: Reading, column: str) -> int | None:
        return count(reading.cells[columns.index(column)])

    if {_ISSUED, _REPEALED, _STOCK} <= set(columns):
        stock, issued, repealed = theirs.get(_STOCK), theirs.get(_ISSUED), theirs.get(_REPEALED)
        if not later and stock is not None:

            def carried(r: Reading) -> bool | None:
                i, d, s = value(r, _ISSUED), value(r, _REPEALED), value(r, _STOCK)
                return None if None in (i, d, s) else stock + (i or 0) - (d or 0) == s

            says = msg("part.evidence.stock_before", other=name, stock=stock)
            out.append(Evidence("year_stock", says, _admitting(readings, carried)))
        if later and None not in (stock, issued, repealed):
            before = (stock or 0) - (issued or 0) + (repealed or 0)

            def kept(r: Reading) -> bool | None:
                s = value(r, _STOCK)
                return None if s is None else s == before

            says = msg(
                "part.evidence.stock_after",
                other=name,
                stock=stock,
                issued=issued,
                repealed=repealed,
                before=before,
            )
            out.append(Evidence("year_stock", says, _admitting(readings, kept)))
    if {_BEFORE, _CHANGE} <= set(columns):
        start, change = theirs.get(_BEFORE), theirs.get(_CHANGE)
        if not later and start is not None and change is not None:
            counted = start + change

            def follows(r: Reading) -> bool | None:
                b = value(r, _BEFORE)
                return None if b is None else b == counted

            says = msg(
                "part.evidence.items_before",
                other=name,
                start=start,
                change=change,
                counted=counted,
            )
            out.append(Evidence("year_items", says, _admitting(readings, follows)))
        if later and start is not None:

            def leads(r: Reading) -> bool | None:
                b, c = value(r, _BEFORE), value(r, _CHANGE)
                return None if b is None or c is None else b + c == start

            says = msg("part.evidence.items_after", other=name, start=start)
            out.append(Evidence("year_items", says, _admitting(readings, leads)))
    return out


def _table_b(
    readings: Sequence[Reading], other: Report, later: bool, name: Message
) -> list[Evidence]:
    """Evidence from *other* about the readings of table B's 上年结转 or 结转下年度 row."""
    key = readings[0].row
    if key != ("carried_forward" if later else "carried_over"):
        return []
    mate = "carried_over" if later else "carried_forward"
    row = other.applications.row(mate)
    if row is None:
        return []
    # the 总计 column only where both reports print it
    width = len(row.cells) if other.applications.has_total_column else len(row.cells) - 1
    theirs: list[int | None] = [count(c) for c in row.cells[:width]]
    if all(v is None for v in theirs):
        return []

    def same(r: Reading) -> bool | None:
        unknown = False
        for mine, known in zip(r.cells, theirs, strict=False):
            if known is None:
                continue
            value = count(mine)
            if value is None:
                unknown = True
            elif value != known:
                return False
        return None if unknown else True

    shown = "|".join("?" if v is None else str(v) for v in theirs)
    says = msg(
        "part.evidence.carry",
        other=name,
        mate=ROW_LABELS[mate],
        shown=shown,
        row=ROW_LABELS[key],
    )
    return [Evidence("year_carry", says, _admitting(readings, same))]


def year_evidence(
    report: Report, diagnostic: Diagnostic, others: Sequence[tuple[Report, Message]]
) -> list[Evidence]:
    """What *others* (reports of the same body in the year before or after *report*'s, each
    with the words that name it) say about the readings of *diagnostic*."""
    readings = diagnostic.candidates
    out: list[Evidence] = []
    for other, name in others:
        later = (other.year or 0) > (report.year or 0)
        if readings[0].table == "A":
            out.extend(_table_a(report, readings, other, later, name))
        elif readings[0].table == "B":
            out.extend(_table_b(readings, other, later, name))
    return out


# ---------------------------------------------------------------------------------------------
# resolve
# ---------------------------------------------------------------------------------------------


@overload
def resolve(reports: Iterable[Report]) -> list[Report]: ...


@overload
def resolve(reports: Iterable[tuple[Source, Report]]) -> list[tuple[Source, Report]]: ...


def resolve(
    reports: Iterable[Report] | Iterable[tuple[Source, Report]],
) -> list[Report] | list[tuple[Source, Report]]:
    r"""The *reports* (or ``(source, report)`` pairs), in the same order, with the cells their
    tables withheld as ambiguous settled by the same body's reports of the years before and
    after, where those single out one reading.

    Reports are matched by :func:`body_key` of their organisation and by consecutive years.
    A settled cell is ``derived``; its row's error becomes a ``settled_by_other_year`` warning
    naming the other report (by its source, or its place in *reports*), the relation used
    (``year_stock``, ``year_items``, ``year_carry``) and the numbers it took. Evidence that
    disagrees (another year against the narrative, two other years, or a relation no reading
    satisfies) settles nothing, and a ``conflicting_evidence`` warning names each piece. A cell
    settled here can serve another year in turn. Nothing else changes.

    >>> import disclosure_parser as dp
    >>> def report(year, digits):
    ...     return dp.parse(f"某县人民政府{year}年政府信息公开工作年度报告\n"
    ...         "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数"
    ...         f"现行有效件数规章000行政规范性文件{digits}第二十条第（五）项信息内容"
    ...         "本年处理决定数量行政许可3")
    >>> before, after = report(2021, "4 0 45"), report(2022, "6051")  # 6|0|51 or 60|5|1
    >>> after.active_disclosure.get("normative_documents", -1) is None
    True
    >>> before, after = dp.resolve([before, after])
    >>> [(c.value, c.derived) for c in after.active_disclosure.item("normative_documents").cells]
    [(6, True), (0, True), (51, True)]
    >>> note = next(d for d in after.diagnostics if d.code == "settled_by_other_year")
    >>> print(note.message)  # doctest: +NORMALIZE_WHITESPACE
    table A item 行政规范性文件 read as 6|0|51: of its 2 readings (6|0|51, 60|5|1) the only one
    that agrees with 某县人民政府's 2021 report (reports[0]), whose 现行有效件数 45 + this year's
    本年制发件数 − 本年废止件数 = this year's 现行有效件数 (year_stock); the cells so read are
    marked derived
    """
    entries: list[Report | tuple[Source, Report]] = list(reports)
    pairs = [(None, e) if isinstance(e, Report) else e for e in entries]
    current = [r for _, r in pairs]
    names = [
        msg(
            "part.evidence.report",
            organization=r.organization or msg("part.no_organization"),
            year=r.year,
            source=f"reports[{i}]" if isinstance(entries[i], Report) else str(source),
        )
        for i, (source, r) in enumerate(pairs)
    ]
    bodies: dict[str, list[int]] = {}
    for i, report in enumerate(current):
        key = body_key(report.organization)
        if key is not None and report.year is not None:
            bodies.setdefault(key, []).append(i)
    # each report's mates: the same body's reports of the year before and after, in input order
    mates: list[list[int]] = [[] for _ in current]
    for members in bodies.values():
        for i in members:
            mates[i] = [
                j for j in members if abs((current[j].year or 0) - (current[i].year or 0)) == 1
            ]
    stated: dict[int, list[tuple[Statement, str]]] = {}

    def weighed(i: int, step: str, basis: Sequence[Report]) -> bool:
        """One step over report *i*'s rows (see below), with the other years as *basis* has
        them; whether its report changed."""
        report = current[i]
        changed = False
        for diagnostic in report.diagnostics:
            opened = is_open(diagnostic)
            if not (opened if step != "recheck" else diagnostic.code in SETTLED_CODES):
                continue
            others = [(basis[j], names[j]) for j in mates[i]]
            pieces = year_evidence(report, diagnostic, others)
            everything = frozenset(range(len(diagnostic.candidates)))
            if all(p.admits == everything for p in pieces):
                continue  # the other years say nothing the report's own parse did not weigh
            if i not in stated:
                stated[i] = narrative(report)
            pieces = [*narrative_evidence(report, diagnostic, stated[i]), *pieces]
            notes = Notes()
            notes.items = list(report.diagnostics)
            if step == "recheck":
                report = recheck(report, diagnostic, pieces, notes)
            else:
                code = "settled_by_other_year"
                conflicts = step == "conflicts"
                report = weigh(report, diagnostic, pieces, notes, code, conflicts=conflicts)
            if notes.items != list(report.diagnostics):
                report = attrs.evolve(report, diagnostics=in_order(notes.items))
                current[i] = report
                changed = True
        return changed

    # Settle what the other years single out, again while a settled cell serves another year.
    # Then weigh every settled row again with all the evidence there now is, every report
    # against the others as they stood at the start of the round (so that two settled rows
    # that disagree are both withheld, whatever their order), until nothing changes: what
    # relied on a withheld cell is weighed again in the next round. Only then say where the
    # evidence about a row still open disagrees.
    for step in ("settle", "recheck"):
        changed = True
        while changed:
            basis = current if step == "settle" else list(current)
            changed = False
            for i in range(len(current)):
                if mates[i] and weighed(i, step, basis):
                    changed = True
    for i in range(len(current)):
        if mates[i]:
            weighed(i, "conflicts", current)
    out: list[Report | tuple[Source, Report]] = [
        report if isinstance(entry, Report) else (entry[0], report)
        for entry, report in zip(entries, current, strict=True)
    ]
    return cast("list[Report] | list[tuple[Source, Report]]", out)


__all__ = ["body_key", "resolve", "year_evidence"]
