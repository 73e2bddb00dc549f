"""Reports published as OpenDocument text: ``odt_to_text``, ``parse_odt`` and
``parse_file(.odt)`` (issue 15, part 3).

The fixtures are LibreOffice's own .odt files of the conversion matrix
(``fixtures/conversions/*.lo-odt.odt``); the hand-built documents (``fuzz/hostile.py``'s
``odt``) hold one construct each: spans and their covered cells, repeats, line breaks, notes.
"""

from __future__ import annotations

import io
import pickle
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

import disclosure_parser as dp
import matrix
from conftest import REPO

pytest.importorskip("lxml")

from disclosure_parser.readers import files
from disclosure_parser.readers.odt import odt_to_text, parse_odt

sys.path.insert(0, str(REPO / "fuzz"))
import hostile

FIXTURES = matrix.FIXTURES
SEED_003 = FIXTURES / "seed_003.lo-odt.odt"


def _where(cell: dp.Cell) -> tuple[str, int | None, int | None, int | None]:
    assert cell.origin is not None
    return cell.origin.format, cell.origin.table, cell.origin.row, cell.origin.cell


# ---------------------------------------------------------------------------------------------
# LibreOffice's .odt files
# ---------------------------------------------------------------------------------------------


def test_a_seed_saved_by_libreoffice_reads_its_cells_and_origins() -> None:
    """seed 003 as LibreOffice writes it: the numbers of each table, each at the table, row
    and grid column it was printed in (the spanned label takes three columns of table B)."""
    report = dp.parse_file(SEED_003)
    assert report.title == "洪合镇2020年度政府信息公开工作年度报告"
    apps = report.applications
    assert apps.get("new_received", "natural_person") == 5
    assert apps.get("new_received", "total") == 5
    assert _where(apps.cell("new_received", "natural_person")) == ("odt", 1, 3, 3)
    assert _where(apps.cell("new_received", "total")) == ("odt", 1, 3, 9)
    licensing = report.active_disclosure.item("licensing")
    assert licensing is not None
    assert [c.value for c in licensing.cells] == [4633, -233, 4400]
    assert _where(licensing.cells[2]) == ("odt", 0, 6, 3)
    assert report.diagnostics[0].code == "source"
    assert report.diagnostics[0].message.startswith("read from ODT: 3 table(s)")
    assert not [d for d in report.diagnostics if d.severity != "info"]


@pytest.mark.parametrize("name", sorted(matrix.sources()))
def test_each_odt_reads_what_the_same_page_as_docx_reads(name: str) -> None:
    """Every conversion of the matrix reads the same cells from LibreOffice's .odt as from
    its .docx of the same page, and from the page itself."""
    odt = dp.parse_file(FIXTURES / f"{name}.lo-odt.odt")
    docx = dp.parse_file(FIXTURES / f"{name}.lo-docx.docx")
    assert matrix.encoded(odt) == matrix.encoded(docx)
    tally = matrix.tally(matrix.sources()[name], odt, name)
    assert (tally.equal, tally.wrong_silent) == (tally.cells, 0)
    assert {c.origin.format for c in matrix.table_cells(odt).values() if c.origin} == {"odt"}


def test_origins_match_those_of_the_docx_where_libreoffice_keeps_the_grid() -> None:
    """The grid columns of the .odt are those of the .docx LibreOffice writes of the same
    seed (covered cells fill the slots of spans: each cell's column counts them)."""
    for name in ("seed_000", "seed_003", "gen_2021_large"):
        odt = matrix.table_cells(dp.parse_file(FIXTURES / f"{name}.lo-odt.odt"))
        docx = matrix.table_cells(dp.parse_file(FIXTURES / f"{name}.lo-docx.docx"))
        assert odt.keys() == docx.keys()
        for key, cell in odt.items():
            other = docx[key].origin
            if cell.state == "missing":  # not read from the file: no origin in either
                assert other is None
                continue
            assert cell.origin is not None
            assert other is not None
            assert (cell.origin.table, cell.origin.row, cell.origin.cell) == (
                other.table,
                other.row,
                other.cell,
            ), (name, key)


def test_parse_odt_and_bytes() -> None:
    data = SEED_003.read_bytes()
    assert parse_odt(data).applications.get("new_received", "total") == 5
    assert odt_to_text(data).text == odt_to_text(SEED_003).text
    assert odt_to_text(data).format == "odt"


# ---------------------------------------------------------------------------------------------
# Hand-built documents
# ---------------------------------------------------------------------------------------------

C = hostile.odt_cell
P = hostile.odt_paragraph
T = hostile.odt_table


def _covered(n: int = 1) -> str:
    return "<table:covered-table-cell/>" * n


def test_spans_and_covered_cells_are_placed_on_the_grid() -> None:
    """A label spanning two rows and two columns is written once; the row it covers gets an
    empty cell; each value keeps its grid column."""
    spans = 'table:number-rows-spanned="2" table:number-columns-spanned="2"'
    first = C("三、本年度办理结果", spans)
    first += _covered() + C("5") + C("6")
    second = _covered(2) + C("7") + C("8")
    adapted = odt_to_text(hostile.odt(T(first, second)))
    assert adapted.text.splitlines() == ["三、本年度办理结果\t5\t6", "\t7\t8"]
    assert [(o.row, o.cell) for o in adapted.origins.values()] == [
        (0, 0),
        (0, 2),
        (0, 3),
        (1, 0),
        (1, 2),
        (1, 3),
    ]


def test_a_writer_leaving_out_covered_cells_is_read_past_the_span() -> None:
    """Covered cells left out (a writer not following the standard): the cell after a span
    starts past it, as it would with them."""
    row = C("规章", 'table:number-columns-spanned="3"') + C("1")
    adapted = odt_to_text(hostile.odt(T(row)))
    assert [o.cell for o in adapted.origins.values()] == [0, 3]


def test_repeated_cells_and_rows() -> None:
    """Repeats are expanded (a spreadsheet's shorthand); repeated empty rows and the padding
    of empty cells to a spreadsheet's last column are read once."""
    row = C("规章") + C("0", 'table:number-columns-repeated="3"')
    padding = C("", 'table:number-columns-repeated="1020"')
    rows = (
        row + padding,
        'table:number-rows-repeated="2"|' + row,
        'table:number-rows-repeated="1048000"|' + C(""),
    )
    adapted = odt_to_text(hostile.odt(T(*rows)))
    assert adapted.text.splitlines() == ["规章\t0\t0\t0"] * 3
    assert not [d for d in adapted.diagnostics if d.code == "span_clamped"]


def test_text_of_paragraphs() -> None:
    """Line breaks end a line; spaces and tabs are spaces; notes, annotations, tracked
    deletions, frames and hidden sections are not text; headings, lists and sections are."""
    body = (
        '<text:h text:outline-level="1">一、总体情况</text:h>'
        "<text:p>第一行<text:line-break/>第二<text:span>行</text:span>"
        "<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>注释"
        "</text:p></text:note-body></text:note>尾</text:p>"
        "<text:p>A<text:s text:c='3'/>B<text:tab/>C"
        "<office:annotation><text:p>批注</text:p></office:annotation></text:p>"
        "<text:list><text:list-item><text:p>列表项</text:p></text:list-item></text:list>"
        '<text:section text:name="s"><text:p>节内</text:p></text:section>'
        '<text:section text:name="h" text:display="none"><text:p>隐藏</text:p></text:section>'
        "<text:tracked-changes><text:changed-region><text:deletion><text:p>删除</text:p>"
        "</text:deletion></text:changed-region></text:tracked-changes>"
    )
    assert odt_to_text(hostile.odt(body)).text.splitlines() == [
        "一、总体情况",
        "第一行",
        "第二行尾",
        "A B C",
        "列表项",
        "节内",
    ]


def test_a_nested_table_is_flattened_into_its_cell() -> None:
    inner = T(C("甲") + C("1"), C("乙") + C("2"))
    outer = T(f"<table:table-cell>{inner}</table:table-cell>" + C("3"))
    # the inner table's rows are lines of the cell's text, joined as a wrapped cell's are
    assert odt_to_text(hostile.odt(outer)).text.splitlines() == ["甲 1乙 2\t3"]


def test_entities_are_not_resolved() -> None:
    """A document declaring an external entity (XXE) does not read the file it names."""
    content = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<office:document-content " + hostile.ODT_NAMESPACES.encode() + b">"
        b"<office:body><office:text><text:p>&x;rules</text:p></office:text></office:body>"
        b"</office:document-content>"
    )
    text = odt_to_text(hostile.odt("", content=content)).text
    assert "root" not in text


# ---------------------------------------------------------------------------------------------
# Not an OpenDocument text
# ---------------------------------------------------------------------------------------------


SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a zip", "BadZipFile"),
        (hostile.odt(P("规章"), mimetype=SPREADSHEET), "not a text"),
        (hostile.odt("", content=b"<a>"), "XMLSyntaxError"),
        (hostile.odt("", content=b"<a/>"), "no office:text"),
    ],
)
def test_files_that_are_no_opendocument_text(data: bytes, reason: str) -> None:
    with pytest.raises(dp.UnreadableFileError, match=reason) as info:
        odt_to_text(data)
    assert info.value.code == "corrupt_file"


def test_a_package_without_content_is_corrupt() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(dp.UnreadableFileError, match=r"no content\.xml"):
        odt_to_text(out.getvalue())


def test_sniffed_by_content_whatever_the_suffix(tmp_path: Path) -> None:
    """An .odt named .docx is read as ODT (and a .docx named .odt as Word), with a note;
    an ODT whose mimetype is not its first entry is known by its parts."""
    data = SEED_003.read_bytes()
    assert files.sniff(data) == "odt"
    assert files.sniff((FIXTURES / "seed_003.lo-docx.docx").read_bytes()) == "docx"
    misnamed = tmp_path / "report.docx"
    misnamed.write_bytes(data)
    report = dp.parse_file(misnamed)
    assert report.diagnostics[0].code == "source"
    assert "OpenDocument" in report.diagnostics[0].message
    assert _where(report.applications.cell("new_received", "total"))[0] == "odt"
    renamed = tmp_path / "report.odt"
    shutil.copy(FIXTURES / "seed_003.lo-docx.docx", renamed)
    assert _where(dp.parse_file(renamed).applications.cell("new_received", "total"))[0] == "docx"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in reversed(source.infolist()):
            target.writestr(info, source.read(info))
    assert files.sniff(out.getvalue()) == "odt"
    unordered = tmp_path / "unordered.odt"
    unordered.write_bytes(out.getvalue())
    assert dp.parse_file(unordered).applications.get("new_received", "total") == 5


def test_the_reader_is_listed_for_folders() -> None:
    from disclosure_parser.output.inputs import READABLE_SUFFIXES

    assert files.BINARY_SUFFIXES[".odt"] == "odt"
    assert ".odt" in READABLE_SUFFIXES


def test_an_unreadable_odt_error_crosses_processes() -> None:
    with pytest.raises(dp.UnreadableFileError) as info:
        odt_to_text(b"PK\x03\x04 damaged")
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.code, str(again)) == (info.value.code, str(info.value))
