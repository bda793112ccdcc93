"""Printing catalog pages and downloads for people (text) and programs (JSON)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from bookstore.cli.output import print_json, printable
from bookstore.jobs import Job
from bookstore.store.acquire import Acquired
from bookstore.store.opds.model import Entry, Feed, Group
from bookstore.store.session import Purchase


def show_feeds(feeds: Sequence[Feed], as_json: bool, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for feed in feeds:
        for warning in feed.warnings:
            print(f"bookstore: note: {printable(feed.url)}: {printable(warning)}", file=sys.stderr)
    if as_json:
        pages = [feed.to_json() for feed in feeds]
        print_json(pages[0] if len(pages) == 1 else pages, out)
        return
    for feed in feeds:
        _print_feed(feed, out)


def note_incomplete(pages: int, next_url: str) -> None:
    """``--all`` stopped at its page limit: the list is not the whole catalog."""
    print(
        f"bookstore: note: the list is incomplete: it stops after {pages:,} pages, "
        f"and the catalog goes on at {printable(next_url)}",
        file=sys.stderr,
    )


def _print_feed(feed: Feed, out: TextIO) -> None:
    out.write(f"{printable(feed.title or feed.url)}\n{printable(feed.url)}\n")
    if feed.total_results is not None:
        out.write(f"{feed.total_results} results\n")
    ungrouped = feed.ungrouped
    _print_navigation([e for e in ungrouped if e in feed.navigation_entries], out, "  ")
    groups = {link.facet_group for link in feed.facets}
    for group in sorted(groups):
        names = ", ".join(
            f"[{printable(link.title)}]" if link.active_facet else printable(link.title)
            for link in feed.facets
            if link.facet_group == group
        )
        out.write(f"  {printable(group) or 'Facets'}: {names}\n")
    for entry in ungrouped:
        if entry.is_publication:
            _print_entry(entry, out)
    for catalog_group in feed.groups:
        _print_group(catalog_group, out)
    if not feed.publications and not feed.navigation_entries:
        out.write("  (nothing here)\n")
    if feed.next:
        out.write(f"next page: {printable(feed.next.href)}\n")
    out.write("\n")


def _print_group(group: Group, out: TextIO) -> None:
    """A group as the catalog shows it: its title, where all of it is, its entries."""
    more = f"  (all: {printable(group.href)})" if group.href else ""
    out.write(f"\n== {printable(group.title) or 'Untitled group'} =={more}\n")
    _print_navigation(group.navigation_entries, out, "  ")
    for entry in group.publications:
        _print_entry(entry, out)
    if not group.entries:
        out.write("  (nothing here)\n")


def _print_navigation(entries: list[Entry], out: TextIO, indent: str) -> None:
    for entry in entries:
        if entry.navigation:
            out.write(f"{indent}→ {printable(entry.title)}  {printable(entry.navigation.href)}\n")


def _print_entry(entry: Entry, out: TextIO) -> None:
    price = (
        "free"
        if entry.is_free
        else (
            f"{entry.price.amount:.2f} {printable(entry.price.currency)}"
            if entry.price
            else "not for sale"
        )
    )
    details = [", ".join(printable(author) for author in entry.authors)] if entry.authors else []
    details.append(_series_text(entry))
    if entry.published_text:
        details.append(entry.published_text)
    if entry.language:
        details.append(printable(entry.language))
    details.append(price)
    out.write(f"• {printable(entry.title)}\n  {' · '.join(details)}\n  id: {printable(entry.id)}\n")
    for link in entry.acquisitions:
        rel = link.rel.rsplit("/", 1)[-1] if link.rel.count("/") > 3 else "acquisition"
        out.write(f"  {printable(rel)}: {printable(link.type) or '?'} {printable(link.href)}\n")


def _series_text(entry: Entry) -> str:
    if entry.series is None:
        return "not in a series"
    position = entry.series.number or entry.series.position
    name = printable(entry.series.name)
    return f"{name} {position:g}" if position else name


def show_acquired(results: Sequence[Acquired], as_json: bool, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if as_json:
        print_json([result.to_json() for result in results], out)
        return
    for result in results:
        status = "added" if result.created else "updated"
        out.write(
            f"{status} {result.issue_id}: {printable(result.label)}: {printable(result.title)} "
            f"({printable(result.file.kind)}, {result.file.size} bytes)\n"
        )
        for note in result.notes:
            out.write(f"  note: {printable(note)}\n")


def progress_job(quiet: bool) -> Job:
    """A Job that draws a progress line on stderr when it is a terminal."""
    if quiet or not sys.stderr.isatty():
        return Job()

    def draw(fraction: float, message: str) -> None:
        end = "\n" if fraction >= 1.0 else ""
        sys.stderr.write(f"\r  {fraction * 100:5.1f} %  {message:<40}{end}")
        sys.stderr.flush()

    return Job(on_progress=draw)


def show_purchase(purchase: Purchase, as_json: bool, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if as_json:
        print_json(purchase.to_json(), out)
        return
    order = purchase.order
    total = f"{order.gross.amount:.2f} {order.gross.currency}" if order.gross else ""
    provider = " (test provider: no money was taken)" if order.provider == "test" else ""
    out.write(f"order {printable(order.number)}: paid {printable(total)}{provider}\n")
    for note in purchase.notes:
        out.write(f"  note: {printable(note)}\n")
    if purchase.receipt:
        out.write(f"receipt: {purchase.receipt}\n")
    show_acquired(purchase.acquired, False, out)


def read_secret(prompt: str, confirm: str | None = None, echo: bool = False) -> str:
    """A password (or card number) from the terminal, not echoed, or from standard input."""
    import getpass

    from bookstore.errors import BookstoreError

    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise BookstoreError(
                f"{prompt.rstrip(': ').lower()}: nothing was given on standard input"
            )
        return line
    value = input(prompt) if echo else getpass.getpass(prompt)
    if confirm and getpass.getpass(confirm) != value:
        raise BookstoreError("the two passwords differ; nothing was changed")
    if not value:
        raise BookstoreError(f"{prompt.rstrip(': ').lower()}: nothing was given")
    return value
