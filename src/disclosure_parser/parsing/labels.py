"""Recognising headings, row labels and column headers by meaning, not by exact string.

All functions take *folded* text (see :func:`disclosure_parser.core.text.fold`): full-width forms
mapped to ASCII, spaces, quotes and markdown marks removed. Numbering such as 一、 （一） 1. is
ignored unless stated; known misspellings and wording variants of real reports are listed next
to the pattern they belong to.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from typing import Final

from ..core.keys import ITEMS, ROW_LABELS
from ..core.text import fold, strip_numbering

# ---------------------------------------------------------------------------------------------
# Section headings
# ---------------------------------------------------------------------------------------------

#: the wording of each section heading (SPEC §1), as regular expressions over folded text
HEADING_BODIES: Final[tuple[tuple[int, str], ...]] = (
    (1, r"总体情况|总体概况|基本情况|概述|工作概述|总体工作情况"),
    (2, r"主动公开政府信息(?:的)?(?:情况|工作情况)|政府信息主动公开(?:的)?情况"),
    (
        3,
        r"收到(?:和|及|与|、)?处理政府信息公开申请(?:的)?情况"
        r"|政府信息公开申请(?:的)?(?:收到|受理)(?:和|及|与|、)?(?:处理|办理)(?:的)?情况"
        r"|依申请公开政府信息(?:的)?情况",
    ),
    (
        4,
        # 行政法复议: a misprint seen in real reports
        r"(?:因政府信息公开(?:工作)?(?:申请)?(?:被)?(?:申请)?)?行政法?复议(?:、|和|及|与)?"
        r"(?:提起)?行政诉讼(?:的)?情况",
    ),
    (
        5,
        r"存在(?:的)?(?:主要)?问题(?:及|和|与|、)?(?:改进|整改)(?:情况|措施|方向|计划)?"
        r"|(?:主要)?问题(?:及|和|与)(?:改进|整改)(?:情况|措施)?",
    ),
    (6, r"其他需要报告的?事项|其他需报告的?事项|其他事项"),
)
_HEADING_PREFIX: Final = r"(?:关于)?(?:政府信息公开|政务公开)?(?:工作)?"
_HEADINGS: Final[tuple[tuple[int, re.Pattern[str]], ...]] = tuple(
    (number, re.compile(rf"{_HEADING_PREFIX}(?:{body})[。.:;；]?"))
    for number, body in HEADING_BODIES
)
#: a numbered heading at the start of a longer text (flattened pages glue it to its section)
INLINE_HEADING: Final = re.compile(
    rf"[一二三四五六七八九十]、[ \u3000]*{_HEADING_PREFIX}"
    rf"(?:{'|'.join(body for _, body in HEADING_BODIES)})"
)

_PRINTED_NUMBER: Final = re.compile(r"^[(\[]?(?:第)?([一二三四五六七八九十]{1,3}|\d{1,2})")


@lru_cache(maxsize=2048)
def heading_number(folded: str) -> int | None:
    """The section (1..6) a heading line stands for, or None if it is no section heading.

    >>> heading_number("一、总体情况"), heading_number("五、存在的主要问题及改进情况")
    (1, 5)
    >>> heading_number("一、本年新收政府信息公开申请数量") is None
    True
    """
    if len(folded) > 40 or folded[:1] in "([" or folded[:1].isdigit():
        # (一) and 1. number sub-topics; sections are numbered 一、 (or not at all)
        return None
    core = strip_numbering(folded)
    for number, pattern in _HEADINGS:
        if pattern.fullmatch(core):
            return number
    return None


def printed_number(folded: str) -> str | None:
    """The ordinal a heading was printed with ("二" in 二、主动公开…), if any."""
    m = _PRINTED_NUMBER.match(folded)
    return m.group(1) if m else None


# ---------------------------------------------------------------------------------------------
# Title
# ---------------------------------------------------------------------------------------------

_TITLE: Final = re.compile(
    r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)|年度报告$"
)
#: the title's words close the line: at most a bracketed year or note follows them
#: ("…年度报告（2020年度）"). A line that goes on after them is prose that mentions a report
#: (a wrapped preamble line "…政府信息公开工作年度报告格" of "…报告格式》的通知"), not a title.
_TITLE_END: Final = re.compile(
    r"(?:(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)|年度报告)"
    r"(?:[(\[【][^()\[\]【】]{0,16}[)\]】])?$"
)
#: sentence punctuation: a title has none, a line of prose has some
_SENTENCE_MARKS: Final = re.compile("[。,;，；《]")
_YEAR: Final = re.compile(r"((?:19|20)\d\d)年")
#: years written in Chinese numerals (二〇二〇年), as some titles print them
_CN_DIGITS: Final = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_CN_YEAR: Final = re.compile(r"([二][〇零○一二三四五六七八九]{3})年")


@lru_cache(maxsize=2048)
def is_title(folded: str) -> bool:
    """Whether a line reads as the report's title (…政府信息公开工作年度报告).

    >>> is_title("洪合镇2020年度政府信息公开工作年度报告"), is_title("XX局2021年度报告(全文)")
    (True, True)
    >>> is_title("关于印发〈中华人民共和国政府信息公开工作年度报告格")  # a wrapped sentence
    False
    """
    return (
        len(folded) <= 80
        and _TITLE_END.search(folded) is not None
        and _SENTENCE_MARKS.search(folded) is None
    )


_ORG_SUFFIX: Final = re.compile(
    # (信息公.工作: OCR misreads 开 now and then, "信息公”工作年度报告")
    r"((?:19|20)\d\d年度?)?(?:政府)?(?:信息公开|政务公开|信息公.?(?=工作))(?:工作)?(?:年度)?(?:工作)?"
    r"(?:报告|年报).*$"
)
#: what a page puts before its title: a field name ("标题: …"), or a printed page's header
#: stamp (Chromium prints the date and time before the page's title: "12/3/26, 2:51 PM")
_TITLE_PREFIX: Final = re.compile(
    r"^(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?(?:(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:AM|PM|am|pm)?)?|(?:文章)?(?:标题|题目|名称)[:：])"
)
#: a name is short and holds no sentence: longer text, or text with these, is a fragment
_NOT_A_NAME: Final = re.compile(r"[。,;:，；：《》“”\"]|根据|本报告|按照|要求|年度报告|工作报告")


#: what a crawler or a page puts before the title: a field name (标题: 题目: …), a breadcrumb
#: (首页>政务公开>…), a sentence the title ends (…，现将…): the body's name follows the last
_DECORATION: Final = re.compile(
    r"^.*[:;,。，；>»›|]|^\[?(?:标题|题目|文章标题|信息名称|名称|title)\]?", re.IGNORECASE
)
#: words that join a body's name to the title, not part of the name (X关于2021年度…报告)
_JOINING: Final = re.compile(r"^(?:关于)+|(?:关于|的|之)+$")
_OPENING: Final = "([{<《"
_CLOSING: Final = ")]}>》"
_BRACKET_PAIRS: Final = dict(zip(_CLOSING, _OPENING, strict=True))


def _balanced(name: str) -> str:
    """*name* with its brackets made whole: a bracket whose pair a line break or a crawler
    cut off is closed (平潭综合实验区(管委会 → …(管委会)), an unmatched closing bracket at either
    end dropped, empty brackets (left where a year was) removed, and a name wholly in
    brackets unwrapped.

    >>> _balanced("平潭综合实验区(管委会"), _balanced(")某局"), _balanced("某县人民政府()")
    ('平潭综合实验区(管委会)', '某局', '某县人民政府')
    >>> _balanced("(某县人民政府)"), _balanced("某县(区)人民政府")
    ('某县人民政府', '某县(区)人民政府')
    """
    while True:
        before = name
        name = re.sub(r"\(\)|\[\]|\{\}|<>|《》", "", name).strip("-_、. ")
        if len(name) > 2 and name[0] in _OPENING and _matching(name, 0) == len(name) - 1:
            name = name[1:-1]
        if name == before:
            break
    open_at: list[int] = []
    drop: set[int] = set()
    for at, char in enumerate(name):
        if char in _OPENING:
            open_at.append(at)
        elif char in _CLOSING:
            if open_at and name[open_at[-1]] == _BRACKET_PAIRS[char]:
                open_at.pop()
            else:
                drop.add(at)  # a closing bracket whose opening one was cut off
    kept = "".join(c for at, c in enumerate(name) if at not in drop)
    closing = {opening: closing for closing, opening in _BRACKET_PAIRS.items()}
    return kept + "".join(closing[name[at]] for at in reversed(open_at))


def _matching(name: str, at: int) -> int | None:
    """Where the bracket opened at *at* closes, or None."""
    depth = 0
    for index in range(at, len(name)):
        if name[index] in _OPENING:
            depth += 1
        elif name[index] in _CLOSING:
            depth -= 1
            if depth == 0:
                return index
    return None


@lru_cache(maxsize=2048)
def organization_from_title(folded: str) -> tuple[str | None, int | None]:
    """The organisation and year a title names.

    The name is cleaned of what pages and crawlers put around it (a field name such as
    标题:, a printed page's date stamp, a breadcrumb, 关于 before the year) and its brackets
    are made whole; brackets are given in their Chinese (full-width) form. The organisation is
    a name or None, never a piece of a sentence.

    >>> organization_from_title("太极镇人民政府信息公开工作年度报告")
    ('太极镇人民政府', None)
    >>> organization_from_title("舞钢市尚店镇人民政府2021年政府信息公开工作年度报告")
    ('舞钢市尚店镇人民政府', 2021)
    >>> organization_from_title("标题:平潭综合实验区海坛片区管理局关于2021年度政务公开年报")
    ('平潭综合实验区海坛片区管理局', 2021)
    >>> organization_from_title("平潭综合实验区(管委会)2019年度政府信息公开工作年度报告")
    ('平潭综合实验区（管委会）', 2019)
    >>> organization_from_title("12/3/26,2:51PM某镇人民政府政府信息公开工作年度报告")
    ('某镇人民政府', None)
    """
    folded = _CN_YEAR.sub(lambda m: m.group(1).translate(_CN_DIGITS) + "年", folded)
    while (prefix := _TITLE_PREFIX.match(folded)) is not None and prefix.end():
        folded = folded[prefix.end() :]
    year_match = _YEAR.search(folded)
    year = int(year_match.group(1)) if year_match else None
    m = _ORG_SUFFIX.search(folded)
    org = folded[: m.start()] if m else folded
    org = _YEAR.sub("", org)
    org = re.sub(r"(?:19|20)\d\d年?度?$", "", org)
    org = _DECORATION.sub("", org)
    org = _JOINING.sub("", org.strip("-_:、,. "))
    org = _balanced(org)
    if org.endswith("人民"):
        # 人民政府 + 政府信息公开 share the 政府: "X人民政府信息公开工作年度报告"
        org += "政府"
    if len(org) > 40 or _NOT_A_NAME.search(org) is not None:
        return None, year
    org = org.replace("(", "（").replace(")", "）")
    return (org or None), year


# ---------------------------------------------------------------------------------------------
# Table A: items and column headers
# ---------------------------------------------------------------------------------------------

_CLAUSE: Final = re.compile(r"第二十条(?:第)?[(\[]?([一二三四五六七八九十]{1,2})[)\]]?项?")


@lru_cache(maxsize=2048)
def clause_of(folded: str) -> str | None:
    """The item number of a 第二十条第（X）项 caption, e.g. "五"."""
    m = _CLAUSE.search(folded)
    return m.group(1) if m else None


#: a 第二十条 caption a text dump cut short byte by byte, before the label it was drawn beside
#: the end of a 第二十条 caption wrapped onto its first item's line in a merged cell drawn
#: beside it ("第二十条第（一" / "）项" 规章: text browsers' boxes)
_CLAUSE_TAIL: Final = re.compile(r"(?:[(\[]?[一二三四五六七八九十]{1,2})?[)\]]项")
_CUT_CLAUSE: Final = re.compile(r"第二十条?[^\ufffd]{0,6}\ufffd+")

_ITEM_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("other_services", r"对外管理服务|其他对外管理"),
        ("normative_documents", r"规范性文件"),
        ("regulations", r"^规章(?:制度)?$|^规章\d|^部门规章|^政府规章"),
        ("licensing", r"^行政许可"),
        ("penalties", r"^行政处罚"),
        ("coercive_measures", r"^行政强制"),
        ("fees", r"事业性收费|^行政收费"),
        ("procurement", r"集中采购|^政府采购"),
    )
)


@lru_cache(maxsize=2048)
def item_key(folded: str) -> str | None:
    """The table A item a row label names (规章 → ``regulations``), or None."""
    clause = _CLAUSE.match(folded)
    if clause is not None and clause.end() < len(folded):
        # "第二十条第（一）项规章": a merged clause cell drawn beside its first item (text
        # browsers' boxes); the item must be one of that clause's
        key = item_key(folded[clause.end() :])
        return key if key is not None and ITEMS[key][0] == clause.group(1) else None
    cut = _CUT_CLAUSE.match(folded) or _CLAUSE_TAIL.match(folded)
    if cut is not None and cut.end() < len(folded):
        # the same, the caption cut short ("第二十条\ufffd") or only its end (")项")
        return item_key(folded[cut.end() :])
    core = strip_numbering(folded)
    for key, pattern in _ITEM_PATTERNS:
        if pattern.search(core):
            return key
    cut_at = core.find("\ufffd")
    if cut_at >= 2:
        # html2text runs a merged caption cell's cut words into the label's cell after the
        # label ("规章\ufffd)\ufffd" of 第二十条第（一）项): the label is what stands before
        head = core[:cut_at]
        for key, pattern in _ITEM_PATTERNS:
            if pattern.search(head):
                return key
    return _truncated(core, _ITEM_NAMES, 3)


def item_key_in_pieces(pieces: Sequence[str]) -> str | None:
    """The table A item whose wording holds *pieces* in order, when it is the only one: a
    label a text dump cut byte by byte, its first piece in the label cell and the rest run into
    the cells after it, a broken character (U+FFFD) or two lost at each cut
    (("行政\ufffd", "可") is 行政许可). The first piece starts the wording and holds at least
    two characters."""
    cores = [
        strip_numbering(p.replace("\ufffd", "")) if i == 0 else p.replace("\ufffd", "")
        for i, p in enumerate(pieces)
    ]
    cores = [c for c in cores if c]
    if not cores or len(cores[0]) < 2 or len(cores) < 2:
        return None
    pattern = re.compile(".{0,2}".join(re.escape(c) for c in cores))
    found = {
        key
        for key, wordings in _ITEM_NAMES.items()
        for w in wordings
        if pattern.match(w) is not None
    }
    return found.pop() if len(found) == 1 else None


def cut_item_in_clause(
    folded: str, clause: str, taken: Collection[str] = frozenset()
) -> str | None:
    """The item of 第二十条 clause *clause* whose wording *folded* is the start of, when it is
    the only one there but for the items *taken* (named by other rows): a label a text dump
    cut to its width ("行政\ufffd" under （五） is 行政许可; under （六） it starts both 行政处罚
    and 行政强制, and names none unless one of them is taken).

    >>> cut_item_in_clause("行政\ufffd", "六"), cut_item_in_clause("行政\ufffd", "五")
    (None, 'licensing')
    >>> cut_item_in_clause("行政\ufffd", "六", {"penalties"})
    'coercive_measures'
    """
    names = _ITEMS_OF_CLAUSE.get(clause)
    if names and taken:
        names = {key: wordings for key, wordings in names.items() if key not in taken}
    return _truncated(strip_numbering(folded), names, 2) if names else None


#: column headers of table A, each with the template it belongs to (None: both)
_A_COLUMNS: Final[tuple[tuple[re.Pattern[str], str, str | None], ...]] = tuple(
    (re.compile(p), name, template)
    for p, name, template in (
        (r"本年新?制作(?:数量)?", "本年新制作数量", "2019"),
        (r"本年新?公开(?:数量)?", "本年新公开数量", "2019"),
        (r"对外公开总数量?", "对外公开总数量", "2019"),
        (r"上一?年(?:度)?项目数量?", "上一年项目数量", "2019"),
        (r"本年(?:度)?增/?减", "本年增/减", "2019"),
        (r"本年(?:度)?处理决定数量?", "本年处理决定数量", "2021"),
        (r"(?<!本年)处理决定数量?", "处理决定数量", "2019"),
        (r"采购项目数量?", "采购项目数量", "2019"),
        (r"采购总?金额", "采购总金额", "2019"),
        (r"本年(?:度)?制发件?数?", "本年制发件数", "2021"),
        # 本年度止件数 is a misprint of 本年废止件数 seen in real reports
        (r"本年(?:度)?废止件?数?|本年度止件数", "本年废止件数", "2021"),
        (r"现行有效件?数?", "现行有效件数", "2021"),
        (r"本年(?:度)?收费金额", "本年收费金额", "2021"),
    )
)


@lru_cache(maxsize=2048)
def a_columns(folded: str) -> tuple[tuple[int, str, str | None, str], ...]:
    """The table A column headers found in *folded*: (offset, name, template, printed text)."""
    found: list[tuple[int, str, str | None, str]] = []
    # the characters an earlier pattern's header took (a header row joined from many lines
    # may hold thousands: a flag per character keeps this linear in its length)
    taken = bytearray(len(folded))
    for pattern, name, template in _A_COLUMNS:
        for m in pattern.finditer(folded):
            if not taken[m.start()]:
                found.append((m.start(), name, template, m.group()))
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return tuple(sorted(found))


#: every table A column header, for headers cut short
_A_COLUMN_NAMES: Final[dict[str, tuple[str, ...]]] = {name: (name,) for _, name, _ in _A_COLUMNS}


@lru_cache(maxsize=256)
def a_column_start(folded: str) -> str | None:
    """The table A column header *folded* is the start of, when it is the only one: a header
    cell a text dump cut to its width ("上一\ufffd" is 上一年项目数量; "本年\ufffd" names
    none)."""
    return _truncated(folded, _A_COLUMN_NAMES, 2)


# ---------------------------------------------------------------------------------------------
# Table B: row labels
# ---------------------------------------------------------------------------------------------

# The leaf wording that tells each row apart; group headings (（三）不予公开 …) are not needed
# because every leaf label is distinctive on its own.
_ROW_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("new_received", r"本年(?:度)?新收|新收(?:到)?政府信息公开申请|本年(?:度)?收到.{0,6}申请"),
        ("carried_over", r"上年(?:度)?结转|上一年度?结转"),
        ("carried_forward", r"结转下(?:一)?年度?|转(?:入)?下年度|结转(?:至)?下一?年"),
        ("partially_granted", r"部分公开"),
        ("granted", r"予以公开|同意公开"),
        ("withheld.state_secret", r"国家秘密"),
        # 其他法律行政止公开: a misprint seen in real reports
        ("withheld.prohibited_by_law", r"其他法律|法律行政法规|法规禁止|行政止公开"),
        ("withheld.security_stability", r"三安全一稳定|危及"),
        ("withheld.third_party_rights", r"第三方"),
        ("withheld.internal_affairs", r"内部事务"),
        ("withheld.process_information", r"过程性"),
        ("withheld.enforcement_files", r"执法案卷"),
        ("withheld.administrative_query", r"行政查询"),
        ("unavailable.not_held", r"不掌握"),
        ("unavailable.needs_creation", r"另行制作|没有现成"),
        ("unavailable.unclear_after_correction", r"仍不明确|补正后"),
        ("not_processed.complaint", r"信访|举报投诉"),
        ("not_processed.duplicate", r"重复申请"),
        ("not_processed.publication", r"出版物"),
        ("not_processed.excessive", r"大量反复|大量重复"),
        ("not_processed.confirmation", r"确认或重新出具|重新出具|要求行政机关确认"),
        ("other_handling.no_correction", r"不补正|逾期未补正"),
        ("other_handling.unpaid_fee", r"缴纳费用|收费通知|未按.{0,4}缴纳|逾期未缴"),
        ("total", r"^总计$|^合计$|^\(七\)总计"),
    )
)

#: all leaf wordings in one pattern, so a label is scanned once
_ANY_ROW: Final = re.compile("|".join(f"(?:{p.pattern})" for _, p in _ROW_PATTERNS))
_OTHER_HANDLING: Final = re.compile(r"其他处理")
_GROUP_ONLY: Final = re.compile(
    r"^(?:三、?)?(?:本年度?办理结果|办理结果)?(?:\(?[三四五]\)?)?(?:不予公开|无法提供|不予处理)?$"
)


@lru_cache(maxsize=2048)
def row_key(folded: str) -> str | None:
    """The table B row a (possibly multi-cell, joined) label names, or None.

    >>> row_key("三、本年度办理结果(一)予以公开"), row_key("(三)不予公开1.属于国家秘密")
    ('granted', 'withheld.state_secret')
    >>> row_key("(六)其他处理3.其他"), row_key("(六)其他处理")
    ('other_handling.other', 'other_handling')
    """
    # the leaf wording printed last wins: "三、本年度办理结果(一)予以公开" is (一)
    last = None
    for last in _ANY_ROW.finditer(folded):  # noqa: B007
        pass
    if last is not None:
        for key, pattern in _ROW_PATTERNS:
            if pattern.match(folded, last.start()):
                return key
    m = _OTHER_HANDLING.search(folded)
    rest = strip_numbering(folded[m.end() :] if m else folded)
    if rest in ("其他", "其它", "其他情形"):
        return "other_handling.other"
    if m is not None and not rest:
        return "other_handling"
    core = strip_numbering(folded)
    if core in ("总计", "合计"):
        return "total"
    # the leaf wording follows the last numbering ("（五）不予处理3.要求提供公开")
    leaf = _LAST_NUMBERING.split(folded)[-1]
    return _truncated(strip_numbering(leaf), _ROW_NAMES, 4)


#: a row's numbering (1. （一） 一、) inside a folded label
_LAST_NUMBERING: Final = re.compile(
    r"\d{1,2}[.、]|\([一二三四五六七八九十]{1,2}\)|[一二三四五六七八九十]、"
)


def _truncated(core: str, names: Mapping[str, tuple[str, ...]], shortest: int) -> str | None:
    """The key whose wording *core* is the start of, when it is the only one: a label cut
    short by a text dump that cut cells to their width ("5.属于三类内部", "行政许\ufffd").
    Broken characters (U+FFFD) at the cut are ignored; a start shorter than *shortest*
    characters names nothing."""
    core = core.replace("\ufffd", "")
    if len(core) < shortest:
        return None
    found = {key for key, wordings in names.items() for w in wordings if w.startswith(core)}
    return found.pop() if len(found) == 1 else None


#: table B's columns by the header word that names each one alone, in the template's order
B_COLUMN_WORDS: Final = {
    "自然人": 0,
    "商业企业": 1,
    "科研机构": 2,
    "社会公益组织": 3,
    "公益组织": 3,
    "法律服务机构": 4,
    "其他": 5,
    "其它": 5,
    "总计": 6,
    "合计": 6,
}


@lru_cache(maxsize=2048)
def row_key_from_end(folded: str) -> str | None:
    """The table B row whose wording *folded* is the end of, when it is the only one and
    at least six characters long: a label whose start is not in the text (the page's left
    edge cut it: LibreOffice prints a fixed-width table past both edges).

    >>> row_key_from_end("区分处理的,只计这一情形,不计其他情形)")
    'partially_granted'
    >>> row_key_from_end("政府信息公开申请") is None  # the end of several rows' wordings
    True
    """
    found = rows_ending(folded)
    return found[0] if len(found) == 1 and len(strip_numbering(folded)) >= 6 else None


@lru_cache(maxsize=2048)
def rows_ending(folded: str) -> tuple[str, ...]:
    """The table B rows whose wording ends with *folded* (its numbering aside), in the
    template's order: the rows a label may be whose start the page's left edge cut.

    >>> rows_ending("府信息公开申请数量"), rows_ending("理")
    (('new_received', 'carried_over'), ('other_handling', 'carried_forward'))
    """
    core = strip_numbering(folded)
    if not core:
        return ()
    return tuple(k for k, wordings in _ROW_NAMES.items() if any(w.endswith(core) for w in wordings))


def ends_wording(folded: str) -> str | None:
    """The table B row whose whole wording the label *folded* ends with (numbering aside,
    a numbering printed after it too): a label that ends there did not wrap around what
    follows it.

    >>> ends_wording("要求行政机关确认或重新出具已获取信息5."), ends_wording("5.属于三类内部事务信")
    ('not_processed.confirmation', None)
    """
    text = _LAST_NUMBERING.sub("", folded)
    return next(
        (k for k, wordings in _ROW_NAMES.items() if any(text.endswith(w) for w in wordings)),
        None,
    )


def _folded_wording(label: str) -> str:
    return strip_numbering(fold(label))


#: the wording of each table B row and table A item, folded, for labels cut short
_ROW_NAMES: Final[dict[str, tuple[str, ...]]] = {
    key: (_folded_wording(label),) for key, label in ROW_LABELS.items()
}
_ITEM_NAMES: Final[dict[str, tuple[str, ...]]] = {
    key: (label, "行政规范性文件") if key == "normative_documents" else (label,)
    for key, (_, label) in ITEMS.items()
}
#: the items of each 第二十条 clause, as :data:`_ITEM_NAMES` gives them
_ITEMS_OF_CLAUSE: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    clause: {key: names for key, names in _ITEM_NAMES.items() if ITEMS[key][0] == clause}
    for clause, _ in ITEMS.values()
}


@lru_cache(maxsize=2048)
def spells(key: str, folded: str, *, whole: bool = False) -> bool:
    """Whether *folded* (the pieces of a wrapped label, numbering aside) is part of the
    wording of table B row *key* (with *whole*: holds all of it). "申请人无正1.当理由逾期不
    补正、行政机关" is part of other_handling.no_correction's; "…情形)属于国家" of no row's
    (the start of the next row's label came after a whole one).

    >>> spells("other_handling.no_correction", "申请人无正1.当理由逾期不补正、行政机关")
    True
    >>> spells("partially_granted", "(二)部分公开(区分处理的,只计这一情形)属于国家")
    False
    >>> spells("withheld.state_secret", "(三)不予公开1.属于国家秘密", whole=True)
    True
    """
    text = _LAST_NUMBERING.sub("", folded)
    return any((w in text) if whole else (text in w) for w in _ROW_NAMES.get(key, ()))


def row_keys(folded: str) -> tuple[str, ...]:
    """Every table B row whose leaf wording *folded* holds, in the order printed, once each.

    One label names one row; a label naming two ("（一）予以公开（二）部分公开") is two rows
    printed as one, their numbers stacked in each cell (a lost row rule).

    >>> row_keys("(一)予以公开(二)部分公开"), row_keys("(三)不予公开1.属于国家秘密")
    (('granted', 'partially_granted'), ('withheld.state_secret',))
    """
    found: list[str] = []
    for m in _ANY_ROW.finditer(folded):
        for key, pattern in _ROW_PATTERNS:
            if pattern.match(folded, m.start()):
                if key not in found:
                    found.append(key)
                break
    return tuple(found)


@lru_cache(maxsize=2048)
def is_group_label(folded: str) -> bool:
    """A label naming only a group of rows (（三）不予公开, 三、本年度办理结果 …)."""
    return bool(folded) and _GROUP_ONLY.fullmatch(strip_numbering(folded)) is not None


# vocabulary of table B's header rows
_B_HEADER: Final = re.compile(
    r"[勾钩]稽关系|申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构"
)


@lru_cache(maxsize=2048)
def is_b_header(folded: str) -> bool:
    """Whether a value-less row belongs to table B's header."""
    return _B_HEADER.search(folded) is not None


#: table B's applicant sub-columns under 法人或其他组织, by what their header cell says (其他
#: alone, not the 其他 of 法人或其他组织)
_B_SUBHEADS: Final = (
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("social_welfare", "(?:社会)?公益组织"),
    ("legal_services", "法律服务(?:机构)?"),
    ("other", "其[他它](?!组织)"),
)
_B_SUBHEAD: Final = re.compile("|".join(f"(?P<{key}>{words})" for key, words in _B_SUBHEADS))


@lru_cache(maxsize=256)
def b_column_order(folded: str) -> tuple[str, ...] | None:
    """The applicant sub-columns of table B in the order its header prints them, or None when
    the header (all its rows, folded and joined) does not name each of them exactly once.

    >>> b_column_order("自然人法人或其他组织总计科研机构商业企业社会公益组织法律服务机构其他")
    ('research', 'commercial', 'social_welfare', 'legal_services', 'other')
    >>> b_column_order("申请人情况自然人法人或其他组织") is None
    True
    """
    found = tuple(m.lastgroup or "" for m in _B_SUBHEAD.finditer(folded))
    if sorted(found) != sorted(key for key, _ in _B_SUBHEADS):
        return None
    return found


#: table C's outcome columns, by what their header cell says
_C_OUTCOME_WORDS: Final = (
    ("upheld", "(?:结果)?维持"),
    ("corrected", "(?:结果)?纠正"),
    ("other", "其[他它]结果"),
    ("pending", "尚?未审结"),
    ("total", "总计|合计"),
)
_C_OUTCOME: Final = re.compile("|".join(f"(?P<{key}>{words})" for key, words in _C_OUTCOME_WORDS))


def names_value_column(folded: str) -> bool:
    """Whether a header cell (*folded*) names one column of values: one of table B's
    applicants or table C's outcomes, in the words the template or a report uses.

    >>> names_value_column("结果维持"), names_value_column("合计"), names_value_column("信息内容")
    (True, True, False)
    """
    return folded in B_COLUMN_WORDS or _C_OUTCOME.fullmatch(folded) is not None


@lru_cache(maxsize=256)
def c_outcome_order(folded: str) -> tuple[tuple[str, ...], ...] | None:
    """The outcome columns of each of table C's three groups in the order its header prints
    them, or None when the header (folded and joined) does not name the five outcomes once for
    all three groups or once for each.

    >>> c_outcome_order("行政复议行政诉讼结果纠正结果维持其他结果尚未审结总计")[0]
    ('corrected', 'upheld', 'other', 'pending', 'total')
    """
    found = tuple(m.lastgroup or "" for m in _C_OUTCOME.finditer(folded))
    outcomes = sorted(key for key, _ in _C_OUTCOME_WORDS)
    groups: tuple[tuple[str, ...], ...]
    if len(found) == 5:
        groups = (found,) * 3
    elif len(found) == 15:
        groups = (found[:5], found[5:10], found[10:])
    else:
        return None
    if any(sorted(group) != outcomes for group in groups):
        return None
    return groups


def c_groups_reversed(folded: str) -> tuple[str, str] | None:
    """What a row of table C's header prints in another order than the template, if anything:
    (the words printed first, the words the template prints first), for 行政诉讼 before
    行政复议, or 复议后起诉 before 未经复议直接起诉.

    >>> c_groups_reversed("行政诉讼行政复议"), c_groups_reversed("行政复议行政诉讼")
    (('行政诉讼', '行政复议'), None)
    """
    for first, second, names in (
        ("行政复议", "行政诉讼", ("行政诉讼", "行政复议")),
        ("未经复议", "复议后", ("复议后起诉", "未经复议直接起诉")),
    ):
        a, b = folded.find(first), folded.find(second)
        if a >= 0 and b >= 0 and b < a:
            return names
    return None


# vocabulary of table C's header rows
_C_HEADER: Final = re.compile(
    r"行政复议|行政诉讼|结果维持|结果纠正|其他结果|尚未审结|未经复议|复议后起诉|维持|纠正|审结"
)


@lru_cache(maxsize=2048)
def is_c_header(folded: str) -> bool:
    """Whether a value-less row belongs to table C's header."""
    return _C_HEADER.search(folded) is not None


#: the canonical label of each table B row, folded, for approximate matching
_CANONICAL_ROWS: Final = {key: strip_numbering(label) for key, label in ROW_LABELS.items()}
_CANONICAL_ITEMS: Final = {key: label for key, (_, label) in ITEMS.items()}
