"""Builders of hostile and damaged files, shared by the readers' fuzz target and their tests.

Each builder makes a small file whose structure asks its reader for too much: PDFs whose
objects refer to themselves, whose Form XObjects draw each other, whose streams inflate a
thousandfold, whose pages hold tens of thousands of characters or ruled cells; Word files with
spans of a hundred million columns, vertical merges thousands of rows long, floods of empty
paragraphs (and OpenDocument texts with spans and repeats as large); web pages declaring
charsets that are no text encodings, nested thousands deep, claiming huge spans. Everything
here is written from scratch (no third-party writer), so the files are exactly what the
builder says.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Iterable

# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf(objects: dict[int, bytes | str], root: int = 1) -> bytes:
    """A PDF of *objects* (number -> body, without ``obj``/``endobj``) with a correct
    cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        body = objects[number]
        if isinstance(body, str):
            body = body.encode("latin-1")
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += (
            b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 00000 f \n"
        )
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    """A stream object's body holding *data* (deflated when *compress*)."""
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_content(lines: Iterable[str], size: float = 10, top: float = 800) -> bytes:
    """A content stream showing *lines* in Helvetica, one under the other."""
    shown = b" ".join(b"(%s) '" % line.encode("latin-1") for line in lines)
    return b"BT /F1 %g Tf %g TL 50 %g Td " % (size, size * 1.2, top) + shown + b" ET"


def simple(content: bytes, pages: int = 1) -> dict[int, bytes | str]:
    """The objects of a document whose *pages* pages all show *content* (object 3)."""
    kids = " ".join(f"{10 + i} 0 R" for i in range(pages))
    objects: dict[int, bytes | str] = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
        3: content,
        4: FONT,
    }
    for i in range(pages):
        objects[10 + i] = (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            "/Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"
        )
    return objects


def self_reference() -> bytes:
    """r01: a page whose /Contents is an object that is only a reference to itself."""
    objects = simple(stream(text_content(["X"])))
    objects[50] = "50 0 R"
    objects[10] = str(objects[10]).replace("/Contents 3 0 R", "/Contents 50 0 R")
    return pdf(objects)


def reference_chain(length: int) -> bytes:
    """Objects 50 .. 50+length-1 each a reference to the next, the last back to the first."""
    objects = simple(stream(text_content(["X"])))
    for k in range(length):
        objects[50 + k] = f"{50 + (k + 1) % length} 0 R"
    objects[10] = str(objects[10]).replace("/Contents 3 0 R", "/Contents 50 0 R")
    return pdf(objects)


def xobject_bomb(levels: int, fanout: int = 10) -> bytes:
    """r02: Form XObject k draws form k-1 *fanout* times, *levels* deep (fanout**levels
    drawings of a line of text from a few kilobytes)."""
    form = (
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
        "/Resources << /XObject << /X %d 0 R >> /Font << /F1 4 0 R >> >>"
    )
    objects: dict[int, bytes | str] = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: "<< /Type /Pages /Kids [10 0 R] /Count 1 >>",
        4: FONT,
        100: stream(b"BT /F1 10 Tf 50 800 Td (1) Tj ET", (form % 100).encode()),
    }
    for k in range(1, levels + 1):
        objects[100 + k] = stream(b" ".join([b"/X Do"] * fanout), (form % (99 + k)).encode())
    objects[3] = stream(b"/X Do")
    objects[10] = (
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        f"/Resources << /XObject << /X {100 + levels} 0 R >> >> /Contents 3 0 R >>"
    )
    return pdf(objects)


def flate_bomb(megabytes: int) -> bytes:
    """A page whose content stream is *megabytes* MB of spaces, deflated (about a
    thousandth of that on disk)."""
    squeezer = zlib.compressobj(9)
    chunks = [squeezer.compress(b" " * 1_000_000) for _ in range(megabytes)]
    chunks.append(squeezer.compress(b" BT /F1 10 Tf 50 800 Td (X) Tj ET"))
    chunks.append(squeezer.flush())
    data = b"".join(chunks)
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return pdf(simple(body))


def many_chars(count: int, per_line: int = 200) -> bytes:
    """One page showing *count* characters in lines of *per_line* (4-point type)."""
    lines = []
    for k in range(0, count, per_line):
        n = min(per_line, count - k)
        lines.append("".join("0123456789"[(k + i) % 10] for i in range(n)))
    return pdf(simple(stream(text_content(lines, size=1, top=840), compress=True)))


def ruled_grid(rows: int, columns: int) -> bytes:
    """One page with a table of *rows* x *columns* ruled cells, a digit in each."""
    width, height = 500 / columns, 780 / rows
    ops = [b"0.5 w"]
    for r in range(rows + 1):
        y = 810 - r * height
        ops.append(b"40 %.3f m 540 %.3f l S" % (y, y))
    for c in range(columns + 1):
        x = 40 + c * width
        ops.append(b"%.3f 30 m %.3f 810 l S" % (x, x))
    size = min(width, height) * 0.6
    ops.append(b"BT /F1 %.3f Tf" % size)
    for r in range(rows):
        for c in range(columns):
            x = 40 + c * width + width * 0.2
            y = 810 - (r + 1) * height + height * 0.25
            ops.append(b"1 0 0 1 %.3f %.3f Tm (%d) Tj" % (x, y, (r + c) % 10))
    ops.append(b"ET")
    return pdf(simple(stream(b"\n".join(ops), compress=True)))


def open_tables(tables: int, rows: int, open_at: int = 220) -> bytes:
    """One page of *tables* tables of *rows* rows, clipped at x = 300: their vertical rules
    stop at x = 200, their horizontal rules run on to x = 400 (a column without its outer
    rule, cut by the clip), a digit in each cell and in the open column (at x = *open_at*)."""
    height = 780 / (tables * (rows + 1))
    ops = [b"q 40 20 260 800 re W n 0.5 w"]
    for t in range(tables):
        top = 810 - t * (rows + 1) * height
        for r in range(rows + 1):
            y = top - r * height
            ops.append(b"40 %.3f m 400 %.3f l S" % (y, y))
        for x in (40, 120, 200):
            ops.append(b"%d %.3f m %d %.3f l S" % (x, top, x, top - rows * height))
        ops.append(b"BT /F1 %.3f Tf" % (height * 0.6))
        for r in range(rows):
            y = top - (r + 1) * height + height * 0.25
            for x in (60, 140, open_at):
                ops.append(b"1 0 0 1 %d %.3f Tm (%d) Tj" % (x, y, (r + x) % 10))
        ops.append(b"ET")
    ops.append(b"Q")
    return pdf(simple(stream(b"\n".join(ops), compress=True)))


def repeated_page(times: int) -> bytes:
    """A page tree naming one page *times* times."""
    objects = simple(stream(text_content(["X"])))
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(['10 0 R'] * times)}] /Count {times} >>"
    return pdf(objects)


def font_without_bbox(lines: int = 50) -> bytes:
    """A page in a font whose descriptor has no /FontBBox (pdfminer warned once per glyph)."""
    objects = simple(stream(text_content([f"line {i}" for i in range(lines)])))
    objects[4] = (
        "<< /Type /Font /Subtype /TrueType /BaseFont /Broken /FirstChar 32 /LastChar 126 "
        "/Widths [" + " ".join(["500"] * 95) + "] /FontDescriptor 5 0 R >>"
    )
    objects[5] = "<< /Type /FontDescriptor /FontName /Broken /Flags 32 /Ascent 700 >>"
    return pdf(objects)


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def docx(body: str | bytes, content_types: str = _CONTENT_TYPES, rels: str = _RELS) -> bytes:
    """A Word package whose document body is *body* (the XML inside ``<w:body>``)."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    document = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="' + W.encode() + b'"><w:body>' + body + b"</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", rels)
        package.writestr("word/document.xml", document)
    return out.getvalue()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def cell(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraph(text)}</w:tc>"


def grid_span(span: str) -> bytes:
    """r03: a table whose first cell claims ``w:gridSpan`` *span*."""
    rows = "<w:tr>" + cell("规章", f'<w:gridSpan w:val="{span}"/>') + cell("1") + "</w:tr>"
    rows += "<w:tr>" + cell("行政许可") + cell("2") + cell("3") + "</w:tr>"
    return docx(paragraph("二、主动公开政府信息情况") + f"<w:tbl>{rows}</w:tbl>")


def vertical_merges(rows: int) -> bytes:
    """r11: a label merged down *rows* + 1 rows (``restart``, then ``continue`` cells)."""
    first = "<w:tr>" + cell("规章", '<w:vMerge w:val="restart"/>') + cell("1") + "</w:tr>"
    rest = ("<w:tr>" + cell("", "<w:vMerge/>") + cell("1") + "</w:tr>") * rows
    return docx(f"<w:tbl>{first}{rest}</w:tbl>")


def empty_paragraphs(count: int) -> bytes:
    """*count* empty paragraphs (ten million deflate into some 128 kB)."""
    return docx(b"<w:p/>" * count)


def _incompressible(count: int) -> str:
    """*count* bytes of hexadecimal digits that deflate poorly, the same every time: text
    that raises a file's size, and with it the budgets the readers allow for its size."""
    return random.Random(count).randbytes(count // 2).hex()


def long_paragraph(runs: int) -> bytes:
    """One paragraph of *runs* one-character runs (each used to copy the line read so far:
    quadratic), and a paragraph of incompressible text so that the budget allows them."""
    runs_xml = "<w:r><w:t>规</w:t></w:r>" * runs
    return docx(f"<w:p>{runs_xml}</w:p>" + paragraph(_incompressible(runs)))


def nested_tables(depth: int) -> bytes:
    """A table nested *depth* deep, one cell in another."""
    inner = paragraph("规章")
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    return docx(inner)


# ---------------------------------------------------------------------------------------------
# OpenDocument text
# ---------------------------------------------------------------------------------------------

ODT_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)
_ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def odt(
    body: str | bytes,
    mimetype: str = "application/vnd.oasis.opendocument.text",
    content: bytes | None = None,
) -> bytes:
    """An OpenDocument text whose ``office:text`` holds *body* (or whose ``content.xml`` is
    *content*), its ``mimetype`` first and stored, as the standard says."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    if content is None:
        content = (
            b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            + ODT_NAMESPACES.encode()
            + b' office:version="1.3"><office:body><office:text>'
            + body
            + b"</office:text></office:body></office:document-content>"
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), mimetype, zipfile.ZIP_STORED)
        package.writestr("content.xml", content)
        package.writestr("META-INF/manifest.xml", _ODT_MANIFEST)
    return out.getvalue()


def odt_paragraph(text: str) -> str:
    return f"<text:p>{text}</text:p>"


def odt_cell(text: str, attributes: str = "") -> str:
    return f"<table:table-cell {attributes}>{odt_paragraph(text)}</table:table-cell>"


def odt_table(*rows: str, attributes: str = "") -> str:
    cells = "".join(f"<table:table-row {a}>{r}</table:table-row>" for r, a in rows_of(rows))
    return f'<table:table table:name="T" {attributes}>{cells}</table:table>'


def rows_of(rows: Iterable[str]) -> Iterable[tuple[str, str]]:
    """Rows as (cells, attributes of the row): a row given as ``"attrs|cells"`` has
    attributes."""
    for row in rows:
        attributes, _, cells = row.rpartition("|") if "|" in row else ("", "", row)
        yield cells, attributes


def odt_span(attribute: str, value: str) -> bytes:
    """A table whose first cell claims *attribute* (``number-columns-spanned`` …) *value*."""
    first = odt_cell("规章", f'table:{attribute}="{value}"') + odt_cell("1")
    second = odt_cell("行政许可") + odt_cell("2") + odt_cell("3")
    return odt(odt_paragraph("二、主动公开政府信息情况") + odt_table(first, second))


def odt_repeated_rows(copies: str, text: str = "1") -> bytes:
    """A table whose second row claims ``number-rows-repeated`` *copies*."""
    first = odt_cell("规章") + odt_cell("1")
    second = f'table:number-rows-repeated="{copies}"|' + odt_cell("") + odt_cell(text)
    return odt(odt_table(first, second))


def odt_empty_paragraphs(count: int) -> bytes:
    """*count* empty paragraphs (ten million deflate into some 100 kB)."""
    return odt(b"<text:p/>" * count)


def odt_long_paragraph(spans: int) -> bytes:
    """One paragraph of *spans* one-character spans, and incompressible text (see
    :func:`long_paragraph`)."""
    spans_xml = "<text:span>规</text:span>" * spans
    return odt(f"<text:p>{spans_xml}</text:p>" + odt_paragraph(_incompressible(spans)))


def odt_nested_tables(depth: int) -> bytes:
    """A table nested *depth* deep, one cell in another."""
    inner = odt_paragraph("规章")
    for _ in range(depth):
        inner = f"<table:table><table:table-row><table:table-cell>{inner}"
        inner += "</table:table-cell></table:table-row></table:table>"
    return odt(inner)


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

#: Python codecs that are no text encodings, or run escapes: a page may declare any of them
NOT_TEXT_CODECS = (
    "hex",
    "rot13",
    "base64",
    "zlib",
    "bz2",
    "uu",
    "quopri",
    "undefined",
    "unicode_escape",
    "raw_unicode_escape",
    "idna",
    "punycode",
    "mbcs",
    "utf-7",
)


def charset_page(charset: str, body: str = "<p>规章</p>") -> bytes:
    """A page declaring *charset* in ``<meta>``, its bytes UTF-8."""
    return f'<meta charset="{charset}">{body}'.encode()


def deep_page(depth: int, tag: str = "div") -> str:
    return "<p>一、总体情况</p>" + f"<{tag}>" * depth + "x" + f"</{tag}>" * depth
