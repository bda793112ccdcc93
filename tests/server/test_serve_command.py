"""``bookstore serve`` as a user runs it: serves the sample library, logs one line
per request, stops cleanly on Ctrl+C, and names a bad database in one line."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx

from tests.server.postgres_cluster import free_port


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
    assert f"at http://127.0.0.1:{port}/opds " in output  # an address Thorium accepts
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


def _failed_start(tmp_path, *args: str) -> str:
    """Run ``bookstore serve ARGS``, which must fail at once; returns its stderr."""
    result = subprocess.run(
        _command("--library", str(tmp_path / "library"), "serve", *args),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("bookstore: ") and "ERROR" not in result.stderr
    return result.stderr


def test_start_up_problems_are_one_sentence(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        assert f"port {port}: another program is listening there" in _failed_start(
            tmp_path, "--port", port
        )
    assert "--host 999.1.1.1: not an address" in _failed_start(tmp_path, "--host", "999.1.1.1")
    # 192.0.2.1 is kept for documentation (RFC 5737): never this machine's.
    assert "not an address of this machine" in _failed_start(tmp_path, "--host", "192.0.2.1")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me")
    assert f"--cache {a_file}: this is a file, not a folder" in _failed_start(
        tmp_path, "--cache", str(a_file)
    )
    assert "cannot make the folder" in _failed_start(tmp_path, "--cache", f"{a_file}/cache")
    assert a_file.read_text() == "keep me"
