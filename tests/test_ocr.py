"""Scanned reports read by OCR (issue 21): tables rebuilt from ruling lines, numbers confirmed
by a second reading or settled by the table's sums, never invented.

The tests that run Tesseract skip where it is not installed (with its Chinese data); the
others (the grid, the decisions on what was read, the errors without Tesseract or without the
extra) run everywhere. Scans are compared cell by cell with the report they were made from:
each number is equal, withheld, or different with a flag on it (derived, a warning or error
on its line, or a validation finding naming it); never silently different.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

import disclosure_parser as dp
from disclosure_parser.parsing.cells import UNREADABLE
from disclosure_parser.readers import ocr

FIXTURES = Path(__file__).parent / "fixtures"
sys.path.insert(0, str(FIXTURES))

needs_extra = pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")


def _tesseract() -> str | None:
    try:
        return ocr.tesseract()[1]
    except dp.MissingDependencyError:
        return None


needs_tesseract = pytest.mark.skipif(
    not ocr.available() or _tesseract() is None,
    reason="tesseract (with chi_sim) or the ocr extra is not installed",
)


@pytest.fixture(autouse=True)
def _ocr_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite switches OCR off (conftest.py); these tests are about it."""
    monkeypatch.delenv("DISCLOSURE_PARSER_OCR", raising=False)


# ---------------------------------------------------------------------------------------------
# Comparing a scan with the report it was made from
# ---------------------------------------------------------------------------------------------


def _cells(report: dp.Report) -> dict[tuple[str, str, int], dp.Cell]:
    out: dict[tuple[str, str, int], dp.Cell] = {}
    for item in report.active_disclosure.items:
        out.update({("A", item.key, j): c for j, c in enumerate(item.cells)})
    for row in report.applications.rows:
        out.update({("B", row.key, j): c for j, c in enumerate(row.cells)})
    for group in report.reviews.groups:
        out.update({("C", group.key, j): c for j, c in enumerate(group.cells)})
    return out


def _flagged(cell: dp.Cell, report: dp.Report, findings: list[dp.validation.Finding]) -> bool:
    if cell.derived:
        return True
    for finding in findings:
        if finding.severity != "info" and any(
            c.line == cell.line and c.column == cell.column for c in finding.cells
        ):
            return True
    return any(d.severity != "info" and d.line == cell.line for d in report.diagnostics)


def agreement(scan: dp.Report, source: dp.Report) -> tuple[Counter[str], list[str]]:
    """Per numeric cell of *source*: equal, withheld or wrong (flagged or silent) in *scan*."""
    findings = dp.validate(scan)
    got = _cells(scan)
    counts: Counter[str] = Counter()
    silent = []
    for key, cell in _cells(source).items():
        if cell.value is None:
            continue
        counts["cells"] += 1
        other = got.get(key)
        value = None if other is None else other.value
        if value is not None and Decimal(str(value)) == Decimal(str(cell.value)):
            counts["equal"] += 1
        elif value is None:
            counts["withheld"] += 1
        elif other is not None and _flagged(other, scan, findings):
            counts["wrong_flagged"] += 1
        else:
            counts["wrong_silent"] += 1
            silent.append(f"{key}: {cell.value} read as {value} ({other.raw if other else ''!r})")
    return counts, silent


# ---------------------------------------------------------------------------------------------
# Without Tesseract, without the extra, switched off
# ---------------------------------------------------------------------------------------------


@needs_extra
def test_a_scan_without_tesseract_names_the_debian_packages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on it
    for name in ("scanned.pdf", "scan_seed_004_p2.png"):
        with pytest.raises(dp.MissingDependencyError) as info:
            dp.parse_file(FIXTURES / name)
        assert "tesseract-ocr tesseract-ocr-chi-sim" in str(info.value)
        assert isinstance(info.value, ocr.MissingProgramError)


def test_without_the_extra_a_scan_raises_no_text_layer_as_before(tmp_path: Path) -> None:
    """The ocr extra not importable (NumPy blocked): a scanned PDF raises no_text_layer."""
    pytest.importorskip("pdfplumber")
    script = (
        "import sys; sys.modules['numpy'] = None\n"
        "import disclosure_parser as dp\n"
        "try:\n"
        f"    dp.parse_file({str(FIXTURES / 'scanned.pdf')!r})\n"
        "except dp.ParseError as err:\n"
        "    print(err.code)\n"
        "try:\n"
        f"    dp.parse_file({str(FIXTURES / 'scan_seed_004_p2.png')!r})\n"
        "except dp.MissingDependencyError as err:\n"
        "    print(err)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DISCLOSURE_PARSER_OCR"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    first, second = done.stdout.splitlines()
    assert first == "no_text_layer"
    assert "pip install 'disclosure-parser[ocr]'" in second


def test_switched_off_a_scan_raises_no_text_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pdfplumber")
    monkeypatch.setenv("DISCLOSURE_PARSER_OCR", "off")
    with pytest.raises(dp.ParseError) as info:
        dp.parse_file(FIXTURES / "scanned.pdf")
    assert info.value.code == "no_text_layer"


def test_a_batch_worker_reads_pages_on_its_share_of_the_cores() -> None:
    """A worker of batch (a daemon process) reads a scan's pages on its share of the cores:
    all of them when it is the only worker, one each when there are as many workers as
    cores. Alone, a file's pages go to every core."""
    from disclosure_parser.output.pool import default_jobs, imap

    cores = default_jobs()
    assert list(imap(ocr._workers, [64], jobs=1)) == [min(64, cores)]
    assert list(imap(ocr._workers, [64] * cores, jobs=cores)) == [1] * cores
    assert list(imap(ocr._workers, [1], jobs=1)) == [1]
    assert ocr._workers(64) == min(64, cores)
    assert ocr._workers(1) == 1


# ---------------------------------------------------------------------------------------------
# The grid, and what is made of each reading
# ---------------------------------------------------------------------------------------------


@needs_extra
def test_the_grid_comes_from_the_ruling_lines() -> None:
    """A drawn table of 3 rows and 4 columns whose first column's last two cells are merged,
    and a line of text whose strokes are no rules."""
    import numpy as np

    dpi = ocr.DPI
    ink = np.zeros((900, 1400), dtype=bool)
    ys, xs = [100, 300, 500, 700], [100, 500, 800, 1100, 1300]
    for y in ys:
        ink[y : y + 3, 100:1303] = True
    for x in xs:
        ink[100:703, x : x + 3] = True
    ink[500:503, 101:500] = False  # the merged cell: no rule between rows 2 and 3
    ink[800:810, 200:260] = True  # a stroke of a character below the table
    ink[330:380, 600:604] = True  # and one inside a cell
    horizontal = ocr._runs(ink, max(dpi // 7, 20), 1)
    vertical = ocr._runs(ink, max(dpi // 12, 10), 0)
    (table,) = ocr._tables(horizontal, vertical, dpi)
    assert all(abs(a - b) <= 2 for a, b in zip(table.xs, xs, strict=True)), table.xs
    assert all(abs(a - b) <= 2 for a, b in zip(table.ys, ys, strict=True)), table.ys
    assert (1, 0, 2, 1) in table.cells
    assert len(table.cells) == 3 * 4 - 1


@needs_extra
def test_specks_go_a_decimal_point_stays() -> None:
    """A cell's ink: "7", a point, "5" (blocks), and a speck in the corner far from them."""
    import numpy as np

    ink = np.zeros((60, 120), dtype=bool)
    ink[10:50, 20:35] = True  # 7
    ink[44:49, 40:45] = True  # the point, small but among the characters
    ink[10:50, 50:65] = True  # 5
    ink[2:4, 110:112] = True  # a speck
    kept = ocr._without_specks(ink)
    assert kept[44:49, 40:45].all()
    assert not kept[2:4, 110:112].any()
    assert kept.sum() == ink.sum() - 4


@needs_extra
def test_a_thin_one_is_print_a_speck_is_not() -> None:
    """Too little ink to count as print, a cell still holds a number where it has a stroke
    as tall as a small digit (a "1": 21 rows of two or three pixels at 300 dpi, 001's scan);
    a few specks as much ink in all are dust."""
    import numpy as np

    one = np.zeros((100, 130), dtype=bool)
    one[40:61, 62:64] = True
    one[41:43, 60:62] = True
    one[60, 58:67] = True
    assert one.sum() < max(12, (ocr.DPI // 100) ** 2 * 6)
    assert ocr._stroke(one)
    dust = np.zeros((100, 130), dtype=bool)
    for y, x in ((10, 10), (30, 90), (70, 40), (85, 110), (50, 20)):
        dust[y : y + 3, x : x + 3] = True
    assert not ocr._stroke(dust)


def _read(text: str, second: str | None = None, third: str | None = None, **kw: object) -> object:
    cell = ocr.ReadCell(
        text,
        (0, 0, 10, 10),
        kw.get("conf", 95.0),  # type: ignore[arg-type]
        bool(kw.get("ink", True)),
        None if second is None else (second, 90.0),
        None if third is None else (third, 90.0),
    )
    return ocr._value_text(cell, bool(kw.get("in_values", True)))


def test_a_number_is_trusted_only_when_two_readings_give_it() -> None:
    assert _read("95", "95") == ("95", None)
    assert _read("95", "96") == (UNREADABLE + "95 / 96", "disagree")
    assert _read("9D5", "905", "9D5") == (UNREADABLE + "9D5 / 905", "not_a_number")
    # the third reading (free to read letters) gives what the digits-only reading gave
    assert _read("1935", "195", "195") == ("195", None)
    # both readings free to read letters agree, the digits-only one does not: not enough
    assert _read("8", "3", "8") == (UNREADABLE + "8 / 3", "disagree")
    # ... but where the digits-only reading saw nothing at all (a thin "1"), two give it
    assert _read("1", "", "1") == ("1", None)
    assert _read("1", "", "7") == (UNREADABLE + "1 / 7", "disagree")
    assert _read("]", "1", "l") == (UNREADABLE + "] / 1 / l", "not_a_number")
    assert _read("]", "", "]") == (UNREADABLE + "]", "not_a_number")
    assert _read("", "", ink=True) == (UNREADABLE, "nothing")
    assert _read("", "", ink=True, in_values=False) == ("", None)
    assert _read("/", "") == ("/", None)
    assert _read("规章") == ("规章", None)
    # read once (a tall cell): a number needs its confidence
    assert _read("12", conf=95.0) == ("12", None)
    assert _read("12", conf=41.0) == (UNREADABLE + "12", "confidence")
    assert _read("l0") == (UNREADABLE + "l0", "not_a_number")


def test_labels_are_mended_to_the_templates_words_numbers_never() -> None:
    assert ocr.snap("7.属于行政执法案郑") == "7.属于行政执法案卷"
    assert ocr.snap("第二十条第《六)项") == "第二十条第（六）项"
    assert ocr.snap("行政规范性文件") == "行政规范性文件"
    assert ocr.snap("95") == "95"
    assert ocr.snap("本年增优") == "本年增/减"
    assert ocr.snap("本年度数量") == "本年度数量"  # as near to several words of the template


def test_an_origin_keeps_its_box_and_confidence() -> None:
    origin = dp.Origin("pdf", 1, 2, 3, 4, box=(10, 20, 30, 40), confidence=87.5)
    assert dp.Origin.from_dict(origin.to_dict()) == origin
    assert origin.to_dict()["box"] == [10, 20, 30, 40]
    cell = dp.Cell("number", 7, raw="7", line=1, column=2, origin=origin)
    assert dp.Cell.from_dict(cell.to_dict()) == cell
    plain = dp.Origin("pdf", 1, 2, 3, 4)
    assert repr(plain) == "Origin(format='pdf', table=1, row=2, cell=3, page=4)"
    assert "box" not in plain.to_dict()


# ---------------------------------------------------------------------------------------------
# Reading scans (needs Tesseract)
# ---------------------------------------------------------------------------------------------


@needs_tesseract
@pytest.mark.timeout(900)
def test_a_scanned_seed_reads_back_cell_by_cell() -> None:
    """seed_001's table pages at 150 dpi, turned 0.8°, speckled, as JPEG pictures in a PDF."""
    scan = dp.parse_file(FIXTURES / "scan_seed_001.pdf")
    counts, silent = agreement(scan, dp.parse_file(FIXTURES / "seed_001.pdf"))
    assert silent == []
    assert counts["equal"] >= 0.6 * counts["cells"], counts
    assert scan.diagnostics[0].code == "ocr"
    unreadable = [d for d in scan.diagnostics if d.code == "ocr_unreadable"]
    assert all(d.severity == "warning" and d.line is not None for d in unreadable)
    cell = scan.applications.cell("carried_forward", "total")
    assert cell is not None
    assert cell.origin is not None
    assert cell.origin.format == "pdf"
    assert cell.origin.box is not None
    assert cell.origin.page is not None


@needs_tesseract
@pytest.mark.timeout(600)
def test_a_scanned_page_as_an_image_file() -> None:
    """Page 2 of seed_004 at 150 dpi in black and white, turned -0.5°, as a PNG."""
    scan = dp.parse_file(FIXTURES / "scan_seed_004_p2.png")
    counts, silent = agreement(scan, dp.parse_file(FIXTURES / "seed_004.pdf"))
    assert silent == []
    assert counts["equal"] >= 60, counts
    origins = {c.origin.format for c in _cells(scan).values() if c.origin is not None}
    assert origins == {"image"}


@needs_tesseract
@pytest.mark.timeout(900)
def test_a_generated_report_printed_and_scanned_reads_back() -> None:
    """A generated report (seed 000 under another name, its numbers made larger, one table A
    count changed) printed on A4 pages and scanned at 200 dpi in black and white, as a TIFF of
    four pages: every number equal, withheld, or flagged."""
    import json

    source = dp.Report.from_dict(
        json.loads((FIXTURES / "scan_generated.json").read_text(encoding="utf-8"))
    )
    scan = dp.parse_file(FIXTURES / "scan_generated.tif")
    counts, silent = agreement(scan, source)
    assert silent == []
    assert counts["equal"] >= 0.9 * counts["cells"], counts
    assert scan.organization == source.organization


#: (seed, dpi, degrees turned, share of speckled pixels)
RASTERS = [
    ("000", 300, 0.0, 0.0),
    ("002", 200, 1.2, 0.001),
    ("003", 250, -0.7, 0.0),
]


@needs_tesseract
@pytest.mark.timeout(900)
@pytest.mark.parametrize(("seed", "dpi", "angle", "noise"), RASTERS)
def test_seeds_rasterised_read_back(
    seed: str, dpi: int, angle: float, noise: float, tmp_path: Path
) -> None:
    """A seed's PDF rasterised in grey (turned, speckled) into a PDF without text, read back."""
    from make_scans import image_pdf, scan

    path = tmp_path / f"scan_{seed}.pdf"
    path.write_bytes(image_pdf(scan(FIXTURES / f"seed_{seed}.pdf", dpi, angle, noise), dpi))
    report = dp.parse_file(path)
    counts, silent = agreement(report, dp.parse_file(FIXTURES / f"seed_{seed}.pdf"))
    assert silent == []
    assert counts["equal"] >= 0.8 * counts["cells"], counts


@needs_tesseract
@pytest.mark.timeout(900)
@pytest.mark.parametrize(
    ("scan", "keys"),
    [
        ("001", ["unavailable.unclear_after_correction"]),
        ("003", ["unavailable.needs_creation", "not_processed.complaint"]),
    ],
)
def test_dev_corpus_scans_read_their_thin_ones(scan: str, keys: list[str]) -> None:
    """The dev corpus's scans (pdftoppm at 200 dpi): a "1" alone in its cell, too little ink
    for print by count, is read (001); 1s the digits-only model reads as nothing are taken
    where the two other readings give them, and the table's sums derive the two read "]"
    from them (003). Skipped without ../shared."""
    from conftest import CORPUS

    path = CORPUS / f"{scan}.scan.pdf"
    if not path.is_file():
        pytest.skip(f"the dev corpus is not available here ({CORPUS} is missing)")
    report = dp.parse_file(path)
    for key in keys:
        row = report.applications.row(key)
        assert row is not None, key
        assert [c.value for c in row.cells] == [1, 0, 0, 0, 0, 0, 1], key
    source = dp.parse_file(CORPUS / f"{scan}p.pdf")
    counts, silent = agreement(report, source)
    assert silent == []
    assert counts["withheld"] == 0, counts


@needs_tesseract
@pytest.mark.timeout(900)
def test_pdftoppm_rasters_read_back(tmp_path: Path) -> None:
    """A seed's pages as poppler's pdftoppm rasterises them (150 dpi, grey: the way the dev
    corpus's scans were made), gathered in a TIFF of several pages, read back; where
    pdftoppm is installed and can draw the seeds' fonts (poppler-data)."""
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    seed, out = str(FIXTURES / "seed_003.pdf"), str(tmp_path / "page")
    done = subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", seed, out],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or "Missing language pack" in done.stderr:
        pytest.skip("pdftoppm cannot draw the seeds' fonts here (poppler-data is missing)")
    first, *rest = [Image.open(p) for p in sorted(tmp_path.glob("page*.png"))]
    scan = tmp_path / "scan.tif"
    first.save(scan, dpi=(150, 150), save_all=True, append_images=rest, compression="tiff_lzw")
    report = dp.parse_file(scan)
    counts, silent = agreement(report, dp.parse_file(FIXTURES / "seed_003.pdf"))
    assert silent == []
    assert counts["equal"] >= 0.8 * counts["cells"], counts


@needs_tesseract
def test_a_blank_scan_says_ocr_found_no_text() -> None:
    with pytest.raises(dp.ParseError) as info:
        dp.parse_file(FIXTURES / "scanned.pdf")
    assert info.value.code == "no_text_layer"
    assert "OCR" in str(info.value)


def test_strict_raises_on_an_unreadable_number() -> None:
    adapted = ocr.ScanAdapted(
        "某镇人民政府2021年政府信息公开工作年度报告\n规章\t⁇l0\t0\t0\n",
        {},
        "image",
        (),
        {(2, 4): ocr.Unreadable("l0", 1, (0, 0, 9, 9), 50.0, "not_a_number")},
    )
    with pytest.raises(dp.ParseError) as info:
        adapted.parse(strict=True)
    assert info.value.code == "ocr_unreadable"
    assert (info.value.line, info.value.column) == (2, 4)


# ---------------------------------------------------------------------------------------------
# Hostile scans: bounded, and a coded error
# ---------------------------------------------------------------------------------------------


def _png_declaring(width: int, height: int) -> bytes:
    """A PNG of a few hundred bytes whose header declares *width* x *height* pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff" * 1000, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@needs_tesseract
@pytest.mark.parametrize(
    ("width", "height"), [(100_000, 100_000), (20_000, 6_000)], ids=["bomb", "over_limit"]
)
def test_an_image_declaring_too_many_pixels_is_refused_undecoded(
    tmp_path: Path, width: int, height: int
) -> None:
    """A PNG header declaring billions of pixels is refused before a pixel is decoded."""
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_declaring(width, height))
    with pytest.raises(dp.ParseError) as info:
        dp.parse_file(path)
    assert info.value.code == "image_too_large"


@needs_tesseract
def test_a_scan_of_more_pages_than_any_report_is_refused(tmp_path: Path) -> None:
    """A TIFF of hundreds of frames (or a PDF of hundreds of image pages) is not OCR'd page by
    page for an hour: it is refused with a coded error."""
    from PIL import Image

    frames = [Image.new("L", (20, 20), 255) for _ in range(ocr.MAX_SCAN_PAGES + 1)]
    path = tmp_path / "many.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    with pytest.raises(dp.ParseError) as info:
        dp.parse_file(path)
    assert info.value.code == "too_many_scanned_pages"


@needs_tesseract
@pytest.mark.timeout(120)
def test_a_long_thin_image_is_read_in_bounded_memory(tmp_path: Path) -> None:
    """An image ten pixels wide and 60,000 high (brought up to 300 dpi it would be 15 million
    pixels high) is read at a lower resolution: blank, so no text, and a coded error."""
    from PIL import Image

    path = tmp_path / "thin.png"
    Image.new("L", (10, 60_000), 255).save(path)
    with pytest.raises(dp.ParseError) as info:
        dp.parse_file(path)
    assert info.value.code == "no_text_layer"


def test_a_huge_page_is_rasterised_within_the_pixel_limit() -> None:
    """A 200-inch page (PDF's largest) would be 3.6 billion pixels at 300 dpi; it is read at
    the resolution that keeps it within the limit, and no side past Tesseract's."""
    side = 14_400.0  # points
    scale = ocr._bounded_scale(side, side, ocr.DPI / 72)
    assert (side * scale) ** 2 <= ocr.MAX_PAGE_PIXELS * 1.0001
    assert ocr._bounded_scale(595, 842, ocr.DPI / 72) == ocr.DPI / 72  # A4 as it is
    assert 60_000 * ocr._bounded_scale(10, 60_000, 248.0) <= ocr.MAX_PAGE_SIDE


@needs_tesseract
def test_blank_pages_cost_no_tesseract_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page without ink is not sent to Tesseract (a file of empty pages costs seconds each
    otherwise)."""
    from PIL import Image

    def no_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("Tesseract ran on a blank page")

    monkeypatch.setattr(ocr.subprocess, "run", no_run)
    page = ocr.read_page(Image.new("L", (2480, 3508), 255), 1, "tesseract")
    assert (page.words, page.lines, page.tables) == (0, (), ())
