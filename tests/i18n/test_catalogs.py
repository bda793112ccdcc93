"""Every message of the project is translated into Polish and Russian, with the right
number of plural forms and the same fields, and compiled."""

import re

import pytest

from tests.i18n.catalog_files import entries, translation_problems


def test_every_message_is_translated_and_compiled():
    assert translation_problems() == []


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_translations_keep_their_fields_and_plural_forms(language: str):
    found = entries(language)
    assert len(found) > 500
    for entry in found:
        fields = set(re.findall(r"\{\w+\}|%\d|%\(\w+\)s", entry.source))
        for form in entry.forms:
            assert set(re.findall(r"\{\w+\}|%\d|%\(\w+\)s", form)) == fields, entry
        if entry.plural:
            assert len(entry.forms) == 3, entry
            if "%n" in entry.source:
                assert all("%n" in form for form in entry.forms), entry
