"""The error every importer raises for input it cannot take."""

from __future__ import annotations

from pathlib import Path

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import Message, say


class IngestError(BookstoreError):
    """Input that cannot be imported; ``str()`` names the file and the reason."""

    def __init__(self, source: Path | str, reason: Message | str) -> None:
        super().__init__(say("{source}: {reason}", source=source, reason=reason))
        self.source = str(source)
        self.reason = reason
