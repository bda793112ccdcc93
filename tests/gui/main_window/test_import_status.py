"""The import runs in the status bar: "N of M files", Cancel, no modal dialog, the window
usable meanwhile; Show Imported selects exactly what was imported."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bookstore.ingest import batch
from bookstore.library.listing import Scope

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"


def copy_pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    pages = sorted(p for p in PAGES.glob("*.html"))[:count]
    for page in pages:
        (folder / page.name).write_bytes(page.read_bytes())
    return pages


@pytest.fixture
def gate(window, qtbot, monkeypatch) -> Iterator[threading.Event]:
    """Imports wait before their second file until the event is set (at the end of the
    test at the latest, so that no import outlives it)."""
    event = threading.Event()
    real = batch.import_file
    calls = {"n": 0}

    def held(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 1:
            event.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "import_file", held)
    yield event
    event.set()
    run = window.import_status.run
    if run is not None:
        qtbot.waitUntil(lambda: not run.running(), timeout=20000)


def test_the_import_counts_files_in_the_status_bar_with_no_modal_dialog(
    window, qtbot, tmp_path: Path, gate: threading.Event
):
    pages = copy_pages(tmp_path / "pages", 3)
    status = window.import_status
    window.import_paths([tmp_path / "pages"])
    qtbot.waitUntil(lambda: status.label.text() == f"Importing: 1 of {len(pages)} files")
    assert status.isVisible() and status.cancel.isVisible() and status.bar.isVisible()
    assert QApplication.activeModalWidget() is None
    # The window answers meanwhile: a search is typed and its list comes in.
    window.search.set_text("zzzz-no-such-words")
    qtbot.waitUntil(lambda: window.model.listing.query == "zzzz-no-such-words")
    window.search.set_text("")
    # A second import is refused with a sentence, the first one going on.
    assert not status.start([tmp_path / "pages"]) and status.run.running()
    assert "An import is running" in window.statusBar().currentMessage()
    gate.set()
    qtbot.waitUntil(lambda: not status.run.running(), timeout=20000)
    assert status.label.text().startswith("Imported: ")
    assert status.details.isVisible() and not status.cancel.isVisible()
    assert QApplication.activeModalWidget() is None


def test_cancel_in_the_status_bar_stops_the_import(
    window, qtbot, tmp_path: Path, gate: threading.Event
):
    copy_pages(tmp_path / "pages", 3)
    before = window.context.library.count()
    status = window.import_status
    window.import_paths([tmp_path / "pages"])
    qtbot.waitUntil(lambda: status.run.done == 1)
    qtbot.mouseClick(status.cancel, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: status.run.outcome == "cancelled", timeout=20000)
    assert status.label.text() == "Import cancelled"
    # The first file stays (it was committed); the one being imported was left out.
    assert window.context.library.count() <= before + 2
    summary = status.open_summary()
    assert summary is not None and summary.heading.text() == "Import cancelled"
    assert not summary.isModal()


def test_show_imported_selects_exactly_the_imported_issues(window, qtbot, tmp_path: Path):
    folder = tmp_path / "new"
    folder.mkdir()
    for number in (1, 2):
        (folder / f"monitor-{number}.txt").write_text(
            f"Baltic Monitor: Ports {number}\n\nBaltic Monitor no. {number}/2021\n"
            f"14 March 2021\nEwa Grabowska\n\nPorts are changing, part {number}.\n",
            encoding="utf-8",
        )
    window.sidebar.choose(Scope(recent=True))
    window.search.set_text("ports")
    status = window.import_status
    window.import_paths([folder])
    qtbot.waitUntil(lambda: status.run is not None and status.run.outcome == "done", timeout=20000)
    ids = [o.issue_id for o in status.run.report.outcomes]
    assert len(ids) == 2 and None not in ids
    window.search.set_text("something else")  # the list shows something else meanwhile
    qtbot.mouseClick(status.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sorted(window.selected_ids()) == sorted(ids), timeout=10000)
    assert window.model.listing.scope == Scope() and window.search.text() == ""
    assert window.model.rowCount() == window.context.library.count() > len(ids)
    qtbot.wait(200)  # no later listing takes the selection away
    assert sorted(window.selected_ids()) == sorted(ids)
    assert window.list.currentIndex().row() in {window.model.row_of(i) for i in ids}
