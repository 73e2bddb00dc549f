"""What the readers of zipped XML documents (Word .docx, OpenDocument .odt) share: the package
opened within its size budgets, and its XML parsed safely.

Both formats are a zip package whose main part is XML. Every step is bounded by the file's size:
a package that would unpack to more than :data:`MAX_UNPACKED_BYTES`, or whose main part holds
more elements than its size can explain (:func:`element_budget`), is refused before it is
parsed (a zip bomb, or a flood of empty paragraphs deflated into a few kilobytes). The XML
parser resolves no entities, loads no DTD and never touches the network, so a document cannot
pull in local files or URLs.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from ..core.errors import MissingDependencyError, UnreadableFileError
from ..core.messages import Message
from ..core.model import Diagnostic
from .base import Adapted, Block, TextWriter

if TYPE_CHECKING:
    from lxml.etree import _Element  # type: ignore[import-untyped]

#: the most a package may unpack to, in bytes: a report's XML is a few megabytes, its images
#: are compressed already; a package that claims more is a zip bomb (a few hundred kilobytes
#: that would inflate, whole, into memory)
MAX_UNPACKED_BYTES: Final = 100_000_000
#: elements of the main part allowed per byte of the file, and at least
#: :data:`MIN_ELEMENTS`: a report's body holds well under one element per byte of the
#: compressed file; ten million empty paragraphs deflate into 128 kB
ELEMENTS_PER_BYTE: Final = 4
MIN_ELEMENTS: Final = 200_000

#: a function making the reader's ``corrupt_file`` error from an exception or a reason
Corrupt = Callable[[BaseException | str], UnreadableFileError]


def element_budget(size: int) -> int:
    """How many XML elements the main part of a *size*-byte package may hold.

    >>> element_budget(40_000), element_budget(1_000_000)
    (200000, 4000000)
    """
    return max(MIN_ELEMENTS, ELEMENTS_PER_BYTE * size)


def xml_parser(extra: str, what: str) -> Any:
    """lxml's parser for untrusted documents (*extra* and *what* name the extra to install
    when lxml is missing)."""
    try:
        from lxml import etree  # type: ignore[import-untyped]
    except ImportError as exc:
        raise MissingDependencyError(extra, "lxml", what) from exc
    # no entities resolved, no DTD loaded, no network: a document cannot reach out
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def open_package(data: bytes, kind: str, expected: str, corrupt: Corrupt) -> zipfile.ZipFile:
    """The zip package *data*, refused (``too_large``) when it would unpack to more than
    :data:`MAX_UNPACKED_BYTES`; *kind* names the document in messages ("Word document")."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:
        raise corrupt(exc) from exc
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        package.close()
        raise UnreadableFileError(
            f"the {kind} unpacks to {unpacked:,} bytes (from {len(data):,}), over the "
            f"limit of {MAX_UNPACKED_BYTES:,} bytes: a damaged file or a zip bomb",
            code="too_large",
            expected=expected,
        )
    return package


#: the most a package's small parts may unpack to (Word's relationships and content types,
#: an OpenDocument manifest: a few kilobytes each); parsed whole, a part of a million empty
#: elements deflated into 20 kB would take gigabytes
MAX_SMALL_PART_BYTES: Final = 1_000_000


def read_part(
    package: zipfile.ZipFile, name: str, corrupt: Corrupt, limit: int | None = None
) -> bytes:
    """The bytes of the part *name*: any failure of zipfile or zlib is a damaged file, and so
    is a part that unpacks to more than *limit* bytes (zipfile never inflates a part past the
    size its entry declares)."""
    try:
        if limit is not None and package.getinfo(name).file_size > limit:
            raise corrupt(f"its part {name} unpacks to more than {limit:,} bytes")
        return package.read(name)
    except (UnreadableFileError, MemoryError, RecursionError):
        raise
    except Exception as exc:
        # a damaged package fails in zipfile's and zlib's own ways (BadZipFile, zlib.error,
        # a bad CRC, an unknown compression method …): each is a damaged file
        raise corrupt(exc) from exc


def parse_part(
    xml: bytes, size: int, parser: Any, kind: str, expected: str, corrupt: Corrupt
) -> _Element:
    """The root of the main part *xml* of a *size*-byte package, within the element budget.

    Raises ``too_many_elements`` when the part holds more elements than the package's size
    explains (counted before parsing: a flood of elements costs memory as it is parsed),
    ``too_complex`` when it nests deeper than lxml allows, ``corrupt_file`` when it is no XML.
    """
    from lxml import etree

    budget = element_budget(size)
    # an upper bound on the elements, from two byte counts (no regular expression over what
    # may be a hundred megabytes)
    elements = xml.count(b"<") - xml.count(b"</") if len(xml) > budget else 0
    if elements > budget:
        raise UnreadableFileError(
            f"the {kind}'s body holds {elements:,} XML elements in a file of "
            f"{size:,} bytes, over the budget of {budget:,} for its size: a damaged file "
            "or a flood of empty elements",
            code="too_many_elements",
            expected=expected,
        )
    try:
        return etree.fromstring(xml, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        if "depth" in str(exc).lower():
            raise UnreadableFileError(
                f"the {kind} is nested too deeply to read (tables in tables, hundreds deep)",
                code="too_complex",
            ) from exc
        raise corrupt(exc) from exc


def file_bytes(source: bytes | str | Any) -> bytes:
    """The bytes of *source*: bytes as given, else the file at that path."""
    if isinstance(source, bytes):
        return source
    with open(source, "rb") as handle:
        return handle.read()


def package_text(
    fmt: str,
    blocks: list[Block],
    source: Callable[[int], Message],
    clamped: Message | None,
) -> Adapted:
    """The text of a package's *blocks* (format *fmt*), with its ``source`` note (given the
    number of tables written) and, where spans or repeats were cut back to the grid, its
    ``span_clamped`` warning."""
    writer = TextWriter(fmt)
    writer.write(blocks)
    notes = [Diagnostic("source", "info", source(writer.tables))]
    if clamped is not None:
        notes.append(Diagnostic("span_clamped", "warning", clamped))
    return writer.adapted(notes)
