"""A collection read back: cover, contents, right-hand starts, bookmarks, running
header and footer, document metadata; and the same for a single issue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from bookstore.export.pdf.story import issue_outline_title
from tests.export.pdf.pdf_helpers import FOOTER, aachen, export, outline, page_texts, squash


@pytest.fixture(scope="module")
def issues(sample_issues):
    return sample_issues  # 26 issues in five series and three languages


@pytest.fixture(scope="module")
def book(issues, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("collection")
    return export(issues, folder, "book.pdf", bleed_mm=3, crop_marks=True)


@pytest.fixture(scope="module")
def pages(book) -> list[str]:
    return page_texts(book)


@pytest.fixture(scope="module")
def starts(book, issues) -> list[int]:
    """The page each issue starts on, from its bookmark."""
    entries = outline(book)
    assert len(entries) == len(issues) + 1
    return [page for _, page, _ in entries[1:]]


def test_cover_then_blank_then_contents(pages, issues):
    assert "Collection 2018–2020" in pages[0]
    assert "26 issues · 2018–2020" in pages[0]
    assert "PISM Spotlight" in pages[0] and "Policy Paper" in pages[0]
    assert pages[1].strip() == ""
    assert pages[2].lstrip().startswith("Contents")
    assert not FOOTER.search(pages[0])


def test_every_issue_starts_on_a_right_hand_page_with_its_title_block(pages, issues, starts):
    assert starts == sorted(starts)
    for issue, start in zip(issues, starts, strict=True):
        assert start % 2 == 1, issue.label
        first = pages[start - 1]
        assert first.lstrip().startswith(issue.label)
        assert squash(issue.title) in squash(first)


def test_only_pages_before_right_hand_starts_are_left_blank(pages, starts):
    blanks = [n for n, text in enumerate(pages, start=1) if not text.strip()]
    assert 2 in blanks  # the back of the cover
    assert len(pages) % 2 == 0  # a book ends on a left-hand page
    for number in blanks:
        assert number % 2 == 0 and number + 1 in {3, *starts, len(pages) + 1}, number
        assert number - 1 not in blanks  # never more than one blank page in a row


def test_bookmarks_are_issues_then_their_sections(book, issues, starts):
    entries = outline(book)
    title, page, children = entries[0]
    assert (title, page, children) == ("Contents", 3, [])
    ends = [*starts[1:], len(PdfReader(book).pages) + 1]
    for issue, (title, page, children), end in zip(issues, entries[1:], ends, strict=True):
        assert title == issue_outline_title(issue)
        headings = [s.heading for s in issue.sections if s.heading]
        assert [child for child, _ in children] == headings
        child_pages = [child_page for _, child_page in children]
        assert child_pages == sorted(child_pages)
        assert all(page <= p < end for p in child_pages)


def test_contents_lists_every_issue_with_the_page_it_starts_on(book, issues, starts):
    toc_pages = page_texts(book, "-layout")[2 : starts[0] - 1]
    found = []
    for text in toc_pages:
        for line in text.splitlines():
            match = re.match(r"^\s*(\S.*?)\s{2,}(\d+)$", line)
            if match and not FOOTER.match(match.group(0).strip()):
                found.append((match.group(1), int(match.group(2))))
    assert [number for _, number in found] == starts
    for issue, (text, _) in zip(issues, found, strict=True):
        assert squash(issue.title).endswith(squash(text)), (issue.title, text)
    labels = "\n".join(toc_pages)
    for issue in issues:
        assert issue.label in labels


def test_footer_says_page_x_of_y_on_every_printed_page(pages):
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        footers = [FOOTER.match(line) for line in lines if FOOTER.match(line)]
        if number == 1 or not lines:
            assert not footers
            continue
        assert len(footers) == 1, number
        assert (int(footers[0].group(1)), int(footers[0].group(2))) == (number, total)


def test_running_header_names_series_and_number_after_an_issues_first_page(pages, issues, starts):
    ends = [*starts[1:], len(pages) + 1]
    for issue, start, end in zip(issues, starts, ends, strict=True):
        for number in range(start + 1, end):
            text = pages[number - 1]
            if text.strip():
                assert text.splitlines()[0].strip() == issue.label, number
        first_lines = pages[start - 1].splitlines()
        assert first_lines.count(issue.label) == 1  # the title block's, not a header as well


def test_footer_speaks_the_issue_language(pages, issues, starts):
    for issue, start in zip(issues, starts, strict=True):
        word = {"en": "Page", "pl": "Strona", "ru": "Страница"}[issue.language]
        assert f"{word} {start} " in pages[start - 1]


def test_collection_metadata(book, issues):
    reader = PdfReader(book)
    info = reader.metadata
    assert info.title == "Collection 2018–2020"
    assert info.author.startswith("Lukas Brenner, Joanna Rybińska") and info.author.endswith(
        "et al."
    )
    assert "26 issues" in info.subject and "PISM Spotlight" in info.subject
    keywords = info["/Keywords"]
    for topic in ("Energy", "Unia Europejska", "Европейский союз", "NATO"):
        assert topic in keywords
    assert info.creator.startswith("Bookstore ")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert root["/PageMode"] == "/UseOutlines"


def test_a_title_given_names_the_collection(issues, tmp_path: Path):
    spotlights = [issue for issue in issues if issue.series.slug == "spotlight"]
    pdf = export(spotlights, tmp_path, "spot.pdf", title="Spotlights for the board")
    assert PdfReader(pdf).metadata.title == "Spotlights for the board"
    assert "Spotlights for the board" in page_texts(pdf)[0]
    default = export(spotlights[:3], tmp_path, "default.pdf")
    assert PdfReader(default).metadata.title == "PISM Spotlight 2019–2020"


def test_polish_collection_speaks_polish(issues, tmp_path: Path):
    polish = [issue for issue in issues if issue.language == "pl"]
    pdf = export(polish, tmp_path, "pl.pdf")
    texts = page_texts(pdf)
    assert f"{len(polish)} numerów" in texts[0]
    assert texts[2].lstrip().startswith("Spis treści")
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "pl"


def test_single_issue_has_no_cover_or_contents_and_its_own_metadata(sample_issues, tmp_path: Path):
    issue = aachen(sample_issues, "ru")
    pdf = export([issue], tmp_path, "ru.pdf")
    reader = PdfReader(pdf)
    texts = page_texts(pdf)
    assert texts[0].lstrip().startswith(issue.label)
    assert f"Страница 1 из {len(texts)}" in texts[0].splitlines()
    info = reader.metadata
    assert info.title == issue.title
    assert info.author == "Михал Боровчик"
    assert info.subject == "PISM Spotlight № 3/2019 (2019-01-23)"
    assert info["/Keywords"] == ", ".join(issue.topics)
    assert reader.trailer["/Root"]["/Lang"] == "ru"
    ((title, page, children),) = outline(pdf)
    assert (title, page) == (issue_outline_title(issue), 1)
    assert [child for child, _ in children] == [s.heading for s in issue.sections]
