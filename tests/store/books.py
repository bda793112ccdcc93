"""Files a store serves in the tests: a small EPUB that reads as one, a small PDF."""

from __future__ import annotations

import hashlib
import io
import zipfile

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="book.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""
PACKAGE = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:{tag}</dc:identifier>
    <dc:title>{title}</dc:title><dc:language>en</dc:language>
  </metadata>
  <manifest><item id="text" href="text.xhtml" media-type="application/xhtml+xml"/></manifest>
  <spine><itemref idref="text"/></spine>
</package>"""
TEXT = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head>
<body><p>{title}</p></body></html>"""


def small_epub(title: str = "A book", filler: bytes = b"") -> bytes:
    """An EPUB 3 with one document; ``filler`` (stored as it is) makes it larger or
    different from another."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", CONTAINER, zipfile.ZIP_DEFLATED)
        tag = hashlib.sha256(title.encode() + filler).hexdigest()[:32]
        book.writestr("book.opf", PACKAGE.format(tag=tag, title=title), zipfile.ZIP_DEFLATED)
        book.writestr("text.xhtml", TEXT.format(title=title), zipfile.ZIP_DEFLATED)
        if filler:
            book.writestr("filler.bin", filler, zipfile.ZIP_STORED)
    return buffer.getvalue()


def small_pdf() -> bytes:
    """A one-page PDF (pypdf writes it)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


DESCRIBED_PACKAGE = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">{identifier}</dc:identifier>
    <dc:title>{title}</dc:title>
    <dc:language>{language}</dc:language>
    <dc:date>{date}</dc:date>
    {creators}
    <meta property="belongs-to-collection" id="series">{series}</meta>
    <meta refines="#series" property="collection-type">series</meta>
    <meta refines="#series" property="group-position">{index}</meta>
    <meta name="calibre:series" content="{series}"/>
    <meta name="calibre:series_index" content="{index}"/>
    <meta property="dcterms:modified">2026-12-01T10:00:00Z</meta>
  </metadata>
  <manifest><item id="text" href="text.xhtml" media-type="application/xhtml+xml"/></manifest>
  <spine><itemref idref="text"/></spine>
</package>"""
DESCRIBED_TEXT = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head>
<body><h1>{title}</h1>{paragraphs}</body></html>"""


def described_epub(
    title: str,
    *,
    language: str,
    date: str,
    creators: tuple[str, ...],
    series: str,
    index: int,
    identifier: str,
    paragraphs: tuple[str, ...] = ("The first paragraph.", "The second paragraph."),
) -> bytes:
    """An EPUB 3 that says what it is in its package document, as calibre's books do:
    language, date, creators, and the series with its index (``belongs-to-collection``
    and calibre's own tags)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml", CONTAINER, zipfile.ZIP_DEFLATED)
        package = DESCRIBED_PACKAGE.format(
            identifier=identifier,
            title=title,
            language=language,
            date=date,
            creators="".join(f"<dc:creator>{name}</dc:creator>" for name in creators),
            series=series,
            index=index,
        )
        book.writestr("book.opf", package, zipfile.ZIP_DEFLATED)
        text = DESCRIBED_TEXT.format(
            title=title, paragraphs="".join(f"<p>{p}</p>" for p in paragraphs)
        )
        book.writestr("text.xhtml", text, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
