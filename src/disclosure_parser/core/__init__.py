"""What every stage shares: the contract keys, the object model, the errors, text helpers.

* :mod:`.keys`: the row, column, item, group and outcome keys of the two official templates;
* :mod:`.model`: the frozen attrs objects a parse builds (Report, the tables, Cell, Diagnostic);
* :mod:`.errors`: the exception hierarchy, rooted in ``DisclosureError`` (a ValueError);
* :mod:`.text`: folding labels for matching, display width for carets under CJK text;
* :mod:`.views`: how the model's objects find their notebook view, drawn by a later stage.

Nothing here imports a later stage.
"""
