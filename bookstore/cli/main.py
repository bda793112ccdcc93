"""The ``bookstore`` command: no arguments opens the window; subcommands act from the shell."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from bookstore import __version__
from bookstore.cli import browse, check, edit, export, feeds, index_repair, manage, serve, store
from bookstore.cli.failures import (
    Terminated,
    report_unexpected,
    safe_output,
    stop_behind,
    stopping_cleanly,
)
from bookstore.errors import BookstoreError
from bookstore.library.library import Library

_COMMAND_MODULES = (browse, manage, edit, export, check, store, serve, feeds)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bookstore",
        description="Browse, search, import and export the issues of a publication series.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="the library folder (default: $BOOKSTORE_LIBRARY, else the platform's data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    safe_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from bookstore.gui.app import run  # only the window loads Qt

        return run(args.library)
    try:
        with stopping_cleanly():
            try:
                return _run(args)
            except Exception as error:
                raise (stop_behind(error) or error) from None
    except Terminated as stop:
        print(f"bookstore: stopped by {stop}; nothing half-written was kept", file=sys.stderr)
        return 128 + stop.signum
    except KeyboardInterrupt:
        print("bookstore: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``); that is not an error.
        sys.stderr.close()
        return 0
    except BookstoreError as error:
        print(f"bookstore: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # the one place that catches everything: no traceback
        print(report_unexpected(error, args.command), file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.library is not None and not args.library.strip():
        raise BookstoreError("--library: the path is empty")
    # A command may start a new library without the sample ("store restore" on a new machine).
    with Library.open(args.library, with_sample=getattr(args, "sample", True)) as library:
        if library.tidied:
            print(
                f"bookstore: {library.root}: an earlier write was interrupted; "
                f"{library.tidied.describe()}",
                file=sys.stderr,
            )
        index_repair.repair_at_open(library)
        try:
            code = int(args.handler(args, library) or 0)
            index_repair.warn_if_behind(library)
            return code
        except sqlite3.DatabaseError as error:
            translated = library.translate(error)
            if translated is None:
                raise
            raise translated from error


if __name__ == "__main__":
    sys.exit(main())
