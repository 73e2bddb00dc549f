"""Settings for every test, the doctests of ``src/`` and ``README.md`` included.

Messages are shown in the language of the locale (Chinese where ``LANG=zh_CN…``); the suite's
expected outputs are written in English, so it runs in English whatever the machine's locale.
Tests of the Chinese messages ask for Chinese themselves (``--lang zh``, ``in_language``).
OCR is switched off (``DISCLOSURE_PARSER_OCR=off``) but in the tests of OCR.
The environment variable (rather than ``set_language``) also reaches the subprocesses that
some tests start.
"""

from __future__ import annotations

import os

os.environ["DISCLOSURE_PARSER_LANG"] = "en"
# Scans are read by OCR only in tests/test_ocr.py, which switches it back on: elsewhere a scan
# raises no_text_layer whether or not this machine has Tesseract (CI may not).
os.environ["DISCLOSURE_PARSER_OCR"] = "off"
