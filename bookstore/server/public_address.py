"""The address absolute URLs (RSS, OpenSearch, the authentication document) start
with: the configured public address, else the address the connection reached
(the socket's, never the client's ``Host`` header, which anyone can set)."""

from __future__ import annotations

from starlette.requests import Request


def base_url(request: Request, public_url: str = "") -> str:
    """The base with a trailing slash, such as ``http://127.0.0.1:8080/``."""
    if public_url:
        return public_url.rstrip("/") + "/"
    server = request.scope.get("server")
    scheme = request.url.scheme
    if not server:
        return f"{scheme}://127.0.0.1/"
    host, port = server[0], server[1]
    shown = f"[{host}]" if ":" in host else host
    default = (scheme == "http" and port == 80) or (scheme == "https" and port == 443)
    return f"{scheme}://{shown}/" if default or port is None else f"{scheme}://{shown}:{port}/"
