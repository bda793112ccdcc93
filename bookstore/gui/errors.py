"""Errors reach the user as a dialog with a sentence they understand; the details
(traceback) sit behind "Show Details..." and, for an unexpected error, in the log
file (``bookstore.logs``), which the dialog names when it was written. An unexpected
exception anywhere on the GUI thread goes the same way through ``install_excepthook``."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from bookstore import logs
from bookstore.errors import BookstoreError
from bookstore.gui.i18n.core_words import said


def user_sentence(error: BaseException) -> str:
    """What to tell the user: our own errors carry a sentence; others get a general one."""
    if isinstance(error, BookstoreError):
        text = said(error)
        return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")
    if isinstance(error, MemoryError):
        return QCoreApplication.translate("ErrorDialog", "The computer ran out of memory.")
    if isinstance(error, OSError):
        where = f" ({error.filename})" if getattr(error, "filename", None) else ""
        reason = error.strerror or str(error)
        return QCoreApplication.translate(
            "ErrorDialog", "A file could not be read or written{where}: {reason}."
        ).format(where=where, reason=reason)
    return QCoreApplication.translate(
        "ErrorDialog", "Something went wrong inside Bookstore. Your library is safe."
    )


def error_dialog(parent: QWidget | None, error: BaseException, title: str = "") -> QMessageBox:
    """A dialog for ``error`` (not yet shown): the sentence, the log's place, details."""
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    logged = None if isinstance(error, BookstoreError) else logs.log_failure(error, "the window")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("ErrorDialog", "Bookstore"))
    box.setText(user_sentence(error))
    if isinstance(logged, Path) and logged.is_file():
        box.setInformativeText(
            QCoreApplication.translate("ErrorDialog", "Details are in the log file: {path}").format(
                path=logged
            )
        )
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(QCoreApplication.translate("ErrorDialog", "Error"))
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
        show_error(app.activeWindow(), error)

    sys.excepthook = hook
