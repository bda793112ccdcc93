"""PDF files: their text as lines (``lines``), a collection told from one issue
(``collection``), and the issue a PDF is of, found or made (``reading``)."""
