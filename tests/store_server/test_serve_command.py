"""``bookstore serve`` as a user runs it: serves the sample library, logs one line
per request, stops cleanly on Ctrl+C, and names a bad database in one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx

from tests.store_server.postgres_cluster import free_port


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "bookstore", *args]


def test_serve_logs_requests_and_stops_on_ctrl_c(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        _command(
            "--library",
            str(tmp_path / "library"),
            "serve",
            "--port",
            str(port),
            "--cache-size",
            "1G",
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/opds", timeout=5)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline, (
                    "the server did not start"
                )
                time.sleep(0.2)
        assert (
            answer.status_code == 200 and b"PISM Spotlight" in answer.content
        )  # the sample library
        httpx.get(f"http://127.0.0.1:{port}/no/such/page", timeout=5)
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert '"GET /opds HTTP/1.1" 200' in output
    assert '"GET /no/such/page HTTP/1.1" 404' in output
    assert "Traceback" not in output
    assert (tmp_path / "library" / "store.sqlite").exists()


def test_a_wrong_database_url_is_one_line(tmp_path):
    result = subprocess.run(
        _command(
            "--library", str(tmp_path / "library"), "serve", "--database", "mysql://x@localhost/db"
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "SQLite or PostgreSQL" in result.stderr and "Traceback" not in result.stderr
    unreachable = subprocess.run(
        _command(
            "--library",
            str(tmp_path / "library"),
            "serve",
            "--database",
            f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/store",
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert unreachable.returncode == 1
    assert "cannot open the store's database" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr
