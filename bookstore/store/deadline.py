"""A bound on a whole request, not only on silence.

httpx's timeouts count the wait for each read, so a server that sends a byte a second
is never timed out. ``Deadline`` holds when the request made on this thread must be
over; the network streams of ``StoreClient`` never wait past it (headers included),
and the reading loops check it between pieces.
"""

from __future__ import annotations

import contextlib
import threading
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import httpcore
import httpx


class Deadline:
    """When the request being made on each thread must end (None: no bound)."""

    def __init__(self) -> None:
        self._local = threading.local()

    @property
    def until(self) -> float | None:
        return getattr(self._local, "until", None)

    @contextlib.contextmanager
    def bound(self, seconds: float | None) -> Iterator[None]:
        previous = self.until
        self._local.until = None if seconds is None else time.monotonic() + seconds
        try:
            yield
        finally:
            self._local.until = previous

    def extend_to(self, seconds: float | None) -> None:
        """Move the bound of the request under way to ``seconds`` from now."""
        self._local.until = None if seconds is None else time.monotonic() + seconds

    def passed(self) -> bool:
        until = self.until
        return until is not None and time.monotonic() >= until

    def cap(self, timeout: float | None, error: type[Exception]) -> float | None:
        """The wait a network call may take: its own timeout, but never past the bound."""
        until = self.until
        if until is None:
            return timeout
        left = until - time.monotonic()
        if left <= 0:
            raise error("the whole request took too long")
        return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner, self._deadline = inner, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.cap(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.cap(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> _Stream:
        wait = self._deadline.cap(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, wait), self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, deadline: Deadline) -> None:
        self._inner, self._deadline = httpcore.SyncBackend(), deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        wait = self._deadline.cap(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, wait, local_address, socket_options)
        return _Stream(stream, self._deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        wait = self._deadline.cap(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_unix_socket(path, wait, socket_options), self._deadline)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _Transport(httpx.HTTPTransport):
    """httpx's own transport, its connections made through the deadline-keeping backend."""

    def __init__(self, deadline: Deadline, verify: Any) -> None:
        super().__init__(verify=verify)
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)
        self._pool = httpcore.ConnectionPool(
            ssl_context=verify,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=5.0,
            network_backend=_Backend(deadline),
        )


class StoreClient(httpx.Client):
    """An httpx client whose requests are bounded as a whole (see ``Deadline``): by the
    caller's bound when it set one, else by ``whole_factor`` times the read timeout."""

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        verify: Any,
        whole_factor: float = 4,
        **options: Any,
    ) -> None:
        self.deadline = Deadline()
        self._whole_factor = whole_factor
        if transport is None and not _proxied():
            transport = _Transport(self.deadline, verify)
        super().__init__(transport=transport, verify=verify, **options)

    def send(self, request: httpx.Request, **options: Any) -> httpx.Response:
        if self.deadline.until is not None or self.timeout.read is None:
            return super().send(request, **options)
        with self.deadline.bound(self.timeout.read * self._whole_factor):
            try:
                return super().send(request, **options)
            except httpx.ReadTimeout as error:
                if not self.deadline.passed():
                    raise
                # Not silence but the whole bound: said as "took too long to answer".
                raise WholeRequestTimeout(str(error), request=request) from error


class WholeRequestTimeout(httpx.TimeoutException):
    """A request that went on past its whole-request bound, however steadily it sent."""


def _proxied() -> bool:
    """Whether the environment names a proxy (then httpx's own transports go through
    it, and the bound is kept between pieces only)."""
    return any(key in urllib.request.getproxies() for key in ("http", "https", "all"))
