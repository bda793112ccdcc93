import dataclasses
import sqlite3
from pathlib import Path

import pytest

from bookstore.errors import LibraryError, NotFound
from bookstore.library.db.migrations import MIGRATIONS
from bookstore.library.library import DATABASE_NAME, Library
from bookstore.library.location import library_path


def test_a_new_library_holds_the_sample_catalog(library: Library):
    issues = library.list_issues()
    assert len(issues) >= 24
    assert len({issue.series.slug for issue in issues}) >= 4
    assert {issue.language for issue in issues} == {"en", "pl", "ru"}
    assert any(not issue.is_free for issue in issues)
    assert all(issue.lead and issue.sections and issue.topics for issue in issues)
    assert any(
        section.heading and section.heading.endswith("?") for i in issues for section in i.sections
    )


def test_the_sample_catalog_has_translations(library: Library):
    translated = [issue for issue in library.list_issues() if issue.translations]
    assert translated
    for issue in translated:
        for other in library.get_many(list(issue.translations)):
            assert (other.series.slug, other.year, other.number) == (
                issue.series.slug,
                issue.year,
                issue.number,
            )
            assert other.language != issue.language


def test_the_database_is_in_wal_mode_at_the_newest_schema(library: Library):
    db = sqlite3.connect(library.root / DATABASE_NAME)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_a_library_from_a_newer_version_is_refused(tmp_path: Path):
    Library.open(tmp_path / "lib", with_sample=False).close()
    db = sqlite3.connect(tmp_path / "lib" / DATABASE_NAME)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(LibraryError, match="newer Bookstore"):
        Library.open(tmp_path / "lib")


def test_a_file_where_the_library_should_be_is_a_clear_error(tmp_path: Path):
    (tmp_path / "lib").write_text("not a folder")
    with pytest.raises(LibraryError, match="must be a folder"):
        Library.open(tmp_path / "lib")


def test_reopening_keeps_the_issues_and_does_not_add_the_sample_again(tmp_path: Path):
    with Library.open(tmp_path / "lib") as first:
        count = first.count()
    with Library.open(tmp_path / "lib") as second:
        assert second.count() == count


def test_location_comes_from_argument_then_environment_then_platform(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("BOOKSTORE_LIBRARY", str(tmp_path / "from-env"))
    assert library_path(tmp_path / "given") == tmp_path / "given"
    assert library_path(None) == tmp_path / "from-env"
    monkeypatch.delenv("BOOKSTORE_LIBRARY")
    assert library_path(None).name == "library"
    assert "bookstore" in str(library_path(None))


def test_saving_the_same_issue_again_updates_it(library: Library):
    issue = library.list_issues()[0]
    changed = dataclasses.replace(issue, title="A corrected title", id=None)
    result = library.save(changed)
    assert result.id == issue.id and not result.created
    assert library.get(issue.id).title == "A corrected title"
    assert len(library.search("corrected")) == 1


def test_an_issue_with_the_same_source_url_updates_instead_of_duplicating(library: Library):
    issue = next(i for i in library.list_issues() if i.source_url)
    moved = dataclasses.replace(issue, number=issue.number + 500, id=None)
    count = library.count()
    result = library.save(moved)
    assert (result.id, library.count()) == (issue.id, count)
    assert library.get(issue.id).number == issue.number + 500


def test_an_updated_issue_is_searched_by_its_new_text_only(library: Library):
    issue = library.list_issues()[0]
    library.save(dataclasses.replace(issue, title="Xylophone", id=None))
    assert [hit.issue.id for hit in library.search("xylophone")] == [issue.id]
    library.save(dataclasses.replace(issue, title="Zanzibar", id=None))
    assert [hit.issue.id for hit in library.search("zanzibar")] == [issue.id]
    assert library.search("xylophone") == []


def test_remove_deletes_the_issue_its_index_entry_and_its_files(library: Library):
    issue = library.list_issues()[0]
    ref = library.attach_file(issue.id, "page", b"original page", ".txt")
    assert (library.files_dir / ref.path).read_bytes() == b"original page"
    library.remove(issue.id)
    with pytest.raises(NotFound):
        library.get(issue.id)
    assert not (library.files_dir / ref.path).exists()
    assert issue.id not in [hit.issue.id for hit in library.search(f'"{issue.title}"')]


def test_unknown_ids_are_named_in_the_error(library: Library):
    with pytest.raises(NotFound, match="9999"):
        library.get(9999)
    with pytest.raises(NotFound, match="9998, 9999"):
        library.get_many([1, 9999, 9998])
    assert [issue.id for issue in library.get_many([2, 1, 2])] == [2, 1, 2]


def test_a_failed_transaction_leaves_nothing_behind(library: Library):
    count = library.count()
    issue = dataclasses.replace(library.list_issues()[0], number=999, source_url=None, id=None)
    with pytest.raises(RuntimeError), library.transaction():
        library.save(issue)
        raise RuntimeError("boom")
    assert library.count() == count
    assert all(issue.number != 999 for issue in library.list_issues())


def test_files_record_their_checksum_and_size(library: Library):
    issue = library.list_issues()[0]
    ref = library.attach_file(issue.id, "page", b"abc", ".html")
    assert ref.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert ref.size == 3
    assert library.get(issue.id).files == (ref,)
