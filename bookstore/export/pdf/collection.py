"""The front of a collection: a cover and the table of contents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from bookstore.export.pdf.flowables import Marker, Outline, RectoBreak, TocEntry
from bookstore.export.pdf.geometry import PageGeometry
from bookstore.export.pdf.metadata import PdfMetadata, series_names
from bookstore.export.pdf.story import Chapter
from bookstore.export.pdf.styles import ACCENT, FrontStyles
from bookstore.export.pdf.text import markup
from bookstore.export.words import Words, year_span
from bookstore.model import Issue

CONTENTS_KEY = "contents"


def toc_form(index: int) -> str:
    """The name of the form that prints the page number of issue ``index`` in the contents."""
    return f"toc{index}"


@dataclass(frozen=True)
class TocNumbers:
    font: str
    size: float


class CoverArt(Flowable):
    """The whole cover, drawn in page coordinates: a band in the accent colour that
    runs into the bleed with the title in it, and the collection's particulars below."""

    def __init__(
        self, geometry: PageGeometry, in_band: list[Paragraph], below: list[Paragraph]
    ) -> None:
        super().__init__()
        self.geometry = geometry
        self.in_band = in_band
        self.below = below

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (available_width, 1)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        g = self.geometry
        trim, bleed = g.trim, g.bleed_rect
        block = g.text_block(recto=True)
        band_bottom = trim.y + trim.height * 0.48
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(bleed.x, band_bottom, bleed.width, bleed.y + bleed.height - band_bottom, 0, 1)
        canvas.restoreState()
        bottom = band_bottom + g.margins.bottom
        for paragraph in reversed(self.in_band):
            _, height = paragraph.wrap(block.width, trim.height)
            paragraph.drawOn(canvas, block.x, bottom)
            bottom += height + paragraph.style.spaceBefore
        top = band_bottom - g.margins.bottom
        for paragraph in self.below:
            _, height = paragraph.wrap(block.width, trim.height)
            top -= height + paragraph.style.spaceBefore
            paragraph.drawOn(canvas, block.x, top)


def cover_story(
    issues: Sequence[Issue], metadata: PdfMetadata, geometry: PageGeometry, styles: FrontStyles
) -> list[Flowable]:
    language = metadata.language
    words = Words(language)
    names = " · ".join(markup(name, language) for name in series_names(issues, language))
    first, last = min(i.date for i in issues), max(i.date for i in issues)
    span = words.date(first)
    if last != first:
        span += f" – {words.date(last)}"
    in_band = [
        Paragraph(names, styles.cover_series),
        Paragraph(markup(metadata.title, language), styles.cover_title),
    ]
    below = [
        Paragraph(
            f"{words.issue_count(len(issues))} · {year_span(i.year for i in issues)}",
            styles.cover_detail,
        ),
        Paragraph(markup(span, language), styles.cover_detail),
    ]
    return [Marker(Chapter(None, None)), CoverArt(geometry, in_band, below), RectoBreak()]


def contents_story(
    issues: Sequence[Issue], metadata: PdfMetadata, styles: FrontStyles
) -> tuple[list[Flowable], TocNumbers]:
    """The contents pages, and the font its page numbers print in."""
    language = metadata.language
    heading = Words(language)["contents"]
    numbers = TocNumbers(styles.toc_title.fontName, styles.toc_title.fontSize)
    number_width = stringWidth("00000", numbers.font, numbers.size)
    story: list[Flowable] = [
        Marker(Chapter(metadata.title, language), Outline(CONTENTS_KEY, heading, 0)),
        Paragraph(markup(heading, language), styles.toc_heading),
    ]
    for index, issue in enumerate(issues):
        lang = issue.language
        label = Paragraph(
            markup(f"{issue.label} · {Words(lang).date(issue.date)}", lang), styles.toc_label
        )
        title = Paragraph(markup(issue.title, lang), styles.toc_title)
        story.append(
            TocEntry(label, title, toc_form(index), number_width, styles.toc_title.leading * 0.7)
        )
    story.append(RectoBreak())
    return story, numbers
