"""Character-level helpers: folding for label matching, display width for carets.

Matching happens on a *folded* copy of a label (full-width forms to ASCII, spaces and
decoration removed); positions are always taken from the original text, never from a
folded copy.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

# Folding is done in two C-speed passes: a regex drops what carries no meaning in a label
# (spaces of every width, quotes, markdown marks), then a translate maps full-width ASCII and
# dashes to ASCII, only for the rare strings that hold any (translate is slow on CJK text).
_DROP: Final = re.compile(
    "[ \t\r\n\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff*#`\"'\u201c\u201d\u2018\u2019\u300c\u300d]+"
)
_HTML_BREAK: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)
_WIDE: Final = re.compile("[\uff01-\uff5e\u2013\u2014\u2212\u3010\u3011]+")
_FOLD: Final[dict[int, str]] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FOLD.update({0x2014: "-", 0x2013: "-", 0x2212: "-", 0x3010: "[", 0x3011: "]"})
# a full-width space or quote left by the translate must go too
_FOLD.update({ord(c): "" for c in "\uff02\uff07\uff03\uff0a"})

#: strips a leading ordinal such as 一、 （一） (一) 1. 1、 第一部分
_NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十]+(?:部分|章|节)?[、.:]?"
    r"|[(\[][一二三四五六七八九十\d]{1,3}[)\]][、.]?"
    r"|[一二三四五六七八九十]{1,3}[、.:]"
    r"|\d{1,2}[、.](?!\d))"
)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Fold *text* for matching: ASCII forms, no spaces, no quotes or markdown marks.

    >>> fold("（一） 予以公开**"), fold("３,１１９　件")
    ('(一)予以公开', '3,119件')
    """
    text = _DROP.sub("", text)
    if "<" in text:
        text = _HTML_BREAK.sub("", text)  # <br> inside markdown table cells
    if _WIDE.search(text) is not None:
        text = _WIDE.sub(_fold_char, text)
    return text


def _fold_char(match: re.Match[str]) -> str:
    # translate is slow on long CJK strings, fast on the short runs this regex finds
    return match.group().translate(_FOLD)


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
