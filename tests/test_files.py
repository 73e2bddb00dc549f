"""parse_file: suffixes, and the encodings real files come in."""

from __future__ import annotations

from pathlib import Path

import pytest

import disclosure_parser as dp
from conftest import seed_text


@pytest.mark.parametrize(
    ("encoding", "data_prefix", "name"),
    [
        ("utf-8", b"", "UTF-8"),
        ("utf-8", b"\xef\xbb\xbf", "UTF-8 with BOM"),
        ("gb18030", b"", "GB18030"),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, data_prefix: bytes, name: str) -> None:
    """UTF-8, UTF-8 with BOM and GB18030 files read the same; the diagnostic says which."""
    path = tmp_path / "report.txt"
    path.write_bytes(data_prefix + seed_text("003").encode(encoding))
    report = dp.parse_file(path)
    note = report.diagnostics[0]
    assert (note.code, note.severity, note.message) == (
        "encoding",
        "info",
        f"file decoded as {name}",
    )
    assert note.params == {"encoding": name}
    assert report.applications.get("new_received", "total") == 5
    assert report.organization == "洪合镇人民政府"


def test_markdown_suffix(tmp_path: Path) -> None:
    """.md files are read like .txt."""
    path = tmp_path / "report.md"
    path.write_text(seed_text("001"), encoding="utf-8")
    assert dp.parse_file(path).template == "2021"


def test_unsupported_suffix(tmp_path: Path) -> None:
    """Other suffixes raise UnsupportedFormatError listing what is supported."""
    path = tmp_path / "report.xls"
    path.write_bytes(b"")
    with pytest.raises(dp.UnsupportedFormatError, match=r"\.txt"):
        dp.parse_file(path)


def test_undecodable_file(tmp_path: Path) -> None:
    """Bytes that are neither UTF-8 nor GB18030 raise ParseError, not UnicodeDecodeError."""
    path = tmp_path / "report.txt"
    path.write_bytes("规章".encode() + b"\xff\xff\xff")
    with pytest.raises(dp.ParseError, match="neither UTF-8 nor GB18030"):
        dp.parse_file(path)


def test_missing_file(tmp_path: Path) -> None:
    """A file that does not exist raises FileNotFoundError, as open() does."""
    with pytest.raises(FileNotFoundError):
        dp.parse_file(tmp_path / "nope.txt")
