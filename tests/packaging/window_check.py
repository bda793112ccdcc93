"""Run by an installed Bookstore's Python (not the checkout's): open the window on a
library, show the Store view, and print what a user would see as JSON.

Usage: python -I window_check.py LIBRARY SETTINGS_FILE
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from bookstore.gui.app import application, open_window
from bookstore.gui.errors import install_excepthook
from bookstore.gui.settings import Settings
from bookstore.logs import log_file

WAIT_MS = 30_000


def report(app: QApplication, window, seen: dict) -> None:
    seen["dialogs"] = [
        box.text()
        for box in app.topLevelWidgets()
        if isinstance(box, QMessageBox) and box.isVisible()
    ]
    seen["views"] = sorted(window.views)
    if "store" in window.views:
        seen["store_current"] = window.centre.currentWidget() is window.views["store"].page()
        seen["store_visible"] = window.views["store"].page().isVisible()
    seen["log"] = log_file().read_text(encoding="utf-8") if log_file().exists() else ""
    app.quit()


def main(library: str, settings_file: str) -> int:
    app = application()
    install_excepthook(app)
    window = open_window(library, Settings.at(settings_file), app)
    seen: dict = {"store_shown": False}
    waited = {"ms": 0}

    def step() -> None:
        waited["ms"] += 100
        if "store" in window.views and not seen["store_shown"]:
            seen["rows"] = window.model.rowCount()
            seen["first_row"] = [
                str(window.model.index(0, column).data() or "")
                for column in range(window.model.columnCount())
            ]
            window.show_view("store")
            seen["store_shown"] = True
            QTimer.singleShot(1500, lambda: report(app, window, seen))
            return
        if waited["ms"] >= WAIT_MS:
            report(app, window, seen)
            return
        QTimer.singleShot(100, step)

    QTimer.singleShot(100, step)
    app.exec()
    print(json.dumps(seen))
    window.context.library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
