"""A signal that a library turns into its own error still stops the command cleanly."""

from __future__ import annotations

import signal

from bookstore.cli import main as cli
from bookstore.cli.failures import Terminated


def _font_reader_that_catches_everything(args) -> int:
    try:
        raise Terminated(signal.SIGTERM)  # the signal, while a font is read
    except BaseException as error:  # as reportlab's TTF reader does
        raise ValueError("Corrupt TTF file") from error


def test_sigterm_wrapped_by_a_library_is_still_a_clean_stop(monkeypatch, capsys):
    monkeypatch.setattr(cli, "_run", _font_reader_that_catches_everything)
    assert cli.main(["series"]) == 128 + signal.SIGTERM
    err = capsys.readouterr().err
    assert "stopped by SIGTERM" in err and "unexpected error" not in err


def test_other_errors_are_still_reported_as_unexpected(monkeypatch, capsys):
    def broken(args) -> int:
        raise ValueError("a bug")

    monkeypatch.setattr(cli, "_run", broken)
    assert cli.main(["series"]) == 1
    assert "unexpected error (ValueError: a bug)" in capsys.readouterr().err


def test_ctrl_c_wrapped_by_a_library_is_an_interruption(monkeypatch, capsys):
    def reader(args) -> int:
        try:
            raise KeyboardInterrupt
        except BaseException:
            raise ValueError("Corrupt TTF file")  # noqa: B904 (implicit context, as libraries do)

    monkeypatch.setattr(cli, "_run", reader)
    assert cli.main(["series"]) == 130
    assert "interrupted" in capsys.readouterr().err
