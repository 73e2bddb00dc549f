"""How the library's objects show themselves in a notebook and a terminal, without importing
the drawing code.

The object model sits at the bottom of the package and the HTML views at the top (drawing a
report marks the cells that validation names, so the views need :mod:`..validation`, which
needs the model). A ``_repr_html_`` method of the model therefore cannot import its view: it
asks this module, and the package's ``__init__`` (which sits above every stage) registers the
function that draws, loaded on first use.

>>> from disclosure_parser.core import views
>>> views.html(object()).startswith("<pre>")   # before any view is registered, or for others
True

The same goes for the short text a report shows as its ``repr`` (it counts validate()'s
findings): :func:`register_text` installs the function that writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

_view: Callable[[object], str | None] | None = None
_text: Callable[[object], str | None] | None = None


def register_html(view: Callable[[object], str | None]) -> None:
    """Use *view* to draw objects in HTML; it returns None for an object it does not draw."""
    global _view
    _view = view


def html(obj: object) -> str:
    """*obj* in HTML: the registered view's drawing, else its escaped ``repr``."""
    drawn = _view(obj) if _view is not None else None
    return drawn if drawn is not None else f"<pre>{escape(repr(obj))}</pre>"


def register_text(view: Callable[[object], str | None]) -> None:
    """Use *view* for the short text (``repr``) of objects; None for an object it does not
    describe."""
    global _text
    _text = view


def text(obj: object) -> str:
    """*obj*'s short text from the registered view, else its type and id."""
    written = _text(obj) if _text is not None else None
    return written if written is not None else f"<{type(obj).__name__} at {id(obj):#x}>"
