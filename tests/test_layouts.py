"""The text layouts of SPEC §2 items 1–3 and the damage real files carry."""

from __future__ import annotations

from decimal import Decimal

import pytest

import build
import disclosure_parser as dp

LAYOUTS = ["tab", "md", "pipe", "cells"]


def _values(report: dp.Report, key: str) -> list[object]:
    row = report.applications.row(key)
    assert row is not None, key
    return [c.value if c.state == "number" else c.state for c in row.cells]


def _sample_b() -> dict[str, list[str]]:
    b = build.zeros_b()
    b["new_received"] = ["30", "2", "1", "0", "0", "1", "34"]
    b["carried_over"] = ["1", "0", "0", "0", "0", "0", "1"]
    b["granted"] = ["20", "1", "1", "0", "0", "0", "22"]
    b["withheld.third_party_rights"] = ["3", "0", "0", "0", "0", "0", "3"]
    b["other_handling.other"] = ["6", "1", "0", "0", "0", "1", "8"]
    b["total"] = ["29", "2", "1", "0", "0", "1", "33"]
    b["carried_forward"] = ["2", "0", "0", "0", "0", "0", "2"]
    return b


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_reads_the_same_numbers(layout: str) -> None:
    """Tab rows, markdown, pipe tables and one cell per line give the same tables."""
    report = dp.parse(build.report_text(layout, b=_sample_b()), strict=True)
    assert (report.organization, report.year, report.template) == ("示例县人民政府", 2021, "2021")
    assert _values(report, "new_received") == [30, 2, 1, 0, 0, 1, 34]
    assert _values(report, "other_handling.other") == [6, 1, 0, 0, 0, 1, 8]
    assert _values(report, "carried_forward") == [2, 0, 0, 0, 0, 0, 2]
    assert len(report.applications) == 25
    assert [it.key for it in report.active_disclosure] == [
        "regulations",
        "normative_documents",
        "licensing",
        "penalties",
        "coercive_measures",
        "fees",
    ]
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_positions_point_at_the_printed_number(layout: str) -> None:
    """Each cell's line and column locate its raw text in the input."""
    text = build.report_text(layout, b=_sample_b())
    lines = text.split("\n")
    report = dp.parse(text)
    for row in report.applications:
        for cell in row.cells:
            assert cell.line is not None
            assert cell.column is not None
            printed = lines[cell.line - 1][cell.column - 1 :]
            assert printed.startswith(cell.raw)


def test_row_that_lost_its_leading_cells() -> None:
    """A row whose empty leading cells were dropped still lines up (seed 002, row 6)."""
    b = _sample_b()
    text = build.report_text(
        "tab", b=b, b_labels={"withheld.third_party_rights": ["4.保护第三方合法权益"]}
    )
    report = dp.parse(text, strict=True)
    assert _values(report, "withheld.third_party_rights") == [3, 0, 0, 0, 0, 0, 3]


def test_wrapped_label_in_tab_rows() -> None:
    """A label wrapped onto the next physical line joins the row its numbers are on."""
    text = build.report_text("tab", b=_sample_b())
    wrapped = text.replace(
        "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t",
        "\t（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）\t",
    )
    assert wrapped != text
    report = dp.parse(wrapped)
    assert _values(report, "partially_granted") == [0] * 7
    assert not [d for d in report.diagnostics if d.severity != "info"]


def test_wrapped_label_in_one_cell_per_line() -> None:
    """A cell's text continuing on the next line without the tab belongs to that cell."""
    text = build.report_text("cells", b=_sample_b())
    wrapped = text.replace("\t本年制发件数\n", "\t本年制\n发件数\n")
    wrapped = wrapped.replace("\t4.保护第三方合法权益\n", "\t4.保护第三方\n合法权益\n")
    assert wrapped.count("\n") == text.count("\n") + 2
    report = dp.parse(wrapped, strict=True)
    assert _values(report, "withheld.third_party_rights") == [3, 0, 0, 0, 0, 0, 3]
    regulations = report.active_disclosure.item("regulations")
    assert regulations is not None
    assert regulations.columns[0] == "本年制发件数"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_blank_cells_and_na_marks_keep_their_state(layout: str) -> None:
    """Blank cells stay blank and "/", "—", "无" are na marks: none becomes a 0."""
    b = _sample_b()
    b["carried_over"] = ["1", "", "/", "—", "无", "\u00a0", "1"]
    report = dp.parse(build.report_text(layout, b=b))
    row = report.applications.row("carried_over")
    assert row is not None
    assert [c.state for c in row.cells] == ["number", "blank", "na", "na", "na", "blank", "number"]
    assert [c.raw for c in row.cells[2:5]] == ["/", "—", "无"]
    assert report.applications.get("carried_over", "commercial") is None


def test_full_width_digits_and_thousands_separators() -> None:
    """Full-width digits and 1,234 separators are read as numbers; raw text is kept."""
    b = _sample_b()
    b["new_received"] = ["１,２３０", "２", "1", "0", "0", "1", "1,234"]
    report = dp.parse(build.report_text("tab", b=b))
    cell = report.applications.cell("new_received", "natural_person")
    assert cell is not None
    assert (cell.value, cell.raw) == (1230, "１,２３０")
    assert report.applications.get("new_received", "total") == 1234


def test_amounts_with_units_and_negative_counts() -> None:
    """Amounts are exact Decimals with their unit; 本年增/减 keeps its sign."""
    a = build.zeros_a("2019")
    a["licensing"] = ["4633", "-233", "4400"]
    a["penalties"] = ["730", "+12", "742"]
    a["procurement"] = ["2", "251000元"]
    a["fees"] = ["3", "－1"]
    b = {k: ["0"] * 7 for k in build.APPLICATION_ROWS["2019"]}
    report = dp.parse(build.report_text("tab", template="2019", a=a, b=b))
    assert report.template == "2019"
    assert report.active_disclosure.get("licensing", 1) == -233
    assert report.active_disclosure.get("penalties", 1) == 12
    assert report.active_disclosure.get("fees", -1) == -1
    amount = report.active_disclosure.cell("procurement", -1)
    assert amount is not None
    assert (amount.value, amount.unit) == (Decimal(251000), "元")
    assert isinstance(amount.value, Decimal)


def test_spaced_header_characters() -> None:
    """Header words printed with spaces between characters are still recognised."""
    text = build.report_text(
        "tab",
        template="2019",
        a=build.zeros_a("2019"),
        b={k: ["0"] * 7 for k in build.APPLICATION_ROWS["2019"]},
    )
    spaced = text.replace("本年新制作数量", "本 年 新\u3000制 作 数 量").replace(
        "结果维持", "结 果 维 持"
    )
    report = dp.parse(spaced, strict=True)
    assert report.template == "2019"
    item = report.active_disclosure.item("regulations")
    assert item is not None
    assert item.columns[0] == "本年新制作数量"


def test_pipe_table_with_ragged_and_shifted_rows() -> None:
    """A pipe row with a cell too few is realigned by the sums, with a warning."""
    text = build.report_text("pipe", b=_sample_b())
    ragged = text.replace(
        "| 4.保护第三方合法权益 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
        "| 4.保护第三方合法权益 | 3 | 0 | 0 | 0 | 0 | 3 |",
    )
    assert ragged != text
    report = dp.parse(ragged)
    assert _values(report, "withheld.third_party_rights") == [3, 0, 0, 0, 0, 0, 3]
    (note,) = [d for d in report.diagnostics if d.code == "ragged_row"]
    assert note.severity == "warning"
    assert "6 cells for 7 columns" in note.message
    with pytest.raises(dp.ParseError, match="ragged_row"):
        dp.parse(ragged, strict=True)


def test_ragged_row_that_sums_cannot_decide_is_withheld() -> None:
    """When several readings fit, the cells they disagree on are withheld, not guessed."""
    b = build.zeros_b()
    # one cell lost from a row whose column totals are absent: nothing can place it
    b["new_received"] = ["5", "5", "0", "0", "0", "10"]
    del b["total"]
    report = dp.parse(build.report_text("tab", b=b))
    row = report.applications.row("new_received")
    assert row is not None
    assert [c.state for c in row.cells].count("missing") >= 1
    notes = [d for d in report.diagnostics if d.code == "ambiguous_row"]
    assert notes
    assert notes[0].severity == "error"
    assert "withheld" in notes[0].message


def test_markdown_decoration_and_numbering_variants() -> None:
    """## headings, **bold** labels and (一)/（一）/一、 numbering are all understood."""
    text = build.report_text("md", b=_sample_b())
    text = text.replace("\t（一）予以公开\t", "\t**(一) 予以公开**\t").replace(
        "\t（七）总计\t", "\t七、总计\t"
    )
    report = dp.parse(text, strict=True)
    assert _values(report, "granted") == [20, 1, 1, 0, 0, 0, 22]
    assert _values(report, "total") == [29, 2, 1, 0, 0, 1, 33]


def test_table_b_without_total_column() -> None:
    """Reports printed without 总计 have missing total cells, and row_total sums the rest."""
    b = {k: v[:6] for k, v in _sample_b().items()}
    text = build.report_text("tab", b=b).replace("\t总计\n", "\n")
    report = dp.parse(text)
    assert not report.applications.has_total_column
    assert report.applications.cell("new_received", "total") == dp.Cell("missing")
    assert report.applications.row_total("new_received") == 34
    assert [d.code for d in report.diagnostics] == ["no_total_column"]


def test_unknown_row_label_is_reported_with_its_position() -> None:
    """A label that names no template row is skipped with a warning at its line."""
    text = build.report_text("tab", b=_sample_b())
    text = text.replace("\t8.属于行政查询事项\t", "\t8.属于某种新情形\t")
    report = dp.parse(text)
    assert report.applications.row("withheld.administrative_query") is None
    notes = {d.code: d for d in report.diagnostics}
    assert "某种新情形" in notes["unknown_label"].message
    line = text.split("\n")[notes["unknown_label"].line - 1]  # type: ignore[operator]
    assert "某种新情形" in line
    assert notes["missing_row"].severity == "warning"
