"""Series read the way other OPDS parsers read them (issue 17, point 10): Readium's
r2-opds-js looks for schema.org's Series in ``http://schema.org`` (no slash); NYPL's
opds-feed-parser takes the name from an unprefixed ``name`` and the position from the
``http://schema.org/`` prefix. The documents stay valid OPDS 1.2."""

from __future__ import annotations

from lxml import etree

from tests.server.conftest import validate
from tests.server.crawl import ATOM

R2_SCHEMA = "{http://schema.org}"
SCHEMA = "{http://schema.org/}"


def _entries(client) -> list[etree._Element]:
    feed = etree.fromstring(client.get("/opds/issues", params={"series": "spotlight"}).content)
    entry = etree.fromstring(client.get("/opds/issues/21").content)
    return [*feed.findall(f"{ATOM}entry"), entry]


def test_readiums_parser_finds_the_series(client):
    entries = _entries(client)
    assert len(entries) > 3
    for entry in entries:
        series = entry.find(f"{R2_SCHEMA}Series")
        assert series is not None
        assert series.get(f"{R2_SCHEMA}name") and series.get(f"{R2_SCHEMA}position").isdigit()


def test_nypls_parser_finds_the_series_name_and_position(client):
    for entry in _entries(client):
        series = entry.find(f"{SCHEMA}Series")
        assert series.get("name") == series.get(f"{SCHEMA}name") != ""
        assert series.get(f"{SCHEMA}position").isdigit()
    strategic = _entries(client)[-1].find(f"{SCHEMA}Series")
    assert strategic.get("name") == "Strategic File"


def test_documents_with_both_stay_valid(client, tmp_path):
    paths = []
    for number, path in enumerate(
        ("/opds/issues?series=spotlight", "/opds/issues/21", "/opds/new")
    ):
        paths.append(tmp_path / f"{number}.xml")
        paths[-1].write_bytes(client.get(path).content)
    validate(paths)
