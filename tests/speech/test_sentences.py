"""Sentences in English, Polish and Russian: abbreviations, numbers and initials do not
end them; each sentence is where it says it is in the text."""

from __future__ import annotations

import pytest

from bookstore.speech.sentences import split_sentences


def texts(text: str, language: str) -> list[str]:
    found = split_sentences(text, language)
    for sentence in found:
        assert " ".join(text[sentence.start : sentence.end].split()) == sentence.text
    return [sentence.text for sentence in found]


CASES = {
    "en": (
        "Dr. Smith met the U.S. envoy in Warsaw. PISM Spotlight no. 2/2019 said so, "
        "e.g. in its lead. J. Kowalski agreed. Was it late? Yes! Prices rose 5 p.c. "
        "and more.",
        [
            "Dr. Smith met the U.S. envoy in Warsaw.",
            "PISM Spotlight no. 2/2019 said so, e.g. in its lead.",
            "J. Kowalski agreed.",
            "Was it late?",
            "Yes!",
            "Prices rose 5 p.c. and more.",
        ],
    ),
    "pl": (
        "Według dr. hab. Nowaka, m.in. w nr. 5 z 2019 r. było inaczej. Prof. Kowalska, "
        "tzw. ekspertka, np. w s. 14 pisze: „To jest ważne.” Następnie itd. Koniec.",
        [
            "Według dr. hab. Nowaka, m.in. w nr. 5 z 2019 r. było inaczej.",
            "Prof. Kowalska, tzw. ekspertka, np. w s. 14 pisze: „To jest ważne.”",
            "Następnie itd.",
            "Koniec.",
        ],
    ),
    "ru": (
        "Это сложно, т.е. требует времени. Проф. Иванов (см. рис. 3) сказал: «Нет!» "
        "Затем В. В. Петров уехал в 2019 г. в Варшаву… и вернулся. Конец.",
        [
            "Это сложно, т.е. требует времени.",
            "Проф. Иванов (см. рис. 3) сказал: «Нет!»",
            "Затем В. В. Петров уехал в 2019 г. в Варшаву… и вернулся.",
            "Конец.",
        ],
    ),
}


@pytest.mark.parametrize("language", sorted(CASES))
def test_sentences_in_each_language(language: str):
    text, expected = CASES[language]
    assert texts(text, language) == expected


def test_a_line_ends_a_sentence_and_blank_lines_give_none():
    text = "Why Poland Matters\n\n  The lead says it. Twice  \nA heading without a stop"
    found = split_sentences(text, "en")
    assert [s.text for s in found] == [
        "Why Poland Matters",
        "The lead says it.",
        "Twice",
        "A heading without a stop",
    ]
    assert text[found[2].start : found[2].end] == "Twice"


def test_no_at_the_end_of_a_sentence_still_ends_it():
    assert texts("The answer was no. The talks ended.", "en") == [
        "The answer was no.",
        "The talks ended.",
    ]


def test_an_unknown_language_is_split_by_the_english_rules():
    assert texts("Dr. Who came. He left.", "de") == ["Dr. Who came.", "He left."]


def test_characters_that_are_not_text_are_not_spoken():
    assert texts("\ufffc Cover. Text.", "en") == ["Cover.", "Text."]
