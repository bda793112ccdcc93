"""The one log: records of every bookstore module in a rotating file in the user's log
folder, made only when something is written, bounded in size."""

from __future__ import annotations

import logging
import logging.config
from pathlib import Path

import pytest

from bookstore import logs
from bookstore.cli.main import main


@pytest.fixture
def log_folder(tmp_path: Path) -> Path:
    """The log folder under the test's own XDG_STATE_HOME (set by the shared fixture)."""
    return logs.log_folder()


def test_the_log_is_made_only_when_a_record_is_written(log_folder: Path):
    logs.set_up()
    assert not log_folder.exists()
    logging.getLogger("bookstore.gui.issue_model").warning("reading the list further failed")
    text = logs.log_file().read_text(encoding="utf-8")
    assert "WARNING bookstore.gui.issue_model: reading the list further failed" in text


def test_setting_up_twice_keeps_one_handler(log_folder: Path):
    first, second = logs.set_up(), logs.set_up()
    assert first is second
    handlers = logging.getLogger(logs.ROOT_LOGGER).handlers
    assert [h for h in handlers if isinstance(h, logs.RotatingLog)] == [first]


def test_the_log_rotates_and_stays_bounded(log_folder: Path):
    logs.set_up()
    logger = logging.getLogger("bookstore.test")
    line = "x" * 1000
    for _ in range(6 * logs.MAX_BYTES // len(line)):  # six times what one file holds
        logger.info(line)
    files = sorted(log_folder.iterdir())
    assert [f.name for f in files] == [
        "bookstore.log",
        "bookstore.log.1",
        "bookstore.log.2",
        "bookstore.log.3",
    ]
    assert all(f.stat().st_size <= logs.MAX_BYTES for f in files)


def test_a_failure_of_the_command_lands_in_the_log(monkeypatch, capsys):
    def broken(*args: object) -> list:
        raise KeyError("a bug in listing the series")

    monkeypatch.setattr("bookstore.library.library.Library.series", broken)
    assert main(["series"]) == 1
    err = capsys.readouterr().err
    assert f"details are in {logs.log_file()}" in err
    text = logs.log_file().read_text(encoding="utf-8")
    assert "ERROR bookstore.logs: bookstore series: unexpected error" in text
    assert "Traceback" in text and "a bug in listing the series" in text


def test_a_log_that_cannot_be_written_is_said_in_the_line(monkeypatch, tmp_path: Path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(logs.platformdirs, "user_log_dir", lambda *a, **k: str(blocker / "log"))

    def broken(*args: object) -> list:
        raise KeyError("surprise")

    monkeypatch.setattr("bookstore.library.library.Library.series", broken)
    assert main(["series"]) == 1
    err = capsys.readouterr().err
    assert "the details could not be logged" in err and "Traceback" not in err


def test_the_server_s_records_reach_the_log(log_folder: Path):
    from bookstore.server.access_log import log_config

    logging.config.dictConfig(log_config())  # what uvicorn applies in each server process
    logging.getLogger("bookstore.server").warning("a request over the bounds, refused")
    text = logs.log_file().read_text(encoding="utf-8")
    assert "WARNING bookstore.server: a request over the bounds, refused" in text
