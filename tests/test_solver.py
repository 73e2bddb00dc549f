"""The solver's search over combinations of row readings (``parsing/solver.py``)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_parser.parsing.solver import (
    BLANK,
    Candidate,
    Equation,
    _meaning,
    _Problem,
    solve,
)


def _placements(values: list[int]) -> tuple[list[list[Candidate]], tuple[Equation, ...]]:
    """Rows each printing one value that may stand in column a or b (the other cell a
    printed blank), and a last row of the two columns' totals: "a + b" tables whose sums
    say where each value stands only together."""
    domains = [
        [Candidate([v, BLANK], "a_", 0), Candidate([BLANK, v], "_b", 0)] for v in values[:-1]
    ]
    a_total = sum(v for i, v in enumerate(values[:-1]) if i % 3 == 0)
    b_total = sum(values[:-1]) - a_total
    domains.append([Candidate([a_total, b_total], "ab", 0)])
    last = len(values) - 1
    equations = tuple(
        (
            f"column {col}",
            ((last, col, 1), *((r, col, -1) for r in range(last))),
            frozenset({(last, col)}),
        )
        for col in (0, 1)
    )
    return domains, equations


def test_sums_decide_a_table_with_too_many_combinations_to_try_one_by_one() -> None:
    """Ten rows of two ways each (1,024 combinations, past the 512 tried one by one), values
    1, 2, 4 … 512: only one set of them adds up to column a's total, so every row is decided
    (the search leaves a branch as soon as a column can no longer add up)."""
    values = [2**i for i in range(10)] + [0]
    domains, equations = _placements(values)
    outcomes = solve(domains, equations)
    chosen = [o.chosen for o in outcomes]
    assert all(c is not None for c in chosen)
    where = [c.values.index(v) for c, v in zip(chosen[:-1], values, strict=False) if c]
    assert where == [0 if i % 3 == 0 else 1 for i in range(10)]


def test_equal_values_leave_their_rows_undecided() -> None:
    """Swapping two equal values keeps every sum: those rows stay undecided, the others are
    read, whichever way the combinations are weighed."""
    values = [2**i for i in range(8)] + [256, 256] + [0]
    domains, equations = _placements(values)
    outcomes = solve(domains, equations)
    assert all(o.chosen is not None for o in outcomes[:8])
    # rows 8 and 9 print 256 each; one stands in a and one in b, either way round
    assert [o.chosen for o in outcomes[8:10]] == [None, None]
    assert all(not any(o.kept) for o in outcomes[8:10])


def test_readings_alike_but_for_where_a_blank_stands_mark_those_columns_loose() -> None:
    """A row printing "0" and a blank in either order adds up the same both ways: one reading
    is kept, and its ``loose`` columns say the sums did not tell where the blank stands."""
    row = [Candidate([0, BLANK, 5], "0_5", 0), Candidate([BLANK, 0, 5], "_05", 0)]
    total = ("row_total", ((0, 2, 1), (0, 0, -1), (0, 1, -1)), frozenset({(0, 2)}))
    (outcome,) = solve([row], [total])
    assert outcome.chosen is not None
    assert outcome.chosen.loose == {0, 1}
    # a reading that costs more (a repair) is not as likely: it does not make the kept loose
    costly = [Candidate([0, BLANK, 5], "0_5", 0), Candidate([BLANK, 0, 5], "_05", 10, repairs=1)]
    (outcome,) = solve([costly], [total])
    assert outcome.chosen is not None
    assert outcome.chosen.loose == frozenset()


@st.composite
def _problems(
    draw: st.DrawFn, unknowns: bool = True
) -> tuple[list[list[Candidate]], tuple[Equation, ...]]:
    """Small tables of rows with a few readings each (values, blanks and, with *unknowns*,
    cells to derive) and column sums over them."""
    width = draw(st.integers(1, 3))
    rows = draw(st.integers(2, 4))
    values = [st.integers(0, 6), st.just(BLANK)]
    cell = st.one_of(*values, st.none()) if unknowns else st.one_of(*values)
    domains = [
        [
            Candidate(draw(st.lists(cell, min_size=width, max_size=width)), "x" * width, k)
            for k in range(draw(st.integers(1, 4)))
        ]
        for _ in range(rows)
    ]
    total = rows - 1
    equations = tuple(
        (
            f"column {col}",
            ((total, col, 1), *((r, col, -1) for r in range(total))),
            frozenset({(total, col)}),
        )
        for col in range(width)
    )
    return domains, equations


def _meanings(found: list[list[Candidate]] | None) -> set[tuple[tuple[object, ...], ...]]:
    """What each combination says (a blank and a 0 alike: one of them stands for both)."""
    assert found is not None
    return {tuple(_meaning(c) for c in combo) for combo in found}


@settings(max_examples=300, deadline=None)
@given(_problems())
def test_search_finds_what_trying_every_combination_finds(
    problem: tuple[list[list[Candidate]], tuple[Equation, ...]],
) -> None:
    """The search gives the combinations that fit exactly as trying each one does: leaving
    a branch early never loses a combination that fits."""
    domains, equations = problem
    every = _Problem(domains, equations).solutions(search=False)
    searched = _Problem(domains, equations)._search()
    assert _meanings(searched) == _meanings(every)


@settings(max_examples=300, deadline=None)
@given(_problems(unknowns=False))
def test_search_by_exact_sums_finds_what_trying_every_combination_finds(
    problem: tuple[list[list[Candidate]], tuple[Equation, ...]],
) -> None:
    """Where every reading is exact, the search also leaves a branch as soon as the rows
    still to be read cannot reach the exact rest of a sum: that never loses a combination
    that fits either."""
    domains, equations = problem
    every = _Problem(domains, equations).solutions(search=False)
    searched = _Problem(domains, equations)._search()
    assert _meanings(searched) == _meanings(every)


@settings(max_examples=300, deadline=None)
@given(_problems())
def test_exact_narrowing_keeps_every_combination_that_fits(
    problem: tuple[list[list[Candidate]], tuple[Equation, ...]],
) -> None:
    """Dropping the readings no choice of the other rows completes exactly loses no
    combination that fits; where it finds a sum no combination fits, none did."""
    domains, equations = problem
    narrowed = _Problem(domains, equations)
    narrowed.narrow()
    before = narrowed.solutions(search=False)
    broken = set(narrowed.broken)
    narrowed.narrow_exact()
    if narrowed.broken == broken:
        assert _meanings(narrowed.solutions(search=False)) == _meanings(before)
    else:
        assert before == []


def test_exact_sums_place_values_the_bounds_cannot() -> None:
    """Twelve rows of one value each that may stand in any of three columns (531,441
    combinations), values of one size: the least and greatest sums of the rows not yet
    placed rule out next to nothing, but only one choice reaches the three totals exactly
    (no two sets of the values have one sum)."""
    values = [10_000 + 2**i for i in range(12)]
    where = [i % 3 for i in range(len(values))]
    domains = [
        [Candidate([v if c == col else BLANK for c in range(3)], "abc", 0) for col in range(3)]
        for v in values
    ]
    totals = [sum(v for v, w in zip(values, where, strict=True) if w == col) for col in range(3)]
    domains.append([Candidate(totals, "abc", 0)])
    last = len(values)
    equations = tuple(
        (
            f"column {col}",
            ((last, col, 1), *((r, col, -1) for r in range(last))),
            frozenset({(last, col)}),
        )
        for col in range(3)
    )
    outcomes = solve(domains, equations)
    chosen = [o.chosen for o in outcomes[:-1]]
    assert all(c is not None for c in chosen)
    assert [c.values.index(v) for c, v in zip(chosen, values, strict=True) if c] == where


def test_a_rows_last_number_that_is_the_sum_of_the_rest_is_its_total() -> None:
    """A row "9 0 2 9 20" of six parts and a 总计, two cells lost: 20 closes the row's sum
    as its 总计 (the two lost cells are then 0s); the reading that takes 20 for a part and
    the 总计 as lost too is dropped, as only chance would make the numbers end with their
    sum: in a row printed whole (one line of PDF text); one read from several lines may
    have lost its 总计, and stays undecided."""
    printed = [9, 0, 2, 9, 20]
    as_total = Candidate([*printed[:4], None, None, 20], "abcd--e", 0, repairs=2)
    as_part = Candidate([*printed, None, None], "abcde--", 0, repairs=2)
    row_total = (
        "row_total",
        ((0, 6, 1), *((0, col, -1) for col in range(6))),
        frozenset({(0, 6)}),
    )
    (outcome,) = solve([[as_part, as_total]], [row_total], whole=[True])
    assert outcome.chosen is not None
    assert outcome.chosen.values == (9, 0, 2, 9, 0, 0, 20)
    (outcome,) = solve([[as_part, as_total]], [row_total])
    assert outcome.chosen is None
    assert outcome.kept == (True,) * 4 + (False,) * 3


def test_readings_of_lost_cells_as_blanks_keep_a_printed_total_one() -> None:
    """Where a row's lost cells are blanks for sure (*blanks*: one line of ``pdftotext
    -raw``), the readings that take them so are weighed first, with the same preference
    for a printed 总计: two rows "2 3 5" of four parts and a 总计 (a row and the table's
    total) each lost two blanks, which parts nothing tells; but neither is read with 5 a
    part and its 总计 lost (10 worked out): the 总计 is 5."""
    width = 5
    printed = [object(), object(), object()]
    domains = []
    for _ in range(2):
        readings = []
        for lost in itertools.combinations(range(width), 2):
            it = iter(zip([2, 3, 5], printed, strict=True))
            cells = [(None, None) if col in lost else next(it) for col in range(width)]
            values, sources = zip(*cells, strict=True)
            readings.append(Candidate(list(values), list(sources), 20, repairs=2))
        domains.append(readings)
    equations = [
        (f"row {r}", ((r, 4, 1), *((r, col, -1) for col in range(4))), frozenset({(r, 4)}))
        for r in range(2)
    ] + [
        (f"column {col}", ((1, col, 1), (0, col, -1)), frozenset({(1, col)}))
        for col in range(width)
    ]
    for outcome in solve(domains, equations, whole=[True, True], blanks=[True, True]):
        assert outcome.kept == (False,) * 4 + (True,)
        assert outcome.alternatives[0].values[4] == 5


def test_a_total_worked_out_by_the_narrowing_is_still_a_lost_total() -> None:
    """A row "5 5" of a, b and a 总计, one cell lost: 5 may be its 总计 (b lost: 0), or b
    (the 总计 lost, 10). The narrowing works that 10 out before the readings are weighed;
    it is still a 总计 taken as lost where another reading has it printed, so in a row
    printed whole that reading is tried last, and the row is read with its 总计 5."""
    a, b, t = object(), object(), object()
    as_total = Candidate([5, None, 5], [a, None, t], 10, repairs=1)
    as_part = Candidate([5, 5, None], [a, b, None], 10, repairs=1)
    row_total = ("row_total", ((0, 2, 1), (0, 0, -1), (0, 1, -1)), frozenset({(0, 2)}))
    (outcome,) = solve([[as_part, as_total]], [row_total], whole=[True])
    assert outcome.chosen is not None
    assert outcome.chosen.values == (5, 0, 5)
