"""The promise, as properties over damaged reports (issue 17): a parse never yields a number
different from the printed one without a warning or error on its line, or a validation
finding naming it; and no message shows the solver's internal markers.

The reports are generated (``disclosure_parser.strategies``), printed in every layout with
the render noises, then damaged the way hostile and broken files are (see ``damage.py``).
"""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import disclosure_parser as dp
from damage import DAMAGE, damaged_tab_text, swapped_columns
from disclosure_parser import strategies as S
from disclosure_parser.parsing.solver import BLANK, OPAQUE
from silent import silently_wrong

#: the solver's markers for blank and text cells, and its infinity, as they would print
MARKERS = re.compile("|".join(str(abs(m)) for m in (BLANK, OPAQUE, 2**60)))


def _check(printed: dp.Report, text: str) -> None:
    try:
        parsed = dp.parse(text)
    except dp.ParseError:
        return  # refused outright: nothing wrong was read
    assert silently_wrong(printed, parsed) == []
    for note in parsed.diagnostics:
        assert MARKERS.search(note.message) is None, note


@settings(max_examples=300)
@given(
    report=st.booleans().flatmap(lambda consistent: S.reports(consistent=consistent)),
    kind=st.sampled_from(DAMAGE),
    seed=st.integers(0, 2**32 - 1),
)
def test_damaged_rows_never_move_a_number_silently(report: dp.Report, kind: str, seed: int) -> None:
    """A row deleted, a cell lost, two rows printed as one, two cells joined by a space or
    glued: whatever is read is what was printed, or is flagged."""
    _check(report, damaged_tab_text(report, kind, random.Random(seed)))


@settings(max_examples=200)
@given(
    sample=st.booleans().flatmap(
        lambda consistent: S.reports(consistent=consistent).flatmap(
            lambda report: st.tuples(
                st.just(report),
                st.sampled_from(dp.LAYOUTS),
                st.frozensets(st.sampled_from(S.ALL_NOISES)),
                st.integers(0, 2**32 - 1),
            )
        )
    )
)
def test_render_then_parse_never_moves_a_number_silently(
    sample: tuple[dp.Report, str, frozenset[str], int],
) -> None:
    """parse(render(r)) for reports that may not add up, in every layout with any noise."""
    report, layout, noise, seed = sample
    report = S._apply_report_noise(random.Random(seed), report, noise)
    _check(report, dp.render(report, layout, noise=noise & set(dp.NOISES), seed=seed))


@settings(max_examples=100)
@given(
    report=S.reports(),
    table=st.sampled_from("BC"),
    layout=st.sampled_from(dp.LAYOUTS),
    seed=st.integers(0, 999),
)
def test_swapped_columns_then_damage_never_move_a_number_silently(
    report: dp.Report, table: str, layout: str, seed: int
) -> None:
    """Columns printed in another order than the template's, in every layout."""
    _check(report, swapped_columns(report, table, layout, frozenset(), seed))
