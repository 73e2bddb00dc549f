"""Every message the library shows, in Chinese and English, from one catalogue of templates.

Diagnostics, findings, localisations, the command line and the notebook views never assemble
a sentence themselves: they name a catalogue entry and give its parameters as plain data
(:class:`Message`), and the text is made from the entry's template when it is shown, in the
language asked for. So a message is written once per language, here, and a new code is one new
entry of :data:`CATALOGUE`.

>>> message = msg("encoding", encoding="GB18030")
>>> message.render("en"), message.render("zh")
('file decoded as GB18030', '文件按 GB18030 编码读取')
>>> message.to_dict()
{'key': 'encoding', 'params': {'encoding': 'GB18030'}}

The language is Chinese (``"zh"``) where the locale is Chinese (``LANG=zh_CN.UTF-8``, or the
Windows display language) and English (``"en"``) elsewhere; ``DISCLOSURE_PARSER_LANG`` or
:func:`set_language` choose it for the process, :func:`in_language` for a block of code:

>>> with in_language("zh"):
...     str(message)
'文件按 GB18030 编码读取'

Templates name their parameters in braces, ``{name}``, optionally with a format:
``{name:q}`` quotes (“…” in Chinese, ``'…'`` in English), ``{name:s}`` is the English plural
"s" of a count, ``{name:some}`` lists the first three items and how many more, ``{name:and}``
joins a list with "and" (及), ``{name:semi}`` with semicolons, ``{name:plus}`` with " + ",
``{name:cn}`` writes a section number as a Chinese numeral (一, 二 …) in Chinese. A list is
otherwise joined with ", " (、 in Chinese); a parameter that is itself a message (a dict with
``key`` and ``params``) is rendered in the same language; None renders as nothing.
"""

from __future__ import annotations

import contextvars
import locale
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, Final, Literal, cast

import attrs

Language = Literal["zh", "en"]
#: the languages every message is written in
LANGUAGES: Final[tuple[Language, ...]] = ("zh", "en")

#: the environment variable that chooses the language before the locale does
ENVIRONMENT_VARIABLE: Final = "DISCLOSURE_PARSER_LANG"


# ---------------------------------------------------------------------------------------------
# The language
# ---------------------------------------------------------------------------------------------


def normalize(language: str) -> Language:
    """``"zh"`` or ``"en"`` for a language name such as ``zh_CN.UTF-8``, ``zh-Hans``, ``en``.

    >>> normalize("zh_CN.UTF-8"), normalize("Chinese (Simplified)_China"), normalize("EN")
    ('zh', 'zh', 'en')
    """
    folded = language.strip().lower()
    if folded.startswith(("zh", "chinese", "中文")):
        return "zh"
    if folded.startswith(("en", "english")):
        return "en"
    raise ValueError(f"unknown language {language!r}; the languages are zh and en")


def language_from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """The language the environment asks for: ``DISCLOSURE_PARSER_LANG``, else the locale
    (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, in POSIX's order; on Windows, where these are
    usually unset, the user's locale as Python reads it). Chinese locales give ``"zh"``,
    every other one ``"en"``.

    >>> language_from_environment({"LANG": "zh_CN.UTF-8"})
    'zh'
    >>> language_from_environment({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"})
    'en'
    >>> language_from_environment({"DISCLOSURE_PARSER_LANG": "zh", "LANG": "en_US.UTF-8"})
    'zh'
    """
    env = os.environ if environ is None else environ
    chosen = env.get(ENVIRONMENT_VARIABLE, "").strip()
    if chosen:
        try:
            return normalize(chosen)
        except ValueError:
            pass  # a mistyped setting must not stop a report from being read
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    if environ is None:
        try:
            name = locale.getlocale()[0] or ""
        except ValueError:
            name = ""
        if name.lower().startswith(("zh", "chinese")):
            return "zh"
    return "en"


_chosen: Language | None = None
_block: contextvars.ContextVar[Language | None] = contextvars.ContextVar(
    "disclosure_parser_language", default=None
)


def language() -> Language:
    """The language messages are shown in when none is asked for: that of the innermost
    :func:`in_language` block, else the one :func:`set_language` chose, else the
    environment's (:func:`language_from_environment`)."""
    return _block.get() or _chosen or language_from_environment()


def set_language(language: str | None) -> None:
    """Show messages in *language* (``"zh"`` or ``"en"``) in this process from now on; None
    goes back to the environment's choice.

    Worker processes started afterwards read the environment again: set
    ``DISCLOSURE_PARSER_LANG`` for them instead.
    """
    global _chosen
    _chosen = None if language is None else normalize(language)


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """Show messages in *language* within the ``with`` block (and only in this thread or
    task: the choice is a context variable)."""
    token = _block.set(normalize(language))
    try:
        yield
    finally:
        _block.reset(token)


# ---------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """*value* as plain JSON data: a Message as ``{"key", "params"}``, tuples as lists,
    Decimals as strings (exact), mappings with string keys.

    >>> plain((Decimal("1.50"), msg("value.blank")))
    ['1.50', {'key': 'value.blank', 'params': {}}]
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Message):
        if value.key is None:
            return value.text
        return {"key": value.key, "params": value.params}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)


#: the types :func:`plain` gives back as they are
_PLAIN_TYPES: Final = frozenset({str, int, bool, float, type(None)})


def _params(value: Mapping[str, Any]) -> dict[str, Any]:
    # most messages carry only strings and numbers: copied at once, without plain()'s walk
    # (the parser makes a message for every cell it has something to say about)
    if type(value) is dict and all(
        type(k) is str and type(v) in _PLAIN_TYPES for k, v in value.items()
    ):
        return dict(value)
    return cast(dict[str, Any], plain(value))


@attrs.frozen
class Message:
    """A message as data: the catalogue entry ``key`` and its ``params`` (plain JSON data),
    rendered in a language when shown; or, with ``key`` None, a fixed ``text`` (a message
    from outside the catalogue, shown as is in every language).

    >>> Message(None, text="as written").render("zh")
    'as written'
    """

    key: str | None
    # excluded from the hash: a dict cannot be hashed, and equal messages still hash alike
    params: dict[str, Any] = attrs.field(factory=dict, converter=_params, hash=False)
    text: str = ""

    def render(self, language: str | None = None) -> str:
        """The message in *language* (default: :func:`language`)."""
        if self.key is None:
            return self.text
        chosen = normalize(language) if language is not None else globals()["language"]()
        return _render(self.key, self.params, chosen)

    def __str__(self) -> str:
        return self.render()

    def to_dict(self) -> dict[str, Any]:
        """``{"key", "params"}``, or ``{"text"}`` for a fixed text."""
        if self.key is None:
            return {"text": self.text}
        return {"key": self.key, "params": self.params}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Message:
        """The Message of :meth:`to_dict`'s output."""
        if data.get("key") is None:
            return cls(None, text=data.get("text", ""))
        return cls(data["key"], data.get("params") or {})


def msg(key: str, /, **params: Any) -> Message:
    """The catalogue's message *key* with *params*.

    >>> msg("missing_row", label="（七）总计", key="total").render("zh")
    '申请情况表缺少“（七）总计”行'
    """
    return Message(key, params)


def as_message(value: str | Message) -> Message:
    """*value* as a Message: a str becomes a fixed text (for messages made outside the
    catalogue, e.g. by code written before it)."""
    return value if isinstance(value, Message) else Message(None, text=value)


def text(key: str, language: str | None = None, /, **params: Any) -> str:
    """The catalogue's message *key* with *params*, rendered at once in *language*.

    >>> text("severity.error", "zh")
    '错误'
    """
    return msg(key, **params).render(language)


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------

_FIELD: Final = re.compile(r"\{(\w+)(?::(\w+))?\}")
_NUMERALS: Final = "一二三四五六七八九十"
_SEPARATOR: Final = {"zh": "、", "en": ", "}
_SHOWN: Final = 3


def fields(template: str) -> set[str]:
    """The parameter names *template* uses.

    >>> sorted(fields("{cell} 印为 {printed}，应为 {suggested}"))
    ['cell', 'printed', 'suggested']
    """
    return {m.group(1) for m in _FIELD.finditer(template)}


def _render(key: str, params: Mapping[str, Any], language: Language) -> str:
    entry = CATALOGUE.get(key)
    if entry is None:
        # a message stored by another version of the library: show what it holds
        shown = ", ".join(f"{k}={_show(v, language)}" for k, v in params.items())
        return f"{key}: {shown}" if shown else key
    template = entry.zh if language == "zh" else entry.en

    def field(match: re.Match[str]) -> str:
        name, spec = match.group(1), match.group(2)
        if name not in params:
            return "{" + name + "}"  # a caller's slip shows, but never stops the output
        return _format(params[name], spec, language)

    return _FIELD.sub(field, template)


def _show(value: Any, language: Language) -> str:
    """One parameter value as text: a nested message rendered, a list joined."""
    if value is None:
        return ""
    if isinstance(value, Mapping) and "key" in value:
        return _render(str(value["key"]), value.get("params") or {}, language)
    if isinstance(value, list):
        return _SEPARATOR[language].join(_show(v, language) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _quote(value: Any, language: Language) -> str:
    if isinstance(value, list):
        return _SEPARATOR[language].join(_quote(v, language) for v in value)
    shown = _show(value, language)
    if language == "en":
        return repr(shown)
    # quotes inside quotes are single quotes in Chinese: “3.危及‘三安全一稳定’”
    return "“" + shown.replace("“", "‘").replace("”", "’") + "”"


def _join(items: list[str], language: Language, last: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _SEPARATOR[language].join(items[:-1]) + last + items[-1]


def _format(value: Any, spec: str | None, language: Language) -> str:
    if spec is None:
        return _show(value, language)
    if spec == "q":
        return _quote(value, language)
    if spec == "s":
        return "" if language == "zh" or value == 1 else "s"
    if spec == "cn":
        number = int(value)
        in_words = language == "zh" and 1 <= number <= len(_NUMERALS)
        return _NUMERALS[number - 1] if in_words else str(number)
    items = [_show(v, language) for v in (value if isinstance(value, list) else [value])]
    if spec == "some":
        more = len(items) - _SHOWN
        shown = _SEPARATOR[language].join(items[:_SHOWN])
        if more <= 0:
            return shown
        return f"{shown}等 {len(items)} 项" if language == "zh" else f"{shown} and {more} more"
    if spec == "and":
        return _join(items, language, "及" if language == "zh" else " and ")
    if spec == "semi":
        return ("；" if language == "zh" else "; ").join(items)
    if spec == "plus":
        return " + ".join(items)
    raise ValueError(f"unknown format {spec!r} in a message template")


# ---------------------------------------------------------------------------------------------
# The catalogue
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class Entry:
    """One message in both languages, and parameters that show it (for the tests and docs)."""

    zh: str
    en: str
    example: dict[str, Any] = attrs.field(factory=dict, converter=_params, hash=False)


def _e(zh: str, en: str, /, **example: Any) -> Entry:
    return Entry(zh, en, example)


_CELL: Final = "（一）予以公开 × 自然人"
_ROW: Final = "（一）予以公开"
_WHAT_B: Final = msg("part.what.b_row", key="granted", label=_ROW)

#: key -> the message in Chinese and English. Keys are a diagnostic's or finding's ``code``,
#: or ``code.variant`` where one code says different things; ``part.*`` are pieces other
#: messages hold as parameters; ``where.*`` positions; ``value.*`` and ``severity.*`` words;
#: ``file_error.*`` why a file could not be read; ``cli.*`` and ``view.*`` the command line's
#: and the notebook's own texts.
CATALOGUE: Final[dict[str, Entry]] = {
    # -- words --------------------------------------------------------------------------------
    "severity.error": _e("错误", "error"),
    "severity.warning": _e("警告", "warning"),
    "severity.info": _e("提示", "info"),
    "value.blank": _e("空白", "blank"),
    "value.na": _e("{raw:q}", "{raw:q}", raw="/"),
    "value.text": _e("文字{raw:q}", "text {raw:q}", raw="见附件"),
    "value.missing": _e("无法读取的内容", "unreadable"),
    "value.unknown": _e("不详", "None"),
    "part.more": _e("等", " and {n} more", n=2),
    "part.more_paren": _e("等", " (and {n} more)", n=2),
    "part.no_label": _e("（无行名）", "(no label)"),
    "part.no_organization": _e("（发布机关不明）", "(no organisation)"),
    "part.header": _e("表头", "the header"),
    "part.end": _e("表尾", "the end"),
    "part.row": _e("{label:q}", "{key}", key="granted", label=_ROW),
    "part.row_ref": _e("{label:q}", "{key} ({label})", key="granted", label=_ROW),
    "part.text_cell": _e("正文{raw:q}", "the text's {raw:q}", raw="本年新收申请 5 件"),
    "part.format.html": _e("网页", "an HTML page"),
    "part.format.docx": _e("Word 文件", "a Word .docx file"),
    "part.format.pdf": _e("PDF 文件", "a PDF file"),
    "part.format.odt": _e("OpenDocument 文本文件", "an OpenDocument .odt file"),
    "part.format.doc": _e("旧版 Word 文件（97–2003 格式）", "a Word 97–2003 .doc file"),
    "part.format.rtf": _e("RTF 文件", "an RTF file"),
    # the tables, as a message about one of them names it
    "part.what.a_item": _e("主动公开情况表{label:q}一项", "table A item {label}", label="行政许可"),
    "part.what.b_row": _e("申请情况表{label:q}行", "table B row {key}", key="granted", label=_ROW),
    "part.what.b_unlabelled": _e("申请情况表中无行名的一行", "a table B row without a label"),
    "part.what.c": _e("行政复议、行政诉讼情况表", "table C"),
    "part.what.column": _e("{column}列", "column {column}", column="自然人"),
    "part.what.row": _e("{row:q}行", "row {row}", row=_ROW),
    "part.what.group": _e("{group}", "{group}", group="行政复议"),
    # -- positions ----------------------------------------------------------------------------
    "where.line": _e("{line}:{column}", "{line}:{column}", line=128, column=2),
    "where.page_table_row": _e(
        "第{page}页 表{table} 第{row}行",
        "page {page}, table {table}, row {row}",
        page=2,
        table=5,
        row=4,
    ),
    "where.table_row": _e("表{table} 第{row}行", "table {table}, row {row}", table=5, row=4),
    "where.page": _e("第{page}页", "page {page}", page=2),
    "where.pages": _e("第{first}至{last}页", "pages {first}–{last}", first=1, last=2),
    # -- the sums of tables B and C (validation) ----------------------------------------------
    "sum.outcome_total": _e("本列（七）总计", "its column's （七）总计"),
    "sum.outcome_total.parts": _e("本列（一）至（六）各行之和", "its column's rows （一）–（六）"),
    "sum.row_total": _e("本行总计", "its row's 总计"),
    "sum.row_total.parts": _e("本行各类申请人之和", "its row's six applicant columns"),
    "sum.balance": _e(
        "本列“第一项加第二项之和，等于第三项加第四项之和”", "its column's balance 一+二 = 三+四"
    ),
    "sum.review_total": _e("本组总计", "its group's 总计"),
    "sum.review_total.parts": _e("本组各项之和", "its group's outcomes"),
    "sum.blanks": _e(
        "（空白单元格 {cells} 按 0 计）",
        "; blank cells counted as 0: {cells}",
        cells=["（二）部分公开 × 自然人", "1.属于国家秘密 × 自然人"],
    ),
    "sum.blanks_counted": _e(
        "（其中 {n} 个空白单元格按 0 计）", "; {n} blank cells counted as 0", n=18
    ),
    "sum.cause": _e(
        "。可能原因：{culprit}",
        " (likely cause: {culprit})",
        culprit=msg(
            "localization.single",
            cell=_CELL,
            printed=4,
            suggested=5,
            sums=[msg("sum.outcome_total"), msg("sum.row_total")],
        ),
    ),
    "sum.term": _e("{label} {value}", "{label} {value}", label="结果维持", value=10),
    "balance.fails": _e(
        "{column}列：一、本年新收 {new} + 二、上年结转 {old} = {left}，但（七）总计 {total} + "
        "四、结转下年度继续办理 {forward} = {right}，"
        "不符合“第一项加第二项之和，等于第三项加第四项之和”{blanks}{cause}",
        "column {column}: 新收 {new} + 上年结转 {old} = {left}, but 总计 {total} + 结转下年度 "
        "{forward} = {right} (第一项加第二项之和，等于第三项加第四项之和){cause}{blanks}",
        column="自然人",
        new=3,
        old=1,
        left=4,
        total=3,
        forward=0,
        right=3,
        cause=None,
        blanks=None,
    ),
    "outcome_total.fails": _e(
        "{column}列：（七）总计印为 {total}，但（一）至（六）各行合计为 {parts}{blanks}{cause}",
        "column {column}: （七）总计 is {total} but the outcome rows (（一）–（六）) add up to "
        "{parts}{cause}{blanks}",
        column="自然人",
        total=5,
        parts=4,
        cause=None,
        blanks=msg("sum.blanks", cells=["1.属于国家秘密 × 自然人"]),
    ),
    "row_total.fails": _e(
        "{row:q}行：总计印为 {total}，但各类申请人合计为 {parts}{blanks}{cause}",
        "row {row}: 总计 is {total} but the six applicant columns add up to {parts}{cause}{blanks}",
        row=_ROW,
        total=5,
        parts=4,
        cause=None,
        blanks=None,
    ),
    "review_total.fails": _e(
        "{group}：总计印为 {total}，但{terms:plus} = {parts}{blanks}{cause}",
        "{group}: 总计 is {total} but {terms:plus} = {parts}{cause}{blanks}",
        group="行政复议",
        total=0,
        terms=[
            msg("sum.term", label="结果维持", value=10),
            msg("sum.term", label="结果纠正", value=1),
        ],
        parts=11,
        cause=None,
        blanks=None,
    ),
    "not_assessable.text": _e(
        "{what}无法核对：{cell} 填写的是文字{raw:q}",
        "{what} not assessable: {cell} holds text {raw:q}",
        what=msg("part.what.column", column="自然人"),
        cell=_CELL,
        raw="见附件",
    ),
    "not_assessable.unreadable": _e(
        "{what}无法核对：{cell} 无法读取",
        "{what} not assessable: {cell} could not be read",
        what=msg("part.what.column", column="自然人"),
        cell=_CELL,
    ),
    "sum.exceeds": _e(
        "{what}对不上：{cells:and} 无法读取，但与之同在等式一边、能读出的单元格已合计 {known}，"
        "超过另一边的 {other}；件数不会是负数，无论无法读取的单元格是多少，都不能相等",
        "{what} fails: {cells:and} could not be read, but the cells on the same side of the "
        "sum that can be read already add up to {known}, more than the other side's {other}; "
        "counts are never negative, so no value of the unread cells makes it hold",
        what=msg("part.what.column", column="自然人"),
        cells=[_CELL],
        known=57,
        other=56,
    ),
    "not_assessable.blank_total": _e(
        "{what}无法核对：{cell} 为空白，但其各分项合计为 {own}"
        "（空白的合计栏可能是漏填，不一定是 0）",
        "{what} not assessable: {cell} is blank but its own parts add up to {own} (a blank "
        "total may be an omission, not a zero)",
        what=msg("part.what.row", row=_ROW),
        cell="（一）予以公开 × 总计",
        own=272,
    ),
    "not_assessable.blank_total_unreadable": _e(
        "{what}无法核对：{cell} 为空白，其各分项也无法读取（空白的合计栏可能是漏填，不一定是 0）",
        "{what} not assessable: {cell} is blank but its own parts cannot be read (a blank "
        "total may be an omission, not a zero)",
        what=msg("part.what.row", row=_ROW),
        cell="（一）予以公开 × 总计",
    ),
    "outcome_total.lacking": _e(
        "（七）总计无法核对：申请情况表缺少{rows:some}行",
        "the outcome totals are not assessable: table B lacks row(s) {rows:some}",
        rows=[msg("part.row_ref", key="granted", label=_ROW)],
    ),
    "balance.lacking": _e(
        "“第一项加第二项之和，等于第三项加第四项之和”无法核对：申请情况表缺少{rows:some}行",
        "the balance 一+二 = 三+四 is not assessable: table B lacks row(s) {rows:some}",
        rows=[msg("part.row_ref", key="carried_over", label="二、上年结转政府信息公开申请数量")],
    ),
    "row_total.no_total_column": _e(
        "申请情况表没有“总计”列，无法核对各行总计",
        "table B has no 总计 column: row totals cannot be checked (the rules over that column "
        "are not applicable)",
    ),
    # -- localisation of failing sums ---------------------------------------------------------
    "localization.single": _e(
        "{cell} 印为 {printed}，按{sums:and}应为 {suggested}",
        "{cell} is printed as {printed}, but by {sums:and} it should be {suggested}",
        cell=_CELL,
        printed=4,
        suggested=5,
        sums=[msg("sum.outcome_total"), msg("sum.row_total")],
    ),
    "localization.suspect": _e(
        "{cell} 应为 {suggested}", "{cell} → {suggested}", cell="行政复议 总计", suggested=11
    ),
    "localization.ambiguous": _e(
        "{scope}的合计不符，以下 {n} 个单元格中任何一个有误都能解释，仅凭合计无法判断是哪一个："
        "{suspects:semi}",
        "any one of {n} cells of {scope} would fix the {failing} failing sum{failing:s}: "
        "{suspects}; the sums cannot tell which",
        scope=msg("part.scope.c", key="review", group="行政复议"),
        n=2,
        failing=1,
        suspects=[
            msg("localization.suspect", cell="行政复议 结果维持", suggested=0),
            msg("localization.suspect", cell="行政复议 总计", suggested=11),
        ],
    ),
    "localization.none": _e(
        "{scope}有 {failing} 处合计不符，不能归结为某一个单元格：至少有两个单元格有误"
        "（或某行、某列读取有误）",
        "no single cell of {scope} explains the {failing} failing sum{failing:s}: at least two "
        "cells are wrong (or a row or column was misread)",
        scope=msg("part.scope.b"),
        failing=3,
    ),
    "part.scope.b": _e("申请情况表", "table B"),
    "part.scope.c": _e("{group}", "table C {key}", key="review", group="行政复议"),
    # -- plausibility -------------------------------------------------------------------------
    "negative": _e(
        "{cell} 印为 {value}，件数不能为负数{hint}",
        "{cell} is {value}: a count cannot be negative{hint}",
        cell="行政复议 结果纠正",
        value=-1,
        hint=msg("negative.hint", expected=1),
    ),
    "negative.hint": _e(
        "；按合计应为 {expected}", "; the table's sums call for {expected}", expected=1
    ),
    "bounds.column": _e(
        "{column}列：（七）总计办理 {handled} 件，"
        "多于本年新收与上年结转之和 {new} + {old} = {received} 件",
        "column {column}: {handled} applications handled (（七）总计) but only {new} + {old} = "
        "{received} received or carried over",
        column="自然人",
        handled=9,
        new=5,
        old=2,
        received=7,
    ),
    "bounds.corrected": _e(
        "{group}：结果纠正为 {corrected}，多于总计 {total}",
        "{group}: 结果纠正 is {corrected} but 总计 is only {total}",
        group="行政复议",
        corrected=1,
        total=0,
    ),
    "unit.written_in_yuan": _e(
        "{item} {column} 以万元为单位，但填写的{raw:q}是元，折合 {wan} 万元",
        "{item} {column} is in 万元 but {raw:q} is written in 元: that is {wan} 万元",
        item="行政事业性收费",
        column="本年收费金额",
        raw="251000元",
        wan="25.1",
    ),
    "unit.implausible": _e(
        "{item} {column} 以万元为单位，但{raw:q}将超过 100 亿元，对一个机关而言不合常理；"
        "如实为元，折合 {wan} 万元",
        "{item} {column} is in 万元 but {raw:q} would be over 100 亿元, implausible for one "
        "body: if it is in 元, that is {wan} 万元",
        item="政府集中采购",
        column="采购总金额（单位：万元）",
        raw="49966945.1",
        wan="4996.69451",
    ),
    # -- structure ----------------------------------------------------------------------------
    "template_mix": _e(
        "本报告按 {major} 年版模板填写（{signs} 处），但有 {minor_signs} 处属于 {minor} 年版模板："
        "{shown}",
        "the report follows the {major} template ({signs} signs) but has {minor_signs} sign(s) "
        "of the {minor} template: {shown:semi}",
        major="2021",
        signs=12,
        minor="2019",
        minor_signs=1,
        shown=[msg("template_mix.sign.item", label="政府集中采购")],
    ),
    "template_mix.sign.header": _e(
        "主动公开情况表表头{name:q}", "table A header {name}", name="本年制发件数"
    ),
    "template_mix.sign.item": _e(
        "主动公开情况表{label:q}一项", "table A item {label}", label="政府集中采购"
    ),
    "template_mix.sign.row": _e("申请情况表{label:q}行", "table B row {label}", label="3.其他"),
    "missing_table": _e(
        "缺少“{number}、{title}”表格",
        "table {table} ({number}、{title}) is absent",
        table="B",
        number="三",
        title="收到和处理政府信息公开申请情况",
    ),
    "missing_table.pre_2019": _e(
        "这是 {year} 年的报告，早于 2019 年版模板，不要求包含三张统计表格，各项核对均无法进行",
        "a {year} report predates the 2019 template: it is not required to have tables A, B "
        "and C, and none of the rules can be judged",
        year=2017,
    ),
    # -- the narrative ------------------------------------------------------------------------
    "narrative_mismatch": _e(
        "{heading:q}部分写明{words:q}，即{quantity} {value} 件{parts}，但{table}中为 {count} 件",
        "the text of section {section} states {value} {quantity}{parts} in {words:q}, but "
        "{table} counts {count}",
        section=1,
        heading="一、总体情况",
        words="收到政府信息公开申请 4 件",
        value=4,
        quantity=msg("narrative.new_received"),
        parts=None,
        table=msg("part.scope.b"),
        count=3,
    ),
    "narrative.parts": _e(
        "（{parts}）", " ({parts})", parts=[msg("narrative.part", name="信函", n=0)]
    ),
    "narrative.part": _e("{name} {n} 件", "{name} {n}", name="信函", n=0),
    "narrative.new_received": _e("本年新收申请", "new applications (一、本年新收)"),
    "narrative.carried_over": _e("上年结转申请", "applications carried over (二、上年结转)"),
    "narrative.carried_forward": _e(
        "结转下年度继续办理的申请", "applications carried forward (四、结转下年度继续办理)"
    ),
    "narrative.review": _e("行政复议", "administrative reviews (行政复议 总计)"),
    "narrative.litigation": _e("行政诉讼", "lawsuits (行政诉讼 总计, both kinds)"),
    "narrative.channels": _e("本年新收申请", "new applications by channel"),
    "part.scope.c_table": _e("行政复议、行政诉讼情况表", "table C"),
    # -- two years ----------------------------------------------------------------------------
    "year_carry": _e(
        "{column}列：{year} 年“二、上年结转”为 {new}，"
        "但 {previous} 年“四、结转下年度继续办理”为 {old}",
        "column {column}: {year} carried over {new} (二、上年结转) but {previous} carried forward "
        "{old} (四、结转下年度继续办理)",
        column="自然人",
        year=2021,
        new=1,
        previous=2020,
        old=2,
    ),
    "year_carry.cell": _e(
        "{column}列无法核对：有单元格不是数字",
        "column {column} not assessable: a cell holds no number",
        column="自然人",
    ),
    "year_carry.no_forward_row": _e(
        "无法核对：上一年的报告没有“四、结转下年度继续办理”行",
        "not assessable: the previous report's 四、结转下年度继续办理 row is absent",
    ),
    "year_carry.no_carried_row": _e(
        "无法核对：本年的报告没有“二、上年结转政府信息公开申请数量”行",
        "not assessable: the current report's 二、上年结转政府信息公开申请数量 row is absent",
    ),
    "year_carry.years": _e(
        "无法核对：两份报告的年度（{previous}、{current}）不能确定是相邻两年",
        "not assessable: the reports' years ({previous}, {current}) are not known to be "
        "consecutive",
        previous=2019,
        current=msg("value.unknown"),
    ),
    "year_stock": _e(
        "{label}：{previous} 年现行有效 {before} + {year} 年本年制发 {issued} "
        "− 本年废止 {repealed} = {expected}，但 {year} 年现行有效为 {stock}"
        "（修改、失效等也可能造成差异）",
        "{label}: {previous} 现行有效 {before} + {year} 本年制发 {issued} − 本年废止 {repealed} = "
        "{expected}, but {year} 现行有效 is {stock} (amendments and expiries can explain a "
        "difference)",
        label="规章",
        previous=2020,
        before=10,
        year=2021,
        issued=2,
        repealed=1,
        expected=11,
        stock=12,
    ),
    # -- the parser: table A ------------------------------------------------------------------
    "duplicate_row.a_item": _e(
        "主动公开情况表{label:q}一项重复出现，采用第一次出现的数据",
        "table A item {label} appears again; the first one is kept",
        label="规章",
    ),
    "unknown_label.a_row": _e(
        "主动公开情况表中的{label:q}不是第二十条所列事项，已跳过",
        "table A row {label:q} names no 第二十条 item; skipped",
        label="合计",
    ),
    "guessed_column": _e(
        "主动公开情况表{label:q}一项没有表头，按 {template} 年版模板确定各列",
        "table A item {label} has no column header; columns taken from the {template} template",
        label="规章",
        template="2019",
    ),
    "ambiguous_split.a_item": _e(
        "主动公开情况表{label:q}一项：连在一起的数字{digits:q}拆分到 {width} 个单元格（{columns}）"
        "有 {n} 种方式（{readings:semi}{more}），没有合计可以判断，各种拆分不一致的单元格未予采用",
        "table A item {label}: the digits {digits:q} can be split into its {width} cells "
        "({columns}) in {n} ways ({readings:semi}{more}), and no sum decides between them; the "
        "cells they disagree on are withheld",
        label="规章",
        digits="898989",
        width=3,
        columns=["本年制发件数", "本年废止件数", "现行有效件数"],
        n=8,
        readings=["89|89|89", "8|98|989"],
        more=msg("part.more", n=6),
    ),
    "ambiguous_split.unsplit": _e(
        "{what}：连在一起的数字{digits:q}{why}，所有单元格均未采用",
        "{what}: the digits {digits:q} were printed without cell boundaries and {why}; every "
        "cell withheld",
        what=_WHAT_B,
        digits="0123",
        why=msg("part.unsplit.none", width=7, digits=12),
    ),
    "part.unsplit.too_many": _e(
        "，符合格式的拆分方式超过 {max} 种",
        "more than {max} splits into {width} numbers obey the format",
        max=64,
        width=7,
    ),
    "part.unsplit.too_costly": _e(
        "，拆分成 {width} 个数字的方式过多，无法逐一尝试（超过 {steps} 步）",
        "its splits into {width} numbers are too many to try (over {steps} steps)",
        width=7,
        steps=20000,
    ),
    "part.unsplit.none": _e(
        "，无法拆分成符合格式的 {width} 个数字"
        "（不以 0 开头、每个数字至多 {digits} 位、空格视为分隔）",
        "no split into {width} numbers obeys the format (no leading zeros, at most {digits} "
        "digits a number, spaces kept as boundaries)",
        width=7,
        digits=12,
    ),
    "no_title": _e(
        "在第一部分之前没有找到报告标题（……政府信息公开工作年度报告），发布机关不明",
        "no title (…政府信息公开工作年度报告) was found before the first section; the "
        "organisation is unknown",
    ),
    "no_organization": _e(
        "标题{title:q}中没有可以读出的发布机关名称",
        "the title {title:q} names no organisation that could be read",
        title="关于印发2021年度政府信息公开工作年度报告的通知",
    ),
    "cut_label": _e(
        "表格一的行名印为{label:q}，被文本转换截短，可作本项下不止一个条目的开头；"
        "本项下的其他条目已由别的行印出，故按剩下的“{item}”读取",
        "table A's row label printed {label:q} was cut short by a text dump and starts more "
        "than one item of its clause; the others are printed by other rows, so it is read as "
        "the one left, {item}",
        label="行政\ufffd",
        item="行政强制",
    ),
    "cut_cell": _e(
        "单元格印为{printed:q}：文本转换时按列宽截断，并混入了相邻文字；读作{read:q}",
        "the cell printed {printed:q}: a text dump cut it to its column's width and ran the "
        "neighbouring text into it; read as {read:q}",
        printed="本年新收政府信息公开申请数量 821",
        read="821",
    ),
    "cut_cell_word": _e(
        "单元格印为{printed:q}：文本转换时按字节截断了其中的文字（如“无”）或相邻文字；"
        "此处没有数字，按空白读取",
        "the cell printed {printed:q}: a text dump cut its word (such as 无) or its "
        "neighbour's words byte by byte; no number stood there, read as blank",
        printed="权\ufffd",
    ),
    "page_break_row": _e(
        "{what}：行名在一页末尾，数字在下一页开头，按同一行读取",
        "{what}: its label ends a page and its numbers start the next one; they are read as "
        "one row",
        what=_WHAT_B,
    ),
    "joined_row": _e(
        "{what}：数字分印在第 {first} 行和第 {second} 行，夹在折行的行名旁，按同一行读取",
        "{what}: its numbers were printed on lines {first} and {second}, beside a label wrapped "
        "around them; read as one row",
        what=_WHAT_B,
        first=40,
        second=42,
    ),
    "number_in_numbering": _e(
        "{what}：行名中的{text:q}把一个数字和行的序号印在了一起，不按位置补空白，按各列之和读取",
        "{what}: {text:q} in its label is a number printed against the row's numbering; the "
        "row is not read by position (a blank there may be that number) but by the table's "
        "sums",
        what=_WHAT_B,
        text="03.",
    ),
    "reading_order": _e(
        "{what}：{value:q}单独印在一行，位于各列分开印出的表头之下（PDF 文本按列块读出），"
        "这类数字的先后不一定是各列的顺序",
        "{what}: {value:q} was printed on a line of its own under a header whose columns were "
        "printed apart (PDF text read by blocks of columns); the order of such numbers need not "
        "be the columns' order",
        what=_WHAT_B,
        value="14",
    ),
    "reading_order.b_pieces": _e(
        "{what}：数字分段印在第 {lines:and} 行，按印出的先后本行不合其总计；按 {shown} 读取，"
        "这是各段唯一合乎表内各项之和的先后（推断，不是文本所印的顺序）",
        "{what}: its numbers were printed in pieces on lines {lines:and}, and in the order "
        "printed the row does not add up; read as {shown}, the one order of the pieces that "
        "fits the table's sums (a reading, not the order printed)",
        what=_WHAT_B,
        lines=["335", "336"],
        shown="95672|20015|81812|54397|13566|2|265464",
    ),
    "reading_order.b_blocks": _e(
        "{what}：本表的数字按块印出（PDF 文本按行或按列成块读出，各行名称另印别处），"
        "本行的数字取自将全部数字按模板各行切分的唯一一种各行之和与各列之和都相合的切法"
        "（推断，不是文本在本行名称旁所印）",
        "{what}: the table's numbers were printed by blocks (PDF text read a block of rows at "
        "a time, row after row or column after column, the labels printed elsewhere); the "
        "row's numbers come from the one way of cutting them all into the template's rows in "
        "which every row and every column adds up (a reading, not what the text printed beside "
        "the row's label)",
        what=_WHAT_B,
    ),
    "reading_order.b_row": _e(
        "{what}：各列分块读出的数字按读出的先后不合本行之和（{parts:and} 之和为 {sum}，"
        "总计读作 {total}），读出的先后不是各列的顺序，本行的数字不予采用",
        "{what}: its numbers, read by blocks of columns, do not add up in the order read "
        "({parts:and} add up to {sum}, its total reads {total}): the order read is not the "
        "columns' order, and the row's numbers are withheld",
        what=_WHAT_B,
        parts=["0", "9", "5", "31", "0", "5"],
        sum=50,
        total=9,
    ),
    "reading_order.a_page_end": _e(
        "主动公开情况表“{label}”项：数字按列块读出，其 {n} 个数字是本页最后的文字；"
        "页脚上方的数字会被排到同行其他数字之后，读出的先后不一定是各列的顺序，本项的数字不予采用",
        "table A item {label}: its numbers were read by blocks of columns, and its {n} numbers "
        "are the last text of their page, where a number set above the page's footer comes out "
        "after the row's others: the order read need not be the columns' order, and the "
        "item's numbers are withheld",
        label="行政处罚",
        n=3,
    ),
    "reading_order.a_sign": _e(
        "主动公开情况表“{label}”项：数字按列块读出，{value:q}为负数，却读在“{column}”一列，"
        "而只有“{signed}”可以为负：读出的先后不是各列的顺序，本项的数字不予采用",
        "table A item {label}: its numbers were read by blocks of columns, and {value:q}, a "
        "negative number, was read under {column}, where only {signed} may be negative: the "
        "order read is not the columns' order, and the item's numbers are withheld",
        label="行政处罚",
        value="-217",
        column="处理决定数量",
        signed="本年增/减",
    ),
    "reading_order.a_template": _e(
        "主动公开情况表“{label}”项：{value:q}与本项名称分开印出（PDF 文本按列块读出），"
        "按模板中各项的先后归入本项（各块数字依次填满名称已印出的各项，"
        "且其上的表头正是该项的各列），这是推断，不是文本在本项旁所印",
        "table A item {label}: {value:q} was printed apart from the item's label (PDF text read "
        "by blocks of columns) and is given to it by the template's order of the items (the "
        "runs of numbers fill the items whose labels are printed, in turn, each under its own "
        "columns' header): a reading, not what the text printed beside the label",
        label="规章",
        value="13",
    ),
    "reading_order.c_after": _e(
        "行政复议、行政诉讼情况表：{value:q}印在表后各节的标题之后（PDF 文本按列块读出），"
        "按印出的先后接在本表（第 {line} 行起）已读出的数字之后，各组之和相合；"
        "这是推断，不是文本在表内所印",
        "table C: {value:q} was printed after the headings of the sections that follow the "
        "table (PDF text read by blocks of columns), and is read as the table's "
        "next number (the table starts at line {line}), in the order printed, where each group "
        "adds up; a reading, not what the text printed inside the table",
        value="9",
        line=160,
    ),
    "reading_order.c_group": _e(
        "行政复议、行政诉讼情况表“{group}”一组：各列分块读出的数字按读出的先后不合本组之和"
        "（{parts:and} 之和为 {sum}，总计读作 {total}），读出的先后不是各列的顺序，"
        "本组的数字不予采用",
        "table C, group {group}: its numbers, read by blocks of columns, do not add up in the "
        "order read ({parts:and} add up to {sum}, its total reads {total}): the order read is "
        "not the columns' order, and the group's numbers are withheld",
        group="行政复议",
        parts=["72", "64", "178", "37"],
        sum=351,
        total=12,
    ),
    "settled_by_narrative": _e(
        "{what}读作 {chosen}：在其 {n} 种读法（{readings:some}）中，只有这一种与{evidence:and}"
        "相符{quoted}；按此读取的单元格标为推算得出",
        "{what} read as {chosen}: of its {n} readings ({readings:some}) the only one that agrees "
        "with {evidence:and}{quoted}; the cells so read are marked derived",
        what=msg("part.what.a_item", label="行政规范性文件"),
        chosen="77|13|470",
        n=21,
        readings=["77|13|470", "7|71|3470"],
        evidence=[
            msg(
                "part.evidence.narrative",
                name="本年制发件数",
                value=77,
                words="制发行政规范性文件77件",
                line=3,
                column=5,
            )
        ],
        quoted=None,
    ),
    "settled_by_other_year": _e(
        "{what}读作 {chosen}：在其 {n} 种读法（{readings:some}）中，只有这一种与{evidence:and}"
        "相符{quoted}；按此读取的单元格标为推算得出",
        "{what} read as {chosen}: of its {n} readings ({readings:some}) the only one that agrees "
        "with {evidence:and}{quoted}; the cells so read are marked derived",
        what=msg("part.what.a_item", label="行政规范性文件"),
        chosen="6|0|51",
        n=2,
        readings=["6|0|51", "60|5|1"],
        evidence=[
            msg(
                "part.evidence.stock_before",
                other=msg(
                    "part.evidence.report", organization="某县人民政府", year=2021, source="a.txt"
                ),
                stock=45,
            )
        ],
        quoted=None,
    ),
    "narrowed_by_narrative": _e(
        "{what}：在其 {n} 种读法中，与{evidence:and}相符的有 {m} 种（{readings:some}）{quoted}，"
        "它们对 {cells:and} 的读法一致，这些单元格按此读取、标为推算得出；其余单元格仍不予采用",
        "{what}: of its {n} readings, the {m} that agree with {evidence:and} ({readings:some})"
        "{quoted} all read {cells:and}; those cells are read so and marked derived, the others "
        "stay withheld",
        what=msg("part.what.c"),
        n=108,
        m=72,
        readings=["5|2|_|_|7|8|1|_|_|9|_|_|_|_|_", "5|_|2|_|7|8|1|_|_|9|_|_|_|_|_"],
        evidence=[
            msg(
                "part.evidence.narrative",
                name="行政诉讼 总计",
                value=9,
                words="行政诉讼9件",
                line=12,
                column=36,
            )
        ],
        quoted=None,
        cells=["行政复议 总计=7"],
    ),
    "conflicting_evidence.implausible": _e(
        "{what}：证据指向 {chosen}（{evidence:semi}），但这种读法不合常理（{bound}），"
        "相应单元格仍不采用",
        "{what}: the evidence points to {chosen} ({evidence:semi}), but that reading is "
        "implausible ({bound}); its cells stay withheld",
        what=msg("part.what.a_item", label="行政规范性文件"),
        chosen="77|13|4",
        evidence=["…"],
        bound=msg("part.implausible.stock", stock=4, issued=77, repealed=13),
    ),
    "conflicting_evidence.disagrees": _e(
        "{what}：关于其 {n} 种读法（{readings:some}）的证据互相矛盾，相应单元格仍不采用："
        "{each:semi}{quoted}",
        "{what}: its cells stay withheld, since the evidence about its {n} readings "
        "({readings:some}) disagrees: {each:semi}{quoted}",
        what=msg("part.what.a_item", label="行政规范性文件"),
        n=2,
        readings=["6|0|51", "60|5|1"],
        each=["…"],
        quoted=None,
    ),
    "conflicting_evidence.unsettled": _e(
        "{what}曾读作 {held}，但关于其 {n} 种读法（{readings:some}）的证据并不唯一指向这一种，"
        "各读法不一致的单元格重新不予采用：{each:semi}{quoted}",
        "{what} was read as {held}, but the evidence about its {n} readings ({readings:some}) "
        "does not single that one out, so the cells its readings disagree on are withheld "
        "again: {each:semi}{quoted}",
        what=msg("part.what.a_item", label="行政规范性文件"),
        held="6|0|51",
        n=2,
        readings=["6|0|51", "60|5|1"],
        each=["…"],
        quoted=None,
    ),
    "part.evidence.agrees": _e(
        "{says}与 {readings:some} 相符",
        "{says} agrees with {readings:some}",
        says="…",
        readings=["6|0|51"],
    ),
    "part.evidence.agrees_none": _e(
        "{says}与任何一种读法都不相符", "{says} agrees with none of them", says="…"
    ),
    "part.evidence.quoted": _e(
        "（出自{quotes:some}）", " (from {quotes:some})", quotes=["本年度制发行政规范性文件77件"]
    ),
    "part.evidence.narrative": _e(
        "正文第 {line} 行第 {column} 列所述{name} {value}（{words:q}）",
        "the narrative's {name} {value} ({words:q}, line {line}, column {column})",
        name="本年制发件数",
        value=77,
        words="制发行政规范性文件77件",
        line=3,
        column=5,
    ),
    "part.evidence.report": _e(
        "{organization}{year}年报告（{source}）",
        "{organization}'s {year} report ({source})",
        organization="某县人民政府",
        year=2021,
        source="reports[0]",
    ),
    "part.evidence.stock_before": _e(
        "{other}：其现行有效件数 {stock} + 本年制发件数 − 本年废止件数 = 本年现行有效件数",
        "{other}, whose 现行有效件数 {stock} + this year's 本年制发件数 − 本年废止件数 = this "
        "year's 现行有效件数 (year_stock)",
        other="…",
        stock=45,
    ),
    "part.evidence.stock_after": _e(
        "{other}：其现行有效件数 {stock} − 本年制发件数 {issued} + 本年废止件数 {repealed} = "
        "{before}，即本年现行有效件数",
        "{other}, whose 现行有效件数 {stock} − 本年制发件数 {issued} + 本年废止件数 {repealed} = "
        "{before}, this year's 现行有效件数 (year_stock)",
        other="…",
        stock=51,
        issued=6,
        repealed=0,
        before=45,
    ),
    "part.evidence.items_before": _e(
        "{other}：其上一年项目数量 {start} + 本年增/减 {change} = {counted}，即本年上一年项目数量",
        "{other}, whose 上一年项目数量 {start} + 本年增/减 {change} = {counted}, this year's "
        "上一年项目数量 (year_items)",
        other="…",
        start=51,
        change=-14,
        counted=37,
    ),
    "part.evidence.items_after": _e(
        "{other}：其上一年项目数量 {start} = 本年上一年项目数量 + 本年增/减",
        "{other}, whose 上一年项目数量 {start} = this year's 上一年项目数量 + 本年增/减 "
        "(year_items)",
        other="…",
        start=37,
    ),
    "part.evidence.carry": _e(
        "{other}：其“{mate}”为 {shown}，即本年“{row}”",
        "{other}, whose {mate} is {shown}, this year's {row} (year_carry)",
        other="…",
        mate="四、结转下年度继续办理",
        shown="1|0|0|0|0|0|1",
        row="二、上年结转政府信息公开申请数量",
    ),
    "part.implausible.stock": _e(
        "现行有效件数 {stock} 少于本年制发件数 {issued} − 本年废止件数 {repealed}",
        "现行有效件数 {stock} is less than 本年制发件数 {issued} − 本年废止件数 {repealed}",
        stock=4,
        issued=77,
        repealed=13,
    ),
    "part.implausible.published": _e(
        "本年新公开数量 {published} 多于对外公开总数量 {total}",
        "本年新公开数量 {published} is more than 对外公开总数量 {total}",
        published=9,
        total=3,
    ),
    "part.implausible.items": _e(
        "上一年项目数量 {before} + 本年增/减 {change} 小于 0",
        "上一年项目数量 {before} + 本年增/减 {change} is below zero",
        before=3,
        change=-5,
    ),
    "duplicate_row.a_item_later": _e(
        "主动公开情况表{label:q}一项再次出现（第 {line} 行）；保留后一处，"
        "因为其单元格符合表格而第一处不符合",
        "table A item {label} appears again (line {line}); that copy is kept, since its cells "
        "fit the table and the first one's do not",
        label="行政规范性文件",
        line=40,
    ),
    "two_numbers": _e(
        "{what}{column}列：单元格{raw:q}中有两个数字（单元格的分隔或两行之间的表格线丢失），"
        "未采用其中任何数字",
        "{what}, column {column}: the cell {raw:q} holds two numbers (a cell boundary, or the "
        "rule between two rows, was lost); no number is taken from it",
        what=_WHAT_B,
        column="自然人",
        raw="13 60",
    ),
    "merged_rows": _e(
        "申请情况表的行名{label:q}包含 {n} 行（{rows}）：几行被印成了一行，可能是行间的表格线丢失；"
        "该行数字未采用",
        "table B row label {label:q} names {n} rows ({rows}): rows were printed as one, probably "
        "because the rule between them was lost; its numbers are not used",
        label="（一）予以公开（二）部分公开",
        n=2,
        rows=["granted", "partially_granted"],
    ),
    "column_order.b": _e(
        "申请情况表表头中“法人或其他组织”下各列的顺序为{columns}，与模板不同；各列数字按表头读取",
        "table B's header prints the columns under 法人或其他组织 in the order {columns}, not "
        "the template's; each column's numbers are taken by its header",
        columns=["科研机构", "商业企业", "社会公益组织", "法律服务机构", "其他"],
    ),
    "column_order.c": _e(
        "行政复议、行政诉讼情况表表头中各项结果的顺序与模板不同（{orders:semi}）；各列数字按表头读取",
        "table C's header prints the outcomes in another order than the template ({orders:semi}); "
        "each column's numbers are taken by its header",
        orders=["行政复议：结果纠正、结果维持、其他结果、尚未审结、总计"],
    ),
    "column_order.c_sums": _e(
        "行政复议、行政诉讼情况表{group}的数字按模板的顺序相加相符（总计在最后），按表头看似所印的"
        "顺序则不符；按模板的顺序读取",
        "table C's {group} numbers add up in the template's order (总计 last), not in the order "
        "its header seems to print; read in the template's order",
        group="行政复议",
    ),
    "column_order.c_groups": _e(
        "行政复议、行政诉讼情况表表头把{first:q}印在{second:q}之前，与模板顺序不同；"
        "其数字无法按位置对应，未予采用",
        "table C's header prints {first} before {second}, not in the template's order; its "
        "numbers cannot be placed by position and are withheld",
        first="行政诉讼",
        second="行政复议",
    ),
    "ragged_row.a_item": _e(
        "主动公开情况表{label:q}一项有 {printed} 个单元格，而应有 {width} 列（{columns}），"
        "该行数字均未采用",
        "table A item {label} has {printed} cells for {width} columns ({columns}); no number is "
        "taken from it",
        label="规章",
        printed=5,
        width=3,
        columns=["本年制发件数", "本年废止件数", "现行有效件数"],
    ),
    # -- the parser: tables B and C -----------------------------------------------------------
    "unknown_label.b_group": _e(
        "申请情况表中的{label:q}是几行的分组名称，不是单独一行，其数字未采用",
        "table B row {label:q} names a group of rows, not a row; its numbers are not used",
        label="（三）不予公开",
    ),
    "label_end": _e(
        "申请情况表中的行名{label:q}只是{what}行名的结尾（开头不在文本中，可能被页面左边缘截断），"
        "按该行读取",
        "table B row label {label:q} is only the end of the label of {what} (its start is not "
        "in the text: the page's left edge may have cut it); read as that row",
        label="区分处理的，只计这一情形，不计其他情形）",
        what=_WHAT_B,
    ),
    "label_end.placed": _e(
        "申请情况表中的行名{label:q}只是行名的结尾（开头不在文本中，可能被页面左边缘截断），"
        "按其位置（{previous}与{following}之间）认定为{what}",
        "table B row label {label:q} is only the end of a label (its start is not in the text: "
        "the page's left edge may have cut it); read as {what} by its position between "
        "{previous} and {following}",
        label="府信息公开申请数量",
        what=msg("part.what.b_row", key="carried_over", label="二、上年结转政府信息公开申请数量"),
        previous=msg("part.row", key="new_received", label="一、本年新收政府信息公开申请数量"),
        following=msg("part.row", key="granted", label=_ROW),
    ),
    "label_end.unplaced": _e(
        "申请情况表中的行名{label:q}是{rows}这 {n} 行行名共同的结尾（开头不在文本中），"
        "其位置（{previous}与{following}之间）也不能说明是哪一行，其数字未采用",
        "table B row label {label:q} is the end of the labels of {n} rows ({rows}; its start is "
        "not in the text), and its position between {previous} and {following} does not say "
        "which; its numbers are not used",
        label="府信息公开申请数量",
        rows="一、本年新收政府信息公开申请数量、二、上年结转政府信息公开申请数量",
        n=2,
        previous=msg("part.header"),
        following=msg("part.row", key="granted", label=_ROW),
    ),
    "unknown_label.b_row": _e(
        "申请情况表中的行名{label:q}与模板中任何一行都对不上，其数字未采用",
        "table B row label {label:q} matches no row of the template; its numbers are not used",
        label="其他情形",
    ),
    "unknown_label.b_row_above": _e(
        "{what}：下一行（第 {line} 行）的行名{label:q}与模板中任何一行都对不上，其数字未采用；"
        "这些数字若属于本行，本行读作空白的单元格并非空白",
        "{what}: the label {label:q} on the next line ({line}) matches no row of the template "
        "and its numbers are not used; if they are this row's, its cells read as blanks are not",
        what="（一）予以公开",
        line=12,
        label="其他情形",
    ),
    "rows_run_together.labels_first": _e(
        "{what}：行名前紧接着印有{rows}的行名（各无数字），行名后印有 {n} 行的数字；"
        "哪一行数字属于哪个行名，文本没有说明，这些数字未采用",
        "{what}: the labels of {rows} were printed right before its own (with no numbers), "
        "and {n} rows of numbers follow; the text does not say which numbers are whose, so "
        "they are not used",
        what=_WHAT_B,
        rows="（七）总计",
        n=2,
    ),
    "rows_run_together.unsummed": _e(
        "{what}：行名前紧接着印有{rows}的行名（各无数字），行名后的 {n} 个数字合计不符"
        "（没有一个等于其余之和），未必是本行的；属于哪一行，文本没有说明，这些数字未采用",
        "{what}: the labels of {rows} were printed right before its own (with no numbers), and "
        "the {n} numbers after it do not add up (none is the sum of the others), so they need "
        "not be its own; the text does not say whose they are, so they are not used",
        what=_WHAT_B,
        rows="二、上年结转政府信息公开申请数量",
        n=7,
    ),
    "rows_run_together.last_row": _e(
        "{what}：行名前印有其上各行的行名（各无数字），行名后印有 {n} 行的数字；本行是表中最后"
        "一行，其后再无行可以接这些数字，故按先后读作{rows}各行的数字（推断，不是文本在行名旁所印）",
        "{what}: the labels of the rows above it were printed right before its own (with no "
        "numbers), and {n} rows of numbers follow; it is the table's last row, so no row after "
        "it can own them, and they are read in turn as the rows {rows} (a reading, not what "
        "the text printed beside each label)",
        what=msg("part.what.b_row", key="carried_forward", label="四、结转下年度继续办理"),
        rows="（七）总计、四、结转下年度继续办理",
        n=2,
    ),
    "rows_run_together": _e(
        "{what}：行名后印有 {n} 行的数字（每 {width} 个一行，各行合计相符），"
        "第一行按本行读取，其余按没有行名的行处理",
        "{what}: its label is followed by the numbers of {n} rows ({width} a row, each adding "
        "up); the first {width} are read as its own, the others as rows without a label",
        what=_WHAT_B,
        n=3,
        width=7,
    ),
    "unlabelled_row.placed": _e(
        "申请情况表中有一行没有行名，按其位置（{previous}与{following}之间）认定为{label:q}行",
        "table B row without a label placed as {key} by its position between {previous} and "
        "{following}",
        key="granted",
        label=_ROW,
        previous=msg("part.header"),
        following=msg("part.row", key="partially_granted", label="（二）部分公开"),
    ),
    "unlabelled_row.unplaced": _e(
        "申请情况表中有一行没有行名，无法确定是哪一行："
        "{previous}与{following}之间有 {run} 行没有行名，而缺少的行有 {gap} 行；其数字未采用",
        "table B row without a label could not be placed: {run} unlabelled row(s) between "
        "{previous} and {following} for {gap} missing row(s); its numbers are not used",
        run=2,
        gap=1,
        previous=msg("part.row", key="granted", label=_ROW),
        following=msg("part.end"),
    ),
    "duplicate_row.b_row": _e(
        "申请情况表{label:q}行重复出现，采用第一次出现的数据",
        "table B row {key} appears again (first at line {first}); the first one is kept",
        key="granted",
        label=_ROW,
        first=48,
    ),
    "no_total_column": _e(
        "申请情况表没有“总计”列，各行总计栏按缺失处理",
        "table B has no 总计 column; its total cells are missing (Applications.row_total() "
        "sums the applicant columns instead)",
    ),
    "missing_row": _e(
        "申请情况表缺少{label:q}行",
        "table B has no row {key} ({label})",
        key="total",
        label="（七）总计",
    ),
    "split_by_sums": _e(
        "{what}：连在一起的数字{digits:q}按表格的合计关系只有一种拆分方式：{shown}",
        "{what}: the digits {digits:q} were printed without cell boundaries; split as {shown} "
        "because no other split fits the table's sums",
        what=_WHAT_B,
        digits="801000081",
        shown="80|1|0|0|0|0|81",
    ),
    "ragged_row": _e(
        "{what}有 {printed} 个单元格，而应有 {width} 列{stray}{lost}{blanked}{derived}{unknown}。",
        "{what} has {printed} cells for {width} columns{stray}{lost}{blanked}{derived}{unknown}.",
        what=_WHAT_B,
        printed=6,
        width=7,
        stray=None,
        lost=msg("ragged_row.lost", columns=["其他"]),
        blanked=None,
        derived=msg("ragged_row.derived", columns=["其他"]),
        unknown=None,
    ),
    "ragged_row.blanked": _e(
        "；版面留下的{columns:q}列空单元格按印出的空白读取",
        "; the empty cell(s) of the layout under {columns} read as printed blanks",
        columns=["总计"],
    ),
    "ragged_row.stray": _e(
        "；多出的单元格{cells:q}未采用", "; stray cell(s) {cells:q} left out", cells=["3"]
    ),
    "ragged_row.lost": _e(
        "；视为缺少{columns:q}列的单元格", "; cell(s) {columns} taken as lost", columns=["其他"]
    ),
    "ragged_row.derived": _e(
        "；{columns:q}按表格的合计关系推算得出",
        "; {columns} recovered from the table's sums",
        columns=["其他"],
    ),
    "ragged_row.unknown": _e(
        "；{columns:q}无法推算，按缺失处理",
        "; {columns} could not be recovered and are missing",
        columns=["其他"],
    ),
    "ambiguous_split": _e(
        "{what}：连在一起的数字{digits:q}符合表格合计关系的拆分方式有 {n} 种："
        "{readings:semi}{more}；{withheld}未予采用",
        "{what}: the digits {digits:q} can be split in {n} ways that fit the table's sums: "
        "{readings:semi}{more}; cell(s) {withheld} withheld",
        what=_WHAT_B,
        digits="1234",
        n=2,
        readings=["自然人=1 商业企业=23", "自然人=12 商业企业=3"],
        more=None,
        withheld=["自然人", "商业企业"],
    ),
    "ambiguous_row": _e(
        "{what}有 {printed} 个单元格，而应有 {width} 列，符合表格合计关系的读法有 {n} 种："
        "{readings:semi}{more}；{withheld}未予采用",
        "{what} has {printed} cells for {width} columns and can be read in {n} ways that fit "
        "the table's sums: {readings:semi}{more}; cell(s) {withheld} withheld",
        what=_WHAT_B,
        printed=5,
        width=7,
        n=2,
        readings=["自然人=1 商业企业=? 总计=3", "自然人=? 商业企业=1 总计=3"],
        more=msg("part.more_paren", n=3),
        withheld=["自然人", "商业企业"],
    ),
    "ambiguous_row.blank": _e(
        "{what}有 {printed} 个单元格，而应有 {width} 列：各数之值已由表格合计关系定下，"
        "但空白单元格与 0 或“-”等符号各在哪一列，合计关系分不出（空白按 0 相加）；"
        "{withheld}未予采用",
        "{what} has {printed} cells for {width} columns: the sums settle its numbers, but not "
        'which of its cells are blank and which hold a 0 or a mark such as "-" (a blank adds '
        "up as 0); cell(s) {withheld} withheld",
        what=_WHAT_B,
        printed=6,
        width=7,
        withheld=["商业企业", "科研机构"],
    ),
    "ambiguous_row.line": _e(
        "本行的数字属于{what}，该行的读法不止一种（见第 {first} 行）；"
        "各读法一致的单元格予以采用，其余未予采用",
        "a number on this line is of {what}, which can be read in more than one way (see line "
        "{first}); the cells all readings agree on are kept, the others withheld",
        what=_WHAT_B,
        first=40,
    ),
    "missing_values": _e(
        "行政复议、行政诉讼情况表只有表头，没有数字", "table C has a header but no row of numbers"
    ),
    # -- the parser: the report as a whole ----------------------------------------------------
    "duplicate_section": _e(
        "标题{title:q}与第{number:cn}部分重复，其内容单独保留",
        "heading {title:q} repeats section {number} (first at line {first}); its text is kept "
        "apart",
        title="一、总体情况",
        number=1,
        first=3,
    ),
    "shifted_heading": _e(
        "标题{title:q}的编号是{printed:q}，但按其内容是第{number:cn}部分（{section}）",
        "heading {title:q} is numbered {printed} but is section {number} ({section}) by its "
        "wording",
        title="三、政府信息公开行政复议、行政诉讼情况",
        printed="三",
        number=4,
        section="政府信息公开行政复议、行政诉讼情况",
    ),
    "year_from_text": _e(
        "标题中没有年份，按正文取 {year} 年",
        "the title names no year; {year} taken from the text",
        year=2021,
    ),
    "template_mix.headers": _e(
        "表头按 {winner} 年版模板，但{label:q}属于 {loser} 年版模板",
        "the table headers follow the {winner} template, but {label:q} belongs to the {loser} "
        "template",
        winner="2021",
        label="政府集中采购",
        loser="2019",
    ),
    "pre_2019_format": _e(
        "这是 {year} 年的报告：2019 年版模板之前的报告格式不固定，没有可以读取的统计表格",
        "this is a {year} report: reports before the 2019 template were free-form and have none "
        "of the tables this library reads",
        year=2017,
    ),
    "missing_table.not_found": _e(
        "未找到{title:q}表格",
        "table {table} ({title}) was not found",
        table="C",
        title="四、行政复议、行政诉讼情况",
    ),
    "missing_section": _e(
        "第{number:cn}部分（{title}）没有单独的标题",
        "section {number} ({title}) has no heading of its own",
        number=5,
        title="存在的主要问题及改进情况",
    ),
    "invalid_unicode": _e(
        "有 {count} 个无效字符（UTF-16 代理码位），按替换字符 U+FFFD 读取",
        "{count} UTF-16 surrogate code point(s), which are no characters, read as U+FFFD (the "
        "replacement character)",
        count=1,
    ),
    # -- why a file could not be read (the command line; the library's own detail in English)
    "file_error.not_a_report": _e(
        "不是政府信息公开工作年度报告（没有找到报告标题、章节标题或统计表格）",
        "{detail}",
        detail="not a government information disclosure annual report",
    ),
    "file_error.empty": _e("文件是空的", "{detail}", detail="the text is empty"),
    "file_error.structure": _e(
        "无法识别报告的结构", "{detail}", detail="unexpected B_ROW in the report's structure"
    ),
    "file_error.too_large": _e(
        "文件太大，超过了读取上限",
        "{detail}",
        detail="the file is 60,000,000 bytes, over the limit of 50,000,000 bytes",
    ),
    "file_error.truncated": _e(
        "文件不完整（可能下载时中断），请重新下载",
        "{detail}",
        detail="the file is truncated and the report incomplete",
    ),
    "file_error.corrupt_file": _e(
        "文件已损坏，无法读取", "{detail}", detail="the file is not a PDF"
    ),
    "file_error.no_text_layer": _e(
        "这个 PDF 没有文字层（可能是扫描件），无法读取其中的文字；请先进行文字识别（OCR）再检查",
        "{detail}",
        detail="the PDF has no text layer (1 page(s) of images, e.g. a scan)",
    ),
    "file_error.encrypted": _e(
        "文件设有密码，请先解除密码保护", "{detail}", detail="the PDF is encrypted"
    ),
    "file_error.too_complex": _e(
        "文件的结构嵌套过深，无法读取", "{detail}", detail="the HTML is nested too deeply to read"
    ),
    "file_error.too_many_pages": _e(
        "PDF 的页数远多于任何年度报告，未读取", "{detail}", detail="the PDF has 10,001 pages"
    ),
    "file_error.too_many_objects": _e(
        "PDF 某页绘制的图形对象远多于任何报告页面，未读取",
        "{detail}",
        detail="page 3 of the PDF draws more than 1,000,000 objects",
    ),
    "file_error.too_many_chars": _e(
        "PDF 某页的字符数远多于任何报告页面，未读取",
        "{detail}",
        detail="page 3 of the PDF holds more than 100,000 characters",
    ),
    "file_error.too_many_elements": _e(
        "Word 文档正文的元素数量远超其大小所能容纳的程度，未读取",
        "{detail}",
        detail="the document's body holds more XML elements than its size allows",
    ),
    "file_error.decompression_bomb": _e(
        "PDF 中的数据流解压后远大于文件本身（可能是恶意文件），未读取",
        "{detail}",
        detail="the PDF's streams inflate far beyond its size",
    ),
    "file_error.xobject_budget": _e(
        "PDF 中的表单对象相互绘制次数过多（可能是恶意文件），未读取",
        "{detail}",
        detail="the PDF's forms draw each other more often than its size allows",
    ),
    "file_error.reference_cycle": _e(
        "PDF 中的对象引用自身，没有可读取的内容",
        "{detail}",
        detail="the PDF's objects refer to themselves and nothing could be read",
    ),
    "file_error.image_too_large": _e(
        "图片（或扫描页）的像素远多于任何报告页面（可能是恶意文件），未做文字识别",
        "{detail}",
        detail="the image has 10,000,000,000 pixels, over the limit of 100,000,000",
    ),
    "file_error.too_many_scanned_pages": _e(
        "扫描件的页数远多于任何年度报告，未做文字识别",
        "{detail}",
        detail="the scan has 300 pages, over the limit of 120 read by OCR",
    ),
    "file_error.out_of_memory": _e(
        "可用内存不足以读取该文件", "{detail}", detail="the file could not be read in memory"
    ),
    "file_error.conversion_failed": _e(
        "LibreOffice 无法转换这个文件（可能已损坏、设有密码，或不是文字文档），未读取",
        "{detail}",
        detail="LibreOffice could not convert the file: it wrote no document",
    ),
    "file_error.conversion_timeout": _e(
        "LibreOffice 转换这个文件超过了时间上限，未读取",
        "{detail}",
        detail="LibreOffice took more than 60 s to convert the file",
    ),
    "file_error.not_a_file": _e(
        "这不是普通文件（例如命名管道或设备），未读取",
        "{detail}",
        detail="a named pipe, not a file: not read",
    ),
    "file_error.encoding": _e(
        "无法识别文件的文字编码", "{detail}", detail="the file is neither UTF-8 nor GB18030"
    ),
    "file_error.unsupported_format": _e(
        "不能读取这类文件（可以读取：{formats}）",
        "{detail}",
        detail="cannot read 'a.xls': no reader for .xls",
        formats=".txt .md .html .htm .docx .pdf",
    ),
    "file_error.missing_dependency": _e(
        "读取这类文件需要另外安装组件：pip install 'disclosure-parser[{extra}]'",
        "{detail}",
        detail="reading PDF files needs pdfplumber, which is not installed",
        extra="pdf",
    ),
    "file_error.missing_program": _e(
        "读取这类文件需要另外安装程序 {program}：'apt-get install {packages}'",
        "{detail}",
        detail="reading scanned PDFs and images needs the tesseract program",
        program="tesseract",
        packages="tesseract-ocr tesseract-ocr-chi-sim",
    ),
    "file_error.ocr_failed": _e(
        "文字识别（OCR）失败，无法读取这个扫描件",
        "{detail}",
        detail="Tesseract failed on a page",
    ),
    "file_error.io": _e(
        "无法打开文件：{reason}",
        "cannot read the file: {detail}",
        detail="[Errno 2] No such file or directory: 'a.pdf'",
        reason=msg("part.io.not_found"),
    ),
    "part.io.not_found": _e("文件不存在", "No such file or directory"),
    "part.io.denied": _e("没有读取这个文件的权限", "Permission denied"),
    "part.io.folder": _e("这是一个文件夹", "Is a directory"),
    "file_error.other": _e("无法读取：{detail}", "{detail}", detail="the file could not be read"),
    # -- the command line ---------------------------------------------------------------------
    "cli.description": _e(
        "检查政府信息公开工作年度报告：各表的数字是否相符，与正文是否一致。",
        "Check government information-disclosure annual reports (政府信息公开工作年度报告): do "
        "their tables add up, and agree with their text?",
    ),
    "cli.version": _e("显示版本号并退出", "show the version and exit"),
    "cli.help": _e("显示帮助并退出", "show this help message and exit"),
    "cli.usage": _e("用法：", "usage: "),
    "cli.positionals": _e("参数", "positional arguments"),
    "cli.options": _e("选项", "options"),
    "cli.check.help": _e("检查报告，列出发现的问题", "check reports and list the problems found"),
    "cli.check.description": _e(
        "逐一读取报告（可读取 {formats}），按各项核对规则检查，每个问题一行：文件:位置: 严重程度 "
        "代码 说明。PDF 的位置是页码、表格和行（第2页 表3 第5行），Word 文件和网页是表格和行，"
        "文本文件是行:列。",
        "Read each report (formats read: {formats}), apply the consistency rules and print "
        "one line per problem: file:position: severity code message. The position is the page, "
        "table and row for PDFs (page 2, table 3, row 5), the table and row for Word files and "
        "web pages, line:column for text files.",
        formats=".txt .md .html .htm .docx .pdf",
    ),
    "cli.check.epilog": _e(
        "退出状态：0 没有发现错误；1 发现错误；2 有文件无法读取（或没有找到报告）。"
        "语言：默认按系统区域设置（LANG=zh_CN.UTF-8 时为中文），可用 --lang 或环境变量 "
        "DISCLOSURE_PARSER_LANG 指定。",
        "exit status: 0 no error found; 1 an error was found; 2 a file could not be read (or no "
        "report was found). Language: from the locale (Chinese where LANG=zh_CN.UTF-8), or "
        "--lang, or the environment variable DISCLOSURE_PARSER_LANG.",
    ),
    "cli.paths": _e(
        "报告文件或文件夹（在文件夹及其子文件夹中查找 {formats} 文件）",
        "report files or folders (searched with their subfolders for {formats} files)",
        formats=".txt .md .html .htm .docx .pdf",
    ),
    "cli.lang": _e(
        "说明文字的语言：zh 中文，en 英文（当前：{current}）",
        "language of the messages: zh Chinese, en English (now: {current})",
        current="zh",
    ),
    "cli.min_severity": _e(
        "显示的最低严重程度：error 只显示错误，warning 显示错误和警告（默认），"
        "info 还显示无法核对的提示",
        "the least severe findings shown: error, warning (the default: errors and warnings) "
        "or info (also the rules that could not be judged, and why)",
    ),
    "cli.format": _e(
        "输出格式：text 每个问题一行（默认），json 一个 JSON 文档",
        "output format: text, a line per problem (default), or json, one JSON document",
    ),
    "cli.select": _e(
        "只报告这些代码（以逗号分隔，可写代码的开头部分；默认全部）",
        "comma-separated codes or prefixes to report (default: all)",
    ),
    "cli.ignore": _e(
        "不报告这些代码（以逗号分隔，可写代码的开头部分）",
        "comma-separated codes or prefixes not to report",
    ),
    "cli.diagnostics": _e(
        "同时列出读取过程中的说明（代码以 parse: 开头）",
        "also list the parser's diagnostics (codes prefixed parse:)",
    ),
    "cli.color": _e(
        "彩色输出：auto 在终端上使用（设置了 NO_COLOR 时不用），always 总是，never 从不",
        "colour the output: auto (on a terminal, unless NO_COLOR is set), always, never",
    ),
    "cli.unknown_codes": _e(
        "未知的代码 {unknown}；代码有 {codes}，以及 {prefix}<读取说明的代码>",
        "unknown code(s) {unknown}; the codes are {codes} and {prefix}<diagnostic code>",
        unknown=["balanse"],
        codes=["balance", "row_total"],
        prefix="parse:",
    ),
    "cli.no_reports": _e(
        "文件夹中没有可以读取的报告（{formats}）",
        "no report file in the folder ({formats})",
        formats=".txt .md .html .htm .docx .pdf",
    ),
    "cli.count.error": _e("{n} 个错误", "{n} error{n:s}", n=1),
    "cli.count.warning": _e("{n} 个警告", "{n} warning{n:s}", n=0),
    "cli.count.info": _e("{n} 条提示", "{n} info", n=12),
    "cli.summary": _e(
        "已检查 {files} 个文件：{counts}",
        "{files} file{files:s} checked: {counts}",
        files=1,
        counts=[msg("cli.count.error", n=1), msg("cli.count.warning", n=0)],
    ),
    "cli.hidden": _e(
        "（另有 {counts}未显示，加 --min-severity info 可以查看）",
        " ({counts} not shown: --min-severity info shows them)",
        counts=[msg("cli.count.info", n=12)],
    ),
    "cli.unreadable": _e("；{n} 个文件无法读取", "; {n} file{n:s} could not be parsed", n=1),
    "cli.skipped": _e(
        "；跳过 {n} 个不是年度报告的文件", "; {n} file{n:s} skipped (not reports)", n=1
    ),
    # -- the notebook views and the text of findings ------------------------------------------
    "view.title": _e(
        "{organization} · {year} · {template}",
        "{organization} · {year} · {template}",
        organization="洪合镇人民政府",
        year=msg("view.year", year=2020),
        template=msg("view.template", template="2019"),
    ),
    "view.year": _e("{year} 年", "{year}", year=2020),
    "view.template": _e("{template} 年版模板", "template {template}", template="2019"),
    "view.unknown_organization": _e("（机关名称不详）", "(organisation unknown)"),
    "view.unknown_year": _e("（年份不详）", "(year unknown)"),
    "view.unknown_template": _e("（模板不详）", "(template unknown)"),
    "view.legend.blank": _e("空白", "blank"),
    "view.legend.na": _e("无数字的标记", "none mark"),
    "view.legend.missing": _e("无法读取", "unreadable"),
    "view.legend.derived": _e("按合计推算", "derived from the sums"),
    "view.legend.culprit": _e(
        "可以解释所有合计不符的那一格，及按合计应填的数",
        "the one cell that explains the failing sums, and the value they call for",
    ),
    "view.legend.outline": _e("合计不符所涉及的单元格", "part of a failing sum"),
    "view.legend.error": _e(
        "核对发现错误的单元格（鼠标悬停可看说明）",
        "named by an error finding (hover for its message)",
    ),
    "view.absent": _e("（报告中没有这张表）", "(not in the report)"),
    "view.no_cell": _e("表格中没有这一格", "no such cell"),
    "view.derived": _e("按表格的合计关系推算得出", "derived from the table's sums"),
    "view.should_be": _e("→ 应为 {suggested}", "→ {suggested}", suggested=5),
    "view.suspect": _e(
        "如果是这一格有误，应为 {suggested}",
        "if this is the wrong cell, it should be {suggested}",
        suggested=5,
    ),
    "view.printed": _e("{printed}", "{printed}", printed=msg("value.blank")),
    "view.column.at": _e("位置", "at"),
    "view.column.severity": _e("严重程度", "severity"),
    "view.column.code": _e("代码", "code"),
    "view.column.message": _e("说明", "message"),
    "view.column.cell": _e("单元格", "cell"),
    "view.column.printed": _e("印为", "printed"),
    "view.column.suggested": _e("应为", "should be"),
    "view.no_findings": _e("未发现问题", "no findings"),
    "view.no_diagnostics": _e("没有读取说明", "no diagnostics"),
    "view.findings": _e("核对结果 {n} 条", "{n} finding{n:s}", n=2),
    "view.diagnostics": _e("读取说明 {n} 条", "{n} parser diagnostic(s)", n=3),
    "view.expected_actual": _e(
        "应为 {expected}，实为 {actual}",
        "expected {expected}, actual {actual}",
        expected=2,
        actual=1,
    ),
    "view.unreadable": _e("{source}：无法读取", "{source}: could not be read", source="a.pdf"),
    "view.tables": _e(
        "表格：主动公开 {a} 项，申请情况 {b} 行，复议诉讼 {c} 组",
        "tables: A {a} item{a:s}, B {b} row{b:s}, C {c} group{c:s}",
        a=18,
        b=26,
        c=3,
    ),
    "view.found": _e(
        "核对结果：{counts}；读取说明 {diagnostics} 条",
        "findings: {counts}; {diagnostics} parser diagnostic{diagnostics:s}",
        counts=[msg("cli.count.error", n=1), msg("cli.count.warning", n=0)],
        diagnostics=1,
    ),
    "view.text.cells": _e(
        "单元格：{cells:semi}", "cells: {cells:semi}", cells=["C[review, total] = 1 at 76:9"]
    ),
    "view.text.values": _e(
        "应为：{expected}，实为：{actual}",
        "expected: {expected}, actual: {actual}",
        expected=2,
        actual=1,
    ),
    "view.text.localization": _e(
        "合计分析：{message}",
        "localization: {message}",
        message=msg("localization.none", scope=msg("part.scope.b"), failing=3),
    ),
    # -- the file readers ---------------------------------------------------------------------
    "encoding": _e("文件按 {encoding} 编码读取", "file decoded as {encoding}", encoding="GB18030"),
    "source.docx": _e(
        "从 Word 文件读取：{tables} 个表格；合并单元格只计一次",
        "read from DOCX: {tables} table(s); merged cells written once, rows they cover get an "
        "empty cell",
        tables=6,
    ),
    "source.odt": _e(
        "从 OpenDocument 文件读取：{tables} 个表格；合并单元格只计一次",
        "read from ODT: {tables} table(s); merged cells written once, rows they cover get an "
        "empty cell",
        tables=6,
    ),
    "source.converted": _e(
        "{format} 文件先由 {program}（LibreOffice）转换为 {target} 再读取；"
        "单元格位置指转换后文件中的表格、行、列",
        "the {format} file was converted to {target} by {program} (LibreOffice) and read from "
        "that; cell origins are the converted file's tables, rows and columns",
        format="DOC",
        program="soffice",
        target="ODT",
    ),
    "source.html": _e(
        "从网页读取：{tables} 个表格，{rows} 行；合并单元格只计一次",
        "read from HTML: {tables} table(s), {rows} row(s); merged cells written once, rows they "
        "cover get an empty cell",
        tables=6,
        rows=58,
    ),
    "source.pdf": _e(
        "从 PDF 读取：共 {pages} 页，按页面上的表格线重建 {tables} 个表格（跨页的表格算一个）",
        "read from PDF: {pages} page(s); {tables} table block(s) rebuilt from the ruled page "
        "layout (a table continued over pages counts once)",
        pages=5,
        tables=6,
    ),
    "source.javascript": _e(
        "网页内容取自其中的 JavaScript 字符串", "the HTML was read from JavaScript string literals"
    ),
    "source.script": _e(
        "网页内容取自页面脚本中的字符串", "the HTML was read from the page's script strings"
    ),
    "source.sniffed": _e(
        "扩展名为 {suffix} 的文件实际是{found}，按 {format} 读取",
        "the {suffix} file is {found}; read as {format}",
        suffix=".doc",
        found=msg("part.format.html"),
        format="HTML",
    ),
    "span_clamped": _e(
        "有 {count} 个表格单元格的合并范围远超出表格大小，按单个单元格读取",
        "{count} table cell(s) claim rowspan/colspan far beyond their table's size; read as "
        "single cells",
        count=1,
    ),
    "span_clamped.docx": _e(
        "有 {count} 个表格单元格或行声明的合并宽度超出 Word 表格的上限（{limit} 列），"
        "按单个单元格读取",
        "{count} table cell(s) or row(s) claim a gridSpan/gridBefore wider than a Word table can "
        "be ({limit} columns); read as single cells",
        count=1,
        limit=63,
    ),
    "span_clamped.odt": _e(
        "有 {count} 个表格单元格或行声明的合并或重复范围超出表格上限（{limit} 列），"
        "按单个单元格读取",
        "{count} table cell(s) or row(s) claim a span or a repetition beyond any report's table "
        "({limit} columns, or rows repeated past reason); read once",
        count=1,
        limit=64,
    ),
    "reference_cycle": _e(
        "PDF 中的对象 {objects} 引用自身（直接或经由其他引用），按空对象读取",
        "object(s) {objects} of the PDF refer to themselves (directly or through other "
        "references): read as empty, whatever they were meant to hold",
        objects="7 0, 9 0",
    ),
    "cut_at_page_edge": _e(
        "PDF 第{page}页的表格超出页面边缘，在那里被截断：本行在截断处的单元格不予采用，"
        "截断处以外的单元格不在文件中",
        "page {page} of the PDF: the table runs past the edge of the printed page and is cut "
        "there: this row's cells at the cut are withheld, and the cells past it are not in "
        "the file",
        page=2,
    ),
    "cut_at_page_edge.header": _e(
        "表格超出了 PDF 页面的右边缘：表头只印到{word:q}，本行在此之后的各列不在文本中，"
        "按缺失处理；被截断的那一列也不予采用",
        "the table ran past the right edge of the PDF's page: its header stops at {word:q}, "
        "and this row's cells past it are not in the text; they are missing, and so are the "
        "cells of the column the edge cut",
        word="社会公益",
    ),
    "cut_at_page_edge.stream_row": _e(
        "表格超出了 PDF 页面的右边缘：表头只印到{word:q}，页面上只有 {shown} 列，本行却印有 "
        "{printed} 个数字（有空白单元格，或几行的数字连在了一起），哪个数字属于哪一列无从判断；"
        "本行各单元格不予采用",
        "the table ran past the right edge of the PDF's page: its header stops at {word:q}, "
        "so the page shows {shown} columns, but this row printed {printed} numbers (a blank "
        "cell among them, or the numbers of several rows run together), and which number is "
        "whose nothing says; the row's cells are withheld",
        word="社会公益",
        shown=4,
        printed=8,
    ),
    "cut_at_page_edge.review": _e(
        "行政复议、行政诉讼情况表超出了 PDF 页面的边缘：表头只印出了 15 列中的 {columns} 列，"
        "其余各列不在文本中，按缺失处理；被截断的首末两列也不予采用",
        "table C ran past the edge of the PDF's page: its header shows {columns} of its 15 "
        "columns, and the others are not in the text; they are missing, and so are the first "
        "and last columns where the edge cut them",
        columns=12,
    ),
    "cut_at_page_edge.review_total": _e(
        "行政复议、行政诉讼情况表超出了 PDF 页面的右边缘：表头只印出前两组的总计，复议后起诉的"
        "总计不在文本中；紧挨页边的最后一个数字{value:q}可能只剩开头几位，不予采用，该组总计"
        "按缺失处理",
        "table C ran past the right edge of the PDF's page: its header shows the 总计 of the "
        "first two groups only, and 复议后起诉's 总计 is not in the text; the last number "
        "{value:q}, at the edge, may be only its first digits: it is not used, and that "
        "group's 总计 is missing",
        value="2468",
    ),
    "cut_at_page_edge.text": _e(
        "本行最后一个数字{value:q}只是其余各数之和的开头几位：表格超出了 PDF 页面的右边缘，"
        "总计在那里被截断；该数不予采用，表格的勾稽关系能确定总计时，由其推算",
        "the row's last number {value:q} is only the first digits of the sum of its other "
        "numbers: the table ran past the right edge of the PDF's page and its 总计 was cut "
        "there; that number is not used, and the 总计 is worked out where the table's sums "
        "decide it",
        value="225",
    ),
    "cut_at_page_edge.text_or_last": _e(
        "本行最后一个数字{value:q}是其余各数之和的第一位：表格超出了 PDF 页面的右边缘，"
        "这可能是在那里被截断的总计的第一位，也可能是本组最后一列的数字而总计整个在页面之外；"
        "两种读法不一致的单元格不予采用",
        "the row's last number {value:q} is the first digit of the sum of its other numbers: "
        "the table ran past the right edge of the PDF's page, and it may be the first digit of "
        "the 总计 cut there, or its group's last outcome with the whole 总计 past the edge; "
        "the cells the two readings disagree on are withheld",
        value="7",
    ),
    "text_beside_table": _e(
        "PDF 第{page}页有文字印在表格的行中、表格外框线以外，不属于任何单元格，未读入：{text:q}",
        "page {page} of the PDF: text printed in a table's rows past its outer rule belongs to "
        "no cell and is not read: {text:q}",
        page=2,
        text="总计 859 18",
    ),
    "value_across_columns": _e(
        "PDF 第{page}页的数字 {text:q} 跨越两栏之间的表格线印刷，无法确定它属于哪一栏、到哪里为止，"
        "不予采用",
        "page {page} of the PDF: the number {text:q} is printed across the rule between two "
        "columns: which column it belongs to, and where it ends, cannot be told, so it is "
        "withheld",
        page=2,
        text="27",
    ),
    "unreadable_page": _e(
        "PDF 第{page}页无法读取（{error}），该页内容未读入",
        "page {page} of the PDF could not be read ({error}); its content is not in the report",
        page=3,
        error="PSSyntaxError: invalid token",
    ),
    "no_text_layer": _e(
        "PDF 第{pages}页只有图像、没有文字（可能是扫描件），其内容未读入；"
        "如需读取，请先进行文字识别（OCR）",
        "page(s) {pages} of the PDF hold images but no text (scanned?): their content is not in "
        "the report; OCR them to read it",
        pages=[2, 3],
    ),
    "ocr": _e(
        "用文字识别（OCR，{engine}，{languages}）读取扫描件：共 {pages} 页，按每英寸 {dpi} 点"
        "栅格化，按页面上的表格线重建 {tables} 个表格；{straightened} 页经过纠偏；"
        "{unreadable} 个数字无法可靠识别（按表格的合计关系推算或不予采用）",
        "read by OCR ({engine}, {languages}): {pages} page(s) rasterised at {dpi} dpi, "
        "{tables} table(s) rebuilt from the ruling lines on the page, {straightened} page(s) "
        "straightened; {unreadable} number(s) could not be read reliably (derived from the "
        "table's sums, or withheld)",
        engine="tesseract 5.3.0",
        languages="chi_sim+eng",
        pages=5,
        dpi=300,
        tables=6,
        straightened=1,
        unreadable=2,
    ),
    "ocr_unreadable": _e(
        "第{page}页（像素位置 {box}）的数字无法可靠识别：{read}；{outcome}",
        "the number on page {page} (pixels {box}) could not be read reliably: {read}; {outcome}",
        page=3,
        box=[1210, 1460, 1320, 1530],
        read=msg("part.ocr.not_a_number", read="9D5", conf="88"),
        outcome=msg("part.ocr.derived", value=95),
    ),
    "part.ocr.not_a_number": _e(
        "识别为 {read:q}，不是一个数字（置信度 {conf}）",
        "read as {read:q}, which is not a number (confidence {conf})",
        read="9D5",
        conf="88",
    ),
    "part.ocr.disagree": _e(
        "两次识别结果不一致：{read:q}",
        "two readings differ: {read:q}",
        read="95 / 96",
    ),
    "part.ocr.confidence": _e(
        "识别为 {read:q}，但置信度只有 {conf}",
        "read as {read:q}, but with a confidence of only {conf}",
        read="95",
        conf="41",
    ),
    "part.ocr.nothing": _e(
        "格中有字迹，但未能识别出任何字符",
        "the cell holds ink, but no character was recognised in it",
    ),
    "part.ocr.derived": _e(
        "按表格的合计关系推算为 {value}",
        "the table's sums give {value} (derived)",
        value=95,
    ),
    "part.ocr.withheld": _e(
        "表格的合计关系不能确定其数值，不予采用",
        "the table's sums do not settle it: withheld",
    ),
    "part.ocr.unused": _e(
        "该格未计入任何表格",
        "the cell is not part of any table read",
    ),
    "generated_inconsistency": _e(
        "{where}由 {old} 故意改为 {new}，使{broken}不成立",
        "{where} changed from {old} to {new} on purpose; breaks {broken}",
        where="table B row granted column natural_person",
        old=3,
        new=4,
        broken=["row_total", "outcome_total"],
    ),
}
