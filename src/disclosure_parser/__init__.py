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

from .core import views as _views
from .core.errors import (
    DisclosureError,
    MissingDependencyError,
    ParseError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from .core.keys import (
    APPLICANT_COLUMNS,
    APPLICATION_ROWS,
    ITEMS,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
)
from .core.model import (
    ActiveDisclosure,
    ApplicationRow,
    Applications,
    Cell,
    Diagnostic,
    DisclosureItem,
    Origin,
    Reading,
    Report,
    ReviewGroup,
    Reviews,
    Section,
    Span,
    TextLine,
)
from .parsing.parser import MAX_INPUT_BYTES, MAX_INPUT_CHARS, parse
from .readers.files import parse_file

if TYPE_CHECKING:
    from . import validation
    from .output.frame import summary_frame, to_frame
    from .output.records import FileError, FileResult, summary_records, to_records
    from .output.render import LAYOUTS, NOISES, render
    from .parsing.resolve import resolve
    from .readers.base import Adapted
    from .readers.docx import docx_to_text, parse_docx
    from .readers.html import html_to_text, parse_html
    from .readers.pdf import parse_pdf, pdf_to_text
    from .validation import Finding, Findings, validate

#: names loaded on first use, by module: `import disclosure_parser` stays fast (the file
#: readers, data frames, generators and the validation rules each compile many patterns)
_LAZY: dict[str, str] = {
    "validation": "validation",
    "Finding": "validation",
    "Findings": "validation",
    "validate": "validation",
    "Adapted": "readers.base",
    "docx_to_text": "readers.docx",
    "parse_docx": "readers.docx",
    "html_to_text": "readers.html",
    "parse_html": "readers.html",
    "parse_pdf": "readers.pdf",
    "pdf_to_text": "readers.pdf",
    "summary_frame": "output.frame",
    "to_frame": "output.frame",
    "FileError": "output.records",
    "FileResult": "output.records",
    "summary_records": "output.records",
    "to_records": "output.records",
    "LAYOUTS": "output.render",
    "NOISES": "output.render",
    "render": "output.render",
    "resolve": "parsing.resolve",
}


def _module(name: str) -> ModuleType:
    """The submodule *name* of :data:`_LAZY`, imported.

    Each import is spelled out (no module name is computed from data), and through importlib:
    ``from . import x`` here would ask this module's ``__getattr__`` for ``x`` first.
    """
    if name == "validation":
        return importlib.import_module("disclosure_parser.validation")
    if name == "readers.base":
        return importlib.import_module("disclosure_parser.readers.base")
    if name == "readers.docx":
        return importlib.import_module("disclosure_parser.readers.docx")
    if name == "readers.html":
        return importlib.import_module("disclosure_parser.readers.html")
    if name == "readers.pdf":
        return importlib.import_module("disclosure_parser.readers.pdf")
    if name == "output.frame":
        return importlib.import_module("disclosure_parser.output.frame")
    if name == "output.records":
        return importlib.import_module("disclosure_parser.output.records")
    if name == "parsing.resolve":
        return importlib.import_module("disclosure_parser.parsing.resolve")
    return importlib.import_module("disclosure_parser.output.render")


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = _module(_LAZY[name])
    value = module if name == "validation" else getattr(module, name)
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _html_view(obj: object) -> str | None:
    """Draw a report or findings in a notebook (see :mod:`disclosure_parser.core.views`)."""
    from .output.display import html_view

    return html_view(obj)


_views.register_html(_html_view)

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
    "Reading",
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
    "resolve",
    "summary_frame",
    "summary_records",
    "to_frame",
    "to_records",
    "validate",
    "validation",
]
