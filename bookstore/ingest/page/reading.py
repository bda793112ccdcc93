"""Importing one publisher page, saved as HTML or as text, into an Issue."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bookstore.errors import reason_of
from bookstore.i18n.messages import say
from bookstore.ingest.errors import IngestError
from bookstore.ingest.files import read_bounded
from bookstore.ingest.lines import Line
from bookstore.ingest.page.html import html_lines
from bookstore.ingest.page.layout import LayoutError, read_issue
from bookstore.ingest.words.series_names import SeriesNames
from bookstore.model import Issue

MAX_BYTES = 20 * 1024 * 1024
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
# A page is HTML when it starts with a tag (a saved fragment such as "<article>" too).
_HTML_START = re.compile(
    rb"^\s*<(!doctype html|html|\?xml|head|body|!--|[a-z][a-z0-9]*[\s>])", re.IGNORECASE
)
# Control characters that text never holds (tabs, line and form feeds are fine).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# UTF-32 first: its little-endian mark begins with UTF-16's.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class ImportedPage:
    issue: Issue
    data: bytes  # the page as it was read, kept in the library as the issue's original
    suffix: str


def read_page(path: Path, series_names: SeriesNames) -> ImportedPage:
    """Read ``path`` and return its issue; raise IngestError naming the file and the reason."""
    data = read_bounded(path, MAX_BYTES, say("a page"))
    try:
        issue = parse_page(data, series_names)
    except LayoutError as error:
        raise IngestError(path, reason_of(error)) from None
    suffix = path.suffix.lower() if path.suffix.lower() in PAGE_SUFFIXES else ".txt"
    return ImportedPage(issue, data, suffix)


def parse_page(data: bytes, series_names: SeriesNames) -> Issue:
    """The issue on a page given as bytes; raises LayoutError with the reason."""
    if not data.strip():
        raise LayoutError(say("is empty"))
    marked = _marked_encoding(data)
    if marked is not None:
        text = _decode_as(data, marked)
        is_html = bool(_HTML_START.match(text[:1024].encode("utf-8")))
    else:
        is_html = bool(_HTML_START.match(data[:1024]))
        text = _decode(data, is_html)
    text = unicodedata.normalize("NFC", text)
    if is_html:
        is_document = re.search(r"<(html|body)\b", text[:65536], re.IGNORECASE)
        if is_document and not re.search(r"</(html|body)\s*>", text[-4096:], re.IGNORECASE):
            raise LayoutError(say("is truncated: the HTML ends before </body></html>"))
        try:
            lines, hints = html_lines(text)
        except ValueError as error:
            raise LayoutError(reason_of(error)) from None
        return read_issue(lines, series_names, hints)
    return read_issue([Line(line) for line in text.splitlines()], series_names)


def _marked_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark names (Windows Notepad saves "Unicode" as UTF-16)."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    return None


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        if error.end >= len(data) - 3:
            raise LayoutError(say("is truncated: it ends in the middle of a character")) from None
        name = encoding.replace("-sig", "").upper()
        raise LayoutError(
            say("is not text: it starts as {name} but holds bytes that are not", name=name)
        ) from None
    if _control_ratio(text) > 0.01:
        raise LayoutError(say("is not a page: it holds binary data"))
    return text


def _decode(data: bytes, is_html: bool) -> str:
    if b"\x00" in data[:65536]:
        raise LayoutError(say("is not a page: it holds binary data"))
    encodings = ["utf-8-sig"]
    if is_html and (declared := _CHARSET.search(data[:4096])):
        encodings.insert(0, declared.group(1).decode("ascii"))
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            if error.reason == "unexpected end of data":
                raise LayoutError(
                    say("is truncated: it ends in the middle of a character")
                ) from None
            continue
        except LookupError:
            continue
        if _control_ratio(text) > 0.01:
            raise LayoutError(say("is not a page: it holds binary data"))
        return text
    raise LayoutError(say("is not text in UTF-8 (or the encoding its HTML declares)"))


# Unicode's control characters (category Cc: U+0000-U+001F and U+007F-U+009F, fixed
# by its stability policy), except the tab, the line and page breaks of text.
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    return len(CONTROLS.findall(sample)) / max(1, len(sample))
