"""The object model: accessors, immutability, and the to_dict / from_dict round trip."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest

import disclosure_parser as dp
from conftest import SEED_IDS, seed_text


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_to_dict_round_trips_exactly(seed_id: str) -> None:
    """from_dict(to_dict(r)) == r, through JSON text too (Decimals travel as strings)."""
    report = dp.parse(seed_text(seed_id))
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert dp.Report.from_dict(data) == report


def test_model_is_frozen_and_slotted() -> None:
    """Objects cannot be changed after parsing."""
    report = dp.parse(seed_text("003"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.year = 1999  # type: ignore[misc]
    cell = report.applications.cell("new_received", "total")
    assert cell is not None
    assert not hasattr(cell, "__dict__")


def test_accessors() -> None:
    """get/cell by key or index; unknown column names raise KeyError naming the choices."""
    report = dp.parse(seed_text("003"))
    apps = report.applications
    assert apps.get("new_received", 0) == apps.get("new_received", "natural_person") == 5
    assert apps.get("new_received", -1) == 5
    assert apps.get("no_such_row", "total") is None
    with pytest.raises(KeyError, match="natural_person"):
        apps.get("new_received", "people")
    assert report.active_disclosure.get("procurement", 1) == Decimal("49966945.1")
    assert report.active_disclosure.get("procurement", 7) is None
    assert report.active_disclosure.get("no_such_item", 0) is None
    assert report.reviews.get("direct_suit", "total") == 0
    assert report.reviews.get("review", 4) == 1
    assert len(report.reviews) == 3
    assert [g.key for g in report.reviews] == list(dp.REVIEW_GROUPS)


def test_cell_invariant() -> None:
    """A number cell holds a value, other states hold none."""
    with pytest.raises(ValueError, match="cannot hold"):
        dp.Cell("blank", 3)
    with pytest.raises(ValueError, match="cannot hold"):
        dp.Cell("number")
    with pytest.raises(ValueError, match="must be in"):
        dp.Cell("zero")  # type: ignore[arg-type]


def test_section_locate_maps_offsets_back_to_the_input() -> None:
    """Section.locate turns an offset in section text into the input's line and column."""
    text = seed_text("000")
    report = dp.parse(text)
    overview = report.section(1)
    assert overview is not None
    offset = overview.text.index("15 条")
    line, column = overview.locate(offset)
    assert text.split("\n")[line - 1][column - 1 :].startswith("15 条")
