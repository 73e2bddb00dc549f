"""Character-level helpers: folding for label matching, display width for carets.

Matching happens on a *folded* copy of a label (full-width forms to ASCII, spaces and
decoration removed); positions are always taken from the original text, never from a
folded copy.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Full-width ASCII (U+FF01..U+FF5E) to ASCII, plus the other look-alikes real reports use.
_FOLD: Final[dict[int, str | None]] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FOLD.update(
    {
        0x3000: None,  # ideographic space
        0x00A0: None,  # no-break space
        0x2002: None,
        0x2003: None,
        0x2009: None,
        0x200B: None,  # zero-width space
        0xFEFF: None,  # BOM
        0x20: None,
        0x09: None,
        0x0D: None,
        0x0A: None,
        ord("*"): None,  # markdown bold
        ord("#"): None,  # markdown heading
        ord("`"): None,
        0x201C: None,  # “ ” ‘ ’ quotes carry no meaning in labels
        0x201D: None,
        0x2018: None,
        0x2019: None,
        ord('"'): None,
        ord("'"): None,
        0x300C: None,  # 「」
        0x300D: None,
        0x2014: "-",  # em dash
        0x2013: "-",
        0x2212: "-",  # minus sign
        0x3010: "[",  # 【】
        0x3011: "]",
    }
)

#: strips a leading ordinal such as 一、 （一） (一) 1. 1、 第一部分
_NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十]+(?:部分|章|节)?[、.:]?"
    r"|[(\[][一二三四五六七八九十\d]{1,3}[)\]][、.]?"
    r"|[一二三四五六七八九十]{1,3}[、.:]"
    r"|\d{1,2}[、.](?!\d))"
)


def fold(text: str) -> str:
    """Fold *text* for matching: ASCII forms, no spaces, no quotes or markdown marks."""
    return text.translate(_FOLD)


def strip_numbering(folded: str) -> str:
    """Remove every leading ordinal from an already folded label."""
    while True:
        stripped = _NUMBERING.sub("", folded, count=1)
        if stripped == folded:
            return folded
        folded = stripped


def display_width(text: str) -> int:
    """Terminal columns *text* occupies: East Asian wide and full-width characters count 2."""
    width = 0
    for ch in text:
        if ch == "\t":
            width += 4
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 2
        elif not unicodedata.combining(ch):
            width += 1
    return width


def has_cjk(text: str) -> bool:
    """True when *text* holds at least one CJK ideograph."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
