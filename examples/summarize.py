"""Read every report of a folder and print a summary of each (the `make demo` job).

Run it from any directory:

    python examples/summarize.py [FOLDER] [-v]

FOLDER defaults to the example reports that come with the package (``dp.EXAMPLES``). Each
report gets its identity, its headline figures and the number of the parser's diagnostics and
of the findings of validation; ``-v`` lists them too.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import disclosure_parser as dp


def _fmt(value: object) -> str:
    return "—" if value is None else str(value)


def _counts(severities: Counter[str], words: tuple[str, str, str]) -> str:
    return ", ".join(
        f"{severities[s]} {w}" for s, w in zip(("error", "warning", "info"), words, strict=True)
    )


def summarize(result: dp.FileResult, verbose: bool) -> None:
    name = Path(result.source).name
    if result.report is None:
        assert result.error is not None
        print(f"{name}: cannot be read ({result.error.code}): {result.error.message}\n")
        return
    report = result.report
    row = result.summary()
    print(f"{name}: {report.organization} · {report.year} · template {report.template}")
    rate = "—" if row["grant_rate"] is None else f"{row['grant_rate']:.0%}"
    print(
        f"  applications: new {_fmt(row['new_received'])} · carried over "
        f"{_fmt(row['carried_over'])} · handled {_fmt(row['handled'])} · carried forward "
        f"{_fmt(row['carried_forward'])} · granted in full or in part {rate}"
    )
    print(
        f"  reviews {_fmt(row['review_total'])} · suits {_fmt(row['direct_suit_total'])}"
        f" + {_fmt(row['post_review_suit_total'])}"
    )
    diagnostics = Counter(d.severity for d in report.diagnostics)
    findings = Counter(f.severity for f in result.findings)
    print(
        f"  diagnostics: {_counts(diagnostics, ('error(s)', 'warning(s)', 'note(s)'))}"
        f" · findings: {_counts(findings, ('error(s)', 'warning(s)', 'note(s)'))}"
    )
    if verbose:
        for diagnostic in report.diagnostics:
            print(f"    {name}:{diagnostic}")
        for finding in result.findings:
            print(f"    {name}:{finding}")
    print()


def main(argv: list[str]) -> int:
    verbose = "-v" in argv[1:]
    folders = [a for a in argv[1:] if a != "-v"]
    folder = Path(folders[0]) if folders else dp.EXAMPLES
    results = dp.read_reports(folder)
    for result in results:
        summarize(result, verbose)
    parsed = sum(r.report is not None for r in results)
    failed = len(results) - parsed
    hint = "" if verbose else " (-v lists the diagnostics and findings)"
    print(f"{parsed} report(s) parsed, {failed} failed, from {folder}{hint}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
