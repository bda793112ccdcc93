"""Crafted answers of a hostile store, for the loopback server: bombs, floods and drips."""

from __future__ import annotations

import struct
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

from tests.store.loopback import LoopbackServer

MB = 1024 * 1024


def gzip_bomb(decoded_mb: int) -> bytes:
    """One gzip stream of ``decoded_mb`` MB of zeros, about 1 KB on the wire per MB.

    Made in no time: after a full flush the deflate state starts afresh, so every MB of
    zeros compresses to the same block, which is repeated; the trailer's CRC and size are
    those of the whole."""
    zeros = b"\0" * MB
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush()[:-8]
    header = first[: len(first) - len(block)]
    assert header + block == first  # the first block is the others' after the header
    crc = 0
    for _ in range(decoded_mb):
        crc = zlib.crc32(zeros, crc)
    trailer = struct.pack("<II", crc, (decoded_mb * MB) & 0xFFFFFFFF)
    return header + block * decoded_mb + end + trailer


def add_encoded(server: LoopbackServer, path: str, body: bytes, content_type: str) -> None:
    """Serve ``body`` as gzip Content-Encoding, though the client may have asked for none."""
    server.add(path, body, content_type, headers={"Content-Encoding": "gzip"})


def add_flood(
    server: LoopbackServer, path: str, head: bytes, total_mb: int, content_type: str
) -> None:
    """``head`` then filler up to ``total_mb`` MB, without a length (the connection closes
    at the end), so the client cannot refuse it from its headers."""
    filler = b" " * MB

    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        try:
            handler.wfile.write(head)
            for _ in range(total_mb):
                handler.wfile.write(filler)
        except OSError:
            pass  # the client hung up, as it should

    server.routes[path] = answer


def add_drip(
    server: LoopbackServer,
    path: str,
    body: bytes,
    content_type: str,
    every: float = 1.0,
    *,
    headers_too: bool = False,
) -> None:
    """Send ``body`` one byte every ``every`` seconds (the headers too, when asked), so
    the connection is never silent for long."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        head = (
            f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        handler.close_connection = True
        try:
            if not headers_too:
                handler.wfile.write(head)
                handler.wfile.flush()
            for byte in (head if headers_too else b"") + body:
                if server.stop.wait(every):
                    return
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
        except OSError:
            pass

    server.routes[path] = answer


@contextmanager
def peak_memory() -> Iterator[Callable[[], int]]:
    """The peak of Python's allocations (bytes) while the block runs."""
    tracemalloc.start()
    peak = {"bytes": 0}
    try:
        yield lambda: peak["bytes"]
    finally:
        peak["bytes"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


@contextmanager
def elapsed() -> Iterator[Callable[[], float]]:
    started = time.monotonic()
    ended = {"at": None}
    try:
        yield lambda: (ended["at"] or time.monotonic()) - started
    finally:
        ended["at"] = time.monotonic()
