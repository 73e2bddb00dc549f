"""Where a diagnostic or a finding points, in terms a reader of the original file can follow.

The parser works on text, so its positions are lines and columns of that text. For a report
read from a web page, a Word file or a PDF that text was made by the reader, and its line 58
means nothing to someone holding the PDF. Every table cell read from such a file knows where
it was printed (:class:`~disclosure_parser.Origin`: page, table, row); :class:`Places` uses them
to say "第4页 表6 第4行" instead of "58:10". A position on a line without cells (a paragraph
of a PDF) gets the page that the cells printed before and after it share, when they agree.

>>> import disclosure_parser as dp
>>> report = dp.parse_file("tests/fixtures/seed_003.pdf")
>>> cell = report.applications.cell("granted", "natural_person")
>>> places = Places(report)
>>> places.where(cell.line, cell.column, language="zh")
'第2页 表6 第6行'
>>> places.where(cell.line, cell.column, language="en")
'page 2, table 6, row 6'
>>> Places(dp.parse_file("examples/reports/003.txt")).where(128, 2)
'128:2'

In a web page or a Word file, a paragraph has no place but its words:

>>> page = dp.html_to_text("<p>某镇人民政府2021年政府信息公开工作年度报告</p><p>一、总体情况</p>"
...     "<table><tr><td>行政复议</td><td>行政诉讼</td></tr><tr>" + "<td>0</td>" * 15
...     + "</tr></table>").parse()
>>> Places(page).where(2, 1), Places(page).where(4, 1, language="zh")
('', '表1 第2行')
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from .messages import Message, msg
from .model import Cell, Origin, Report

#: formats whose origins name pages
_PAGED = frozenset({"pdf"})


def table_cells(report: Report) -> Iterator[Cell]:
    """Every cell of *report*'s tables A, B and C, in that order."""
    for item in report.active_disclosure.items:
        yield from item.cells
    for row in report.applications.rows:
        yield from row.cells
    for group in report.reviews.groups:
        yield from group.cells


class Places:
    """The positions of one report: line and column of its text, or, for a report read from
    an HTML, Word or PDF file, the page, table and row of that file."""

    __slots__ = ("_by_line", "_lines", "_pages", "format")

    def __init__(self, report: Report) -> None:
        by_line: dict[int, list[tuple[int, Origin]]] = {}
        for cell in table_cells(report):
            if cell.origin is not None and cell.line is not None:
                by_line.setdefault(cell.line, []).append((cell.column or 0, cell.origin))
        for found in by_line.values():
            found.sort(key=lambda pair: pair[0])
        self._by_line = by_line
        self.format: str | None = None
        pages: list[tuple[int, int]] = []
        for line in sorted(by_line):
            origin = by_line[line][0][1]
            self.format = self.format or origin.format
            if origin.page is not None:
                pages.append((line, origin.page))
        self._lines = [line for line, _ in pages]
        self._pages = [page for _, page in pages]

    def origin(self, line: int | None, column: int | None = None) -> Origin | None:
        """Where (*line*, *column*) of the parsed text was printed in the file: the origin of
        the cell there (or of another cell of the same row), else, in a PDF, the page the
        cells around it share; None for text that was read as text."""
        if line is None:
            return None
        found = self._by_line.get(line)
        if found:
            for at, origin in found:
                if at == column:
                    return origin
            return found[0][1]
        pages = self.pages(line)
        if pages is not None and pages[0] == pages[1] and self.format is not None:
            return Origin(self.format, page=pages[0])
        return None

    def pages(self, line: int) -> tuple[int, int] | None:
        """The first and last page *line* may stand on in a PDF, judged by the pages of the
        cells printed before and after it; None when nothing tells."""
        if self.format not in _PAGED or not self._lines:
            return None
        i = bisect.bisect_left(self._lines, line)
        after = self._pages[i] if i < len(self._pages) else None
        before = self._pages[i - 1] if i > 0 else None
        if before is None:
            return (1, after) if after is not None else None
        if after is None:
            return None  # after the last table: the report may run on for pages
        return before, after

    def message(
        self, line: int | None, column: int | None = None, origin: Origin | None = None
    ) -> Message | None:
        """:meth:`where` as a message, for rendering in any language; None when there is no
        position."""
        origin = origin or self.origin(line, column)
        printed = where_printed(origin) if origin is not None else None
        if printed is not None:
            return printed
        if line is None:
            return None
        pages = self.pages(line)
        if pages is not None:
            first, last = pages
            if first == last:
                return msg("where.page", page=first)
            return msg("where.pages", first=first, last=last)
        if self.format is not None:
            # a paragraph of a web page or Word file: a line of text the reader wrote means
            # nothing in the file (the message quotes the words, which can be searched for)
            return None
        return msg("where.line", line=line, column=column if column is not None else 1)

    def where(
        self,
        line: int | None,
        column: int | None = None,
        origin: Origin | None = None,
        language: str | None = None,
    ) -> str:
        """The position as its reader finds it: ``第2页 表5 第6行`` (PDF), ``表3 第5行`` (HTML,
        Word), ``128:2`` (text); "" when there is none. *origin*, when known, is used as is."""
        found = self.message(line, column, origin)
        return "" if found is None else found.render(language)


def where_printed(origin: Origin) -> Message | None:
    """The place *origin* names, as a message: page, table and row, 1-based as a reader
    counts them (an :class:`Origin` counts tables and rows from 0).

    >>> where_printed(Origin("pdf", 5, 3, 0, 4)).render("zh")
    '第4页 表6 第4行'
    >>> where_printed(Origin("html", 2, 7, 1)).render("en")
    'table 3, row 8'
    """
    if origin.table is not None and origin.row is not None:
        table, row = origin.table + 1, origin.row + 1
        if origin.page is not None:
            return msg("where.page_table_row", page=origin.page, table=table, row=row)
        return msg("where.table_row", table=table, row=row)
    if origin.page is not None:
        return msg("where.page", page=origin.page)
    return None
