"""Whatever a browser (or anyone) sends the storefront's pages and forms, the answer
is a page, never a server error."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.server.storefront.conftest import csrf, register

PATHS = [
    "/store",
    "/store/search",
    "/store/series/spotlight",
    "/store/series/spotlight/2019",
    "/store/issues/3",
    "/store/cart",
    "/store/shelf",
    "/store/checkout",
    "/store/sign-in",
]
FORMS = [
    "/store/sign-in",
    "/store/register",
    "/store/cart/items",
    "/store/cart/remove",
    "/store/buy",
    "/store/checkout",
    "/store/account/password",
    "/store/shelf/items",
]
text = st.text(st.characters(codec="utf-8"), max_size=60) | st.sampled_from(
    ["²", "٣", "9" * 5000, "-1", "0", "1e9", "%", "\x00", "//evil.example", "(((", "\ud800"]
)
few = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@few
@given(
    path=st.sampled_from(PATHS),
    name=st.sampled_from(["q", "page", "lang", "text", "contrast", "next"]),
    value=text,
)
def test_query_parameters(browser, path, name, value):
    answer = browser.get(f"{path}?{name}={quote(value, safe='', errors='surrogatepass')}")
    assert answer.status_code < 500, answer.text[:300]


@few
@given(segment=text)
def test_path_segments(browser, segment):
    escaped = quote(segment, safe="", errors="surrogatepass") or "x"
    for path in (
        f"/store/series/{escaped}",
        f"/store/orders/{escaped}",
        f"/store/issues/{escaped}",
    ):
        assert browser.get(path).status_code < 500


def test_forms_with_every_field_wrong(shop):
    with shop.client() as client:
        register(client)
        token = csrf(client)
        priced = str(shop.priced()[0].id)
        client.post("/store/cart/items", data={"csrf": token, "issue_id": priced})  # to pay for
        for path in FORMS:
            for value in ["", "²", "9" * 5000, "-1", "\x00", "0", "BS-1", "4242"]:
                fields = {
                    "csrf": token,
                    "issue_id": value,
                    "number": value,
                    "key": value,
                    "amount": value,
                    "currency": value,
                    "email": value,
                    "password": value,
                    "current": value,
                    "new": value,
                    "repeat": value,
                    "next": value,
                }
                answer = client.post(path, data=fields)
                assert answer.status_code < 500, (path, value, answer.text[:300])
                assert "Traceback" not in answer.text
        assert priced in client.get("/store/cart").text, "nothing wrong was bought or removed"
