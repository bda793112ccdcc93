"""A small HTTP server on 127.0.0.1 for the store tests: fixed answers per path, and
misbehaviour on demand (stalling, closing mid-file, ignoring Range)."""

from __future__ import annotations

import base64
import hashlib
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


@dataclass
class LoopbackServer:
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    errors: list[BaseException | None] = field(default_factory=list)

    def start(self) -> LoopbackServer:
        server = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # no 40 ms delayed-ACK stall per answer

            def log_message(self, *args: object) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                server.requests.append(
                    Recorded(self.command, self.path, dict(self.headers.items()), body)
                )
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "9")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                route(self)

            do_GET = do_POST = do_DELETE = _handle

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                # A client that hangs up mid-answer (the tests' stalls, cancels and
                # closed keep-alive connections) is expected; keep it off stderr.
                server.errors.append(sys.exc_info()[1])

        self._server = Server(("127.0.0.1", 0), RequestHandler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    # Answers

    def add(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "application/atom+xml;profile=opds-catalog",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body

        def answer(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(status)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(data)

        self.routes[path] = answer

    def add_file(
        self,
        path: str,
        data: bytes,
        content_type: str = "application/epub+zip",
        *,
        digest: str | None = "right",
        ranges: bool = True,
        fail_after: int | None = None,
        stall_after: int | None = None,
        failures: int = 1,
    ) -> None:
        """Serve ``data`` with ETag and Repr-Digest; the first ``failures`` answers may
        close the connection (``fail_after`` bytes) or stall (``stall_after`` bytes)."""
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        real = base64.b64encode(hashlib.sha256(data).digest()).decode()
        announced = {"right": real, "wrong": base64.b64encode(b"x" * 32).decode(), None: None}[
            digest
        ]
        state = {"answers": 0}

        def answer(handler: BaseHTTPRequestHandler) -> None:
            state["answers"] += 1
            misbehave = state["answers"] <= failures
            start = 0
            wanted = handler.headers.get("Range", "")
            if (
                ranges
                and wanted.startswith("bytes=")
                and handler.headers.get("If-Range", etag) == etag
            ):
                start = int(wanted[6:].split("-")[0])
            part = data[start:]
            handler.send_response(206 if start else 200)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(part)))
            handler.send_header("ETag", etag)
            if ranges:
                handler.send_header("Accept-Ranges", "bytes")
            if start:
                handler.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            if announced:
                handler.send_header("Repr-Digest", f"sha-256=:{announced}:")
            handler.end_headers()
            if misbehave and fail_after is not None:
                handler.wfile.write(part[:fail_after])
                handler.wfile.flush()
                handler.close_connection = True
                return
            if misbehave and stall_after is not None:
                handler.wfile.write(part[:stall_after])
                handler.wfile.flush()
                self.stop.wait(10)
                handler.close_connection = True
                return
            handler.wfile.write(part)

        self.routes[path] = answer

    def add_redirect(self, path: str, target: str, status: int = 302) -> None:
        def answer(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(status)
            handler.send_header("Location", target)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        self.routes[path] = answer

    def add_stall(self, path: str, seconds: float = 10) -> None:
        """Accept the request and send nothing."""

        def answer(handler: BaseHTTPRequestHandler) -> None:
            self.stop.wait(seconds)
            handler.close_connection = True

        self.routes[path] = answer


def wait_until(predicate: Callable[[], bool], seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()
