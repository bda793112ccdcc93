"""Citing an issue from its page: the Highwire meta tags, the citation formatted in a
chosen CSL style in the page's language, and the ``.ris`` and ``.bib`` downloads,
all written by ``bookstore.citations``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from bookstore.citations.formats import DEFAULT_STYLE, cite, csl_items
from bookstore.model import Issue
from bookstore.server import urls
from bookstore.server.public_address import base_url
from bookstore.server.storefront.citation_tags import highwire_tags
from bookstore.server.storefront.i18n import N_
from bookstore.server.storefront.security import PAGE_HEADERS
from bookstore.server.storefront.visit import Visit

# The styles the page offers (named as the CSL style repository names them).
STYLES = (
    ("apa", N_("APA")),
    ("chicago-author-date", N_("Chicago (author-date)")),
    ("harvard-cite-them-right", N_("Harvard (Cite Them Right)")),
    ("iso690-author-date-en", N_("ISO 690 (author-date)")),
)
# format -> (file extension, media type)
# citation format -> its file's extension and media type
DOWNLOADS = {
    format: (extension, urls.CITATION_TYPES[extension])
    for format, extension in (("ris", "ris"), ("bibtex", "bib"))
}
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class Citation:
    tags: list[tuple[str, str]]  # the page's citation_* meta tags
    style: str
    text: str
    files: dict[str, str]  # file extension -> its URL


def chosen_style(visit: Visit) -> str:
    asked = visit.request.query_params.get("style", "")
    return asked if any(asked == name for name, _ in STYLES) else DEFAULT_STYLE


def _absolute(visit: Visit, path: str) -> str:
    return base_url(visit.request, visit.services.config.public_url) + path.lstrip("/")


def citation(visit: Visit, issue: Issue, readable: bool, pdf: str | None) -> Citation:
    """What the issue's page shows and declares of its citation (``pdf``: the PDF's
    link where the visitor may download it). Called off the event loop: citeproc takes
    a few tens of milliseconds."""
    item = csl_items([issue])[0]
    style = chosen_style(visit)
    page = _absolute(visit, urls.store_page(issue.id or 0))
    pdf_url = _absolute(visit, pdf) if pdf else None
    return Citation(
        tags=highwire_tags(item, page, readable, pdf_url, issue.topics),
        style=style,
        text=_formatted(visit, issue, style),
        files={
            extension: urls.citation(issue.id or 0, extension)
            for extension, _ in DOWNLOADS.values()
        },
    )


def _formatted(visit: Visit, issue: Issue, style: str) -> str:
    """The issue's citation in ``style``, made once per library generation."""
    cache = visit.storefront.citations
    key, generation = (issue.id, style, visit.language), visit.services.catalog.generation()
    text = cache.get(key, generation)
    if text is None:
        text = cite([issue], "text", style=style, language=visit.language).strip()
        cache.put(key, generation, text)
    return text


def file_name(issue: Issue, extension: str) -> str:
    """The citation key as a file name with nothing a file system or header minds."""
    key = _UNSAFE.sub("", csl_items([issue])[0]["id"])[:80]
    return f"{key or 'citation'}.{extension}"


async def ris(visit: Visit) -> Response:
    return await _download(visit, "ris")


async def bibtex(visit: Visit) -> Response:
    return await _download(visit, "bibtex")


async def _download(visit: Visit, format: str) -> Response:
    issue_id = visit.request.path_params["issue_id"]
    extension, media_type = DOWNLOADS[format]

    def load() -> tuple[str, str]:
        found = visit.services.catalog.issue(issue_id)  # NotFound for an unknown issue
        return cite([found], format), file_name(found, extension)

    text, name = await run_in_threadpool(load)
    headers = {**PAGE_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'}
    return Response(
        text.encode("utf-8"), media_type=f"{media_type}; charset=utf-8", headers=headers
    )
