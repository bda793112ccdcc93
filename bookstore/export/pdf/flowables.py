"""The few flowables platypus lacks: markers for the document template, headings that
keep their text, right-hand page breaks, the lead's bar and table-of-contents lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Paragraph
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import CondPageBreak, Flowable

from bookstore.export.pdf.styles import ACCENT


@dataclass(frozen=True)
class Outline:
    """A PDF bookmark: its key (a PDF destination name), text and depth."""

    key: str
    title: str
    level: int
    closed: bool = False


class Marker(Flowable):
    """Takes no room; tells the document template that ``event`` happens here."""

    _ZEROSIZE = True

    def __init__(self, event: Any, outline: Outline | None = None) -> None:
        super().__init__()
        self.event = event
        self.outline = outline
        self.top = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        self.top = y

    def draw(self) -> None:
        pass


class HeadingParagraph(Paragraph):
    """A heading that is also a bookmark; remembers where its top was drawn."""

    outline: Outline | None = None
    top = 0.0

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        self.top = y + self.height
        super().drawOn(canvas, x, y, _sW)


class KeepWithText(CondPageBreak):
    """Starts a new page unless ``flowable`` and ``follow`` points of what comes
    after it fit: a heading never ends a page."""

    def __init__(self, flowable: Flowable, follow: float) -> None:
        super().__init__(0)
        self.flowable = flowable
        self.follow = follow

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        frame = self._doctemplateAttr("frame")
        if frame is not None and getattr(frame, "_atTop", False):
            return (0, 0)
        _, height = self.flowable.wrap(available_width, available_height)
        flowable = self.flowable
        self.height = flowable.getSpaceBefore() + height + flowable.getSpaceAfter() + self.follow
        return super().wrap(available_width, available_height)


class RectoBreak(ActionFlowable):
    """Ends the page, and leaves the next one blank if it is a left-hand page, so
    that what follows starts on a right-hand page. At the end of the story it makes
    the page count even."""

    def __init__(self) -> None:
        super().__init__(("rectoBreak",))


class LeadParagraph(Paragraph):
    """The lead: set apart by a bar in the accent colour down its left side."""

    bar_width = 2.2

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, 0, self.bar_width, self.height, stroke=0, fill=1)
        canvas.restoreState()


class TocEntry(Flowable):
    """One issue in the contents: its label above its title, the page number at the
    right of the title's last line. The number is a form the template fills in at the end."""

    def __init__(
        self, label: Paragraph, title: Paragraph, form: str, number_width: float, space_after: float
    ) -> None:
        super().__init__()
        self.label = label
        self.title = title
        self.form = form
        self.number_width = number_width
        self.spaceAfter = space_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        text_width = available_width - self.number_width
        _, label_height = self.label.wrap(text_width, available_height)
        _, title_height = self.title.wrap(text_width, available_height)
        self.width = available_width
        self.height = label_height + title_height
        return (self.width, self.height)

    def draw(self) -> None:
        canvas = self.canv
        title = self.title
        title.drawOn(canvas, 0, 0)
        self.label.drawOn(canvas, 0, title.height)
        lines = len(title.blPara.lines)
        # Where platypus puts a paragraph's first baseline: one font size below its top.
        baseline = title.height - title.style.fontSize - (lines - 1) * title.style.leading
        canvas.saveState()
        canvas.translate(self.width, baseline)
        canvas.doForm(self.form)
        canvas.restoreState()
