"""Every catalog entry links its citation (RIS and BibTeX), in OPDS 1.2 and 2.0, and the
links lead to files a reference manager reads; the feeds stay valid."""

from __future__ import annotations

import bibtexparser
import rispy
from lxml import etree

from tests.server.conftest import validate

ATOM = "{http://www.w3.org/2005/Atom}"
KINDS = {"application/x-research-info-systems", "application/x-bibtex"}


def _read(client, href: str, kind: str):
    answer = client.get(href)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(kind)
    if kind == "application/x-bibtex":
        return bibtexparser.parse_string(answer.text).entries[0].key
    return rispy.loads(answer.text)[0]["title"]


def test_opds1_entries_link_their_citations(client, tmp_path) -> None:
    answer = client.get("/opds/issues")
    feed = etree.fromstring(answer.content)
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        links = {
            link.get("type"): link.get("href")
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel") == "describedby"
        }
        assert set(links) == KINDS
    first = entries[0]
    title = first.findtext(f"{ATOM}title")
    ris = next(
        link.get("href")
        for link in first.findall(f"{ATOM}link")
        if link.get("type") in KINDS and "ris" in link.get("href")
    )
    assert _read(client, ris, "application/x-research-info-systems") == title
    saved = tmp_path / "issues.xml"
    saved.write_bytes(answer.content)
    validate([saved])


def test_opds2_publications_link_their_citations(client) -> None:
    publications = client.get("/opds2/issues").json()["publications"]
    assert publications
    for publication in publications:
        links = [link for link in publication["links"] if link["rel"] == "describedby"]
        assert {link["type"] for link in links} == KINDS
        for link in links:
            assert _read(client, link["href"], link["type"])
