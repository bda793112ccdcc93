"""Running the server with uvicorn: one process, or several workers sharing the port."""

from __future__ import annotations

import ipaddress
import socket
import sys
from typing import Any

from bookstore.server.access_log import log_config
from bookstore.server.config import ServerConfig
from bookstore.server.db.database import safe_url
from bookstore.server.protocol import GuardedHttpToolsProtocol, open_files_allowed
from bookstore.server.services import build_services

KEEP_ALIVE = 5  # seconds an idle connection is kept between requests


def uvicorn_options(access_log: bool = True) -> dict[str, Any]:
    """The bounds every server runs with (tests start theirs with the same)."""
    connections = open_files_allowed()
    return {
        "http": GuardedHttpToolsProtocol,
        "timeout_keep_alive": KEEP_ALIVE,
        # Past this, requests are answered 503 and further connections closed.
        "limit_concurrency": connections,
        "backlog": 2048,
        "access_log": access_log,
        "log_config": log_config(),
        "log_level": "info",
        "server_header": False,
    }


def serve(
    config: ServerConfig, host: str, port: int, workers: int = 1, access_log: bool = True
) -> int:
    """Serve until Ctrl+C (or SIGTERM); returns the exit status."""
    import uvicorn

    # Migrate and check the database once, before any worker starts, and settle
    # the checkouts a crash cut off.
    services = build_services(config)
    try:
        settled = services.orders.settle_stale()
    finally:
        services.close()
    if settled:
        print(f"bookstore: settled {settled} checkout(s) cut off earlier", file=sys.stderr)
    config.to_environment()
    addresses = catalog_addresses(host, port)
    also = "".join(f"\n  also at {address}" for address in addresses[1:])
    print(
        f"bookstore: serving {config.library} at {addresses[0]} "
        f"(store data: {safe_url(config.database)}; Ctrl+C stops){also}",
        file=sys.stderr,
    )
    uvicorn.run(
        "bookstore.server.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        **uvicorn_options(access_log),
    )
    return 0


def catalog_addresses(host: str, port: int) -> list[str]:
    """The catalog's addresses to give a reading app: a numeric host (apps such as
    Thorium refuse ``localhost``); for a wildcard host, this machine's loopback
    address first, then its network addresses (for a phone on the same network)."""
    if host in ("0.0.0.0", "::", ""):
        hosts = ["127.0.0.1", *_network_addresses(ipv6=host == "::")]
    elif host == "localhost":
        hosts = ["127.0.0.1"]
    else:
        hosts = [host]
    return [f"http://{f'[{h}]' if ':' in h else h}:{port}/opds" for h in hosts]


def _network_addresses(ipv6: bool) -> list[str]:
    import psutil

    families = (socket.AF_INET, socket.AF_INET6) if ipv6 else (socket.AF_INET,)
    found = []
    for addresses in psutil.net_if_addrs().values():
        for address in addresses:
            if address.family not in families:
                continue
            try:
                parsed = ipaddress.ip_address(address.address.split("%")[0])
            except ValueError:
                continue
            if not (parsed.is_loopback or parsed.is_link_local):
                found.append(str(parsed))
    return sorted(set(found), key=lambda a: (":" in a, a))
