"""The summary of an import: what was imported, updated and failed, each failure with
its file and reason. It is not modal: the status bar opens it when the user asks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from bookstore.gui.errors import user_sentence
from bookstore.gui.i18n.core_words import window_words
from bookstore.gui.operations.import_flow import imported_ids, show_imported
from bookstore.gui.window import LibraryWindow
from bookstore.ingest.batch import ImportReport


class ImportDialog(QDialog):
    """The summary of one import of ``paths``, told its outcome by ``_done``,
    ``_cancelled`` or ``_failed``."""

    def __init__(self, window: LibraryWindow, paths: Sequence[Path] = ()) -> None:
        super().__init__(window)
        self.setObjectName("importDialog")
        self.setModal(False)
        self.window_, self.paths = window, list(paths)
        self.report: ImportReport | None = None
        self.outcome = "running"  # then "done", "cancelled" or "failed"
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.failures = QTableWidget(0, 2)
        self.failures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.failures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.failures.verticalHeader().hide()
        self.failures.setTabKeyNavigation(False)  # Tab leaves the table
        self.failures.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.failures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.failures.setWordWrap(True)
        self.failures.hide()
        self.buttons = QDialogButtonBox()
        self.show_button = QPushButton()
        self.close_button = QPushButton()
        self.buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.show_button.hide()
        self.show_button.clicked.connect(self._show_imported)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.detail)
        layout.addWidget(self.failures, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 200)
        self.error: BaseException | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import"))
        self.failures.setHorizontalHeaderLabels([self.tr("File"), self.tr("Reason")])
        self.failures.setAccessibleName(self.tr("Files that could not be imported"))
        self.show_button.setText(self.tr("Show Imported Issues"))
        self.close_button.setText(self.tr("Close"))
        if self.outcome == "running":
            self.heading.setText(self.tr("Importing…"))
        else:
            self._show_outcome()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_ended(
        self, outcome: str | None, report: ImportReport | None, error: BaseException | None
    ) -> None:
        """Show how an import that ended before this summary was opened ended."""
        if outcome == "done" and report is not None:
            self._done(report)
        elif outcome == "cancelled":
            self._cancelled()
        elif error is not None:
            self._failed(error)

    def _done(self, report: ImportReport) -> None:
        self.report = report
        self.outcome = "done"
        self._show_outcome()

    def _cancelled(self) -> None:
        self.outcome = "cancelled"
        self._show_outcome()

    def _failed(self, error: BaseException) -> None:
        self.outcome = "failed"
        self.error = error
        self._show_outcome()

    def _show_outcome(self) -> None:
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        if self.outcome == "cancelled":
            self.heading.setText(self.tr("Import cancelled"))
            self.detail.setText(
                self.tr(
                    "The files imported before you cancelled stay in the library; the one being imported was left out."
                )
            )
            return
        if self.outcome == "failed":
            self.heading.setText(self.tr("Import stopped"))
            self.detail.setText(user_sentence(self.error) if self.error else "")
            return
        report = self.report
        assert report is not None
        imported, updated, failed = report.count("imported"), report.count("updated"), report.failed
        self.heading.setText(
            self.tr("{imported} imported, {updated} updated, {failed} failed").format(
                imported=imported, updated=updated, failed=failed
            )
        )
        if not report.outcomes:
            detail = self.tr("No page to import was found there.")
        elif failed:
            detail = self.tr(
                "%n files could not be imported; the library is unchanged by them:", "", failed
            )
        else:
            detail = self.tr("Every file was imported.")
        made = list(dict.fromkeys(o.new_series for o in report.outcomes if o.new_series))
        if made:
            series = self.tr("New series made from the files' labels: {names}.").format(
                names=", ".join(made)
            )
            detail = f"{series}\n{detail}" if failed else f"{detail}\n{series}"
        self.detail.setText(detail)
        self.show_button.setVisible(imported + updated > 0)
        failures = [o for o in report.outcomes if o.status == "failed"]
        self.failures.setRowCount(len(failures))
        words = window_words()
        for row, outcome in enumerate(failures):
            reason = words.say(outcome.reason or outcome.error or "")
            prefix = f"{outcome.path}: "
            if reason.startswith(prefix):
                reason = reason[len(prefix) :]
            name = QTableWidgetItem(outcome.path.name)
            name.setToolTip(str(outcome.path))
            self.failures.setItem(row, 0, name)
            self.failures.setItem(row, 1, QTableWidgetItem(reason[:1].upper() + reason[1:]))
        self.failures.resizeRowsToContents()
        self.failures.setVisible(bool(failures))
        if failures:
            self.resize(max(self.width(), 720), 420)

    def _show_imported(self) -> None:
        self.accept()
        show_imported(self.window_, imported_ids(self.report))
