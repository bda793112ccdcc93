"""Editing 40 issues at once: series, language and topics set in one step, undone in one
step exactly, and nothing changed when one of them cannot take the edit."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDialog

from bookstore.gui.dialogs.bulk_edit_dialog import BulkEditDialog
from bookstore.model import Series
from tests.gui.conftest import wait_history


def forty_issues(window, wait_listing) -> list:
    """Forty issues with numbers of their own, chosen in the list."""
    library = window.context.library
    first = library.list_issues()[0]
    ids = [
        library.save(
            dataclasses.replace(
                first,
                id=None,
                number=900 + n,
                running_number=running(first, n),
                source_url=None,
                files=(),
            )
        ).id
        for n in range(40)
    ]
    window.refresh_after_change([])
    window.search.set_text("")
    wait_listing(window)
    window.list.selectAll()
    assert len(window.selected_ids()) > 1
    assert window.actions_.edit.isEnabled()  # several chosen: Edit edits them together
    return library.get_many(ids)


def running(issue, n: int) -> int | None:
    return None if issue.running_number is None else issue.running_number + 1000 + n


def test_forty_issues_get_a_series_language_and_topics_and_one_undo_gives_them_back(
    window, qtbot, wait_listing
):
    library = window.context.library
    before = forty_issues(window, wait_listing)
    library.put_series(Series("archive", {"en": "Archive Papers"}))
    dialog = BulkEditDialog(window, before)
    target = library.series_named("archive")
    dialog.series.setCurrentIndex(dialog.series.findData(target.slug))
    language = "ru" if before[0].language != "ru" else "pl"
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.add_topics.setText("Archive, Energy ,Archive")
    removed = dialog.remove_topics.item(0)
    removed.setCheckState(removed.checkState().Checked)
    steps = window.undo_stack.count()
    dialog.accept()
    wait_history(qtbot, window)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.problem.text()
    assert window.undo_stack.count() == steps + 1
    after = library.get_many([i.id for i in before])
    assert {i.series.slug for i in after} == {target.slug}
    assert {i.language for i in after} == {language}
    assert all({"Archive", "Energy"} <= set(i.topics) for i in after)
    assert all(removed.text() not in i.topics for i in after)
    window.history.undo()
    wait_history(qtbot, window)
    assert library.get_many([i.id for i in before]) == before  # exactly as they were


def test_an_edit_one_issue_cannot_take_changes_none_and_says_why(window, qtbot, wait_listing):
    library = window.context.library
    before = forty_issues(window, wait_listing)
    # An issue of another series with the number of one of the forty: the edit would
    # make the two twins, so none of the forty may change.
    other = next(s for s in library.series() if s.slug != before[0].series.slug)
    library.save(dataclasses.replace(before[7], id=None, series=other))
    dialog = BulkEditDialog(window, before)
    dialog.series.setCurrentIndex(dialog.series.findData(other.slug))
    dialog.add_topics.setText("Archive")
    steps = window.undo_stack.count()
    dialog.accept()
    wait_history(qtbot, window)
    assert not dialog.problem.isHidden()
    assert "is already in the library" in dialog.problem.text()
    assert window.undo_stack.count() == steps
    assert library.get_many([i.id for i in before]) == before
    assert dialog.buttons.isEnabled()  # another choice can be applied
    dialog.reject()
