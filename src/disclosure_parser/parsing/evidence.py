"""Evidence beyond a table's digits: cells withheld as ambiguous, settled by what else is known.

Where a row's printed digits can be read in several ways and the table's sums do not decide
(table A has none: "77132470" is 77|13|470 or 21 other splits), the table builders withhold
the cells and give their diagnostic the readings still possible, as data
(:attr:`~disclosure_parser.Diagnostic.candidates`). Other evidence may then single one out:

* the narrative (:mod:`.narrative`): 本年度制发行政规范性文件77件，废止13件，现行有效470件, or the
  totals of tables B and C stated in words;
* the same body's reports of the years before and after (:mod:`.resolve`): last year's
  现行有效 + this year's 制发 − 废止 = this year's 现行有效, and the like.

Each piece of evidence is a :class:`Evidence`: what it says, in words with its position, and
which readings agree with it. :func:`weigh` takes a reading only when every piece that rules
anything out agrees on it and on it alone; the cells it fills are marked ``derived`` and the
row's error becomes a warning that quotes the evidence. Evidence that disagrees (no reading
agrees with all of it) leaves the cells withheld, with a ``conflicting_evidence`` warning
naming each piece. Plausibility never decides: a reading the evidence singles out is still
refused when it breaks a bound of its table (see :func:`implausible`).

:func:`settle` does this with a report's own narrative, once its tables are built.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from ..core.keys import (
    APPLICANT_COLUMNS,
    COLUMN_LABELS,
    GROUP_LABELS,
    OUTCOME_LABELS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
)
from ..core.messages import Message, msg
from ..core.model import MISSING, Cell, Diagnostic, Reading, Report
from ..core.text import fold
from . import labels
from .narrative import Statement, located, locator, scan, scan_items, sentences
from .tables import Notes

#: the diagnostics that withhold a row's cells for want of a single reading
AMBIGUOUS_CODES: Final = frozenset({"ambiguous_split", "ambiguous_row"})
#: the diagnostics of a row that evidence settled
SETTLED_CODES: Final = frozenset({"settled_by_narrative", "settled_by_other_year"})
#: the diagnostics of a row some of whose cells evidence settled, the others still open
NARROWED_CODES: Final = frozenset({"narrowed_by_narrative"})
#: the readings a message lists at most (the diagnostic's data has them all)
_SHOWN: Final = 6


@attrs.frozen
class Evidence:
    """One piece of evidence about an ambiguous row.

    ``says`` is what it says, in words, with where it stands (a sentence and its position, or
    another report and the relation used); ``admits`` the indexes of the readings (in the
    diagnostic's ``candidates``) that agree with it.
    """

    kind: str
    says: Message
    admits: frozenset[int]
    #: the words it stands on, quoted once however many pieces they give (a sentence)
    quote: str = ""


def is_open(diagnostic: Diagnostic) -> bool:
    """Whether *diagnostic* withholds cells that evidence could still settle."""
    return diagnostic.code in AMBIGUOUS_CODES and bool(diagnostic.candidates)


def column_name(name: str) -> str:
    """A table A column in the template's wording (a header as printed may differ).

    >>> column_name("本年度止件数"), column_name("现行有效件数")
    ('本年废止件数', '现行有效件数')
    """
    found = labels.a_columns(fold(name))
    return found[0][1] if found else name


def columns_of(report: Report, reading: Reading) -> tuple[str, ...]:
    """The names of the columns a reading's cells stand in."""
    if reading.table == "A":
        item = report.active_disclosure.item(reading.row or "")
        return tuple(column_name(c) for c in item.columns) if item else ()
    if reading.table == "B":
        return tuple(COLUMN_LABELS[c] for c in APPLICANT_COLUMNS[: len(reading.cells)])
    return tuple(f"{g}.{o}" for g in REVIEW_GROUPS for o in REVIEW_OUTCOMES)


def column_words(report: Report, reading: Reading) -> tuple[str, ...]:
    """The names of the columns a reading's cells stand in, as messages print them."""
    if reading.table == "C":
        return tuple(
            f"{GROUP_LABELS[g]} {OUTCOME_LABELS[o]}" for g in REVIEW_GROUPS for o in REVIEW_OUTCOMES
        )
    return columns_of(report, reading)


def row_words(report: Report, reading: Reading) -> Message:
    """The row a reading is of, as messages name it."""
    if reading.table == "A":
        item = report.active_disclosure.item(reading.row or "")
        return msg("part.what.a_item", label=item.label if item else reading.row)
    if reading.table == "B":
        row = report.applications.row(reading.row or "")
        return msg("part.what.b_row", key=reading.row, label=row.label if row else reading.row)
    return msg("part.what.c")


def count(cell: Cell) -> int | None:
    """The whole number a cell holds, or None (blank, a mark, text, an amount, missing)."""
    value = cell.value
    if value is None or (isinstance(value, Decimal) and value != value.to_integral_value()):
        return None
    return int(value)


# ---------------------------------------------------------------------------------------------
# Weighing the evidence
# ---------------------------------------------------------------------------------------------


def implausible(report: Report, reading: Reading) -> Message | None:
    """Why *reading* breaks a bound of its table, or None.

    Bounds are never evidence for a reading, only against one the evidence chose: documents
    issued this year and not repealed are still in force (现行有效 ≥ 制发 − 废止), what was
    newly published was published (本年新公开 ≤ 对外公开总数量), and a count of items does not
    fall below zero (上一年项目数量 + 本年增/减 ≥ 0).
    """
    if reading.table != "A":
        return None
    values = dict(zip(columns_of(report, reading), reading.cells, strict=False))

    def get(name: str) -> int | None:
        cell = values.get(name)
        return None if cell is None else count(cell)

    issued, repealed, stock = get("本年制发件数"), get("本年废止件数"), get("现行有效件数")
    if (
        issued is not None
        and repealed is not None
        and stock is not None
        and stock < issued - repealed
    ):
        return msg("part.implausible.stock", stock=stock, issued=issued, repealed=repealed)
    published, total = get("本年新公开数量"), get("对外公开总数量")
    if published is not None and total is not None and published > total:
        return msg("part.implausible.published", published=published, total=total)
    before, change = get("上一年项目数量"), get("本年增/减")
    if before is not None and change is not None and before + change < 0:
        return msg("part.implausible.items", before=before, change=change)
    return None


def _listed(readings: Sequence[Reading], indexes: Sequence[int]) -> list[str]:
    """The readings of *indexes*, as printed (a message shows the first few)."""
    return [str(readings[i]) for i in indexes]


def weigh(
    report: Report,
    diagnostic: Diagnostic,
    pieces: Sequence[Evidence],
    notes: Notes,
    code: str,
    *,
    conflicts: bool = True,
    narrowed: str | None = None,
) -> Report:
    """*report* with the row of *diagnostic* settled by *pieces*, when they single out one
    reading (its diagnostic replaced in *notes* by a *code* warning quoting them); else
    *report* unchanged, and with *conflicts* a ``conflicting_evidence`` warning in *notes*
    when the pieces disagree. With *narrowed* (a code), pieces that leave several readings
    fill the withheld cells those readings agree on (see :func:`narrow`).
    """
    readings = diagnostic.candidates
    everything = frozenset(range(len(readings)))
    telling = [p for p in pieces if p.admits != everything]
    if not telling:
        return report
    common = everything
    for piece in telling:
        common &= piece.admits
    first = readings[0]
    what = row_words(report, first)
    if len(common) > 1:
        # the evidence narrows the readings but does not decide: the row stays open
        if narrowed is None:
            return report
        return narrow(report, diagnostic, sorted(common), telling, notes, narrowed)
    if len(common) == 1:
        (index,) = common
        chosen = readings[index]
        bound = implausible(report, chosen)
        if bound is None:
            notes.items.remove(diagnostic)
            notes.add(
                code,
                "warning",
                msg(
                    code,
                    what=what,
                    chosen=str(chosen),
                    n=len(readings),
                    readings=_listed(readings, range(len(readings))),
                    evidence=[p.says for p in telling],
                    quoted=_quoted(telling),
                ),
                diagnostic.line,
                diagnostic.column,
                candidates=readings,
            )
            return with_reading(report, chosen)
        if conflicts:
            report = _unnarrowed(report, diagnostic, notes)
            _conflict(
                notes,
                diagnostic,
                msg(
                    "conflicting_evidence.implausible",
                    what=what,
                    chosen=str(chosen),
                    evidence=[p.says for p in telling],
                    bound=bound,
                ),
            )
        return report
    if conflicts:
        report = _unnarrowed(report, diagnostic, notes)
        _conflict(
            notes,
            diagnostic,
            msg(
                "conflicting_evidence.disagrees",
                what=what,
                n=len(readings),
                readings=_listed(readings, range(len(readings))),
                each=_each(readings, telling),
                quoted=_quoted(telling),
            ),
        )
    return report


def narrow(
    report: Report,
    diagnostic: Diagnostic,
    kept: Sequence[int],
    pieces: Sequence[Evidence],
    notes: Notes,
    code: str,
) -> Report:
    """*report* with the withheld cells of *diagnostic*'s row on which all the readings
    *kept* (those the evidence *pieces* leave) agree filled from them and marked derived,
    with a *code* warning beside the row's error, which stays: its other cells are still
    open, and other evidence weighed later meets the same pieces again (see
    :func:`.resolve.resolve`). Unchanged when the readings agree on no withheld cell, or
    when one of them breaks a bound of its table (:func:`implausible`).

    "5 2 7 8 1 9" under table C's fifteen columns, a blank printing nothing, is two groups
    of three and a blank one, 108 readings; the narrative's 行政诉讼9件 rules out the 36 with
    both suits printed (7 + 9 is not 9), and all the 72 left read 行政复议's 总计 as 7.
    """
    readings = diagnostic.candidates
    chosen = [readings[i] for i in kept]
    now = row_cells(report, chosen[0])
    agreed = frozenset(
        col
        for col, cell in enumerate(chosen[0].cells)
        if col < len(now)
        and now[col].state == "missing"
        and cell.state != "missing"
        and all(_meaning(r.cells[col]) == _meaning(cell) for r in chosen)
    )
    if not agreed or any(implausible(report, r) is not None for r in chosen):
        return report
    names = column_words(report, chosen[0])
    cells = [f"{names[col]}={_shown(chosen[0].cells[col])}" for col in sorted(agreed)]
    notes.add(
        code,
        "warning",
        msg(
            code,
            what=row_words(report, chosen[0]),
            n=len(readings),
            m=len(chosen),
            readings=_listed(readings, kept),
            evidence=[p.says for p in pieces],
            quoted=_quoted(pieces),
            cells=cells,
        ),
        diagnostic.line,
        diagnostic.column,
    )
    return with_reading(report, chosen[0], agreed)


def _unnarrowed(report: Report, diagnostic: Diagnostic, notes: Notes) -> Report:
    """*report* with the cells of *diagnostic*'s row that evidence narrowed withheld again,
    and their warning dropped from *notes*: evidence that came to disagree (the other years
    with the narrative) leaves the row as its table's sums did."""
    narrowed = [d for d in notes.items if d.code in NARROWED_CODES and d.line == diagnostic.line]
    if not narrowed:
        return report
    for note in narrowed:
        notes.items.remove(note)
    return withhold(report, diagnostic.candidates)


def _shown(cell: Cell) -> str:
    """A cell's value as a reading prints it."""
    return str(Reading("", None, (cell,)))


def recheck(
    report: Report, diagnostic: Diagnostic, pieces: Sequence[Evidence], notes: Notes
) -> Report:
    """*report* with the row that *diagnostic* (a ``settled_by_*`` warning) settled weighed
    again with *pieces*: unchanged while they single out the reading it holds; else its cells
    withheld again, and the warning replaced in *notes* by a ``conflicting_evidence`` error
    naming each piece (evidence that came to disagree with a settled row unsettles it)."""
    readings = diagnostic.candidates
    everything = frozenset(range(len(readings)))
    telling = [p for p in pieces if p.admits != everything]
    held = held_reading(report, diagnostic)
    common = everything
    for piece in telling:
        common &= piece.admits
    if held is None or not telling or common == {held}:
        return report
    _unnarrowed(report, diagnostic, notes)  # (its cells are withheld below, with the rest)
    notes.items.remove(diagnostic)
    notes.add(
        "conflicting_evidence",
        "error",
        msg(
            "conflicting_evidence.unsettled",
            what=row_words(report, readings[0]),
            held=str(readings[held]),
            n=len(readings),
            readings=_listed(readings, range(len(readings))),
            each=_each(readings, telling),
            quoted=_quoted(telling),
        ),
        diagnostic.line,
        diagnostic.column,
        candidates=readings,
    )
    return withhold(report, readings)


def _each(readings: Sequence[Reading], pieces: Sequence[Evidence]) -> list[Message]:
    """Each piece of evidence, and the readings it agrees with."""
    return [
        msg("part.evidence.agrees", says=p.says, readings=_listed(readings, sorted(p.admits)))
        if p.admits
        else msg("part.evidence.agrees_none", says=p.says)
        for p in pieces
    ]


def _quoted(pieces: Sequence[Evidence]) -> Message | None:
    """Where the pieces stand, each sentence once however many pieces it gives."""
    quotes = list(dict.fromkeys(p.quote for p in pieces if p.quote))
    return msg("part.evidence.quoted", quotes=quotes) if quotes else None


def _conflict(notes: Notes, diagnostic: Diagnostic, message: Message) -> None:
    before = len(notes.items)
    notes.add("conflicting_evidence", "warning", message, diagnostic.line, diagnostic.column)
    if notes.items[-1] in notes.items[:before]:
        notes.items.pop()  # said already (a report resolved twice)


def with_reading(report: Report, reading: Reading, columns: frozenset[int] | None = None) -> Report:
    """*report* with the withheld cells of *reading*'s row filled from it (only those of
    *columns*, when given), marked derived."""

    def fill(cells: Sequence[Cell], new: Sequence[Cell], offset: int = 0) -> tuple[Cell, ...]:
        out = list(cells)
        for i, (old, cell) in enumerate(zip(cells, new, strict=False)):
            if columns is not None and i + offset not in columns:
                continue
            if old.state == "missing" and cell.state != "missing":
                out[i] = attrs.evolve(cell, derived=True)
        return tuple(out)

    if reading.table == "A":
        table = report.active_disclosure
        items = tuple(
            attrs.evolve(it, cells=fill(it.cells, reading.cells)) if it.key == reading.row else it
            for it in table.items
        )
        return attrs.evolve(report, active_disclosure=attrs.evolve(table, items=items))
    if reading.table == "B":
        apps = report.applications
        rows = tuple(
            attrs.evolve(r, cells=fill(r.cells, reading.cells)) if r.key == reading.row else r
            for r in apps.rows
        )
        return attrs.evolve(report, applications=attrs.evolve(apps, rows=rows))
    revs = report.reviews
    width = len(REVIEW_OUTCOMES)
    groups = tuple(
        attrs.evolve(g, cells=fill(g.cells, reading.cells[i * width : (i + 1) * width], i * width))
        for i, g in enumerate(revs.groups)
    )
    return attrs.evolve(report, reviews=attrs.evolve(revs, groups=groups))


def _meaning(cell: Cell) -> tuple[object, ...]:
    return (cell.state, cell.value)


def row_cells(report: Report, reading: Reading) -> tuple[Cell, ...]:
    """The cells *reading*'s row holds now, in the reading's columns."""
    if reading.table == "A":
        item = report.active_disclosure.item(reading.row or "")
        return item.cells if item else ()
    if reading.table == "B":
        row = report.applications.row(reading.row or "")
        return row.cells[: len(reading.cells)] if row else ()
    return tuple(c for g in report.reviews.groups for c in g.cells)


def held_reading(report: Report, diagnostic: Diagnostic) -> int | None:
    """Which of *diagnostic*'s readings its row holds now (None: none of them)."""
    now = [_meaning(c) for c in row_cells(report, diagnostic.candidates[0])]
    for i, reading in enumerate(diagnostic.candidates):
        if [_meaning(c) for c in reading.cells] == now[: len(reading.cells)]:
            return i
    return None


def withhold(report: Report, readings: Sequence[Reading]) -> Report:
    """*report* with the cells of the readings' row on which they disagree missing again."""
    width = len(readings[0].cells)
    differ = {col for col in range(width) if len({_meaning(r.cells[col]) for r in readings}) > 1}

    def empty(cells: Sequence[Cell], offset: int = 0) -> tuple[Cell, ...]:
        return tuple(MISSING if i + offset in differ else c for i, c in enumerate(cells))

    first = readings[0]
    if first.table == "A":
        table = report.active_disclosure
        items = tuple(
            attrs.evolve(it, cells=empty(it.cells)) if it.key == first.row else it
            for it in table.items
        )
        return attrs.evolve(report, active_disclosure=attrs.evolve(table, items=items))
    if first.table == "B":
        apps = report.applications
        rows = tuple(
            attrs.evolve(r, cells=empty(r.cells)) if r.key == first.row else r for r in apps.rows
        )
        return attrs.evolve(report, applications=attrs.evolve(apps, rows=rows))
    revs = report.reviews
    size = len(REVIEW_OUTCOMES)
    groups = tuple(
        attrs.evolve(g, cells=empty(g.cells, i * size)) for i, g in enumerate(revs.groups)
    )
    return attrs.evolve(report, reviews=attrs.evolve(revs, groups=groups))


def in_order(items: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    """Diagnostics in the order of the text (those without a position first)."""
    return tuple(sorted(items, key=lambda d: (d.line if d.line is not None else 0, d.column or 0)))


# ---------------------------------------------------------------------------------------------
# The narrative as evidence
# ---------------------------------------------------------------------------------------------

#: the column a table A statement counts, in each template's wording
_STATED_COLUMNS: Final = {
    "issued": ("本年制发件数", "本年新制作数量"),
    "repealed": ("本年废止件数",),
    "in_force": ("现行有效件数",),
}


#: the longest sentence a message quotes whole (a longer one is quoted around the number)
_QUOTED: Final = 120


def narrative(report: Report) -> list[tuple[Statement, str]]:
    """The numbers the report's narrative states about its tables (B, C and table A's first
    block), each with its sentence quoted, and where that stands."""

    def both(text: str, year: int | None) -> tuple[Statement, ...]:
        return (*scan(text, year), *scan_items(text, year))

    out = []
    found = located(report.sections, report.year, both)
    # (sentence ends and line starts found once a section: statements may be many)
    bounds: dict[int, Callable[[int, int], tuple[int, int]]] = {}
    places: dict[int, Callable[[int], tuple[int, int]]] = {}
    for section, statement in found:
        if statement.quantity == "channels":
            continue  # a breakdown by channel may leave some channels out
        around = bounds.get(id(section))
        if around is None:
            around = bounds[id(section)] = sentences(section.text)
            places[id(section)] = locator(section)
        start, end = around(statement.start, statement.end)
        if end - start > _QUOTED:
            # a run-on sentence: the words around the number, marked as cut
            start = max(start, statement.start - _QUOTED // 2)
            end = min(end, statement.end + _QUOTED // 2)
        line, column = places[id(section)](start)
        # the sentence as printed: lines joined as they run on (a flattened page, or PDF text,
        # breaks lines inside sentences), spaces within a line kept as one
        words = "".join(" ".join(part.split()) for part in section.text[start:end].splitlines())
        out.append((statement, f"{words!r} (line {line}, column {column})"))
    return out


def _stated_value(
    report: Report, reading: Reading, statement: Statement
) -> tuple[str, int | None] | None:
    """What *reading* says of the quantity *statement* counts: the column's name and its
    value (None when the reading leaves it unknown); None when the statement is not about
    the reading's row."""
    cells = reading.cells
    if reading.table == "A":
        item, _, column = statement.quantity.partition(".")
        if item != reading.row:
            return None
        names = columns_of(report, reading)
        for name in _STATED_COLUMNS.get(column, ()):
            if name in names:
                return name, count(cells[names.index(name)])
        return None
    if reading.table == "B":
        if statement.quantity != reading.row:
            return None
        if len(cells) == len(APPLICANT_COLUMNS):  # the row has its 总计
            return "总计", count(cells[-1])
        parts = [0 if c.state == "blank" else count(c) for c in cells]
        return "总计", None if None in parts else sum(p or 0 for p in parts)
    width = len(REVIEW_OUTCOMES)
    if statement.quantity == "review":
        return "行政复议 总计", count(cells[width - 1])
    if statement.quantity == "litigation":
        direct, after = count(cells[2 * width - 1]), count(cells[3 * width - 1])
        both = None if direct is None or after is None else direct + after
        return "行政诉讼 总计", both
    return None


def narrative_evidence(
    report: Report, diagnostic: Diagnostic, stated: Sequence[tuple[Statement, str]]
) -> list[Evidence]:
    """A piece of evidence for each statement of *stated* (see :func:`narrative`) about the
    row of *diagnostic*."""
    out = []
    readings = diagnostic.candidates
    for statement, quote in stated:
        values = [_stated_value(report, r, statement) for r in readings]
        known = [v for v in values if v is not None]
        if not known:
            continue
        name = known[0][0]
        admits = frozenset(
            i for i, v in enumerate(values) if v is not None and v[1] in (None, statement.value)
        )
        words = " ".join(statement.text.split())
        out.append(
            Evidence(
                "narrative",
                msg(
                    "part.evidence.narrative",
                    name=name,
                    value=statement.value,
                    words=words,
                    line=statement.line,
                    column=statement.column,
                ),
                admits,
                quote,
            )
        )
    return out


def settle(report: Report, notes: Notes | None = None) -> Report:
    r"""*report* with the cells its tables withheld as ambiguous settled, where its narrative
    states them (see the module docstring); *notes* are the parse's diagnostics, to which
    the outcome is added (by default, the report's own).

    >>> import disclosure_parser as dp
    >>> report = dp.parse("某县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n"
    ...     "本年度制发行政规范性文件77件，废止13件，现行有效470件。\n"
    ...     "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数"
    ...     "现行有效件数规章000行政规范性文件7713470第二十条第（五）项信息内容"
    ...     "本年处理决定数量行政许可3三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为："
    ...     "第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计"
    ...     "商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量801000081")
    >>> [(c.value, c.derived) for c in report.active_disclosure.item("normative_documents").cells]
    [(77, True), (13, True), (470, True)]
    >>> [d.code for d in report.diagnostics if d.candidates]
    ['settled_by_narrative']
    """
    pending = [d for d in report.diagnostics if is_open(d)]
    if not pending:
        return report
    if notes is None:
        notes = Notes()
        notes.items = list(report.diagnostics)
    stated = narrative(report)
    if not stated:
        return report
    for diagnostic in pending:
        pieces = narrative_evidence(report, diagnostic, stated)
        report = weigh(
            report,
            diagnostic,
            pieces,
            notes,
            "settled_by_narrative",
            narrowed="narrowed_by_narrative",
        )
    return attrs.evolve(report, diagnostics=in_order(notes.items))
