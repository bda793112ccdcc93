"""The reader's way around: the sections of an issue (a list to jump to, previous and
next section), how far the reader has got, and the previous and next issue of the
series in the same language."""

from __future__ import annotations

from babel.numbers import format_percent
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QStatusBar

from bookstore.gui.reader.reader_host import ReaderHost
from bookstore.gui.reader.reader_sections import Section, heading_top, section_at, sections
from bookstore.library.listing import Column, Listing, Scope, listing_ids
from bookstore.model import Issue


class ReaderNavigation(QObject):
    """Owns the reader's contents box, the section and issue actions and the progress
    line in its status bar."""

    def __init__(self, reader: ReaderHost) -> None:
        super().__init__(reader)
        self.reader = reader
        self.found: list[Section] = []
        self.series_ids: list[int] = []
        self.contents = QComboBox()
        self.contents.setObjectName("readerContents")
        self.contents.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.contents.setMinimumContentsLength(16)
        self.contents.activated.connect(self._chosen)
        self.contents_label = QLabel()
        self.contents_label.setBuddy(self.contents)
        self.contents_label.setContentsMargins(12, 0, 4, 0)
        self.previous_section = _action(reader, "Alt+Up", lambda: self.step_section(-1))
        self.next_section = _action(reader, "Alt+Down", lambda: self.step_section(1))
        self.previous_issue = _action(reader, "Alt+Left", lambda: self.step_issue(-1))
        self.next_issue = _action(reader, "Alt+Right", lambda: self.step_issue(1))
        self.progress = QLabel()
        self.progress.setObjectName("readerProgress")
        status = QStatusBar()
        status.setSizeGripEnabled(False)
        status.addPermanentWidget(self.progress)
        reader.setStatusBar(status)
        bar = reader.text.verticalScrollBar()
        bar.valueChanged.connect(lambda _value: self.update_progress())
        bar.rangeChanged.connect(lambda _low, _high: self.update_progress())  # laid out further
        self.progress.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def add_to(self, bar) -> None:
        bar.addSeparator()
        bar.addWidget(self.contents_label)
        bar.addWidget(self.contents)
        for action in (self.previous_section, self.next_section):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.previous_issue, self.next_issue):
            bar.addAction(action)
        for action in (
            self.previous_section,
            self.next_section,
            self.previous_issue,
            self.next_issue,
        ):
            bar.widgetForAction(action).setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def retranslate(self) -> None:
        self.contents_label.setText(self.tr("&Section:"))
        self.contents.setAccessibleName(self.tr("Sections of the issue"))
        self.contents.setToolTip(self.tr("Go to a section"))
        for action, text, tip in (
            (
                self.previous_section,
                self.tr("Previous Section"),
                self.tr("Previous section (Alt+Up)"),
            ),
            (self.next_section, self.tr("Next Section"), self.tr("Next section (Alt+Down)")),
            (
                self.previous_issue,
                self.tr("Previous Issue"),
                self.tr("Previous issue of the series (Alt+Left)"),
            ),
            (
                self.next_issue,
                self.tr("Next Issue"),
                self.tr("Next issue of the series (Alt+Right)"),
            ),
        ):
            action.setText(text)
            action.setToolTip(tip)
            button = self.reader.toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(text)
        # Short faces for the toolbar; the full text is their accessible name.
        self.previous_section.setIconText("↑")
        self.next_section.setIconText("↓")
        self.previous_issue.setIconText(self.tr("‹ Issue"))
        self.next_issue.setIconText(self.tr("Issue ›"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self._fill_contents()
        self.update_progress()

    # What the issue holds

    def issue_shown(self, issue: Issue) -> None:
        """Read the series' order of issues (ids only) for previous and next."""
        scope = Scope(series=issue.series.slug, language=issue.language)
        listing = Listing(scope=scope, sort=Column.SERIES, descending=False)
        self.series_ids = listing_ids(self.reader.context.library, listing)
        self._enable_issue_actions()

    def laid_out(self) -> None:
        """The text was set again: read its headings."""
        self.found = sections(self.reader.text.document())
        self._fill_contents()
        self.update_progress()

    def _fill_contents(self) -> None:
        self.contents.blockSignals(True)
        self.contents.clear()
        self.contents.addItem(self.tr("Beginning"))
        for section in self.found:
            self.contents.addItem(section.title)
        self.contents.blockSignals(False)
        self.contents.setEnabled(bool(self.found))

    # Moving

    def current(self) -> int:
        """The index of the section being read, -1 before the first."""
        text = self.reader.text
        top = text.verticalScrollBar().value() + text.viewport().height() / 3
        return section_at(text.document(), self.found, top)

    def go_to_section(self, index: int) -> None:
        text = self.reader.text
        top = 0.0 if index < 0 else heading_top(text.document(), self.found[index])
        self.reader.scroll_to(round(top))

    def step_section(self, step: int) -> None:
        target = self.current() + step
        if -1 <= target < len(self.found):
            self.go_to_section(target)

    def _chosen(self, row: int) -> None:
        self.go_to_section(row - 1)

    def _neighbour(self, step: int) -> int | None:
        issue_id = self.reader.issue.id
        if issue_id not in self.series_ids:
            return None
        index = self.series_ids.index(issue_id) + step
        return self.series_ids[index] if 0 <= index < len(self.series_ids) else None

    def step_issue(self, step: int) -> None:
        neighbour = self._neighbour(step)
        if neighbour is not None:
            self.reader.show_issue(self.reader.context.library.get(neighbour))

    def _enable_issue_actions(self) -> None:
        self.previous_issue.setEnabled(self._neighbour(-1) is not None)
        self.next_issue.setEnabled(self._neighbour(1) is not None)

    # Progress

    def update_progress(self) -> None:
        current = self.current() if self.found else -1
        self.previous_section.setEnabled(current >= 0)
        self.next_section.setEnabled(current + 1 < len(self.found))
        if (
            self.contents.count() == len(self.found) + 1
            and self.contents.currentIndex() != current + 1
        ):
            self.contents.blockSignals(True)
            self.contents.setCurrentIndex(current + 1)
            self.contents.blockSignals(False)
        language = self.reader.context.translations.language
        percent = format_percent(self.reader.reading_fraction(), locale=language)
        if self.found and current >= 0:
            where = self.tr("Section {current} of {count}").format(
                current=current + 1, count=len(self.found)
            )
            self.progress.setText(
                self.tr("{where} · {percent}").format(where=where, percent=percent)
            )
        else:
            self.progress.setText(percent)


def _action(reader: ReaderHost, key: str, slot) -> QAction:
    action = QAction(reader)
    action.setShortcut(QKeySequence(key))
    action.triggered.connect(slot)
    return action
