"""Story 4: property-test your own code against generated reports.

Your pipeline reads report texts and produces something: a CSV row, a database record, a
chart. `disclosure_parser.strategies` generates reports whose true numbers are known, prints
them in every layout real files come in, with real-world damage, and lets hypothesis look for
a text your code gets wrong.

Run it: python examples/04_property_test_your_pipeline.py   (needs hypothesis)
"""

from __future__ import annotations

import re

from hypothesis import given, settings

import disclosure_parser as dp
from disclosure_parser.strategies import report_texts

# --- the code under test: two ways to get "new applications" out of a report's text --------


def naive_new_applications(text: str) -> int | None:
    """A regex someone wrote after looking at one report: label, tab, tab, number."""
    m = re.search(r"一、本年新收政府信息公开申请数量\t\t(\d+)", text)
    return int(m.group(1)) if m else None


def robust_new_applications(text: str) -> int | None:
    """The same figure through disclosure_parser: natural persons' new applications."""
    return dp.parse(text).applications.get("new_received", "natural_person")


# --- the properties: whatever the layout and the noise, the figure is the report's ----------


@settings(max_examples=60, deadline=None)
@given(report_texts(noise={"fullwidth_digits", "numbering", "wrapped_labels"}))
def test_robust(sample):  # type: ignore[no-untyped-def]
    expected = sample.report.applications.get("new_received", "natural_person")
    assert robust_new_applications(sample.text) == expected


@settings(max_examples=60, deadline=None, database=None)
@given(report_texts())
def test_naive(sample):  # type: ignore[no-untyped-def]
    expected = sample.report.applications.get("new_received", "natural_person")
    assert naive_new_applications(sample.text) == expected


if __name__ == "__main__":
    test_robust()
    print("robust pipeline: the property holds on 60 generated reports")
    try:
        test_naive()
    except AssertionError as failure:
        print("naive pipeline: hypothesis found a report text it reads wrong:")
        for note in getattr(failure, "__notes__", []):
            print("   ", note)
    else:
        print("naive pipeline: no counterexample found this time")
