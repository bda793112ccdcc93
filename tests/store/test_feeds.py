"""Feed subscriptions: new items become issues, free ones download, broken feeds stay alone."""

from __future__ import annotations

import os

import pytest

from bookstore.cli.main import main
from bookstore.library import subscriptions as rows
from bookstore.store.errors import StoreError
from bookstore.store.feeds.subscriptions import FeedReader
from tests.store.books import small_epub

EPUB = small_epub(filler=os.urandom(4000))


def _rss(server, items: list[tuple[str, str]], enclosure: bool = True) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{server.url('/page/' + guid)}</link>"
        f'<guid isPermaLink="false">{guid}</guid><description>&lt;p&gt;Lead of {title}.&lt;/p&gt;</description>'
        f"<pubDate>Tue, 19 Feb 2019 10:00:00 +0000</pubDate><category>Energy</category>"
        + (
            f'<enclosure url="{server.url("/files/" + guid + ".epub")}" type="application/epub+zip" length="{len(EPUB)}"/>'
            if enclosure
            else ""
        )
        + "</item>"
        for guid, title in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Think Tank Briefs</title>'
        f"<link>{server.url('/')}</link><description>d</description><language>pl</language>{entries}</channel></rss>"
    )


def test_subscribe_download_free_and_see_a_new_item_appear(server, empty_library, tmp_path):
    server.add("/rss", _rss(server, [("a1", "First brief")]), "application/rss+xml")
    server.add_file("/files/a1.epub", EPUB)
    server.add_file("/files/a2.epub", EPUB)
    with FeedReader(empty_library, timeout=5, downloads=tmp_path / "dl") as reader:
        report = reader.subscribe(server.url("/rss"), download_free=True)
        assert [i.title for i in report.new] == ["First brief"]
        assert len(report.downloaded) == 1
        issue = empty_library.get(report.new[0].issue_id)
        assert issue.owned and issue.language == "pl" and issue.topics == ("Energy",)
        assert issue.lead == "Lead of First brief." and issue.series.name == "Think Tank Briefs"
        again = reader.refresh(report.subscription)
        assert again.new == [] and again.error is None
        server.add(
            "/rss",
            _rss(server, [("a2", "Second brief"), ("a1", "First brief")]),
            "application/rss+xml",
        )
        newer = reader.refresh(again.subscription)
    assert [i.title for i in newer.new] == ["Second brief"]
    assert newer.subscription.unread == 2 and newer.subscription.items == 2
    assert empty_library.count() == 2
    rows.mark_seen(empty_library, newer.subscription.id)
    assert rows.subscription(empty_library, newer.subscription.id).unread == 0


def test_without_download_items_are_listed_not_owned(server, empty_library):
    server.add("/rss", _rss(server, [("b1", "Listed only")]), "application/rss+xml")
    with FeedReader(empty_library, timeout=5) as reader:
        report = reader.subscribe(server.url("/rss"))
    issue = empty_library.get(report.new[0].issue_id)
    assert not issue.owned and issue.files == ()
    assert len(server.requests) == 1  # nothing was downloaded


def test_a_broken_or_unreachable_feed_leaves_the_others_alone(server, empty_library):
    server.add("/good", _rss(server, [("c1", "Good")], enclosure=False), "application/rss+xml")
    server.add("/bad", "<html><body>Not a feed</body></html>", "text/html")
    with FeedReader(empty_library, timeout=2) as reader:
        good = reader.subscribe(server.url("/good"))
        with pytest.raises(StoreError, match="is not an RSS or Atom feed"):
            reader.subscribe(server.url("/bad"))
        rows.add_subscription(empty_library, server.url("/gone"), "Gone", False)
        server.add(
            "/good",
            _rss(server, [("c2", "Better"), ("c1", "Good")], enclosure=False),
            "application/rss+xml",
        )
        reports = {r.subscription.title: r for r in reader.refresh_all()}
    assert [s.title for s in rows.subscriptions(empty_library)] == ["Gone", "Think Tank Briefs"]
    assert "has nothing at" in (reports["Gone"].error or "")
    assert rows.subscription(empty_library, server.url("/gone")).error == reports["Gone"].error
    assert [i.title for i in reports["Think Tank Briefs"].new] == ["Better"]
    assert good.error is None


def test_an_unchanged_feed_is_not_read_again(server, empty_library):
    server.add(
        "/rss",
        _rss(server, [("d1", "One")], enclosure=False),
        "application/rss+xml",
        headers={"ETag": '"v1"'},
    )
    with FeedReader(empty_library, timeout=5) as reader:
        report = reader.subscribe(server.url("/rss"))
        server.add("/rss", "", "application/rss+xml", status=304)
        again = reader.refresh(report.subscription)
        third = reader.refresh(again.subscription)
    assert again.not_modified and third.not_modified and again.error is None
    assert server.requests[-1].headers["If-None-Match"] == '"v1"'


def test_an_atom_feed_and_the_command_line(server, tmp_path, capsys):
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Briefs</title>'
        "<id>urn:f</id><updated>2026-01-01T00:00:00Z</updated><entry><title>Лента</title><id>urn:e1</id>"
        "<updated>2026-01-02T00:00:00Z</updated><author><name>Анна Петрова</name></author>"
        '<summary type="html">&lt;b&gt;Кратко&lt;/b&gt;</summary><link rel="alternate" href="/e1"/></entry></feed>'
    )
    server.add("/atom", atom, "application/atom+xml")
    library = ["--library", str(tmp_path / "lib")]
    assert main([*library, "feeds", "add", server.url("/atom")]) == 0
    assert "subscribed to Atom Briefs: 1 new, 1 unread" in capsys.readouterr().out
    assert main([*library, "feeds", "list", "--json"]) == 0
    import json

    [listed] = json.loads(capsys.readouterr().out)
    assert listed["unread"] == 1 and listed["title"] == "Atom Briefs"
    assert main([*library, "feeds", "refresh", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["new"] == []
    server.add("/atom", "garbage", "text/plain", status=500)
    assert main([*library, "feeds", "refresh"]) == 1
    assert "on the store's side" in capsys.readouterr().err
    assert main([*library, "feeds", "remove", str(listed["id"])]) == 0
    assert main([*library, "feeds", "list"]) == 0
    assert "no subscriptions" in capsys.readouterr().out
