"""Wrong input gets the right status and a JSON sentence, never a traceback."""

from __future__ import annotations

from tests.store_server.conftest import assert_error, bearer


def test_unknown_routes_and_methods(client):
    assert_error(client.get("/no/such/thing"), 404, "not_found")
    wrong_method = client.delete("/opds")
    assert_error(wrong_method, 405, "method_not_allowed")
    assert_error(client.get("/api/checkout"), 405)
    assert_error(client.put("/api/accounts", json={}), 405)


def test_malformed_json(client):
    answer = client.post(
        "/api/accounts", content=b'{"email": ', headers={"Content-Type": "application/json"}
    )
    assert "not valid JSON" in assert_error(answer, 400)["message"]
    assert_error(
        client.post(
            "/api/accounts", content=b"\xff\xfe", headers={"Content-Type": "application/json"}
        ),
        400,
    )
    assert_error(client.post("/api/accounts"), 400)
    form = client.post(
        "/api/accounts",
        content=b"a=b",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert_error(form, 415)


def test_oversize_bodies(client, new_account):
    huge = b'{"email": "' + b"a" * 200_000 + b'"}'
    assert_error(
        client.post("/api/accounts", content=huge, headers={"Content-Type": "application/json"}),
        413,
    )

    def chunks():
        for _ in range(100):
            yield b" " * 4096

    streamed = client.post(
        "/api/accounts", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert_error(streamed, 413)
    headers = bearer(client, *new_account())
    assert_error(
        client.post(
            "/api/cart/items", content=huge, headers={**headers, "Content-Type": "application/json"}
        ),
        413,
    )


def test_wrong_values(client, new_account):
    headers = bearer(client, *new_account())
    assert_error(
        client.post("/api/download-links", json={"issue_id": 1, "format": "mobi"}, headers=headers),
        422,
    )
    assert_error(
        client.post(
            "/api/download-links", json={"issue_id": 99999, "format": "epub"}, headers=headers
        ),
        404,
    )
    assert_error(client.get("/files/1.mobi"), 404)
    assert_error(client.get("/files/99999.epub"), 404)
    assert_error(client.get("/covers/99999.png"), 404)
    assert_error(client.get("/store/issues/99999"), 404)
