"""No storefront page gives a priced issue's text to anyone who does not own it: only
the lead. Its owner reads it on the issue's page."""

from __future__ import annotations

import html
import re

from tests.server.storefront.conftest import buy, post, register


def _pieces(issue) -> list[str]:
    """Stretches of the issue's sections that no lead or title repeats."""
    found = []
    for section in issue.sections:
        for paragraph in section.paragraphs:
            piece = paragraph[:80]
            if piece not in issue.lead:
                found.append(piece)
    assert found
    return found


def _pages(browser, issue) -> list[str]:
    words = re.findall(r"\w{7,}", " ".join(s.paragraphs[0] for s in issue.sections))[:3]
    paths = [
        "/store",
        f"/store/series/{issue.series.slug}",
        f"/store/series/{issue.series.slug}/{issue.year}",
        f"/store/issues/{issue.id}",
        *[f"/store/search?q={word}" for word in words],
    ]
    texts = []
    for language in ("en", "pl", "ru"):
        for path in paths:
            answer = browser.get(path, params={"lang": language})
            assert answer.status_code == 200, path
            texts.append(html.unescape(answer.text))
            if path == f"/store/issues/{issue.id}":
                assert issue.lead in texts[-1], "the lead is shown"
    return texts


def test_no_page_gives_a_priced_issues_text_to_a_non_owner(browser, shop):
    for issue in shop.priced():
        for text in _pages(browser, issue):
            for piece in _pieces(issue):
                assert piece not in text, f"{issue.label}: section text on a free page"
    register(browser)  # signed in, the issue in the cart and at checkout: still not owned
    issue = shop.priced()[0]
    post(browser, "/store/cart/items", {"issue_id": str(issue.id)})
    pages = [*_pages(browser, issue), browser.get("/store/cart").text]
    pages.append(browser.get("/store/checkout").text)
    pages.append(browser.get("/store/shelf").text)
    for text in pages:
        for piece in _pieces(issue):
            assert piece not in html.unescape(text)


def test_the_owner_reads_it(browser, shop):
    register(browser)
    issue = shop.priced()[-1]
    assert buy(browser, issue.id).status_code == 303
    text = html.unescape(browser.get(f"/store/issues/{issue.id}").text)
    assert all(piece in text for piece in _pieces(issue))
