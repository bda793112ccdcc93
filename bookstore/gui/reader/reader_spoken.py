"""The sentence being read aloud in the reader's text: where reading starts, its
highlight (kept beside Find's matches) and scrolling to keep it in view."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextBrowser, QTextEdit

from bookstore.gui.widgets.themes import READER_COLOURS
from bookstore.speech.sentences import Sentence

# Marks the extra selection that is the spoken sentence.
SPOKEN = QTextFormat.Property.UserProperty + 1


def first_in_view(text: QTextBrowser, sentences: list[Sentence]) -> int:
    """The sentence of the selection, else the first one at the top of the view."""
    cursor = text.textCursor()
    if cursor.hasSelection():
        position = cursor.selectionStart()
    elif text.verticalScrollBar().value() == 0:
        return 0
    else:
        position = text.cursorForPosition(QPoint(text.viewport().width() // 2, 0)).position()
    return next((i for i, s in enumerate(sentences) if s.end > position), 0)


def highlight(text: QTextBrowser, sentence: Sentence | None, theme: str) -> None:
    """Light ``sentence`` (None: none) as the last extra selection; Find's stay."""
    kept = [s for s in text.extraSelections() if not s.format.hasProperty(SPOKEN)]
    if sentence is not None:
        style = QTextCharFormat()
        style.setBackground(QColor(READER_COLOURS[theme].find))
        style.setFontUnderline(True)  # told apart from Find's matches
        if theme == "high-contrast":
            style.setForeground(QColor("#ffffff"))
        style.setProperty(SPOKEN, True)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(text.document())
        selection.cursor.setPosition(sentence.start)
        selection.cursor.setPosition(sentence.end, QTextCursor.MoveMode.KeepAnchor)
        selection.format = style
        kept.append(selection)
    text.setExtraSelections(kept)


def spoken_text(text: QTextBrowser) -> str:
    """The highlighted sentence as the reader shows it ("" when none is)."""
    for selection in text.extraSelections():
        if selection.format.hasProperty(SPOKEN):
            return selection.cursor.selectedText()
    return ""


def scroll_needed(text: QTextBrowser, sentence: Sentence) -> int | None:
    """The scroll position that puts the sentence a third of the way down, or None when
    it is already well in view."""
    cursor = QTextCursor(text.document())
    cursor.setPosition(sentence.start)
    top = text.cursorRect(cursor).top()
    height = text.viewport().height()
    if 0 <= top <= height * 0.75:
        return None
    return max(0, text.verticalScrollBar().value() + top - height // 3)
