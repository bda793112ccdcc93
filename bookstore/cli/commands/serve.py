"""``bookstore serve``: the publisher's store (OPDS catalog, accounts, orders, downloads)."""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bookstore.errors import BookstoreError
from bookstore.i18n.messages import N_, say

if TYPE_CHECKING:
    from bookstore.library.library import Library


def register(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser(
        "serve",
        help=N_("serve the library as an OPDS store (catalog, accounts, orders, downloads)"),
    )
    serve.add_argument(
        "--library",
        metavar=N_("PATH"),
        default=argparse.SUPPRESS,
        help=N_("the library folder to serve"),
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        metavar=N_("HOST"),
        help=N_("address to listen on (default 127.0.0.1)"),
    )
    serve.add_argument(
        "--port", type=_port, default=8080, metavar=N_("PORT"), help=N_("port (default 8080)")
    )
    serve.add_argument(
        "--database",
        metavar="URL",
        default="",
        help=N_(
            "the store's own data: sqlite:///FILE or postgresql+psycopg://USER@HOST/DB "
            "(default: store.sqlite in the library folder)"
        ),
    )
    serve.add_argument(
        "--workers",
        type=_workers,
        default=None,
        metavar="N",
        help=N_("server processes (default: one per core this process may use, at most 8)"),
    )
    serve.add_argument(
        "--cache",
        type=Path,
        metavar=N_("DIR"),
        help=N_("where made files are kept (default: store-cache/ in the library)"),
    )
    serve.add_argument(
        "--cache-size",
        type=_size,
        default=None,
        metavar=N_("SIZE"),
        help=N_(
            "at most this much of made files is kept, least recently used out first "
            "(e.g. 500M, 2G; default 2G)"
        ),
    )
    serve.add_argument(
        "--public-url",
        metavar="URL",
        default="",
        help=N_(
            "the address readers reach the store at, for absolute links in RSS and "
            "OpenSearch (e.g. https://store.example.org; default: the address a request "
            "reached)"
        ),
    )
    serve.add_argument("--no-access-log", action="store_true", help=N_("do not log each request"))
    serve.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace, library: Library) -> int:
    from bookstore.cli.commands.serve_checks import check_cache, check_listening
    from bookstore.server.config import ServerConfig
    from bookstore.server.run import serve

    # The library was opened for the server, not for this process: created on first
    # use, upgraded, its search index made, none of which the server's read-only
    # connections (one per thread) can do. It is closed before they open theirs.
    root = library.root.resolve()
    library.close()
    config = ServerConfig(root, args.database, args.cache.resolve() if args.cache else None)
    if args.cache_size is not None:
        config = dataclasses.replace(config, cache_limit=args.cache_size)
    if args.public_url:
        config = dataclasses.replace(config, public_url=_public_url(args.public_url))
    if args.cache is not None:
        check_cache(config.cache_folder)
    check_listening(args.host, args.port)
    workers = args.workers or default_workers()
    return serve(config, args.host, args.port, workers, not args.no_access_log)


def default_workers() -> int:
    """One server process per core this process may run on, at most 8."""
    return max(
        1,
        min(
            8,
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else os.cpu_count() or 1,
        ),
    )


def _public_url(text: str) -> str:
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise BookstoreError(
            say("--public-url {url}: not an address such as https://store.example.org", url=text)
        )
    return text.strip().rstrip("/")


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(say("“{text}” is not a port (1-65535)", text=text))
    return int(text)


def _workers(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(
            say("“{text}” is not a number of workers (1-64)", text=text)
        )
    return int(text)


_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}


def _size(text: str) -> int:
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*", text, re.IGNORECASE)
    if not found or float(found[1]) * _UNITS[found[2].upper()] < 1024**2:
        raise argparse.ArgumentTypeError(
            say("“{text}” is not a cache size of at least 1M (such as 500M or 2G)", text=text)
        )
    return int(float(found[1]) * _UNITS[found[2].upper()])
