"""The issue list's table model and what it reads with: listers, columns, snippets."""
