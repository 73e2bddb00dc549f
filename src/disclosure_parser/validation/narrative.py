"""Numbers the narrative states in words about table B and table C quantities.

Reports repeat some of their table numbers in prose (一、总体情况 mostly): 本年新收…申请N件,
共收到…申请N件, 上年结转N件, 结转下年度N件, 受理依申请公开N件, 信函 a 件、当面 b 件,
行政复议N件, 行政诉讼N件. :func:`scan` finds them with their offsets; :func:`statements`
does so for a report's sections and adds line and column.

Precision comes before recall: a sentence is left alone when it may count something else than
the table does: another year or period (上年…, 2019年…, 上半年), a comparison (同比增长…), a part
of the total (其中…), other bodies (各部门…), an approximation (30余件, 30件左右), or review and
litigation cases counted together (行政复议、行政诉讼3件).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import Final

import attrs

from ..core.model import Section

#: the ways of applying a report may count 新收 by (信函 a 件、当面 b 件 …)
CHANNELS: Final = (
    "信函",
    "当面",
    "网上",
    "网络",
    "在线",
    "互联网",
    "电子邮件",
    "邮件",
    "传真",
    "邮寄",
)


@attrs.frozen
class Statement:
    """A number the text states for a table quantity.

    ``quantity`` is ``new_received``, ``carried_over``, ``carried_forward`` (table B totals),
    ``review``, ``litigation`` (table C 总计, the two kinds of suit together) or ``channels``
    (new applications counted by channel, summed). ``start`` and ``end`` are offsets in the text scanned and ``text`` the words from the
    keyword to the unit, as printed. ``parts`` names the channels summed by a ``channels``
    statement. ``section``, ``line`` and ``column`` are set by :func:`statements`.

    >>> scan("全年共收到政府信息公开申请 34 件。")
    (Statement(quantity='new_received', value=34, start=3, end=18, text='收到政府信息公开申请 34 件', parts=(), section=None, line=None, column=None),)
    """  # noqa: E501

    quantity: str
    value: int
    start: int
    end: int
    text: str
    parts: tuple[tuple[str, int], ...] = ()
    section: int | None = None
    line: int | None = None
    column: int | None = None


_N: Final = r"(?P<{name}>\d{{1,3}}(?:,\d{{3}})+|\d+)"
_SUBJECT: Final = r"(?:政府信息公开|依申请公开(?:政府信息)?|信息公开|公开)"
_FILL: Final = r"(?:数量|数)?(?:为|共|共计|合计|有)?"
_CHANNELS_LONGEST_FIRST: Final = tuple(sorted(CHANNELS, key=len, reverse=True))
_CHANNEL: Final = "|".join(_CHANNELS_LONGEST_FIRST)

#: (group name, quantity, pattern with the number last); the group name tells which matched.
#: Every pattern starts at one of its keywords (see _KEYWORDS), which is where matching is
#: tried: optional words before the keyword (本年度新收) change nothing and are left out.
#: Names ending in "_generic" say "申请" without saying which kind: they need disclosure context.
_PATTERNS: Final = (
    ("new", "new_received", r"新收到?的?" + _SUBJECT + r"?(?:申请)?" + _FILL),
    ("recv", "new_received", r"收到了?(?:各类)?" + _SUBJECT + r"的?(?:申请)?" + _FILL),
    ("recv_generic", "new_received", r"收到了?(?:各类)?申请" + _FILL),
    (
        "accept",
        "new_received",
        r"受理了?(?:各类)?" + _SUBJECT + r"的?(?:情况|事项)?(?:申请)?" + _FILL,
    ),
    ("prior", "carried_over", r"上一?年度?结转的?" + _SUBJECT + r"?(?:申请)?" + _FILL),
    (
        "forward",
        "carried_forward",
        r"(?:结转|转入|转|顺延)(?:至|到|入)?下一?年度?(?:继续)?(?:办理|处理)?(?:答复)?的?(?:申请)?"
        + _FILL,
    ),
    ("review", "review", r"行政复议(?:案件|申请|案)?" + _FILL),
    ("suit", "litigation", r"行政诉讼(?:案件|案)?" + _FILL),
    ("suit_bare", "litigation", r"[，,、]诉讼(?:案件)?" + _FILL),
    (
        "channel",
        "channels",
        r"(?:" + _CHANNEL + r")(?:方式|形式|渠道)?(?:提出|提交|递交)?的?"
        r"(?:依申请公开(?:申请)?|(?:政府信息公开|信息公开)?申请)" + _FILL,
    ),
)
#: the same quantities with the number first: 收到70件申请, 1件结转下年度, 103件顺延到下年度
_PATTERNS_AFTER: Final = (
    ("recv_first_generic", "new_received", r"收到", r"(?:" + _SUBJECT + r")?申请"),
    ("accept_first", "new_received", r"受理", _SUBJECT + r"申请"),
    (
        "forward_first",
        "carried_forward",
        r"",
        r"(?:申请)?(?:结转|转入|顺延)(?:至|到|入)?下一?年度?",
    ),
)
#: how far before its number a pattern can start (the longest wording is about 25 characters)
_REACH: Final = 40
#: where a pattern can start; a bare 诉讼 follows the comma its pattern starts at
_KEYWORD: Final = re.compile(
    "|".join(
        sorted(
            (
                *("新收", "收到", "受理", "上年", "上一年", "结转", "转入", "转下", "顺延"),
                *("行政复议", "行政诉讼", "诉讼", *CHANNELS),
            ),
            key=len,
            reverse=True,
        )
    )
)


def _compile() -> tuple[re.Pattern[str], dict[str, str]]:
    alternatives = []
    kinds: dict[str, str] = {}
    for name, quantity, head in _PATTERNS:
        alternatives.append(head + _N.format(name=name) + r"(?:件|起)")
        kinds[name] = quantity
    for name, quantity, head, tail in _PATTERNS_AFTER:
        alternatives.append(head + _N.format(name=name) + r"件" + tail)
        kinds[name] = quantity
    return re.compile("|".join(f"(?:{a})" for a in alternatives)), kinds


_STATEMENT, _KIND = _compile()

_FULL_WIDTH_DIGITS: Final = "０１２３４５６７８９"
_DIGITS: Final = str.maketrans(_FULL_WIDTH_DIGITS, "0123456789")
#: characters of the flat text as patterns for their original: a digit may have been
#: full-width there, and regex syntax must be escaped
_AS_PATTERN: Final = {
    **{c: re.escape(c) for c in r".^$*+?{}[]\|()"},
    **{d: f"[{d}{f}]" for d, f in zip("0123456789", _FULL_WIDTH_DIGITS, strict=True)},
}
_SENTENCE_END: Final = "。！？；;!?"

_CLAUSE_END: Final = _SENTENCE_END + "，,：:、（）()"
#: how far :meth:`_Flat.around` walks before it looks a stop up in its index
_NEARBY: Final = 100
_STOPS: Final = {
    stops: re.compile(f"[{re.escape(stops)}]") for stops in (_SENTENCE_END, _CLAUSE_END)
}
_YEAR: Final = re.compile(r"((?:19|20)\d\d)年")

# What makes a sentence or clause count something other than the table does.
#: (a month range is matched from the first digit of its run only: tried from every digit, a
#: long run of digits in the sentence costs quadratic time)
_OTHER_PERIOD: Final = re.compile(r"上半年|下半年|季度|月份|当月|本月|(?<!\d)\d+[-—~至]\d+月")
_OTHER_BODIES: Final = re.compile(r"各级|各部门|各单位|各乡镇|各街道|各县|各地|所属|下属|系统内")
_COMPARISON: Final = re.compile(
    r"同比|环比|较上年|比上年|较去年|比去年|同期|增长|下降|减少|增加|上升|持平"
)
_LAST_YEAR: Final = re.compile(r"上年|去年|上一年|前年")
_COMBINED: Final = re.compile(r"(?:复议|诉讼)(?:案件)?[、和及与或]$")
_DISCLOSURE: Final = re.compile(r"依申请|信息公开|公开申请")
#: how far back a bare "申请" looks for words saying that it is a disclosure application
_CONTEXT_WINDOW: Final = 300


class _Flat:
    """A text without whitespace (PDF text breaks lines anywhere) and with ASCII digits, and
    the way back from its positions to the original text's.

    Every question a statement asks of its surroundings (where its sentence and clause begin
    and end, whether they name another year or a comparison) is answered from indexes built
    once, or cached per sentence and clause: a statement costs the same however many others
    the text holds (asked afresh, each scanned the whole text, and 10,000 statements took a
    minute).
    """

    __slots__ = ("_cache", "_next", "_shifts", "_starts", "_stops", "_words", "source", "text")

    def __init__(self, text: str) -> None:
        self.source = text
        self._words = text.split()
        flat = "".join(self._words)
        if any(d in flat for d in _FULL_WIDTH_DIGITS):
            flat = flat.translate(_DIGITS)
        self.text = flat
        #: where each word placed so far starts in the flat text, and how much further on
        #: the original text has it (the whitespace before it); _next: where the next word
        #: starts in the flat text and where the last one ends in the original
        self._starts: list[int] = []
        self._shifts: list[int] = []
        self._next = (0, 0)
        #: per set of stop characters, their positions in the flat text
        self._stops: dict[str, list[int]] = {}
        #: per (question, start, end) of a sentence or clause, its answer
        self._cache: dict[tuple[str, int, int], object] = {}

    def _source(self, at: int) -> int:
        """Where character *at* of the flat text stands in the original text."""
        starts, shifts, words = self._starts, self._shifts, self._words
        # the words are placed once, in order, as far as asked: only whitespace stands
        # between two words, so a word starts where its first character is next found
        # (str.find scans; a regular expression over CJK text is several times slower)
        flat, found = self._next
        if flat <= at:
            source = self.source
            k = len(starts)
            while flat <= at and k < len(words):
                word = words[k]
                found = source.find(word[0], found)
                starts.append(flat)
                shifts.append(found - flat)
                flat += len(word)
                found += len(word)
                k += 1
            self._next = flat, found
        return at + shifts[bisect_right(starts, at) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where the words at [start, end) of the flat text stand in the original text."""
        return self._source(start), self._source(end - 1) + 1

    def around(self, start: int, end: int, stops: str) -> tuple[int, int]:
        """The stretch around [start, end) between two of the *stops* characters."""
        flat = self.text
        pattern = _STOPS[stops]
        # most sentences are short: look nearby first, and look a stop up in the index of
        # them all (built once) only beyond that, which would cost a walk per statement
        low = max(0, start - _NEARBY)
        left = -1
        for m in pattern.finditer(flat, low, start):
            left = m.end()
        high = min(len(flat), end + _NEARBY)
        found = pattern.search(flat, end, high)
        right = found.start() if found is not None else -1
        if (left >= 0 or low == 0) and (right >= 0 or high == len(flat)):
            return max(left, 0), right if right >= 0 else len(flat)
        positions = self._stops.get(stops)
        if positions is None:
            positions = self._stops[stops] = [m.start() for m in pattern.finditer(flat)]
        # the last stop before start, and the first at or after end
        before = bisect_left(positions, start)
        left = positions[before - 1] + 1 if before else 0
        after = bisect_left(positions, end, before)
        right = positions[after] if after < len(positions) else len(flat)
        return left, right

    def once(self, question: str, left: int, right: int, answer: Callable[[str], object]) -> object:
        """*answer* applied to the flat text's stretch [left, right), computed once."""
        key = (question, left, right)
        if key not in self._cache:
            self._cache[key] = answer(self.text[left:right])
        return self._cache[key]

    def starts(self) -> list[int]:
        """Where a statement may start: at a keyword shortly before a number followed by 件 or
        起, or at such a number itself."""
        flat = self.text
        found: set[int] = set()
        for unit in "件起":
            i = flat.find(unit)
            while i != -1:
                j = i
                while j > 0 and (
                    flat[j - 1].isdigit() or (flat[j - 1] == "," and flat[j - 2 : j - 1].isdigit())
                ):
                    j -= 1
                # 7.5件 is no count
                if j < i and (j == 0 or flat[j - 1] != "."):
                    found.add(j)
                    for m in _KEYWORD.finditer(flat, max(0, j - _REACH), j):
                        found.add(m.start() - (m.group() == "诉讼"))
                i = flat.find(unit, i + 1)
        return sorted(p for p in found if p >= 0)


def _first_end(
    pattern: re.Pattern[str], keep: Callable[[re.Match[str]], bool] | None = None
) -> Callable[[str], int | None]:
    """A question for :meth:`_Flat.once`: where the first match of *pattern* (that *keep*
    accepts) ends in a stretch, or None."""

    def answer(stretch: str) -> int | None:
        return min(
            (m.end() for m in pattern.finditer(stretch) if keep is None or keep(m)), default=None
        )

    return answer


def _extent(stretch: str) -> tuple[int, int] | None:
    """Where the first 上年 (去年 …) of a stretch ends and the last one starts, or None."""
    found = [m.span() for m in _LAST_YEAR.finditer(stretch)]
    if not found:
        return None
    return min(e for _, e in found), max(s for s, _ in found)


def _left_alone(flat: _Flat, m: re.Match[str], name: str, quantity: str, year: int | None) -> bool:
    """Whether the sentence of match *m* may count something else than the table does.

    (What a sentence or clause says is asked once per sentence or clause: see :class:`_Flat`.)
    """
    text = flat.text
    start, end = m.span()
    if text[end : end + 2].startswith(("左右", "以上", "多", "余")):
        return True
    s_left, s_right = flat.around(start, end, _SENTENCE_END)
    if flat.once(
        "elsewhere",
        s_left,
        s_right,
        lambda s: bool(_OTHER_PERIOD.search(s) or _OTHER_BODIES.search(s)),
    ):
        return True
    if year is not None:
        # a year other than the report's, named in the sentence before the statement
        other_year = flat.once(
            f"year {year}",
            s_left,
            s_right,
            _first_end(_YEAR, lambda y: int(y.group(1)) != year),
        )
        if isinstance(other_year, int) and s_left + other_year <= start:
            return True
    c_left, c_right = flat.around(start, end, _CLAUSE_END)
    if flat.once("comparison", c_left, c_right, lambda s: bool(_COMPARISON.search(s))):
        return True
    # the match itself may say 上年 (上年结转): only the rest of the clause counts
    last_year = flat.once("last year", c_left, c_right, _extent)
    if isinstance(last_year, tuple) and (
        c_left + last_year[0] <= start or c_left + last_year[1] >= end
    ):
        return True
    if quantity == "new_received" and not name.startswith("new"):
        part = flat.once("其中", c_left, c_right, lambda s: s.find("其中"))
        if isinstance(part, int) and part >= 0 and c_left + part + 2 <= start:
            return True
    if quantity in ("review", "litigation"):
        if _COMBINED.search(text[max(0, start - 8) : start]):
            return True
        disclosure = flat.once("disclosure", s_left, s_right, _first_end(_DISCLOSURE))
        if not (isinstance(disclosure, int) and s_left + disclosure <= end):
            return True
    if name.endswith("_generic"):
        return not _DISCLOSURE.search(text[max(0, start - _CONTEXT_WINDOW) : end])
    return False


def scan(text: str, year: int | None = None) -> tuple[Statement, ...]:
    """The statements of *text* about table B and C quantities, in text order.

    *year* is the report's year: a sentence naming another year is left alone. Channel counts
    of one sentence (信函 a 件、当面 b 件 …) become one ``channels`` statement with their sum,
    when the sentence names at least two channels and no total of its own.

    >>> [(s.quantity, s.value) for s in scan("共收到信函依申请公开 0 件，当面依申请公开 0 件。")]
    [('channels', 0)]
    >>> [(s.quantity, s.value) for s in scan("2019年共收到政府信息公开申请3件。", year=2020)]
    []
    """
    if "件" not in text and "起" not in text:
        return ()
    flat = _Flat(text)
    found: list[tuple[int, int, str, int]] = []
    last_review_end = -1
    taken = 0
    for pos in flat.starts():
        if pos < taken:
            continue
        m = _STATEMENT.match(flat.text, pos)
        if m is None:
            continue
        taken = m.end()
        name = m.lastgroup
        if name is None:  # pragma: no cover - every alternative ends in its number group
            continue
        quantity = _KIND[name]
        if name == "suit_bare" and m.start() != last_review_end:
            continue
        if _left_alone(flat, m, name, quantity, year):
            continue
        digits = m.group(name).replace(",", "")
        if len(digits) > 30:  # no count: a glued run or garbage (int() refuses 4300+ digits)
            continue
        value = int(digits)
        # suit_bare starts at the comma that joins it to its 行政复议N件
        found.append((m.start() + (name == "suit_bare"), m.end(), quantity, value))
        if quantity == "review":
            last_review_end = m.end()
    out: list[Statement] = []
    for start, end, quantity, value in found:
        if quantity != "channels":
            first, last = flat.span(start, end)
            out.append(Statement(quantity, value, first, last, text[first:last]))
    out.extend(_channel_statements(flat, text, found))
    out.sort(key=lambda s: s.start)
    return tuple(out)


def _channel_statements(
    flat: _Flat, text: str, found: list[tuple[int, int, str, int]]
) -> list[Statement]:
    """One summed statement per sentence that counts applications by channel."""
    by_sentence: dict[int, list[tuple[int, int, str, int]]] = {}
    for item in found:
        if item[2] == "channels":
            left, _ = flat.around(item[0], item[1], _SENTENCE_END)
            by_sentence.setdefault(left, []).append(item)
    out: list[Statement] = []
    # where the totals start, in order (found is in text order): one look-up per sentence
    totals = [s for s, _, q, _ in found if q == "new_received"]
    for left, items in by_sentence.items():
        _, right = flat.around(items[-1][0], items[-1][1], _SENTENCE_END)
        if len(items) < 2 or "其中" in flat.text[left:right]:
            continue
        # a total stated in the same sentence is compared instead of its breakdown
        first = bisect_left(totals, left)
        if first < len(totals) and totals[first] < right:
            continue
        parts = tuple((_channel_name(flat.text[s:e]), v) for s, e, _, v in items)
        first, last = flat.span(items[0][0], items[-1][1])
        total = sum(v for _, v in parts)
        out.append(Statement("channels", total, first, last, text[first:last], parts))
    return out


def _channel_name(words: str) -> str:
    return next((name for name in _CHANNELS_LONGEST_FIRST if words.startswith(name)), words[:2])


def statements(sections: Iterable[Section], year: int | None = None) -> tuple[Statement, ...]:
    """The statements of every section's narrative, with section number, line and column.

    Channel breakdowns are dropped when the report states its new applications as a total
    anywhere: the breakdown may then list only some channels.

    >>> from disclosure_parser import Section, Span, TextLine
    >>> line = TextLine("全年收到政府信息公开申请 34 件。", 12, 1)
    >>> section = Section(1, "一、总体情况", line.text, Span(11, 1, 12, 19), lines=(line,))
    >>> [(s.value, s.line, s.column) for s in statements([section])]
    [(34, 12, 3)]
    """
    out: list[Statement] = []
    for section in sections:
        found = scan(section.text, year)
        locate = _locator(section) if found else section.locate
        for statement in found:
            line, column = locate(statement.start)
            out.append(attrs.evolve(statement, section=section.number, line=line, column=column))
    if any(s.quantity == "new_received" for s in out):
        out = [s for s in out if s.quantity != "channels"]
    return tuple(out)


def _locator(section: Section) -> Callable[[int], tuple[int, int]]:
    """:meth:`Section.locate` for many offsets: a bisection over the lines' ends, built once
    (``locate`` walks the lines from the first for each offset)."""
    ends: list[int] = []
    offset = 0
    for text_line in section.lines:
        ends.append(offset + len(text_line.text))
        offset += len(text_line.text) + 1

    def locate(at: int) -> tuple[int, int]:
        k = bisect_left(ends, at)
        if k == len(ends):
            return section.span.end_line, section.span.end_column
        text_line = section.lines[k]
        return text_line.line, text_line.column + at - (ends[k] - len(text_line.text))

    return locate
