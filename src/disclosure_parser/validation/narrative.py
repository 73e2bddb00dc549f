"""Numbers the narrative states in words about table B and C quantities.

The scanner lives in :mod:`disclosure_parser.parsing.narrative`, where the parser also reads the
numbers the narrative states for table A to settle cells the table's digits leave ambiguous;
validation's ``narrative_mismatch`` rule and the public names ``validation.narrative.scan``,
``.statements`` and ``.Statement`` are this module's.

>>> [(s.quantity, s.value) for s in scan("全年共收到政府信息公开申请 34 件。")]
[('new_received', 34)]
"""

from __future__ import annotations

from ..parsing.narrative import CHANNELS, Statement, scan, statements

__all__ = ["CHANNELS", "Statement", "scan", "statements"]
