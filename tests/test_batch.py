"""``disclosure-parser batch``: many reports on all cores, one output, resumable (issue 6)."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS
from disclosure_parser.output import batch as _batch
from disclosure_parser.output.batch import BatchError, Progress, Summary, expand, run
from disclosure_parser.output.cli import main
from disclosure_parser.output.records import FIELDS, FileResult
from generated import write_reports

#: acceptance (1) of issue 6: 2,000 generated reports plus the seeds
ACCEPTANCE_REPORTS = int(os.environ.get("DP_BATCH_REPORTS", "2000"))

NOT_A_REPORT = "这不是年度报告。\nhello\n"


def _add_bad_files(folder: Path) -> list[Path]:
    """A text that is no report and bytes in no encoding, among the reports."""
    bad = [folder / "0000_not_a_report.txt", folder / "0000_undecodable.md"]
    bad[0].write_text(NOT_A_REPORT, encoding="utf-8")
    bad[1].write_bytes(b"\xff\xfe\xfa\x80\x81" * 10)
    return bad


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ACCEPTANCE_REPORTS generated reports, the five seeds and two corrupt files."""
    folder = tmp_path_factory.mktemp("corpus")
    write_reports(folder / "generated", ACCEPTANCE_REPORTS)
    for seed in sorted(SEEDS.glob("0*.txt")):
        shutil.copy(seed, folder / seed.name)
    _add_bad_files(folder)
    return folder


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Twenty generated reports and a corrupt file, as paths in input order."""
    folder = tmp_path_factory.mktemp("small")
    paths = write_reports(folder, 20, seed=7)
    bad = folder / "00007_broken.txt"
    bad.write_text(NOT_A_REPORT, encoding="utf-8")
    return [str(p) for p in sorted([*paths, bad])]


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_acceptance_jobs_give_identical_output(corpus: Path, tmp_path: Path) -> None:
    """2,000 generated reports and the seeds: the same bytes with 1 and 2 processes, the
    corrupt files recorded with their errors, every other file parsed."""
    out1, out2 = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    one = run([str(corpus)], str(out1), jobs=1)
    two = run([str(corpus)], str(out2), jobs=2)
    assert out1.read_bytes() == out2.read_bytes()
    total = ACCEPTANCE_REPORTS + 5 + 2
    for summary in (one, two):
        assert (summary.files, summary.parsed, summary.failed) == (total, total - 2, 2)
    lines = _lines(out2)
    assert len(lines) == total
    assert lines[0]["source"] == str(corpus / "0000_not_a_report.txt")
    assert lines[0]["error"]["code"] == "not_a_report"  # type: ignore[index]
    assert lines[1]["source"] == str(corpus / "0000_undecodable.md")
    assert lines[1]["error"]["code"] == "encoding"  # type: ignore[index]
    parsed = [line for line in lines if "report" in line]
    assert len({line["report"]["organization"] for line in parsed}) == total - 2  # type: ignore[index]
    assert {s for s, _, _ in two.failures} == {lines[0]["source"], lines[1]["source"]}


def test_jobs_identical_csv_and_parquet(small: list[str], tmp_path: Path) -> None:
    """CSV and Parquet outputs are the same bytes too, whatever the number of processes."""
    pytest.importorskip("pyarrow")
    for suffix in (".csv", ".parquet"):
        outputs = []
        for jobs in (1, 2):
            out = tmp_path / f"jobs{jobs}{suffix}"
            run(small, str(out), jobs=jobs)
            outputs.append(out.read_bytes())
        assert outputs[0] == outputs[1]


def test_csv_is_the_tidy_long_form(small: list[str], tmp_path: Path) -> None:
    """The CSV holds a header, a row per cell of each report in input order, and the failure."""
    out = tmp_path / "tidy.csv"
    run(small, str(out), jobs=2)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(FIELDS)
    assert list(dict.fromkeys(r["source"] for r in rows)) == small
    (broken,) = [r for r in rows if r["state"] == "error"]
    assert (broken["error_code"], broken["line"], broken["column_number"]) == (
        "not_a_report",
        "1",
        "1",
    )
    first = [r for r in rows if r["source"] == small[0]]
    assert {r["table"] for r in first} == {"A", "B", "C"}
    assert all(r["blank"] in ("true", "false") for r in first)


def test_parquet_reads_as_the_frame(small: list[str], tmp_path: Path) -> None:
    """The Parquet file reads back as to_frame of the same files (nullable dtypes)."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from disclosure_parser.output.frame import to_frame
    from disclosure_parser.output.records import FileResult

    out = tmp_path / "tidy.parquet"
    run(small, str(out), jobs=2)
    read = pd.read_parquet(out, dtype_backend="numpy_nullable")
    expected = to_frame([FileResult.read(p) for p in small])
    pd.testing.assert_frame_equal(read, expected)


def test_resume_jsonl_after_a_crash(small: list[str], tmp_path: Path) -> None:
    """--resume keeps complete lines, drops a line cut short, and adds what is missing."""
    full, partial = tmp_path / "full.jsonl", tmp_path / "partial.jsonl"
    run(small, str(full), jobs=1)
    run(small[:12], str(partial), jobs=1)
    data = partial.read_bytes()
    partial.write_bytes(data[: len(data) - 500])  # the last line cut off mid-way
    summary = run(small, str(partial), jobs=2, resume=True)
    assert partial.read_bytes() == full.read_bytes()
    assert (summary.skipped, summary.parsed + summary.failed) == (11, len(small) - 11)


def test_resume_csv_rewrites_in_input_order(small: list[str], tmp_path: Path) -> None:
    """--resume on CSV: old and new rows end in input order; what OUT held is not re-done."""
    full, partial = tmp_path / "full.csv", tmp_path / "partial.csv"
    run(small, str(full), jobs=1)
    run(small[::2], str(partial), jobs=1)  # every other input, as if the run had been partial
    summary = run(small, str(partial), jobs=2, resume=True)
    assert partial.read_bytes() == full.read_bytes()
    assert summary.skipped == len(small[::2])
    assert not Path(str(partial) + ".partial").exists()


def test_resume_csv_cut_mid_report(small: list[str], tmp_path: Path) -> None:
    """A CSV cut inside a report's rows (a killed run) resumes to the complete output."""
    full, partial = tmp_path / "full.csv", tmp_path / "partial.csv"
    run(small, str(full), jobs=1)
    data = full.read_bytes()
    # a run writes each report's rows with one unbuffered write, so a kill cuts that write
    # short inside a row (a cut exactly at a row's end would look like a finished report)
    cut = len(data) // 2
    while data[cut - 1 : cut] == b"\n":
        cut -= 1
    partial.write_bytes(data[:cut])
    run(small, str(partial), jobs=1, resume=True)
    assert partial.read_bytes() == full.read_bytes()


def test_resume_csv_cut_inside_a_rows_source_field(small: list[str], tmp_path: Path) -> None:
    """A CSV cut inside the file name that starts a row of a report already begun resumes to
    the complete output (the cut name is a prefix of that report's, not another source)."""
    full, partial = tmp_path / "full.csv", tmp_path / "partial.csv"
    run(small, str(full), jobs=1)
    data = full.read_bytes()
    lines = data.split(b"\n")
    # the third row of the fifth source: two rows of it stand whole before the cut
    fifth = small[4].encode("utf-8")
    rows = [i for i, line in enumerate(lines) if line.startswith(fifth + b",")]
    cut = sum(len(line) + 1 for line in lines[: rows[2]]) + len(fifth) // 2
    partial.write_bytes(data[:cut])
    summary = run(small, str(partial), jobs=1, resume=True)
    assert partial.read_bytes() == full.read_bytes()
    assert summary.skipped == 4


def test_resume_csv_cut_inside_a_source_name(small: list[str], tmp_path: Path) -> None:
    """A cut inside the name of the source a row belongs to ("…/00010.t") still marks that
    source's rows incomplete: it is read again (whether the plain half-way cut of the test
    above falls there depends on the length of the temporary folder's path)."""
    full, partial = tmp_path / "full.csv", tmp_path / "partial.csv"
    run(small, str(full), jobs=1)
    data = full.read_bytes()
    middle = data.index(b"\n", len(data) // 2) + 1
    middle = data.index(b"\n", middle) + 1  # a row in the middle of a source's rows
    partial.write_bytes(data[: middle + len(small[10]) - 2])
    run(small, str(partial), jobs=1, resume=True)
    assert partial.read_bytes() == full.read_bytes()


def test_resume_parquet(small: list[str], tmp_path: Path) -> None:
    """--resume on Parquet: the rewritten file holds the same table as a full run."""
    pq = pytest.importorskip("pyarrow.parquet")
    full, partial = tmp_path / "full.parquet", tmp_path / "partial.parquet"
    run(small, str(full), jobs=1)
    run(small[5:15], str(partial), jobs=1)
    summary = run(small, str(partial), jobs=2, resume=True)
    assert summary.skipped == 10
    assert pq.read_table(partial).equals(pq.read_table(full))


def test_resume_keeps_sources_no_longer_named(small: list[str], tmp_path: Path) -> None:
    """Reports of OUT that the new inputs do not name are kept, after the others."""
    out = tmp_path / "out.csv"
    run(small[:3], str(out), jobs=1)
    run(small[3:6], str(out), jobs=1, resume=True)
    with out.open(encoding="utf-8", newline="") as handle:
        sources = list(dict.fromkeys(r["source"] for r in csv.DictReader(handle)))
    assert sources == [*small[3:6], *small[:3]]


def test_resume_rejects_foreign_csv(small: list[str], tmp_path: Path) -> None:
    """A CSV this command did not write is not resumed from (nor overwritten)."""
    out = tmp_path / "other.csv"
    out.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(BatchError, match="header"):
        run(small, str(out), jobs=1, resume=True)
    assert out.read_text(encoding="utf-8") == "a,b\n1,2\n"


def test_expand_inputs(small: list[str], tmp_path: Path) -> None:
    """Directories (sorted, readable suffixes), globs, files; each once, in argument order."""
    folder = Path(small[0]).parent
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    files, notes = expand([small[3], str(folder), str(folder / "*.md"), "missing.txt"])
    assert files[0] == small[3]
    assert files[1:-1] == [p for p in small if p != small[3]]
    assert files[-1] == "missing.txt"
    assert notes == [f"{folder}: 1 other file(s) left aside, with no reader for .json (1)"]
    assert expand([str(tmp_path / "*.txt")]) == (
        [],
        [f"{tmp_path}/*.txt: no file matches the pattern"],
    )


def test_missing_and_unsupported_files_are_failures(tmp_path: Path) -> None:
    """A file named but absent, or of a suffix without reader, is a failed file, not an abort."""
    out = tmp_path / "out.jsonl"
    summary = run([str(tmp_path / "gone.txt"), "pyproject.toml"], str(out), jobs=1)
    assert (summary.parsed, summary.failed) == (0, 2)
    codes = [line["error"]["code"] for line in _lines(out)]  # type: ignore[index]
    assert codes == ["io", "unsupported_format"]


def test_cli_batch(small: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command writes OUT, lists the failed file and a summary on stderr, exits 0."""
    out = tmp_path / "out.jsonl"
    status = main(["batch", *small, "-o", str(out), "--jobs", "2"])
    captured = capsys.readouterr()
    assert status == 0
    assert captured.out == ""
    lines = captured.err.splitlines()
    broken = next(p for p in small if p.endswith("_broken.txt"))
    assert lines[0] == (
        f"{broken}: not_a_report: not a government information disclosure annual report"
    )
    assert lines[1].startswith("21 files: 20 parsed (")
    assert "), 1 failed; " in lines[1]
    assert len(_lines(out)) == 21


def test_cli_strict_and_errors(
    small: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--strict exits 1 when a file failed; a bad OUT or no input file exits 2."""
    broken = next(p for p in small if p.endswith("_broken.txt"))
    assert main(["batch", broken, "-o", str(tmp_path / "o.jsonl"), "--strict"]) == 1
    assert main(["batch", small[0], "-o", str(tmp_path / "o.jsonl"), "--strict"]) == 0
    assert main(["batch", small[0], "-o", str(tmp_path / "o.txt")]) == 2
    assert "cannot tell the output format" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "none" / "*.txt"), "-o", str(tmp_path / "o.csv")]) == 2
    assert "no input files" in capsys.readouterr().err


def test_cli_stdout(small: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """-o - writes JSON Lines to standard output, the summary still to standard error."""
    stream = io.StringIO()
    assert main(["batch", *small[:2], "-o", "-", "--jobs", "1"], out=stream) == 0
    sources = [json.loads(line)["source"] for line in stream.getvalue().splitlines()]
    assert sources == small[:2]
    assert capsys.readouterr().err.startswith("2 files: 2 parsed")


def test_progress_only_when_asked(small: list[str], tmp_path: Path) -> None:
    """No bar on a stream that is not a terminal; with progress=True, a bar with rate and ETA."""
    quiet, loud = io.StringIO(), io.StringIO()
    run(small[:3], str(tmp_path / "a.jsonl"), jobs=1, stderr=quiet)
    run(small[:3], str(tmp_path / "b.jsonl"), jobs=1, stderr=loud, progress=True)
    assert quiet.getvalue() == ""
    assert "\r" in loud.getvalue()
    assert "files/s  ETA " in loud.getvalue()
    assert "3/3" in loud.getvalue()


def test_progress_bar_text() -> None:
    """The bar shows percent, count, rate and the time left."""
    out = io.StringIO()
    clock = iter([0.0, 10.0]).__next__
    bar = Progress(100, out, enabled=True, width=80, clock=clock)
    bar.update(25)
    assert out.getvalue() == (
        "\r 25% |##########                              | 25/100  2.5 files/s  ETA 0:30"
    )


def test_summary_text() -> None:
    """The summary says parsed, with findings, failed, skipped, time and rate."""
    summary = Summary(files=10, parsed=6, with_findings=2, failed=1, skipped=3, seconds=0.5)
    assert str(summary) == (
        "10 files: 6 parsed (2 with findings), 1 failed, 3 skipped (already in the output); "
        "0.5 s, 14 files/s"
    )


def _die(path: str, kind: str) -> tuple[int, object, None]:
    """A worker that dies on one file, as one killed for want of memory would."""
    if Path(path).stem == "00003":
        os._exit(1)
    return (*_batch.serialise(FileResult.read(path), kind), None)


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="patches what forked workers inherit"
)
@pytest.mark.timeout(120)
def test_worker_death_is_the_files_error(
    small: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A worker process that dies costs its file only: the file is recorded with the error
    worker_died, a new worker takes the next file, the run completes (exit status 0)."""
    monkeypatch.setattr(_batch, "work", _die)  # forked workers inherit the patched module
    out = tmp_path / "out.jsonl"
    status = main(["batch", *small[:6], "-o", str(out), "--jobs", "2"])
    assert status == 0
    lines = _lines(out)
    assert [line["source"] for line in lines] == small[:6]
    died = [line for line in lines if "error" in line]
    assert [line["source"] for line in died] == [p for p in small[:6] if Path(p).stem == "00003"]
    assert died[0]["error"]["code"] == "worker_died"  # type: ignore[index]
    assert "exited with status 1" in died[0]["error"]["message"]  # type: ignore[index]
    assert "worker_died" in capsys.readouterr().err
