"""The parser's hook for readers: a value cell marked unreadable (``cells.UNREADABLE`` before
what was read) is a cell whose value is unknown. The table's sums derive it where they force
a single value, exactly like a cell lost from a ragged row; otherwise it is withheld. It is
never read as a number, and it never turns into a label."""

from __future__ import annotations

import disclosure_parser as dp
from build import report_text, zeros_b
from disclosure_parser.parsing.cells import UNREADABLE, classify, make_cell

MARK = UNREADABLE


def test_a_marked_cell_is_missing_whatever_it_holds() -> None:
    assert classify(MARK + "95") == ("missing", None, None)
    assert classify(MARK + "9D5") == ("missing", None, None)
    assert classify(MARK) == ("missing", None, None)
    cell = make_cell(MARK + "9D5", 3, 7)
    assert (cell.state, cell.value, cell.raw, cell.line, cell.column) == (
        "missing",
        None,
        MARK + "9D5",
        3,
        7,
    )


def _b_with(row: str, cells: list[str]) -> dp.Report:
    """A report whose table B adds up (new = granted = total = 50 natural persons, or 95),
    with *row* printed as *cells*."""
    b = zeros_b()
    n = "95" if "95" in "".join(cells) else "50"
    for key in ("new_received", "granted", "total"):
        b[key] = [n, "0", "0", "0", "0", "0", n]
    b[row] = cells
    return dp.parse(report_text(b=b))


def test_the_row_total_forces_an_unreadable_total() -> None:
    """50 0 0 0 0 0 ⁇5O: the row's parts give the total, 50, marked derived where it stood."""
    report = _b_with("new_received", ["50", "0", "0", "0", "0", "0", MARK + "5O"])
    cell = report.applications.cell("new_received", "total")
    assert (cell.state, cell.value, cell.derived, cell.raw) == ("number", 50, True, MARK + "5O")
    line = next(c.line for c in report.applications.row("new_received").cells)
    assert cell.line == line
    assert cell.column is not None


def test_an_unreadable_part_is_derived_from_its_total() -> None:
    report = _b_with("new_received", [MARK + "9D5", "0", "0", "0", "0", "0", "95"])
    cell = report.applications.cell("new_received", "natural_person")
    assert (cell.value, cell.derived) == (95, True)


def test_a_cell_the_sums_do_not_settle_is_withheld() -> None:
    """Two unknowns in a row of carried-over applications whose total is unreadable too:
    the column sums settle the parts (0, as the table adds up without them) and the total."""
    report = _b_with("granted", [MARK + "5O", MARK + "l", "0", "0", "0", "0", "50"])
    assert report.applications.get("granted", "natural_person") == 50
    assert report.applications.cell("granted", "natural_person").derived
    assert report.applications.get("granted", "commercial") == 0
    # a row whose unknowns no sum ties down: withheld, never read from the marked text
    b = zeros_b()
    b["carried_forward"] = [MARK + "8", MARK + "3", "0", "0", "0", "0", MARK + "11"]
    b.pop("new_received")
    report = dp.parse(report_text(b=b))
    cells = report.applications.row("carried_forward").cells
    assert [c.state for c in cells[:2]] == ["missing", "missing"]
    assert all(c.value is None for c in cells[:2])


def test_an_unreadable_cell_stays_a_value_not_a_label() -> None:
    """The first value cell unreadable: the row keeps its label and its seven columns."""
    report = _b_with("new_received", [MARK + "O", "0", "0", "0", "0", "0", "0"])
    row = report.applications.row("new_received")
    assert row is not None
    assert row.label.endswith("本年新收政府信息公开申请数量")
    assert [c.value for c in row.cells] == [0, 0, 0, 0, 0, 0, 0]
    assert row.cells[0].derived
    assert not [d for d in report.diagnostics if d.code in ("ragged_row", "unknown_label")]


def test_table_a_has_no_sums_an_unreadable_cell_is_withheld() -> None:
    text = report_text().replace("规章\t0\t0\t0", f"规章\t0\t{MARK}l0\t0", 1)
    assert MARK in text
    report = dp.parse(text)
    cell = report.active_disclosure.cell("regulations", 1)
    assert cell is not None
    assert (cell.state, cell.value, cell.raw) == ("missing", None, MARK + "l0")
    assert report.active_disclosure.get("regulations", 0) == 0


def test_table_c_group_total_derives_an_unreadable_cell() -> None:
    c = ["1", "1", "0", "0", "2", "1", "0", "0", "0", MARK + "|", "2", "0", "1", "0", "3"]
    report = dp.parse(report_text(c=c))
    cell = report.reviews.cell("direct_suit", "total")
    assert (cell.value, cell.derived) == (1, True)
