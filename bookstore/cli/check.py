"""``bookstore check``: check the library from end to end."""

from __future__ import annotations

import argparse

from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        help="check the library: database, full-text index, every file, its checksum and "
        "that its path stays in the library",
    )
    check.set_defaults(handler=_check)


def _check(args: argparse.Namespace, library: Library) -> int:
    problems = library.check()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) > 1 else ''} found")
        return 1
    print(f"the library is sound: {library.count()} issues, every file in place")
    return 0
