"""Commands that read the library: search, show, list, series."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bookstore.catalog_json import issue_to_json
from bookstore.cli import output
from bookstore.cli.timeouts import add_timeout
from bookstore.errors import BookstoreError
from bookstore.i18n.messages import N_, say
from bookstore.library.search.ranking import Sort

if TYPE_CHECKING:
    from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    search = commands.add_parser(
        "search",
        help=N_("search the library"),
        description=_SEARCH_HELP,
        raw=True,
    )
    search.add_argument(
        "query", metavar=N_("QUERY"), help=N_("what to search for (see the description)")
    )
    search.add_argument(
        "--sort",
        choices=[s.value for s in Sort],
        default=Sort.RELEVANCE.value,
        help=N_("the order of the results (default: relevance)"),
    )
    search.add_argument(
        "--limit",
        type=_positive,
        default=20,
        metavar="N",
        help=N_("at most this many results (default 20)"),
    )
    search.add_argument(
        "--offset",
        type=_not_negative,
        default=0,
        metavar="N",
        help=N_("skip this many results"),
    )
    search.add_argument("--json", action="store_true", help=N_("print JSON"))
    search.set_defaults(handler=_search)

    show = commands.add_parser("show", help=N_("show one issue in full"))
    show.add_argument("id", type=int, metavar="ID", help=N_("the issue's id"))
    show.add_argument("--json", action="store_true", help=N_("print JSON"))
    show.set_defaults(handler=_show)

    listing = commands.add_parser("list", help=N_("list issues, newest first"))
    listing.add_argument("--series", metavar=N_("SLUG"), help=N_("only this series"))
    listing.add_argument("--year", type=int, metavar=N_("YEAR"), help=N_("only this year"))
    listing.add_argument("--limit", type=_positive, metavar="N", help=N_("at most this many"))
    listing.add_argument("--json", action="store_true", help=N_("print JSON"))
    listing.set_defaults(handler=_list)

    series = commands.add_parser("series", help=N_("list the series"))
    series.add_argument("--json", action="store_true", help=N_("print JSON"))
    series.add_argument(
        "--missing",
        nargs="?",
        const="",
        metavar=N_("SLUG"),
        help=N_(
            "what the library holds of each series (or of SLUG), year by year, and which "
            "numbers it lacks"
        ),
    )
    series.add_argument(
        "--store",
        metavar="URL",
        help=N_(
            "with --missing: also what this store (an OPDS catalog) offers that the library lacks"
        ),
    )
    add_timeout(series, store=True)
    series.set_defaults(handler=_series)


_SEARCH_HELP = N_("""\
Search titles, leads, texts, authors and topics; case and diacritics do not matter
(lodz finds Łódź, ежик finds ёжик).

  nuclear korea            both words        "north korea"     a phrase
  nucl*                    a prefix          sanctions OR embargo
  NOT china, -china        leave out         ( )               group
  series:spotlight  year:2019  year:2018..2019  author:pietrewicz
  lang:pl  topic:energy  owned:yes
""")


def _search(args: argparse.Namespace, library: Library) -> int:
    hits = library.search(args.query, sort=args.sort, limit=args.limit, offset=args.offset)
    if args.json:
        output.print_json([output.hit_to_json(hit) for hit in hits])
    else:
        output.print_hits(hits, args.words)
        if not hits:
            print(args.words.text(N_("no issue matches")))
    return 0


def _show(args: argparse.Namespace, library: Library) -> int:
    issue = library.get(args.id)
    if args.json:
        output.print_json(issue_to_json(issue))
    else:
        output.print_issue(issue, args.words)
    return 0


def _list(args: argparse.Namespace, library: Library) -> int:
    issues = library.list_issues(series=args.series, year=args.year, limit=args.limit)
    if args.json:
        output.print_json([issue_to_json(issue) for issue in issues])
    else:
        output.print_issues(issues, args.words)
    return 0


def _series(args: argparse.Namespace, library: Library) -> int:
    if args.store and args.missing is None:
        raise BookstoreError(
            say("--store: give --missing as well (the store tells what is missing)")
        )
    if args.missing is not None:
        return _missing(args, library)
    series, counts = library.series(), library.issue_counts()
    if args.json:
        output.print_json(output.series_json(series, counts))
    else:
        output.print_series(series, counts, args.words)
    return 0


def _missing(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli.gaps_output import gaps_json, gaps_line
    from bookstore.library.series_gaps import series_gaps

    if args.store:
        return _missing_from_store(args, library)
    found = series_gaps(library, args.missing or None)
    if args.json:
        output.print_json([gaps_json(entry) for entry in found])
        return 0
    for entry in found:
        for year in entry.years:
            print(gaps_line(entry.series.name_in(args.words.language), year, args.words))
    return 0


def _missing_from_store(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli.gaps_output import offer_json, offer_lines
    from bookstore.store.opds.catalog import CatalogClient
    from bookstore.store.series_offer import series_offers

    with CatalogClient(timeout=args.timeout) as catalog:
        found = series_offers(catalog, args.store, library, args.missing or None)
    if args.json:
        output.print_json([offer_json(entry) for entry in found])
        return 0
    for entry in found:
        for line in offer_lines(entry, args.words):
            print(line)
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(say("must be 1 or more"))
    return value


def _not_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(say("must be 0 or more"))
    return value
