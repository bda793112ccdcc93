"""Undoing a removal puts back exactly what was there, whatever linked to the issues."""

from __future__ import annotations

import dataclasses
import re

import pytest

from bookstore.errors import BookstoreError
from bookstore.library.library import Library
from bookstore.library.reading import ReadingState, reading_state, remember_reading
from bookstore.library.removal import links, remove_issues, restore
from bookstore.library.subscriptions import FeedItem, add_item, add_subscription, items

FEED = "https://www.pism.pl/rss/spotlight"


def rows_of(library: Library, table: str) -> list[tuple]:
    return sorted(library.db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)


def snapshot(library: Library) -> dict[str, list[tuple]]:
    """Every row of every table that belongs to issues (the log of changes aside)."""
    tables = [
        "issue",
        "issue_author",
        "issue_topic",
        "issue_file",
        "issue_identifier",
        "reading_state",
        "feed",
        "feed_item",
    ]
    return {table: rows_of(library, table) for table in tables}


def linked_issue(library: Library, *, newest: bool = False) -> int:
    """An issue a feed lists, with a file, an identifier, a reading position and a
    translation (another issue of the same number in another language); or the issue
    with the newest id, whose id SQLite gives again to the next issue added."""
    issues = library.list_issues()
    with_translation = (i for i in issues if i.translations)
    issue = max(issues, key=lambda i: i.id) if newest else next(with_translation)
    feed = add_subscription(library, FEED, "Spotlight", download_free=True)
    add_item(library, FeedItem(feed.id, "guid-1", issue.title, None, None, issue.id, True))
    add_item(library, FeedItem(feed.id, "guid-2", "Not in the library", None, None, None, False))
    library.attach_file(issue.id, "page", b"<html>the page</html>", ".html")
    library.add_identifiers(issue.id, [f"urn:uuid:test-{issue.id}"])
    remember_reading(library, issue.id, ReadingState(0.25, 1))
    return issue.id


def test_undoing_the_removal_of_an_issue_a_feed_lists_restores_it_exactly(library: Library):
    issue_id = linked_issue(library)
    before = snapshot(library)
    issue = library.get(issue_id)
    removed = remove_issues(library, [issue_id])
    feed_id = items(library, before["feed"][0][0])[0].feed_id
    assert all(item.issue_id is None for item in items(library, feed_id))
    assert restore(library, removed) == [issue_id]
    assert snapshot(library) == before
    assert library.get(issue_id) == issue
    assert issue_id in library.get(issue.translations[0]).translations
    assert (library.files_dir / issue.files[0].path).read_bytes() == b"<html>the page</html>"
    assert reading_state(library, issue_id) == ReadingState(0.25, 1)
    assert library.search_ids(f'"{issue.title}"')[:1] == [issue_id]


def test_remove_and_restore_round_trips_again_and_again(library: Library):
    issue_id = linked_issue(library)
    others = [i.id for i in library.list_issues() if i.id != issue_id][:2]
    before = snapshot(library)
    ids = [issue_id, *others]
    for _ in range(3):
        removed = remove_issues(library, ids)
        assert removed.count == 3
        ids = restore(library, removed)
        assert ids == [issue_id, *others]
        assert snapshot(library) == before


def test_a_failed_restore_changes_nothing_and_can_be_tried_again(library: Library):
    issue_id = linked_issue(library)
    before = snapshot(library)
    issue = library.get(issue_id)
    removed = remove_issues(library, [issue_id])
    trash = removed.trash
    clash = library.save(dataclasses.replace(issue, id=None, title="Back from the feed"))
    during = snapshot(library)
    with pytest.raises(BookstoreError, match=re.escape(f"cannot put back “{issue.label}: ")):
        restore(library, removed)
    assert snapshot(library) == during
    assert removed.trash == trash and any(trash.rglob("*.html"))
    library.remove(clash.id)
    [back] = restore(library, removed)
    assert library.get(back).title == issue.title
    feed_links = [row for row in rows_of(library, "feed_item") if row[1] == "guid-1"]
    assert [row[5] for row in feed_links] == [back]
    assert len(snapshot(library)["issue"]) == len(before["issue"])


def test_an_issue_whose_id_was_taken_comes_back_under_a_new_one_with_its_links(
    library: Library,
):
    issue_id = linked_issue(library, newest=True)
    issue = library.get(issue_id)
    removed = remove_issues(library, [issue_id])
    taker = library.save(
        dataclasses.replace(issue, id=None, number=issue.number + 50, source_url=None)
    )
    assert taker.id == issue_id  # SQLite gives the newest id again
    [back] = restore(library, removed)
    assert back != issue_id
    assert library.get(back).title == issue.title
    assert reading_state(library, back) == ReadingState(0.25, 1)
    linked = library.db.execute("SELECT issue_id FROM feed_item WHERE guid = 'guid-1'")
    assert linked.fetchone()[0] == back


def test_a_feed_forgotten_meanwhile_stays_forgotten(library: Library):
    issue_id = linked_issue(library)
    removed = remove_issues(library, [issue_id])
    with library.transaction():
        library.db.execute("DELETE FROM feed")
    assert restore(library, removed) == [issue_id]
    assert rows_of(library, "feed_item") == []


def test_the_links_found_include_the_feeds_items_which_stay_when_an_issue_goes(
    library: Library,
):
    found = {(link.table, link.column): link for link in links(library.db)}
    assert not found[("feed_item", "issue_id")].cascades
    assert found[("feed_item", "issue_id")].key == ("feed_id", "guid")
    assert found[("issue_file", "issue_id")].cascades
