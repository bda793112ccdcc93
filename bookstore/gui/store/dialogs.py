"""Signing in (or registering) and paying: the two dialogs the Store asks with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bookstore.gui.formats import Formats
from bookstore.store.store_api import Card, Cart


class SignInDialog(QDialog):
    def __init__(self, store: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to %1").replace("%1", store))
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("E-mail"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.register = QCheckBox(self.tr("Create a new account"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Your name (for receipts)"))
        self.name.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.register)
        form.addRow(self.tr("Name:"), self.name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Your password is sent to the store only; the store's key is kept in this computer's keyring."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.register.toggled.connect(self._register_toggled)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def _register_toggled(self, on: bool) -> None:
        self.name.setEnabled(on)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create account") if on else self.tr("Sign in"))

    def _accept(self) -> None:
        if "@" not in self.email.text() or not self.password.text():
            self.message.setText(self.tr("Give your e-mail address and your password."))
            return
        self.accept()


class CheckoutDialog(QDialog):
    """The card, the total and, when the store charges through its test provider, a
    clear banner saying so and listing the test cards."""

    def __init__(self, cart: Cart, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Checkout"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setObjectName("testProviderBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#testProviderBanner { background: #fff3cd; color: #533f03; "
            "border: 2px solid #d39e00; padding: 8px; font-weight: bold; }"
        )
        if cart.is_test:
            meanings = {
                "pays": self.tr("pays"),
                "declined": self.tr("is declined"),
                "insufficient_funds": self.tr("fails for insufficient funds"),
            }
            cards = "\n".join(
                f"{number} {meanings.get(what, what)}" for what, number in cart.test_cards
            )
            self.banner.setText(
                self.tr("TEST PAYMENTS: this store uses its test provider. No money is taken.")
                + ("\n" + cards if cards else "")
            )
            self.banner.setAccessibleName(self.tr("Test payments: no money is taken"))
        self.banner.setVisible(cart.is_test)
        layout.addWidget(self.banner)
        for item in cart.items:
            price = formats.price(item.price) if item.price else ""
            label = QLabel(f"{item.label}: {item.title}  —  {price}")
            label.setWordWrap(True)
            layout.addWidget(label)
        total = QLabel(
            self.tr("Total: %1").replace("%1", formats.price(cart.total) if cart.total else "—")
        )
        font = total.font()
        font.setBold(True)
        total.setFont(font)
        layout.addWidget(total)
        self.number = QLineEdit()
        self.number.setAccessibleName(self.tr("Card number"))
        self.number.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.expiry = QLineEdit()
        self.expiry.setPlaceholderText(self.tr("MM/YY"))
        self.expiry.setAccessibleName(self.tr("Expiry date"))
        self.cvc = QLineEdit()
        self.cvc.setEchoMode(QLineEdit.EchoMode.Password)
        self.cvc.setAccessibleName(self.tr("Security code"))
        form = QFormLayout()
        form.addRow(self.tr("Card number:"), self.number)
        form.addRow(self.tr("Expiry:"), self.expiry)
        form.addRow(self.tr("Security code:"), self.cvc)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        amount = formats.price(cart.total) if cart.total else ""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Pay %1").replace("%1", amount)
        )
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def card(self) -> Card:
        return Card(self.number.text().strip(), self.expiry.text().strip(), self.cvc.text().strip())

    def _accept(self) -> None:
        digits = "".join(c for c in self.number.text() if c.isdigit())
        if len(digits) < 12:
            self.message.setText(self.tr("Type the card's number (12 digits or more)."))
            return
        self.accept()
