"""Running the server with uvicorn: one process, or several workers sharing the port."""

from __future__ import annotations

import sys

from bookstore.store.server.config import ServerConfig
from bookstore.store.server.database import safe_url
from bookstore.store.server.services import build_services


def serve(
    config: ServerConfig, host: str, port: int, workers: int = 1, access_log: bool = True
) -> int:
    """Serve until Ctrl+C (or SIGTERM); returns the exit status."""
    import uvicorn

    # Migrate and check the database once, before any worker starts, and settle
    # the checkouts a crash cut off.
    services = build_services(config)
    try:
        settled = services.store.settle_stale()
    finally:
        services.close()
    if settled:
        print(f"bookstore: settled {settled} checkout(s) cut off earlier", file=sys.stderr)
    config.to_environment()
    shown = "localhost" if host in ("127.0.0.1", "::1") else f"[{host}]" if ":" in host else host
    print(
        f"bookstore: serving {config.library} at http://{shown}:{port}/opds "
        f"(store data: {safe_url(config.database)}; Ctrl+C stops)",
        file=sys.stderr,
    )
    uvicorn.run(
        "bookstore.store.server.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=access_log,
        log_level="info",
        server_header=False,
    )
    return 0
