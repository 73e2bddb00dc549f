"""A look at a PDF's raw objects before pdfium parses it: the work the file would cost.

pdfium is C code that cannot be interrupted from Python, and a few kilobytes can ask it for
unbounded work: Form XObjects that draw each other ten times over, six levels deep (a million
drawings from 4 kB), or a stream that inflates a thousandfold. This scan reads the file's
objects directly (a regular expression over the bytes, object streams unpacked, damaged
cross-reference tables ignored), in time linear in the file's size, and refuses a file whose
work is out of proportion to its size before pdfium sees it:

* the bytes its streams inflate to (:func:`inflation_budget`: at least 32 MB, forty times the
  file, at most 512 MB), code ``decompression_bomb``;
* the drawings its content streams and forms ask for, each form counted as often as it is
  drawn (:func:`drawing_budget`), and forms that draw themselves (pdfium follows such a loop
  to its nesting limit), code ``xobject_budget``;
* an object that is only a reference to itself, or to a chain of references back to it,
  is reported (pdfium reads it as null; pdfminer looped on it forever).

>>> check(b"%PDF-1.7\\n1 0 obj\\n<< /Type /Catalog >>\\nendobj\\n")
[]
"""

from __future__ import annotations

import binascii
import re
import struct
import zlib
from collections.abc import Iterator
from typing import Final

from ..core.errors import UnreadableFileError
from ..core.messages import msg
from ..core.model import Diagnostic

# The keywords are looked for as literals, the word boundary before them checked apart
# (:func:`_search`): a pattern that begins with a boundary or a digit is tried at every byte
# of the file's binary streams, twenty times slower than a literal search.
#: ``obj`` closing an object header ``N G obj``
_OBJ: Final = re.compile(rb"obj\b")
#: an object header ``N G obj`` read backwards from its ``obj``: the reversed bytes of
#: what ``(?<![0-9])(\d{1,10})\s+(\d{1,5})\s+obj\b`` matches, generation then number
_HEADER_REVERSED: Final = re.compile(rb"jbo\s+(\d{1,5})\s+(\d{1,10})(?![0-9])")
_END: Final = re.compile(rb"endobj\b")
_STREAM: Final = re.compile(rb"stream\r?\n?")
_ENDSTREAM: Final = re.compile(rb"endstream\b")
#: the bytes a regular expression's ``\b`` takes for parts of a word
_WORD: Final = frozenset(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")
_REFERENCE_ONLY: Final = re.compile(rb"\A\s*(\d{1,10})\s+\d{1,5}\s+R\s*\Z")
#: a form or image drawn: ``/Name Do``
_DO: Final = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
#: the operator that ends :data:`_DO`, looked for first (:func:`_drawn`)
_DO_WORD: Final = re.compile(rb"Do\b")
_NAME_REF: Final = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*(\d{1,10})\s+\d{1,5}\s+R")
#: the names themselves, not a longer name they begin (a damaged "/ResourcesF" is none)
_RESOURCES: Final = re.compile(rb"/Resources(?![^\s/\[\]()<>{}%])")
_XOBJECT: Final = re.compile(rb"/XObject(?![^\s/\[\]()<>{}%])")
#: the /Filter entry of a stream's dictionary: one name, or an array of names
_FILTER: Final = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]()<>{}%]+)")
_FILTERS: Final = re.compile(
    rb"/(FlateDecode|Fl|ASCII85Decode|A85|ASCIIHexDecode|AHx|LZWDecode|LZW|RunLengthDecode|RL)\b"
)

#: the fewest bytes a file's streams may inflate to, whatever its size
MIN_INFLATED: Final = 32_000_000
#: bytes a file's streams may inflate to per byte of the file
INFLATED_PER_BYTE: Final = 40
#: the most bytes a file's streams may inflate to
MAX_INFLATED: Final = 512_000_000
#: the fewest drawings of forms a file may ask for, whatever its size
MIN_DRAWINGS: Final = 50_000
#: bytes of the file per drawing of a form allowed beyond that
BYTES_PER_DRAWING: Final = 20
#: the most an LZW or run-length stream can expand (an estimate: it is not decoded here)
_UNDECODED_RATIO: Final = 3_000


def inflation_budget(size: int) -> int:
    """How many bytes the streams of a *size*-byte PDF may inflate to.

    >>> inflation_budget(4_000), inflation_budget(2_000_000)
    (32000000, 80000000)
    """
    return min(MAX_INFLATED, max(MIN_INFLATED, INFLATED_PER_BYTE * size))


def drawing_budget(size: int) -> int:
    """How many drawings of Form XObjects a *size*-byte PDF may ask for.

    >>> drawing_budget(4_000), drawing_budget(5_000_000)
    (50000, 250000)
    """
    return max(MIN_DRAWINGS, size // BYTES_PER_DRAWING)


class _Stream:
    __slots__ = ("data", "form", "image", "number", "resources")

    def __init__(self, number: int, header: bytes, data: bytes) -> None:
        self.number = number
        self.data = data
        self.form = b"/Form" in header and b"/XObject" in header
        self.image = b"/Image" in header
        #: the stream's own /Resources (inline or a reference), as found in its dictionary
        self.resources = header


class _Scan:
    """The file's objects and what their streams inflate to, within the budgets."""

    def __init__(self, data: bytes) -> None:
        self.size = len(data)
        self.budget = inflation_budget(len(data))
        self.inflated = 0
        #: object number -> its body (last definition wins, as in an incremental update)
        self.bodies: dict[int, bytes] = {}
        self.streams: list[_Stream] = []
        for number, body, stream in _objects(data):
            self.bodies[number] = body
            if stream is not None:
                decoded = self._decode(body, stream)
                if decoded is not None:
                    self.streams.append(_Stream(number, body, decoded))
                    if b"/ObjStm" in body:
                        self._unpack(body, decoded)

    def _decode(self, header: bytes, raw: bytes) -> bytes | None:
        """The stream's data decoded (None for images and filters not decoded here), its size
        counted against the inflation budget."""
        declared = _FILTER.search(header)
        filters = [m.group(1) for m in _FILTERS.finditer(declared.group(1))] if declared else []
        if b"/Image" in header and b"/Subtype" in header:
            return None  # pdfium decodes images only to render them
        data = raw
        for name in filters:
            if name in (b"FlateDecode", b"Fl"):
                inflated = self._inflate(data)
                # a stream that does not inflate is read by pdfium as it can: look at the
                # raw bytes too (drawings are counted in both)
                data = inflated if inflated else data
            elif name in (b"ASCII85Decode", b"A85"):
                data = _a85(data)
            elif name in (b"ASCIIHexDecode", b"AHx"):
                data = _hex(data)
            else:
                self._count(len(data) * _UNDECODED_RATIO)
                return None
        if not filters:
            return data
        return data

    def _count(self, more: int) -> None:
        self.inflated += more
        if self.inflated > self.budget:
            raise UnreadableFileError(
                f"the PDF's streams inflate to more than {self.budget:,} bytes (from a file of "
                f"{self.size:,} bytes): a damaged file or a decompression bomb",
                code="decompression_bomb",
                expected="a PDF whose streams inflate to a reasonable multiple of its size",
            )

    def _inflate(self, data: bytes) -> bytes:
        """*data* inflated, chunk by chunk, stopping at the budget (damage ends a stream
        where pdfium ends it too: what came out so far)."""
        inflater = zlib.decompressobj()
        out: list[bytes] = []
        pending = data
        try:
            while pending:
                chunk = inflater.decompress(pending, 1 << 20)
                self._count(len(chunk))
                out.append(chunk)
                pending = inflater.unconsumed_tail
                if inflater.eof or not chunk:
                    break
        except zlib.error:
            pass
        return b"".join(out)

    def _unpack(self, header: bytes, data: bytes) -> None:
        """The objects of an object stream, added to :attr:`bodies` where not defined."""
        first = re.search(rb"/First\s+(\d{1,10})", header)
        count = re.search(rb"/N\s+(\d{1,10})", header)
        if first is None or count is None:
            return
        start = int(first.group(1))
        numbers = [int(n) for n in re.findall(rb"\d{1,10}", data[:start])]
        pairs = list(zip(numbers[0::2], numbers[1::2], strict=False))[: int(count.group(1))]
        for k, (number, offset) in enumerate(pairs):
            end = start + pairs[k + 1][1] if k + 1 < len(pairs) else len(data)
            self.bodies.setdefault(number, data[start + offset : end])


def _objects(data: bytes) -> Iterator[tuple[int, bytes, bytes | None]]:
    """(number, body before any stream, stream data or None) of every ``N G obj`` in
    *data*, in file order.

    Each object runs to the next object's header, whatever its ``endobj``, ``endstream`` or
    ``/Length`` say: damage there must not hide the objects after it (pdfium finds them).
    """
    headers = _headers(data)
    #: numbers of headers cut short (no endobj, no stream before the next header): a
    #: damaged header that pdfium may still read as the object that follows
    aliases: list[int] = []
    for k, (_, start, number) in enumerate(headers):
        stop = headers[k + 1][0] if k + 1 < len(headers) else len(data)
        end = _search(_END, data, start, stop)
        stream = _search(_STREAM, data, start, end.start() if end else stop)
        if stream is None and end is None and k + 1 < len(headers):
            aliases.append(number)
            continue
        if stream is None:
            found: tuple[bytes, bytes | None] = (data[start : end.start() if end else stop], None)
        else:
            closing = _search(_ENDSTREAM, data, stream.end(), stop)
            found = (
                data[start : stream.start()],
                data[stream.end() : closing.start() if closing else stop],
            )
        for alias in aliases:
            yield alias, *found
        aliases.clear()
        yield number, *found


def _headers(data: bytes) -> list[tuple[int, int, int]]:
    """(start, end, object number) of each object header ``N G obj`` in *data*, in file order:
    each ``obj`` that ends a word, read backwards (:data:`_HEADER_REVERSED`).

    >>> _headers(b"1 0 obj << >> endobj 12 0 obj 3 0 xobj 123 4 obj")
    [(0, 7, 1), (21, 29, 12), (39, 48, 123)]
    """
    reverse = data[::-1]
    size = len(data)
    out = []
    for keyword in _OBJ.finditer(data):
        found = _HEADER_REVERSED.match(reverse, size - keyword.end())
        if found is not None:
            out.append((size - found.end(), keyword.end(), int(found.group(2)[::-1])))
    return out


def _search(
    pattern: re.Pattern[bytes], data: bytes, start: int, stop: int
) -> re.Match[bytes] | None:
    """The first match of *pattern* in ``data[start:stop]`` that begins a word (as a ``\\b``
    before it would find it: the byte before *start* counts)."""
    while True:
        found = pattern.search(data, start, stop)
        if found is None or found.start() == 0 or data[found.start() - 1] not in _WORD:
            return found
        start = found.start() + 1


def _drawn(data: bytes) -> list[bytes]:
    """The names of what *data* draws (``/Name Do``), as ``_DO.finditer`` finds them.

    The operator is looked for first, and the pattern tried only at the last ``/`` before
    each: names and the space after them hold no ``/``, so no other can begin a drawing that
    ends there, and no drawing holds another's ``/``. Tried at every ``/``, the pattern ran
    through the names of a font's binary data, most of the time of the whole scan.

    >>> _drawn(b"q /Im0 Do Q /F1 12 Tf /Fm1Do /X/Y  Do /Z Dox")
    [b'Im0', b'Fm1', b'Y']
    """
    names = []
    searched = 0
    for operator in _DO_WORD.finditer(data):
        end = operator.start()
        slash = data.rfind(b"/", searched, end)
        searched = end
        if slash < 0:
            continue  # the "/" before it was tried for an operator before
        found = _DO.match(data, slash)
        if found is not None:
            names.append(found.group(1))
    return names


#: the value of each digit of ASCII85 (the byte less 33), and the bytes that are no digit
_A85_VALUES: Final = bytes(max(b - 33, 0) for b in range(256))
_A85_DIGITS: Final = bytes(range(33, 118))


def _a85(data: bytes) -> bytes:
    """The ASCII85 stream *data* decoded as ``base64.a85decode`` decodes it, or nothing where
    that raises. Decoded by groups of five digits here: ``a85decode`` takes a Python step per
    digit."""
    text = re.sub(rb"\s+", b"", data)
    text = text.removeprefix(b"<~")
    cut = text.find(b"~>")
    if cut >= 0:
        text = text[:cut]
    if text.translate(None, _A85_DIGITS + b"z"):
        return b""  # a byte that is no digit
    if b"z" in text:
        # "z" (four zero bytes) stands between groups only; there it is the group "!!!!!"
        *whole, _ = text.split(b"z")
        if any(len(part) % 5 for part in whole):
            return b""
        text = text.replace(b"z", b"!!!!!")
    # a85decode pads the last group with "u" and cuts what the padding added
    kept = len(text) // 5 * 4 + max(len(text) % 5 - 1, 0)
    digits = iter((text + b"uuuu").translate(_A85_VALUES))
    groups = [
        (((a * 85 + b) * 85 + c) * 85 + d) * 85 + e
        for a, b, c, d, e in zip(digits, digits, digits, digits, digits, strict=False)
    ]
    if groups and max(groups) > 0xFFFFFFFF:
        return b""
    return struct.pack(f">{len(groups)}I", *groups)[:kept]


def _hex(data: bytes) -> bytes:
    text = re.sub(rb"[^0-9A-Fa-f]", b"", data.split(b">", 1)[0])
    try:
        return binascii.unhexlify(text + b"0" * (len(text) % 2))
    except (binascii.Error, ValueError):
        return b""


def _cycles(bodies: dict[int, bytes]) -> list[int]:
    """Objects that are only a reference, whose chain of references comes back round."""
    out = []
    for number, body in bodies.items():
        m = _REFERENCE_ONLY.match(body)
        if m is None:
            continue
        seen = {number}
        target = int(m.group(1))
        while True:
            if target in seen:
                out.append(number)
                break
            seen.add(target)
            nxt = bodies.get(target)
            m2 = _REFERENCE_ONLY.match(nxt) if nxt is not None else None
            if m2 is None:
                break
            target = int(m2.group(1))
    return sorted(out)


def _names(scan: _Scan, header: bytes) -> dict[bytes, int]:
    """The XObject names a stream's dictionary maps to object numbers (its /Resources,
    inline or referenced, and its /XObject dictionary, inline or referenced)."""
    found = _RESOURCES.search(header)
    if found is None:
        return {}
    resources = header[found.end() :]
    ref = re.match(rb"\s*(\d{1,10})\s+\d{1,5}\s+R", resources)
    if ref is not None:
        resources = scan.bodies.get(int(ref.group(1)), b"")
    found = _XOBJECT.search(resources)
    if found is None:
        return {}
    xobjects = resources[found.end() :]
    ref = re.match(rb"\s*(\d{1,10})\s+\d{1,5}\s+R", xobjects)
    if ref is not None:
        xobjects = scan.bodies.get(int(ref.group(1)), b"")
    else:
        close = xobjects.find(b">>")
        xobjects = xobjects[: close if close >= 0 else len(xobjects)]
    return {m.group(1): int(m.group(2)) for m in _NAME_REF.finditer(xobjects)}


class _Frame:
    """A form being costed: its (name, times drawn) items, the next one, the total so far."""

    __slots__ = ("items", "next", "number", "total")

    def __init__(self, number: int, items: list[tuple[bytes, int]]) -> None:
        self.number, self.items, self.next, self.total = number, items, 0, 1


def _drawings(scan: _Scan) -> int:
    """How many drawings the content streams and forms ask pdfium for, each form counted
    with everything it draws (a form drawing itself, directly or not, counts once: pdfium
    does not follow such a loop)."""
    # an object defined twice (an incremental update, or damage) counts with its costlier
    # definition: pdfium may read either
    forms: dict[int, list[_Stream]] = {}
    for s in scan.streams:
        if s.form:
            forms.setdefault(s.number, []).append(s)
    every_name: dict[bytes, list[int]] = {}
    own: dict[int, dict[bytes, int]] = {}
    for s in scan.streams:
        names = _names(scan, s.resources)
        own.setdefault(s.number, {}).update(names)
        for name, target in names.items():
            every_name.setdefault(name, []).append(target)
    for body in scan.bodies.values():  # pages' resources
        if b"/XObject" in body:
            for name, target in _names(scan, body).items():
                every_name.setdefault(name, []).append(target)
    cost: dict[int, int] = {}
    limit = drawing_budget(scan.size)

    def targets(number: int, name: bytes) -> list[int]:
        named = own.get(number, {}).get(name)
        return [named] if named is not None else every_name.get(name, [])

    def do_counts(number: int) -> list[tuple[bytes, int]]:
        counts: dict[bytes, int] = {}
        for definition in forms[number]:
            mine: dict[bytes, int] = {}
            for name in _drawn(definition.data):
                mine[name] = mine.get(name, 0) + 1
            for name, times in mine.items():
                counts[name] = max(counts.get(name, 0), times)
        return list(counts.items())

    def form_cost(root: int) -> int:
        """The drawings form *root* costs, everything it draws included: depth first with
        an explicit stack (forms may nest thousands deep). A form that draws itself,
        directly or through others, is over any budget: pdfium follows the loop down to
        its nesting limit."""
        # frames: [form, its (name, times) items, next item, drawings so far]
        stack = [_Frame(root, do_counts(root))]
        on_path = {root}
        while stack:
            frame = stack[-1]
            number, items, i, total = frame.number, frame.items, frame.next, frame.total
            if i == len(items) or total > limit:
                stack.pop()
                on_path.discard(number)
                cost[number] = min(total, limit + 1)
                continue
            name, times = items[i]
            if any(t in on_path for t in targets(number, name) if t in forms):
                # a form drawing itself, directly or through others: pdfium follows such a
                # loop to its nesting limit, times the fan-out at each level
                frame.total = limit + 1
                continue
            pending = [
                t
                for t in targets(number, name)
                if t in forms and t not in cost and t not in on_path
            ]
            if pending:
                on_path.add(pending[0])
                stack.append(_Frame(pending[0], do_counts(pending[0])))
                continue
            best = max((cost[t] for t in targets(number, name) if t in cost), default=1)
            frame.next, frame.total = i + 1, min(total + times * best, limit + 1)
        return cost[root]

    total = 0
    for s in scan.streams:
        if s.form or s.image:
            continue
        for name in _drawn(s.data):
            best = 1
            for target in targets(s.number, name):
                if target in forms:
                    best = max(best, cost[target] if target in cost else form_cost(target))
            total += best
            if total > limit:
                return total
    return total


def check(data: bytes) -> list[Diagnostic]:
    """Refuse *data* when it asks for more work than its size allows; notes on damage.

    Raises :class:`UnreadableFileError` (``decompression_bomb``, ``xobject_budget``).
    """
    scan = _Scan(data)
    drawings = _drawings(scan)
    limit = drawing_budget(len(data))
    if drawings > limit:
        raise UnreadableFileError(
            f"the PDF's pages ask for more than {limit:,} drawings of Form XObjects (forms "
            f"that draw each other, or themselves) in a file of {len(data):,} bytes: a "
            "damaged file or one built to exhaust its reader",
            code="xobject_budget",
            expected="a PDF whose forms are drawn a reasonable number of times",
        )
    notes = []
    cycles = _cycles(scan.bodies)
    if cycles:
        shown = ", ".join(map(str, cycles[:5]))
        notes.append(
            Diagnostic(
                "reference_cycle",
                "warning",
                msg("reference_cycle", objects=shown),
            )
        )
    return notes
