"""Reports published as Word files: ``docx_to_text``, ``parse_docx`` and ``parse_file(.docx)``."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pytest

import disclosure_parser as dp
from conftest import SEED_IDS
from fixtures.rendition import Grid, Heading, Seed, blocks
from fixtures.seedcheck import cells_of, expected, seed

docx = pytest.importorskip("docx")

from disclosure_parser.core.errors import MissingDependencyError  # noqa: E402
from disclosure_parser.readers.docx import docx_to_text, parse_docx  # noqa: E402


def render_docx(rendered: Seed) -> bytes:
    """A seed as a Word document: paragraphs, and tables whose label cells are merged."""
    document = docx.Document()
    for block in blocks(rendered):
        if isinstance(block, Heading):
            document.add_paragraph(block.text)
        elif isinstance(block, Grid):
            table = document.add_table(rows=block.rows, cols=block.cols)
            table.style = "Table Grid"
            # python-docx looks a cell up by walking the whole table: take them all once, set
            # the texts, then merge (spans do not overlap, so each cell stays valid)
            grid = table._cells
            for span in block.cells:
                grid[span.row * block.cols + span.col].text = span.text
            for span in block.cells:
                if span.rowspan > 1 or span.colspan > 1:
                    end = (span.row + span.rowspan - 1) * block.cols + span.col + span.colspan - 1
                    grid[span.row * block.cols + span.col].merge(grid[end])
        else:
            document.add_paragraph(block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, part: str, change: object) -> bytes:
    """*data* with one part of the package replaced by ``change(old text)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == part:
                content = change(content.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            target.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_docx_rendition_of_each_seed_reads_the_seed_numbers(seed_id: str) -> None:
    """A seed written by python-docx (merged label cells, empty blanks) parses the same."""
    report = parse_docx(render_docx(seed(seed_id)))
    assert cells_of(report) == expected(seed_id)
    assert not [d for d in report.diagnostics if d.severity != "info"]


def test_cells_know_their_table_row_and_grid_column() -> None:
    """Each number's origin names the Word table, its row and the grid column it starts at."""
    report = parse_docx(render_docx(seed("003")))
    total = report.applications.cell("new_received", "total")
    assert total is not None
    assert (total.value, total.origin) == (5, dp.Origin("docx", 1, 3, 9))
    cut = report.active_disclosure.cell("licensing", 1)
    assert cut is not None
    assert (cut.value, cut.origin) == (-233, dp.Origin("docx", 0, 6, 2))
    review = report.reviews.cell("review", "total")
    assert review is not None
    assert (review.value, review.origin) == (1, dp.Origin("docx", 2, 3, 4))


def test_merged_cells_are_written_once_and_leave_empty_cells_below() -> None:
    """Paragraphs and tables keep document order; vMerge continuations become empty cells."""
    lines = docx_to_text(render_docx(seed("000"))).text.splitlines()
    heading = lines.index("二、主动公开政府信息情况")
    assert lines[heading + 1] == "第二十条第（一）项"
    assert "三、本年度办理结果\t（一）予以公开\t15\t0\t0\t0\t0\t0" in lines
    assert "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0" in lines
    assert "\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0" in lines


def test_line_breaks_join_inside_cells_and_split_paragraphs() -> None:
    """A soft break inside a cell joins the label's pieces; in body text it ends a line."""
    document = docx.Document()
    title = document.add_paragraph("示例镇人民政府")
    title.add_run().add_break()
    title.add_run("2021年政府信息公开工作年度报告")
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 0).paragraphs[0]
    cell.add_run("本年新")
    cell.add_run().add_break()
    cell.add_run("制作数量")
    table.cell(0, 1).text = "3"
    buffer = io.BytesIO()
    document.save(buffer)
    assert docx_to_text(buffer.getvalue()).text.splitlines() == [
        "示例镇人民政府",
        "2021年政府信息公开工作年度报告",
        "本年新制作数量\t3",
    ]


def test_grid_before_shifts_a_row_to_its_grid_columns() -> None:
    """A row that starts later than the grid (gridBefore) keeps its cells in their columns."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for i, text in enumerate(["规章", "1", "2"]):
        table.cell(0, i).text = text
    table.cell(1, 1).text = "7"
    row = table.rows[1]._tr
    row.remove(row.tc_lst[0])
    row.get_or_add_trPr().append(
        docx.oxml.parse_xml(
            '<w:gridBefore xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            ' w:val="1"/>'
        )
    )
    buffer = io.BytesIO()
    document.save(buffer)
    adapted = docx_to_text(buffer.getvalue())
    assert adapted.text.splitlines() == ["规章\t1\t2", "7\t\u00a0"]
    assert adapted.origins[(2, 1)] == dp.Origin("docx", 0, 1, 1)


def test_parse_file_reads_docx(tmp_path: Path) -> None:
    """.docx files go through the DOCX adapter."""
    path = tmp_path / "report.docx"
    path.write_bytes(render_docx(seed("004")))
    report = dp.parse_file(path)
    assert cells_of(report) == expected("004")
    assert report.diagnostics[0].message.startswith("read from DOCX: 3 table(s)")


def test_html_saved_as_docx_is_read_as_html(tmp_path: Path) -> None:
    """A web page downloaded under a .docx name is read as the page it is, and said so."""
    pytest.importorskip("selectolax")
    path = tmp_path / "report.docx"
    path.write_text(
        "<html><body><p>示例镇人民政府2021年政府信息公开工作年度报告</p>"
        "<table><tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr><tr>"
        + "<td>0</td>" * 15
        + "</tr></table></body></html>",
        encoding="utf-8",
    )
    report = dp.parse_file(path)
    assert report.diagnostics[0].message == "the .docx file is an HTML page; read as HTML"
    assert report.reviews.get("review", "total") == 0


@pytest.mark.parametrize(
    "damage",
    ["random bytes", "truncated", "no document part", "not a Word package", "broken XML"],
)
def test_damaged_files_raise_a_parse_error(damage: str) -> None:
    """Damaged or foreign files raise ParseError (corrupt_file), never another exception."""
    good = render_docx(seed("001"))
    if damage == "random bytes":
        data = bytes(range(256)) * 8
    elif damage == "truncated":
        data = good[: len(good) // 2]
    elif damage == "no document part":
        data = _rewrite(good, "[Content_Types].xml", lambda s: s.replace("document.main", "x"))
    elif damage == "not a Word package":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as package:
            package.writestr("hello.txt", "hello")
        data = buffer.getvalue()
    else:
        data = _rewrite(good, "word/document.xml", lambda s: s[: len(s) // 2])
    with pytest.raises(dp.ParseError, match="not a readable Word document") as info:
        parse_docx(data)
    assert info.value.code == "corrupt_file"


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    """A document declaring an entity that names a local file does not read that file."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    good = render_docx(seed("001"))
    doctype = f'<!DOCTYPE w:document [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'

    def inject(xml: str) -> str:
        xml = re.sub(r"(<\?xml[^>]*\?>)", r"\1" + doctype, xml, count=1)
        return xml.replace("<w:t>一、总体情况</w:t>", "<w:t>一、总体情况&leak;</w:t>", 1)

    data = _rewrite(good, "word/document.xml", inject)
    try:
        text = docx_to_text(data).text
    except dp.ParseError:
        return  # refusing the document is as safe
    assert "TOPSECRET" not in text


def test_missing_lxml_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the [docx] extra (lxml), reading a .docx says which pip install line to run."""
    monkeypatch.setitem(sys.modules, "lxml", None)
    with pytest.raises(MissingDependencyError, match=re.escape("disclosure-parser[docx]")):
        parse_docx(b"PK\x03\x04")


def test_python_docx_is_not_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader walks the package's XML itself: python-docx is not imported."""
    data = render_docx(seed("002"))
    monkeypatch.setitem(sys.modules, "docx", None)
    assert cells_of(parse_docx(data)) == expected("002")
