"""Copy Citation (the selection, in the style chosen in Settings, to the clipboard) and
Export Citations… (the selection to a file, written on a worker)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog

from bookstore.citations.formats import cite
from bookstore.fileio import atomic_output
from bookstore.gui import settings as keys
from bookstore.gui.errors import show_error
from bookstore.gui.window import LibraryWindow
from bookstore.jobs import Job

COPY_SHORTCUT = "Ctrl+Shift+C"
EXPORT_SHORTCUT = "Ctrl+Shift+E"
# Each export format, the file name ending it is known by, and how the file dialog names it.
EXPORT_FORMATS = (
    ("ris", ".ris", "RIS"),
    ("bibtex", ".bib", "BibTeX"),
    ("biblatex", ".bib", "BibLaTeX"),
    ("csl-json", ".json", "CSL-JSON"),
    ("text", ".txt", "Text"),
)


def citation_style(window: LibraryWindow) -> tuple[str, str | None]:
    """The style and language chosen in Settings (None: each issue's own language)."""
    settings = window.context.settings
    return settings.get(keys.CITATION_STYLE), settings.get(keys.CITATION_LANGUAGE) or None


def export_citations(
    root: Path, ids: list[int], format: str, style: str, language: str | None, path: Path
) -> Callable[[Job], Path]:
    """A worker's task: the citations of ``ids`` written to ``path`` whole or not at all."""
    from bookstore.gui.context import worker_library

    def task(job: Job) -> Path:
        with worker_library(root) as library:
            issues = [library.get(issue_id) for issue_id in ids]
        job.check()
        text = cite(issues, format, style=style, language=language)
        with atomic_output(path) as temporary:
            temporary.write_text(text, encoding="utf-8")
        return path

    return task


class CitationActions(QObject):
    def __init__(self, window: LibraryWindow) -> None:
        super().__init__(window)
        self.window = window
        self.copy = QAction(window)
        self.copy.setShortcut(QKeySequence(COPY_SHORTCUT))
        self.export = QAction(window)
        self.export.setShortcut(QKeySequence(EXPORT_SHORTCUT))
        for action in (self.copy, self.export):
            window.addAction(action)
        self.copy.triggered.connect(self.copy_citation)
        self.export.triggered.connect(self.ask_export)
        window.issue_menu.addSeparator()
        window.issue_menu.addActions(self.actions())
        window.installEventFilter(self)
        self.retranslate()

    def actions(self) -> list[QAction]:
        return [self.copy, self.export]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.copy.setText(self.tr("Copy &Citation"))
        self.copy.setStatusTip(
            self.tr("Copy the chosen issues' citations in the style of Settings")
        )
        self.export.setText(self.tr("Export Citations…"))
        self.export.setStatusTip(
            self.tr("Save the chosen issues' citations as BibTeX, BibLaTeX, RIS, CSL-JSON or text")
        )

    def copy_citation(self) -> str:
        """Put the selection's citations on the clipboard; returns what was put there."""
        ids = self.window.selected_ids()
        if not ids:
            return ""
        style, language = citation_style(self.window)
        try:
            issues = [self.window.context.library.get(issue_id) for issue_id in ids]
            text = cite(issues, "text", style=style, language=language).rstrip("\n")
        except Exception as error:  # a style that went away, an issue removed meanwhile
            show_error(self.window, error, self.tr("Copy Citation"))
            return ""
        QGuiApplication.clipboard().setText(text)
        shown = self.tr("Copied %n citation(s).", "", len(ids))
        self.window.statusBar().showMessage(shown, 5000)
        return text

    def ask_export(self) -> None:
        ids = self.window.selected_ids()
        if not ids:
            return
        filters = [f"{label} (*{ending})" for _format, ending, label in EXPORT_FORMATS]
        path, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Citations"), "citations.ris", ";;".join(filters)
        )
        if path:
            index = filters.index(chosen) if chosen in filters else 0
            self.export_to(Path(path), EXPORT_FORMATS[index][0], ids)

    def export_to(self, path: Path, format: str, ids: list[int] | None = None) -> None:
        """Write the citations of ``ids`` (the selection) to ``path`` on a worker."""
        chosen = self.window.selected_ids() if ids is None else ids
        style, language = citation_style(self.window)
        root = self.window.context.library.root
        self.window.context.workers.submit(
            export_citations(root, chosen, format, style, language, path),
            name=self.tr("Exporting citations"),
            on_done=lambda done: self.window.statusBar().showMessage(
                self.tr("Citations saved in %1").replace("%1", str(done)), 5000
            ),
            on_error=lambda error: show_error(self.window, error, self.tr("Export Citations")),
        )
