"""The Store's views as issue 23 (point 11) asks: errors a reader can fix said beside
their field, the sign-in's real place, owned issues marked, download rows that name
their issue, Show in Folder without a file manager, and a Store that fits a narrow
window in Russian."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from bookstore.gui.dialogs.settings_dialog import set_language
from bookstore.gui.store import tasks
from bookstore.jobs import Job
from tests.gui.store.conftest import entry_of, open_page, wait_page

PASSWORD = "correct horse battery"


def _store(qtbot, window, base: str):
    view = window.views["store"]
    window.show_view("store")
    view.open_store(base + "/opds")
    wait_page(qtbot, view, "Bookstore catalog")
    qtbot.waitUntil(lambda: view.secret_known, timeout=20000)
    return view


def _account(base: str, email: str) -> None:
    """An account at the store, signed out again on this machine."""
    tasks.sign_in(base + "/opds", email, PASSWORD, True)(Job())
    tasks.sign_out(base + "/opds")(Job())


def _message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def _click_ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _sign_in(view, email: str, password: str):
    """Open the sign-in dialog, type, choose Sign in; returns the dialog."""
    view.sign_in()
    dialog = view.sign_in_dialog
    dialog.email.setText(email)
    dialog.password.setText(password)
    _click_ok(dialog)
    return dialog


def test_a_wrong_password_is_said_beside_the_password_and_keeps_the_user_name(
    qtbot, store_window, served
):
    base, _ = served
    _account(base, "wrong@example.org")
    view = _store(qtbot, store_window, base)
    dialog = _sign_in(view, "wrong@example.org", "not the password")
    note = dialog.notes["password"]
    qtbot.waitUntil(lambda: note.isVisible(), timeout=20000)
    assert "wrong" in note.sentence
    assert dialog.isVisible() and dialog.email.text() == "wrong@example.org"
    assert dialog.password.text() == "not the password"
    assert dialog.password.accessibleDescription() == note.sentence
    assert dialog.focusWidget() is dialog.password
    assert not dialog.notes["email"].isVisible()
    assert view.error_box is None and not _message_boxes()
    assert view.user is None

    dialog.password.setText(PASSWORD)  # fixed in place: the same dialog signs in
    _click_ok(dialog)
    qtbot.waitUntil(lambda: view.user == "wrong@example.org", timeout=20000)
    assert not dialog.isVisible() and not note.isVisible()


def test_the_sign_in_error_in_russian(qtbot, store_window, served, screenshot):
    base, _ = served
    _account(base, "ru@example.org")
    set_language(store_window, "ru")
    view = _store(qtbot, store_window, base)
    view.sign_in()
    dialog = view.sign_in_dialog
    assert dialog.keeping.text() == (
        "Пароль передаётся только магазину. "
        "Полученные от него данные для входа сохраняются в системной связке ключей."
    )
    dialog.email.setText("ru@example.org")
    dialog.password.setText("не тот пароль")
    _click_ok(dialog)
    note = dialog.notes["password"]
    qtbot.waitUntil(lambda: note.isVisible(), timeout=20000)
    assert note.sentence == (
        "Неверный адрес электронной почты или пароль. Проверьте их и попробуйте ещё раз."
    )
    assert not _message_boxes()
    qtbot.wait(50)
    assert note.text.height() >= note.text.heightForWidth(note.text.width())  # not cut
    screenshot(dialog, "store-sign-in-error-ru")


def test_the_store_s_reasons_are_said_beside_the_field_they_are_about(qtbot, store_window, served):
    base, _ = served
    view = _store(qtbot, store_window, base)
    view.sign_in()
    dialog = view.sign_in_dialog
    dialog.register.setChecked(True)
    dialog.name.setText("Ann")
    dialog.email.setText("ann@")
    dialog.password.setText("another long password")
    _click_ok(dialog)
    email = dialog.notes["email"]
    qtbot.waitUntil(lambda: email.isVisible(), timeout=20000)
    assert email.sentence == "“ann@” is not an e-mail address."  # the store's, no host
    assert dialog.name.text() == "Ann" and dialog.register.isChecked()
    assert dialog.focusWidget() is dialog.email

    dialog.email.setText("ann@example.org")
    dialog.password.setText("short")
    _click_ok(dialog)
    password = dialog.notes["password"]
    qtbot.waitUntil(lambda: password.isVisible(), timeout=20000)
    assert "at least 8 characters" in password.sentence
    assert not email.isVisible() and dialog.email.accessibleDescription() == ""
    assert view.error_box is None and not _message_boxes()


def test_an_unreachable_store_is_a_message_box_that_names_no_unwritten_log(
    qtbot, store_window, served
):
    base, _ = served
    view = _store(qtbot, store_window, base)
    view.sign_in()
    dialog = view.sign_in_dialog
    view.url = "http://127.0.0.1:1/opds"  # the store went away meanwhile
    dialog.email.setText("ann@example.org")
    dialog.password.setText(PASSWORD)
    _click_ok(dialog)
    qtbot.waitUntil(lambda: view.error_box is not None, timeout=20000)
    assert not dialog.isVisible()
    assert "127.0.0.1:1" in view.error_box.text()
    assert "log" not in view.error_box.informativeText().lower()


def test_the_sign_in_says_the_system_keyring_when_it_went_there(qtbot, store_window, served):
    base, _ = served
    _account(base, "keyring@example.org")
    view = _store(qtbot, store_window, base)
    view.sign_in()
    dialog = view.sign_in_dialog
    assert "system keyring" in dialog.keeping.text()
    dialog.email.setText("keyring@example.org")
    dialog.password.setText(PASSWORD)
    _click_ok(dialog)
    qtbot.waitUntil(lambda: view.user is not None, timeout=20000)
    assert view.side.keeping.text() == "Your sign-in is saved in the system keyring."


def test_without_a_keyring_the_sign_in_names_the_private_file(
    qtbot, store_window, served, memory_keyring
):
    base, _ = served
    _account(base, "nokeyring@example.org")
    keyring.set_keyring(keyring.backends.fail.Keyring())
    view = _store(qtbot, store_window, base)
    view.sign_in()
    dialog = view.sign_in_dialog
    assert "no system keyring" in dialog.keeping.text()
    assert str(view.secret_file) in dialog.keeping.text()
    dialog.email.setText("nokeyring@example.org")
    dialog.password.setText(PASSWORD)
    _click_ok(dialog)
    qtbot.waitUntil(lambda: view.user is not None, timeout=20000)
    kept = view.secret_file
    assert kept is not None and kept.is_file() and kept.stat().st_mode & 0o077 == 0
    assert view.side.keeping.text() == f"Your sign-in is saved in {kept}, readable only by you."
    assert "system keyring" not in view.side.keeping.text()


def test_an_expired_card_is_said_beside_the_expiry_before_anything_is_sent(qtbot):
    import datetime as dt

    from bookstore.gui.store.checkout_dialog import CheckoutDialog
    from bookstore.gui.widgets.formats import Formats
    from bookstore.store.store_api import Cart

    dialog = CheckoutDialog(Cart((), None), Formats("en"), today=dt.date(2026, 12, 3))
    qtbot.addWidget(dialog)
    sent = []
    dialog.submitted.connect(lambda: sent.append(True))
    dialog.number.setText("4242 4242 4242 4242")
    dialog.expiry.setText("11/26")
    _click_ok(dialog)
    assert dialog.notes["expiry"].sentence == (
        "This card expired at the end of 11/26; use another card."
    )
    assert dialog.expiry.accessibleDescription() == dialog.notes["expiry"].sentence
    assert not sent and dialog.number.text() == "4242 4242 4242 4242"
    dialog.expiry.setText("12/26")
    _click_ok(dialog)
    assert sent and not dialog.notes["expiry"].isVisible()
    assert dialog.expiry.accessibleDescription() == ""


def test_owned_issues_are_marked_and_download_rows_name_them(
    qtbot, store_window, served, monkeypatch, screenshot
):
    base, _ = served
    view = _store(qtbot, store_window, base)
    open_page(qtbot, view, base + "/opds/new", "Newest issues")
    free = entry_of(view, free=True)
    other = next(e for e in view.feed.publications if e.id != free.id)
    view.show_entry_page(free)
    qtbot.mouseClick(view.entry_page.get, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.entry_page.read.isVisible(), timeout=20000)
    issue = store_window.context.library.get(view.entry_page.owned_issue)

    row = view.side.download_rows()[0]
    assert issue.title in row.label.text() and issue.series.name_in("en") in row.label.text()
    assert "http" not in row.label.text() and "urn:" not in row.label.text()

    view.entry_page.back.click()
    catalog = view.catalog

    def item_of(entry):
        return next(
            catalog.entries.item(i)
            for i in range(catalog.entries.count())
            if getattr(catalog.entries.item(i).data(Qt.ItemDataRole.UserRole + 1), "id", None)
            == entry.id
        )

    qtbot.waitUntil(lambda: free.id in catalog.owned, timeout=20000)
    owned, not_owned = item_of(free), item_of(other)
    assert "✓ Owned: in your library" in owned.text()
    assert "Owned: in your library" in owned.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "✓" not in owned.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Owned" not in not_owned.text()
    assert "Owned" not in not_owned.data(Qt.ItemDataRole.AccessibleTextRole)
    catalog.entries.scrollToItem(owned)
    screenshot(store_window, "store-catalog-owned-en")

    # Show in Folder where no file manager answers: one sentence with the folder.
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    assert row.show_folder.isVisible() and row.folder is not None and row.folder.is_dir()
    qtbot.mouseClick(row.show_folder, Qt.MouseButton.LeftButton)
    assert opened and opened[0].toLocalFile() == str(row.folder)
    assert row.folder_note.isVisible()
    assert row.folder_note.text() == (
        f"No file manager could open the folder; the file is in {row.folder}"
    )
    assert row.folder_note.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def _clipped(top: QWidget) -> list[str]:
    """Labels and buttons narrower than their text needs (a wrapping label never is)."""
    found = []
    for widget in top.findChildren(QWidget):
        label = isinstance(widget, QLabel) and not widget.wordWrap()
        if not (label or isinstance(widget, QAbstractButton)) or not widget.isVisible():
            continue
        needs = widget.minimumSizeHint().width()
        if widget.text() and widget.width() < needs:
            found.append(f"{widget.text()!r}: {widget.width()} < {needs}")
    return found


def _narrowest(widget: QWidget) -> int:
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


@pytest.mark.parametrize("language", ["ru", "pl"])
def test_the_store_fits_a_window_800_pixels_wide(qtbot, store_window, served, language, screenshot):
    """With the sidebar and the Store's own pane (account, cart, downloads) at their
    narrowest, the Store's pages get what is left of 800 px, and nothing in them is
    cut. The pages are laid out on their own at that width: the window's other views
    and the detail pane that holds them all are measured by their own tests."""
    from PySide6.QtWidgets import QScrollArea

    from bookstore.gui.store.catalog_page import CatalogPage
    from bookstore.gui.store.entry_page import EntryPage

    base, _ = served
    window = store_window
    set_language(window, language)
    view = _store(qtbot, window, base)
    open_page(qtbot, view, base + "/opds/new", "Newest issues")
    sidebar, pane = _narrowest(window.sidebar), _narrowest(view.side)
    budget = 800 - sidebar - pane - 2 * window.splitter.handleWidth()
    formats = window.context.formats
    catalog, entry = CatalogPage(formats), EntryPage(formats)
    catalog.show_feed(view.feed)
    entry.show_entry(entry_of(view, free=False), None, True)
    widths = {
        "sidebar": sidebar,
        "catalog": _narrowest(catalog),
        "entry": _narrowest(entry),
        "pane": pane,
        "left for the page": budget,
    }
    print(language, "minimum widths", widths)
    assert widths["catalog"] <= budget and widths["entry"] <= budget, widths
    for page in (catalog, entry):
        qtbot.addWidget(page)
        page.resize(budget, 560)
        page.show()
        qtbot.waitExposed(page)
        assert not _clipped(page), _clipped(page)
    scroll = entry.findChild(QScrollArea)
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    screenshot(catalog, f"store-catalog-narrow-{language}")
    screenshot(entry, f"store-entry-narrow-{language}")
    side = view.side
    assert not _clipped(side), _clipped(side)
