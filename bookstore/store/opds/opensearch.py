"""Search links: OpenSearch 1.1 description documents and templates, OPDS 2 URI templates."""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin

from lxml import etree

from bookstore.i18n.messages import say
from bookstore.store.errors import CatalogError

OPENSEARCH_TYPE = "application/opensearchdescription+xml"
_PARAMETER = re.compile(r"\{([^}]+)\}")


def is_description(link_type: str) -> bool:
    return link_type.split(";")[0].strip().lower() == OPENSEARCH_TYPE


def template_from_description(body: bytes, url: str) -> str:
    """The search template of an OpenSearch description, preferring an OPDS Atom result."""
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
        root = etree.fromstring(body, parser, base_url=url)
    except etree.XMLSyntaxError as error:
        raise CatalogError(
            say("{url}: the search description is not XML ({reason})", url=url, reason=error.msg)
        ) from None
    if root is None:
        raise CatalogError(say("{url}: the search description is empty", url=url))
    candidates: list[tuple[int, str]] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag.rsplit("}", 1)[-1] != "Url":
            continue
        template = element.get("template")
        if not template:
            continue
        kind = (element.get("type") or "").lower()
        rank = (
            0
            if "opds-catalog" in kind
            else 1
            if "atom" in kind
            else 2
            if "opds+json" in kind
            else 3
        )
        if rank < 3:
            candidates.append((rank, urljoin(element.base or url, template)))
    if not candidates:
        raise CatalogError(say("{url}: the search description offers no catalog search", url=url))
    return min(candidates)[1]


def fill_template(template: str, terms: str) -> str:
    """Put ``terms`` into an OpenSearch template ({searchTerms}, optional {x?} left empty)
    or an OPDS 2 URI template ({?query,title,author})."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("?") or name.startswith("&"):  # RFC 6570 form-style query
            names = [n.strip() for n in name[1:].split(",")]
            if "query" in names:
                joiner = "?" if name.startswith("?") else "&"
                return f"{joiner}query={quote(terms, safe='')}"
            return ""
        bare = name.rstrip("?").split(":")[-1]
        if bare == "searchTerms":
            return quote(terms, safe="")
        if bare == "startPage":
            return "1" if not name.endswith("?") else ""
        if bare == "startIndex":
            return "0" if not name.endswith("?") else ""
        return ""

    return _PARAMETER.sub(replace, template)
