"""Fuzz target of the file readers (PDF, DOCX, ODT, HTML) with hostile structures.

    python fuzz/fuzz_readers.py --reader pdf --seconds 600 [--seed N] [--limit S]

Each input is a file built by :mod:`hostile`'s recipes with random parameters (forms drawing
each other at random depth and fan-out, streams inflating at random ratios, reference cycles,
thousands of characters or ruled cells on a page, repeated pages; spans, vertical merges,
nested tables and floods of paragraphs in Word files; spans, covered cells and repeats in
OpenDocument texts; charsets, nesting, spans and broken
markup in web pages), or a seed file of the reader damaged byte by byte (the PDF fixtures,
the seeds written as Word files and pages). The promise checked for each: the reader returns
its text, or raises ``ParseError`` (never the ``internal_error`` net, never another
exception), within ``--limit`` seconds (a hang otherwise). The run ends with the inputs
tried, the failures by signature, and the process's peak resident memory.

Exit status: 0 when nothing failed.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import fuzz_parse as fz  # noqa: E402
import hostile as h  # noqa: E402

import disclosure_parser as dp  # noqa: E402
from disclosure_parser.readers.odt import odt_to_text  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


def _seeds_text() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests/seeds").glob("0*.txt"))]


def _mutate(rng: random.Random, data: bytes, ops: int = 4) -> bytes:
    return fz.mutate_bytes(fz.RandomChooser(rng), data, ops)


def pdf_input(rng: random.Random) -> tuple[str, bytes]:
    """A hostile PDF: a recipe with random parameters, or a fixture damaged."""
    kind = rng.randrange(10)
    if kind == 0:
        return "selfref", h.self_reference()
    if kind == 1:
        return "chain", h.reference_chain(rng.randint(1, 50))
    if kind == 2:
        levels, fanout = rng.randint(1, 12), rng.randint(1, 20)
        return f"xobject {levels}x{fanout}", h.xobject_bomb(levels, fanout)
    if kind == 3:
        return "flate", h.flate_bomb(rng.choice([1, 5, 20, 40, 80]))
    if kind == 4:
        return "chars", h.many_chars(rng.choice([100, 5_000, 50_000, 120_000]))
    if kind == 5:
        n = rng.choice([2, 10, 40, 100])
        return f"grid {n}", h.ruled_grid(n, rng.choice([2, 10, n]))
    if kind == 6:
        return "pages", h.repeated_page(rng.choice([1, 100, 1_000, 2_500]))
    if kind == 7:
        return "nobbox", h.font_without_bbox(rng.randint(1, 200))
    fixtures = sorted((REPO / "tests/fixtures").glob("seed_*.pdf"))
    base = rng.choice(fixtures).read_bytes()
    if kind == 8:
        return "fixture damaged", _mutate(rng, base)
    # a recipe damaged
    return "recipe damaged", _mutate(rng, h.xobject_bomb(rng.randint(1, 6)), 2)


def docx_input(rng: random.Random) -> tuple[str, bytes]:
    """A hostile Word file: spans, merges, nesting, floods, damage."""
    kind = rng.randrange(8)
    if kind == 0:
        span = rng.choice(["0", "-1", "abc", "64", "65", "100000000", str(2**63), "1.5", ""])
        return f"gridSpan {span}", h.grid_span(span)
    if kind == 1:
        return "vMerge", h.vertical_merges(rng.choice([1, 100, 5_000, 20_000]))
    if kind == 2:
        return "paragraphs", h.empty_paragraphs(rng.choice([10, 100_000, 1_000_000, 5_000_000]))
    if kind == 3:
        return "nested", h.nested_tables(rng.choice([1, 10, 100, 200, 255, 300]))
    if kind == 4:
        # random merges and spans over a table
        rows = []
        for _ in range(rng.randint(1, 60)):
            cells = []
            for _ in range(rng.randint(1, 12)):
                props = ""
                if rng.random() < 0.3:
                    props += f'<w:gridSpan w:val="{rng.choice([1, 2, 3, 70, 10**9])}"/>'
                if rng.random() < 0.4:
                    props += rng.choice(['<w:vMerge w:val="restart"/>', "<w:vMerge/>"])
                cells.append(h.cell(str(rng.randint(0, 99)), props))
            before = f'<w:trPr><w:gridBefore w:val="{rng.choice([0, 1, 5, 10**8])}"/></w:trPr>'
            rows.append(
                "<w:tr>" + (before if rng.random() < 0.2 else "") + "".join(cells) + "</w:tr>"
            )
        return "table", h.docx("<w:tbl>" + "".join(rows) + "</w:tbl>")
    text = rng.choice(_seeds_text())
    data = fz._docx_bytes(text) if kind < 7 else h.grid_span("2")
    return "seed damaged", _mutate(rng, data)


def odt_input(rng: random.Random) -> tuple[str, bytes]:
    """A hostile OpenDocument text: spans, covered cells, repeats, nesting, floods, damage."""
    kind = rng.randrange(8)
    values = ["0", "-1", "abc", "64", "65", "100000000", str(2**63), "1.5", ""]
    if kind == 0:
        attribute = rng.choice(
            [
                "number-columns-spanned",
                "number-rows-spanned",
                "number-columns-repeated",
                "number-rows-repeated",
            ]
        )
        value = rng.choice(values)
        return f"span {attribute}={value}", h.odt_span(attribute, value)
    if kind == 1:
        return "rows", h.odt_repeated_rows(rng.choice([*values, "100", "101"]), "9" * 100)
    if kind == 2:
        return "paragraphs", h.odt_empty_paragraphs(rng.choice([10, 100_000, 5_000_000]))
    if kind == 3:
        return "nested", h.odt_nested_tables(rng.choice([1, 10, 100, 200, 255, 300]))
    if kind == 4:
        # random spans, covered cells and repeats over a table
        rows = []
        for _ in range(rng.randint(1, 60)):
            cells = []
            for _ in range(rng.randint(1, 12)):
                if rng.random() < 0.3:
                    repeat = rng.choice([1, 3, 10**6])
                    cells.append(
                        f'<table:covered-table-cell table:number-columns-repeated="{repeat}"/>'
                    )
                    continue
                attributes = ""
                for name in ("columns-spanned", "rows-spanned", "columns-repeated"):
                    if rng.random() < 0.25:
                        value = rng.choice([1, 2, 3, 70, 10**9])
                        attributes += f' table:number-{name}="{value}"'
                cells.append(h.odt_cell(str(rng.randint(0, 99)), attributes))
            repeat = rng.choice([1, 2, 100, 10**9])
            rows.append(f'table:number-rows-repeated="{repeat}"|' + "".join(cells))
        return "table", h.odt(h.odt_table(*rows))
    fixtures = sorted((REPO / "tests/fixtures/conversions").glob("*.lo-odt.odt"))
    data = rng.choice(fixtures).read_bytes() if kind < 7 else h.odt_span("x", "1")
    return "fixture damaged", _mutate(rng, data)


def html_input(rng: random.Random) -> tuple[str, bytes]:
    """A hostile page: charsets, nesting, spans, broken markup, damage."""
    kind = rng.randrange(7)
    if kind == 0:
        charset = rng.choice([*h.NOT_TEXT_CODECS, "utf-16", "utf-32le", "gb2312", "x" * 40, ""])
        return f"charset {charset}", h.charset_page(charset)
    if kind == 1:
        tag = rng.choice(["div", "table", "td", "b", "p", "li", "span", "tr"])
        return f"deep {tag}", h.deep_page(rng.choice([10, 1_000, 5_000, 20_000]), tag).encode()
    if kind == 2:
        rows = "".join(
            f"<tr><td rowspan='{rng.choice([0, 1, 2, 1000, 10**9, -3])}' "
            f"colspan='{rng.choice([0, 1, 5, 100, 10**9, 'x'])}'>规章</td><td>1</td></tr>"
            for _ in range(rng.randint(1, 300))
        )
        return "spans", f"<p>一、总体情况</p><table>{rows}</table>".encode()
    if kind == 3:
        soup = "".join(
            rng.choice(
                [
                    "<table>",
                    "<tr>",
                    "<td>",
                    "</td>",
                    "</table>",
                    "<p>",
                    "<br>",
                    "规章",
                    "1",
                    "<caption>",
                    "<script>",
                    "<!--",
                    "-->",
                    "&nbsp;",
                    "<div class=nav>",
                ]
            )
            for _ in range(rng.randint(1, 3_000))
        )
        return "tag soup", soup.encode()
    page = fz._page_of(rng.choice(_seeds_text()))
    if kind == 4:
        return "seed page damaged", _mutate(rng, page.encode("utf-8"))
    if kind == 5:
        return "seed page gb18030 damaged", _mutate(rng, page.encode("gb18030"))
    escaped = page.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return "javascript", _mutate(rng, f'var content = "{escaped}";'.encode(), 2)


READERS: dict[str, tuple[Callable[[random.Random], tuple[str, bytes]], Callable[[bytes], object]]]
READERS = {
    "pdf": (pdf_input, lambda data: dp.pdf_to_text(data)),
    "docx": (docx_input, lambda data: dp.docx_to_text(data)),
    "odt": (odt_input, lambda data: odt_to_text(data)),
    "html": (html_input, lambda data: dp.html_to_text(data)),
}

# ---------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------


class Hang(BaseException):
    """An input ran past its limit."""


def run_one(reader: str, data: bytes, limit: float) -> str | None:
    """The failure signature of one input, or None when the reader kept its promise."""
    call = READERS[reader][1]

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        call(data)
    except Hang:
        return "hang"
    except dp.ParseError as exc:
        if exc.code == "internal_error":
            return f"internal_error:{type(exc.__cause__).__name__}"
        return None
    except Exception as exc:
        return f"escaped:{type(exc).__name__}@{fz._innermost(exc.__traceback__)}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return None


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fuzz(
    reader: str,
    seconds: float,
    seed: int,
    limit: float,
    count: int | None = None,
    keep: Path | None = None,
) -> dict[str, object]:
    """Run *reader* on hostile inputs for *seconds* (or *count* inputs); the summary. The
    slowest input so far is written to *keep* (a folder) when given."""
    rng = random.Random(seed)
    make = READERS[reader][0]
    deadline = time.monotonic() + seconds
    tried = 0
    kinds: Counter[str] = Counter()
    failures: dict[str, dict[str, object]] = {}
    slowest = (0.0, "")
    while (count is None and time.monotonic() < deadline) or (count is not None and tried < count):
        kind, data = make(rng)
        if keep is not None:
            # written before the run: an input that kills the process is not lost
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"current-{reader}.bin").write_bytes(data)
        start = time.monotonic()
        failure = run_one(reader, data, limit)
        spent = time.monotonic() - start
        if spent > slowest[0] and keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"slowest-{reader}.bin").write_bytes(data)
        slowest = max(slowest, (spent, kind))
        tried += 1
        kinds[kind.split()[0]] += 1
        if failure is not None:
            entry = failures.setdefault(failure, {"count": 0, "kind": kind, "size": len(data)})
            entry["count"] = int(entry["count"]) + 1  # type: ignore[call-overload]
            print(f"[fuzz-readers] {reader}: {failure} ({kind})", file=sys.stderr, flush=True)
    return {
        "reader": reader,
        "inputs": tried,
        "failures": failures,
        "hangs": sum(int(f["count"]) for k, f in failures.items() if k == "hang"),  # type: ignore[call-overload]
        "peak_rss_mb": round(peak_rss_mb()),
        "slowest_input_s": round(slowest[0], 2),
        "slowest_kind": slowest[1],
        "by_kind": dict(kinds),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--reader", choices=sorted(READERS), required=True)
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=float, default=60.0, help="seconds before an input hangs")
    ap.add_argument(
        "--keep",
        type=Path,
        default=Path(tempfile.gettempdir()) / "disclosure_parser_fuzz_readers",
        help="folder the slowest input is written to",
    )
    options = ap.parse_args(argv)
    summary = fuzz(options.reader, options.seconds, options.seed, options.limit, keep=options.keep)
    print(json.dumps(summary, indent=1, ensure_ascii=False))
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
