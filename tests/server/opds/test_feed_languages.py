"""The catalog in the reader's language: OPDS 1.2 and 2.0 titles, summaries and plurals,
series names, errors and the receipt by ``Accept-Language``; one cache per language."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lxml import etree

from tests.server.conftest import PAYS, PRICED, assert_error, bearer, validate
from tests.server.crawl import ATOM, crawl

THR = "{http://purl.org/syndication/thread/1.0}"
SERIES = "urn:bookstore:series:"

# (language, the root's title, "N issues, by year" of 7, the bulletin's name)
SPOKEN = [
    ("pl", "Katalog księgarni Bookstore", "7 wydań, według lat", "Biuletyn PISM"),
    ("ru", "Каталог магазина Bookstore", "7 выпусков, по годам", "Бюллетень ПИСМ"),
]


def _entries(body: bytes) -> dict[str, etree._Element]:
    feed = etree.fromstring(body)
    return {entry.find(f"{ATOM}id").text: entry for entry in feed.findall(f"{ATOM}entry")}


def _summaries(client, path: str) -> dict[str, tuple[str, str]]:
    """Each navigation entry's id: (title, summary) in an OPDS 1.2 feed."""
    return {
        key: (entry.find(f"{ATOM}title").text, entry.find(f"{ATOM}content").text)
        for key, entry in _entries(client.get(path).content).items()
    }


def _summary_of(items: dict[str, tuple[str, str]], count: int) -> str:
    """The summary of a series with ``count`` issues (the sample has one)."""
    found = [summary for _, summary in items.values() if summary.startswith(f"{count} ")]
    assert found, items
    return found[0]


@pytest.mark.parametrize(("language", "title", "seven", "bulletin"), SPOKEN)
def test_opds_1_2_speaks_the_readers_language(server, language, title, seven, bulletin):
    with server.client(headers={"Accept-Language": f"{language}-XX,en;q=0.5"}) as client:
        answer = client.get("/opds")
        assert "Accept-Language" in answer.headers["vary"]
        root = etree.fromstring(answer.content)
        assert root.find(f"{ATOM}title").text == title
        items = _summaries(client, "/opds")
        series = {key: value for key, value in items.items() if key.startswith(SERIES)}
        assert series[f"{SERIES}bulletin"][0] == bulletin
        assert _summary_of(series, 7) == seven  # the sample's Spotlight has 7 issues
        newest = etree.fromstring(client.get("/opds/new").content)
        assert newest.find(f"{ATOM}title").text != "Newest issues"
        years = etree.fromstring(client.get("/opds/series/bulletin").content)
        assert years.find(f"{ATOM}title").text == bulletin
        page = etree.fromstring(client.get("/opds/issues", params={"series": "bulletin"}).content)
        groups = {
            link.get("{http://opds-spec.org/2010/catalog}facetGroup")
            for link in page.iter(f"{ATOM}link")
        }
        assert "Series" not in groups and "Year" not in groups
        assert groups - {None}


def test_plurals_follow_each_language(server):
    """Every series' summary has the plural form its count wants (1 / 2-4 / 5+)."""
    forms = {
        "pl": {1: "wydanie,", 2: "wydania,", 5: "wydań,"},
        "ru": {1: "выпуск,", 2: "выпуска,", 5: "выпусков,"},
    }

    def form(count: int) -> int:
        if count == 1:
            return 1
        return 2 if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14) else 5

    for language, words in forms.items():
        with server.client(headers={"Accept-Language": language}) as client:
            feed = etree.fromstring(client.get("/opds/series").content)
            entries = feed.findall(f"{ATOM}entry")
            assert entries
            for entry in entries:
                count = int(entry.find(f"{ATOM}link").get(f"{THR}count"))
                summary = entry.find(f"{ATOM}content").text
                assert summary.startswith(f"{count} {words[form(count)]}"), summary


@pytest.mark.parametrize(("language", "title", "seven", "bulletin"), SPOKEN)
def test_opds_2_speaks_the_readers_language(server, language, title, seven, bulletin):
    with server.client(headers={"Accept-Language": language}) as client:
        root = client.get("/opds2").json()
        assert root["metadata"]["title"] == title
        names = {link["title"] for link in root["navigation"]}
        assert bulletin in names
        series = client.get("/opds2/series/bulletin").json()
        assert series["metadata"]["title"] == bulletin
        page = client.get("/opds2/issues", params={"series": "bulletin"}).json()
        facet_titles = {facet["metadata"]["title"] for facet in page["facets"]}
        assert facet_titles.isdisjoint({"Language", "Year", "Series"})
        newest = client.get("/opds2/new").json()
        assert newest["metadata"]["title"] != "Newest issues"


def test_without_a_header_the_catalog_speaks_english(client):
    root = etree.fromstring(client.get("/opds").content)
    assert root.find(f"{ATOM}title").text == "Bookstore catalog"
    assert "issues, by year" in client.get("/opds/series").text
    assert client.get("/opds2").json()["metadata"]["title"] == "Bookstore catalog"


def test_one_languages_cached_feed_never_answers_another(server):
    """The same address asked in turn in each language (twice, so the second answer
    comes from the cache) keeps its own words and its own ETag."""
    seen: dict[str, tuple[str, str]] = {}
    for _ in range(2):
        for language in ("en", "pl", "ru", "pl", "en"):
            with server.client(headers={"Accept-Language": language}) as client:
                answer = client.get("/opds/issues", params={"series": "bulletin"})
                title = etree.fromstring(answer.content).find(f"{ATOM}title").text
                found = (title, answer.headers["etag"])
                assert seen.setdefault(language, found) == found
                opds2 = client.get("/opds2/new").json()["metadata"]["title"]
                assert seen.setdefault(f"{language}2", (opds2, "")) == (opds2, "")
    assert len({title for title, _ in seen.values()}) == 6
    assert len({etag for _, etag in seen.values() if etag}) == 3


def test_rss_and_opensearch_speak_the_readers_language(server):
    with server.client(headers={"Accept-Language": "pl"}) as client:
        channel = etree.fromstring(client.get("/rss/bulletin").content).find("channel")
        assert channel.find("title").text == "Bookstore: Biuletyn PISM"
        assert channel.find("description").text.startswith("Nowe wydania")
        assert channel.find("language").text == "pl"
        description = client.get("/opds/opensearch.xml").text
        assert "Przeszukaj katalog" in description


def test_an_error_answer_in_russian(server):
    with server.client(headers={"Accept-Language": "ru"}) as client:
        error = assert_error(client.get("/opds/issues", params={"year": "soon"}), 400)
        assert error["message"] == "«year» должен быть годом, например 2019, а не «soon»."
        missing = assert_error(client.get("/opds/nothing-here"), 404)
        assert missing["message"] == "По адресу /opds/nothing-here ничего нет."
        unknown = assert_error(client.get("/opds/issues/99999"), 404)
        assert unknown["message"] == "В библиотеке нет выпуска с идентификатором 99999."
        too_long = assert_error(client.get("/opds/search", params={"q": "x" * 3000}), 414)
        assert too_long["message"] == "Адрес длиннее 2048 символов."


def test_feeds_in_polish_and_russian_still_validate(server, tmp_path):
    paths = []
    for language in ("pl", "ru"):
        with server.client(headers={"Accept-Language": language}) as client:
            for start in ("/opds", "/opds2"):
                for number, answer in enumerate(crawl(client, start, limit=40).values()):
                    kind = "json" if "json" in answer.headers["content-type"] else "xml"
                    path = tmp_path / f"{language}-{start.strip('/')}-{number}.{kind}"
                    path.write_bytes(answer.content)
                    paths.append(path)
    assert len(paths) > 100
    validate(paths)


def _pdf_text(body: bytes, folder: Path) -> str:
    path = folder / "receipt.pdf"
    path.write_bytes(body)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_receipt_in_polish(server, new_account, tmp_path):
    email, password = new_account()
    headers = {**bearer(server.client(), email, password), "Accept-Language": "pl"}
    with server.client(headers=headers) as client:
        client.post("/api/cart/items", json={"issue_id": PRICED})
        total = client.get("/api/cart").json()["total"]
        answer = client.post(
            "/api/checkout",
            json={"card": {"number": PAYS, "expiry": "12/40", "cvc": "123"}, "total": total},
            headers={"Idempotency-Key": f"pl-{email}"},
        )
        assert answer.status_code == 201, answer.text
        order = answer.json()["order"]
        receipt = client.get(order["receipt_url"])
    assert receipt.status_code == 200 and "Accept-Language" in receipt.headers["vary"]
    text = " ".join(_pdf_text(receipt.content, tmp_path).split())
    for expected in ("Paragon", "Sprzedawca", "Nabywca", "Razem (brutto)", "ustawy o VAT"):
        assert expected in text, (expected, text)
    assert "15,00 zł" in text  # the Strategic File's price, as CLDR writes it in Polish
    for english in ("Receipt", "Seller", "Buyer", "Total", "paid by card"):
        assert english not in text, english
