"""From what the user named (files, folders, glob patterns) to the files to read, each once.

:func:`expand` walks folders recursively and expands glob patterns (``**`` included) itself,
instead of :func:`os.walk` and :func:`glob.glob`: a symbolic link to a folder is followed
once, so a tree whose links form cycles is still read once, and a file reached by two ways
(``big`` and ``./big``, a folder and a link to it) is read once. Files are told apart by
their real path (:func:`key`), which is also what ``--resume`` compares.

File names that are not UTF-8 (possible on Linux, where a name is any bytes) reach Python
as strings holding surrogate code points (PEP 383). They are kept so, since only that form
opens the file; :func:`printable` is the name as text that any file format can hold, each
undecodable byte written ``\\xNN``.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable
from typing import Final

from ..readers.files import BINARY_SUFFIXES, TEXT_SUFFIXES

__all__ = ["READABLE_SUFFIXES", "expand", "key", "printable"]

#: files a directory contributes: those parse_file has a reader for
READABLE_SUFFIXES: Final = (*TEXT_SUFFIXES, *BINARY_SUFFIXES)

_MAGIC: Final = re.compile(r"[*?[]")
#: the code points PEP 383 uses for bytes a file name does not decode
_SURROGATE: Final = re.compile("[\ud800-\udfff]")

PathName = str | bytes | os.PathLike[str] | os.PathLike[bytes]


def printable(text: str) -> str:
    r"""*text* with each byte of a file name that was not UTF-8 written ``\xNN``.

    Names that are valid text are returned unchanged; so is any text without surrogate code
    points. The result can be written to JSON, CSV and Parquet (which need valid Unicode).

    >>> printable("reports/002.txt")
    'reports/002.txt'
    >>> printable(os.fsdecode(b"bad\xffname.txt"))
    'bad\\xffname.txt'
    """
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte (not from a file name)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def key(path: str) -> str:
    """What tells files apart: the real path (absolute, links resolved), as printable text.

    Two spellings of one file (``big/a.txt``, ``./big/a.txt``, an absolute path, a path
    through a link) have one key; :func:`printable` makes the key of a name recorded with
    ``\\xNN`` escapes equal to the key of the file itself.
    """
    return printable(os.path.realpath(path))


def _name(item: PathName) -> str:
    return os.fsdecode(os.fspath(item))


def _identity(path: str) -> tuple[int, int] | None:
    """The (device, inode) of the directory *path* (links followed), or None."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _entries(folder: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except (OSError, ValueError):
        return []


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows a link: a linked folder is walked (once)
    except OSError:
        return False


def _folders(top: str, hidden: bool) -> list[str]:
    """*top* and every folder below it, in sorted order, each real folder once.

    Links to folders are followed, but a folder already visited (by its device and inode) is
    not entered again: a link cycle ends there. *hidden* says whether folders whose name
    starts with a dot are entered (``glob``'s ``**`` skips them; a folder given by name does
    not).
    """
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        identity = _identity(folder)
        if identity is None or identity in seen:
            continue
        seen.add(identity)
        found.append(folder)
        below = [
            e.path
            for e in _entries(folder)
            if (hidden or not e.name.startswith(".")) and _is_dir(e)
        ]
        stack.extend(reversed(below))  # depth first, in name order
    return found


def walk(folder: str) -> list[str]:
    """The files below *folder* that ``parse_file`` has a reader for, sorted.

    A file is anything that is not a folder (a named pipe called ``x.txt`` is listed too, so
    that the run accounts for it; reading it is refused).
    """
    return _walk(folder)[0]


def _walk(folder: str) -> tuple[list[str], dict[str, int]]:
    """:func:`walk`, and the other files' count by suffix (hidden files not counted)."""
    files: list[str] = []
    others: dict[str, int] = {}
    for sub in _folders(folder, hidden=True):
        for entry in _entries(sub):
            if _is_dir(entry):
                continue
            suffix = os.path.splitext(entry.name)[1].lower()
            if suffix in READABLE_SUFFIXES:
                files.append(entry.path)
            elif not entry.name.startswith("."):
                others[suffix] = others.get(suffix, 0) + 1
    return sorted(files), others


def _left_aside(folder: str, others: dict[str, int]) -> str:
    """The note on the files of *folder* no reader reads, so that none goes unmentioned.

    >>> _left_aside("reports", {".json": 2, "": 1})
    'reports: 3 other file(s) left aside, with no reader for .json (2), no suffix (1)'
    """
    count = sum(others.values())
    kinds = ", ".join(
        f"{suffix or 'no suffix'} ({n})"
        for suffix, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return f"{printable(folder)}: {count} other file(s) left aside, with no reader for {kinds}"


def _glob(pattern: str) -> list[str]:
    """The paths *pattern* matches, sorted and normalised.

    ``**`` stands for any depth of folders (none included), each real folder once: a link
    cycle ends, where ``glob.glob`` follows it as deep as the system lets it. A final ``**``
    matches its folder, whose report files :func:`expand` then takes. Names starting with a
    dot match only a pattern that starts with one, as in ``glob``.
    """
    drive, rest = os.path.splitdrive(pattern)
    separators = "/" + (os.altsep or "") + os.sep
    anchor = drive + os.sep if rest[:1] and rest[0] in separators else drive or os.curdir
    parts = [p for p in re.split(f"[{re.escape(separators)}]", rest) if p]
    matches: set[str] = set()
    pending: list[tuple[str, int]] = [(anchor, 0)]
    while pending:
        base, at = pending.pop()
        if at == len(parts):
            if os.path.lexists(base):
                matches.add(os.path.normpath(base))
            continue
        part = parts[at]
        if part == "**":
            if at + 1 == len(parts):
                pending.append((base, at + 1))
            else:
                pending.extend((f, at + 1) for f in _folders(base, hidden=False))
        elif _MAGIC.search(part):
            names = [e.name for e in _entries(base)]
            if not part.startswith("."):
                names = [n for n in names if not n.startswith(".")]
            pending.extend((os.path.join(base, n), at + 1) for n in fnmatch.filter(names, part))
        else:
            pending.append((os.path.join(base, part), at + 1))
    return sorted(matches)


def expand(inputs: Iterable[PathName]) -> tuple[list[str], list[str]]:
    """The files *inputs* name, in order and each once, and notes on inputs that named none.

    A directory gives the files below it that ``parse_file`` has a reader for, sorted
    (linked folders followed once; a note counts the others); a glob pattern
    (``reports/**/*.txt``) its matches, sorted (a matched directory as above); any other
    input is taken as a file name, even if it does not exist (reading it records its error).
    A file named twice, or by two spellings of one real path, is kept once, at its first
    place. Paths are normalised (``./a/b`` is ``a/b``).

    >>> expand(["examples/reports", "no/such/*.txt", "./examples/reports/001.txt"])[0][:2]
    ['examples/reports/000.txt', 'examples/reports/001.txt']
    >>> expand(["no/such/*.txt"])
    ([], ['no/such/*.txt: no file matches the pattern'])
    """
    files: list[str] = []
    seen: set[str] = set()
    notes: list[str] = []

    def add(paths: Iterable[str]) -> None:
        for path in paths:
            path = os.path.normpath(path)
            known = key(path)
            if known not in seen:
                seen.add(known)
                files.append(path)

    for given in inputs:
        item = _name(given)
        if os.path.isdir(item):
            found, others = _walk(item)
            if not found:
                notes.append(f"{printable(item)}: no report file in the directory")
            if others:
                notes.append(_left_aside(item, others))
            add(found)
        elif _MAGIC.search(item) and not os.path.lexists(item):
            matches = _glob(item)
            if not matches:
                notes.append(f"{printable(item)}: no file matches the pattern")
            for match in matches:
                add(walk(match) if os.path.isdir(match) else [match])
        else:
            add([item])
    return files, notes
