"""Exporting: choose the issues (the selection, or the whole list), then EPUB (one
file, or one file each; a bundle's title) or print PDF (paper, bleed, crop marks,
title), a destination, progress with Cancel, and "Show in Folder" when done."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bookstore.errors import BookstoreError
from bookstore.export.pdf.geometry import PAPERS
from bookstore.gui.context import AppContext
from bookstore.gui.errors import user_sentence
from bookstore.jobs import Job
from bookstore.library.listing import Listing, listing_ids

EPUB, EPUB_EACH, PDF = "epub", "epub-each", "pdf"


class ExportDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        selected: list[int],
        listing: Listing,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.context, self.selected, self.listing = context, selected, listing
        self.handle: Any = None
        self.written: list[Path] = []
        self.outcome = "choosing"  # running, done, cancelled, failed

        self.which_box = QGroupBox()
        self.use_selection = QRadioButton()
        self.use_list = QRadioButton()
        which = QVBoxLayout(self.which_box)
        which.addWidget(self.use_selection)
        which.addWidget(self.use_list)
        self.use_selection.setEnabled(bool(selected))
        (self.use_selection if selected else self.use_list).setChecked(True)

        self.format_box = QGroupBox()
        self.as_epub = QRadioButton()
        self.as_epub_each = QRadioButton()
        self.as_pdf = QRadioButton()
        self.formats = QButtonGroup(self)
        formats = QVBoxLayout(self.format_box)
        for button in (self.as_epub, self.as_epub_each, self.as_pdf):
            self.formats.addButton(button)
            formats.addWidget(button)
        self.as_epub.setChecked(True)

        self.title = QLineEdit()
        self.paper = QComboBox()
        for paper in PAPERS:
            self.paper.addItem(paper, paper)
        self.bleed = QDoubleSpinBox()
        self.bleed.setRange(0, 20)
        self.bleed.setDecimals(1)
        self.bleed.setSingleStep(0.5)
        self.crop_marks = QCheckBox()
        self.paper.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.bleed.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.paper.setMinimumWidth(140)
        self.bleed.setMinimumWidth(140)
        self.paper_label, self.bleed_label = QLabel(), QLabel()
        self.paper_label.setBuddy(self.paper)
        self.bleed_label.setBuddy(self.bleed)

        self.destination = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        destination_row = QHBoxLayout()
        destination_row.addWidget(self.destination, 1)
        destination_row.addWidget(self.browse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_label, self.destination_label = QLabel(), QLabel()
        self.title_label.setBuddy(self.title)
        self.destination_label.setBuddy(self.destination)
        form.addRow(self.paper_label, self.paper)
        form.addRow(self.bleed_label, self.bleed)
        form.addRow("", self.crop_marks)
        form.addRow(self.title_label, self.title)
        form.addRow(self.destination_label, destination_row)
        self.form = form

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.hide()
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.show_folder = QPushButton()
        self.buttons.addButton(self.show_folder, QDialogButtonBox.ButtonRole.ActionRole)
        self.show_folder.hide()
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        self.show_folder.clicked.connect(self._show_in_folder)
        # Enter exports, wherever the focus is: the other buttons never take it over.
        for button in (self.browse, self.cancel_button, self.show_folder):
            button.setAutoDefault(False)
        self.export_button.setDefault(True)

        choices = QHBoxLayout()
        choices.addWidget(self.which_box, 1)
        choices.addWidget(self.format_box, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(choices)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.formats.buttonToggled.connect(lambda *_: self._format_changed())
        self.use_selection.toggled.connect(lambda *_: self._suggest_destination())
        self.setMinimumWidth(600)
        self.retranslate()
        self._format_changed()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export"))
        self.which_box.setTitle(self.tr("Issues"))
        n = self.context.formats.number
        self.use_selection.setText(
            self.tr("The selected issues (%n)", "", len(self.selected)).replace(
                str(len(self.selected)), n(len(self.selected))
            )
        )
        total = len(self.list_ids()) if self.listing is not None else 0
        self.use_list.setText(
            self.tr("Every issue in the list (%n)", "", total).replace(str(total), n(total))
        )
        self.format_box.setTitle(self.tr("Format"))
        self.as_epub.setText(self.tr("EPUB, one file (a bundle of several issues)"))
        self.as_epub_each.setText(self.tr("EPUB, one file for each issue"))
        self.as_pdf.setText(self.tr("Print-ready PDF"))
        self.paper_label.setText(self.tr("&Paper:"))
        self.bleed_label.setText(self.tr("&Bleed:"))
        self.bleed.setSuffix(" " + self.tr("mm"))
        self.bleed.setAccessibleDescription(
            self.tr("Added on every side of the page, for printing to the edge")
        )
        self.crop_marks.setText(self.tr("&Crop marks"))
        self.title_label.setText(self.tr("&Title:"))
        self.title.setPlaceholderText(self.tr("By default: the series and years"))
        self.destination_label.setText(self.tr("&Save to:"))
        self.browse.setText(self.tr("Choose…"))
        self.browse.setAccessibleName(self.tr("Choose where to save"))
        self.export_button.setText(self.tr("&Export"))
        self.show_folder.setText(self.tr("Show in Folder"))
        self.cancel_button.setText(
            self.tr("Close")
            if self.outcome in ("done", "cancelled", "failed")
            else self.tr("Cancel")
        )
        self.bar.setAccessibleName(self.tr("Export progress"))
        for widget in (self.title, self.destination, self.paper, self.bleed):
            label = {self.title: self.title_label, self.destination: self.destination_label,
                     self.paper: self.paper_label, self.bleed: self.bleed_label}[widget]  # fmt: skip
            widget.setAccessibleName(label.text().replace("&", "").rstrip(":"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Choices

    def kind(self) -> str:
        if self.as_pdf.isChecked():
            return PDF
        return EPUB_EACH if self.as_epub_each.isChecked() else EPUB

    def list_ids(self) -> list[int]:
        if not hasattr(self, "_list_ids"):
            self._list_ids = listing_ids(self.context.library, self.listing)
        return self._list_ids

    def chosen_ids(self) -> list[int]:
        return list(self.selected) if self.use_selection.isChecked() else self.list_ids()

    def _format_changed(self) -> None:
        for widget in (self.paper, self.bleed, self.crop_marks):
            self.form.setRowVisible(widget, self.kind() == PDF)
        self.title.setEnabled(self.kind() != EPUB_EACH)
        self._suggest_destination()

    def _suggest_destination(self) -> None:
        current = Path(self.destination.text()) if self.destination.text() else None
        folder = current.parent if current and current.suffix else current
        folder = folder or _documents()
        ids = self.chosen_ids()
        if self.kind() == EPUB_EACH:
            self.destination.setText(str(folder))
            return
        suffix = ".pdf" if self.kind() == PDF else ".epub"
        if len(ids) == 1:
            issue = self.context.library.get(ids[0])
            name = f"{issue.key}-{issue.language}{suffix}"
        else:
            name = self.tr("bookstore-export") + suffix
        self.destination.setText(str(folder / name))

    def _browse(self) -> None:
        if self.kind() == EPUB_EACH:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Save to Folder"), self.destination.text()
            )
        else:
            pattern = "PDF (*.pdf)" if self.kind() == PDF else "EPUB (*.epub)"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save As"), self.destination.text(), pattern
            )
        if chosen:
            self.destination.setText(chosen)

    # Running

    def start(self) -> None:
        ids = self.chosen_ids()
        if not ids:
            self.status.setText(self.tr("There is nothing to export: the list is empty."))
            return
        destination = Path(self.destination.text()).expanduser()
        kind, title = self.kind(), self.title.text().strip() or None
        paper, bleed, crop = (
            self.paper.currentData(),
            self.bleed.value(),
            self.crop_marks.isChecked(),
        )
        root = self.context.library.root
        context = self.context

        def task(job: Job) -> list[Path]:
            with context.open_library(root) as library:
                issues = library.get_many(ids)
            return run_export(kind, issues, destination, title, paper, bleed, crop, job)

        self.outcome = "running"
        self._set_choosing(False)
        self.bar.setValue(0)
        self.bar.show()
        self.status.setText(self.tr("Exporting %n issues…", "", len(ids)))
        self.handle = context.workers.submit(
            task,
            name=self.tr("Exporting"),
            on_done=self._done,
            on_error=self._failed,
            on_progress=lambda fraction, _message: self.bar.setValue(int(fraction * 1000)),
            on_cancelled=self._cancelled,
        )

    def _set_choosing(self, enabled: bool) -> None:
        for widget in (
            self.which_box,
            self.format_box,
            self.paper,
            self.bleed,
            self.crop_marks,
            self.title,
            self.destination,
            self.browse,
        ):
            widget.setEnabled(enabled)
        self.export_button.setEnabled(enabled)

    def _cancel(self) -> None:
        if self.outcome == "running" and self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
        else:
            self.reject()

    def _done(self, written: list[Path]) -> None:
        self.outcome = "done"
        self.written = written
        self.bar.setValue(1000)
        if len(written) == 1:
            self.status.setText(self.tr("Saved {path}").format(path=written[0]))
        else:
            self.status.setText(
                self.tr("Saved %n files in {folder}", "", len(written)).format(
                    folder=written[0].parent if written else ""
                )
            )
        self.show_folder.show()
        self.show_folder.setFocus()
        self._finish()

    def _cancelled(self) -> None:
        self.outcome = "cancelled"
        self.status.setText(self.tr("Export cancelled; nothing was written."))
        self._finish()

    def _failed(self, error: BaseException) -> None:
        self.outcome = "failed"
        self.status.setText(user_sentence(error))
        self.status.setObjectName("fieldProblem")
        self.status.style().polish(self.status)
        self._finish()

    def _finish(self) -> None:
        self.bar.setVisible(self.outcome == "done")
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self._set_choosing(True)
        self.export_button.setText(self.tr("Export &Again"))

    def _show_in_folder(self) -> None:
        if self.written:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0].parent)))

    def done(self, result: int) -> None:
        if self.outcome == "running" and self.handle is not None:
            self.handle.cancel()
        super().done(result)


def run_export(
    kind: str,
    issues: list,
    destination: Path,
    title: str | None,
    paper: str,
    bleed: float,
    crop_marks: bool,
    job: Job,
) -> list[Path]:
    """The export the dialog asked for (the same calls and options as the CLI's)."""
    if kind == PDF:
        from bookstore.export.pdf.writing import PdfOptions, export_pdf

        options = PdfOptions(paper=paper, bleed_mm=bleed, crop_marks=crop_marks, title=title)
        return [export_pdf(issues, destination, options, job=job)]
    from bookstore.export.epub.writing import EpubOptions, export_epub, export_epub_each

    if kind == EPUB_EACH:
        if not destination.is_dir():
            raise BookstoreError(f"{destination}: not a folder")
        return export_epub_each(issues, destination, EpubOptions(), job=job)
    return [export_epub(issues, destination, EpubOptions(title=title), job=job)]


def _documents() -> Path:
    for candidate in (Path.home() / "Documents", Path.home()):
        if candidate.is_dir():
            return candidate
    return Path.cwd()
