"""Errors reach the user as a dialog with a sentence they understand; the details
(traceback) sit behind "Show Details..." and in a log file in the platform's log
folder. An unexpected exception anywhere on the GUI thread goes the same way through
``install_excepthook``."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from bookstore.errors import BookstoreError

log = logging.getLogger("bookstore")


def log_file() -> Path:
    return Path(platformdirs.user_log_dir("bookstore", appauthor=False)) / "bookstore.log"


def start_logging() -> Path:
    """Log warnings and errors to the log file (created on first use)."""
    path = log_file()
    if not any(isinstance(h, logging.FileHandler) for h in log.handlers):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(path, encoding="utf-8")
        except OSError:
            return path
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


def user_sentence(error: BaseException) -> str:
    """What to tell the user: our own errors carry a sentence; others get a general one."""
    if isinstance(error, BookstoreError):
        text = str(error)
        return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")
    if isinstance(error, MemoryError):
        return _tr("The computer ran out of memory.")
    if isinstance(error, OSError):
        where = f" ({error.filename})" if getattr(error, "filename", None) else ""
        reason = error.strerror or str(error)
        return _tr("A file could not be read or written{where}: {reason}.").format(
            where=where, reason=reason
        )
    return _tr("Something went wrong inside Bookstore. Your library is safe.")


def error_dialog(parent: QWidget | None, error: BaseException, title: str = "") -> QMessageBox:
    """A dialog for ``error`` (not yet shown): the sentence, the log's place, details."""
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    if not isinstance(error, BookstoreError):
        log.error("unexpected error\n%s", details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or _tr("Bookstore"))
    box.setText(user_sentence(error))
    box.setInformativeText(_tr("Details are in the log file: {path}").format(path=log_file()))
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(_tr("Error"))
    box.setAccessibleDescription(user_sentence(error))
    return box


def show_error(parent: QWidget | None, error: BaseException, title: str = "") -> None:
    error_dialog(parent, error, title).exec()


def install_excepthook(app: QApplication) -> None:
    """Show unexpected exceptions as a dialog instead of a traceback on a terminal."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            app.quit()
            return
        error.__traceback__ = tb
        log.error("uncaught exception", exc_info=(kind, error, tb))
        show_error(app.activeWindow(), error)

    sys.excepthook = hook
