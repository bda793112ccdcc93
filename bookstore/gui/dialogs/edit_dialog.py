"""Editing an issue's metadata: every field, checked as the user types, a problem
shown under the field at fault; saving goes through the undo stack (Ctrl+Z)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bookstore.errors import BookstoreError
from bookstore.gui.context import AppContext
from bookstore.gui.models.issue_model import language_name
from bookstore.gui.window import LibraryWindow
from bookstore.library.editing import (
    MAX_NUMBER,
    MAX_RUNNING_NUMBER,
    EditError,
    IssueEdit,
    edited,
)
from bookstore.model import LANGUAGES, Issue


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class LinesEdit(QPlainTextEdit):
    """One entry a line; Tab moves on instead of typing a tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)


class EditDialog(QDialog):
    def __init__(self, context: AppContext, issue: Issue, window: LibraryWindow) -> None:
        super().__init__(window)
        self.setObjectName("editDialog")
        self.context, self.issue, self.window_ = context, issue, window
        self.title = QLineEdit(issue.title)
        self.series = QComboBox()
        for series in context.library.series():
            self.series.addItem(series.name, series.slug)
        self.series.setCurrentIndex(max(0, self.series.findData(issue.series.slug)))
        self.authors = LinesEdit()
        self.authors.setPlainText("\n".join(issue.authors))
        self.date = QDateEdit(QDate(issue.date.year, issue.date.month, issue.date.day))
        self.date.setCalendarPopup(True)
        # The boxes take more than the library allows, so that a value out of range is
        # named beside its field instead of silently put back.
        self.year = QSpinBox()
        self.year.setRange(0, 9999)
        self.year.setValue(issue.year)
        self.number = QSpinBox()
        self.number.setRange(0, MAX_NUMBER * 10 + 9)
        self.number.setValue(issue.number)
        self.running = QSpinBox()
        self.running.setRange(0, MAX_RUNNING_NUMBER * 10 + 9)
        self.running.setValue(issue.running_number or 0)
        self.language = QComboBox()
        self.language.setEditable(True)
        self.topics = LinesEdit()
        self.topics.setPlainText("\n".join(issue.topics))
        self.translation_of = QComboBox()
        self.translations = QLabel()
        self.translations.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.problems: dict[str, QLabel] = {}  # under each field: what is wrong with it
        self.widgets: dict[str, QWidget] = {
            "title": self.title,
            "series": self.series,
            "authors": self.authors,
            "date": self.date,
            "year": self.year,
            "number": self.number,
            "running_number": self.running,
            "language": self.language,
            "topics": self.topics,
            "translation_of": self.translation_of,
        }
        for key, widget in self.widgets.items():
            label = QLabel()
            label.setBuddy(widget)
            self.labels[key] = label
            problem = QLabel()
            problem.setObjectName("fieldProblem")
            problem.setWordWrap(True)
            problem.hide()
            self.problems[key] = problem
            field = QWidget()
            column = QVBoxLayout(field)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(problem)
            self.form.addRow(label, field)
        self.translations_label = QLabel()
        self.form.addRow(self.translations_label, self.translations)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for signal in (
            self.title.textChanged, self.authors.textChanged, self.date.dateChanged,
            self.year.valueChanged, self.number.valueChanged, self.running.valueChanged,
            self.language.currentTextChanged, self.topics.textChanged,
            self.translation_of.currentIndexChanged, self.series.currentIndexChanged,
        ):  # fmt: skip
            signal.connect(self.check)
        for narrow in (self.date, self.year, self.number, self.running, self.language):
            narrow.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            narrow.setMinimumWidth(150)
        self.title.setCursorPosition(0)
        self.setMinimumWidth(620)
        self._read_choices()
        self.retranslate()
        self.check()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit “{title}”").format(title=self.issue.title[:50]))
        words = {
            "title": self.tr("&Title:"),
            "series": self.tr("&Series:"),
            "authors": self.tr("&Authors (one a line):"),
            "date": self.tr("&Date:"),
            "year": self.tr("&Year:"),
            "number": self.tr("&Number:"),
            "running_number": self.tr("R&unning number:"),
            "language": self.tr("&Language:"),
            "topics": self.tr("T&opics (one a line):"),
            "translation_of": self.tr("Translation &of:"),
        }
        for key, text in words.items():
            self.labels[key].setText(text)
            self.widgets[key].setAccessibleName(text.replace("&", "").rstrip(":"))
        self.translations_label.setText(self.tr("Translations:"))
        self.running.setSpecialValueText(self.tr("none"))
        self.running.setAccessibleDescription(self.tr("0 means the series has no running number"))
        self.translation_of.setAccessibleDescription(
            self.tr(
                "Choose the issue this one translates: it takes that issue's series, year and number"
            )
        )
        # Languages offered by name ("Polish (pl)"); another code can still be typed.
        current_language = self.language_code() if self.language.count() else self.issue.language
        self.language.blockSignals(True)
        self.language.clear()
        for code in dict.fromkeys((*LANGUAGES, self.issue.language)):
            name = language_name(code, self.context.formats.language)
            self.language.addItem(f"{name[:1].upper()}{name[1:]} ({code})", code)
        index = self.language.findData(current_language)
        if index >= 0:
            self.language.setCurrentIndex(index)
        else:
            self.language.setCurrentText(current_language)
        self.language.blockSignals(False)
        # The date as the UI's language writes it, with the year in full.
        shape = QLocale(self.context.formats.language).dateFormat(QLocale.FormatType.ShortFormat)
        self.date.setDisplayFormat(shape if "yyyy" in shape else shape.replace("yy", "yyyy"))
        self._fill_translation_choices()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._show_translations()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_translation_choices(self) -> None:
        """Issues of the same series in other languages, newest first."""
        current = self.translation_of.currentData()
        self.translation_of.blockSignals(True)
        self.translation_of.clear()
        self.translation_of.addItem(self.tr("(keep the series, year and number above)"), None)
        for issue_id, text in self._choices:
            self.translation_of.addItem(text, issue_id)
        self.translation_of.setCurrentIndex(max(0, self.translation_of.findData(current)))
        self.translation_of.blockSignals(False)

    def _read_choices(self) -> None:
        """What the translation fields offer, read once (retranslating reads no data)."""
        library, issue = self.context.library, self.issue
        self._choices = [
            (other.id, f"{other.label} ({other.language}): {other.title[:60]}")
            for other in library.list_issues(series=issue.series.slug, limit=500)
            if other.language != issue.language and other.id != issue.id
        ]
        others = library.get_many(list(issue.translations)) if issue.translations else []
        self._translations_text = "\n".join(f"{o.language}: {o.title}" for o in others)

    def _show_translations(self) -> None:
        self.translations.setText(self._translations_text or self.tr("none yet"))

    def edit(self) -> IssueEdit:
        qdate = self.date.date()
        running = self.running.value()
        return IssueEdit(
            title=self.title.text(),
            series=self.series.currentData(),
            authors=_lines(self.authors.toPlainText()),
            date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            year=self.year.value(),
            number=self.number.value(),
            running_number=running or None,
            clear_running_number=running == 0,
            language=self.language_code(),
            topics=_lines(self.topics.toPlainText()),
            translation_of=self.translation_of.currentData(),
        )

    def language_code(self) -> str:
        """The chosen language's code (or what was typed, if it is none of those offered)."""
        text = self.language.currentText().strip()
        index = self.language.findText(text)
        if index >= 0:
            return str(self.language.itemData(index))
        return text

    def check(self) -> bool:
        """Check the fields as they stand; show each problem under its field."""
        problems = self._problems()
        self._show_problems(problems)
        return not problems

    def _problems(self) -> dict[str, str]:
        """Every field's problem: the library names the first; that field is then left
        as it was and the rest checked again, until the edit passes."""
        edit, found = self.edit(), {}
        words = self.context.translations.words()
        for _ in range(len(self.widgets) + 1):
            try:
                edited(self.context.library, self.issue, edit)
            except EditError as error:
                field = error.field if error.field in self.widgets else ""
                if field in found or words.say(error) in found.values():
                    break  # leaving that field as it was did not help: said once is enough
                found[field] = words.say(error)
                if not field:
                    break
                edit = _without(edit, field)
            except BookstoreError as error:
                found[""] = words.say(error)
                break
            else:
                break
        return found

    def _show_problems(self, problems: dict[str, str]) -> None:
        for key, widget in self.widgets.items():
            message = _sentence(problems.get(key, ""))
            widget.setProperty("invalid", bool(message))
            widget.style().polish(widget)
            self.problems[key].setText(message)
            self.problems[key].setVisible(bool(message))
            widget.setAccessibleDescription(message)
        general = _sentence(problems.get("", ""))
        self.problem.setText(general)
        self.problem.setVisible(bool(general))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)

    def _show_problem(self, field: str, message: str) -> None:
        self._show_problems({field if field in self.widgets else "": message} if message else {})

    def accept(self) -> None:
        """Save on a worker; the dialog stays open (and keeps what was typed) until the
        library has taken the edit, or shows why it did not."""
        if not self.check():
            return
        self.buttons.setEnabled(False)
        self.problem.setText(self.tr("Saving…"))
        self.problem.setVisible(True)
        self.window_.controller.edit(self.issue, self.edit(), self._saved, self._not_saved)

    def _saved(self, ids: list[int]) -> None:
        self.window_.refresh_after_change(ids)
        self.buttons.setEnabled(True)
        self._show_problem("", "")
        super().accept()

    def _not_saved(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, EditError):
            self._show_problem(error.field, self.context.translations.words().say(error))
        elif isinstance(error, BookstoreError):  # a busy library: saving again may work
            self._show_problem("", self.context.translations.words().say(error))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        else:
            self._show_problem("", "")
            self.window_.history.failed(error)


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]


def _without(edit: IssueEdit, field: str) -> IssueEdit:
    """``edit`` leaving ``field`` as it is."""
    if field == "running_number":
        return dataclasses.replace(edit, running_number=None, clear_running_number=False)
    return dataclasses.replace(edit, **{field: None})
