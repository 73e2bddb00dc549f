"""Long-running fuzz target: whatever the input, ``parse()`` returns a Report or raises
ParseError, never anything else, and never takes more than linear time.

Inputs are the seed reports (``tests/seeds``) and the dev corpus (``../shared/corpus/dev``,
read in place, never copied), damaged by the mutations of :data:`TEXT_MUTATIONS` (lines
deleted, duplicated, swapped, truncated mid-cell, random unicode, control characters, floods
of tabs and blank lines, glued or split cells, huge numbers …), then fed to one of the entry
points of :data:`MODES`: ``parse`` on the text, ``parse_file`` on the text written as bytes in
mixed encodings, and the HTML and DOCX readers on mutated markup. Every input is checked by
:func:`check`; a few also by :func:`check_scaling`, which times the input grown ten-fold.
Here the time an input takes is judged too (:func:`timed`); the test suite, which must not
flake on a busy machine, runs the same checks under a hang guard only (:func:`guarded`) and
counts function calls instead of timing the growth.

Engines (see ``fuzz/README.md``):

* ``hypothesis`` (the default, needs only the ``dev`` extra): hypothesis draws the
  mutations, for ``--seconds`` seconds;
* ``atheris`` (coverage-guided, libFuzzer; ``pip install atheris``, not a project
  dependency): the fuzzer's bytes drive the same mutations; arguments after ``--`` go to
  libFuzzer.

A failure does not stop the run: it is bucketed by its signature (the exception type and the
innermost line of this package it came from), minimised once, and written to ``--out``; the
summary at the end (also on Ctrl-C or SIGTERM) gives the number of inputs tried and every
bucket. Exit status: 0 when nothing but ``--known`` signatures was found, 1 otherwise.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import hashlib
import io
import json
import logging
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any, Protocol

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "tests" / "seeds"
#: the project's shared real reports, read in place (never copied into the repository)
CORPUS = REPO.parent / "shared" / "corpus" / "dev"
PACKAGE = REPO / "src" / "disclosure_parser"
FIXTURES = REPO / "tests" / "fixtures"

if __name__ == "__main__" and "atheris" in sys.argv:
    # coverage feedback for libFuzzer: the package's code is instrumented as it is imported
    # (instrumenting every loaded module instead makes the run ten times slower)
    import atheris

    with atheris.instrument_imports(include=["disclosure_parser"]):
        import disclosure_parser as dp
import disclosure_parser as dp  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sources:
    """The texts mutations start from: report text, HTML pages and PDF files."""

    texts: tuple[tuple[str, str], ...]
    pages: tuple[tuple[str, str], ...]
    pdfs: tuple[tuple[str, bytes], ...] = ()


def load_sources(corpus: Path | None = CORPUS, rendered: bool = True) -> Sources:
    """The seeds, the dev corpus's text files and HTML pages (when *corpus* exists), and the
    seeds rendered by :func:`disclosure_parser.render` in every layout (when *rendered*)."""
    texts: list[tuple[str, str]] = []
    pages: list[tuple[str, str]] = []
    for path in sorted(SEEDS.glob("0*.txt")):
        texts.append((f"seed:{path.name}", path.read_text(encoding="utf-8")))
    if corpus is not None and corpus.is_dir():
        for path in sorted(corpus.iterdir()):
            if path.suffix in (".txt", ".md"):
                texts.append((f"corpus:{path.name}", path.read_text(encoding="utf-8")))
            elif path.suffix in (".html", ".htm"):
                # a tag per line, so that line mutations delete, repeat or move elements
                page = re.sub(r">\s*(?=<)", ">\n", path.read_text(encoding="utf-8"))
                pages.append((f"corpus:{path.name}", page))
    if rendered:
        for name, text in list(texts[:5]):
            report = dp.parse(text)
            for i, layout in enumerate(dp.LAYOUTS):
                noise = dp.NOISES[i % len(dp.NOISES) :][:3]
                texts.append((f"{name}:{layout}", dp.render(report, layout, noise=noise, seed=i)))
    if not pages:
        pages.append(("synthetic:page", _page_of(texts[0][1])))
    # the small PDF fixtures (the corpus's PDFs take seconds each)
    pdfs = [(f"fixture:{p.name}", p.read_bytes()) for p in sorted(FIXTURES.glob("seed_*.pdf"))]
    return Sources(tuple(texts), tuple(pages), tuple(pdfs))


def _page_of(text: str) -> str:
    """A crude HTML page of report text: a paragraph per line, tab rows as table rows."""
    out = ["<html><head><title>报告</title></head><body>"]
    in_table = False
    for line in text.split("\n"):
        if "\t" in line:
            if not in_table:
                out.append("<table>")
                in_table = True
            cells = "".join(f"<td>{_escape(c)}</td>" for c in line.split("\t"))
            out.append(f"<tr>{cells}</tr>")
        else:
            if in_table:
                out.append("</table>")
                in_table = False
            out.append(f"<p>{_escape(line)}</p>")
    if in_table:
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------------------------------
# Choices: the same mutations driven by random, hypothesis or atheris
# ---------------------------------------------------------------------------------------------


class Chooser(Protocol):
    """Where a mutation gets its decisions from."""

    def integer(self, lo: int, hi: int) -> int: ...

    def text(self, max_size: int) -> str: ...


class RandomChooser:
    """Decisions from :class:`random.Random` (reproducible from a seed)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def text(self, max_size: int) -> str:
        size = self.rng.randint(0, max_size)
        return "".join(_random_char(self) for _ in range(size))


class DrawChooser:
    """Decisions drawn by hypothesis (``st.composite``'s *draw*), so failures shrink."""

    def __init__(self, draw: Callable[[Any], Any]) -> None:
        from hypothesis import strategies as st

        self.draw, self.st = draw, st

    def integer(self, lo: int, hi: int) -> int:
        return int(self.draw(self.st.integers(lo, hi)))

    def text(self, max_size: int) -> str:
        return str(self.draw(self.st.text(max_size=max_size)))


class BytesChooser:
    """Decisions read from a fuzzer's bytes (atheris's FuzzedDataProvider)."""

    def __init__(self, fdp: Any) -> None:
        self.fdp = fdp

    def integer(self, lo: int, hi: int) -> int:
        return int(self.fdp.ConsumeIntInRange(lo, hi))

    def text(self, max_size: int) -> str:
        return str(self.fdp.ConsumeUnicode(self.fdp.ConsumeIntInRange(0, max_size)))


def pick(c: Chooser, items: Sequence[Any]) -> Any:
    return items[c.integer(0, len(items) - 1)]


#: characters the lexer treats specially, or that break line and cell logic elsewhere
CONTROL = (
    [chr(i) for i in range(0x20)]
    + ["\x7f", "\x85", "\xa0", "\u2028", "\u2029", "\u200b", "\u200e", "\u202e", "\ufeff"]
    + ["\u3000", "\ufffd", "\ud800", "\udfff", "\U0010ffff", "\u0301", "\uff5c", "\u2502"]
)
#: words of the report's vocabulary: labels, headings, marks and units
VOCAB = [
    "总计",
    "规章",
    "规范性文件",
    "行政规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "政府集中采购",
    "本年新收",
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（三）不予公开",
    "1.属于国家秘密",
    "（七）总计",
    "四、结转下年度继续办理",
    "第二十条第（一）项",
    "第二十条第（五）项",
    "信息内容",
    "本年制发件数",
    "本年新制作数量",
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "结果维持",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "XX镇人民政府2021年政府信息公开工作年度报告",
    "2020年度",
    "万元",
    "元",
    "件",
    "/",
    "—",
    "无",
    "- 3 -",
    "第 3 页",
    "|",
    "| --- |",
    "│",
    "**",
    "# ",
    "[bookmark: _GoBack]",
    "附件:",
]
NUMBERS = [
    "0",
    "-185",
    "+1036",
    "7.5",
    "7.5 万元",
    "251000元",
    "３,１１９",
    "１２",
    "1,000",
    "801000081",
    "230 000023",
    "1e5",
    "٣",
    "¹",
    "0.",
    ".5",
    "--1",
    "1.2.3",
    "9" * 30,
]


def _random_char(c: Chooser) -> str:
    kind = c.integer(0, 5)
    if kind == 0:
        return chr(c.integer(0x20, 0x7E))
    if kind == 1:
        return chr(c.integer(0x4E00, 0x9FFF))
    if kind == 2:
        return str(pick(c, CONTROL))
    if kind == 3:
        return chr(c.integer(0xFF01, 0xFF5E))  # full-width forms
    if kind == 4:
        return "\t" if c.integer(0, 1) else "\n"
    return chr(c.integer(0, 0x10FFFF))


# ---------------------------------------------------------------------------------------------
# Mutations of report text
# ---------------------------------------------------------------------------------------------

Lines = list[str]


def _index(c: Chooser, lines: Lines) -> int:
    return c.integer(0, max(len(lines) - 1, 0))


def _ensure(lines: Lines) -> None:
    if not lines:
        lines.append("")


def m_delete(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    del lines[i : i + c.integer(1, 4)]
    _ensure(lines)


def _times(c: Chooser, block: Lines, most: int) -> int:
    """How many times to repeat *block*: up to *most*, and to about 200 000 characters."""
    size = sum(len(line) + 1 for line in block)
    return c.integer(1, max(1, min(most, 200_000 // max(size, 1))))


def m_duplicate(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    block = lines[i : i + c.integer(1, 4)]
    lines[i:i] = block * _times(c, block, 3)


def m_swap(c: Chooser, lines: Lines, _: Sources) -> None:
    i, j = _index(c, lines), _index(c, lines)
    lines[i], lines[j] = lines[j], lines[i]


def m_move(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    block = lines[i : i + c.integer(1, 12)]
    del lines[i : i + len(block)]
    j = c.integer(0, len(lines))
    lines[j:j] = block


def m_truncate_cell(c: Chooser, lines: Lines, _: Sources) -> None:
    """A line cut inside a cell (the rest of the row lost)."""
    i = _index(c, lines)
    lines[i] = lines[i][: c.integer(0, len(lines[i]))]


def m_truncate_text(c: Chooser, lines: Lines, _: Sources) -> None:
    """The file cut short, mid-line (a truncated download)."""
    i = _index(c, lines)
    del lines[i + 1 :]
    lines[i] = lines[i][: c.integer(0, len(lines[i]))]


def m_split_line(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    at = c.integer(0, len(lines[i]))
    lines[i : i + 1] = [lines[i][:at], lines[i][at:]]


def m_join_lines(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    if i + 1 < len(lines):
        lines[i : i + 2] = [lines[i] + pick(c, ["", " ", "\t", "  "]) + lines[i + 1]]


def m_unicode(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    at = c.integer(0, len(lines[i]))
    lines[i] = lines[i][:at] + c.text(12) + lines[i][at:]


def m_control(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    for _ in range(c.integer(1, 4)):
        at = c.integer(0, len(lines[i]))
        lines[i] = lines[i][:at] + pick(c, CONTROL) * c.integer(1, 3) + lines[i][at:]


def m_replace_char(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    if lines[i]:
        at = c.integer(0, len(lines[i]) - 1)
        lines[i] = lines[i][:at] + _random_char(c) + lines[i][at + 1 :]


def m_tab_flood(c: Chooser, lines: Lines, _: Sources) -> None:
    """A run of tabs (up to 64k here; the bounded tests try a full megabyte)."""
    i = _index(c, lines)
    at = c.integer(0, len(lines[i]))
    lines[i] = lines[i][:at] + "\t" * (1 << c.integer(0, 16)) + lines[i][at:]


def m_blank_flood(c: Chooser, lines: Lines, _: Sources) -> None:
    i = c.integer(0, len(lines))
    lines[i:i] = [pick(c, ["", " ", "\t", "\xa0", "\u3000"])] * (1 << c.integer(0, 14))


def m_separators(c: Chooser, lines: Lines, _: Sources) -> None:
    """A row's tabs become spaces, pipes, box rules or nothing (glued cells)."""
    i = _index(c, lines)
    lines[i] = lines[i].replace("\t", pick(c, ["", " ", "   ", " | ", "│", "\u3000", "\t\t"]))


def m_numbers(c: Chooser, lines: Lines, _: Sources) -> None:
    """A number replaced by another form: signs, units, full-width, glued, huge."""
    i = _index(c, lines)
    matches = list(re.finditer(r"\d+", lines[i]))
    if c.integer(0, 7) == 0:
        new = "9" * (1 << c.integer(3, 13))  # up to 8192 digits: beyond int()'s default limit
    elif c.integer(0, 1):
        new = str(pick(c, NUMBERS))
    else:
        new = str(c.integer(-(10**6), 10**12))
    if matches:
        m = pick(c, matches)
        lines[i] = lines[i][: m.start()] + new + lines[i][m.end() :]
    else:
        lines[i] += "\t" + new


def m_cells(c: Chooser, lines: Lines, _: Sources) -> None:
    """A tab row with a cell dropped, doubled, emptied or two cells swapped."""
    i = _index(c, lines)
    cells = lines[i].split("\t")
    j = c.integer(0, len(cells) - 1)
    op = c.integer(0, 3)
    if op == 0 and len(cells) > 1:
        del cells[j]
    elif op == 1:
        cells.insert(j, cells[j])
    elif op == 2:
        cells[j] = pick(c, ["", " ", "\xa0"])
    else:
        k = c.integer(0, len(cells) - 1)
        cells[j], cells[k] = cells[k], cells[j]
    lines[i] = "\t".join(cells)


def m_vocab(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    word = str(pick(c, VOCAB))
    if c.integer(0, 1):
        lines.insert(i, word)
    else:
        at = c.integer(0, len(lines[i]))
        lines[i] = lines[i][:at] + word + lines[i][at:]


def m_splice(c: Chooser, lines: Lines, sources: Sources) -> None:
    """Lines of another report inserted (two reports mixed, or one repeated)."""
    other = str(pick(c, sources.texts)[1]).split("\n")
    j = _index(c, other)
    block = other[j : j + c.integer(1, 40)]
    i = c.integer(0, len(lines))
    lines[i:i] = block


def m_repeat_block(c: Chooser, lines: Lines, _: Sources) -> None:
    """A few lines repeated many times (a table row pasted 200 times)."""
    i = _index(c, lines)
    block = lines[i : i + c.integer(1, 3)]
    lines[i:i] = block * _times(c, block, 300)


def m_line_endings(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    lines[i] += pick(c, ["\r", "\r\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028"])


def m_fullwidth(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    lines[i] = lines[i].translate(str.maketrans("0123456789-+./", "０１２３４５６７８９－＋．／"))


def m_decorate(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    style = c.integer(0, 4)
    if style == 0:
        lines[i] = "**" + lines[i] + "**"
    elif style == 1:
        lines[i] = "#" * c.integer(1, 7) + " " + lines[i]
    elif style == 2:
        lines[i] = "| " + lines[i].replace("\t", " | ") + " |"
    elif style == 3:
        lines[i] = "\t" + lines[i]
    else:
        lines[i] = " " * c.integer(1, 40) + lines[i]


def m_delete_chars(c: Chooser, lines: Lines, _: Sources) -> None:
    i = _index(c, lines)
    at = c.integer(0, len(lines[i]))
    lines[i] = lines[i][:at] + lines[i][at + c.integer(1, 8) :]


def m_long_line(c: Chooser, lines: Lines, _: Sources) -> None:
    """One very long line: a paragraph, a glued run of digits, or repeated words."""
    i = c.integer(0, len(lines))
    unit = str(pick(c, ["一", "1", "规章", "0\t", "（一）", "、", "一、", "。", " ", "1 "]))
    lines.insert(i, unit * (1 << c.integer(4, 15)))


TEXT_MUTATIONS: tuple[Callable[[Chooser, Lines, Sources], None], ...] = (
    m_delete,
    m_duplicate,
    m_swap,
    m_move,
    m_truncate_cell,
    m_truncate_text,
    m_split_line,
    m_join_lines,
    m_unicode,
    m_control,
    m_replace_char,
    m_tab_flood,
    m_blank_flood,
    m_separators,
    m_numbers,
    m_cells,
    m_vocab,
    m_splice,
    m_repeat_block,
    m_line_endings,
    m_fullwidth,
    m_decorate,
    m_delete_chars,
    m_long_line,
)


def mutate_text(c: Chooser, text: str, sources: Sources, max_ops: int = 8) -> str:
    """*text* damaged by 1 to *max_ops* mutations."""
    lines = text.split("\n")
    for _ in range(c.integer(1, max_ops)):
        pick(c, TEXT_MUTATIONS)(c, lines, sources)
    return "\n".join(lines)


def mixed_encoding(c: Chooser, text: str) -> bytes:
    """*text* as a file's bytes: lines in UTF-8, GB18030 or UTF-16, a BOM, stray bytes."""
    start = pick(c, [b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
    parts: list[bytes] = [start]
    main = pick(c, ["utf-8", "gb18030"])
    for line in text.split("\n"):
        codec = main if c.integer(0, 9) else pick(c, ["utf-8", "gb18030", "utf-16-le", "latin-1"])
        data = line.encode(codec, "replace")
        if c.integer(0, 29) == 0:  # a stray byte, or a multi-byte character cut in half
            at = c.integer(0, len(data))
            data = data[:at] + bytes([c.integer(0x80, 0xFF)]) + data[at:]
        parts.append(data + b"\n")
    data = b"".join(parts)
    if c.integer(0, 9) == 0:
        data = data[: c.integer(0, len(data))]
    return data


_PDF_NAMES = [
    b"/FlateDecode",
    b"/ASCII85Decode",
    b"/ASCIIHexDecode",
    b"/LZWDecode",
    b"/Page",
    b"/Pages",
    b"/Font",
    b"/Type0",
    b"/Identity-H",
    b"/Length",
    b"/Kids",
    b"/Parent",
]


def mutate_bytes(c: Chooser, data: bytes, max_ops: int = 4) -> bytes:
    """*data* (a PDF) damaged: bytes flipped, ranges cut or doubled, numbers changed (object
    numbers, lengths and offsets), names swapped, the file truncated."""
    out = bytearray(data)
    for _ in range(c.integer(1, max_ops)):
        op = c.integer(0, 6)
        at = c.integer(0, max(len(out) - 1, 0))
        if op == 0 and out:
            out[at] = c.integer(0, 255)
        elif op == 1:
            del out[at : at + c.integer(1, 512)]
        elif op == 2:
            out[at:at] = out[at : at + c.integer(1, 512)] * c.integer(1, 4)
        elif op == 3:
            numbers = list(re.finditer(rb"\d+", bytes(out[at : at + 4096])))
            if numbers:
                m = pick(c, numbers)
                new = str(pick(c, [0, 1, -1, 2**31, 2**63, 10**100, c.integer(0, 99999)]))
                out[at + m.start() : at + m.end()] = new.encode()
        elif op == 4:
            names = list(re.finditer(rb"/[A-Za-z0-9]+", bytes(out[at : at + 4096])))
            if names:
                m = pick(c, names)
                out[at + m.start() : at + m.end()] = pick(c, _PDF_NAMES)
        elif op == 5:
            del out[c.integer(0, len(out)) :]
        else:
            out[at:at] = bytes(c.integer(0, 255) for _ in range(c.integer(1, 16)))
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# Checking one input
# ---------------------------------------------------------------------------------------------


class FuzzTimeout(BaseException):
    """One input ran past its time budget (a BaseException, so parse() cannot swallow it)."""


@dataclass
class Failure:
    """What went wrong with one input."""

    signature: str
    detail: str


def _innermost(tb: TracebackType | None) -> str:
    """file:line of the innermost frame of this package in *tb* (else the innermost of all)."""
    ours = last = "?"
    while tb is not None:
        code = tb.tb_frame.f_code
        where = f"{Path(code.co_filename).name}:{code.co_name}:{tb.tb_lineno}"
        if str(PACKAGE) in code.co_filename:
            ours = where
        last = where
        tb = tb.tb_next
    return ours if ours != "?" else last


def _frame_where(frame: FrameType | None) -> str:
    """file:line of the innermost frame of this package in a live stack."""
    while frame is not None:
        code = frame.f_code
        if str(PACKAGE) in code.co_filename:
            return f"{Path(code.co_filename).name}:{code.co_name}:{frame.f_lineno}"
        frame = frame.f_back
    return "?"


def _exception_failure(kind: str, exc: BaseException) -> Failure:
    where = _innermost(exc.__traceback__)
    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return Failure(f"{kind}:{type(exc).__name__}@{where}", detail[-4000:])


def check_report(report: object) -> Failure | None:
    """A Report whose to_dict is JSON data that turns back into an equal Report, and that
    validate() judges (findings, no exception; its time counts in the input's budget)."""
    if not isinstance(report, dp.Report):
        return Failure(f"returned:{type(report).__name__}", repr(report)[:500])
    try:
        data = json.loads(json.dumps(report.to_dict()))
        again = dp.Report.from_dict(data)
    except Exception as exc:
        return _exception_failure("to_dict", exc)
    if again != report:
        return Failure("to_dict:roundtrip_differs", "Report.from_dict(to_dict()) != report")
    try:
        findings = dp.validate(report)
    except Exception as exc:
        return _exception_failure("validate", exc)
    if not all(isinstance(f, dp.Finding) for f in findings):
        return Failure("validate:returned", repr(findings)[:500])
    return None


def check_error(exc: dp.ParseError) -> Failure | None:
    """A ParseError that is not the bug safety net and has a position and a message."""
    if exc.code == "internal_error":
        cause = exc.__cause__ or exc
        return _exception_failure("internal_error", cause)
    if exc.line < 1 or exc.column < 1 or not exc.msg or not str(exc):
        return Failure(f"bad_error:{exc.code}", f"line={exc.line} column={exc.column} {exc!s}")
    return None


def check_call(call: Callable[[], object]) -> Failure | None:
    """Run one entry point; its outcome must be a sound Report or a sound ParseError."""
    try:
        result = call()
    except dp.ParseError as exc:
        return check_error(exc)
    except (FuzzTimeout, KeyboardInterrupt):
        raise
    except Exception as exc:
        return _exception_failure("escaped", exc)
    return check_report(result)


def check(text: str) -> Failure | None:
    """parse(text): a Report that round-trips through to_dict, or a sound ParseError."""
    return check_call(lambda: dp.parse(text))


def cpu_time(call: Callable[[], object]) -> float:
    """The CPU seconds *call* takes (CPU, not wall, time: other processes do not count)."""
    start = time.process_time()
    with contextlib.suppress(dp.ParseError):
        call()
    return time.process_time() - start


def budget(size: int) -> float:
    """Seconds any input of *size* characters may take: a generous linear bound.

    The parser reads about 200 000 characters a second; this allows 20 000 a second, plus a
    second for start-up costs.
    """
    return 1.0 + size / 20_000


def grow(text: str, factor: int, line: int | None = None) -> str:
    """*text* with one of its lines (or, when *line* is None, the whole text) repeated."""
    if line is None:
        return "\n".join([text] * factor)
    lines = text.split("\n")
    i = min(line, len(lines) - 1)
    lines[i : i + 1] = [lines[i]] * factor
    return "\n".join(lines)


def scaled(text: str, line: int | None, repeat: int = 50) -> tuple[str, str]:
    """*text* small and grown ten-fold: its line *line* repeated *repeat* and ten times
    *repeat* times, or (when *line* is None) the whole text twice and twenty times."""
    if line is None:
        return grow(text, 2), grow(text, 20)
    return grow(text, repeat, line=line), grow(text, repeat * 10, line=line)


#: a check that *text* grown ten-fold (see :func:`scaled`) costs about ten times as much
Scaling = Callable[[str, int | None], Failure | None]


def check_scaling(text: str, line: int | None, repeat: int = 50) -> Failure | None:
    """Growing the input ten-fold must not cost much more than ten times as much time.

    The part that grows is one line repeated *repeat* times (or the whole text); the small
    and the large input are timed, best of two, and a ratio above 30 (10 is linear) over a
    large input taking more than half a second is superlinear. (The test suite counts
    function calls instead: times flake on a busy machine.)
    """
    small, large = scaled(text, line, repeat)
    t_small = min(cpu_time(lambda: dp.parse(small)) for _ in range(2))
    t_large = cpu_time(lambda: dp.parse(large))
    if t_large < 0.5 or t_large < 30 * max(t_small, 0.01):
        return None
    t_large = min(t_large, cpu_time(lambda: dp.parse(large)))  # confirm: noise passes twice
    if t_large < 30 * max(t_small, 0.01):
        return None
    what = "the whole text" if line is None else f"line {line + 1}"
    return Failure(
        f"superlinear:{what if line is None else 'line'}",
        f"repeating {what}: {len(small)} chars took {t_small:.3f}s, "
        f"{len(large)} chars took {t_large:.3f}s (x{t_large / max(t_small, 1e-9):.0f})",
    )


# ---------------------------------------------------------------------------------------------
# Inputs: a mode and what it feeds the entry point
# ---------------------------------------------------------------------------------------------


@dataclass
class Case:
    """One fuzz input: the entry point (*mode*) and its argument."""

    mode: str
    data: str | bytes
    #: for mode "text": the line whose growth check_scaling times (None: the whole text)
    scale_line: int | None = None
    scale: bool = False


#: entry points and their weights
MODES = {"text": 68, "file": 10, "html": 12, "docx": 5, "pdf": 2, "synthetic": 3}


def _synthetic(c: Chooser) -> str:
    """The named pathological inputs, at a random scale."""
    n = 1 << c.integer(4, 17)
    kind = c.integer(0, 7)
    if kind == 0:
        return "\t" * n
    if kind == 1:
        return "\n" * n
    if kind == 2:
        return "".join(chr(i % 32) for i in range(n))
    if kind == 3:
        return "1" * min(n, 20_000)
    if kind == 4:
        return "XX镇人民政府2021年政府信息公开工作年度报告\n" + "规章\t1\t2\t3\n" * (n // 16 + 1)
    if kind == 5:
        return "一、总体情况\n" + "（一）" * (n // 3 + 1)
    if kind == 6:
        return "|" * n + "\n" + "-|" * (n // 2)
    return "\t\n" * n


def make_case(c: Chooser, sources: Sources, modes: dict[str, int] | None = None) -> Case:
    """One fuzz input, its mode chosen by weight."""
    weights = modes or MODES
    roll = c.integer(0, sum(weights.values()) - 1)
    mode = ""
    for mode, weight in weights.items():  # noqa: B007 - the mode the roll falls on is kept
        if roll < weight:
            break
        roll -= weight
    if mode == "synthetic":
        return Case("text", _synthetic(c))
    if mode == "pdf":
        if sources.pdfs:
            return Case("pdf", mutate_bytes(c, pick(c, sources.pdfs)[1]))
        mode = "html"
    if mode in ("html", "docx"):
        base = str(pick(c, sources.pages)[1]) if mode == "html" else str(pick(c, sources.texts)[1])
        return Case(mode, mutate_text(c, base, sources, max_ops=6))
    text = mutate_text(c, str(pick(c, sources.texts)[1]), sources)
    if mode == "file":
        return Case("file", mixed_encoding(c, text))
    scale = c.integer(0, 49) == 0
    line = None if c.integer(0, 3) == 0 else _index(c, text.split("\n"))
    return Case("text", text, scale_line=line, scale=scale)


_FILE_DIR: list[Path] = []


def _parse_bytes(data: bytes, suffix: str) -> object:
    """parse_file() on *data* written to a scratch file (one per process, reused)."""
    if not _FILE_DIR:
        _FILE_DIR.append(Path(tempfile.mkdtemp(prefix="dp-fuzz-files-")))
        # (left behind, one folder a test process piled up in the temporary directory)
        atexit.register(shutil.rmtree, _FILE_DIR[0], True)
    path = _FILE_DIR[0] / f"input{suffix}"
    path.write_bytes(data)
    return dp.parse_file(path)


def _docx_bytes(text: str) -> bytes:
    """*text* as a Word document: a paragraph per line, tab rows as a table's rows."""
    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            cells = table._cells
            for r, row in enumerate(rows):
                for k, value in enumerate(row):
                    cells[r * width + k].text = _xml_safe(value)
            rows.clear()

    for line in text.split("\n")[:400]:
        if "\t" in line:
            rows.append(line.split("\t")[:40])
        else:
            flush()
            document.add_paragraph(_xml_safe(line))
    flush()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _XML_BAD.sub("", text)


def run_case(case: Case, scaling: Scaling = check_scaling) -> Failure | None:
    """Check *case* with the entry point its mode names (a text marked for it, with
    *scaling* too)."""
    if case.mode == "text":
        assert isinstance(case.data, str)
        text = case.data
        failure = check(text)
        if failure is None and case.scale:
            failure = scaling(text, case.scale_line)
        return failure
    if case.mode == "file":
        assert isinstance(case.data, bytes)
        data = case.data
        return check_call(lambda: _parse_bytes(data, ".txt"))
    if case.mode == "html":
        page = case.data
        return check_call(lambda: dp.parse_html(page))
    if case.mode == "docx":
        assert isinstance(case.data, str)
        data = _docx_bytes(case.data)
        return check_call(lambda: dp.parse_docx(data))
    if case.mode == "pdf":
        assert isinstance(case.data, bytes)
        pdf = case.data
        return check_call(lambda: dp.parse_pdf(pdf))
    raise ValueError(case.mode)


def guarded(case: Case, limit: float, scaling: Scaling = check_scaling) -> Failure | None:
    """:func:`run_case` under a hang guard: an input still running after *limit* seconds
    (wall clock, SIGALRM) fails as a timeout where it stood; the time it took is not judged.

    What the test suite runs, with a *limit* far above any input's time: only a hang fails.
    """
    fired: list[str] = []

    def alarm(signum: int, frame: FrameType | None) -> None:
        fired.append(_frame_where(frame))
        raise FuzzTimeout

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return run_case(case, scaling)
    except FuzzTimeout:
        return Failure(f"timeout@{fired[0] if fired else '?'}", f"{len(case.data)} chars/bytes")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed(case: Case, limit: float) -> Failure | None:
    """:func:`guarded`, and an input slow for its size (over :func:`budget`) fails too."""
    size = len(case.data)
    allowed = budget(size) * (1 if case.mode == "text" else 4)
    start = time.process_time()
    failure = guarded(case, max(limit, 3 * allowed))
    spent = time.process_time() - start
    if failure is None and spent > allowed:
        # slow for its size: confirm once (a busy machine can stall anyone)
        again = time.process_time()
        run_case(Case(case.mode, case.data))
        spent = min(spent, time.process_time() - again)
        if spent > allowed:
            return Failure(
                f"slow:{case.mode}", f"{size} chars/bytes took {spent:.2f}s CPU (> {allowed:.2f}s)"
            )
    return failure


# ---------------------------------------------------------------------------------------------
# Minimising and recording failures
# ---------------------------------------------------------------------------------------------


def _signature_base(signature: str) -> str:
    return signature.split("@", 1)[0] if signature.startswith("timeout") else signature


def minimise(case: Case, signature: str, seconds: float = 60.0, limit: float = 20.0) -> Case:
    """A smaller input failing with the same signature: lines, then characters, removed in
    halving chunks while the failure stays (a greedy delta debugging, bounded in time)."""
    if isinstance(case.data, bytes) or signature.startswith(("slow", "superlinear")):
        return case  # timing failures are reported at full size; bytes are not shrunk here
    deadline = time.monotonic() + seconds
    want = _signature_base(signature)

    def fails(data: str) -> bool:
        try:
            failure = timed(Case(case.mode, data, case.scale_line, case.scale), limit)
        except Exception:
            return False
        return failure is not None and _signature_base(failure.signature) == want

    current = case.data
    for unit in ("\n", ""):
        parts = current.split("\n") if unit else list(current)
        chunk = max(len(parts) // 2, 1)
        while chunk >= 1 and time.monotonic() < deadline:
            i, changed = 0, False
            while i < len(parts) and time.monotonic() < deadline:
                trial = parts[:i] + parts[i + chunk :]
                if trial and fails(unit.join(trial)):
                    parts, changed = trial, True
                else:
                    i += chunk
            if not changed:
                chunk //= 2
        current = unit.join(parts)
    return Case(case.mode, current, case.scale_line, case.scale)


@dataclass
class Bucket:
    """Every input that failed with one signature."""

    signature: str
    detail: str
    mode: str
    count: int = 0
    example: str | bytes = ""
    known: bool = False


@dataclass
class Recorder:
    """Counts inputs, buckets failures, writes each new one (minimised) to *out*."""

    out: Path
    known: frozenset[str] = frozenset()
    minimise_seconds: float = 60.0
    tried: int = 0
    modes: Counter[str] = field(default_factory=Counter)
    buckets: dict[str, Bucket] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)
    last_report: float = field(default_factory=time.monotonic)

    def is_known(self, signature: str) -> bool:
        return any(signature.startswith(k) for k in self.known)

    def record(self, case: Case, failure: Failure | None) -> None:
        self.tried += 1
        self.modes[case.mode] += 1
        if failure is not None:
            bucket = self.buckets.get(failure.signature)
            if bucket is None:
                known = self.is_known(failure.signature)
                small = case if known else minimise(case, failure.signature, self.minimise_seconds)
                bucket = Bucket(failure.signature, failure.detail, case.mode, 0, small.data, known)
                self.buckets[failure.signature] = bucket
                self._write(bucket, case.data)
                print(f"[fuzz] new failure: {failure.signature}", file=sys.stderr, flush=True)
            bucket.count += 1
        if time.monotonic() - self.last_report > 30:
            self.last_report = time.monotonic()
            print(self.progress(), file=sys.stderr, flush=True)

    def progress(self) -> str:
        elapsed = time.monotonic() - self.started
        return (
            f"[fuzz] {self.tried} inputs in {elapsed:.0f}s ({self.tried / max(elapsed, 1):.1f}/s), "
            f"{len(self.buckets)} failure signature(s)"
        )

    def _write(self, bucket: Bucket, original: str | bytes) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha1(bucket.signature.encode()).hexdigest()[:10]
        example = bucket.example
        # the input as first seen, too: a failure that depends on what ran before may not
        # survive minimising in a fresh process
        first = original.hex() if isinstance(original, bytes) else original
        payload = {
            "signature": bucket.signature,
            "mode": bucket.mode,
            "known": bucket.known,
            "detail": bucket.detail,
            "input": example if isinstance(example, str) else None,
            "input_hex": example.hex() if isinstance(example, bytes) else None,
            "input_chars": len(example),
            "original": first if original != example else None,
        }
        (self.out / f"{name}.json").write_text(json.dumps(payload, indent=1), encoding="utf-8")

    def summary(self) -> dict[str, Any]:
        elapsed = time.monotonic() - self.started
        return {
            "inputs_tried": self.tried,
            "seconds": round(elapsed, 1),
            "by_mode": dict(self.modes),
            "failures": [
                {
                    "signature": b.signature,
                    "count": b.count,
                    "known": b.known,
                    "mode": b.mode,
                    "example": (b.example if isinstance(b.example, str) else b.example.hex())[:300],
                }
                for b in self.buckets.values()
            ],
        }

    def finish(self) -> int:
        summary = self.summary()
        self.out.mkdir(parents=True, exist_ok=True)
        (self.out / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
        print(self.progress(), file=sys.stderr)
        # (an example may hold lone surrogates, which standard output cannot encode)
        shown = json.dumps(summary, indent=1, ensure_ascii=False)
        print(shown.encode("utf-8", "backslashreplace").decode("utf-8"))
        unknown = [b for b in self.buckets.values() if not b.known]
        return 1 if unknown else 0


# ---------------------------------------------------------------------------------------------
# Engines
# ---------------------------------------------------------------------------------------------


class _Stop(BaseException):
    """The time budget is spent, or the run was interrupted."""


#: set by SIGTERM: every engine stops before its next input
_STOP_REQUESTED: list[bool] = []


def _should_stop(deadline: float) -> bool:
    return bool(_STOP_REQUESTED) or time.monotonic() > deadline


def run_hypothesis(
    recorder: Recorder, sources: Sources, seconds: float, limit: float, seed: int | None
) -> None:
    """Draw inputs with hypothesis until *seconds* have passed."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hyp_seed
    from hypothesis import strategies as st

    deadline = time.monotonic() + seconds

    @st.composite
    def cases(draw: st.DrawFn) -> Case:
        return make_case(DrawChooser(draw), sources)

    @settings(
        max_examples=10**9,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(cases())
    def fuzz(case: Case) -> None:
        if _should_stop(deadline):
            raise _Stop
        recorder.record(case, timed(case, limit))

    if seed is not None:
        fuzz = hyp_seed(seed)(fuzz)
    with contextlib.suppress(_Stop):
        fuzz()


def run_random(
    recorder: Recorder, sources: Sources, seconds: float, limit: float, seed: int | None
) -> None:
    """Draw inputs with :mod:`random` until *seconds* have passed (the lightest engine)."""
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    while not _should_stop(deadline):
        case = make_case(RandomChooser(rng), sources)
        recorder.record(case, timed(case, limit))


def run_atheris(
    recorder: Recorder, sources: Sources, seconds: float, limit: float, extra: list[str]
) -> None:
    """Let libFuzzer (coverage-guided) drive the mutations; *extra* goes to libFuzzer.

    An exception escaping the callback would end libFuzzer as a crash, so the run ends by
    writing the summary and leaving the process (libFuzzer never returns).
    """
    import atheris

    deadline: list[float] = []  # set at the first input: instrumenting takes a while

    def one_input(data: bytes) -> None:
        if not deadline:
            deadline.append(time.monotonic() + seconds)
            recorder.started = time.monotonic()
        if _should_stop(deadline[0]):
            sys.stdout.flush()
            os._exit(recorder.finish())
        fdp = atheris.FuzzedDataProvider(data)
        case = make_case(BytesChooser(fdp), sources)
        recorder.record(case, timed(case, limit))

    atheris.Setup([sys.argv[0], *extra], one_input)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in args:
        at = args.index("--")
        args, extra = args[:at], args[at + 1 :]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=600, help="time budget (default 600)")
    parser.add_argument(
        "--engine", choices=("auto", "hypothesis", "atheris", "random"), default="auto"
    )
    parser.add_argument("--seed", type=int, default=None, help="seed (hypothesis, random)")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(tempfile.gettempdir()) / "disclosure_parser_fuzz",
        help="where failures and summary.json are written (default: $TMPDIR/...)",
    )
    parser.add_argument(
        "--limit", type=float, default=30.0, help="seconds before one input counts as a hang"
    )
    parser.add_argument(
        "--known",
        action="append",
        default=[],
        help="signature prefix of a known bug (an xfail test): counted, not minimised, "
        "and not a failure of the run; may be repeated",
    )
    parser.add_argument("--no-corpus", action="store_true", help="only the seeds")
    options = parser.parse_args(args)

    engine = options.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
        except ImportError:
            engine = "hypothesis"
        else:
            engine = "atheris"
    # pdfminer logs every oddity of a damaged PDF; the outcome is what is checked here
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    sources = load_sources(None if options.no_corpus else CORPUS)
    recorder = Recorder(options.out, frozenset(options.known))
    print(
        f"[fuzz] engine {engine}, {len(sources.texts)} texts and {len(sources.pages)} page(s), "
        f"{options.seconds:.0f}s; failures go to {options.out}",
        file=sys.stderr,
        flush=True,
    )

    def stop(signum: int, frame: FrameType | None) -> None:
        _STOP_REQUESTED.append(True)  # the engines stop before their next input

    signal.signal(signal.SIGTERM, stop)
    try:
        if engine == "hypothesis":
            run_hypothesis(recorder, sources, options.seconds, options.limit, options.seed)
        elif engine == "random":
            run_random(recorder, sources, options.seconds, options.limit, options.seed)
        else:
            run_atheris(recorder, sources, options.seconds, options.limit, extra)
    except (_Stop, KeyboardInterrupt):
        pass
    return recorder.finish()


if __name__ == "__main__":
    sys.exit(main())
