"""Typesetting any text: very long words and paragraphs in linear time, any characters."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from bookstore.errors import BookstoreError
from bookstore.export.pdf.fonts import PRINT_FACES, register_fonts
from bookstore.export.pdf.story import issue_story
from bookstore.export.pdf.styles import StyleSheet
from bookstore.export.pdf.text import PIECE_LIMIT, ZWSP
from bookstore.export.pdf.writing import export_pdf
from bookstore.model import Issue, Section


def _with_paragraph(issue: Issue, text: str) -> Issue:
    return dataclasses.replace(issue, sections=(Section("Heading", (text,)),))


def _story_texts(issue: Issue) -> list[str]:
    register_fonts(PRINT_FACES)
    story = issue_story(issue, 0, StyleSheet("A4").issue(issue.language))
    return [flowable.text for flowable in story if type(flowable).__name__ == "Paragraph"]


def test_a_huge_word_reaches_the_layout_in_short_pieces(sample_issues: list[Issue]):
    word = "x" * 200_000
    texts = _story_texts(_with_paragraph(sample_issues[0], f"Before {word} after."))
    body = [text for text in texts if "x" * 20 in text]
    assert all(len(text) <= PIECE_LIMIT * 1.1 for text in body)
    assert all(len(run) <= 20 for text in body for run in text.replace(" ", ZWSP).split(ZWSP))
    assert "".join(body).replace(ZWSP, "").count("x") == 200_000


def test_a_huge_paragraph_reaches_the_layout_in_pieces(sample_issues: list[Issue]):
    paragraph = " ".join(f"Sentence number {n} of a very long paragraph." for n in range(5000))
    texts = _story_texts(_with_paragraph(sample_issues[0], paragraph))
    body = [text for text in texts if "Sentence number" in text]
    assert len(body) > 1 and all(len(text) <= PIECE_LIMIT for text in body)
    assert " ".join(body) == paragraph  # cut after sentences: nothing lost, nothing added


def test_a_pdf_with_a_huge_word_prints_all_of_it(sample_issues: list[Issue], tmp_path: Path):
    issue = next(i for i in sample_issues if i.language == "en")
    issue = _with_paragraph(issue, f"Before {'ж' * 50_000} after.")
    export_pdf([issue], tmp_path / "word.pdf")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "word.pdf").pages)
    assert text.count("ж") == 50_000


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=3000))
def test_any_text_typesets_or_gets_a_sentence(
    sample_issues: list[Issue], tmp_path_factory: pytest.TempPathFactory, text: str
):
    issue = dataclasses.replace(_with_paragraph(sample_issues[0], text), title=text[:200] or "x")
    target = tmp_path_factory.mktemp("any") / "any.pdf"
    try:
        export_pdf([issue], target)
    except BookstoreError as error:
        assert str(error) and not target.exists()
        return
    assert target.stat().st_size > 0
