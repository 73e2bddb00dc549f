"""Story 5: a folder of reports to a data frame and a chart, as a notebook would do it.

Run it: python examples/05_batch_and_chart.py [FOLDER] [PNG]
(FOLDER defaults to the bundled reports, PNG to a file in a temporary directory). It needs the
``frame`` extra and matplotlib: pip install 'disclosure-parser[frame]' matplotlib

Each ``# %%`` cell runs as one notebook cell (VS Code, Jupytext, Spyder read them so). For a
province or a country, parse with the batch command instead and read its output:

    disclosure-parser batch reports/ -o reports.parquet       # all cores, resumable
    frame = pandas.read_parquet("reports.parquet", dtype_backend="numpy_nullable")
"""

# %% Parse every report of the folder; a file that is no report is set aside, not fatal.
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed: the chart goes to a PNG file
import matplotlib.pyplot as plt

import disclosure_parser as dp

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "reports"
png = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp()) / "applicants.png"

reports: dict[str, dp.Report] = {}
for path in sorted(folder.glob("*.*")):
    try:
        reports[path.name] = dp.parse_file(path)
    except (dp.DisclosureError, OSError) as exc:
        print(f"{path.name}: skipped ({exc.__class__.__name__})")
print(f"{len(reports)} report(s) parsed from {folder}")

# %% Validate: the findings of each report, one per line (a notebook shows them as a table).
for name, report in reports.items():
    findings = dp.validate(report)
    print(f"{name}: {len(findings)} finding(s)")
    if findings:
        print(findings)

# %% The tidy long form: one row per report × table × row × column.
frame = dp.to_frame(reports)
print(f"tidy frame: {len(frame)} rows × {len(frame.columns)} columns")

# The wide summary: a row per report with its key totals and its findings by code.
summary = dp.summary_frame(reports)
print(summary[["source", "organization", "year", "new_received", "errors"]].to_string())

# %% New applications by applicant type, summed over the reports.
applicants = {
    "natural_person": "natural persons",
    "commercial": "businesses",
    "research": "research bodies",
    "social_welfare": "non-profits",
    "legal_services": "legal services",
    "other": "other bodies",
}
new = frame[(frame.table == "B") & (frame.row == "new_received")]
by_type = new[new.column.isin(list(applicants))].groupby("column", sort=False).value.sum()
by_type = by_type.reindex(list(applicants)).fillna(0).astype(int)
print("new applications by applicant type:", dict(by_type.items()))

# %% The chart.
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.bar([applicants[k] for k in by_type.index], by_type.to_numpy(), color="#3b75af")
ax.set_ylabel("new applications")
ax.set_title(f"Information-disclosure applications by applicant type ({len(reports)} reports)")
ax.tick_params(axis="x", labelrotation=20)
fig.tight_layout()
png.parent.mkdir(parents=True, exist_ok=True)
fig.savefig(png, dpi=100)
print(f"chart saved to {png}")
