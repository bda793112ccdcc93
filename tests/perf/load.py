"""A small HTTP/1.1 load generator on raw asyncio streams (keep-alive connections).

It reads ``Content-Length`` bodies only, which is what the store sends; a client
this thin leaves most of the machine's two cores to the server being measured.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LoadResult:
    requests: int
    seconds: float
    latencies: list[float]  # seconds, one per request
    bytes: int
    errors: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


async def _connection(host: str, port: int, targets, headers: str, stop: float, out: dict) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < stop:
            target = next(targets)
            started = time.perf_counter()
            writer.write(f"GET {target} HTTP/1.1\r\nHost: {host}\r\n{headers}\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            if length:
                await reader.readexactly(length)
            out["latencies"].append(time.perf_counter() - started)
            out["bytes"] += length
            if status not in (200, 206):
                out["errors"] += 1
    finally:
        writer.close()


async def _run(
    host: str,
    port: int,
    targets: Sequence[str],
    concurrency: int,
    seconds: float,
    headers: dict[str, str],
) -> LoadResult:
    cycle = itertools.cycle(targets)
    header_text = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    out: dict = {"latencies": [], "bytes": 0, "errors": 0}
    started = time.perf_counter()
    stop = started + seconds
    await asyncio.gather(
        *(_connection(host, port, cycle, header_text, stop, out) for _ in range(concurrency))
    )
    elapsed = time.perf_counter() - started
    return LoadResult(len(out["latencies"]), elapsed, out["latencies"], out["bytes"], out["errors"])


def load(
    host: str,
    port: int,
    targets: Sequence[str],
    *,
    concurrency: int = 16,
    seconds: float = 5.0,
    headers: dict[str, str] | None = None,
) -> LoadResult:
    """Send GETs for ``targets`` (in turn) over ``concurrency`` connections for ``seconds``."""
    try:
        import uvloop

        runner = uvloop.run
    except ImportError:  # pragma: no cover
        runner = asyncio.run
    return runner(_run(host, port, targets, concurrency, seconds, headers or {}))
