"""The document template: mirrored pages, bookmarks, running header and footer.

Everything is laid out in one pass. What is only known at the end (the page count in
"page X of Y", the page numbers in the contents) is drawn on each page as a form
XObject that ``render`` defines once the last page is done.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.platypus import Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import BaseDocTemplate, PageBegin

from bookstore.export.pdf.collection import TocNumbers, toc_form
from bookstore.export.pdf.flowables import Marker
from bookstore.export.pdf.fonts import SERIF, face
from bookstore.export.pdf.geometry import PageGeometry, draw_crop_marks
from bookstore.export.pdf.metadata import PdfMetadata
from bookstore.export.pdf.story import Chapter
from bookstore.export.pdf.styles import TEXT, ChromeStyle
from bookstore.export.words import Words

Progress = Callable[[int, Chapter], None]

_HEADER_RULE_GAP = 4.0
_HEADER_RULE_WEIGHT = 0.4


@dataclass(frozen=True)
class PageRecord:
    """What the running header and footer of one page show."""

    number: int
    recto: bool
    chapter: Chapter
    header: bool


class PrintDocument(BaseDocTemplate):
    """A book of mirrored pages: odd pages are right-hand (recto) pages."""

    def __init__(
        self,
        target: Path,
        geometry: PageGeometry,
        metadata: PdfMetadata,
        chrome: ChromeStyle,
        *,
        toc_numbers: TocNumbers | None = None,
        progress: Progress | None = None,
    ) -> None:
        super().__init__(
            str(target),
            pagesize=geometry.media_size,
            trimBox=geometry.trim.box,
            bleedBox=geometry.bleed_rect.box,
            title=metadata.title,
            author=metadata.author,
            subject=metadata.subject,
            keywords=list(metadata.keywords),
            creator=metadata.creator,
            lang=metadata.language,
            displayDocTitle=1,
            initialFontName=face(SERIF),
            enforceColorSpace="sep_cmyk",
            leftMargin=0,
            rightMargin=0,
            topMargin=0,
            bottomMargin=0,
        )
        self.geometry = geometry
        self.chrome_style = chrome
        self.toc_numbers = toc_numbers
        self.progress = progress
        self.chapter: Chapter | None = None
        self.records: list[PageRecord] = []
        self.blank_pages: set[int] = set()
        self.chapter_pages: set[int] = set()
        self.issue_pages: dict[int, int] = {}
        self._templates = {recto: _page_template(geometry, recto) for recto in (True, False)}
        self.addPageTemplates(list(self._templates.values()))

    def render(self, story: Sequence[Flowable], *, show_outline: bool = False) -> int:
        """Lay out ``story``, define the deferred forms, write the file; returns the page count."""
        self._doSave = 0
        with _binary_streams(), _collector_paused():
            self.build(list(story))
            pages = self.page
            for record in self.records:
                self._define_chrome(record, pages)
            if self.toc_numbers is not None:
                for index, page in self.issue_pages.items():
                    self._define_toc_number(index, page)
            if show_outline:
                self.canv.showOutline()
            self.canv.save()
        return pages

    # platypus hooks

    def handle_pageBegin(self) -> None:
        self.pageTemplate = self._templates[(self.page + 1) % 2 == 1]
        super().handle_pageBegin()

    def handle_rectoBreak(self) -> None:
        if PageBegin not in self._hanging:
            self.handle_pageBreak()
        if (self.page + 1) % 2 == 0:  # the next page is a left-hand one: leave it blank
            self._hanging.remove(PageBegin)
            self.blank_pages.add(self.page + 1)
            self.handle_pageBegin()
            self.handle_pageEnd()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Marker) and isinstance(flowable.event, Chapter):
            self._begin_chapter(flowable.event)
        outline = getattr(flowable, "outline", None)
        if outline is not None:
            self.canv.bookmarkPage(outline.key, fit="XYZ", top=flowable.top + 6)
            self.canv.addOutlineEntry(outline.title, outline.key, outline.level, outline.closed)

    def afterPage(self) -> None:
        number = self.page
        chapter = self.chapter
        if number not in self.blank_pages and chapter is not None and chapter.language:
            header = chapter.header is not None and number not in self.chapter_pages
            self.records.append(PageRecord(number, number % 2 == 1, chapter, header))
            self.canv.doForm(_chrome_form(number))
        if self.geometry.crop_marks:
            draw_crop_marks(self.canv, self.geometry)

    # helpers

    def _begin_chapter(self, chapter: Chapter) -> None:
        self.chapter = chapter
        self.chapter_pages.add(self.page)
        if chapter.issue_index is not None:
            self.issue_pages[chapter.issue_index] = self.page
            if self.progress is not None:
                self.progress(chapter.issue_index, chapter)

    def _define_chrome(self, record: PageRecord, pages: int) -> None:
        canvas, g, style = self.canv, self.geometry, self.chrome_style
        block = g.text_block(record.recto)
        outer_x = block.x + block.width if record.recto else block.x
        draw = canvas.drawRightString if record.recto else canvas.drawString
        canvas.beginForm(_chrome_form(record.number))
        canvas.setFont(style.font, style.size)
        canvas.setFillColor(style.color)
        language = record.chapter.language or "en"
        draw(outer_x, g.footer_baseline, Words(language).page_of(record.number, pages))
        if record.header and record.chapter.header:
            draw(outer_x, g.header_baseline, record.chapter.header)
            rule_y = g.header_baseline - _HEADER_RULE_GAP
            canvas.setStrokeColor(style.rule)
            canvas.setLineWidth(_HEADER_RULE_WEIGHT)
            canvas.line(block.x, rule_y, block.x + block.width, rule_y)
        canvas.endForm()

    def _define_toc_number(self, index: int, page: int) -> None:
        numbers = self.toc_numbers
        assert numbers is not None
        canvas = self.canv
        canvas.beginForm(
            toc_form(index), lowerx=-200, lowery=-numbers.size, upperx=1, uppery=2 * numbers.size
        )
        canvas.setFont(numbers.font, numbers.size)
        canvas.setFillColor(TEXT)
        canvas.drawRightString(0, 0, str(page))
        canvas.endForm()


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Flate-compressed streams without ASCII85 on top: smaller files, and reportlab's
    pure-Python ASCII85 encoder is the slowest step of saving."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while laying out: platypus makes millions of
    short-lived objects, and the collector's full passes over the growing heap took
    7-8 % of an export. Normal collection resumes afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _chrome_form(number: int) -> str:
    return f"chrome{number}"


def _page_template(geometry: PageGeometry, recto: bool) -> PageTemplate:
    block = geometry.text_block(recto)
    frame = Frame(
        block.x,
        block.y,
        block.width,
        block.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="text",
    )
    return PageTemplate(
        id="recto" if recto else "verso", frames=[frame], pagesize=geometry.media_size
    )
