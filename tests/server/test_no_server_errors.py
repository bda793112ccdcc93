"""No input answers 500: the inputs that once did, then every route's parameters,
bodies and credentials fuzzed with Hypothesis (issue 17, point 6)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.routing import Route
from starlette.testclient import TestClient

from bookstore.library.library import Library
from bookstore.server.app import create_app
from bookstore.server.config import ServerConfig
from bookstore.server.routes import api, documents, files
from bookstore.server.services import build_services
from bookstore.server.storefront.routes import routes as storefront
from tests.server.conftest import PASSWORD

UNICODE_DIGITS = ["²", "٣", "१२", "１２", "³⁴", "٢٠١٩", "߁"]
HUGE = "9" * 5000


@pytest.fixture(scope="module")
def app_client(tmp_path_factory) -> Iterator[TestClient]:
    library = tmp_path_factory.mktemp("library")
    Library.open(library).close()
    config = ServerConfig(library, "", tmp_path_factory.mktemp("cache"), page_size=10)
    services = build_services(config)
    with TestClient(create_app(services), raise_server_exceptions=False) as opened:
        yield opened
    services.close()


@pytest.fixture(scope="module")
def token(app_client) -> dict[str, str]:
    email = f"fuzz-{uuid.uuid4().hex[:8]}@example.org"
    app_client.post("/api/accounts", json={"email": email, "password": PASSWORD})
    answer = app_client.post("/api/tokens", json={"email": email, "password": PASSWORD})
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def _json_error(answer) -> None:
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text[:300])
    assert answer.json()["error"]["message"]


def test_the_inputs_that_answered_500(app_client, token):
    for digits in [*UNICODE_DIGITS, HUGE]:
        for path, params in (
            ("/opds/issues", {"page": digits}),
            ("/opds/issues", {"year": digits}),
            ("/opds2/issues", {"page": digits}),
            ("/opds/search", {"q": "energy", "page": digits}),
            ("/files/21.epub", {"account": digits, "expires": digits, "signature": "ab"}),
        ):
            _json_error(app_client.get(path, params=params))
        _json_error(app_client.get(f"/api/orders/BS-{digits}/receipt.pdf", headers=token))
        _json_error(app_client.get(f"/api/orders/BS-{digits}", headers=token))
    _json_error(app_client.get("/files/21.epub?account=1&expires=99999999999&signature=żółw"))
    _json_error(app_client.get(f"/opds/issues/{HUGE}"))
    deep = "[" * 5000 + "]" * 5000
    for path in ("/api/accounts", "/api/tokens", "/api/cart/items"):
        answer = app_client.post(
            path, content=deep, headers={**token, "Content-Type": "application/json"}
        )
        _json_error(answer)
    big_number = '{"issue_id": ' + HUGE + "}"
    _json_error(
        app_client.post(
            "/api/cart/items",
            content=big_number,
            headers={**token, "Content-Type": "application/json"},
        )
    )
    lone = '{"email": "a\\ud800@example.org", "password": "pass\\udfffword"}'
    for path in ("/api/accounts", "/api/tokens"):
        _json_error(
            app_client.post(path, content=lone, headers={"Content-Type": "application/json"})
        )


def _routes() -> list[tuple[str, str]]:
    """(method, path template) of every route of the store."""
    found = []
    every = [*documents.routes, *api.routes, *files.routes, *storefront]
    for route in every:
        if isinstance(route, Route):
            found += [(method, route.path) for method in sorted(route.methods or {"GET"})]
    return [(method, path) for method, path in found if method != "HEAD"]


_special = st.sampled_from(
    [*UNICODE_DIGITS, HUGE, "-1", "0", "1", "21", "2019", "99999999999999999999", "", "epub"]
)
_text = st.one_of(_special, st.text(max_size=30))
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=12,
)
_NAMES = ("email", "password", "name", "issue_id", "format", "card", "total")
_body = st.one_of(
    st.fixed_dictionaries({}, optional={name: _json for name in _NAMES}),
    st.fixed_dictionaries(
        {"card": st.fixed_dictionaries({}, optional={"number": _text, "expiry": _json})},
        optional={
            "total": st.fixed_dictionaries({}, optional={"amount": _json, "currency": _json})
        },
    ),
    _json,
)
_PARAMS = (
    "page",
    "year",
    "series",
    "language",
    "topic",
    "q",
    "query",
    "account",
    "expires",
    "signature",
)
_params = st.fixed_dictionaries({}, optional={name: _text for name in _PARAMS})


def _fill(template: str, value: str) -> str:
    for name in ("{issue_id:int}", "{issue_id}", "{slug}", "{number}", "{kind}", "{name}"):
        template = template.replace(name, value)
    return template


@pytest.mark.parametrize(("method", "template"), _routes())
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    value=st.one_of(_text, st.integers().map(str)),
    params=_params,
    body=_body,
    signed_in=st.booleans(),
    key=st.one_of(st.none(), st.text(alphabet=st.characters(codec="ascii", categories=["L", "N"]))),
)
def test_fuzzed_requests_never_answer_500(
    app_client, token, method, template, value, params, body, signed_in, key
):
    headers = dict(token) if signed_in else {}
    if key:
        headers["Idempotency-Key"] = key
    content = json.dumps(body).encode()  # lone surrogates travel as \\u escapes
    answer = app_client.request(
        method,
        _fill(template, quote(value, safe="")),
        params=params,
        content=content if method in ("POST", "PUT", "DELETE") else None,
        headers={**headers, "Content-Type": "application/json"},
    )
    assert answer.status_code < 500, (value, params, body, answer.text[:300])
