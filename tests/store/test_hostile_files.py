"""A hostile store sends something other than what it announced: a sign-in page where
an EPUB was announced, an EPUB cut short behind a lying Content-Length, a resumed
download spliced from another file. Each is refused with one sentence, the issue is
not marked owned, nothing is kept, and ``bookstore check`` still passes."""

from __future__ import annotations

import os
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from bookstore.cli.main import main
from bookstore.library.library import Library
from tests.store.books import small_epub, small_pdf

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:bs="urn:x-bookstore:opds">
  <id>urn:hostile:files</id><title>Hostile Store</title><updated>2026-11-01T10:00:00Z</updated>
  <entry>
    <title>Baltic Power Grids: A Roadmap</title><id>urn:hostile:spotlight-12</id>
    <updated>2026-11-01T10:00:00Z</updated>
    <dc:language xmlns:dc="http://purl.org/dc/terms/">en</dc:language>
    <bs:issue series="spotlight" series-name="PISM Spotlight" number="12" year="2018"/>
    <link rel="http://opds-spec.org/acquisition/open-access" type="{media}" href="/book"/>
  </entry>
</feed>"""
SIGN_IN = b"<!DOCTYPE html><html><body><form action='/login'>Sign in</form></body></html>"
BOOK = small_epub("The book", filler=os.urandom(60_000))
OTHER = small_epub("The other", filler=os.urandom(60_000))


def _spotlight(library: Path) -> tuple[bool, tuple]:
    with Library.open(library) as opened:
        [issue] = [
            i
            for i in opened.list_issues(series="spotlight", year=2018)
            if (i.number, i.language) == (12, "en")
        ]
        return issue.owned, issue.files


def _get(server, library: Path, capsys) -> tuple[int, str]:
    code = main(
        ["--library", str(library), "store", "get", server.url("/feed"), "urn:hostile:spotlight-12"]
    )
    captured = capsys.readouterr()
    return code, captured.err


def _assert_nothing_kept(tmp_path: Path, library: Path, before: tuple, capsys) -> None:
    assert _spotlight(library) == before, "the issue is not marked owned and has no new file"
    downloads = tmp_path / "xdg-cache" / "bookstore" / "downloads"
    assert not downloads.exists() or list(downloads.iterdir()) == []
    assert main(["--library", str(library), "check"]) == 0
    assert "the library is sound" in capsys.readouterr().out


def _lying_length(data: bytes):
    """The first half of ``data``, sent as if it were all of it."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        half = data[: len(data) // 2]
        handler.send_response(200)
        handler.send_header("Content-Type", "application/epub+zip")
        handler.send_header("Content-Length", str(len(half)))
        handler.end_headers()
        handler.wfile.write(half)

    return answer


def _spliced(first: bytes, second: bytes, cut: int):
    """``first`` broken off after ``cut`` bytes; the resume is a 206 with ``second``'s
    bytes from there on, whatever If-Range said."""
    answers = []

    def answer(handler: BaseHTTPRequestHandler) -> None:
        answers.append(handler.headers.get("Range"))
        if handler.headers.get("Range"):
            handler.send_response(206)
            handler.send_header("Content-Type", "application/epub+zip")
            handler.send_header("Content-Range", f"bytes {cut}-{len(second) - 1}/{len(second)}")
            handler.send_header("Content-Length", str(len(second) - cut))
            handler.send_header("ETag", '"same"')
            handler.end_headers()
            handler.wfile.write(second[cut:])
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/epub+zip")
        handler.send_header("Content-Length", str(len(first)))
        handler.send_header("ETag", '"same"')
        handler.send_header("Accept-Ranges", "bytes")
        handler.end_headers()
        handler.wfile.write(first[:cut])
        handler.wfile.flush()
        handler.close_connection = True

    return answer, answers


@pytest.mark.parametrize(
    ("media", "served", "said"),
    [
        ("application/epub+zip", "sign-in page", "is a web page (perhaps a sign-in or error page)"),
        ("application/epub+zip", "truncated", "is truncated or damaged"),
        ("application/pdf", "truncated pdf", "is truncated: it lacks the end a PDF has"),
        ("application/epub+zip", "pdf", "is not a ZIP archive"),
    ],
)
def test_a_file_that_is_not_what_was_announced_is_refused(
    server, tmp_path, capsys, media, served, said
):
    library = tmp_path / "library"
    Library.open(library).close()
    before = _spotlight(library)
    server.add("/feed", FEED.format(media=media))
    if served == "sign-in page":
        server.add("/book", SIGN_IN, "text/html")
    elif served == "truncated":
        server.routes["/book"] = _lying_length(BOOK)
    elif served == "truncated pdf":
        pdf = small_pdf()
        server.add("/book", pdf[: len(pdf) - 40], "application/pdf")
    else:
        server.add("/book", small_pdf(), "application/pdf")
    code, err = _get(server, library, capsys)
    assert code == 1
    assert said in err and "as announced; it was not kept" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    _assert_nothing_kept(tmp_path, library, before, capsys)


def test_a_spliced_resume_is_refused(server, tmp_path, capsys):
    library = tmp_path / "library"
    Library.open(library).close()
    before = _spotlight(library)
    server.add("/feed", FEED.format(media="application/epub+zip"))
    server.routes["/book"], answers = _spliced(BOOK, OTHER, cut=len(BOOK) // 2)
    code, err = _get(server, library, capsys)
    assert code == 1 and "the download continues from there" in err
    code, err = _get(server, library, capsys)
    assert answers[-1] == f"bytes={len(BOOK) // 2}-", "the second attempt resumed"
    assert code == 1 and "is damaged" in err and "not an EPUB as announced" in err
    assert err.count("\n") == 1
    _assert_nothing_kept(tmp_path, library, before, capsys)


def test_the_real_book_is_taken(server, tmp_path, capsys):
    """The same catalog with an honest server: the book lands and the issue is owned."""
    library = tmp_path / "library"
    Library.open(library).close()
    server.add("/feed", FEED.format(media="application/epub+zip"))
    server.add_file("/book", BOOK)
    code, err = _get(server, library, capsys)
    assert code == 0, err
    owned, files = _spotlight(library)
    assert owned and [f.kind for f in files] == ["epub"]
    with Library.open(library) as opened:
        assert opened.file_path(files[0]).read_bytes() == BOOK
