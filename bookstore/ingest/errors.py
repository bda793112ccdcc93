"""The error every importer raises for input it cannot take."""

from __future__ import annotations

from pathlib import Path

from bookstore.errors import BookstoreError


class IngestError(BookstoreError):
    """Input that cannot be imported; ``str()`` names the file and the reason."""

    def __init__(self, source: Path | str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = str(source)
        self.reason = reason
