"""Reading, editing with undo, removing with undo, importing by drop, exporting,
and errors shown as dialogs, on the real window."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from bookstore.gui.dialogs.edit_dialog import EditDialog
from bookstore.gui.dialogs.export_dialog import ExportDialog
from bookstore.gui.errors import error_dialog, install_excepthook
from bookstore.gui.main_window.import_summary import ImportDialog
from bookstore.gui.models.issue_model import TITLE
from bookstore.gui.reader.reader import ReaderWindow, open_reader
from bookstore.library.reading import reading_state
from tests.gui.conftest import wait_history

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"


def activate(qtbot, widget) -> None:
    """Make ``widget``'s window the active one, so that its shortcuts work."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


def first_issue(window):
    window.select_row(0)
    return window.current_issue()


def test_the_readers_font_keys_change_the_size_and_it_reopens_where_it_was(window, qtbot):
    issue = max(window.context.library.list_issues(), key=lambda i: len(i.body_text()))
    reader = open_reader(window.context, issue, window)
    qtbot.waitExposed(reader)
    activate(qtbot, reader)
    reader.resize(600, 400)
    default = reader.point_size()
    assert issue.title in reader.text.toPlainText()
    qtbot.keySequence(reader, QKeySequence("Ctrl++"))
    bigger = reader.point_size()
    qtbot.keySequence(reader, QKeySequence("Ctrl+="))
    assert reader.point_size() > bigger > default
    qtbot.keySequence(reader, QKeySequence("Ctrl+0"))
    assert reader.point_size() == default
    qtbot.keySequence(reader, QKeySequence("Ctrl+-"))
    assert reader.point_size() < default
    qtbot.keySequence(reader, QKeySequence("Ctrl++"))
    qtbot.keySequence(reader, QKeySequence("Ctrl++"))
    qtbot.keySequence(reader, QKeySequence("Ctrl++"))
    step, size = reader.font_step, reader.point_size()
    bar = reader.text.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setSliderPosition(bar.maximum() // 2)  # as a drag of the scroll bar does
    place = reader.position()
    reader.close()
    qtbot.waitUntil(lambda: not window.context.writes().busy(), timeout=20000)
    state = reading_state(window.context.library, issue.id)
    assert state.font_step == step == 2
    assert state.position == pytest.approx(place, abs=0.01)
    again = open_reader(window.context, issue, window)
    qtbot.waitExposed(again)
    again.resize(600, 400)
    qtbot.waitUntil(lambda: again.position() == pytest.approx(place, abs=0.02))
    assert again.point_size() == size
    again.close()


def test_the_reader_finds_text_and_switches_to_high_contrast(window, qtbot):
    issue = first_issue(window)
    reader = ReaderWindow(window.context, issue, window)
    reader.show()
    qtbot.waitExposed(reader)
    activate(qtbot, reader)
    word = issue.lead.split()[1]
    qtbot.keySequence(reader, QKeySequence("Ctrl+F"))
    assert reader.find_bar.isVisible()
    qtbot.keyClicks(reader.find_bar.field, word)
    assert reader.text.textCursor().selectedText().lower() == word.lower()
    assert len(reader.text.extraSelections()) >= 1
    assert reader.find_bar.count.text()
    reader.theme_box.setCurrentIndex(reader.theme_box.findData("high-contrast"))
    assert reader.text.palette().base().color().name() == "#000000"
    assert "background-color: #000000" in reader.text.document().defaultStyleSheet()
    reader.close()


def test_edit_then_undo_and_redo(window, qtbot):
    issue = first_issue(window)
    dialog = EditDialog(window.context, issue, window)
    dialog.title.setText("Quokka diplomacy")
    dialog.topics.setPlainText("\n".join([*issue.topics, "Marsupials"]))
    dialog.accept()
    wait_history(qtbot, window)
    saved = window.context.library.get(issue.id)
    assert saved.title == "Quokka diplomacy" and "Marsupials" in saved.topics
    row = window.model.row_of(issue.id)
    assert window.model.index(row, TITLE).data() == "Quokka diplomacy"
    assert window.detail.issue_view.title.text() == "Quokka diplomacy"
    window.actions_.undo.trigger()
    wait_history(qtbot, window)
    assert window.context.library.get(issue.id).title == issue.title
    assert window.context.library.get(issue.id).topics == issue.topics
    assert window.model.index(window.model.row_of(issue.id), TITLE).data() == issue.title
    window.actions_.redo.trigger()
    wait_history(qtbot, window)
    assert window.context.library.get(issue.id).title == "Quokka diplomacy"


def test_the_edit_dialog_names_a_problem_and_will_not_save_it(window, qtbot):
    issue = first_issue(window)
    dialog = EditDialog(window.context, issue, window)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()
    dialog.title.setText("   ")
    assert not save.isEnabled()
    assert "title cannot be empty" in dialog.problems["title"].text().lower()
    assert dialog.title.property("invalid") is True
    dialog.title.setText("Fine again")
    assert save.isEnabled() and not dialog.problems["title"].isVisible()


def test_the_edit_dialog_checks_the_fields_together(window, qtbot):
    issue = first_issue(window)
    dialog = EditDialog(window.context, issue, window)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.year.setValue(issue.year + 5)
    assert not save.isEnabled() and dialog.year.property("invalid") is True
    assert f"An issue of {issue.year + 5} cannot be dated" in dialog.problems["year"].text()
    dialog.date.setDate(dialog.date.date().addYears(5))
    assert save.isEnabled() and not dialog.problems["year"].isVisible()
    dialog.language.setCurrentText("xx")
    assert not save.isEnabled() and dialog.language.property("invalid") is True
    assert "“xx” is not a language code" in dialog.problems["language"].text()
    dialog.language.setCurrentText("de")
    assert save.isEnabled()
    dialog.reject()


def test_removing_asks_once_and_ctrl_z_brings_the_issues_back(window, qtbot):
    library = window.context.library
    total = library.count()
    window.select_row(0)
    window.list.selectionModel().select(
        window.model.index(1, 0),
        window.list.selectionModel().SelectionFlag.Select
        | window.list.selectionModel().SelectionFlag.Rows,
    )
    ids = window.selected_ids()
    assert len(ids) == 2
    asked = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        remove = next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        )
        remove.click()

    QTimer.singleShot(0, answer)
    window.remove_selected()
    wait_history(qtbot, window)
    assert len(asked) == 1 and "2 issues" in asked[0]
    assert library.count() == total - 2
    assert all(window.model.row_of(i) < 0 for i in ids)
    activate(qtbot, window)
    qtbot.keySequence(window, QKeySequence.StandardKey.Undo)
    wait_history(qtbot, window)
    assert library.count() == total
    assert sorted(window.selected_ids()) == sorted(ids)
    assert {i.id for i in library.get_many(ids)} == set(ids)


def drop(window, paths: list[Path]) -> None:
    """Drag ``paths`` over the window and drop them, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            QPoint(200, 200), Qt.DropAction.CopyAction, mime, buttons, modifiers
        )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def import_summary(window, qtbot) -> ImportDialog:
    """Wait for the import in the status bar to end, then open its summary from there."""
    status = window.import_status
    qtbot.waitUntil(lambda: status.run is not None and not status.run.running(), timeout=20000)
    assert QApplication.activeModalWidget() is None
    qtbot.mouseClick(status.details, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.outcome == "done"
    return dialog


def test_import_by_drop_reports_a_failure_in_the_batch(window, qtbot, tmp_path: Path):
    folder = tmp_path / "drop"
    folder.mkdir()
    good = sorted(PAGES.glob("*"))[:2]
    for page in good:
        (folder / page.name).write_bytes(page.read_bytes())
    (folder / "broken.html").write_bytes(b"\x00\x01\x02 not a page at all")
    before = window.context.library.count()
    drop(window, [folder])
    dialog = import_summary(window, qtbot)
    assert dialog.report.failed == 1
    assert dialog.report.count("imported") + dialog.report.count("updated") == len(good)
    assert "1 failed" in dialog.heading.text()
    assert dialog.failures.rowCount() == 1
    assert dialog.failures.item(0, 0).text() == "broken.html"
    assert dialog.failures.item(0, 1).text()
    assert window.context.library.count() >= before + dialog.report.count("imported")
    assert window.model.rowCount() == window.context.library.count()
    dialog.close()


def test_the_import_summary_names_a_series_made_from_a_label(window, qtbot, tmp_path: Path):
    page = tmp_path / "monitor.txt"
    page.write_text(
        "Baltic Monitor: Ports after Coal\n\nBaltic Monitor no. 7/2021\n14 March 2021\n"
        "Ewa Grabowska\n\nPorts are changing as coal gives way to wind power.\n",
        encoding="utf-8",
    )
    drop(window, [page])
    dialog = import_summary(window, qtbot)
    assert dialog.report.count("imported") == 1
    assert dialog.detail.text() == (
        "Every file was imported.\nNew series made from the files' labels: Baltic Monitor."
    )
    assert "baltic-monitor" in {s.slug for s in window.context.library.series()}
    dialog.close()


def export_dialog(window, qtbot, kind_button: str, destination: Path) -> ExportDialog:
    window.list.selectAll()
    dialog = ExportDialog(window.context, window.selected_ids(), window.model.listing, window)
    getattr(dialog, kind_button).setChecked(True)
    dialog.destination.setText(str(destination))
    dialog.show()
    return dialog


@pytest.mark.parametrize(
    ("button", "name"),
    [("as_epub", "bundle.epub"), ("as_epub_each", "each"), ("as_pdf", "print.pdf")],
)
def test_export_each_kind_with_progress(window, qtbot, tmp_path: Path, button: str, name: str):
    destination = tmp_path / name
    if button == "as_epub_each":
        destination.mkdir()
    dialog = export_dialog(window, qtbot, button, destination)
    if button == "as_pdf":
        dialog.paper.setCurrentIndex(dialog.paper.findData("A5"))
        dialog.bleed.setValue(3)
        dialog.crop_marks.setChecked(True)
        dialog.title.setText("Collected briefs")
    progress: list[int] = []
    dialog.bar.valueChanged.connect(progress.append)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.outcome != "running", timeout=60000)
    assert dialog.outcome == "done", dialog.status.text()
    assert len(set(progress)) > 2 and progress[-1] == 1000
    assert dialog.show_folder.isVisible()
    if button == "as_epub_each":
        assert len(list(destination.glob("*.epub"))) == window.model.rowCount()
    else:
        assert destination.stat().st_size > 10000
        assert destination.read_bytes()[:4] in (b"PK\x03\x04", b"%PDF")
    if button == "as_pdf":
        from pypdf import PdfReader

        assert PdfReader(str(destination)).metadata.title == "Collected briefs"
    dialog.close()


@pytest.mark.parametrize("button", ["as_epub", "as_pdf"])
def test_a_cancelled_export_leaves_no_file(window, qtbot, tmp_path: Path, button: str):
    folder = tmp_path / "exports"
    folder.mkdir()
    destination = folder / ("out.pdf" if button == "as_pdf" else "out.epub")
    dialog = export_dialog(window, qtbot, button, destination)
    dialog.export_button.click()
    assert window.job_status.isVisible()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.outcome != "running", timeout=60000)
    assert dialog.outcome == "cancelled"
    assert "nothing was written" in dialog.status.text()
    assert list(folder.iterdir()) == []
    assert not window.job_status.isVisible()
    dialog.close()


def test_an_export_that_fails_says_why(window, qtbot, tmp_path: Path):
    dialog = export_dialog(window, qtbot, "as_epub", tmp_path / "missing" / "out.epub")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.outcome != "running", timeout=30000)
    assert dialog.outcome == "failed"
    assert "does not exist" in dialog.status.text()
    dialog.close()


def test_an_unexpected_error_is_a_dialog_with_a_sentence_and_a_log(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    previous = sys.excepthook
    install_excepthook(QApplication.instance())
    try:
        try:
            raise RuntimeError("a bug deep inside")
        except RuntimeError as error:
            sys.excepthook(RuntimeError, error, error.__traceback__)
    finally:
        sys.excepthook = previous
    [box] = shown
    assert box.text() == "Something went wrong inside Bookstore. Your library is safe."
    assert "RuntimeError: a bug deep inside" in box.detailedText()
    log = box.informativeText().split(": ", 1)[1]
    assert "a bug deep inside" in Path(log).read_text(encoding="utf-8")


def test_a_users_error_is_its_own_sentence(window):
    from bookstore.errors import BookstoreError

    box = error_dialog(window, BookstoreError("the folder /x is not writable"))
    assert box.text() == "The folder /x is not writable."
