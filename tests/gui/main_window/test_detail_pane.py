"""The detail pane: screen readers hear each field's value, and no word is cut at the
pane's edge."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QAccessible

from bookstore.gui.main_window.detail_pane import ZERO_WIDTH_SPACE


def heard(widget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name)


def test_the_fields_are_heard_with_their_values(window, qtbot):
    window.select_row(0)
    issue = window.current_issue()
    view = window.detail.issue_view
    number, date, price = (view.fields[key][1] for key in ("number", "date", "price"))
    assert heard(number) == f"Number: {issue.number_label}"
    assert heard(date) == f"Published: {window.context.formats.long_date(issue.date)}"
    assert heard(price) == f"Price: {price.text()}" and price.text()
    topics = view.fields["topics"][1]
    assert heard(topics) == "Topics: " + ", ".join(issue.topics)
    assert "<a" not in heard(topics)


def test_the_status_bar_is_heard_as_the_count_it_shows(window, qtbot):
    total = window.context.library.count()
    window.list.clearSelection()
    assert heard(window.count_label) == f"{total} issues"
    window.select_row(0)
    assert heard(window.count_label) == f"{total} issues · 1 selected"


def test_a_word_wider_than_the_pane_is_not_cut_but_scrolled_to(window, qtbot):
    window.select_row(0)
    issue = window.current_issue()
    word = "стабилизировать" * 4
    view = window.detail.issue_view
    view.show_issue(dataclasses.replace(issue, title=f"Как {word} рынок"))
    window.splitter.setSizes([200, 2000, 100])
    title = view.title
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0)
    assert title.width() >= title.fontMetrics().horizontalAdvance(word)
    assert view.viewport().width() < title.width()
    view.show_issue(issue)


def test_a_long_address_wraps_and_is_heard_without_break_marks(window, qtbot):
    library = window.context.library
    issue = next(i for i in library.list_issues() if i.source_url)
    window.show_issue_id(issue.id)
    source = window.detail.issue_view.fields["source"][1]
    assert ZERO_WIDTH_SPACE in source.text()
    assert f'href="{issue.source_url}"' in source.text()
    assert heard(source) == f"Source: {issue.source_url}"
