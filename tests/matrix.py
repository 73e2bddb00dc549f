"""The conversion matrix: every cell of a converted report compared with the report it was
made from (used by ``test_conversions.py``; run it for the per-form table).

    .venv/bin/python tests/matrix.py            the committed fixtures (tests/fixtures/conversions)
    .venv/bin/python tests/matrix.py DIR        another folder written by make_conversions.py
    .venv/bin/python tests/matrix.py --corpus   the dev corpus's conversions (../shared/corpus/dev)

A cell printed as a number in the source is *equal* (the same number), *withheld* (no number:
missing, blank, text) or *wrong* (another number). A wrong cell is *flagged* when a warning or
error diagnostic stands on its line or a warning or error validation finding names it; else it
is *silently wrong*, the one outcome the parser must never give. A withheld cell is flagged the
same way (a cell with no position: when the report carries any warning or error); one that is
not is counted apart (*withheld silently*). A cell the source printed without a number (blank,
"/", text) that comes out as a number counts as wrong too.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import disclosure_parser as dp

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "conversions"
CORPUS = HERE.parent.parent / "shared" / "corpus" / "dev"

#: every form of the matrix and its file suffix, in the order of the report table
FORMS: dict[str, str] = {
    "lo-docx": "docx",
    "lo-odt": "odt",
    "lo-doc": "doc",
    "lo-pdf": "pdf",
    "pandoc-docx": "docx",
    "chrome-pdf": "pdf",
    "lo-pdf.pdftotext": "txt",
    "lo-pdf.pdftotext-layout": "txt",
    "lo-pdf.pdftotext-raw": "txt",
    "chrome-pdf.pdftotext": "txt",
    "chrome-pdf.pdftotext-layout": "txt",
    "chrome-pdf.pdftotext-raw": "txt",
    "lynx": "txt",
    "w3m": "txt",
    "elinks": "txt",
    "html2text": "txt",
    "pandoc-plain": "txt",
    "pandoc-gfm": "md",
}

#: files read directly by the readers (``readers/``); the others are text the parser reads
FILE_FORMS: frozenset[str] = frozenset(f for f, s in FORMS.items() if s not in ("txt", "md"))


def threshold(form: str) -> float:
    """The share of cells that must be equal to the source (issue 15's acceptance)."""
    if form in FILE_FORMS:
        return 0.995
    if form.endswith(".pdftotext"):
        return 0.95  # default mode: columns lost, the rest withheld with diagnostics
    return 0.98


@dataclass
class Tally:
    """What became of a conversion's cells."""

    files: int = 0
    cells: int = 0
    equal: int = 0
    withheld: int = 0
    withheld_silent: int = 0
    wrong_flagged: int = 0
    wrong_silent: int = 0
    raised: int = 0
    #: organisation read wrong (another name) with no diagnostic
    bad_identity: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in (
            "files",
            "cells",
            "equal",
            "withheld",
            "withheld_silent",
            "wrong_flagged",
            "wrong_silent",
            "raised",
            "bad_identity",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.examples += other.examples

    @property
    def share(self) -> float:
        return self.equal / self.cells if self.cells else 1.0

    def row(self, name: str) -> str:
        return (
            f"{name:30} {self.files:3} {self.cells:6} {self.share:7.1%} {self.withheld:6} "
            f"{self.withheld_silent:6} {self.wrong_flagged:6} {self.wrong_silent:6} "
            f"{self.raised:4} {self.bad_identity:4}"
        )


HEADER = (
    f"{'form':30} {'n':>3} {'cells':>6} {'equal':>7} {'withh.':>6} {'w.sil.':>6} "
    f"{'wrongF':>6} {'wrongS':>6} {'rais':>4} {'org':>4}"
)


def _value(encoded: object) -> Decimal | None:
    if isinstance(encoded, bool):
        return None
    if isinstance(encoded, int):
        return Decimal(encoded)
    if isinstance(encoded, str):
        try:
            return Decimal(encoded)
        except ArithmeticError:
            return None
    return None


def table_cells(report: dp.Report) -> dict[tuple[str, str, int], dp.Cell]:
    out: dict[tuple[str, str, int], dp.Cell] = {}
    for item in report.active_disclosure.items:
        for j, cell in enumerate(item.cells):
            out[("A", item.key, j)] = cell
    for row in report.applications.rows:
        for j, cell in enumerate(row.cells):
            out[("B", row.key, j)] = cell
    for group in report.reviews.groups:
        for j, cell in enumerate(group.cells):
            out[("C", group.key, j)] = cell
    return out


def encoded(report: dp.Report) -> dict[str, object]:
    """A report's identity and cells in the encoding of ``tests/seeds/expected``."""

    def enc(cell: dp.Cell) -> object:
        if cell.state != "number":
            return cell.state
        return str(cell.value) if isinstance(cell.value, Decimal) else cell.value

    return {
        "organization": report.organization,
        "year": report.year,
        "template": report.template,
        "A": {it.key: [enc(c) for c in it.cells] for it in report.active_disclosure},
        "B": {r.key: [enc(c) for c in r.cells] for r in report.applications},
        "C": {g.key: [enc(c) for c in g.cells] for g in report.reviews},
    }


def _expected_cells(expected: dict[str, object]) -> Iterator[tuple[tuple[str, str, int], object]]:
    for table in "ABC":
        rows = expected.get(table) or {}
        assert isinstance(rows, dict)
        for key, values in rows.items():
            for j, value in enumerate(values):
                yield (table, key, j), value


class _Flags:
    """Where a report points at trouble: lines of its warnings and errors, cells its findings
    name."""

    def __init__(self, report: dp.Report) -> None:
        loud = [d for d in report.diagnostics if d.severity != "info"]
        self.any = bool(loud)
        self.lines = {d.line for d in loud if d.line is not None}
        self.cells: set[tuple[str, str | None, int | None, int | None]] = set()
        self.any_finding = False
        for finding in dp.validate(report):
            if finding.severity == "info":
                continue
            self.any_finding = True
            for fc in finding.cells:
                self.cells.add((fc.table, fc.row_key, fc.line, fc.column))

    def flagged(self, table: str, key: str, cell: dp.Cell | None) -> bool:
        if cell is None or cell.line is None:
            return self.any
        if cell.line in self.lines:
            return True
        return (table, key, cell.line, cell.column) in self.cells


def tally(
    expected: dict[str, object], report: dp.Report | None, name: str = "", *, raised: bool = False
) -> Tally:
    """Compare *report* (None: the file raised) with the *expected* cells of its source."""
    out = Tally(files=1)
    wanted = list(_expected_cells(expected))
    if report is None:
        numbers = sum(1 for _, v in wanted if _value(v) is not None)
        out.cells = out.withheld = numbers
        out.raised = int(raised)
        return out
    got = table_cells(report)
    flags = _Flags(report)
    for (table, key, j), want in wanted:
        cell = got.get((table, key, j))
        value = None if cell is None or cell.value is None else Decimal(str(cell.value))
        target = _value(want)
        if target is None:
            if value is not None:  # a number where the source printed none
                if flags.flagged(table, key, cell):
                    out.wrong_flagged += 1
                else:
                    out.wrong_silent += 1
                    out.examples.append(f"{name}: {table}[{key}][{j}] printed {want}, read {value}")
            continue
        out.cells += 1
        if value == target:
            out.equal += 1
        elif value is None:
            out.withheld += 1
            if not flags.flagged(table, key, cell):
                out.withheld_silent += 1
        elif flags.flagged(table, key, cell):
            out.wrong_flagged += 1
        else:
            out.wrong_silent += 1
            assert cell is not None
            out.examples.append(
                f"{name}: {table}[{key}][{j}] printed {want}, read {value} "
                f"(raw {cell.raw!r}, line {cell.line})"
            )
    org = expected.get("organization")
    if org and report.organization != org:
        named = any(d.code in ("no_title", "no_organization") for d in report.diagnostics)
        if report.organization is not None or not named:
            out.bad_identity += 1
            out.examples.append(f"{name}: organisation {report.organization!r}, printed {org!r}")
    return out


def read(path: Path) -> tuple[dp.Report | None, BaseException | None]:
    """The report in *path*, or the error reading it raised."""
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            return dp.parse_file(path), None
        except Exception as exc:  # an unreadable form is measured, not fatal
            return None, exc


def sources(folder: Path = FIXTURES) -> dict[str, dict[str, object]]:
    """The expected cells of each source of the matrix in *folder*, by name."""
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((folder / "sources").glob("*.json"))
    }


def conversion(folder: Path, source: str, form: str) -> Path:
    return folder / f"{source}.{form}.{FORMS[form]}"


def measure(folder: Path = FIXTURES, forms: Iterable[str] = FORMS) -> dict[str, Tally]:
    """Each form's tally over every source in *folder*."""
    out: dict[str, Tally] = defaultdict(Tally)
    expected = sources(folder)
    for form in forms:
        for name, cells in expected.items():
            path = conversion(folder, name, form)
            if not path.exists():
                continue
            report, error = read(path)
            out[form].add(tally(cells, report, path.name, raised=error is not None))
    return out


def corpus_pairs(corpus: Path = CORPUS) -> Iterator[tuple[str, Path, Path]]:
    """(form, conversion, source) for each dev-corpus file made from another one."""
    files = {p.name.rsplit(".", 1)[0]: p for p in corpus.iterdir() if p.is_file()}
    for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        truth = json.loads(line)
        source = truth.get("derived_from")
        if not source or truth["id"] not in files or not (corpus / source).is_file():
            continue
        yield truth["form"], files[truth["id"]], corpus / source


def measure_corpus(corpus: Path = CORPUS) -> dict[str, Tally]:
    out: dict[str, Tally] = defaultdict(Tally)
    parsed: dict[Path, dict[str, object]] = {}
    for form, path, source in corpus_pairs(corpus):
        if source not in parsed:
            base, _ = read(source)
            assert base is not None, source
            parsed[source] = encoded(base)
        report, error = read(path)
        out[form].add(tally(parsed[source], report, path.name, raised=error is not None))
    return out


def table(tallies: dict[str, Tally]) -> str:
    lines = [HEADER]
    total = Tally()
    for form, t in tallies.items():
        lines.append(t.row(form))
        total.add(t)
    lines.append(total.row("all"))
    for example in total.examples[:40]:
        lines.append("  " + example)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--corpus"]:
        print(table(measure_corpus(Path(argv[1]) if len(argv) > 1 else CORPUS)))
        return 0
    folder = Path(argv[0]) if argv else FIXTURES
    print(table(measure(folder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
