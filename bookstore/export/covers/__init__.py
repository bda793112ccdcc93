"""Covers: an image drawn from a few lines of text (``drawing``) and the words an
issue puts on it (``issue``), for EPUBs and the window's thumbnails."""
