"""stub"""

from __future__ import annotations

from ..core.model import Diagnostic


def check(data: bytes) -> list[Diagnostic]:
    return []
