"""Word 97–2003 (.doc), WPS and RTF files, read through LibreOffice.

These formats are binary (.doc and WPS Office's .wps are OLE compound files) or a markup of
their own (RTF) that no maintained Python library reads faithfully, tables and merged cells
included; LibreOffice does. When ``soffice`` (or ``libreoffice``) is on ``PATH``, the file is
converted to OpenDocument text and read by :mod:`.odt`; without it,
:class:`~disclosure_parser.core.errors.MissingProgramError` (a ``MissingDependencyError``,
batch code ``missing_program``) names the Debian package to install
(``libreoffice-writer-nogui``).

Each conversion runs LibreOffice headless in a private temporary folder: the file, a fresh
user profile of its own (``-env:UserInstallation``, so conversions never share or lock a
profile and can run side by side) and the converted file live there and are removed after.
The profile switches macros off and never updates links when loading, so a document runs
no code and fetches nothing. No shell is involved: the program found on PATH gets a fixed list
of arguments. LibreOffice runs under a small guard (:data:`_GUARD`, this Python run with
``-I -S``) in a session of its own, and the guard kills LibreOffice's whole process group as
soon as the pipe from this process ends: when this process is done with it, past
:data:`CONVERT_TIMEOUT` seconds (the file is then refused with code ``conversion_timeout``),
or when this process dies (a batch worker killed at its own time limit cleans nothing up: the
guard removes the temporary folder too). A file LibreOffice cannot convert (damaged,
password-protected, or no text document) is refused with ``conversion_failed``.

The cells' origins point into the converted document's tables (table, row, grid column),
which are the file's own tables in order; the ``source`` diagnostic says the file was
converted, and by which program.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Final

import attrs

from ..core.errors import MissingProgramError, UnreadableFileError
from ..core.messages import msg
from ..core.model import Diagnostic, Origin, Report
from ._package import file_bytes
from .base import Adapted, guarded

__all__ = [
    "CONVERT_TIMEOUT",
    "DEBIAN_PACKAGE",
    "convert_to_odt",
    "doc_to_text",
    "find_soffice",
    "parse_doc",
]

#: the programs that run LibreOffice, in the order they are looked for on PATH
PROGRAMS: Final = ("soffice", "libreoffice")
#: the Debian (and Ubuntu) package that provides ``soffice`` for text documents, headless
DEBIAN_PACKAGE: Final = "libreoffice-writer-nogui"
#: seconds a conversion may take: a report converts in a few seconds (the first run of a
#: fresh profile included); a file that takes longer is built to hang the converter. Half
#: of batch's time for a file, so that a hung conversion is reported as such. Read at each
#: conversion (set it to change the limit for the process)
CONVERT_TIMEOUT: float = 60.0

#: the suffix the file is handed to LibreOffice under, by format: LibreOffice detects the
#: type by content, the suffix only orders its guesses
_SUFFIX: Final = {"doc": ".doc", "rtf": ".rtf"}

#: LibreOffice settings of the private profile: macros never run (the highest security level
#: and execution disabled), links in documents are never updated when loading (no file or URL
#: is fetched), and links to untrusted referers are blocked
_PROFILE: Final = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop
 oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop
 oor:name="UseLocking" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice`` (or ``libreoffice``) on PATH, or None."""
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def _end(process: subprocess.Popen[bytes]) -> None:
    """Wait for *process* (the guard, told to stop by the end of its pipe) to end; past a
    few seconds, kill its process group (LibreOffice's own, when it runs unguarded)."""
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
        return
    if hasattr(os, "killpg"):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows has no process groups
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)


def _stderr_tail(data: bytes) -> str:
    """The end of what LibreOffice said, without its usual notes (no Java runtime …).

    >>> _stderr_tail(b"Warning: failed to launch javaldx - java may not function correctly\\n"
    ...     b"Error: source file could not be loaded\\n")
    'Error: source file could not be loaded'
    """
    lines = data.decode("utf-8", "replace").splitlines()
    said = [line for line in lines if line.strip() and "javaldx" not in line]
    return " ".join(" ".join(said).split())[-300:]


def missing_soffice() -> MissingProgramError:
    """The error for a missing LibreOffice, naming its Debian package.

    >>> print(missing_soffice())  # doctest: +NORMALIZE_WHITESPACE
    reading Word 97–2003 (.doc), WPS (.wps) and RTF files needs LibreOffice (the soffice
    program), which is not installed: apt-get install libreoffice-writer-nogui (Debian,
    Ubuntu), or see https://www.libreoffice.org/download/
    """
    return MissingProgramError(
        PROGRAMS[0],
        DEBIAN_PACKAGE,
        "Word 97–2003 (.doc), WPS (.wps) and RTF files",
        needs="LibreOffice (the soffice program)",
        see="https://www.libreoffice.org/download/",
    )


_EXPECTED: Final = "a Word 97–2003 (.doc), WPS (.wps) or RTF file that LibreOffice converts"


def _failed(reason: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"LibreOffice could not convert the file: {reason}",
        code="conversion_failed",
        expected=_EXPECTED,
    )


def _command(program: str, profile: Path, out: Path, source: Path) -> list[str]:
    return [
        program,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "odt:writer8",
        "--outdir",
        str(out),
        str(source),
    ]


#: the guard LibreOffice runs under (``python -I -S -c _GUARD FOLDER soffice …``): it starts
#: the converter in a session of its own and, as soon as its standard input ends while the
#: converter runs (the reading process gave up on it past its time limit, or died: a batch
#: worker killed at its own limit cleans nothing up), kills the converter's whole process
#: group and removes the temporary FOLDER. No converter outlives its reader. (The reading
#: process closes the pipe only once the guard has ended, or to stop it; it waits for the
#: guard to end before it removes the folder itself, which is then gone or still there.)
_GUARD: Final = """
import os, shutil, signal, subprocess, sys, threading
orphaned = []
child = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, start_new_session=True)
def watch():
    try:
        while os.read(0, 4096):
            pass
    except OSError:
        pass
    orphaned.append(True)
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except OSError:
        pass
threading.Thread(target=watch, daemon=True).start()
code = child.wait()
try:
    os.killpg(child.pid, signal.SIGKILL)  # a helper the converter left behind
except OSError:
    pass
if orphaned:
    shutil.rmtree(sys.argv[1], ignore_errors=True)
sys.exit(code)
"""


def _run(command: list[str], work: Path, timeout: float) -> bytes:
    """Run *command* in *work* under :data:`_GUARD`, within *timeout* seconds; what it wrote
    on standard error."""
    # HOME and TMPDIR inside the private folder: nothing of the run is left elsewhere
    env = {**os.environ, "HOME": str(work), "TMPDIR": str(work), "TMP": str(work)}
    if sys.executable:
        argv = [sys.executable, "-I", "-S", "-c", _GUARD, str(work), *command]
    else:  # pragma: no cover - an embedded interpreter: LibreOffice's own group is killed
        argv = command
    # the pipe the guard watches: this process holds its only writing end (not inherited)
    readable, writable = os.pipe()
    try:
        try:
            process = subprocess.Popen(
                argv,
                stdin=readable,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                cwd=work,
                env=env,
                start_new_session=True,
            )
        except OSError as exc:  # found on PATH, but it does not run
            raise _failed(f"{command[0]} does not run ({exc})") from exc
        finally:
            os.close(readable)
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise UnreadableFileError(
                f"LibreOffice took more than {timeout:g} s to convert the file, and was "
                "stopped: the file is damaged or built to hang its converter",
                code="conversion_timeout",
                expected=_EXPECTED,
            ) from exc
        finally:
            os.close(writable)  # the guard kills the converter, if it still runs
            writable = -1
            _end(process)
    finally:
        if writable >= 0:
            os.close(writable)
    return stderr


def convert_to_odt(
    data: bytes, fmt: str = "doc", *, timeout: float | None = None
) -> tuple[bytes, str]:
    """*data* (a file of format *fmt*: ``doc`` or ``rtf``) converted by LibreOffice to an
    OpenDocument text, and the name of the program that converted it.

    Raises :class:`MissingProgramError` without LibreOffice, :class:`UnreadableFileError` with
    code ``conversion_timeout`` past *timeout* seconds (:data:`CONVERT_TIMEOUT` when None)
    and ``conversion_failed`` when LibreOffice fails or writes no document.
    """
    program = find_soffice()
    if program is None:
        raise missing_soffice()
    limit = CONVERT_TIMEOUT if timeout is None else timeout
    try:
        with tempfile.TemporaryDirectory(prefix="disclosure-parser-soffice-") as tmp:
            work = Path(tmp)
            source = work / f"report{_SUFFIX.get(fmt, '.doc')}"
            source.write_bytes(data)
            profile = work / "profile"
            (profile / "user").mkdir(parents=True)
            (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
            out = work / "out"
            stderr = _run(_command(program, profile, out, source), work, limit)
            converted = out / "report.odt"
            if not converted.is_file() or converted.stat().st_size == 0:
                said = _stderr_tail(stderr)
                raise _failed(
                    "it wrote no document (the file is damaged, password-protected, or no "
                    "text document)" + (f"; it said: {said}" if said else "")
                )
            return converted.read_bytes(), Path(program).name
    except OSError as exc:  # the temporary folder: no space left, no permission …
        raise _failed(f"its temporary folder could not be used ({exc})") from exc


@guarded
def doc_to_text(
    source: bytes | str | os.PathLike[str], fmt: str = "doc", *, timeout: float | None = None
) -> Adapted:
    """The text the parser reads for a Word 97 (.doc), WPS (.wps) or RTF (``fmt="rtf"``) file
    (path or bytes), converted by LibreOffice (see the module docstring), and cell origins.

    Origins give the table (0-based, in document order), row and grid column of each cell in
    the converted document; their format is *fmt*.
    """
    from .odt import odt_to_text

    converted, program = convert_to_odt(file_bytes(source), fmt, timeout=timeout)
    adapted = odt_to_text(converted)
    origins = {
        place: attrs.evolve(origin, format=fmt) if isinstance(origin, Origin) else origin
        for place, origin in adapted.origins.items()
    }
    note = Diagnostic(
        "source",
        "info",
        msg("source.converted", format=fmt.upper(), program=program, target="ODT"),
    )
    # the converted file's own source note (its table count) follows
    return attrs.evolve(
        adapted, origins=origins, format=fmt, diagnostics=(note, *adapted.diagnostics)
    )


def parse_doc(
    source: bytes | str | os.PathLike[str], strict: bool = False, *, fmt: str = "doc"
) -> Report:
    """Parse a report published as a Word 97 (.doc), WPS or RTF file (path or bytes), through
    LibreOffice (see :func:`doc_to_text`); ``strict`` is as for
    :func:`disclosure_parser.parse`."""
    return doc_to_text(source, fmt).parse(strict=strict)
