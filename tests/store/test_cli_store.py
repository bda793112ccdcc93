"""``bookstore store`` from the shell: JSON shapes, text, and one-line errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bookstore.cli.main import main
from tests.store.books import small_epub

DATA = Path(__file__).resolve().parents[1] / "data" / "opds"


@pytest.fixture
def store(server):
    server.add("/opds", (DATA / "navigation.xml").read_bytes())
    server.add("/catalog/new.xml", (DATA / "acquisition.xml").read_bytes())
    server.add(
        "/opensearch.xml",
        (DATA / "opensearch.xml").read_bytes(),
        "application/opensearchdescription+xml",
    )
    server.add("/opds/search", (DATA / "acquisition.xml").read_bytes())
    server.add_file("/catalog/files/spotlight-2018-12-en.epub", small_epub(filler=os.urandom(5000)))
    return server


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_browse_json_shape(store, tmp_path, capsys):
    code, out, _ = _run(
        capsys,
        "--library",
        str(tmp_path / "l"),
        "store",
        "browse",
        store.url("/catalog/new.xml"),
        "--json",
    )
    assert code == 0
    page = json.loads(out)
    first = page["entries"][0]
    assert {"id", "title", "authors", "summary", "language", "acquisitions", "price"} <= set(first)
    assert first["acquisitions"][0] == {
        "href": store.url("/catalog/files/spotlight-2018-12-en.epub"),
        "rel": "http://opds-spec.org/acquisition/open-access",
        "type": "application/epub+zip",
        "length": 5000,
    }
    priced = page["entries"][1]
    assert priced["price"] == {"amount": "20.00", "currency": "PLN"}
    assert priced["acquisitions"][0]["price"] == {"amount": "20.00", "currency": "PLN"}
    assert [link["rel"] for link in page["links"]] == ["start", "next", "search"]
    assert [f["title"] for f in page["facets"]] == ["English", "Polski"]


def test_browse_text_lists_navigation_and_entries(store, tmp_path, capsys):
    code, out, _ = _run(
        capsys, "--library", str(tmp_path / "l"), "store", "browse", store.url("/opds")
    )
    assert code == 0
    assert f"→ New issues  {store.url('/catalog/new.xml')}" in out
    code, out, _ = _run(
        capsys, "--library", str(tmp_path / "l"), "store", "browse", store.url("/catalog/new.xml")
    )
    assert "• Energy Security in Central Europe" in out and "PLN\xa020.00" in out
    assert "id: urn:bookstore:issue:spotlight-2018-12-en" in out
    assert "Language: [English], Polski" in out


def test_search_and_get(store, tmp_path, capsys):
    library = str(tmp_path / "l")
    code, out, _ = _run(
        capsys, "--library", library, "store", "search", store.url("/opds"), "grid", "--json"
    )
    assert code == 0 and len(json.loads(out)["entries"]) == 3
    code, out, _ = _run(
        capsys,
        "--library",
        library,
        "store",
        "get",
        store.url("/opds"),
        "urn:bookstore:issue:spotlight-2018-12-en",
        "--json",
    )
    assert code == 0
    [result] = json.loads(out)
    assert result["status"] == "updated" and result["file"]["kind"] == "epub"
    code, out, _ = _run(capsys, "--library", library, "show", str(result["id"]), "--json")
    assert json.loads(out)["owned"] is True


def test_errors_are_one_line_and_exit_1(store, tmp_path, capsys):
    library = str(tmp_path / "l")
    code, out, err = _run(capsys, "--library", library, "store", "browse", store.url("/missing"))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("bookstore: 127.0.0.1:") and "404" in err
    code, _, err = _run(
        capsys,
        "--library",
        library,
        "store",
        "get",
        store.url("/catalog/new.xml"),
        "urn:bookstore:issue:policy-paper-2019-3-en",
    )
    assert code == 1 and "is not free (20.00 PLN)" in err


def test_warnings_about_a_broken_feed_go_to_stderr(server, tmp_path, capsys):
    server.add(
        "/feed",
        '<feed><title>T</title><entry><title>E</title><id>x</id><link rel="http://opds-spec.org/acquisition" href="/e.epub"/></entry></feed>',
    )
    code, out, err = _run(
        capsys, "--library", str(tmp_path / "l"), "store", "browse", server.url("/feed")
    )
    assert code == 0 and "• E" in out
    assert "instead of Atom's" in err


@pytest.mark.parametrize(
    ("argv", "value"),
    [
        (("store", "browse", "http://127.0.0.1:9/opds"), "-1"),
        (("store", "browse", "http://127.0.0.1:9/opds"), "0"),
        (("store", "get", "http://127.0.0.1:9/opds", "x"), "nan"),
        (("feeds", "add", "http://127.0.0.1:9/rss"), "0"),
        (("feeds", "refresh"), "-0.5"),
    ],
)
def test_a_timeout_must_be_a_positive_number_of_seconds(tmp_path, capsys, argv, value):
    with pytest.raises(SystemExit) as usage:
        main(["--library", str(tmp_path / "l"), *argv, f"--timeout={value}"])
    err = capsys.readouterr().err
    assert usage.value.code == 2
    assert f"argument --timeout: “{value}” is not a wait" in err and "greater than 0" in err
    assert "unexpected error" not in err and not (tmp_path / "l").exists()


def test_a_timeout_that_is_not_a_number_or_too_long(tmp_path, capsys):
    for value, words in (("soon", "is not a number of seconds"), ("1e9", "more than a day")):
        with pytest.raises(SystemExit):
            main(
                [
                    "--library",
                    str(tmp_path / "l"),
                    "store",
                    "browse",
                    "http://x",
                    "--timeout",
                    value,
                ]
            )
        assert words in capsys.readouterr().err
