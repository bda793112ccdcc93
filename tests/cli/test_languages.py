"""The command speaks the shell's language: LANG=pl_PL.UTF-8 Polish, ru_RU Russian, C English."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bookstore.cli import output
from bookstore.cli.main import main
from bookstore.i18n.words import Words
from bookstore.library.library import Library


def bookstore(tmp_path: Path, lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed command, as a process, on a fresh library, in ``lang``."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("LC_")}
    env.pop("LANGUAGE", None)
    env.update(LANG=lang, BOOKSTORE_LIBRARY=str(tmp_path / "library"))
    return subprocess.run(
        [sys.executable, "-m", "bookstore", *args],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip


def test_show_of_a_missing_issue_answers_in_polish(tmp_path: Path):
    done = bookstore(tmp_path, "pl_PL.UTF-8", "show", "999")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("bookstore: ") and "Traceback" not in done.stderr
    assert "wydania o identyfikatorze 999" in done.stderr
    assert "no issue" not in done.stderr


def test_help_in_russian_has_no_english_words_but_names(tmp_path: Path):
    done = bookstore(tmp_path, "ru_RU.UTF-8", "--help")
    assert done.returncode == 0
    text = done.stdout
    assert text.startswith("использование: bookstore ")
    for words in ("позиционные аргументы:", "параметры:", "показать эту справку и выйти"):
        assert words in text
    commands = {"bookstore", "search", "show", "list", "series", "import", "attach", "remove",
                "edit", "export", "cite", "check", "store", "serve", "feeds"}  # fmt: skip
    # Options, variables, paths and formats (EPUB, OPDS, CSL-JSON ...) are names.
    tokens = re.findall(r"[\w$~/.-]+", text)
    latin = {t for t in tokens if re.fullmatch(r"[a-z]+", t)}
    assert latin <= commands, latin - commands


def test_an_argument_error_in_polish_and_russian(tmp_path: Path):
    missing = bookstore(tmp_path, "pl_PL.UTF-8", "show")
    assert missing.returncode == 2
    assert missing.stderr.startswith("użycie: bookstore show ")
    assert "bookstore show: błąd: wymagane są następujące argumenty: ID" in missing.stderr
    wrong = bookstore(tmp_path, "ru_RU.UTF-8", "search", "--sort", "size", "x")
    assert wrong.returncode == 2 and "использование: bookstore search" in wrong.stderr
    assert "ошибка: аргумент --sort: недопустимый вариант: 'size'" in wrong.stderr
    limit = bookstore(tmp_path, "ru_RU.UTF-8", "search", "--limit", "0", "x")
    assert "аргумент --limit: должно быть не меньше 1" in limit.stderr


def test_lang_c_stays_english(tmp_path: Path):
    done = bookstore(tmp_path, "C", "show", "999")
    assert done.returncode == 1 and "there is no issue with id 999" in done.stderr
    usage = bookstore(tmp_path, "C.UTF-8", "show")
    assert "usage: bookstore show" in usage.stderr
    assert "error: the following arguments are required: ID" in usage.stderr


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("pl", {1: "1 wydanie", 2: "2 wydania", 5: "5 wydań", 22: "22 wydania", 25: "25 wydań"}),
        ("ru", {1: "1 выпуск", 2: "2 выпуска", 5: "5 выпусков", 21: "21 выпуск"}),
        ("en", {1: "1 issue", 2: "2 issues", 5: "5 issues", 21: "21 issues"}),
    ],
)
def test_the_series_list_counts_issues_with_the_language_s_plural(
    tmp_path: Path, language: str, counts: dict[int, str]
):
    with Library.open(tmp_path / "library") as library:
        entry = library.series()[0]
    words = Words.load(language)
    for count, form in counts.items():
        written = io.StringIO()
        output.print_series([entry], {entry.slug: count}, words, written)
        assert f" {form} " in written.getvalue()


def test_list_and_series_in_polish_write_prices_and_names_by_cldr(tmp_path: Path, capsys):
    environ = {"LANG": "pl_PL.UTF-8"}
    library = str(tmp_path / "library")
    assert main(["--library", library, "series"], environ) == 0
    series = capsys.readouterr().out
    assert "Biuletyn PISM" in series and "45,00\xa0zł" in series and "bezpłatne" in series
    assert re.search(r"\b\d+ wyda(nie|nia|ń)\b", series) and " issues" not in series
    assert main(["--library", library, "list", "--series", "report"], environ) == 0
    listing = capsys.readouterr().out
    assert "[45,00\xa0zł]" in listing and "[free]" not in listing


def test_show_in_russian_writes_the_date_by_cldr(tmp_path: Path, capsys):
    library = str(tmp_path / "library")
    main(["--library", library, "list", "--limit", "1", "--json"], {"LANG": "C"})
    first = json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["--library", library, "show", str(first)], {"LC_ALL": "ru_RU.UTF-8"}) == 0
    shown = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"\d{1,2} [а-я]+ \d{4}\s?г\. · .+ · en", shown[2]), shown[2]
