"""Shared by the PDF tests: exporting, and reading a PDF back with poppler and pypdf.

poppler-utils and qpdf are required (``.ci/run`` installs them); a missing tool
fails the test rather than skipping it.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from bookstore.export.pdf.writing import PdfOptions, export_pdf
from bookstore.model import Issue
from tests.perf.generate import SERIES, IssueGenerator

POINTS_PER_MM = 72 / 25.4


def export(issues: Sequence[Issue], folder: Path, name: str, **options) -> Path:
    return export_pdf(list(issues), folder / name, PdfOptions(**options))


def tool(*command: str | Path) -> str:
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{command[0]} failed: {result.stderr}"
    return result.stdout


def page_texts(pdf: Path, *layout: str) -> list[str]:
    """The text of each page, as pdftotext reads it."""
    pages = tool("pdftotext", *layout, "-enc", "UTF-8", pdf, "-").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool
    subset: bool
    unicode: bool


def fonts(pdf: Path) -> list[FontRow]:
    """pdffonts' table: one row per font object in the file."""
    lines = tool("pdffonts", pdf).splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name, type (1 or 2 words), encoding, emb, sub, uni, object, id
        emb, sub, uni = parts[-5:-2]
        rows.append(
            FontRow(parts[0], " ".join(parts[1:-6]), emb == "yes", sub == "yes", uni == "yes")
        )
    return rows


FOOTER = re.compile(r"^(?:Page|Strona|Страница) (\d+) (?:of|z|из) (\d+)$")


def content_lines(pdf: Path, headers: Sequence[str] = ()) -> list[str]:
    """The non-empty lines of every page in drawing order (line-end hyphens kept),
    without running headers and footers."""
    lines = []
    for page in page_texts(pdf, "-raw"):
        for line in page.splitlines():
            line = line.strip()
            if line and line not in headers and not FOOTER.match(line):
                lines.append(line)
    return lines


def squash(text: str) -> str:
    """Text without whitespace or hyphens, so line breaks and hyphenation do not matter."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def outline(pdf: Path) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """Top-level bookmarks as (title, page number, [(child title, page number)])."""
    reader = PdfReader(pdf)
    entries: list[tuple[str, int, list[tuple[str, int]]]] = []
    for item in reader.outline:
        if isinstance(item, list):
            title, page, _ = entries[-1]
            children = [
                (child.title, reader.get_destination_page_number(child) + 1) for child in item
            ]
            entries[-1] = (title, page, children)
        else:
            entries.append((item.title, reader.get_destination_page_number(item) + 1, []))
    return entries


def box(page, name: str) -> tuple[float, float, float, float]:
    rect = getattr(page, name)
    return tuple(round(float(value), 2) for value in (rect.left, rect.bottom, rect.right, rect.top))


def body_text(issue: Issue) -> list[str]:
    """Every piece of text an issue prints, in order."""
    parts = [issue.title, *issue.authors, issue.lead]
    for section in issue.sections:
        if section.heading:
            parts.append(section.heading)
        parts.extend(section.paragraphs)
    return parts


def aachen(issues: Sequence[Issue], language: str) -> Issue:
    """The sample's PISM Spotlight no. 3/2019, which it holds in en, pl and ru."""
    return next(
        issue
        for issue in issues
        if (issue.series.slug, issue.number, issue.year, issue.language)
        == ("spotlight", 3, 2019, language)
    )


def generated_issues(count: int, seed: int = 11) -> list[Issue]:
    """``count`` synthetic issues in en, pl and ru over the generator's five series."""
    generator = IssueGenerator(SERIES, seed)
    return [generator.issue(n) for n in range(count)]
