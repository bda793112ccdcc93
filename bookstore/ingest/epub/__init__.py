"""EPUB files: the ZIP container opened with limits (``archive``), the package
document (``opf``), the content documents (``content``) and our catalog records."""
