"""The About box says the version the package has (``bookstore.__version__``)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from bookstore import __version__
from bookstore.gui.dialogs.about import AboutDialog


def test_the_about_box_says_the_version(qtbot, window) -> None:
    about = AboutDialog(window)
    qtbot.addWidget(about)
    texts = " ".join(label.text() for label in about.findChildren(QLabel))
    assert f"Bookstore {__version__}" in texts
