"""The ``bookstore`` command: no arguments opens the window; subcommands act from the shell."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType

from bookstore import __version__
from bookstore.cli import argparse_words, open_files
from bookstore.cli.failures import (
    Terminated,
    report_unexpected,
    safe_output,
    stop_behind,
    stopping_cleanly,
)
from bookstore.cli.parser import Parser
from bookstore.errors import BookstoreError
from bookstore.i18n.languages import from_environment
from bookstore.i18n.messages import N_, say
from bookstore.i18n.words import Words

# Each command, and the module of bookstore.cli that registers and runs it: a command
# imports its own module alone (``bookstore --help`` imports them all).
COMMANDS = {
    "search": "commands.browse",
    "show": "commands.browse",
    "list": "commands.browse",
    "series": "commands.browse",
    "import": "commands.manage",
    "attach": "commands.manage",
    "remove": "commands.manage",
    "edit": "commands.edit",
    "export": "commands.export",
    "cite": "commands.cite",
    "check": "commands.check",
    "store": "commands.store",
    "serve": "commands.serve",
    "feeds": "commands.feeds",
}
_HELP = ("-h", "--help")


def shell_words(environ: Mapping[str, str]) -> Words:
    """The words of the language the shell asks for (``LANG``, ``LC_MESSAGES`` ...)."""
    return Words.load(from_environment(environ))


def build_parser(command: str | None = None, words: Words | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``command`` alone, in ``words``' language
    (English when none is given)."""
    parser = Parser(
        words=words or Words.load("en"),
        prog="bookstore",
        usage=N_(
            "%(prog)s [-h] [--version] [--library PATH] [--install-desktop | --uninstall-desktop]\n"
            "                 [COMMAND ... | FILE ...]"
        ),
        description=N_(
            "Browse, search, import and export the issues of a publication series. "
            "With no command the window opens; given files (EPUB, PDF, pages, folders), "
            "the window opens and imports them."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=argparse_words.VERSION,
    )
    parser.add_argument(
        "--library",
        metavar=N_("PATH"),
        help=N_(
            "the library folder (default: $BOOKSTORE_LIBRARY, else the platform's data folder)"
        ),
    )
    menu = parser.add_mutually_exclusive_group()
    menu.add_argument(
        "--install-desktop",
        action="store_true",
        help=N_(
            "put Bookstore in your application menu (under $XDG_DATA_HOME, else ~/.local/share)"
        ),
    )
    menu.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help=N_("remove what --install-desktop wrote"),
    )
    # prog: the usage above would otherwise be each command's name ("bookstore show").
    commands = parser.add_subparsers(dest="command", metavar=N_("COMMAND"), prog="bookstore")
    for module in command_modules(command):
        module.register(commands)
    return parser


def command_modules(command: str | None = None) -> list[ModuleType]:
    if command is not None and command in COMMANDS:
        names = [COMMANDS[command]]
    else:
        names = list(dict.fromkeys(COMMANDS.values()))
    return [importlib.import_module(f"bookstore.cli.{name}") for name in names]


def chosen_command(arguments: Sequence[str]) -> str | None:
    """The command the arguments name, if any, before any --help that asks for all."""
    tokens = iter(arguments)
    for token in tokens:
        if token in _HELP or token == "--":
            return None
        if token in open_files.VALUED_OPTIONS:
            next(tokens, None)
        elif not token.startswith("-"):
            return token if token in COMMANDS else None
    return None


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    # argparse has no public way to list a parser's subcommands.
    return {
        name
        for action in parser._actions  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction)  # noqa: SLF001
        for name in action.choices
    }


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    safe_output()
    words = shell_words(os.environ if environ is None else environ)
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(chosen_command(arguments), words)
    options, files = open_files.split_files(arguments, COMMANDS)
    args = parser.parse_args(options)
    args.words = words  # every handler speaks the shell's language
    if args.install_desktop or args.uninstall_desktop:
        if args.command is not None or files:
            parser.error(
                words.text(N_("--install-desktop and --uninstall-desktop take no command or file"))
            )
        from bookstore.cli.commands import desktop

        action = desktop.install if args.install_desktop else desktop.uninstall
        return _report_errors(lambda: action(words), words)
    if args.command is None:
        try:
            paths = open_files.existing_files(files)
        except BookstoreError as error:
            print(f"bookstore: {words.say(error)}", file=sys.stderr)
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
        stopped = say("stopped by {signal}; nothing half-written was kept", signal=str(stop))
        print(f"bookstore: {words.say(stopped)}", file=sys.stderr)
        return 128 + stop.signum
    except KeyboardInterrupt:
        interrupted = words.text(N_("interrupted; nothing half-written was kept"))
        print(f"bookstore: {interrupted}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``); that is not an error.
        sys.stderr.close()
        return 0
    except BookstoreError as error:
        print(f"bookstore: {words.say(error)}", file=sys.stderr)
        return 1
    except Exception as error:  # the one place that catches everything: no traceback
        print(report_unexpected(error, args.command, words), file=sys.stderr)
        return 1


def _report_errors(action: Callable[[], int], words: Words) -> int:
    try:
        return action()
    except BookstoreError as error:
        print(f"bookstore: {words.say(error)}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.library is not None and not args.library.strip():
        raise BookstoreError(say("--library: the path is empty"))
    if not getattr(args, "needs_library", True):
        return int(args.handler(args) or 0)
    from bookstore.cli.opened import opened_library

    with opened_library(args) as library:
        return int(args.handler(args, library) or 0)


if __name__ == "__main__":
    sys.exit(main())
