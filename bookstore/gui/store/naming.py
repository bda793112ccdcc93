"""What a download row calls its issue: series, number and title, never an address or
an id. Plain text, the same in every language (names and numbers are the catalog's)."""

from __future__ import annotations

from bookstore.store.acquire import Acquired
from bookstore.store.opds.model import Entry
from bookstore.store.store_api import CartItem


def _named(label: str, title: str) -> str:
    return f"{label}: {title}" if label and title and label != title else (title or label)


def entry_name(entry: Entry) -> str:
    """ "PISM Spotlight 3/2024: Title" as far as the catalog says it."""
    series = entry.series
    if series is None or not series.name:
        return entry.title
    number = series.number
    if number is None and series.position is not None and series.position.is_integer():
        number = int(series.position)
    label = series.name
    if number is not None:
        label += f" {number}/{series.year}" if series.year else f" {number}"
    return _named(label, entry.title)


def acquired_name(acquired: Acquired) -> str:
    return _named(acquired.label, acquired.title)


def cart_names(items: tuple[CartItem, ...]) -> str:
    return "; ".join(_named(item.label, item.title) for item in items)
