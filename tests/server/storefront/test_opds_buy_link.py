"""Where a reading app's Buy button goes: the OPDS feeds' text/html acquisition link
of a priced issue is the storefront's page for it, a page to buy from."""

from __future__ import annotations

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_opds_buy_link_lands_on_a_page_to_buy_from(browser, shop):
    feed = etree.fromstring(browser.get("/opds/issues").content)
    buy_links = [
        link.get("href")
        for link in feed.iter(f"{ATOM}link")
        if link.get("rel") == "http://opds-spec.org/acquisition/buy"
    ]
    assert buy_links
    for href in set(buy_links):
        page = browser.get(href, headers={"Accept-Language": "pl"})
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert '<html lang="pl"' in page.text and 'action="/store/buy"' in page.text
        assert "POST /api" not in page.text


def test_the_opds2_buy_link_too(browser):
    feed = browser.get("/opds2/issues").json()
    links = [
        link["href"]
        for publication in feed["publications"]
        for link in publication["links"]
        if link.get("rel") == "http://opds-spec.org/acquisition/buy"
    ]
    assert links and all(link.startswith("/store/issues/") for link in links)
    assert 'action="/store/buy"' in browser.get(links[0]).text
