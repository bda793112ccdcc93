"""Paying for the cart: the card, the total and, when the store charges through its
test provider, a clear banner saying so and listing the test cards. The dialog stays
open until the store has charged the card: a declined or expired card is said beside
the card's fields, with what was typed kept."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bookstore.gui.errors import user_sentence
from bookstore.gui.store.field_note import FieldNote
from bookstore.gui.store.fixable import checkout_field, server_reason
from bookstore.gui.store.form_dialog import FormDialog
from bookstore.gui.widgets.formats import Formats
from bookstore.payment_card import Card
from bookstore.store.store_api import Cart, PaymentFailed

EXPIRY = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{2}|\d{4})\s*$")


def expiry_month(text: str) -> tuple[int, int] | None:
    """(year, month) of an expiry written MM/YY or MM/YYYY; None when it is neither."""
    match = EXPIRY.match(text)
    if match is None or not 1 <= int(match.group(1)) <= 12:
        return None
    year = int(match.group(2))
    return (year + 2000 if year < 100 else year, int(match.group(1)))


class CheckoutDialog(FormDialog):
    def __init__(
        self,
        cart: Cart,
        formats: Formats,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today or dt.date.today()
        self.setWindowTitle(self.tr("Checkout"))
        self.setMinimumWidth(420)
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
        self.fields = {"number": self.number, "expiry": self.expiry, "cvc": self.cvc}
        self.notes = {key: FieldNote() for key in (*self.fields, "")}
        self.message = self.notes[""]
        form = QFormLayout()
        form.addRow(self.tr("Card number:"), self.number)
        form.addRow("", self.notes["number"])
        form.addRow(self.tr("Expiry:"), self.expiry)
        form.addRow("", self.notes["expiry"])
        form.addRow(self.tr("Security code:"), self.cvc)
        form.addRow("", self.notes["cvc"])
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        amount = formats.price(cart.total) if cart.total else ""
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Pay %1").replace("%1", amount))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

    def card(self) -> Card:
        return Card(self.number.text().strip(), self.expiry.text().strip(), self.cvc.text().strip())

    def _submit(self) -> None:
        self.clear_notes()
        digits = "".join(c for c in self.number.text() if c.isdigit())
        if len(digits) < 12:
            self.notes["number"].show_for(
                self.number, self.tr("Type the card's number (12 digits or more).")
            )
            return
        if problem := self._expiry_problem():
            self.notes["expiry"].show_for(self.expiry, problem)
            return
        self.set_busy(True)
        self.submitted.emit()

    def _expiry_problem(self) -> str:
        text = self.expiry.text().strip()
        if not text:
            return ""  # the store asks for it when it needs it
        when = expiry_month(text)
        if when is None:
            return self.tr("Type the expiry date as on the card, MM/YY (for example 08/29).")
        if when < (self.today.year, self.today.month):
            return self.tr("This card expired at the end of %1; use another card.").replace(
                "%1", text
            )
        return ""

    def set_busy(self, busy: bool) -> None:
        for widget in (*self.fields.values(), self.ok):
            widget.setEnabled(not busy)
        self.status.setText(self.tr("Paying…") if busy else "")

    def field_of(self, error: BaseException) -> str | None:
        return checkout_field(error)

    def sentence(self, error: BaseException) -> str:
        code = error.code if isinstance(error, PaymentFailed) else ""
        if code == "payment_declined":
            return self.tr("The card was declined. Nothing was charged.")
        if code == "insufficient_funds":
            return self.tr("The card has insufficient funds. Nothing was charged.")
        return server_reason(error) or user_sentence(error)
