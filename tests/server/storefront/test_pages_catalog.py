"""The catalog's pages: home, series, years, search and an issue's page, in the
reader's language, with 404 pages instead of JSON."""

from __future__ import annotations

import re

from tests.server.storefront.conftest import register


def test_home_lists_series_newest_and_a_search(browser, shop):
    answer = browser.get("/store", headers={"Accept-Language": "en"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    text = answer.text
    for slug in ("spotlight", "bulletin", "policy-paper", "strategic-file", "report"):
        assert f'href="/store/series/{slug}"' in text
    newest = max(shop.issues, key=lambda issue: issue.date)
    assert f'href="/store/issues/{newest.id}"' in text
    assert 'role="search"' in text and 'action="/store/search"' in text
    assert '<main id="main"' in text and 'href="#main"' in text, "landmark and skip link"
    assert "7 issues" in text


def test_series_years_and_a_years_issues(browser, shop):
    spotlight = [issue for issue in shop.issues if issue.series.slug == "spotlight"]
    answer = browser.get("/store/series/spotlight?lang=pl")
    years = sorted({issue.year for issue in spotlight}, reverse=True)
    assert re.findall(r'href="/store/series/spotlight/(\d+)"', answer.text) == [
        str(year) for year in years
    ]
    count_2019 = sum(1 for issue in spotlight if issue.year == 2019)
    assert f"{count_2019} wydania" in answer.text or f"{count_2019} wydań" in answer.text
    listing = browser.get("/store/series/spotlight/2019")
    shown = set(map(int, re.findall(r'href="/store/issues/(\d+)"', listing.text)))
    assert shown == {issue.id for issue in spotlight if issue.year == 2019}
    assert browser.get("/store/series/spotlight/1800").status_code == 404
    huge = browser.get("/store/series/spotlight/" + "9" * 30)
    assert huge.status_code == 404 and huge.headers["content-type"].startswith("text/html")
    missing = browser.get("/store/series/no-such-series")
    assert (
        missing.status_code == 404 and "<html" in missing.text and "Nie znaleziono" in missing.text
    )


def test_search_finds_and_explains_a_bad_query(browser):
    found = browser.get("/store/search?q=Aachen&lang=en")
    assert found.status_code == 200 and "1 issue found" in found.text
    assert "The Aachen Treaty" in found.text
    bad = browser.get("/store/search?q=" + "%22unclosed")
    assert bad.status_code in (200, 400) and "Traceback" not in bad.text
    assert browser.get("/store/search").status_code == 200
    assert browser.get("/store/search?q=" + "x" * 1000).status_code == 200


def test_a_free_issues_page_offers_downloads_and_its_text(browser, shop):
    issue = next(i for i in shop.free() if i.translations and len(i.sections) > 1)
    answer = browser.get(f"/store/issues/{issue.id}?lang=en")
    text = answer.text
    assert answer.status_code == 200
    assert f'href="/files/{issue.id}.epub"' in text and f'href="/files/{issue.id}.pdf"' in text
    assert f'src="/covers/{issue.id}-thumbnail.png"' in text
    assert "Buy for" not in text and 'action="/store/cart/items"' not in text
    assert issue.sections[1].paragraphs[0][:60] in text.replace("&#39;", "'")
    for other in issue.translations:
        assert f'href="/store/issues/{other}"' in text
    assert f'<h1 lang="{issue.language}">' in text


def test_a_priced_issues_page_is_a_page_to_buy_from(browser, shop):
    issue = shop.priced()[0]
    answer = browser.get(f"/store/issues/{issue.id}", headers={"Accept-Language": "pl"})
    text = answer.text
    assert '<html lang="pl"' in text
    assert 'action="/store/buy"' in text and 'action="/store/cart/items"' in text
    assert f"Kup za {issue.price.amount:.2f}".replace(".", ",") in text
    assert "/files/" not in text, "no download for a non-owner"
    assert "POST /api" not in text
    for author in issue.authors:
        assert author in text
    assert issue.topics[0] in text and "EPUB, PDF" in text


def test_an_owners_page_offers_signed_downloads(browser, shop):
    from tests.server.storefront.conftest import buy

    register(browser)
    issue = shop.priced()[1]
    assert buy(browser, issue.id).status_code == 303
    text = browser.get(f"/store/issues/{issue.id}").text
    assert re.search(
        rf'href="/files/{issue.id}\.epub\?account=\d+&amp;expires=\d+&amp;signature=', text
    )
    assert "Buy for" not in text


def test_unknown_pages_are_pages(browser):
    for path in ("/store/issues/999999", "/store/issues/0", "/store/orders/BS-000001"):
        answer = browser.get(path)
        assert answer.status_code in (303, 404), path
        if answer.status_code == 404:
            assert answer.headers["content-type"].startswith("text/html")
