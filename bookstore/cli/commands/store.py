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
from bookstore.i18n.messages import N_, say

if TYPE_CHECKING:
    from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    store = commands.add_parser(
        "store", help=N_("browse, search, get and buy issues from a store (an OPDS catalog)")
    )
    actions = store.add_subparsers(dest="store_command", metavar=N_("ACTION"), required=True)

    browse = actions.add_parser(
        "browse", help=N_("show a catalog page: its entries and where it leads")
    )
    browse.add_argument("url", metavar="URL", help=N_("the catalog page (or the store)"))
    browse.add_argument("--all", action="store_true", help=N_("follow the following pages too"))
    _common(browse, json=True)
    browse.set_defaults(handler=_browse, needs_library=False)

    search = actions.add_parser("search", help=N_("search a catalog"))
    search.add_argument("url", metavar="URL", help=N_("the catalog page (or the store)"))
    search.add_argument("query", metavar=N_("QUERY"), help=N_("what to search for"))
    _common(search, json=True)
    search.set_defaults(handler=_search, needs_library=False)

    get = actions.add_parser("get", help=N_("download a free issue into the library"))
    get.add_argument("url", metavar="URL", help=N_("the catalog page that lists it (or the store)"))
    get.add_argument(
        "entry_id", metavar=N_("ENTRY_ID"), help=N_("the entry's id, as browse prints it")
    )
    _common(get, json=True)
    get.set_defaults(handler=_get)

    for name, text, description in (
        ("register", _REGISTER_HELP, _REGISTER_DESCRIPTION),
        ("login", _LOGIN_HELP, _LOGIN_DESCRIPTION),
    ):
        account = actions.add_parser(name, help=text, description=description)
        account.add_argument("url", metavar="URL", help=N_("the store"))
        account.add_argument(
            "--user", required=True, metavar=N_("EMAIL"), help=N_("your e-mail address")
        )
        if name == "register":
            account.add_argument("--name", metavar=N_("NAME"), help=N_("your name, for receipts"))
        _common(account)
        account.set_defaults(
            handler=_register if name == "register" else _login, needs_library=False
        )

    logout = actions.add_parser("logout", help=N_("sign out and forget the saved sign-in"))
    logout.add_argument("url", metavar="URL", help=N_("the store"))
    _common(logout)
    logout.set_defaults(handler=_logout, needs_library=False)

    buy = actions.add_parser(
        "buy",
        help=N_("buy issues and download them into the library"),
        description=N_(
            "Buy issues with a card, save the receipt beside the library and download "
            "them. Without --card the number is asked for (or read from standard input)."
        ),
    )
    buy.add_argument(
        "url", metavar="URL", help=N_("the catalog page that lists them (or the store)")
    )
    buy.add_argument(
        "entry_ids",
        nargs="+",
        metavar=N_("ENTRY_ID"),
        help=N_("the entries' ids, as browse prints them"),
    )
    buy.add_argument("--card", metavar=N_("NUMBER"), help=N_("the card number"))
    buy.add_argument("--expiry", default="", metavar=N_("MM/YY"), help=N_("the card's expiry date"))
    buy.add_argument("--cvc", default="", metavar=N_("CODE"), help=N_("the card's security code"))
    _common(buy, json=True)
    buy.set_defaults(handler=_buy)

    restore = actions.add_parser(
        "restore",
        help=N_("download everything your account owns into this library"),
        description=N_(
            "Download everything your account owns into the library. A library "
            "that does not exist yet is made empty (without the sample issues)."
        ),
    )
    restore.add_argument("url", metavar="URL", help=N_("the store"))
    _common(restore, json=True)
    restore.set_defaults(handler=_restore, sample=False)


_REGISTER_HELP = N_("create an account at the store and sign in")
_REGISTER_DESCRIPTION = N_(
    "Create an account at the store and sign in. The password is read from the terminal "
    "without echo, or from standard input when it is not a terminal. The store's token "
    "is kept in the system keyring."
)
_LOGIN_HELP = N_("sign in to the store")
_LOGIN_DESCRIPTION = N_(
    "Sign in to the store. The password is read from the terminal without echo, or from "
    "standard input when it is not a terminal. The store's token is kept in the system "
    "keyring."
)


def _common(parser: argparse.ArgumentParser, json: bool = False) -> None:
    if json:
        parser.add_argument("--json", action="store_true", help=N_("print JSON"))
    add_timeout(parser, store=True)


def _session(args: argparse.Namespace):
    from bookstore.store.session import StoreSession

    return StoreSession(args.url, timeout=args.timeout)


def _browse(args: argparse.Namespace) -> int:
    from bookstore.cli import store_output
    from bookstore.store.opds.catalog import MAX_PAGES

    with _session(args) as session:
        catalog = session.catalog
        feeds = list(catalog.pages(args.url)) if args.all else [catalog.open(args.url)]
    store_output.show_feeds(feeds, args.json, args.words)
    last = feeds[-1]
    if args.all and len(feeds) >= MAX_PAGES and last.next and last.next.href != last.url:
        store_output.note_incomplete(len(feeds), last.next.href, args.words)
    return 0


def _search(args: argparse.Namespace) -> int:
    from bookstore.cli import store_output

    with _session(args) as session:
        results = session.catalog.search(session.catalog.open(args.url), args.query)
    store_output.show_feeds([results], args.json, args.words)
    return 0


def _get(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli import store_output

    with _session(args) as session:
        entry = session.find_entry(args.entry_id, args.url)
        job = store_output.progress_job(args.json, args.words)
        acquired = session.get_free(library, entry, job)
    store_output.show_acquired([acquired], args.json, args.words)
    return 0


def _register(args: argparse.Namespace) -> int:
    from bookstore.cli.store_output import read_secret

    words = args.words
    password = read_secret(
        words, words.text(N_("Password: ")), confirm=words.text(N_("Password again: "))
    )
    with _session(args) as session:
        note = session.register(args.user, password, args.name)
    print(words.say(say("registered and signed in to {store} as {user}", store=session.origin,
                        user=args.user)))  # fmt: skip
    _note(note, args)
    return 0


def _login(args: argparse.Namespace) -> int:
    from bookstore.cli.store_output import read_secret

    password = read_secret(args.words, args.words.text(N_("Password: ")))
    with _session(args) as session:
        note = session.sign_in(args.user, password)
    print(args.words.say(say("signed in to {store} as {user}", store=session.origin,
                             user=args.user)))  # fmt: skip
    _note(note, args)
    return 0


def _logout(args: argparse.Namespace) -> int:
    with _session(args) as session:
        user = session.sign_out()
    if user:
        sentence = say("signed out of {store} ({user})", store=session.origin, user=user)
    else:
        sentence = say("you were not signed in to {store}", store=session.origin)
    print(args.words.say(sentence))
    return 0


def _buy(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli import store_output
    from bookstore.payment_card import Card
    from bookstore.store.store_api import PaymentFailed

    with _session(args) as session:
        session.require_account()
        ids = [session.issue_id(entry_id) for entry_id in args.entry_ids]
        words = args.words
        number = args.card or store_output.read_secret(
            words, words.text(N_("Card number: ")), echo=True
        )
        try:
            purchase = session.buy(
                library,
                ids,
                Card(number, args.expiry, args.cvc),
                store_output.progress_job(args.json, words),
            )
        except PaymentFailed as failed:
            if args.json and failed.order is not None:
                store_output.print_json(
                    {"order": failed.order.to_json(), "error": words.say(failed)}
                )
            raise
    store_output.show_purchase(purchase, args.json, args.words)
    return 0


def _restore(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli import store_output
    from bookstore.store.errors import RestoreIncomplete

    with _session(args) as session:
        try:
            job = store_output.progress_job(args.json, args.words)
            restored = session.restore(library, job)
        except RestoreIncomplete as incomplete:
            store_output.show_acquired(incomplete.restored, args.json, args.words)
            raise
    store_output.show_acquired(restored, args.json, args.words)
    if not args.json and not restored:
        none = say("your account at {store} owns no issues yet", store=session.origin)
        print(args.words.say(none))
    return 0


def _note(note: object, args: argparse.Namespace) -> None:
    import sys

    if note:
        said = args.words.say(say("note: {note}", note=note))
        print(f"bookstore: {said}", file=sys.stderr)
