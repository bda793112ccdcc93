"""``bookstore cite``: chosen issues as BibTeX, BibLaTeX, RIS, CSL-JSON or styled text."""

from __future__ import annotations

import argparse
from pathlib import Path

from bookstore.citations.formats import DEFAULT_STYLE, FORMATS, cite
from bookstore.fileio import atomic_output
from bookstore.i18n.messages import N_
from bookstore.library.library import Library
from bookstore.model import LANGUAGES
from bookstore.selection import select_issues


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "cite",
        help=N_("cite issues as BibTeX, BibLaTeX, RIS, CSL-JSON or text in a citation style"),
        description=N_(
            "Write the citations of the chosen issues. Text uses a CSL style, named as "
            "the CSL style repository names it (apa, chicago-author-date, "
            "harvard-cite-them-right, iso690-author-date-en ...)."
        ),
    )
    parser.add_argument("ids", nargs="*", type=int, metavar="ID", help=N_("issue ids"))
    parser.add_argument(
        "--query", metavar=N_("QUERY"), help=N_("also every issue matching this search")
    )
    parser.add_argument("--format", choices=FORMATS, required=True, help=N_("the citation format"))
    parser.add_argument(
        "--style",
        default=DEFAULT_STYLE,
        metavar=N_("NAME"),
        help=N_("for text (default %(default)s)"),
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        help=N_("the language of a style's words (default: each issue's own)"),
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar=N_("FILE"), help=N_("write here, not to the terminal")
    )
    parser.set_defaults(handler=_cite)


def _cite(args: argparse.Namespace, library: Library) -> int:
    issues = select_issues(library, args.ids, args.query, verb="cite")
    text = cite(issues, args.format, style=args.style, language=args.language)
    if args.output is None:
        print(text, end="")
        return 0
    with atomic_output(args.output) as temporary:
        temporary.write_text(text, encoding="utf-8")
    print(args.output)
    return 0
