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

import importlib as _importlib
from types import ModuleType as _ModuleType
from typing import TYPE_CHECKING as _TYPE_CHECKING

from .core import views as _views
from .core.errors import (
    DisclosureError,
    MissingDependencyError,
    MissingProgramError,
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
from .core.messages import in_language, language, set_language
from .core.model import (
    ActiveDisclosure,
    ApplicationRow,
    Applications,
    Cell,
    Diagnostic,
    Diagnostics,
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

if _TYPE_CHECKING:
    from pathlib import Path

    from . import validation
    from .output.frame import findings_frame, summary_frame, to_frame
    from .output.records import (
        FileError,
        FileResult,
        findings_records,
        read_reports,
        summary_records,
        to_records,
    )
    from .output.render import LAYOUTS, NOISES, render
    from .parsing.resolve import resolve
    from .readers.base import Adapted
    from .readers.docx import docx_to_text, parse_docx
    from .readers.html import html_to_text, parse_html
    from .readers.odt import odt_to_text, parse_odt
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
    "odt_to_text": "readers.odt",
    "parse_odt": "readers.odt",
    "parse_pdf": "readers.pdf",
    "pdf_to_text": "readers.pdf",
    "findings_frame": "output.frame",
    "summary_frame": "output.frame",
    "to_frame": "output.frame",
    "FileError": "output.records",
    "FileResult": "output.records",
    "findings_records": "output.records",
    "read_reports": "output.records",
    "summary_records": "output.records",
    "to_records": "output.records",
    "LAYOUTS": "output.render",
    "NOISES": "output.render",
    "render": "output.render",
    "resolve": "parsing.resolve",
}


def _module(name: str) -> _ModuleType:
    """The submodule *name* of :data:`_LAZY`, imported.

    Each import is spelled out (no module name is computed from data), and through importlib:
    ``from . import x`` here would ask this module's ``__getattr__`` for ``x`` first.
    """
    if name == "validation":
        return _importlib.import_module("disclosure_parser.validation")
    if name == "readers.base":
        return _importlib.import_module("disclosure_parser.readers.base")
    if name == "readers.docx":
        return _importlib.import_module("disclosure_parser.readers.docx")
    if name == "readers.html":
        return _importlib.import_module("disclosure_parser.readers.html")
    if name == "readers.pdf":
        return _importlib.import_module("disclosure_parser.readers.pdf")
    if name == "readers.odt":
        return _importlib.import_module("disclosure_parser.readers.odt")
    if name == "output.frame":
        return _importlib.import_module("disclosure_parser.output.frame")
    if name == "output.records":
        return _importlib.import_module("disclosure_parser.output.records")
    if name == "parsing.resolve":
        return _importlib.import_module("disclosure_parser.parsing.resolve")
    return _importlib.import_module("disclosure_parser.output.render")


def _examples() -> Path:
    """The folder of example reports: in the installed package, else in a source checkout."""
    from pathlib import Path

    here = Path(__file__).resolve().parent
    packaged = here / "examples"
    return packaged if packaged.is_dir() else here.parents[1] / "examples" / "reports"


def __getattr__(name: str) -> object:
    if name == "EXAMPLES":
        globals()[name] = _examples()
        return globals()[name]
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = _module(_LAZY[name])
    value = module if name == "validation" else getattr(module, name)
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    # the public names, not the helpers this module imports for itself
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


def _html_view(obj: object) -> str | None:
    """Draw a report or findings in a notebook (see :mod:`disclosure_parser.core.views`)."""
    from .output.display import html_view

    return html_view(obj)


def _text_view(obj: object) -> str | None:
    """A report's short text, its ``repr`` (see :mod:`disclosure_parser.core.views`)."""
    from .output.display import text_view

    return text_view(obj)


_views.register_html(_html_view)
_views.register_text(_text_view)

__version__ = "0.1.0"

#: The folder of the example reports that come with the package (``dp.EXAMPLES / "003.txt"``):
#: the examples of the documentation read them, from whatever directory they run.
EXAMPLES: Path

__all__ = [
    "APPLICANT_COLUMNS",
    "APPLICATION_ROWS",
    "EXAMPLES",
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
    "Diagnostics",
    "DisclosureError",
    "DisclosureItem",
    "FileError",
    "FileResult",
    "Finding",
    "Findings",
    "MissingDependencyError",
    "MissingProgramError",
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
    "findings_frame",
    "findings_records",
    "html_to_text",
    "in_language",
    "language",
    "odt_to_text",
    "parse",
    "parse_docx",
    "parse_file",
    "parse_html",
    "parse_odt",
    "parse_pdf",
    "pdf_to_text",
    "read_reports",
    "render",
    "resolve",
    "set_language",
    "summary_frame",
    "summary_records",
    "to_frame",
    "to_records",
    "validate",
    "validation",
]
