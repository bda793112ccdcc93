"""Citations of issues: one CSL-JSON record per issue (``record``), written out as
BibTeX or BibLaTeX, RIS, CSL-JSON, or text formatted in a CSL style by citeproc-py."""
