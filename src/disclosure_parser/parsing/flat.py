"""Flattened text (SPEC §2 item 6): a whole report glued into one line, cut back into rows.

Crawled portal pages keep the words of a report but lose its line breaks and most cell
boundaries: "…第二十条第（一）项信息内容本年新制作数量…规章000规范性文件898989…一、本年新收政府
信息公开申请数量230 000023二、上年结转…". The labels of the official template are still there,
so the line is cut before each of them (numbering such as 一、 （二） 3. , the 第二十条
captions, the table A item names, the headers of tables B and C, the section headings). Each
piece becomes a row: its label and, after it, the run of digits that held its cells, marked as
*glued* so that the table's arithmetic splits it (:mod:`disclosure_parser.parsing.split`).

The rows then go through the same lexer, grammar and table builders as every other layout.
"""

from __future__ import annotations

import re
from typing import Final

from ..core.text import fold, strip_numbering
from . import labels
from .raw import RawCell, RawRow

#: words only a flattened report table puts in one line
_SIGNS: Final = re.compile(
    r"第二十条第|信息内容|本年新收|上年结转|予以公开|结转下年度|行政复议\s*行政诉讼|[勾钩]稽关系"
)

_ITEM_WORDS: Final = (
    "行政规范性文件|规范性文件|规章|其他对外管理服务事项|行政许可|行政处罚|行政强制"
    "|行政事业性收费|政府集中采购"
)
#: where a new row (or heading, or caption) starts inside a flattened line
_STARTS: Final = re.compile(
    r"[一二三四五六七八九十]、(?=[\u4e00-\u9fff])"
    r"|(?<![第条])[（(][一二三四五六七八九十]{1,2}[）)](?=[\u4e00-\u9fff])"
    r"|[1-8][.．、](?=[\u4e00-\u9fff“\"「])"
    r"|第二十条"
    r"|信息内容"
    r"|[（(]本列数据|本列数据的[勾钩]稽"
    r"|行政复议[\s\u3000]*行政诉讼"
    # an item name starts a row only where numbers (or the next caption) follow it
    rf"|(?:{_ITEM_WORDS})(?=[\s\u3000]*(?:[-+]?\d|第二十条|[一二三四五六]、|$))"
)
#: a label that counts something in words ("行政规范性文件393件，动态更新…") is a sentence that
#: names an item, not a table row: a row's numbers follow its label without a unit
_COUNTED: Final = re.compile(r"\d\s*[件条个项起次篇份]")
#: nor does a table A item's name hold a comma (a table B label may: （二）部分公开（区分处理的，
#: 只计这一情形…）)
_NOT_AN_ITEM: Final = re.compile(r"[，,；;：:、]")
#: the run of numbers closing a row: digits with spaces, signs, decimals and a unit, as
#: ``[-+]?\d[\d.,+\-\s\u3000]*(?:万元|元)?[\s\u3000]*$``, written backwards: searched forwards,
#: that pattern is tried from every digit of the piece (quadratic in a long run of digits and
#: spaces that text follows), matched backwards it reads the piece's end once. The trailing
#: spaces are stripped before: matched by the pattern, they and the spaces the run may hold
#: could share a long run of spaces in quadratically many ways.
_TRAILING_RUN_REVERSED: Final = re.compile(r"(?:元万|元)?[\d.,+\-\s\u3000]*\d[-+]?")


#: digits in a label that are no numbering of it (1. 2、 before words): a printed number
_NUMBER_IN_LABEL: Final = re.compile(r"[0-9０-９]+(?![0-9０-９]*[.．、][^0-9０-９])")


def trailing_run(piece: str) -> tuple[int, str] | None:
    """Where the run of numbers that closes *piece* starts, and the run, or None.

    >>> trailing_run("规章 12 3 万元 "), trailing_run("规章"), trailing_run("文件-5")
    ((3, '12 3 万元 '), None, (2, '-5'))
    """
    body = piece.rstrip()  # what ``[\s\u3000]*$`` matches: str.isspace() is re's \s
    m = _TRAILING_RUN_REVERSED.match(body[::-1])
    if m is None:
        return None
    start = len(body) - m.end()
    return start, piece[start:]


def looks_flattened(line: str) -> bool:
    """Whether *line* holds a report table glued into one line."""
    return len(line) >= 80 and "\t" not in line and len(set(_SIGNS.findall(line))) >= 2


def flat_rows(line: str, lineno: int) -> list[RawRow]:
    """The rows a flattened *line* (line number *lineno*) held."""
    starts = sorted({0, *(m.start() for m in _STARTS.finditer(line))})
    pieces = [(a, line[a:b]) for a, b in zip(starts, [*starts[1:], len(line)], strict=True)]
    rows: list[RawRow] = []
    for index, (offset, piece) in enumerate(pieces):
        heading = labels.INLINE_HEADING.match(piece)
        if heading is not None and heading.end() >= len(piece.rstrip(" \u3000")):
            rows.append(_plain(piece, lineno, offset))
            continue
        if heading is not None:
            # a heading glued to the text of its section
            rows.append(_plain(piece[: heading.end()], lineno, offset))
            offset += heading.end()
            piece = piece[heading.end() :]
        following = pieces[index + 1][1] if index + 1 < len(pieces) else ""
        rows.append(_row(piece, lineno, offset, following))
    return [r for r in rows if r.cells[0].text]


def _plain(text: str, lineno: int, offset: int) -> RawRow:
    stripped = text.strip(" \u3000")
    lead = len(text) - len(text.lstrip(" \u3000"))
    return RawRow([RawCell(stripped, lineno, offset + lead + 1, False)], lineno, "plain")


def _row(piece: str, lineno: int, offset: int, following: str) -> RawRow:
    """A label with the run of numbers after it, or a piece of prose."""
    # markdown marks that closed the row's text (the ** of the next label's bold) are no part
    # of its run: "…事项34 2128 0**" holds the run "34 2128 0"
    run = trailing_run(piece.rstrip(" \u3000*#`"))
    label = piece[: run[0]] if run else piece
    folded = fold(label)
    c_header = (
        labels.is_c_header(folded)
        and "行政诉讼" in folded
        and len(folded) <= 120
        and labels.heading_number(folded) is None
        and not folded.endswith("情况")  # a heading the vocabulary does not know, not the header
    )
    table_label = c_header or (
        len(folded) <= 70
        and "。" not in folded
        and _COUNTED.search(folded) is None
        and (
            labels.row_key(folded) is not None
            or (
                labels.item_key(folded) is not None
                and _NOT_AN_ITEM.search(strip_numbering(folded)) is None
            )
        )
    )
    if not table_label or labels.is_group_label(folded):
        return _plain(piece, lineno, offset)
    lead = len(label) - len(label.lstrip(" \u3000"))
    label_cell = RawCell(label.strip(" \u3000"), lineno, offset + lead + 1, False)
    if run is not None:
        text = run[1]
        start = run[0] + len(text) - len(text.lstrip(" \u3000"))
        glued = RawCell(text.strip(" \u3000"), lineno, offset + start + 1, False)
    else:
        if labels.row_key(folded) == "other_handling" and labels.row_key(fold(following)) in (
            "other_handling.no_correction",
            "other_handling.unpaid_fee",
            "other_handling.other",
        ):
            return _plain(piece, lineno, offset)  # (六)其他处理 heading its three sub-rows
        digit = _NUMBER_IN_LABEL.search(label)
        if digit is not None:
            # numbers then text after the label ("…事项0 3 0无"): the run does not close the
            # row, so it cannot be split; it is kept whole (and withheld), not read as blanks
            at = digit.start()
            glued = RawCell(label[at:].strip(" \u3000"), lineno, offset + at + 1, False)
            label_cell.text = label[:at].strip(" \u3000")
            glued.glued = True
            return RawRow([label_cell, glued], lineno, "flat")
        # a label followed at once by the next label: its cells were all printed blank
        glued = RawCell("", lineno, offset + len(label.rstrip(" \u3000")) + 1, False)
    glued.glued = True
    return RawRow([label_cell, glued], lineno, "flat")
