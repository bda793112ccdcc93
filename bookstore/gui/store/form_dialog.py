"""What the sign-in and checkout dialogs share: they stay open while the store answers,
and an error the reader can fix is said beside its field (``FieldNote``) with all that
was typed kept; only a success closes them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLineEdit

from bookstore.gui.store.field_note import FieldNote


class FormDialog(QDialog):
    """``submitted`` asks the view to talk to the store; the view then calls
    ``succeeded`` or ``failed``. Subclasses fill ``fields`` and ``notes`` (one note per
    field, and one under the key "" for the whole form) and say which field an error
    is about."""

    submitted = Signal()
    fields: dict[str, QLineEdit]
    notes: dict[str, FieldNote]

    def clear_notes(self) -> None:
        for note in self.notes.values():
            note.clear()

    def succeeded(self) -> None:
        self.set_busy(False)
        self.accept()

    def failed(self, error: BaseException) -> bool:
        """Say ``error`` beside its field and return True when the reader can fix it
        here; False when it is not theirs to fix (the dialog is left to the caller)."""
        self.set_busy(False)
        field = self.field_of(error)
        if field is None:
            return False
        self.notes[field].show_for(self.fields.get(field), self.sentence(error))
        return True

    def set_busy(self, busy: bool) -> None:
        raise NotImplementedError

    def field_of(self, error: BaseException) -> str | None:
        raise NotImplementedError

    def sentence(self, error: BaseException) -> str:
        raise NotImplementedError
