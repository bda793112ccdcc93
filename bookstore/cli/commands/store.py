"""``bookstore store``: browse and search any OPDS catalog, get free issues, sign in,
buy, restore purchases.

Only argparse is imported here; each handler imports the store modules it needs, so
the other commands start without the HTTP client. Only the actions that put issues
into the library (get, buy, restore) open one; browsing, searching and signing in or
out make none.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bookstore.cli.timeouts import add_timeout

if TYPE_CHECKING:
    from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    store = commands.add_parser(
        "store", help="browse, search, get and buy issues from a store (an OPDS catalog)"
    )
    actions = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)

    browse = actions.add_parser(
        "browse", help="show a catalog page: its entries and where it leads"
    )
    browse.add_argument("url", metavar="URL")
    browse.add_argument("--all", action="store_true", help="follow the following pages too")
    _common(browse, json=True)
    browse.set_defaults(handler=_browse, needs_library=False)

    search = actions.add_parser("search", help="search a catalog")
    search.add_argument("url", metavar="URL")
    search.add_argument("query", metavar="QUERY")
    _common(search, json=True)
    search.set_defaults(handler=_search, needs_library=False)

    get = actions.add_parser("get", help="download a free issue into the library")
    get.add_argument("url", metavar="URL", help="the catalog page that lists it (or the store)")
    get.add_argument("entry_id", metavar="ENTRY_ID", help="the entry's id, as browse prints it")
    _common(get, json=True)
    get.set_defaults(handler=_get)

    for name, text in (
        ("register", "create an account at the store and sign in"),
        ("login", "sign in to the store"),
    ):
        account = actions.add_parser(
            name, help=text, description=f"{text[0].upper()}{text[1:]}. " + _PASSWORD_HELP
        )
        account.add_argument("url", metavar="URL")
        account.add_argument("--user", required=True, metavar="EMAIL")
        if name == "register":
            account.add_argument("--name", help="your name, for receipts")
        _common(account)
        account.set_defaults(
            handler=_register if name == "register" else _login, needs_library=False
        )

    logout = actions.add_parser("logout", help="sign out and forget the saved sign-in")
    logout.add_argument("url", metavar="URL")
    _common(logout)
    logout.set_defaults(handler=_logout, needs_library=False)

    buy = actions.add_parser(
        "buy",
        help="buy issues and download them into the library",
        description="Buy issues with a card, save the receipt beside the library and download "
        "them. Without --card the number is asked for (or read from standard input).",
    )
    buy.add_argument("url", metavar="URL")
    buy.add_argument("entry_ids", nargs="+", metavar="ENTRY_ID")
    buy.add_argument("--card", metavar="NUMBER", help="the card number")
    buy.add_argument("--expiry", default="", metavar="MM/YY")
    buy.add_argument("--cvc", default="", metavar="CODE")
    _common(buy, json=True)
    buy.set_defaults(handler=_buy)

    restore = actions.add_parser(
        "restore",
        help="download everything your account owns into this library",
        description="Download everything your account owns into the library. A library "
        "that does not exist yet is made empty (without the sample issues).",
    )
    restore.add_argument("url", metavar="URL")
    _common(restore, json=True)
    restore.set_defaults(handler=_restore, sample=False)


_PASSWORD_HELP = (
    "The password is read from the terminal without echo, or from standard input when "
    "it is not a terminal. The store's token is kept in the system keyring."
)


def _common(parser: argparse.ArgumentParser, json: bool = False) -> None:
    if json:
        parser.add_argument("--json", action="store_true", help="print JSON")
    add_timeout(parser, "the store")


def _session(args: argparse.Namespace):
    from bookstore.store.session import StoreSession

    return StoreSession(args.url, timeout=args.timeout)


def _browse(args: argparse.Namespace) -> int:
    from bookstore.cli import store_output
    from bookstore.store.opds.catalog import MAX_PAGES

    with _session(args) as session:
        catalog = session.catalog
        feeds = list(catalog.pages(args.url)) if args.all else [catalog.open(args.url)]
    store_output.show_feeds(feeds, args.json)
    last = feeds[-1]
    if args.all and len(feeds) >= MAX_PAGES and last.next and last.next.href != last.url:
        store_output.note_incomplete(len(feeds), last.next.href)
    return 0


def _search(args: argparse.Namespace) -> int:
    from bookstore.cli import store_output

    with _session(args) as session:
        results = session.catalog.search(session.catalog.open(args.url), args.query)
    store_output.show_feeds([results], args.json)
    return 0


def _get(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli import store_output

    with _session(args) as session:
        entry = session.find_entry(args.entry_id, args.url)
        acquired = session.get_free(library, entry, store_output.progress_job(args.json))
    store_output.show_acquired([acquired], args.json)
    return 0


def _register(args: argparse.Namespace) -> int:
    from bookstore.cli.store_output import read_secret

    password = read_secret("Password: ", confirm="Password again: ")
    with _session(args) as session:
        note = session.register(args.user, password, args.name)
    print(f"registered and signed in to {session.origin} as {args.user}")
    _note(note)
    return 0


def _login(args: argparse.Namespace) -> int:
    from bookstore.cli.store_output import read_secret

    password = read_secret("Password: ")
    with _session(args) as session:
        note = session.sign_in(args.user, password)
    print(f"signed in to {session.origin} as {args.user}")
    _note(note)
    return 0


def _logout(args: argparse.Namespace) -> int:
    with _session(args) as session:
        user = session.sign_out()
    print(
        f"signed out of {session.origin} ({user})"
        if user
        else f"you were not signed in to {session.origin}"
    )
    return 0


def _buy(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli import store_output
    from bookstore.payment_card import Card
    from bookstore.store.store_api import PaymentFailed

    with _session(args) as session:
        session.require_account()
        ids = [session.issue_id(entry_id) for entry_id in args.entry_ids]
        number = args.card or store_output.read_secret("Card number: ", echo=True)
        try:
            purchase = session.buy(
                library,
                ids,
                Card(number, args.expiry, args.cvc),
                store_output.progress_job(args.json),
            )
        except PaymentFailed as failed:
            if args.json and failed.order is not None:
                store_output.print_json({"order": failed.order.to_json(), "error": str(failed)})
            raise
    store_output.show_purchase(purchase, args.json)
    return 0


def _restore(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli import store_output
    from bookstore.store.errors import RestoreIncomplete

    with _session(args) as session:
        try:
            restored = session.restore(library, store_output.progress_job(args.json))
        except RestoreIncomplete as incomplete:
            store_output.show_acquired(incomplete.restored, args.json)
            raise
    store_output.show_acquired(restored, args.json)
    if not args.json and not restored:
        print(f"your account at {session.origin} owns no issues yet")
    return 0


def _note(note: str | None) -> None:
    import sys

    if note:
        print(f"bookstore: note: {note}", file=sys.stderr)
