"""An OPDS 2 catalog shaped like the public test catalogs: publications sharing one
identifier, navigation links to one address, images with sizes, and groups."""

from __future__ import annotations

URL = "http://c.test/opds2/home.json"
SHARED = "urn:isbn:9780000000000"


def publication(title: str, href: str, images: list | None = None) -> dict:
    return {
        "metadata": {"title": title, "identifier": SHARED, "language": "fr"},
        "links": [
            {
                "rel": "http://opds-spec.org/acquisition",
                "href": href,
                "type": "application/epub+zip",
            }
        ],
        "images": images or [],
    }


HOME = {
    "metadata": {"title": "Test Catalog"},
    "links": [{"rel": "self", "href": "home.json", "type": "application/opds+json"}],
    "navigation": [
        {"href": "new.json", "title": "New Releases", "type": "application/opds+json"},
        {"href": "new.json", "title": "Staff Picks", "type": "application/opds+json"},
    ],
    "publications": [
        publication(
            "Le Mystère de la chambre jaune",
            "/books/1.epub",
            [
                {"href": "/covers/small.jpg", "type": "image/jpeg", "width": 146, "height": 110},
                {"href": "/covers/large.jpg", "type": "image/jpeg", "width": 260, "height": 346},
                {"href": "/covers/middle.jpg", "type": "image/jpeg", "width": 200, "height": 200},
            ],
        ),
        publication("Le Parfum de la dame en noir", "/books/2.epub"),
        publication("Rouletabille chez le Tsar", "/books/3.epub"),
    ],
    "groups": [
        {
            "metadata": {"title": "Collections"},
            "links": [{"rel": "self", "href": "collections.json", "type": "application/opds+json"}],
            "navigation": [
                {"href": "classics.json", "title": "Classics", "type": "application/opds+json"},
                {"href": "poetry.json", "title": "Poetry", "type": "application/opds+json"},
            ],
        },
        {
            "metadata": {"title": "Popular"},
            "publications": [publication("Chéri", "/books/4.epub")],
        },
    ],
}
