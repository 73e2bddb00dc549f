"""Table building internals: the shortcuts for rows printed one cell per column."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from disclosure_parser.parsing.align import readings, sparse_readings
from disclosure_parser.parsing.lexer import Row
from disclosure_parser.parsing.raw import RawCell, RawRow
from disclosure_parser.parsing.tables import (
    Notes,
    _b_equations,
    _cell_from,
    _cells_of,
    _item_cells,
    _plain_cells,
    _solve_rows,
)

WIDTH = 7
COLUMNS = [f"c{i}" for i in range(WIDTH)]
TEXTS = ["0", "12", "3,119", "7.5", "／", "无", "", "\xa0", "-", "见附件"]


def _row(texts: list[str], lead: int, trail: int, line: int) -> Row:
    """A table row labelled 标签 whose value cells are *texts*, with *lead* and *trail* empty
    filler cells around them."""
    cells = [RawCell("标签", line, 1, False)]
    column = 4
    for k, text in enumerate([""] * lead + texts + [""] * trail):
        filler = not text and (k < lead or k >= lead + len(texts))
        cells.append(RawCell(text, line, column, filler))
        column += len(text) + 1
    return Row(RawRow(cells, line, "tab"), cells[:1], cells[1:])


def _general(rows: list[Row]) -> tuple[list[list[object]], list[str]]:
    """The cells the realigning path builds for *rows*, and the notes it leaves."""
    notes = Notes()
    keys = tuple(f"r{i}" for i in range(len(rows)))
    outcomes = _solve_rows(rows, WIDTH, _b_equations(keys, WIDTH, True))
    cells = [
        _cells_of(row, outcome, WIDTH, COLUMNS, f"row {i}", notes)
        for i, (row, outcome) in enumerate(zip(rows, outcomes, strict=True))
    ]
    return [list(c) for c in cells], [d.code for d in notes.items]


_ROWS = st.lists(
    st.tuples(
        st.lists(st.sampled_from(TEXTS), min_size=WIDTH - 1, max_size=WIDTH + 1),
        st.integers(0, 2),
        st.integers(0, 2),
    ),
    min_size=1,
    max_size=4,
)


@given(_ROWS)
def test_plain_rows_read_as_the_realigning_path_reads_them(
    specs: list[tuple[list[str], int, int]],
) -> None:
    """Wherever the shortcut answers, its cells are those of the general path, with no note;
    it answers for exactly the tables whose rows all print one value cell per column."""
    rows = [_row(texts, lead, trail, i + 1) for i, (texts, lead, trail) in enumerate(specs)]
    plain = _plain_cells(rows, WIDTH)
    if plain is None:
        assert any(len(texts) != WIDTH for texts, _, _ in specs)
        return
    cells, notes = _general(rows)
    assert plain == cells
    assert notes == []


def test_shortcut_takes_rows_with_filler_at_their_ends() -> None:
    """A merged label's empty shadow and trailing layout filler leave a row plain."""
    texts = ["1", "2", "0", "0", "0", "0", "3"]
    rows = [_row(texts, 1, 0, 1), _row(texts, 0, 1, 2), _row(texts, 0, 0, 3), _row(texts, 1, 1, 4)]
    plain = _plain_cells(rows, WIDTH)
    assert plain is not None
    assert [[c.value for c in r] for r in plain] == [[1, 2, 0, 0, 0, 0, 3]] * 4
    assert [c.column for c in plain[0]][:2] == [5, 7]  # after the label and the shadow


def test_shortcut_declines_rows_that_need_realigning() -> None:
    """A short row, a long one, or filler inside the values goes to the general path."""
    texts = ["1", "2", "0", "0", "0", "0", "3"]
    assert _plain_cells([_row(texts[:-1], 0, 0, 1)], WIDTH) is None
    assert _plain_cells([_row([*texts, "4"], 0, 0, 1)], WIDTH) is None
    # filler at both ends of a row a cell short: a lost cell, or a blank cell printed empty
    assert _plain_cells([_row(texts[:-1], 1, 1, 1)], WIDTH) is None
    inner = _row(texts, 0, 0, 1)
    inner.values[3].filler = True
    assert _plain_cells([inner], WIDTH) is None


@given(st.lists(st.sampled_from(TEXTS), min_size=1, max_size=4))
def test_table_a_row_printed_whole_reads_as_its_only_reading(texts: list[str]) -> None:
    """A 第二十条 row with one printed cell per column gets the cells of its single reading,
    amounts as Decimals."""
    names = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "采购总金额"][-len(texts) :]
    row = _row(texts, 0, 0, 1)
    (only,) = readings(row.values, len(names))
    expected = [
        _cell_from(src, None, False, row, amount="金额" in name)
        for src, name in zip(only.sources, names, strict=True)
    ]
    notes = Notes()
    assert _item_cells(row, names, notes) == expected
    assert notes.items == []


def _words(*texts: str) -> list[RawCell]:
    """Value cells of a line of PDF text, one a word."""
    return [RawCell(text, 9, 4 + 8 * k, False) for k, text in enumerate(texts)]


def test_sparse_row_ending_with_its_sum_is_read_in_every_placement_of_its_parts() -> None:
    """ "41692 2 2 41696" for six parts and a 总计: 41696 is the 总计, and the three parts
    stand in order in three of the six columns, the twenty ways for the table's sums."""
    found = sparse_readings(_words("41692", "2", "2", "41696"), WIDTH, [(6, (0, 1, 2, 3, 4, 5))])
    assert len(found) == 20
    assert all(c.values[6] == 41696 and c.repairs == 3 for c in found)
    assert (41692, 2, 2, None, None, None, 41696) in {c.values for c in found}
    assert (None, None, None, 41692, 2, 2, 41696) in {c.values for c in found}


def test_sparse_row_that_does_not_end_with_its_sum_is_not_placed() -> None:
    """Numbers that do not add up to the last, 0s (which add up to any 0), and a row of two
    sums (table C) give no reading."""
    parts = [(6, (0, 1, 2, 3, 4, 5))]
    assert sparse_readings(_words("41692", "2", "3", "41696"), WIDTH, parts) == []
    assert sparse_readings(_words("0", "0", "0"), WIDTH, parts) == []
    two = [(2, (0, 1)), (6, (3, 4, 5))]
    assert sparse_readings(_words("1", "2", "3"), WIDTH, two) == []


def test_sparse_row_of_one_count_and_its_total_is_read_with_that_total() -> None:
    """ "18 18" (and "3 0 3") for six parts and a 总计, a blank printing nothing: the last is
    the 总计, the count stands in one of the six columns (with the 0 after it), for the
    table's sums to place."""
    parts = [(6, (0, 1, 2, 3, 4, 5))]
    found = sparse_readings(_words("18", "18"), WIDTH, parts)
    assert len(found) == 6
    assert all(c.values[6] == 18 and c.repairs == 5 for c in found)
    assert (None, None, 18, None, None, None, 18) in {c.values for c in found}
    assert len(sparse_readings(_words("3", "0", "3"), WIDTH, parts)) == 15
