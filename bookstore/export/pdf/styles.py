"""Paragraph styles and colours of the print PDF, per paper size and issue language.

Every colour is CMYK, and text is pure black (K only), as printers expect.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import CMYKColor
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from bookstore.export.pdf.fonts import SANS, SERIF, face
from bookstore.export.pdf.hyphenation import hyphenator

TEXT = CMYKColor(0, 0, 0, 1)
MUTED = CMYKColor(0, 0, 0, 0.62)
RULE = CMYKColor(0, 0, 0, 0.35)
ACCENT = CMYKColor(1, 0.7, 0, 0.38)
PAPER = CMYKColor(0, 0, 0, 0)
ACCENT_LIGHT = CMYKColor(0.3, 0.18, 0, 0)

# How much a justified line may squeeze its spaces to take one more word.
_SPACE_SHRINKAGE = 0.1
# Body size and line height per paper; everything else is set relative to them.
_BODY = {"A4": (10.0, 14.3), "letter": (10.0, 14.3), "A5": (9.0, 12.8)}


@dataclass(frozen=True)
class IssueStyles:
    series: ParagraphStyle
    title: ParagraphStyle
    authors: ParagraphStyle
    date: ParagraphStyle
    lead: ParagraphStyle
    heading: ParagraphStyle
    body_first: ParagraphStyle  # first paragraph of a section: no indent
    body: ParagraphStyle


@dataclass(frozen=True)
class FrontStyles:
    cover_series: ParagraphStyle
    cover_title: ParagraphStyle
    cover_detail: ParagraphStyle
    toc_heading: ParagraphStyle
    toc_label: ParagraphStyle
    toc_title: ParagraphStyle


@dataclass(frozen=True)
class ChromeStyle:
    """Running header and footer."""

    font: str
    size: float
    color: CMYKColor
    rule: CMYKColor


class StyleSheet:
    """The styles of one export; each language's styles are made when first asked for."""

    def __init__(self, paper: str) -> None:
        self.size, self.leading = _BODY[paper]
        self._issue: dict[str, IssueStyles] = {}
        self._front: dict[str, FrontStyles] = {}
        self.chrome = ChromeStyle(face(SANS), round(self.size * 0.78, 1), MUTED, RULE)

    def issue(self, language: str) -> IssueStyles:
        if language not in self._issue:
            self._issue[language] = self._make_issue(language)
        return self._issue[language]

    def front(self, language: str) -> FrontStyles:
        if language not in self._front:
            self._front[language] = self._make_front(language)
        return self._front[language]

    def _make_issue(self, language: str) -> IssueStyles:
        s, lead = self.size, self.leading
        justified = _text_style(f"body-{language}", language, SERIF, s, lead)
        lead_style = _text_style(f"lead-{language}", language, SANS, s * 1.05, lead * 1.06)
        return IssueStyles(
            series=_plain("series", face(SANS), s * 0.95, s * 1.25, ACCENT),
            title=_plain("title", face(SANS, bold=True), s * 2.0, s * 2.4, TEXT, after=s * 0.9),
            authors=_plain("authors", face(SANS), s * 1.05, s * 1.4, TEXT, after=s * 0.15),
            date=_plain("date", face(SANS), s * 0.9, s * 1.2, MUTED, after=s * 1.6),
            lead=_derive(lead_style, leftIndent=s * 1.1, spaceAfter=s),
            heading=_plain(
                "heading",
                face(SANS, bold=True),
                s * 1.1,
                s * 1.42,
                ACCENT,
                before=s * 1.2,
                after=s * 0.4,
            ),
            body_first=justified,
            body=_derive(justified, firstLineIndent=s * 1.5),
        )

    def _make_front(self, language: str) -> FrontStyles:
        s = self.size
        return FrontStyles(
            cover_series=_plain("cover-series", face(SANS), s * 1.2, s * 1.6, ACCENT_LIGHT),
            cover_title=_plain(
                "cover-title", face(SANS, bold=True), s * 3.0, s * 3.5, PAPER, before=s * 0.5
            ),
            cover_detail=_plain("cover-detail", face(SANS), s * 1.2, s * 1.6, TEXT),
            toc_heading=_plain("toc", face(SANS, bold=True), s * 2.0, s * 2.4, TEXT, after=s * 1.6),
            toc_label=_plain("toc-label", face(SANS), s * 0.82, s * 1.1, ACCENT),
            toc_title=_plain("toc-title", face(SERIF), s * 1.02, s * 1.3, TEXT),
        )


def _plain(
    name: str,
    font: str,
    size: float,
    leading: float,
    color: CMYKColor,
    *,
    before: float = 0,
    after: float = 0,
) -> ParagraphStyle:
    """Ragged right, never hyphenated: titles, headings, labels."""
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading,
        textColor=color,
        alignment=TA_LEFT,
        spaceBefore=before,
        spaceAfter=after,
        hyphenationLang="",
        allowWidows=0,
        allowOrphans=0,
    )


def _text_style(
    name: str, language: str, family: str, size: float, leading: float
) -> ParagraphStyle:
    """Justified, hyphenated in ``language``, no widows and no orphans."""
    return ParagraphStyle(
        name,
        fontName=face(family),
        fontSize=size,
        leading=leading,
        textColor=TEXT,
        alignment=TA_JUSTIFY,
        hyphenationLang=hyphenator(language) or "",
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
        spaceShrinkage=_SPACE_SHRINKAGE,
        allowWidows=0,
        allowOrphans=0,
    )


def _derive(style: ParagraphStyle, **changes: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}+", parent=style, **changes)
