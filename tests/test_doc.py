"""Word 97–2003 (.doc), WPS (.wps) and RTF files, read through LibreOffice (issue 15, part 3).

Without ``soffice`` on PATH the reader raises ``MissingProgramError`` naming the Debian
package; a stand-in ``soffice`` (a small script put first on PATH) shows the command line, the
private profile, and what becomes of a converter that hangs, crashes or writes no document.
The tests that convert real files need LibreOffice and are skipped without it.
"""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import sys
import time
from pathlib import Path

import pytest

import disclosure_parser as dp
import matrix
from disclosure_parser.output.records import FileError
from disclosure_parser.readers import files, ocr, soffice
from disclosure_parser.readers.soffice import DEBIAN_PACKAGE, doc_to_text, parse_doc

pytest.importorskip("lxml")

FIXTURES = matrix.FIXTURES
SEED_DOC = FIXTURES / "seed_003.lo-doc.doc"
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt install " + DEBIAN_PACKAGE
)


def _u(text: str) -> str:
    """*text* in RTF: characters past ASCII as \\uN? escapes."""
    return "".join(f"\\u{ord(c)}?" if ord(c) > 127 else c for c in text)


def rtf_table(heading: str, rows: list[list[str]]) -> bytes:
    """An RTF document: a paragraph, then a table of *rows*."""
    out = ["{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 SimSun;}}", f"\\pard {_u(heading)}\\par"]
    for row in rows:
        edges = "".join(f"\\cellx{2000 * (i + 1)}" for i in range(len(row)))
        cells = "".join(f"{_u(text)}\\cell " for text in row)
        out.append(f"\\trowd{edges}\\pard\\intbl {cells}\\row")
    out.append("\\pard\\par}")
    return "\n".join(out).encode("ascii")


def _code(call: object) -> str:
    with pytest.raises(dp.ParseError) as info:
        call()  # type: ignore[operator]
    return info.value.code


# ---------------------------------------------------------------------------------------------
# Without LibreOffice
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".rtf"])
def test_without_soffice_the_error_names_the_debian_package(
    suffix: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No soffice on PATH: MissingProgramError (a MissingDependencyError) naming
    libreoffice-writer-nogui; batch records it as missing_program."""
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no soffice, no libreoffice
    path = tmp_path / f"report{suffix}"
    shutil.copy(SEED_DOC, path)
    with pytest.raises(dp.MissingDependencyError) as info:
        dp.parse_file(path)
    err = info.value
    assert isinstance(err, dp.MissingProgramError)
    assert "apt-get install libreoffice-writer-nogui" in str(err)
    assert (err.program, err.packages) == ("soffice", "libreoffice-writer-nogui")
    assert FileError.of(err).code == "missing_program"


def test_the_missing_program_error_is_one_class_for_ocr_and_soffice() -> None:
    """Tesseract's and LibreOffice's errors are one class (ocr's name is an alias), and
    each comes back whole from a worker process (pickled with its arguments)."""
    assert ocr.MissingProgramError is dp.MissingProgramError
    for err in (ocr._no_tesseract(" (x has no chi_sim data)"), soffice.missing_soffice()):
        again = pickle.loads(pickle.dumps(err))
        assert type(again) is dp.MissingProgramError
        assert (str(again), again.program, again.packages, again.extra) == (
            str(err),
            err.program,
            err.packages,
            err.extra,
        )
    assert "tesseract-ocr tesseract-ocr-chi-sim" in str(ocr._no_tesseract())


def test_the_command_line_names_the_package_in_both_languages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import io

    from disclosure_parser.output.cli import main

    monkeypatch.setenv("PATH", str(tmp_path))
    path = tmp_path / "report.doc"
    shutil.copy(SEED_DOC, path)
    for lang, words in (("zh", "需要另外安装程序 soffice"), ("en", "needs LibreOffice")):
        out = io.StringIO()
        main(["check", "--lang", lang, str(path)], out=out)
        assert "missing_program" in out.getvalue()
        assert words in out.getvalue()
        assert "libreoffice-writer-nogui" in out.getvalue()


def test_files_that_are_something_else_need_no_soffice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A .doc that is a web page or a .docx (portals publish both under .doc) is read by
    that reader, with a note, and needs no LibreOffice."""
    monkeypatch.setenv("PATH", str(tmp_path))
    page = tmp_path / "page.doc"
    shutil.copy(FIXTURES / "sources" / "seed_003.html", page)
    word = tmp_path / "word.doc"
    shutil.copy(FIXTURES / "seed_003.lo-docx.docx", word)
    for path, fmt in ((page, "html"), (word, "docx")):
        report = dp.parse_file(path)
        assert report.applications.get("new_received", "total") == 5
        cell = report.applications.cell("new_received", "total")
        assert cell.origin is not None
        assert cell.origin.format == fmt
        assert report.diagnostics[0].code == "source"


def test_sniff_and_suffixes() -> None:
    assert files.sniff(SEED_DOC.read_bytes()) == "doc"
    assert files.sniff(rtf_table("x", [["1"]])) == "rtf"
    assert {s: files.BINARY_SUFFIXES[s] for s in (".doc", ".wps", ".rtf")} == {
        ".doc": "doc",
        ".wps": "doc",
        ".rtf": "rtf",
    }


# ---------------------------------------------------------------------------------------------
# A stand-in soffice: the command line, and converters that hang, crash or write garbage
# ---------------------------------------------------------------------------------------------

#: a stand-in soffice: records its arguments and the profile it was given, then does what
#: FAKE_SOFFICE says (hang, fail, write garbage, or nothing)
_FAKE = """#!/bin/sh
printf '%s\\n' "$@" > "$FAKE_DIR/args"
for arg in "$@"; do
  case "$arg" in -env:UserInstallation=file://*) profile="${arg#-env:UserInstallation=file://}";;
  esac
done
cp "$profile/user/registrymodifications.xcu" "$FAKE_DIR/profile.xcu" 2>/dev/null
while [ $# -gt 0 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done
case "$FAKE_SOFFICE" in
  hang) sleep 300 & echo $! > "$FAKE_DIR/child"; wait;;
  fail) echo "Error: source file could not be loaded" >&2; exit 1;;
  garbage) mkdir -p "$out"; printf 'garbage' > "$out/report.odt";;
  copy) mkdir -p "$out"; cp "$FAKE_ODT" "$out/report.odt";;
esac
"""


@pytest.fixture
def fake_soffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    if shutil.which("sh") is None:
        pytest.skip("no /bin/sh to run the stand-in soffice")
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(_FAKE, encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("FAKE_DIR", str(tmp_path))
    monkeypatch.setenv("FAKE_ODT", str(FIXTURES / "seed_003.lo-odt.odt"))
    return tmp_path


def test_the_command_line_and_the_private_profile(
    fake_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """soffice runs headless, with a profile of its own in a temporary folder (macros off,
    links never updated), converting to ODT; each cell's origin is the .doc's."""
    monkeypatch.setenv("FAKE_SOFFICE", "copy")
    report = dp.parse_file(SEED_DOC)
    cell = report.applications.cell("new_received", "total")
    assert cell.value == 5
    assert cell.origin == dp.Origin("doc", 1, 3, 9)
    args = (fake_soffice / "args").read_text(encoding="utf-8").splitlines()
    assert args[0].startswith("-env:UserInstallation=file:///")
    assert "disclosure-parser-soffice-" in args[0]
    assert {"--headless", "--norestore", "--convert-to", "odt:writer8"} <= set(args)
    assert args[-1].endswith("report.doc")
    profile = (fake_soffice / "profile.xcu").read_text(encoding="utf-8")
    assert '"DisableMacrosExecution" oor:op="fuse"><value>true' in profile
    assert "Office.Writer/Content/Update" in profile
    assert not Path(args[0].removeprefix("-env:UserInstallation=file://")).exists()
    notes = [d.message for d in report.diagnostics if d.code == "source"]
    assert notes[0].startswith("the DOC file was converted to ODT by soffice (LibreOffice)")


@pytest.mark.timeout(60)
def test_a_converter_that_hangs_is_stopped(
    fake_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the time limit the converter and what it started are killed, and the file is
    refused: conversion_timeout."""
    monkeypatch.setenv("FAKE_SOFFICE", "hang")
    monkeypatch.setattr(soffice, "CONVERT_TIMEOUT", 1.0)
    with pytest.raises(dp.UnreadableFileError, match="more than 1 s") as info:
        dp.parse_file(SEED_DOC)
    assert info.value.code == "conversion_timeout"
    child = int((fake_soffice / "child").read_text(encoding="utf-8"))
    assert _wait_for(lambda: _gone(child)), f"the converter's child {child} is still running"


def _gone(pid: int) -> bool:
    """Whether process *pid* has ended (or is a zombie waiting for init to reap it)."""
    status = Path(f"/proc/{pid}/status")
    try:
        return "\nState:\tZ" in status.read_text(encoding="utf-8")
    except OSError:
        return True


def _wait_for(check: object, tries: int = 400) -> bool:
    for _ in range(tries):
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.mark.timeout(60)
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_converter_dies_with_the_process_that_started_it(
    fake_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch worker killed past its time limit (SIGKILL: it cleans nothing up) takes its
    hung conversion with it: the guard LibreOffice runs under sees the worker's pipe end,
    kills the converter's process group and removes the temporary folder."""
    import subprocess

    monkeypatch.setenv("FAKE_SOFFICE", "hang")
    script = (
        "import sys; from disclosure_parser.readers.soffice import doc_to_text\n"
        "doc_to_text(b'x', timeout=300)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    worker = subprocess.Popen([sys.executable, "-c", script], env=env)
    try:
        child_file = fake_soffice / "child"
        assert _wait_for(lambda: child_file.exists() and child_file.read_text().strip())
        child = int(child_file.read_text(encoding="utf-8"))
        assert not _gone(child)
    finally:
        worker.kill()
        worker.wait()
    assert _wait_for(lambda: _gone(child)), f"the converter's child {child} outlived its reader"
    args = (fake_soffice / "args").read_text(encoding="utf-8").splitlines()
    work = Path(args[args.index("--outdir") + 1]).parent
    assert work.name.startswith("disclosure-parser-soffice-")
    assert _wait_for(lambda: not work.exists()), "the reader's temporary folder was left"


@pytest.mark.parametrize(
    ("behaviour", "code", "words"),
    [
        ("fail", "conversion_failed", "it said: Error: source file could not be loaded"),
        ("nothing", "conversion_failed", "it wrote no document"),
        ("garbage", "corrupt_file", "not a readable OpenDocument text"),
    ],
)
def test_a_converter_that_fails(
    fake_soffice: Path, monkeypatch: pytest.MonkeyPatch, behaviour: str, code: str, words: str
) -> None:
    monkeypatch.setenv("FAKE_SOFFICE", behaviour)
    with pytest.raises(dp.UnreadableFileError, match=words) as info:
        dp.parse_file(SEED_DOC)
    assert info.value.code == code


def test_a_soffice_that_does_not_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A soffice on PATH that cannot be run (no interpreter): conversion_failed."""
    program = tmp_path / "soffice"
    program.write_text("#!/no/such/interpreter\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert _code(lambda: doc_to_text(b"x")) == "conversion_failed"


# ---------------------------------------------------------------------------------------------
# Through LibreOffice
# ---------------------------------------------------------------------------------------------


@needs_soffice
@pytest.mark.timeout(300)
def test_a_word_97_file_reads_the_cells_of_its_odt(tmp_path: Path) -> None:
    """seed 003 saved by LibreOffice as Word 97: the cells and grid positions of its .odt,
    with format "doc"; the same file named .wps reads the same."""
    report = dp.parse_file(SEED_DOC)
    odt = dp.parse_file(FIXTURES / "seed_003.lo-odt.odt")
    assert matrix.encoded(report) == matrix.encoded(odt)
    cell = report.applications.cell("new_received", "total")
    assert (cell.value, cell.origin) == (5, dp.Origin("doc", 1, 3, 9))
    assert [d.code for d in report.diagnostics[:2]] == ["source", "source"]
    wps = tmp_path / "report.wps"
    shutil.copy(SEED_DOC, wps)
    assert matrix.encoded(parse_doc(wps)) == matrix.encoded(report)


@needs_soffice
@pytest.mark.timeout(300)
def test_an_rtf_table(tmp_path: Path) -> None:
    """A hand-written RTF: its paragraph and table, each cell's origin in format "rtf"; an
    RTF saved as .doc is sniffed and read as RTF."""
    data = rtf_table("二、主动公开政府信息情况", [["信息内容", "本年新制作数量"], ["规章", "3"]])
    adapted = doc_to_text(data, "rtf")
    assert adapted.text.splitlines() == [
        "二、主动公开政府信息情况",
        "信息内容\t本年新制作数量",
        "规章\t3",
    ]
    assert adapted.origins[(3, 4)] == dp.Origin("rtf", 0, 1, 1)
    assert adapted.format == "rtf"
    path = tmp_path / "report.doc"
    path.write_bytes(data)
    assert files.sniff(data) == "rtf"
    report = dp.parse_file(path)
    assert "RTF" in report.diagnostics[0].message  # the sniffed note
    regulations = report.active_disclosure.item("regulations")
    assert regulations is not None
    assert regulations.cells[0].value == 3
    assert regulations.cells[0].origin == dp.Origin("rtf", 0, 1, 1)


@needs_soffice
@pytest.mark.timeout(300)
def test_a_damaged_doc_is_refused_with_a_code() -> None:
    """A .doc cut to a third: LibreOffice writes nothing, the file is conversion_failed."""
    data = SEED_DOC.read_bytes()
    assert _code(lambda: doc_to_text(data[: len(data) // 3])) == "conversion_failed"


@needs_soffice
@pytest.mark.timeout(300)
def test_conversions_run_side_by_side() -> None:
    """Each conversion has its own profile: two at once both succeed."""
    from concurrent.futures import ThreadPoolExecutor

    data = SEED_DOC.read_bytes()
    with ThreadPoolExecutor(2) as pool:
        texts = list(pool.map(lambda _: doc_to_text(data).text, range(2)))
    assert texts[0] == texts[1]
    assert "洪合镇" in texts[0]
