"""Class names read as words: what each says an element holds."""

from __future__ import annotations

import lxml.html
import pytest

from bookstore.ingest.html.classes import class_words, field_of, is_chrome


def _element(markup: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(markup)


@pytest.mark.parametrize(
    "classes, field",
    [
        ("pub-authors", "author"),
        ("article__lead", "lead"),
        ("byline", "author"),
        ("post-author", "author"),
        ("entry-summary", "lead"),
        ("postAuthor", "author"),
        ("c-byline__author--main", "author"),
        ("field field--name-field-lead field__item", "lead"),
        ("article-excerpt", "lead"),
        ("standfirst", "lead"),
        ("entry-date published", "date"),
        ("pub-number", "number"),
        ("field--name-field-series", "series"),
        ("author-avatar", None),  # the author's photo
        ("author-bio", None),
        ("updated", None),  # the date of a change
        ("article__date-updated", None),
        ("page-number", None),
        ("issue-title", None),
        ("leader-board", None),  # not the word "lead"
        ("authority", None),
        ("summarize-button", None),
    ],
)
def test_each_class_name_is_read_as_words(classes: str, field: str | None):
    assert field_of(_element(f'<div class="{classes}">x</div>')) == field


def test_the_words_of_a_class_name():
    element = _element('<div class="article__lead--large pubAuthors  x_y">x</div>')
    assert class_words(element) == [["article", "lead", "large"], ["pub", "authors"], ["x", "y"]]


@pytest.mark.parametrize(
    "markup, chrome",
    [
        ('<div id="comments" class="comments-area">x</div>', True),
        ('<div class="comment-respond">x</div>', True),
        ('<section class="jp-relatedposts">x</section>', True),
        ('<div class="article__related">x</div>', True),
        ('<div class="commentary-body">x</div>', False),  # a commentary is text
        ('<div class="entry-content">x</div>', False),
    ],
)
def test_parts_of_the_site_are_told_by_whole_words(markup: str, chrome: bool):
    assert is_chrome(_element(markup)) is chrome
