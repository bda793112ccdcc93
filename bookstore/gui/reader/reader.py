"""The reader: an issue typeset for reading, font smaller / default / bigger
(Ctrl+Minus, Ctrl+0, Ctrl+Plus), light, sepia, dark and high-contrast pages, find in
text (Ctrl+F), read aloud (reader_speech), and the place and font size remembered per
issue."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFont,
    QFontDatabase,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from bookstore.gui import settings as keys
from bookstore.gui.context import AppContext
from bookstore.gui.operations.writes import write
from bookstore.gui.reader.reader_layout import fit_on_screen, set_margins
from bookstore.gui.reader.reader_navigation import ReaderNavigation
from bookstore.gui.reader.reader_page import issue_html, point_size, reader_css
from bookstore.gui.reader.reader_quote import ReaderQuote
from bookstore.gui.reader.reader_speech import ReaderSpeech
from bookstore.gui.widgets.accessible import name_qt_parts
from bookstore.gui.widgets.themes import READER_COLOURS, READER_THEMES, reader_palette
from bookstore.library.reading import (
    MAX_FONT_STEP,
    MIN_FONT_STEP,
    ReadingState,
    reading_state,
    remember_reading,
)
from bookstore.model import Issue
from bookstore.resource_files import resource_path


class FindBar(QWidget):
    def __init__(self, reader: ReaderWindow) -> None:
        super().__init__(reader)
        self.reader = reader
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.previous = QPushButton()
        self.next = QPushButton()
        self.count = QLabel()
        self.close_button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setBuddy(self.field)
        layout.addWidget(self.label)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        layout.addWidget(self.count)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(lambda _t: reader.find(forward=True, fresh=True))
        self.field.returnPressed.connect(lambda: reader.find(forward=True))
        self.next.clicked.connect(lambda: reader.find(forward=True))
        self.previous.clicked.connect(lambda: reader.find(forward=False))
        self.close_button.clicked.connect(reader.close_find)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Find:"))
        self.field.setAccessibleName(self.tr("Find in the text"))
        self.previous.setText(self.tr("Previous"))
        self.previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next.setText(self.tr("Next"))
        self.next.setToolTip(self.tr("Next match (F3)"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the find bar"))
        self.count.setAccessibleName(self.tr("Matches"))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reader.close_find()
            return
        super().keyPressEvent(event)


class ReaderWindow(QMainWindow):
    def __init__(self, context: AppContext, issue: Issue, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.issue = issue
        self.setObjectName("reader")
        state = reading_state(context.library, issue.id or 0)
        self.font_step = state.font_step
        self.theme = context.settings.get(keys.READER_THEME)
        if self.theme not in READER_THEMES:
            self.theme = "light"
        self.text = QTextBrowser()
        self.text.setObjectName("readerText")
        self.text.setTabChangesFocus(True)
        self.text.setOpenExternalLinks(True)
        self.text.installEventFilter(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(body)
        self._toolbar()
        self.navigation = ReaderNavigation(self)
        self.navigation.add_to(self.toolbar)
        self.speech = ReaderSpeech(self)
        self._html = issue_html(issue)
        self.render()
        # The place to go back to, kept until the reader scrolls: the text is laid out a
        # little at a time, and each step that makes it longer moves the place.
        self._restore: float | None = state.position
        self._applying = False
        self._save_timer = QTimer(self, singleShot=True, interval=800)
        self._save_timer.timeout.connect(self.remember)
        bar = self.text.verticalScrollBar()
        bar.actionTriggered.connect(self._scrolled)  # the reader scrolled (wheel, keys, drag)
        bar.valueChanged.connect(self._moved)
        bar.rangeChanged.connect(self._range_changed)
        geometry = context.settings.get(keys.READER_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(820, 900)
        fit_on_screen(self)
        self.navigation.issue_shown(issue)
        self.quote = ReaderQuote(self)
        self.retranslate()

    def _toolbar(self) -> None:
        bar = QToolBar()
        bar.setObjectName("readerToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.smaller = QAction("A−", self)
        self.smaller.setShortcut(QKeySequence("Ctrl+-"))
        self.default_size = QAction("A", self)
        self.default_size.setShortcut(QKeySequence("Ctrl+0"))
        self.bigger = QAction("A+", self)
        self.bigger.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_next = QAction(self)
        self.find_next.setShortcut(QKeySequence("F3"))
        self.find_previous = QAction(self)
        self.find_previous.setShortcut(QKeySequence("Shift+F3"))
        self.close_action = QAction(self)
        self.close_action.setShortcuts(_distinct(QKeySequence.StandardKey.Close))
        self.escape_action = QAction(self)
        self.escape_action.setShortcut(QKeySequence("Esc"))
        self.escape_action.triggered.connect(self.escape)
        self.smaller.triggered.connect(lambda: self.set_font_step(self.font_step - 1))
        self.default_size.triggered.connect(lambda: self.set_font_step(0))
        self.bigger.triggered.connect(lambda: self.set_font_step(self.font_step + 1))
        self.find_action.triggered.connect(self.open_find)
        self.find_next.triggered.connect(lambda: self.find(forward=True))
        self.find_previous.triggered.connect(lambda: self.find(forward=False))
        self.close_action.triggered.connect(self.close)
        self.theme_box = QComboBox()
        self.theme_label = QLabel()
        self.theme_label.setBuddy(self.theme_box)
        self.theme_label.setContentsMargins(12, 0, 4, 0)
        self.theme_box.currentIndexChanged.connect(self._theme_chosen)
        for action in (self.smaller, self.default_size, self.bigger):
            bar.addAction(action)
        bar.addWidget(self.theme_label)
        bar.addWidget(self.theme_box)
        bar.addSeparator()
        bar.addAction(self.find_action)
        for action in (self.find_next, self.find_previous, self.close_action, self.escape_action):
            self.addAction(action)
        self.addToolBar(bar)
        self.toolbar = bar
        for action in (self.smaller, self.default_size, self.bigger, self.find_action):
            bar.widgetForAction(action).setFocusPolicy(Qt.FocusPolicy.TabFocus)  # no menu here

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("{label} — Reader").format(label=self.issue.label))
        self.smaller.setToolTip(self.tr("Smaller text (Ctrl+Minus)"))
        self.smaller.setStatusTip(self.tr("Smaller text"))
        self.default_size.setToolTip(self.tr("Default text size (Ctrl+0)"))
        self.bigger.setToolTip(self.tr("Bigger text (Ctrl+Plus)"))
        self.find_action.setText(self.tr("Find…"))
        self.find_action.setToolTip(self.tr("Find in the text (Ctrl+F)"))
        self.find_next.setText(self.tr("Find Next"))
        self.find_previous.setText(self.tr("Find Previous"))
        self.close_action.setText(self.tr("Close"))
        self.theme_label.setText(self.tr("&Page:"))
        names = {
            "light": self.tr("Light"),
            "sepia": self.tr("Sepia"),
            "dark": self.tr("Dark"),
            "high-contrast": self.tr("High contrast"),
        }
        self.theme_box.blockSignals(True)
        self.theme_box.clear()
        for key in READER_THEMES:
            self.theme_box.addItem(names[key], key)
        self.theme_box.setCurrentIndex(READER_THEMES.index(self.theme))
        self.theme_box.blockSignals(False)
        self.theme_box.setAccessibleName(self.tr("Page colours"))
        self.text.setAccessibleName(self.tr("Text of {label}").format(label=self.issue.label))
        for button_action, name in (
            (self.smaller, self.tr("Smaller text")),
            (self.default_size, self.tr("Default text size")),
            (self.bigger, self.tr("Bigger text")),
        ):
            button = self.toolbar.widgetForAction(button_action)
            if button is not None:
                button.setAccessibleName(name)
        find_button = self.toolbar.widgetForAction(self.find_action)
        if find_button is not None:
            find_button.setAccessibleName(self.tr("Find in the text"))
        self.find_bar.retranslate()
        self.navigation.retranslate()
        name_qt_parts(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Typesetting

    def render(self) -> None:
        """Lay the text out again in the current size and colours, keeping the place."""
        fraction = self._restore if getattr(self, "_restore", None) is not None else self.position()
        colours = READER_COLOURS[self.theme]
        document: QTextDocument = self.text.document()
        document.setDefaultStyleSheet(reader_css(self.theme))
        font = QFont(reading_family())
        # The default size follows the system's font size (a third bigger, for reading).
        system = QApplication.font().pointSizeF()
        font.setPointSizeF(point_size(self.font_step, base=(system if system > 0 else 10) * 1.3))
        document.setDefaultFont(font)
        palette = reader_palette(self.theme)
        palette.setColor(QPalette.ColorRole.Base, QColor(colours.background))
        palette.setColor(QPalette.ColorRole.Text, QColor(colours.text))
        self._colour_window()
        self.text.setPalette(palette)
        self._restore = fraction
        self.text.setHtml(self._html)
        self._set_measure()
        self.set_position(fraction)
        self.navigation.laid_out()
        if self.find_bar.isVisible():
            self._highlight_all(self.find_bar.field.text())

    def _colour_window(self) -> None:
        """The toolbar, scroll bars and find bar in the page's theme. Each widget is
        given the palette: under the application's style sheet, palettes set on a
        window do not reach its children."""
        chrome = reader_palette(self.theme)
        for widget in (self, *self.findChildren(QWidget)):
            if widget is not self.text.viewport():
                widget.setPalette(chrome)

    def eventFilter(self, watched, event: QEvent) -> bool:
        if watched is self.text and event.type() == QEvent.Type.Resize:
            self._set_measure()  # the text's own size: the window's is known earlier
        return super().eventFilter(watched, event)

    def _set_measure(self) -> None:
        """Keep lines to a comfortable length (about 75 characters): wide windows get
        wide side margins instead of long lines. The width is taken as if the scroll bar
        showed, so that it coming and going does not move the text."""
        width = self.text.contentsRect().width() - self.text.verticalScrollBar().sizeHint().width()
        set_margins(self.text.document(), width)

    def set_font_step(self, step: int) -> None:
        step = max(MIN_FONT_STEP, min(MAX_FONT_STEP, step))
        if step != self.font_step:
            self.font_step = step
            self.render()
            self.remember()

    def point_size(self) -> float:
        return self.text.document().defaultFont().pointSizeF()

    def _theme_chosen(self, index: int) -> None:
        self.theme = READER_THEMES[index]
        self.context.settings.set(keys.READER_THEME, self.theme)
        self.render()

    # Place

    def position(self) -> float:
        bar = self.text.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_position(self, fraction: float) -> None:
        bar = self.text.verticalScrollBar()
        self._applying = True
        try:
            bar.setValue(round(fraction * bar.maximum()))
        finally:
            self._applying = False

    def scroll_to(self, top: int) -> None:
        """Show the text from ``top`` pixels down, as if the reader had scrolled there."""
        self._restore = None
        self.text.verticalScrollBar().setValue(top)
        self._save_timer.start()

    def reading_fraction(self) -> float:
        """How far through the text the view is, 0 to 1 (1 when all of it shows)."""
        bar = self.text.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 1.0

    def show_issue(self, issue: Issue) -> None:
        """Read another issue in this window, at its own remembered place."""
        self.remember()
        self.speech.stop()
        self.issue = issue
        self._html = issue_html(issue)
        self._restore = reading_state(self.context.library, issue.id or 0).position
        self.render()
        self.navigation.issue_shown(issue)
        self.retranslate()
        QTimer.singleShot(0, self._go_back)

    def _scrolled(self, _action: int) -> None:
        self._restore = None  # their place is now wherever they scroll to
        self._save_timer.start()

    def _moved(self, _value: int) -> None:
        if not self._applying and self._restore is None:
            self._save_timer.start()

    def _range_changed(self, _low: int, high: int) -> None:
        if self._restore is not None and high > 0:
            self.set_position(self._restore)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._restore is not None:
            QTimer.singleShot(0, self._go_back)

    def _go_back(self) -> None:
        self._range_changed(0, self.text.verticalScrollBar().maximum())

    def remember(self) -> None:
        position = self._restore if self._restore is not None else self.position()
        state = ReadingState(position, self.font_step)
        issue_id = self.issue.id or 0
        write(
            self.context,
            lambda library: remember_reading(library, issue_id, state),
            lambda _none: None,
            lambda _error: None,  # a busy or read-only library: the place is not kept
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remember()
        self.context.settings.set(keys.READER_GEOMETRY, bytes(self.saveGeometry().data()))
        super().closeEvent(event)

    # Find

    def open_find(self) -> None:
        self.find_bar.show()
        self.find_bar.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_bar.field.selectAll()

    def escape(self) -> None:
        """Esc closes the find bar first, then the reader."""
        if self.find_bar.isVisible():
            self.close_find()
        else:
            self.close()

    def close_find(self) -> None:
        self.find_bar.hide()
        self.text.setExtraSelections([])
        self.text.setFocus()

    def find(self, forward: bool = True, fresh: bool = False) -> bool:
        needle = self.find_bar.field.text()
        count = self._highlight_all(needle)
        if not needle:
            return False
        if fresh:
            cursor = self.text.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.text.setTextCursor(cursor)
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
        found = self.text.find(needle, flags)
        if not found:  # wrap around
            cursor = self.text.textCursor()
            cursor.movePosition(
                QTextCursor.MoveOperation.Start if forward else QTextCursor.MoveOperation.End
            )
            self.text.setTextCursor(cursor)
            found = self.text.find(needle, flags)
        self._show_count(count, self._match_number() if found else 0)
        return found

    def _match_number(self) -> int:
        """Which of the highlighted matches is the one selected, from 1."""
        start = self.text.textCursor().selectionStart()
        for number, selection in enumerate(self.text.extraSelections(), start=1):
            if selection.cursor.selectionStart() == start:
                return number
        return 0

    def _highlight_all(self, needle: str) -> int:
        selections = []
        if needle:
            colours = READER_COLOURS[self.theme]
            style = QTextCharFormat()
            style.setBackground(QColor(colours.find))
            if self.theme == "high-contrast":
                style.setForeground(QColor("#ffffff"))
            cursor = self.text.document().find(needle)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = style
                selections.append(selection)
                cursor = self.text.document().find(needle, cursor)
        self.text.setExtraSelections(selections)
        return len(selections)

    def _show_count(self, count: int, number: int = 0) -> None:
        if not self.find_bar.field.text():
            self.find_bar.count.setText("")
        elif count == 0:
            self.find_bar.count.setText(self.tr("Not found"))
        else:
            self.find_bar.count.setText(
                self.tr("{number} of {count}").format(number=number, count=count)
                if number
                else self.tr("%n matches", "", count)
            )


def reading_family() -> str:
    """DejaVu Serif (shipped with the PDF fonts), loaded once into the application."""
    families = QFontDatabase.families()
    if "DejaVu Serif" not in families:
        for name in (
            "DejaVuSerif.ttf",
            "DejaVuSerif-Bold.ttf",
            "DejaVuSerif-Italic.ttf",
            "DejaVuSerif-BoldItalic.ttf",
        ):
            QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
    return "DejaVu Serif"


def _distinct(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """The key sequences, each once (a platform's standard key may repeat another)."""
    found: dict[str, QKeySequence] = {}
    for key in keys:
        sequences = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        for sequence in sequences:
            found.setdefault(sequence.toString(), sequence)
    return list(found.values())


def open_reader(context: AppContext, issue: Issue, parent: QWidget) -> ReaderWindow:
    """Open (or bring forward) the reader for ``issue``."""
    for child in parent.findChildren(ReaderWindow):
        if child.issue.id == issue.id and child.isVisible():
            child.raise_()
            child.activateWindow()
            return child
    reader = ReaderWindow(context, issue, parent)
    reader.show()
    return reader
