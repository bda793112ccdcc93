"""Bounds on each connection, below the ASGI application: uvicorn's httptools
protocol with a limit on a request's head (431), a deadline for reading a request
(408; a connection that sends nothing is closed too) and a cap on open connections.

uvicorn's httptools parser keeps every header it is sent (64 MiB of headers were
answered 200) and waits for ever for a request that never ends; its keep-alive
timeout only runs between requests. Each refusal is logged with the address.
"""

from __future__ import annotations

import asyncio
import json
import logging
import resource

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("bookstore.server")

MAX_HEAD = 16 * 1024  # bytes of request line and headers (nginx's default is 1 KB + 4 x 8 KB)
REQUEST_TIMEOUT = 15.0  # seconds from a connection or a request's first byte to its end
MAX_CONNECTIONS = 4000  # open connections per server process


def open_files_allowed() -> int:
    """Raise this process's open-file limit to what the system allows (up to 65,536)
    and return the number of connections it leaves room for."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 65_536 if hard == resource.RLIM_INFINITY else min(hard, 65_536)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    files = 65_536 if soft == resource.RLIM_INFINITY else soft
    return max(16, min(MAX_CONNECTIONS, files - 100))


def _answer(status: int, reason: str, code: str, message: str) -> bytes:
    body = json.dumps({"error": {"status": status, "code": code, "message": message}}).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


TOO_LARGE = _answer(
    431,
    "Request Header Fields Too Large",
    "headers_too_large",
    f"The request's headers are larger than {MAX_HEAD // 1024} KiB.",
)
TOO_SLOW = _answer(
    408,
    "Request Timeout",
    "request_timeout",
    f"The request did not arrive whole within {REQUEST_TIMEOUT:.0f} seconds.",
)


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    max_head = MAX_HEAD
    request_timeout = REQUEST_TIMEOUT
    max_connections = MAX_CONNECTIONS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_bytes = 0
        self._refused = False
        self._deadline: asyncio.TimerHandle | None = None
        cap = min(self.max_connections, self.limit_concurrency or self.max_connections)
        if len(self.connections) > cap:
            log.warning("%s: refused, %d connections are open", self._who(), len(self.connections))
            self._refuse(b"")
            return
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        super().data_received(data)

    def send_400_response(self, msg: str) -> None:
        if not self._refused:  # after a refusal of ours the parser's error is no news
            super().send_400_response(msg)

    # Parser callbacks

    def on_message_begin(self) -> None:
        self._head_bytes = 0
        self._arm()
        super().on_message_begin()

    def on_url(self, url: bytes) -> None:
        if self._within(len(url)):
            super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        if self._within(len(name) + len(value) + 4):
            super().on_header(name, value)

    def on_headers_complete(self) -> None:
        if not self._refused:
            super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        if not self._refused:
            super().on_body(body)

    def on_message_complete(self) -> None:
        self._disarm()
        if not self._refused:
            super().on_message_complete()

    # The guard

    def _within(self, size: int) -> bool:
        """Count ``size`` bytes of the head; past the limit, refuse (the parser goes on
        through what it was given, but nothing more is kept or read)."""
        if self._refused:
            return False
        self._head_bytes += size
        if self._head_bytes <= self.max_head:
            return True
        log.warning("%s: request headers over %d bytes, refused", self._who(), self.max_head)
        self._refuse(TOO_LARGE)
        return False

    def _arm(self) -> None:
        if self._deadline is None:
            self._deadline = self.loop.call_later(self.request_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        started = self.cycle is not None and not self.cycle.response_complete
        log.warning("%s: no whole request within %.0f s, closed", self._who(), self.request_timeout)
        self._refuse(b"" if started else TOO_SLOW)

    def _refuse(self, answer: bytes) -> None:
        self._refused = True
        self._disarm()
        if answer and not self.transport.is_closing():
            self.transport.write(answer)
        self.transport.close()

    def _who(self) -> str:
        return f"{self.client[0]}:{self.client[1]}" if self.client else "a client"
