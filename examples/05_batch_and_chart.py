"""Story 5: a folder of reports to data frames and a chart, as a notebook would do it.

Run it (from any directory): python examples/05_batch_and_chart.py [FOLDER] [PNG]
(FOLDER defaults to the example reports that come with the package, PNG to a file in a
temporary directory). It needs the ``frame`` extra and matplotlib (see the README's Set-up).

Each ``# %%`` cell runs as one notebook cell (VS Code, Jupytext, Spyder read them so). For a
province or a country, parse with the batch command instead and read its output:

    disclosure-parser batch reports/ -o reports.parquet       # all cores, resumable
    frame = pandas.read_parquet("reports.parquet", dtype_backend="numpy_nullable")
"""

# %% Read every file of the folder on all cores: a result per file, report or error.
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed: the chart goes to a PNG file
import matplotlib.pyplot as plt

import disclosure_parser as dp

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else dp.EXAMPLES
png = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp()) / "applicants.png"

results = dp.read_reports(folder)
reports = [r for r in results if r.report is not None]
print(f"{len(reports)} report(s) parsed from {folder}, {len(results) - len(reports)} failed")

# %% The summary: a row per file, with its status and headline figures.
summary = dp.summary_frame(results)
columns = ["source", "status", "organization", "year", "new_received", "grant_rate", "errors"]
print(summary[columns].assign(source=summary.source.str.rsplit("/", n=1).str[-1]).to_string())

# %% The findings: a row per finding, with the cell it names and what localisation suggests.
findings = dp.findings_frame(results)
print(findings[["code", "severity", "table", "row", "column", "line"]].to_string())

# %% The tidy long form: a row per report × table × row × column, keys and labels side by side.
frame = dp.to_frame(results)
print(f"tidy frame: {len(frame)} rows × {len(frame.columns)} columns")

# %% New applications by applicant type, summed over the reports.
applicants = {
    "natural_person": "natural persons",
    "commercial": "businesses",
    "research": "research bodies",
    "social_welfare": "non-profits",
    "legal_services": "legal services",
    "other": "other bodies",
}
# one report may come in several files (003.txt and 003.pdf here): count each body-year once
first = summary[summary.status == "parsed"].drop_duplicates(["organization", "year"]).source
new = frame[(frame.table == "B") & (frame.row == "new_received") & frame.source.isin(first)]
by_type = new[new.column.isin(list(applicants))].groupby("column", sort=False).value.sum()
by_type = by_type.reindex(list(applicants)).fillna(0).astype(int)
print("new applications by applicant type:", dict(by_type.items()))

# %% The chart.
fig, ax = plt.subplots(figsize=(7, 3.5))
ax.bar([applicants[k] for k in by_type.index], by_type.to_numpy(), color="#3b75af")
ax.set_ylabel("new applications")
ax.set_title(f"Information-disclosure applications by applicant type ({len(reports)} files)")
ax.tick_params(axis="x", labelrotation=20)
fig.tight_layout()
png.parent.mkdir(parents=True, exist_ok=True)
fig.savefig(png, dpi=100)
print(f"chart saved to {png}")
