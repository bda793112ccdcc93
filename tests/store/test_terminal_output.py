"""What a hostile catalog says reaches the terminal without its escape sequences; secrets
it hands out are refused when they cannot be right, and never printed."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler

import pytest

from bookstore.cli.main import main
from bookstore.cli.output import printable
from bookstore.store.accounts import Accounts
from bookstore.store.errors import AccountError

EVIL = "Clean\x1b]0;owned\x07 \x1b[2J\x1b[31mtitle\x1b[0m\r\x9b\u202eevil\x00"

FEED = f"""<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Store{EVIL}</title><id>urn:s</id>
<entry><title>Brief{EVIL}</title><id>urn:e{EVIL}</id><author><name>A{EVIL}</name></author>
<link rel="http://opds-spec.org/acquisition" href="/f.epub" type="application/epub+zip"/>
</entry></feed>"""


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _has_no_controls(text: str) -> bool:
    return not any(
        (ord(c) < 32 and c not in "\n") or 0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E
        for c in text
    )


def test_printable_removes_escape_sequences_and_controls():
    assert printable(EVIL) == "Clean title evil"
    assert printable("two\nlines", one_line=False) == "two\nlines"


def test_browse_prints_a_catalogs_words_without_control_characters(server, tmp_path, capsys):
    server.add("/opds", FEED.encode("utf-8", "surrogatepass").replace(b"\x00", b""))
    code, out, err = _run(
        capsys, "--library", str(tmp_path / "l"), "store", "browse", server.url("/opds")
    )
    assert code == 0, err
    assert "Brief" in out and "Store" in out and "title" in out
    assert _has_no_controls(out) and _has_no_controls(err)
    assert "\x1b" not in out + err


def test_a_stores_refusal_is_printed_without_control_characters(server, tmp_path, capsys):
    server.add("/opds", json.dumps({"detail": "no\x1b[2J way"}), "application/json", status=403)
    code, _, err = _run(
        capsys, "--library", str(tmp_path / "l"), "store", "browse", server.url("/opds")
    )
    assert code == 1 and "no way" in err and "\x1b" not in err


@pytest.mark.parametrize(
    "token",
    ["t" * 10 * 1024 * 1024, "abc\r\nX-Injected: 1", "abc\ndef"],
    ids=["10MB", "crlf", "lf"],
)
def test_a_bad_token_is_refused_and_never_saved(tmp_path, token):
    accounts = Accounts(tmp_path / "accounts")
    with pytest.raises(AccountError) as refused:
        accounts.sign_in("http://127.0.0.1:1", "reader@example.org", token, "bearer")
    text = str(refused.value)
    assert "refused and nothing was saved" in text and "abc" not in text and "ttt" not in text
    assert accounts.all() == [] and accounts.secret("http://127.0.0.1:1") is None


def test_login_with_a_crlf_token_says_so_without_printing_it(server, tmp_path, capsys, monkeypatch):
    secret = "s3cr3t-token\r\nX-Evil: yes"

    def tokens(handler: BaseHTTPRequestHandler) -> None:
        body = json.dumps({"token": secret, "expires_at": ""}).encode()
        handler.send_response(201)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server.routes["/api/tokens"] = tokens
    server.add("/opds", FEED)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("password\n"))
    code, out, err = _run(
        capsys,
        "--library",
        str(tmp_path / "l"),
        "store",
        "login",
        server.url("/opds"),
        "--user",
        "reader@example.org",
    )
    assert code == 1
    assert "control characters" in err and "s3cr3t" not in out + err
    assert Accounts().all() == []


def test_browse_all_says_when_it_stops_at_its_page_limit(server, tmp_path, capsys):
    def page(handler: BaseHTTPRequestHandler) -> None:
        number = int(handler.path.split("=")[-1]) if "=" in handler.path else 0
        body = (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Page {number}</title><id>urn:p{number}</id>"
            f'<link rel="next" href="/pages?n={number + 1}" '
            'type="application/atom+xml;profile=opds-catalog"/></feed>'
        ).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/atom+xml;profile=opds-catalog")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server.routes["/pages"] = page
    code, out, err = _run(
        capsys, "--library", str(tmp_path / "l"), "store", "browse", server.url("/pages"), "--all"
    )
    assert code == 0
    assert "Page 999" in out and "Page 1000" not in out
    assert "the list is incomplete: it stops after 1,000 pages" in err
    assert server.url("/pages?n=1000") in err
