"""Messages made in the core, said in the reader's language from the catalogs."""

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from bookstore.errors import NotFound
from bookstore.i18n.messages import N_, say, say_plural
from bookstore.i18n.words import Catalogs, Words

ISSUE = N_("there is no issue with id {id}")
ISSUES = ("{count} issue", "{count} issues")


def _catalogs(tmp_path: Path) -> Catalogs:
    catalog = Catalog(locale="pl", domain="bookstore")
    catalog.add(ISSUE, "nie ma wydania o identyfikatorze {id}")
    catalog.add(ISSUES, ("{count} wydanie", "{count} wydania", "{count} wydań"))
    catalog.add("Open", "Otwórz", context="Menu")
    folder = tmp_path / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "bookstore.mo").open("wb") as out:
        write_mo(out, catalog)
    return Catalogs(tmp_path)


def test_a_message_is_english_until_it_is_said_in_a_language(tmp_path):
    message = say(ISSUE, id=999)
    assert str(message) == "there is no issue with id 999"
    polish = _catalogs(tmp_path).words("pl")
    assert polish.say(message) == "nie ma wydania o identyfikatorze 999"
    assert polish.say(NotFound(message)) == "nie ma wydania o identyfikatorze 999"
    assert str(NotFound(message)) == "there is no issue with id 999"


def test_plural_forms_follow_the_language(tmp_path):
    polish = _catalogs(tmp_path).words("pl")
    said = [polish.say(say_plural(*ISSUES, n)) for n in (1, 2, 5, 22, 25)]
    assert said == ["1 wydanie", "2 wydania", "5 wydań", "22 wydania", "25 wydań"]
    assert str(say_plural(*ISSUES, 1)) == "1 issue"
    assert str(say_plural(*ISSUES, 5)) == "5 issues"


def test_contexts_and_plain_text(tmp_path):
    polish = _catalogs(tmp_path).words("pl")
    assert polish.text("Open", "Menu") == "Otwórz"
    assert polish.text("Open", "Elsewhere") == "Open"
    # The reader's own words and file names are never translated.
    assert polish.say("Open") == "Open"
    assert (
        polish.say(say("{name} is not an issue page", name="Open")) == "Open is not an issue page"
    )


def test_an_unknown_language_speaks_english(tmp_path):
    english = Words.load("de", tmp_path)
    assert english.language == "en"
    assert english.say(say(ISSUE, id=3)) == "there is no issue with id 3"
