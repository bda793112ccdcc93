"""The search field's completion: Tab takes what the list offers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from bookstore.gui.widgets.search_field import QueryEdit


def values_for(field: str, prefix: str) -> list[str]:
    names = {"author": ["Wilk Jan", "Wiśniewska Anna"], "series": ["spotlight"]}
    return [v for v in names.get(field, []) if v.lower().startswith(prefix.lower())]


def typed(qtbot, text: str) -> QueryEdit:
    edit = QueryEdit(values_for)
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    qtbot.keyClicks(edit, text)
    qtbot.waitUntil(edit.completer_.popup().isVisible)
    return edit


def test_tab_takes_the_first_completion_when_none_is_chosen(qtbot):
    edit = typed(qtbot, "nuclear aut")
    qtbot.keyClick(edit.completer_.popup(), Qt.Key.Key_Tab)
    assert edit.text() == "nuclear author:"
    qtbot.waitUntil(edit.completer_.popup().isVisible)  # and the values are offered next
    qtbot.keyClick(edit.completer_.popup(), Qt.Key.Key_Tab)
    assert edit.text() == 'nuclear author:"Wilk Jan" '


def test_tab_takes_the_completion_chosen_with_the_arrows(qtbot):
    edit = typed(qtbot, "author:wi")
    popup = edit.completer_.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    assert edit.text() == 'author:"Wiśniewska Anna" '
    assert not popup.isVisible()
