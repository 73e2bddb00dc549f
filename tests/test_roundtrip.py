"""Generated reports, rendered in every layout with every kind of noise, parse back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import disclosure_parser as dp
from conftest import REPO
from disclosure_parser import strategies as S
from disclosure_parser.core.keys import OUTCOME_ROWS


def _assert_round_trip(sample: S.Sample) -> None:
    parsed = dp.parse(sample.text)
    assert S.content(parsed) == S.content(sample.report)
    # nothing needed repairing: the renderer writes what the parser reads plainly
    assert [d for d in parsed.diagnostics if d.severity == "error"] == []


@pytest.mark.parametrize("noise", S.ALL_NOISES)
@pytest.mark.parametrize("layout", S.ROUND_TRIP_LAYOUTS)
def test_round_trip_with_one_noise(layout: str, noise: str) -> None:
    """parse(render(r)) keeps every number, cell state, year, organisation and template."""

    @given(S.report_texts(layout=layout, noise={noise}))
    def check(sample: S.Sample) -> None:
        _assert_round_trip(sample)

    check()


@pytest.mark.parametrize("layout", S.ROUND_TRIP_LAYOUTS)
@given(data=st.data())
def test_round_trip_with_noise_combined(layout: str, data: st.DataObject) -> None:
    """Any combination of noise at once still round-trips."""
    _assert_round_trip(data.draw(S.report_texts(layout=layout)))


@given(S.report_texts())
def test_parse_render_is_a_fixpoint(sample: S.Sample) -> None:
    """Rendering a parsed report and parsing it again gives an identical Report, positions too."""
    once = dp.parse(dp.render(dp.parse(sample.text), sample.layout))
    twice = dp.parse(dp.render(once, sample.layout))
    assert twice == once


def _sums(report: dp.Report) -> list[str]:
    """Every sum rule of SPEC §4 that fails in *report*, named."""
    apps = report.applications
    failing = []
    template = report.template or "2019"
    outcomes = [k for k in OUTCOME_ROWS[template] if apps.row(k) is not None]
    for col in dp.APPLICANT_COLUMNS:
        got = [apps.get(k, col) for k in (*outcomes, "total")]
        if sum(got[:-1]) != got[-1]:  # type: ignore[arg-type]
            failing.append(f"outcome_total {col}")
        n, c, t, f = (
            apps.get(k, col) for k in ("new_received", "carried_over", "total", "carried_forward")
        )
        if n + c != t + f:  # type: ignore[operator]
            failing.append(f"balance {col}")
    for row in apps:
        if sum(c.value for c in row.cells[:6]) != row.cells[6].value:  # type: ignore[misc]
            failing.append(f"row_total {row.key}")
    for group in report.reviews:
        if sum(c.value for c in group.cells[:4]) != group.cells[4].value:  # type: ignore[misc]
            failing.append(f"review_total {group.key}")
    return failing


@given(S.reports())
def test_generated_reports_satisfy_every_sum(report: dp.Report) -> None:
    """reports() gives tables whose every sum rule holds."""
    assert _sums(report) == []
    assert report.diagnostics == ()


@given(S.reports(consistent=False))
def test_inconsistent_reports_break_one_cell_and_say_which(report: dp.Report) -> None:
    """reports(consistent=False) changes one cell; its diagnostic names the broken rules."""
    (note,) = report.diagnostics
    assert note.code == "generated_inconsistency"
    failing = {f.split()[0] for f in _sums(report)}
    assert failing
    named = note.message.split("breaks ")[1].split(", ")
    assert failing <= set(named)


def test_unknown_layout_and_noise_are_refused() -> None:
    """A misspelt layout or noise name is a ValueError naming the choices."""
    report = dp.parse_file(REPO / "examples" / "reports" / "003.txt")
    with pytest.raises(ValueError, match="markdown-pipe"):
        dp.render(report, "pdf")
    with pytest.raises(ValueError, match="spaced_headers"):
        dp.render(report, "tab", noise={"spaces"})
    with pytest.raises(ValueError, match="blank_zeros"):
        S.report_texts(noise={"nonsense"})


@pytest.mark.parametrize("layout", S.ROUND_TRIP_LAYOUTS)
@pytest.mark.parametrize("seed_file", ["000.txt", "001.txt", "002.txt", "003.txt", "004.txt"])
def test_seeds_round_trip(layout: str, seed_file: str) -> None:
    """Each seed, rendered in each layout, reads back to the same tables."""
    report = dp.parse_file(REPO / "examples" / "reports" / seed_file)
    again = dp.parse(dp.render(report, layout))
    expected = S.content(report)
    got = S.content(again)
    # cells the parser recovered from sums are printed as numbers: they read back as read
    assert got == expected
