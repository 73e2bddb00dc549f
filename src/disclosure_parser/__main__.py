"""``python -m disclosure_parser check FILE...``: the command line of ``disclosure-parser``."""

from __future__ import annotations

from .output.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
