"""The list's Title cell in two lines: the title, and under it the series and number
in a quieter colour, so the column that matters most gets the room."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
_PADDING = 6

AnyIndex = QModelIndex | QPersistentModelIndex


class TitleDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        title, subtitle = option.text, index.data(SUBTITLE_ROLE) or ""
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        quiet_role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        area = option.rect.adjusted(_PADDING, 3, -_PADDING, -3)
        bold = QFont(option.font)
        bold.setBold(True)
        bold_metrics, metrics = QFontMetrics(bold), QFontMetrics(option.font)
        top = area.top() + (area.height() - bold_metrics.height() - metrics.height()) // 2
        painter.save()
        painter.setFont(bold)
        painter.setPen(option.palette.color(group, text_role))
        first = QRect(area.left(), top, area.width(), bold_metrics.height())
        painter.drawText(first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()))  # fmt: skip
        painter.setFont(option.font)
        painter.setPen(option.palette.color(group, quiet_role))
        second = QRect(area.left(), first.bottom() + 1, area.width(), metrics.height())
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, area.width()))  # fmt: skip
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), QFontMetrics(option.font).height() * 2 + 10)
