"""The edit dialog: every problem shown under its own field at once, a number out of
range named instead of put back, languages offered by name, dates as the UI writes them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from bookstore.gui.dialogs.edit_dialog import EditDialog
from bookstore.gui.dialogs.settings_dialog import set_language


def dialog_for(window) -> EditDialog:
    window.select_row(0)
    return EditDialog(window.context, window.current_issue(), window)


def test_every_problem_is_shown_beside_its_field_at_once(window, qtbot):
    dialog = dialog_for(window)
    dialog.title.setText("  ")
    dialog.language.setCurrentText("xx")
    dialog.number.setValue(0)
    problems = {key: label.text() for key, label in dialog.problems.items() if label.text()}
    assert set(problems) == {"title", "language", "number"}
    assert "title cannot be empty" in problems["title"]
    assert "between 1 and 99999, not 0" in problems["number"]
    assert "“xx”" in problems["language"]
    assert not dialog.problem.isVisible()  # nothing at the bottom: each is by its field
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert dialog.number.accessibleDescription() == problems["number"]
    dialog.title.setText("A title again")
    assert not dialog.problems["title"].text() and dialog.problems["number"].text()
    dialog.reject()


def test_a_number_out_of_range_is_named_not_put_back(window, qtbot):
    dialog = dialog_for(window)
    dialog.number.setValue(123456)
    assert dialog.number.value() == 123456
    assert "between 1 and 99999, not 123456" in dialog.problems["number"].text()
    dialog.reject()


def test_languages_are_offered_by_name(window, qtbot):
    dialog = dialog_for(window)
    offered = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert {"English (en)", "Polish (pl)", "Russian (ru)"} <= set(offered)
    dialog.language.setCurrentIndex(dialog.language.findData("pl"))
    assert dialog.edit().language == "pl"
    dialog.language.setCurrentText("de")  # another code can still be typed
    assert dialog.edit().language == "de"
    dialog.reject()


def test_the_date_is_written_as_the_ui_writes_dates(window, qtbot):
    set_language(window, "pl")
    try:
        dialog = dialog_for(window)
        issue = window.current_issue()
        shown = dialog.date.text()
        assert issue.date.isoformat() not in shown
        assert str(issue.date.year) in shown and f"{issue.date.day:02d}" in shown
        assert "Polski (pl)" in [
            dialog.language.itemText(i) for i in range(dialog.language.count())
        ]
        dialog.reject()
    finally:
        set_language(window, "en")


def test_a_clash_is_named_by_its_label_not_by_an_internal_id(window, qtbot):
    library = window.context.library
    issue = next(i for i in library.list_issues() if i.translations)
    other = library.get(issue.translations[0])
    dialog = EditDialog(window.context, issue, window)
    dialog.language.setCurrentIndex(dialog.language.findData(other.language))
    message = dialog.problems["number"].text()
    assert "already in the library" in message
    assert f"issue {other.id}" not in message and f"({other.id})" not in message
    dialog.reject()
