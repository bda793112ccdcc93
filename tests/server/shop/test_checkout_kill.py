"""A checkout cut off by kill -9 in the middle of a (slow) payment: its retry with the
same key completes or fails cleanly, and a restart settles what was left pending
(issue 17, point 3)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx

from bookstore.library.library import Library
from tests.server.conftest import PASSWORD, PAYS, PRICED
from tests.server.postgres_cluster import free_port

LEASE = 15  # longer than a restart takes on a busy machine
DELAY = 3.0
_SERVE = """
import sys
from pathlib import Path
from bookstore.server.config import ServerConfig
from bookstore.server.run import serve
config = ServerConfig(Path(sys.argv[1]), checkout_lease={lease}, test_payment_delay={delay})
sys.exit(serve(config, "127.0.0.1", int(sys.argv[2]), access_log=False))
"""


def _start(library: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVE.format(lease=LEASE, delay=DELAY), str(library), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            if httpx.get(f"http://127.0.0.1:{port}/opds", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the store server did not start")


def _kill(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return process.stderr.read().decode()


def _stop(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)
    return process.stderr.read().decode()


def _checkout(url: str, headers: dict, key: str) -> httpx.Response:
    return httpx.post(
        f"{url}/api/checkout",
        json={"card": {"number": PAYS}},
        headers={**headers, "Idempotency-Key": key},
        timeout=30,
    )


def _pending_orders(library: Path) -> int:
    with sqlite3.connect(library / "store.sqlite") as db:
        return db.execute(
            "SELECT count(*) FROM purchase_order WHERE status = 'pending'"
        ).fetchone()[0]


def _cut_off_checkout(
    url: str, headers: dict, process: subprocess.Popen, key: str, library: Path
) -> str:
    """Start a checkout and kill the server while the provider is being asked."""
    failures = []

    def attempt() -> None:
        try:
            _checkout(url, headers, key)
        except httpx.TransportError as error:
            failures.append(error)

    thread = threading.Thread(target=attempt)
    thread.start()
    deadline = time.monotonic() + 30
    while _pending_orders(library) == 0:  # the order is made: the provider is being asked
        assert time.monotonic() < deadline, "the checkout never reached the provider"
        time.sleep(0.05)
    time.sleep(DELAY / 4)
    err = _kill(process)
    thread.join(timeout=30)
    assert failures, "the checkout was answered before the kill"
    return err


def test_a_killed_checkout_is_completed_by_its_retry_or_settled_at_start(tmp_path):
    library = tmp_path / "library"
    Library.open(library).close()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = _start(library, port)
    email = f"kill-{uuid.uuid4().hex[:8]}@example.org"
    assert httpx.post(f"{url}/api/accounts", json={"email": email, "password": PASSWORD}).is_success
    token = httpx.post(f"{url}/api/tokens", json={"email": email, "password": PASSWORD}).json()
    headers = {"Authorization": f"Bearer {token['token']}"}
    httpx.post(f"{url}/api/cart/items", json={"issue_id": PRICED}, headers=headers)

    # Restarted at once: the retry waits out the lease, then completes the payment.
    key = uuid.uuid4().hex
    _cut_off_checkout(url, headers, process, key, library)
    process = _start(library, port)
    waiting = _checkout(url, headers, key)
    assert waiting.status_code == 409 and int(waiting.headers["retry-after"]) <= LEASE
    time.sleep(int(waiting.headers["retry-after"]) + 1)
    done = _checkout(url, headers, key)
    assert done.status_code == 201, done.text
    assert done.json()["order"]["status"] == "paid"
    assert _checkout(url, headers, key).json() == done.json()

    # Restarted after the lease: the start settles the order (never charged).
    httpx.post(f"{url}/api/cart/items", json={"issue_id": PRICED + 3}, headers=headers)
    key = uuid.uuid4().hex
    _cut_off_checkout(url, headers, process, key, library)
    time.sleep(LEASE + 0.5)
    process = _start(library, port)
    try:
        failed = _checkout(url, headers, key)
        assert failed.status_code == 402, failed.text
        assert failed.json()["error"]["code"] == "checkout_interrupted"
        assert failed.json()["order"]["status"] == "interrupted"
        paid = _checkout(url, headers, uuid.uuid4().hex)
        assert paid.status_code == 201, paid.text
        orders = httpx.get(f"{url}/api/orders", headers=headers).json()["orders"]
        assert sorted(o["status"] for o in orders) == ["interrupted", "paid", "paid"]
    finally:
        err = _stop(process)
    assert "settled 1 checkout" in err
    with sqlite3.connect(library / "store.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
