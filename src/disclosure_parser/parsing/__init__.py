"""Text → Report: the parser, one stage per module, in the order the text meets them.

1. :mod:`.rows` cuts the text into logical rows of cells, whatever the layout (tab rows, pipe
   tables, one cell per line, text-browser boxes); :mod:`.flat` cuts flattened crawler text;
   both give :mod:`.raw`'s ``RawRow``/``RawCell``, and :mod:`.cells` reads a cell's text.
2. :mod:`.lexer` classifies each row by meaning (:mod:`.labels` knows the wording) into one
   token of ``grammar/report.lark``; in space-aligned text :mod:`.positions` (and
   :mod:`.review_positions` for table C) place values by where they stand, and
   :mod:`.page_edge` reads a table B the page's edge cut.
3. :mod:`.grammar` runs lark's LALR parser over the tokens; its Transformer groups them into
   drafts (sections, tables, table A's blocks).
4. :mod:`.tables` builds tables A, B and C from the drafts: :mod:`.align` lines a row's cells
   up with the columns, :mod:`.split` cuts glued digits, :mod:`.solver` lets the table's sums
   choose between readings; :mod:`.assemble` makes the Report (title, sections, template).
5. :mod:`.parser` is the entry point, ``parse()``: limits, errors, strict mode.
"""
