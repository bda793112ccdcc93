"""The search field: the whole query language, completion of field names and values,
and a query's problem shown under the place it is, not in a dialog."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCompleter,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionFrame,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bookstore.library.search.query import FIELDS

# The position a query mistake names, in each of the window's languages.
_POSITION = re.compile(r"(?:position|pozycji|позиции) (\d+)")
_TOKEN_START = re.compile(r'[^\s()"]*$')

ValuesFor = Callable[[str, str], list[str]]  # (field, prefix) -> values


class QueryEdit(QLineEdit):
    """A line edit that completes the word at the cursor: field names, then values."""

    def __init__(self, values_for: ValuesFor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values_for = values_for
        self.choices = QStringListModel(self)
        self.completer_ = QCompleter(self.choices, self)
        self.completer_.setWidget(self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.activated.connect(self._insert)
        # Filters run newest first: this one sees Tab before the completer does.
        self.completer_.popup().installEventFilter(self)
        self.textEdited.connect(self._suggest)
        self._placeholders = ("", "")

    def set_placeholders(self, full: str, short: str) -> None:
        """Show ``full`` when it fits the field, else ``short``, which always fits: the
        field is never narrower than it."""
        self._placeholders = (full, short)
        chrome = self.width() - self._room()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(short) + chrome + 2)
        self._fit_placeholder()

    def _room(self) -> int:
        """The width the text and the placeholder get: the field less its frame, its
        margins and the clear button's place (kept even while the button is hidden)."""
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        contents = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        right = contents.right() + 1
        for button in self.findChildren(QToolButton):
            right = min(right, button.x())
        margins = self.textMargins()
        return right - contents.left() - margins.left() - margins.right() - 4  # 2 px each side

    def _fit_placeholder(self) -> None:
        full, short = self._placeholders
        fits = self.fontMetrics().horizontalAdvance(full) <= self._room()
        self.setPlaceholderText(full if fits else short)
        self.setToolTip("" if fits else full)  # the whole hint, when only the short one shows

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_placeholder()

    def _token(self) -> tuple[int, str]:
        before = self.text()[: self.cursorPosition()]
        match = _TOKEN_START.search(before)
        word = match.group() if match else ""
        return self.cursorPosition() - len(word), word

    def suggestions(self) -> list[str]:
        _start, word = self._token()
        word = word.lstrip("-")
        if ":" in word:
            field, _, prefix = word.partition(":")
            if field.lower() not in FIELDS:
                return []
            values = self.values_for(field.lower(), prefix.strip('"'))
            return [f"{field}:{_quote(v)}" for v in values if v.casefold() != prefix.casefold()]
        if len(word) < 1:
            return []
        return [f"{name}:" for name in FIELDS if name.startswith(word.lower()) and name != word]

    def _suggest(self, _text: str) -> None:
        found = self.suggestions()
        popup = self.completer_.popup()
        if not found:
            popup.hide()
            return
        self.choices.setStringList(found)
        self.completer_.setCompletionPrefix("")
        rect = self.cursorRect()
        rect.setWidth(max(220, popup.sizeHintForColumn(0) + 24))
        self.completer_.complete(rect)

    def _insert(self, choice: str) -> None:
        start, word = self._token()
        dash = "-" if word.startswith("-") else ""
        text = self.text()
        end = self.cursorPosition()
        spacer = "" if choice.endswith(":") else " "
        self.setText(text[:start] + dash + choice + spacer + text[end:].lstrip())
        self.setCursorPosition(start + len(dash + choice + spacer))
        self.textEdited.emit(self.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab takes the chosen completion, or the first when none is chosen (the
        completer alone would only close the list)."""
        popup = self.completer_.popup()
        if (
            watched is popup
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Tab
            and popup.isVisible()
        ):
            current = popup.currentIndex()
            row = current.row() if current.isValid() else 0
            choices = self.choices.stringList()
            popup.hide()
            if 0 <= row < len(choices):
                self._insert(choices[row])
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer_.popup()
        if popup.isVisible() and event.key() in (
            Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Escape
        ):  # fmt: skip
            event.ignore()  # the completer takes these
            return
        super().keyPressEvent(event)


def _quote(value: str) -> str:
    return f'"{value}"' if re.search(r'[\s()"]', value) else value


class SearchField(QWidget):
    """The query field and, under it, what is wrong with the query (when something is)."""

    query_changed = Signal(str)

    def __init__(self, values_for: ValuesFor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QueryEdit(values_for, self)
        self.edit.setClearButtonEnabled(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("queryProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        self.edit.textChanged.connect(self.query_changed.emit)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.set_placeholders(
            self.tr('Search: words, "phrases", series:, author:, topic:, year:, lang:, owned:'),
            self.tr("Search"),
        )
        self.edit.setAccessibleName(self.tr("Search the library"))
        self.edit.setAccessibleDescription(
            self.tr(
                "Type words to find; field names like series: or author: narrow the search; the list updates as you type"
            )
        )

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def show_problem(self, message: str) -> None:
        """Show ``message`` under the field, its arrow under the position it names."""
        match = _POSITION.search(message)
        indent = 0
        if match:
            position = max(0, int(match.group(1)) - 1)
            metrics = self.edit.fontMetrics()
            margins = self.edit.textMargins()
            indent = 6 + margins.left() + metrics.horizontalAdvance(self.edit.text()[:position])
            indent = min(indent, max(0, self.edit.width() - 40))
        text = message[:1].upper() + message[1:]
        self.problem.setText(f"▲ {_escape(text)}")
        self.problem.setContentsMargins(indent, 0, 0, 0)
        self.problem.setAccessibleName(text)
        self.problem.show()
        self.edit.setProperty("invalid", True)
        self.edit.style().polish(self.edit)
        self.edit.setAccessibleDescription(text)

    def clear_problem(self) -> None:
        if self.problem.isVisible():
            self.problem.hide()
            self.edit.setProperty("invalid", False)
            self.edit.style().polish(self.edit)
            self.retranslate()

    def has_problem(self) -> bool:
        return not self.problem.isHidden()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
