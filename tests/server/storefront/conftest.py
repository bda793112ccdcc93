"""The storefront in-process (Starlette's TestClient) over a sample library and a
SQLite store, one per test module; each test that needs an account registers one."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from starlette.testclient import TestClient

from bookstore.library.library import Library
from bookstore.model import Issue
from bookstore.server.app import create_app
from bookstore.server.config import ServerConfig
from bookstore.server.db.schema import login_failure
from bookstore.server.services import Services, build_services
from bookstore.server.shop.payments import TestProvider
from tests.server.conftest import PASSWORD, PAYS

CSRF_FIELD = re.compile(r'name="csrf" value="([0-9a-f]+)"')


@dataclass
class Shop:
    services: Services
    provider: TestProvider
    app: object
    issues: list[Issue]

    def client(self, base_url: str = "http://testserver", **headers: str) -> TestClient:
        return TestClient(self.app, base_url=base_url, headers=headers, follow_redirects=False)

    def priced(self) -> list[Issue]:
        return [issue for issue in self.issues if not issue.is_free]

    def free(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.is_free]


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shop]:
    root = tmp_path_factory.mktemp("storefront")
    with Library.open(root / "library") as library:
        issues = library.list_issues()
    provider = TestProvider()
    services = build_services(
        ServerConfig(root / "library", f"sqlite:///{root}/store.sqlite", root / "cache"),
        provider=provider,
    )
    yield Shop(services, provider, create_app(services), issues)
    services.close()


@pytest.fixture
def browser(shop: Shop) -> Iterator[TestClient]:
    """A browser with no cookies yet."""
    with shop.client() as client:
        yield client
    with shop.services.engine.begin() as db:
        db.execute(login_failure.delete())  # one test's failed sign-ins never lock the next


def csrf(client: TestClient, path: str = "/store/sign-in") -> str:
    """The CSRF token of a page's forms (fetching the page sets its cookie)."""
    answer = client.get(path)
    found = CSRF_FIELD.search(answer.text)
    assert found, f"no form token on {path}"
    return found.group(1)


def post(client: TestClient, path: str, data: dict[str, str], page: str = "/store/sign-in"):
    return client.post(path, data={"csrf": csrf(client, page), **data})


def register(client: TestClient) -> str:
    """Create an account in this browser, which is then signed in; returns the e-mail."""
    email = f"reader-{uuid.uuid4().hex[:10]}@example.org"
    answer = post(client, "/store/register", {"email": email, "password": PASSWORD})
    assert answer.status_code == 303, answer.text
    return email


def buy(client: TestClient, issue_id: int, card: str = PAYS):
    """Buy one issue (Buy, then pay); the checkout's answer."""
    assert post(client, "/store/buy", {"issue_id": str(issue_id)}).status_code == 303
    page = client.get("/store/checkout")
    key = re.search(r'name="key" value="([^"]+)"', page.text).group(1)
    token = CSRF_FIELD.search(page.text).group(1)
    return client.post(
        "/store/checkout",
        data={"csrf": token, "key": key, "number": card, "expiry": "12/30", "cvc": "123"},
    )
