"""Where the reader's text sits: a comfortable measure with margins at the sides only,
and a window that fits on its screen."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QTextDocument
from PySide6.QtWidgets import QWidget

MEASURE_CHARACTERS = 75
MIN_SIDE_MARGIN = 28.0
TOP_MARGIN = 28.0
# Room left for the window manager's frame and title bar, unknown before showing.
FRAME_ALLOWANCE = 48


def side_margin(document: QTextDocument, width: float) -> float:
    """The left and right margin that keeps lines to about 75 characters."""
    measure = QFontMetricsF(document.defaultFont()).averageCharWidth() * MEASURE_CHARACTERS
    return max(MIN_SIDE_MARGIN, (width - measure) / 2)


def set_margins(document: QTextDocument, width: float) -> None:
    """Wide pages get wide side margins; the top and bottom stay the same."""
    root = document.rootFrame()
    frame = root.frameFormat()
    side = side_margin(document, width)
    if (
        abs(frame.leftMargin() - side) <= 1
        and frame.topMargin() == TOP_MARGIN
        and frame.bottomMargin() == TOP_MARGIN
    ):
        return
    frame.setTopMargin(TOP_MARGIN)
    frame.setBottomMargin(TOP_MARGIN)
    frame.setLeftMargin(side)
    frame.setRightMargin(side)
    root.setFrameFormat(frame)


def fit_on_screen(window: QWidget) -> None:
    """Shrink and move ``window`` so that all of it is on the screen it opens on."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    window.setGeometry(fitted(window.geometry(), screen.availableGeometry()))


def fitted(geometry: QRect, available: QRect) -> QRect:
    width = min(geometry.width(), available.width())
    height = min(geometry.height(), max(200, available.height() - FRAME_ALLOWANCE))
    left = min(max(geometry.left(), available.left()), available.right() + 1 - width)
    top_limit = available.bottom() + 1 - height - FRAME_ALLOWANCE
    top = min(
        max(geometry.top(), available.top() + FRAME_ALLOWANCE // 2), max(top_limit, available.top())
    )
    return QRect(left, top, width, height)
