"""Names for the small controls Qt makes by itself (a line edit's clear button, a
toolbar's "more" button), which screen readers otherwise announce without a name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QToolBar, QToolButton, QWidget


def name_qt_parts(root: QWidget) -> None:
    """Name the clear buttons and toolbar extension buttons under ``root``."""
    for edit in root.findChildren(QLineEdit):
        for button in edit.findChildren(QToolButton):
            button.setAccessibleName(QCoreApplication.translate("QtParts", "Clear the field"))
    for toolbar in root.findChildren(QToolBar):
        for button in toolbar.findChildren(QToolButton):
            if button.objectName() == "qt_toolbar_ext_button":
                button.setAccessibleName(QCoreApplication.translate("QtParts", "More tools"))
