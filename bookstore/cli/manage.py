"""Commands that change the library: import, remove."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bookstore.cli import output
from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    importing = commands.add_parser(
        "import", help="import publisher pages (HTML or saved text) and folders of them"
    )
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument("--json", action="store_true", help="print the outcome as JSON")
    importing.set_defaults(handler=_import)

    remove = commands.add_parser("remove", help="remove an issue and its files from the library")
    remove.add_argument("id", type=int)
    remove.set_defaults(handler=_remove)


def _import(args: argparse.Namespace, library: Library) -> int:
    from bookstore.ingest.batch import import_paths

    report = import_paths(library, args.paths)
    if args.json:
        output.print_json(report.to_json())
    else:
        for outcome in report.outcomes:
            stream = sys.stderr if outcome.error else sys.stdout
            print(outcome.describe(), file=stream)
        print(report.summary(), file=sys.stderr if report.failed else sys.stdout)
    return 1 if report.failed or not report.outcomes else 0


def _remove(args: argparse.Namespace, library: Library) -> int:
    issue = library.remove(args.id)
    print(f"removed {issue.id}: {issue.label}: {issue.title}")
    return 0
