"""Reports published as web pages: ``parse_html``, ``html_to_text`` and ``parse_file(.html)``."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pytest

import disclosure_parser as dp
from conftest import CORPUS, SEED_IDS, corpus_truth
from fixtures.rendition import Grid, Heading, Seed, blocks
from fixtures.seedcheck import cells_of, expected, seed
from truth import compare

pytest.importorskip("selectolax")

from disclosure_parser.core.errors import MissingDependencyError
from disclosure_parser.readers.html import (
    decode_html,
    embedded_markup,
    html_to_text,
    is_chrome_line,
    parse_html,
)


def render_html(rendered: Seed) -> str:
    """A seed as a publisher's HTML fragment: <p> paragraphs, <table>s with merged cells."""
    out: list[str] = []
    for block in blocks(rendered):
        if isinstance(block, Heading):
            out.append(f"<p><strong>{html.escape(block.text)}</strong></p>")
        elif isinstance(block, Grid):
            out.append(_table(block))
        else:
            out.append(f"<p>{html.escape(block)}</p>")
    return "\n".join(out)


def _table(grid: Grid) -> str:
    rows: list[list[str]] = [[] for _ in range(grid.rows)]
    for span in sorted(grid.cells, key=lambda s: (s.row, s.col)):
        attrs = ""
        if span.rowspan > 1:
            attrs += f' rowspan="{span.rowspan}"'
        if span.colspan > 1:
            attrs += f' colspan="{span.colspan}"'
        text = html.escape(span.text) if span.text else "&nbsp;"
        rows[span.row].append(f"<td{attrs}><p>{text}</p></td>")
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    return f'<table border="1"><tbody>{body}</tbody></table>'


def _corpus_ids() -> list[str]:
    try:
        truth = corpus_truth()
    except pytest.skip.Exception:
        return []
    return sorted(k for k, v in truth.items() if v.get("form") == "html")


def _page_005() -> str:
    path = CORPUS / "005.html"
    if not path.exists():
        pytest.skip(f"the dev corpus is not available here ({path} is missing)")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("report_id", _corpus_ids() or ["(corpus absent)"])
def test_corpus_pages_give_every_hand_checked_value(report_id: str) -> None:
    """Each HTML report of the dev corpus parses with all its hand-checked values right."""
    truth = corpus_truth()
    if report_id not in truth:
        pytest.skip("the dev corpus is not available here")
    (path,) = [p for p in CORPUS.iterdir() if p.stem == report_id]
    report = dp.parse_file(path)
    row = truth[report_id]
    assert (report.year, report.template) == (row["year"], row["template"])
    assert compare(report, row) == []
    assert not [d for d in report.diagnostics if d.severity != "info"]


def test_005_cells_know_their_table_row_and_column() -> None:
    """005.html: each number's origin names its table, row and grid column in the page."""
    report = parse_html(_page_005())
    assert report.organization == "上海市人民政府办公厅"
    granted = report.applications.cell("granted", "natural_person")
    assert granted is not None
    assert (granted.value, granted.origin) == (258, dp.Origin("html", 1, 5, 3))
    # the 总计 of (一)予以公开 is printed blank (&nbsp;): blank, not recovered from the sums
    total = report.applications.cell("granted", "total")
    assert total is not None
    assert (total.state, total.derived) == ("blank", False)
    assert total.origin == dp.Origin("html", 1, 5, 9)
    review = report.reviews.cell("review", "total")
    assert review is not None
    assert (review.value, review.origin) == (7, dp.Origin("html", 2, 3, 4))
    # a value cell merged over two grid columns is read once, at the column it starts
    licensing = report.active_disclosure.cell("licensing", 1)
    assert licensing is not None
    assert (licensing.value, licensing.origin) == (0, dp.Origin("html", 0, 6, 3))
    amount = report.active_disclosure.cell("procurement", 1)
    assert amount is not None
    assert (amount.value, amount.unit) == (251000, "元")


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_html_rendition_of_each_seed_reads_the_seed_numbers(seed_id: str) -> None:
    """A seed published as an HTML page (merged label cells, &nbsp; blanks) parses the same."""
    report = parse_html(render_html(seed(seed_id)))
    assert cells_of(report) == expected(seed_id)
    assert not [d for d in report.diagnostics if d.severity != "info"]


def test_spans_br_and_spaced_headers_are_written_as_the_parser_reads_them() -> None:
    """rowspan gives one label and empty cells below; colspan is written once; <br> joins."""
    page = (
        "<table>"
        "<tr><td rowspan='2'>信息内容</td><td>本年新<br/>制作数量</td><td colspan='2'>"
        "结 果 维 持</td></tr>"
        "<tr><td>3</td><td></td><td>&nbsp;</td></tr>"
        "<tr><td>规章</td><td colspan='2'>7.5 万元</td><td>1</td></tr>"
        "</table>"
    )
    adapted = html_to_text(page)
    assert adapted.text.splitlines() == [
        "信息内容\t本年新制作数量\t结果维持",
        "\t3\t\u00a0\t\u00a0",
        "规章\t7.5 万元\t1",
    ]
    assert adapted.origins[(3, 1)] == dp.Origin("html", 0, 2, 0)
    assert adapted.origins[(3, 11)] == dp.Origin("html", 0, 2, 3)


def test_portal_chrome_is_dropped() -> None:
    """Menus, breadcrumbs, 字号 and print controls, share bars, footers and link lists go."""
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
    <title>洪合镇2020年度政府信息公开工作年度报告_嘉兴市秀洲区人民政府</title>
    <script>var nav = "2018年政府信息公开工作年度报告";</script><style>p {{}}</style></head>
    <body><div class="top-nav"><ul><li><a href="/">首页</a></li><li><a>政务公开</a></li></ul></div>
    <div class="breadcrumb">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>年度报告</a></div>
    <div class="related"><a>洪合镇2018年度政府信息公开工作年度报告</a>
    <a>洪合镇2019年度政府信息公开工作年度报告</a></div>
    <div id="zoom"><div class="tools">字号：<a>大</a> <a>中</a> <a>小</a></div>
    {render_html(seed("003"))}
    <p>【打印本页】 【关闭窗口】</p></div>
    <div class="bdsharebuttonbox">分享到：<a>微信</a></div>
    <footer>主办单位：嘉兴市秀洲区人民政府办公室 网站标识码 3304110001</footer>
    </body></html>"""
    adapted = html_to_text(page)
    assert "首页" not in adapted.text
    assert "2018年度" not in adapted.text
    assert "字号" not in adapted.text
    assert "打印" not in adapted.text
    assert "分享" not in adapted.text
    assert "主办单位" not in adapted.text
    report = adapted.parse()
    assert (report.organization, report.year) == ("洪合镇人民政府", 2020)
    assert cells_of(report) == expected("003")


@pytest.mark.parametrize(
    "line",
    ["字号：大 中 小", "【字号：大 中 小】", "【打印本页】【关闭窗口】", "分享到：", "打印 | 关闭"],
)
def test_page_control_lines(line: str) -> None:
    """Lines of page controls are recognised as chrome."""
    assert is_chrome_line(line)


def test_report_lines_are_not_chrome() -> None:
    """Short report lines that mention printing or closing stay."""
    assert not is_chrome_line("无。")
    assert not is_chrome_line("六、其他需要报告的事项")
    assert not is_chrome_line("关闭网站2个")


def test_layout_table_around_the_report_is_read_as_page_regions() -> None:
    """A one-cell layout table holding the report does not swallow the report's tables."""
    page = f"<table width='100%'><tr><td>{render_html(seed('001'))}</td></tr></table>"
    report = parse_html(page)
    assert cells_of(report) == expected("001")


def test_table_nested_in_a_data_cell_is_flattened_into_that_cell() -> None:
    """A small table inside a cell of a wide table keeps the outer table's columns."""
    page = (
        "<p>示例镇人民政府2021年政府信息公开工作年度报告</p><p>四、行政复议、行政诉讼情况</p>"
        "<table><tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr>"
        "<tr><td><table><tr><td>结果</td><td>维持</td></tr></table></td>"
        + "<td>x</td>" * 14
        + "</tr><tr>"
        + "".join(f"<td>{n}</td>" for n in (1, 0, 0, 0, 1, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0))
        + "</tr></table>"
    )
    adapted = html_to_text(page)
    assert adapted.text.splitlines()[3].split("\t")[0] == "结果维持"
    report = adapted.parse()
    assert report.reviews.get("direct_suit", "total") == 2
    assert report.reviews.get("review", "upheld") == 1


@pytest.mark.parametrize(
    "cell", ["3", " 3 ", "结 果 维 持", "7.5 万元", "\u00a0", "", "1<br>2", "<b>3</b>", "<i></i>"]
)
@pytest.mark.parametrize(
    "wrap",
    [
        "<p class='MsoNormal'>{}</p>",
        "<p><span lang='EN-US'>{}</span></p>",
        "<div><p>{}</p></div>",
        "<span>{}</span>",
        "<p>{}</p><p></p>",
    ],
)
def test_cell_wrapped_in_elements_reads_as_its_lines(cell: str, wrap: str) -> None:
    """A cell's text inside the paragraphs and spans Word writes around it reads as the
    bare text would (the lines a paragraph ends around it are empty), at the same place."""
    bare = html_to_text(f"<table><tr><td>信息内容</td><td>{cell}</td></tr></table>")
    row = f"<table><tr><td>信息内容</td><td>{wrap.format(cell)}</td></tr></table>"
    wrapped = html_to_text(row)
    assert (wrapped.text, wrapped.origins) == (bare.text, bare.origins)


def test_gbk_page_is_decoded_from_its_meta_charset(tmp_path: Path) -> None:
    """A GB2312-declared page read from disk decodes as GB18030, and says so."""
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"</head><body>{render_html(seed('004'))}</body></html>"
    )
    path = tmp_path / "report.htm"
    path.write_bytes(page.encode("gb18030"))
    report = dp.parse_file(path)
    note = report.diagnostics[0]
    assert (note.code, note.severity, note.message) == (
        "encoding",
        "info",
        "file decoded as GB18030 (declared gb2312)",
    )
    assert cells_of(report) == expected("004")


def test_utf8_page_declaring_gb2312_is_read_as_utf8() -> None:
    """A UTF-8 page whose template still declares GB2312 is not turned into nonsense."""
    page = '<meta charset="gb2312"><p>规章</p>'.encode()
    assert decode_html(page) == (
        '<meta charset="gb2312"><p>规章</p>',
        "UTF-8 (declared gb2312; the bytes are UTF-8)",
    )


def test_decoding_falls_back_without_a_declaration() -> None:
    """Undeclared pages are tried as UTF-8, then GB18030; a BOM wins over both."""
    assert decode_html("<p>规章</p>".encode("gbk")) == ("<p>规章</p>", "GB18030")
    assert decode_html("<p>规章</p>".encode()) == ("<p>规章</p>", "UTF-8")
    assert decode_html(b"\xef\xbb\xbf<p>x</p>") == ("<p>x</p>", "UTF-8 with BOM")


def test_report_held_in_a_javascript_string_is_unescaped() -> None:
    """A portal's JS data file (`let content = "<p …>"`, escaped quotes) reads as its HTML."""
    markup = render_html(seed("002"))
    literal = markup.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    source = (
        '//字典项\nlet ascceptanceArea = [{name: "首页", url: "/"}];\n'
        f'let content = "{literal}";\nlet leaders = ["张三"];\n'
    )
    assert embedded_markup(source) == markup
    report = parse_html(source)
    assert cells_of(report) == expected("002")
    assert any("JavaScript" in d.message for d in report.diagnostics)


def test_page_scripts_with_markup_do_not_replace_the_page() -> None:
    """A page whose own <script> writes escaped markup is still read from its body."""
    page = (
        '<html><head><script>document.write("<a href=\\"/\\">首页<\\/a>");</script></head>'
        f"<body>{render_html(seed('000'))}</body></html>"
    )
    assert cells_of(parse_html(page)) == expected("000")


def test_page_that_writes_its_report_from_a_script_is_read_from_the_script() -> None:
    """When the body shows no report, the markup in the page's script strings is read."""
    markup = render_html(seed("004")).replace('"', '\\"').replace("\n", "")
    page = f'<html><body><div id="app"></div><script>var html = "{markup}";</script></body></html>'
    report = parse_html(page)
    assert cells_of(report) == expected("004")
    assert any("script strings" in d.message for d in report.diagnostics)


def test_links_inside_report_tables_are_kept() -> None:
    """A number printed as a link stays in its cell; hidden text inside a cell goes."""
    linked = "<td><p><a href='/x'>4633</a><span style='display:none'>9</span></p></td>"
    page = render_html(seed("003")).replace("<td><p>4633</p></td>", linked)
    assert linked in page
    report = parse_html(page)
    assert report.active_disclosure.get("licensing", 0) == 4633
    assert cells_of(report) == expected("003")


@pytest.mark.parametrize("cut", [0.5, 0.8])
def test_truncated_page_raises_a_parse_error(cut: float) -> None:
    """An HTML file cut short inside a table raises ParseError, not a partial report."""
    page = _page_005()
    with pytest.raises(dp.ParseError, match="truncated") as info:
        parse_html(page[: int(len(page) * cut)])
    assert info.value.code == "truncated"


def test_page_cut_inside_a_tag_raises_a_parse_error() -> None:
    """A page ending in the middle of a tag is reported as truncated."""
    with pytest.raises(dp.ParseError, match="inside a tag"):
        parse_html("<p>示例镇人民政府2020年政府信息公开工作年度报告</p><p class=")


def test_page_without_a_report_raises_a_parse_error() -> None:
    """A page that holds no report raises the parser's not_a_report error."""
    with pytest.raises(dp.ParseError) as info:
        parse_html("<html><body><div class='nav'><a>首页</a></div><p>欢迎访问</p></body></html>")
    assert info.value.code == "not_a_report"


def test_strict_mode_applies_to_pages() -> None:
    """strict=True raises on the first repaired row, as for text."""
    page = render_html(seed("003")).replace("<td><p>5</p></td>", "", 1)  # a row loses a cell
    assert parse_html(page).applications.get("new_received", "total") == 5
    with pytest.raises(dp.ParseError):
        parse_html(page, strict=True)


def test_parse_file_reads_html_suffixes(tmp_path: Path) -> None:
    """.html and .htm files go through the HTML adapter."""
    page = render_html(seed("000"))
    for suffix in (".html", ".htm"):
        path = tmp_path / f"report{suffix}"
        path.write_text(page, encoding="utf-8")
        assert cells_of(dp.parse_file(path)) == expected("000")


def test_missing_selectolax_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the [html] extra, reading a page says which pip install line to run."""
    monkeypatch.setitem(sys.modules, "selectolax", None)
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    with pytest.raises(MissingDependencyError, match=re.escape("disclosure-parser[html]")) as info:
        parse_html("<p>x</p>")
    assert isinstance(info.value, dp.DisclosureError)
