"""Files → text with origins: one reader per family of files, chosen in :mod:`.files`.

* :mod:`.files`: ``parse_file()``, the registry of suffixes, text files' encodings, size limits;
* :mod:`.html`, :mod:`.docx`, :mod:`.pdf`: web pages, Word files, PDFs, each turned into the
  parser's tab-row text by :mod:`.base`'s writer, which records where each cell came from
  (page, table, row, column) so that the parsed cells carry their ``Origin``.

A reader's third-party engine is imported on first use (the ``html``, ``docx`` and ``pdf``
extras); without it, ``MissingDependencyError`` names the extra to install.
"""
