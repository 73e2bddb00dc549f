"""Parse every report in a folder and print what was found (the `make demo` job).

python examples/summarize.py examples/reports
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import disclosure_parser as dp


def _fmt(value: object) -> str:
    return "—" if value is None else str(value)


def summarize(path: Path) -> None:
    try:
        report = dp.parse_file(path)
    except dp.DisclosureError as exc:
        print(f"{path}: cannot be read\n{exc}\n")
        return
    apps = report.applications
    print(f"{path.name}: {report.organization} · {report.year} · template {report.template}")
    print(
        "  applications: new {} · carried over {} · handled {} · carried forward {}".format(
            *(
                _fmt(apps.row_total(k))
                for k in ("new_received", "carried_over", "total", "carried_forward")
            )
        )
    )
    print(
        "  granted in full to natural persons: "
        f"{_fmt(apps.get('granted', 'natural_person'))}"
        f" · reviews {_fmt(report.reviews.get('review', 'total'))}"
        f" · suits {_fmt(report.reviews.get('direct_suit', 'total'))}"
        f" + {_fmt(report.reviews.get('post_review_suit', 'total'))}"
    )
    items = ", ".join(
        f"{it.label}={'/'.join(_fmt(c.value) for c in it.cells)}" for it in report.active_disclosure
    )
    print(f"  第二十条 items: {items}")
    counts = Counter(d.severity for d in report.diagnostics)
    print(
        f"  diagnostics: {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} note(s)"
    )
    for d in report.diagnostics:
        if d.severity != "info":
            print(f"    {path.name}:{d}")
    print()


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).parent / "reports"
    paths = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    for path in paths:
        summarize(path)
    print(f"{len(paths)} report(s) parsed from {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
