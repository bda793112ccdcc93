"""``bookstore feeds``: subscribe to RSS and Atom feeds; new issues arrive in the library."""

from __future__ import annotations

import argparse
import sys

from bookstore.cli.timeouts import add_timeout
from bookstore.i18n.messages import N_, say, say_plural
from bookstore.i18n.words import Words
from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    feeds = commands.add_parser("feeds", help=N_("subscribe to a series' RSS or Atom feed"))
    actions = feeds.add_subparsers(dest="feeds_command", metavar=N_("ACTION"), required=True)

    add = actions.add_parser("add", help=N_("subscribe to a feed (it is read at once)"))
    add.add_argument("url", metavar="URL", help=N_("the feed's address"))
    add.add_argument(
        "--download",
        choices=["free", "none"],
        default="none",
        help=N_("download free issues as they appear (default: none, only list them)"),
    )
    _common(add)
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help=N_("the subscriptions, with their unread items"))
    listing.add_argument("--json", action="store_true", help=N_("print JSON"))
    listing.set_defaults(handler=_list)

    refresh = actions.add_parser("refresh", help=N_("read every feed (or one) for new issues"))
    refresh.add_argument("feed", nargs="?", metavar="URL|ID", help=N_("only this subscription"))
    _common(refresh)
    refresh.set_defaults(handler=_refresh)

    remove = actions.add_parser("remove", help=N_("unsubscribe (issues it brought stay)"))
    remove.add_argument("feed", metavar="URL|ID", help=N_("the subscription"))
    remove.set_defaults(handler=_remove)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=N_("print JSON"))
    add_timeout(parser, store=False)


def _add(args: argparse.Namespace, library: Library) -> int:
    from bookstore.store.feeds.subscriptions import FeedReader

    with FeedReader(library, timeout=args.timeout) as reader:
        report = reader.subscribe(args.url, download_free=args.download == "free")
    _show([report], args.json, args.words, added=True)
    return 0


def _list(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli.output import print_json, printable
    from bookstore.library.subscriptions import subscriptions

    found = subscriptions(library)
    if args.json:
        print_json([s.to_json() for s in found])
        return 0
    words = args.words
    for sub in found:
        if sub.error:
            state = words.say(say("error: {error}", error=printable(sub.error)))
        elif sub.checked_at:
            state = words.say(say("checked {when}", when=sub.checked_at))
        else:
            state = words.text(N_("never checked"))
        download = words.text(N_(", downloads free issues")) if sub.download_free else ""
        unread = words.say(say("{unread} unread of {items}", unread=sub.unread, items=sub.items))
        print(
            f"{sub.id:>4}  {printable(sub.title)}  ({unread}{download})"
            f"\n      {printable(sub.url)}\n      {state}"
        )
    if not found:
        print(words.text(N_("no subscriptions (bookstore feeds add URL)")))
    return 0


def _refresh(args: argparse.Namespace, library: Library) -> int:
    from bookstore.library.subscriptions import subscription
    from bookstore.store.feeds.subscriptions import FeedReader

    with FeedReader(library, timeout=args.timeout) as reader:
        if args.feed:
            reports = [reader.refresh(subscription(library, args.feed))]
        else:
            reports = reader.refresh_all()
    _show(reports, args.json, args.words)
    return 1 if any(report.error for report in reports) else 0


def _remove(args: argparse.Namespace, library: Library) -> int:
    from bookstore.library.subscriptions import remove_subscription

    removed = remove_subscription(library, args.feed)
    from bookstore.cli.output import printable

    print(args.words.say(say("unsubscribed from {title} ({url})", title=printable(removed.title),
                             url=printable(removed.url))))  # fmt: skip
    return 0


def _show(reports, as_json: bool, words: Words, added: bool = False) -> None:
    from bookstore.cli.output import print_json, printable

    if as_json:
        data = [report.to_json() for report in reports]
        print_json(data[0] if added else data)
        return
    for report in reports:
        sub = report.subscription
        title = printable(sub.title)
        if report.error:
            print(f"bookstore: {title}: {printable(words.say(report.error))}", file=sys.stderr)
            continue
        if report.not_modified or not report.new:
            news = words.text(N_("nothing new"))
        else:
            news = words.say(say_plural("{count} new", "{count} new", len(report.new)))
        if added:
            line = say("subscribed to {title}: {news}, {unread} unread", title=title, news=news,
                       unread=sub.unread)  # fmt: skip
        else:
            line = say("read {title}: {news}, {unread} unread", title=title, news=news,
                       unread=sub.unread)  # fmt: skip
        print(words.say(line))
        for item in report.new:
            issue = words.say(say("  (issue {id})", id=item.issue_id)) if item.issue_id else ""
            print(f"  + {printable(item.title)}{issue}")
        for acquired in report.downloaded:
            print(f"  ↓ {printable(acquired.label)}: {printable(acquired.title)}")
        for note in report.notes:
            said = words.say(say("note: {title}: {note}", title=title, note=printable(note)))
            print(f"bookstore: {said}", file=sys.stderr)
