"""Scanned reports: pages read by Tesseract OCR (the ``[ocr]`` extra).

A PDF without a text layer and an image file (``.png``, ``.jpg``, ``.tif`` …) are read from
their pictures. Each page is rasterised (pypdfium2 for PDFs; Pillow for images), straightened,
and searched for ruling lines: where lines cross they make a table, its grid is rebuilt from
the lines, and merged cells are the grid slots with no rule between them. Tesseract then reads
the page's prose and, apart, each table cell, cut out of the page and set one under another
on a blank sheet, so that no word of one cell runs into the next. Words come with their boxes
and confidence (Tesseract's TSV output): every cell's ``Origin`` gives its page, table, row,
column, box and confidence. Labels a character or two away from the template's words are
mended to them (:func:`snap`).

OCR never invents a number. Every cell that holds, or may hold, a number is read again by the
English model held to digits (and a third time, by both models, where the two differ); a
number is taken only when two readings give it. Any other value (``9D5``, ``l0``, ``O``,
readings that differ, ink read as nothing) is written with
:data:`~disclosure_parser.parsing.cells.UNREADABLE` in front of what was read: the parser takes
it as a cell whose value is unknown, which the table's sums derive where they force a single
value (``derived``) and which is withheld otherwise. Either way an ``ocr_unreadable`` warning
on its line says what was read and what became of it. Every report read so carries an ``ocr``
info diagnostic. A number both readings get wrong alike is what the table's sums catch:
validation names the cells of every sum it breaks.

Tesseract is a program, not a Python package: without it (or its Chinese data) reading a
scan raises :class:`MissingProgramError`, a :class:`MissingDependencyError` naming the
Debian packages. Without the ``[ocr]`` extra (pypdfium2, Pillow, NumPy) a scanned PDF raises
``no_text_layer`` as before; so does any scan when ``DISCLOSURE_PARSER_OCR=off``.
"""

from __future__ import annotations

import io
import itertools
import multiprocessing
import os
import re
import shutil
import subprocess
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from difflib import SequenceMatcher
from functools import lru_cache
from statistics import median
from typing import TYPE_CHECKING, Final

import attrs

from ..core.errors import MissingDependencyError, ParseError, UnreadableFileError
from ..core.errors import MissingProgramError as _MissingProgramError
from ..core.messages import msg
from ..core.model import Diagnostic, Report
from ..core.positions import table_cells
from ..core.text import fold, has_cjk
from ..parsing.cells import UNREADABLE, classify
from ..parsing.parser import MAX_INPUT_CHARS
from .base import Adapted, SourceCell, SourceTable, TextWriter, cell_text, guarded, line_text

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from PIL.Image import Image

    Mask = NDArray[np.bool_]
    Grey = NDArray[np.uint8]

#: the resolution PDF pages are rasterised at, and images brought up to: Tesseract reads
#: Chinese best with characters some 30–40 pixels high, which 12-point print is at 300 dpi
DPI: Final = 300
LANGUAGES: Final = "chi_sim"
#: a number in a cell read only once (a tall one) is not trusted with less confidence than
#: this (Tesseract's 0–100, the least of its words). Confidence alone is a weak guard (a 6 has
#: been read as 0 at 96): cells of a line's height are read twice instead
MIN_CONFIDENCE: Final = 80.0
#: pages OCR reads of one file: a report scan has a few dozen; a file of hundreds of pages
#: would keep Tesseract busy for an hour
MAX_SCAN_PAGES: Final = 120
#: pixels of a page as read (an A3 page at 300 dpi has 17 million), and its longest side
#: (Tesseract reads no image over 32,767 pixels a side): a larger page, or an image brought up
#: to DPI past these (a long screenshot), is read at a lower resolution instead, in bounded
#: memory (the page's masks and sums take some 25 bytes a pixel)
MAX_PAGE_PIXELS: Final = 25_000_000
MAX_PAGE_SIDE: Final = 32_000
#: pixels of an image file as stored, over which it is refused before it is decoded (a few
#: hundred bytes of PNG can declare ten billion pixels)
MAX_IMAGE_PIXELS: Final = 100_000_000
#: seconds one Tesseract run may take before the page is given up (a hang guard)
_TESSERACT_TIMEOUT: Final = 300
_DEBIAN: Final = "tesseract-ocr tesseract-ocr-chi-sim"
#: characters OCR makes of digits: a value cell made only of these and digits is a number
#: misread, not text
_DIGIT_LIKE: Final = frozenset("0123456789OoQDlIi|!SsZzBbgqGTt,.，。:;'`()[]{}（）【】」「")


#: kept importable from here (it was defined here first): one class, in ``core.errors``, for
#: every program a reader runs (Tesseract here, LibreOffice for .doc files)
MissingProgramError = _MissingProgramError


def _no_tesseract(detail: str = "") -> MissingProgramError:
    """The error for a missing (or broken) Tesseract, naming its Debian packages.

    >>> print(_no_tesseract())  # doctest: +NORMALIZE_WHITESPACE
    reading scanned PDFs and images needs the tesseract program with its Chinese (chi_sim)
    data, which is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim
    (Debian, Ubuntu), or see https://tesseract-ocr.github.io/tessdoc/Installation.html
    """
    return MissingProgramError(
        "tesseract",
        _DEBIAN,
        "scanned PDFs and images",
        detail,
        needs="the tesseract program with its Chinese (chi_sim) data",
        see="https://tesseract-ocr.github.io/tessdoc/Installation.html",
        extra="ocr",
    )


def enabled() -> bool:
    """Whether scans are read by OCR: not when ``DISCLOSURE_PARSER_OCR`` is ``off`` (or
    ``0``, ``no``, ``false``), for runs that would rather skip them."""
    setting = os.environ.get("DISCLOSURE_PARSER_OCR", "").strip().lower()
    return setting not in ("off", "0", "no", "false")


def available() -> bool:
    """Whether the ``[ocr]`` extra (Pillow, NumPy, pypdfium2) is installed."""
    try:
        import numpy  # noqa: F401
        import PIL.Image  # noqa: F401
        import pypdfium2  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=4)
def _tesseract_at(path: str | None) -> tuple[str, str]:
    """The Tesseract command at *path* (found on PATH) and its version; raises
    :class:`MissingProgramError` when it is absent or has no Chinese data."""
    if path is None:
        raise _no_tesseract()
    try:
        done = subprocess.run(
            [path, "--list-langs"], capture_output=True, text=True, timeout=60, check=False
        )
        version = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise _no_tesseract(f" ({path} does not run: {exc})") from exc
    langs = set((done.stdout + done.stderr).split())
    if "chi_sim" not in langs:
        raise _no_tesseract(f" ({path} has no chi_sim data)")
    first = (version.stdout or version.stderr).strip().splitlines()
    return path, first[0] if first else "tesseract"


def tesseract() -> tuple[str, str]:
    """The path of the ``tesseract`` command and its version (``tesseract 5.3.0``)."""
    return _tesseract_at(shutil.which("tesseract"))


# ---------------------------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class Word:
    """A word Tesseract read: its text, box (pixels) and confidence (0–100)."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float
    line: tuple[int, int, int]


def run_tesseract(
    image: Image,
    command: str,
    psm: int = 6,
    languages: str = LANGUAGES,
    options: Sequence[str] = (),
) -> list[Word]:
    """The words of *image* as Tesseract reads them (Chinese and English), with their boxes.

    Tesseract runs with one thread: pages are read in parallel instead (see :func:`ocr_pages`).
    """
    with tempfile.TemporaryDirectory(prefix="dp-ocr-") as folder:
        source = os.path.join(folder, "page.png")
        image.save(source, dpi=(DPI, DPI))
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            done = subprocess.run(
                [
                    command,
                    source,
                    "stdout",
                    "-l",
                    languages,
                    "--psm",
                    str(psm),
                    "--dpi",
                    str(DPI),
                    *options,
                    "tsv",
                ],
                capture_output=True,
                env=env,
                timeout=_TESSERACT_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise UnreadableFileError(
                f"Tesseract took more than {_TESSERACT_TIMEOUT} s over a page and was stopped",
                code="ocr_failed",
            ) from exc
    if done.returncode != 0:
        raise UnreadableFileError(
            f"Tesseract failed on a page: {done.stderr.decode('utf-8', 'replace').strip()}",
            code="ocr_failed",
        )
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[Word]:
    """The words of Tesseract's TSV output.

    >>> row = "5\\t1\\t1\\t1\\t1\\t1\\t10\\t20\\t30\\t40\\t96.5\\t95"
    >>> parse_tsv("level\\tpage_num\\n" + row)
    [Word(text='95', left=10, top=20, right=40, bottom=60, conf=96.5, line=(1, 1, 1))]
    """
    words = []
    for raw in tsv.splitlines()[1:]:
        parts = raw.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not parts[11].strip():
            continue
        try:
            left, top, width, height = (int(p) for p in parts[6:10])
            conf = float(parts[10])
            key = (int(parts[2]), int(parts[3]), int(parts[4]))
        except ValueError:
            continue
        words.append(Word(parts[11].strip(), left, top, left + width, top + height, conf, key))
    return words


def join_words(words: Sequence[Word]) -> str:
    """The text of *words* in reading order: a space only between two Latin letters or
    digits (Chinese is written without spaces; Tesseract cuts it into words all the same).

    >>> w = lambda t, x: Word(t, x, 0, x + 9, 9, 90.0, (1, 1, 1))
    >>> join_words([w("本年新收", 0), w("95", 20), w("件", 40)])
    '本年新收95件'
    >>> join_words([w("12", 0), w("34", 20)])
    '12 34'
    """
    out = ""
    for word in words:
        if (
            out
            and out[-1].isascii()
            and out[-1].isalnum()
            and word.text[0].isascii()
            and (word.text[0].isalnum())
        ):
            out += " "
        out += word.text
    return out


# ---------------------------------------------------------------------------------------------
# Pages: straightening, ruling lines, tables
# ---------------------------------------------------------------------------------------------


def _threshold(grey: Grey) -> int:
    """Otsu's threshold of *grey*: ink below it, paper above."""
    import numpy as np

    hist = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    levels = np.arange(256)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight / total - mean) ** 2 / np.maximum(weight * (total - weight), 1)
    return int(np.argmax(between))


def _skew(image: Image) -> float:
    """The angle (degrees) that straightens *image*'s lines of print, found by projecting the
    ink of a reduced copy on rows: straight lines make the sharpest profile."""
    import numpy as np
    from PIL import Image as PILImage

    small = image.copy()
    small.thumbnail((900, 900))
    grey = np.asarray(small)
    ink = PILImage.fromarray(((grey < _threshold(grey)) * 255).astype(np.uint8))

    def score(angle: float) -> float:
        turned = np.asarray(ink.rotate(angle, resample=PILImage.Resampling.BILINEAR)) > 127
        rows = turned.sum(axis=1).astype(np.float64)
        return float(((rows[1:] - rows[:-1]) ** 2).sum())

    best = max((a / 4 for a in range(-16, 17)), key=score)  # ±4°, quarter degrees
    return max((best + a / 40 for a in range(-10, 11)), key=score)


def _straight(image: Image) -> tuple[Image, float]:
    from PIL import Image as PILImage

    angle = _skew(image)
    if abs(angle) < 0.05:
        return image, 0.0
    turned = image.rotate(angle, resample=PILImage.Resampling.BICUBIC, fillcolor=255)
    return turned, angle


def _runs(mask: Mask, length: int, axis: int) -> Mask:
    """The pixels of *mask* in runs of at least *length* along *axis* (a morphological
    opening with a line): ruling lines, not the strokes of characters."""
    import numpy as np

    m = mask if axis == 1 else mask.T
    c = np.zeros((m.shape[0], m.shape[1] + 1), dtype=np.int32)
    np.cumsum(m, axis=1, out=c[:, 1:])
    full = (c[:, length:] - c[:, :-length]) == length  # a run starts at x: x .. x+length-1
    starts = np.zeros((m.shape[0], m.shape[1] + 1), dtype=np.int32)
    np.cumsum(full, axis=1, out=starts[:, 1 : full.shape[1] + 1])
    starts[:, full.shape[1] + 1 :] = starts[:, full.shape[1] : full.shape[1] + 1]
    # a pixel is on a run when a run starts within length-1 before it
    x = np.arange(m.shape[1])
    lo = np.maximum(x - length + 1, 0)
    covered = (starts[:, x + 1] - starts[:, lo]) > 0
    return covered if axis == 1 else covered.T


@attrs.frozen
class _Segment:
    """A ruling line: at *at* (y of a horizontal line, x of a vertical one), from *start* to
    *end* along it."""

    at: float
    start: int
    end: int


def _segments(lines: Mask, axis: int, gap: int) -> list[_Segment]:
    """The ruling lines of *lines* (a mask of line pixels) along *axis* (1: horizontal): its
    connected pieces (found run by run), then pieces on one line with a gap of at most *gap*
    between them (a faint scan breaks a line) joined."""
    import numpy as np

    m = (lines if axis == 1 else lines.T).astype(np.int8)
    edges = np.diff(np.pad(m, ((0, 0), (1, 1))), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # both in row-major order, so they pair up
    parent: list[int] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    previous: list[tuple[int, int, int]] = []  # (start, end, piece) of the row above
    current: list[tuple[int, int, int]] = []
    last = -2
    for r, s, e in zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True):
        if r != last:
            previous = current if r == last + 1 else []
            current = []
            last = r
        piece = len(parent)
        parent.append(piece)
        for ps, pe, other in previous:
            if ps < e and s < pe:  # the runs touch: one piece
                parent[find(other)] = find(piece)
        current.append((s, e, piece))
    boxes: dict[int, list[int]] = {}
    for i, (r, s, e) in enumerate(zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True)):
        box = boxes.setdefault(find(i), [r, r, s, e])
        box[0], box[1] = min(box[0], r), max(box[1], r)
        box[2], box[3] = min(box[2], s), max(box[3], e)
    pieces = sorted(
        ((r0 + r1) / 2, s, e - 1) for r0, r1, s, e in boxes.values() if r1 - r0 <= 3 * gap
    )
    out: list[_Segment] = []
    for at, s, e in sorted(pieces, key=lambda p: (round(p[0] / gap), p[1])):
        joined = next(
            (
                k
                for k in range(len(out) - 1, max(-1, len(out) - 8), -1)
                if abs(out[k].at - at) <= gap / 2 and s - out[k].end <= gap and e > out[k].end
            ),
            None,
        )
        if joined is None:
            out.append(_Segment(at, s, e))
        else:
            old = out[joined]
            out[joined] = _Segment(old.at, old.start, e)
    return out


def _clusters(values: Iterable[float], tolerance: float) -> list[float]:
    """Sorted positions, those closer than *tolerance* merged into their mean."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tolerance:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


@attrs.frozen
class _Table:
    """A ruled table found on a page: its grid lines and its cells (row, column, spans)."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    #: (row, column, rowspan, colspan) of each cell, in reading order
    cells: tuple[tuple[int, int, int, int], ...]

    @property
    def box(self) -> tuple[int, int, int, int]:
        return int(self.xs[0]), int(self.ys[0]), int(self.xs[-1]), int(self.ys[-1])


def _tables(horizontal: Mask, vertical: Mask, dpi: int) -> list[_Table]:
    """The ruled tables of a page, from the masks of its horizontal and vertical lines."""
    tol = max(4, dpi // 40)
    hs = [s for s in _segments(horizontal, 1, tol) if s.end - s.start >= dpi // 4]
    vs = [s for s in _segments(vertical, 0, tol) if s.end - s.start >= dpi // 12]
    # lines that touch belong to one table (union-find over the crossings)
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.start - tol <= v.at <= h.end + tol and v.start - tol <= h.at <= v.end + tol:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[_Segment], list[_Segment]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    out = []
    for h_lines, v_lines in groups.values():
        if len(h_lines) < 2 or len(v_lines) < 2:
            continue
        table = _grid(h_lines, v_lines, horizontal, vertical, tol)
        if table is not None:
            out.append(table)
    return sorted(out, key=lambda t: t.ys[0])


#: the share of a grid slot's side a rule must run along to part two slots: a faint scan
#: breaks rules a little, while a stroke of a character in a tight row (a third to three fifths
#: of its height) must not cut a cell in two
_RULED: Final = 0.75


def _grid(
    h_lines: list[_Segment], v_lines: list[_Segment], horizontal: Mask, vertical: Mask, tol: int
) -> _Table | None:
    """The grid and cells of one table: rows between its horizontal lines, columns between
    its vertical ones (the outer edges taken from the lines' ends where a border is not
    drawn), cells merged where no rule separates two slots."""
    ys = _clusters([h.at for h in h_lines], 2 * tol)
    # a vertical line counts when it runs into one horizontal line and on into the next at
    # least (a stroke of a character stops short of them); it may run on where a border is not
    # drawn (a table cut by the page's end)
    v_lines = [
        v
        for v in v_lines
        if any(v.start <= a + 2 and v.end >= b - 2 for a, b in itertools.pairwise(ys))
    ]
    if len(v_lines) < 2:
        return None
    left = min(h.start for h in h_lines)
    right = max(h.end for h in h_lines)
    xs = _clusters([left, right, *(v.at for v in v_lines)], 2 * tol)
    top = min(v.start for v in v_lines)
    bottom = max(v.end for v in v_lines)
    ys = _clusters([*ys, top, bottom], 2 * tol)
    if len(xs) < 2 or len(ys) < 2:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1

    def ruled_v(r: int, c: int) -> bool:
        """Whether a vertical rule stands between slots (r, c) and (r, c+1)."""
        x = int(xs[c + 1])
        y0, y1 = int(ys[r]) + tol, int(ys[r + 1]) - tol
        if y1 <= y0:
            return True
        band = vertical[y0:y1, max(0, x - tol) : x + tol + 1]
        return bool(band.any(axis=1).mean() >= _RULED)

    def ruled_h(r: int, c: int) -> bool:
        """Whether a horizontal rule stands between slots (r, c) and (r+1, c)."""
        y = int(ys[r + 1])
        x0, x1 = int(xs[c]) + tol, int(xs[c + 1]) - tol
        if x1 <= x0:
            return True
        band = horizontal[max(0, y - tol) : y + tol + 1, x0:x1]
        return bool(band.any(axis=0).mean() >= _RULED)

    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not ruled_v(r, c):
                parent[find(r * cols + c)] = find(r * cols + c + 1)
            if r + 1 < rows and not ruled_h(r, c):
                parent[find(r * cols + c)] = find((r + 1) * cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for i in range(rows * cols):
        groups.setdefault(find(i), []).append(divmod(i, cols))
    cells: list[tuple[int, int, int, int]] = []
    for slots in groups.values():
        r0, r1 = min(r for r, _ in slots), max(r for r, _ in slots)
        c0, c1 = min(c for _, c in slots), max(c for _, c in slots)
        if len(slots) == (r1 - r0 + 1) * (c1 - c0 + 1):
            cells.append((r0, c0, r1 - r0 + 1, c1 - c0 + 1))
            continue
        # not a rectangle: a rule lost in the scan joined cells that are not one; each row's
        # runs of slots are cells of their own (a cell spanning rows is then cut in rows)
        for r in sorted({r for r, _ in slots}):
            row = sorted(c for q, c in slots if q == r)
            start = row[0]
            for k, c in enumerate(row):
                if k + 1 == len(row) or row[k + 1] != c + 1:
                    cells.append((r, start, 1, c - start + 1))
                    if k + 1 < len(row):
                        start = row[k + 1]
    cells.sort()
    return _Table(tuple(xs), tuple(ys), tuple(cells))


def _rules(tables: Sequence[_Table], horizontal: Mask, vertical: Mask) -> Mask:
    """The pixels of the tables' ruling lines: the long runs on their grid lines only (the
    long strokes of characters, which the runs also hold, stay)."""
    import numpy as np

    out = np.zeros_like(horizontal)
    tol = max(4, DPI // 40)
    for table in tables:
        x0, y0, x1, y1 = table.box
        for y in table.ys:
            band = slice(max(0, int(y) - tol), int(y) + tol + 1)
            out[band, x0 : x1 + 1] |= horizontal[band, x0 : x1 + 1]
        for x in table.xs:
            band = slice(max(0, int(x) - tol), int(x) + tol + 1)
            out[y0 : y1 + 1, band] |= vertical[y0 : y1 + 1, band]
    return out


# ---------------------------------------------------------------------------------------------
# One page
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class _Piece:
    """A cell's ink, cut out of the page: its table, its cell and its box on the page."""

    table: int
    cell: int
    box: tuple[int, int, int, int]


@attrs.frozen
class ReadCell:
    """What OCR made of one table cell: its text and box on the page, its least word
    confidence (None when it held no word), and whether it held ink at all."""

    text: str
    box: tuple[int, int, int, int]
    conf: float | None
    ink: bool
    #: the English model's reading (held to digits) of a cell that may hold a number, and
    #: its confidence
    second: tuple[str, float | None] | None = None
    #: where the first two readings differ, a third by both models, and its confidence
    third: tuple[str, float | None] | None = None


@attrs.frozen
class ReadTable:
    """A table of a page: its grid cells ((row, column, rowspan, colspan)) and their text."""

    top: int
    cells: tuple[tuple[tuple[int, int, int, int], ReadCell], ...]


@attrs.frozen
class ReadLine:
    """A line of prose: its text and where it stands."""

    text: str
    left: int
    top: int
    right: int
    height: int


@attrs.frozen
class ReadPage:
    """Everything OCR read on one page."""

    number: int
    lines: tuple[ReadLine, ...]
    tables: tuple[ReadTable, ...]
    size: tuple[int, int]
    angle: float
    words: int


def read_page(image: Image, number: int, command: str) -> ReadPage:
    """OCR one page (a greyscale image at :data:`DPI`): its prose lines and its tables."""
    import numpy as np
    from PIL import Image as PILImage

    image = image.convert("L")
    # a blank page (a separator, or a file of empty pages) costs Tesseract seconds for nothing:
    # one pixel of ink in a hundred thousand is dust, not print
    if int(np.count_nonzero(np.asarray(image) < 128)) * 100_000 < image.width * image.height:
        return ReadPage(number, (), (), image.size, 0.0, 0)
    image, angle = _straight(image)
    grey = np.asarray(image)
    ink = grey < _threshold(grey)
    # rules: horizontal runs longer than a character of 12-point print is wide (1/7 inch),
    # vertical runs of 1/12 inch at least (rows are short; _grid keeps only the vertical
    # runs that cross from one horizontal rule into the next)
    horizontal = _runs(ink, max(DPI // 7, 20), 1)
    vertical = _runs(ink, max(DPI // 12, 10), 0)
    tables = _tables(horizontal, vertical, DPI)
    lines_mask = _rules(tables, horizontal, vertical)
    clean = np.where(lines_mask, 255, grey).astype(np.uint8)
    ink &= ~lines_mask
    # the page without its tables, for the prose; the cells' ink cut out, to be read alone
    page = clean.copy()
    for table in tables:
        x0, y0, x1, y1 = table.box
        page[max(0, y0 - 2) : y1 + 3, max(0, x0 - 2) : x1 + 3] = 255
    pieces: list[_Piece] = []
    crops: list[Grey] = []
    min_ink = max(12, (DPI // 100) ** 2 * 6)
    inset = max(3, DPI // 60)
    for t, table in enumerate(tables):
        for k, (r, c, rs, cs) in enumerate(table.cells):
            x0, x1 = int(table.xs[c]) + inset, int(table.xs[c + cs]) - inset
            y0, y1 = int(table.ys[r]) + inset, int(table.ys[r + rs]) - inset
            if x1 - x0 < 3 or y1 - y0 < 3:
                continue
            box_ink = _without_edges(ink[y0:y1, x0:x1])
            if int(box_ink.sum()) < min_ink and not _stroke(box_ink):
                continue
            box_ink = _without_specks(box_ink)
            rows_on = np.flatnonzero(box_ink.any(axis=1))
            cols_on = np.flatnonzero(box_ink.any(axis=0))
            bx0, bx1 = x0 + int(cols_on[0]), x0 + int(cols_on[-1]) + 1
            by0, by1 = y0 + int(rows_on[0]), y0 + int(rows_on[-1]) + 1
            crop = clean[by0:by1, bx0:bx1].copy()
            # what is left of the rules goes from the picture too
            crop[ink[by0:by1, bx0:bx1] & ~box_ink[by0 - y0 : by1 - y0, bx0 - x0 : bx1 - x0]] = 255
            pieces.append(_Piece(t, k, (bx0, by0, bx1, by1)))
            crops.append(_upright(crop))
    inked = {(p.table, p.cell) for p in pieces}
    prose = run_tesseract(PILImage.fromarray(page), command)
    texts = _reread(pieces, crops, command, (LANGUAGES, ()))
    # the cells that hold (or should hold) a number are read again by the English model held
    # to digits, and those it reads otherwise a third time by both models (see _value_text)
    values = [
        i
        for i, p in enumerate(pieces)
        if _value_like(texts[(p.table, p.cell)][0], p) and p.box[3] - p.box[1] < DPI // 3
    ]
    second = _reread([pieces[i] for i in values], [crops[i] for i in values], command, _DIGITS)
    split = [
        i
        for i in values
        if _number(texts[(pieces[i].table, pieces[i].cell)][0]) is None
        or _number(texts[(pieces[i].table, pieces[i].cell)][0])
        != _number(second[(pieces[i].table, pieces[i].cell)][0])
    ]
    third = _reread([pieces[i] for i in split], [crops[i] for i in split], command, _BOTH)
    read_tables = []
    for t, table in enumerate(tables):
        cells = []
        for k, spec in enumerate(table.cells):
            r, c, rs, cs = spec
            box = (int(table.xs[c]), int(table.ys[r]), int(table.xs[c + cs]), int(table.ys[r + rs]))
            text, conf = texts.get((t, k), ("", None))
            more = (second.get((t, k)), third.get((t, k)))
            cells.append((spec, ReadCell(text, box, conf, (t, k) in inked, *more)))
        read_tables.append(ReadTable(int(table.ys[0]), tuple(cells)))
    return ReadPage(
        number,
        tuple(_prose_lines(prose)),
        tuple(read_tables),
        (grey.shape[1], grey.shape[0]),
        angle,
        len(prose) + sum(1 for text, _ in texts.values() if text),
    )


def _value_like(text: str, piece: _Piece | None = None) -> bool:
    """Whether *text* is, or may be, a value: a number, a mark, digits and the letters OCR
    makes of them, or (in a cell of *piece*'s size: a line of a few characters) a character or
    two that a number may have been read as."""
    if classify(text)[0] != "text":
        return True
    squeezed = text.replace(" ", "")
    if 0 < len(squeezed) <= 12 and all(ch in _DIGIT_LIKE for ch in squeezed):
        return True
    if piece is None or len(squeezed) > 2:
        return False
    left, top, right, bottom = piece.box
    return right - left < 3 * (bottom - top)


#: the English model held to digits: it confirms a number, and cannot make one of letters
_DIGITS: Final = ("eng", ("-c", "tessedit_char_whitelist=0123456789.,-"))
#: the third reading, of the cells the first two disagree on: both models, no restriction
_BOTH: Final = ("chi_sim+eng", ())


def _reread(
    pieces: Sequence[_Piece],
    crops: Sequence[Grey],
    command: str,
    model: tuple[str, Sequence[str]],
) -> dict[tuple[int, int], tuple[str, float | None]]:
    """Another reading of each of *pieces* (cells cut out of the page, set one under
    another), by *model* (languages and options)."""
    import numpy as np
    from PIL import Image as PILImage

    if not pieces:
        return {}
    pad = DPI // 15
    languages, options = model
    found: dict[int, list[Word]] = {}
    # one under another on sheets no taller than Tesseract takes (32767 pixels)
    start = 0
    while start < len(crops):
        placed: list[tuple[int, int, int, int, int]] = []  # crop, left, top, right, bottom
        y = pad
        end = start
        while end < len(crops) and (not placed or y + crops[end].shape[0] + pad < 30000):
            h, w = crops[end].shape
            placed.append((end, pad, y, pad + w, y + h))
            y += h + 3 * pad
            end += 1
        width = max(crops[i].shape[1] for i in range(start, end)) + 2 * pad
        sheet = np.full((y, width), 255, dtype=np.uint8)
        for i, left, top, right, bottom in placed:
            sheet[top:bottom, left:right] = crops[i]
        words = run_tesseract(
            PILImage.fromarray(sheet), command, languages=languages, options=options
        )
        for word in words:
            cx, cy = (word.left + word.right) / 2, (word.top + word.bottom) / 2
            for i, left, top, right, bottom in placed:
                if left - pad <= cx <= right + pad and top - pad <= cy <= bottom + pad:
                    found.setdefault(i, []).append(word)
                    break
        start = end
    out: dict[tuple[int, int], tuple[str, float | None]] = {}
    for i, piece in enumerate(pieces):
        ws = sorted(found.get(i, []), key=lambda w: (w.line, w.left))
        out[(piece.table, piece.cell)] = (_cell_words(ws), min((w.conf for w in ws), default=None))
    return out


def _upright(crop: Grey) -> Grey:
    """*crop* with text printed top to bottom (a narrow cell: 本年度办理结果 one character
    under another) set on one line, character by character, as Tesseract reads best."""
    import numpy as np

    height, width = crop.shape
    if height < 3 * width or width > DPI // 4:
        return crop
    rows = np.flatnonzero((crop < 128).any(axis=1))
    if not len(rows):
        return crop
    # characters are square: cut where a run of ink rows is as tall as the column is wide
    chars: list[tuple[int, int]] = []
    start = end = int(rows[0])
    for r in rows[1:].tolist():
        if r - end > 1 and end - start + 1 >= 0.6 * width:
            chars.append((start, end + 1))
            start = r
        end = r
    chars.append((start, end + 1))
    size = max(b - a for a, b in chars)
    line = np.full((size, len(chars) * (width + DPI // 30)), 255, dtype=np.uint8)
    for k, (a, b) in enumerate(chars):
        x = k * (width + DPI // 30)
        line[: b - a, x : x + width] = crop[a:b]
    return line


def _pieces(mask: Mask) -> list[tuple[int, int, int, int, int]]:
    """The connected pieces of *mask* (8-connected), each as (area, top, left, bottom,
    right), found run by run."""
    import numpy as np

    edges = np.diff(np.pad(mask.astype(np.int8), ((0, 0), (1, 1))), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    previous: list[tuple[int, int, int]] = []
    current: list[tuple[int, int, int]] = []
    last = -2
    runs = list(zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True))
    for i, (r, s, e) in enumerate(runs):
        if r != last:
            previous = current if r == last + 1 else []
            current, last = [], r
        for ps, pe, j in previous:
            if ps <= e and s <= pe:  # touching, corners included
                parent[find(j)] = find(i)
        current.append((s, e, i))
    boxes: dict[int, list[int]] = {}
    for i, (r, s, e) in enumerate(runs):
        box = boxes.setdefault(find(i), [0, r, s, r, e])
        box[0] += e - s
        box[1], box[2] = min(box[1], r), min(box[2], s)
        box[3], box[4] = max(box[3], r), max(box[4], e)
    return [(a, t, left, b, right) for a, t, left, b, right in boxes.values()]


def _stroke(box: Mask) -> bool:
    """Whether *box* (the ink of a cell, too little to be print by its count) holds a
    stroke as tall as a small digit: a "1" in 10-point print is a bar of some 50 pixels at
    300 dpi, under the count that tells print from dust (a "0" has twice as many), while
    dust is specks, small every way."""
    tall = max(DPI // 20, 4)
    small = max(8, (DPI // 100) ** 2 * 3)
    return any(area >= small and b - t + 1 >= tall for area, t, _, b, _ in _pieces(box))


def _without_specks(box: Mask) -> Mask:
    """*box* (the ink of a cell) without the specks of a dirty scan: small pieces of ink
    that stand away from the cell's characters (a decimal point, small too, stands among
    them and stays)."""
    pieces = _pieces(box)
    small = max(8, (DPI // 100) ** 2 * 3)
    large = [p for p in pieces if p[0] >= small]
    if not large or len(large) == len(pieces):
        return box
    top = min(p[1] for p in large)
    left = min(p[2] for p in large)
    bottom = max(p[3] for p in large)
    right = max(p[4] for p in large)
    reach = max(3, DPI // 30)
    out: Mask = box.copy()
    for area, t, lft, b, rgt in pieces:
        away = b < top - reach or t > bottom + reach or rgt < left - reach or lft > right + reach
        if area < small and away:
            out[t : b + 1, lft:rgt] = False
    return out


def _without_edges(box: Mask) -> Mask:
    """*box* (the ink of a cell) without what is left of its rules: a thin stroke along an
    edge that runs most of the edge's length (a rule slightly off the grid, a shadow)."""
    box = box.copy()
    reach = max(3, DPI // 30)
    height, width = box.shape
    for edge in (slice(0, reach), slice(max(0, width - reach), width)):
        strip = box[:, edge]
        long = strip.sum(axis=0) > 0.6 * height
        strip[:, long] = False
        box[:, edge] = strip
    for edge in (slice(0, reach), slice(max(0, height - reach), height)):
        strip = box[edge, :]
        long = strip.sum(axis=1) > 0.6 * width
        strip[long, :] = False
        box[edge, :] = strip
    return box


def _cell_words(words: list[Word]) -> str:
    """A cell's text: its lines (by Tesseract's line numbers) joined as :func:`cell_text`
    joins the lines of a cell."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    return cell_text(join_words(ws) for ws in lines.values())


def _prose_lines(words: list[Word]) -> Iterator[ReadLine]:
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    for ws in lines.values():
        ws.sort(key=lambda w: w.left)
        text = line_text(join_words(ws))
        if not text:
            continue
        top = min(w.top for w in ws)
        height = int(median(w.bottom - w.top for w in ws))
        yield ReadLine(text, ws[0].left, top, max(w.right for w in ws), height)


# ---------------------------------------------------------------------------------------------
# Pages to blocks and text
# ---------------------------------------------------------------------------------------------

_NUMBERED: Final = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十\d]{1,3}[部章节条项])"
)


def _paragraphs(lines: Sequence[ReadLine]) -> list[tuple[int, str]]:
    """Lines of prose joined into paragraphs: a line that reaches the right margin runs on
    into the next, unless that one is indented or numbered. (top, text) each."""
    if not lines:
        return []
    left = min(ln.left for ln in lines)
    right = sorted(ln.right for ln in lines)[int(len(lines) * 0.9)]
    out: list[tuple[int, str]] = []
    previous: ReadLine | None = None
    for line in lines:
        runs_on = (
            previous is not None
            and previous.right >= right - 1.5 * previous.height
            and line.left <= left + 0.8 * line.height
            and not _NUMBERED.match(line.text)
            and line.top - (previous.top + previous.height) < 1.5 * line.height
        )
        if runs_on and out:
            out[-1] = (out[-1][0], out[-1][1] + line.text)
        else:
            out.append((line.top, line.text))
        previous = line
    return out


@attrs.frozen
class Unreadable:
    """A value cell OCR could not read as a number: what it read, where, and why."""

    read: str
    page: int
    box: tuple[int, int, int, int]
    conf: float | None
    why: str


def _number(text: str) -> object:
    """The number *text* is cleanly, or None."""
    state, value, _ = classify(text)
    return value if state == "number" else None


def _value_text(cell: ReadCell, in_values: bool) -> tuple[str, str | None]:
    """The text to write for *cell*, and why it is unreadable (None when it is not).

    A cell that may hold a number is read twice, by the Chinese model and by the English
    model held to digits: its number is trusted when both give it, or when a third reading
    (by both models, free to read letters) gives the number the second gave, or the one the
    first gave where the second read nothing at all. Read once (a tall cell), a number needs
    :data:`MIN_CONFIDENCE`. Any other value (readings that differ, digits mixed with letters,
    a number read with little confidence, ink read as nothing in the value columns) is
    written after the :data:`UNREADABLE` mark, with what was read.
    """
    text = cell.text
    if cell.second is None:
        if not text:
            return (UNREADABLE, "nothing") if cell.ink and in_values else ("", None)
        if not _value_like(text):
            return text, None
        if _number(text) is None:
            if classify(text)[0] != "text":
                return text, None  # a blank or a mark
            if in_values or any(ch.isdigit() for ch in text):
                return UNREADABLE + text, "not_a_number"
            return text, None
        if cell.conf is None or cell.conf < MIN_CONFIDENCE:
            return UNREADABLE + text, "confidence"
        return text, None
    other = cell.second[0]
    third = cell.third[0] if cell.third is not None else None
    if has_cjk(text) and (not in_values or text in _WORDS):
        return text, None  # a word: outside the values, or one of the template's (规章)
    first, second = _number(text), _number(other)
    if first is not None and first == second:
        return text, None
    if third is not None and second is not None and _number(third) == second:
        return third, None  # two readings agree, one of them free to read letters
    if third is not None and first is not None and not other and _number(third) == first:
        # the digits-only model saw no number where both others read the same one (a thin
        # "1" it reads as nothing): two readings give it, and none gives another
        return text, None
    if not text and not (cell.ink and in_values):
        return "", None  # a header Tesseract could not read (vertical text, say)
    if (
        text
        and first is None
        and second is None
        and classify(text)[0] == "na"
        and (not other or classify(other)[0] in ("na", "blank"))
    ):
        return text, None  # a mark ("/", "—") the digits-only reading finds no number in
    readings = [r for r in dict.fromkeys((text, other, third or "")) if r]
    # the main reading a number the others do not confirm, or no number at all
    why = "disagree" if first is not None else "not_a_number"
    if not text and not readings:
        why = "nothing"
    return UNREADABLE + " / ".join(readings), why


def _vocabulary() -> tuple[tuple[str, str], ...]:
    """The words the tables' labels and headers are printed in (the official templates):
    (key for comparing, the words)."""
    from ..core import keys

    words = {
        *keys.ROW_LABELS.values(),
        *(label for _, label in keys.ITEMS.values()),
        *(name for columns in keys.ITEM_COLUMNS.values() for c in columns.values() for name in c),
        *keys.COLUMN_LABELS.values(),
        *keys.GROUP_LABELS.values(),
        *keys.OUTCOME_LABELS.values(),
        *(f"第二十条第（{n}）项" for n in keys.CHINESE_NUMERALS),
        "信息内容",
        "行政规范性文件",
        "申请人情况",
        "三、本年度办理结果",
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
        "（七）总计",
        "行政诉讼",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    }
    return tuple((_comparable(w), w) for w in sorted(words))


_BRACKETS: Final = str.maketrans("〈《<{[【「『〔（〉》>}]】」』〕）", "(" * 10 + ")" * 10)


def _comparable(text: str) -> str:
    return fold(text).translate(_BRACKETS).replace("，", ",").replace("：", ":")


_VOCABULARY: Final = _vocabulary()
#: the template's words as printed
_WORDS: Final = frozenset(words for _, words in _VOCABULARY)


def _row_labels() -> frozenset[str]:
    from ..core import keys

    return frozenset((*keys.ROW_LABELS.values(), *(label for _, label in keys.ITEMS.values())))


#: the labels of the tables' rows (a row so labelled holds values)
_ROW_LABELS: Final = _row_labels()


@lru_cache(maxsize=4096)
def snap(text: str) -> str:
    """*text*, a label or header as OCR read it, as the template prints it when it is one of
    the template's words with a character or two misread; else as read. Only labels are
    mended: numbers never are.

    >>> snap("7.属于行政执法案郑"), snap("二、-_-年结转政府信息公开申请数量"), snap("某某情况说明")
    ('7.属于行政执法案卷', '二、上年结转政府信息公开申请数量', '某某情况说明')
    """
    key = _comparable(text)
    if len(key) < 4 or not has_cjk(key):
        return text
    scored = []
    for known, words in _VOCABULARY:
        if abs(len(known) - len(key)) > max(2, len(known) // 4):
            continue
        scored.append((SequenceMatcher(None, key, known, autojunk=False).ratio(), words))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < 0.6:
        return text
    # a close match, or a looser one that no other word comes near
    margin = 0.08 if scored[0][0] >= 0.75 else 0.2
    if len(scored) > 1 and scored[1][0] > scored[0][0] - margin:
        return text  # two of the template's words fit as well: keep what was read
    return scored[0][1]


def _source_table(
    table: ReadTable, page: int
) -> tuple[SourceTable, dict[tuple[int, int], tuple[ReadCell, str | None]]]:
    """A page's table as the writer takes it (a row per grid row), and by (row, column) each
    cell as read with why it is unreadable (None when it is not)."""
    count = max((r + rs for (r, _, rs, _), _ in table.cells), default=0)
    by_row: list[list[tuple[tuple[int, int, int, int], ReadCell]]] = [[] for _ in range(count)]
    for spec, cell in table.cells:
        by_row[spec[0]].append((spec, cell))
    # the value columns: from the leftmost column holding a number
    first = min(
        (s[1] for s, c in table.cells if c.text and classify(c.text)[0] == "number"),
        default=count * 1000,
    )
    rows: list[tuple[SourceCell, ...]] = []
    read: dict[tuple[int, int], tuple[ReadCell, str | None]] = {}
    for r, entries in enumerate(by_row):
        entries.sort(key=lambda e: e[0][1])
        # a row of values: it holds a number, or its label is one of the template's rows
        data_row = any(c.text and classify(c.text)[0] == "number" for _, c in entries) or any(
            snap(c.text) in _ROW_LABELS for _, c in entries
        )
        cells: list[SourceCell] = []
        # decided from the right: a cell is a value in a value column, or when only values
        # (as decided) follow it (table C's row of numbers, whose first may be misread)
        values_after = True
        for (_, col, rs, cs), cell in reversed(entries):
            in_values = data_row and (col >= first or (bool(cells) and values_after))
            text, why = _value_text(cell, in_values)
            if why is None and classify(text)[0] == "text":
                text = snap(text)
            values_after = values_after and _value_like(text)
            read[(r, col)] = (cell, why)
            cells.insert(0, SourceCell(text, col, rs, cs, page))
        rows.append(tuple(cells))
    return SourceTable(tuple(rows)), read


@attrs.frozen
class ScanAdapted(Adapted):
    """The text OCR made of a scan, its origins, and the cells it could not read (by the
    (line, column) of the text): :meth:`parse` puts an ``ocr_unreadable`` warning on each."""

    unreadable: Mapping[tuple[int, int], Unreadable] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    def parse(self, strict: bool = False, *, max_chars: int | None = MAX_INPUT_CHARS) -> Report:
        """Parse :attr:`text` as :meth:`Adapted.parse` does, then say of every cell OCR could
        not read what was read and whether the table's sums gave it a value (``derived``) or
        it is withheld. With ``strict=True`` such a cell raises ``ocr_unreadable``."""
        if strict and self.unreadable:
            (line, column), first = min(self.unreadable.items())
            raise ParseError(
                f"OCR could not read a number on page {first.page}: {first.read!r}",
                self.text,
                _offset(self.text, line, column),
                code="ocr_unreadable",
            )
        report = Adapted.parse(self, strict, max_chars=max_chars)
        return _with_outcomes(report, self.unreadable, len(self.diagnostics))


def _write(
    pages: Sequence[ReadPage], fmt: str
) -> tuple[TextWriter, dict[tuple[int, int], Unreadable]]:
    """The pages' paragraphs and tables written as the parser's text; each table cell's
    origin given its box and confidence; the unreadable cells by (line, column)."""
    writer = TextWriter(fmt)
    marks: dict[tuple[int, int], Unreadable] = {}
    for page in pages:
        items: list[tuple[int, str | ReadTable]] = list(_paragraphs(page.lines))
        items.extend((t.top, t) for t in page.tables)
        items.sort(key=lambda item: item[0])
        for _, item in items:
            if isinstance(item, str):
                writer.paragraph(item)
                continue
            source, read = _source_table(item, page.number)
            index = writer.tables
            before = set(writer.origins)
            writer.table(source)
            for key in set(writer.origins) - before:
                origin = writer.origins[key]
                if origin.table != index or origin.row is None or origin.cell is None:
                    continue
                found = read.get((origin.row, origin.cell))
                if found is None:
                    continue
                cell, why = found
                writer.origins[key] = attrs.evolve(origin, box=cell.box, confidence=cell.conf)
                if why is not None:
                    marks[key] = Unreadable(cell.text, page.number, cell.box, cell.conf, why)
    return writer, marks


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------


#: PDFium may not be called from two threads at once, even on two documents
_PDFIUM: Final = threading.Lock()


def _pdf_images(data: bytes) -> tuple[int, Callable[[int], Image]]:
    """The number of pages of the PDF *data*, and a function rasterising page i (0-based) in
    grey at :data:`DPI` (one page at a time: the OCR of pages runs in parallel, not this)."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        pdf = pdfium.PdfDocument(data)
        count = len(pdf)
    _check_pages(count)

    def render(i: int) -> Image:
        with _PDFIUM:
            page = pdf[i]
            width, height = page.get_size()
            scale = _bounded_scale(abs(width), abs(height), DPI / 72)
            bitmap = page.render(scale=scale, grayscale=True)
            image: Image = bitmap.to_pil().convert("L")
        return image

    return count, render


def _image_frames(data: bytes) -> list[Image]:
    """The pages of an image file (a TIFF may hold several) in grey, brought up to about
    :data:`DPI` where they were scanned at less (the resolution the file states, else the
    width of an A4 page)."""
    from PIL import Image as PILImage
    from PIL import ImageSequence, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow warns of a large image as it opens it; the size is checked just below
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            source = PILImage.open(io.BytesIO(data))
        # the header alone, before a pixel is decoded
        width, height = source.size
        if width * height > MAX_IMAGE_PIXELS:
            raise UnreadableFileError(
                f"the image has {width * height:,} pixels ({width} x {height}), over the "
                f"limit of {MAX_IMAGE_PIXELS:,}",
                code="image_too_large",
                expected="a scan of a report's pages",
            )
        _check_pages(getattr(source, "n_frames", 1))
        frames = [frame.convert("L") for frame in ImageSequence.Iterator(source)]
        dpi = source.info.get("dpi")
    except UnreadableFileError:
        raise
    except PILImage.DecompressionBombError as exc:
        raise UnreadableFileError(
            f"the image declares more pixels than it could hold ({exc})",
            code="image_too_large",
            expected="a scan of a report's pages",
        ) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise UnreadableFileError(
            f"the file is not a readable image ({type(exc).__name__}: {exc})",
            code="corrupt_file",
            expected="a PNG, JPEG or TIFF image",
        ) from exc
    out = []
    for frame in frames:
        stated = float(dpi[0]) if dpi and dpi[0] and float(dpi[0]) > 30 else None
        # an A4 page is 8.27 inches wide: a page-sized scan says its own resolution
        resolution = stated or frame.width / 8.27
        scale = _bounded_scale(frame.width, frame.height, DPI / resolution)
        if scale > 1.15 or scale < 1.0:
            size = (max(1, round(frame.width * scale)), max(1, round(frame.height * scale)))
            frame = frame.resize(size, PILImage.Resampling.LANCZOS)
        out.append(frame)
    return out


def _check_pages(count: int) -> None:
    if count > MAX_SCAN_PAGES:
        raise UnreadableFileError(
            f"the scan has {count:,} pages, over the limit of {MAX_SCAN_PAGES} read by OCR",
            code="too_many_scanned_pages",
            expected="a scan of a report (a few dozen pages)",
        )


def _bounded_scale(width: float, height: float, scale: float) -> float:
    """*scale*, made smaller where a *width* x *height* page would have more than
    :data:`MAX_PAGE_PIXELS` at it: a huge page is read at a lower resolution, in bounded
    memory, rather than not at all."""
    area = max(width * height, 1.0)
    if area * scale * scale > MAX_PAGE_PIXELS:
        scale = (MAX_PAGE_PIXELS / area) ** 0.5
    return float(min(scale, MAX_PAGE_SIDE / max(width, height, 1.0)))


def _workers(pages: int) -> int:
    """Pages read at once: one per core for a file read alone; in a worker of
    :func:`~disclosure_parser.output.pool.imap` (``batch``, ``read_reports``), whose pool
    already reads a file per worker, the worker's share of the cores (all of them for one
    scan read alone, one each where there are as many files as cores), so that the pages of a
    scan are read in parallel and the cores are never oversubscribed."""
    if multiprocessing.current_process().daemon:
        # a worker's share of the cores, which its pool sets (output.pool.WORKER_CORES)
        share = os.environ.get("DISCLOSURE_PARSER_WORKER_CORES", "1")
        return max(1, min(pages, int(share) if share.isdigit() else 1))
    if hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:  # pragma: no cover - macOS, Windows
        cores = os.cpu_count() or 1
    return max(1, min(pages, cores))


def ocr_pages(count: int, image: Callable[[int], Image], command: str) -> list[ReadPage]:
    """Read pages 1..*count* (``image(i)`` gives page i+1), in parallel (see
    :func:`_workers`)."""

    def one(i: int) -> ReadPage:
        return read_page(image(i), i + 1, command)

    workers = _workers(count)
    if workers == 1:
        return [one(i) for i in range(count)]
    with ThreadPoolExecutor(workers, thread_name_prefix="dp-ocr") as pool:
        return list(pool.map(one, range(count)))


def _adapted(pages: list[ReadPage], fmt: str, version: str) -> ScanAdapted:
    if not any(page.words for page in pages):
        what = "the PDF has no text layer, and OCR" if fmt == "pdf" else "OCR"
        raise UnreadableFileError(
            f"{what} ({version}) found no text on its {len(pages)} page(s)",
            code="no_text_layer",
            expected="a scan of a report: pages of printed text",
        )
    writer, marks = _write(pages, fmt)
    angles = [page.angle for page in pages if page.angle]
    note = Diagnostic(
        "ocr",
        "info",
        msg(
            "ocr",
            pages=len(pages),
            engine=version,
            languages=f"{LANGUAGES}, {_DIGITS[0]}",
            dpi=DPI,
            tables=writer.tables,
            unreadable=len(marks),
            straightened=len(angles),
        ),
    )
    plain = writer.adapted([note])
    return ScanAdapted(plain.text, plain.origins, plain.format, plain.diagnostics, marks)


@guarded
def scan_to_text(data: bytes) -> ScanAdapted:
    """The text the parser reads for a PDF without a text layer (its bytes), by OCR."""
    command, version = tesseract()
    try:
        count, image = _pdf_images(data)
    except UnreadableFileError:
        raise
    except Exception as exc:
        raise UnreadableFileError(
            f"the PDF's pages could not be rasterised ({type(exc).__name__}: {exc})",
            code="corrupt_file",
        ) from exc
    return _adapted(ocr_pages(count, image, command), "pdf", version)


@guarded
def image_to_text(source: bytes | str | os.PathLike[str]) -> ScanAdapted:
    """The text the parser reads for an image file (path or bytes), by OCR."""
    if not available():
        raise MissingDependencyError("ocr", "Pillow and NumPy", "scanned reports (images)")
    command, version = tesseract()
    if isinstance(source, bytes):
        data = source
    else:
        with open(source, "rb") as handle:
            data = handle.read()
    frames = _image_frames(data)
    return _adapted(ocr_pages(len(frames), frames.__getitem__, command), "image", version)


def ocr_fallback(data: bytes, error: UnreadableFileError) -> ScanAdapted | None:
    """The OCR of a PDF that raised ``no_text_layer``, or None where OCR is not to be had:
    the ``[ocr]`` extra is not installed, or ``DISCLOSURE_PARSER_OCR=off``. Raises
    :class:`MissingProgramError` when the extra is there but Tesseract is not."""
    if error.code != "no_text_layer" or not enabled() or not available():
        return None
    return scan_to_text(data)


# ---------------------------------------------------------------------------------------------
# Parsing what OCR read
# ---------------------------------------------------------------------------------------------


def _with_outcomes(
    report: Report, unreadable: Mapping[tuple[int, int], Unreadable], after: int
) -> Report:
    """*report* with an ``ocr_unreadable`` warning for each unreadable cell, after the
    reader's first *after* diagnostics."""
    by_position = {(c.line, c.column): c for c in table_cells(report) if c.line is not None}
    notes = []
    for (line, column), mark in sorted(unreadable.items()):
        cell = by_position.get((line, column))
        if cell is not None and cell.derived and cell.value is not None:
            outcome = msg("part.ocr.derived", value=cell.value)
        elif cell is not None:
            outcome = msg("part.ocr.withheld")
        else:
            outcome = msg("part.ocr.unused")
        read = msg(f"part.ocr.{mark.why}", read=mark.read, conf=_conf(mark.conf))
        message = msg(
            "ocr_unreadable", page=mark.page, box=list(mark.box), read=read, outcome=outcome
        )
        notes.append(Diagnostic("ocr_unreadable", "warning", message, line, column))
    diagnostics = (*report.diagnostics[:after], *notes, *report.diagnostics[after:])
    return attrs.evolve(report, diagnostics=diagnostics)


def _conf(conf: float | None) -> str:
    return "-" if conf is None else f"{conf:.0f}"


def _offset(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1
