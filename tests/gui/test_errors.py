"""The window's "something went wrong": the traceback in the log file, which the
dialog names only when it was written."""

from __future__ import annotations

from pathlib import Path

from bookstore import logs
from bookstore.errors import BookstoreError
from bookstore.gui.errors import error_dialog


def _raised(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:
        return caught


def test_an_unexpected_error_in_the_window_lands_in_the_log(qapp):
    box = error_dialog(None, _raised(RuntimeError("a bug behind a button")))
    assert box.informativeText().endswith(str(logs.log_file()))
    text = logs.log_file().read_text(encoding="utf-8")
    assert "ERROR bookstore.logs: the window: unexpected error" in text
    assert "RuntimeError: a bug behind a button" in text


def test_a_user_error_names_no_log_file(qapp):
    box = error_dialog(None, BookstoreError("the folder /x is not writable"))
    assert box.informativeText() == ""
    assert not logs.log_file().exists()


def test_a_log_that_cannot_be_written_is_not_named(qapp, monkeypatch, tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(logs.platformdirs, "user_log_dir", lambda *a, **k: str(blocker / "log"))
    box = error_dialog(None, _raised(RuntimeError("a bug")))
    assert box.informativeText() == ""
    assert "RuntimeError: a bug" in box.detailedText()
