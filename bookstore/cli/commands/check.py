"""``bookstore check``: check the library from end to end, and repair what can be.

The check changes nothing: the library is opened read-only, so a damaged search
index or what an interrupted write left is reported as it was found. ``--repair``
then opens it for writing, which finishes or removes what an interrupted write left,
makes the search index again when it has a problem, and checks once more.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import N_, say, say_plural
from bookstore.i18n.words import Words

if TYPE_CHECKING:
    from bookstore.library.library import Library

_INDEX = "search index: "


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        help=N_(
            "check the library: database, full-text index, every file, its checksum and "
            "that its path stays in the library"
        ),
        description=N_(
            "Check the library and report every problem; nothing is changed unless "
            "--repair is given."
        ),
    )
    check.add_argument(
        "--repair",
        action="store_true",
        help=N_(
            "then repair what can be: make the search index again and finish or remove "
            "what an interrupted write left (a damaged database or missing files are reported)"
        ),
    )
    check.set_defaults(handler=_check, needs_library=False)


def _check(args: argparse.Namespace) -> int:
    from bookstore.library.library import DATABASE_NAME, Library
    from bookstore.library.location import library_path

    root = library_path(args.library)
    if not (root / DATABASE_NAME).is_file():
        raise BookstoreError(say("{root}: there is no library here to check", root=str(root)))
    with Library.open(root, read_only=True, check=False) as library:
        found = _report(library, args.words)
        if not (found and args.repair):
            return _verdict(found, library, args.words)
    with Library.open(root, with_sample=False) as library:
        return _repair(library, found, args.words)


def _report(library: Library, words: Words) -> list[object]:
    problems = list(library.check())
    for problem in problems:
        print(words.say(problem))
    return problems


def _repair(library: Library, found: list[object], words: Words) -> int:
    """Opening for writing has finished or removed what an interrupted write left;
    the index is made again when the check found it wanting."""
    from bookstore.cli.index_repair import rebuild

    if library.tidied:
        tidied = say("repaired: an earlier write was interrupted; {what}",
                     what=library.tidied.describe())  # fmt: skip
        print(words.say(tidied))
    if any(str(problem).startswith(_INDEX) for problem in found):
        again = words.text(N_("making the search index again from the library"))
        rebuild(library, f"bookstore: {again}", words, force=True)
        print(words.text(N_("repaired: the search index was made again")))
    print(words.text(N_("checking again")))
    return _verdict(_report(library, words), library, words)


def _verdict(problems: list[object], library: Library, words: Words) -> int:
    if problems:
        print(words.say(say_plural("{count} problem found", "{count} problems found",
                                   len(problems))))  # fmt: skip
        return 1
    count = library.count()
    issues = say_plural("{count} issue", "{count} issues", count)
    print(words.say(say("the library is sound: {issues}, every file in place", issues=issues)))
    return 0
