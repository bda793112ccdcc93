"""Importing from the menu (files, a folder) or by dropping files and folders on the
window. The import runs on the workers while the window stays usable; the status bar
shows it (``import_status``), and its summary opens from there (``import_summary``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QAbstractItemView, QFileDialog

from bookstore.gui.window import LibraryWindow
from bookstore.ingest.batch import IMPORT_SUFFIXES, ImportReport, import_paths, page_files
from bookstore.jobs import Job
from bookstore.library.listing import Scope

# The workers' channel of imports: the status bar's job line leaves them to the import's own.
IMPORT_CHANNEL = "import"


def ask_files(window: LibraryWindow) -> None:
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


def ask_folder(window: LibraryWindow) -> None:
    folder = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("ImportFlow", "Import Folder"), str(Path.home())
    )
    if folder:
        window.import_paths([Path(folder)])


class ImportRun(QObject):
    """One import on the workers: how many of its files are done, and how it ended
    ("done", "cancelled" or "failed"; "running" until then)."""

    changed = Signal()  # a file was done, or the import ended

    def __init__(self, window: LibraryWindow, paths: list[Path]) -> None:
        super().__init__(window)
        self.window_, self.paths = window, list(paths)
        self.outcome = "running"
        self.total = 0  # files found in the paths (folders are read on the worker)
        self.done = 0
        self.report: ImportReport | None = None
        self.error: BaseException | None = None
        self.handle = None

    def start(self) -> None:
        paths = list(self.paths)
        context = self.window_.context
        root = context.library.root

        def task(job: Job) -> ImportReport:
            files = page_files(paths)
            # Set before the first progress report, which reaches the GUI thread after it.
            self.total = len(files)
            with context.open_library(root) as library:
                return import_paths(library, files, job)

        self.handle = context.workers.submit(
            task,
            name=self.tr("Importing"),
            channel=IMPORT_CHANNEL,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
        )

    def running(self) -> bool:
        return self.outcome == "running"

    def cancel(self) -> None:
        if self.handle is not None and self.running():
            self.handle.cancel()

    def _progress(self, fraction: float, _message: str) -> None:
        self.done = round(fraction * self.total)
        self.changed.emit()

    def _done(self, report: ImportReport) -> None:
        self.report, self.outcome, self.done = report, "done", self.total
        self._ended()

    def _cancelled(self) -> None:
        self.outcome = "cancelled"
        self._ended()

    def _failed(self, error: BaseException) -> None:
        self.outcome, self.error = "failed", error
        self._ended()

    def _ended(self) -> None:
        self.window_.refresh_after_change([])
        self.changed.emit()


def imported_ids(report: ImportReport | None) -> list[int]:
    """The issues an import made or updated, in the order of their files."""
    outcomes = report.outcomes if report is not None else []
    ids = (o.issue_id for o in outcomes if o.status != "failed" and o.issue_id is not None)
    return list(dict.fromkeys(ids))


def show_imported(window: LibraryWindow, ids: list[int]) -> None:
    """Show All Issues with no search and select exactly ``ids``, the first scrolled to.
    Clearing the search and choosing All Issues each ask for a listing; the selection is
    made once the last of them is in."""
    model = window.model

    def select() -> None:
        listing = model.listing
        if model.busy() or listing.scope != Scope() or listing.query:
            return
        model.listing_changed.disconnect(select)
        window.select_ids(ids)
        # The topmost imported issue at the top, the others under it in sight.
        window.list.scrollTo(window.list.currentIndex(), QAbstractItemView.ScrollHint.PositionAtTop)

    model.listing_changed.connect(select)
    window.search.set_text("")
    window.sidebar.choose(Scope())
