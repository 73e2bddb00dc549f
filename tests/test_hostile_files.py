"""Hostile and damaged files (issue 17, the readers): bounded, loud, nothing lost.

One regression test per defect found by the reliability review (its reproducer's number in
the test's name), each at the depth where the defect lived, plus the budgets behind them.
No test measures time: each asserts what was read or the coded error, with a generous hang
guard (``pytest.mark.timeout``) for the defects that used to hang.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import disclosure_parser as dp
from conftest import REPO

sys.path.insert(0, str(REPO / "fuzz"))
import hostile

pytest.importorskip("pypdfium2")
pytest.importorskip("selectolax")
pytest.importorskip("lxml")

from disclosure_parser.core.errors import FILE_ERROR_CODES, UnreadableFileError
from disclosure_parser.readers import _pdfium, _pdfscan
from disclosure_parser.readers.docx import docx_to_text, element_budget
from disclosure_parser.readers.html import decode_html, html_to_text
from disclosure_parser.readers.odt import REPEAT_BUDGET, odt_to_text
from disclosure_parser.readers.pdf import MAX_PAGES, pdf_to_text


def _code(call: object) -> str:
    with pytest.raises(dp.ParseError) as info:
        call()  # type: ignore[operator]
    assert info.value.code in FILE_ERROR_CODES or info.value.code in ("empty", "not_a_report")
    return info.value.code


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------


@pytest.mark.timeout(60)
def test_r01_pdf_object_referring_to_itself(tmp_path: Path) -> None:
    """r01: a page whose /Contents is an object that is a reference to itself (pdfminer
    looped forever) is read at once: nothing to read, and the error says why."""
    path = tmp_path / "selfref.pdf"
    path.write_bytes(hostile.self_reference())
    with pytest.raises(UnreadableFileError, match="refer to themselves") as info:
        dp.parse_file(path)
    assert info.value.code == "reference_cycle"
    assert "object(s) 50 " in str(info.value)


@pytest.mark.timeout(60)
def test_r01_reference_chain_on_one_page_of_two_is_a_warning() -> None:
    """A cycle of references through three objects is found too; where another page holds
    text, the file is read and the cycle is a warning, not an error."""
    assert _pdfscan.check(hostile.reference_chain(3))[0].message.startswith("object(s) 50, 51, 52 ")
    objects = hostile.simple(hostile.stream(hostile.text_content(["Annual report 2021"])), pages=2)
    objects[50] = "50 0 R"
    objects[11] = str(objects[11]).replace("/Contents 3 0 R", "/Contents 50 0 R")
    adapted = pdf_to_text(hostile.pdf(objects))
    (note,) = [d for d in adapted.diagnostics if d.code == "reference_cycle"]
    assert note.severity == "warning"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("levels", [5, 6, 7, 9])
def test_r02_form_xobjects_drawing_each_other_are_refused(levels: int) -> None:
    """r02: forms drawing each other ten times over, 5 to 9 levels deep (10**9 drawings
    from 5 kB; pdfminer took minutes and gigabytes at 6) are refused before pdfium parses
    them: ParseError xobject_budget."""
    data = hostile.xobject_bomb(levels)
    assert len(data) < 6_000
    assert _code(lambda: pdf_to_text(data)) == "xobject_budget"


def test_r02_drawings_are_counted_with_what_forms_draw() -> None:
    """The scan counts each form with everything it draws: 1 + 10 + 100 + 1000 = 1111
    drawings for three levels, which are within the budget and read."""
    scan = _pdfscan._Scan(hostile.xobject_bomb(3))
    assert _pdfscan._drawings(scan) == 1111
    assert _pdfscan.drawing_budget(4_000) == _pdfscan.MIN_DRAWINGS
    pdf_to_text(hostile.xobject_bomb(3))  # read, no budget error


@pytest.mark.timeout(60)
@pytest.mark.parametrize("loop", ["itself", "another"])
def test_a_form_drawing_itself_is_refused(loop: str) -> None:
    """A form that draws itself twice, or two forms drawing each other three times (pdfium
    follows such loops to its nesting limit: it never returned), are refused before pdfium
    parses the page: ParseError xobject_budget."""
    objects = hostile.simple(hostile.stream(b"/X Do"))
    head = b"/Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << "
    if loop == "itself":
        objects[20] = hostile.stream(b"/X Do /X Do", head + b"/X 20 0 R >> >>")
    else:
        objects[20] = hostile.stream(b"/Y Do /Y Do /Y Do", head + b"/Y 21 0 R >> >>")
        objects[21] = hostile.stream(b"/X Do /X Do /X Do", head + b"/X 20 0 R >> >>")
    objects[10] = str(objects[10]).replace(
        "/Resources << /Font", "/Resources << /XObject << /X 20 0 R >> /Font"
    )
    data = hostile.pdf(objects)
    assert _pdfscan._drawings(_pdfscan._Scan(data)) > _pdfscan.drawing_budget(len(data))
    assert _code(lambda: pdf_to_text(data)) == "xobject_budget"


@pytest.mark.timeout(60)
def test_a_stream_inflating_a_thousandfold_is_refused() -> None:
    """A content stream of 100 MB of spaces, deflated to 100 kB, is refused as a
    decompression bomb before pdfium inflates it (the 50 MB file limit allowed 50 GB)."""
    data = hostile.flate_bomb(100)
    assert len(data) < 200_000
    assert _code(lambda: pdf_to_text(data)) == "decompression_bomb"
    assert _pdfscan.inflation_budget(len(data)) == _pdfscan.MIN_INFLATED


def test_streams_inflating_within_the_budget_are_read() -> None:
    """The budget is forty times the file (at least 32 MB): 10 MB of spaces read."""
    adapted = pdf_to_text(hostile.flate_bomb(10))
    assert adapted.text.strip() == "X"


@pytest.mark.timeout(120)
def test_fifty_thousand_characters_on_a_page_are_read() -> None:
    """50,000 characters on one page (pdfplumber's dedupe_chars took 127 s): every one is
    read, duplicates are removed by clustering, not by comparing every pair."""
    adapted = pdf_to_text(hostile.many_chars(50_000))
    assert sum(ch.isdigit() for ch in adapted.text) == 50_000


def test_a_page_over_the_character_cap_is_refused() -> None:
    """A page of 150,000 characters (no report page holds a tenth of it) raises
    too_many_chars, naming the page and the cap."""
    with pytest.raises(UnreadableFileError, match="page 1 of the PDF holds") as info:
        pdf_to_text(hostile.many_chars(150_000))
    assert info.value.code == "too_many_chars"
    assert f"{_pdfium.MAX_PAGE_CHARS:,}" in str(info.value)


def test_dedupe_keeps_one_of_each_cluster() -> None:
    """Characters drawn twice within a point (a bold effect) are read once; those a point
    and a half apart both stay."""
    a = _pdfium.Char("规", 10.0, 20.0, 5.0, 15.0, 10.0, 1, True)
    twice = [a, a._replace(x0=10.4, x1=20.4), a._replace(x0=30.0, x1=40.0)]
    assert [c.x0 for c in _pdfium.dedupe(twice)] == [10.0, 30.0]
    other_font = [a, a._replace(font=2)]
    assert len(_pdfium.dedupe(other_font)) == 2


@pytest.mark.timeout(120)
def test_a_ruled_grid_of_100_by_100_cells() -> None:
    """A table of 100 x 100 ruled cells (pdfplumber took 5.9 s) is one table of 100 rows of
    100 cells, each cell's digit in its place."""
    adapted = pdf_to_text(hostile.ruled_grid(100, 100))
    rows = [line.split("\t") for line in adapted.text.splitlines()]
    assert len(rows) == 100
    assert all(len(row) == 100 for row in rows)
    assert rows[3][5] == "8"
    assert {o.table for o in adapted.origins.values()} == {0}


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("tables", "rows"), [(1, 3), (20, 4)])
def test_tables_whose_rules_run_past_their_last_column(tables: int, rows: int) -> None:
    """Tables whose horizontal rules run on past their last vertical rule, to x = 400, under
    a clip at x = 300: the open column is read as one (closed where the rules end), and cut
    by the clip; its digits end well short of the clip (a next digit would be drawn), so they
    are read, a cut cell after them (⁇✂) standing for what is past the clip, with a
    cut_at_page_edge warning a row. A page of many such tables is read in bounded work (the
    looks for open columns a page are capped: the later tables keep two columns)."""
    adapted = pdf_to_text(hostile.open_tables(tables, rows))
    rows_read = [line.split("\t") for line in adapted.text.splitlines()]
    assert len(rows_read) == tables * rows
    assert rows_read[0] == ["0", "0", "0", "\u2047\u2702"]
    cut = [d for d in adapted.diagnostics if d.code == "cut_at_page_edge"]
    assert rows <= len(cut) <= tables * rows
    assert all(len(row) in (2, 4) for row in rows_read)
    # the tables past the cap keep two columns, and say that text beside them is not read
    beside = [d for d in adapted.diagnostics if d.code == "text_beside_table"]
    assert len(beside) == (0 if all(len(row) == 4 for row in rows_read) else 1)


def test_a_digit_the_clip_cuts_across_is_withheld() -> None:
    """The open column's digit drawn across the clip at x = 300 (it begins left of it, so it
    is drawn; a digit after it would begin past it and not be): what the page shows of the
    number may be its first digits, so it is withheld (⁇✂), with a cut_at_page_edge warning."""
    adapted = pdf_to_text(hostile.open_tables(1, 3, open_at=280))
    rows_read = [line.split("\t") for line in adapted.text.splitlines()]
    assert [row[:2] for row in rows_read] == [["0", "0"], ["1", "1"], ["2", "2"]]
    assert [row[2:] for row in rows_read] == [
        ["\u2047\u27020"],
        ["\u2047\u27021"],
        ["\u2047\u27022"],
    ]
    assert sum(d.code == "cut_at_page_edge" for d in adapted.diagnostics) == 3


def test_text_beside_a_table_is_not_read_silently() -> None:
    """Digits printed in a ruled table's rows past its outer rule, with no rule around them,
    belong to no cell: they are not read, and a text_beside_table warning says so."""
    ops = [b"0.5 w"]
    for r in range(4):
        ops.append(b"40 %d m 200 %d l S" % (700 - r * 20, 700 - r * 20))
    for x in (40, 120, 200):
        ops.append(b"%d 640 m %d 700 l S" % (x, x))
    ops.append(b"BT /F1 10 Tf")
    for r in range(3):
        for x in (60, 140, 230):
            ops.append(b"1 0 0 1 %d %d Tm (%d) Tj" % (x, 700 - (r + 1) * 20 + 6, r * 3 + x))
    ops.append(b"ET")
    adapted = pdf_to_text(hostile.pdf(hostile.simple(hostile.stream(b"\n".join(ops)))))
    assert adapted.text.splitlines() == ["60\t140", "63\t143", "66\t146"]
    (note,) = [d for d in adapted.diagnostics if d.code == "text_beside_table"]
    assert note.severity == "warning"
    assert "'230233236'" in note.message_in("en")


def test_rules_clipped_to_a_cell_cut_nothing() -> None:
    """A file that draws each rule of a table under a clip of one cell (the text of the other
    cells printed beside it) hides none of the table: no cell is withheld as cut."""
    ops = [b"0.5 w"]
    for r in range(4):
        y = 700 - r * 20
        ops.append(b"q 40 %d 80 20 re W n 40 %d m 360 %d l S Q" % (y - 20, y, y))
    for x in (40, 120, 200, 280, 360):
        ops.append(b"%d 640 m %d 700 l S" % (x, x))
    ops.append(b"BT /F1 10 Tf")
    for r in range(3):
        for c, x in enumerate((60, 140, 220, 300)):
            ops.append(b"1 0 0 1 %d %d Tm (%d) Tj" % (x, 700 - (r + 1) * 20 + 6, r * 4 + c))
    ops.append(b"ET")
    data = hostile.pdf(hostile.simple(hostile.stream(b"\n".join(ops))))
    adapted = pdf_to_text(data)
    assert adapted.text.splitlines() == ["0\t1\t2\t3", "4\t5\t6\t7", "8\t9\t10\t11"]
    assert not [d for d in adapted.diagnostics if d.severity != "info"]


def test_table_finder_cells_of_a_small_grid() -> None:
    """Two by three ruled cells: six cells in one table, rows by top."""
    edges = [_pdfium.Edge(0, y, 30, y, "h") for y in (0, 10, 20)]
    edges += [_pdfium.Edge(x, 0, x, 20, "v") for x in (0, 10, 20, 30)]
    (table,) = _pdfium.find_tables(edges)
    assert len(table) == 6
    assert [len(row) for row in _pdfium.table_rows(table)] == [3, 3]


def test_a_page_tree_naming_one_page_thousands_of_times() -> None:
    """A page tree listing one page 2,001 times is refused (too_many_pages); fifty times is
    read."""
    assert _code(lambda: pdf_to_text(hostile.repeated_page(MAX_PAGES + 1))) == "too_many_pages"
    assert (
        pdf_to_text(hostile.repeated_page(50))
        .diagnostics[-1]
        .message.startswith("read from PDF: 50 page(s)")
    )


def test_a_font_without_bbox_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    """A font descriptor without /FontBBox: the text is read, and nothing is printed on
    standard error (pdfminer logged a warning per glyph)."""
    adapted = pdf_to_text(hostile.font_without_bbox())
    assert "line 49" in adapted.text
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------


@pytest.mark.timeout(60)
def test_r03_docx_grid_span_of_a_hundred_million() -> None:
    """r03: w:gridSpan=100000000 (8.6 GB, then MemoryError) is read as a single cell with a
    span_clamped warning; the rest of the table is read as printed."""
    adapted = docx_to_text(hostile.grid_span("100000000"))
    assert adapted.text.splitlines() == ["二、主动公开政府信息情况", "规章\t1", "行政许可\t2\t3"]
    (warning,) = [d for d in adapted.diagnostics if d.code == "span_clamped"]
    assert warning.severity == "warning"
    assert warning.message.startswith("1 ")


@pytest.mark.parametrize("span", ["-5", "0", "abc", "1e9", "63", "99999999999999999999"])
def test_odd_grid_spans_are_read_as_cells(span: str) -> None:
    """Negative, zero, non-numeric and huge spans give a cell each, never an exception."""
    adapted = docx_to_text(hostile.grid_span(span))
    assert adapted.text.splitlines()[1].startswith("规章\t")


@pytest.mark.timeout(60)
def test_r11_docx_vertical_merges_are_linear() -> None:
    """r11: a label merged down 16,001 rows (20 s before: each continuation looked at every
    row above it) is written once, the rows it covers get an empty cell."""
    adapted = docx_to_text(hostile.vertical_merges(16_000))
    lines = adapted.text.splitlines()
    assert lines[0] == "规章\t1"
    assert lines[1:] == ["\t1"] * 16_000


def test_r11_a_continuation_without_a_merge_above_is_a_cell() -> None:
    """A vMerge continuation with no restart above is read as a cell of its own."""
    row = "<w:tr>" + hostile.cell("规章", "<w:vMerge/>") + hostile.cell("1") + "</w:tr>"
    adapted = docx_to_text(hostile.docx(f"<w:tbl>{row}</w:tbl>"))
    assert adapted.text.splitlines() == ["规章\t1"]


@pytest.mark.timeout(60)
def test_ten_million_empty_paragraphs_are_refused() -> None:
    """Ten million empty paragraphs in under 128 kB (46 s and 1.5 GB before) are refused
    before they are parsed: too_many_elements, naming the budget."""
    data = hostile.empty_paragraphs(10_000_000)
    assert len(data) < 128_000
    with pytest.raises(UnreadableFileError, match="XML elements") as info:
        docx_to_text(data)
    assert info.value.code == "too_many_elements"
    assert f"{element_budget(len(data)):,}" in str(info.value)


def test_a_few_thousand_empty_paragraphs_are_read() -> None:
    """Within the budget, empty paragraphs are read (as nothing)."""
    assert docx_to_text(hostile.empty_paragraphs(50_000)).text == ""


@pytest.mark.timeout(60)
@pytest.mark.parametrize("reader", ["docx", "odt"])
def test_a_paragraph_of_400_000_runs_is_read_in_linear_time(reader: str) -> None:
    """One paragraph of 400,000 one-character runs (or spans) in a file whose size allows
    them: each run was added to the growing line, a copy of it each time (80 billion
    characters copied, over a minute); the line is now joined once (seconds)."""
    if reader == "docx":
        adapted = docx_to_text(hostile.long_paragraph(400_000))
    else:
        adapted = odt_to_text(hostile.odt_long_paragraph(400_000))
    assert adapted.text.startswith("规" * 400_000 + "\n")


def test_tables_nested_past_the_xml_depth_limit() -> None:
    """Tables nested 300 deep: too_complex, not a crash."""
    assert _code(lambda: docx_to_text(hostile.nested_tables(300))) == "too_complex"
    assert "规章" in docx_to_text(hostile.nested_tables(20)).text


# ---------------------------------------------------------------------------------------------
# OpenDocument text (the cases of the Word files, and the repeats only ODT has)
# ---------------------------------------------------------------------------------------------


def _clamped(adapted: dp.Adapted) -> int:
    (warning,) = [d for d in adapted.diagnostics if d.code == "span_clamped"]
    assert warning.severity == "warning"
    return int(warning.message.split()[0])


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "attribute", ["number-columns-spanned", "number-columns-repeated", "number-rows-repeated"]
)
def test_odt_spans_and_repeats_of_a_hundred_million(attribute: str) -> None:
    """A cell claiming to span, or to be repeated over, 100,000,000 columns (or rows: the
    attribute is a row's, not a cell's, and ignored) is read once: the table as printed, a
    span_clamped warning where something was clamped."""
    adapted = odt_to_text(hostile.odt_span(attribute, "100000000"))
    assert adapted.text.splitlines() == ["二、主动公开政府信息情况", "规章\t1", "行政许可\t2\t3"]
    if attribute != "number-rows-repeated":
        assert _clamped(adapted) == 1


@pytest.mark.parametrize("value", ["-5", "0", "abc", "1e9", "64", "9" * 5000])
@pytest.mark.parametrize("attribute", ["number-columns-spanned", "number-rows-spanned"])
def test_odd_odt_spans_are_read_as_cells(attribute: str, value: str) -> None:
    """Negative, zero, non-numeric and huge spans give a cell each, never an exception."""
    adapted = odt_to_text(hostile.odt_span(attribute, value))
    assert adapted.text.splitlines()[1].startswith("规章\t")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("copies", ["101", "1000000000"])
def test_odt_rows_repeated_past_reason_are_read_once(copies: str) -> None:
    """A row of values repeated more than MAX_REPEATED_ROWS times is read once, with a
    warning; up to it, the copies are read (a spreadsheet's shorthand)."""
    adapted = odt_to_text(hostile.odt_repeated_rows(copies))
    assert adapted.text.splitlines() == ["规章\t1", "\t1"]
    assert _clamped(adapted) == 1
    assert odt_to_text(hostile.odt_repeated_rows("100")).text.count("\n") == 101


@pytest.mark.timeout(120)
def test_odt_repeats_are_paid_from_one_budget() -> None:
    """Two thousand rows of a thousand characters, each repeated a hundred times (200 million
    characters from some 100 kB): the repeats stop at the document's budget, with a warning,
    and the text stays a few million characters."""
    row = 'table:number-rows-repeated="100"|' + hostile.odt_cell("9" * 1000)
    data = hostile.odt(hostile.odt_table(*[row] * 2000))
    assert len(data) < 200_000
    adapted = odt_to_text(data)
    assert len(adapted.text) < 2 * 2_000_000 + 2 * REPEAT_BUDGET
    assert _clamped(adapted) > 1900


@pytest.mark.timeout(60)
def test_ten_million_empty_odt_paragraphs_are_refused() -> None:
    """Ten million empty paragraphs in under 200 kB are refused before they are parsed:
    too_many_elements, naming the budget."""
    data = hostile.odt_empty_paragraphs(10_000_000)
    assert len(data) < 200_000
    with pytest.raises(UnreadableFileError, match="XML elements") as info:
        odt_to_text(data)
    assert info.value.code == "too_many_elements"
    assert f"{element_budget(len(data)):,}" in str(info.value)
    assert odt_to_text(hostile.odt_empty_paragraphs(50_000)).text == ""


def test_odt_tables_nested_past_the_xml_depth_limit() -> None:
    assert _code(lambda: odt_to_text(hostile.odt_nested_tables(300))) == "too_complex"
    assert "规章" in odt_to_text(hostile.odt_nested_tables(20)).text


@pytest.mark.timeout(60)
def test_an_odt_zip_bomb_is_refused_unread() -> None:
    """A content.xml of 101 MB of spaces deflated to some 100 kB: too_large, before a byte
    of it is inflated."""
    content = b"<a>" + b" " * 101_000_000 + b"</a>"
    data = hostile.odt("", content=content)
    assert len(data) < 200_000
    assert _code(lambda: odt_to_text(data)) == "too_large"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("part", ["META-INF/manifest.xml", "[Content_Types].xml", "_rels/.rels"])
def test_a_flood_of_elements_in_a_small_part_is_refused(part: str) -> None:
    """A manifest (or Word's content types, or relationships) of five million empty elements
    deflated into 20 kB (parsed whole: 5 s and 600 MB) is refused unparsed: corrupt_file."""
    import io
    import zipfile

    flood = b'<?xml version="1.0"?><m>' + b"<a/>" * 5_000_000 + b"</m>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(part, flood)
        package.writestr("content.xml" if part.startswith("META") else "word/document.xml", "")
        if part == "_rels/.rels":
            package.writestr("[Content_Types].xml", "<Types/>")
    data = out.getvalue()
    assert len(data) < 30_000
    read = odt_to_text if part.startswith("META") else docx_to_text
    with pytest.raises(UnreadableFileError, match="unpacks to more than 1,000,000") as info:
        read(data)
    assert info.value.code == "corrupt_file"


def test_a_damaged_odt_member_is_a_corrupt_file() -> None:
    data = bytearray(hostile.odt_span("number-columns-spanned", "2"))
    at = data.index(b"content.xml") + len(b"content.xml")
    data[at + 10 : at + 40] = b"\xff" * 30
    assert _code(lambda: odt_to_text(bytes(data))) == "corrupt_file"


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("charset", hostile.NOT_TEXT_CODECS)
def test_r05_charsets_that_are_no_text_encodings(charset: str, tmp_path: Path) -> None:
    """r05: <meta charset="hex"> (rot13, base64, zlib … LookupError escaped parse_file) is
    ignored: the page is read as undeclared, and its report text comes out."""
    page = hostile.charset_page(charset)
    text, name = decode_html(page)
    assert "规章" in text
    assert name == "UTF-8"
    path = tmp_path / "page.html"
    path.write_bytes(page)
    assert _code(lambda: dp.parse_file(path)) == "not_a_report"


@pytest.mark.parametrize("charset", ["utf-16", "UTF-16LE", "utf-16be", "utf-32", "utf_32_le"])
def test_utf16_declared_in_markup_is_read_as_utf8(charset: str) -> None:
    """A page that declares UTF-16 in its own ASCII markup is UTF-8 (as browsers read it)."""
    text, name = decode_html(hostile.charset_page(charset))
    assert "规章" in text
    assert name == f"UTF-8 (declared {charset.lower()})"


def test_real_charsets_are_still_honoured() -> None:
    """Windows-1252, Shift_JIS and GBK declarations decode as declared."""
    page = '<meta charset="windows-1252"><p>café</p>'.encode("cp1252")
    assert decode_html(page) == (
        '<meta charset="windows-1252"><p>café</p>',
        "CP1252 (declared windows-1252)",
    )
    page = '<meta charset="gbk"><p>规章</p>'.encode("gbk")
    assert decode_html(page)[1] == "GB18030 (declared gbk)"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("tag", ["div", "table", "b", "td"])
def test_pages_nested_thousands_deep(tag: str) -> None:
    """Elements nested 5,000 deep are read (no recursion: the walk keeps its own stack)."""
    adapted = html_to_text(hostile.deep_page(5_000, tag))
    assert "一、总体情况" in adapted.text


# ---------------------------------------------------------------------------------------------
# The last resort
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("error", [MemoryError, RecursionError])
def test_memory_and_recursion_errors_never_escape_a_reader(
    error: type[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were a reader to run out of memory or stack anyway, the caller gets a coded
    UnreadableFileError for the file, never the bare exception."""
    from disclosure_parser.readers import docx, html, odt, pdf

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(html, "_blocks", fail)
    monkeypatch.setattr(docx, "_body_blocks", fail)
    monkeypatch.setattr(odt, "_body_blocks", fail)
    monkeypatch.setattr(pdf, "_read_pages", fail)
    expected = "out_of_memory" if error is MemoryError else "too_complex"
    assert _code(lambda: html_to_text("<p>x</p>")) == expected
    assert _code(lambda: docx_to_text(hostile.grid_span("1"))) == expected
    assert _code(lambda: odt_to_text(hostile.odt_span("number-columns-spanned", "1"))) == expected
    assert _code(lambda: pdf_to_text(hostile.many_chars(10))) == expected


def test_every_file_error_code_is_documented() -> None:
    """Each code the readers raise is in FILE_ERROR_CODES, with a sentence saying what it
    means."""
    sources = "".join(
        p.read_text(encoding="utf-8") for p in (REPO / "src/disclosure_parser/readers").glob("*.py")
    )
    import re

    raised = set(re.findall(r'code="([a-z_]+)"', sources))
    # not_text, encoding: text files; ocr_unreadable: a parse of OCR's text with strict=True
    assert raised - {"not_text", "encoding", "ocr_unreadable"} <= set(FILE_ERROR_CODES)
    assert all(FILE_ERROR_CODES.values())


def test_a_damaged_zip_member_is_a_corrupt_file() -> None:
    """A Word package whose document part's compressed bytes are damaged (zlib.error
    escaped the reader; found by fuzzing) is a corrupt_file."""
    data = bytearray(hostile.grid_span("1"))
    at = data.index(b"word/document.xml") + len(b"word/document.xml")
    data[at + 10 : at + 40] = b"\xff" * 30
    assert _code(lambda: docx_to_text(bytes(data))) == "corrupt_file"


@pytest.mark.timeout(60)
def test_r02_a_damaged_form_header_does_not_hide_the_bomb() -> None:
    """Fuzzing found a forms bomb whose header of one form was damaged ("102 0 obj << …
    2 0 obj << …"): pdfium still read the form, the scan did not. A header cut short is now
    taken as the object that follows it, and the bomb is refused."""
    data = hostile.xobject_bomb(6).replace(
        b"102 0 obj\n", b"102 0 obj\n<< /Length 59 /Type /XObject 2 0 obj\n", 1
    )
    assert _pdfscan._drawings(_pdfscan._Scan(data)) > _pdfscan.drawing_budget(len(data))
    assert _code(lambda: pdf_to_text(data)) == "xobject_budget"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("damaged", [b"/FlateDecode <<", b"/ResourcesF<<"])
def test_r02_a_form_drawing_itself_through_the_page_resources(damaged: bytes) -> None:
    """Fuzzing found a form whose /Resources key was damaged into /FlateDecode: the scan took
    the stream for a deflated one (it is not: pdfium reads it plain) and counted none of its
    drawings, while pdfium resolved them through the page's resources back to the form
    itself, down to its nesting limit (23 GB); likewise a key damaged into /ResourcesF. Only
    the /Filter entry names filters now, a stream that does not inflate is read plain, names
    are matched whole, and the loop is refused."""
    data = hostile.xobject_bomb(2).replace(
        b"/BBox [0 0 595 842] /Resources << /XObject << /X 101",
        b"/BBox [0 0 595 842] " + damaged + b" /XObject << /X 101",
    )
    assert damaged + b" /XObject" in data
    assert _code(lambda: pdf_to_text(data)) == "xobject_budget"
