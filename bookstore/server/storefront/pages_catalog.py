"""The catalog's pages: home, a series and its years, a year's issues, search, an issue."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from bookstore.library.facets import library_facets
from bookstore.library.search.query import QueryError
from bookstore.model import Issue
from bookstore.server import urls
from bookstore.server.catalog.stock import Filters
from bookstore.server.storefront.pages_citations import STYLES, citation
from bookstore.server.storefront.visit import Visit

NEWEST = 8
PAGE = 20
MAX_QUERY = 200


def _number(visit: Visit) -> int:
    value = visit.request.query_params.get("page", "1")
    return int(value) if value.isascii() and value.isdigit() and 0 < int(value) < 10_000 else 1


def _page_address(visit: Visit):
    return lambda number: visit.here(page=str(number))


async def home(visit: Visit) -> Response:
    catalog = visit.services.catalog

    def load():
        facets = library_facets(catalog.library())
        return facets.series, catalog.page(Filters(), 1, size=NEWEST).issues

    series, newest = await run_in_threadpool(load)
    return visit.page("home.html", series=[s for s in series if s.count], newest=newest)


async def series(visit: Visit) -> Response:
    catalog, slug = visit.services.catalog, visit.request.path_params["slug"]

    def load():
        found = catalog.series_named(slug)  # NotFound for an unknown series
        years = next(
            (s.years for s in library_facets(catalog.library()).series if s.series.slug == slug),
            (),
        )
        return found, years

    found, years = await run_in_threadpool(load)
    return visit.page("series.html", series=found, years=years)


async def year(visit: Visit) -> Response:
    catalog, slug = visit.services.catalog, visit.request.path_params["slug"]
    chosen, number = visit.request.path_params["year"], _number(visit)
    if not 1000 <= chosen <= 9999:
        return visit.page("not_found.html", 404)

    def load():
        return catalog.series_named(slug), catalog.page(
            Filters(series=slug, year=chosen), number, size=PAGE
        )

    found, listed = await run_in_threadpool(load)
    if not listed.issues and number == 1:
        return visit.page("not_found.html", 404)
    return visit.page(
        "year.html", series=found, year=chosen, listing=listed, visit_page=_page_address(visit)
    )


async def search(visit: Visit) -> Response:
    catalog = visit.services.catalog
    text = visit.request.query_params.get("q", "").strip()[:MAX_QUERY]
    number = _number(visit)
    if not text:
        return visit.page("search.html", text="", listing=None, problem=None)

    def load():
        found = catalog.found(text, number, size=PAGE)
        return found, catalog.issues(found.ids)

    try:
        found, issues = await run_in_threadpool(load)
    except QueryError as error:
        return visit.page(
            "search.html", 400, text=text, listing=None, problem=visit.words.say(error)
        )
    return visit.page(
        "search.html",
        text=text,
        listing=found,
        issues=issues,
        problem=None,
        visit_page=_page_address(visit),
    )


async def issue(visit: Visit) -> Response:
    cached = visit.cached_page()
    if cached is not None:
        return cached
    services, issue_id = visit.services, visit.request.path_params["issue_id"]
    owner = visit.account

    def load():
        found = services.catalog.issue(issue_id)
        owned = owner is not None and services.orders.owns(owner.id, issue_id)
        in_cart = owner is not None and any(
            item["issue_id"] == issue_id for item in services.orders.cart(owner)["items"]
        )
        others = services.catalog.issues(list(found.translations))
        return found, owned, in_cart, others

    found, owned, in_cart, others = await run_in_threadpool(load)
    readable = found.is_free or owned
    files = downloads(visit, found) if readable else {}
    cited = await run_in_threadpool(citation, visit, found, readable, files.get("pdf"))
    return visit.shared_page(
        "issue.html",
        issue=found,
        owned=owned,
        in_cart=in_cart,
        readable=readable,
        downloads=files,
        translations=others,
        cover=urls.cover(issue_id, thumbnail=True),
        citation=cited,
        styles=STYLES,
    )


def downloads(visit: Visit, issue: Issue) -> dict[str, str]:
    """Each format's URL: the plain one of a free issue, or a signed link for its owner."""
    if issue.is_free:
        return {kind: urls.file(issue.id or 0, kind) for kind in urls.FORMATS}
    assert visit.account is not None
    return {
        kind: visit.services.signer.link(issue.id or 0, kind, visit.account.id)[0]
        for kind in urls.FORMATS
    }
