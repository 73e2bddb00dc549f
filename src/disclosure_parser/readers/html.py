"""Reports published as web pages: the HTML adapter (the ``[html]`` extra, selectolax).

The page is decoded (byte-order mark, then the ``<meta>`` charset if it is one of the web's text
encodings, then UTF-8, then GB18030), parsed by Lexbor (selectolax), a WHATWG HTML5 parser that
builds the tree a browser builds however broken the markup, copied once into plain objects,
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
from typing import Final

from ..core.errors import MissingDependencyError, ParseError, UnreadableFileError
from ..core.messages import msg
from ..core.model import Diagnostic, Report
from .base import (
    Adapted,
    Block,
    SourceCell,
    SourceTable,
    TextWriter,
    cell_text,
    guarded,
    line_text,
)

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


class _Node:
    """An element of the page: the parser's tree copied into plain Python objects once.

    The readers' passes (chrome, link lists, the walk) look at every element several times;
    on plain objects each look costs an attribute read, not a call into the parser. Elements
    are numbered in document order (:attr:`index`): the elements inside one are those up to
    :attr:`end` in :attr:`_Page.order`. Removing an element marks its subtree ``dead``; every
    pass skips dead elements.
    """

    __slots__ = (
        "attrs",
        "children",
        "dead",
        "end",
        "holder",
        "index",
        "inside",
        "links",
        "parent",
        "size",
        "tag",
    )

    def __init__(
        self, tag: str, attrs: dict[str, str | None], parent: _Node | None, index: int
    ) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[_Node | str] = []
        self.index = index
        self.end = index + 1
        self.dead = False
        #: an ancestor of a report table (never removed)
        self.holder = False
        #: inside a report table (only hidden text is removed there)
        self.inside = False
        #: visible characters of text in the element, and of them in links
        self.size = self.links = 0

    def attr(self, name: str) -> str:
        value = self.attrs.get(name) if self.attrs else None
        return "" if value is None else value


class _Page:
    """The page as plain objects, and what the parser tree gave on the way."""

    def __init__(self, order: list[_Node], title: str | None) -> None:
        #: every element, in document order; ``order[0]`` is the document
        self.order = order
        self.title = title

    def inner(self, node: _Node) -> list[_Node]:
        """The elements inside *node* (dead ones too), in document order."""
        return self.order[node.index + 1 : node.end]

    def text(self, node: _Node) -> str:
        """The text of *node*'s live subtree."""
        out: list[str] = []
        stack: list[Iterator[_Node | str]] = [iter(node.children)]
        while stack:
            for child in stack[-1]:
                if isinstance(child, str):
                    out.append(child)
                elif not child.dead:
                    stack.append(iter(child.children))
                    break
            else:
                stack.pop()
        return "".join(out)

    def kill(self, node: _Node) -> None:
        """Remove *node* and everything in it."""
        node.dead = True
        for el in self.inner(node):
            el.dead = True

    def own(self, table: _Node, name: str) -> _Node | None:
        """The first live *name* element of *table* itself (not of a table nested in it)."""
        order, i = self.order, table.index + 1
        while i < table.end:
            el = order[i]
            if el.dead:
                i = el.end
            elif el.tag == name:
                return el
            elif el.tag == "table":
                i = el.end
            else:
                i += 1
        return None

    def own_rows(self, table: _Node, skip: _Node | None = None) -> list[list[_Node]]:
        """The rows of *table* (not of tables nested in it, nor in *skip*), each a list of
        its live cells."""
        rows = []
        order, i = self.order, table.index + 1
        while i < table.end:
            el = order[i]
            if el.dead or el.tag == "table" or el is skip:
                i = el.end
                continue
            if el.tag == "tr":
                rows.append(
                    [
                        c
                        for c in el.children
                        if isinstance(c, _Node) and not c.dead and c.tag in ("td", "th")
                    ]
                )
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
    title = None if first_title is None else first_title.text()
    top = parser.root
    root = _Node("[document]", {}, None, 0)
    order = [root]
    if top is not None:
        html_node = _Node(top.tag or "html", top.attributes, root, 1)
        root.children.append(html_node)
        order.append(html_node)
        drop = _DROP_SET
        # depth first, in document order: (next source child to copy, its copy's parent)
        stack = [(top.child, html_node)]
        while stack:
            source, target = stack[-1]
            if source is None:
                stack.pop()
                target.end = len(order)
                continue
            stack[-1] = (source.next, target)
            tag = source.tag or ""
            if tag == "-text":
                target.children.append(source.text_content or "")
            elif tag and tag[0] != "-" and tag not in drop:
                node = _Node(tag, source.attributes, target, len(order))
                target.children.append(node)
                order.append(node)
                stack.append((source.child, node))
        root.end = len(order)
    return _Page(order, title)


_DROP_SET: Final = frozenset(_DROP_TAGS)


def _is_chrome(tag: _Node) -> bool:
    """Whether *tag* is page chrome by its class or id."""
    names = f"{' '.join(tag.attr('class').split())} {tag.attr('id')}".strip()
    if names:
        lowered = names.lower()
        if any(stem in lowered for stem in _CHROME_STEMS):
            return True
        return any(w.lower() in _CHROME_WORDS for w in _WORD_SPLIT.split(names) if w)
    return False


def _text_size(text: str) -> int:
    """The number of characters of *text* that are not white space."""
    return len("".join(text.split()))


def _clean(page: _Page) -> None:
    """Remove portal chrome in place.

    Nothing that holds a report table goes, nor anything inside one (a cell that happens to
    be a link, say) except hidden text. Every step is linear in the page's size, however
    deeply its elements nest.
    """
    order = page.order
    # report tables with their ancestors (never removed) and their content (only hidden text
    # is removed there)
    i = 0
    while i < len(order):
        table = order[i]
        if table.tag != "table":
            i += 1
            continue
        # the tables inside are part of this one's text: each is a report table only
        # inside a report table (marked inside here)
        i = table.end
        if not _REPORT_TABLE.search(page.text(table)):
            continue
        for el in page.inner(table):
            el.inside = True
        parent: _Node | None = table
        while parent is not None and not parent.holder:
            parent.holder = True
            parent = parent.parent
    # the elements inside an <article> or <main>
    article_end = -1
    for el in order:
        if el.index < article_end:
            continue  # inside an article: regions stay
        if el.tag in ("article", "main"):
            article_end = el.end
        elif el.tag in _REGION_TAGS and not (el.dead or el.holder or el.inside):
            page.kill(el)
    for el in order:
        if el.dead or el.holder or not el.attrs:
            continue
        hidden = _HIDDEN_STYLE.search(el.attr("style")) is not None
        if hidden or (not el.inside and _is_chrome(el)):
            page.kill(el)
    _drop_link_lists(page)


def _drop_link_lists(page: _Page) -> None:
    """Remove blocks whose text is mostly links: menus, breadcrumbs, related-report lists.

    Such lists often name other years' reports, which would be taken for the title.
    """
    order = page.order
    # sizes in post-order (children before parents): text and link text per element
    for tag in reversed(order):
        if tag.dead:
            continue
        size = links = 0
        for child in tag.children:
            if isinstance(child, str):
                size += _text_size(child)
            elif not child.dead:
                size += child.size
                links += child.links
        tag.size, tag.links = size, size if tag.tag == "a" else links
    for tag in order:  # parents before children: the largest link block goes whole
        if tag.dead or tag.tag not in _LINK_CONTAINERS or tag.holder or tag.inside:
            continue
        if tag.size and tag.links * 2 > tag.size:
            page.kill(tag)


# ---------------------------------------------------------------------------------------------
# Walking the page
# ---------------------------------------------------------------------------------------------


def _span(tag: _Node, name: str, limit: int) -> int:
    if not tag.attrs:
        return 1
    try:
        value = int(tag.attr(name).strip() or "1")
    except ValueError:
        return 1
    if value <= 0:
        return limit if name == "rowspan" else 1  # rowspan="0": to the end of the table
    return min(value, limit)


class _Walker:
    """Turns the cleaned page into blocks: paragraph lines and tables in document order."""

    def __init__(self, page: _Page) -> None:
        self.page = page
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        #: cells whose rowspan/colspan was too large for their table and was ignored
        self.clamped = 0

    def flush(self) -> None:
        text = line_text("".join(self.buffer))
        self.buffer.clear()
        if text and not is_chrome_line(text):
            self.blocks.append(text)

    def walk(self, node: _Node) -> None:
        """Read *node*'s content: a block element ends a line before and after it, ``<br>``
        ends one, a table is read as a table (an explicit stack: pages nest deeply)."""
        #: (children left to read, whether a block element's closing flush is due)
        stack: list[tuple[Iterator[_Node | str], bool]] = [(iter(node.children), False)]
        while stack:
            children, closing = stack[-1]
            for child in children:
                if isinstance(child, str):
                    self.buffer.append(child)
                    continue
                if child.dead:
                    continue
                name = child.tag
                if name == "br":
                    self.flush()
                elif name == "table":
                    self.flush()
                    self.table(child)
                elif name in _BLOCK_TAGS:
                    self.flush()
                    stack.append((iter(child.children), True))
                    break
                else:
                    stack.append((iter(child.children), False))
                    break
            else:
                stack.pop()
                if closing:
                    self.flush()

    def table(self, table: _Node) -> None:
        page = self.page
        caption = page.own(table, "caption")
        if caption is not None:
            self.walk(caption)  # a caption ("表一 …") is a paragraph before its table
            self.flush()
        rows = page.own_rows(table, skip=caption)
        if caption is not None:
            page.kill(caption)
        if not any(rows):
            self.walk(table)  # a table without cells: read what it holds as text
            return
        places = _places(rows)
        width = max((c + span for row in places for _, c, _, span, _ in row), default=0)
        if width <= 3 and page.own(table, "table") is not None:
            for cells in rows:  # a layout table: its cells are regions of the page
                for cell in cells:
                    self.walk(cell)
                    self.flush()
            return
        self.clamped += sum(1 for row in places for *_, clamped in row if clamped)
        grid = tuple(
            tuple(
                SourceCell(cell_text(_cell_pieces(page, td)), c, rowspan, colspan)
                for td, c, rowspan, colspan, _ in row
            )
            for row in places
        )
        self.blocks.append(SourceTable(grid))


#: grid slots a table's merged cells may cover, per cell of the table (and at least
#: _MIN_AREA): report tables cover a few per cell; spans beyond this are clamped to one slot
_AREA_PER_CELL: Final = 50
_MIN_AREA: Final = 10_000


def _places(rows: list[list[_Node]]) -> list[list[tuple[_Node, int, int, int, bool]]]:
    """Each row's cells as (cell, grid column, rowspan, colspan, clamped): the grid column
    each cell starts at, rowspan/colspan expanded.

    The grid slots the spans cover are bounded by the table's size (see
    :data:`_AREA_PER_CELL`): a page of cells each claiming rowspan=1000 colspan=100 would
    otherwise cost a hundred thousand slots per cell, here and in the text written for it.
    Cells whose span no longer fits are read as one slot and flagged *clamped*.
    """
    budget = max(_MIN_AREA, _AREA_PER_CELL * sum(len(cells) for cells in rows))
    occupied: set[tuple[int, int]] = set()
    out: list[list[tuple[_Node, int, int, int, bool]]] = []
    for r, cells in enumerate(rows):
        c = 0
        row: list[tuple[_Node, int, int, int, bool]] = []
        for td in cells:
            while occupied and (r, c) in occupied:
                c += 1
            rowspan = _span(td, "rowspan", min(len(rows) - r, 1000))
            colspan = _span(td, "colspan", 100)
            clamped = 1 < rowspan * colspan > budget
            if clamped:
                rowspan = colspan = 1
            budget -= rowspan * colspan
            if rowspan > 1 or colspan > 1:
                for dr in range(rowspan):
                    for dc in range(colspan):
                        occupied.add((r + dr, c + dc))
            row.append((td, c, rowspan, colspan, clamped))
            c += colspan
        out.append(row)
    return out


def _cell_pieces(page: _Page, cell: _Node) -> list[str]:
    """A cell's text as the lines it was printed on (<br> and block elements end a line).

    A table nested in the cell contributes its cells' text, space-separated, as one line.
    """
    if len(cell.children) == 1 and isinstance(cell.children[0], str):
        return [cell.children[0]]  # a cell of plain text (most cells)
    pieces = [""]
    stack: list[tuple[Iterator[_Node | str], bool]] = [(iter(cell.children), False)]
    while stack:
        children, closing = stack[-1]
        for child in children:
            if isinstance(child, str):
                pieces[-1] += child
                continue
            if child.dead:
                continue
            if child.tag == "br":
                pieces.append("")
            elif child.tag == "table":
                inner = [
                    cell_text(_cell_pieces(page, td)) for row in page.own_rows(child) for td in row
                ]
                pieces.extend((" ".join(t for t in inner if t), ""))
            elif child.tag in _BLOCK_TAGS:
                pieces.append("")
                stack.append((iter(child.children), True))
                break
            else:
                stack.append((iter(child.children), False))
                break
        else:
            stack.pop()
            if closing:
                pieces.append("")
    return pieces


_TITLE_SPLIT: Final = re.compile(r"\s*[_|｜—–]+\s*|\s+-\s+")
_FIRST_HEADING: Final = re.compile(r"^[一1][、.．]?\s*(?:总体情况|概述|总体概况|基本情况)")


def _title_block(title: str, blocks: list[Block]) -> str | None:
    """The page <title>'s report name when the body does not print the report's title."""
    for block in blocks:
        if isinstance(block, SourceTable) or _FIRST_HEADING.match(block):
            break
        if "报告" in block or "年报" in block:
            return None
    for part in _TITLE_SPLIT.split(title):
        if "报告" in part or "年报" in part:
            return part.strip()
    return None


def _blocks(html: str) -> tuple[list[Block], int]:
    """The page's blocks, and how many table cells had their spans clamped."""
    page = _parse(html)
    _clean(page)
    walker = _Walker(page)
    walker.walk(page.order[0])
    walker.flush()
    blocks = walker.blocks
    title = page.title
    shown = _title_block(line_text(title), blocks) if title else None
    if shown:
        blocks.insert(0, shown)
    return blocks, walker.clamped


def _has_report(blocks: list[Block]) -> bool:
    return any(
        isinstance(b, SourceTable) or "总体情况" in b or "年度报告" in b or "第二十条" in b
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
    if _ESCAPED_MARKUP.search(visible):
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
    writer.write(blocks)
    if writer.tables:
        rows = sum(len(b.rows) for b in blocks if isinstance(b, SourceTable))
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
