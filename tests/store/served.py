"""``bookstore serve`` on loopback, as a reader meets it: a real process on the sample library."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from bookstore.library.library import Library


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def bookstore_serve(folder: Path) -> Iterator[tuple[str, Path]]:
    """Start ``bookstore serve`` on a new sample library; yields (base URL, library)."""
    library = folder / "served-library"
    Library.open(library).close()
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bookstore",
            "serve",
            "--library",
            str(library),
            "--port",
            str(port),
            "--no-access-log",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/opds", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                error = (
                    process.stderr.read().decode()
                    if process.stderr and process.poll() is not None
                    else ""
                )
                raise RuntimeError(f"bookstore serve did not start: {error[-2000:]}")
            time.sleep(0.1)
        yield base, library
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
