"""A hostile feed: bombs and floods are refused with bounded memory, a drip ends at the
whole-request bound, a flood of items is taken a bounded part at a time, and one bad
feed never stops the others."""

from __future__ import annotations

import pytest

from bookstore.cli.main import main
from bookstore.store.errors import StoreError
from bookstore.store.feeds import subscriptions as feeds_module
from bookstore.store.feeds.subscriptions import FeedReader
from tests.store.hostile import (
    MB,
    add_drip,
    add_encoded,
    add_flood,
    elapsed,
    gzip_bomb,
    peak_memory,
)

RSS_HEAD = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Flood</title>'


def _rss(count: int, title: str = "Briefs") -> str:
    items = "".join(
        f"<item><title>Brief {n}</title><guid>{title}-{n}</guid>"
        "<pubDate>Tue, 19 Feb 2019 10:00:00 +0000</pubDate></item>"
        for n in range(count)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://x/</link><description>d</description>{items}</channel></rss>"
    )


def test_a_gzip_bomb_feed_is_refused_with_bounded_memory(server, empty_library):
    add_encoded(server, "/bomb.rss", gzip_bomb(1024), "application/rss+xml")
    with (
        FeedReader(empty_library, timeout=10) as reader,
        peak_memory() as peak,
        pytest.raises(StoreError) as refused,
    ):
        reader.subscribe(server.url("/bomb.rss"))
    assert "is larger than 64 MB; it was not read" in str(refused.value)
    assert peak() < 100 * MB  # the feed would have been 1 GB


def test_a_500_mb_feed_without_a_length_is_refused_with_bounded_memory(server, empty_library):
    add_flood(server, "/huge.rss", RSS_HEAD, 500, "application/rss+xml")
    with (
        FeedReader(empty_library, timeout=10) as reader,
        peak_memory() as peak,
        pytest.raises(StoreError) as refused,
    ):
        reader.subscribe(server.url("/huge.rss"))
    assert "is larger than 64 MB" in str(refused.value)
    assert peak() < 100 * MB


def test_a_dripping_feed_ends_at_the_whole_request_bound(server, tmp_path, capsys):
    add_drip(server, "/drip.rss", _rss(3).encode(), "application/rss+xml")
    with elapsed() as took:
        code = main(
            [
                "--library",
                str(tmp_path / "l"),
                "feeds",
                "add",
                server.url("/drip.rss"),
                "--timeout",
                "3",
            ]
        )
    err = capsys.readouterr().err
    assert code == 1 and took() < 16
    assert "did not finish sending" in err and "unexpected" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_dripping_catalog_page_ends_at_the_whole_request_bound(server, tmp_path, capsys):
    add_drip(server, "/opds", _rss(1).encode(), "application/atom+xml", headers_too=True)
    with elapsed() as took:
        code = main(
            [
                "--library",
                str(tmp_path / "l"),
                "store",
                "browse",
                server.url("/opds"),
                "--timeout",
                "3",
            ]
        )
    err = capsys.readouterr().err
    assert code == 1 and took() < 16
    assert "too slowly" in err and len(err.strip().splitlines()) == 1


def test_a_flood_of_items_is_taken_a_bounded_part_per_refresh(server, empty_library, monkeypatch):
    monkeypatch.setattr(feeds_module, "MAX_NEW_PER_REFRESH", 5)
    server.add("/many.rss", _rss(12), "application/rss+xml")
    with FeedReader(empty_library, timeout=5) as reader:
        first = reader.subscribe(server.url("/many.rss"))
        second = reader.refresh(first.subscription)
        third = reader.refresh(second.subscription)
    assert [len(r.new) for r in (first, second, third)] == [5, 5, 2]
    assert any("12 new items; 5 were read now" in note for note in first.notes)
    assert empty_library.count() == 12


DEEP_JSON = '{"publications": ' + "[" * 100_000 + "]" * 100_000 + "}"
OPDS_NAN = """<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opds="http://opds-spec.org/2010/catalog">
<title>Priced</title><id>urn:p</id>
<entry><title>Not a number</title><id>urn:nan</id>
<link rel="http://opds-spec.org/acquisition/buy" href="/buy/1" type="application/epub+zip">
<opds:price currencycode="EUR">NaN</opds:price></link></entry>
<entry><title>Fine</title><id>urn:fine</id>
<link rel="http://opds-spec.org/acquisition" href="/f.epub" type="application/epub+zip"/></entry>
</feed>"""


def test_a_bad_price_in_one_feed_is_skipped_and_every_feed_is_read(
    server, empty_library, tmp_path, capsys
):
    server.add("/priced.xml", OPDS_NAN)
    server.add("/plain.rss", _rss(2, "Plain"), "application/rss+xml")
    server.add("/later.rss", _rss(1, "Later"), "application/rss+xml")
    with FeedReader(empty_library, timeout=5) as reader:
        for path in ("/priced.xml", "/plain.rss", "/later.rss"):
            reader.subscribe(server.url(path))
        server.add("/priced.xml", OPDS_NAN.replace("urn:fine", "urn:fine-2"))
        server.add("/plain.rss", DEEP_JSON, "application/json")
        server.add("/later.rss", _rss(2, "Later"), "application/rss+xml")
        reports = reader.refresh_all()
    by_path = {r.subscription.url.rsplit("/", 1)[-1]: r for r in reports}
    priced, plain, later = (by_path[name] for name in ("priced.xml", "plain.rss", "later.rss"))
    assert priced.error is None and any("not a number" in n for n in priced.notes)
    assert plain.error and "nested too deeply" in plain.error
    assert later.error is None and [i.title for i in later.new] == ["Brief 1"]


def test_a_feed_of_very_many_items_is_read_from_the_top_only(server, empty_library, monkeypatch):
    from bookstore.store.feeds import documents as feed_documents

    monkeypatch.setattr(feed_documents, "MAX_FEED_ITEMS", 10)
    body = _rss(30).replace("<title>Briefs</title>", "<title>Zażółć</title>")
    server.add(
        "/long.rss",
        body.encode("iso-8859-2", "replace").replace(
            b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="iso-8859-2"?>'
        ),
        "application/rss+xml; charset=iso-8859-2",
    )
    with FeedReader(empty_library, timeout=5) as reader:
        report = reader.subscribe(server.url("/long.rss"))
    assert [item.title for item in report.new] == [f"Brief {n}" for n in range(10)]
    assert report.subscription.title == "Zażółć"
    assert any("lists 30 items; only its first 10" in note for note in report.notes)
