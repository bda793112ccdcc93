"""Bounded requests on a real uvicorn with the store's options: the head's size (431),
slow and idle connections (408, closed), a cap on connections, and the access log and
absolute URLs that no client can steer (issue 17, points 4 and 7)."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import psutil
import pytest
import uvicorn

from bookstore.library.library import Library
from bookstore.server.access_log import HideSignatures
from bookstore.server.app import create_app
from bookstore.server.config import ServerConfig
from bookstore.server.protocol import MAX_HEAD, GuardedHttpToolsProtocol
from bookstore.server.run import uvicorn_options
from bookstore.server.services import build_services
from tests.server.postgres_cluster import free_port

TIMEOUT = 1.5
CAP = 12


class _QuickProtocol(GuardedHttpToolsProtocol):
    request_timeout = TIMEOUT
    max_connections = CAP


@dataclass
class Bounded:
    port: int

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=10)


@pytest.fixture(scope="module")
def bounded(tmp_path_factory) -> Iterator[Bounded]:
    library = tmp_path_factory.mktemp("library")
    Library.open(library).close()
    services = build_services(ServerConfig(library, "", tmp_path_factory.mktemp("cache")))
    options = {**uvicorn_options(access_log=False), "http": _QuickProtocol, "log_config": None}
    options["log_level"] = "warning"
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(services), port=port, **options))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.02)
    yield Bounded(port)
    server.should_exit = True
    thread.join(timeout=30)
    services.close()


def _answer(connection: socket.socket, limit: float = 10) -> bytes:
    connection.settimeout(limit)
    received = b""
    try:
        while chunk := connection.recv(65536):
            received += chunk
    except (ConnectionResetError, TimeoutError):
        pass
    return received


def test_a_normal_head_is_served_and_a_large_one_refused(bounded):
    url = f"http://127.0.0.1:{bounded.port}/opds"
    assert httpx.get(url, headers={"X-Note": "n" * (MAX_HEAD // 2)}).status_code == 200
    refused = httpx.get(url, headers={"X-Note": "n" * (MAX_HEAD + 1)})
    assert refused.status_code == 431
    assert refused.json()["error"]["code"] == "headers_too_large"


def test_64_mib_of_headers_get_an_error_and_memory_stays_bounded(bounded):
    before = psutil.Process().memory_info().rss
    with bounded.connect() as connection:
        connection.sendall(b"GET /opds HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        line = b"X-Padding: " + b"p" * 1000 + b"\r\n"
        sent = 0
        try:
            while sent < 64 * 1024 * 1024:
                connection.sendall(line * 64)
                sent += len(line) * 64
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = _answer(connection)
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:100]
    assert sent < 8 * 1024 * 1024, "the server read on long after the limit"
    assert psutil.Process().memory_info().rss - before < 32 * 1024 * 1024


def test_idle_and_slow_connections_are_closed(bounded):
    started = time.monotonic()
    with bounded.connect() as idle:
        assert _answer(idle).startswith(b"HTTP/1.1 408 ")
    assert TIMEOUT <= time.monotonic() - started < TIMEOUT + 3
    started = time.monotonic()
    with bounded.connect() as slow:
        slow.sendall(b"GET /opds HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        try:
            for _ in range(40):  # a header byte now and then, never the end of the head
                slow.sendall(b"X")
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            pass
        assert b"408" in _answer(slow)[:20]
    assert time.monotonic() - started < TIMEOUT + 3
    with httpx.Client(base_url=f"http://127.0.0.1:{bounded.port}") as kept:
        assert kept.get("/opds").status_code == 200
        time.sleep(TIMEOUT + 0.5)  # between requests the keep-alive timeout applies
        assert kept.get("/opds").status_code == 200


def test_connections_past_the_cap_are_closed_at_once(bounded):
    opened = [bounded.connect() for _ in range(CAP + 5)]
    try:
        for connection in opened:
            connection.setblocking(False)
        closed: set[int] = set()  # closed at once, without a word (not timed out: 408)
        answered: set[int] = set()
        deadline = time.monotonic() + 5
        while len(closed) < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
            for number, connection in enumerate(opened):
                with contextlib.suppress(BlockingIOError):
                    received = connection.recv(4096)
                    (answered if received else closed).add(number)
        closed -= answered
        assert len(closed) >= 5
    finally:
        for connection in opened:
            connection.close()
    time.sleep(0.3)
    assert httpx.get(f"http://127.0.0.1:{bounded.port}/opds").status_code == 200


def test_the_host_header_is_not_put_into_absolute_urls(bounded):
    url = f"http://127.0.0.1:{bounded.port}"
    for path in ("/rss", "/opds/opensearch.xml", "/opds/authentication"):
        answer = httpx.get(url + path, headers={"Host": "attacker.example"})
        assert answer.status_code == 200, path
        assert "attacker.example" not in answer.text, path
        assert url in answer.text, path


def test_the_access_log_leaves_signatures_out():
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        (
            "127.0.0.1:5000",
            "GET",
            "/files/21.epub?account=3&expires=99&signature=abc123",
            "1.1",
            200,
        ),
        None,
    )
    assert HideSignatures().filter(record)
    logged = record.getMessage()
    assert "abc123" not in logged and "signature=[hidden]" in logged and "account=3" in logged
