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

if TYPE_CHECKING:
    from bookstore.library.library import Library

_INDEX = "search index: "


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        help="check the library: database, full-text index, every file, its checksum and "
        "that its path stays in the library",
        description="Check the library and report every problem; nothing is changed unless "
        "--repair is given.",
    )
    check.add_argument(
        "--repair",
        action="store_true",
        help="then repair what can be: make the search index again and finish or remove "
        "what an interrupted write left (a damaged database or missing files are reported)",
    )
    check.set_defaults(handler=_check, needs_library=False)


def _check(args: argparse.Namespace) -> int:
    from bookstore.library.library import DATABASE_NAME, Library
    from bookstore.library.location import library_path

    root = library_path(args.library)
    if not (root / DATABASE_NAME).is_file():
        raise BookstoreError(f"{root}: there is no library here to check")
    with Library.open(root, read_only=True, check=False) as library:
        found = _report(library)
        if not (found and args.repair):
            return _verdict(found, library)
    with Library.open(root, with_sample=False) as library:
        return _repair(library, found)


def _report(library: Library) -> list[str]:
    problems = library.check()
    for problem in problems:
        print(problem)
    return problems


def _repair(library: Library, found: list[str]) -> int:
    """Opening for writing has finished or removed what an interrupted write left;
    the index is made again when the check found it wanting."""
    from bookstore.cli.index_repair import rebuild

    if library.tidied:
        print(f"repaired: an earlier write was interrupted; {library.tidied.describe()}")
    if any(problem.startswith(_INDEX) for problem in found):
        rebuild(library, "bookstore: making the search index again from the library", force=True)
        print("repaired: the search index was made again")
    print("checking again")
    return _verdict(_report(library), library)


def _verdict(problems: list[str], library: Library) -> int:
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) > 1 else ''} found")
        return 1
    print(f"the library is sound: {library.count()} issues, every file in place")
    return 0
