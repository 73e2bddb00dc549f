"""Reports published as PDF files: ``pdf_to_text``, ``parse_pdf`` and ``parse_file(.pdf)``.

The reader runs on pdfium (pypdfium2); pdfplumber is not needed.

The seed renditions in ``fixtures/`` are written by ``fixtures/make_pdfs.py`` (reportlab).
"""

from __future__ import annotations

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
