"""Export destinations that are not regular files, abandoned temporary files, and the
one-line report of an unexpected error."""

from __future__ import annotations

import os
import signal
import stat
from pathlib import Path

import pytest

from bookstore import logs
from bookstore.cli.main import main
from bookstore.errors import BookstoreError
from bookstore.fileio import atomic_output


def _export(tmp_path: Path, capsys, destination: Path) -> tuple[int, str]:
    code = main(["--library", str(tmp_path / "lib"), "export", "epub", "1", "-o", str(destination)])
    return code, capsys.readouterr().err


def test_a_device_is_never_replaced(tmp_path: Path, capsys):
    code, err = _export(tmp_path, capsys, Path("/dev/null"))
    assert code == 1 and "/dev/null: cannot write here: it is a device" in err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_pipe_is_never_replaced(tmp_path: Path, capsys):
    fifo = tmp_path / "out.epub"
    os.mkfifo(fifo)
    code, err = _export(tmp_path, capsys, fifo)
    assert code == 1 and "it is a pipe" in err and fifo.is_fifo()


def test_a_symbolic_link_is_followed_and_kept(tmp_path: Path, capsys):
    target = tmp_path / "real.epub"
    target.write_bytes(b"old")
    link = tmp_path / "link.epub"
    link.symlink_to(target)
    code, _ = _export(tmp_path, capsys, link)
    assert code == 0 and link.is_symlink() and target.read_bytes()[:2] == b"PK"


def test_a_dangling_link_is_refused(tmp_path: Path, capsys):
    link = tmp_path / "link.epub"
    link.symlink_to(tmp_path / "nowhere" / "x.epub")
    code, err = _export(tmp_path, capsys, link)
    assert code == 1 and "which does not exist" in err and link.is_symlink()


def test_the_leftovers_of_a_killed_export_are_removed_by_the_next(tmp_path: Path):
    destination = tmp_path / "book.epub"
    abandoned = tmp_path / ".book.epub.abc123.part"
    abandoned.write_bytes(b"half a book")
    other = tmp_path / ".other.epub.abc123.part"
    other.write_bytes(b"another destination's")
    with atomic_output(destination) as temporary:
        # An export that is still writing is not touched by another one.
        with atomic_output(destination) as second:
            second.write_bytes(b"second")
        assert temporary.exists()
        temporary.write_bytes(b"first")
    assert not abandoned.exists() and other.exists()
    assert destination.read_bytes() == b"first"


def test_a_full_disk_while_writing_is_a_sentence_and_leaves_nothing(tmp_path: Path):
    destination = tmp_path / "book.epub"
    with (
        pytest.raises(BookstoreError, match="the disk is full; nothing was written"),
        atomic_output(destination) as temporary,
    ):
        temporary.write_bytes(b"part")
        raise OSError(28, "No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_an_unexpected_error_is_one_line_and_a_log(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setattr(logs.platformdirs, "user_log_dir", lambda *a, **k: str(tmp_path / "log"))

    def broken(*args: object) -> list:
        raise KeyError("surprise")

    monkeypatch.setattr("bookstore.library.library.Library.series", broken)
    code = main(["--library", str(tmp_path / "lib"), "series"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("bookstore series: unexpected error (KeyError: 'surprise')")
    log = tmp_path / "log" / "bookstore.log"
    assert str(log) in err and "Traceback" in log.read_text() and "surprise" in log.read_text()


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_stop_the_command_through_its_cleanup(
    tmp_path: Path, capsys, monkeypatch, name: str
):
    number = getattr(signal, name)

    def stopped(*args: object) -> list:
        os.kill(os.getpid(), number)
        return []

    monkeypatch.setattr("bookstore.library.library.Library.series", stopped)
    before = signal.getsignal(number)
    code = main(["--library", str(tmp_path / "lib"), "series"])
    assert code == 128 + number
    assert f"stopped by {name}; nothing half-written was kept" in capsys.readouterr().err
    assert signal.getsignal(number) == before
