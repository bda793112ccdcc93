"""The Idempotency-Key of each checkout that has not been settled yet.

A checkout whose answer was lost (a 500 after the card was charged, a dropped
connection) may have been paid. Its key is kept in the settings folder until the
store settles it (an order, a refused card) or the issues turn up among the
account's own, so that paying for the same issues again, even from a new run of
the program, sends the same key and the store does not charge twice.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from bookstore.fileio import write_bytes_atomically


class PendingCheckouts:
    """Kept as ``{"<store> <user>": {"<issue ids>": key}}``."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "checkouts.json"

    def key_for(self, store: str, user: str, issue_ids: Iterable[int], offered: str | None) -> str:
        """The key of the unsettled checkout of these issues, else ``offered`` or a new
        one; either way it is kept before it is sent."""
        pending = self._read()
        account = pending.setdefault(f"{store} {user}", {})
        issues = _issues(issue_ids)
        key = account.get(issues) or offered or str(uuid.uuid4())
        if account.get(issues) != key:
            account[issues] = key
            self._write(pending)
        return key

    def settle(self, store: str, user: str, issue_ids: Iterable[int]) -> None:
        """The store answered this checkout: its key is done with."""
        issues = _issues(issue_ids)
        self._forget(store, user, lambda kept: kept == issues)

    def settle_owned(self, store: str, user: str, owned: set[int]) -> None:
        """Forget the checkouts of issues the account now owns (they were paid)."""
        self._forget(store, user, lambda kept: {int(i) for i in kept.split(",") if i} <= owned)

    def _forget(self, store: str, user: str, done: Callable[[str], bool]) -> None:
        pending = self._read()
        account = pending.get(f"{store} {user}", {})
        left = {issues: key for issues, key in account.items() if not done(issues)}
        if left != account:
            pending[f"{store} {user}"] = left
            self._write({name: keys for name, keys in pending.items() if keys})

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            str(name): {str(i): k for i, k in keys.items() if isinstance(k, str)}
            for name, keys in data.items()
            if isinstance(keys, dict)
        }

    def _write(self, pending: dict[str, dict[str, str]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(self.path, json.dumps(pending, indent=1).encode("utf-8"))


def _issues(issue_ids: Iterable[int]) -> str:
    return ",".join(str(i) for i in sorted(set(issue_ids)))
