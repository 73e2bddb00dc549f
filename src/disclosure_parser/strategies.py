"""Hypothesis strategies: generated reports and report texts, for property tests.

Needs hypothesis (``pip install 'disclosure-parser[strategies]'``).

* :func:`reports` builds :class:`~disclosure_parser.Report` objects whose tables satisfy every
  sum rule of SPEC §4 (or, with ``consistent=False``, break one cell on purpose and say which).
* :func:`report_texts` renders them in the layouts the parser reads, with the real-world noise
  of SPEC §2 (see :data:`ALL_NOISES`), as :class:`Sample` objects: the report, the text and
  what was done to it.
* :func:`content` reduces a Report to what a round trip must preserve, for comparisons.

A property test of your own pipeline might read::

    from hypothesis import given
    from disclosure_parser.strategies import report_texts

    @given(report_texts(noise={"fullwidth_digits"}))
    def test_my_pipeline(sample):
        row = my_pipeline(sample.text)            # your code, reading the report text
        assert row["new"] == sample.report.applications.get("new_received", "total")
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "disclosure_parser.strategies needs hypothesis: pip install 'disclosure-parser[strategies]'"
    ) from exc

from .core.keys import (
    APPLICANT_COLUMNS,
    APPLICATION_ROWS,
    ITEM_COLUMNS,
    ITEMS,
    OUTCOME_ROWS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
    ROW_LABELS,
    SECTION_TITLES,
    TEMPLATES,
    Template,
)
from .core.messages import msg
from .core.model import (
    MISSING,
    ActiveDisclosure,
    ApplicationRow,
    Applications,
    Cell,
    Diagnostic,
    DisclosureItem,
    Report,
    ReviewGroup,
    Reviews,
    Section,
    Span,
)
from .core.text import fold
from .output.render import LAYOUTS, NOISES, render
from .parsing.labels import a_columns

__all__ = [
    "ALL_NOISES",
    "REPORT_NOISES",
    "ROUND_TRIP_LAYOUTS",
    "Sample",
    "content",
    "report_texts",
    "reports",
]

#: the layouts whose text keeps every cell boundary: a report printed in one of them reads back
#: exactly; ``flattened`` text does not (its glued digits are split by the table's sums, and a
#: split no sum decides is withheld), so samples are drawn from it only when asked for
ROUND_TRIP_LAYOUTS: Final = tuple(layout for layout in LAYOUTS if layout != "flattened")

#: noise that changes the report itself (what a reader sees), not only how it is printed
REPORT_NOISES: Final = ("blank_zeros", "na_marks", "no_total_column")
#: every named noise: :data:`REPORT_NOISES` and the printing noise of ``dp.NOISES``
ALL_NOISES: Final = (*REPORT_NOISES, *NOISES)

_PLACES = "东西南北安平和兴华宁清河山阳泉江湖林丰永新富昌德"
_BODIES = (
    "镇人民政府",
    "乡人民政府",
    "县人民政府",
    "区人民政府",
    "市教育局",
    "区财政局",
    "县卫生健康委员会",
    "街道办事处",
)
_SENTENCES = (
    "本年度，我单位认真贯彻落实政府信息公开工作要求。",
    "严格执行政府信息公开审查制度，做到应公开尽公开。",
    "进一步完善依申请公开办理流程，依法按时答复。",
    "加强政府网站和政务新媒体管理，及时发布各类信息。",
    "部分栏目更新不够及时，信息公开的主动性有待提高。",
    "下一步将加强培训，提升工作人员业务水平。",
    "无。",
)
_NA_MARKS = ("/", "—", "无", "-", "——")


@attrs.frozen
class Sample:
    """A generated report, its text, and the layout and noise the text was printed with."""

    report: Report = attrs.field(repr=False)
    text: str = attrs.field(repr=False)
    layout: str
    noise: frozenset[str]
    seed: int = 0

    def __repr__(self) -> str:
        # the whole text would flood hypothesis's report; print sample.text to see it
        first = self.text.split("\n", 1)[0]
        return (
            f"Sample(layout={self.layout!r}, noise={sorted(self.noise)!r}, seed={self.seed}, "
            f"text=<{len(self.text)} characters, first line {first!r}>)"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # hypothesis (and IPython) print falsifying examples with this hook
        printer.text(repr(self))


# Hypothesis draws the shape of a report (template, scale, which cell to damage) and a seed;
# the hundred-odd counts of the tables come from a Random seeded with it: drawing each count
# through Hypothesis made generation several times slower than parsing.


def _count(rng: random.Random, scale: str) -> int:
    if scale == "zero":
        return 0
    if scale == "small" or rng.random() < 0.5:
        return rng.choice((0, 0, 0, 1, 2, 3, 5, 9))
    return rng.randint(10, 99_999)


def _number(value: int | Decimal, unit: str | None = None) -> Cell:
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return Cell("number", value, raw=f"{text} {unit}" if unit else text, unit=unit)


def _column_names(template: Template, key: str) -> tuple[str, ...]:
    """The column names the parser gives an item's header, in the template's wording."""
    return tuple(a_columns(fold(c))[0][1] for c in ITEM_COLUMNS[template][key])


def _active_disclosure(rng: random.Random, template: Template, scale: str) -> ActiveDisclosure:
    items = []
    for key in ITEM_COLUMNS[template]:
        names = _column_names(template, key)
        cells = []
        for name in names:
            if "金额" in name:
                cents = 0 if scale == "zero" else rng.randint(0, 10**8)
                amount = Decimal(cents).scaleb(-rng.randint(0, 4))
                cells.append(_number(amount, rng.choice([None, None, "万元"])))
            elif "增/减" in name:
                cells.append(_number(rng.randint(-5000, 5000) if scale != "zero" else 0))
            else:
                cells.append(_number(_count(rng, scale)))
        items.append(DisclosureItem(key, ITEMS[key][0], ITEMS[key][1], names, tuple(cells)))
    return ActiveDisclosure(tuple(items))


def _applications(rng: random.Random, template: Template, scale: str) -> Applications:
    outcomes = OUTCOME_ROWS[template]
    values: dict[str, list[int]] = {k: [] for k in APPLICATION_ROWS[template]}
    for _ in range(6):
        column = {k: _count(rng, scale) for k in outcomes}
        total = sum(column.values())
        forward = _count(rng, scale)
        # balance: new + carried over = total + carried forward, with nothing negative
        carried = rng.randint(0, min(total + forward, 10 if scale != "large" else 10**5))
        column.update(
            total=total,
            carried_forward=forward,
            carried_over=carried,
            new_received=total + forward - carried,
        )
        for key, v in column.items():
            values[key].append(v)
    rows = []
    for key in APPLICATION_ROWS[template]:
        parts = values[key]
        cells = tuple(_number(v) for v in (*parts, sum(parts)))
        rows.append(ApplicationRow(key, ROW_LABELS[key], cells))
    return Applications(tuple(rows), True)


def _reviews(rng: random.Random, scale: str) -> Reviews:
    groups = []
    for key in REVIEW_GROUPS:
        parts = [_count(rng, scale) for _ in range(4)]
        groups.append(ReviewGroup(key, tuple(_number(v) for v in (*parts, sum(parts)))))
    return Reviews(tuple(groups))


def _sections(rng: random.Random) -> tuple[Section, ...]:
    sections = []
    for number, title in SECTION_TITLES.items():
        count = rng.randint(0 if number in (2, 3, 4) else 1, 3)
        text = "\n".join(rng.choice(_SENTENCES) for _ in range(count))
        sections.append(Section(number, title, text, Span(0, 0, 0, 0)))
    return tuple(sections)


def _break_one(draw: st.DrawFn, report: Report) -> Report:
    """Change one cell that a sum rule covers, and record which, as a diagnostic."""
    delta = draw(st.integers(1, 9))
    if draw(st.sampled_from(["B", "C"])) == "B":
        apps = report.applications
        index = draw(st.integers(0, len(apps.rows) - 1))
        row = apps.rows[index]
        col = draw(st.integers(0, 6))
        old = int(row.cells[col].value or 0)
        cells = list(row.cells)
        cells[col] = _number(old + delta)
        rows = list(apps.rows)
        rows[index] = attrs.evolve(row, cells=tuple(cells))
        broken = ["row_total"]
        if row.key in (*OUTCOME_ROWS["2019"], *OUTCOME_ROWS["2021"], "total"):
            broken.append("outcome_total")
        if row.key in ("new_received", "carried_over", "total", "carried_forward"):
            broken.append("balance")
        where = f"table B row {row.key} column {APPLICANT_COLUMNS[col]}"
        report = attrs.evolve(report, applications=attrs.evolve(apps, rows=tuple(rows)))
    else:
        revs = report.reviews
        index = draw(st.integers(0, 2))
        col = draw(st.integers(0, 4))
        group = revs.groups[index]
        old = int(group.cells[col].value or 0)
        cells = list(group.cells)
        cells[col] = _number(old + delta)
        groups = list(revs.groups)
        groups[index] = attrs.evolve(group, cells=tuple(cells))
        broken = ["review_total"]
        where = f"table C group {group.key} column {REVIEW_OUTCOMES[col]}"
        report = attrs.evolve(report, reviews=attrs.evolve(revs, groups=tuple(groups)))
    note = Diagnostic(
        "generated_inconsistency",
        "info",
        msg("generated_inconsistency", where=where, old=old, new=old + delta, broken=broken),
    )
    return attrs.evolve(report, diagnostics=(note,))


@st.composite
def _reports(draw: st.DrawFn, template: Template | None, consistent: bool) -> Report:
    chosen: Template = template if template is not None else draw(st.sampled_from(TEMPLATES))
    scale = draw(st.sampled_from(["zero", "small", "large"]))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    place = "".join(rng.choice(_PLACES) for _ in range(rng.randint(2, 3)))
    organization = place + rng.choice(_BODIES)
    year = rng.randint(2019, 2020) if chosen == "2019" else rng.randint(2021, 2025)
    report = Report(
        organization=organization,
        year=year,
        title=f"{organization}{year}年政府信息公开工作年度报告",
        template=chosen,
        sections=_sections(rng),
        active_disclosure=_active_disclosure(rng, chosen, scale),
        applications=_applications(rng, chosen, scale),
        reviews=_reviews(rng, scale),
    )
    return report if consistent else _break_one(draw, report)


def reports(template: Template | None = None, consistent: bool = True) -> st.SearchStrategy[Report]:
    """Reports on the 2019 or 2021 *template* (either when None) with all three tables.

    Values cover zeros, small and large counts, negative 本年增/减 and decimal amounts with and
    without units. With ``consistent=True`` every sum rule of SPEC §4 holds; with
    ``consistent=False`` exactly one cell covered by a sum rule is changed, and the report's
    only diagnostic (code ``generated_inconsistency``) says which cell, its original value and
    the rules it breaks.

    >>> from hypothesis import given
    >>> @given(reports(template="2021"))
    ... def check(report):
    ...     apps = report.applications
    ...     assert apps.get("total", "total") == sum(
    ...         apps.get(r.key, "total") for r in apps if r.key.startswith(("granted", "partially",
    ...         "withheld", "unavailable", "not_processed", "other_handling")))
    >>> check()
    """
    return _reports(template, consistent)


def _apply_report_noise(rng: random.Random, report: Report, noise: frozenset[str]) -> Report:
    def vary(cell: Cell) -> Cell:
        if cell.state != "number" or cell.value != 0:
            return cell
        if "na_marks" in noise and rng.random() < 0.5:
            return Cell("na", raw=rng.choice(_NA_MARKS))
        if "blank_zeros" in noise and rng.random() < 0.5:
            return Cell("blank")
        return cell

    apps = report.applications
    if noise & {"blank_zeros", "na_marks"}:
        apps = attrs.evolve(
            apps, rows=tuple(attrs.evolve(r, cells=tuple(map(vary, r.cells))) for r in apps)
        )
        revs = report.reviews
        report = attrs.evolve(
            report,
            reviews=attrs.evolve(
                revs,
                groups=tuple(attrs.evolve(g, cells=tuple(map(vary, g.cells))) for g in revs),
            ),
        )
    if "no_total_column" in noise:
        apps = attrs.evolve(
            apps,
            has_total_column=False,
            rows=tuple(attrs.evolve(r, cells=(*r.cells[:6], MISSING)) for r in apps),
        )
    return attrs.evolve(report, applications=apps)


@st.composite
def _samples(
    draw: st.DrawFn, layout: str | None, noise: frozenset[str] | None, template: Template | None
) -> Sample:
    chosen_layout = layout or draw(st.sampled_from(ROUND_TRIP_LAYOUTS))
    chosen_noise = (
        noise if noise is not None else frozenset(draw(st.sets(st.sampled_from(ALL_NOISES))))
    )
    seed = draw(st.integers(0, 2**32 - 1))
    report = _apply_report_noise(random.Random(seed), draw(reports(template)), chosen_noise)
    printing = chosen_noise & set(NOISES)
    text = render(report, chosen_layout, noise=printing, seed=seed)
    return Sample(report, text, chosen_layout, chosen_noise, seed)


def report_texts(
    layout: str | None = None,
    noise: Iterable[str] | None = None,
    template: Template | None = None,
) -> st.SearchStrategy[Sample]:
    """Generated reports printed as text: :class:`Sample` (report, text, layout, noise).

    *layout* is one of ``dp.LAYOUTS`` (any of :data:`ROUND_TRIP_LAYOUTS` when None).
    *noise* is a set of names from :data:`ALL_NOISES` to apply together (each may be used
    alone), or None to draw a random combination. Report noise (:data:`REPORT_NOISES`)
    changes ``sample.report`` itself, so the report always shows what the text says.

    >>> from hypothesis import given
    >>> import disclosure_parser as dp
    >>> @given(report_texts(layout="cells", noise={"na_marks"}))
    ... def check(sample):
    ...     assert content(dp.parse(sample.text)) == content(sample.report)
    >>> check()
    """
    if layout is not None and layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {', '.join(LAYOUTS)}")
    chosen = None if noise is None else frozenset(noise)
    if chosen is not None and chosen - set(ALL_NOISES):
        unknown = ", ".join(sorted(chosen - set(ALL_NOISES)))
        raise ValueError(f"unknown noise {unknown}; expected some of {', '.join(ALL_NOISES)}")
    return _samples(layout, chosen, template)


def content(report: Report) -> dict[str, Any]:
    """What a round trip through text must keep: identity, template, every cell's meaning.

    Positions, raw text, labels and diagnostics are left out; a cell is kept as its state
    and value (and unit for numbers). A cell the parser recovered from sums compares as the
    number it holds.
    """

    def cell(c: Cell) -> tuple[Any, ...]:
        return (c.state, c.value, c.unit) if c.state == "number" else (c.state,)

    return {
        "organization": report.organization,
        "year": report.year,
        "template": report.template,
        "A": {it.key: (it.columns, tuple(map(cell, it.cells))) for it in report.active_disclosure},
        "B": {r.key: tuple(map(cell, r.cells)) for r in report.applications},
        "B_total_column": report.applications.has_total_column,
        "C": {g.key: tuple(map(cell, g.cells)) for g in report.reviews},
        "sections": tuple(s.number for s in report.sections),
    }
