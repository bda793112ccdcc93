"""EPUB 3 export: a plan decided first (``plan``), then the pages (``content``),
navigation, metadata and catalog records written from it and packed (``writing``)."""
