"""Writing a Report back as report text, in each layout the parser reads.

``render(report, layout)`` gives text that :func:`disclosure_parser.parse` reads back to the
same numbers, cell states, organisation, year and template. Optional *noise* adds, on purpose,
the damage real files carry (spaced header characters, wrapped labels, junk lines …), so that
property tests can check the parser against it; see :data:`NOISES`.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

from ..core.keys import (
    APPLICANTS,
    CHINESE_NUMERALS,
    COLUMN_LABELS,
    GROUP_LABELS,
    ITEMS,
    OUTCOME_LABELS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
    ROW_GROUPS,
    ROW_LABELS,
    SECTION_TITLES,
)
from ..core.model import Cell, Report, is_amount
from ..parsing.cells import make_cell

#: the layouts the parser reads and :func:`render` writes (SPEC §2); in ``flattened`` text (a
#: crawled page) cell boundaries are lost, so only a table's sums can split its numbers again
LAYOUTS: Final = ("tab", "cells", "markdown", "markdown-pipe", "flattened")

#: the kinds of real-world damage :func:`render` can add (each may be switched on alone)
NOISES: Final = (
    "spaced_headers",  # header words printed with spaces: 结 果 维 持
    "wrapped_labels",  # long row labels broken over two lines
    "fullwidth_digits",  # ０１２ instead of 012
    "numbering",  # (一) / （一） / 一、 and 1. / 1、 / １．variants of the official numbering
    "lost_leading_cells",  # tab rows that lost their leading empty cells
    "junk_lines",  # 附件:, [bookmark: _GoBack], a page marker
    "split_title",  # the title over two lines
    "markdown_decoration",  # ## headings and **bold** labels
    # what text copied out of PDFs does to a row (tab and markdown layouts):
    "wrapped_around_number",  # a label wrapped around its row's first number (申 / 14 / 请数量)
    "one_char_headers",  # a narrow header cell printed a character a line (结 / 果 / 维 / 持)
    "page_break_in_row",  # a row's label at the foot of a page, its numbers on the next
)
#: the layouts whose rows are lines of tab-separated cells (the PDF-text noises apply there)
_LINE_LAYOUTS: Final = ("tab", "markdown")
#: a row of a table given as a line printed as is (PDF-text noise), not as cells
_LINE: Final = -1

_B_HEAD_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
#: what a missing cell prints as (words, so it reads back as a text cell, never as a number)
MISSING_TEXT = "（未填）"
_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


class _Writer:
    """Turns rows of cells into the lines of one layout, applying the chosen noise."""

    def __init__(self, layout: str, noise: frozenset[str], rng: random.Random) -> None:
        if layout not in LAYOUTS:
            raise ValueError(f"unknown layout {layout!r}; expected one of {', '.join(LAYOUTS)}")
        unknown = noise - set(NOISES)
        if unknown:
            raise ValueError(
                f"unknown noise {', '.join(sorted(unknown))}; expected some of {', '.join(NOISES)}"
            )
        self.layout = layout
        self.noise = noise
        self.rng = rng
        self.lines: list[str] = []
        #: flattened layout: everything after the title, glued into one line
        self.flat: list[str] = []

    # -- prose --------------------------------------------------------------------------------

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def heading(self, text: str) -> None:
        if self.layout == "flattened":
            self.flat.append(text + self.rng.choice(["", "", " "]))
            return
        self.blank()
        markdown = self.layout.startswith("markdown") or "markdown_decoration" in self.noise
        if "junk_lines" in self.noise and self.rng.random() < 0.2:
            text = "[bookmark: _GoBack]" + text
        self.lines.append(f"## {text}" if markdown else text)
        self.blank()

    def paragraph(self, text: str) -> None:
        if self.layout == "flattened" and self.lines:
            self.flat.append(text)
            return
        self.lines.append(text)

    # -- tables -------------------------------------------------------------------------------

    def table(self, rows: Sequence[tuple[int, list[str]]]) -> None:
        """Write table rows; each row is (number of leading label cells, cells)."""
        if self.layout == "flattened":
            for labels, cells in rows:
                # the page lost every cell boundary, but now and then kept a space
                values = [c.replace("\n", "") for c in cells[labels:]]
                glue = [self.rng.choice(["", "", "", " "]) for _ in values]
                label = "".join(c.replace("\n", "") for c in cells[:labels])
                self.flat.append(label + "".join(g + v for g, v in zip(glue, values, strict=True)))
            return
        self.blank()
        if self.layout == "cells":
            for _, cells in rows:
                for cell in cells:
                    self._cell_line(cell)
                self.lines.append("")
            return
        if self.layout == "markdown-pipe":
            width = max(len(cells) for _, cells in rows)
            for i, (_, cells) in enumerate(rows):
                padded = [*cells, *([""] * (width - len(cells)))]
                self.lines.append("| " + " | ".join(c.replace("\n", "") for c in padded) + " |")
                if i == 0:
                    self.lines.append("|" + "---|" * width)
            self.blank()
            return
        for labels, cells in rows:
            if labels == _LINE:
                self.lines.extend(cells)
                continue
            if "lost_leading_cells" in self.noise and self.rng.random() < 0.3:
                while len(cells) > 1 and cells[0] == "" and labels > 0:
                    cells = cells[1:]
                    labels -= 1
            self.lines.extend("\t".join(cells).split("\n"))
        self.blank()

    def _cell_line(self, cell: str) -> None:
        first, *rest = cell.split("\n")
        self.lines.append("\t" + first)
        self.lines.extend(rest)

    # -- cell text ----------------------------------------------------------------------------

    def value(self, cell: Cell, amount: bool = False) -> str:
        """The printed text of a value cell (in an amount column when *amount*)."""
        if cell.state == "number":
            text = _format_number(cell)
        elif cell.state in ("na", "text"):
            text = self._kept(cell, amount)
        elif cell.state == "missing":
            # an empty cell reads back as blank, which counts as 0: a cell the report does not
            # give prints as words, read back as text and withheld like it
            text = MISSING_TEXT
        else:
            # a blank cell prints as an empty cell; a one-cell-per-line layout needs the tab
            # alone, the others an empty field
            text = ""
        if "fullwidth_digits" in self.noise and cell.state == "number":
            text = text.translate(_DIGITS)
        return text

    def _kept(self, cell: Cell, amount: bool) -> str:
        """The text of an na or text cell as printed: its raw text, in one piece (no tab, line
        break or pipe to cut it), when that reads back as the same state, else a stand-in that
        does (a text cell printed "5" would read back as the number 5, from a Report built by
        hand or from damaged data; in flattened text, any digit of it would)."""
        text = " ".join(cell.raw.split())
        if self.layout == "markdown-pipe":
            text = text.replace("|", "｜")
        if self.layout == "flattened" and any(ch.isdigit() for ch in text):
            # flattened text has no cell borders: a digit in a text cell ("1 2") runs into the
            # numbers beside it and reads back as other numbers
            text = ""
        if not text or make_cell(text, 0, 0, amount=amount).state != cell.state:
            # "—" is an na mark, so a text cell needs words of its own
            text = "/" if cell.state == "na" else "（文字）"
        return text

    def values(self, cells: Sequence[Cell], amounts: Sequence[bool] | None = None) -> list[str]:
        """The printed values of a labelled row (*amounts*: which columns hold amounts; none
        when None).

        An empty field right after a row label reads as the shadow of a merged label cell, so
        a blank cell there is printed as a no-break space, as HTML-derived text prints it.
        """
        flags = amounts if amounts is not None else [False] * len(cells)
        out = [self.value(c, amount) for c, amount in zip(cells, flags, strict=False)]
        if out and out[0] == "" and self.layout != "cells":
            out[0] = "\u00a0"
        return out

    def label(self, text: str) -> str:
        """A row label, possibly renumbered, decorated or wrapped."""
        if "numbering" in self.noise:
            text = _renumber(text, self.rng)
        if "markdown_decoration" in self.noise and self.rng.random() < 0.3:
            text = f"**{text}**"
        if (
            "wrapped_labels" in self.noise
            and self.layout != "markdown-pipe"
            and len(text) > 12
            and self.rng.random() < 0.5
        ):
            cut = self.rng.randrange(6, len(text) - 4)
            if text[cut - 1] not in "*（(" and text[cut] not in "*）)":
                text = text[:cut] + "\n" + text[cut:]
        return text

    def header(self, text: str) -> str:
        """A header word, possibly spaced out."""
        if "spaced_headers" in self.noise and text and self.rng.random() < 0.5:
            return " ".join(text)
        return text


def _format_number(cell: Cell) -> str:
    value = cell.value
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    if cell.unit:
        text = f"{text} {cell.unit}"
    return text


def _renumber(text: str, rng: random.Random) -> str:
    """Swap the official numbering of a label for a variant real reports use."""
    if text.startswith("（") and "）" in text[:4]:
        end = text.index("）")
        numeral = text[1:end]
        style = rng.choice(["(x)", "(x) ", "x、", "（x）"])
        return style.replace("x", numeral) + text[end + 1 :]
    if text[:1].isdigit() and text[1:2] == ".":
        style = rng.choice(["x.", "x、", "x. ", "x．"])
        return style.replace("x", text[0]) + text[2:]
    return text


# ---------------------------------------------------------------------------------------------


def render(
    report: Report,
    layout: str = "tab",
    *,
    noise: Iterable[str] = (),
    seed: int = 0,
) -> str:
    """Write *report* as report text in *layout* (one of :data:`LAYOUTS`).

    ``parse(render(report, layout))`` gives back the report's numbers, cell states,
    organisation, year and template. *noise* names kinds of real-world damage to add (see
    :data:`NOISES`); *seed* makes the choice of which rows to damage repeatable.

    >>> import disclosure_parser as dp
    >>> report = dp.parse_file("examples/reports/003.txt")
    >>> again = dp.parse(dp.render(report, "markdown-pipe"))
    >>> again.applications.get("granted", "total"), again.active_disclosure.get("licensing", 1)
    (5, -233)
    """
    w = _Writer(layout, frozenset(noise), random.Random(seed))
    _title(w, report)
    sections = {s.number: s for s in report.sections}
    for number in range(1, 7):
        section = sections.get(number)
        numeral = CHINESE_NUMERALS[number - 1]
        w.heading(f"{numeral}、{SECTION_TITLES[number]}")
        if section is not None:
            for line in section.text.split("\n"):
                if line.strip():
                    w.paragraph(line)
        if number == 2 and report.active_disclosure:
            _table_a(w, report)
        elif number == 3 and report.applications:
            _table_b(w, report)
        elif number == 4 and report.reviews:
            _table_c(w, report)
    if w.flat:
        w.lines.append("".join(w.flat))
    return "\n".join(w.lines).rstrip("\n") + "\n"


def _title(w: _Writer, report: Report) -> None:
    if "junk_lines" in w.noise:
        w.paragraph("附件:")
        w.blank()
    org = report.organization or ""
    year = f"{report.year}年" if report.year is not None else ""
    title = f"{org}{year}政府信息公开工作年度报告"
    if "split_title" in w.noise and org:
        w.paragraph(org)
        w.paragraph(f"{year}政府信息公开工作年度报告")
    else:
        w.paragraph(title)
    if report.year is not None and not year:
        w.paragraph(f"本报告统计期限自{report.year}年1月1日起至{report.year}年12月31日止。")


def _table_a(w: _Writer, report: Report) -> None:
    rows: list[tuple[int, list[str]]] = []
    clause: str | None = None
    columns: tuple[str, ...] | None = None
    for item in report.active_disclosure:
        if item.clause != clause:
            clause = item.clause
            rows.append((0, [f"第二十条第（{clause}）项"]))
            columns = None
        if item.columns != columns:
            columns = item.columns
            rows.append((0, ["信息内容", *(w.header(c) for c in columns)]))
        amounts = [is_amount(c) for c in item.columns]
        rows.append((1, [w.label(ITEMS[item.key][1]), *w.values(item.cells, amounts)]))
    w.table(rows)


def _table_b(w: _Writer, report: Report) -> None:
    apps = report.applications
    width = 7 if apps.has_total_column else 6
    total = [w.header("总计")] if apps.has_total_column else []
    rows: list[tuple[int, list[str]]] = [
        (0, [_B_HEAD_NOTE, "", w.header("申请人情况")]),
        (0, ["", "", w.header("自然人"), w.header("法人或其他组织"), "", "", "", "", *total]),
        (
            0,
            [
                "",
                "",
                "",
                *(w.header(COLUMN_LABELS[c]) for c in APPLICANTS[1:]),
            ],
        ),
    ]
    seen_groups: set[str] = set()
    lines = w.layout in _LINE_LAYOUTS
    for row in apps:
        values = w.values(row.cells[:width])
        label = ROW_LABELS[row.key]
        if row.key in ("new_received", "carried_over", "carried_forward"):
            if lines and "wrapped_around_number" in w.noise and w.rng.random() < 0.5:
                rows.extend(_wrapped_around_number(w, label, values))
                continue
            count, labelled = 1, [w.label(label), ""]
        else:
            group = ROW_GROUPS.get(row.key, "")
            if group in seen_groups:
                group = ""
            seen_groups.add(group)
            count, labelled = 2, [w.label(group), w.label(label)]
        numbers = any(c.state == "number" for c in row.cells[:width])
        if lines and numbers and "page_break_in_row" in w.noise and w.rng.random() < 0.2:
            # the label's part of the row ends a page (its cells empty), a page number, and
            # the row's numbers under empty label cells on the next page
            rows.append((count, [*labelled, *([""] * len(values))]))
            rows.append((_LINE, [f"- {w.rng.randint(2, 9)} -"]))
            rows.append((count, ["", "", *values]))
            continue
        rows.append((count, [*labelled, *values]))
    w.table(rows)


def _wrapped_around_number(
    w: _Writer, label: str, values: list[str]
) -> list[tuple[int, list[str]]]:
    """A row whose label wrapped over two lines with the row's first number printed between
    them, as PDF text gives a label cell centred beside its row (一、本年新收政府信息公开申 /
    14 / 请数量 0 0 0 0 0 14); a blank first cell has nothing to print there."""
    if not values or not values[0].strip() or len(label) < 10:
        return [(1, [w.label(label), "", *values])]
    cut = w.rng.randrange(6, len(label) - 2)
    return [
        (_LINE, [label[:cut]]),
        (_LINE, [values[0]]),
        (1, [label[cut:], "", *values[1:]]),
    ]


def _table_c(w: _Writer, report: Report) -> None:
    outcomes = [w.header(OUTCOME_LABELS[o]) for o in REVIEW_OUTCOMES]
    first = list(outcomes)
    vertical: list[tuple[int, list[str]]] = []
    if w.layout in _LINE_LAYOUTS and "one_char_headers" in w.noise:
        # the narrow first header cell printed a character a line before its row
        vertical = [(_LINE, list(OUTCOME_LABELS[REVIEW_OUTCOMES[0]]))]
        first[0] = ""
    rows: list[tuple[int, list[str]]] = [
        (0, [w.header(GROUP_LABELS["review"]), "", "", "", "", w.header("行政诉讼")]),
        *vertical,
        (
            0,
            [
                *first,
                w.header(GROUP_LABELS["direct_suit"]),
                "",
                "",
                "",
                "",
                w.header(GROUP_LABELS["post_review_suit"]),
            ],
        ),
        (0, ["", "", "", "", "", *outcomes, *outcomes]),
    ]
    values: list[str] = []
    for key in REVIEW_GROUPS:
        group = report.reviews.group(key)
        cells = group.cells if group is not None else (Cell("missing"),) * 5
        values.extend(w.value(c) for c in cells)
    rows.append((0, values))
    w.table(rows)
