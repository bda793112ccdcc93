"""The Store's right-hand pane: the account, the cart with its total, the downloads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bookstore.gui.operations.workers import JobHandle
from bookstore.gui.store.download_row import DownloadRow, Words
from bookstore.gui.widgets.flow_layout import FlowLayout
from bookstore.gui.widgets.formats import Formats
from bookstore.store.store_api import Cart

ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1


class SidePanel(QWidget):
    sign_in_requested = Signal()
    sign_out_requested = Signal()
    restore_requested = Signal()
    checkout_requested = Signal()
    remove_requested = Signal(int)

    def __init__(self, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formats = formats
        self.cart: Cart | None = None
        self.user: str | None = None
        self.account_box = QGroupBox()
        self.account = QLabel()
        self.account.setWordWrap(True)
        self.keeping = QLabel()  # where the sign-in is kept, as it turned out
        self.keeping.setWordWrap(True)
        self.keeping.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._keeping: tuple[Path | None, bool] = (None, False)
        self.sign_in = QPushButton()
        self.sign_out = QPushButton()
        self.restore = QPushButton()
        account = QVBoxLayout(self.account_box)
        account.addWidget(self.account)
        account.addWidget(self.keeping)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in)
        buttons.addWidget(self.sign_out)
        account.addLayout(buttons)
        account.addWidget(self.restore)
        self.cart_box = QGroupBox()
        self.items = QListWidget()
        self.items.setMaximumHeight(160)
        self.items.setWordWrap(True)
        self.total = QLabel()
        self.remove = QPushButton()
        self.checkout = QPushButton()
        cart = QVBoxLayout(self.cart_box)
        cart.addWidget(self.items)
        cart.addWidget(self.total)
        cart_buttons = FlowLayout()  # Checkout goes under Remove when the pane is narrow
        cart_buttons.addWidget(self.remove)
        cart_buttons.addWidget(self.checkout)
        cart.addLayout(cart_buttons)
        self.downloads_box = QGroupBox()
        self.downloads = QVBoxLayout()
        self.downloads.addStretch(1)
        holder = QWidget()
        holder.setLayout(self.downloads)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        QVBoxLayout(self.downloads_box).addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.addWidget(self.account_box)
        layout.addWidget(self.cart_box)
        layout.addWidget(self.downloads_box, 1)
        self.sign_in.clicked.connect(self.sign_in_requested)
        self.sign_out.clicked.connect(self.sign_out_requested)
        self.restore.clicked.connect(self.restore_requested)
        self.checkout.clicked.connect(self.checkout_requested)
        self.remove.clicked.connect(self._remove)
        self.retranslate()

    def retranslate(self) -> None:
        self.account_box.setTitle(self.tr("Account"))
        self.sign_in.setText(self.tr("Sign in…"))
        self.sign_out.setText(self.tr("Sign out"))
        self.restore.setText(self.tr("Restore purchases"))
        self.restore.setToolTip(self.tr("Download everything your account owns into this library"))
        self.cart_box.setTitle(self.tr("Cart"))
        self.items.setAccessibleName(self.tr("Issues in the cart"))
        self.remove.setText(self.tr("Remove"))
        self.checkout.setText(self.tr("Checkout…"))
        self.downloads_box.setTitle(self.tr("Downloads"))
        for row in self.download_rows():
            row.retranslate()
        self.show_account(self.user, self.cart, known=True)
        self.show_keeping(*self._keeping)

    def show_keeping(self, secret_file: Path | None, signed_in: bool) -> None:
        """Say where this store's sign-in was saved: the system keyring or a private file."""
        self._keeping = (secret_file, signed_in)
        if not signed_in:
            text = ""
        elif secret_file is None:
            text = self.tr("Your sign-in is saved in the system keyring.")
        else:
            text = self.tr("Your sign-in is saved in %1, readable only by you.").replace(
                "%1", str(secret_file)
            )
        self.keeping.setText(text)
        self.keeping.setVisible(bool(text))

    def show_account(self, user: str | None, cart: Cart | None, known: bool = True) -> None:
        self.user, self.cart = user, cart
        if user:
            self.account.setText(self.tr("Signed in as %1").replace("%1", user))
        else:
            self.account.setText(
                self.tr("Not signed in. Sign in to buy issues and to restore your purchases.")
                if known
                else self.tr("This store has no accounts here.")
            )
        self.sign_in.setVisible(user is None and known)
        self.sign_out.setVisible(user is not None)
        self.restore.setEnabled(user is not None)
        self.items.clear()
        for item in cart.items if cart else ():
            price = self.formats.price(item.price) if item.price else ""
            row = QListWidgetItem(f"{item.label}: {item.title}\n{price}")
            row.setData(ISSUE_ROLE, item.issue_id)
            self.items.addItem(row)
        count = len(cart.items) if cart else 0
        if cart and cart.total is not None and count:
            self.total.setText(self.tr("Total: %1").replace("%1", self.formats.price(cart.total)))
        else:
            self.total.setText(self.tr("The cart is empty."))
        self.checkout.setEnabled(count > 0)
        self.remove.setEnabled(count > 0)
        self.cart_box.setVisible(user is not None)

    def download_rows(self) -> list[DownloadRow]:
        layout = self.downloads
        found = (layout.itemAt(i).widget() for i in range(layout.count()))
        return [row for row in found if isinstance(row, DownloadRow)]

    def add_download(self, title: Words, handle: JobHandle | None) -> DownloadRow:
        row = DownloadRow(title, handle)
        self.downloads.insertWidget(0, row)
        return row

    def _remove(self) -> None:
        item = self.items.currentItem() or (self.items.item(0) if self.items.count() else None)
        if item is not None:
            self.remove_requested.emit(int(item.data(ISSUE_ROLE)))
