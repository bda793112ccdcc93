"""``bookstore edit``: the same edits as the window's dialog, from the shell."""

import json

import pytest


def first(run) -> dict:
    return json.loads(run("list", "--json")[1])[0]


def test_edit_changes_the_named_fields_only(run):
    issue = first(run)
    code, out, err = run(
        "edit", str(issue["id"]), "--title", "Quokka diplomacy", "--authors", "Anna Nowak; Jan Kowalski",
        "--add-topic", "Marsupials", "--date", "2020-05-04", "--json",
    )  # fmt: skip
    assert code == 0, err
    edited = json.loads(out)
    assert edited["title"] == "Quokka diplomacy"
    assert edited["authors"] == ["Anna Nowak", "Jan Kowalski"]
    assert edited["date"] == "2020-05-04"
    assert edited["topics"] == [*issue["topics"], "Marsupials"]
    assert (edited["number"], edited["language"], edited["lead"]) == (
        issue["number"],
        issue["language"],
        issue["lead"],
    )
    code, out, _ = run("search", "quokka", "--json")
    assert [hit["id"] for hit in json.loads(out)] == [issue["id"]]


def test_edit_removes_topics_and_the_running_number(run):
    issue = first(run)  # a PISM Bulletin: that series gives every issue a running number
    assert issue["running_number"] is not None
    code, out, err = run("edit", str(issue["id"]), "--running-number", "0")
    assert code == 1 and "--running-number: PISM Bulletin gives every issue a running number" in err
    code, out, err = run(
        "edit", str(issue["id"]), "--remove-topic", issue["topics"][0],
        "--series", "spotlight", "--running-number", "0", "--json",
    )  # fmt: skip
    assert code == 0, err
    edited = json.loads(out)
    assert issue["topics"][0] not in edited["topics"]
    assert edited["running_number"] is None and edited["series"]["slug"] == "spotlight"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--title", " "], "--title: the title cannot be empty"),
        (["--language", "Polish"], "--language: the language must be a code"),
        (["--number", "0"], "--number: the number must be between 1"),
        (["--language", "xx"], "--language: “xx” is not a language code"),
        (["--year", "2031"], "--year: an issue of 2031 cannot be dated 2020-09-29"),
        (["--date", "2019-12-31"], "--date: an issue of 2020 cannot be dated 2019-12-31"),
        (
            ["--year", "2019", "--date", "2020-01-02"],
            "--date: an issue of 2019 cannot be dated 2020-01-02",
        ),
        ([], "nothing to change"),
    ],
)
def test_a_bad_edit_is_one_line_and_changes_nothing(run, args, message):
    issue = first(run)
    code, out, err = run("edit", str(issue["id"]), *args)
    assert code == 1 and out == ""
    assert err.startswith("bookstore: ") and message in err and err.count("\n") == 1
    assert first(run) == issue


def test_edit_of_an_unknown_issue_or_a_bad_date(run):
    code, _, err = run("edit", "99999", "--title", "x")
    assert code == 1 and "99999" in err
    with pytest.raises(SystemExit):
        run("edit", "1", "--date", "yesterday")


def test_translation_of_links_two_issues(run):
    issues = json.loads(run("list", "--json")[1])
    english = next(i for i in issues if i["language"] == "en" and not i["translations"])
    polish = next(
        i
        for i in issues
        if i["language"] == "pl" and i["series"]["slug"] == english["series"]["slug"]
    )
    code, _, err = run("edit", str(polish["id"]), "--translation-of", str(english["id"]))
    assert code == 0, err
    shown = json.loads(run("show", str(english["id"]), "--json")[1])
    assert polish["id"] in shown["translations"]
