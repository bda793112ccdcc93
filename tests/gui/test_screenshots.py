"""Screenshots of the main screens, saved in tests/output/gui/ for people to look at
(the README's picture is the English main window)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from bookstore.gui.dialogs.edit_dialog import EditDialog
from bookstore.gui.dialogs.export_dialog import ExportDialog
from bookstore.gui.dialogs.settings_dialog import set_language, set_theme
from bookstore.gui.main_window.import_summary import ImportDialog
from bookstore.gui.reader.reader import ReaderWindow
from bookstore.ingest.batch import ImportReport, Outcome
from bookstore.library.listing import Scope


def saved(path: Path, width: int, height: int) -> None:
    image = QImage(str(path))
    assert (image.width(), image.height()) == (width, height), path
    colours = {image.pixel(x, y) for x in range(0, width, 37) for y in range(0, height, 29)}
    assert len(colours) > 20, f"{path} looks empty"


def show_main(window, qtbot) -> None:
    window.resize(1360, 820)
    window.sidebar.choose(Scope())
    qtbot.waitUntil(lambda: not window.model.busy())
    window.select_row(0)
    covers = window.context.covers
    qtbot.waitUntil(lambda: not covers.busy(), timeout=20000)
    qtbot.wait(150)


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
def test_main_window(window, qtbot, screenshot, language):
    set_language(window, language)
    show_main(window, qtbot)
    saved(screenshot(window, f"main-{language}"), 1360, 820)


def test_main_window_high_contrast(window, qtbot, screenshot):
    set_theme(window, "high-contrast")
    try:
        show_main(window, qtbot)
        saved(screenshot(window, "main-high-contrast"), 1360, 820)
    finally:
        set_theme(window, "light")


@pytest.mark.parametrize(
    ("theme", "language"),
    [("light", "en"), ("dark", "en"), ("high-contrast", "en"), ("sepia", "ru"), ("light", "pl")],
)
def test_reader(window, qtbot, screenshot, theme, language):
    set_language(window, language)
    try:
        show_main(window, qtbot)
        library = window.context.library
        issue = next(
            i for i in library.list_issues() if i.language == language and len(i.sections) > 2
        )
        reader = ReaderWindow(window.context, issue, window)
        reader.theme_box.setCurrentIndex(reader.theme_box.findData(theme))
        reader.resize(820, 900)
        reader.show()
        qtbot.waitExposed(reader)
        reader.navigation.step_section(1)
        saved(screenshot(reader, f"reader-{theme}-{language}"), 820, 900)
        reader.theme_box.setCurrentIndex(reader.theme_box.findData("light"))
        reader.close()
    finally:
        set_language(window, "en")


def test_wide_reader(window, qtbot, screenshot):
    show_main(window, qtbot)
    reader = ReaderWindow(window.context, window.current_issue(), window)
    reader.resize(1600, 900)
    reader.show()
    qtbot.waitExposed(reader)
    saved(screenshot(reader, "reader-wide"), 1600, 900)
    reader.close()


def test_dialogs(window, qtbot, screenshot, tmp_path):
    show_main(window, qtbot)
    issue = window.current_issue()
    edit = EditDialog(window.context, issue, window)
    edit.show()
    qtbot.waitExposed(edit)
    screenshot(edit, "edit-dialog")
    edit.close()
    window.list.selectAll()
    export = ExportDialog(window.context, window.selected_ids(), window.model.listing, window)
    export.as_pdf.setChecked(True)
    export.destination.setText(str(Path.home() / "Documents" / "spotlight-2019.pdf"))
    export.show()
    qtbot.waitExposed(export)
    screenshot(export, "export-dialog")
    export.close()
    report = ImportReport(
        [
            Outcome(
                Path("pages/spotlight-2019-2.html"), "imported", 31, "PISM Spotlight no. 2/2019"
            ),
            Outcome(
                Path("pages/bulletin-2019-26.html"), "updated", 7, "PISM Bulletin no. 26 (1272)"
            ),
            Outcome(
                Path("pages/empty.html"), "failed", error="pages/empty.html: the file is empty"
            ),
            Outcome(
                Path("pages/photo.jpg.html"),
                "failed",
                error="pages/photo.jpg.html: this is binary data (an image?), not a publisher page",
            ),
        ]
    )
    summary = ImportDialog(window, [])
    summary._done(report)
    summary.show()
    qtbot.waitExposed(summary)
    screenshot(summary, "import-summary")
    summary.close()
