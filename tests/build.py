"""Small report texts for layout tests, written cell by cell in the layouts of SPEC §2 items 1–3.

Cells are given as printed strings, so a test can put any damage into them; labels are the
official ones unless a test overrides them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from disclosure_parser.core.keys import (
    APPLICATION_ROWS,
    ITEM_COLUMNS,
    ITEMS,
    ROW_GROUPS,
    ROW_LABELS,
    Template,
)

Row = Sequence[str]

B_HEADER: Sequence[Row] = (
    ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况"),
    ("", "", "自然人", "法人或其他组织", "", "", "", "", "总计"),
    ("", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""),
)
C_HEADER: Sequence[Row] = (
    ("行政复议", "", "", "", "", "行政诉讼"),
    (
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "未经复议直接起诉",
        "",
        "",
        "",
        "",
        "复议后起诉",
    ),
    ("", "", "", "", "", *(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)),
)


def zeros_b(template: Template = "2021") -> dict[str, list[str]]:
    """Table B with every row printed as zeros."""
    return {key: ["0"] * 7 for key in APPLICATION_ROWS[template]}


def zeros_a(template: Template = "2021") -> dict[str, list[str]]:
    """Table A with every item printed as zeros."""
    return {key: ["0"] * len(cols) for key, cols in ITEM_COLUMNS[template].items()}


def b_label_cells(key: str) -> list[str]:
    """The label cells of a table B row as the official template prints them."""
    label = ROW_LABELS[key]
    if key in ("new_received", "carried_over", "carried_forward"):
        return [label, ""]
    group = ROW_GROUPS.get(key, "")
    if key == "granted":
        return [group, label]
    if ("." in key and not key.startswith("other_handling")) or key in (
        "other_handling.no_correction",
        "other_handling.unpaid_fee",
        "other_handling.other",
    ):
        return [group, label]
    return ["", label]


def rows_of(
    template: Template,
    a: Mapping[str, Row],
    b: Mapping[str, Row],
    c: Row,
    b_labels: Mapping[str, Row] | None = None,
) -> list[tuple[str, list[list[str]]]]:
    """The report as (kind, rows of cells): kind is "text" for prose lines, else a table."""
    parts: list[tuple[str, list[list[str]]]] = []
    parts.append(("text", [["示例县人民政府2021年政府信息公开工作年度报告"]]))
    parts.append(("text", [["一、总体情况"], ["2021年，本县依法做好政府信息公开工作。"]]))
    parts.append(("text", [["二、主动公开政府信息情况"]]))
    table_a: list[list[str]] = []
    clauses: dict[str, list[str]] = {}
    for key in a:
        clauses.setdefault(ITEMS[key][0], []).append(key)
    for clause, keys in clauses.items():
        table_a.append([f"第二十条第（{clause}）项"])
        table_a.append(["信息内容", *ITEM_COLUMNS[template][keys[0]]])
        for key in keys:
            table_a.append([ITEMS[key][1], *a[key]])
    parts.append(("A", table_a))
    parts.append(("text", [["三、收到和处理政府信息公开申请情况"]]))
    table_b = [list(r) for r in B_HEADER]
    for key, cells in b.items():
        labels = list(b_labels[key]) if b_labels and key in b_labels else b_label_cells(key)
        table_b.append([*labels, *cells])
    parts.append(("B", table_b))
    parts.append(("text", [["四、政府信息公开行政复议、行政诉讼情况"]]))
    parts.append(("C", [*[list(r) for r in C_HEADER], list(c)]))
    parts.append(("text", [["五、存在的主要问题及改进情况"], ["一是公开内容不够全面。"]]))
    parts.append(("text", [["六、其他需要报告的事项"], ["无。"]]))
    return parts


def render(parts: list[tuple[str, list[list[str]]]], layout: str) -> str:
    """Write *parts* in *layout*: "tab", "md" (tab rows, # headings), "pipe" or "cells"."""
    out: list[str] = []
    for kind, rows in parts:
        if kind == "text":
            for (line,) in rows:
                heading = line[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")
                out.append(f"## {line}" if layout in ("md", "pipe") and heading else line)
                out.append("")
            continue
        if layout in ("tab", "md"):
            out.extend("\t".join(r) for r in rows)
        elif layout == "pipe":
            width = max(len(r) for r in rows)
            for i, r in enumerate(rows):
                padded = [*r, *([""] * (width - len(r)))]
                out.append("| " + " | ".join(padded) + " |")
                if i == 0:
                    out.append("|" + "---|" * width)
        elif layout == "cells":
            for r in rows:
                out.extend("\t" + cell for cell in r)
                out.append("")
        else:
            raise ValueError(layout)
        out.append("")
    return "\n".join(out)


def report_text(
    layout: str = "tab",
    template: Template = "2021",
    a: Mapping[str, Row] | None = None,
    b: Mapping[str, Row] | None = None,
    c: Row | None = None,
    b_labels: Mapping[str, Row] | None = None,
) -> str:
    """A whole report in *layout*, zeros unless a table is given."""
    return render(
        rows_of(
            template,
            a if a is not None else zeros_a(template),
            b if b is not None else zeros_b(template),
            c if c is not None else ["0"] * 15,
            b_labels,
        ),
        layout,
    )
