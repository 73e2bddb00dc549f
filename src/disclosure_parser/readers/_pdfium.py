"""A PDF page as the PDF reader needs it, read through pdfium (pypdfium2, the ``pdf`` extra).

pdfium gives each character with its box and each path object (the ruling lines of tables);
this module turns them into the page model of :mod:`disclosure_parser.readers.pdf`:

* characters with pdfplumber's geometry (origin top-left, y downwards; ``x0``/``x1`` from the
  advance width, ``bottom`` from the baseline and the font's descent, ``top`` one font size
  above), duplicates drawn twice at one place removed (:func:`dedupe`);
* the ruled tables of the page (:func:`find_tables`): pdfplumber's lattice algorithm (edges
  snapped and joined, their intersections, the smallest cell at each intersection, tables as
  cells sharing corners), written to run in near-linear time (pdfplumber's took seconds on a
  ruled grid of 100 by 100 cells);
* text lines (:func:`text_lines`) and a table cell's text (:func:`extract_text`) as
  pdfplumber's word and line clustering gives them (``x_tolerance`` 1.5, ``y_tolerance`` 3).

The previous reader ran pdfplumber on pdfminer, a hundred times slower; reading the same
geometry keeps every table, cell and line where it was.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import math
import re
import struct
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import Any, Final, NamedTuple, cast

from ..core.errors import UnreadableFileError


class Char(NamedTuple):
    """One character: its text and box (points, y downwards), font size and identity."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    #: the font (pdfium's handle): characters of different fonts are never duplicates
    font: int
    upright: bool


class Edge(NamedTuple):
    """A horizontal ("h") or vertical ("v") ruling line segment."""

    x0: float
    top: float
    x1: float
    bottom: float
    orientation: str


class Clipped(NamedTuple):
    """A horizontal ruling edge drawn under a clipping path, and the x-range the clip leaves
    visible (Chromium clips a page's content to its margins, and draws a rule that runs past
    them whole: the clip hides its end)."""

    top: float
    x0: float
    x1: float
    left: float
    right: float


class Page(NamedTuple):
    """What the reader uses of one page."""

    chars: list[Char]
    edges: list[Edge]
    images: int
    #: characters whose font has no map to Unicode
    undecodable: int
    #: the x-range of the page (its crop box), or None for a rotated page
    box: tuple[float, float] | None = None
    #: the clipped horizontal edges, by their top (most pages have none)
    clipped: tuple[Clipped, ...] = ()


#: the most characters one page may hold: a dense A4 page of 6-point text holds some 20,000
MAX_PAGE_CHARS: Final = 100_000
#: the most objects (text runs, paths, images, forms and what forms hold) one page may hold
MAX_PAGE_OBJECTS: Final = 200_000
#: the most path segments one page may draw (ruling lines are a few thousand)
MAX_PAGE_SEGMENTS: Final = 400_000

_LIGATURES: Final = {
    "ﬀ": "ff",
    "ﬃ": "ffi",
    "ﬄ": "ffl",
    "ﬁ": "fi",
    "ﬂ": "fl",
    "ﬆ": "st",
    "ﬅ": "st",
}
_LIGATURE: Final = re.compile("[" + "".join(_LIGATURES) + "]")


def _too_complex(code: str, message: str) -> UnreadableFileError:
    return UnreadableFileError(
        message,
        code=code,
        expected="a PDF whose pages hold a report's text and tables",
    )


# ---------------------------------------------------------------------------------------------
# Reading a page through pdfium
# ---------------------------------------------------------------------------------------------


def read_page(raw: Any, page: Any, textpage: Any, number: int) -> Page:
    """The characters, ruling lines and image count of a loaded page.

    *raw* is ``pypdfium2.raw``; *page* and *textpage* are pdfium's handles. Raises
    :class:`UnreadableFileError` (codes ``too_many_objects``, ``too_many_chars``) when the
    page holds more than a page of a report can.
    """
    height = raw.FPDF_GetPageHeightF(page)
    edges, images, clipped = _page_paths(raw, page, height, number)
    chars, undecodable = _page_chars(raw, textpage, height, number)
    return Page(chars, edges, images, undecodable, _page_box(raw, page), clipped)


def _page_box(raw: Any, page: Any) -> tuple[float, float] | None:
    """The left and right edges of the page as printed (its crop box), None where the page is
    rotated (its x is then not the printed page's)."""
    if raw.FPDFPage_GetRotation(page) % 4:
        return None
    box = raw.FS_RECTF()
    if not raw.FPDF_GetPageBoundingBox(page, box):
        return None
    left, right = sorted((box.left, box.right))
    return (left, right) if right - left > 1 else None


class _Handle(ctypes.c_void_p):
    """A handle pdfium returned, kept a ctypes pointer: ctypes turns a returned
    :class:`ctypes.c_void_p` into an ``int`` but a subclass of it not, and an untyped
    function (:class:`_Api`) takes it as it is."""


#: an ``FS_MATRIX`` (a, b, c, d, e, f) read at once
_MATRIX: Final = cast("Callable[[Any], tuple[float, ...]]", struct.Struct("6f").unpack_from)


class _Api:
    """pdfium's functions the page reader calls per character and per path segment.

    They take plain arguments instead of pypdfium2's typed pointers, whose conversions cost
    more than pdfium's work. The hottest ones (``*_u``) declare no argument types at all, so
    that ctypes converts nothing: they must be given an ``int`` for a C ``int`` and a
    :class:`ctypes.c_void_p`, a ``byref`` or a :class:`_Handle` for a pointer, nothing else
    (an ``int`` for a pointer would be cut to 32 bits). The others declare their argument
    types and take a handle as an integer address or a :class:`_Handle`.
    """

    def __init__(self, raw: Any) -> None:
        vp, i, d, f = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_float

        def proto(function: Any, restype: Any, *argtypes: Any) -> Any:
            address = ctypes.cast(function, ctypes.c_void_p).value or 0
            # a Python API prototype keeps the GIL: each call is far shorter than releasing
            # it and taking it back (pdfium calls nothing back)
            return ctypes.PYFUNCTYPE(restype, *argtypes)(address)

        self.matrix = proto(raw.FPDFText_GetMatrix, i, vp, i, vp)
        self.font_size = proto(raw.FPDFText_GetFontSize, d, vp, i)
        self.font = proto(raw.FPDFTextObj_GetFont, vp, vp)
        self.descent = proto(raw.FPDFFont_GetDescent, i, vp, f, vp)
        self.glyph_width = proto(raw.FPDFFont_GetGlyphWidth, i, vp, ctypes.c_uint32, f, vp)
        self.count_objects = proto(raw.FPDFPage_CountObjects, i, vp)
        self.form_count = proto(raw.FPDFFormObj_CountObjects, i, vp)
        # a prototype without argument types: ctypes passes the arguments as they come
        self.text_object_u = proto(raw.FPDFText_GetTextObject, vp)
        self.loose_box_u = proto(raw.FPDFText_GetLooseCharBox, i)
        self.origin_u = proto(raw.FPDFText_GetCharOrigin, i)
        self.matrix_u = proto(raw.FPDFText_GetMatrix, i)
        self.font_size_u = proto(raw.FPDFText_GetFontSize, d)
        self.map_error_u = proto(raw.FPDFText_HasUnicodeMapError, i)
        # handles returned as _Handle, to be passed on as they are
        self.get_object_u = proto(raw.FPDFPage_GetObject, _Handle)
        self.form_object = proto(raw.FPDFFormObj_GetObject, _Handle, vp, ctypes.c_ulong)
        self.object_type_u = proto(raw.FPDFPageObj_GetType, i)
        self.object_matrix_u = proto(raw.FPDFPageObj_GetMatrix, i)
        self.segments_u = proto(raw.FPDFPath_CountSegments, i)
        self.segment_u = proto(raw.FPDFPath_GetPathSegment, _Handle)
        self.point_u = proto(raw.FPDFPathSegment_GetPoint, i)
        self.segment_type_u = proto(raw.FPDFPathSegment_GetType, i)
        self.closes_u = proto(raw.FPDFPathSegment_GetClose, i)
        self.clip_path_u = proto(raw.FPDFPageObj_GetClipPath, _Handle)
        self.clip_paths_u = proto(raw.FPDFClipPath_CountPaths, i)
        self.clip_segments_u = proto(raw.FPDFClipPath_CountPathSegments, i)
        self.clip_segment_u = proto(raw.FPDFClipPath_GetPathSegment, _Handle)


_API: list[_Api] = []


def _api(raw: Any) -> _Api:
    if not _API:
        _API.append(_Api(raw))
    return _API[0]


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _page_text(raw: Any, textpage: Any, count: int) -> str | None:
    """Every character of the page as one string (a character per index), or None when
    pdfium's UTF-16 text does not map one to one onto its characters."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[: 2 * max(written - 1, 0)].decode("utf-16-le", "surrogatepass")
    return text if len(text) == count else None


def _page_chars(raw: Any, textpage: Any, height: float, number: int) -> tuple[list[Char], int]:
    count = raw.FPDFText_CountChars(textpage)
    if count > MAX_PAGE_CHARS:
        raise _too_complex(
            "too_many_chars",
            f"page {number} of the PDF holds {count:,} characters, over the limit of "
            f"{MAX_PAGE_CHARS:,} a page: no report page holds that many",
        )
    if count <= 0:
        return [], 0
    api = _api(raw)
    page_text = _page_text(raw, textpage, count)
    tp = _address(textpage)
    tp_u = ctypes.c_void_p(tp)
    box, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    origin = (ctypes.c_double * 2)()
    value = ctypes.c_float()
    matrix_at, value_at = ctypes.addressof(matrix), ctypes.addressof(value)
    box_u, matrix_u = ctypes.byref(box), ctypes.byref(matrix)
    ox_u, oy_u = ctypes.byref(origin, 0), ctypes.byref(origin, 8)
    text_object, loose_box, char_origin = api.text_object_u, api.loose_box_u, api.origin_u
    get_matrix, get_font, font_size, map_error = (
        api.matrix_u,
        api.font,
        api.font_size_u,
        api.map_error_u,
    )
    #: text object -> (size, upright, descent per point of size, font, undecodable)
    runs: dict[int, tuple[float, bool, float, int, bool]] = {}
    descents: dict[int, float] = {}
    chars: list[Char] = []
    append = chars.append
    undecodable = 0
    new_char = _new_char
    for i in range(count):
        obj = text_object(tp_u, i)
        if not obj:
            continue  # a space or line break pdfium made up between text runs
        text = page_text[i] if page_text is not None else chr(raw.FPDFText_GetUnicode(textpage, i))
        loose_box(tp_u, i, box_u)
        run = runs.get(obj)
        if run is None:
            # what the characters of one text object share (read here, not in a function:
            # some files draw every character as an object of its own): size, orientation,
            # the font's descent per point of size, the font, and whether the font has no
            # map to Unicode
            get_matrix(tp_u, i, matrix_u)
            a, b, c, d, _, _ = _MATRIX(matrix)
            font = get_font(obj) or 0
            descent = descents.get(font)
            if descent is None:
                api.descent(font, 1.0, value_at)
                descent = descents[font] = value.value
            run = runs[obj] = (
                font_size(tp_u, i) * math.hypot(c, d),
                a * d > 0 and b * c <= 0,
                descent,
                font,
                map_error(tp_u, i) == 1,
            )
        size, upright, descent, font, unmapped = run
        if unmapped or text == "\ufffd" or text == "\x00":
            undecodable += 1
            text = "\ufffd"
        left, right = box.left, box.right
        x0, x1 = (left, right) if left <= right else (right, left)
        if upright:
            char_origin(tp_u, i, ox_u, oy_u)
            bottom = height - origin[1] - descent * size
            top = bottom - size
        else:
            top, bottom = height - box.top, height - box.bottom
        if x1 - x0 > 1.05 * size and text != "\ufffd":
            # pdfium's box spans the character spacing too (a label spread over a cell's
            # height by spacing its characters); the character is its glyph's width
            api.matrix(tp, i, matrix_at)
            if api.glyph_width(font, ord(text), api.font_size(tp, i), value_at):
                glyph = abs(value.value * matrix.a)
                if 0 < glyph < x1 - x0:
                    x1 = x0 + glyph
        append(new_char((text, x0, x1, top, bottom, size, font, upright)))
    return dedupe(chars), undecodable


#: a :class:`Char` of its fields as one tuple, without the Python call of ``Char(...)``
_new_char: Final = cast(
    "Callable[[tuple[str, float, float, float, float, float, int, bool]], Char]",
    functools.partial(tuple.__new__, Char),
)


def _page_paths(
    raw: Any, page: Any, height: float, number: int
) -> tuple[list[Edge], int, tuple[Clipped, ...]]:
    """The page's ruling edges (pdfplumber's line, rectangle and curve edges), how many
    images it shows, forms included, and its clipped horizontal edges (:class:`Clipped`)."""
    api = _api(raw)
    edges: list[Edge] = []
    clipped: list[Clipped] = []
    images = objects = segments = 0
    matrix = raw.FS_MATRIX()
    matrix_u = ctypes.byref(matrix)
    point = (ctypes.c_float * 2)()
    x_u, y_u = ctypes.byref(point, 0), ctypes.byref(point, 4)
    clips = _Clips(api)
    clip_path = api.clip_path_u
    object_type, object_matrix = api.object_type_u, api.object_matrix_u
    get_segment, get_point, segment_type, closes = (
        api.segment_u,
        api.point_u,
        api.segment_type_u,
        api.closes_u,
    )
    path_type, form_type, image_type = (
        raw.FPDF_PAGEOBJ_PATH,
        raw.FPDF_PAGEOBJ_FORM,
        raw.FPDF_PAGEOBJ_IMAGE,
    )
    moveto, bezierto = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_BEZIERTO
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    # (container, is a form, matrix of the container)
    stack: list[tuple[Any, bool, tuple[float, ...]]] = [(_Handle(_address(page)), False, identity)]
    while stack:
        container, is_form, outer = stack.pop()
        if is_form:
            count, get = api.form_count(container), api.form_object
        else:
            count, get = api.count_objects(container), api.get_object_u
        objects += max(count, 0)
        if objects > MAX_PAGE_OBJECTS:
            raise _too_complex(
                "too_many_objects",
                f"page {number} of the PDF draws more than {MAX_PAGE_OBJECTS:,} objects: no "
                "report page does; the file is damaged or built to exhaust its reader",
            )
        for k in range(max(count, 0)):
            obj = get(container, k)
            if not obj:
                continue
            kind = object_type(obj)
            if kind == image_type:
                images += 1
                continue
            if kind not in (path_type, form_type) or not object_matrix(obj, matrix_u):
                continue
            own = _MATRIX(matrix)
            # objects inside a form are placed by the form's matrix, then the form's own
            placed = _compose(own, outer) if is_form else own
            if kind == form_type:
                stack.append((obj, True, placed))
                continue
            n = api.segments_u(obj)
            segments += max(n, 0)
            if segments > MAX_PAGE_SEGMENTS:
                raise _too_complex(
                    "too_many_objects",
                    f"page {number} of the PDF draws more than {MAX_PAGE_SEGMENTS:,} path "
                    "segments: no report page does",
                )
            a, b, c, d, e, f = placed
            ops: list[tuple[str, tuple[float, float]]] = []
            curved = False
            for s in range(max(n, 0)):
                segment = get_segment(obj, s)
                if not segment or not get_point(segment, x_u, y_u):
                    continue
                px, py = point[0], point[1]
                at = (a * px + c * py + e, height - (b * px + d * py + f))
                op = segment_type(segment)
                if op == moveto:
                    ops.append(("m", at))
                elif op == bezierto:
                    ops.append(("c", at))
                    curved = True
                else:
                    ops.append(("l", at))
                if closes(segment):
                    ops.append(("h", at))
            made = _path_edges(_pdfminer_ops(ops) if curved else ops)
            edges.extend(made)
            if is_form or len(clipped) >= MAX_CLIPPED:
                continue
            rules = [e for e in made if e[4] == "h"]
            if rules and (clip := clip_path(obj)):
                visible = clips.of(clip)
                if visible is not None:
                    clipped.extend(Clipped(e.top, e.x0, e.x1, *visible) for e in rules)
    return edges, images, tuple(sorted(clipped))


#: the most clipped horizontal edges recorded on a page (Chromium's pages have a few dozen)
MAX_CLIPPED: Final = 5_000
#: the most points of clipping paths read on a page (a clip is a rectangle of four or five)
_CLIP_POINTS: Final = 2_000


class _Clips:
    """The x-ranges the clipping paths of a page leave visible, by the clip's handle, read
    within a budget of :data:`_CLIP_POINTS` points a page."""

    def __init__(self, api: _Api) -> None:
        self.api = api
        #: the floats pdfium writes a point into, and references to them
        self.point = (ctypes.c_float * 2)()
        self.at = (ctypes.byref(self.point, 0), ctypes.byref(self.point, 4))
        self.seen: dict[int | None, tuple[float, float] | None] = {}
        self.left = _CLIP_POINTS

    def of(self, clip: _Handle) -> tuple[float, float] | None:
        """The x-range a page object's *clip* (pdfium's handle) leaves visible (the bounding
        box of each of its paths, intersected), or None where it has no path (or the budget
        is spent)."""
        api = self.api
        key = clip.value
        if key in self.seen:
            return self.seen[key]
        point = self.point
        x_u, y_u = self.at
        left, right = -math.inf, math.inf
        found = None
        for p in range(max(api.clip_paths_u(clip), 0)):
            xs = []
            for k in range(max(api.clip_segments_u(clip, p), 0)):
                self.left -= 1
                if self.left < 0:
                    self.seen[key] = None
                    return None
                segment = api.clip_segment_u(clip, p, k)
                if segment and api.point_u(segment, x_u, y_u):
                    xs.append(point[0])
            if xs:
                left, right = max(left, min(xs)), min(right, max(xs))
                found = (left, right) if left < right else None
        self.seen[key] = found
        return found


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix *inner* then *outer* (PDF's row-vector convention: inner × outer)."""
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _pdfminer_ops(
    ops: list[tuple[str, tuple[float, float]]],
) -> list[tuple[str, tuple[float, float]]]:
    """pdfium's segments as pdfminer's path operations: a Bézier curve is three segments in
    pdfium and one operation ending at its last point in pdfminer."""
    out: list[tuple[str, tuple[float, float]]] = []
    run = 0
    for op, point in ops:
        if op == "c":
            run += 1
            if run == 3:
                out.append(("c", point))
                run = 0
            continue
        run = 0
        out.append((op, point))
    return out


def _path_edges(ops: list[tuple[str, tuple[float, float]]]) -> list[Edge]:
    """The edges pdfplumber makes of one painted path: each subpath is a line, a rectangle
    (four edges) or a curve (an edge per straight step), as pdfminer classifies it."""
    if len(ops) == 2 and ops[0][0] == "m" and ops[1][0] == "l":
        return _subpath_edges(ops)  # a line, the commonest path
    out: list[Edge] = []
    start = 0
    for end in range(1, len(ops) + 1):
        if end == len(ops) or ops[end][0] == "m":
            if ops[start][0] == "m":
                out.extend(_subpath_edges(ops[start:end]))
            start = end
    return out


def _subpath_edges(path: Sequence[tuple[str, tuple[float, float]]]) -> list[Edge]:
    shape = "".join([op for op, _ in path])
    pts = [point if op != "h" else path[0][1] for op, point in path]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-1]
    new_edge = _new_edge
    if shape in ("mlh", "ml"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        orientation = "h" if y0 == y1 else "v"
        return [new_edge((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), orientation))]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if closed and square:
            left, right = min(p[0] for p in pts), max(p[0] for p in pts)
            top, bottom = min(p[1] for p in pts), max(p[1] for p in pts)
            return [
                new_edge((left, top, right, top, "h")),
                new_edge((left, bottom, right, bottom, "h")),
                new_edge((left, top, left, bottom, "v")),
                new_edge((right, top, right, bottom, "v")),
            ]
    out = []
    for (xa, ya), (xb, yb) in itertools.pairwise(pts):
        if xa == xb:
            out.append(new_edge((xa, min(ya, yb), xb, max(ya, yb), "v")))
        elif ya == yb:
            out.append(new_edge((min(xa, xb), ya, max(xa, xb), yb, "h")))
    return out


# ---------------------------------------------------------------------------------------------
# Characters
# ---------------------------------------------------------------------------------------------


def _clusters(values: Iterable[float], tolerance: float) -> dict[float, int]:
    """pdfplumber's clustering: each distinct value's cluster, values sorted and chained
    while each is within *tolerance* of the one before."""
    out: dict[float, int] = {}
    last: float | None = None
    group = -1
    for v in sorted(set(values)):
        if last is None or v > last + tolerance:
            group += 1
        out[v] = group
        last = v
    return out


def _chains(indices: list[int], value: Any, tolerance: float) -> list[list[int]]:
    """*indices* sorted by *value* and cut where a value is more than *tolerance* above the
    one before (pdfplumber's clusters)."""
    ordered = sorted(indices, key=value)
    out = [[ordered[0]]]
    last = value(ordered[0])
    for i in ordered[1:]:
        v = value(i)
        if v > last + tolerance:
            out.append([i])
        else:
            out[-1].append(i)
        last = v
    return out


# A character's fields by position: a C getter beats an attribute read in a Python key
_TEXT: Final = itemgetter(0)
_CHAR_X0: Final = itemgetter(1)
_CHAR_X1: Final = itemgetter(2)
_CHAR_TOP: Final = itemgetter(3)
_CHAR_BOTTOM: Final = itemgetter(4)
_UPRIGHT: Final = itemgetter(7)
#: what characters must share to be duplicates: orientation, text, font, size
_KIND: Final = itemgetter(7, 0, 6, 5)


def dedupe(chars: list[Char], tolerance: float = 1.0) -> list[Char]:
    """*chars* without duplicates: characters of the same text, font and size drawn within
    *tolerance* of each other (a bold effect, or text drawn twice), the first kept.

    pdfplumber's ``dedupe_chars``, in O(n log n) (pdfplumber's took two minutes for 50,000
    characters): the characters of a kind are clustered by ``top`` then by ``x0``, and the
    one of each cluster drawn highest, then leftmost, stays.

    >>> a = Char("3", 10.0, 15.0, 0.0, 9.0, 9.0, 1, True)
    >>> [c.x0 for c in dedupe([a, a._replace(x0=10.5), a._replace(x0=30.0)])]
    [10.0, 30.0]
    """
    if len(chars) < 2:
        return chars
    groups: dict[tuple[bool, str, int, float], list[int]] = {}
    for i, kind in enumerate(map(_KIND, chars)):
        members = groups.get(kind)
        if members is None:
            groups[kind] = [i]
        else:
            members.append(i)
    drop: set[int] = set()
    top = list(map(_CHAR_TOP, chars)).__getitem__
    x0 = list(map(_CHAR_X0, chars)).__getitem__
    for members in groups.values():
        if len(members) == 1:
            continue
        for row in _chains(members, top, tolerance):
            if len(row) == 1:
                continue
            for cluster in _chains(row, x0, tolerance):
                if len(cluster) > 1:
                    keep = min(cluster, key=lambda i: (chars[i].top, chars[i].x0))
                    drop.update(i for i in cluster if i != keep)
    if not drop:
        return chars
    return [ch for i, ch in enumerate(chars) if i not in drop]


# ---------------------------------------------------------------------------------------------
# Words and lines (pdfplumber's WordExtractor and TextMap, without layout)
# ---------------------------------------------------------------------------------------------


def _words(
    chars: Sequence[Char], x_tolerance: float, y_tolerance: float
) -> tuple[list[list[Char]], list[float]]:
    """The words of *chars* (in the order given), each a list of its characters, and the top
    of each word (the least of its characters')."""
    words: list[list[Char]] = []
    tops: list[float] = []
    n = len(chars)
    start = 0
    uprights = list(map(_UPRIGHT, chars))
    while start < n:
        upright = uprights[start]
        if start == 0 and uprights.count(upright) == n:
            end = n  # all of one orientation, as nearly always
        else:
            end = start + 1
            while end < n and uprights[end] == upright:
                end += 1
        group = chars if start == 0 and end == n else chars[start:end]
        start = end
        if not upright:
            _rotated_words(group, x_tolerance, y_tolerance, words, tops)
            continue
        for line in _cluster_objects(group, _CHAR_TOP, y_tolerance):
            # pdfplumber's word break, inlined (a call per character costs as much as the
            # rest): a space ends a word; a character left of the last one's start, further
            # than x_tolerance right of its end or off its top by y_tolerance starts one
            word: list[Char] | None = None
            word_top = last_x0 = last_x1 = last_top = 0.0
            for ch in sorted(line, key=_CHAR_X0) if len(line) > 1 else line:
                text, x0, x1, top, _, _, _, _ = ch
                if text.isspace():
                    if word is not None:
                        words.append(word)
                        tops.append(word_top)
                    word = None
                    continue
                if word is None:
                    word, word_top = [ch], top
                elif (
                    x0 < last_x0 or x0 > last_x1 + x_tolerance or abs(top - last_top) > y_tolerance
                ):
                    words.append(word)
                    tops.append(word_top)
                    word, word_top = [ch], top
                else:
                    word.append(ch)
                    if top < word_top:
                        word_top = top
                last_x0, last_x1, last_top = x0, x1, top
            if word is not None:
                words.append(word)
                tops.append(word_top)
    return words, tops


def _rotated_words(
    chars: Sequence[Char],
    x_tolerance: float,
    y_tolerance: float,
    words: list[list[Char]],
    tops: list[float],
) -> None:
    """:func:`_words` of characters that are all rotated, appended to *words* and *tops*."""
    for line in _cluster_objects(chars, _CHAR_X0, x_tolerance):
        word: list[Char] = []
        for ch in sorted(line, key=_rotated_order):
            if ch.text.isspace():
                if word:
                    words.append(word)
                    tops.append(min(c.top for c in word))
                word = []
            elif word and _begins_word(word[-1], ch, False, x_tolerance, y_tolerance):
                words.append(word)
                tops.append(min(c.top for c in word))
                word = [ch]
            else:
                word.append(ch)
        if word:
            words.append(word)
            tops.append(min(c.top for c in word))


_rotated_order: Final = itemgetter(3, 4)


def _begins_word(prev: Char, curr: Char, upright: bool, xt: float, yt: float) -> bool:
    if upright:
        ax, bx, cx, ay, cy, x, y = prev.x0, prev.x1, curr.x0, prev.top, curr.top, xt, yt
    else:
        ax, bx, cx, ay, cy, x, y = prev.top, prev.bottom, curr.top, prev.x0, curr.x0, yt, xt
    return cx < ax or cx > bx + x or abs(cy - ay) > y


def _cluster_objects(items: Sequence[Any], key: Any, tolerance: float) -> list[list[Any]]:
    """pdfplumber's ``cluster_objects``: items grouped by clustered key, clusters in order of
    their values, items of a cluster in their given order."""
    return _grouped(items, list(map(key, items)), tolerance)


def _grouped(items: Sequence[Any], keys: list[float], tolerance: float) -> list[list[Any]]:
    """:func:`_cluster_objects` of *items* whose keys are *keys*."""
    if len(items) == 1:
        return [[items[0]]]
    clusters = _clusters(keys, tolerance)
    out: list[list[Any]] = [[] for _ in range(max(clusters.values(), default=-1) + 1)]
    for item, value in zip(items, keys, strict=True):
        out[clusters[value]].append(item)
    return out


def _word_text(word: Sequence[Char]) -> str:
    text = "".join(map(_TEXT, word))
    if _LIGATURE.search(text) is None:
        return text
    return "".join(_LIGATURES.get(c.text, c.text) for c in word)


class Line(NamedTuple):
    """A line of text: words joined by single spaces, its box and characters."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    chars: list[Char]


def text_lines(
    chars: Sequence[Char], x_tolerance: float = 1.5, y_tolerance: float = 3
) -> list[Line]:
    """The lines of text of *chars*, as pdfplumber's ``extract_text_lines`` gives them."""
    words, tops = _words(chars, x_tolerance, y_tolerance)
    out: list[Line] = []
    clusters = _clusters(tops, y_tolerance)
    last = -1
    current: list[list[Char]] = []
    for word, top in zip(words, tops, strict=True):
        cluster = clusters[top]
        if cluster != last and current:
            out.append(_line(current))
            current = []
        last = cluster
        current.append(word)
    if current:
        out.append(_line(current))
    return out


def _line(words: list[list[Char]]) -> Line:
    chars = list(itertools.chain.from_iterable(words))
    return Line(
        " ".join(map(_word_text, words)),
        min(map(_CHAR_X0, chars)),
        min(map(_CHAR_TOP, chars)),
        max(map(_CHAR_X1, chars)),
        max(map(_CHAR_BOTTOM, chars)),
        chars,
    )


def extract_text(chars: Sequence[Char], x_tolerance: float = 1.5, y_tolerance: float = 3) -> str:
    """The text of *chars*: pdfplumber's ``extract_text`` without layout (words joined by
    spaces, lines clustered by ``top`` joined by line breaks)."""
    if not chars:
        return ""
    if len(chars) == 1:  # most cells of a table hold one figure
        return "" if chars[0].text.isspace() else _word_text(chars)
    words, tops = _words(chars, x_tolerance, y_tolerance)
    lines = _grouped(words, tops, y_tolerance)
    return "\n".join(" ".join(map(_word_text, line)) for line in lines)


# ---------------------------------------------------------------------------------------------
# Tables (pdfplumber's lattice strategy: vertical and horizontal "lines")
# ---------------------------------------------------------------------------------------------

_SNAP: Final = 3.0
_JOIN: Final = 3.0
_MIN_LENGTH: Final = 3.0
_INTERSECTION: Final = 3.0

Box = tuple[float, float, float, float]


# An edge's fields by position: C getters, cheaper than a Python key called once an edge
_X0: Final[Callable[[Edge], float]] = itemgetter(0)
_TOP: Final[Callable[[Edge], float]] = itemgetter(1)
_X1: Final[Callable[[Edge], float]] = itemgetter(2)
_BOTTOM: Final[Callable[[Edge], float]] = itemgetter(3)
#: an :class:`Edge` of its fields as one tuple, without the Python call of ``Edge(...)``
_new_edge: Final = cast(
    "Callable[[tuple[float, float, float, float, str]], Edge]",
    functools.partial(tuple.__new__, Edge),
)


def _snap(edges: list[Edge], orientation: str) -> list[Edge]:
    """Edges of one orientation moved onto the average position of their cluster."""
    if not edges:
        return []
    pos: Callable[[Edge], float] = _X0 if orientation == "v" else _TOP
    out: list[Edge] = []
    append, new_edge = out.append, _new_edge
    for cluster in _snap_clusters(edges, pos):
        average = sum(map(pos, cluster)) / len(cluster)
        if orientation == "v":
            for x0, top, x1, bottom, _ in cluster:
                shift = average - x0
                append(new_edge((x0 + shift, top, x1 + shift, bottom, "v")))
        else:
            for x0, top, x1, bottom, _ in cluster:
                shift = average - top
                append(new_edge((x0, top + shift, x1, bottom + shift, "h")))
    return out


def _snap_clusters(edges: list[Edge], pos: Callable[[Edge], float]) -> list[list[Edge]]:
    """The edges that are one line drawn in pieces: pdfplumber's clusters of positions
    chained within the snap tolerance, except that a cluster spread wider than the tolerance
    is cut into the runs of edges that touch along the line. (A table's border at 453.2 and
    another table's at 456.2 further down the page became one line at their average, away
    from the rules ending at the first: the cell they closed was lost, its value read as part
    of the cell above.)"""
    out: list[list[Edge]] = []
    for cluster in _cluster_objects(edges, pos, _SNAP):
        spread = max(map(pos, cluster)) - min(map(pos, cluster))
        if spread <= _SNAP or len(cluster) < 2:
            out.append(cluster)
            continue
        # along the line: (top, bottom) of a vertical edge, (x0, x1) of a horizontal one
        start, end = (_TOP, _BOTTOM) if pos is _X0 else (_X0, _X1)
        run: list[Edge] = []
        reach = float("-inf")
        for edge in sorted(cluster, key=start):
            if run and start(edge) > reach + _SNAP:
                out.append(run)
                run = []
            run.append(edge)
            reach = max(reach, end(edge)) if len(run) > 1 else end(edge)
        out.append(run)
    return out


def _join(edges: list[Edge], orientation: str) -> list[Edge]:
    """Collinear edges whose gap is at most the join tolerance made one."""
    line_of, lo, hi = (_TOP, _X0, _X1) if orientation == "h" else (_X0, _TOP, _BOTTOM)
    by_line: dict[float, list[Edge]] = {}
    for e in edges:
        by_line.setdefault(line_of(e), []).append(e)
    out: list[Edge] = []
    for position in sorted(by_line):
        group = sorted(by_line[position], key=lo)
        joined = [group[0]]
        for e in group[1:]:
            last = joined[-1]
            if lo(e) <= hi(last) + _JOIN:
                if hi(e) > hi(last):
                    if orientation == "h":
                        joined[-1] = Edge(last.x0, last.top, e.x1, last.bottom, "h")
                    else:
                        joined[-1] = Edge(last.x0, last.top, last.x1, e.bottom, "v")
            else:
                joined.append(e)
        out.extend(joined)
    return out


def table_edges(edges: list[Edge]) -> list[Edge]:
    """The page's edges as the table finder uses them: long enough, snapped and joined."""
    # the length of a vertical edge is bottom - top, of a horizontal one x1 - x0
    vertical = [e for e in edges if e[4] == "v" and e[3] - e[1] >= 1]
    horizontal = [e for e in edges if e[4] == "h" and e[2] - e[0] >= 1]
    vertical = _join(_snap(vertical, "v"), "v")
    horizontal = _join(_snap(horizontal, "h"), "h")
    return [e for e in vertical if e[3] - e[1] >= _MIN_LENGTH] + [
        e for e in horizontal if e[2] - e[0] >= _MIN_LENGTH
    ]


def find_tables(edges: list[Edge]) -> list[list[Box]]:
    """The ruled tables drawn by *edges*: each a list of cell boxes (x0, top, x1, bottom),
    tables ordered top to bottom, then left to right; a "table" of one cell is none."""
    return lattice(table_edges(edges))


def lattice(edges: list[Edge]) -> list[list[Box]]:
    """:func:`find_tables` of edges already made ready by :func:`table_edges`."""
    vertical = [e for e in edges if e.orientation == "v"]
    horizontal = [e for e in edges if e.orientation == "h"]
    if not vertical or not horizontal:
        return []
    # intersections: every vertical edge against the horizontal ones near its span, found by
    # bisection over the horizontal edges sorted by position
    horizontal.sort(key=itemgetter(1, 0))
    h_tops = [e.top for e in horizontal]
    points: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    by_x0 = list(map(itemgetter(0, 1), vertical))
    for vi in sorted(range(len(vertical)), key=by_x0.__getitem__):
        vx0, vtop, _, vbottom, _ = vertical[vi]
        lo = bisect_left(h_tops, vtop - _INTERSECTION)
        hi = bisect_right(h_tops, vbottom + _INTERSECTION)
        for hj in range(lo, hi):
            hx0, htop, hx1, _, _ = horizontal[hj]
            if (
                vtop <= htop + _INTERSECTION
                and vbottom >= htop - _INTERSECTION
                and hx0 - _INTERSECTION <= vx0 <= hx1 + _INTERSECTION
            ):
                found = points.get((vx0, htop))
                if found is None:
                    found = points[(vx0, htop)] = (set(), set())
                found[0].add(vi)
                found[1].add(hj)
    cells = _cells(points)
    return _group_cells(cells)


def _cells(points: dict[tuple[float, float], tuple[set[int], set[int]]]) -> list[Box]:
    """The smallest cell whose top-left corner is each intersection (pdfplumber's rule: the
    nearest corner below and to the right joined to it by edges, and the corner opposite
    joined to both)."""
    columns: dict[float, list[float]] = {}
    rows: dict[float, list[float]] = {}
    for x, y in points:
        columns.setdefault(x, []).append(y)
        rows.setdefault(y, []).append(x)
    for ys in columns.values():
        ys.sort()
    for xs in rows.values():
        xs.sort()
    out: list[Box] = []
    for x, y in sorted(points):
        v_here, h_here = points[(x, y)]
        ys = columns[x]
        xs = rows[y]
        # the corners below and to the right, by index: most cells close at the first ones
        right = range(bisect_right(xs, x), len(xs))
        if not right:
            continue  # no corner right of this one: no cell starts here
        found: Box | None = None
        for b in range(bisect_right(ys, y), len(ys)):
            by = ys[b]
            if v_here.isdisjoint(points[(x, by)][0]):
                continue
            for r in right:
                rx = xs[r]
                if h_here.isdisjoint(points[(rx, y)][1]):
                    continue
                corner = points.get((rx, by))
                if (
                    corner is not None
                    and not corner[0].isdisjoint(points[(rx, y)][0])
                    and not corner[1].isdisjoint(points[(x, by)][1])
                ):
                    found = (x, y, rx, by)
                    break
            if found is not None:
                break
        if found is not None:
            out.append(found)
    return out


def _group_cells(cells: list[Box]) -> list[list[Box]]:
    """Cells grouped into tables: cells sharing a corner are in one table."""
    # union-find, its find inlined (a call per corner costs more than the rest)
    parent = list(range(len(cells)))
    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            b = owner.setdefault(corner, i)
            if b == i:
                continue
            a = i
            while parent[a] != a:
                parent[a] = a = parent[parent[a]]
            while parent[b] != b:
                parent[b] = b = parent[parent[b]]
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[Box]] = {}
    for i, cell in enumerate(cells):
        root = i
        while parent[root] != root:
            parent[root] = root = parent[parent[root]]
        groups.setdefault(root, []).append(cell)
    tables = sorted(groups.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def table_rows(cells: list[Box]) -> list[list[Box | None]]:
    """pdfplumber's ``Table.rows``: cells grouped by top, each row a slot per distinct x0."""
    xs = sorted({c[0] for c in cells})
    rows: dict[float, dict[float, Box]] = {}
    for cell in sorted(cells, key=itemgetter(1, 0)):
        rows.setdefault(cell[1], {})[cell[0]] = cell
    return [[row.get(x) for x in xs] for _, row in sorted(rows.items())]


class Centres(NamedTuple):
    """The centres of a page's characters, and the characters by the height of their centre
    (so that a table row's are found by bisection): what :func:`table_texts` reads of them,
    made once a page (:func:`centres_of`) rather than once a table."""

    ys: list[float]
    xs: list[float]
    #: indexes of the characters, by the height of their centre
    order: list[int]
    #: the heights of the centres in that order
    middles: list[float]


def centres_of(chars: Sequence[Char]) -> Centres:
    """The :class:`Centres` of *chars*."""
    ys = [(top + bottom) / 2 for _, _, _, top, bottom, _, _, _ in chars]
    xs = [(x0 + x1) / 2 for _, x0, x1, _, _, _, _, _ in chars]
    order = sorted(range(len(chars)), key=ys.__getitem__)
    return Centres(ys, xs, order, [ys[i] for i in order])


def table_texts(
    rows: list[list[Box | None]],
    chars: Sequence[Char],
    x_tolerance: float = 1.5,
    ends: list[tuple[Char, Char] | None] | None = None,
    at: Centres | None = None,
) -> list[list[str | None]]:
    """pdfplumber's ``Table.extract``: the text of each cell, from the characters whose
    centre lies in it. *ends*, where given, gets each cell's leftmost and rightmost
    character by their centres (None for a cell without any), cell after cell, row after
    row. *at* is ``centres_of(chars)``, where already made."""
    # a row's characters are found by bisection over their centres' heights; a cell's are
    # then taken in the page's order, as pdfplumber takes them
    ys, xs, order, middles = at if at is not None else centres_of(chars)
    out: list[list[str | None]] = []
    for row in rows:
        present = [c for c in row if c is not None]
        top = min(c[1] for c in present)
        bottom = max(c[3] for c in present)
        left = min(c[0] for c in present)
        right = max(c[2] for c in present)
        picked = order[bisect_left(middles, top) : bisect_left(middles, bottom)]
        # the row's characters by the x of their centre: a cell's are found by bisection
        across = sorted([(x, i) for i in picked if left <= (x := xs[i]) < right])
        centres = [x for x, _ in across]
        texts: list[str | None] = []
        for cell in row:
            if cell is None:
                texts.append(None)
                continue
            lo, hi = bisect_left(centres, cell[0]), bisect_left(centres, cell[2])
            cell_top, cell_bottom = cell[1], cell[3]
            by_x = [i for _, i in across[lo:hi] if cell_top <= ys[i] < cell_bottom]
            inside = sorted(by_x)
            texts.append(extract_text([chars[i] for i in inside], x_tolerance) if inside else "")
            if ends is not None:
                ends.append((chars[by_x[0]], chars[by_x[-1]]) if by_x else None)
        out.append(texts)
    return out


def within(chars: Sequence[Char], box: Box) -> list[Char]:
    """The characters lying wholly inside *box*, in their order."""
    x0, top, x1, bottom = box
    return [c for c in chars if c.x0 >= x0 and c.top >= top and c.x1 <= x1 and c.bottom <= bottom]
