"""Commands that change the library: import, remove."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bookstore.cli import output
from bookstore.cli.progress import terminal_progress
from bookstore.errors import BookstoreError
from bookstore.i18n.messages import N_, say
from bookstore.i18n.words import Words
from bookstore.library.library import Library

if TYPE_CHECKING:
    from bookstore.ingest.batch import ImportReport, Outcome


def register(commands: argparse._SubParsersAction) -> None:
    importing = commands.add_parser(
        "import",
        help=N_("import publisher pages (HTML or saved text), EPUBs, PDFs and folders of them"),
    )
    importing.add_argument(
        "paths", nargs="+", type=Path, metavar=N_("PATH"), help=N_("files and folders to import")
    )
    importing.add_argument(
        "--series",
        metavar=N_("SLUG"),
        help=N_("put an EPUB without series information in this series"),
    )
    importing.add_argument(
        "--number", type=_number, metavar="N", help=N_("as issue N of that series (with --series)")
    )
    importing.add_argument("--json", action="store_true", help=N_("print the outcome as JSON"))
    importing.set_defaults(handler=_import)

    attach = commands.add_parser("attach", help=N_("keep an EPUB or PDF file with an issue"))
    attach.add_argument("id", type=int, metavar="ID", help=N_("the issue's id"))
    attach.add_argument("file", type=Path, metavar=N_("FILE"), help=N_("the EPUB or PDF file"))
    attach.set_defaults(handler=_attach)

    remove = commands.add_parser(
        "remove", help=N_("remove an issue and its files from the library")
    )
    remove.add_argument("id", type=int, metavar="ID", help=N_("the issue's id"))
    remove.set_defaults(handler=_remove)


def _import(args: argparse.Namespace, library: Library) -> int:
    from bookstore.ingest.batch import import_paths, page_files
    from bookstore.ingest.epub.reading import Placement

    placement = None
    if (args.series is None) != (args.number is None):
        raise BookstoreError(say("--series and --number go together: give both or neither"))
    if args.series is not None:
        if len(args.paths) != 1 or args.paths[0].is_dir():
            raise BookstoreError(say("--series and --number place one EPUB: name a single file"))
        placement = Placement(library.series_named(args.series), args.number)
    with terminal_progress(len(page_files(args.paths)), words=args.words) as job:
        report = import_paths(library, args.paths, job=job, placement=placement)
    if args.json:
        output.print_json(report.to_json())
    else:
        for outcome in report.outcomes:
            stream = sys.stderr if outcome.error else sys.stdout
            print(_outcome_line(outcome, args.words), file=stream)
        print(_summary(report, args.words), file=sys.stderr if report.failed else sys.stdout)
    return 1 if report.failed or not report.outcomes else 0


def _attach(args: argparse.Namespace, library: Library) -> int:
    from bookstore.ingest.attach import attach

    ref = attach(library, args.id, args.file)
    issue = library.get(args.id)
    words = args.words
    print(words.say(say("attached {file} to {id}: {label} ({kind}, {size})", file=str(args.file),
                        id=issue.id, label=issue.label, kind=ref.kind,
                        size=output.bytes_text(ref.size, words))))  # fmt: skip
    return 0


def _remove(args: argparse.Namespace, library: Library) -> int:
    issue = library.remove(args.id)
    print(args.words.say(say("removed {id}: {label}: {title}", id=issue.id, label=issue.label,
                             title=issue.title)))  # fmt: skip
    return 0


def _number(text: str) -> int:
    from bookstore.library.editing import MAX_NUMBER

    value = int(text)
    if not 1 <= value <= MAX_NUMBER:
        raise argparse.ArgumentTypeError(say("must be between 1 and {most}", most=MAX_NUMBER))
    return value


def _outcome_line(outcome: Outcome, words: Words) -> str:
    """What became of one file: ``imported: a.html -> 12 PISM Spotlight no. 2/2019``."""
    if outcome.error:
        return words.say(say("failed: {error}", error=outcome.error))
    status = (
        words.text(N_("imported")) if outcome.status == "imported" else words.text(N_("updated"))
    )
    note = f" ({words.say(outcome.note)})" if outcome.note else ""
    return f"{status}: {outcome.path} -> {outcome.issue_id} {outcome.label}{note}"


def _summary(report: ImportReport, words: Words) -> str:
    return words.say(say("{imported} imported, {updated} updated, {failed} failed",
                         imported=report.count("imported"), updated=report.count("updated"),
                         failed=report.failed))  # fmt: skip
