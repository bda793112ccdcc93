"""One walk of HTML for the importers' lines and the store's plain text, however deep
the markup nests."""

from __future__ import annotations

from xml.sax.saxutils import escape

from lxml import etree

from bookstore.ingest.html.text import element_text, html_to_text
from bookstore.ingest.html.walk import text_lines
from bookstore.store.opds.atom_reader import parse_atom

DEPTH = 100_000
# Deeper than Python recurses; a parsed tree is never deeper than 2,048 (libxml2), and
# lxml builds a deeper one by hand in time growing with the square of its depth.
TREE_DEPTH = 5_000


def _nested(depth: int) -> etree._Element:
    root = etree.Element("div")
    inner = root
    for _ in range(depth):
        inner = etree.SubElement(inner, "span")
    inner.text = "deep words"
    inner.tail = None
    return root


def test_a_summary_nested_100000_deep_in_a_feed_gives_its_text():
    summary = "<p>Before.</p>" + "<div>" * DEPTH + "deep words" + "</div>" * DEPTH + "<p>After.</p>"
    feed = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        "<id>urn:t</id><entry><title>Deep</title><id>urn:d</id>"
        f'<content type="html">{escape(summary)}</content>'
        '<link rel="http://opds-spec.org/acquisition" href="/d.epub" type="application/epub+zip"/>'
        "</entry></feed>"
    ).encode()
    (entry,) = parse_atom(feed, "http://store/opds").entries
    assert entry.summary.split() == ["Before.", "deep", "words", "After."]


def test_html_nested_deeper_than_the_parser_reads_keeps_every_word():
    markup = "<b>top</b>" + "<div>" * DEPTH + "deep" + "</div>" * DEPTH + "<i>after</i>"
    assert html_to_text(markup).split() == ["top", "deep", "after"]


def test_a_tree_deeper_than_python_recurses_is_walked_into_text_and_into_lines():
    root = _nested(TREE_DEPTH)
    assert element_text(root) == "deep words"
    assert [line.text for line in text_lines(root, blocks={"div"}, headings=())] == ["deep words"]


def test_the_store_and_the_importers_read_blocks_alike():
    markup = "<div><p>One <b>two</b></p><p>three<br/>four</p><script>x()</script></div>"
    root = etree.fromstring(markup)
    lines = text_lines(root, blocks={"p", "div"}, headings=(), skipped={"script"})
    assert [line.text for line in lines] == ["One two", "three", "four"]
    assert element_text(root) == "One two\n\nthree\n\nfour"
