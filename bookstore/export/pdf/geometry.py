"""Print geometry: paper, bleed, crop marks, page boxes and mirrored margins.

Coordinates are PDF points with the origin at the bottom left of the MediaBox. The
trimmed page sits ``trim_offset`` points in from every media edge: the bleed, plus
room for crop marks when they are drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import CMYKColorSep
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4

PAPERS: dict[str, tuple[float, float]] = {
    "A4": (210 * MM, 297 * MM),
    "A5": (148 * MM, 210 * MM),
    "letter": (612.0, 792.0),
}

# Registration colour: a Separation named All prints on every plate.
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All")

_MARK_LENGTH = 5 * MM
_MARK_MIN_OFFSET = 3 * MM  # marks start at least this far from the trim, and outside the bleed
_MARK_WEIGHT = 0.25
_SLUG_PADDING = 1 * MM


@dataclass(frozen=True)
class Margins:
    """Margins of the text block, in points, measured from the trim edge."""

    top: float
    bottom: float
    inner: float
    outer: float
    header: float  # distance from the trim top to the running header's baseline
    footer: float  # distance from the trim bottom to the footer's baseline


_MARGINS = {
    "A4": Margins(
        top=24 * MM, bottom=24 * MM, inner=25 * MM, outer=19 * MM, header=13 * MM, footer=13 * MM
    ),
    "letter": Margins(
        top=22 * MM, bottom=22 * MM, inner=25 * MM, outer=19 * MM, header=12 * MM, footer=12 * MM
    ),
    "A5": Margins(
        top=18 * MM, bottom=19 * MM, inner=18 * MM, outer=14 * MM, header=10 * MM, footer=10 * MM
    ),
}


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def box(self) -> tuple[float, float, float, float]:
        """As a PDF box: (left, bottom, right, top)."""
        return (self.x, self.y, self.x + self.width, self.y + self.height)


@dataclass(frozen=True)
class PageGeometry:
    paper: str
    trim_width: float
    trim_height: float
    bleed: float  # points added on every side of the trim
    crop_marks: bool
    margins: Margins

    @property
    def mark_offset(self) -> float:
        """Gap between the trim edge and the start of a crop mark."""
        return max(self.bleed, _MARK_MIN_OFFSET)

    @property
    def trim_offset(self) -> float:
        """Distance from every media edge to the trim edge."""
        if self.crop_marks:
            return self.mark_offset + _MARK_LENGTH + _SLUG_PADDING
        return self.bleed

    @property
    def media_size(self) -> tuple[float, float]:
        extra = 2 * self.trim_offset
        return (self.trim_width + extra, self.trim_height + extra)

    @property
    def trim(self) -> Rect:
        return Rect(self.trim_offset, self.trim_offset, self.trim_width, self.trim_height)

    @property
    def bleed_rect(self) -> Rect:
        b = self.bleed
        t = self.trim
        return Rect(t.x - b, t.y - b, t.width + 2 * b, t.height + 2 * b)

    def text_block(self, recto: bool) -> Rect:
        """The text frame of a right-hand (recto) or left-hand page: inner margins face the spine."""
        m, t = self.margins, self.trim
        left = m.inner if recto else m.outer
        width = t.width - m.inner - m.outer
        return Rect(t.x + left, t.y + m.bottom, width, t.height - m.top - m.bottom)

    @property
    def header_baseline(self) -> float:
        t = self.trim
        return t.y + t.height - self.margins.header

    @property
    def footer_baseline(self) -> float:
        return self.trim.y + self.margins.footer


def page_geometry(paper: str, bleed_mm: float = 0.0, crop_marks: bool = False) -> PageGeometry:
    width, height = PAPERS[paper]
    return PageGeometry(paper, width, height, bleed_mm * MM, crop_marks, _MARGINS[paper])


def draw_crop_marks(canvas: Canvas, geometry: PageGeometry) -> None:
    """Eight hairlines in registration colour, on the trim lines, outside the bleed."""
    t = geometry.trim
    gap, length = geometry.mark_offset, _MARK_LENGTH
    canvas.saveState()
    canvas.setStrokeColor(REGISTRATION)
    canvas.setLineWidth(_MARK_WEIGHT)
    for x, sign_x in ((t.x, -1), (t.x + t.width, 1)):
        for y, sign_y in ((t.y, -1), (t.y + t.height, 1)):
            canvas.line(x + sign_x * gap, y, x + sign_x * (gap + length), y)
            canvas.line(x, y + sign_y * gap, x, y + sign_y * (gap + length))
    canvas.restoreState()
