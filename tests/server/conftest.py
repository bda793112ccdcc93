"""A store server on loopback for end-to-end tests, on SQLite and on PostgreSQL.

Each database gets one server per test module (starting one costs a migration and
a library); tests that need a fresh account register one with ``new_account``.
"""

from __future__ import annotations

import itertools
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from bookstore.library.library import Library
from bookstore.server.app import create_app
from bookstore.server.config import ServerConfig
from bookstore.server.db.schema import login_failure
from bookstore.server.services import Services, build_services
from bookstore.server.shop.payments import TestProvider
from tests.server.postgres_cluster import create_database, free_port, throwaway_cluster
from tests.shared_folder import shared_path

PAGE_SIZE = 10  # the sample's 26 issues make three pages
PASSWORD = "correct horse battery"
# the test provider's cards, and a priced issue of the sample (Strategic File, 15.00 PLN)
PAYS, DECLINED, INSUFFICIENT = "4242 4242 4242 4242", "4000 0000 0000 0002", "4000 0000 0000 9995"
PRICED = 21
VALIDATOR = shared_path("tools", "validate-opds")


class Clock:
    """Time the server sees; tests move it forward to expire tokens and links."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@dataclass
class RunningServer:
    url: str
    services: Services
    clock: Clock
    provider: TestProvider
    library: Path
    database: str

    def client(self, **options) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **options)


_names = itertools.count()


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[str]:
    with throwaway_cluster() as url:
        yield url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('store')}/store.sqlite"
    cluster = request.getfixturevalue("postgres_cluster")
    return create_database(cluster, f"store_{next(_names)}_{uuid.uuid4().hex[:8]}")


@pytest.fixture(scope="module")
def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    library = tmp_path_factory.mktemp("library")
    Library.open(library).close()
    clock = Clock()
    provider = TestProvider()
    config = ServerConfig(
        library, database_url, tmp_path_factory.mktemp("cache"), page_size=PAGE_SIZE
    )
    services = build_services(config, provider=provider, clock=clock)
    port = free_port()
    uvicorn_server = uvicorn.Server(
        uvicorn.Config(create_app(services), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uvicorn_server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the store server did not start")
        time.sleep(0.02)
    try:
        yield RunningServer(
            f"http://127.0.0.1:{port}", services, clock, provider, library, database_url
        )
    finally:
        uvicorn_server.should_exit = True
        thread.join(timeout=30)
        services.close()


@pytest.fixture
def client(server: RunningServer) -> Iterator[httpx.Client]:
    with server.client() as opened:
        yield opened
    # Every test speaks from 127.0.0.1: one test's failed logins must not lock the next.
    with server.services.engine.begin() as db:
        db.execute(login_failure.delete())


@pytest.fixture
def new_account(server: RunningServer, client: httpx.Client):
    """Register a fresh account; returns (email, password)."""

    def register() -> tuple[str, str]:
        email = f"reader-{uuid.uuid4().hex[:10]}@example.org"
        answer = client.post("/api/accounts", json={"email": email, "password": PASSWORD})
        assert answer.status_code == 201, answer.text
        return email, PASSWORD

    return register


def bearer(client: httpx.Client, email: str, password: str = PASSWORD) -> dict[str, str]:
    answer = client.post("/api/tokens", json={"email": email, "password": password})
    assert answer.status_code == 201, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def assert_error(answer: httpx.Response, status: int, code: str | None = None) -> dict:
    """The answer is a JSON error with this status (and code) and a sentence."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    error = answer.json()["error"]
    assert error["status"] == status
    if code is not None:
        assert error["code"] == code
    assert error["message"].endswith((".", "?", "!")) and len(error["message"]) > 10
    assert "Traceback" not in answer.text
    return error


def validate(paths: list[Path]) -> str:
    """Run the shared OPDS validator on documents; returns its report, failing on errors."""
    import subprocess

    if not VALIDATOR.exists():
        pytest.skip("the OPDS validator lives in ../shared/tools")
    result = subprocess.run(
        [sys.executable, str(VALIDATOR), *map(str, paths)], capture_output=True, text=True
    )
    problems = [line for line in result.stdout.splitlines() if not line.endswith(": ok")]
    assert result.returncode == 0, "\n".join(problems) + result.stderr
    return result.stdout
