"""Building tables A, B and C from the rows the grammar grouped.

Table B and C rows are first lined up with their columns (:mod:`disclosure_parser.parsing.align`);
where a row can be read in more than one way, the table's sums decide
(:mod:`disclosure_parser.parsing.solver`). Every decision that is not a plain reading of the text
leaves a diagnostic.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial
from typing import Final

import attrs

from ..core.keys import (
    APPLICANT_COLUMNS,
    APPLICATION_ROWS,
    COLUMN_LABELS,
    GROUP_LABELS,
    ITEM_COLUMNS,
    ITEMS,
    OTHER_HANDLING_2021,
    OUTCOME_LABELS,
    OUTCOME_ROWS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
    TEMPLATES,
    Template,
)
from ..core.messages import Message, msg
from ..core.model import (
    MISSING,
    ActiveDisclosure,
    ApplicationRow,
    Applications,
    Cell,
    Diagnostic,
    DisclosureItem,
    Reading,
    ReviewGroup,
    Reviews,
    Severity,
    new_cell,
)
from ..core.text import fold, strip_numbering
from . import blocks, labels
from .align import (
    REPAIR_COST,
    cut_total_readings,
    in_pieces,
    placed_readings,
    plain_cells,
    readings,
    sparse_readings,
)
from .cells import CUT, UNREADABLE, counts, ends_with_sum, make_cell, two_numbers, whole_row
from .drafts import ABlock, TableDraft
from .lexer import Row
from .raw import RawCell
from .solver import (
    BLANK,
    OPAQUE,
    Candidate,
    Equation,
    Outcome,
    broken_sums,
    fits,
    kinds,
    solve,
)
from .split import MAX_DIGITS, MAX_SPLITS, MAX_STEPS, TABLE_STEPS, Budget


class Notes:
    """Collects the diagnostics of one parse."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(
        self,
        code: str,
        severity: Severity,
        message: str | Message,
        line: int | None = None,
        column: int | None = None,
        *,
        candidates: tuple[Reading, ...] = (),
    ) -> None:
        """Note *code*; *message* is a catalogue message (``msg(key, **params)`` of
        :mod:`disclosure_parser.core.messages`), so that it is shown in Chinese or English;
        *candidates* are the readings of a row the text leaves open, as data."""
        self.items.append(Diagnostic(code, severity, message, line, column, candidates))


def _cell_from(
    source: object | None,
    value: int | None,
    derived: bool,
    row: Row,
    *,
    split: bool = False,
    amount: bool = False,
    unprinted: bool = False,
) -> Cell:
    """The Cell for one column of a chosen reading.

    *split* marks a number cut out of glued digits by the table's sums: it was printed, but
    its boundaries were recovered, so the cell is ``derived``. *unprinted* says a cell the
    reading gives no source printed nothing (see :func:`_prints_no_blank`): a 0 the sums
    work out for it is a blank.
    """
    if isinstance(source, RawCell) and not derived:
        if source.filler:
            return new_cell("blank", None, "", None, source.line, source.column)
        cell = make_cell(source.text, source.line, source.column, amount=amount)
        return attrs.evolve(cell, derived=True) if split and cell.state == "number" else cell
    if value == BLANK:
        # a cell a row printed whole lost, which it printed as nothing (solver._blanked)
        return new_cell("blank", None, "", None, row.line, row.column, derived=True)
    if value is not None:
        if isinstance(source, RawCell):
            # a cell whose digits could not be read (cells.UNREADABLE), settled by the sums:
            # it keeps where it stood and what was read there
            return new_cell("number", value, source.text, None, source.line, source.column, True)
        if value == 0 and unprinted:
            return new_cell("blank", None, "", None, row.line, row.column, derived=True)
        return new_cell("number", value, "", None, row.line, row.column, derived=True)
    return MISSING


#: rows of PDF text: words set apart by spaces (on one line, on two, or one a line), where
#: a blank cell prints nothing. (A cell lost from a row of cells, tab or pipe, was printed.)
_WORDS: Final = frozenset({"plain", "joined", "stream"})


def _unprinted_zeros(row: Row, readings: Sequence[Candidate]) -> set[int]:
    """The columns where the *readings* of a row of PDF text have a 0 that one reading
    prints and another works out (among readings that say the same numbers, or between
    them), or that a reading works out while it leaves some printed value unplaced:
    printed, it is a 0; worked out, the text may have left out a blank there. (Not where a
    0 ran into the row's numbering: that 0 was printed.) In a row the page's edge cut, a 0
    worked out for a cell the edge hid, whatever the row's kind, is one too: see
    :func:`_hidden_by_the_edge`."""
    hidden = _hidden_by_the_edge(row, readings)
    if row.kind not in _WORDS or _zero_in_numbering(row):
        return hidden
    drift = {col for a in readings for col in a.drift if a.values[col] == 0}
    mixed = {
        col
        for col, value in enumerate(readings[0].values)
        if value == 0
        and (
            len({col in a.derived for a in readings}) > 1
            # (worked out where the reading leaves printed numbers unplaced: the cell may be
            # a blank, or a mark the reading left out)
            or any(col in a.derived and not _prints_no_blank(row, a) for a in readings)
        )
    }
    return drift | mixed | hidden


def _hidden_by_the_edge(row: Row, readings: Sequence[Candidate]) -> set[int]:
    """The columns where a reading of a row the page's edge cut works out a 0 for a cell of
    which the page shows no number (no source, or a cut mark with nothing or words after it).

    A blank cell, a 0 and a mark such as "-" add up alike, and the edge hid which it was
    (fresh LibreOffice PDFs: a table C row whose 结果维持, printed blank, stood left of the
    page and read as a 0 its 总计 worked out; or printed 无, of which "⁇✂无" shows the mark).
    A number other than 0 is no blank: it stands; so does a 0 the cut cell shows.
    """
    if not any(c.text.startswith(CUT) for c in row.values):
        return set()
    return {
        col
        for a in readings
        for col in a.derived
        if a.values[col] == 0 and _shows_no_number(a.sources[col])
    }


def _shows_no_number(source: object) -> bool:
    """Whether a reading's source for a cell (a cell, or None) shows no number on the page:
    none, or a cut mark with no digit after it."""
    text = getattr(source, "text", None)
    if source is None or text == CUT:
        return True
    return isinstance(text, str) and text.startswith(CUT) and not any(ch.isdigit() for ch in text)


def _zero_in_numbering(row: Row) -> bool:
    return any(note[0] == "number_in_numbering" for note in row.notes)


def _prints_no_blank(row: Row, reading: Candidate) -> bool:
    """Whether the columns a *reading* of *row* gives no source printed nothing: a row of
    words set apart by spaces (PDF text) prints no blank cell, so where the reading places
    every number the row printed, or where the row printed no 0 and its numbers are, in
    order, the reading's numbers other than 0, its 0s were printed nowhere. (A cell lost
    from a row of cells, tab or pipe, was printed; so was a 0 the row printed that the
    reading left out, or one run into the row's numbering: a 0 the sums work out there
    stands.)"""
    if row.kind != "plain" or _zero_in_numbering(row):
        return False
    printed = [c for c in row.values if c.text and not c.filler]
    used = {id(s) for s in reading.sources if s is not None}
    if all(id(c) in used for c in printed):
        return True
    numbers = counts(c.text for c in printed)
    shown = [v for v in reading.values if v is not None and v not in (0, BLANK, OPAQUE)]
    return numbers is not None and 0 not in numbers and None not in numbers and numbers == shown


def _readings(
    table: str,
    key: str | None,
    alternatives: Sequence[Candidate],
    row: Row,
    amounts: Sequence[bool],
    order: Sequence[int] | None = None,
) -> tuple[Reading, ...]:
    """The readings still possible for a row, as data for its diagnostic: each row's cells as
    that reading has them (in the template's column order), so that evidence found later can
    settle the row."""
    readings = []
    for a in alternatives:
        unprinted = _prints_no_blank(row, a)
        cells = [
            _cell_from(
                src, val, col in a.derived, row, split=a.split, amount=amount, unprinted=unprinted
            )
            for col, (src, val, amount) in enumerate(zip(a.sources, a.values, amounts, strict=True))
        ]
        if order is not None:
            cells = [cells[i] for i in order]
        readings.append(Reading(table, key, tuple(cells)))
    return tuple(readings)


def _describe(cand: Candidate, columns: Sequence[str]) -> str:
    """One reading in words: each column's number, ``blank``, printed text, or ``?`` (unknown).

    The solver's markers for blank and text cells are ints far outside any count; they must
    never reach a message, where they would read as numbers.
    """
    shown = []
    for name, v, source in zip(columns, cand.values, cand.sources, strict=True):
        if v is None:
            text = "?"
        elif v == BLANK:
            text = "blank"
        elif v == OPAQUE:
            text = repr(getattr(source, "text", "text"))
        else:
            text = str(v)
        shown.append(f"{name}={text}")
    return " ".join(shown)


def _flag_two_numbers(
    what: Callable[[], Message], columns: Sequence[str], cells: Sequence[Cell], notes: Notes
) -> None:
    """An error for each cell printed with two numbers in it ("13 60", "1<br>2"): it is read as
    text, so the error is all that tells the reader why the number is not there. (*what*
    names the row: called only for such a cell, as most rows have none.)"""
    for name, cell in zip(columns, cells, strict=False):
        if cell.state == "text" and two_numbers(cell.raw):
            notes.add(
                "two_numbers",
                "error",
                msg("two_numbers", what=what(), column=name, raw=cell.raw),
                cell.line,
                cell.column,
            )


# =============================================================================================
# Table A
# =============================================================================================


def build_active_disclosure(
    drafts: Sequence[TableDraft], template: Template | None, notes: Notes
) -> ActiveDisclosure:
    """Table A from its blocks: each item row read against the column header above it."""
    kept: dict[str, tuple[DisclosureItem, Notes]] = {}
    # Tolerance here rather than in the grammar: an item may stand under another clause's
    # caption, or repeat in a second table A (a report split over pages). Which clause a row
    # belongs to is decided by its own label; a grammar holding each item to its clause would
    # refuse those files. Of two copies the first is kept, unless only the other one fits the
    # table (a sentence naming the item, taken for its row, has no cells to read): each copy's
    # diagnostics are held apart until then, and only the kept copy's are added.
    for draft in drafts:
        for block in draft.blocks:
            for item, said in _block_items(block, template, notes):
                first = kept.get(item.key)
                if first is None:
                    kept[item.key] = (item, said)
                    continue
                if _fit(item, said) <= _fit(*first):
                    notes.add(
                        "duplicate_row",
                        "warning",
                        msg("duplicate_row.a_item", label=item.label),
                        item.line,
                        item.column,
                    )
                    continue
                kept[item.key] = (item, said)
                dropped = first[0]
                notes.add(
                    "duplicate_row",
                    "warning",
                    msg("duplicate_row.a_item_later", label=dropped.label, line=item.line),
                    dropped.line,
                    dropped.column,
                )
    order = list(ITEMS)
    items = sorted((item for item, _ in kept.values()), key=lambda it: order.index(it.key))
    for _, said in kept.values():
        notes.items.extend(said.items)
    return ActiveDisclosure(tuple(items))


def _fit(item: DisclosureItem, said: Notes) -> tuple[int, bool]:
    """How well a copy of an item fits the table: the cells read, then whether its digits at
    least have readings (an ambiguous split) rather than none."""
    read = sum(c.state != "missing" for c in item.cells)
    return read, any(d.candidates for d in said.items)


def _header_columns(head: Row) -> list[str]:
    if any("\ufffd" in c.text for c in head.labels):
        return _cut_header_columns([c.text for c in head.labels])
    found = labels.a_columns(head.folded)
    if found:
        return [name for _, name, _, _ in found]
    # headers the vocabulary does not know: one column per header cell after 信息内容
    texts = [c.text for c in head.labels]
    if texts and not labels.a_columns(texts[0]) and texts[0].startswith("信息内"):
        texts = texts[1:]
    return texts


def _cut_header_columns(texts: list[str]) -> list[str]:
    """The columns of a header whose cells a text dump cut to their width byte by byte
    (html2text: "信息内\ufffd|上一\ufffd|本年增/减"): one column per cell, since the words of
    one cell cannot run into the next, named by the header the cell is the start of where only
    one is; a cell too short to tell keeps its text (see :func:`_cut_names`)."""
    names: list[str] = []
    for text in texts:
        folded = fold(text)
        found = labels.a_columns(folded)
        if found:
            names += [name for _, name, _, _ in found]
        elif not names and folded.startswith(("信息", "第二十")):
            continue  # 信息内容, and a merged 第二十条 caption drawn beside it
        else:
            # a cell too short to name one header keeps its text, marked as cut
            names.append(labels.a_column_start(folded) or text.rstrip("\ufffd") + "\ufffd")
    return names


def _cut_names(names: list[str], default: Sequence[str]) -> list[str]:
    """*names* with the cut header cells among them ("采购\ufffd") read as the template's
    columns, when the header has the template's columns one for one and each cut cell is the
    start of its own; else *names* as they are."""
    if len(names) != len(default) or not any("\ufffd" in name for name in names):
        return names
    for name, column in zip(names, default, strict=True):
        start = name.replace("\ufffd", "")
        if name != column and not ("\ufffd" in name and start and column.startswith(start)):
            return names
    return list(default)


def _block_items(
    block: ABlock, template: Template | None, notes: Notes
) -> Iterable[tuple[DisclosureItem, Notes]]:
    """The items of one 第二十条 block, each read against the last column header above it,
    with the diagnostics reading it gave."""
    heads = sorted(block.heads, key=lambda h: (h.line, h.column))
    columns: list[str] | None = None
    rows = _join_wrapped(block.rows)
    taken = {row.key for row in rows if row.key is not None}
    for row in rows:
        where = (row.line, row.column)
        if row.key is None and block.clause is not None and "\ufffd" in row.folded:
            clause = block.clause.key or ""
            row.key = labels.cut_item_in_clause(row.folded, clause)
            if row.key is None and taken:
                # cut to the start both items of the clause share ("行政\ufffd" under （六）),
                # beside a row that names one of them: it is the other, said as a guess
                row.key = labels.cut_item_in_clause(row.folded, clause, taken)
                if row.key is not None:
                    notes.add(
                        "cut_label",
                        "warning",
                        msg("cut_label", label=row.label or row.folded, item=ITEMS[row.key][1]),
                        row.line,
                        row.column,
                    )
            if row.key is not None:
                taken.add(row.key)
        if heads and (heads[0].line, heads[0].column) <= where:
            # a header printed over several lines (one column per line in PDF text)
            columns = []
            while heads and (heads[0].line, heads[0].column) <= where:
                columns += _header_columns(heads.pop(0))
        if row.key is None:
            notes.add(
                "unknown_label",
                "warning",
                msg("unknown_label.a_row", label=row.label or msg("part.no_label")),
                row.line,
                row.column,
            )
            continue
        default = ITEM_COLUMNS[template or "2019"].get(row.key)
        if default is None:
            default = ITEM_COLUMNS["2019" if template == "2021" else "2021"].get(row.key, ())
        said = Notes()
        if row.columns is not None:
            names = list(row.columns)  # the lexer read the row in its template's columns
        elif columns:
            names = _cut_names(columns, default)
        else:
            said.add(
                "guessed_column",
                "info",
                msg("guessed_column", label=row.label, template=template or "2019"),
                row.line,
                row.column,
            )
            names = list(default)
        cells = _item_cells(_text_first_value(row, len(names)), names, said)
        cells = _read_in_order(row, names, cells, said)
        _flag_two_numbers(partial(msg, "part.what.a_item", label=row.label), names, cells, said)
        item = DisclosureItem(
            key=row.key,
            clause=ITEMS[row.key][0],
            label=row.label,
            columns=tuple(names),
            cells=tuple(cells),
            line=row.line,
            column=row.column,
        )
        yield item, said


def _text_first_value(row: Row, width: int) -> Row:
    """*row* with the text the lexer took for the end of its label given back to its values,
    where it is a value cell printed as text: "行政事业性收费 | 见附件 | 0" is 行政事业性收费 with
    the cells 见附件 and 0 (read as a label 行政事业性收费见附件, its 0 went to the first column).

    Only when the first label cell names the item alone, the rest names nothing, and the row
    then prints one cell per column (it did not before).
    """
    if len(row.labels) < 2 or row.key is None:
        return row
    first, extra = row.labels[0], row.labels[1:]
    if labels.item_key(fold(first.text)) != row.key:
        return row
    for cell in extra:
        folded = fold(cell.text)
        if labels.item_key(folded) or labels.clause_of(folded) or labels.a_columns(folded):
            return row
    values = [*extra, *row.values]
    if plain_cells(row.values, width) is not None or plain_cells(values, width) is None:
        return row
    out = Row.__new__(Row)
    out.kind, out.cells, out.labels, out.values = row.kind, row.cells, [first], values
    out.label, out.folded, out.key = first.text, fold(first.text), row.key
    out.line, out.column = row.line, row.column
    out.choices = out.placing = out.columns = None
    return out


def _join_wrapped(rows: list[Row]) -> list[Row]:
    """Item rows with labels wrapped over two lines joined: 其他对外管理服 / 务事项 0 0 0."""
    out: list[Row] = []
    pending: Row | None = None
    for row in rows:
        has_values = any(c.text and not c.filler for c in row.values)
        if not has_values and row.label:
            pending = row if pending is None else _joined(pending, row)
            continue
        if pending is not None:
            joined = _joined(pending, row)
            if row.key is None or joined.key == row.key:
                row = joined
            pending = None
        out.append(row)
    if pending is not None:
        out.append(pending)
    return out


def _joined(first: Row, second: Row) -> Row:
    """*second* with *first*'s label in front: a row whose label began on the line before."""
    row = Row.__new__(Row)
    row.kind, row.cells = second.kind, second.cells
    row.labels, row.values = first.labels + second.labels, second.values
    row.label, row.folded = first.label + second.label, first.folded + second.folded
    row.key = labels.item_key(row.folded) or first.key
    row.choices = row.placing = None
    row.columns = second.columns
    row.line, row.column = first.line, first.column
    row.end_line = second.end_line
    # (what the lexer said of either: reported from their own tokens, read here)
    row.notes = [*first.notes, *second.notes]
    return row


def _ambiguous_item(
    row: Row, outcome: Outcome, names: list[str], amounts: list[bool], notes: Notes
) -> list[Cell]:
    alternatives = outcome.alternatives
    first = alternatives[0]
    cells: list[Cell] = []
    for col, amount in enumerate(amounts):
        if outcome.kept[col]:
            cells.append(_cell_from(first.sources[col], None, False, row, amount=amount))
        else:
            cells.append(MISSING)
    shown = ["|".join(getattr(s, "text", "?") for s in a.sources) for a in alternatives[:6]]
    more = msg("part.more", n=len(alternatives) - 6) if len(alternatives) > 6 else None
    glued = next(c for c in row.values if c.glued)
    notes.add(
        "ambiguous_split",
        "error",
        msg(
            "ambiguous_split.a_item",
            label=row.label,
            digits=glued.text,
            width=len(names),
            columns=names,
            n=len(alternatives),
            readings=shown,
            more=more,
        ),
        glued.line,
        glued.column,
        candidates=_readings("A", row.key, alternatives, row, amounts),
    )
    return cells


def _unsplit(glued: RawCell, width: int, what: Message, notes: Notes) -> list[Cell]:
    """Missing cells, and the error, for digits printed without cell boundaries that no split
    of the format reads, or that too many do."""
    why = (
        msg("part.unsplit.too_many", max=MAX_SPLITS, width=width)
        if glued.unsplit == "too many"
        else msg("part.unsplit.too_costly", width=width, steps=MAX_STEPS)
        if glued.unsplit == "too costly"
        else msg("part.unsplit.none", width=width, digits=MAX_DIGITS)
    )
    notes.add(
        "ambiguous_split",
        "error",
        msg("ambiguous_split.unsplit", what=what, digits=glued.text, why=why),
        glued.line,
        glued.column,
    )
    return [MISSING] * width


def _read_in_order(row: Row, names: list[str], cells: list[Cell], notes: Notes) -> list[Cell]:
    """*cells*, or missing cells where the row's numbers were read by blocks of columns (a
    ``reading_order`` warning on it) in an order that is not the columns' (default
    ``pdftotext`` prints a row's numbers in another order at a page break), and which
    number is whose nothing says: the lexer found them the last text of their page (a
    ``reading_order`` error on the row, :func:`.lexer._flag_page_end_items`), or a negative
    number came out under a column of counts while the block has a column of changes
    (本年增/减) that alone may be negative."""
    if any(note[:2] == ("reading_order", "error") for note in row.notes):
        return [MISSING if c.state == "number" else c for c in cells]
    signed = [name for name in names if "增" in name or "减" in name]
    if not signed or not any(note[0] == "reading_order" for note in row.notes):
        return cells
    for name, cell in zip(names, cells, strict=True):
        if name in signed or cell.value is None or cell.value >= 0:
            continue
        notes.add(
            "reading_order",
            "error",
            msg(
                "reading_order.a_sign",
                label=row.label,
                value=cell.raw,
                column=name,
                signed=signed[0],
            ),
            cell.line,
            cell.column,
        )
        return [MISSING if c.state == "number" else c for c in cells]
    return cells


def _item_cells(row: Row, names: list[str], notes: Notes) -> list[Cell]:
    """The cells of a table A row, or missing cells where the row cannot be lined up."""
    width = len(names)
    values = row.values
    amounts = ["金额" in name or "万元" in name for name in names]
    core = plain_cells(values, width)
    if core is not None and len(values) - width < REPAIR_COST:
        # the row's only reading, and not too far-fetched (its cost: the filler it drops)
        return [
            make_cell(c.text, c.line, c.column, amount=amount)
            for c, amount in zip(core, amounts, strict=True)
        ]
    options = [c for c in readings(values, width) if c.cost < REPAIR_COST]
    if len(options) > 1 and any(c.glued for c in values):
        # glued digits with no sums to choose a split: keep only what every split agrees on
        outcome = solve([options], [])[0]
        if outcome.chosen is None:
            return _ambiguous_item(row, outcome, names, amounts, notes)
        options = [outcome.chosen]
    if options:
        cells: list[Cell] = []
        for src, amount in zip(options[0].sources, amounts, strict=True):
            if not isinstance(src, RawCell):
                cells.append(MISSING)
            else:
                cells.append(_cell_from(src, None, False, row, amount=amount))
        return cells
    glued = next((c for c in values if c.glued and c.unsplit), None)
    if glued is not None:
        return _unsplit(glued, width, msg("part.what.a_item", label=row.label), notes)
    printed = [c for c in values if not c.filler]
    notes.add(
        "ragged_row",
        "error",
        msg(
            "ragged_row.a_item",
            label=row.label,
            printed=len(printed),
            width=width,
            columns=names,
        ),
        row.line,
        row.column,
    )
    return [MISSING] * width


# =============================================================================================
# Table B
# =============================================================================================

_ORDER_2021: Final = APPLICATION_ROWS["2021"]
_ORDER_ALL: Final = (*_ORDER_2021[:-5], "other_handling", *_ORDER_2021[-5:])


def _has_total_column(drafts: Sequence[TableDraft]) -> bool:
    """Whether table B has its 总计 column: named in the header (its two characters stacked
    on two lines, or its 总 alone where the page's edge cut it, in ``pdftotext -layout``
    text, too), rows whose last number is the sum of the others, or seven numbers a row."""
    heads = "".join(r.folded for d in drafts for r in d.heads)
    if "总计" in heads or "合计" in heads:
        return True
    words = {w for d in drafts for r in d.heads for w in r.label.split()}
    if words & {"总", "合"}:
        return True  # 总计 stacked on two lines, or cut at the page's edge after its 总
    if any(
        len(r.values) == _B_WIDTH and r.values[-1].text == CUT
        for d in drafts
        for kind, r in d.body
        if kind in ("B_ROW", "B_VALUES")
    ):
        # rows read to the page's right edge, the cells past it missing (.page_edge): a
        # 总计 there, if the table has one, is not in the text, and read as missing
        return True
    rows = [
        [c for c in r.values if not c.filler]
        for d in drafts
        for kind, r in d.body
        if kind in ("B_ROW", "B_VALUES")
    ]
    judged = [(len(cells), _sums_to_last(cells)) for cells in rows if len(cells) >= 3]
    sums = [n for n, adds in judged if adds]
    assessed = sum(1 for _, adds in judged if adds is not None)
    if 7 in sums or (len(sums) >= 3 and len(sums) * 4 >= assessed * 3):
        # a row of seven whose last is its total, or rows that print a blank or more and
        # still end with the sum of the others, nearly all of them (small counts add up by
        # chance now and then): in a table with many blanks most rows print fewer than seven
        # numbers, and taken for a table without 总计, its rows of six would put each total
        # under 其他
        return True
    widths = sorted(len(cells) for cells in rows)
    # a header that lost its 总计 cell still leaves seven numbers in most rows
    return not widths or widths[len(widths) // 2] >= 7


def _sums_to_last(cells: Sequence[RawCell]) -> bool | None:
    """Whether the last of *cells* is the sum of the others (blanks and marks 0), as a row's
    总计 is; None where that says nothing: a last cell not a count above 0, fewer than two
    parts above 0, a cell not a count."""
    numbers = counts(c.text for c in cells)
    if numbers is None:
        return None
    *parts, total = (n or 0 for n in numbers)
    if total <= 0 or sum(1 for p in parts if p) < 2:
        return None
    return sum(parts) == total


#: rows of PDF text, whose labels the page's left edge may have cut
_CUT_LABEL_KINDS: Final = ("plain", "joined", "stream")


def _label_runs(drafts: Sequence[TableDraft], notes: Notes) -> list[tuple[str | None, Row]]:
    """The value rows of table B in order, each with the row key its label names (or None).

    Label fragments (B_LABEL) are joined to the row that follows when that row has no label
    of its own and the fragments name exactly one row; otherwise they are dropped.
    """
    out: list[tuple[str | None, Row]] = []
    # Tolerance here rather than in the grammar: whether a label fragment belongs to the
    # numbers after it depends on what the joined words say, which a grammar of row kinds
    # cannot see.
    for draft in drafts:
        pending: list[Row] = []
        for kind, row in draft.body:
            if kind == "B_LABEL":
                if row.kind != "head":  # (a header word among the rows: no row's label)
                    pending.append(row)
                continue
            if kind == "B_HEAD":
                pending = []
                continue
            key = row.key
            if (kind == "B_VALUES" or key is None) and pending:
                joined = "".join(p.folded for p in pending) + row.folded
                if row.kind == "stream":
                    # one cell per line (PDF text): the label is printed right before its
                    # numbers, after fragments of the labels above; the last wording wins
                    key = labels.row_key(joined)
                else:
                    # detached labels (converted files) may belong to other rows: use them
                    # only when they name a single row
                    keys = {p.key for p in pending if p.key} | {
                        labels.row_key(joined) or labels.row_key(_numbering_first(pending, row))
                    }
                    keys.discard(None)
                    key = keys.pop() if len(keys) == 1 else None
                if key is not None:
                    row.label = "".join(p.label for p in pending) + row.label
            others = _labelled_before(pending, key, row)
            strangers = [] if others else _unsummed_after_labels(pending, key, row)
            if strangers:
                message = msg(
                    "rows_run_together.unsummed",
                    what=_b_row(key),
                    rows="、".join(labels_text(k) for k in strangers),
                    n=_B_WIDTH,
                )
                notes.add("rows_run_together", "error", message, row.line, row.column)
                pending = []
                continue
            block = _labels_then_numbers(others, key, row, pending) if others else None
            pending = []
            if block is not None:
                message = msg(
                    "rows_run_together.last_row",
                    what=_b_row(key),
                    rows="、".join(labels_text(k) for k, _ in block),
                    n=len(block),
                )
                notes.add("rows_run_together", "warning", message, row.line, row.column)
                # and on each line a number stands on: that is where a reader looks for it
                for line in sorted({c.line for _, r in block for c in r.values} - {row.line}):
                    notes.add("rows_run_together", "warning", message, line, 1)
                out.extend(block)
                continue
            if others:
                notes.add(
                    "rows_run_together",
                    "error",
                    msg(
                        "rows_run_together.labels_first",
                        what=_b_row(key),
                        rows="、".join(labels_text(k) for k in others),
                        n=len([c for c in row.values if not c.filler]) // _B_WIDTH,
                    ),
                    row.line,
                    row.column,
                )
                continue
            # (a flattened row's label runs from the last cut to its digits: when a cut was
            # missed it holds the row before too, and its digits belong to its last label)
            named = labels.row_keys(row.folded) if kind == "B_ROW" and row.kind != "flat" else ()
            if len(named) > 1:
                # two rows printed as one (a lost row rule): each cell holds both rows'
                # numbers, or one of them with nothing to say whose
                notes.add(
                    "merged_rows",
                    "error",
                    msg("merged_rows", label=row.label, n=len(named), rows=list(named)),
                    row.line,
                    row.column,
                )
                continue
            if kind == "B_ROW" and key is None and row.kind == "plain":
                key = labels.row_key_from_end(row.folded)
                if key is not None:
                    notes.add(
                        "label_end",
                        "warning",
                        msg("label_end", label=row.label, what=_b_row(key)),
                        row.line,
                        row.column,
                    )
                    out.append((key, row))
                    continue
            if (
                kind == "B_ROW"
                and key is None
                and row.kind in _CUT_LABEL_KINDS
                and not labels.is_group_label(row.folded)
                and labels.rows_ending(row.folded)
            ):
                # the end of rows' wordings, shared or too short to name one ("府信息公开申请
                # 数量" of 一、 and 二、, "继续办理"): its place says which, as for a row
                # without a label
                out.append((None, row))
                continue
            if kind == "B_ROW" and key is None:
                if labels.is_group_label(row.folded):
                    notes.add(
                        "unknown_label",
                        "warning",
                        msg("unknown_label.b_group", label=row.label),
                        row.line,
                        row.column,
                    )
                else:
                    notes.add(
                        "unknown_label",
                        "warning",
                        msg("unknown_label.b_row", label=row.label),
                        row.line,
                        row.column,
                    )
                    _beside_unused(out, row, notes)
                continue
            out.append((key, row))
    return out


def _labelled_before(pending: Sequence[Row], key: str | None, row: Row) -> list[str]:
    """The other rows whose whole labels (*pending*) were printed right before the label of
    *row*, a row of numbers one a line holding several whole rows (each ending in its sum);
    nothing for any other row.

    Default ``pdftotext`` prints the labels of a block of rows and then their numbers
    ("（七）总计" / "四、结转下年度继续办理" / 14 numbers), or a label, all the block's
    numbers, and the other labels after them: the first seven are the label's own in the
    second case, the last seven in the first, and nothing in the text tells which it is."""
    if key is None or _whole_blocks(row) is None:
        return []
    return _others_named(pending, key)


def _others_named(pending: Sequence[Row], key: str) -> list[str]:
    """The rows other than *key* that the label pieces *pending* name, in order."""
    named = (_named(p) for p in pending)
    return list(dict.fromkeys(k for k in named if k is not None and k != key))


def _unsummed_after_labels(pending: Sequence[Row], key: str | None, row: Row) -> list[str]:
    """The other rows whose whole labels (*pending*) were printed right before the label of
    *row*, a row of seven numbers one a line none of which is the sum of the others; nothing
    for any other row.

    Default ``pdftotext`` prints the labels of a block of rows and then numbers from anywhere
    in the block ("二、上年结转…" / "（一）予以公开" / "（二）部分公开" / seven numbers): the last
    label's own numbers add up, in whatever order their blocks came (its 总计 is the sum of
    the rest), and seven that do not are as likely another row's, or several rows' pieces."""
    if key is None or row.kind != "stream":
        return []
    numbers = counts(c.text for c in row.values if not c.filler)
    if numbers is None or len(numbers) != _B_WIDTH or None in numbers:
        return []
    if ends_with_sum(sorted(n or 0 for n in numbers)):  # (the largest is the total)
        return []
    return _others_named(pending, key)


def _named(label: Row) -> str | None:
    """The row a label printed on its own names."""
    return label.key or labels.row_key(label.folded)


def _labels_then_numbers(
    others: Sequence[str], key: str | None, row: Row, pending: Sequence[Row]
) -> list[tuple[str, Row]] | None:
    """The rows of a block printed as labels first (*others*, then *row*'s own) and then the
    numbers of them all, where the text leaves one reading: *row* is the table's last row.

    Of the two ways :func:`_labelled_before` cannot tell apart, the other has *row*'s own
    numbers first and the rest those of rows printed after it, and no row comes after the
    last ("（七）总计" / "四、结转下年度继续办理" / 14 numbers). A block keeps its rows in
    order, so its numbers, cut into whole rows, are its last labels' in turn; those labels
    must be the template's rows just before *row*, in its order. None otherwise."""
    blocks = _whole_blocks(row)
    if key != _ORDER_ALL[-1] or blocks is None or len(blocks) - 1 > len(others):
        return None
    keys = list(_ORDER_ALL[-len(blocks) :])
    if list(others[len(others) - len(blocks) + 1 :]) != keys[:-1]:
        return None
    printed = {_named(p): p for p in pending}
    rows: list[tuple[str, Row]] = []
    for k, cells in zip(keys, blocks[:-1], strict=False):
        own = _unlabelled(row, cells)
        label = printed.get(k)
        if label is not None:
            own.label, own.folded, own.line, own.column = (
                label.label,
                label.folded,
                label.line,
                label.column,
            )
        rows.append((k, own))
    row.values = blocks[-1]
    own_label = printed.get(key)
    if own_label is not None:  # (not the labels above joined to it)
        row.label, row.folded = own_label.label, own_label.folded
    return [*rows, (keys[-1], row)]


def _numbering_first(pending: Sequence[Row], row: Row) -> str:
    """The label of *row* and the fragments before it (*pending*) with their numbering put
    first: a browser's PDF sets a wrapped label's numbering on a line of its own, in the
    middle ("属于行政" / "8." / "查询事项" is 8.属于行政查询事项)."""
    numbering = [p.folded for p in pending if not strip_numbering(p.folded)]
    words = [p.folded for p in pending if strip_numbering(p.folded)]
    return "".join(numbering) + "".join(words) + row.folded


def _beside_unused(rows: list[tuple[str | None, Row]], row: Row, notes: Notes) -> None:
    """Say on the row just above a line of numbers left out (*row*: its label names no row)
    that its cells read as blanks may be those numbers' places: a row wrapped over two lines
    the reader did not join leaves blanks in the first line's row where the second printed
    numbers, and a blank where a number stands is a wrong reading."""
    if not rows or row.kind != "plain" or not any(c.text for c in row.values):
        return  # (rows of cells keep their blanks: each cell was printed, empty)
    key, above = rows[-1]
    if key is None or above.kind != "plain" or not 0 < row.line - above.end_line <= 2:
        return
    if any(not c.text and not c.filler for c in above.values):
        notes.add(
            "unknown_label",
            "warning",
            msg("unknown_label.b_row_above", what=_b_row(key), line=row.line, label=row.label),
            above.line,
            above.column,
        )


def _split_run_together(
    rows: list[tuple[str | None, Row]], notes: Notes
) -> list[tuple[str | None, Row]]:
    """*rows* with each labelled row of several rows' numbers cut into those rows: the first
    its own, the others rows without a label, for :func:`_place_unlabelled` to place.

    Default ``pdftotext`` prints a table's cells one a line, and where it printed the labels
    of some rows elsewhere (a block of labels before or after), their numbers follow the
    numbers of the row before, as one row of 14, 21 … numbers. Cut into sevens that each end
    with their sum (every number printed: a blank leaves nothing in such text), they are
    those rows, in order.
    """
    out: list[tuple[str | None, Row]] = []
    for key, row in rows:
        blocks = _whole_blocks(row)
        if key is None or blocks is None:
            out.append((key, row))
            continue
        notes.add(
            "rows_run_together",
            "warning",
            msg("rows_run_together", what=_b_row(key), n=len(blocks), width=_B_WIDTH),
            row.line,
            row.column,
        )
        row.values = blocks[0]
        out.append((key, row))
        out.extend((None, _unlabelled(row, block)) for block in blocks[1:])
    return out


#: table B's columns with its 总计
_B_WIDTH: Final = len(APPLICANT_COLUMNS)


def _whole_blocks(row: Row) -> list[list[RawCell]] | None:
    """The numbers of *row*, printed one a line, cut into two or more whole rows of table B
    (:func:`.cells.whole_row`), or None where they are not."""
    cells = [c for c in row.values if not c.filler]
    n = len(cells)
    if row.kind != "stream" or n < 2 * _B_WIDTH or n % _B_WIDTH:
        return None
    blocks = [cells[i : i + _B_WIDTH] for i in range(0, n, _B_WIDTH)]
    if not all(whole_row(c.text for c in block) for block in blocks):
        return None
    return blocks


def _unlabelled(like: Row, values: list[RawCell]) -> Row:
    """A row of *values* without a label, of the kind of the row *like* they came with."""
    row = Row.__new__(Row)
    row.kind, row.cells, row.values, row.labels = like.kind, values, values, []
    row.label, row.folded, row.key = "", "", None
    row.line, row.column = values[0].line, values[0].column
    row.end_line = values[-1].line
    row.notes, row.choices, row.placing, row.columns = [], None, None, None
    row.strays = []
    return row


def _place_unlabelled(rows: list[tuple[str | None, Row]], notes: Notes) -> list[tuple[str, Row]]:
    """Give rows whose label was lost the keys their position leaves for them.

    An unlabelled run between two labelled rows takes the template rows between those two
    labels when there are exactly as many of them as unlabelled rows; otherwise it is dropped.
    A row in the run whose label is the end of several rows' wordings (the page's left edge
    cut its start) must be one of those rows, or the run is dropped too.
    (The grammar accepts a row of bare numbers anywhere in table B: which row it is depends on
    the labels around it, decided here.)
    """
    present = {k for k, _ in rows if k is not None}
    order = _ORDER_ALL
    placed: list[tuple[str, Row]] = []
    i = 0
    n = len(rows)
    previous: str | None = None
    while i < n:
        key, row = rows[i]
        if key is not None:
            placed.append((key, row))
            previous = key
            i += 1
            continue
        j = i
        while j < n and rows[j][0] is None:
            j += 1
        run = [r for _, r in rows[i:j]]
        following = rows[j][0] if j < n else None
        lo = order.index(previous) + 1 if previous in order else 0
        hi = order.index(following) if following in order else len(order)
        gap = [k for k in order[lo:hi] if k not in present]
        before, after = _neighbour(previous, "part.header"), _neighbour(following, "part.end")
        if "other_handling" in gap and any(k in gap for k in OTHER_HANDLING_2021):
            # a template has either the single (六) row or its three sub-rows, not both
            single = len(gap) - len([k for k in gap if k in OTHER_HANDLING_2021])
            gap = (
                [k for k in gap if k != "other_handling"]
                if len(gap) - 1 == len(run)
                else [k for k in gap if k not in OTHER_HANDLING_2021]
                if single == len(run)
                else gap
            )
        if len(gap) == len(run) and all(
            not r.folded or k in labels.rows_ending(r.folded) for k, r in zip(gap, run, strict=True)
        ):
            between = {"previous": before, "following": after}
            for k, r in zip(gap, run, strict=True):
                if r.folded:  # (the end of its label: the page's left edge cut the start)
                    code, message = (
                        "label_end",
                        msg("label_end.placed", label=r.label, what=_b_row(k), **between),
                    )
                else:
                    code, message = (
                        "unlabelled_row",
                        msg("unlabelled_row.placed", key=k, label=labels_text(k), **between),
                    )
                notes.add(code, "warning", message, r.line, r.column)
                # and on each other line its numbers stand on (one a line in default
                # ``pdftotext`` text): that is where a reader looks for them
                for line in sorted({c.line for c in r.values if c.text} - {r.line}):
                    notes.add(code, "warning", message, line, 1)
                placed.append((k, r))
                present.add(k)
        else:
            for r in run:
                if r.folded:
                    ends = labels.rows_ending(r.folded)
                    message = msg(
                        "label_end.unplaced",
                        label=r.label,
                        rows="、".join(labels_text(k) for k in ends),
                        n=len(ends),
                        previous=before,
                        following=after,
                    )
                    notes.add("unknown_label", "warning", message, r.line, r.column)
                    continue
                notes.add(
                    "unlabelled_row",
                    "error",
                    msg(
                        "unlabelled_row.unplaced",
                        run=len(run),
                        gap=len(gap),
                        previous=before,
                        following=after,
                    ),
                    r.line,
                    r.column,
                )
        i = j
    return placed


def _neighbour(key: str | None, otherwise: str) -> Message:
    """A row next to an unlabelled run, for its message: the row, or the table's edge."""
    return msg(otherwise) if key is None else msg("part.row", key=key, label=labels_text(key))


def _b_printed_columns(drafts: Sequence[TableDraft], notes: Notes) -> tuple[str, ...]:
    """Table B's columns in the order its header prints them (the template's when the header
    does not name each sub-column of 法人或其他组织 once), as table A reads its header.

    Only the five sub-columns are placed by their words: 自然人 and 总计 stand on other header
    rows, where their order among the sub-columns cannot be read from the text, and no report
    moves them. A header in another order than the template's gets a ``column_order`` warning.
    """
    heads = next((d.heads for d in drafts if d.heads), [])
    order = labels.b_column_order("".join(h.folded for h in heads))
    if order is None or order == APPLICANT_COLUMNS[1:6]:
        return APPLICANT_COLUMNS
    where = next((h for h in heads if labels.b_column_order(h.folded) == order), heads[0])
    notes.add(
        "column_order",
        "warning",
        msg("column_order.b", columns=[COLUMN_LABELS[c] for c in order]),
        where.line,
        where.column,
    )
    return (APPLICANT_COLUMNS[0], *order, *APPLICANT_COLUMNS[6:])


@lru_cache(maxsize=64)
def _b_equations(keys: tuple[str, ...], width: int, has_total: bool) -> tuple[Equation, ...]:
    """The sums that hold in a consistent table B, over the rows present.

    Each names its totals: a blank total may be an omission, so it makes its sum unusable.
    (Most reports have the same rows, so the sums are made once per set of rows.)
    """
    index = {k: i for i, k in enumerate(keys)}
    eqs: list[Equation] = []
    if has_total:
        for r in range(len(keys)):
            parts = tuple((r, c, -1) for c in range(6))
            eqs.append(("row_total", ((r, 6, 1), *parts), frozenset({(r, 6)})))
    outcome_rows = [k for k in _ORDER_ALL if k in index and k in _OUTCOMES]
    complete = _outcomes_complete(set(index))
    balance_rows = ("new_received", "carried_over", "total", "carried_forward")
    for col in range(width):
        if "total" in index and complete:
            total = (index["total"], col)
            parts = tuple((index[k], col, -1) for k in outcome_rows)
            # in the 总计 column each part is itself a row's total
            totals = frozenset({total, *((r, c) for r, c, _ in parts)} if col == 6 else {total})
            eqs.append(("outcome_total", ((*total, 1), *parts), totals))
        if all(k in index for k in balance_rows):
            cells = [(index[k], col) for k in balance_rows]
            # in the 总计 column every cell is a total; elsewhere the (七)总计 cell is
            signs = (1, 1, -1, -1)
            terms = tuple((r, c, s) for (r, c), s in zip(cells, signs, strict=True))
            eqs.append(("balance", terms, frozenset(cells if col == 6 else [cells[2]])))
    return tuple(eqs)


_OUTCOMES: Final = frozenset(OUTCOME_ROWS["2019"]) | frozenset(OUTCOME_ROWS["2021"])


def _outcomes_complete(present: set[str]) -> bool:
    """Whether every outcome row is present (with either form of （六）其他处理)."""
    base = [k for k in OUTCOME_ROWS["2019"] if k != "other_handling"]
    if not all(k in present for k in base):
        return False
    return "other_handling" in present or all(k in present for k in OTHER_HANDLING_2021)


def build_applications(
    drafts: Sequence[TableDraft], template: Template | None, notes: Notes
) -> Applications:
    """Table B: rows keyed by label (or position), cells lined up by the table's sums."""
    if not drafts:
        return Applications((), True)
    has_total = _has_total_column(drafts)
    width = 7 if has_total else 6
    # (before the rows below take their numbers: they cut runs of them apart in place)
    printed = _printed_values(drafts) if has_total else None
    said = notes
    if printed is not None:
        notes = Notes()  # (kept unless the table is read by blocks: see the end)
    runs = _label_runs(drafts, notes)
    if has_total:
        runs = _split_run_together(runs, notes)
    placed = _place_unlabelled(runs, notes)

    # Tolerance here rather than in the grammar, which takes table B's rows in any order:
    # rows are put in template order by their keys, a repeated row keeps its first copy, and
    # missing rows are named below. (An ordered grammar would refuse every reordered file, and
    # optional rows in a fixed order could not also allow repeats without ambiguity.)
    keyed: dict[str, Row] = {}
    for key, row in placed:
        if key in keyed:
            notes.add(
                "duplicate_row",
                "warning",
                msg(
                    "duplicate_row.b_row",
                    key=key,
                    label=labels_text(key),
                    first=keyed[key].line,
                ),
                row.line,
                row.column,
            )
            continue
        keyed[key] = row
    keys = sorted(keyed, key=_ORDER_ALL.index)
    rows = [keyed[k] for k in keys]
    # the columns in the order the header prints them: the rows are read in that order (every
    # sum of table B treats the applicant sub-columns alike) and put in the template's after
    heads = _b_printed_columns(drafts, notes)
    columns = [COLUMN_LABELS[c] for c in heads[:width]]
    order = (
        None if heads == APPLICANT_COLUMNS else [heads.index(c) for c in APPLICANT_COLUMNS[:width]]
    )
    table = _plain_cells(rows, width)
    if table is None:
        outcomes = _solve_rows(rows, width, _b_equations(tuple(keys), width, has_total))
        table = [
            _cells_of(row, outcome, width, columns, _b_row(key), notes, ("B", key), order)
            for key, row, outcome in zip(keys, rows, outcomes, strict=True)
        ]

    built: list[ApplicationRow] = []
    for key, row, cells in zip(keys, rows, table, strict=True):
        _flag_two_numbers(partial(_b_row, key), columns, cells, notes)
        if order is not None:
            cells = [cells[i] for i in order]
        if not has_total:
            cells.append(MISSING)
        else:
            cells = _withhold_unsummed(key, row, cells, notes)
        built.append(ApplicationRow(key, row.label, tuple(cells), row.line, row.column))

    if not has_total:
        first = rows[0] if rows else None
        notes.add(
            "no_total_column",
            "info",
            msg("no_total_column"),
            first.line if first else None,
            first.column if first else None,
        )
    expected = APPLICATION_ROWS[template or "2019"]
    for key in expected:
        if key in keyed:
            continue
        if key == "other_handling" and any(k in keyed for k in OTHER_HANDLING_2021):
            continue
        if key in OTHER_HANDLING_2021 and "other_handling" in keyed:
            continue
        anchor = rows[0] if rows else None
        notes.add(
            "missing_row",
            "warning",
            msg("missing_row", key=key, label=labels_text(key)),
            anchor.line if anchor else None,
            anchor.column if anchor else None,
        )
    if printed is not None:
        by_blocks = None if order is not None else _by_blocks(printed, keyed, built)
        if by_blocks is None:
            said.items.extend(notes.items)
            return Applications(tuple(built), has_total)
        for app in by_blocks:
            message = msg("reading_order.b_blocks", what=_b_row(app.key))
            for line in sorted({c.line for c in app.cells if c.line is not None}):
                said.add("reading_order", "warning", message, line, 1)
        return Applications(tuple(by_blocks), True)
    return Applications(tuple(built), has_total)


def _withhold_unsummed(key: str, row: Row, cells: list[Cell], notes: Notes) -> list[Cell]:
    """A table B row's *cells* (in the template's order, 总计 last), or missing cells where its
    numbers were read by blocks of columns (a ``reading_order`` warning on the row) and do
    not add up as read.

    In such text (default ``pdftotext``) the order of a row's numbers is the order of the
    blocks printed, not of the columns: over the committed conversions and two fresh sets,
    rows that add up as read were right in 2,455 cells of 2,480, rows that do not in 18 of
    63. A row that does not add up says the order is wrong, not which number is whose (as
    :func:`_withhold_disordered` says of table C's groups); its numbers in their places
    would be wrong ones.
    """
    if not any(note[0] == "reading_order" for note in row.notes):
        return cells
    numbers = _counts_of(cells)
    if numbers is None or ends_with_sum(numbers, blank=True):
        return cells
    *parts, total = numbers
    first = next((c for c in cells if c.line is not None), MISSING)
    notes.add(
        "reading_order",
        "error",
        msg(
            "reading_order.b_row",
            what=_b_row(key),
            parts=[str(p or 0) for p in parts],
            sum=sum(p or 0 for p in parts),
            total=total,
        ),
        first.line,
        first.column,
    )
    return [MISSING if c.state == "number" else c for c in cells]


def _printed_values(drafts: Sequence[TableDraft]) -> list[RawCell] | None:
    """The numbers of table B in the order printed, where it is default ``pdftotext`` text
    (rows of numbers one a line: :func:`.blocks.arranged` may cut them into rows); else None."""
    rows = [row for d in drafts for _, row in d.body]
    if not any(row.kind == "stream" for row in rows):
        return None
    # (with the lines of numbers taken for stray digits, in the order printed)
    strays = [c for d in drafts for row in (*d.heads, *rows) for c in row.strays]
    cells = [*(c for row in rows for c in row.values), *strays]
    return sorted((c for c in cells if c.text and not c.filler), key=lambda c: (c.line, c.column))


def _by_blocks(
    printed: list[RawCell],
    keyed: dict[str, Row],
    built: list[ApplicationRow],
) -> list[ApplicationRow] | None:
    """Table B read from its *printed* numbers by :func:`.blocks.arranged`, where the rows
    read otherwise (*built*) left a cell unread, and the arrangement agrees with every number
    they did read; else None."""
    complete = all(c.state != "missing" for r in built for c in r.cells)
    if complete and any(set(keyed) >= set(APPLICATION_ROWS[t]) for t in TEMPLATES):
        return None  # (read in full already)
    # (by how many they are: a report of 2021 may still print the 2019 rows, 其他处理 as one)
    fits = [t for t in TEMPLATES if len(printed) == _B_WIDTH * len(APPLICATION_ROWS[t])]
    if len(fits) != 1:
        return None
    keys = APPLICATION_ROWS[fits[0]]
    table = blocks.arranged(printed, len(keys), _b_equations(keys, _B_WIDTH, True))
    if table is None:
        return None
    cells = {
        key: [make_cell(c.text, c.line, c.column) for c in row]
        for key, row in zip(keys, table, strict=True)
    }
    for row in built:
        for got, cell in zip(cells.get(row.key, ()), row.cells, strict=False):
            if cell.state == "number" and (got.state, got.value) != ("number", cell.value):
                return None  # (a number read in its row is not where the blocks put it)
    out = []
    for key in keys:
        first = cells[key][0]
        label = keyed[key].label if key in keyed else ""
        line = keyed[key].line if key in keyed else first.line
        column = keyed[key].column if key in keyed else first.column
        out.append(ApplicationRow(key, label, tuple(cells[key]), line, column))
    return out


@lru_cache(maxsize=64)
def _b_row(key: str) -> Message:
    # built for every row of every table B, and used only when a note names the row: one per
    # key (a Message is immutable)
    return msg("part.what.b_row", key=key, label=labels_text(key))


def labels_text(key: str) -> str:
    from ..core.keys import ROW_LABELS

    return ROW_LABELS.get(key, key)


@lru_cache(maxsize=64)
def _row_sums(equations: tuple[Equation, ...]) -> dict[int, list[tuple[int, tuple[int, ...]]]]:
    """Each row's own sums (its 总计, or table C's group totals), which cut the splits of
    glued digits.

    The split search reads a total after its parts (see split._search); a header that prints
    a total before them (column_order) leaves its sum to the solver alone.
    """
    local: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
    for _, terms, _ in equations:
        if len({r for r, _, _ in terms}) == 1:
            (total,) = [c for _, c, s in terms if s > 0]
            parts = tuple(c for _, c, s in terms if s < 0)
            if all(part < total for part in parts):
                local.setdefault(terms[0][0], []).append((total, parts))
    return local


def _plain_cells(rows: list[Row], width: int) -> list[list[Cell]] | None:
    """The cells of *rows* when every row has only its plain reading (see
    :func:`~disclosure_parser.parsing.align.plain_cells`), the common case: no realignment to weigh,
    no sums to consult, no note to leave; else None."""
    table: list[list[Cell]] = []
    for row in rows:
        core = plain_cells(row.values, width)
        if core is None or in_pieces(core):
            return None  # (a row printed in pieces may be read in another order: the sums say)
        cells = [make_cell(c.text, c.line, c.column) for c in core]
        for cell in cells:
            if cell.state == "missing":
                return None  # an unreadable cell (cells.UNREADABLE): the sums may derive it
        table.append(cells)
    return table


def _placed(row: Row, width: int) -> bool:
    """Whether *row*'s values were lined up by position (:mod:`.positions`) as it stands:
    every way of it places the row's printed values, all of them, in the table's width."""
    if not row.choices:
        return False
    # (by where they stand: a way may read a printed value as the start of a number the
    # page's edge cut, a copy marked cut, see .page_edge)
    printed = {(c.line, c.column) for c in row.values if c.text}
    return all(
        len(cells) == width and {(c.line, c.column) for c in cells if c.text} == printed
        for cells in row.choices
    )


#: combinations of the ways of reading each page weighed together, at most
_MAX_PAGE_WAYS: Final = 256
#: work spent weighing them, at most (readings checked against an equation, and equations
#: over the combinations tried: the 126 ways of a real two-page table take about 3,000)
_MAX_PAGE_WORK: Final = 50_000


def _by_page(
    rows: list[Row],
    pages: list[list[int]],
    domains: list[list[Candidate]],
    equations: tuple[Equation, ...],
) -> list[list[Candidate]] | None:
    """*domains* with the readings of rows placed by position narrowed to the ways of reading
    their pages that fit the table's sums together (:func:`.solver.fits`): the rows of one
    page are all read one way (the page's columns are the same for each). None where no
    combination fits (a row set on a grid of its own fell into the wrong columns; or the
    report does not add up) or there are too many to weigh: the positions are not to be
    relied on then."""
    sizes = [len(rows[page[0]].placing or ()) for page in pages]
    count = 1
    for size in sizes:
        count *= size
    if not count or count > _MAX_PAGE_WAYS:
        return None
    broken = broken_sums(domains, equations)
    kept: list[tuple[int, ...]] = []
    work = 0
    for ways in itertools.product(*(range(size) for size in sizes)):
        trial = list(domains)
        for page, way in zip(pages, ways, strict=True):
            for i in page:
                trial[i] = placed_readings([(rows[i].choices or [])[way]])
        fit, cost = fits(trial, equations, broken)
        work += cost
        if work > _MAX_PAGE_WORK:
            return None
        if fit:
            kept.append(ways)
    if not kept:
        return None
    out = list(domains)
    for p, page in enumerate(pages):
        for i in page:
            choices = rows[i].choices or []
            out[i] = placed_readings([choices[way] for way in sorted({w[p] for w in kept})])
    return out


def _moved_pieces(chosen: Candidate, printed: list[RawCell]) -> bool:
    """Whether *chosen* reads the printed cells in another order than printed (its lines'
    pieces put in another order: :func:`.align.readings`)."""
    order = [id(s) for s in chosen.sources if isinstance(s, RawCell) and not s.filler]
    position = {id(c): k for k, c in enumerate(printed)}
    seen = [position[k] for k in order if k in position]
    return seen != sorted(seen)


def _solve_rows(rows: list[Row], width: int, equations: tuple[Equation, ...]) -> list[Outcome]:
    local = _row_sums(equations)
    # the glued runs of one table share a budget of steps: garbage in every row costs the
    # table a bounded time, not rows times a row's
    budget = Budget(TABLE_STEPS)
    domains = [
        placed_readings(row.choices or [])
        if _placed(row, width)
        else readings(row.values, width, local.get(i, ()), budget)
        for i, row in enumerate(rows)
    ]
    pages: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        if row.placing is not None and _placed(row, width):
            pages.setdefault(id(row.placing), []).append(i)
    if pages:
        # (the sums are weighed over every row: each needs a reading, if only of unknowns)
        narrowed = _by_page(rows, list(pages.values()), _or_unknown(domains, width), equations)
        if narrowed is None:
            for page in pages.values():
                for i in page:
                    domains[i] = readings(rows[i].values, width, local.get(i, ()), budget)
        else:
            domains = narrowed
    if any(_cut_total(row) for row in rows):
        domains = [_total_at_end(row, d, width) for row, d in zip(rows, domains, strict=True)]
    if all(len(d) == 1 and None not in d[0].values for d in domains):
        # every row reads plainly: nothing to decide
        return [Outcome(d[0], d, (True,) * width) for d in domains]
    # (a row of one line of PDF text printed its cells in order, a blank as nothing: its
    # last number, where it is the sum of the others, is its 总计)
    whole = [row.kind == "plain" for row in rows]
    # (not where the page's edge cut the table: its rows print the first columns only, and
    # those add up to a later one now and then)
    sparse = [i for i, row in enumerate(rows) if whole[i] and not domains[i]]
    if sparse and not any(note[0] == "cut_at_page_edge" for row in rows for note in row.notes):
        for i in sparse:
            domains[i] = sparse_readings(rows[i].values, width, local.get(i, ()))
    # (and its lost cells are blanks, but in default pdftotext text, whose rows' numbers
    # may stand on other lines, or where the page's edge cut the row: the cells past the
    # edge are lost too, not blank)
    streamed = any(row.kind == "stream" for row in rows)
    blanks = [
        whole[i] and not streamed and not any(c.text.startswith(CUT) for c in row.values)
        for i, row in enumerate(rows)
    ]
    return solve(_or_unknown(domains, width), equations, whole, blanks)


def _total_at_end(row: Row, domain: list[Candidate], width: int) -> list[Candidate]:
    """The readings of *row*, of a table B whose 总计 column the page's edge cut, that keep
    its cut 总计 (its first digits, found by arithmetic: :func:`.page_edge.mark_cut_totals`)
    in that column, where any does (the others read a cell lost after it, past the table's
    end); for a row of PDF text with more blanks than :func:`.align.readings` realigns,
    those that read its numbers as its parts, the 总计 cut to its first digits or wholly."""
    printed = [c for c in row.values if c.text]
    if width != _B_WIDTH or not printed:
        return domain
    total = printed[-1] if _cut_total(row) else None
    numbers = counts(c.text for c in printed)
    if total is None and (numbers is None or ends_with_sum(numbers)):
        return domain  # (its last number may be its 总计, whole: short enough to show)
    if not domain and row.kind == "plain":
        return cut_total_readings(printed[:-1] if total else printed, total, width)
    if total is None:
        return domain
    kept = [c for c in domain if c.sources[width - 1] is total]
    return kept or domain


def _cut_total(row: Row) -> bool:
    """Whether *row*'s last number is a 总计 cut by the page's edge (marked unreadable by
    :func:`.page_edge.mark_cut_totals`, its first digits kept)."""
    printed = [c for c in row.values if c.text]
    if not printed:
        return False
    text = printed[-1].text
    return text.startswith(UNREADABLE) and not text.startswith(CUT) and len(text) > 1


def _or_unknown(domains: list[list[Candidate]], width: int) -> list[list[Candidate]]:
    """*domains* with a row too far from the table's width to line up (no reading) read as
    *width* unknown cells."""
    return [d or [Candidate([None] * width, [None] * width, 100)] for d in domains]


def _cells_of(
    row: Row,
    outcome: Outcome,
    width: int,
    columns: list[str],
    what: Message,
    notes: Notes,
    where: tuple[str, str | None] | None = None,
    order: Sequence[int] | None = None,
) -> list[Cell]:
    """The cells of one row of table B (or of table C's run) as the solver decided it;
    *where* is the table and row key its diagnostics' readings name (none without it), and
    *order* the printed column of each template column where the header's order differs."""
    chosen = outcome.chosen
    unprinted_zeros = _unprinted_zeros(row, [chosen]) if chosen is not None else set()
    if chosen is not None and (chosen.loose or unprinted_zeros):
        # the numbers are settled, where its blanks, 0s and marks stand is not: those cells,
        # and those a value was derived for in one such reading and printed in another, are
        # withheld like the cells of a row read in several ways (a 0 worked out for a cell
        # the text left out may be a blank, where another reading has the 0 printed)
        loose = chosen.loose | chosen.drift | unprinted_zeros
        outcome = Outcome(None, [chosen], tuple(col not in loose for col in range(width)))
        chosen = None
    printed = [c for c in row.values if not c.filler]
    moved = chosen is not None and _moved_pieces(chosen, printed)
    if (
        chosen is not None
        and not chosen.derived
        and not chosen.split
        and len(chosen.sources) == len(printed)
        and not moved
    ):
        # the common case: every printed cell read as printed, in its column (at most layout
        # filler left out), which needs no note
        plain: list[Cell] = []
        for s in chosen.sources:
            if not isinstance(s, RawCell) or s.filler or s.glued:
                break
            plain.append(make_cell(s.text, s.line, s.column))
        else:
            return plain
    glued = next((c for c in row.values if c.glued), None)
    if glued is not None and glued.unsplit:
        # whatever the other rows' sums would make of the row, its digits cannot confirm it
        return _unsplit(glued, width, what, notes)
    if chosen is not None:
        unprinted = _prints_no_blank(row, chosen)
        cells = [
            _cell_from(
                src, val, col in chosen.derived, row, split=chosen.split, unprinted=unprinted
            )
            for col, (src, val) in enumerate(zip(chosen.sources, chosen.values, strict=True))
        ]
        if glued is not None:
            if chosen.split:
                shown = "|".join(c.raw for c in cells)
                notes.add(
                    "split_by_sums",
                    "warning",
                    msg("split_by_sums", what=what, digits=glued.text, shown=shown),
                    glued.line,
                    glued.column,
                )
            return cells
        # a reading that drops stray cells, takes cells as lost, or assumes that an empty cell
        # of the layout was a printed blank (a merged label's shadow; filler standing for a
        # total while other filler is left out: see align._candidate) realigns the printed
        # values: say so on the row, so that no realigned value goes unremarked (a row of
        # empty cells has no value to move)
        used = {id(s) for s in chosen.sources if s is not None}
        stray = [c.text for c in row.values if not c.filler and id(c) not in used]
        lost = [columns[c] for c, s in enumerate(chosen.sources) if s is None]
        blanked = [
            columns[c] for c, s in enumerate(chosen.sources) if isinstance(s, RawCell) and s.filler
        ]
        if moved:
            lines = sorted({c.line for c in printed})
            shown = "|".join(c.raw for c in cells)
            message = msg(
                "reading_order.b_pieces", what=what, lines=[str(n) for n in lines], shown=shown
            )
            # on each line a moved number stands on: that is where a reader looks for it
            for line in lines:
                notes.add("reading_order", "warning", message, line, 1)
        if stray or lost or (blanked and printed and chosen.repairs):
            derived = [columns[c] for c in sorted(chosen.derived)]
            unknown = [columns[c] for c, v in enumerate(chosen.values) if v is None]
            detail = msg(
                "ragged_row",
                what=what,
                printed=len(printed),
                width=width,
                stray=msg("ragged_row.stray", cells=stray) if stray else None,
                lost=msg("ragged_row.lost", columns=lost) if lost else None,
                blanked=msg("ragged_row.blanked", columns=blanked) if blanked else None,
                derived=msg("ragged_row.derived", columns=derived) if derived else None,
                unknown=msg("ragged_row.unknown", columns=unknown) if unknown else None,
            )
            notes.add("ragged_row", "warning", detail, row.line, row.column)
            # and on each other line a value of the row was read from (a row printed one
            # number a line, or joined from pieces): a realigned value's line says so too
            # (fresh_200017: default text put row 5.'s 总计 among 6.'s numbers one a line,
            # read as 6.'s under a warning on 6.'s label only)
            for line in sorted({c.line for c in printed} - {row.line}):
                column = min(c.column for c in printed if c.line == line)
                notes.add("ragged_row", "warning", detail, line, column)
        return cells
    alternatives = outcome.alternatives
    unsure: set[int] = set().union(*(a.loose for a in alternatives))
    if unsure:
        unsure |= set().union(*(a.drift for a in alternatives))
    if alternatives:
        unsure |= _unprinted_zeros(row, alternatives)
    cells = []
    withheld = []
    first = alternatives[0] if alternatives else None
    unprinted = first is not None and _prints_no_blank(row, first)
    for col in range(width):
        # (a cell printed blank in some readings and 0 in others is one number to the sums,
        # not one reading: whether it was printed is not known; so is a 0 printed in some
        # readings and worked out in others, for a cell the text left out may be a blank)
        if (
            first is not None
            and outcome.kept[col]
            and len({kinds(a)[col] for a in alternatives}) == 1
            and col not in unsure
        ):
            cells.append(
                _cell_from(
                    first.sources[col],
                    first.values[col],
                    col in first.derived,
                    row,
                    split=first.split,
                    unprinted=unprinted,
                )
            )
        else:
            cells.append(MISSING)
            withheld.append(columns[col])
    described = [_describe(a, columns) for a in alternatives[:4]]
    more = msg("part.more_paren", n=len(alternatives) - 4) if len(alternatives) > 4 else None
    found = () if where is None else _readings(*where, alternatives, row, [False] * width, order)
    if glued is not None:
        notes.add(
            "ambiguous_split",
            "error",
            msg(
                "ambiguous_split",
                what=what,
                digits=glued.text,
                n=len(alternatives),
                readings=described,
                more=more,
                withheld=withheld,
            ),
            glued.line,
            glued.column,
            candidates=found,
        )
        return cells
    shape = {"what": what, "printed": len(printed), "width": width, "withheld": withheld}
    detail = (
        # one reading of the numbers: only where its blanks and 0s stand is undecided
        msg("ambiguous_row.blank", **shape)
        if len(alternatives) == 1
        else msg("ambiguous_row", n=len(alternatives), readings=described, more=more, **shape)
    )
    notes.add("ambiguous_row", "error", detail, row.line, row.column, candidates=found)
    # a cell all readings agree on is kept; where it was read from another line of the row
    # (one number a line, or pieces joined), that line says the row is in doubt too, as a
    # repaired row's lines do: the readings may share a wrong guess about the row's tokens
    kept = [c for c in cells if c is not MISSING and c.line is not None and c.line != row.line]
    for line in sorted({c.line for c in kept if c.line is not None}):
        column = min(c.column or 1 for c in kept if c.line == line)
        notes.add(
            "ambiguous_row",
            "warning",
            msg("ambiguous_row.line", what=what, first=row.line),
            line,
            column,
        )
    return cells


# =============================================================================================
# Table C
# =============================================================================================


_C_TEMPLATE: Final = (REVIEW_OUTCOMES,) * 3


@lru_cache(maxsize=16)
def _c_equations(order: tuple[tuple[str, ...], ...]) -> tuple[Equation, ...]:
    """Each group's 总计 is the sum of its four outcomes, at the places *order* prints them."""
    eqs: list[Equation] = []
    for g, outcomes in enumerate(order):
        total = g * 5 + outcomes.index("total")
        parts = tuple((0, g * 5 + o, -1) for o in range(5) if g * 5 + o != total)
        eqs.append(("review_total", ((0, total, 1), *parts), frozenset({(0, total)})))
    return tuple(eqs)


def _c_printed_order(
    drafts: Sequence[TableDraft], notes: Notes
) -> tuple[tuple[str, ...], ...] | None:
    """The outcomes of each group of table C in the order its header prints them (the
    template's when the header does not name them plainly), read from the header rows up to
    the first row of numbers (whose label holds the header in flattened text).

    A header in another order gets a ``column_order`` warning; one that puts the groups
    themselves in another order (行政诉讼 first) cannot be followed by position, so the
    numbers are withheld with a ``column_order`` error (``None`` is returned).
    """
    rows: list[Row] = []
    for draft in drafts:
        rows.extend(draft.heads)
        for kind, row in draft.body:
            rows.append(row)
            if kind == "C_ROW":
                break
        if rows:
            break
    for row in rows:
        reversed_ = labels.c_groups_reversed(row.folded)
        if reversed_ is not None:
            notes.add(
                "column_order",
                "error",
                msg("column_order.c_groups", first=reversed_[0], second=reversed_[1]),
                row.line,
                row.column,
            )
            return None
    text = "".join(row.folded for row in rows)
    order = labels.c_outcome_order(text)
    if order is None or order == _C_TEMPLATE:
        return _C_TEMPLATE
    where = next((r for r in rows if labels.c_outcome_order(r.folded)), rows[0])
    shown = [
        f"{GROUP_LABELS[g]}：{'、'.join(OUTCOME_LABELS[o] for o in outcomes)}"
        for g, outcomes in zip(REVIEW_GROUPS, order, strict=True)
        if outcomes != REVIEW_OUTCOMES
    ]
    notes.add(
        "column_order",
        "warning",
        msg("column_order.c", orders=shown),
        where.line,
        where.column,
    )
    return order


def _placed_by_sums(
    cells: Sequence[Cell],
    order: tuple[tuple[str, ...], ...],
    placed: list[int],
    notes: Notes,
    anchor: Row,
    header: Diagnostic | None,
) -> list[int]:
    """*placed* (where each template column's number stands in the row as printed, by the
    header's order), except for a group whose numbers add up in the template's order and
    not in the header's: that group is taken in the template's order, and the row says so
    (the header's own warning, *header*, then names only the groups still read by it).

    A header printed a character a line and broken by a page ("结果维持 … 总计" / page 4 /
    "纠 正"; fresh_200025, Chromium's PDF through ``pdftotext -raw``) may seem to name the
    outcomes in another order; its 总计 standing where the sums put it tells otherwise. Any
    other reordering of the row's numbers is said on the row's line too: the cells moved."""
    out = list(placed)
    moved: list[str] = []
    overruled = False
    for g, outcomes in enumerate(order):
        if outcomes == REVIEW_OUTCOMES:
            continue
        group = GROUP_LABELS[REVIEW_GROUPS[g]]
        part = _counts_of(cells[g * 5 : g * 5 + 5])
        by_header = _counts_of([cells[i] for i in placed[g * 5 : g * 5 + 5]])
        if (
            part is not None
            and by_header is not None
            and ends_with_sum(part)
            and not ends_with_sum(by_header)
        ):
            out[g * 5 : g * 5 + 5] = range(g * 5, g * 5 + 5)
            overruled = True
            said = msg("column_order.c_sums", group=group)
            notes.add("column_order", "warning", said, anchor.line, anchor.column)
        else:
            moved.append(f"{group}：{'、'.join(OUTCOME_LABELS[o] for o in outcomes)}")
    if overruled and header is not None and header in notes.items:
        # the header's warning (*header*, from _c_printed_order) names only the groups read
        # by the header's order
        notes.items.remove(header)
        if moved:
            said = msg("column_order.c", orders=moved)
            notes.add("column_order", "warning", said, header.line, header.column)
    if moved:
        said = msg("column_order.c", orders=moved)
        notes.add("column_order", "warning", said, anchor.line, anchor.column)
    return out


def _withhold_disordered(cells: list[Cell], notes: Notes) -> list[Cell]:
    """Table C's *cells* (in the template's order) read by blocks of columns, with each group
    whose numbers do not add up as read withheld.

    The blocks of such text come in any order (``pdftotext`` in its default mode: "72 64 178
    37" / "12 1 1 6" / "351" …), so a group that does not add up says that the order read is
    not the columns' order far more likely than that the report is wrong; its numbers, each
    one printed somewhere in the table, would be wrong ones in their places. A group that adds
    up keeps its cells, under the ``reading_order`` warning on each number's line.
    """
    out = list(cells)
    for g, key in enumerate(REVIEW_GROUPS):
        part = cells[g * 5 : g * 5 + 5]
        numbers = _counts_of(part)
        if numbers is None or ends_with_sum(numbers, blank=True):
            continue
        *parts, total = numbers
        out[g * 5 : g * 5 + 5] = [MISSING] * 5
        first = next((c for c in part if c.line is not None), MISSING)
        notes.add(
            "reading_order",
            "error",
            msg(
                "reading_order.c_group",
                group=GROUP_LABELS[key],
                parts=[str(p or 0) for p in parts],
                sum=sum(p or 0 for p in parts),
                total=total,
            ),
            first.line,
            first.column,
        )
    return out


def _counts_of(cells: Sequence[Cell]) -> list[int | None] | None:
    """The counts of *cells* as :func:`~.cells.counts` gives them (None for a blank or a
    mark); None when a cell is missing, text, or not a whole number."""
    out: list[int | None] = []
    for cell in cells:
        if cell.state in ("blank", "na"):
            out.append(None)
        elif cell.state == "number" and cell.unit is None and cell.value == int(cell.value or 0):
            out.append(int(cell.value or 0))
        else:
            return None
    return out


def build_reviews(drafts: Sequence[TableDraft], notes: Notes) -> Reviews:
    """Table C: the 15 numbers, lined up by the group totals when a cell is lost or extra."""
    value_rows = [row for d in drafts for kind, row in d.body if kind == "C_ROW"]
    if not value_rows:
        if drafts:
            head = drafts[0].heads[0] if drafts[0].heads else None
            notes.add(
                "missing_values",
                "error",
                msg("missing_values"),
                head.line if head else None,
                head.column if head else None,
            )
        return Reviews(())
    anchor = value_rows[0]
    # Tolerance here rather than in the grammar: the 15 numbers may come on one row or spread
    # over several (one cell per line, PDF text), so the value rows are joined and the groups
    # cut by position (and by their sums where cells are glued or lost).
    values: list[RawCell] = []
    for row in value_rows:
        values.extend(row.values)
    # rows after the first 15 numbers are a second copy or noise
    width = len(REVIEW_GROUPS) * len(REVIEW_OUTCOMES)
    merged = Row.__new__(Row)
    merged.kind, merged.cells, merged.labels, merged.values = "C", values, [], values
    merged.label, merged.folded, merged.key = "", "", None
    merged.line, merged.column = anchor.line, anchor.column
    merged.choices = merged.placing = merged.columns = None
    merged.notes, merged.strays = [], []
    before = len(notes.items)
    order = _c_printed_order(drafts, notes)
    header = next((d for d in notes.items[before:] if d.code == "column_order"), None)
    if order == _C_TEMPLATE and len(value_rows) == 1:
        # the ways its values' positions allow (.review_positions; pdftotext's layout)
        merged.choices = anchor.choices
    if order is None:
        return Reviews(
            tuple(
                ReviewGroup(key, (MISSING,) * 5, anchor.line, anchor.column)
                for key in REVIEW_GROUPS
            )
        )
    # named in the report's words, as messages name table C's cells elsewhere
    columns = [
        f"{GROUP_LABELS[g]} {OUTCOME_LABELS[o]}"
        for g, outcomes in zip(REVIEW_GROUPS, order, strict=True)
        for o in outcomes
    ]
    placed = (
        None
        if order == _C_TEMPLATE
        else [
            g * 5 + outcomes.index(o) for g, outcomes in enumerate(order) for o in REVIEW_OUTCOMES
        ]
    )
    plain = _plain_cells([merged], width)
    if plain is not None:
        cells = plain[0]
    else:
        outcome = _solve_rows([merged], width, _c_equations(order))[0]
        cells = _cells_of(
            merged, outcome, width, columns, msg("part.what.c"), notes, ("C", None), placed
        )
    _flag_two_numbers(partial(msg, "part.what.c"), columns, cells, notes)
    if placed is not None:
        placed = _placed_by_sums(cells, order, placed, notes, anchor, header)
        cells = [cells[i] for i in placed]  # read in the header's order, put in the template's
    if any(note[0] == "reading_order" for row in value_rows for note in row.notes):
        cells = _withhold_disordered(cells, notes)
    groups = []
    for g, key in enumerate(REVIEW_GROUPS):
        part = cells[g * 5 : g * 5 + 5]
        first = next((c for c in part if c.line is not None), None)
        groups.append(
            ReviewGroup(
                key,
                tuple(part),
                first.line if first else anchor.line,
                first.column if first else anchor.column,
            )
        )
    return Reviews(tuple(groups))
