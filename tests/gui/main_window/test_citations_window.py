"""Copy Citation and Export Citations… in the window, and the citation settings."""

from __future__ import annotations

import bibtexparser
import rispy
from PySide6.QtWidgets import QApplication

from bookstore.citations.formats import cite
from bookstore.gui import settings as keys
from bookstore.gui.dialogs.settings_dialog import SettingsDialog


def _choose(window, wait_listing, issue_id: int) -> None:
    wait_listing(window)
    window.show_issue_id(issue_id)
    assert window.selected_ids() == [issue_id]


def test_copy_citation_puts_apa_on_the_clipboard(window, wait_listing, qtbot):
    _choose(window, wait_listing, 11)
    window.citations.copy.trigger()
    text = QApplication.clipboard().text()
    issue = window.context.library.get(11)
    assert text == cite([issue], "text", style="apa").strip()
    assert "Adapting to Russia" in text and "(2019" in text
    assert window.citations.copy.shortcut().toString() == "Ctrl+Shift+C"


def test_copy_citation_follows_the_settings(window, wait_listing):
    window.context.settings.set(keys.CITATION_STYLE, "iso690-author-date-en")
    window.context.settings.set(keys.CITATION_LANGUAGE, "pl")
    _choose(window, wait_listing, 11)
    text = window.citations.copy_citation()
    issue = window.context.library.get(11)
    assert text == cite([issue], "text", "iso690-author-date-en", "pl").strip()
    assert text != cite([issue], "text", "apa").strip()


def test_settings_dialog_chooses_style_and_language(window):
    dialog = SettingsDialog(window)
    rows = dialog.citations
    rows.style.setCurrentIndex(rows.style.findData("chicago-author-date"))
    rows.language.setCurrentIndex(rows.language.findData("ru"))
    assert window.context.settings.get(keys.CITATION_STYLE) == "chicago-author-date"
    assert window.context.settings.get(keys.CITATION_LANGUAGE) == "ru"
    dialog.close()


def test_export_citations_reads_back(window, wait_listing, qtbot, tmp_path):
    wait_listing(window)
    window.show_issue_id(11)
    ris_path, bib_path = tmp_path / "out.ris", tmp_path / "out.bib"
    with qtbot.waitSignal(window.context.workers.dispatcher.finished, timeout=20000):
        window.citations.export_to(ris_path, "ris", [11, 3])
    with qtbot.waitSignal(window.context.workers.dispatcher.finished, timeout=20000):
        window.citations.export_to(bib_path, "bibtex", [11])
    entries = rispy.loads(ris_path.read_text(encoding="utf-8"))
    assert [entry["title"][:4] for entry in entries] == ["NATO", "The "]
    library = bibtexparser.parse_string(bib_path.read_text(encoding="utf-8"))
    (entry,) = library.entries
    assert "Black Sea" in entry["title"]


def test_context_menu_holds_the_citation_actions(window):
    texts = [action.text() for action in window.citations.actions()]
    assert texts == ["Copy &Citation", "Export Citations…"]
    assert window.citations.copy in window.issue_menu.actions()


def test_reader_copies_a_quotation_with_section_and_citation(window, qtbot):
    from PySide6.QtGui import QTextCursor

    from bookstore.gui.reader.reader import open_reader

    issue = window.context.library.get(11)
    section = next(section for section in issue.sections if section.heading)
    passage = section.paragraphs[0][:60]
    reader = open_reader(window.context, issue, window)
    qtbot.waitExposed(reader)
    document = reader.text.document()
    found = document.find(passage)
    assert not found.isNull()
    cursor = QTextCursor(found)
    reader.text.setTextCursor(cursor)
    assert reader.quote.action.isEnabled()
    assert reader.quote.action.shortcut().toString() == "Ctrl+Shift+C"
    reader.quote.action.trigger()
    text = QApplication.clipboard().text()
    citation = cite([issue], "text", style="apa").strip()
    assert text == f"“{passage.strip()}” ({section.heading}) — {citation}"

    reader.text.copy()  # Ctrl+C: the plain text alone
    assert QApplication.clipboard().text() == passage
    reader.close()
