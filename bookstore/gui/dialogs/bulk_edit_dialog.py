"""Editing many issues at once: set their series or language, add or remove topics.
The change is one step of the undo history (Ctrl+Z gives every issue back)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from bookstore.errors import BookstoreError
from bookstore.gui.i18n.core_words import said
from bookstore.gui.models.issue_model import language_name
from bookstore.gui.window import LibraryWindow
from bookstore.library.editing import IssueEdit
from bookstore.model import LANGUAGES, Issue


class BulkEditDialog(QDialog):
    def __init__(self, window: LibraryWindow, issues: list[Issue]) -> None:
        super().__init__(window)
        self.window_, self.issues = window, issues
        self.context = window.context
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.series = QComboBox()
        self.language = QComboBox()
        self.add_topics = QLineEdit()
        self.remove_topics = QListWidget()
        for topic in sorted({t for issue in issues for t in issue.topics}, key=str.casefold):
            item = QListWidgetItem(topic)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.remove_topics.addItem(item)
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(
            self.labels,
            (self.series, self.language, self.add_topics, self.remove_topics),
            strict=True,
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        count = len(self.issues)
        self.setWindowTitle(self.tr("Edit %n Issues", "", count))
        self.heading.setText(
            self.tr("What you set here changes all %n issues chosen; the rest stays.", "", count)
        )
        for label, text in zip(
            self.labels,
            (
                self.tr("&Series:"),
                self.tr("&Language:"),
                self.tr("&Add topics:"),
                self.tr("&Remove topics:"),
            ),
            strict=True,
        ):
            label.setText(text)
        keep = self.tr("(leave as it is)")
        ui = self.context.formats.language
        self._fill(
            self.series,
            keep,
            [(s.name_in(ui), s.slug) for s in self.context.library.series()],
        )
        named = [(language_name(code, ui), code) for code in LANGUAGES]
        self._fill(self.language, keep, [(f"{n[:1].upper()}{n[1:]} ({c})", c) for n, c in named])
        self.add_topics.setPlaceholderText(self.tr("Topics separated by commas"))
        self.remove_topics.setAccessibleName(self.tr("Topics to remove"))
        self.apply_button.setText(self.tr("Apply"))

    @staticmethod
    def _fill(box: QComboBox, keep: str, items: list[tuple[str, str]]) -> None:
        chosen = box.currentData()
        box.clear()
        box.addItem(keep, None)
        for text, data in items:
            box.addItem(text, data)
        box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def edit(self) -> IssueEdit:
        added = tuple(
            dict.fromkeys(t.strip() for t in self.add_topics.text().split(",") if t.strip())
        )
        removed = tuple(
            self.remove_topics.item(row).text()
            for row in range(self.remove_topics.count())
            if self.remove_topics.item(row).checkState() == Qt.CheckState.Checked
        )
        return IssueEdit(
            series=self.series.currentData(),
            language=self.language.currentData(),
            add_topics=added,
            remove_topics=removed,
        )

    def accept(self) -> None:
        edit = self.edit()
        if edit.is_empty():
            super().accept()
            return
        self.buttons.setEnabled(False)
        self.window_.controller.edit_many(
            self.issues, edit, on_done=self._saved, on_error=self._not_saved
        )

    def _saved(self, ids: list[int]) -> None:
        self.buttons.setEnabled(True)
        self.window_.refresh_after_change(ids)
        super().accept()

    def _not_saved(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, BookstoreError):
            self.window_.history.failed(error)
            return
        text = said(error)
        self.problem.setText(text[:1].upper() + text[1:])
        self.problem.show()
