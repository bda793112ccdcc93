"""SQLite may say "database is locked" at once, without waiting, while another process
switches a new database to WAL: opening tries again within the busy timeout."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bookstore.errors import LibraryError
from bookstore.library import opening
from bookstore.library.library import Library


def _locked_first(monkeypatch: pytest.MonkeyPatch, times: int) -> list[int]:
    real = opening.connect
    calls: list[int] = []

    def connect(*args, **kwargs):
        calls.append(1)
        if len(calls) <= times:
            raise sqlite3.OperationalError("database is locked")
        return real(*args, **kwargs)

    monkeypatch.setattr(opening, "connect", connect)
    return calls


def test_a_database_locked_for_a_moment_opens(tmp_path: Path, monkeypatch):
    calls = _locked_first(monkeypatch, 3)
    with Library.open(tmp_path / "lib") as library:
        assert library.count() == 26
    assert len(calls) == 4


def test_a_database_locked_longer_than_the_busy_timeout_is_a_sentence(tmp_path: Path, monkeypatch):
    _locked_first(monkeypatch, 10_000)
    with pytest.raises(LibraryError, match="database is locked"):
        Library.open(tmp_path / "lib", busy_timeout=0.3)
