"""``bookstore FILE...`` (the desktop entry's *Open with Bookstore*): the window opens and
imports the files, showing the import summary; the window is the one the desktop
entry names."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from bookstore import APP_ID
from bookstore.cli.main import build_parser, command_names, main
from bookstore.cli.open_files import split_files
from bookstore.desktop_entry import DESKTOP_ENTRY, desktop_folder
from bookstore.gui import app as gui_app
from bookstore.resource_files import resource_path
from tests.gui.conftest import close_context, close_window
from tests.ingest.epub.book_makers import ebooklib_epub

COMMANDS = command_names(build_parser())
TEXT = {
    "lead": "Ministers of the Baltic states met in Tallinn on Monday.",
    "heading": "What comes next?",
    "body": "The ports will be linked by a new ferry line.",
    "more": "Talks go on in the spring.",
}


def publisher_pdf(path: Path) -> Path:
    """A one-page PDF of a Bulletin issue, laid out as a publisher would."""
    pdfmetrics.registerFont(TTFont("OpenSans", str(resource_path("fonts", "DejaVuSans.ttf"))))
    page = canvas.Canvas(str(path), pagesize=A4)
    y = 780
    for size, text in [
        (9, "PISM Bulletin No. 77 (2301)"),
        (18, "Offshore Wind in the Baltic Sea"),
        (10, "Jan Nowak"),
        (9, "12 May 2022"),
        (10, "Wind farms at sea will give the region a fifth of its power."),
        (12, "What does it mean for Poland?"),
        (10, "Poland will build its first farms north of Łeba."),
    ]:
        page.setFont("OpenSans", size)
        page.drawString(60, y, text)
        y -= size * 2.2
    page.showPage()
    page.save()
    return path


@pytest.mark.parametrize(
    ("arguments", "options", "files"),
    [
        (["search", "nuclear"], ["search", "nuclear"], []),
        (["--library", "lib", "list"], ["--library", "lib", "list"], []),
        (["a.epub", "b.PDF"], [], ["a.epub", "b.PDF"]),
        (["--library", "lib", "a.epub"], ["--library", "lib"], ["a.epub"]),
        (["--library=lib", "a.epub"], ["--library=lib"], ["a.epub"]),
        (["a.epub", "--library", "lib", "b.pdf"], ["--library", "lib"], ["a.epub", "b.pdf"]),
        (["--", "-odd.epub"], [], ["-odd.epub"]),
        (["serch"], ["serch"], []),  # a misspelt command stays a command (argparse says so)
        ([], [], []),
    ],
)
def test_files_are_told_from_commands(arguments, options, files):
    assert split_files(arguments, COMMANDS) == (options, files)


def test_an_existing_file_of_any_kind_is_a_file(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text("<html></html>")
    assert split_files([str(page), str(tmp_path)], COMMANDS) == ([], [str(page), str(tmp_path)])


def test_files_and_library_reach_the_window(tmp_path: Path, monkeypatch):
    opened = []
    monkeypatch.setattr(gui_app, "run", lambda library, files: opened.append((library, files)))
    epub, pdf = tmp_path / "a.epub", tmp_path / "b.pdf"
    epub.write_bytes(b"x")
    pdf.write_bytes(b"x")
    main(["--library", str(tmp_path / "lib"), str(epub), str(pdf)])
    assert opened == [(str(tmp_path / "lib"), [epub, pdf])]


def test_a_missing_file_is_one_sentence_and_no_window(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(gui_app, "run", lambda *_: pytest.fail("the window opened"))
    present = tmp_path / "present.epub"
    present.write_bytes(b"x")
    missing = tmp_path / "missing.pdf"
    assert main([str(present), str(missing)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"bookstore: {missing}: there is no such file to open\n"
    assert captured.out == ""


def test_the_window_opens_with_two_files_imported_and_the_summary(
    qtbot, qapp, tmp_path: Path, gui_settings
):
    epub = ebooklib_epub(
        tmp_path / "ferries.epub",
        title="Ferries of the Baltic",
        language="en",
        authors=["Ewa Lis"],
        text=TEXT,
        series=("PISM Spotlight", "88"),
    )
    pdf = publisher_pdf(tmp_path / "wind.pdf")
    window = gui_app.open_window(tmp_path / "library", gui_settings, qapp, [epub, pdf])
    try:
        status = window.import_status  # the import runs in the status bar
        qtbot.waitUntil(
            lambda: status.run is not None and status.run.outcome == "done", timeout=30000
        )
        dialog = window.import_status.open_summary()  # the status bar's Details
        assert dialog is not None and dialog.outcome == "done"
        assert dialog.isVisible()
        assert [o.path for o in dialog.report.outcomes] == [epub, pdf]
        assert [o.status for o in dialog.report.outcomes] == ["imported", "imported"]
        assert dialog.heading.text() == "2 imported, 0 updated, 0 failed"
        assert dialog.detail.text().startswith("Every file was imported.")
        assert dialog.show_button.isVisible()
        titles = {window.context.library.get(o.issue_id).title for o in dialog.report.outcomes}
        assert titles == {"Ferries of the Baltic", "Offshore Wind in the Baltic Sea"}
        qtbot.waitUntil(lambda: window.model.rowCount() == window.context.library.count())
        dialog.close()
    finally:
        close_window(window)
        close_context(window.context)


def test_the_application_is_the_one_the_desktop_entry_names(qapp: QApplication):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(desktop_folder() / DESKTOP_ENTRY, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert qapp.desktopFileName() == APP_ID == DESKTOP_ENTRY.removesuffix(".desktop")
    # X11 names a Qt window's class after the application.
    assert qapp.applicationName() == entry["StartupWMClass"]
    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(16, 16).width() == 16
    assert {size.width() for size in icon.availableSizes()} >= {16, 48, 256}
