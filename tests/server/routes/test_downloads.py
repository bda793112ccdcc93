"""Downloads: free without an account, priced only through signed links to owners;
resumable, with a digest; nothing outside the cache reachable."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
import zipfile
from io import BytesIO
from urllib.parse import parse_qs, urlencode, urlsplit

from bookstore.server.accounts.signing import EXPIRY_STEP, LINK_LIFETIME
from tests.server.conftest import assert_error, bearer
from tests.server.raw_http import raw_get

PRICED, FREE = 22, 1


def _owner(client, new_account) -> dict[str, str]:
    headers = bearer(client, *new_account())
    client.post("/api/cart/items", json={"issue_id": PRICED}, headers=headers)
    answer = client.post(
        "/api/checkout",
        json={"card": {"number": "4242424242424242"}},
        headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
    )
    assert answer.status_code == 201, answer.text
    return headers


def _digest(answer) -> str:
    value = answer.headers["repr-digest"]
    assert value.startswith("sha-256=:") and value.endswith(":")
    return base64.b64decode(value[len("sha-256=:") : -1]).hex()


def test_free_issue_without_an_account(client):
    epub = client.get(f"/files/{FREE}.epub")
    assert epub.status_code == 200 and epub.headers["content-type"] == "application/epub+zip"
    assert epub.headers["content-disposition"] == 'attachment; filename="spotlight-2018-12-en.epub"'
    assert _digest(epub) == hashlib.sha256(epub.content).hexdigest()
    assert epub.headers["etag"] == f'"{hashlib.sha256(epub.content).hexdigest()}"'
    with zipfile.ZipFile(BytesIO(epub.content)) as book:
        assert book.read("mimetype") == b"application/epub+zip"
    pdf = client.get(f"/files/{FREE}.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    again = client.get(f"/files/{FREE}.epub")
    assert again.content == epub.content  # made once, cached by content
    assert (
        client.get(
            f"/files/{FREE}.epub", headers={"If-None-Match": epub.headers["etag"]}
        ).status_code
        == 304
    )
    cover = client.get(f"/covers/{FREE}.png")
    thumb = client.get(f"/covers/{FREE}-thumbnail.png")
    assert cover.headers["content-type"] == thumb.headers["content-type"] == "image/png"
    assert len(thumb.content) < len(cover.content)


def test_a_file_sent_from_memory_is_the_file_on_disk(server, client):
    """A small file is read once and then sent from memory: the same bytes and
    headers as the file on disk, a HEAD without a body, a Range from the disk."""
    first, second = (client.get(f"/files/{FREE}.pdf") for _ in range(2))
    cached = server.services.files.get(server.services.catalog.issue(FREE), "pdf")
    assert server.services.files.body(cached) == cached.path.read_bytes()  # now in memory
    assert first.content == second.content == cached.path.read_bytes()
    head = client.head(f"/files/{FREE}.pdf")  # answered from the disk, as before
    assert head.content == b"" and head.headers["content-length"] == str(cached.size)
    for name in (
        "content-length",
        "content-type",
        "last-modified",
        "etag",
        "content-disposition",
        "repr-digest",
        "accept-ranges",
        "cache-control",
    ):
        assert first.headers[name] == second.headers[name] == head.headers[name], name
    part = client.get(f"/files/{FREE}.pdf", headers={"Range": "bytes=10-19"})
    assert part.status_code == 206 and part.content == second.content[10:20]


def test_interrupted_download_resumes_and_matches_the_digest(client, new_account):
    headers = _owner(client, new_account)
    link = client.post(
        "/api/download-links", json={"issue_id": PRICED, "format": "pdf"}, headers=headers
    )
    url = link.json()["url"]
    whole = client.get(url)
    size = int(whole.headers["content-length"])
    first = client.get(url, headers={"Range": "bytes=0-9999"})
    assert first.status_code == 206 and len(first.content) == 10000
    assert first.headers["content-range"] == f"bytes 0-9999/{size}"
    rest = client.get(url, headers={"Range": "bytes=10000-", "If-Range": first.headers["etag"]})
    assert (
        rest.status_code == 206
        and rest.headers["content-range"] == f"bytes 10000-{size - 1}/{size}"
    )
    joined = first.content + rest.content
    assert hashlib.sha256(joined).hexdigest() == _digest(first) == _digest(rest)
    assert joined == whole.content
    changed = client.get(url, headers={"Range": "bytes=10000-", "If-Range": '"another-version"'})
    assert changed.status_code == 200 and len(changed.content) == size  # the whole file again
    assert_error(client.get(url, headers={"Range": f"bytes={size + 5}-"}), 416)
    assert_error(client.get(url, headers={"Range": "pages=1-2"}), 400, "bad_range")


def test_priced_file_only_for_its_owner_through_a_signed_link(client, new_account):
    owner = _owner(client, new_account)
    stranger = bearer(client, *new_account())
    assert_error(client.get(f"/files/{PRICED}.epub"), 401)
    assert_error(client.get(f"/files/{PRICED}.epub", headers=stranger), 403)
    assert_error(
        client.post(
            "/api/download-links", json={"issue_id": PRICED, "format": "epub"}, headers=stranger
        ),
        403,
    )
    redirect = client.get(f"/files/{PRICED}.epub", headers=owner)
    assert redirect.status_code == 303
    signed = redirect.headers["location"]
    assert "signature=" in signed
    download = client.get(signed)  # the link alone is enough
    assert download.status_code == 200 and download.headers["cache-control"].startswith("private")
    shelf = client.get("/api/shelf", headers=owner).json()["issues"]
    assert any(
        entry["issue_id"] == PRICED and "signature=" in entry["links"]["pdf"] for entry in shelf
    )


def test_tampered_and_expired_links_are_refused(client, new_account, server):
    owner = _owner(client, new_account)
    url = client.post(
        "/api/download-links", json={"issue_id": PRICED, "format": "epub"}, headers=owner
    ).json()["url"]
    path, query = urlsplit(url).path, {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    other_account = {**query, "account": str(int(query["account"]) + 1)}
    later = {**query, "expires": str(int(query["expires"]) + 86400)}
    forged = {**query, "signature": "0" * 64}
    for params in (other_account, later, forged):
        assert_error(client.get(f"{path}?{urlencode(params)}"), 403, "link_invalid")
    assert_error(client.get(url.replace(f"/{PRICED}.epub", f"/{PRICED}.pdf")), 403, "link_invalid")
    assert_error(client.get(url.replace(f"/{PRICED}.", "/23.")), 403, "link_invalid")
    server.clock.offset += LINK_LIFETIME - 60
    try:
        assert client.get(url).status_code == 200  # still good just before its hour is over
    finally:
        server.clock.offset -= LINK_LIFETIME - 60
    server.clock.offset += LINK_LIFETIME + EXPIRY_STEP + 1
    try:
        assert_error(client.get(url), 403, "link_expired")
    finally:
        server.clock.offset -= LINK_LIFETIME + EXPIRY_STEP + 1


def test_no_path_leads_outside_the_library(server, client):
    secret = (server.library / "library.sqlite").read_bytes()[:16]
    attempts = [
        "/files/../../../../etc/passwd",
        "/files/..%2f..%2f..%2fetc%2fpasswd",
        "/files/%2e%2e/%2e%2e/etc/passwd",
        "/files/1.epub/../../library.sqlite",
        "/files//etc/passwd",
        "/files/%2Fetc%2Fpasswd",
        "/covers/..%2F..%2Flibrary.sqlite",
        "/files/1.epub%00.pdf",
        "/files/1.sqlite",
        "/files/1..%2F..%2Flibrary.sqlite",
        "/../library.sqlite",
        "/opds/../store.sqlite",
    ]
    for target in attempts:
        status, body = raw_get(server.url, target)
        assert status in (400, 404), (target, status)
        assert b"root:" not in body and secret not in body, target
        if body:
            assert "error" in json.loads(body), target
