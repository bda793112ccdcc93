"""Printing catalog pages and downloads for people (text) and programs (JSON)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from bookstore.cli.output import bytes_text, number_text, price_text, print_json, printable
from bookstore.i18n.messages import N_, say, say_plural
from bookstore.i18n.words import Words
from bookstore.jobs import Job
from bookstore.store.acquire import Acquired
from bookstore.store.opds.model import Entry, Feed, Group
from bookstore.store.session import Purchase


def show_feeds(
    feeds: Sequence[Feed], as_json: bool, words: Words, out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    for feed in feeds:
        for warning in feed.warnings:
            note = say("note: {url}: {warning}", url=printable(feed.url),
                       warning=printable(words.say(warning)))  # fmt: skip
            print(f"bookstore: {words.say(note)}", file=sys.stderr)
    if as_json:
        pages = [feed.to_json() for feed in feeds]
        print_json(pages[0] if len(pages) == 1 else pages, out)
        return
    for feed in feeds:
        _print_feed(feed, out, words)


def note_incomplete(pages: int, next_url: str, words: Words) -> None:
    """``--all`` stopped at its page limit: the list is not the whole catalog."""
    note = say(
        "note: the list is incomplete: it stops after {pages} pages, "
        "and the catalog goes on at {url}",
        pages=number_text(pages, words),
        url=printable(next_url),
    )
    print(f"bookstore: {words.say(note)}", file=sys.stderr)


def _print_feed(feed: Feed, out: TextIO, words: Words) -> None:
    out.write(f"{printable(feed.title or feed.url)}\n{printable(feed.url)}\n")
    if feed.total_results is not None:
        found = say_plural("{count} result", "{count} results", feed.total_results)
        out.write(words.say(found) + "\n")
    ungrouped = feed.ungrouped
    _print_navigation([e for e in ungrouped if e in feed.navigation_entries], out, "  ")
    groups = {link.facet_group for link in feed.facets}
    for group in sorted(groups):
        names = ", ".join(
            f"[{printable(link.title)}]" if link.active_facet else printable(link.title)
            for link in feed.facets
            if link.facet_group == group
        )
        out.write(f"  {printable(group) or words.text(N_('Facets'))}: {names}\n")
    for entry in ungrouped:
        if entry.is_publication:
            _print_entry(entry, out, words)
    for catalog_group in feed.groups:
        _print_group(catalog_group, out, words)
    if not feed.publications and not feed.navigation_entries:
        out.write(f"  {words.text(N_('(nothing here)'))}\n")
    if feed.next:
        out.write(words.say(say("next page: {url}", url=printable(feed.next.href))) + "\n")
    out.write("\n")


def _print_group(group: Group, out: TextIO, words: Words) -> None:
    """A group as the catalog shows it: its title, where all of it is, its entries."""
    more = words.say(say("  (all: {url})", url=printable(group.href))) if group.href else ""
    title = printable(group.title) or words.text(N_("Untitled group"))
    out.write(f"\n== {title} =={more}\n")
    _print_navigation(group.navigation_entries, out, "  ")
    for entry in group.publications:
        _print_entry(entry, out, words)
    if not group.entries:
        out.write(f"  {words.text(N_('(nothing here)'))}\n")


def _print_navigation(entries: list[Entry], out: TextIO, indent: str) -> None:
    for entry in entries:
        if entry.navigation:
            out.write(f"{indent}→ {printable(entry.title)}  {printable(entry.navigation.href)}\n")


def _print_entry(entry: Entry, out: TextIO, words: Words) -> None:
    if entry.is_free or entry.price:
        price = price_text(entry.price, words, entry.is_free)
    else:
        price = words.text(N_("not for sale"))
    details = [", ".join(printable(author) for author in entry.authors)] if entry.authors else []
    details.append(_series_text(entry, words))
    if entry.published_text:
        details.append(entry.published_text)
    if entry.language:
        details.append(printable(entry.language))
    details.append(price)
    out.write(f"• {printable(entry.title)}\n  {' · '.join(details)}\n  id: {printable(entry.id)}\n")
    for link in entry.acquisitions:
        rel = link.rel.rsplit("/", 1)[-1] if link.rel.count("/") > 3 else "acquisition"
        out.write(f"  {printable(rel)}: {printable(link.type) or '?'} {printable(link.href)}\n")


def _series_text(entry: Entry, words: Words) -> str:
    if entry.series is None:
        return words.text(N_("not in a series"))
    position = entry.series.number or entry.series.position
    name = printable(entry.series.name)
    return f"{name} {position:g}" if position else name


def show_acquired(
    results: Sequence[Acquired], as_json: bool, words: Words, out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    if as_json:
        print_json([result.to_json() for result in results], out)
        return
    for result in results:
        values = {"id": result.issue_id, "label": printable(result.label),
                  "title": printable(result.title), "kind": printable(result.file.kind),
                  "size": bytes_text(result.file.size, words)}  # fmt: skip
        if result.created:
            line = say("added {id}: {label}: {title} ({kind}, {size})", **values)
        else:
            line = say("updated {id}: {label}: {title} ({kind}, {size})", **values)
        out.write(words.say(line) + "\n")
        for note in result.notes:
            out.write(_note(note, words))


def _note(note: object, words: Words) -> str:
    return "  " + words.say(say("note: {note}", note=printable(words.say(note)))) + "\n"


def progress_job(quiet: bool, words: Words) -> Job:
    """A Job that draws a progress line on stderr when it is a terminal."""
    if quiet or not sys.stderr.isatty():
        return Job()

    def draw(fraction: float, message: object) -> None:
        end = "\n" if fraction >= 1.0 else ""
        share = number_text(fraction * 100, words, "0.0")
        sys.stderr.write(f"\r  {share:>5} %  {words.say(message):<40}{end}")
        sys.stderr.flush()

    return Job(on_progress=draw)


def show_purchase(
    purchase: Purchase, as_json: bool, words: Words, out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    if as_json:
        print_json(purchase.to_json(), out)
        return
    order = purchase.order
    total = price_text(order.gross, words) if order.gross else ""
    paid = say("order {number}: paid {total}", number=printable(order.number),
               total=total)  # fmt: skip
    provider = words.text(N_(" (test provider: no money was taken)"))
    out.write(words.say(paid) + (provider if order.provider == "test" else "") + "\n")
    for note in purchase.notes:
        out.write(_note(note, words))
    if purchase.receipt:
        out.write(words.say(say("receipt: {path}", path=str(purchase.receipt))) + "\n")
    show_acquired(purchase.acquired, False, words, out)


def read_secret(words: Words, prompt: str, confirm: str | None = None, echo: bool = False) -> str:
    """A password (or card number) from the terminal, not echoed, or from standard input;
    ``prompt`` and ``confirm`` are in the shell's language."""
    import getpass

    from bookstore.errors import BookstoreError

    what = prompt.rstrip(": ").lower()
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise BookstoreError(say("{what}: nothing was given on standard input", what=what))
        return line
    value = input(prompt) if echo else getpass.getpass(prompt)
    if confirm and getpass.getpass(confirm) != value:
        raise BookstoreError(say("the two passwords differ; nothing was changed"))
    if not value:
        raise BookstoreError(say("{what}: nothing was given", what=what))
    return value
