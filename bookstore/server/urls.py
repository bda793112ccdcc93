"""The server's URLs, made in one place so feeds, API answers and routes agree."""

from __future__ import annotations

from urllib.parse import urlencode

from bookstore.server.catalog.stock import Filters

FORMATS = {"epub": "application/epub+zip", "pdf": "application/pdf"}

ATOM_NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation"
ATOM_ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition"
ATOM_ENTRY = "application/atom+xml;type=entry;profile=opds-catalog"
OPDS2 = "application/opds+json"
OPDS2_PUBLICATION = "application/opds-publication+json"
OPENSEARCH = "application/opensearchdescription+xml"
AUTHENTICATION = "application/opds-authentication+json"
RSS = "application/rss+xml"


def with_query(path: str, params: dict[str, str | int]) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def issues(filters: Filters, page: int = 1, *, root: str = "/opds") -> str:
    params: dict[str, str | int] = dict(filters.params())
    if page > 1:
        params["page"] = page
    return with_query(f"{root}/issues", params)


def search(text: str, page: int = 1, *, root: str = "/opds") -> str:
    params: dict[str, str | int] = {"q" if root == "/opds" else "query": text}
    if page > 1:
        params["page"] = page
    return with_query(f"{root}/search", params)


def entry(issue_id: int) -> str:
    return f"/opds/issues/{issue_id}"


def publication(issue_id: int) -> str:
    return f"/opds2/publications/{issue_id}"


def file(issue_id: int, kind: str) -> str:
    return f"/files/{issue_id}.{kind}"


def cover(issue_id: int, thumbnail: bool = False) -> str:
    return f"/covers/{issue_id}{'-thumbnail' if thumbnail else ''}.png"


def store_page(issue_id: int) -> str:
    return f"/store/issues/{issue_id}"


# An issue's citation as a reference manager imports it: extension -> media type.
CITATION_TYPES = {"ris": "application/x-research-info-systems", "bib": "application/x-bibtex"}


def citation(issue_id: int, extension: str) -> str:
    """Where an issue's citation file is: ``/store/issues/ID/citation.ris`` or ``.bib``."""
    return f"{store_page(issue_id)}/citation.{extension}"


def rss(series: str | None = None) -> str:
    return f"/rss/{series}" if series else "/rss"


def issue_urn(issue_id: int) -> str:
    return f"urn:bookstore:issue:{issue_id}"
