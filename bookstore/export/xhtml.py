"""Writing XHTML for EPUB content documents as text: escaping and the page skeleton.

Pages are assembled from strings rather than element trees: it is several times
faster, and every piece of text passes through ``text()`` or ``attr()``.
"""

from __future__ import annotations

import re

# Characters XML 1.0 forbids (controls other than tab, newline and carriage return,
# lone surrogates, U+FFFE and U+FFFF). Imported text can carry them; they would make
# the document ill-formed, so they are dropped, the vertical tab and form feed
# becoming spaces.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _replace(match: re.Match[str]) -> str:
    return " " if match.group() in "\x0b\x0c" else ""


def xml_safe(value: str) -> str:
    """``value`` without the characters XML cannot hold."""
    return _NOT_XML.sub(_replace, value)


# What text() and attr() change; most text has none of it and is returned as it is.
_TEXT_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_SPECIAL = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')


def text(value: str) -> str:
    """Character data, escaped (a carriage return as a reference, or a parser would
    read it as a line feed)."""
    if _TEXT_SPECIAL.search(value) is None:
        return value
    return (
        xml_safe(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#13;")
    )


def attr(value: str) -> str:
    """An attribute value (to go between double quotes), escaped; tabs and line
    breaks as references, which a parser would otherwise read as spaces."""
    if _ATTR_SPECIAL.search(value) is None:
        return value
    return text(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


def lang_attrs(language: str) -> str:
    """``lang`` and ``xml:lang``, as EPUB wants both."""
    return f'lang="{attr(language)}" xml:lang="{attr(language)}"'


def page(*, language: str, title: str, body: str, stylesheet: str, body_attrs: str = "") -> bytes:
    """A complete XHTML5 content document."""
    extra = f" {body_attrs}" if body_attrs else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<!DOCTYPE html>\n"
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f"{lang_attrs(language)}>\n"
        "<head>\n"
        '<meta charset="utf-8"/>\n'
        f"<title>{text(title)}</title>\n"
        f'<link rel="stylesheet" type="text/css" href="{attr(stylesheet)}"/>\n'
        "</head>\n"
        f"<body{extra}>\n{body}</body>\n"
        "</html>\n"
    ).encode()
