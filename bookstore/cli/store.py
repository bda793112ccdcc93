"""``bookstore store``: browse and search any OPDS catalog, get free issues, buy, restore.

Only argparse is imported here; each handler imports the store modules it needs, so
the other commands start without the HTTP client.
"""

from __future__ import annotations

import argparse

from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    store = commands.add_parser(
        "store", help="browse, search and get issues from an OPDS catalog (a store)"
    )
    actions = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)

    browse = actions.add_parser(
        "browse", help="show a catalog page: its entries and where it leads"
    )
    browse.add_argument("url", metavar="URL")
    browse.add_argument("--all", action="store_true", help="follow the following pages too")
    _common(browse)
    browse.set_defaults(handler=_browse)

    search = actions.add_parser("search", help="search a catalog")
    search.add_argument("url", metavar="URL")
    search.add_argument("query", metavar="QUERY")
    _common(search)
    search.set_defaults(handler=_search)

    get = actions.add_parser("get", help="download a free issue into the library")
    get.add_argument("url", metavar="URL", help="the catalog page that lists it (or its start)")
    get.add_argument("entry_id", metavar="ENTRY_ID", help="the entry's id, as browse prints it")
    _common(get)
    get.set_defaults(handler=_get)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="give up when the store sends nothing for this long (default 30)",
    )


def _browse(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli import store_output

    with _catalog(args) as catalog:
        feeds = list(catalog.pages(args.url)) if args.all else [catalog.open(args.url)]
    store_output.show_feeds(feeds, args.json)
    return 0


def _search(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli import store_output

    with _catalog(args) as catalog:
        feed = catalog.open(args.url)
        results = catalog.search(feed, args.query)
    store_output.show_feeds([results], args.json)
    return 0


def _get(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli import store_output
    from bookstore.store.acquire import get_free_entry

    with _catalog(args) as catalog:
        entry = catalog.find_entry(args.url, args.entry_id)
        title = _store_title(catalog, args.url)
        job = store_output.progress_job(args.json)
        acquired = get_free_entry(catalog, library, entry, title, job)
    store_output.show_acquired([acquired], args.json)
    return 0


def _catalog(args: argparse.Namespace):
    from bookstore.store.accounts import auth_for
    from bookstore.store.catalog import CatalogClient

    return CatalogClient(timeout=args.timeout, auth=auth_for(args.url))


def _store_title(catalog, url: str) -> str:
    feed = catalog.open(url)
    if feed.start and feed.start.href != feed.url:
        try:
            return catalog.open(feed.start.href).title or feed.title
        except Exception:  # the start page is only for the name; the page itself is enough
            return feed.title
    return feed.title
