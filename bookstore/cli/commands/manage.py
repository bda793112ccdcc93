"""Commands that change the library: import, remove."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bookstore.cli import output
from bookstore.cli.progress import terminal_progress
from bookstore.errors import BookstoreError
from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    importing = commands.add_parser(
        "import",
        help="import publisher pages (HTML or saved text), EPUBs, PDFs and folders of them",
    )
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument(
        "--series", metavar="SLUG", help="put an EPUB without series information in this series"
    )
    importing.add_argument(
        "--number", type=_number, metavar="N", help="as issue N of that series (with --series)"
    )
    importing.add_argument("--json", action="store_true", help="print the outcome as JSON")
    importing.set_defaults(handler=_import)

    attach = commands.add_parser("attach", help="keep an EPUB or PDF file with an issue")
    attach.add_argument("id", type=int)
    attach.add_argument("file", type=Path)
    attach.set_defaults(handler=_attach)

    remove = commands.add_parser("remove", help="remove an issue and its files from the library")
    remove.add_argument("id", type=int)
    remove.set_defaults(handler=_remove)


def _import(args: argparse.Namespace, library: Library) -> int:
    from bookstore.ingest.batch import import_paths, page_files
    from bookstore.ingest.epub.reading import Placement

    placement = None
    if (args.series is None) != (args.number is None):
        raise BookstoreError("--series and --number go together: give both or neither")
    if args.series is not None:
        if len(args.paths) != 1 or args.paths[0].is_dir():
            raise BookstoreError("--series and --number place one EPUB: name a single file")
        placement = Placement(library.series_named(args.series), args.number)
    with terminal_progress(len(page_files(args.paths))) as job:
        report = import_paths(library, args.paths, job=job, placement=placement)
    if args.json:
        output.print_json(report.to_json())
    else:
        for outcome in report.outcomes:
            stream = sys.stderr if outcome.error else sys.stdout
            print(outcome.describe(), file=stream)
        print(report.summary(), file=sys.stderr if report.failed else sys.stdout)
    return 1 if report.failed or not report.outcomes else 0


def _attach(args: argparse.Namespace, library: Library) -> int:
    from bookstore.ingest.attach import attach

    ref = attach(library, args.id, args.file)
    issue = library.get(args.id)
    print(f"attached {args.file} to {issue.id}: {issue.label} ({ref.kind}, {ref.size} bytes)")
    return 0


def _remove(args: argparse.Namespace, library: Library) -> int:
    issue = library.remove(args.id)
    print(f"removed {issue.id}: {issue.label}: {issue.title}")
    return 0


def _number(text: str) -> int:
    from bookstore.library.editing import MAX_NUMBER

    value = int(text)
    if not 1 <= value <= MAX_NUMBER:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_NUMBER}")
    return value
