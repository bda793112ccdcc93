"""The OpenSearch 1.1 description of the catalog's search."""

from __future__ import annotations

from lxml import etree

from bookstore.i18n.messages import N_
from bookstore.i18n.words import Words
from bookstore.server import urls

NAMESPACE = "http://a9.com/-/spec/opensearch/1.1/"


def description(base_url: str, words: Words) -> bytes:
    """The description, its sentence in the reader's language (``words``)."""
    base = base_url.rstrip("/")
    root = etree.Element(f"{{{NAMESPACE}}}OpenSearchDescription", nsmap={None: NAMESPACE})

    def add(tag: str, text: str | None = None, **attributes: str) -> None:
        element = etree.SubElement(root, f"{{{NAMESPACE}}}{tag}", attributes)
        element.text = text

    add("ShortName", "Bookstore")
    add(
        "Description",
        words.text(
            N_(
                'Search the catalog: words, prefixes (nucl*), "phrases", OR, NOT, and the '
                "fields series:, year:, author:, topic:, lang:."
            )
        ),
    )
    add("InputEncoding", "UTF-8")
    add("OutputEncoding", "UTF-8")
    add("Url", type=urls.ATOM_ACQUISITION, template=f"{base}/opds/search?q={{searchTerms}}")
    add("Url", type=urls.OPDS2, template=f"{base}/opds2/search?query={{searchTerms}}")
    add("Query", role="example", searchTerms="energy series:spotlight")
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")
