"""``bookstore feeds``: subscribe to RSS and Atom feeds; new issues arrive in the library."""

from __future__ import annotations

import argparse
import sys

from bookstore.cli.timeouts import add_timeout
from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    feeds = commands.add_parser("feeds", help="subscribe to a series' RSS or Atom feed")
    actions = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="subscribe to a feed (it is read at once)")
    add.add_argument("url", metavar="URL")
    add.add_argument(
        "--download",
        choices=["free", "none"],
        default="none",
        help="download free issues as they appear (default: none, only list them)",
    )
    _common(add)
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="the subscriptions, with their unread items")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)

    refresh = actions.add_parser("refresh", help="read every feed (or one) for new issues")
    refresh.add_argument("feed", nargs="?", metavar="URL|ID", help="only this subscription")
    _common(refresh)
    refresh.set_defaults(handler=_refresh)

    remove = actions.add_parser("remove", help="unsubscribe (issues it brought stay)")
    remove.add_argument("feed", metavar="URL|ID")
    remove.set_defaults(handler=_remove)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_timeout(parser, "a feed")


def _add(args: argparse.Namespace, library: Library) -> int:
    from bookstore.store.feeds.subscriptions import FeedReader

    with FeedReader(library, timeout=args.timeout) as reader:
        report = reader.subscribe(args.url, download_free=args.download == "free")
    _show([report], args.json, added=True)
    return 0


def _list(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli.output import print_json, printable
    from bookstore.library.subscriptions import subscriptions

    found = subscriptions(library)
    if args.json:
        print_json([s.to_json() for s in found])
        return 0
    for sub in found:
        state = (
            f"error: {printable(sub.error)}"
            if sub.error
            else f"checked {sub.checked_at or 'never'}"
        )
        download = ", downloads free issues" if sub.download_free else ""
        print(
            f"{sub.id:>4}  {printable(sub.title)}  ({sub.unread} unread of {sub.items}{download})"
            f"\n      {printable(sub.url)}\n      {state}"
        )
    if not found:
        print("no subscriptions (bookstore feeds add URL)")
    return 0


def _refresh(args: argparse.Namespace, library: Library) -> int:
    from bookstore.library.subscriptions import subscription
    from bookstore.store.feeds.subscriptions import FeedReader

    with FeedReader(library, timeout=args.timeout) as reader:
        if args.feed:
            reports = [reader.refresh(subscription(library, args.feed))]
        else:
            reports = reader.refresh_all()
    _show(reports, args.json)
    return 1 if any(report.error for report in reports) else 0


def _remove(args: argparse.Namespace, library: Library) -> int:
    from bookstore.library.subscriptions import remove_subscription

    removed = remove_subscription(library, args.feed)
    from bookstore.cli.output import printable

    print(f"unsubscribed from {printable(removed.title)} ({printable(removed.url)})")
    return 0


def _show(reports, as_json: bool, added: bool = False) -> None:
    from bookstore.cli.output import print_json, printable

    if as_json:
        data = [report.to_json() for report in reports]
        print_json(data[0] if added else data)
        return
    for report in reports:
        sub = report.subscription
        title = printable(sub.title)
        if report.error:
            print(f"bookstore: {title}: {printable(report.error)}", file=sys.stderr)
            continue
        verb = "subscribed to" if added else "read"
        news = "nothing new" if report.not_modified or not report.new else f"{len(report.new)} new"
        print(f"{verb} {title}: {news}, {sub.unread} unread")
        for item in report.new:
            issue = f"  (issue {item.issue_id})" if item.issue_id else ""
            print(f"  + {printable(item.title)}{issue}")
        for acquired in report.downloaded:
            print(f"  ↓ {printable(acquired.label)}: {printable(acquired.title)}")
        for note in report.notes:
            print(f"bookstore: note: {title}: {printable(note)}", file=sys.stderr)
