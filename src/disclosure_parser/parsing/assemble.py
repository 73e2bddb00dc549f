"""From the grammar's drafts to a :class:`~disclosure_parser.Report`.

Title, organisation and year; the sections with their narrative; the template, decided from
the table headers; the three tables; and the structural diagnostics (missing tables, shifted
headings, reports from before the 2019 template).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ..core.keys import SECTION_TITLES, Template
from ..core.messages import msg
from ..core.model import Report, Section, Span, TextLine
from . import labels
from .drafts import SectionDraft, TableDraft
from .evidence import settle
from .lexer import Row, Token
from .tables import Notes, build_active_disclosure, build_applications, build_reviews

_STAT_YEAR: Final = re.compile(
    r"统计(?:期限|周期|时限|区间|时间|范围)?(?:为|是|自|从)?\s*((?:19|20)\d\d)\s*年"
)
_ANY_YEAR: Final = re.compile(r"((?:19|20)\d\d)\s*年")
_PLACE: Final = re.compile(r"(?:镇|乡|街道|县|区|市|州|盟|旗|办事处)$")
_NUMERALS: Final = "一二三四五六七八九十"


def _clean(text: str) -> str:
    """*text* without markdown decoration: leading ``#``, ``*`` and spaces, trailing ``*`` and
    spaces, and ``**`` anywhere (as ``re.sub(r"^[#*\\s]+|[*\\s]+$|\\*\\*", "", text)``, which
    is quadratic in a long run of spaces inside the text).

    >>> _clean("### **一、总体情况** "), _clean("a** b***")
    ('一、总体情况', 'a b')
    """
    start, end = 0, len(text)
    while start < end and (text[start] in "#*" or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] == "*" or text[end - 1].isspace()):
        end -= 1
    return text[start:end].replace("**", "")


def assemble(drafts: Sequence[SectionDraft], text: str, notes: Notes) -> Report:
    """The Report for *text*, whose parse gave *drafts*."""
    title_row: Row | None = None
    tables: dict[str, list[TableDraft]] = {"A": [], "B": [], "C": []}
    sections: list[Section] = []
    seen_numbers: dict[int, Section] = {}
    for draft in drafts:
        lines: list[TextLine] = []
        end: tuple[int, int] | None = None
        for part in draft.parts:
            if isinstance(part, TableDraft):
                tables[part.kind].append(part)
                last = (part.body[-1][1] if part.body else None) or (
                    part.heads[-1] if part.heads else None
                )
                if last is None and part.blocks:
                    block = part.blocks[-1]
                    last = block.rows[-1] if block.rows else block.clause
                if last is not None:
                    end = (last.line, last.column)
                continue
            assert isinstance(part, Token)
            row: Row = part.value
            if part.type == "TITLE":
                if title_row is None:
                    title_row = row
                continue
            lines.append(TextLine(row.label, row.line, row.column))
            end = (row.line, row.column + max(len(row.label) - 1, 0))
        if draft.heading is None:
            continue
        heading: Row = draft.heading.value
        number = draft.number
        start = (heading.line, heading.column)
        if end is None:
            end = (heading.line, heading.column + max(len(heading.label) - 1, 0))
        printed = labels.printed_number(heading.folded)
        section = Section(
            number=number,
            title=_clean(heading.label),
            text="\n".join(line.text for line in lines),
            span=Span(start[0], start[1], end[0], end[1]),
            printed_number=printed,
            lines=tuple(lines),
        )
        if number in seen_numbers:
            notes.add(
                "duplicate_section",
                "info",
                msg(
                    "duplicate_section",
                    title=section.title,
                    number=number,
                    first=seen_numbers[number].span.line,
                ),
                heading.line,
                heading.column,
            )
        else:
            seen_numbers[number] = section
        if printed is not None and printed in _NUMERALS and _NUMERALS.index(printed) + 1 != number:
            notes.add(
                "shifted_heading",
                "info",
                msg(
                    "shifted_heading",
                    title=section.title,
                    printed=printed,
                    number=number,
                    section=SECTION_TITLES[number],
                ),
                heading.line,
                heading.column,
            )
        sections.append(section)

    title = _clean(title_row.label) if title_row is not None else None
    organization, year = (None, None)
    if title_row is not None:
        organization, year = labels.organization_from_title(title_row.folded)
    if organization is not None and _PLACE.search(organization):
        # a township titled by its name alone: use the body's full name where the text gives it
        fuller = organization + "人民政府"
        if fuller in text:
            organization = fuller
    if title_row is None:
        # said aloud: an organisation guessed from some other line would be a sentence's
        # fragment; a report without one is better told apart
        notes.add("no_title", "warning", msg("no_title"))
    elif organization is None:
        notes.add(
            "no_organization",
            "warning",
            msg("no_organization", title=title),
            title_row.line,
            title_row.column,
        )
    if year is None:
        year = _year_from_text(text, sections)
        if year is not None:
            notes.add("year_from_text", "info", msg("year_from_text", year=year))

    _row_notes(tables, notes)
    template = _template(tables, notes)
    active = build_active_disclosure(tables["A"], template, notes)
    applications = build_applications(tables["B"], template, notes)
    reviews = build_reviews(tables["C"], notes)
    _structure_notes(sections, tables, year, notes, title_row)

    diagnostics = tuple(
        sorted(notes.items, key=lambda d: (d.line if d.line is not None else 0, d.column or 0))
    )
    report = Report(
        organization=organization,
        year=year,
        title=title,
        template=template,
        sections=tuple(sections),
        active_disclosure=active,
        applications=applications,
        reviews=reviews,
        diagnostics=diagnostics,
    )
    # cells the tables' digits left ambiguous, settled where the narrative states them
    return settle(report, notes)


def _row_notes(tables: dict[str, list[TableDraft]], notes: Notes) -> None:
    """What the lexer noted on table rows (``Row.notes``), and a warning on each number read
    out of a cell that a text dump filled past its width with its neighbour's words, or on
    each cell of cut words read as no number (``RawCell.cut``): the reading is a repair, and
    says so."""
    rows: list[Row] = []
    for drafts in tables.values():
        for draft in drafts:
            rows.extend(row for _, row in draft.body)
            for block in draft.blocks:
                rows.extend(block.rows)
    for row in rows:
        for code, severity, message, line, column in row.notes:
            notes.add(code, severity, message, line, column)
        for cell in row.values:
            if cell.cut:
                code = "cut_cell" if cell.text else "cut_cell_word"
                message = (
                    msg(code, printed=cell.cut, read=cell.text)
                    if cell.text
                    else msg(code, printed=cell.cut)
                )
                notes.add(code, "warning", message, cell.line, cell.column)


def _year_from_text(text: str, sections: list[Section]) -> int | None:
    m = _STAT_YEAR.search(text)
    if m:
        return int(m.group(1))
    first = sections[0].text if sections else text[:2000]
    m = _ANY_YEAR.search(first)
    return int(m.group(1)) if m else None


def _template(tables: dict[str, list[TableDraft]], notes: Notes) -> Template | None:
    """The official template the table headers follow; both at once is a template_mix."""
    votes: dict[str, list[Row]] = {"2019": [], "2021": []}
    for draft in tables["A"]:
        for block in draft.blocks:
            for head in block.heads:
                for _, _, template, _ in labels.a_columns(head.folded):
                    if template is not None:
                        votes[template].append(head)
            for row in block.rows:
                if row.key in ("other_services", "procurement"):
                    votes["2019"].append(row)
    for draft in tables["B"]:
        for kind, row in draft.body:
            if kind == "B_ROW" and row.key is not None and row.key.startswith("other_handling."):
                votes["2021"].append(row)
    n19, n21 = len(votes["2019"]), len(votes["2021"])
    if not n19 and not n21:
        return None
    winner: Template = "2021" if n21 >= n19 else "2019"
    if n19 and n21:
        loser = "2019" if winner == "2021" else "2021"
        where = votes[loser][0]
        notes.add(
            "template_mix",
            "warning",
            msg("template_mix.headers", winner=winner, label=where.label, loser=loser),
            where.line,
            where.column,
        )
    return winner


def _structure_notes(
    sections: list[Section],
    tables: dict[str, list[TableDraft]],
    year: int | None,
    notes: Notes,
    title_row: Row | None,
) -> None:
    names = {
        "A": "二、主动公开政府信息情况",
        "B": "三、收到和处理政府信息公开申请情况",
        "C": "四、行政复议、行政诉讼情况",
    }
    missing = [k for k in "ABC" if not tables[k]]
    if len(missing) == 3 and year is not None and year < 2019:
        notes.add(
            "pre_2019_format",
            "error",
            msg("pre_2019_format", year=year),
            title_row.line if title_row else None,
            title_row.column if title_row else None,
        )
        return
    for k in missing:
        notes.add("missing_table", "error", msg("missing_table.not_found", table=k, title=names[k]))
    present = {s.number for s in sections}
    for number in range(1, 7):
        if number not in present and sections:
            notes.add(
                "missing_section",
                "info",
                msg("missing_section", number=number, title=SECTION_TITLES[number]),
            )
