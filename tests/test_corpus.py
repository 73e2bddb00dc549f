"""Real published reports of ../shared/corpus/dev (read in place; skipped when absent)."""

from __future__ import annotations

import pytest

import disclosure_parser as dp
from conftest import CORPUS, corpus_truth
from truth import compare

#: the forms the parser reads so far (SPEC §2 items 1–3); the others come with their issues
SUPPORTED_FORMS = {"md", "pdf-text", "pdf-layout", "html", "pdf"}


def _ids(forms: set[str]) -> list[str]:
    try:
        truth = corpus_truth()
    except pytest.skip.Exception:
        return []
    return sorted(k for k, v in truth.items() if v.get("form") in forms)


@pytest.mark.parametrize("report_id", _ids(SUPPORTED_FORMS) or ["(corpus absent)"])
def test_hand_checked_values(report_id: str) -> None:
    """Every hand-checked value of the report comes out right."""
    truth = corpus_truth()
    if report_id not in truth:
        pytest.skip("the dev corpus is not available here")
    (path,) = [p for p in CORPUS.iterdir() if p.stem == report_id]
    report = dp.parse_file(path)
    assert report.year == truth[report_id]["year"]
    assert report.template == truth[report_id]["template"]
    assert compare(report, truth[report_id]) == []


def test_converted_markdown_places_rows_whose_labels_were_lost() -> None:
    """004.md: rows detached from their labels are placed by position, each with a warning."""
    truth = corpus_truth()
    if "004" not in truth:
        pytest.skip("004.md is not in the corpus")
    report = dp.parse_file(CORPUS / "004.md")
    placed = [d for d in report.diagnostics if d.code == "unlabelled_row"]
    assert len(placed) == 9
    assert all(d.severity == "warning" for d in placed)
    assert report.applications.get("withheld.internal_affairs", "natural_person") == 1
    assert report.applications.get("other_handling.no_correction", "total") == 10
    assert report.organization == "上海市科委"
    # the printed headings are shifted (一、主动公开…); sections are found by wording
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 6]
