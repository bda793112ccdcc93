"""Saved searches are renamed and deleted from the sidebar's context menu."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from bookstore.gui.widgets.sidebar import SavedTarget
from bookstore.library.saved_searches import save_search, saved_searches


def wait_writes(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.context.writes().busy(), timeout=10000)


def with_searches(window) -> None:
    save_search(window.context.library, "Korea", "korea")
    save_search(window.context.library, "Energy", "topic:energy")
    window.reload_sidebar()


def test_a_saved_search_is_renamed_from_its_menu_and_stays_shown(window, qtbot, monkeypatch):
    with_searches(window)
    korea = SavedTarget("Korea", "korea")
    assert window.sidebar.choose(korea)
    menu = window.saved_menu.menu_for(korea)
    assert [a.text() for a in menu.actions()] == ["&Rename…", "&Delete…"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Korean peninsula", True))
    menu.actions()[0].trigger()
    wait_writes(qtbot, window)
    qtbot.waitUntil(
        lambda: window.sidebar.current_target() == SavedTarget("Korean peninsula", "korea")
    )
    assert [s.name for s in saved_searches(window.context.library)] == [
        "Energy",
        "Korean peninsula",
    ]
    assert window.search.text() == "korea"


def test_a_name_taken_is_refused_in_a_sentence_and_nothing_changes(window, qtbot, monkeypatch):
    with_searches(window)
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    window.saved_menu.rename(SavedTarget("Korea", "korea"), "Energy")
    wait_writes(qtbot, window)
    qtbot.waitUntil(lambda: bool(shown))
    assert "There is already a saved search called “Energy”" in shown[0].text()
    assert [s.name for s in saved_searches(window.context.library)] == ["Energy", "Korea"]


def test_a_saved_search_is_deleted_from_its_menu(window, qtbot, monkeypatch):
    with_searches(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.saved_menu.menu_for(SavedTarget("Energy", "topic:energy")).actions()[1].trigger()
    wait_writes(qtbot, window)
    qtbot.waitUntil(lambda: [s.name for s in saved_searches(window.context.library)] == ["Korea"])
