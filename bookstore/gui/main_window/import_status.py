"""The status bar's import: "Importing: 123 of 338 files", its progress and Cancel while
it runs; then what it did, with Details (the summary, not modal), Show Imported and Dismiss.
One import runs at a time: another asked for meanwhile is refused with a sentence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from bookstore.gui.main_window.import_summary import ImportDialog
from bookstore.gui.operations.import_flow import ImportRun, imported_ids, show_imported
from bookstore.gui.window import LibraryWindow


class ImportStatus(QWidget):
    def __init__(self, window: LibraryWindow) -> None:
        super().__init__(window)
        self.setObjectName("importStatus")
        self.window_ = window
        self.run: ImportRun | None = None
        self.summary: ImportDialog | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setFixedWidth(120)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton()
        self.details = QPushButton()
        self.show_button = QPushButton()
        self.dismiss = QPushButton("✕")
        self.dismiss.setFlat(True)
        self.cancel.clicked.connect(self._cancel)
        self.details.clicked.connect(self.open_summary)
        self.show_button.clicked.connect(self._show_imported)
        self.dismiss.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        for widget in (
            self.label,
            self.bar,
            self.cancel,
            self.details,
            self.show_button,
            self.dismiss,
        ):
            layout.addWidget(widget)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel the import"))
        self.details.setText(self.tr("Details…"))
        self.details.setToolTip(self.tr("What was imported, and why any file failed"))
        self.show_button.setText(self.tr("Show Imported"))
        self.show_button.setToolTip(self.tr("Select the imported issues in All issues"))
        self.dismiss.setToolTip(self.tr("Dismiss"))
        self.dismiss.setAccessibleName(self.tr("Dismiss"))
        self.bar.setAccessibleName(self.tr("Import progress"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self, paths: list[Path]) -> bool:
        """Import ``paths``; False (and a sentence in the status bar) while one is running."""
        if self.run is not None and self.run.running():
            self.window_.statusBar().showMessage(
                self.tr("An import is running: wait for it to end, or cancel it, first."),
                10000,
            )
            return False
        self._dismiss()
        self.run = ImportRun(self.window_, paths)
        self.run.changed.connect(self._update)
        self.run.start()
        self._update()
        return True

    def _files(self, done: int, total: int) -> str:
        n = self.window_.context.formats.number
        text = self.tr("Importing: {done} of %n files", "", total)
        return text.replace(str(total), n(total), 1).format(done=n(done))

    def _update(self) -> None:
        run = self.run
        self.setVisible(run is not None)
        if run is None:
            return
        running = run.running()
        for widget in (self.bar, self.cancel):
            widget.setVisible(running)
        for widget in (self.details, self.dismiss):
            widget.setVisible(not running)
        self.show_button.setVisible(bool(imported_ids(run.report)))
        if running:
            text = self._files(run.done, run.total) if run.total else self.tr("Importing…")
            self.bar.setRange(0, max(run.total, 1))
            self.bar.setValue(run.done)
            self.bar.setAccessibleDescription(text)
        elif run.outcome == "done" and run.report is not None:
            report = run.report
            text = self.tr("Imported: {imported} new, {updated} updated, {failed} failed").format(
                imported=report.count("imported"),
                updated=report.count("updated"),
                failed=report.failed,
            )
        elif run.outcome == "cancelled":
            text = self.tr("Import cancelled")
        else:
            text = self.tr("Import stopped")
        self.label.setText(text)
        self.label.setAccessibleName(text)

    def _cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()
            self.cancel.setEnabled(False)

    def open_summary(self) -> ImportDialog | None:
        """Open (or raise) the summary of the import that ended, not modal."""
        run = self.run
        if run is None or run.running():
            return None
        if self.summary is None:
            self.summary = ImportDialog(self.window_, run.paths)
            self.summary.show_ended(run.outcome, run.report, run.error)
        self.summary.show()
        self.summary.raise_()
        self.summary.activateWindow()
        return self.summary

    def _show_imported(self) -> None:
        if self.run is not None:
            show_imported(self.window_, imported_ids(self.run.report))

    def _dismiss(self) -> None:
        if self.summary is not None:
            self.summary.close()
            self.summary.deleteLater()
            self.summary = None
        if self.run is not None:
            self.run.deleteLater()
            self.run = None
        self.cancel.setEnabled(True)
        self._update()
