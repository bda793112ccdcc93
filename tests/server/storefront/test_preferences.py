"""The reader's choices: language from Accept-Language or a switch that sticks, text
size and contrast, all without JavaScript."""

from __future__ import annotations

import re

LANG = re.compile(r'<html lang="(\w+)" class="([^"]+)"')


def _html(answer) -> tuple[str, str]:
    return LANG.search(answer.text).groups()


def test_the_language_follows_accept_language(browser):
    assert _html(browser.get("/store", headers={"Accept-Language": "ru-RU,ru;q=0.9"}))[0] == "ru"
    answer = browser.get("/store", headers={"Accept-Language": "pl;q=0.8,en;q=0.5"})
    assert _html(answer)[0] == "pl" and "Strona główna" in answer.text
    assert _html(browser.get("/store", headers={"Accept-Language": "de"}))[0] == "en"


def test_the_switch_sticks_and_every_page_links_to_it(browser):
    first = browser.get("/store/series/spotlight", headers={"Accept-Language": "en"})
    assert 'href="/store/series/spotlight?lang=pl"' in first.text
    switched = browser.get("/store/series/spotlight?lang=pl", headers={"Accept-Language": "en"})
    assert _html(switched)[0] == "pl"
    assert "bookstore_lang=pl" in switched.headers["set-cookie"]
    later = browser.get("/store", headers={"Accept-Language": "en"})
    assert _html(later)[0] == "pl", "the choice outlives Accept-Language"
    assert _html(browser.get("/store?lang=ru"))[0] == "ru"
    assert 'aria-current="true">Русский' in browser.get("/store").text


def test_the_switch_keeps_the_search(browser):
    answer = browser.get("/store/search?q=nato")
    assert 'href="/store/search?q=nato&amp;lang=pl"' in answer.text


def test_text_size_and_contrast(browser):
    assert _html(browser.get("/store"))[1] == "text-default contrast-normal"
    assert _html(browser.get("/store?text=bigger"))[1] == "text-bigger contrast-normal"
    assert _html(browser.get("/store?contrast=high"))[1] == "text-bigger contrast-high"
    assert _html(browser.get("/store"))[1] == "text-bigger contrast-high", "both stick"
    answer = browser.get("/store?text=smaller&contrast=normal")
    assert _html(answer)[1] == "text-smaller contrast-normal"
    assert "Normal contrast" not in answer.text and "High contrast" in answer.text


def test_unknown_choices_are_ignored(browser):
    answer = browser.get("/store?lang=xx&text=huge&contrast=%00", headers={"Accept-Language": "pl"})
    assert _html(answer) == ("pl", "text-default contrast-normal")
    assert (
        "set-cookie" not in answer.headers or "bookstore_lang" not in answer.headers["set-cookie"]
    )
