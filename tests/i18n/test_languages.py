"""Which language a shell or a browser asks for."""

import pytest

from bookstore.i18n.languages import from_environment, known, language_name, negotiate, own_name


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "pl_PL.UTF-8"}, "pl"),
        ({"LANG": "ru_RU.UTF-8", "LC_MESSAGES": "pl_PL.UTF-8"}, "pl"),
        ({"LC_ALL": "ru_RU.UTF-8", "LANG": "pl_PL.UTF-8"}, "ru"),
        ({"LANGUAGE": "de:ru", "LANG": "pl_PL.UTF-8"}, "ru"),
        ({"LANGUAGE": "de", "LANG": "pl_PL.UTF-8"}, "pl"),
        ({"LC_ALL": "C", "LANG": "pl_PL.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_shell_language_is_read_as_gettext_reads_it(environ, expected):
    assert from_environment(environ) == expected


def test_accept_language_weights_choose_the_language():
    assert negotiate("de, ru;q=0.5, pl;q=0.8") == "pl"
    assert negotiate("ru-RU,ru;q=0.9,en;q=0.8") == "ru"
    assert negotiate("de, fr;q=0.5") == "en"
    assert negotiate("pl;q=abc, ru;q=0") == "en"


def test_language_names():
    assert known("pl_PL.UTF-8") == "pl" and known("xx") is None
    assert own_name("ru") == "Русский"
    assert language_name("pl", "en") == "Polish"
    assert language_name("pl", "pl") == "polski"
