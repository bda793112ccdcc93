"""Editing an issue's metadata: checked as a whole, saved in one transaction.

The window's edit dialog and ``bookstore edit`` both describe a change as an
``IssueEdit`` and call ``edit_issue``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import say
from bookstore.library.db import rows
from bookstore.library.library import Library
from bookstore.model import Issue, Numbering

MAX_TITLE = 500
MAX_NAME = 200
MAX_NUMBER = 99999  # an issue's number within its year
MAX_RUNNING_NUMBER = 999999
_LANGUAGE = re.compile(r"[a-z]{2,3}")


class EditError(BookstoreError):
    """A change that cannot be saved; ``field`` names the field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class IssueEdit:
    """What to change; fields left None stay as they are."""

    title: str | None = None
    series: str | None = None  # a series slug
    authors: tuple[str, ...] | None = None
    date: dt.date | None = None
    year: int | None = None
    number: int | None = None
    running_number: int | None = None
    clear_running_number: bool = False
    language: str | None = None
    topics: tuple[str, ...] | None = None  # replaces every topic
    add_topics: tuple[str, ...] = ()
    remove_topics: tuple[str, ...] = ()
    translation_of: int | None = None  # take this issue's series, year and number

    def is_empty(self) -> bool:
        return self == IssueEdit()


def edited(library: Library, issue: Issue, edit: IssueEdit) -> Issue:
    """``issue`` with ``edit`` applied and checked; raises EditError naming the field."""
    changes: dict[str, object] = {}
    if edit.title is not None:
        changes["title"] = _title(edit.title)
    if edit.series is not None:
        changes["series"] = library.series_named(edit.series)
    if edit.authors is not None:
        changes["authors"] = _names("authors", edit.authors)
    if edit.date is not None:
        changes["date"] = edit.date
    if edit.year is not None:
        changes["year"] = _bounded("year", edit.year, 1900, 2999)
    if edit.number is not None:
        changes["number"] = _bounded("number", edit.number, 1, MAX_NUMBER)
    if edit.clear_running_number:
        changes["running_number"] = None
    elif edit.running_number is not None:
        changes["running_number"] = _bounded(
            "running_number", edit.running_number, 1, MAX_RUNNING_NUMBER
        )
    if edit.language is not None:
        changes["language"] = _language(edit.language)
    topics = list(issue.topics if edit.topics is None else _names("topics", edit.topics))
    topics += [t for t in _names("topics", edit.add_topics) if t not in topics]
    removed = {t.casefold() for t in _names("topics", edit.remove_topics)}
    changes["topics"] = tuple(t for t in topics if t.casefold() not in removed)
    if edit.translation_of is not None:
        other = library.get(edit.translation_of)
        if other.id == issue.id:
            raise EditError("translation_of", say("an issue cannot be a translation of itself"))
        changes.update(series=other.series, year=other.year, number=other.number)
        if other.running_number is not None and edit.running_number is None:
            changes.setdefault("running_number", other.running_number)
    result = replace(issue, **changes)
    _check_unique(library, result)
    _check_whole(library, issue, result)
    return result


def reverting(issue: Issue) -> IssueEdit:
    """The edit that brings an issue back to ``issue`` (for undo)."""
    return IssueEdit(
        title=issue.title,
        series=issue.series.slug,
        authors=issue.authors,
        date=issue.date,
        year=issue.year,
        number=issue.number,
        running_number=issue.running_number,
        clear_running_number=issue.running_number is None,
        language=issue.language,
        topics=issue.topics,
    )


def edit_issue(library: Library, issue_id: int, edit: IssueEdit) -> Issue:
    """Apply ``edit`` to the issue and return it as saved."""
    old = library.get(issue_id)
    new = edited(library, old, edit)
    db = library.db
    with library.transaction():
        values = rows.issue_values(new)
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        db.execute(f"UPDATE issue SET {assignments} WHERE id = :id", {**values, "id": issue_id})
        rows.write_children(db, issue_id, new)
        library.log_change(issue_id, "saved")
    library.changed()
    return library.get(issue_id)


def _title(value: str) -> str:
    title = " ".join(value.split())
    if not title:
        raise EditError("title", say("the title cannot be empty"))
    if len(title) > MAX_TITLE:
        raise EditError(
            "title", say("the title can be {max_title} characters at most", max_title=MAX_TITLE)
        )
    return title


def _names(field: str, values: tuple[str, ...]) -> tuple[str, ...]:
    names: list[str] = []
    for value in values:
        name = " ".join(value.split())
        if len(name) > MAX_NAME:
            raise EditError(
                field,
                say(
                    "“{name}…” is longer than {max_name} characters",
                    name=name[:40],
                    max_name=MAX_NAME,
                ),
            )
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return tuple(names)


# The fields' names in the sentence "the {label} must be between ...".
_FIELD_NAMES = {
    "year": say("year"),
    "number": say("number"),
    "running_number": say("running number"),
}


def _bounded(field: str, value: int, low: int, high: int) -> int:
    if not low <= value <= high:
        label = _FIELD_NAMES.get(field, field)
        raise EditError(
            field,
            say(
                "the {label} must be between {low} and {high}, not {value}",
                label=label,
                low=low,
                high=high,
                value=value,
            ),
        )
    return value


def _language(value: str) -> str:
    code = value.strip().lower()
    if not _LANGUAGE.fullmatch(code):
        raise EditError(
            "language",
            say("the language must be a code like en, pl or ru, not “{value}”", value=value),
        )
    return code


def _known_language(code: str) -> bool:
    from babel import Locale  # only an edit that changes the language needs it

    return code in Locale("en").languages


def _check_whole(library: Library, old: Issue, new: Issue) -> None:
    """Fields that must agree with each other; checked only where the edit changed
    one of them, so an issue imported with odd values can still get other edits."""
    if new.language != old.language and not _known_language(new.language):
        raise EditError(
            "language",
            say(
                "“{language}” is not a language code; use one like en, pl or ru",
                language=new.language,
            ),
        )
    numbering_changed = (new.series, new.running_number) != (old.series, old.running_number)
    if numbering_changed and new.series.numbering is Numbering.RUNNING and not new.running_number:
        raise EditError(
            "running_number",
            say(
                "{name} gives every issue a running number: give this one its running number too",
                name=new.series.name,
            ),
        )
    dating_changed = (new.year, new.date) != (old.year, old.date)
    # Only a translation, numbered as its original, may be dated in a later year.
    if (
        dating_changed
        and new.date.year != new.year
        and (new.date.year < new.year or not _has_original(library, new))
    ):
        raise EditError(
            "date" if new.date != old.date else "year",
            say(
                "an issue of {year} cannot be dated {date}: change the date and the year together",
                year=new.year,
                date=new.date.isoformat(),
            ),
        )


def _has_original(library: Library, issue: Issue) -> bool:
    row = library.db.execute(
        "SELECT 1 FROM issue WHERE series = ? AND year = ? AND number = ? AND id != ?",
        (issue.series.slug, issue.year, issue.number, issue.id),
    ).fetchone()
    return row is not None


def _check_unique(library: Library, issue: Issue) -> None:
    row = library.db.execute(
        "SELECT id FROM issue WHERE series = ? AND year = ? AND number = ? AND language = ? "
        "AND id != ?",
        (issue.series.slug, issue.year, issue.number, issue.language, issue.id),
    ).fetchone()
    if row is not None:
        raise EditError(
            "number",
            say("{label} in this language is already in the library", label=issue.label),
        )
