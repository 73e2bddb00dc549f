"""Reports published as web pages: the HTML adapter (the ``[html]`` extra, selectolax).

The page is decoded (byte-order mark, then the ``<meta>`` charset if it is one of the web's text
encodings, then UTF-8, then GB18030), parsed by Lexbor (selectolax), a WHATWG HTML5 parser that
builds the tree a browser builds however broken the markup, copied once into plain lists,
stripped of portal chrome (scripts, menus, breadcrumbs, share and 字号 controls, footers, link
lists), and walked in document order: every block element (``<p>``, ``<div>``, ``<h1>`` …) and
every ``<br>`` outside tables ends a paragraph line; every data table is written row by row
with its ``rowspan``/``colspan`` expanded (see :mod:`disclosure_parser.readers.base`).

A table holding other tables is how old portals lay out a page: when it is at most three
columns wide, its cells are read as page regions (their paragraphs and tables in order);
a wider one is a data table and a table nested in one of its cells is flattened into that
cell's text, so it cannot shift the outer table's columns.

Reports sometimes come as HTML inside a JavaScript string (``let content = "<p>…"``, with
``\\"`` escapes): such markup is unescaped and read like a page.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from itertools import compress
from operator import not_, or_
from typing import Final

from ..core.errors import MissingDependencyError, ParseError, UnreadableFileError
from ..core.messages import msg
from ..core.model import Diagnostic, Report
from .base import Adapted, GridCell, TextWriter, cell_text, guarded, line_text

# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------

_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)
#: charsets that GB18030 decodes exactly (it is their superset)
_GB: Final = frozenset({"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "ms936", "gb18030"})
_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 with BOM"),
)


def decode_html(data: bytes) -> tuple[str, str]:
    """The text of an HTML page and how it was decoded.

    A byte-order mark wins, then the charset the page declares in ``<meta>`` (GBK and GB2312
    are read as GB18030, their superset), then UTF-8, then GB18030. Bytes that fit none are
    replaced (U+FFFD) and the name says so.

    >>> page = '<meta charset="gb2312"><p>规章</p>'.encode("gbk")
    >>> decode_html(page)
    ('<meta charset="gb2312"><p>规章</p>', 'GB18030 (declared gb2312)')
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), name
            except UnicodeDecodeError:
                break
    tried: list[str] = []
    m = _META_CHARSET.search(data[:8192])
    if m is not None:
        declared = m.group(1).decode("ascii").lower()
        codec = "gb18030" if declared in _GB else _web_codec(declared)
        if codec == "gb18030" and not data.isascii():
            # a page saved as UTF-8 under a template that still declares GB2312: GB18030 would
            # decode its bytes without an error, into nonsense; valid UTF-8 is no GBK text
            try:
                return data.decode("utf-8"), f"UTF-8 (declared {declared}; the bytes are UTF-8)"
            except UnicodeDecodeError:
                pass
        if codec:
            try:
                text = data.decode(codec)
            except (UnicodeError, LookupError, ValueError):
                tried.append(codec)
            else:
                shown = codec.upper()
                return text, shown if declared == codec else f"{shown} (declared {declared})"
    for codec, name in (("utf-8", "UTF-8"), ("gb18030", "GB18030")):
        if codec in tried:
            continue
        try:
            return data.decode(codec), name
        except UnicodeDecodeError:
            continue
    return data.decode("gb18030", "replace"), "GB18030 (undecodable bytes replaced)"


#: the text encodings browsers read pages in (WHATWG's list, by Python's codec names):
#: a page may declare anything, and Python knows codecs that are no text encodings at all
#: ("hex", "rot13", "zlib" …) or that run escapes ("unicode_escape")
_WEB_CODECS: Final = frozenset(
    {
        "utf-8",
        "ascii",
        "gb18030",
        "gbk",
        "gb2312",
        "hz",
        "big5",
        "big5hkscs",
        "cp950",
        "euc_jp",
        "iso2022_jp",
        "shift_jis",
        "cp932",
        "euc_kr",
        "cp949",
        "koi8-r",
        "koi8-u",
        "cp866",
        "cp874",
        "mac-roman",
        "mac-cyrillic",
    }
)


def _web_codec(declared: str) -> str:
    """Python's codec for a charset a page declares, "" for one browsers do not read pages
    in (the page is then decoded as undeclared). UTF-16 and UTF-32 declared in a page's
    own ASCII-compatible markup cannot be true: browsers read such pages as UTF-8.

    >>> _web_codec("windows-1252"), _web_codec("hex"), _web_codec("utf-16le")
    ('cp1252', '', 'utf-8')
    """
    try:
        name = codecs.lookup(declared).name
    except (LookupError, ValueError):
        return ""
    if name.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        return "utf-8"
    if name in _WEB_CODECS or name.startswith(("iso8859", "cp125", "latin")):
        return name
    return ""


# ---------------------------------------------------------------------------------------------
# HTML inside JavaScript
# ---------------------------------------------------------------------------------------------

#: markup written inside a JavaScript string: escaped quotes in a tag, an escaped end tag or
#: an escaped "<"
_ESCAPED_MARKUP: Final = re.compile(r"""<[A-Za-z][^<>\n]{0,200}?=\\["']|<\\/[A-Za-z]|\\u003[cC]""")
_JS_STRING: Final = re.compile(
    r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""", re.S
)
_JS_ESCAPE: Final = re.compile(
    r"\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\r\n|\n|\r)|(.))", re.S
)
_JS_SIMPLE: Final = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_MARKUP: Final = re.compile(r"<(?:p|table|div|span|br|td|tr|h\d)\b", re.IGNORECASE)


def _js_unescape(literal: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1) or m.group(2) or m.group(3)
        if code is not None:
            value = int(code, 16)
            return chr(value) if value <= 0x10FFFF else ""
        if m.group(4) is not None:
            return ""  # a line continuation
        ch = m.group(5)
        return _JS_SIMPLE.get(ch, ch)

    return _JS_ESCAPE.sub(one, literal)


def embedded_markup(source: str) -> str | None:
    """The HTML held in JavaScript string literals of *source*, unescaped, or None.

    Only literals that hold markup are kept (menus and other data of the script are not).

    >>> embedded_markup('let menu = ["首页"];\\nlet content = "<p class=\\\\"t\\\\">规章<\\\\/p>";')
    '<p class="t">规章</p>'
    """
    found = [
        _js_unescape(m.group()[1:-1])
        for m in _JS_STRING.finditer(source)
        if _MARKUP.search(m.group()) or "\\u003c" in m.group().lower()
    ]
    found = [s for s in found if _MARKUP.search(s)]
    return "\n".join(found) if found else None


# ---------------------------------------------------------------------------------------------
# Truncation
# ---------------------------------------------------------------------------------------------

_HIDDEN_SOURCE: Final = re.compile(
    r"<!--.*?(?:-->|\Z)|<script\b.*?(?:</script\s*>|\Z)|<style\b.*?(?:</style\s*>|\Z)",
    re.IGNORECASE | re.S,
)


def truncation(html: str, visible: str | None = None) -> str | None:
    """Why *html* looks cut short (ends inside a tag, or inside a table), or None.

    *visible* is *html* without comments, scripts and styles, when already computed.

    >>> truncation("<table><tr><td>3</td>"), truncation("<p>规章</p>")
    ('the HTML ends inside a table', None)
    """
    body = (_HIDDEN_SOURCE.sub("", html) if visible is None else visible).rstrip()
    if body.rfind("<") > body.rfind(">"):
        return "the HTML ends inside a tag"
    opened = len(re.findall(r"<table\b", body, re.IGNORECASE))
    closed = len(re.findall(r"</table\s*>", body, re.IGNORECASE))
    if opened > closed and re.search(r"</(?:body|html)\s*>", body, re.IGNORECASE) is None:
        return "the HTML ends inside a table"
    return None


# ---------------------------------------------------------------------------------------------
# Portal chrome
# ---------------------------------------------------------------------------------------------

#: elements that never hold report text
_DROP_TAGS: Final = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "canvas",
    "button",
    "select",
    "input",
    "textarea",
    "map",
    "audio",
    "video",
    "link",
    "meta",
    "head",
)
#: page regions that hold report text only inside an <article> or <main>
_REGION_TAGS: Final = ("nav", "header", "footer", "aside")
_ARTICLE_TAGS: Final = ("article", "main")
_SECTION_TAGS: Final = frozenset(_REGION_TAGS + _ARTICLE_TAGS)
#: class and id values that name portal chrome: stems found anywhere in the value
#: ("bdsharebuttonbox"), and short words that must stand alone ("nav", not "canvas")
_CHROME_STEMS: Final = (
    "menu",
    "navbar",
    "navigation",
    "share",
    "jiathis",
    "breadcrumb",
    "crumb",
    "footer",
    "copyright",
    "toolbar",
    "sidebar",
    "topbar",
    "fontsize",
    "font-size",
)
_CHROME_WORDS: Final = frozenset({"nav", "navi", "foot", "skip"})
_WORD_SPLIT: Final = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: text that marks a table of the report (its headers and row labels)
_REPORT_TABLE: Final = re.compile(
    r"第二十条|本年新收|予以公开|行政复议|信息内容|本年制发|本年新制作"
)
#: lines of page controls: 字号：大 中 小, 【打印本页】【关闭窗口】, 分享到 …
_FONT_SIZE: Final = re.compile(
    r"^[【\[]?(?:字号|字体)(?:大|中|小|默认|[\s【】\[\]()（）|｜:：/·])*$"
)
_CONTROLS: Final = re.compile(
    r"(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|收藏本页|收藏|分享到|分享"
    r"|扫一扫在手机打开当前页|扫一扫|保存本页|我要纠错|纠错|[\s【】\[\]()（）|｜:：/·])+"
)
_BLOCK_TAGS: Final = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "center",
        "address",
        "figure",
        "figcaption",
        "caption",
        "hr",
        "body",
        "html",
        "form",
        "fieldset",
        "legend",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "header",
        "footer",
        "nav",
        "aside",
        "details",
        "summary",
    }
)
_LINK_CONTAINERS: Final = frozenset(
    {"div", "ul", "ol", "dl", "li", "p", "span", "section", "font", "center", "table"}
)


def is_chrome_line(line: str) -> bool:
    """True for a line of page controls rather than report text.

    >>> is_chrome_line("字号：大 中 小"), is_chrome_line("【打印本页】 【关闭窗口】")
    (True, True)
    >>> is_chrome_line("一、总体情况")
    False
    """
    return bool(_FONT_SIZE.match(line) or _CONTROLS.fullmatch(line))


class _Page:
    """The page's elements, copied once from the parser's tree into plain lists.

    The reader's passes (chrome, link lists, the walk) look at every element several times:
    in lists each look is an index, not a call into the parser, and copying a page of
    thousands of elements makes no object per element. Elements are numbered in document
    order, the document itself 0: element ``el`` is a ``tags[el]``, its children are
    ``children[el]`` (elements by number, text as ``str``), and the elements inside it are
    those from ``el + 1`` up to ``ends[el]``. Removing an element marks it and everything in
    it ``dead``; every pass skips dead elements.
    """

    def __init__(self, title: str | None) -> None:
        self.title = title
        self.tags: list[str] = []
        self.attrs: list[dict[str, str | None]] = []
        #: the parent of each element (-1 for the document)
        self.parents: list[int] = []
        self.ends: list[int] = []
        self.children: list[list[int | str]] = []
        self.dead: list[bool] = []
        #: the text pieces of the page in document order, and where each table's are in it
        self.texts: list[str] = []
        self.table_texts: dict[int, tuple[int, int]] = {}
        #: the elements with attributes, and the page regions and articles (_SECTION_TAGS),
        #: in document order: the few elements the chrome passes look at
        self.attributed: list[int] = []
        self.sections: list[int] = []

    def append(self, tag: str, attrs: dict[str, str | None], parent: int) -> int:
        """A new element, last in document order (its end is set once its content is)."""
        el = len(self.tags)
        self.tags.append(tag)
        self.attrs.append(attrs)
        self.parents.append(parent)
        self.ends.append(el + 1)
        self.children.append([])
        if attrs:
            self.attributed.append(el)
        if tag in _SECTION_TAGS:
            self.sections.append(el)
        return el

    def parsed_text(self, table: int) -> str:
        """The text of *table* as parsed, before anything was removed from the page."""
        # (a table without content has no place in texts)
        start, end = self.table_texts.get(table, (0, 0))
        return "".join(self.texts[start:end])

    def kill(self, el: int) -> None:
        """Remove *el* and everything in it."""
        end = self.ends[el]
        self.dead[el:end] = [True] * (end - el)

    def cells(self, tr: int) -> list[int]:
        """The live cells of the row *tr*."""
        dead, tags = self.dead, self.tags
        return [
            c
            for c in self.children[tr]
            if not isinstance(c, str) and not dead[c] and tags[c] in ("td", "th")
        ]

    def table_parts(self, table: int) -> tuple[int | None, list[list[int]], bool]:
        """What *table* itself holds (not the tables nested in it): its first live caption,
        its rows (outside that caption) each as a list of its live cells, and whether a
        live table is nested in it outside the caption. One pass over the table's elements:
        pages nest layout tables deeply, and each table is read once."""
        tags, ends, dead = self.tags, self.ends, self.dead
        caption: int | None = None
        rows: list[list[int]] = []
        nested = False
        i, end = table + 1, ends[table]
        while i < end:
            tag = tags[i]
            if dead[i]:
                i = ends[i]
            elif tag == "table":
                nested = True
                i = ends[i]
            elif tag == "caption" and caption is None:
                caption = i
                i = ends[i]
            else:
                if tag == "tr":
                    rows.append(self.cells(i))
                i += 1
        return caption, rows, nested

    def own_rows(self, table: int) -> list[list[int]]:
        """The rows of *table* (not of tables nested in it), each a list of its live cells."""
        tags, ends, dead = self.tags, self.ends, self.dead
        rows = []
        i, end = table + 1, ends[table]
        while i < end:
            tag = tags[i]
            if dead[i] or tag == "table":
                i = ends[i]
                continue
            if tag == "tr":
                rows.append(self.cells(i))
            i += 1
        return rows


def _parse(html: str) -> _Page:
    """*html* parsed by Lexbor (selectolax), an HTML5 parser: the tree browsers build,
    however broken the markup. Elements that never hold report text (scripts, styles,
    forms' controls, the head …) are left out as the tree is copied."""
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError as exc:
        raise MissingDependencyError("html", "selectolax", "HTML pages") from exc
    parser = LexborHTMLParser(html)
    first_title = parser.css_first("title")
    page = _Page(None if first_title is None else first_title.text())
    page.append("[document]", {}, -1)
    top = parser.root
    if top is not None:
        children, texts, table_texts = page.children, page.texts, page.table_texts
        tags, all_attrs, parents, ends = page.tags, page.attrs, page.parents, page.ends
        attributed, sections = page.attributed, page.sections
        children[0].append(page.append(top.tag or "html", top.attributes, 0))
        drop = _DROP_SET
        # depth first, in document order. Each level of the stack is (the next source node
        # to copy there, the copy of its parent, where that parent's text starts in texts).
        # Which tables are the report's is decided before anything is removed, so a table's
        # text is then a slice of texts, not a walk of the table. The loop appends to the
        # page's lists itself (page.append inlined), and follows first_child and next rather
        # than iterating each element's children: it runs once per node of the page
        stack = [(top.first_child, 1, 0)]
        while stack:
            source, target, first_text = stack.pop()
            kids = children[target]
            while source is not None:
                tag = source.tag
                if tag == "-text":
                    text = source.text_content or ""
                    kids.append(text)
                    texts.append(text)
                elif tag and tag[0] != "-" and tag not in drop:
                    el = len(tags)
                    kids.append(el)
                    tags.append(tag)
                    attrs = source.attributes
                    all_attrs.append(attrs)
                    parents.append(target)
                    ends.append(el + 1)
                    children.append([])
                    if attrs:
                        attributed.append(el)
                    if tag in _SECTION_TAGS:
                        sections.append(el)
                    first = source.first_child
                    if first is not None:  # copy its content, then go on after it
                        stack.append((source.next, target, first_text))
                        source, target, first_text = first, el, len(texts)
                        kids = children[el]
                        continue
                source = source.next
            ends[target] = len(tags)
            if tags[target] == "table":
                table_texts[target] = (first_text, len(texts))
        ends[0] = len(tags)
    page.dead = [False] * len(page.tags)
    return page


_DROP_SET: Final = frozenset(_DROP_TAGS)


def _is_chrome(attrs: dict[str, str | None]) -> bool:
    """Whether an element with these attributes is page chrome by its class or id."""
    names = f"{' '.join((attrs.get('class') or '').split())} {attrs.get('id') or ''}".strip()
    if names:
        lowered = names.lower()
        if any(stem in lowered for stem in _CHROME_STEMS):
            return True
        return any(w.lower() in _CHROME_WORDS for w in _WORD_SPLIT.split(names) if w)
    return False


#: what :func:`_clean` keeps of an element: inside a report table, a report table or one of
#: its ancestors (0: neither)
_INSIDE: Final = 1
_HOLDER: Final = 2


def _clean(page: _Page) -> None:
    """Remove portal chrome in place.

    Nothing that holds a report table goes, nor anything inside one (a cell that happens to
    be a link, say) except hidden text. Every step is linear in the page's size, however
    deeply its elements nest.
    """
    tags, ends, dead, parents = page.tags, page.ends, page.dead, page.parents
    n = len(tags)
    #: _HOLDER for the report tables and their ancestors (never removed), _INSIDE for the
    #: elements inside a report table (only hidden text is removed there)
    kept = [0] * n
    i = 0
    while i < n:
        if tags[i] != "table":
            i += 1
            continue
        # the tables inside are part of this one's text: each is a report table only
        # inside a report table (marked inside here)
        table, i = i, ends[i]
        if not _REPORT_TABLE.search(page.parsed_text(table)):
            continue
        kept[table + 1 : i] = [_INSIDE] * (i - table - 1)
        el = table
        while el >= 0 and kept[el] != _HOLDER:
            kept[el] = _HOLDER
            el = parents[el]
    # the elements inside an <article> or <main>
    article_end = -1
    for el in page.sections:
        if el < article_end:
            continue  # inside an article: regions stay
        if tags[el] in _ARTICLE_TAGS:
            article_end = ends[el]
        elif not (dead[el] or kept[el]):
            page.kill(el)
    all_attrs = page.attrs
    for el in page.attributed:
        if dead[el] or kept[el] == _HOLDER:
            continue
        attrs = all_attrs[el]
        hidden = _HIDDEN_STYLE.search(attrs.get("style") or "") is not None
        if hidden or (not kept[el] and _is_chrome(attrs)):
            page.kill(el)
    _drop_link_lists(page, kept)


def _drop_link_lists(page: _Page, kept: list[int]) -> None:
    """Remove blocks whose text is mostly links: menus, breadcrumbs, related-report lists.

    Such lists often name other years' reports, which would be taken for the title.
    *kept* marks the elements never removed (report tables, what they hold and their
    ancestors).
    """
    tags, dead, children = page.tags, page.dead, page.children
    n = len(tags)
    #: visible characters of text in each element, and of them in links
    size = [0] * n
    links = [0] * n
    # the elements neither removed nor kept, chosen without a Python step per element (on
    # a report page most elements are kept). A kept element's size is never read: its
    # parent is kept too
    candidates = list(compress(range(n), map(not_, map(or_, dead, kept))))
    # sizes in post-order (children before parents)
    for el in reversed(candidates):
        total = linked = 0
        for child in children[el]:
            if isinstance(child, str):
                total += len("".join(child.split()))  # characters that are not white space
            elif not dead[child]:
                total += size[child]
                linked += links[child]
        size[el] = total
        links[el] = total if tags[el] == "a" else linked
    for el in candidates:  # parents before children: the largest link block goes whole
        if dead[el] or tags[el] not in _LINK_CONTAINERS:
            continue
        if size[el] and links[el] * 2 > size[el]:
            page.kill(el)


# ---------------------------------------------------------------------------------------------
# Walking the page
# ---------------------------------------------------------------------------------------------


def _span(attrs: dict[str, str | None], name: str, limit: int) -> int:
    try:
        value = int((attrs.get(name) or "").strip() or "1")
    except ValueError:
        return 1
    if value <= 0:
        return limit if name == "rowspan" else 1  # rowspan="0": to the end of the table
    return min(value, limit)


class _Table:
    """A table of the page: its rows of cells as :meth:`TextWriter.grid` writes them."""

    __slots__ = ("rows",)

    def __init__(self, rows: list[list[GridCell]]) -> None:
        self.rows = rows


#: a paragraph line or a table
_Block = str | _Table


class _Walker:
    """Turns the cleaned page into blocks: paragraph lines and tables in document order."""

    def __init__(self, page: _Page) -> None:
        self.page = page
        self.blocks: list[_Block] = []
        self.buffer: list[str] = []
        #: cells whose rowspan/colspan was too large for their table and was ignored
        self.clamped = 0

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer.clear()
        if text and not text.isspace():  # (most flushes: the white space between blocks)
            text = line_text(text)
            if text and not is_chrome_line(text):
                self.blocks.append(text)

    def walk(self, el: int) -> None:
        """Read *el*'s content: a block element ends a line before and after it, ``<br>``
        ends one, a table is read as a table (an explicit stack: pages nest deeply)."""
        tags, dead, children = self.page.tags, self.page.dead, self.page.children
        buffer = self.buffer
        #: (children left to read, whether a block element's closing flush is due)
        stack: list[tuple[Iterator[int | str], bool]] = [(iter(children[el]), False)]
        while stack:
            kids, closing = stack[-1]
            for child in kids:
                if isinstance(child, str):
                    buffer.append(child)
                    continue
                if dead[child]:
                    continue
                name = tags[child]
                if name == "br":
                    self.flush()
                elif name == "table":
                    self.flush()
                    self.table(child)
                elif name in _BLOCK_TAGS:
                    self.flush()
                    stack.append((iter(children[child]), True))
                    break
                else:
                    stack.append((iter(children[child]), False))
                    break
            else:
                stack.pop()
                if closing:
                    self.flush()

    def table(self, table: int) -> None:
        page = self.page
        caption, rows, nested = page.table_parts(table)
        if caption is not None:
            self.walk(caption)  # a caption ("表一 …") is a paragraph before its table
            self.flush()
            page.kill(caption)
        if not any(rows):
            self.walk(table)  # a table without cells: read what it holds as text
            return
        if nested:  # a layout table, if narrow: its cells are regions of the page
            width = _grid(page, rows, read=False)[1]
            if width <= 3:
                for cells in rows:
                    for cell in cells:
                        self.walk(cell)
                        self.flush()
                return
        grid, _, clamped = _grid(page, rows)
        self.clamped += clamped
        self.blocks.append(_Table(grid))


#: grid slots a table's merged cells may cover, per cell of the table (and at least
#: _MIN_AREA): report tables cover a few per cell; spans beyond this are clamped to one slot
_AREA_PER_CELL: Final = 50
_MIN_AREA: Final = 10_000


def _grid(
    page: _Page, rows: list[list[int]], read: bool = True
) -> tuple[list[list[GridCell]], int, int]:
    """The table's rows of cells as :meth:`TextWriter.grid` writes them: each cell's text
    (if *read*, else ""), the grid column it starts at, its rowspan and colspan (the columns
    of merged cells expanded); with the grid's width and how many cells were clamped.

    The grid slots the spans cover are bounded by the table's size (see
    :data:`_AREA_PER_CELL`): a page of cells each claiming rowspan=1000 colspan=100 would
    otherwise cost a hundred thousand slots per cell, here and in the text written for it.
    Cells whose span no longer fits are read as one slot and counted as clamped.
    """
    all_attrs, children = page.attrs, page.children
    budget = max(_MIN_AREA, _AREA_PER_CELL * sum(len(cells) for cells in rows))
    occupied: set[tuple[int, int]] = set()
    grid: list[list[GridCell]] = []
    width = clamped = 0
    for r, cells in enumerate(rows):
        c = 0
        row: list[GridCell] = []
        for td in cells:
            while occupied and (r, c) in occupied:
                c += 1
            # _cell_text's commonest cells, empty or plain text, read here: a call per cell
            # costs as much as reading it
            kids = children[td]
            if not read or not kids:
                text = ""
            elif len(kids) == 1 and isinstance(kids[0], str):
                text = cell_text((kids[0],))
            else:
                text = _cell_text(page, td)
            attrs = all_attrs[td]
            if "rowspan" not in attrs and "colspan" not in attrs:  # one slot (most cells)
                budget -= 1
                row.append((text, c, 1, 1, None))
                c += 1
                continue
            rowspan = _span(attrs, "rowspan", min(len(rows) - r, 1000))
            colspan = _span(attrs, "colspan", 100)
            if 1 < rowspan * colspan > budget:
                clamped += 1
                rowspan = colspan = 1
            budget -= rowspan * colspan
            if rowspan > 1 or colspan > 1:
                for dr in range(rowspan):
                    for dc in range(colspan):
                        occupied.add((r + dr, c + dc))
            row.append((text, c, rowspan, colspan, None))
            c += colspan
        width = max(width, c)
        grid.append(row)
    return grid, width, clamped


def _cell_text(page: _Page, cell: int) -> str:
    """A cell's text (see :func:`_cell_pieces`)."""
    tags, dead, children = page.tags, page.dead, page.children
    kids = children[cell]
    # one line of text, maybe inside elements (<td><p><span>3</span></p></td>, as Word
    # writes cells): the lines the elements end around it are empty
    while len(kids) == 1:
        only = kids[0]
        if isinstance(only, str):
            return cell_text((only,))
        if dead[only] or tags[only] in ("br", "table"):
            break
        kids = children[only]
    if not kids:
        return ""
    return cell_text(_cell_pieces(page, cell))


def _cell_pieces(page: _Page, cell: int) -> list[str]:
    """A cell's text as the lines it was printed on (<br> and block elements end a line).

    A table nested in the cell contributes its cells' text, space-separated, as one line.
    """
    tags, dead, children = page.tags, page.dead, page.children
    pieces = [""]
    stack: list[tuple[Iterator[int | str], bool]] = [(iter(children[cell]), False)]
    while stack:
        kids, closing = stack[-1]
        for child in kids:
            if isinstance(child, str):
                pieces[-1] += child
                continue
            if dead[child]:
                continue
            tag = tags[child]
            if tag == "br":
                pieces.append("")
            elif tag == "table":
                inner = [_cell_text(page, td) for row in page.own_rows(child) for td in row]
                pieces.extend((" ".join(t for t in inner if t), ""))
            elif tag in _BLOCK_TAGS:
                pieces.append("")
                stack.append((iter(children[child]), True))
                break
            else:
                stack.append((iter(children[child]), False))
                break
        else:
            stack.pop()
            if closing:
                pieces.append("")
    return pieces


_TITLE_SPLIT: Final = re.compile(r"\s*[_|｜—–]+\s*|\s+-\s+")
_FIRST_HEADING: Final = re.compile(r"^[一1][、.．]?\s*(?:总体情况|概述|总体概况|基本情况)")


def _title_block(title: str, blocks: list[_Block]) -> str | None:
    """The page <title>'s report name when the body does not print the report's title."""
    for block in blocks:
        if isinstance(block, _Table) or _FIRST_HEADING.match(block):
            break
        if "报告" in block or "年报" in block:
            return None
    for part in _TITLE_SPLIT.split(title):
        if "报告" in part or "年报" in part:
            return part.strip()
    return None


def _blocks(html: str) -> tuple[list[_Block], int]:
    """The page's blocks, and how many table cells had their spans clamped."""
    page = _parse(html)
    _clean(page)
    walker = _Walker(page)
    walker.walk(0)
    walker.flush()
    blocks = walker.blocks
    title = page.title
    shown = _title_block(line_text(title), blocks) if title else None
    if shown:
        blocks.insert(0, shown)
    return blocks, walker.clamped


def _has_report(blocks: list[_Block]) -> bool:
    return any(
        isinstance(b, _Table) or "总体情况" in b or "年度报告" in b or "第二十条" in b
        for b in blocks
    )


@guarded
def html_to_text(html: str | bytes) -> Adapted:
    """The text the parser reads for an HTML page, and where each table cell came from.

    *html* is the page's text, or its bytes (decoded as :func:`decode_html` says). Origins
    give the table (0-based, in page order), row and grid column of each cell.

    >>> page = (
    ...     "<div class='nav'><a href='/'>首页</a></div>"
    ...     "<table><tr><td rowspan='2'>三、本年度<br/>办理结果</td><td>（一）予以公开</td>"
    ...     "<td>3</td></tr><tr><td>（二）部分公开</td><td>&nbsp;</td></tr></table>"
    ... )
    >>> adapted = html_to_text(page)
    >>> print(adapted.text.replace("\\t", " | ").replace("\\xa0", "&nbsp;"))
    三、本年度办理结果 | （一）予以公开 | 3
     | （二）部分公开 | &nbsp;
    <BLANKLINE>
    >>> adapted.origins[(1, 19)]
    Origin(format='html', table=0, row=0, cell=2, page=None)
    """
    notes: list[Diagnostic] = []
    if isinstance(html, bytes):
        html, encoding = decode_html(html)
        notes.append(Diagnostic("encoding", "info", msg("encoding", encoding=encoding)))
    if not isinstance(html, str):
        raise ParseError(
            f"html_to_text() reads str or bytes, not {type(html).__name__}",
            "",
            0,
            code="not_text",
        )
    source = html
    visible = _HIDDEN_SOURCE.sub("", html)
    # escaped markup outside <script> elements: the file is JavaScript holding the report (a
    # page's own scripts are only looked into when the page shows no report)
    # (every form of escaped markup has a backslash: most pages have none, and the search
    # costs as much as parsing the page)
    if "\\" in visible and _ESCAPED_MARKUP.search(visible):
        inner = embedded_markup(html)
        if inner is not None:
            source = inner
            notes.append(Diagnostic("source", "info", msg("source.javascript")))
    cut = truncation(source, visible if source is html else None)
    if cut is not None:
        tail = line_text(source[-60:])
        raise UnreadableFileError(
            f"{cut} (it ends with {tail!r}): the file is truncated and the report incomplete",
            code="truncated",
            expected="the whole page, its tables and tags closed; download the file again",
        )
    try:
        blocks, clamped = _blocks(source)
        if not _has_report(blocks):
            # a page that writes its report from a script: read the script's markup
            inner = embedded_markup(source)
            if inner is not None and inner != source:
                inner_blocks, inner_clamped = _blocks(inner)
                if _has_report(inner_blocks):
                    blocks, clamped = inner_blocks, inner_clamped
                    notes.append(Diagnostic("source", "info", msg("source.script")))
    except RecursionError as exc:
        raise UnreadableFileError(
            "the HTML is nested too deeply to read", code="too_complex"
        ) from exc
    if clamped:
        notes.append(
            Diagnostic(
                "span_clamped",
                "warning",
                msg("span_clamped", count=clamped),
            )
        )
    writer = TextWriter("html")
    for block in blocks:
        if isinstance(block, _Table):
            writer.grid(block.rows)
        else:
            writer.paragraph(block)
    if writer.tables:
        rows = sum(len(b.rows) for b in blocks if isinstance(b, _Table))
        notes.append(
            Diagnostic(
                "source",
                "info",
                msg("source.html", tables=writer.tables, rows=rows),
            )
        )
    return writer.adapted(notes)


def parse_html(html: str | bytes, strict: bool = False) -> Report:
    """Parse a report published as an HTML page (text, or bytes in any encoding it declares).

    Each table cell's ``origin`` names the table, row and grid column it came from;
    ``strict`` is as for :func:`disclosure_parser.parse`.

    >>> report = parse_html(
    ...     "<p>XX镇人民政府2021年政府信息公开工作年度报告</p>"
    ...     "<table><tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr>"
    ...     "<tr>" + "<td>1</td>" * 4 + "<td>4</td>" + "<td>0</td>" * 10 + "</tr></table>"
    ... )
    >>> report.reviews.get("review", "total"), report.reviews.cell("review", "total").origin
    (4, Origin(format='html', table=0, row=1, cell=4, page=None))
    """
    return html_to_text(html).parse(strict=strict)
