"""The authors, lead and dates that class names mark, and what is taken out of the
text with them."""

from __future__ import annotations

import datetime as dt

import pytest

from bookstore.ingest.page.html import html_lines


def _read(inside: str, outside: str = ""):
    page = (
        '<html lang="en"><body><article><h1>Ports of the Baltic</h1>'
        f"{inside}<p>Ports are changing as coal gives way to wind power.</p></article>"
        f"{outside}</body></html>"
    )
    lines, hints = html_lines(page)
    return [line.text for line in lines], hints


@pytest.mark.parametrize(
    "byline, names",
    [
        ('<p class="byline">By Jan Kowalski and Anna Nowak</p>', ["Jan Kowalski", "Anna Nowak"]),
        ('<div class="post-author">Autorzy: Zofia Łęcka i Michał Żurański</div>',
         ["Zofia Łęcka", "Michał Żurański"]),
        ('<span class="entry-author">Авторы: Анна Ковалёва, Иван Петров</span>',
         ["Анна Ковалёва", "Иван Петров"]),
        ('<div class="pub-authors"><a href="/a">Jan Kowalski</a><a href="/b">Anna Nowak</a></div>',
         ["Jan Kowalski", "Anna Nowak"]),
        ('<ul class="article__authors"><li>Jan Kowalski</li><li>Ursula von der Leyen</li></ul>',
         ["Jan Kowalski", "Ursula von der Leyen"]),
        ('<div class="field--name-field-authors"><div class="field__label">Authors</div>'
         '<div class="field__item">Jan Kowalski</div><div class="field__item">Anna Nowak</div></div>',
         ["Jan Kowalski", "Anna Nowak"]),
        ('<div class="byline"><span class="author">Jan Kowalski</span>'
         '<span class="byline-reading-time">Five min read</span></div>', ["Jan Kowalski"]),
        ('<p>Text: <a rel="author" href="/jk">Jan Kowalski</a></p>', ["Jan Kowalski"]),
    ],
)  # fmt: skip
def test_a_byline_gives_its_names_and_leaves_the_text(byline: str, names: list[str]):
    lines, hints = _read(byline)
    assert hints.class_authors == names
    assert not any(name in line for name in names for line in lines)


def test_a_container_named_for_its_author_is_not_a_byline():
    page = (
        '<html lang="en"><body class="single-author"><article class="post byline-jan">'
        '<p>PISM Spotlight no. 5/2019</p><p>See <a href="/x">Baltic Ports</a> first.</p>'
        "<p>Ports are changing as coal gives way.</p>"
        "</article></body></html>"
    )
    lines, hints = html_lines(page)
    assert hints.class_authors == []
    assert [line.text for line in lines][-1] == "Ports are changing as coal gives way."


def test_authors_outside_the_article_are_another_posts():
    _, hints = _read(
        '<p class="byline">By Jan Kowalski</p>',
        '<div class="more-posts"><span class="post-author">Other Person</span></div>',
    )
    assert hints.class_authors == ["Jan Kowalski"]


@pytest.mark.parametrize(
    "lead, taken",
    [
        ('<p class="lead">Ports are being rebuilt for wind farms.</p>', True),
        ('<div class="entry-summary"><p>One.</p><p>Two.</p></div>', True),
        ('<div class="lead-box"><span>PISM Spotlight no. 5/2019</span></div>', False),
        ('<p class="standfirst">Ports of the Baltic</p>', False),  # the title
        ('<p class="summary">Ports of the…</p>', False),  # the title cut short
        ('<div class="intro"><h2>A heading</h2><p>Text.</p></div>', False),
        ('<h2>What next?</h2><p class="summary">In short, ports must change.</p>', False),
    ],
)
def test_a_marked_lead_holds_sentences_and_not_the_title(lead: str, taken: bool):
    lines, hints = _read(lead)
    if taken:
        assert hints.lead and all(paragraph not in lines for paragraph in hints.lead)
    else:
        assert hints.lead == []


def test_the_date_of_a_change_is_neither_the_date_nor_text():
    lines, hints = _read(
        '<p><time class="updated" datetime="2023-04-02">2 April 2023</time>'
        '<time class="entry-date" datetime="2023-03-09">9 March 2023</time></p>'
        '<p class="date-modified">Updated 5 April 2023</p>'
    )
    assert hints.date == dt.date(2023, 3, 9)
    assert "9 March 2023" in lines
    assert not any("April" in line for line in lines)


def test_a_date_that_says_it_is_also_the_updated_one_is_the_date():
    lines, hints = _read(
        '<p><time class="entry-date published updated" datetime="2023-03-09">9 March 2023</time></p>'
    )
    assert hints.date == dt.date(2023, 3, 9)
    assert "9 March 2023" in lines


def test_a_body_classed_as_having_a_sidebar_is_still_read():
    page = (
        '<html lang="en"><body class="single has-sidebar"><main><h1>Ports</h1>'
        "<p>Ports are changing.</p></main></body></html>"
    )
    lines, _ = html_lines(page)
    assert [line.text for line in lines] == ["Ports", "Ports are changing."]
