"""Report → what users keep: text, records, frames, files, views and the command line.

* :mod:`.render`: a Report written back as report text in any layout the parser reads;
* :mod:`.records`, :mod:`.frame`: the tidy long form and the summary, as records or pandas
  data frames; one file's outcome (``FileResult``);
* :mod:`.batch`: every report of a folder on all cores, to JSON Lines, CSV or Parquet;
* :mod:`.cli`: the ``disclosure-parser`` command (``check`` and ``batch``);
* :mod:`.display`: reports and findings in a notebook (HTML).
"""
