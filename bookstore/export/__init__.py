"""Exporters: (issues, options, destination) -> a file, with no GUI: ``epub/``,
``pdf/``, ``covers/``, and the documents' own words per language (``words``)."""
