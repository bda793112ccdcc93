"""The storefront's routes, registered by the store's application before the catalog's
(so ``/store/issues/ID``, where an OPDS Buy link points, is this page)."""

from __future__ import annotations

from pathlib import Path

from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bookstore.server.storefront import (
    pages_account,
    pages_catalog,
    pages_citations,
    pages_shop,
)
from bookstore.server.storefront.handling import page, signed_in_only

STATIC = Path(__file__).parent / "static"
FORM = ["GET", "POST"]
POST = ["POST"]

routes = [
    Route("/store", page(pages_catalog.home)),
    Route("/store/search", page(pages_catalog.search)),
    Route("/store/series/{slug}", page(pages_catalog.series)),
    Route("/store/series/{slug}/{year:int}", page(pages_catalog.year)),
    Route("/store/issues/{issue_id:int}", page(pages_catalog.issue)),
    Route("/store/issues/{issue_id:int}/citation.ris", page(pages_citations.ris)),
    Route("/store/issues/{issue_id:int}/citation.bib", page(pages_citations.bibtex)),
    Route("/store/sign-in", page(pages_account.sign_in), methods=FORM),
    Route("/store/register", page(pages_account.register), methods=FORM),
    Route("/store/sign-out", page(pages_account.sign_out), methods=POST),
    Route("/store/account/password", page(signed_in_only(pages_account.password)), methods=FORM),
    Route("/store/cart", page(signed_in_only(pages_shop.cart))),
    Route("/store/cart/items", page(pages_shop.add_to_cart), methods=POST),
    Route("/store/cart/remove", page(signed_in_only(pages_shop.remove_from_cart)), methods=POST),
    Route("/store/buy", page(pages_shop.buy), methods=POST),
    Route("/store/checkout", page(signed_in_only(pages_shop.checkout)), methods=FORM),
    Route("/store/orders/{number}", page(signed_in_only(pages_shop.order))),
    Route("/store/orders/{number}/receipt.pdf", page(signed_in_only(pages_shop.receipt))),
    Route("/store/shelf", page(signed_in_only(pages_shop.shelf))),
    Route("/store/shelf/items", page(signed_in_only(pages_shop.keep_free)), methods=POST),
    Mount("/store/static", StaticFiles(directory=STATIC), name="storefront_static"),
]
