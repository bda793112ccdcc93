"""Importing from the menu (files, a folder) or by dropping files and folders on the
window: progress and Cancel, then a summary of what was imported, updated and failed,
each failure with its file and reason."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from bookstore.gui.errors import user_sentence
from bookstore.ingest.batch import IMPORT_SUFFIXES, ImportReport, import_paths
from bookstore.jobs import Job
from bookstore.library.listing import Scope

if TYPE_CHECKING:
    from bookstore.gui.main_window import MainWindow


def ask_files(window: MainWindow) -> None:
    patterns = " ".join(f"*{suffix}" for suffix in IMPORT_SUFFIXES)
    files, _filter = QFileDialog.getOpenFileNames(
        window,
        QCoreApplication.translate("ImportFlow", "Import Files"),
        str(Path.home()),
        QCoreApplication.translate(
            "ImportFlow", "Pages and books ({patterns});;All files (*)"
        ).format(patterns=patterns),
    )
    if files:
        window.import_paths([Path(f) for f in files])


def ask_folder(window: MainWindow) -> None:
    folder = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("ImportFlow", "Import Folder"), str(Path.home())
    )
    if folder:
        window.import_paths([Path(folder)])


class ImportDialog(QDialog):
    def __init__(self, window: MainWindow, paths: list[Path]) -> None:
        super().__init__(window)
        self.setObjectName("importDialog")
        self.window_, self.paths = window, paths
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
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
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
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.show_button = QPushButton()
        self.close_button = QPushButton()
        self.cancel_button.clicked.connect(self._cancel)
        self.show_button.clicked.connect(self._show_imported)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addWidget(self.failures, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 200)
        self.handle = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import"))
        self.failures.setHorizontalHeaderLabels([self.tr("File"), self.tr("Reason")])
        self.failures.setAccessibleName(self.tr("Files that could not be imported"))
        self.bar.setAccessibleName(self.tr("Import progress"))
        self.show_button.setText(self.tr("Show Imported Issues"))
        self.close_button.setText(self.tr("Close"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.outcome == "running":
            self.heading.setText(self.tr("Importing…"))
        else:
            self._show_outcome()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self) -> None:
        paths = list(self.paths)
        context = self.window_.context
        root = context.library.root

        def task(job: Job) -> ImportReport:
            with context.open_library(root) as library:
                return import_paths(library, paths, job)

        self.handle = context.workers.submit(
            task,
            name=self.tr("Importing"),
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
        )
        self.show()

    def _progress(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        self.detail.setText(message)

    def _cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)

    def _done(self, report: ImportReport) -> None:
        self.report = report
        self.outcome = "done"
        self._show_outcome()
        self.window_.refresh_after_change([])

    def _cancelled(self) -> None:
        self.outcome = "cancelled"
        self._show_outcome()
        self.window_.refresh_after_change([])

    def _failed(self, error: BaseException) -> None:
        self.outcome = "failed"
        self.error = error
        self._show_outcome()
        self.window_.refresh_after_change([])

    def _show_outcome(self) -> None:
        self.bar.hide()
        self.cancel_button.hide()
        if self.close_button not in self.buttons.buttons():
            self.buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
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
            self.detail.setText(user_sentence(self.error))
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
        for row, outcome in enumerate(failures):
            reason = outcome.error or ""
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
        self.window_.search.set_text("")
        self.window_.sidebar.choose(Scope(recent=True))
