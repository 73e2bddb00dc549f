"""The structural rules of SPEC §4: ``template_mix`` (a report mixing the 2019 and 2021
templates, a warning) and ``missing_table`` (a required table is absent).
"""

from __future__ import annotations

from typing import Final

from ..core.keys import ITEM_COLUMNS, OTHER_HANDLING_2021, SECTION_TITLES
from ..core.messages import Message, msg
from ..core.model import ApplicationRow, DisclosureItem, Report
from .context import Context
from .findings import Finding, FindingCell
from .labels import canonical, row_label


def _template_columns() -> dict[str, str]:
    names: dict[str, set[str]] = {}
    for template, items in ITEM_COLUMNS.items():
        for columns in items.values():
            for column in columns:
                names.setdefault(canonical(column), set()).add(template)
    return {name: next(iter(ts)) for name, ts in names.items() if len(ts) == 1}


#: table A column header -> the only template that prints it
_COLUMN_TEMPLATE: Final = _template_columns()
_ITEMS_2019_ONLY: Final = frozenset(ITEM_COLUMNS["2019"]) - frozenset(ITEM_COLUMNS["2021"])


def template_mix_findings(ctx: Context) -> list[Finding]:
    """What :func:`template_mix` returns, over a shared :class:`.Context`."""
    # each sign: its table, the catalogue entry that names it and its words, where it stands
    # (the messages are made only for the signs a finding shows: most reports mix nothing)
    evidence: dict[str, list[tuple[str, str, str, DisclosureItem | ApplicationRow]]] = {
        "2019": [],
        "2021": [],
    }
    for item in ctx.report.active_disclosure.items:
        for name in item.columns:
            template = _COLUMN_TEMPLATE.get(name) or _COLUMN_TEMPLATE.get(canonical(name))
            if template is not None:
                evidence[template].append(("A", "header", name, item))
        if item.key in _ITEMS_2019_ONLY:
            evidence["2019"].append(("A", "item", item.label, item))
    for row in ctx.report.applications.rows:
        if row.key in OTHER_HANDLING_2021:
            evidence["2021"].append(("B", "row", row_label(row.key), row))
    if not evidence["2019"] or not evidence["2021"]:
        return []
    major = "2021" if len(evidence["2021"]) >= len(evidence["2019"]) else "2019"
    minor = "2019" if major == "2021" else "2021"
    shown = list(dict.fromkeys(_sign(kind, words) for _, kind, words, _ in evidence[minor][:3]))
    cells = dict.fromkeys(
        FindingCell(table, where.key, None, None, "label", where.label, where.line, where.column)
        for table, _, _, where in evidence[minor]
    )
    return [
        Finding(
            "template_mix",
            "warning",
            msg(
                "template_mix",
                major=major,
                signs=len(evidence[major]),
                minor=minor,
                minor_signs=len(evidence[minor]),
                shown=shown,
            ),
            tuple(cells),
            major,
            minor,
        )
    ]


def _sign(kind: str, words: str) -> Message:
    """A sign of a template, as a message names it: a table A header or item, a table B row."""
    if kind == "header":
        return msg("template_mix.sign.header", name=words)
    return msg(f"template_mix.sign.{kind}", label=words)


_TABLE_SECTIONS: Final = {"A": 2, "B": 3, "C": 4}


def missing_table_findings(ctx: Context) -> list[Finding]:
    """What :func:`missing_table` returns, over a shared :class:`.Context`."""
    report = ctx.report
    sizes = {
        "A": len(report.active_disclosure),
        "B": len(report.applications),
        "C": len(report.reviews),
    }
    absent = [k for k, n in sizes.items() if n == 0]
    if len(absent) == 3 and report.year is not None and report.year < 2019:
        return [
            Finding(
                "missing_table",
                "info",
                msg("missing_table.pre_2019", year=report.year),
            )
        ]
    return [
        Finding(
            "missing_table",
            "error",
            msg(
                "missing_table",
                table=k,
                number=_number_word(_TABLE_SECTIONS[k]),
                title=SECTION_TITLES[_TABLE_SECTIONS[k]],
            ),
            expected=f"table {k}",
        )
        for k in absent
    ]


def _number_word(n: int) -> str:
    return "一二三四五六"[n - 1]


def template_mix(report: Report) -> tuple[Finding, ...]:
    """Headers or rows of both official templates in one report (a warning).

    Decided from the report itself: table A headers (per ``core.keys.ITEM_COLUMNS``), the items
    only the 2019 template has (其他对外管理服务事项, 政府集中采购) and the 2021 rows of
    （六）其他处理. The parser's own ``template_mix`` diagnostic is not consulted.

    >>> from disclosure_parser import ActiveDisclosure, Cell, DisclosureItem, Report
    >>> zero = Cell("number", 0)
    >>> items = (
    ...     DisclosureItem("regulations", "一", "规章", ("本年制发件数",), (zero,), 3, 1),
    ...     DisclosureItem("procurement", "九", "政府集中采购", ("采购项目数量",), (zero,), 9, 1),
    ... )
    >>> report = Report(None, 2021, None, "2021", active_disclosure=ActiveDisclosure(items))
    >>> print(template_mix(report)[0])
    3:1: warning template_mix the report follows the 2019 template (2 signs) but has 1 sign(s) of the 2021 template: table A header 本年制发件数
    """  # noqa: E501
    return tuple(template_mix_findings(Context(report)))


def missing_table(report: Report) -> tuple[Finding, ...]:
    """A table the template requires (A, B or C) is absent.

    >>> from disclosure_parser import Report
    >>> [f.message for f in missing_table(Report("某局", 2021, None, None))]
    ['table A (二、主动公开政府信息情况) is absent', 'table B (三、收到和处理政府信息公开申请情况) is absent', 'table C (四、政府信息公开行政复议、行政诉讼情况) is absent']
    """  # noqa: E501
    return tuple(missing_table_findings(Context(report)))
