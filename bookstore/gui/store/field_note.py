"""An error shown beside the field it is about: a warning icon and red text under the
field, the field's accessible description set to the same sentence and the focus put
there, so that what was typed stays and the reader fixes it in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStyle, QWidget

# Red that keeps 4.5:1 on the light and on the dark window background.
LIGHT_RED, DARK_RED = "#a4161a", "#ff8a80"


class FieldNote(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field: QLineEdit | None = None
        self.icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(icon.pixmap(size, size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setObjectName("fieldError")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.hide()

    def show_for(self, field: QLineEdit | None, sentence: str) -> None:
        """Say ``sentence`` about ``field`` (None: about the whole dialog)."""
        self.clear()
        self.field = field
        dark = self.palette().window().color().lightness() < 128
        self.text.setStyleSheet(
            f"QLabel#fieldError {{ color: {DARK_RED if dark else LIGHT_RED}; }}"
        )
        self.text.setText(sentence)
        self.text.setAccessibleName(sentence)
        self.show()
        self._make_room()
        if field is not None:
            field.setAccessibleDescription(sentence)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            field.selectAll()

    def _make_room(self) -> None:
        """Grow the dialog to the height the wrapped sentence needs (never cut it)."""
        top = self.window()
        if top is self or top.layout() is None:
            return
        top.layout().activate()
        needed = top.heightForWidth(top.width())
        needed = needed if needed > 0 else top.sizeHint().height()
        if needed > top.height():
            top.resize(top.width(), needed)

    def clear(self) -> None:
        if self.field is not None:
            self.field.setAccessibleDescription("")
        self.field = None
        self.text.clear()
        self.hide()

    @property
    def sentence(self) -> str:
        return self.text.text()
