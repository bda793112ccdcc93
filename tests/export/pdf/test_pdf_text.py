"""Fonts and text read back from the PDF: embedding, exact extraction in en/pl/ru,
hyphenation in the issue's language, justification."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pyphen
import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from bookstore.export.pdf.fonts import missing_characters, register_fonts
from bookstore.export.pdf.hyphenation import widen_hyphenation_letters
from bookstore.export.pdf.styles import StyleSheet
from tests.export.pdf.pdf_helpers import (
    POINTS_PER_MM,
    aachen,
    body_text,
    content_lines,
    export,
    fonts,
    page_texts,
    squash,
    tool,
)

POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
BASE_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


@pytest.fixture(scope="module")
def singles(sample_issues, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("singles")
    return {
        language: export([aachen(sample_issues, language)], folder, f"{language}.pdf")
        for language in ("en", "pl", "ru")
    }


@pytest.fixture(scope="module")
def book(sample_issues, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("book")
    return export(sample_issues, folder, "book.pdf", bleed_mm=3, crop_marks=True)


def test_every_font_is_dejavu_embedded_subset_with_unicode_map(singles, book):
    for pdf in [*singles.values(), book]:
        rows = fonts(pdf)
        assert rows, pdf
        for row in rows:
            assert row.embedded and row.subset and row.unicode, row
            assert re.fullmatch(r"[A-Z]{6}\+DejaVu(Serif|Sans)(-\w+)?", row.name), row
            assert not any(name in row.name for name in BASE_14)
        assert {row.name.split("+")[1] for row in rows} >= {"DejaVuSerif", "DejaVuSans-Bold"}


def test_no_font_dictionary_names_a_standard_font(book):
    reader = PdfReader(book)
    seen = set()
    for page in reader.pages[:12]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(str(font["/BaseFont"]))
            assert font["/Subtype"] == "/TrueType"
            assert "/FontFile2" in font["/FontDescriptor"]
    assert seen and all("DejaVu" in name for name in seen)


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
def test_text_extracts_exactly(language, singles, sample_issues):
    issue = aachen(sample_issues, language)
    text = "\n".join(content_lines(singles[language], [issue.label]))
    extracted = squash(text)
    for part in body_text(issue):
        assert squash(part) in extracted, part[:60]
    assert "\u25a0" not in text and "\ufffd" not in text
    letters = {char for char in "".join(body_text(issue)) if char.isalpha()}
    assert letters <= set(text)
    if language == "pl":
        assert len(letters & POLISH) >= 8 and letters & POLISH <= set(text)
    if language == "ru":
        assert sum(1 for char in text if "\u0400" <= char <= "\u04ff") > 2000


def test_title_block_shows_series_number_authors_and_date_in_the_issue_language(singles):
    first_pages = {language: page_texts(pdf)[0] for language, pdf in singles.items()}
    assert "PISM Spotlight no. 3/2019" in first_pages["en"]
    assert "23 January 2019" in first_pages["en"]
    assert "PISM Spotlight nr 3/2019" in first_pages["pl"]
    assert "23 stycznia 2019" in first_pages["pl"]
    assert "PISM Spotlight № 3/2019" in first_pages["ru"]
    assert "23 января 2019 г." in first_pages["ru"]
    assert "Michał Borowczyk" in first_pages["pl"] and "Михал Боровчик" in first_pages["ru"]


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
def test_lines_are_hyphenated_where_the_language_allows(language, singles, sample_issues):
    """Every line that ends in a hyphen the typesetter added splits a word where
    pyphen's dictionary for the issue's language allows it."""
    issue = aachen(sample_issues, language)
    dictionary = pyphen.Pyphen(lang={"en": "en_GB", "pl": "pl_PL", "ru": "ru_RU"}[language])
    source_words = set(re.findall(r"[\w\-]+", " ".join(body_text(issue))))
    source_words |= {part for word in source_words for part in word.split("-")}
    lines = content_lines(singles[language], [issue.label])
    breaks = 0
    for line, following in itertools.pairwise(lines):
        match = re.search(r"(\w+)-$", line)
        tail = re.match(r"\w+", following)
        if not match or not tail:
            continue
        head, rest = match.group(1), tail.group(0)
        if f"{head}-{rest}" in source_words:
            continue  # a hyphen the text itself has ("co-operation")
        assert head + rest in source_words, (line, following)
        assert len(head) in dictionary.positions(head + rest), (head, rest)
        breaks += 1
    assert breaks >= 2


def test_russian_words_with_yo_are_hyphenated():
    register_fonts()
    widen_hyphenation_letters()
    style = StyleSheet("A4").issue("ru").body
    paragraph = Paragraph("партнёрство " * 6, style)
    paragraph.wrap(40 * POINTS_PER_MM, 1000)
    lines = [" ".join(line[1]) for line in paragraph.blPara.lines]
    assert any(line.endswith("-") for line in lines)
    assert paragraph._hyphenations > 0


def test_headings_and_titles_are_never_hyphenated(singles, sample_issues):
    issue = aachen(sample_issues, "pl")
    text = "\n".join(page_texts(singles["pl"]))
    for heading in [s.heading for s in issue.sections if s.heading]:
        assert heading in text.replace("\n", " ")


def test_body_lines_are_justified(singles):
    """Most body lines end exactly at the text block's right edge."""
    for pdf in singles.values():
        layout = tool("pdftotext", "-bbox-layout", "-enc", "UTF-8", pdf, "-")
        page = layout.split("<page ")[1]  # a right-hand page: the block ends at 210 - 19 mm
        right_edge = (210 - 19) * POINTS_PER_MM
        ends = [
            float(x) for x in re.findall(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', page)
        ]
        flush = [x for x in ends if abs(x - right_edge) < 1.0]
        assert len(flush) > 0.6 * len(ends), (pdf, len(flush), len(ends))


def test_characters_outside_the_fonts_are_found():
    register_fonts()
    assert missing_characters(["Łódź ё № – “ ” ’"]) == []
    assert missing_characters(["東京 and ok", "Tōkyō 東"]) == ["東", "京"]


def test_all_eight_shipped_faces_print_polish_and_russian():
    from reportlab.pdfbase import pdfmetrics

    from bookstore.export.pdf.fonts import SANS, SERIF, face
    from bookstore.resource_files import resource_path

    register_fonts()
    letters = (
        "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
        + "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ№«»–—’“”"
    )
    for family in (SERIF, SANS):
        for bold in (False, True):
            for italic in (False, True):
                covered = pdfmetrics.getFont(
                    face(family, bold=bold, italic=italic)
                ).face.charToGlyph
                assert all(ord(char) in covered for char in letters), (family, bold, italic)
    licence = resource_path("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera Fonts Copyright" in licence and "Arev Fonts Copyright" in licence


def test_bound_words_break_only_inside_their_last_word():
    from bookstore.export.pdf.hyphenation import hyphenator
    from bookstore.export.pdf.text import markup

    text = markup("Spotkanie w Brukseli i z przedstawicielami", "pl")
    assert "w\u00a0Brukseli" in text and "z\u00a0przedstawicielami" in text
    splits = list(hyphenator("pl")("z\u00a0przedstawicielami"))
    assert splits and all(head.startswith("z\u00a0prze") for head, _ in splits)
    assert all("\u00a0" not in tail for _, tail in splits)
    assert hyphenator("de") is None
