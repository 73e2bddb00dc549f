"""Reports published as PDF files: ``pdf_to_text``, ``parse_pdf`` and ``parse_file(.pdf)``.

The reader runs on pdfium (pypdfium2); pdfplumber is not needed.

The seed renditions in ``fixtures/`` are written by ``fixtures/make_pdfs.py`` (reportlab).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

import disclosure_parser as dp
from conftest import CORPUS, SEED_IDS, corpus_truth
from fixtures.seedcheck import cells_of, expected
from truth import compare

pytest.importorskip("pypdfium2")

from disclosure_parser.core.errors import MissingDependencyError
from disclosure_parser.readers.pdf import parse_pdf, pdf_to_text

FIXTURES = Path(__file__).parent / "fixtures"


def _corpus_ids() -> list[str]:
    try:
        truth = corpus_truth()
    except pytest.skip.Exception:
        return []
    return sorted(k for k, v in truth.items() if v.get("form") == "pdf")


def _corpus_pdf(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"the dev corpus is not available here ({path} is missing)")
    return path


@pytest.mark.parametrize("report_id", _corpus_ids() or ["(corpus absent)"])
def test_corpus_pdfs_give_every_hand_checked_value(report_id: str) -> None:
    """Each PDF of the dev corpus parses with all its hand-checked values right."""
    truth = corpus_truth()
    if report_id not in truth:
        pytest.skip("the dev corpus is not available here")
    row = truth[report_id]
    report = dp.parse_file(CORPUS / f"{report_id}.pdf")
    assert (report.year, report.template) == (row["year"], row["template"])
    assert compare(report, row) == []
    assert not [d for d in report.diagnostics if d.severity != "info"]


def test_001p_table_split_over_pages_is_one_table() -> None:
    """001p.pdf: table B runs from page 4 to 5; the label cut there reads whole again."""
    adapted = pdf_to_text(_corpus_pdf("001p.pdf"))
    lines = adapted.text.splitlines()
    assert "\t（四）无法提供\t1.本机关不掌握相关政府信息\t746\t12\t0\t0\t10\t1\t769" in lines
    assert "\t\t2.没有现成信息需要另行制作\t11\t0\t0\t0\t0\t0\t11" in lines
    assert not any(re.fullmatch(r"-\s*\d+\s*-", line) for line in lines)  # page numbers
    report = adapted.parse()
    first = report.applications.cell("new_received", "total")
    last = report.applications.cell("carried_forward", "total")
    assert first is not None
    assert last is not None
    assert (first.value, first.origin) == (3119, dp.Origin("pdf", 4, 3, 9, 4))
    assert (last.value, last.origin) == (103, dp.Origin("pdf", 4, 27, 9, 5))
    review = report.reviews.cell("review", "total")
    assert review is not None
    assert (review.value, review.origin) == (351, dp.Origin("pdf", 5, 3, 4, 5))


def test_001p_paragraphs_are_joined_across_lines_and_pages() -> None:
    """Lines of a paragraph (also over a page break) are one line of the text."""
    lines = pdf_to_text(_corpus_pdf("001p.pdf")).text.splitlines()
    assert any(
        line.startswith("（二）依申请公开情况。")
        and "全市共受理政府信息公开申请 3119 件" in line
        and line.endswith("尚未审结 7 件。")
        for line in lines
    )
    paragraph = next(line for line in lines if line.startswith("（一）主动公开情况。"))
    assert "回应舆论关切。" in paragraph  # continued from page 1 to page 2


def test_002p_missing_cell_border_keeps_the_text() -> None:
    """002p.pdf: a header cell drawn without its border still gives its text (信息内容)."""
    lines = pdf_to_text(_corpus_pdf("002p.pdf")).text.splitlines()
    i = lines.index("第二十条第（六）项")
    assert lines[i + 1] == "信息内容\t本年处理决定数量"


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_pdf_rendition_of_each_seed_reads_the_seed_numbers(seed_id: str) -> None:
    """A seed printed as a PDF (ruled tables, merged labels, page breaks) parses the same."""
    report = parse_pdf(FIXTURES / f"seed_{seed_id}.pdf")
    assert cells_of(report) == expected(seed_id)
    assert not [d for d in report.diagnostics if d.severity != "info"]


def test_repeated_header_of_a_continued_table_is_dropped() -> None:
    """seed_003.pdf: table B continues on page 3 under its repeated header; one table results."""
    adapted = pdf_to_text(FIXTURES / "seed_003.pdf")
    notes = [line for line in adapted.text.splitlines() if line.startswith("（本列数据")]
    assert len(notes) == 1
    report = adapted.parse()
    assert [row.key for row in report.applications][-2:] == ["total", "carried_forward"]
    last = report.applications.cell("carried_forward", "natural_person")
    first = report.applications.cell("new_received", "natural_person")
    assert last is not None
    assert first is not None
    assert (last.state, last.origin) == ("blank", dp.Origin("pdf", 5, 25, 3, 3))
    assert (first.value, first.origin) == (5, dp.Origin("pdf", 5, 3, 3, 2))


# ---------------------------------------------------------------------------------------------
# Cells placed by position: a column without its outer rule, a number across a rule, a table
# the page's edge cuts (issue 15, case d)
# ---------------------------------------------------------------------------------------------


def _source_cells(name: str) -> dict[str, object]:
    source = FIXTURES / "conversions" / "sources" / f"{name}.json"
    loaded: dict[str, object] = json.loads(source.read_text(encoding="utf-8"))
    return loaded


def test_total_column_without_its_outer_rule_is_read_by_position() -> None:
    """pdf_columns.pdf (Chromium; make_pdf_columns.py): no cell of table B has a right rule,
    so the 总计 column is framed only by the rules above and below its cells, which run on to
    where the table ends. Its header and its numbers are read in their own column."""
    adapted = pdf_to_text(FIXTURES / "pdf_columns.pdf")
    lines = adapted.text.splitlines()
    assert "\t自然人\t法人或其他组织\t总计" in lines
    assert (
        "一、本年新收政府信息公开申请数量\t91173\t276053\t298338\t496289\t447125\t522562\t2131540"
        in lines
    )
    report = adapted.parse()
    assert report.applications.has_total_column
    want = _source_cells("gen_2019_blank")["B"]
    assert isinstance(want, dict)
    for key in ("new_received", "carried_over", "total", "carried_forward"):
        cell = report.applications.cell(key, "total")
        assert cell is not None
        assert (cell.value, cell.derived) == (int(want[key][6]), False)
        assert cell.origin is not None
        assert (cell.origin.format, cell.origin.cell, cell.origin.page) == ("pdf", 9, 1)
    assert not any(d.code == "no_total_column" for d in report.diagnostics)


def test_number_printed_across_a_column_rule_is_withheld() -> None:
    """pdf_columns.pdf: the 31258 of (一)予以公开 × 科研机构 is drawn across the rule into the
    blank cell on its right. Read by the centres of its digits it would be 312 and 58: both
    pieces are withheld (the mark ⁇), with a warning on their line naming the whole number;
    the table's sums may then derive the cells, marked derived."""
    adapted = pdf_to_text(FIXTURES / "pdf_columns.pdf")
    row = next(line for line in adapted.text.splitlines() if "（一）予以公开" in line)
    assert row.split("\t")[4:6] == ["\u2047312", "\u204758"]
    report = adapted.parse()
    research = report.applications.cell("granted", "research")
    public = report.applications.cell("granted", "social_welfare")
    assert research is not None
    assert public is not None
    assert research.raw == "\u2047312"
    assert public.raw == "\u204758"
    for cell in (research, public):
        assert cell.value is None or cell.derived
        assert cell.value not in (312, 58)
    notes = [d for d in report.diagnostics if d.code == "value_across_columns"]
    assert len(notes) == 1
    assert (notes[0].severity, notes[0].line) == ("warning", research.line)
    assert "'31258'" in notes[0].message_in("en")


def test_total_column_cut_by_the_page_clip_is_withheld() -> None:
    """portal_2019.chrome-pdf.pdf: Chromium clips table B at the page's margin, inside the 总计
    column: of 2729200 the page shows 272. The column's cells are withheld (⁇✂) with a
    cut_at_page_edge warning on each row; the table's sums derive them (marked derived)."""
    path = FIXTURES / "conversions" / "portal_2019.chrome-pdf.pdf"
    adapted = pdf_to_text(path)
    row = next(line for line in adapted.text.splitlines() if line.startswith("一、本年新收"))
    assert row.split("\t")[-1] == "\u2047\u2702272"
    report = adapted.parse()
    cell = report.applications.cell("new_received", "total")
    assert cell is not None
    assert (cell.value, cell.derived, cell.raw) == (2729200, True, "\u2047\u2702272")
    cut = [d for d in report.diagnostics if d.code == "cut_at_page_edge"]
    assert cell.line in {d.line for d in cut}
    assert all(d.severity == "warning" for d in cut)
    assert len(cut) == len(report.applications.rows)


def test_table_cut_at_the_page_edge_reads_what_is_on_the_page() -> None:
    """portal_2019.lo-pdf.pdf: LibreOffice prints table B past both edges of the page. The
    labels it writes past the left edge are read whole; the numbers of the column the right
    edge cuts, which LibreOffice writes whole past the edge (glyphs of the rows begin past
    it), are read, a cut cell (⁇✂) after them, and the columns past it are missing, with a
    cut_at_page_edge warning on each row; every number read is the page's."""
    path = FIXTURES / "conversions" / "portal_2019.lo-pdf.pdf"
    adapted = pdf_to_text(path)
    lines = adapted.text.splitlines()
    assert (
        "一、本年新收政府信息公开申请数量\t408327\t569629\t657699\t279854\t281112\t\u2047\u2702"
        in lines
    )
    report = adapted.parse()
    want = _source_cells("portal_2019")["B"]
    assert isinstance(want, dict)
    cut_lines = {d.line for d in report.diagnostics if d.code == "cut_at_page_edge"}
    for row in report.applications.rows:
        printed = want[row.key]
        for j, cell in enumerate(row.cells):
            if j <= 4:
                expected_value = None if printed[j] == "blank" else int(printed[j])
            if j < 4:  # the columns whole on the page
                assert cell.value == expected_value, (row.key, j)
            elif j == 4:  # the column the edge cuts: read where the number is whole
                assert cell.value in (None, expected_value), (row.key, j)
            else:
                assert cell.value is None or cell.derived, (row.key, j)
        assert row.line in cut_lines
    assert not report.applications.has_total_column


def test_chromium_pdf_of_a_portal_page_reads_its_total_column() -> None:
    """005.chrome.pdf (dev corpus): the 总计 column of 005.html prints without its right rule
    (it falls on the page's clip); its totals are read, on pages 2 and 3."""
    report = parse_pdf(_corpus_pdf("005.chrome.pdf"))
    got = {}
    for key in ("new_received", "carried_over", "total", "carried_forward"):
        cell = report.applications.cell(key, "total")
        assert cell is not None
        assert cell.origin is not None
        got[key] = (cell.value, cell.origin.page)
    assert got == {
        "new_received": (859, 2),
        "carried_over": (18, 2),
        "total": (805, 3),
        "carried_forward": (72, 3),
    }
    assert not any(d.code == "no_total_column" for d in report.diagnostics)


def test_libreoffice_pdf_of_a_portal_page_withholds_only_what_the_edge_cut() -> None:
    """005.lo-pdf.pdf (dev corpus): the cells on the page are 005.html's; the three columns
    the page's edge cut or left out are withheld, with a warning on their row."""
    page = _corpus_pdf("005.html")
    source = dp.parse_file(page)
    report = parse_pdf(_corpus_pdf("005.lo-pdf.pdf"))
    cut_lines = {d.line for d in report.diagnostics if d.code == "cut_at_page_edge"}
    for row in report.applications.rows:
        printed = source.applications.cell(row.key, "natural_person")
        assert printed is not None
        for j, cell in enumerate(row.cells):
            want = source.applications.rows[
                [r.key for r in source.applications.rows].index(row.key)
            ].cells[j]
            if j < 4:
                assert (cell.state, cell.value) == (want.state, want.value), (row.key, j)
            else:
                assert cell.value is None, (row.key, j)
        assert row.line in cut_lines


def test_a_row_cut_at_an_edge_loses_its_cells_from_the_cut() -> None:
    """The parser's side: a row whose last cells are marked cut (⁇✂) keeps its other cells in
    their columns and has the rest missing; cut at its start, the other way round; cut at
    both ends, the table's sums choose where the lost cells were."""
    from disclosure_parser.parsing.align import _cut_readings, readings
    from disclosure_parser.parsing.raw import RawCell

    def row(*texts: str) -> list[RawCell]:
        return [RawCell(t, 1, 1 + 2 * i, False) for i, t in enumerate(texts)]

    tail = readings(row("5", "6", "\u2047\u2702"), 5)
    assert [list(c.values) for c in tail] == [[5, 6, None, None, None]]
    head = readings(row("\u2047\u27029", "6", "7"), 5)
    assert [list(c.values) for c in head] == [[None, None, None, 6, 7]]
    both = readings(row("\u2047\u2702", "6", "\u2047\u2702"), 4)
    assert {tuple(c.values) for c in both} == {(None, None, 6, None), (None, 6, None, None)}
    # cells past the table's width that the edge cut are dropped, never a printed number
    wide = readings(row("1", "2", "\u2047\u2702"), 2)
    assert [list(c.values) for c in wide] == [[1, 2]]
    assert _cut_readings(row("1", "2", "3", "\u2047\u2702"), 2) is None  # 3 is no cut cell


_CUT_C_HEAD = (
    "示例镇人民政府2021年政府信息公开工作年度报告\n"
    "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"
    "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
    "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计"
    "\t结果维持\t结果纠正\t其他结果\t尚未审结\n"
)


@pytest.mark.parametrize(
    ("row", "review"),
    [
        # fresh_190021.lo-pdf.pdf: 结果维持 printed "—", a mark the left edge cut
        (
            "\u2047\u2702\t2\t\xa0\t9\t11\t无\t3\t\xa0\t5\t8\t—\t3\t9\t\u2047\u2702",
            [None, 2, None, 9, 11],
        ),
        # fresh_150028.lo-pdf.pdf: 结果维持 and 结果纠正 printed blank, left of the page
        (
            "\u2047\u2702\t53199\t84174\t137373\t2\t34115\t5\t3\t34125\t26816\t\xa0\t\u2047\u27025",
            [None, None, 53199, 84174, 137373],
        ),
    ],
    ids=["mark", "blanks"],
)
def test_a_zero_the_sums_work_out_where_the_edge_hid_the_cell_is_withheld(
    row: str, review: list[int | None]
) -> None:
    """LibreOffice's PDF of table C past the page's left edge: the sums work out 0 for the
    cells the edge hid, which were printed blank or as a mark; a 0, a blank and a mark add
    up alike, so those cells are withheld under an ambiguous_row error, never read as 0."""
    report = dp.parse(_CUT_C_HEAD + row + "\n")
    first, _, _ = report.reviews
    assert [c.value for c in first.cells] == review
    (note,) = [d for d in report.diagnostics if d.code == "ambiguous_row"]
    assert (note.severity, note.line) == ("error", 6)  # the row's line
    assert "结果维持" in note.message


def test_a_zero_the_sums_work_out_for_a_cut_cell_showing_a_mark_is_withheld() -> None:
    """fresh_240021, LibreOffice's PDF through ``pdftotext -raw``: the page's left edge cut
    table C's 结果维持 ("持") and the start of 结果纠正, which printed 无: the cell shows "无"
    after the cut, a mark, so the 0 the sums work out for it (a mark adds up as 0) is not
    read as the number 0; it is withheld under the row's error."""
    text = (
        "示例镇人民政府2021年政府信息公开工作年度报告\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议 行政诉讼\n"
        "持 结果纠正 其他结果 尚未审结 总计\n"
        "未经复议直接起诉 复议后起诉\n"
        "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚\n"
        "无 1 5 6 — 2 — 2 - 2 3\n"
        "五、存在的主要问题及改进情况\n"
    )
    report = dp.parse(text)
    first, _, _ = report.reviews
    assert [c.value for c in first.cells] == [None, None, 1, 5, 6]
    said = {(d.code, d.severity) for d in report.diagnostics if d.line == 7}
    assert {("cut_at_page_edge", "warning"), ("ambiguous_row", "error")} <= said


def test_only_a_cell_far_wider_than_any_number_is_a_hidden_label() -> None:
    """At the left edge an empty cell of a row of values is a label the edge hid only where
    it shows at least twice the width of the widest cell of numbers (table B's labels, one
    merged across a narrow cut column and a wide one as 总计's is); a narrow one (table C's
    first column, which has no labels) is a value the edge cut."""
    from disclosure_parser.readers.base import SourceCell
    from disclosure_parser.readers.pdf import _hidden_labels, _mark_cut

    def cells(*texts: str, span: int = 1) -> list[SourceCell]:
        first = [SourceCell(texts[0], 0, 1, span, 1)]
        return first + [SourceCell(t, j + span, 1, 1, 1) for j, t in enumerate(texts[1:])]

    wide = [cells("", "5", "6", "7"), cells("(二)部分公开", "1", "2", "3")]
    borders = [0.0, 420.0, 470.0, 520.0, 570.0]
    hidden = _hidden_labels(wide, borders, {0}, 0.0)
    assert hidden == {(0, 0)}
    _mark_cut(wide, {0}, set(), hidden)
    assert [c.text for c in wide[0]] == ["5", "6", "7"]  # the label left out, not a value
    merged = [cells("", "61", "62", span=2), cells("理", "1.其他", "5", "0")]
    borders = [-40.0, 16.0, 370.0, 420.0, 470.0]
    hidden = _hidden_labels(merged, borders, {0}, 0.0)
    assert hidden == {(0, 0)}  # 16 points of its first column show, 370 of the label
    _mark_cut(merged, {0}, set(), hidden)
    assert [c.text for c in merged[0]] == ["61", "62"]
    narrow = [cells("", "5", "6", "7")]
    borders = [-20.0, 30.0, 70.0, 110.0, 150.0]
    hidden = _hidden_labels(narrow, borders, {0}, 0.0)
    assert hidden == set()
    _mark_cut(narrow, {0}, set(), hidden)
    assert [c.text for c in narrow[0]] == ["\u2047\u2702", "5", "6", "7"]


def test_numbers_centred_in_their_cells() -> None:
    """A table's numbers stand centred when each of three or more, in cells wholly on the
    page, stands within a point of its cell's middle; one off by half a digit says no."""
    from disclosure_parser.readers import _pdfium
    from disclosure_parser.readers.pdf import _centred

    def cell(
        x0: float, x1: float, text: str, first: float, last: float
    ) -> tuple[
        tuple[tuple[float, float, float, float], str | None],
        tuple[_pdfium.Char, _pdfium.Char],
    ]:
        a = _pdfium.Char(text[0], first, first + 5, 0, 10, 10, 1, True)
        b = _pdfium.Char(text[-1], last - 5, last, 0, 10, 10, 1, True)
        return ((x0, 0, x1, 10), text), (a, b)

    cells = [
        cell(0, 40, "7", 17.5, 22.5),
        cell(40, 80, "12", 55, 65),
        cell(80, 120, "3", 97.5, 102.5),
    ]
    bboxes, ends = [c[0] for c in cells], [c[1] for c in cells]
    assert _centred(bboxes, list(ends), right=500)
    assert not _centred(bboxes[:2], list(ends[:2]), right=500)  # two say too little
    off = [*cells[:2], cell(80, 120, "39", 92.5, 102.5)]  # "39" of 395: 2.5 points left
    assert not _centred([c[0] for c in off], [c[1] for c in off], right=500)
    # a cell past the page's limit is not one of those weighed
    past = [*cells, cell(120, 200, "39", 140, 150)]
    assert _centred([c[0] for c in past], [c[1] for c in past], right=130)


def test_a_whole_number_in_a_column_cut_at_the_right_is_read() -> None:
    """A number in a column the page's right edge cuts is read where its last glyph ends
    short of where the page stops drawing (a next digit would have been drawn), a cut cell
    after it standing for the columns past the edge; one that is not whole stays cut."""
    from disclosure_parser.readers.base import SourceCell
    from disclosure_parser.readers.pdf import _mark_cut

    def row(*texts: str) -> list[SourceCell]:
        return [SourceCell(t, j, 1, 1, 2) for j, t in enumerate(texts)]

    rows = [row("1.属于国家秘密", "3", "59"), row("2.其他", "1", "7")]
    _mark_cut(rows, {2}, {2}, set(), whole={(0, 2)})
    assert [c.text for c in rows[0]] == ["1.属于国家秘密", "3", "59", "\u2047\u2702"]
    assert rows[0][3].column == 3
    assert [c.text for c in rows[1]] == ["2.其他", "1", "\u2047\u27027"]
    marks = [row("1.信访举报投诉类申请", "3", "/"), row("2.重复申请", "5", "—")]
    _mark_cut(marks, {2}, {2}, set(), whole={(0, 2)})
    assert [c.text for c in marks[0]] == ["1.信访举报投诉类申请", "3", "/", "\u2047\u2702"]
    assert [c.text for c in marks[1]] == ["2.重复申请", "5", "\u2047\u2702—"]


def test_a_kept_number_in_a_column_cut_at_the_left_is_read() -> None:
    """A number in a column the page's left edge cuts, in a row of values without labels
    (table C's), is read where the file kept its text whole, a cut cell before it standing
    for the columns past the edge; one not kept, or in a row with a label, stays cut."""
    from disclosure_parser.readers.base import SourceCell
    from disclosure_parser.readers.pdf import _mark_cut

    def row(*texts: str) -> list[SourceCell]:
        return [SourceCell(t, j, 1, 1, 3) for j, t in enumerate(texts)]

    rows = [row("53261", "5", "1", "106181"), row("7", "2", "0", "9")]
    _mark_cut(rows, {0}, set(), set(), kept={(0, 0)})
    assert [c.text for c in rows[0]] == ["\u2047\u2702", "53261", "5", "1", "106181"]
    assert [c.text for c in rows[1]] == ["\u2047\u27027", "2", "0", "9"]
    labelled = [row("12", "（一）予以公开", "3")]
    _mark_cut(labelled, {0}, set(), set(), kept={(0, 0)})
    assert [c.text for c in labelled[0]] == ["\u2047\u270212", "（一）予以公开", "3"]


def test_only_libreoffice_s_producer_says_the_file_keeps_what_runs_past_the_page() -> None:
    """The document information's Producer tells a PDF LibreOffice wrote ("LibreOffice
    7.4"), whose text past the page's edge is whole, from Chromium's ("Skia/PDF m156") and
    others'; a damaged information dictionary only costs the hint."""
    from disclosure_parser.readers.pdf import _keeps_runs

    class Info:
        def __init__(self, producer: object) -> None:
            self.producer = producer

        def get_metadata_value(self, key: str) -> object:
            if isinstance(self.producer, Exception):
                raise self.producer
            return self.producer if key == "Producer" else ""

    assert _keeps_runs(Info("LibreOffice 7.4"))
    assert not _keeps_runs(Info("Skia/PDF m156"))
    assert not _keeps_runs(Info(""))
    assert not _keeps_runs(Info(None))
    assert not _keeps_runs(Info(ValueError("bad info dictionary")))


def test_parse_file_reads_pdf(tmp_path: Path) -> None:
    """.pdf files go through the PDF adapter, which says what it found."""
    path = tmp_path / "report.pdf"
    path.write_bytes((FIXTURES / "seed_002.pdf").read_bytes())
    report = dp.parse_file(path)
    assert cells_of(report) == expected("002")
    assert report.diagnostics[0].message.startswith("read from PDF: 4 page(s)")


def test_pdf_without_text_layer_needs_ocr() -> None:
    """A scanned PDF (images, no text) raises ParseError no_text_layer, naming OCR."""
    with pytest.raises(dp.ParseError, match="OCR") as info:
        parse_pdf(FIXTURES / "scanned.pdf")
    assert info.value.code == "no_text_layer"
    assert "no text layer" in str(info.value)


def test_encrypted_pdf_says_it_needs_a_password() -> None:
    """A PDF that opens only with a password raises ParseError (encrypted)."""
    with pytest.raises(dp.ParseError, match="password") as info:
        parse_pdf(FIXTURES / "encrypted.pdf")
    assert info.value.code == "encrypted"


@pytest.mark.parametrize("damage", ["random bytes", "truncated", "header only", "empty"])
def test_damaged_files_raise_a_parse_error(damage: str, tmp_path: Path) -> None:
    """Files that are no readable PDF raise ParseError (corrupt_file), also via parse_file."""
    good = (FIXTURES / "seed_000.pdf").read_bytes()
    data = {
        "random bytes": bytes(range(256)) * 16,
        "truncated": good[: len(good) // 2],
        "header only": b"%PDF-1.7\n",
        "empty": b"",
    }[damage]
    with pytest.raises(dp.ParseError, match="not a readable PDF") as info:
        parse_pdf(data)
    assert info.value.code == "corrupt_file"
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    with pytest.raises(dp.ParseError, match="not a readable PDF"):
        dp.parse_file(path)


def test_missing_pypdfium2_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the [pdf] extra, reading a PDF says which pip install line to run."""
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(MissingDependencyError, match=re.escape("disclosure-parser[pdf]")):
        parse_pdf(b"%PDF-1.7\n")


def test_a_border_is_not_snapped_onto_another_tables_border() -> None:
    """Two tables' right borders 3 points apart (LibreOffice: table A's at 453, table B's at
    456 lower on the page) stay apart: snapped together at their average, the rule closing
    table A's header row (ending at 452.1) no longer met the border, and the cell holding
    the 采购总金额 value was read as part of the header cell above it."""
    from disclosure_parser.readers._pdfium import Edge, find_tables

    def h(x0: float, y: float, x1: float) -> Edge:
        return Edge(x0, y, x1, y, "h")

    def v(x: float, top: float, bottom: float) -> Edge:
        return Edge(x, top, x, bottom, "v")

    upper = [h(57, 28.8, 453.4), h(57.7, 63.7, 452.1), h(57, 98.7, 453.4)]
    upper += [v(57, 28.4, 99.1), v(272, 29.6, 97.8), v(452.8, 28.9, 63.6), v(453.2, 63.3, 99.1)]
    # table B: many rows, its border drawn a row at a time (twice, as LibreOffice does)
    lower = [h(57, 250 + 20 * k, 456.8) for k in range(9)]
    for k in range(8):
        lower += [v(57, 250 + 20 * k, 270 + 20 * k), v(300, 250 + 20 * k, 270 + 20 * k)]
        lower += [v(456.2, 250 + 20 * k, 270 + 20 * k), v(456.8, 250 + 20 * k, 270 + 20 * k)]
    tables = find_tables(upper + lower)
    cells = sorted(tables[0])
    assert [(round(c[0]), round(c[1]), round(c[3])) for c in cells] == [
        (57, 29, 64),
        (57, 64, 99),
        (272, 29, 64),
        (272, 64, 99),
    ]
