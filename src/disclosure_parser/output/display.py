"""How reports and findings show in a notebook (HTML) and in a terminal (text).

:func:`report_html` is what ``Report._repr_html_`` shows: a title line, the three tables with
every cell as printed (blank, "none" mark, text and unreadable cells each look different,
derived cells are starred) and the cells that findings name highlighted by severity, with the
findings' messages as the cell's tooltip; then the findings and the parser's diagnostics.
All text from the report is escaped.
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
from ..core.model import Cell, Report
from ..validation import Finding, Findings, validate

__all__ = ["finding_html", "findings_html", "html_view", "report_html"]

_SEVERITY_RANK: Final = {"info": 0, "warning": 1, "error": 2}
_HIGHLIGHT: Final = {"info": "#def", "warning": "#fec", "error": "#fcc"}

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
.dp-report .dp-sev-error {color: #c00; font-weight: bold}
.dp-report .dp-sev-warning {color: #b60; font-weight: bold}
.dp-report .dp-sev-info {color: #06c}
</style>"""

_LEGEND: Final = (
    '<p class="dp-legend"><span class="dp-blank">&nbsp;&nbsp;&nbsp;</span> blank · '
    '<span class="dp-na">/</span> none mark · <span class="dp-missing">?</span> unreadable · '
    '<span class="dp-derived">7<sup>*</sup></span> derived from the sums · '
    '<span class="dp-error">&nbsp;n&nbsp;</span> named by an error finding '
    "(hover for its message)</p>"
)

_GROUP_NAMES: Final = {
    "review": GROUP_LABELS["review"],
    "direct_suit": f"行政诉讼（{GROUP_LABELS['direct_suit']}）",
    "post_review_suit": f"行政诉讼（{GROUP_LABELS['post_review_suit']}）",
}

_Key = tuple[str, str | None, str | None]


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


def _cell_td(cell: Cell | None, key: _Key, named: dict[_Key, list[Finding]]) -> str:
    if cell is None:
        return '<td class="dp-cell dp-missing" title="no such cell">?</td>'
    classes = ["dp-cell"]
    if cell.state != "number":
        classes.append(f"dp-{cell.state}")
    if cell.derived:
        classes.append("dp-derived")
    where = f"{cell.line}:{cell.column} " if cell.line is not None else ""
    tips = [f"{where}{cell.state}" + (f" {cell.raw.strip()!r}" if cell.raw.strip() else "")]
    if cell.derived:
        tips.append("derived from the table's sums")
    style = ""
    findings = named.get(key, [])
    if findings:
        worst = max(findings, key=lambda f: _SEVERITY_RANK.get(f.severity, 0))
        classes.append(f"dp-{worst.severity}")
        # inline too: some notebook viewers drop <style> elements but keep style attributes
        style = f' style="background: {_HIGHLIGHT[worst.severity]}"'
        tips.extend(f"{f.severity} {f.code}: {f.message}" for f in findings)
    title = escape("\n".join(tips))
    text = escape(_cell_text(cell)) + ("<sup>*</sup>" if cell.derived else "")
    return f'<td class="{" ".join(classes)}"{style} title="{title}">{text}</td>'


def _named(findings: Iterable[Finding]) -> dict[_Key, list[Finding]]:
    named: dict[_Key, list[Finding]] = {}
    for finding in findings:
        for cell in finding.cells:
            if cell.source == "previous":
                continue  # the cell of another report (cross-year findings)
            listed = named.setdefault((cell.table, cell.row_key, cell.column_key), [])
            if finding not in listed:
                listed.append(finding)
    return named


def _table_a(report: Report, named: dict[_Key, list[Finding]]) -> list[str]:
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
            _cell_td(cell, ("A", item.key, _header(item.columns, i)), named)
            for i, cell in enumerate(item.cells)
        )
        out.append(f"<tr><th>{escape(item.label)}</th>{cells}</tr>")
    out.append("</table>")
    return out


def _header(columns: Sequence[str], index: int) -> str:
    return columns[index] if index < len(columns) else str(index)


def _table_b(report: Report, named: dict[_Key, list[Finding]]) -> list[str]:
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
            _cell_td(row.cells[i] if i < len(row.cells) else None, ("B", row.key, key), named)
            for i, key in enumerate((*APPLICANTS, "total"))
        )
        out.append(f"<tr><th>{escape(label)}</th>{cells}</tr>")
    out.append("</table>")
    return out


def _table_c(report: Report, named: dict[_Key, list[Finding]]) -> list[str]:
    heads = "".join(f"<th>{escape(OUTCOME_LABELS[o])}</th>" for o in REVIEW_OUTCOMES)
    out = ["<table>", f"<tr><th></th>{heads}</tr>"]
    for key in REVIEW_GROUPS:
        group = report.reviews.group(key)
        if group is None:
            continue
        cells = "".join(
            _cell_td(group.cells[i] if i < len(group.cells) else None, ("C", key, o), named)
            for i, o in enumerate(REVIEW_OUTCOMES)
        )
        out.append(f"<tr><th>{escape(_GROUP_NAMES[key])}</th>{cells}</tr>")
    out.append("</table>")
    return out


def _finding_row(finding: Finding) -> str:
    where = f"{finding.line}:{finding.column}" if finding.line is not None else ""
    return (
        f"<tr><td>{escape(where)}</td>"
        f'<td class="dp-sev-{escape(finding.severity)}">{escape(finding.severity)}</td>'
        f"<td><code>{escape(finding.code)}</code></td>"
        f'<td style="text-align: left">{escape(finding.message)}</td></tr>'
    )


def findings_html(findings: Sequence[Finding]) -> str:
    """The findings as an HTML table: position, severity, code, message.

    >>> from disclosure_parser.validation import Finding
    >>> html = findings_html([Finding("balance", "error", "4 ≠ 3 <b>")])
    >>> '<td class="dp-sev-error">error</td><td><code>balance</code></td>' in html
    True
    >>> "4 ≠ 3 &lt;b&gt;" in html and "<b>" not in html
    True
    """
    if not findings:
        return '<div class="dp-report"><p>no findings</p></div>'
    return f'<div class="dp-report">{_STYLE}{_findings_table(findings)}</div>'


def _findings_table(findings: Sequence[Finding]) -> str:
    rows = "".join(_finding_row(f) for f in findings)
    return (
        f"<table><tr><th>at</th><th>severity</th><th>code</th><th>message</th></tr>{rows}</table>"
    )


def finding_html(finding: Finding) -> str:
    """One finding in HTML: its line, the cells it names, its expected and actual values."""
    parts = [f"<table>{_finding_row(finding)}</table>"]
    if finding.cells:
        items = "".join(f"<li>{escape(c.label)} — {escape(str(c))}</li>" for c in finding.cells)
        parts.append(f"<ul>{items}</ul>")
    if finding.expected is not None or finding.actual is not None:
        parts.append(
            f"<p>expected {escape(str(finding.expected))}, actual {escape(str(finding.actual))}</p>"
        )
    if finding.localization is not None:
        parts.append(f"<p>{escape(finding.localization.message)}</p>")
    return f'<div class="dp-report">{_STYLE}{"".join(parts)}</div>'


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
    named = _named(findings)
    title = " · ".join(
        (
            report.organization or "(organisation unknown)",
            str(report.year) if report.year is not None else "(year unknown)",
            f"template {report.template}" if report.template else "(template unknown)",
        )
    )
    parts = [f'<div class="dp-report">{_STYLE}', f"<h4>{escape(title)}</h4>", _LEGEND]
    tables = (
        ("A", "二、主动公开政府信息情况", report.active_disclosure, _table_a),
        ("B", "三、收到和处理政府信息公开申请情况", report.applications, _table_b),
        ("C", "四、政府信息公开行政复议、行政诉讼情况", report.reviews, _table_c),
    )
    for letter, heading, table, draw in tables:
        parts.append(f"<h5>{letter} {escape(heading)}</h5>")
        parts.extend(draw(report, named) if len(table) else ["<p>(not in the report)</p>"])
    count = len(findings)
    parts.append(f"<h5>{count} finding{'' if count == 1 else 's'}</h5>")
    if findings:
        parts.append(_findings_table(findings))
    if report.diagnostics:
        items = "".join(f"<li>{escape(str(d))}</li>" for d in report.diagnostics)
        parts.append(
            f"<details><summary>{len(report.diagnostics)} parser diagnostic(s)</summary>"
            f"<ul>{items}</ul></details>"
        )
    parts.append("</div>")
    return "\n".join(parts)


def html_view(obj: object) -> str | None:
    """The HTML of a report, a finding or a tuple of findings (what their ``_repr_html_``
    shows, through :mod:`disclosure_parser.core.views`); None for any other object."""
    if isinstance(obj, Report):
        return report_html(obj)
    if isinstance(obj, Finding):
        return finding_html(obj)
    if isinstance(obj, Findings):
        return findings_html(obj)
    return None
