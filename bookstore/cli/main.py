"""The ``bookstore`` command: no arguments opens the window; subcommands act from the shell."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bookstore import __version__
from bookstore.cli import browse, export, manage
from bookstore.errors import BookstoreError
from bookstore.library.library import Library

_COMMAND_MODULES = (browse, manage, export)


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
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        with Library.open(args.library) as library:
            return int(args.handler(args, library) or 0)
    except BookstoreError as error:
        print(f"bookstore: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bookstore: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``); that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
