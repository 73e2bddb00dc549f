"""``disclosure_parser.dask``: the batch command's results from a Dask bag or dataframe."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
fsspec = pytest.importorskip("fsspec")

import disclosure_parser.dask as dpd  # noqa: E402 - after the skips: needs the dask extra
from disclosure_parser.output.batch import csv_text, run  # noqa: E402
from disclosure_parser.output.records import FIELDS, FileResult  # noqa: E402
from generated import write_reports  # noqa: E402


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty generated reports (markdown and text) and a file that is no report."""
    folder = tmp_path_factory.mktemp("dask")
    write_reports(folder, 40, seed=3)
    (folder / "00002_broken.txt").write_text("不是报告\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def batch(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The batch command's JSON Lines, CSV and Parquet outputs over the same glob."""
    out = tmp_path_factory.mktemp("batch-out")
    outputs = {kind: out / f"reports.{kind}" for kind in ("jsonl", "csv", "parquet")}
    for path in outputs.values():
        run([str(folder / "*")], str(path), jobs=2)
    return outputs


def test_files_in_batch_order(folder: Path) -> None:
    """list_files names the files a glob or a directory matches, in the batch command's order."""
    _, by_glob = dpd.list_files(str(folder / "*"))
    _, by_folder = dpd.list_files(str(folder))
    assert by_glob == by_folder == sorted(str(p) for p in folder.iterdir())
    assert len(by_glob) == 41


def test_json_lines_equal_batch(folder: Path, batch: dict[str, Path]) -> None:
    """The bag's JSON lines are the batch command's, byte for byte, the failure included."""
    lines = dpd.to_json_lines(str(folder / "*"), files_per_partition=8).compute(scheduler="sync")
    assert "\n".join(lines) + "\n" == batch["jsonl"].read_text(encoding="utf-8")
    assert sum('"error":{"code":"not_a_report"' in line for line in lines) == 1


def test_records_equal_batch(folder: Path, batch: dict[str, Path]) -> None:
    """The bag's tidy records, written as the batch command writes CSV, give its file exactly."""
    records = dpd.to_records(str(folder / "*")).compute(scheduler="threads")
    assert all(list(r) == list(FIELDS) for r in records)
    rows = [tuple(r.values()) for r in records]
    assert csv_text([FIELDS, *rows]) == batch["csv"].read_text(encoding="utf-8")
    assert sum(r["state"] == "error" for r in records) == 1


def test_dataframe_equals_batch_parquet(folder: Path, batch: dict[str, Path]) -> None:
    """The Dask dataframe computes to the frame the batch command's Parquet file holds."""
    frame = dpd.to_dataframe(str(folder / "*"), files_per_partition=10)
    assert frame.npartitions == 5
    computed = frame.compute(scheduler="sync").reset_index(drop=True)
    expected = pd.read_parquet(batch["parquet"], dtype_backend="numpy_nullable")
    pd.testing.assert_frame_equal(computed, expected, check_dtype=False)
    assert list(computed.dtypes.astype(str)) == list(expected.dtypes.astype(str))


def test_summary_dataframe(folder: Path) -> None:
    """The wide summary has a row per file, as summary_frame gives it; the failure has its code."""
    from disclosure_parser.output.frame import summary_frame

    summary = dpd.summary_dataframe(str(folder)).compute(scheduler="sync")
    expected = summary_frame([FileResult.read(p) for p in sorted(folder.iterdir())])
    pd.testing.assert_frame_equal(summary.reset_index(drop=True), expected, check_dtype=False)
    failed = summary[summary.error_code.notna()]
    assert failed.source.tolist() == [str(folder / "00002_broken.txt")]
    assert failed.error_code.tolist() == ["not_a_report"]


def test_any_fsspec_filesystem(folder: Path) -> None:
    """Files behind an fsspec URL (here memory://) parse to the records of the local files."""
    memory = fsspec.filesystem("memory")
    local = sorted(folder.iterdir())[:6]
    for path in local:
        memory.pipe(f"/dp-test/{path.name}", path.read_bytes())
    try:
        results = dpd.read_reports("memory://dp-test/*").compute(scheduler="sync")
    finally:
        memory.rm("/dp-test", recursive=True)
    assert [r.source for r in results] == [f"memory:///dp-test/{p.name}" for p in local]
    for result, path in zip(results, local, strict=True):
        expected = FileResult.read(path)
        assert result.report == expected.report
        assert result.error == expected.error


def test_process_scheduler(folder: Path) -> None:
    """Results cross process boundaries, as on a cluster: the processes scheduler agrees."""
    urlpath = [str(p) for p in sorted(folder.iterdir())[:4]]
    by_processes = dpd.to_json_lines(urlpath, files_per_partition=2).compute(
        scheduler="processes", num_workers=2
    )
    assert by_processes == dpd.to_json_lines(urlpath).compute(scheduler="sync")


def test_no_files(tmp_path: Path) -> None:
    """A pattern that matches nothing is an error, not an empty bag."""
    with pytest.raises(FileNotFoundError, match="no report file"):
        dpd.read_reports(str(tmp_path / "*.txt"))
