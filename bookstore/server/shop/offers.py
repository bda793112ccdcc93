"""How an issue can be had: free downloads, a purchase, or (on a shelf) the owner's links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bookstore.model import Issue, Price
from bookstore.server import urls

OPEN_ACCESS = "http://opds-spec.org/acquisition/open-access"
BUY = "http://opds-spec.org/acquisition/buy"
ACQUISITION = "http://opds-spec.org/acquisition"

FORMAT_TITLES = {"epub": "EPUB", "pdf": "PDF"}


@dataclass(frozen=True)
class Acquisition:
    rel: str
    href: str
    media_type: str  # what the link leads to
    format: str  # "epub" or "pdf": the file the reader ends up with
    price: Price | None = None

    @property
    def file_type(self) -> str:
        return urls.FORMATS[self.format]

    @property
    def indirect(self) -> bool:
        return self.media_type != self.file_type


AcquisitionsOf = Callable[[Issue], list[Acquisition]]


def catalog_acquisitions(issue: Issue) -> list[Acquisition]:
    """Free issues: a direct download per format. Priced ones: a purchase per format,
    through the issue's store page."""
    if issue.is_free:
        return [
            Acquisition(OPEN_ACCESS, urls.file(issue.id or 0, kind), media, kind)
            for kind, media in urls.FORMATS.items()
        ]
    return [
        Acquisition(BUY, urls.store_page(issue.id or 0), "text/html", kind, issue.price)
        for kind in urls.FORMATS
    ]


def owner_acquisitions(link_for: Callable[[int, str], str]) -> AcquisitionsOf:
    """Acquisitions for an owner's shelf: ``link_for(issue_id, format)`` gives each URL."""

    def acquisitions(issue: Issue) -> list[Acquisition]:
        return [
            Acquisition(ACQUISITION, link_for(issue.id or 0, kind), media, kind)
            for kind, media in urls.FORMATS.items()
        ]

    return acquisitions
