"""The command's argument parser, in the shell's language.

Help texts, descriptions and metavars are written in English and marked with ``N_``;
the parser says them in its ``Words`` when they are added, and argparse's own words
(``usage:``, the section titles, its errors) through :mod:`bookstore.cli.argparse_words`.
Every parser of the command (commands, their actions) shares the top one's words.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from bookstore.cli import argparse_words
from bookstore.i18n.messages import Message
from bookstore.i18n.words import Words

_WORDS = ("help", "description", "epilog", "usage", "title")


class Formatter(argparse.HelpFormatter):
    """argparse's formatter with its usage prefix and section titles translated."""

    def __init__(self, prog: str, words: Words, **options: Any) -> None:
        super().__init__(prog, **options)
        self.words = words

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[no-untyped-def]
        if prefix is None:
            prefix = self.words.text(argparse_words.USAGE)
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(self.words.text(heading) if heading else heading)


class RawFormatter(argparse.RawDescriptionHelpFormatter, Formatter):
    """A description written with its own line breaks (the search language's table)."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks ``words``' language."""

    def __init__(self, *, words: Words, raw: bool = False, **options: Any) -> None:
        self.words = words
        kind = RawFormatter if raw else Formatter
        super().__init__(
            formatter_class=functools.partial(kind, words=words),
            add_help=False,
            **_translated(words, options),
        )
        self.register("action", "parsers", Commands)
        self.add_argument("-h", "--help", action="help", help=argparse_words.HELP)

    def add_argument(self, *names: Any, **options: Any) -> argparse.Action:
        return super().add_argument(*names, **_prepared(self.words, options))

    def add_mutually_exclusive_group(self, **options: Any) -> Any:
        group = super().add_mutually_exclusive_group(**options)
        plain = group.add_argument

        def add(*names: Any, **more: Any) -> argparse.Action:
            return plain(*names, **_prepared(self.words, more))

        group.add_argument = add  # its arguments' words said like the parser's own
        return group

    def add_subparsers(self, **options: Any) -> Any:
        options.setdefault("parser_class", functools.partial(Parser, words=self.words))
        return super().add_subparsers(**_translated(self.words, options, ("metavar",)))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        said = argparse_words.say_argparse(message, self.words)
        error = self.words.text(argparse_words.ERROR)
        self.exit(2, error % {"prog": self.prog, "message": said})


class Commands(argparse._SubParsersAction):  # noqa: SLF001 (argparse's documented action class)
    """The commands (or a command's actions), each with its help in the parser's words."""

    def add_parser(self, name: str, **options: Any) -> Any:
        words: Words = self._parser_class.keywords["words"]  # type: ignore[attr-defined]
        if isinstance(options.get("help"), str):
            options["help"] = words.text(options["help"])
        return super().add_parser(name, **options)


def _translated(
    words: Words, options: dict[str, Any], more: tuple[str, ...] = ()
) -> dict[str, Any]:
    return {
        key: words.text(value) if key in _WORDS + more and isinstance(value, str) else value
        for key, value in options.items()
    }


def _prepared(words: Words, options: dict[str, Any]) -> dict[str, Any]:
    """An argument's options with its help and metavar in ``words``, and its type's
    errors said in them."""
    options = _translated(words, options, ("metavar",))
    if callable(options.get("type")):
        options["type"] = _said(options["type"], words)
    return options


def _said(convert: Callable[[str], Any], words: Words) -> Callable[[str], Any]:
    """``convert`` with the message of its ArgumentTypeError said in ``words``."""

    @functools.wraps(convert)
    def said(text: str) -> Any:
        try:
            return convert(text)
        except argparse.ArgumentTypeError as error:
            if error.args and isinstance(error.args[0], Message):
                raise argparse.ArgumentTypeError(words.say(error.args[0])) from None
            raise

    return said
