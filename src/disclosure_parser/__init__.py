r"""Typed, validated data from Chinese government information-disclosure annual reports.

One call turns the text of a 政府信息公开工作年度报告 into a :class:`Report` whose every number
keeps its state, raw text and position:

>>> import disclosure_parser as dp
>>> text = (
...     "示例镇人民政府2021年政府信息公开工作年度报告\n"
...     "三、收到和处理政府信息公开申请情况\n"
...     "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
...     "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3\n"
... )
>>> report = dp.parse(text)
>>> report.organization, report.year
('示例镇人民政府', 2021)
>>> report.applications.get("new_received", "natural_person")
3
>>> cell = report.applications.cell("new_received", "total")
>>> cell.state, cell.value, cell.line, cell.column
('number', 3, 4, 31)
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

from ._errors import DisclosureError, ParseError, UnsupportedFormatError
from ._files import parse_file
from ._keys import (
    APPLICANT_COLUMNS,
    APPLICATION_ROWS,
    ITEMS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
)
from ._model import (
    ActiveDisclosure,
    ApplicationRow,
    Applications,
    Cell,
    Diagnostic,
    DisclosureItem,
    Origin,
    Report,
    ReviewGroup,
    Reviews,
    Section,
    Span,
    TextLine,
)
from ._parse import MAX_INPUT_BYTES, MAX_INPUT_CHARS, parse

if TYPE_CHECKING:
    from . import validation
    from ._adapt import Adapted, MissingDependencyError, UnreadableFileError
    from ._docx import docx_to_text, parse_docx
    from ._frame import summary_frame, to_frame
    from ._html import html_to_text, parse_html
    from ._pdf import parse_pdf, pdf_to_text
    from ._records import FileError, FileResult, summary_records, to_records
    from ._render import LAYOUTS, NOISES, render
    from .validation import Finding, Findings, validate

#: names loaded on first use, by module: `import disclosure_parser` stays fast (the file
#: readers, data frames, generators and the validation rules each compile many patterns)
_LAZY: dict[str, str] = {
    "validation": "validation",
    "Finding": "validation",
    "Findings": "validation",
    "validate": "validation",
    "Adapted": "_adapt",
    "MissingDependencyError": "_adapt",
    "UnreadableFileError": "_adapt",
    "docx_to_text": "_docx",
    "parse_docx": "_docx",
    "html_to_text": "_html",
    "parse_html": "_html",
    "parse_pdf": "_pdf",
    "pdf_to_text": "_pdf",
    "summary_frame": "_frame",
    "to_frame": "_frame",
    "FileError": "_records",
    "FileResult": "_records",
    "summary_records": "_records",
    "to_records": "_records",
    "LAYOUTS": "_render",
    "NOISES": "_render",
    "render": "_render",
}


def _module(name: str) -> ModuleType:
    """The submodule *name* of :data:`_LAZY`, imported.

    Each import is spelled out (no module name is computed from data), and through importlib:
    ``from . import x`` here would ask this module's ``__getattr__`` for ``x`` first.
    """
    if name == "validation":
        return importlib.import_module("disclosure_parser.validation")
    if name == "_adapt":
        return importlib.import_module("disclosure_parser._adapt")
    if name == "_docx":
        return importlib.import_module("disclosure_parser._docx")
    if name == "_html":
        return importlib.import_module("disclosure_parser._html")
    if name == "_pdf":
        return importlib.import_module("disclosure_parser._pdf")
    if name == "_frame":
        return importlib.import_module("disclosure_parser._frame")
    if name == "_records":
        return importlib.import_module("disclosure_parser._records")
    return importlib.import_module("disclosure_parser._render")


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = _module(_LAZY[name])
    value = module if name == "validation" else getattr(module, name)
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__version__ = "0.1.0"

__all__ = [
    "APPLICANT_COLUMNS",
    "APPLICATION_ROWS",
    "ITEMS",
    "LAYOUTS",
    "MAX_INPUT_BYTES",
    "MAX_INPUT_CHARS",
    "NOISES",
    "REVIEW_GROUPS",
    "REVIEW_OUTCOMES",
    "ActiveDisclosure",
    "Adapted",
    "ApplicationRow",
    "Applications",
    "Cell",
    "Diagnostic",
    "DisclosureError",
    "DisclosureItem",
    "FileError",
    "FileResult",
    "Finding",
    "Findings",
    "MissingDependencyError",
    "Origin",
    "ParseError",
    "Report",
    "ReviewGroup",
    "Reviews",
    "Section",
    "Span",
    "TextLine",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "__version__",
    "docx_to_text",
    "html_to_text",
    "parse",
    "parse_docx",
    "parse_file",
    "parse_html",
    "parse_pdf",
    "pdf_to_text",
    "render",
    "summary_frame",
    "summary_records",
    "to_frame",
    "to_records",
    "validate",
    "validation",
]
