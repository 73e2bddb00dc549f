"""The text's cells and rows as printed, before the lexer gives them a meaning.

:mod:`.rows` cuts physical lines into these (and :mod:`.flat` cuts flattened lines); the
lexer reads them.
"""

from __future__ import annotations


class RawCell:
    """A cell's text as printed (stripped) and the position of its first visible character."""

    __slots__ = (
        "column",
        "cut",
        "drawn",
        "filler",
        "glued",
        "labelled",
        "line",
        "shadow",
        "text",
        "unsplit",
    )

    def __init__(self, text: str, line: int, column: int, filler: bool) -> None:
        self.text = text
        self.line = line
        self.column = column
        #: true for an empty cell that is probably layout, not a cell printed blank
        self.filler = filler
        #: true for the empty cell a merged label cell leaves right after the label
        self.shadow = False
        #: true for an empty cell of a drawn grid (pipes, box walls) in a column whose other
        #: rows print numbers there: a cell printed blank, never a label's shadow
        self.drawn = False
        #: true for an empty cell of a drawn grid in a column whose other rows print labels,
        #: never a number: part of the label, no value
        self.labelled = False
        #: true for a run of numbers whose cell boundaries were lost (flattened text)
        self.glued = False
        #: for a glued run no split was taken from: why ("none fits", "too many")
        self.unsplit = ""
        #: the cell's text as printed when a number was read out of it past text that a text
        #: dump cut into it ("2情\ufffd": html2text overflows its neighbour's words), else ""
        self.cut = ""

    def __repr__(self) -> str:
        return f"RawCell({self.text!r}, {self.line}, {self.column})"


class RawRow:
    """The cells of one logical row and the layout they came from."""

    __slots__ = ("cells", "gap", "kind", "line")

    def __init__(self, cells: list[RawCell], line: int, kind: str) -> None:
        self.cells = cells
        self.line = line
        #: "tab", "pipe", "cells" (one cell per line) or "plain"
        self.kind = kind
        #: blank lines just before the row (text browsers print an empty cell as one)
        self.gap = 0

    def __repr__(self) -> str:
        return f"RawRow({self.kind}, {self.line}, {[c.text for c in self.cells]})"
