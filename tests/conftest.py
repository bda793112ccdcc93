"""Shared fixtures: a fresh library with the sample catalog, per test or per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bookstore.library.library import Library
from tests.shared_folder import shared_path

SEED = shared_path("seed")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the user's real library or settings."""
    monkeypatch.setenv("BOOKSTORE_LIBRARY", str(tmp_path / "default-library"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def library(tmp_path: Path):
    with Library.open(tmp_path / "library") as opened:
        yield opened


@pytest.fixture
def empty_library(tmp_path: Path):
    with Library.open(tmp_path / "empty", with_sample=False) as opened:
        yield opened


@pytest.fixture
def run(tmp_path: Path, capsys):
    """``bookstore ARGS...`` in-process on a fresh sample library: (exit status, out, err)."""
    from bookstore.cli.main import main

    library = tmp_path / "cli-library"

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--library", str(library), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture(scope="session")
def sample_issues(tmp_path_factory: pytest.TempPathFactory):
    """Every sample issue, loaded once (read-only: do not change them)."""
    with Library.open(tmp_path_factory.mktemp("sample")) as opened:
        return opened.list_issues()
