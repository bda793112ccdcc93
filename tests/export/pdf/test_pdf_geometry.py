"""Print geometry read back from the PDF: page sizes, boxes, bleed, crop marks, margins."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from bookstore.export.pdf.geometry import PAPERS
from tests.export.pdf.pdf_helpers import POINTS_PER_MM, aachen, box, export, tool

PAPER_POINTS = {"A4": (595.28, 841.89), "A5": (419.53, 595.28), "letter": (612.0, 792.0)}


@pytest.mark.parametrize("paper", ["A4", "A5", "letter"])
def test_without_bleed_every_box_is_the_paper(paper, sample_issues, tmp_path: Path):
    pdf = export([aachen(sample_issues, "en")], tmp_path, "plain.pdf", paper=paper)
    width, height = PAPER_POINTS[paper]
    for page in PdfReader(pdf).pages:
        for name in ("mediabox", "trimbox", "bleedbox", "cropbox"):
            assert box(page, name) == (0, 0, width, height), name
    assert PAPERS[paper] == pytest.approx((width, height), abs=0.01)


@pytest.mark.parametrize("paper", ["A4", "A5", "letter"])
def test_bleed_enlarges_the_page_on_every_side(paper, sample_issues, tmp_path: Path):
    pdf = export(sample_issues[:3], tmp_path, "bleed.pdf", paper=paper, bleed_mm=3)
    width, height = PAPER_POINTS[paper]
    bleed = round(3 * POINTS_PER_MM, 2)  # 8.5 pt
    for page in PdfReader(pdf).pages:
        trim = box(page, "trimbox")
        assert trim == pytest.approx((bleed, bleed, bleed + width, bleed + height), abs=0.02)
        assert box(page, "bleedbox") == pytest.approx(
            (0, 0, width + 2 * bleed, height + 2 * bleed), abs=0.02
        )
        assert box(page, "mediabox") == box(page, "bleedbox")


def test_crop_marks_sit_outside_the_bleed_on_a_larger_medium(sample_issues, tmp_path: Path):
    pdf = export(sample_issues[:2], tmp_path, "marks.pdf", bleed_mm=3, crop_marks=True)
    reader = PdfReader(pdf)
    for page in reader.pages:
        media, bleed, trim = (box(page, n) for n in ("mediabox", "bleedbox", "trimbox"))
        assert media[0] < bleed[0] < trim[0] and media[1] < bleed[1] < trim[1]
        assert media[2] > bleed[2] > trim[2] and media[3] > bleed[3] > trim[3]
        assert trim[2] - trim[0] == pytest.approx(595.28, abs=0.01)
        assert trim[0] - bleed[0] == pytest.approx(3 * POINTS_PER_MM, abs=0.01)
    # The marks print in the registration colour, on every plate.
    resources = reader.pages[0]["/Resources"]
    separations = [str(space[1]) for space in resources["/ColorSpace"].values()]
    assert "/All" in separations

    # Rendered at 4 px per point: dark pixels on the trim lines outside the bleed,
    # and nothing printed between the bleed edge and the trim.
    tool("pdftoppm", "-r", "288", "-gray", "-png", "-f", "2", "-l", "2", pdf, tmp_path / "page")
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    trim, bleed = box(reader.pages[1], "trimbox"), box(reader.pages[1], "bleedbox")
    top = box(reader.pages[1], "mediabox")[3]

    def darkest(x_points: float, y_from: float, y_to: float) -> int:
        """The darkest pixel on a vertical segment (PDF points, y measured up)."""
        x = round(x_points * 4)
        rows = range(round((top - y_to) * 4), round((top - y_from) * 4))
        return min(image.getpixel((dx, y)) for y in rows for dx in (x - 1, x, x + 1))

    assert darkest(trim[0], trim[3] + 4 * POINTS_PER_MM, top - 1) < 100  # mark above the corner
    assert darkest(trim[0], trim[3] + 0.5, bleed[3] - 0.5) > 240  # the bleed stays clear


def test_only_crop_marks_enlarge_the_medium_around_the_paper(sample_issues, tmp_path: Path):
    pdf = export([aachen(sample_issues, "pl")], tmp_path, "marks.pdf", crop_marks=True)
    page = PdfReader(pdf).pages[0]
    trim = box(page, "trimbox")
    assert box(page, "bleedbox") == trim
    assert trim[2] - trim[0] == pytest.approx(595.28, abs=0.01)
    assert box(page, "mediabox")[2] > trim[2] + 8 * POINTS_PER_MM


def test_margins_mirror_on_left_and_right_pages(sample_issues, tmp_path: Path):
    pdf = export(sample_issues, tmp_path, "book.pdf")
    layout = tool("pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-")
    left_edges: dict[int, float] = {}
    for number, page in enumerate(layout.split("<page ")[1:], start=1):
        xs = [float(x) for x in _attributes(page, "xMin")]
        if xs:
            left_edges[number] = min(xs)
    recto = {round(x) for n, x in left_edges.items() if n % 2 and n > 1}
    verso = {round(x) for n, x in left_edges.items() if not n % 2}
    assert recto == {round(25 * POINTS_PER_MM)}  # inner margin on the left of right-hand pages
    assert verso == {round(19 * POINTS_PER_MM)}  # outer margin on the left of left-hand pages


def _attributes(page_xml: str, name: str) -> list[str]:
    import re

    return re.findall(rf'{name}="([\d.]+)"', page_xml)
