"""Pages rendered to PNG for people to look at, in English, Polish and Russian.

The images go to tests/output/pdf/ (PNG files are ignored by git). Look at them
after changing the layout: title block, lead, headings, running header and
footer, cover, contents, crop marks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.export.pdf.pdf_helpers import aachen, export, tool

OUTPUT = Path(__file__).resolve().parents[2] / "output" / "pdf"
DPI = 80


@pytest.fixture(scope="module")
def output() -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for old in OUTPUT.glob("*.png"):
        old.unlink()
    return OUTPUT


def _render(pdf: Path, output: Path, prefix: str, last: int) -> list[Path]:
    tool("pdftoppm", "-r", str(DPI), "-png", "-l", str(last), pdf, output / prefix)
    return sorted(output.glob(f"{prefix}-*.png"))


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
def test_single_issue_pages(language, output: Path, sample_issues, tmp_path: Path):
    pdf = export([aachen(sample_issues, language)], tmp_path, f"{language}.pdf")
    images = _render(pdf, output, f"single-{language}", 2)
    assert len(images) == 2
    width, height = (round(float(v) * DPI / 72) for v in PdfReader(pdf).pages[0].mediabox[2:])
    for path in images:
        image = Image.open(path).convert("L")
        assert abs(image.width - width) <= 1 and abs(image.height - height) <= 1
        dark = sum(image.histogram()[:100])
        assert dark > 500, f"{path.name} looks empty"


def test_collection_pages_with_bleed_and_crop_marks(output: Path, sample_issues, tmp_path: Path):
    pdf = export(sample_issues, tmp_path, "book.pdf", bleed_mm=3, crop_marks=True)
    images = _render(pdf, output, "collection", 8)
    assert len(images) == 8
    cover = Image.open(images[0]).convert("RGB")
    red, _green, blue = cover.getpixel((cover.width // 2, cover.height // 6))
    assert blue > red + 40 and blue > 80  # the accent band, dark blue
    corner = Image.open(images[0]).convert("L").getpixel((1, 1))
    assert corner > 240  # the slug outside the bleed stays white


@pytest.mark.parametrize("paper", ["A5", "letter"])
def test_other_papers(paper, output: Path, sample_issues, tmp_path: Path):
    issues = [aachen(sample_issues, "pl"), aachen(sample_issues, "ru")]
    pdf = export(issues, tmp_path, f"{paper}.pdf", paper=paper, bleed_mm=3)
    images = _render(pdf, output, f"{paper}", 6)
    assert len(images) == 6
