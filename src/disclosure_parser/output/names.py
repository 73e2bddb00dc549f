"""The keys of the three tables with their Chinese labels, as records, frames and docs show them.

Rows and columns of tables B and C, and the items of table A, have the contract keys of
:mod:`disclosure_parser.core.keys`. Table A's columns have no contract key (SPEC §3 looks them
up by index); the tidy records give them the keys of :data:`A_COLUMN_KEYS`, so that the
``column`` field holds a key in all three tables and ``column_label`` the Chinese header.

``docs/keys.md`` is generated from :func:`key_tables` (``python docs/make_keys.py``), and a
test checks that it matches.
"""

from __future__ import annotations

from typing import Final

from ..core.keys import (
    APPLICANT_COLUMNS,
    APPLICATION_ROWS,
    COLUMN_LABELS,
    GROUP_LABELS,
    ITEM_COLUMNS,
    ITEMS,
    OUTCOME_LABELS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
    ROW_LABELS,
)

__all__ = [
    "A_COLUMN_KEYS",
    "a_column",
    "column_label",
    "key_tables",
    "row_label",
]

#: table A column header (as the parser names it) -> column key
A_COLUMN_KEYS: Final[dict[str, str]] = {
    "本年新制作数量": "made",
    "本年新公开数量": "published",
    "对外公开总数量": "published_total",
    "上一年项目数量": "previous_year",
    "本年增/减": "change",
    "处理决定数量": "decisions",
    "本年处理决定数量": "decisions",
    "采购项目数量": "projects",
    "采购总金额": "amount",
    "本年制发件数": "issued",
    "本年废止件数": "repealed",
    "现行有效件数": "in_force",
    "本年收费金额": "amount",
    "本年收费金额（单位：万元）": "amount",
}

#: the group a sub-row of table B is printed under
_B_GROUPS: Final = {
    "withheld": "（三）不予公开",
    "unavailable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other_handling": "（六）其他处理",
}


def a_column(header: str, index: int) -> str:
    """The key of table A's column *header* (at *index*); ``column_N`` for a header the
    template does not have.

    >>> a_column("本年增/减", 1), a_column("本年收费金额（单位：万元）", 0), a_column("备注", 3)
    ('change', 'amount', 'column_3')
    """
    return A_COLUMN_KEYS.get(header) or f"column_{index}"


def row_label(table: str, key: str) -> str:
    """The Chinese label of row *key* of *table* (item of A, row of B, group of C).

    A sub-row of table B is named with its group, a suit group of table C with 行政诉讼:

    >>> row_label("A", "normative_documents"), row_label("B", "withheld.state_secret")
    ('规范性文件', '（三）不予公开 1.属于国家秘密')
    >>> row_label("C", "direct_suit")
    '行政诉讼·未经复议直接起诉'
    """
    if table == "A":
        return ITEMS[key][1] if key in ITEMS else key
    if table == "B":
        label = ROW_LABELS.get(key, key)
        group = _B_GROUPS.get(key.partition(".")[0]) if "." in key else None
        return f"{group} {label}" if group else label
    label = GROUP_LABELS.get(key, key)
    return label if key == "review" else f"行政诉讼·{label}"


def column_label(table: str, key: str) -> str:
    """The Chinese header of column *key* of table B or C.

    >>> column_label("B", "legal_services"), column_label("C", "pending")
    ('法律服务机构', '尚未审结')
    """
    return (COLUMN_LABELS if table == "B" else OUTCOME_LABELS).get(key, key)


def key_tables() -> dict[str, list[tuple[str, str, str]]]:
    """Every key with its Chinese label and where it applies, by table part.

    Parts: ``A items``, ``A columns``, ``B rows``, ``B columns``, ``C groups``, ``C outcomes``;
    each entry is (key, label, templates or clause).

    >>> tables = key_tables()
    >>> tables["B columns"][0], tables["C outcomes"][-1]
    (('natural_person', '自然人', 'both'), ('total', '总计', 'both'))
    """
    items = [(key, label, f"第二十条第（{clause}）项") for key, (clause, label) in ITEMS.items()]
    # table A's columns: each key with its headers, and the items that have it, by template
    headers: dict[str, list[str]] = {}
    where: dict[str, dict[str, list[str]]] = {}
    for template, by_item in ITEM_COLUMNS.items():
        for item, names in by_item.items():
            for header in names:
                column = A_COLUMN_KEYS[header]
                if header not in headers.setdefault(column, []):
                    headers[column].append(header)
                where.setdefault(column, {}).setdefault(template, []).append(item)
    a_columns = [
        (
            column,
            " / ".join(names),
            "; ".join(f"{t}: {', '.join(items)}" for t, items in where[column].items()),
        )
        for column, names in headers.items()
    ]
    rows: list[tuple[str, str, str]] = []
    order = list(APPLICATION_ROWS["2021"])
    order.insert(order.index("other_handling.no_correction"), "other_handling")  # 2019's row
    for key in order:
        templates = [t for t in ("2019", "2021") if key in APPLICATION_ROWS[t]]
        rows.append((key, row_label("B", key), "both" if len(templates) == 2 else templates[0]))
    return {
        "A items": items,
        "A columns": a_columns,
        "B rows": rows,
        "B columns": [(k, column_label("B", k), "both") for k in APPLICANT_COLUMNS],
        "C groups": [(k, row_label("C", k), "both") for k in REVIEW_GROUPS],
        "C outcomes": [(k, column_label("C", k), "both") for k in REVIEW_OUTCOMES],
    }
