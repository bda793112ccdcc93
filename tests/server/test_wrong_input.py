"""Wrong input gets the right status and a JSON sentence, never a traceback."""

from __future__ import annotations

from tests.server.conftest import assert_error, bearer


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
    page = client.get("/store/issues/99999")  # a browser's page: the storefront's own 404
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")


# Beyond SQLite's 64-bit integers: sqlite3 cannot even be asked about such an id.
HUGE = 99999999999999999999999


def test_ids_beyond_64_bits_name_no_issue(client, new_account):
    headers = bearer(client, *new_account())
    for path in ("/api/cart/items", "/api/shelf/items"):
        for issue_id in (HUGE, -HUGE):
            answer = client.post(path, json={"issue_id": issue_id}, headers=headers)
            assert str(issue_id) in assert_error(answer, 404, "not_found")["message"]
    link = {"issue_id": HUGE, "format": "epub"}
    assert_error(client.post("/api/download-links", json=link, headers=headers), 404)
    assert_error(client.delete(f"/api/cart/items/{HUGE}", headers=headers), 404, "not_found")
    for path in (
        f"/files/{HUGE}.epub",
        f"/files/{HUGE}.pdf",
        f"/covers/{HUGE}.png",
        f"/covers/{HUGE}-thumbnail.png",
        f"/opds/issues/{HUGE}",
        f"/opds2/publications/{HUGE}",
    ):
        assert_error(client.get(path, headers=headers), 404, "not_found")
    assert client.get(f"/store/issues/{HUGE}", headers=headers).status_code == 404
