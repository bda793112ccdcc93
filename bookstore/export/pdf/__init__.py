"""Print PDF export with reportlab: one issue's story, a collection's front matter,
the page template, fonts, styles and geometry (``writing`` puts them together)."""
