"""An issue's page is made once for every visitor who is not signed in, yet each
visitor's forms carry their own CSRF token, and a signed-in owner gets a page of
their own (the whole text, their signed links)."""

from __future__ import annotations

from tests.server.storefront.conftest import CSRF_FIELD, buy, register


def test_visitors_share_the_page_but_not_the_token(shop) -> None:
    issue = shop.priced()[0]
    path = f"/store/issues/{issue.id}"
    form = {"issue_id": str(issue.id)}
    with shop.client() as first, shop.client() as second:
        pages, tokens = [], []
        for visitor in (first, second):
            answer = visitor.get(path)
            assert answer.status_code == 200
            token = CSRF_FIELD.search(answer.text).group(1)
            pages.append(answer.text.replace(token, "TOKEN"))
            tokens.append(token)
        assert tokens[0] != tokens[1] and "csrf:mark" not in pages[0]
        assert pages[0] == pages[1]  # the same page, made once
        # each token works in its own browser only
        own = first.post("/store/cart/items", data={**form, "csrf": tokens[0]})
        other = first.post("/store/cart/items", data={**form, "csrf": tokens[1]})
        assert own.status_code != 403 and other.status_code == 403


def test_an_owner_gets_a_page_of_their_own(shop) -> None:
    issue = shop.priced()[1]
    path = f"/store/issues/{issue.id}"
    with shop.client() as anonymous:
        shared = anonymous.get(path).text
    with shop.client() as owner:
        register(owner)
        assert buy(owner, issue.id).status_code == 303
        own = owner.get(path).text
    text = issue.sections[0].paragraphs[0][:60]
    assert text not in shared and text in own
    with shop.client() as anonymous:
        assert text not in anonymous.get(path).text  # the owner's page was not kept
