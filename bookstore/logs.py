"""One logging set-up for the command, the window and the server.

Modules log through ``logging.getLogger(__name__)``. ``set_up`` sends the records of
every ``bookstore.*`` logger to ``bookstore.log`` in the user's log folder: a file
that rotates at 1 MB and keeps three older ones (``bookstore.log.1`` to ``.3``), so it
never grows without bound. The folder and the file are made when the first record
is written.

The window and the server set it up as they start. The command sets it up only when
it has a failure to log (``log_failure``): importing the handlers costs a command
that logs nothing several milliseconds, and until then a warning goes to stderr,
where logging puts records that no handler takes.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

import platformdirs

ROOT_LOGGER = "bookstore"
FILE_NAME = "bookstore.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_folder() -> Path:
    return Path(platformdirs.user_log_dir("bookstore", appauthor=False))


def log_file() -> Path:
    """Where the log is written (the newest part of it)."""
    return log_folder() / FILE_NAME


class RotatingLog(logging.handlers.RotatingFileHandler):
    """The log file, rotated by size; made, with its folder, by the first record.

    A record that cannot be written (a full disk, a folder that cannot be made) is
    not a traceback on stderr: ``failure`` keeps the error instead."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            maxBytes=MAX_BYTES,
            backupCount=BACKUP_COUNT,
            encoding="utf-8",
            delay=True,
            errors="backslashreplace",
        )
        self.setFormatter(logging.Formatter(FORMAT))
        self.failure: OSError | None = None

    def _open(self):  # type: ignore[no-untyped-def]  # logging's own hook, untyped there
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        error = sys.exc_info()[1]
        self.failure = error if isinstance(error, OSError) else OSError(str(error))


def set_up(level: int = logging.INFO) -> RotatingLog:
    """Send the ``bookstore.*`` records of ``level`` and above to the log file; the
    handler is made once, and again only when the log folder changed meanwhile."""
    logger = logging.getLogger(ROOT_LOGGER)
    if logger.level == logging.NOTSET or logger.level > level:
        logger.setLevel(level)
    path = os.path.abspath(log_file())
    for handler in logger.handlers:
        if isinstance(handler, RotatingLog):
            if handler.baseFilename == path:
                return handler
            logger.removeHandler(handler)
            handler.close()
    handler = RotatingLog(Path(path))
    logger.addHandler(handler)
    return handler


def log_failure(error: BaseException, what: str) -> Path | OSError:
    """Write ``error``'s traceback to the log, saying ``what`` failed; the log file,
    or why it could not be written."""
    handler = set_up()
    handler.failure = None
    logging.getLogger(__name__).error("%s: unexpected error", what, exc_info=error)
    handler.flush()
    if handler.failure is not None:
        return handler.failure
    return Path(handler.baseFilename)
