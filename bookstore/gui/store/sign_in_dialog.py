"""Signing in (or registering) to a store. The dialog stays open while the store
answers: a wrong password or a refused e-mail is said beside its field, with all that
was typed kept; only a success closes it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bookstore.gui.errors import user_sentence
from bookstore.gui.store.field_note import FieldNote
from bookstore.gui.store.fixable import server_reason, sign_in_field
from bookstore.gui.store.form_dialog import FormDialog
from bookstore.store.errors import CredentialsRefused, SignInRequired
from bookstore.store.store_api import Refused


class SignInDialog(FormDialog):
    """``secret_file``: where the sign-in will be kept (None: the system
    keyring); ``known`` is False when that could not be found out."""

    def __init__(
        self,
        store: str,
        secret_file: Path | None,
        known: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to %1").replace("%1", store))
        self.setMinimumWidth(400)
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("E-mail"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.register = QCheckBox(self.tr("Create a new account"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Your name (for receipts)"))
        self.name.setEnabled(False)
        self.notes = {key: FieldNote() for key in ("email", "password", "name", "")}
        self.fields = {"email": self.email, "password": self.password, "name": self.name}
        self.message = self.notes[""]
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow("", self.notes["email"])
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.notes["password"])
        form.addRow("", self.register)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow("", self.notes["name"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Sign in"))
        self.keeping = QLabel(self._keeping_text(secret_file, known))
        self.keeping.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keeping)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.register.toggled.connect(self._register_toggled)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

    def _keeping_text(self, secret_file: Path | None, known: bool) -> str:
        sent = self.tr("Your password goes to the store only.")
        if not known:
            return sent
        if secret_file is None:
            return sent + " " + self.tr("The sign-in it gives back is saved in the system keyring.")
        return (
            sent
            + " "
            + self.tr(
                "There is no system keyring here, so the sign-in it gives back is saved in %1, readable only by you."
            ).replace("%1", str(secret_file))
        )

    def _register_toggled(self, on: bool) -> None:
        self.name.setEnabled(on)
        self.ok.setText(self.tr("Create account") if on else self.tr("Sign in"))

    def _submit(self) -> None:
        self.clear_notes()
        if "@" not in self.email.text():
            self.notes["email"].show_for(self.email, self.tr("Type your e-mail address."))
            return
        if not self.password.text():
            self.notes["password"].show_for(self.password, self.tr("Type your password."))
            return
        self.set_busy(True)
        self.submitted.emit()

    def set_busy(self, busy: bool) -> None:
        for widget in (*self.fields.values(), self.register, self.ok):
            widget.setEnabled(not busy)
        self.name.setEnabled(not busy and self.register.isChecked())
        self.status.setText(self.tr("Signing in…") if busy else "")

    def field_of(self, error: BaseException) -> str | None:
        return sign_in_field(error)

    def sentence(self, error: BaseException) -> str:
        if isinstance(error, SignInRequired | CredentialsRefused):
            return self.tr("The e-mail or the password is wrong. Check them and try again.")
        if isinstance(error, Refused) and error.status == 409:
            return self.tr(
                "An account with this e-mail already exists: sign in with it, or use another e-mail."
            )
        return server_reason(error) or user_sentence(error)
