"""The tidy long form, the wide summary and their pandas frames (SPEC §3 data, issue 6)."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from decimal import Decimal

import pytest

import disclosure_parser as dp
from conftest import seed_path
from disclosure_parser.core.keys import APPLICANTS
from disclosure_parser.output.frame import summary_frame, to_frame
from disclosure_parser.output.records import (
    FIELDS,
    FINDING_FIELDS,
    FRAME_FIELDS,
    SUMMARY_FIELDS,
    FileError,
    FileResult,
    findings_records,
    summary_records,
    to_records,
)
from disclosure_parser.validation import Findings


@pytest.fixture(scope="module")
def seed_003() -> dp.Report:
    return dp.parse_file(seed_path("003"))


@pytest.fixture(scope="module")
def seed_000() -> dp.Report:
    return dp.parse_file(seed_path("000"))


def test_one_record_per_cell(seed_003: dp.Report) -> None:
    """Seed 003 gives 22 table A, 23 × 7 table B and 3 × 5 table C records, fields in order."""
    records = to_records({"003": seed_003})
    assert [r["table"] for r in records] == ["A"] * 22 + ["B"] * 161 + ["C"] * 15
    assert all(list(r) == list(FIELDS) for r in records)
    assert {(r["source"], r["organization"], r["year"], r["template"]) for r in records} == {
        ("003", "洪合镇人民政府", 2020, "2019")
    }


def test_blank_cell_record(seed_003: dp.Report) -> None:
    """A printed blank keeps its state, raw text and position, and is never a zero."""
    (record,) = [
        r
        for r in to_records([seed_003])
        if r["row"] == "carried_over" and r["column"] == "natural_person"
    ]
    assert record == {
        "source": "0",
        "organization": "洪合镇人民政府",
        "year": 2020,
        "template": "2019",
        "table": "B",
        "row": "carried_over",
        "row_label": "二、上年结转政府信息公开申请数量",
        "column": "natural_person",
        "column_label": "自然人",
        "column_index": 0,
        "state": "blank",
        "value": None,
        "unit": None,
        "blank": True,
        "derived": False,
        "raw": "\xa0",
        "line": 118,
        "column_number": 2,
        "findings": "",
        "error_code": None,
        "error_message": None,
    }


def test_table_a_columns_and_amounts(seed_003: dp.Report) -> None:
    """Table A records carry the column key, header and index, like tables B and C; an amount
    is its exact Decimal text."""
    rows = [
        (r["row"], r["row_label"], r["column"], r["column_label"], r["column_index"], r["value"])
        for r in to_records([seed_003])
        if r["row"] in ("licensing", "procurement")
    ]
    assert rows == [
        ("licensing", "行政许可", "previous_year", "上一年项目数量", 0, 4633),
        ("licensing", "行政许可", "change", "本年增/减", 1, -233),
        ("licensing", "行政许可", "decisions", "处理决定数量", 2, 4400),
        ("procurement", "政府集中采购", "projects", "采购项目数量", 0, 3518),
        ("procurement", "政府集中采购", "amount", "采购总金额", 1, "49966945.1"),
    ]
    assert Decimal(rows[-1][-1]) == seed_003.active_disclosure.get("procurement", -1)


def test_keys_and_labels_side_by_side(seed_003: dp.Report) -> None:
    """Every record of the three tables has a key and a Chinese label for its row and its
    column; a key has one label (table A's decisions column excepted: its header changed
    between the templates)."""
    records = to_records([seed_003])
    assert all(r["row"] and r["row_label"] and r["column"] and r["column_label"] for r in records)
    assert not [r for r in records if r["column"] == r["column_label"]]
    pairs = {(r["table"], r["row"], r["row_label"]) for r in records}
    assert len(pairs) == len({(t, row) for t, row, _ in pairs})
    labels = {(r["table"], r["column"], r["column_label"]) for r in records}
    assert len(labels) == len({(t, c) for t, c, _ in labels})
    by_table = {t: {r["column"] for r in records if r["table"] == t} for t in "ABC"}
    assert by_table["B"] == set(dp.APPLICANT_COLUMNS)
    assert by_table["C"] == set(dp.REVIEW_OUTCOMES)
    assert ("C", "direct_suit", "行政诉讼·未经复议直接起诉") in pairs
    assert ("B", "not_processed.duplicate", "（五）不予处理 2.重复申请") in pairs


def test_findings_name_their_cells(seed_000: dp.Report) -> None:
    """Seed 000's narrative_mismatch names the six applicant cells of 本年新收, and no other."""
    named = [(r["row"], r["column"]) for r in to_records([seed_000]) if r["findings"]]
    assert named == [("new_received", c) for c in APPLICANTS]
    assert {r["findings"] for r in to_records([seed_000]) if r["findings"]} == {
        "narrative_mismatch"
    }


def test_derived_cells_are_flagged() -> None:
    """Seed 001's cell recovered from the sums (其他 of 予以公开) is flagged derived."""
    records = to_records([dp.parse_file(seed_path("001"))])
    assert ("granted", "other", 0) in [
        (r["row"], r["column"], r["value"]) for r in records if r["derived"]
    ]


def test_failed_file_record(tmp_path: object) -> None:
    """A file that is no report gives one record of state error with code, message, position."""
    result = FileResult.read("pyproject.toml")
    assert result.report is None
    assert result.error is not None
    assert result.error.code == "unsupported_format"
    (record,) = to_records([result])
    assert record["source"] == "pyproject.toml"
    assert record["state"] == "error"
    assert record["table"] is None
    assert record["value"] is None
    assert record["error_code"] == "unsupported_format"
    assert "no reader for .toml" in record["error_message"]


def test_parse_error_keeps_position() -> None:
    """A ParseError's code, message and position become the file's error; an error about the
    whole file (a scan, an encrypted PDF) has no position."""
    assert FileError.of(dp.ParseError("broken", "a\nbc", 3, code="x")) == FileError(
        "x", "broken", 2, 2
    )
    scan = dp.UnreadableFileError("no text layer", code="no_text_layer")
    assert FileError.of(scan) == FileError("no_text_layer", "no text layer", None, None)
    assert FileError.of(MemoryError()).code == "memory"
    assert FileError.of(RuntimeError("bug")) == FileError("internal", "RuntimeError: bug")
    assert FileError.of(dp.MissingDependencyError("pdf", "pdfplumber", "PDF files")).code == (
        "missing_dependency"
    )


def test_json_line_round_trip(seed_000: dp.Report) -> None:
    """The JSON line holds source, report, findings and diagnostics; the report reads back."""
    result = FileResult("a/000.txt", seed_000, dp.validate(seed_000))
    data = json.loads(result.to_json())
    assert list(data) == ["source", "report", "findings", "diagnostics"]
    assert data["source"] == "a/000.txt"
    assert dp.Report.from_dict(data["report"]) == seed_000
    assert [f["code"] for f in data["findings"]] == ["row_total", "narrative_mismatch"]
    assert len(data["diagnostics"]) == len(seed_000.diagnostics)
    error = FileResult("x.txt", error=FileError("not_a_report", "no", 1, 1))
    assert json.loads(error.to_json()) == {
        "source": "x.txt",
        "error": {"code": "not_a_report", "message": "no", "line": 1, "column": 1},
    }


def test_results_pickle(seed_000: dp.Report) -> None:
    """FileResults and their Findings survive pickling, as a process pool or a cluster needs."""
    result = FileResult.read(seed_path("000"))
    again = pickle.loads(pickle.dumps(result))
    assert again == result
    assert type(again.findings) is Findings


def test_summary_records(seed_000: dp.Report, seed_003: dp.Report) -> None:
    """The wide summary: identity, key totals (a missing 总计 summed) and findings by code."""
    first, second, failed = summary_records(
        [
            FileResult("000", seed_000, dp.validate(seed_000)),
            FileResult("003", seed_003, dp.validate(seed_003)),
            FileResult.read("pyproject.toml"),
        ]
    )
    assert list(first) == list(SUMMARY_FIELDS)
    assert (first["organization"], first["year"], first["template"]) == (
        "太极镇人民政府",
        2020,
        "2019",
    )
    assert (first["new_received"], first["handled"], first["carried_forward"]) == (15, 15, 0)
    assert (first["errors"], first["warnings"], first["infos"]) == (1, 0, 1)
    assert (first["n_narrative_mismatch"], first["n_row_total"], first["n_balance"]) == (1, 1, 0)
    assert (second["new_received"], second["review_total"], second["errors"]) == (5, 1, 0)
    assert failed["source"] == "pyproject.toml"
    assert failed["error_code"] == "unsupported_format"
    assert failed["new_received"] is None
    assert failed["errors"] is None


def test_summary_headline_figures(seed_000: dp.Report, seed_003: dp.Report) -> None:
    """The summary has each file's status and the headline figures: new, carried over,
    granted in full and in part, handled, carried forward, the grant rate, reviews, suits."""
    first, second, failed = summary_records(
        [seed_000, FileResult("003", seed_003, dp.validate(seed_003)), FileResult.read("x.pdf")],
    )
    assert [r["status"] for r in (first, second, failed)] == ["parsed", "parsed", "failed"]
    assert (failed["error_code"], failed["organization"], failed["grant_rate"]) == (
        "io",
        None,
        None,
    )
    assert "No such file" in failed["error_message"]
    apps = seed_003.applications
    assert (second["granted"], second["partially_granted"]) == (
        apps.row_total("granted"),
        apps.row_total("partially_granted"),
    )
    expected_rate = (second["granted"] + second["partially_granted"]) / second["handled"]
    assert second["grant_rate"] == expected_rate
    assert (first["granted"], first["partially_granted"], first["handled"]) == (15, 0, 15)
    assert first["grant_rate"] == 1.0
    assert second["title"] == seed_003.title
    reviews = seed_003.reviews
    assert second["review_total"] == reviews.get("review", "total")
    assert second["suit_total"] == (
        reviews.get("direct_suit", "total") + reviews.get("post_review_suit", "total")
    )


def test_findings_records(seed_000: dp.Report) -> None:
    """A record per finding: code, severity, message, the cell (keys, labels, position),
    expected and actual; localisation's suggestion where it names a cell; a failed file's
    error as a record of its own."""
    import attrs

    row = seed_000.applications.row("granted")
    assert row is not None
    wrong = attrs.evolve(row.cells[0], value=16, raw="16")
    rows = tuple(
        attrs.evolve(r, cells=(wrong, *r.cells[1:])) if r is row else r
        for r in seed_000.applications.rows
    )
    broken = attrs.evolve(seed_000, applications=attrs.evolve(seed_000.applications, rows=rows))
    records = findings_records({"broken": broken, "gone": FileResult.read("gone.txt")})
    assert all(list(r) == list(FINDING_FIELDS) for r in records)
    located = [r for r in records if r["localization"] == "single"]
    assert located
    assert {(r["suspect"], r["suggested"]) for r in located} == {("（一）予以公开 × 自然人", 15)}
    balance = next(r for r in records if r["code"] == "outcome_total")
    assert (balance["table"], balance["column"], balance["column_label"]) == (
        "B",
        "natural_person",
        "自然人",
    )
    assert balance["line"] is not None
    error = records[-1]
    assert (error["source"], error["kind"], error["code"], error["severity"]) == (
        "gone.txt",
        "file_error",
        "io",
        "error",
    )


def test_sources_from_mapping_and_position(seed_000: dp.Report, seed_003: dp.Report) -> None:
    """A mapping's keys name the reports; an iterable numbers them (one report is one of one)."""
    by_name = to_records({"b": seed_003, "a": seed_000})
    assert list(dict.fromkeys(r["source"] for r in by_name)) == ["b", "a"]
    by_position = to_records(iter([seed_003, seed_000]))
    assert list(dict.fromkeys(r["source"] for r in by_position)) == ["0", "1"]
    assert to_records(seed_003) == to_records([seed_003])


# ---------------------------------------------------------------------------------------------
# pandas (the frame extra)
# ---------------------------------------------------------------------------------------------


def test_frame_matches_records(seed_003: dp.Report) -> None:
    """to_frame has the records' rows, value as a nullable integer and exact as text."""
    pd = pytest.importorskip("pandas")
    frame = to_frame({"003": seed_003})
    records = to_records({"003": seed_003})
    assert list(frame.columns) == list(FRAME_FIELDS)
    assert len(frame) == len(records) == 198
    assert str(frame.dtypes["value"]) == "Int64"
    assert str(frame.dtypes["year"]) == "Int64"
    assert str(frame.dtypes["blank"]) == "boolean"
    blank = frame[(frame.row == "carried_over") & (frame.column == "natural_person")].iloc[0]
    assert blank.value is pd.NA
    assert bool(blank.blank)
    assert blank.exact is pd.NA
    amount = frame[frame.column_label == "采购总金额"].iloc[0]
    assert amount.value is pd.NA  # an amount is no count: exact keeps it whole
    assert Decimal(amount.exact) == Decimal("49966945.1")
    count = frame[(frame.row == "licensing") & (frame.column == "change")].iloc[0]
    assert (count.value, count.exact) == (-233, "-233")
    for name in ("source", "table", "row", "row_label", "column", "column_label", "state"):
        assert frame[name].tolist() == [r[name] for r in records]


def test_summary_frame(seed_000: dp.Report, seed_003: dp.Report) -> None:
    """summary_frame: one row per report, counts as nullable integers."""
    pytest.importorskip("pandas")
    frame = summary_frame({"000": seed_000, "003": seed_003})
    assert list(frame.columns) == list(SUMMARY_FIELDS)
    assert frame.source.tolist() == ["000", "003"]
    assert frame.new_received.tolist() == [15, 5]
    assert frame.n_narrative_mismatch.tolist() == [1, 0]
    assert str(frame.dtypes["new_received"]) == "Int64"


def test_frame_without_pandas(monkeypatch: pytest.MonkeyPatch, seed_003: dp.Report) -> None:
    """Without pandas, to_frame names the extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(dp.MissingDependencyError, match=r"disclosure-parser\[frame\]"):
        to_frame([seed_003])


def test_dask_module_without_dask() -> None:
    """Without dask, importing disclosure_parser.dask names the extra to install."""
    code = (
        "import sys; sys.modules['dask'] = sys.modules['dask.bag'] = None\n"
        "try:\n    import disclosure_parser.dask\n"
        "except ImportError as exc:\n    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == (
        "disclosure_parser.dask needs dask: pip install 'disclosure-parser[dask]'\n"
    )
