"""What a page's markup says its elements hold: ``<time datetime>``, and class names
read as words (``ingest/html/classes.py``): the date, series, number, the authors and the lead.

This runs on the page once its chrome is gone (a list of related posts has authors
and summaries of its own). The authors' and the lead's elements are then taken out
of the text, which ``layout`` reads from the hints instead: a byline's links
and labels ("By", "Autorzy:") never become an author or a paragraph.
"""

from __future__ import annotations

import lxml.html

from bookstore.ingest.html.classes import class_words, field_of, holds
from bookstore.ingest.html.walk import text_lines
from bookstore.ingest.page.layout import PageHints, echoes_title
from bookstore.ingest.page.metadata import set_date, set_hint
from bookstore.ingest.words import vocabulary as words
from bookstore.ingest.words.dates import find_date
from bookstore.library.search.folding import fold

MAX_FIELD = 300  # characters; an element holding more is a container, not a field
_LEAD_BLOCKS = {"p", "div", "li", "blockquote", "section"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Elements that hold the whole text, whatever their class names say ("single-author").
_CONTAINERS = ("html", "head", "body", "main", "article")
_TERMINAL = tuple(".!?…\"”»)’'")
_LABELS = {fold(label) for label in words.BYLINE_LABELS}


def read_classes(root: lxml.html.HtmlElement, hints: PageHints) -> None:
    """Fill what ``hints`` lacks from the markup; take the authors' and the lead's
    elements out of the text."""
    for element in root.xpath("//time | //*[@class]"):
        if _is_change_date(element) and len(_text(element)) <= MAX_FIELD:
            _take_out(element)
    for moment in root.xpath("//time[@datetime]"):
        set_date(hints, moment.get("datetime"))
    for element in root.xpath("//*[@class]"):
        _read_field(element, hints)
    _read_authors(root, hints)
    _read_lead(root, hints)


def _is_change_date(element: lxml.html.HtmlElement) -> bool:
    """A date the page was changed on ("updated", "date-modified"), not published."""
    changed = words.CLASS_NOT_FIELDS["date"]
    return any(changed.intersection(name) for name in class_words(element)) and not holds(
        element, "date"
    )


def _read_field(element: lxml.html.HtmlElement, hints: PageHints) -> None:
    field = field_of(element)
    if field not in ("date", "series", "number"):
        return
    text = " ".join(element.text_content().split())
    if not text or len(text) > MAX_FIELD:
        return
    if field == "date":
        set_date(hints, text)
    elif field == "series" and len(text) <= 120:
        set_hint(hints, "series", text)
    elif field == "number" and _is_number(text):
        set_hint(hints, "number", text)


def _is_number(text: str) -> bool:
    return any(c.isdigit() for c in text) and len(text) <= 40 and find_date(text) is None


def _in_text_first(root: lxml.html.HtmlElement, found: list) -> list:
    """The elements inside the page's article (or main) when any is, else all."""
    for container in ("article", "main"):
        scope = root.xpath(f"(//{container})[1]")
        if scope:
            inside = [e for e in found if scope[0] in e.iterancestors() or e is scope[0]]
            if inside:
                return inside
    return found


def _read_authors(root: lxml.html.HtmlElement, hints: PageHints) -> None:
    found = [
        element
        for element in root.iter()
        if isinstance(element.tag, str) and _holds_authors(element)
        and not any(_holds_authors(a) for a in element.iterancestors())
        and len(element.text_content()) <= 4 * MAX_FIELD
        and not element.xpath(".//h1 | .//h2 | .//h3")
    ]  # fmt: skip
    names: list[str] = []
    for element in _in_text_first(root, found):
        names += [n for n in _names_in(element) if n not in names]
    if not names:
        return
    if not hints.class_authors:
        hints.class_authors = names
    for element in found:
        _take_out(element)


def _holds_authors(element: lxml.html.HtmlElement) -> bool:
    if element.tag in _CONTAINERS:
        return False
    return holds(element, "author") or "author" in str(element.get("rel") or "").split()


def _names_in(element: lxml.html.HtmlElement) -> list[str]:
    """The names an author element gives: those of the innermost author elements
    in it (a byline's ``author``, not its ``byline-date``), each from its links, list
    items or child elements, else from its text split at "and", commas and the like."""
    leaves = [
        e
        for e in element.iter()
        if isinstance(e.tag, str)
        and _holds_authors(e)
        and not any(_holds_authors(d) for d in e.iterdescendants())
    ]
    names = []
    for leaf in leaves:
        for piece in _pieces(leaf):
            piece = words.BYLINE_PREFIX.sub("", piece.strip())
            names += [n.strip() for n in words.AUTHOR_SEPARATORS.split(piece)]
    return [n for n in names if _is_name(n)]


def _pieces(element: lxml.html.HtmlElement) -> list[str]:
    for found in (element.iter("a"), element.iter("li")):
        pieces = [text for e in found if (text := _text(e))]
        if pieces:
            return pieces
    children = [text for child in element if isinstance(child.tag, str) and (text := _text(child))]
    return children if len(children) > 1 else [_text(element)]


def _is_name(text: str) -> bool:
    """A person's name: up to six words, the first and last capitalised, no digits."""
    parts = text.split()
    return (
        0 < len(parts) <= 6
        and parts[0][:1].isupper()
        and parts[-1][:1].isupper()
        and not any(c.isdigit() for c in text)
        and not text.endswith(":")
        and fold(text) not in _LABELS
        and "@" not in text
    )


def _read_lead(root: lxml.html.HtmlElement, hints: PageHints) -> None:
    """The first element marked as the lead that holds sentences, no heading and no
    other lead, comes before the sections' headings, and is not the title."""
    found = [
        element
        for element in root.iter()
        if isinstance(element.tag, str)
        and element.tag not in _CONTAINERS
        and holds(element, "lead")
        and not element.xpath(" | ".join(f".//{h}" for h in _HEADINGS))
        and not any(holds(e, "lead") for e in element.iterdescendants())
        and not element.xpath("preceding::h2 | preceding::h3")
    ]
    for element in _in_text_first(root, found):
        lines = [
            line.text for line in text_lines(element, blocks={*_LEAD_BLOCKS, "br"}, headings=())
        ]
        if _is_lead(lines, hints.title):
            hints.lead = lines
            _take_out(element)
            return


def _is_lead(lines: list[str], title: str | None) -> bool:
    if not lines or not lines[-1].endswith(_TERMINAL) or len(" ".join(lines)) > 4000:
        return False
    first = lines[0]
    if words.NUMBER_LINE.match(first) or (find_date(first) is not None and len(first) < 40):
        return False
    return not (title and any(echoes_title(line, title) for line in lines))


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _take_out(element: lxml.html.HtmlElement) -> None:
    """Remove ``element`` from the text, keeping what follows it."""
    if element.getparent() is not None:
        element.drop_tree()
