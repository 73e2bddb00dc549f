"""Numbers the narrative states in words about table quantities.

Reports repeat some of their table numbers in prose (一、总体情况 mostly): 本年新收…申请N件,
共收到…申请N件, 上年结转N件, 结转下年度N件, 受理依申请公开N件, 信函 a 件、当面 b 件,
行政复议N件, 行政诉讼N件. :func:`scan` finds them with their offsets; :func:`statements`
does so for a report's sections and adds line and column. Table A's first block is stated too
(制发行政规范性文件77件，废止13件，现行有效470件): :func:`scan_items` and
:func:`item_statements` read those. Validation compares the first kind with the tables; the
parser uses both as evidence for cells whose printed digits can be read in several ways.

Precision comes before recall: a sentence is left alone when it may count something else than
the table does: another year or period (上年…, 2019年…, 上半年), a comparison (同比增长…), a part
of the total (其中…), other bodies (各部门…), an approximation (30余件, 30件左右), or review and
litigation cases counted together (行政复议、行政诉讼3件).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
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
_SENTENCE_END: Final = "。！？；;!?"
_CLAUSE_END: Final = _SENTENCE_END + "，,：:、（）()"
_SENTENCE_ENDS: Final = re.compile(f"[{re.escape(_SENTENCE_END)}\n]")
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
_SPACE: Final = re.compile(r"\s")  # what str.split() splits at: str.isspace()
_PART: Final = re.compile(r"其中")
#: how far back a bare "申请" looks for words saying that it is a disclosure application
_CONTEXT_WINDOW: Final = 300


class _Flat:
    """A text without whitespace (PDF text breaks lines anywhere) and with ASCII digits, and
    the way back from its positions to the original text's.

    A statement asks of its sentence and clause where they begin and whether they hold a word.
    The few statements of a real report look at the text around them; once those looks have
    cost a few passes over the text (a sentence holding thousands of statements), the answers
    come from positions found once for the whole text instead, so that reading a text costs
    time linear in its length however its statements are spread.
    """

    __slots__ = ("_gaps", "_left", "_matches", "_stops", "source", "text")

    def __init__(self, text: str) -> None:
        self.source = text
        flat = "".join(text.split())
        if any(d in flat for d in _FULL_WIDTH_DIGITS):
            flat = flat.translate(_DIGITS)
        self.text = flat
        self._gaps: list[int] | None = None
        self._stops: dict[str, list[int]] = {}
        self._matches: dict[re.Pattern[str], tuple[list[int], list[int]]] = {}
        #: characters the direct looks may still read
        self._left = 4 * len(flat) + 1000

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where the words at [start, end) of the flat text stand in the original text."""
        if self._gaps is None:
            # the flat text keeps every character that is not whitespace, one for one: the
            # k-th whitespace character of the source stands before flat position gaps[k]
            self._gaps = [m.start() - k for k, m in enumerate(_SPACE.finditer(self.source))]
        gaps = self._gaps
        last = end - 1
        return (
            start + bisect.bisect_right(gaps, start),
            last + bisect.bisect_right(gaps, last) + 1,
        )

    def around(self, start: int, end: int, stops: str) -> tuple[int, int]:
        """The stretch around [start, end) between two of the *stops* characters."""
        flat = self.text
        found = self._stops.get(stops)
        if found is None and self._left > 0:
            left = start
            while left > 0 and flat[left - 1] not in stops:
                left -= 1
            right = end
            while right < len(flat) and flat[right] not in stops:
                right += 1
            self._left -= (start - left) + (right - end) + 1
            return left, right
        if found is None:
            pattern = f"[{re.escape(stops)}]"
            found = self._stops[stops] = [m.start() for m in re.finditer(pattern, flat)]
        k = bisect.bisect_left(found, start)
        left = found[k - 1] + 1 if k else 0
        k = bisect.bisect_left(found, end)
        right = found[k] if k < len(found) else len(flat)
        return left, right

    def has(self, pattern: re.Pattern[str], left: int, right: int) -> bool:
        """Whether *pattern* matches within [left, right) of the flat text.

        Past the direct looks, the matches are those of one search over the whole text, which
        are the stretch's own for the words searched here: none holds a character that ends a
        sentence or clause, so none runs across the stretches asked about.
        """
        found = self._matches.get(pattern)
        if found is None and self._left > 0:
            self._left -= right - left + 1
            return pattern.search(self.text[left:right]) is not None
        if found is None:
            starts: list[int] = []
            ends: list[int] = []
            for m in pattern.finditer(self.text):
                starts.append(m.start())
                ends.append(m.end())
            found = self._matches[pattern] = (starts, ends)
        starts, ends = found
        # matches do not overlap: the first one starting in the stretch ends first
        k = bisect.bisect_left(starts, left)
        return k < len(starts) and starts[k] < right and ends[k] <= right

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


@lru_cache(maxsize=64)
def _other_year(year: int | None) -> re.Pattern[str]:
    """A year other than *year* (any year when None, which no caller asks about)."""
    if year is None:
        return _YEAR
    return re.compile(rf"(?!{year}年)(?:19|20)\d\d年")


def _left_alone(
    flat: _Flat, m: re.Match[str], name: str, quantity: str, other_year: re.Pattern[str] | None
) -> bool:
    """Whether the sentence of match *m* may count something else than the table does."""
    text = flat.text
    start, end = m.span()
    if text[end : end + 2].startswith(("左右", "以上", "多", "余")):
        return True
    s_left, s_right = flat.around(start, end, _SENTENCE_END)
    if flat.has(_OTHER_PERIOD, s_left, s_right) or flat.has(_OTHER_BODIES, s_left, s_right):
        return True
    if other_year is not None and flat.has(other_year, s_left, start):
        return True
    c_left, c_right = flat.around(start, end, _CLAUSE_END)
    if flat.has(_COMPARISON, c_left, c_right):
        return True
    # the match itself may say 上年 (上年结转): only the rest of the clause counts
    if flat.has(_LAST_YEAR, c_left, start) or flat.has(_LAST_YEAR, end, c_right):
        return True
    if quantity == "new_received" and not name.startswith("new") and flat.has(_PART, c_left, start):
        return True
    if quantity in ("review", "litigation"):
        if _COMBINED.search(text[max(0, start - 8) : start]):
            return True
        if not flat.has(_DISCLOSURE, s_left, end):
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
    other_year = None if year is None else _other_year(year)
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
        if _left_alone(flat, m, name, quantity, other_year):
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
    totals = [s for s, _, q, _ in found if q == "new_received"]  # in text order
    for item in found:
        if item[2] == "channels":
            left, _ = flat.around(item[0], item[1], _SENTENCE_END)
            by_sentence.setdefault(left, []).append(item)
    out: list[Statement] = []
    for left, items in by_sentence.items():
        _, right = flat.around(items[-1][0], items[-1][1], _SENTENCE_END)
        if len(items) < 2 or "其中" in flat.text[left:right]:
            continue
        # a total stated in the same sentence is compared instead of its breakdown
        k = bisect.bisect_left(totals, left)
        if k < len(totals) and totals[k] < right:
            continue
        parts = tuple((_channel_name(flat.text[s:e]), v) for s, e, _, v in items)
        first, last = flat.span(items[0][0], items[-1][1])
        total = sum(v for _, v in parts)
        out.append(Statement("channels", total, first, last, text[first:last], parts))
    return out


def _channel_name(words: str) -> str:
    return next((name for name in _CHANNELS_LONGEST_FIRST if words.startswith(name)), words[:2])


# ---------------------------------------------------------------------------------------------
# Table A, 第二十条第（一）项: regulations and normative documents issued, repealed, in force
# ---------------------------------------------------------------------------------------------

#: the verb before the number says which column a statement counts; 新制作 is the 2019
#: template's word for what the 2021 template calls 制发
_ITEM_VERBS: Final = {
    "制发": "issued",
    "印发": "issued",
    "出台": "issued",
    "制定": "issued",
    "新制作": "issued",
    "制作": "issued",
    "废止": "repealed",
    "现行有效": "in_force",
}
#: 规章 is the item, 规章制度 (rules in general) is not
_ITEM_NOUN: Final = r"(?:行政)?规范性文件|(?:政府|部门)?规章(?!制度)"
#: verb, at most the item's name and a few filler words, the number and 件: nothing else may
#: stand between them (制发各类文件50件 counts other documents, 制发规章和规范性文件5件 both)
_ITEM_STATEMENT: Final = re.compile(
    r"(?P<verb>" + "|".join(sorted(_ITEM_VERBS, key=len, reverse=True)) + r")"
    r"(?:了|的)?(?P<noun>" + _ITEM_NOUN + r")?(?:的)?(?:数量|件数|总数|数)?"
    r"(?:共计|合计|总计|共|为|有|达|计){0,2}(?P<n>\d+)件"
)
#: the items a sentence names, each by the words that name it
_ITEM_MENTIONS: Final = (
    ("normative_documents", re.compile(r"规范性文件")),
    ("regulations", re.compile(r"规章(?!制度)")),
)
#: words that make a clause count something else than the table does: a part (其中), a total
#: over years (累计), documents reviewed, filed, explained or cleaned up rather than issued
_ITEM_ASIDE: Final = re.compile(
    r"其中|累计|清理|审核|审查|备案|解读|征求|报送|梳理|评估|涉及|修改|修订"
)


def _item_of(noun: str) -> str:
    return "normative_documents" if "规范性文件" in noun else "regulations"


def scan_items(text: str, year: int | None = None) -> tuple[Statement, ...]:
    """The statements of *text* about table A's first block, in text order.

    ``quantity`` is the item and the column, ``normative_documents.issued`` (本年制发件数, or
    the 2019 template's 本年新制作数量), ``.repealed`` (本年废止件数) or ``.in_force``
    (现行有效件数), likewise for ``regulations``. A clause without the item's name counts the
    item its sentence last named; a sentence naming both items before it, or that may count
    something else (another year or period, other bodies, a comparison, a part, a total over
    years, documents reviewed or cleaned up), is left alone.

    >>> [(s.quantity, s.value) for s in scan_items(
    ...     "本年度制发行政规范性文件77件，废止13件，现行有效470件。", 2021)]
    [('normative_documents.issued', 77), ('normative_documents.repealed', 13), \
('normative_documents.in_force', 470)]
    >>> scan_items("全年清理规范性文件393件，其中各部门制发规章制度5件。", 2021)
    ()
    """
    if "件" not in text:
        return ()
    flat = _Flat(text)
    other_year = None if year is None else _other_year(year)
    found: list[tuple[int, int, str, int]] = []
    for m in _ITEM_STATEMENT.finditer(flat.text):
        start, end = m.span()
        s_left, _ = flat.around(start, end, _SENTENCE_END)
        if m.group("noun"):
            item = _item_of(m.group("noun"))
        else:
            named = [key for key, words in _ITEM_MENTIONS if flat.has(words, s_left, start)]
            if len(named) != 1:
                continue  # no item named before it in its sentence, or both
            (item,) = named
        if _item_left_alone(flat, m, other_year) or len(m.group("n")) > 30:
            continue  # (more than 30 digits is no count, and int() refuses 4300)
        found.append((start, end, f"{item}.{_ITEM_VERBS[m.group('verb')]}", int(m.group("n"))))
    out = []
    for start, end, quantity, value in found:
        first, last = flat.span(start, end)
        out.append(Statement(quantity, value, first, last, text[first:last]))
    return tuple(out)


def _item_left_alone(flat: _Flat, m: re.Match[str], other_year: re.Pattern[str] | None) -> bool:
    """Whether the clause of match *m* (a table A statement) may count something else."""
    start, end = m.span()
    if flat.text[end : end + 2].startswith(("左右", "以上", "多", "余")):
        return True
    s_left, s_right = flat.around(start, end, _SENTENCE_END)
    if flat.has(_OTHER_PERIOD, s_left, s_right) or flat.has(_OTHER_BODIES, s_left, s_right):
        return True
    if other_year is not None and flat.has(other_year, s_left, start):
        return True
    c_left, c_right = flat.around(start, end, _CLAUSE_END)
    return any(flat.has(p, c_left, c_right) for p in (_COMPARISON, _LAST_YEAR, _ITEM_ASIDE))


def item_statements(sections: Iterable[Section], year: int | None = None) -> tuple[Statement, ...]:
    """What :func:`scan_items` finds in every section's narrative, with section, line and
    column (as :func:`statements` gives them)."""
    return tuple(s for _, s in located(sections, year, scan_items))


def located(
    sections: Iterable[Section],
    year: int | None,
    scanner: Callable[[str, int | None], tuple[Statement, ...]],
) -> list[tuple[Section, Statement]]:
    """What *scanner* finds in each section's text, with section number, line and column, and
    the section it was found in."""
    out: list[tuple[Section, Statement]] = []
    for section in sections:
        found = scanner(section.text, year)
        locate = locator(section) if found else section.locate
        for statement in found:
            line, column = locate(statement.start)
            where = attrs.evolve(statement, section=section.number, line=line, column=column)
            out.append((section, where))
    return out


def locator(section: Section) -> Callable[[int], tuple[int, int]]:
    """:meth:`Section.locate` for many offsets: where each line begins is found once, so
    that each offset costs a search instead of a walk over the lines before it."""
    starts = []
    offset = 0
    for text_line in section.lines:
        starts.append(offset)
        offset += len(text_line.text) + 1

    def locate(offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(starts, offset) - 1
        if k < 0 or offset > starts[k] + len(section.lines[k].text):
            return section.locate(offset)  # before the first line, or after the last
        return section.lines[k].line, section.lines[k].column + offset - starts[k]

    return locate


def sentences(text: str) -> Callable[[int, int], tuple[int, int]]:
    """A function giving where the sentence holding *text*[start:end] begins and ends (its
    closing mark kept); the sentence ends are found once, so each call costs a search.

    >>> text = "无。本年度制发规章2件，废止1件。其他。"
    >>> a, b = sentences(text)(11, 15)
    >>> text[a:b]
    '本年度制发规章2件，废止1件。'
    """
    ends = [m.start() for m in _SENTENCE_ENDS.finditer(text)]

    def around(start: int, end: int) -> tuple[int, int]:
        k = bisect.bisect_left(ends, start)
        left = ends[k - 1] + 1 if k else 0
        k = bisect.bisect_left(ends, end)
        right = ends[k] + 1 if k < len(ends) else len(text)
        return left, min(right, len(text))

    return around


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
    out = [s for _, s in located(sections, year, scan)]
    if any(s.quantity == "new_received" for s in out):
        out = [s for s in out if s.quantity != "channels"]
    return tuple(out)
