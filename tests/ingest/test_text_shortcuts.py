"""The shortcuts that make reading a page fast give exactly what the long way gives."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bookstore.ingest.page import reading as page
from bookstore.ingest.words import dates

_NUMBERS = ["11", "1", "31", "2019", "1999", "12345", "01", "٢٠١٩", "١١", "Ⅻ"]
_MONTHS = ["January", "stycznia", "января", "Jan", "March", "maj", "01", "13"]
_SEPARATORS = [" ", "  ", ".", ". ", ", ", "-", "/", ""]
_WORDS = ["r.", "г.", "no.", "word", ","]
_TOKENS = st.sampled_from(_NUMBERS + _MONTHS + _SEPARATORS + _WORDS)
_DATE_LIKE = st.tuples(
    *(st.sampled_from(options) for options in (_NUMBERS, _SEPARATORS, _MONTHS, _SEPARATORS))
).map("".join) | st.tuples(
    *(st.sampled_from(options) for options in (_MONTHS, _SEPARATORS, _NUMBERS, _SEPARATORS))
).map("".join)
_TEXTS = (
    st.tuples(
        _DATE_LIKE, st.sampled_from(_NUMBERS), st.lists(_TOKENS, max_size=4).map("".join)
    ).map("".join)
    | st.lists(_TOKENS, max_size=12).map("".join)
    | st.text(max_size=40)
)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_a_date_is_found_in_any_text_as_without_the_year_shortcut(text: str):
    found = dates.find_date(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dates, "_YEAR", re.compile(""))  # every text goes through the patterns
        expected = dates.find_date(text)
    assert (found and (found[0], found[1], found[2].span())) == (
        expected and (expected[0], expected[1], expected[2].span())
    )


def test_every_form_of_date_is_still_found():
    for text, day in [
        ("11 January 2019", "2019-01-11"),
        ("PISM Bulletin no. 3 · 14 marca 2019 r. · Jan", "2019-03-14"),
        ("January 11, 2019", "2019-01-11"),
        ("2019/01/11", "2019-01-11"),
        ("11.01.2019", "2019-01-11"),
        ("11 января 2019 г.", "2019-01-11"),
    ]:
        found = dates.find_date(text)
        assert found is not None and found[0].isoformat() == day, text
    assert dates.find_date("no year here, 11 January") is None


def test_control_characters_are_counted_as_unicode_classifies_them():
    everything = "".join(
        chr(point) for point in range(sys.maxunicode + 1) if not 0xD800 <= point <= 0xDFFF
    )
    counted = set(page.CONTROLS.findall(everything))
    expected = {
        char for char in everything if unicodedata.category(char) == "Cc" and char not in "\n\r\t\f"
    }
    assert counted == expected and len(expected) == 61
