"""Numbers beyond SQLite's 64-bit integers: an id names no issue, a count means "all"."""

import json
from pathlib import Path

import pytest

HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    "command",
    [
        ("show", HUGE),
        ("show", f"-{HUGE}"),
        ("remove", HUGE),
        ("edit", HUGE, "--title", "Quokkas"),
        ("edit", "1", "--translation-of", HUGE),
        ("attach", HUGE, "book.epub"),
        ("export", "epub", HUGE, "-o", "out.epub"),
        ("export", "pdf", "1", HUGE, "-o", "out.pdf"),
        ("feeds", "remove", HUGE),
        ("feeds", "refresh", HUGE),
    ],
)
def test_an_id_beyond_64_bits_is_no_issue(run, command, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(*command)
    number = next(a for a in command if HUGE in a)
    assert (code, out) == (1, "")
    if command[0] == "feeds":
        assert err == f"bookstore: there is no subscription to “{number}” in this library\n"
    else:
        assert err == f"bookstore: there is no issue with id {number} in the library\n"
    assert not list(tmp_path.glob("out.*"))


def test_counts_beyond_64_bits_mean_all(run):
    everything = json.loads(run("list", "--json")[1])
    code, out, err = run("list", "--limit", HUGE, "--json")
    assert (code, err) == (0, "") and json.loads(out) == everything
    assert run("list", "--year", HUGE) == (0, "", "")
    found = json.loads(run("search", "security", "--limit", "1000", "--json")[1])
    code, out, err = run("search", "security", "--limit", HUGE, "--json")
    assert (code, err) == (0, "") and len(found) > 3 and json.loads(out) == found
    assert run("search", "security", "--offset", HUGE) == (0, "no issue matches\n", "")


def test_an_import_number_beyond_any_issue_is_refused_before_reading(run, capsys):
    with pytest.raises(SystemExit) as stopped:
        run("import", "missing.epub", "--series", "spotlight", "--number", HUGE)
    assert stopped.value.code == 2
    assert "--number: must be between 1 and 99999" in capsys.readouterr().err
