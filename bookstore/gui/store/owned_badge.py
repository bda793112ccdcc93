"""The check-mark badge drawn on the cover of an issue the reader owns."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

BADGE_GREEN = QColor("#1b5e20")  # white on it: 7.9:1


def with_badge(cover: QPixmap) -> QPixmap:
    """A copy of ``cover`` with a white check mark in a green disc at its top right."""
    badge = QPixmap(cover)
    size = max(14.0, min(badge.width(), badge.height()) * 0.36)
    disc = QRectF(badge.width() - size - 2, 2, size, size)
    painter = QPainter(badge)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), 1.5))
    painter.setBrush(BADGE_GREEN)
    painter.drawEllipse(disc)
    tick = QPainterPath(QPointF(disc.left() + size * 0.27, disc.top() + size * 0.52))
    tick.lineTo(QPointF(disc.left() + size * 0.44, disc.top() + size * 0.7))
    tick.lineTo(QPointF(disc.left() + size * 0.74, disc.top() + size * 0.32))
    pen = QPen(QColor("white"), max(2.0, size * 0.13))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)
    painter.end()
    return badge
