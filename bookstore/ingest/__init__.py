"""Importers: each turns one kind of input into Issues, or raises IngestError."""
