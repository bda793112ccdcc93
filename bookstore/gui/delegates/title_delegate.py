"""The list's Title cell: the title, under it the series and number in a quieter
colour, so the column that matters most gets the room; during a full-text search a
third line shows the issue's snippet with the words found marked."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3  # hits wrapped in \x02 ... \x03
_PADDING = 6
_SEGMENT = re.compile("\x02([^\x03]*)\x03?|([^\x02]+)")
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

AnyIndex = QModelIndex | QPersistentModelIndex


def snippet_segments(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, is a hit) pieces, in order."""
    return [(text, False) if text else (hit, True)
            for hit, text in _SEGMENT.findall(snippet) if hit or text]  # fmt: skip


def _lines_height(bold: QFontMetrics, metrics: QFontMetrics, snippet: bool) -> int:
    """The height of the cell's text: a bold line, a quiet one, and the snippet's."""
    return bold.height() + metrics.height() * (2 if snippet else 1)


def _metrics(font: QFont) -> tuple[QFont, QFontMetrics, QFontMetrics]:
    bold = QFont(font)
    bold.setBold(True)
    return bold, QFontMetrics(bold), QFontMetrics(font)


class TitleDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        title, subtitle = option.text, index.data(SUBTITLE_ROLE) or ""
        snippet = index.data(SNIPPET_ROLE)
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
        bold, bold_metrics, metrics = _metrics(option.font)
        top = area.top() + (area.height() - _lines_height(bold_metrics, metrics, snippet is not None)) // 2  # fmt: skip
        painter.save()
        painter.setFont(bold)
        painter.setPen(option.palette.color(group, text_role))
        first = QRect(area.left(), top, area.width(), bold_metrics.height())
        painter.drawText(first, _LEFT, bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()))  # fmt: skip
        painter.setFont(option.font)
        painter.setPen(option.palette.color(group, quiet_role))
        second = QRect(area.left(), first.bottom() + 1, area.width(), metrics.height())
        painter.drawText(second, _LEFT, metrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, area.width()))  # fmt: skip
        if snippet:
            third = QRect(area.left(), second.bottom() + 1, area.width(), metrics.height())
            self._paint_snippet(painter, option, group, selected, third, snippet)
        painter.restore()

    def _paint_snippet(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        group: QPalette.ColorGroup,
        selected: bool,
        line: QRect,
        snippet: str,
    ) -> None:
        """The snippet on one line, cut with "…" at the cell's edge (and before the
        first hit when the hit would not fit). A hit is bold on the theme's highlight
        colour (on a selected row, whose background that is already, bold and
        underlined): both pairs are among the theme's checked ones."""
        palette = option.palette
        text = palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)  # fmt: skip
        hit_text = palette.color(group, QPalette.ColorRole.HighlightedText)
        hit_back = palette.color(group, QPalette.ColorRole.Highlight)
        hit_font = QFont(option.font)
        hit_font.setBold(True)
        hit_font.setUnderline(selected)
        x, right = line.left(), line.right() + 1
        pieces = _hit_in_view(snippet_segments(snippet), QFontMetrics(option.font),
                              QFontMetrics(hit_font), line.width())  # fmt: skip
        for piece, hit in pieces:
            font = hit_font if hit else option.font
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(piece)
            if x + width > right:
                piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, right - x)
                width = metrics.horizontalAdvance(piece)
            box = QRect(x, line.top(), width, line.height())
            if hit and not selected:
                painter.fillRect(box, hit_back)
            painter.setFont(font)
            painter.setPen(hit_text if hit else text)
            painter.drawText(box, _LEFT, piece)
            x += width
            if x >= right:
                break

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        snippet = index.data(SNIPPET_ROLE) is not None
        _bold, bold_metrics, metrics = _metrics(option.font)
        return QSize(size.width(), _lines_height(bold_metrics, metrics, snippet) + 10)


def _hit_in_view(
    pieces: list[tuple[str, bool]], metrics: QFontMetrics, hit_metrics: QFontMetrics, width: int
) -> list[tuple[str, bool]]:
    """``pieces`` with the text before the first hit cut from the left (to a quarter
    of ``width``) when the hit would otherwise fall past the cell's edge."""
    if len(pieces) < 2 or pieces[0][1]:
        return pieces
    before, first_hit = pieces[0][0], pieces[1][0]
    if metrics.horizontalAdvance(before) + hit_metrics.horizontalAdvance(first_hit) <= width:
        return pieces
    kept = metrics.elidedText(before, Qt.TextElideMode.ElideLeft, width // 4)
    space = kept.find(" ", 1)  # from a word's start, not its middle
    return [(f"…{kept[space:]}" if space > 0 else kept, False), *pieces[1:]]
