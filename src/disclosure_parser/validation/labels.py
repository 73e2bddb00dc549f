"""The report's own words for what validation names: table B rows and columns, the groups of
table C, table A headers without their notes.

Messages quote the report's labels rather than the keys, so that a reader can find the cell
in the printed report.

>>> row_label("granted"), column_label("natural_person"), GROUP_NAMES["direct_suit"]
('（一）予以公开', '自然人', '行政诉讼（未经复议直接起诉）')
>>> canonical("本年收费金额（单位：万元）")
'本年收费金额'
"""

from __future__ import annotations

import re
from typing import Final

from ..core.keys import COLUMN_LABELS, GROUP_LABELS, ROW_LABELS

#: table C groups as the report names them
GROUP_NAMES: Final = {
    "review": GROUP_LABELS["review"],
    "direct_suit": f"行政诉讼（{GROUP_LABELS['direct_suit']}）",
    "post_review_suit": f"行政诉讼（{GROUP_LABELS['post_review_suit']}）",
}


def row_label(key: str | None) -> str:
    """A table B row as printed (the key itself for a row the template does not know)."""
    return ROW_LABELS.get(key or "", str(key))


def column_label(key: str) -> str:
    """A table B column as printed (the key itself for a column the template does not know)."""
    return COLUMN_LABELS.get(key, key)


_UNIT_NOTE: Final = re.compile(r"[（(][^）)]*[）)]")


def canonical(column: str) -> str:
    """A table A header without its parenthesised notes (（单位：万元） …)."""
    return _UNIT_NOTE.sub("", column).strip()
