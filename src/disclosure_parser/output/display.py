"""How reports and findings show in a notebook (HTML) and in a terminal (text).

:func:`report_html` is what ``Report._repr_html_`` shows: a title line, the three tables with
every cell as printed (blank, "none" mark, text and unreadable cells each look different,
derived cells are starred) and the cells that findings name marked, with the findings'
messages as the cell's tooltip; then the findings and the parser's diagnostics. Where one cell
explains a table's failing sums (:func:`~disclosure_parser.validation.localize`), that cell is
marked apart, with the value the sums call for beside the printed one; the other cells of the
failing sums are only outlined, and cells that findings blame directly (a narrative that
contradicts them, a negative count) are filled. Positions are those a reader of the file finds
(page, table and row for a PDF). Every text follows the current language
(:mod:`disclosure_parser.core.messages`); all text from the report is escaped.

:func:`report_text` is a report's ``repr``: who, which year, which template, and how many
findings of each severity, on a few lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape
from typing import Final

from ..core.keys import (
    APPLICANTS,
    COLUMN_LABELS,
    GROUP_LABELS,
    OUTCOME_LABELS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
    ROW_GROUPS,
    ROW_LABELS,
)
from ..core.messages import Message, msg, text
from ..core.model import Cell, Diagnostic, Diagnostics, Origin, Report
from ..core.positions import Places, where_printed
from ..validation import Finding, FindingCell, Findings, Localization, Suspect, validate
from .records import FileResult

__all__ = [
    "diagnostics_html",
    "file_result_html",
    "finding_html",
    "findings_html",
    "html_view",
    "localization_html",
    "report_html",
    "report_text",
    "text_view",
]

_SEVERITY_RANK: Final = {"info": 0, "warning": 1, "error": 2}
_HIGHLIGHT: Final = {"info": "#def", "warning": "#fec", "error": "#fcc"}
_OUTLINE: Final = {"info": "#69c", "warning": "#d80", "error": "#c00"}

#: the rules over the sums of tables B and C: their cells are outlined, the culprit marked
_SUM_CODES: Final = frozenset({"balance", "outcome_total", "row_total", "review_total"})

#: scoped to .dp-report so that a notebook's other outputs keep their look
_STYLE: Final = """<style>
.dp-report table {border-collapse: collapse; margin: 0.3em 0 1em 0; font-size: 0.9em}
.dp-report th, .dp-report td {border: 1px solid #bbb; padding: 2px 6px}
.dp-report td.dp-cell {text-align: right; min-width: 2.5em; font-variant-numeric: tabular-nums}
.dp-report th {background: #f3f3f3; font-weight: normal}
.dp-report .dp-blank {background: repeating-linear-gradient(45deg, #fff, #fff 3px, #eee 3px,
  #eee 6px)}
.dp-report .dp-na {color: #777; font-style: italic}
.dp-report .dp-text {color: #555; text-align: left}
.dp-report .dp-missing {color: #a00; background: #f6f6f6}
.dp-report sup {color: #06c}
.dp-report .dp-error {background: #fcc; outline: 2px solid #c00}
.dp-report .dp-warning {background: #fec; outline: 2px solid #d80}
.dp-report .dp-info {background: #def}
.dp-report .dp-outline-error {outline: 2px solid #c00; outline-offset: -2px}
.dp-report .dp-outline-warning {outline: 2px solid #d80; outline-offset: -2px}
.dp-report .dp-outline-info {outline: 1px dashed #69c; outline-offset: -2px}
.dp-report .dp-culprit {background: #c00; color: #fff; font-weight: bold;
  outline: 3px solid #600}
.dp-report .dp-culprit .dp-fix {color: #fff; background: #060; padding: 0 3px;
  margin-left: 4px; border-radius: 3px}
.dp-report .dp-suspect {outline: 2px dashed #c00; outline-offset: -2px}
.dp-report .dp-sev-error {color: #c00; font-weight: bold}
.dp-report .dp-sev-warning {color: #b60; font-weight: bold}
.dp-report .dp-sev-info {color: #06c}
</style>"""

#: a sample of each look a cell can have, and the catalogue's word for it
_LEGEND: Final = (
    ('<span class="dp-blank">&nbsp;&nbsp;&nbsp;</span>', "view.legend.blank"),
    ('<span class="dp-na">/</span>', "view.legend.na"),
    ('<span class="dp-missing">?</span>', "view.legend.missing"),
    ('<span class="dp-derived">7<sup>*</sup></span>', "view.legend.derived"),
    ('<span class="dp-culprit">&nbsp;4<span class="dp-fix">5</span></span>', "view.legend.culprit"),
    ('<span class="dp-outline-error">&nbsp;n&nbsp;</span>', "view.legend.outline"),
    ('<span class="dp-error">&nbsp;n&nbsp;</span>', "view.legend.error"),
)

_GROUP_NAMES: Final = {
    "review": GROUP_LABELS["review"],
    "direct_suit": f"行政诉讼（{GROUP_LABELS['direct_suit']}）",
    "post_review_suit": f"行政诉讼（{GROUP_LABELS['post_review_suit']}）",
}

_Key = tuple[str, str | None, str | None]


class _Marks:
    """What the findings say about each cell: the findings naming it, the finding whose sums
    it explains alone (the culprit), the sums it is only part of."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.named: dict[_Key, list[Finding]] = {}
        self.culprits: dict[_Key, tuple[Suspect, Localization]] = {}
        self.suspects: dict[_Key, tuple[Suspect, Localization]] = {}
        for finding in findings:
            loc = finding.localization
            if loc is not None and loc.status != "none":
                found = self.culprits if loc.status == "single" else self.suspects
                for suspect in loc.suspects:
                    found.setdefault(_key(suspect.cell), (suspect, loc))
            for cell in finding.cells:
                if cell.source == "previous":
                    continue  # the cell of another report (cross-year findings)
                listed = self.named.setdefault(_key(cell), [])
                if finding not in listed:
                    listed.append(finding)


def _key(cell: FindingCell) -> _Key:
    return (cell.table, cell.row_key, cell.column_key)


def _number(value: int | Decimal | None) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _cell_text(cell: Cell) -> str:
    if cell.state == "number":
        text = _number(cell.value)
        return f"{text} {cell.unit}" if cell.unit else text
    if cell.state == "missing":
        return "?"
    if cell.state == "blank":
        return ""
    return cell.raw.strip()


def _where(
    line: int | None, column: int | None, origin: Origin | None, places: Places | None
) -> str:
    """A position as its reader finds it: in the file (page, table, row) where known."""
    if places is not None:
        return places.where(line, column, origin)
    if origin is not None:
        printed = where_printed(origin)
        if printed is not None:
            return printed.render()
    return f"{line}:{column}" if line is not None else ""


def _cell_td(cell: Cell | None, key: _Key, marks: _Marks, places: Places | None) -> str:
    if cell is None:
        return f'<td class="dp-cell dp-missing" title="{escape(text("view.no_cell"))}">?</td>'
    classes = ["dp-cell"]
    if cell.state != "number":
        classes.append(f"dp-{cell.state}")
    if cell.derived:
        classes.append("dp-derived")
    where = _where(cell.line, cell.column, cell.origin, places)
    tips = [
        f"{where} {cell.state}".strip() + (f" {cell.raw.strip()!r}" if cell.raw.strip() else "")
    ]
    if cell.derived:
        tips.append(text("view.derived"))
    style = ""
    content = escape(_cell_text(cell)) + ("<sup>*</sup>" if cell.derived else "")
    findings = marks.named.get(key, [])
    culprit = marks.culprits.get(key)
    suspect = marks.suspects.get(key)
    if culprit is not None:
        suspect_of, loc = culprit
        classes += ["dp-error", "dp-culprit"]
        # inline too: some notebook viewers drop <style> elements but keep style attributes
        style = ' style="background: #c00; color: #fff"'
        shown = escape(text("view.should_be", suggested=suspect_of.suggested))
        content += f'<span class="dp-fix">{shown}</span>'
        tips.append(loc.message)
    elif findings:
        direct = [f for f in findings if f.code not in _SUM_CODES]
        worst = max(findings, key=lambda f: _SEVERITY_RANK.get(f.severity, 0))
        if direct:
            # the cell itself is what a finding is about: filled
            severity = max(direct, key=lambda f: _SEVERITY_RANK.get(f.severity, 0)).severity
            classes.append(f"dp-{severity}")
            style = f' style="background: {_HIGHLIGHT[severity]}"'
        else:
            # only a part of a sum that fails: outlined, the culprit stands out
            classes.append(f"dp-outline-{worst.severity}")
            style = f' style="outline: 2px solid {_OUTLINE[worst.severity]}"'
        if suspect is not None:
            classes.append("dp-suspect")
            tips.append(text("view.suspect", suggested=suspect[0].suggested))
    if findings:
        tips.extend(f"{text('severity.' + f.severity)} {f.code}: {f.message}" for f in findings)
    title = escape("\n".join(tips))
    return f'<td class="{" ".join(classes)}"{style} title="{title}">{content}</td>'


def _table_a(report: Report, marks: _Marks, places: Places | None) -> list[str]:
    out = ["<table>"]
    clause: str | None = None
    columns: tuple[str, ...] | None = None
    for item in report.active_disclosure:
        if item.clause != clause:
            clause, columns = item.clause, None
            out.append(f'<tr><th colspan="4">第二十条第（{escape(clause)}）项</th></tr>')
        if item.columns != columns:
            columns = item.columns
            heads = "".join(f"<th>{escape(c)}</th>" for c in columns)
            out.append(f"<tr><th>信息内容</th>{heads}</tr>")
        cells = "".join(
            _cell_td(cell, ("A", item.key, _header(item.columns, i)), marks, places)
            for i, cell in enumerate(item.cells)
        )
        out.append(f"<tr><th>{escape(item.label)}</th>{cells}</tr>")
    out.append("</table>")
    return out


def _header(columns: Sequence[str], index: int) -> str:
    return columns[index] if index < len(columns) else str(index)


def _table_b(report: Report, marks: _Marks, places: Places | None) -> list[str]:
    apps = report.applications
    others = "".join(f"<th>{escape(COLUMN_LABELS[c])}</th>" for c in APPLICANTS[1:])
    out = [
        "<table>",
        '<tr><th rowspan="2"></th><th rowspan="2">自然人</th>'
        '<th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>',
        f"<tr>{others}</tr>",
    ]
    for row in apps:
        group = ROW_GROUPS.get(row.key)
        label = ROW_LABELS.get(row.key, row.label)
        if group is not None:
            label = f"{group} {label}"
        cells = "".join(
            _cell_td(
                row.cells[i] if i < len(row.cells) else None, ("B", row.key, key), marks, places
            )
            for i, key in enumerate((*APPLICANTS, "total"))
        )
        out.append(f"<tr><th>{escape(label)}</th>{cells}</tr>")
    out.append("</table>")
    return out


def _table_c(report: Report, marks: _Marks, places: Places | None) -> list[str]:
    heads = "".join(f"<th>{escape(OUTCOME_LABELS[o])}</th>" for o in REVIEW_OUTCOMES)
    out = ["<table>", f"<tr><th></th>{heads}</tr>"]
    for key in REVIEW_GROUPS:
        group = report.reviews.group(key)
        if group is None:
            continue
        cells = "".join(
            _cell_td(group.cells[i] if i < len(group.cells) else None, ("C", key, o), marks, places)
            for i, o in enumerate(REVIEW_OUTCOMES)
        )
        out.append(f"<tr><th>{escape(_GROUP_NAMES[key])}</th>{cells}</tr>")
    out.append("</table>")
    return out


def _finding_where(finding: Finding, places: Places | None) -> str:
    cell = next((c for c in finding.cells if c.line is not None and c.source != "previous"), None)
    if cell is None:
        return ""
    return _where(cell.line, cell.column, cell.origin, places)


def _row(where: str, severity: str, code: str, message: str) -> str:
    return (
        f"<tr><td>{escape(where)}</td>"
        f'<td class="dp-sev-{escape(severity)}">{escape(text("severity." + severity))}</td>'
        f"<td><code>{escape(code)}</code></td>"
        f'<td style="text-align: left">{escape(message)}</td></tr>'
    )


def _finding_row(finding: Finding, places: Places | None = None) -> str:
    return _row(_finding_where(finding, places), finding.severity, finding.code, finding.message)


def _head() -> str:
    names = [text(f"view.column.{name}") for name in ("at", "severity", "code", "message")]
    return "<tr>" + "".join(f"<th>{escape(n)}</th>" for n in names) + "</tr>"


def findings_html(findings: Sequence[Finding], places: Places | None = None) -> str:
    """The findings as an HTML table: position, severity, code, message.

    >>> from disclosure_parser.validation import Finding
    >>> html = findings_html([Finding("balance", "error", "4 ≠ 3 <b>")])
    >>> '<td class="dp-sev-error">error</td><td><code>balance</code></td>' in html
    True
    >>> "4 ≠ 3 &lt;b&gt;" in html and "<b>" not in html
    True
    """
    if not findings:
        return f'<div class="dp-report"><p>{escape(text("view.no_findings"))}</p></div>'
    return f'<div class="dp-report">{_STYLE}{_findings_table(findings, places)}</div>'


def _findings_table(findings: Sequence[Finding], places: Places | None = None) -> str:
    rows = "".join(_finding_row(f, places) for f in findings)
    return f"<table>{_head()}{rows}</table>"


def finding_html(finding: Finding) -> str:
    """One finding in HTML: its line, the cells it names, its expected and actual values."""
    parts = [f"<table>{_finding_row(finding)}</table>"]
    if finding.cells:
        items = "".join(f"<li>{escape(c.label)} — {escape(str(c))}</li>" for c in finding.cells)
        parts.append(f"<ul>{items}</ul>")
    if finding.expected is not None or finding.actual is not None:
        values = text(
            "view.expected_actual", expected=str(finding.expected), actual=str(finding.actual)
        )
        parts.append(f"<p>{escape(values)}</p>")
    if finding.localization is not None:
        parts.append(f"<p>{escape(finding.localization.message)}</p>")
    return f'<div class="dp-report">{_STYLE}{"".join(parts)}</div>'


def localization_html(localization: Localization) -> str:
    """What the sums of one table (or group) say: the message, then the cells it names with
    their printed and suggested values.

    >>> from disclosure_parser import Cell, Report, ReviewGroup, Reviews
    >>> from disclosure_parser.validation import localize
    >>> cells = tuple(Cell("number", v, line=9, column=1 + 2 * i)
    ...               for i, v in enumerate((1, 1, 0, 0, 3)))
    >>> report = Report(None, 2021, None, "2021", reviews=Reviews((ReviewGroup("review", cells),)))
    >>> (found,) = localize(report)
    >>> html = localization_html(found)
    >>> html.count("<tr>"), "行政复议 总计" in html   # a header, and five cells that each would do
    (6, True)
    """
    rows = "".join(
        f"<tr><td>{escape(_where(s.cell.line, s.cell.column, s.cell.origin, None))}</td>"
        f"<td>{escape(s.cell.label)}</td>"
        f"<td>{escape(text('view.printed', printed=s.cell.printed))}</td>"
        f"<td>{escape(str(s.suggested))}</td></tr>"
        for s in localization.suspects
    )
    table = ""
    if rows:
        heads = [text(f"view.column.{n}") for n in ("at", "cell", "printed", "suggested")]
        head = "".join(f"<th>{escape(h)}</th>" for h in heads)
        table = f"<table><tr>{head}</tr>{rows}</table>"
    return f'<div class="dp-report">{_STYLE}<p>{escape(localization.message)}</p>{table}</div>'


def diagnostics_html(diagnostics: Sequence[Diagnostic], places: Places | None = None) -> str:
    """The parser's diagnostics as an HTML table: position, severity, code, message.

    >>> import disclosure_parser as dp
    >>> html = dp.parse_file("examples/reports/001.txt").diagnostics._repr_html_()
    >>> html.count("<tr>"), "ragged_row" in html
    (23, True)
    """
    if not diagnostics:
        return f'<div class="dp-report"><p>{escape(text("view.no_diagnostics"))}</p></div>'
    rows = "".join(
        _row(
            _where(d.line, d.column, None, places),
            d.severity,
            d.code,
            d.message,
        )
        for d in diagnostics
    )
    return f'<div class="dp-report">{_STYLE}<table>{_head()}{rows}</table></div>'


def _title(report: Report) -> str:
    return text(
        "view.title",
        organization=report.organization or msg("view.unknown_organization"),
        year=(
            msg("view.year", year=report.year)
            if report.year is not None
            else msg("view.unknown_year")
        ),
        template=(
            msg("view.template", template=report.template)
            if report.template
            else msg("view.unknown_template")
        ),
    )


def report_html(report: Report, findings: Sequence[Finding] | None = None) -> str:
    """*report* as an HTML fragment: title, tables A, B, C with *findings* marked, findings.

    *findings* defaults to ``validate(report)``.

    >>> import disclosure_parser as dp
    >>> html = report_html(dp.parse_file("examples/reports/000.txt"))
    >>> html.count("<table>"), 'class="dp-cell dp-error"' in html
    (4, True)
    """
    if findings is None:
        findings = validate(report)
    marks = _Marks(findings)
    places = Places(report)
    parts = [f'<div class="dp-report">{_STYLE}', f"<h4>{escape(_title(report))}</h4>"]
    legend = " · ".join(f"{sample} {escape(text(key))}" for sample, key in _LEGEND)
    parts.append(f'<p class="dp-legend">{legend}</p>')
    tables = (
        ("A", "二、主动公开政府信息情况", report.active_disclosure, _table_a),
        ("B", "三、收到和处理政府信息公开申请情况", report.applications, _table_b),
        ("C", "四、政府信息公开行政复议、行政诉讼情况", report.reviews, _table_c),
    )
    absent = escape(text("view.absent"))
    for letter, heading, table, draw in tables:
        parts.append(f"<h5>{letter} {escape(heading)}</h5>")
        parts.extend(draw(report, marks, places) if len(table) else [f"<p>{absent}</p>"])
    parts.append(f"<h5>{escape(text('view.findings', n=len(findings)))}</h5>")
    if findings:
        parts.append(_findings_table(findings, places))
    if report.diagnostics:
        items = "".join(
            f"<li>{escape(_diagnostic_text(d, places))}</li>" for d in report.diagnostics
        )
        summary = escape(text("view.diagnostics", n=len(report.diagnostics)))
        parts.append(f"<details><summary>{summary}</summary><ul>{items}</ul></details>")
    parts.append("</div>")
    return "\n".join(parts)


def _diagnostic_text(diagnostic: Diagnostic, places: Places) -> str:
    where = places.where(diagnostic.line, diagnostic.column)
    shown = f"{text('severity.' + diagnostic.severity)} {diagnostic.code} {diagnostic.message}"
    return f"{where}: {shown}" if where else shown


def file_result_html(result: FileResult) -> str:
    """One file's outcome in HTML: the report, its findings marked (positions in the file),
    or why it could not be read."""
    if result.report is None:
        assert result.error is not None
        error = text("view.unreadable", source=result.source)
        return (
            f'<div class="dp-report">{_STYLE}<h4>{escape(error)}</h4>'
            f"<p><code>{escape(result.error.code)}</code> {escape(result.error.message)}</p></div>"
        )
    heading = f"<p><code>{escape(result.source)}</code></p>"
    return heading + report_html(result.report, result.findings)


def _counts(findings: Sequence[Finding]) -> list[Message]:
    return [
        msg(f"cli.count.{severity}", n=sum(1 for f in findings if f.severity == severity))
        for severity in ("error", "warning", "info")
    ]


def report_text(report: Report) -> str:
    """A report in a few lines: who, which year and template, its tables' sizes, how many
    findings of each severity and how many parser diagnostics (its ``repr``).

    >>> import disclosure_parser as dp
    >>> from disclosure_parser.core.messages import in_language
    >>> report = dp.parse_file("examples/reports/000.txt")
    >>> with in_language("en"):
    ...     print(repr(report))
    <Report 太极镇人民政府 · 2020 · template 2019
     tables: A 8 items, B 23 rows, C 3 groups
     findings: 1 error, 0 warnings, 1 info; 19 parser diagnostics>
    >>> with in_language("zh"):
    ...     print(repr(report))
    <Report 太极镇人民政府 · 2020 年 · 2019 年版模板
     表格：主动公开 8 项，申请情况 23 行，复议诉讼 3 组
     核对结果：1 个错误、0 个警告、1 条提示；读取说明 19 条>
    """
    try:
        findings: Sequence[Finding] = validate(report)
    except Exception:  # a repr must never raise, whatever a hand-built report holds
        findings = ()
    tables = text(
        "view.tables",
        a=len(report.active_disclosure),
        b=len(report.applications),
        c=len(report.reviews),
    )
    found = text("view.found", counts=_counts(findings), diagnostics=len(report.diagnostics))
    return f"<Report {_title(report)}\n {tables}\n {found}>"


def html_view(obj: object) -> str | None:
    """The HTML of a report, a finding, findings, a localisation, diagnostics or one file's
    outcome (what their ``_repr_html_`` shows, through :mod:`disclosure_parser.core.views`);
    None for any other object."""
    if isinstance(obj, Report):
        return report_html(obj)
    if isinstance(obj, Finding):
        return finding_html(obj)
    if isinstance(obj, Findings):
        return findings_html(obj)
    if isinstance(obj, Localization):
        return localization_html(obj)
    if isinstance(obj, Diagnostics):
        return diagnostics_html(obj)
    if isinstance(obj, FileResult):
        return file_result_html(obj)
    return None


def text_view(obj: object) -> str | None:
    """The short text (``repr``) of a report; None for any other object."""
    return report_text(obj) if isinstance(obj, Report) else None
