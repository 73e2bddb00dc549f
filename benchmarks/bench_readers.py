"""The file readers (PDF, HTML, DOCX) of this checkout against the previous ones and the bare
engines, side by side in one run.

    python benchmarks/bench_readers.py [--against REV] [--rounds R] [--repeat N]

Files: the PDF fixtures (``tests/fixtures/seed_*.pdf``), the seeds as web pages and Word files
(written here, as the fuzz target writes them), and the dev corpus's PDFs, pages and Word files
when ``../shared/corpus/dev`` exists (read in place). Each version runs in its own interpreter:
this checkout's readers, the previous readers (``src/`` of REV taken from git into a temporary
folder, as ``bench_release.py`` does) and the bare engines: pypdfium2 extracting each page's
text; lxml.html parsing the page and reading every cell's text; zipfile and lxml parsing the
Word file's ``word/document.xml`` and reading every cell's text. The three alternate over R
rounds; each time is CPU time of the process (``time.process_time``), not wall-clock time, so
that other work on a shared machine does not land on one side of a ratio; a file's time is
its best over rounds and repeats.

Printed per format: ms per file and per page (a web page or Word file counts as one page), the
reader's share of ``parse_file``'s time, and the ratios: previous reader / this reader (how
many times faster) and this reader / bare engine (the price of what the reader adds).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus" / "dev"
#: the last commit before issue 16 (readers on pdfplumber, BeautifulSoup, python-docx)
PREVIOUS = "b72415f"

#: times the reader and parse_file over the files named on stdin: (format, path) per line
_READER = r"""
import json, logging, sys, time
logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
import disclosure_parser as dp
from disclosure_parser.readers.files import _adapt_bytes
repeat = int(sys.argv[1])
out = {}
for line in sys.stdin.read().splitlines():
    fmt, path = line.split("\t")
    data = open(path, "rb").read()
    reader = total = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        _adapt_bytes(fmt, data)
        t1 = time.process_time()
        try:
            dp.parse_file(path)
        except dp.ParseError:
            pass
        t2 = time.process_time()
        reader, total = min(reader, t1 - t0), min(total, t2 - t1)
    out[path] = [reader * 1e3, total * 1e3]
print(json.dumps(out))
"""

#: times the bare engines over the same files; prints pages per file too
_BARE = r"""
import io, json, sys, time, zipfile
repeat = int(sys.argv[1])

def pdf(data):
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(data)
    pages = len(doc)
    for i in range(pages):
        page = doc[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    doc.close()
    return pages

def html(data):
    import lxml.html
    root = lxml.html.document_fromstring(data)
    for cell in root.iter("td", "th"):
        cell.text_content()
    return 1

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def docx(data):
    from lxml import etree
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    for cell in root.iter(W + "tc"):
        "".join(t.text or "" for t in cell.iter(W + "t"))
    return 1

engines = {"pdf": pdf, "html": html, "docx": docx}
out = {}
for line in sys.stdin.read().splitlines():
    fmt, path = line.split("\t")
    data = open(path, "rb").read()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        pages = engines[fmt](data)
        best = min(best, time.process_time() - t0)
    out[path] = [best * 1e3, pages]
print(json.dumps(out))
"""


def _source_of(rev: str, into: Path) -> Path:
    """The ``src`` folder of *rev*, with the grammar beside it as in a checkout."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", rev, "src", "grammar"],
        capture_output=True,
        check=True,
    ).stdout
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def _files(folder: Path) -> list[tuple[str, Path]]:
    """(format, path) of every file benchmarked; the seeds' pages and Word files are written
    into *folder*."""
    files: list[tuple[str, Path]] = [
        ("pdf", p) for p in sorted((REPO / "tests/fixtures").glob("seed_*.pdf"))
    ]
    sys.path.insert(0, str(REPO / "fuzz"))
    sys.path.insert(0, str(REPO / "src"))
    import fuzz_parse as fz

    for seed in sorted((REPO / "tests" / "seeds").glob("0*.txt")):
        text = seed.read_text(encoding="utf-8")
        page = folder / f"{seed.stem}.html"
        page.write_text(fz._page_of(text), encoding="utf-8")
        files.append(("html", page))
        try:
            word = fz._docx_bytes(text)
        except ImportError:  # python-docx writes them (the dev extra)
            continue
        path = folder / f"{seed.stem}.docx"
        path.write_bytes(word)
        files.append(("docx", path))
    if CORPUS.is_dir():
        for path in sorted(CORPUS.iterdir()):
            fmt = {".pdf": "pdf", ".html": "html", ".htm": "html", ".docx": "docx"}.get(path.suffix)
            if fmt is not None and ".scan." not in path.name:
                files.append((fmt, path))
    return files


def _run(
    code: str, files: list[tuple[str, Path]], repeat: int, src: Path | None
) -> dict[str, list[float]]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    done = subprocess.run(
        [sys.executable, "-c", code, str(repeat)],
        input="\n".join(f"{fmt}\t{path}" for fmt, path in files),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, list[float]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _best(runs: list[dict[str, list[float]]], index: int) -> dict[str, float]:
    return {key: min(run[key][index] for run in runs) for key in runs[0]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--against", default=PREVIOUS, help="git revision of the previous readers")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = _files(work)
        previous = _source_of(args.against, work / "previous")
        this = REPO / "src"
        new_runs, old_runs, bare_runs = [], [], []
        for _ in range(args.rounds):
            new_runs.append(_run(_READER, files, args.repeat, this))
            old_runs.append(_run(_READER, files, args.repeat, previous))
            bare_runs.append(_run(_BARE, files, args.repeat, this))
    new_reader, new_total = _best(new_runs, 0), _best(new_runs, 1)
    old_reader = _best(old_runs, 0)
    bare = _best(bare_runs, 0)
    pages = {key: bare_runs[0][key][1] for key in bare_runs[0]}

    print(
        f"readers of this checkout vs {args.against} and the bare engines "
        f"(best of {args.rounds} rounds x {args.repeat})\n"
    )
    header = (
        f"{'file':34} {'pages':>5} {'ms/file':>8} {'ms/page':>8} {'share':>6} "
        f"{'prev ms':>8} {'prev/new':>8} {'bare ms':>8} {'new/bare':>8}"
    )
    summary = []
    for fmt, engine in (
        ("pdf", "pypdfium2 text"),
        ("html", "lxml.html + cells"),
        ("docx", "zip + lxml cells"),
    ):
        chosen = [str(p) for f, p in files if f == fmt]
        if not chosen:
            continue
        print(f"{fmt.upper()} (bare engine: {engine})")
        print(header)
        for key in chosen:
            n = max(int(pages[key]), 1)
            new, old, engine_ms = new_reader[key], old_reader[key], bare[key]
            # parse_file's time includes the reader's
            share = min(new / max(new_total[key], 1e-9), 1.0)
            print(
                f"{Path(key).name[:34]:34} {n:5d} {new:8.1f} {new / n:8.2f} {share:6.0%} "
                f"{old:8.1f} {old / new:8.1f} {engine_ms:8.2f} {new / engine_ms:8.2f}"
            )
        total_new = sum(new_reader[k] for k in chosen)
        total_old = sum(old_reader[k] for k in chosen)
        total_bare = sum(bare[k] for k in chosen)
        total_pages = sum(max(int(pages[k]), 1) for k in chosen)
        speedup = [old_reader[k] / new_reader[k] for k in chosen]
        overhead = [new_reader[k] / bare[k] for k in chosen]
        files_n = len(chosen)
        label = f"all {files_n} files"
        print(
            f"{label:34} {total_pages:5d} {total_new / files_n:8.1f} "
            f"{total_new / total_pages:8.2f} {'':6} {total_old / files_n:8.1f} "
            f"{total_old / total_new:8.1f} {total_bare / files_n:8.2f} "
            f"{total_new / total_bare:8.2f}\n"
        )
        summary.append(
            f"{fmt.upper()}: {total_old / total_new:.1f}x faster than the previous reader "
            f"(median file {statistics.median(speedup):.1f}x, slowest {min(speedup):.1f}x); "
            f"{total_new / total_bare:.2f}x the bare engine "
            f"(median {statistics.median(overhead):.2f}x, worst {max(overhead):.2f}x)"
        )
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
