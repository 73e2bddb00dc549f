"""Reports and findings in a notebook (HTML) and in a terminal (text) (issue 6)."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import attrs
import pytest

import disclosure_parser as dp
from conftest import seed_path
from disclosure_parser.core.messages import in_language
from disclosure_parser.output.display import finding_html, findings_html, report_html
from disclosure_parser.validation import Finding, FindingCell, Findings, finding_text


class _Tables(HTMLParser):
    """The tables of an HTML fragment: rows of (tag, attributes, text) cells."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tables: list[list[list[tuple[str, dict[str, str], str]]]] = []
        self.cell: list[Any] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = [tag, {k: v or "" for k, v in attrs}, ""]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append((self.cell[0], self.cell[1], self.cell[2]))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell[2] += data


def _row(table: list[list[tuple[str, dict[str, str], str]]], label: str) -> list[Any]:
    """The value cells of the row whose header cell contains *label*."""
    for row in table:
        if row and row[0][0] == "th" and label in row[0][2]:
            return [cell for cell in row if cell[0] == "td"]
    raise AssertionError(f"no row {label!r}")


@pytest.fixture(scope="module")
def seed_000() -> dp.Report:
    return dp.parse_file(seed_path("000"))


def _with_b_cell(report: dp.Report, row_key: str, index: int, cell: dp.Cell) -> dp.Report:
    rows = tuple(
        attrs.evolve(r, cells=(*r.cells[:index], cell, *r.cells[index + 1 :]))
        if r.key == row_key
        else r
        for r in report.applications.rows
    )
    return attrs.evolve(report, applications=attrs.evolve(report.applications, rows=rows))


def test_report_html_tables_and_title(seed_000: dp.Report) -> None:
    """Title line, tables A, B (7 columns) and C (3 × 5), then the findings table."""
    html = seed_000._repr_html_()
    assert "<h4>太极镇人民政府 · 2020 · template 2019</h4>" in html
    table_a, table_b, table_c, findings = _Tables(html).tables
    assert [c[2] for c in _row(table_a, "行政许可")] == ["0", "0", "0"]
    assert len(_row(table_b, "予以公开")) == 7
    assert [len(_row(table_c, g)) for g in ("行政复议", "未经复议直接起诉", "复议后起诉")] == [
        5
    ] * 3
    assert [row[2][2] for row in findings[1:]] == ["row_total", "narrative_mismatch"]


def test_finding_cells_highlighted(seed_000: dp.Report) -> None:
    """The six cells narrative_mismatch names are marked as errors, with its message."""
    table_b = _Tables(report_html(seed_000)).tables[1]
    cells = _row(table_b, "本年新收")
    assert [c[2] for c in cells[:6]] == ["15", "0", "0", "0", "0", "0"]
    for _, attributes, _ in cells[:6]:
        assert "dp-error" in attributes["class"].split()
        assert "error narrative_mismatch: the text of section 1 states 0" in attributes["title"]
    assert "dp-error" not in cells[6][1]["class"]  # 总计: printed without, so missing
    assert "dp-missing" in cells[6][1]["class"]
    assert not any("dp-error" in c[1]["class"] for c in _row(table_b, "予以公开"))


def test_wrong_cell_highlighted_by_its_sums(seed_000: dp.Report) -> None:
    """A wrong cell of table B is marked by the sums it breaks, their messages in its title."""
    broken = _with_b_cell(seed_000, "granted", 0, dp.Cell("number", 16, raw="16", line=1))
    (cell, *_) = _row(_Tables(report_html(broken)).tables[1], "予以公开")
    assert cell[2] == "16→ 15"  # the one cell that explains the sums: its value beside it
    assert "dp-error" in cell[1]["class"].split()
    assert "error outcome_total: " in cell[1]["title"]


def test_cell_states_look_different(seed_000: dp.Report) -> None:
    """Blank, none mark, text, unreadable and derived cells each get their class and text."""
    report = seed_000
    for index, cell in enumerate(
        (
            dp.Cell("blank", raw=" "),
            dp.Cell("na", raw="/"),
            dp.Cell("text", raw="<b>见附件</b>"),
            dp.Cell("missing"),
            dp.Cell("number", 4, raw="", derived=True),
        )
    ):
        report = _with_b_cell(report, "carried_over", index, cell)
    html = report_html(report, findings=())
    cells = _row(_Tables(html).tables[1], "上年结转")[:5]
    assert [c[1]["class"] for c in cells] == [
        "dp-cell dp-blank",
        "dp-cell dp-na",
        "dp-cell dp-text",
        "dp-cell dp-missing",
        "dp-cell dp-derived",
    ]
    assert [c[2] for c in cells] == ["", "/", "<b>见附件</b>", "?", "4*"]
    assert "&lt;b&gt;见附件&lt;/b&gt;" in html
    assert "<sup>*</sup>" in html


def test_text_is_escaped(seed_000: dp.Report) -> None:
    """Whatever a report holds, it cannot inject markup into the notebook."""
    report = attrs.evolve(seed_000, organization='<script>alert("x")</script>')
    html = report_html(report, findings=(Finding("x", "error", "a < b & 'c'"),))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "a &lt; b &amp; &#x27;c&#x27;" in html


def test_missing_tables_said_so() -> None:
    """A report without tables says so instead of drawing empty ones."""
    html = report_html(dp.Report("某局", 2021, None, None), findings=())
    assert html.count("(not in the report)") == 3
    assert "(template unknown)" in html
    assert "<h5>0 findings</h5>" in html


def test_validate_returns_readable_findings(seed_000: dp.Report) -> None:
    """validate() gives Findings: equal to the plain tuple, printed one finding per line."""
    findings = dp.validate(seed_000)
    assert isinstance(findings, Findings)
    assert findings == tuple(findings)
    assert repr(findings) == repr(tuple(findings))
    assert str(findings).splitlines() == [str(f) for f in findings]
    assert str(findings).splitlines()[1].startswith("17:13: error narrative_mismatch ")
    assert str(Findings()) == "no findings"
    assert isinstance(dp.validation.compare_years(seed_000, seed_000), Findings)


class _Printer:
    """What IPython's pretty printer offers ``_repr_pretty_``: text()."""

    def __init__(self) -> None:
        self.out = ""

    def text(self, text: str) -> None:
        self.out += text


def test_findings_in_ipython_and_notebook(seed_000: dp.Report) -> None:
    """In IPython the findings print as lines; in a notebook as a table of four columns."""
    findings = dp.validate(seed_000)
    printer = _Printer()
    findings._repr_pretty_(printer, False)
    assert printer.out == str(findings)
    (table,) = _Tables(findings._repr_html_()).tables
    assert [c[2] for c in table[0]] == ["at", "severity", "code", "message"]
    assert [c[2] for c in table[2][:3]] == ["17:13", "error", "narrative_mismatch"]
    assert findings_html(()) == '<div class="dp-report"><p>no findings</p></div>'


def test_one_finding_in_detail() -> None:
    """A single finding shows its line, the cells it names and its expected and actual values."""
    finding = Finding(
        "review_total",
        "error",
        "total is 1",
        (FindingCell("C", "review", "total", 1, line=76, column=9),),
        expected=2,
        actual=1,
    )
    assert finding_text(finding) == (
        "76:9: error review_total total is 1\n"
        "  cells: C[review, total] = 1 at 76:9\n"
        "  expected: 2, actual: 1"
    )
    printer = _Printer()
    finding._repr_pretty_(printer, False)
    assert printer.out == finding_text(finding)
    html = finding._repr_html_()
    assert html == finding_html(finding)
    assert "<li>行政复议 总计 — C[review, total] = 1 at 76:9</li>" in html
    assert "<p>expected 2, actual 1</p>" in html


# ---------------------------------------------------------------------------------------------
# The culprit stands out; views of files, localisations and diagnostics (issue 18)
# ---------------------------------------------------------------------------------------------


def _seed_003_edited() -> dp.Report:
    """Seed 003 with （一）予以公开 × 自然人 printed 4 instead of 5."""
    report = dp.parse_file(seed_path("003"))
    row = report.applications.row("granted")
    assert row is not None
    return _with_b_cell(report, "granted", 0, attrs.evolve(row.cells[0], value=4, raw="4"))


def test_the_culprit_stands_out() -> None:
    """The cell localize() names is marked apart, with the value the sums call for; the other
    cells of the failing sums are only outlined."""
    table_b = _Tables(report_html(_seed_003_edited())).tables[1]
    granted = _row(table_b, "予以公开")
    culprit = granted[0]
    assert "dp-culprit" in culprit[1]["class"].split()
    assert culprit[2] == "4→ 5"
    assert "（一）予以公开 × 自然人 is printed as 4" in culprit[1]["title"]
    # its row's 总计 and its column's （七）总计: parts of the failing sums, outlined only
    for other in (granted[6], _row(table_b, "（七）总计")[0]):
        classes = other[1]["class"].split()
        assert "dp-outline-error" in classes
        assert "dp-error" not in classes
        assert "dp-culprit" not in classes
    # cells of other rows and columns are not marked
    assert _row(table_b, "本年新收")[0][1]["class"] == "dp-cell"


def test_suspects_when_the_sums_cannot_tell() -> None:
    """A group of table C whose sum fails: every cell that alone would fix it is marked as a
    suspect (the sums cannot tell which), none as the culprit."""
    cells = tuple(
        dp.Cell("number", v, raw=str(v), line=9, column=1 + 2 * i)
        for i, v in enumerate((1, 1, 0, 0, 3))
    )
    reviews = dp.Reviews((dp.ReviewGroup("review", cells),))
    report = dp.Report(None, 2021, None, "2021", reviews=reviews)
    table_c = _Tables(report_html(report)).tables[-2]
    marked = _row(table_c, "行政复议")
    assert all("dp-suspect" in c[1]["class"].split() for c in marked)
    assert not any("dp-culprit" in c[1]["class"] for c in marked)


def test_notebook_in_chinese() -> None:
    """The view follows the language: title, legend, headings, severities."""
    with in_language("zh"):
        html = report_html(_seed_003_edited())
    assert "<h4>洪合镇人民政府 · 2020 年 · 2019 年版模板</h4>" in html
    assert "可以解释所有合计不符的那一格" in html
    assert "<h5>核对结果 2 条</h5>" in html
    assert '<td class="dp-sev-error">错误</td>' in html
    assert "→ 应为 5" in html


def test_pdf_positions_in_the_notebook() -> None:
    """A report read from a PDF shows its findings at page, table and row."""
    report = dp.parse_file("tests/fixtures/seed_003.pdf")
    cell = report.applications.cell("granted", "natural_person")
    assert cell is not None
    report = _with_b_cell(report, "granted", 0, attrs.evolve(cell, value=4, raw="4"))
    findings = _Tables(report_html(report)).tables[-1]
    assert [row[0][2] for row in findings[1:]] == ["page 2, table 6, row 6"] * 2


def test_file_result_localization_and_diagnostics_views(tmp_path: Any) -> None:
    """FileResult, Localization and a report's diagnostics draw themselves in a notebook."""
    result = dp.FileResult.read(seed_path("000"))
    html = result._repr_html_()
    assert str(seed_path("000")) in html
    assert html.count("<table>") == 4
    failed = dp.FileResult.read(tmp_path / "missing.pdf")._repr_html_()
    assert "could not be read" in failed
    assert "<code>io</code>" in failed
    (found,) = dp.validation.localize(_seed_003_edited())
    table = _Tables(found._repr_html_()).tables[0]
    assert [c[2] for c in table[1]] == ["128:2", "（一）予以公开 × 自然人", "4", "5"]
    diagnostics = dp.parse_file(seed_path("001")).diagnostics
    assert isinstance(diagnostics, dp.Diagnostics)
    rows = _Tables(diagnostics._repr_html_()).tables[0]
    assert [c[2] for c in rows[0]] == ["at", "severity", "code", "message"]
    assert len(rows) == len(diagnostics) + 1
    assert str(diagnostics).splitlines() == [str(d) for d in diagnostics]


def test_report_repr_fits_on_a_few_lines() -> None:
    """A report's repr: organisation, year, template, table sizes, counts of findings."""
    shown = repr(_seed_003_edited())
    assert shown.splitlines() == [
        "<Report 洪合镇人民政府 · 2020 · template 2019",
        " tables: A 8 items, B 23 rows, C 3 groups",
        " findings: 2 errors, 0 warnings, 0 info; 1 parser diagnostic>",
    ]
