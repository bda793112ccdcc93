"""Catalog routes: OPDS 1.2, OPDS 2.0, OpenSearch, RSS and the store page of an issue.

Documents are made once per library generation, language (``Accept-Language``) and
URL (``http_cache``); the shelf, which differs per account, once per what it holds.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from types import ModuleType

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bookstore.i18n.messages import N_, say
from bookstore.i18n.words import Words
from bookstore.model import Issue
from bookstore.server import rss, urls
from bookstore.server.caching.http_cache import Representation, respond
from bookstore.server.catalog.stock import Filters, Page
from bookstore.server.opds import opds1_documents, opds2_documents, opensearch_description
from bookstore.server.public_address import base_url
from bookstore.server.query_params import filters, page_number, search_text
from bookstore.server.reader_language import VARY, words_of
from bookstore.server.routes.auth import required_account, services_of
from bookstore.server.services import Services
from bookstore.server.shop.offers import AcquisitionsOf, owner_acquisitions


async def _cached(
    request: Request, key: str, media_type: str, render: Callable[[Words], bytes]
) -> Response:
    """The document of ``key`` in the request's language, made by ``render`` once per
    library generation and language."""
    services = services_of(request)
    catalog = services.catalog
    generation = catalog.generation()
    words = words_of(request)
    key = f"{words.language}\n{key}"
    found = services.documents.get(key, generation)
    if found is None:
        body = await run_in_threadpool(render, words)
        found = Representation(body, media_type, catalog.modified())
        services.documents.put(key, generation, found)
    return respond(request, found)


def _base(request: Request) -> str:
    return base_url(request, services_of(request).config.public_url)


def _key(request: Request, *extra: str) -> str:
    return "\n".join([request.url.path, *extra])


# Catalog documents: each route renders one function of the catalog (and its URL).

CatalogRender = Callable[..., bytes]


def _whole(render: CatalogRender, media_type: str):
    async def endpoint(request: Request) -> Response:
        catalog = services_of(request).catalog
        return await _cached(request, _key(request), media_type, lambda w: render(catalog, w))

    return endpoint


def _by_path(render: CatalogRender, media_type: str, name: str):
    async def endpoint(request: Request) -> Response:
        catalog, value = services_of(request).catalog, request.path_params[name]
        return await _cached(
            request, _key(request), media_type, lambda w: render(catalog, value, w)
        )

    return endpoint


def _selection(render: CatalogRender, media_type: str):
    async def endpoint(request: Request) -> Response:
        catalog, selection, number = (
            services_of(request).catalog,
            filters(request),
            page_number(request),
        )
        key = _key(request, urls.issues(selection, number))
        return await _cached(
            request, key, media_type, lambda w: render(catalog, selection, number, w)
        )

    return endpoint


def _search(render: CatalogRender, media_type: str, parameter: str):
    async def endpoint(request: Request) -> Response:
        catalog, number = services_of(request).catalog, page_number(request)
        text = search_text(request, parameter)
        key = _key(request, text, str(number))
        return await _cached(request, key, media_type, lambda w: render(catalog, text, number, w))

    return endpoint


def _catalog_routes(
    root: str, opds: ModuleType, navigation_type: str, acquisition_type: str, entry: tuple
) -> list[Route]:
    entry_path, entry_type = entry
    return [
        Route(root, _whole(opds.root, navigation_type)),
        Route(f"{root}/series", _whole(opds.series_list, navigation_type)),
        Route(f"{root}/series/{{slug}}", _by_path(opds.series_years, navigation_type, "slug")),
        Route(f"{root}/topics", _whole(opds.topics, navigation_type)),
        Route(f"{root}/languages", _whole(opds.languages, navigation_type)),
        Route(f"{root}/issues", _selection(opds.issues, acquisition_type)),
        Route(f"{root}/new", _whole(opds.newest, acquisition_type)),
        Route(
            f"{root}/search",
            _search(opds.search, acquisition_type, "q" if root == "/opds" else "query"),
        ),
        Route(entry_path, _by_path(opds.entry, entry_type, "issue_id")),
    ]


async def opensearch_document(request: Request) -> Response:
    base = _base(request)
    return await _cached(
        request,
        _key(request, base),
        urls.OPENSEARCH,
        lambda words: opensearch_description.description(base, words),
    )


async def authentication_document(request: Request) -> Response:
    words = words_of(request)
    document = {
        "id": f"{_base(request)}opds/authentication",
        "title": "Bookstore",
        "description": words.text(
            N_("Sign in with the e-mail and password of your Bookstore account.")
        ),
        "authentication": [
            {
                "type": "http://opds-spec.org/auth/basic",
                "labels": {
                    "login": words.text(N_("E-mail")),
                    "password": words.text(N_("Password")),
                },
            }
        ],
        "links": [
            {"rel": "register", "href": "/api/accounts", "type": "application/json"},
            {"rel": "start", "href": "/opds", "type": urls.ATOM_NAVIGATION},
        ],
    }
    body = json.dumps(document, ensure_ascii=False).encode()
    return Response(body, media_type=urls.AUTHENTICATION, headers={"Vary": VARY})


# Shelf (per account, not cached)


async def _shelf(
    request: Request, media_type: str, render: Callable[[Page, AcquisitionsOf, Words], bytes]
) -> Response:
    """The account's shelf. Made again only when what it owns, the library or the
    links' expiry changes; otherwise served from the cache like the other feeds."""
    services = services_of(request)
    owner = await required_account(request)
    catalog = services.catalog
    words = words_of(request)

    def load() -> Representation:
        owned = tuple(entry.issue_id for entry in services.orders.owned(owner))
        generation = catalog.generation()
        key = ("shelf", media_type, words.language, owner.id, owned, services.signer.expiry())
        found = services.documents.get(key, generation)
        if found is None:
            # an issue staff removed from the library since leaves the shelf
            issues = catalog.issues([issue_id for issue_id in owned if catalog.exists(issue_id)])
            free = {issue.id for issue in issues if issue.is_free}

            def link_for(issue_id: int, kind: str) -> str:
                if issue_id in free:
                    return urls.file(issue_id, kind)
                return services.signer.link(issue_id, kind, owner.id)[0]

            acquisitions = owner_acquisitions(link_for)
            ids = [issue.id or 0 for issue in issues]
            page = Page(ids, len(issues), 1, max(1, len(issues)), issues)
            body = render(page, acquisitions, words)
            found = Representation(body, media_type, services.clock())
            services.documents.put(key, generation, found)
        return found

    return respond(request, await run_in_threadpool(load), private=True)


async def opds_shelf(request: Request) -> Response:
    catalog = services_of(request).catalog
    return await _shelf(
        request,
        urls.ATOM_ACQUISITION,
        lambda page, acquisitions, words: opds1_documents.shelf(
            page, acquisitions, opds1_documents.updated(catalog), words
        ),
    )


async def opds2_shelf(request: Request) -> Response:
    return await _shelf(request, urls.OPDS2, opds2_documents.shelf)


# RSS


def _epub_length(services: Services):
    def length(issue: Issue) -> int:
        return services.files.get(issue, "epub").size

    return length


async def rss_all(request: Request) -> Response:
    services = services_of(request)
    catalog, base = services.catalog, _base(request)

    def render(words: Words) -> bytes:
        issues = catalog.page(Filters(), 1, size=rss.ITEMS).issues
        return rss.channel(
            base,
            words.text(N_("Bookstore: every series")),
            urls.rss(),
            issues,
            opds1_documents.updated(catalog),
            _epub_length(services),
            words,
        )

    return await _cached(request, _key(request, base), urls.RSS, render)


async def rss_series(request: Request) -> Response:
    services = services_of(request)
    catalog, base, slug = services.catalog, _base(request), request.path_params["slug"]

    def render(words: Words) -> bytes:
        series = catalog.series_named(slug).name_in(words.language)
        issues = catalog.page(Filters(series=slug), 1, size=rss.ITEMS).issues
        return rss.channel(
            base,
            words.say(say("Bookstore: {series}", series=series)),
            urls.rss(slug),
            issues,
            opds1_documents.updated(catalog),
            _epub_length(services),
            words,
        )

    return await _cached(request, _key(request, base), urls.RSS, render)


routes = [
    *_catalog_routes(
        "/opds",
        opds1_documents,
        urls.ATOM_NAVIGATION,
        urls.ATOM_ACQUISITION,
        ("/opds/issues/{issue_id:int}", urls.ATOM_ENTRY),
    ),
    *_catalog_routes(
        "/opds2",
        opds2_documents,
        urls.OPDS2,
        urls.OPDS2,
        ("/opds2/publications/{issue_id:int}", urls.OPDS2_PUBLICATION),
    ),
    Route("/opds/opensearch.xml", opensearch_document),
    Route("/opds/authentication", authentication_document, name="authentication_document"),
    Route("/opds/shelf", opds_shelf),
    Route("/opds2/shelf", opds2_shelf),
    Route("/rss", rss_all),
    Route("/rss/{slug}", rss_series),
]
