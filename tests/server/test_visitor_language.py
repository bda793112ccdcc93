"""A Polish or Russian visitor meets no English word: every feed, page and error the
store serves, under a pseudo-translation that marks each message, leaves only names
(of issues, series, people), numbers and addresses unmarked."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from bookstore.citations.record import PUBLISHER
from bookstore.library.library import Library
from bookstore.server.app import create_app
from bookstore.server.config import ServerConfig
from bookstore.server.services import build_services
from bookstore.server.shop import payments
from tests.i18n.pseudo import english_words, unmarked, write_pseudo_catalogs

PAGES = [
    "/opds", "/opds/series", "/opds/topics", "/opds/languages", "/opds/new",
    "/opds/issues?page=1", "/opds/series/{series}", "/opds/opensearch.xml", "/opds/nothing",
    "/opds2", "/opds2/new", "/opds2/series", "/rss", "/rss/{series}",
    "/store", "/store/series/{series}", "/store/issues/{issue}", "/store/sign-in",
    "/store/register", "/store/search?q=security", "/store/issues/999999",
    "/api/account", "/opds/shelf",
]  # fmt: skip
NAMES = {"bookstore", "pism", "epub", "pdf", "opds", "rss", "atom", "json", "xml", "html",
         "utf", "pln", "http", "https", "www", "ris", "bib", "bibtex", "png"}  # fmt: skip


# JSON members that are for programs, not for readers.
FOR_PROGRAMS = {"rel", "type", "href", "@context", "identifier", "language", "currency",
                "templated", "conformsTo", "id", "code", "modified", "published"}  # fmt: skip


def _strings(value: object) -> list[str]:
    if dataclasses.is_dataclass(value):
        value = dataclasses.asdict(value)
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in FOR_PROGRAMS for s in _strings(v)]
    if isinstance(value, list | tuple | set | frozenset):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _readable(body: str, kind: str) -> str:
    """What a reader sees of an answer: text and attribute values, not markup or keys."""
    if "json" in kind:
        try:
            return " ".join(_strings(json.loads(body)))
        except ValueError:
            return body
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    values = " ".join(re.findall(r'(?:title|alt|placeholder|aria-label)="([^"]*)"', body))
    values += " ".join(re.findall(r'<meta name="description" content="([^"]*)"', body))
    return re.sub(r"<[^>]+>", " ", body) + " " + values


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_every_page_speaks_the_visitors_language(
    language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("BOOKSTORE_LOCALE_DIR", str(write_pseudo_catalogs(tmp_path / "locale")))
    with Library.open(tmp_path / "library") as library:
        issues = library.list_issues()
        data = (
            " ".join(_strings(issues))
            + " "
            + " ".join(s for series in library.series() for s in _strings(series))
        )
    config = ServerConfig(
        tmp_path / "library", f"sqlite:///{tmp_path}/store.sqlite", tmp_path / "cache"
    )
    # The seller is named as the publisher configured it, and a citation names the
    # publisher in the issue's own language, as the citation styles print it.
    data += " " + config.seller_name
    data += " " + " ".join(name for pair in PUBLISHER.values() for name in pair)
    allowed = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", data)} | NAMES
    services = build_services(config, provider=payments.TestProvider())
    english = english_words()
    found: dict[str, list[str]] = {}
    marked = 0
    try:
        with TestClient(create_app(services), headers={"Accept-Language": language}) as client:
            for page in PAGES:
                path = page.format(series=issues[0].series.slug, issue=issues[0].id)
                answer = client.get(path)
                marked += answer.text.count("⟪")
                text = unmarked(_readable(answer.text, answer.headers.get("content-type", "")))
                text = re.sub(r"\S*[/\\]\S*|\S+@\S+|urn:\S+|&\w+;", " ", text)
                words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)}
                leaks = sorted((words & english) - allowed)
                if leaks:
                    found[page] = leaks
    finally:
        services.close()
    assert marked > 100  # the pages were said through the pseudo-translation
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)
