"""``bookstore edit ID``: change an issue's metadata, as the window's edit dialog does."""

from __future__ import annotations

import argparse
import datetime as dt

from bookstore.cli import output
from bookstore.errors import BookstoreError
from bookstore.i18n.messages import N_, say
from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    edit = commands.add_parser(
        "edit",
        help=N_("edit an issue's metadata"),
        description=N_(
            "Change an issue's title, authors, date, numbering, language, topics or "
            "translations. Fields not named stay as they are."
        ),
    )
    edit.add_argument("id", type=int, metavar="ID", help=N_("the issue's id"))
    edit.add_argument("--title", metavar=N_("TITLE"), help=N_("the new title"))
    edit.add_argument("--series", metavar=N_("SLUG"), help=N_("move the issue to another series"))
    edit.add_argument(
        "--authors", metavar=N_("NAMES"), help=N_('every author, separated by ";" ("" for none)')
    )
    edit.add_argument("--date", type=_date, metavar=N_("YYYY-MM-DD"), help=N_("the date"))
    edit.add_argument("--year", type=int, metavar=N_("YEAR"), help=N_("the year of the number"))
    edit.add_argument("--number", type=int, metavar="N", help=N_("the number in its year"))
    edit.add_argument(
        "--running-number", type=int, metavar="N", help=N_("the running number; 0 removes it")
    )
    edit.add_argument("--language", metavar=N_("CODE"), help=N_("en, pl, ru, ..."))
    edit.add_argument("--topics", metavar=N_("TOPICS"), help=N_('every topic, separated by ";"'))
    edit.add_argument(
        "--add-topic", action="append", default=[], metavar=N_("TOPIC"), help=N_("add a topic")
    )
    edit.add_argument(
        "--remove-topic",
        action="append",
        default=[],
        metavar=N_("TOPIC"),
        help=N_("remove a topic"),
    )
    edit.add_argument(
        "--translation-of",
        type=int,
        metavar="ID",
        help=N_("make this issue a translation of issue ID (takes its series, year and number)"),
    )
    edit.add_argument("--json", action="store_true", help=N_("print the issue as JSON"))
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
        raise BookstoreError(say("nothing to change: name a field, e.g. --title or --add-topic"))
    try:
        issue = edit_issue(library, args.id, change)
    except EditError as error:
        option = f"--{error.field.replace('_', '-')}"
        raise BookstoreError(say("{option}: {error}", option=option, error=error)) from error
    if args.json:
        output.print_json(issue_to_json(issue))
    else:
        print(output.issue_line(issue, args.words))
    return 0


def _list(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            say("“{text}” is not a date like 2019-03-02", text=text)
        ) from None
