"""The reader's Copy as Quotation: the selected passage in quotation marks, the heading
of the section it is in, and the issue's citation in the style chosen in Settings
(“…passage…” (Section heading) — citation). Ctrl+C still copies the plain text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextDocument

from bookstore.citations.formats import cite
from bookstore.gui import settings as keys
from bookstore.gui.errors import show_error
from bookstore.gui.reader.reader_host import ReaderHost
from bookstore.model import Issue

QUOTE_SHORTCUT = "Ctrl+Shift+C"
PARAGRAPH_SEPARATOR = "\u2029"  # how QTextCursor.selectedText() ends a paragraph


def section_heading(issue: Issue, document: QTextDocument, position: int) -> str | None:
    """The heading of the issue's section that holds ``position`` (None in the lead)."""
    headings = {section.heading.strip() for section in issue.sections if section.heading}
    block = document.findBlock(position)
    while block.isValid():
        if block.text().strip() in headings:
            return block.text().strip()
        block = block.previous()
    return None


def quotation(passage: str, heading: str | None, citation: str) -> str:
    text = " ".join(passage.replace(PARAGRAPH_SEPARATOR, " ").split())
    where = f" ({heading})" if heading else ""
    return f"“{text}”{where} — {citation}"


class ReaderQuote(QObject):
    def __init__(self, reader: ReaderHost) -> None:
        super().__init__(reader)
        self.reader = reader
        self.action = QAction(reader)
        self.action.setShortcut(QKeySequence(QUOTE_SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.copy_quotation)
        reader.addAction(self.action)
        text = reader.text
        text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        text.customContextMenuRequested.connect(self._menu)
        text.copyAvailable.connect(self.action.setEnabled)
        self.action.setEnabled(text.textCursor().hasSelection())
        reader.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.action.setText(self.tr("Copy as &Quotation"))
        self.action.setToolTip(
            self.tr("Copy the passage with its section and the issue's citation (%1)").replace(
                "%1", QUOTE_SHORTCUT
            )
        )

    def copy_quotation(self) -> str:
        """Put the selection on the clipboard as a quotation; returns what was put there."""
        cursor = self.reader.text.textCursor()
        if not cursor.hasSelection():
            return ""
        issue = self.reader.issue
        settings = self.reader.context.settings
        try:
            citation = cite(
                [issue],
                "text",
                style=settings.get(keys.CITATION_STYLE),
                language=settings.get(keys.CITATION_LANGUAGE) or None,
            ).strip()
        except Exception as error:  # a style that is no longer installed
            show_error(self.reader, error, self.tr("Copy as Quotation"))
            return ""
        heading = section_heading(issue, self.reader.text.document(), cursor.selectionStart())
        text = quotation(cursor.selectedText(), heading, citation)
        QGuiApplication.clipboard().setText(text)
        return text

    def _menu(self, position: QPoint) -> None:
        text = self.reader.text
        menu = text.createStandardContextMenu(position)
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.action)
        menu.insertSeparator(first)
        menu.exec(text.viewport().mapToGlobal(position))
        menu.deleteLater()
