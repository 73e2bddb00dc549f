"""Files → text with origins: one reader per family of files, chosen in :mod:`.files`.

* :mod:`.files`: ``parse_file()``, the registry of suffixes, text files' encodings, size limits;
* :mod:`.html`, :mod:`.docx`, :mod:`.odt`, :mod:`.pdf`: web pages, Word files, OpenDocument
  texts, PDFs, each turned into the parser's tab-row text by :mod:`.base`'s writer, which
  records where each cell came from (page, table, row, column) so that the parsed cells carry
  their ``Origin``; :mod:`.ocr` reads scans and images;
* :mod:`.soffice`: Word 97–2003, WPS and RTF files, converted to OpenDocument by LibreOffice;
* :mod:`._package` (zip packages and their XML, within budgets; DOCX and ODT) and the PDF
  helpers :mod:`._pdfium`, :mod:`._pdfscan`.

A reader's third-party engine is imported on first use (the ``html``, ``docx`` and ``pdf``
extras); without it, ``MissingDependencyError`` names the extra to install, and without a
program a reader runs (Tesseract, LibreOffice), ``MissingProgramError`` its Debian packages.
"""
