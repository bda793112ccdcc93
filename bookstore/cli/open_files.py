"""``bookstore FILE...``: what a file manager's *Open with Bookstore* runs. Arguments
that are not a command but files open the window and import them."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import say

# The top-level options that take a value (``--library PATH``).
VALUED_OPTIONS = ("--library",)
BOOK_SUFFIXES = (".epub", ".pdf")


def split_files(arguments: Sequence[str], commands: Collection[str]) -> tuple[list[str], list[str]]:
    """The options for the parser and the files to open. No files when the first
    argument that is not an option is a command, or does not look like a file."""
    options: list[str] = []
    positionals: list[str] = []
    tokens = iter(arguments)
    for token in tokens:
        if token == "--":
            positionals.extend(tokens)
        elif token in VALUED_OPTIONS:
            options.append(token)
            value = next(tokens, None)
            if value is not None:
                options.append(value)
        elif token.startswith("-") and token != "-":
            options.append(token)
        else:
            positionals.append(token)
    if not positionals or positionals[0] in commands or not looks_like_file(positionals[0]):
        return list(arguments), []
    return options, positionals


def looks_like_file(name: str) -> bool:
    return name.lower().endswith(BOOK_SUFFIXES) or Path(name).exists()


def existing_files(names: Sequence[str]) -> list[Path]:
    """The files to open, each checked to be there."""
    paths = [Path(name) for name in names]
    for path in paths:
        if not path.exists():
            raise BookstoreError(say("{path}: there is no such file to open", path=str(path)))
    return paths
