"""Typesetting rules checked on the layout itself: no widows or orphans, no heading
at the foot of a page. The layout is recorded while a long collection is built."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from bookstore.export.pdf.document import PrintDocument
from bookstore.export.pdf.flowables import HeadingParagraph, KeepWithText, Marker
from bookstore.model import Section
from tests.export.pdf.pdf_helpers import export, generated_issues


@pytest.fixture(scope="module")
def recorded(sample_issues, tmp_path_factory):
    """Every paragraph split and every flowable per page, for 60 issues on A5 and A4."""
    patch = pytest.MonkeyPatch()
    splits: list[tuple[int, int]] = []
    pages: dict[tuple[str, int], list] = defaultdict(list)
    guards: list[bool] = []
    paper = {"name": ""}

    original_split = Paragraph.split

    def split(self, width, height):
        parts = original_split(self, width, height)
        if len(parts) == 2:
            first, rest = parts
            rest.wrap(width, 100_000)
            splits.append((len(first.blPara.lines), len(rest.blPara.lines)))
        return parts

    original_after = PrintDocument.afterFlowable

    def after(self, flowable):
        pages[(paper["name"], self.page)].append(flowable)
        original_after(self, flowable)

    original_guard = KeepWithText.wrap

    def guard(self, width, height):
        result = original_guard(self, width, height)
        guards.append(height < self.height)
        return result

    patch.setattr(Paragraph, "split", split)
    patch.setattr(PrintDocument, "afterFlowable", after)
    patch.setattr(KeepWithText, "wrap", guard)
    folder = tmp_path_factory.mktemp("layout")
    issues = [*generated_issues(40), *sample_issues]
    try:
        for name in ("A5", "A4"):
            paper["name"] = name
            export(issues, folder, f"{name}.pdf", paper=name)
    finally:
        patch.undo()
    return splits, pages, guards


def test_no_paragraph_leaves_a_single_line_behind_or_ahead(recorded):
    splits, _, _ = recorded
    assert len(splits) > 30  # the test exercised many page breaks
    for first, rest in splits:
        assert first >= 2, "orphan: one line at the foot of a page"
        assert rest >= 2, "widow: one line at the head of a page"


def test_no_page_ends_with_a_heading(recorded):
    _, pages, guards = recorded
    assert any(guards)  # some heading was moved to the next page
    checked = 0
    for flowables in pages.values():
        visible = [f for f in flowables if not isinstance(f, (Marker, KeepWithText))]
        if visible:
            assert not isinstance(visible[-1], HeadingParagraph), visible[-1].outline
            checked += 1
    assert checked > 200


def test_a_heading_keeps_at_least_two_lines_of_text_below_it(recorded):
    _, pages, _ = recorded
    for flowables in pages.values():
        visible = [f for f in flowables if not isinstance(f, (Marker, KeepWithText))]
        for heading, following in itertools.pairwise(visible):
            if isinstance(heading, HeadingParagraph):
                assert isinstance(following, Paragraph)
                assert len(following.blPara.lines) >= 2 or not following.getPlainText().strip()


def test_long_sections_flow_over_many_pages(tmp_path: Path):
    issue = generated_issues(1)[0]
    text = issue.sections[0].paragraphs * 4
    long = replace(issue, sections=tuple(Section(f"Part {n}?", text) for n in range(12)))
    pdf = export([long], tmp_path, "long.pdf", paper="A5")
    assert len(PdfReader(pdf).pages) >= 6
