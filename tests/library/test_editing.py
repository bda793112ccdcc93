import datetime as dt

import pytest

from bookstore.errors import BookstoreError, NotFound
from bookstore.library.editing import EditError, IssueEdit, edit_issue
from bookstore.library.library import Library
from bookstore.library.reading import ReadingState, reading_state, remember_reading
from bookstore.library.removal import discard, remove_issues, restore
from bookstore.library.saved_searches import delete_search, save_search, saved_searches
from bookstore.library.search.query import QueryError


def test_editing_changes_the_fields_and_the_search_index(library: Library):
    issue = library.list_issues()[0]
    edit = IssueEdit(
        title="Quokka diplomacy in the Baltic",
        authors=("Anna Nowak", " Jan  Kowalski "),
        date=dt.date(2020, 5, 4),
        add_topics=("marsupials",),
        remove_topics=(issue.topics[0].upper(),),
    )
    seq = library.changes_since()[-1][0]
    saved = edit_issue(library, issue.id, edit)
    assert [(i, c) for _, i, c in library.changes_since(seq)] == [(issue.id, "saved")]
    assert saved.title == "Quokka diplomacy in the Baltic"
    assert saved.authors == ("Anna Nowak", "Jan Kowalski")
    assert saved.date == dt.date(2020, 5, 4)
    assert "marsupials" in saved.topics and issue.topics[0] not in saved.topics
    assert library.search_ids("quokka") == [issue.id]
    assert library.search_ids("topic:marsupials") == [issue.id]
    assert library.search_ids("author:kowalski") == [issue.id]


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (IssueEdit(title="   "), "title", "cannot be empty"),
        (IssueEdit(number=0), "number", "between 1 and"),
        (IssueEdit(year=12), "year", "between 1900"),
        (IssueEdit(language="Polish"), "language", "code like en"),
    ],
)
def test_bad_edits_name_the_field_and_change_nothing(library: Library, edit, field, message):
    issue = library.list_issues()[0]
    with pytest.raises(EditError, match=message) as caught:
        edit_issue(library, issue.id, edit)
    assert caught.value.field == field
    assert library.get(issue.id) == issue


def test_fields_are_checked_together(library: Library):
    issues = library.list_issues()
    spotlight = next(i for i in issues if i.series.slug == "spotlight" and i.date.year == 2019)
    bulletin = library.series_named("bulletin")
    refused = [
        (IssueEdit(year=2031), "year", "an issue of 2031 cannot be dated"),
        (IssueEdit(date=dt.date(2015, 5, 5)), "date", "cannot be dated 2015-05-05"),
        (
            IssueEdit(year=2018, date=dt.date(2019, 1, 2)),
            "date",
            "an issue of 2018 cannot be dated 2019-01-02",
        ),
        (IssueEdit(language="xx"), "language", "“xx” is not a language code"),
        (IssueEdit(series="bulletin"), "running_number", f"{bulletin.name} gives every issue"),
    ]
    for edit, field, message in refused:
        with pytest.raises(EditError, match=message) as caught:
            edit_issue(library, spotlight.id, edit)
        assert caught.value.field == field
    assert library.get(spotlight.id) == spotlight
    moved = edit_issue(
        library,
        spotlight.id,
        IssueEdit(series="bulletin", running_number=4242, year=2031, date=dt.date(2031, 1, 2)),
    )
    assert moved.number_label == f"no. {spotlight.number} (4242)" and moved.year == 2031
    assert edit_issue(library, spotlight.id, IssueEdit(language="de")).language == "de"


def test_values_an_import_gave_do_not_block_other_edits(library: Library):
    issue = next(i for i in library.list_issues() if i.series.slug == "bulletin")
    odd = library.db  # as an import from a careless source might leave it
    with library.transaction():
        odd.execute(
            "UPDATE issue SET year = 2031, running_number = NULL, language = 'xx' WHERE id = ?",
            (issue.id,),
        )
    library.changed()
    saved = edit_issue(library, issue.id, IssueEdit(title="Still editable"))
    assert (saved.title, saved.year, saved.language) == ("Still editable", 2031, "xx")


def test_an_edit_that_would_duplicate_another_issue_is_refused(library: Library):
    issues = library.list_issues()
    first = issues[0]
    twin = next(
        i
        for i in issues
        if i.series == first.series and i.language == first.language and i != first
    )
    with pytest.raises(EditError, match="already in the library"):
        edit_issue(library, first.id, IssueEdit(year=twin.year, number=twin.number))


def test_translation_of_takes_the_other_issues_numbering(library: Library):
    issues = library.list_issues()
    english = next(i for i in issues if i.language == "en" and not i.translations)
    other = next(i for i in issues if i.language == "pl" and i.series == english.series)
    saved = edit_issue(library, other.id, IssueEdit(translation_of=english.id))
    assert (saved.year, saved.number) == (english.year, english.number)
    assert other.id in library.get(english.id).translations


def test_remove_and_restore_bring_back_rows_files_and_index(library: Library, tmp_path):
    issue = library.list_issues()[0]
    page = library.attach_file(issue.id, "page", b"<html>original</html>", ".html")
    remember_reading(library, issue.id, ReadingState(0.5, 2))
    word = issue.title.split()[-1]
    seq = library.changes_since()[-1][0]
    removed = remove_issues(library, [issue.id])
    assert removed.count == 1
    assert not (library.files_dir / page.path).exists()
    with pytest.raises(NotFound):
        library.get(issue.id)
    assert issue.id not in library.search_ids(word)
    assert restore(library, removed) == [issue.id]
    back = library.get(issue.id)
    assert back.title == issue.title and back.authors == issue.authors
    assert (library.files_dir / page.path).read_bytes() == b"<html>original</html>"
    assert issue.id in library.search_ids(word)
    assert reading_state(library, issue.id) == ReadingState(0.5, 2)
    assert [(i, change) for _, i, change in library.changes_since(seq)] == [
        (issue.id, "removed"),
        (issue.id, "saved"),
    ]
    assert removed.trash is None


def test_discarded_removals_delete_the_files(library: Library):
    issue = library.list_issues()[0]
    page = library.attach_file(issue.id, "page", b"x", ".html")
    removed = remove_issues(library, [issue.id])
    trash = removed.trash
    discard(removed)
    assert not trash.exists()
    assert not (library.files_dir / page.path).exists()


def test_saved_searches_are_checked_listed_replaced_and_deleted(library: Library):
    save_search(library, "  Korea  news ", "korea year:2019..")
    save_search(library, "Energy", "energy")
    save_search(library, "Energy", "energy lang:pl")
    assert [(s.name, s.query) for s in saved_searches(library)] == [
        ("Energy", "energy lang:pl"),
        ("Korea news", "korea year:2019.."),
    ]
    with pytest.raises(QueryError):
        save_search(library, "Broken", "(korea")
    with pytest.raises(BookstoreError, match="needs a name"):
        save_search(library, " ", "korea")
    delete_search(library, "Energy")
    assert [s.name for s in saved_searches(library)] == ["Korea news"]
    with pytest.raises(NotFound):
        delete_search(library, "Energy")


def test_reading_state_defaults_and_bounds(library: Library):
    issue = library.list_issues()[0]
    assert reading_state(library, issue.id) == ReadingState()
    remember_reading(library, issue.id, ReadingState(1.7, 99))
    assert reading_state(library, issue.id) == ReadingState(1.0, 8)
