"""``bookstore edit ID``: change an issue's metadata, as the window's edit dialog does."""

from __future__ import annotations

import argparse
import datetime as dt

from bookstore.cli import output
from bookstore.errors import BookstoreError
from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    edit = commands.add_parser(
        "edit",
        help="edit an issue's metadata",
        description="Change an issue's title, authors, date, numbering, language, topics or "
        "translations. Fields not named stay as they are.",
    )
    edit.add_argument("id", type=int)
    edit.add_argument("--title")
    edit.add_argument("--series", metavar="SLUG", help="move the issue to another series")
    edit.add_argument(
        "--authors", metavar="NAMES", help='every author, separated by ";" ("" for none)'
    )
    edit.add_argument("--date", type=_date, metavar="YYYY-MM-DD")
    edit.add_argument("--year", type=int)
    edit.add_argument("--number", type=int)
    edit.add_argument("--running-number", type=int, metavar="N", help="0 removes it")
    edit.add_argument("--language", metavar="CODE", help="en, pl, ru, ...")
    edit.add_argument("--topics", metavar="TOPICS", help='every topic, separated by ";"')
    edit.add_argument("--add-topic", action="append", default=[], metavar="TOPIC")
    edit.add_argument("--remove-topic", action="append", default=[], metavar="TOPIC")
    edit.add_argument(
        "--translation-of",
        type=int,
        metavar="ID",
        help="make this issue a translation of issue ID (takes its series, year and number)",
    )
    edit.add_argument("--json", action="store_true", help="print the issue as JSON")
    edit.set_defaults(handler=_edit)


def _edit(args: argparse.Namespace, library: Library) -> int:
    from bookstore.catalog_json import issue_to_json
    from bookstore.library.editing import EditError, IssueEdit, edit_issue

    running = args.running_number
    change = IssueEdit(
        title=args.title,
        series=args.series,
        authors=_list(args.authors),
        date=args.date,
        year=args.year,
        number=args.number,
        running_number=running or None,
        clear_running_number=running == 0,
        language=args.language,
        topics=_list(args.topics),
        add_topics=tuple(args.add_topic),
        remove_topics=tuple(args.remove_topic),
        translation_of=args.translation_of,
    )
    if change.is_empty():
        raise BookstoreError("nothing to change: name a field, e.g. --title or --add-topic")
    try:
        issue = edit_issue(library, args.id, change)
    except EditError as error:
        raise BookstoreError(f"--{error.field.replace('_', '-')}: {error}") from error
    if args.json:
        output.print_json(issue_to_json(issue))
    else:
        print(output.issue_line(issue))
    return 0


def _list(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date like 2019-03-02") from None
