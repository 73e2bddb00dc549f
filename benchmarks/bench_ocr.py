"""Seconds per page of reading a scan, side by side with Tesseract alone on the same image.

    python benchmarks/bench_ocr.py [SCAN.pdf ...] [--repeat R]

For each scanned PDF (default: ``tests/fixtures/scan_seed_001.pdf``) every page is rasterised
as the reader does (pypdfium2, grey, 300 dpi) and timed three ways, the fastest of R runs
(default 1) kept:

* ``tesseract``: the ``tesseract`` command alone on the page's PNG (``-l chi_sim+eng --psm 6
  tsv``, its own threads), as a user running OCR by hand would: text, no tables;
* ``page``: the reader on one page (``readers.ocr.read_page``: straightening, ruling lines,
  the prose and each cell read, numbers read again), one page at a time;
* ``file``: ``parse_file`` on the whole PDF (pages in parallel on the cores, then parsing),
  per page.

Also prints the load average at the start: on a busy machine every figure is slower, the
ratios less so. Skips (exit 0) where Tesseract is not installed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO / "tests" / "fixtures" / "scan_seed_001.pdf"


def _timed(run: object, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scans", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    import disclosure_parser as dp
    from disclosure_parser.readers import ocr

    if not ocr.available():
        print("bench_ocr: skipped (the ocr extra is not installed)")
        return 0
    try:
        command, version = ocr.tesseract()
    except dp.MissingDependencyError as exc:
        print(f"bench_ocr: skipped ({exc})")
        return 0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{version}, pages at {ocr.DPI} dpi, {os.cpu_count()} core(s), load {load:.1f}; "
        f"best of {args.repeat}"
    )
    print(f"{'file':28} {'pages':>5} {'tesseract':>10} {'page':>8} {'file':>8}  (s/page)")
    for path in args.scans:
        count, render = ocr._pdf_images(path.read_bytes())
        images = [render(i) for i in range(count)]
        alone = 0.0
        with tempfile.TemporaryDirectory() as folder:
            for i, image in enumerate(images):
                png = Path(folder) / f"page{i}.png"
                image.save(png, dpi=(ocr.DPI, ocr.DPI))
                cmd = [command, str(png), "stdout", "-l", "chi_sim+eng", "--psm", "6", "tsv"]
                alone += _timed(
                    lambda cmd=cmd: subprocess.run(cmd, capture_output=True, check=True),
                    args.repeat,
                )
        page = sum(
            _timed(lambda i=i, im=im: ocr.read_page(im, i + 1, command), args.repeat)
            for i, im in enumerate(images)
        )
        whole = _timed(lambda path=path: dp.parse_file(path), args.repeat)
        print(
            f"{path.name:28} {count:>5} {alone / count:>10.2f} {page / count:>8.2f} "
            f"{whole / count:>8.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
