"""Settings for every test, the doctests of ``src/`` and ``README.md`` included.

Messages are shown in the language of the locale (Chinese where ``LANG=zh_CN…``); the suite's
expected outputs are written in English, so it runs in English whatever the machine's locale.
Tests of the Chinese messages ask for Chinese themselves (``--lang zh``, ``in_language``).
The environment variable (rather than ``set_language``) also reaches the subprocesses that
some tests start.
"""

from __future__ import annotations

import os

os.environ["DISCLOSURE_PARSER_LANG"] = "en"
