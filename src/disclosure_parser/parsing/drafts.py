"""What the grammar's Transformer hands the table builders: the report's parts, grouped.

The parse groups the row tokens into sections and tables (and table A into its 第二十条
blocks); these drafts hold those groups in order, with each row's cells untouched. The table
builders (:mod:`.tables`) and :mod:`.assemble` turn them into the Report.
"""

from __future__ import annotations

from typing import Any

from .lexer import Row, Token


class ABlock:
    """One 第二十条 block of table A: its caption (None when the caption was lost), header rows
    and item rows."""

    __slots__ = ("clause", "heads", "rows")

    def __init__(self, clause: Row | None, heads: list[Row], rows: list[Row]) -> None:
        self.clause, self.heads, self.rows = clause, heads, rows


class TableDraft:
    """The rows of one table as the grammar grouped them.

    ``kind`` is "A", "B" or "C"; ``heads`` the header rows; ``body`` the other rows in order,
    each with its row kind (``B_ROW``, ``B_VALUES``, ``B_LABEL``, ``C_ROW``, or ``head`` for
    a header repeated inside the body); ``blocks`` table A's blocks.
    """

    __slots__ = ("blocks", "body", "heads", "kind")

    def __init__(
        self,
        kind: str,
        heads: list[Row],
        body: list[tuple[str, Row]],
        blocks: list[ABlock] | None = None,
    ) -> None:
        self.kind = kind
        self.heads = heads
        self.body = body
        self.blocks = blocks or []


class SectionDraft:
    """A section (or the front matter, with ``heading`` None) and its parts in order."""

    __slots__ = ("heading", "number", "parts")

    def __init__(self, heading: Token | None, parts: list[Any]) -> None:
        self.heading = heading
        self.number = int(heading.value.key or 0) if heading is not None else 0
        #: Tokens (TITLE, TEXT) and TableDrafts
        self.parts = parts
