"""The ``bookstore`` command: no arguments opens the window; subcommands act from the shell."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence

from bookstore import __version__
from bookstore.cli import (
    browse,
    check,
    cite,
    desktop,
    edit,
    export,
    feeds,
    index_repair,
    manage,
    open_files,
    serve,
    store,
)
from bookstore.cli.failures import (
    Terminated,
    report_unexpected,
    safe_output,
    stop_behind,
    stopping_cleanly,
)
from bookstore.errors import BookstoreError
from bookstore.library.library import Library

_COMMAND_MODULES = (browse, manage, edit, export, cite, check, store, serve, feeds)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bookstore",
        usage="%(prog)s [-h] [--version] [--library PATH] [--install-desktop | --uninstall-desktop]\n"
        "                 [COMMAND ... | FILE ...]",
        description="Browse, search, import and export the issues of a publication series. "
        "With no command the window opens; given files (EPUB, PDF, pages, folders), "
        "the window opens and imports them.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="the library folder (default: $BOOKSTORE_LIBRARY, else the platform's data folder)",
    )
    menu = parser.add_mutually_exclusive_group()
    menu.add_argument(
        "--install-desktop",
        action="store_true",
        help="put Bookstore in your application menu (under $XDG_DATA_HOME, else ~/.local/share)",
    )
    menu.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help="remove what --install-desktop wrote",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _COMMAND_MODULES:
        module.register(commands)
    return parser


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def main(argv: Sequence[str] | None = None) -> int:
    safe_output()
    parser = build_parser()
    arguments = sys.argv[1:] if argv is None else list(argv)
    options, files = open_files.split_files(arguments, command_names(parser))
    args = parser.parse_args(options)
    if args.install_desktop or args.uninstall_desktop:
        if args.command is not None or files:
            parser.error("--install-desktop and --uninstall-desktop take no command or file")
        return _report_errors(desktop.install if args.install_desktop else desktop.uninstall)
    if args.command is None:
        try:
            paths = open_files.existing_files(files)
        except BookstoreError as error:
            print(f"bookstore: {error}", file=sys.stderr)
            return 1
        from bookstore.gui.app import run  # only the window loads Qt

        return run(args.library, paths) if paths else run(args.library)
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


def _report_errors(action: Callable[[], int]) -> int:
    try:
        return action()
    except BookstoreError as error:
        print(f"bookstore: {error}", file=sys.stderr)
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
