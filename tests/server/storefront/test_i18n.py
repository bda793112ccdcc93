"""Languages: Accept-Language negotiation, complete catalogs with the right plural
forms, compiled catalogs that match their sources, and CLDR prices and dates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from bookstore.server.storefront import i18n
from tests.i18n.catalog_files import entries, translation_problems


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("pl-PL,pl;q=0.9,en;q=0.8", "pl"),
        ("de-DE, ru;q=0.5, en;q=0.4", "ru"),
        ("en;q=0.2, pl;q=0.7", "pl"),
        ("ru;q=0, pl;q=0.1", "pl"),  # q=0 means "not this one"
        ("fr, de", "en"),
        ("", "en"),
        ("pl;q=abc, ru", "ru"),
        ("*", "en"),
    ],
)
def test_accept_language_picks_the_best_of_ours(header, expected):
    assert i18n.negotiate(header) == expected


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        (
            "pl",
            {
                1: "1 wydanie",
                2: "2 wydania",
                4: "4 wydania",
                5: "5 wydań",
                12: "12 wydań",
                22: "22 wydania",
            },
        ),
        (
            "ru",
            {1: "1 выпуск", 2: "2 выпуска", 5: "5 выпусков", 11: "11 выпусков", 21: "21 выпуск"},
        ),
        ("en", {1: "1 issue", 2: "2 issues"}),
    ],
)
def test_plural_forms(language, counts):
    catalog = i18n.translations(language)
    for count, expected in counts.items():
        assert (
            catalog.ngettext("%(num)d issue", "%(num)d issues", count) % {"num": count} == expected
        )


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_every_message_is_translated_and_compiled(language):
    said = {entry.source: entry for entry in entries(language)}
    for source in _page_messages():
        assert source in said, f"{source!r}: run python packaging/translations.py"
        assert all(said[source].forms), f"{language}: {source!r} is not translated"
    assert [p for p in translation_problems() if p.startswith(language)] == []


def test_every_page_message_is_in_the_template():
    """No message in the templates or the code is missing from the catalogs."""
    known = {entry.source for entry in entries("pl")}
    assert _page_messages() - known == set(), "run python packaging/translations.py"


def _page_messages() -> set[str]:
    from babel.messages.extract import extract_from_dir

    folder = Path(i18n.__file__).parent
    return {
        entry[2] if isinstance(entry[2], str) else entry[2][0]
        for entry in extract_from_dir(
            str(folder),
            method_map=[("**.py", "python"), ("templates/**.html", "jinja2")],
            options_map={"templates/**.html": {"trim_blocks": "true", "lstrip_blocks": "true"}},
            keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None},
        )
    }


def test_prices_and_dates_by_cldr():
    assert i18n.Formats("pl").price(Decimal("45"), "PLN") == "45,00\xa0zł"
    assert i18n.Formats("en").price(Decimal("45"), "PLN") == "PLN\xa045.00"
    assert i18n.Formats("ru").price(Decimal("20.5"), "PLN").startswith("20,50")
    day = dt.date(2019, 1, 11)
    assert i18n.Formats("en").date(day) == "11 January 2019"
    assert i18n.Formats("pl").date(day) == "11 stycznia 2019"
    assert i18n.Formats("ru").date(day).startswith("11 января 2019")
    assert i18n.Formats("pl").language_name("ru") == "rosyjski"
    assert i18n.Formats("en").own_name("pl") == "Polski"
