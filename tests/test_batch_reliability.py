"""``batch`` under attack (issue 17): a test per defect of the batch command.

Bad file names, files that hang or eat memory, symlink cycles, signals, a full disk, another
spelling of the same folder, two runs on one output. No test measures time: hangs are files
that block forever, bounded by a tiny per-file timeout; ``pytest.mark.timeout`` guards the
tests themselves.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

import disclosure_parser as dp
from conftest import REPO, SEEDS, seed_path
from disclosure_parser.output import batch as _batch
from disclosure_parser.output import records as _records
from disclosure_parser.output.batch import BatchError, run
from disclosure_parser.output.cli import main
from disclosure_parser.output.inputs import expand

forked = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="patches what forked workers inherit"
)
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file names, pipes and signals")

BAD_NAME = b"bad\xffname.txt"


def _seeds(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(p, folder / p.name)) for p in sorted(SEEDS.glob("0*.txt"))]


def _bad_name(folder: Path) -> str:
    """A copy of seed 002 under a name that is not UTF-8, or a skip where none can exist."""
    path = os.path.join(os.fsencode(folder), BAD_NAME)
    try:
        with open(path, "wb") as handle:
            handle.write(seed_path("002").read_bytes())
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    return os.fsdecode(path)


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---------------------------------------------------------------------------------------------
# 9. A file name that is not UTF-8
# ---------------------------------------------------------------------------------------------


@posix
@pytest.mark.timeout(120)
def test_non_utf8_name_is_recorded_and_resumable(tmp_path: Path) -> None:
    """JSON Lines keep the name's bytes (escaped), the files after it are written, and a
    --resume parses nothing: the reproducer r04 of the attack, which stopped every run."""
    folder = tmp_path / "b4"
    _seeds(folder)
    bad = _bad_name(folder)
    out = tmp_path / "b4.jsonl"
    status = main(["batch", str(folder), "-o", str(out), "--jobs", "1", "--no-progress"])
    assert status == 0
    lines = _lines(out)
    assert len(lines) == 6
    sources = [str(line["source"]) for line in lines]
    assert bad in sources
    assert os.fsencode(sources[sources.index(bad)]).endswith(BAD_NAME)
    assert all("report" in line for line in lines)
    out.read_bytes().decode("utf-8")  # valid UTF-8 throughout
    again = run([str(folder)], str(out), jobs=1, resume=True)
    assert (again.parsed, again.failed, again.skipped) == (0, 0, 6)


@posix
@pytest.mark.timeout(120)
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_non_utf8_name_in_tables(tmp_path: Path, suffix: str) -> None:
    """CSV and Parquet write the name with \\xNN for the undecodable byte, and resume."""
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    folder = tmp_path / "b4"
    _seeds(folder)
    _bad_name(folder)
    out = tmp_path / f"b4{suffix}"
    first = run([str(folder)], str(out), jobs=2)
    assert (first.files, first.parsed) == (6, 6)
    if suffix == ".csv":
        with out.open(encoding="utf-8", newline="") as handle:
            sources = {r["source"] for r in csv.DictReader(handle)}
    else:
        pd = pytest.importorskip("pandas")
        sources = set(pd.read_parquet(out).source)
    assert f"{folder}/bad\\xffname.txt" in sources
    assert len(sources) == 6
    again = run([str(folder)], str(out), jobs=2, resume=True)
    assert (again.parsed, again.failed, again.skipped) == (0, 0, 6)


@posix
@pytest.mark.timeout(120)
def test_non_utf8_name_in_frames_and_dask(tmp_path: Path) -> None:
    """The frames and dask's dataframe take such a file too."""
    pytest.importorskip("pandas")
    folder = tmp_path / "b4"
    _seeds(folder)
    _bad_name(folder)
    frame = dp.summary_frame(folder)
    assert len(frame) == 6
    assert (frame.status == "parsed").all()
    pytest.importorskip("dask.dataframe")
    import disclosure_parser.dask as dpd

    tidy = dpd.to_dataframe(str(folder)).compute(scheduler="sync")
    assert tidy.source.nunique() == 6
    assert tidy.source.str.endswith("bad\\xffname.txt").any()


# ---------------------------------------------------------------------------------------------
# 10. No per-file time or memory bound
# ---------------------------------------------------------------------------------------------


@posix
@pytest.mark.timeout(60)
def test_fifo_is_recorded_not_read(tmp_path: Path) -> None:
    """A named pipe called x.txt is an error of its own (not_a_file); the run finishes."""
    folder = tmp_path / "f"
    _seeds(folder)
    os.mkfifo(folder / "x.txt")
    out = tmp_path / "out.jsonl"
    summary = run([str(folder)], str(out), jobs=2)
    assert (summary.files, summary.parsed, summary.failed) == (6, 5, 1)
    (failed,) = [line for line in _lines(out) if "error" in line]
    assert failed["source"] == str(folder / "x.txt")
    assert failed["error"]["code"] == "not_a_file"  # type: ignore[index]
    assert "named pipe" in failed["error"]["message"]  # type: ignore[index]
    assert dp.read_reports(folder / "x.txt")[0].error.code == "not_a_file"  # type: ignore[union-attr]


def _hangs_on_003(path: str, kind: str) -> tuple[int, object, None]:
    """A stand-in for a file that makes its reader hang (the self-referencing PDF r01): seed
    003 blocks forever."""
    if "003_" in os.path.basename(path):
        threading.Event().wait()
    return (*_batch.serialise(dp.FileResult.read(path), kind), None)


@forked
@pytest.mark.timeout(120)
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_hanging_file_times_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """A file that hangs is stopped after the per-file timeout and recorded as timeout; the
    other files are read, in order."""
    monkeypatch.setattr(_batch, "work", _hangs_on_003)
    paths = [str(p) for p in _seeds(tmp_path / "h")]
    out = tmp_path / "out.jsonl"
    summary = run(paths, str(out), jobs=jobs, timeout=0.5)
    assert (summary.parsed, summary.failed) == (4, 1)
    lines = _lines(out)
    assert [line["source"] for line in lines] == paths
    (hung,) = [line for line in lines if "error" in line]
    assert "003_" in str(hung["source"])
    assert hung["error"]["code"] == "timeout"  # type: ignore[index]
    assert "0.5 s" in hung["error"]["message"]  # type: ignore[index]


def _read_hangs_on_003(path: str) -> dp.FileResult:
    if "003_" in os.path.basename(path):
        threading.Event().wait()
    return dp.FileResult.read(path)


@forked
@pytest.mark.timeout(120)
def test_read_reports_has_the_same_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """read_reports (and so the frames) stop a hanging file the same way."""
    monkeypatch.setattr(_records, "_read", _read_hangs_on_003)
    results = dp.read_reports(_seeds(tmp_path / "h"), timeout=0.5)
    assert [r.status for r in results] == ["parsed"] * 3 + ["failed", "parsed"]
    assert results[3].error.code == "timeout"  # type: ignore[union-attr]


def _grows_on_001(path: str, kind: str) -> tuple[int, object, None]:
    """A stand-in for a file whose reading takes ever more memory (the DOCX of r03)."""
    if "001_" in os.path.basename(path):
        hoard = []
        while True:
            hoard.append(bytearray(16 * 1024**2))
            threading.Event().wait(0.01)
    return (*_batch.serialise(dp.FileResult.read(path), kind), None)


@forked
@pytest.mark.timeout(120)
def test_a_file_over_the_memory_cap_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that grows past the memory cap is stopped: its file is recorded as memory,
    the run goes on."""
    monkeypatch.setattr(_batch, "work", _grows_on_001)
    paths = [str(p) for p in _seeds(tmp_path / "m")]
    out = tmp_path / "out.jsonl"
    summary = run(paths, str(out), jobs=2, timeout=None, max_memory=100 * 1024**2)
    assert (summary.parsed, summary.failed) == (4, 1)
    (grown,) = [line for line in _lines(out) if "error" in line]
    assert "001_" in str(grown["source"])
    assert grown["error"]["code"] == "memory"  # type: ignore[index]


def _hangs_on_pdf(path: str, kind: str) -> tuple[int, object, None]:
    """The self-referencing PDF of r01 (pdfminer resolves it forever), as a stand-in."""
    if path.endswith("selfref.pdf"):
        threading.Event().wait()
    return (*_batch.serialise(dp.FileResult.read(path), kind), None)


@posix
@forked
@pytest.mark.timeout(120)
def test_acceptance_a_folder_of_bad_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder of good files, a PDF that hangs its reader, a named pipe and a name that is not
    UTF-8: the run finishes, each bad file recorded with its error; a --resume of ./folder
    parses nothing again."""
    monkeypatch.setattr(_batch, "work", _hangs_on_pdf)
    folder = tmp_path / "folder"
    _seeds(folder)
    (folder / "selfref.pdf").write_bytes(b"%PDF-1.4\n50 0 obj 50 0 R endobj\n%%EOF\n")
    os.mkfifo(folder / "x.txt")
    bad = _bad_name(folder)
    monkeypatch.chdir(tmp_path)
    args = ["batch", "folder", "-o", "out.jsonl", "--timeout", "0.5", "--no-progress"]
    assert main(args) == 0
    lines = {os.path.basename(str(line["source"])): line for line in _lines(tmp_path / "out.jsonl")}
    assert len(lines) == 8
    assert lines["selfref.pdf"]["error"]["code"] == "timeout"  # type: ignore[index]
    assert lines["x.txt"]["error"]["code"] == "not_a_file"  # type: ignore[index]
    assert "report" in lines[os.path.basename(bad)]
    err = capsys.readouterr().err
    assert "8 files: 6 parsed" in err
    assert main([*args[:2], "./folder", *args[2:], "--resume"]) == 0
    assert "0 parsed (0 with findings), 0 failed, 8 skipped" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# 11. Symlink cycles, signals, orphaned workers
# ---------------------------------------------------------------------------------------------


@posix
@pytest.mark.timeout(60)
def test_symlink_cycles_are_followed_once(tmp_path: Path) -> None:
    """A tree whose links form two cycles: each file once, by folder and by glob."""
    root = tmp_path / "tree"
    _seeds(root / "a")
    (root / "b").mkdir()
    shutil.copy(seed_path("004"), root / "b" / "extra.txt")
    (root / "a" / "up").symlink_to(root, target_is_directory=True)  # a -> tree
    (root / "b" / "side").symlink_to(root / "a", target_is_directory=True)  # b -> a
    (root / "link.txt").symlink_to(root / "a" / seed_path("000").name)
    for inputs in ([str(root)], [f"{root}/**/*.txt"], [f"{root}/**"], [str(root), f"{root}/a"]):
        files, _ = expand(inputs)
        assert len(files) == 6, inputs
        assert len({os.path.realpath(f) for f in files}) == 6


def _script(folder: Path, out: Path, hang: bool) -> str:
    """A batch run in a child process, seed 003 hanging there if *hang*."""
    return textwrap.dedent(
        f"""
        import os, sys, threading
        sys.path.insert(0, {str(REPO / "tests")!r})
        from disclosure_parser.output import batch
        from disclosure_parser.output.cli import main
        real = batch.work
        def work(path, kind):
            if {hang!r} and "003_" in path:
                threading.Event().wait()
            return real(path, kind)
        batch.work = work
        sys.exit(main(["batch", {str(folder)!r}, "-o", {str(out)!r}, "--jobs", "2",
                       "--timeout", "0", "--no-progress"]))
        """
    )


def _children(pid: int) -> set[int]:
    """The processes whose parent is *pid* (from /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            state = handle.read().rsplit(b")", 1)[1].split()[0]
    except OSError:
        return False
    return state != b"Z"


def _wait_for(condition: object, tries: int = 600) -> bool:
    """Poll *condition* every 0.05 s, up to *tries* times (no clock is read)."""
    for _ in range(tries):
        if condition():  # type: ignore[operator]
            return True
        threading.Event().wait(0.05)
    return bool(condition())  # type: ignore[operator]


def _start_hanging_run(tmp_path: Path) -> tuple[subprocess.Popen[str], Path, set[int]]:
    folder = tmp_path / "s"
    _seeds(folder)
    out = tmp_path / "out.jsonl"
    child = subprocess.Popen(
        [sys.executable, "-c", _script(folder, out, hang=True)],
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    # the run is under way once a report is written and the worker on seed 003 is stuck
    assert _wait_for(lambda: out.exists() and out.read_bytes().count(b"\n") >= 3)
    workers: set[int] = set()
    assert _wait_for(lambda: bool(workers.update(_children(child.pid)) or len(workers) >= 2))
    return child, out, workers


@posix
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads processes from /proc")
@pytest.mark.timeout(120)
def test_sigterm_stops_like_ctrl_c(tmp_path: Path) -> None:
    """SIGTERM: the documented interrupted message, exit status 2, no worker left, OUT holds
    whole lines that --resume goes on from."""
    child, out, workers = _start_hanging_run(tmp_path)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 2
    assert "interrupted; run again with --resume to go on" in err
    assert "Traceback" not in err
    assert _wait_for(lambda: not any(_alive(p) for p in workers))
    assert all("source" in line for line in _lines(out))


@posix
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads processes from /proc")
@pytest.mark.timeout(120)
def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    """SIGKILL of the main process: its workers, one of them blocked forever, end too."""
    child, _, workers = _start_hanging_run(tmp_path)
    child.kill()
    child.communicate(timeout=60)
    assert _wait_for(lambda: not any(_alive(p) for p in workers))


# ---------------------------------------------------------------------------------------------
# 12. A full disk
# ---------------------------------------------------------------------------------------------


@posix
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.timeout(120)
@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_full_disk_is_a_clean_error(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """OUT on a full disk: an error message naming the cause, exit status 2, no traceback
    (CSV's clean-up does not fail again)."""
    folder = tmp_path / "d"
    _seeds(folder)
    out = tmp_path / f"out{suffix}"
    out.symlink_to("/dev/full")
    status = main(["batch", str(folder), "-o", str(out), "--jobs", "1", "--no-progress"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith(f"disclosure-parser batch: error: cannot write {out}: No space left")
    assert "Traceback" not in err


def _fills_the_disk_at_003(stream: object, payload: str) -> int:
    if "003_" in payload:
        raise OSError(28, "No space left on device")
    return _real_put(stream, payload)  # type: ignore[arg-type]


_real_put = _batch._put


@pytest.mark.timeout(120)
@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_full_disk_keeps_what_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """The disk fills at the fourth file: the three before stay in OUT, whole, and --resume
    completes the output."""
    monkeypatch.setattr(_batch, "_put", _fills_the_disk_at_003)
    paths = [str(p) for p in _seeds(tmp_path / "d")]
    out, full = tmp_path / f"out{suffix}", tmp_path / f"full{suffix}"
    with pytest.raises(BatchError, match=r"No space left on device.*the 3 file"):
        run(paths, str(out), jobs=1)
    monkeypatch.setattr(_batch, "_put", _real_put)
    again = run(paths, str(out), jobs=1, resume=True)
    assert (again.skipped, again.parsed) == (3, 2)
    run(paths, str(full), jobs=1)
    assert out.read_bytes() == full.read_bytes()


# ---------------------------------------------------------------------------------------------
# 13. Resume by real path, duplicate inputs, a lock on OUT
# ---------------------------------------------------------------------------------------------


@pytest.mark.timeout(120)
@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_resume_knows_another_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """batch big, then batch ./big --resume (or the absolute path): nothing parsed again, and
    big ./big named together are read once."""
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    _seeds(tmp_path / "big")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / f"out{suffix}"
    first = run(["big", "./big", f"{tmp_path}/big"], str(out), jobs=2)
    assert first.files == 5
    for spelling in ("./big", str(tmp_path / "big"), "big/../big"):
        again = run([spelling], str(out), jobs=2, resume=True)
        assert (again.parsed, again.failed, again.skipped) == (0, 0, 5), spelling


@posix
@pytest.mark.timeout(60)
def test_a_second_run_on_the_same_out_is_refused(tmp_path: Path) -> None:
    """While a run holds OUT, another stops at once with a message (no duplicate reports, no
    line of one run inside a line of the other); OUT is left as it was."""
    import fcntl

    paths = [str(p) for p in _seeds(tmp_path / "l")]
    out = tmp_path / "out.jsonl"
    run(paths[:2], str(out), jobs=1)
    before = out.read_bytes()
    with out.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # what a running batch holds
        with pytest.raises(BatchError, match="being written by another run"):
            run(paths, str(out), jobs=1, resume=True)
        with pytest.raises(BatchError, match="being written by another run"):
            run(paths, str(out), jobs=1)
    assert out.read_bytes() == before
    assert run(paths, str(out), jobs=1, resume=True).skipped == 2


@pytest.mark.timeout(120)
def test_interrupted_parquet_is_kept_and_resumed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interrupted Parquet run leaves a valid file of the files done, which --resume
    completes to what a whole run writes."""
    pq = pytest.importorskip("pyarrow.parquet")
    paths = [str(p) for p in _seeds(tmp_path / "p")]
    out, full = tmp_path / "out.parquet", tmp_path / "full.parquet"
    calls = []

    def stop_after_two(self: _batch.Progress, n: int = 1) -> None:
        calls.append(n)
        if len(calls) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(_batch.Progress, "update", stop_after_two)
    with pytest.raises(KeyboardInterrupt):
        run(paths, str(out), jobs=1)
    monkeypatch.undo()
    assert len(set(pq.read_table(out).column("source").to_pylist())) == 2
    assert run(paths, str(out), jobs=1, resume=True).skipped == 2
    run(paths, str(full), jobs=1)
    assert pq.read_table(out).equals(pq.read_table(full))
    assert not (tmp_path / "out.parquet.partial").exists()


# ---------------------------------------------------------------------------------------------
# 14. check: no position for an error about a whole file
# ---------------------------------------------------------------------------------------------


def test_check_prints_no_position_for_a_whole_file_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A scan (no text layer) is wrong as a whole: path: error …, not path:1:1: error …."""
    pytest.importorskip("pdfplumber")
    scan = str(REPO / "tests" / "fixtures" / "scanned.pdf")
    assert main(["check", scan]) == 2
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"{scan}: error parse:no_text_layer ")
    assert main(["check", scan, "--format", "json"]) == 2
    error = json.loads(capsys.readouterr().out)["files"][0]["error"]
    assert (error["line"], error["column"]) == (None, None)


@posix
@pytest.mark.timeout(60)
def test_check_refuses_a_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """check does not block on a named pipe either."""
    os.mkfifo(tmp_path / "x.txt")
    assert main(["check", str(tmp_path / "x.txt")]) == 2
    assert "error parse:not_a_file a named pipe (FIFO)" in capsys.readouterr().out
