"""Everything a request handler uses, made once per server process and kept on the app."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from bookstore.i18n.words import Catalogs
from bookstore.server.accounts.customers import Customer, Customers
from bookstore.server.accounts.signing import LinkSigner, shared_secret
from bookstore.server.caching.cache_budget import CacheBudget
from bookstore.server.caching.generation_cache import GenerationCache
from bookstore.server.caching.http_cache import Representation
from bookstore.server.caching.issue_files import FileCache
from bookstore.server.catalog.stock import Catalog
from bookstore.server.config import ServerConfig
from bookstore.server.db.database import open_database
from bookstore.server.shop.orders import Orders
from bookstore.server.shop.payments import PaymentProvider, TestProvider
from bookstore.server.shop.receipt import ReceiptMaker, Seller

BASIC_MEMORY_SECONDS = 300
FEED_BUDGET = 64 * 1024 * 1024  # bytes of feeds (and their gzip form) kept per process


@dataclass
class Services:
    config: ServerConfig
    engine: Engine
    catalog: Catalog
    accounts: Customers
    orders: Orders
    signer: LinkSigner
    files: FileCache
    receipts: ReceiptMaker
    documents: GenerationCache[Representation]  # the catalog's OPDS, OpenSearch and RSS documents
    # what a file URL leads to: an issue's facts (free?, label) and its made files
    file_index: GenerationCache[object]
    provider: PaymentProvider
    clock: Callable[[], float]
    # Basic sends the password with every request; a verified header is remembered
    # for a few minutes (by its SHA-256) instead of running argon2 each time.
    basic_seen: dict[str, tuple[Customer, float]] = field(default_factory=dict)
    basic_lock: threading.Lock = field(default_factory=threading.Lock)
    # the answers' words, one catalog per language asked for
    words: Catalogs = field(default_factory=Catalogs)

    def close(self) -> None:
        self.engine.dispose()


def build_services(
    config: ServerConfig,
    *,
    provider: PaymentProvider | None = None,
    clock: Callable[[], float] = time.time,
) -> Services:
    engine = open_database(config.database)
    catalog = Catalog(config.library, config.page_size)
    provider = provider or TestProvider(config.test_payment_delay)
    config.cache_folder.mkdir(parents=True, exist_ok=True)
    return Services(
        config=config,
        engine=engine,
        catalog=catalog,
        accounts=Customers(engine, clock),
        orders=Orders(engine, catalog, provider, clock, config.checkout_lease),
        signer=LinkSigner(shared_secret(engine), clock),
        files=FileCache(config.cache_folder, CacheBudget(config.cache_folder, config.cache_limit)),
        receipts=ReceiptMaker(Seller(config.seller_name, config.seller_address)),
        documents=GenerationCache(max_bytes=FEED_BUDGET, size_of=lambda found: found.size),
        file_index=GenerationCache(capacity=20_000),
        provider=provider,
        clock=clock,
    )
