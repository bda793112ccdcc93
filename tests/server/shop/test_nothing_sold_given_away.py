"""No route gives a priced issue's text to anyone who does not own it (issue 17, point 1)."""

from __future__ import annotations

import html
import json

import httpx
import pytest

from bookstore.library.library import Library
from tests.server.conftest import bearer
from tests.server.crawl import crawl

# A slice this long of a paragraph found in an answer means the text was given away.
SLICE = 60


@pytest.fixture(scope="module")
def priced_text(server) -> dict[int, list[str]]:
    with Library.open(server.library) as library:
        issues = library.list_issues()
    found = {
        issue.id: [
            paragraph[:SLICE]
            for section in issue.sections
            for paragraph in section.paragraphs
            if len(paragraph) >= SLICE and paragraph[:SLICE] not in issue.lead
        ]
        for issue in issues
        if not issue.is_free
    }
    assert sum(map(len, found.values())) > 20, "the sample has priced issues with text"
    return found


def _words(priced: dict[int, list[str]]) -> list[str]:
    """A distinctive word from each priced issue's text, to search for."""
    return sorted({max(texts[0].split(), key=len) for texts in priced.values() if texts})


def _strings(answer: httpx.Response) -> str:
    kind = answer.headers.get("content-type", "")
    if "json" in kind:
        found: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, str):
                found.append(value)
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(json.loads(answer.content))
        return "\n".join(found)
    return html.unescape(answer.text)


def _every_route(client: httpx.Client, priced: dict[int, list[str]]) -> dict[str, httpx.Response]:
    answers = {**crawl(client, "/opds"), **crawl(client, "/opds2")}
    for word in _words(priced):
        for path, name in (("/opds/search", "q"), ("/opds2/search", "query")):
            answers[f"{path}?{name}={word}"] = client.get(path, params={name: word})
    for issue_id in priced:
        for path in (
            f"/opds/issues/{issue_id}",
            f"/opds2/publications/{issue_id}",
            f"/store/issues/{issue_id}",
            f"/files/{issue_id}.epub",
            f"/files/{issue_id}.pdf",
        ):
            answers[path] = client.get(path)
    for path in ("/rss", "/rss/spotlight", "/rss/policy-paper", "/opds/opensearch.xml", "/"):
        answers[path] = client.get(path)
    return answers


def _leaks(answers: dict[str, httpx.Response], priced: dict[int, list[str]]) -> list[str]:
    leaks = []
    for path, answer in answers.items():
        assert answer.status_code < 500, path
        if answer.headers.get("content-type", "").startswith(
            ("application/epub", "application/pdf")
        ):
            leaks.append(f"{path}: the file itself")
            continue
        body = _strings(answer)
        leaks += [
            f"{path}: issue {issue_id}"
            for issue_id, texts in priced.items()
            if any(text in body for text in texts)
        ]
    return leaks


def test_anonymous_reader_gets_no_priced_text_anywhere(client, priced_text):
    answers = _every_route(client, priced_text)
    assert len(answers) > 100
    assert _leaks(answers, priced_text) == []


def test_an_account_that_does_not_own_an_issue_gets_none_of_its_text(
    server, client, new_account, priced_text
):
    email, password = new_account()
    headers = bearer(client, email, password)
    some = next(iter(priced_text))
    assert client.post("/api/cart/items", json={"issue_id": some}, headers=headers).is_success
    with server.client(headers=headers) as signed_in:
        answers = _every_route(signed_in, priced_text)
        for path in ("/opds/shelf", "/opds2/shelf", "/api/cart", "/api/shelf", "/api/orders"):
            answers[path] = signed_in.get(path)
    assert _leaks(answers, priced_text) == []


def test_free_issues_keep_their_text_in_the_catalog(server, client):
    with Library.open(server.library) as library:
        free = next(
            issue
            for issue in library.list_issues()
            if issue.is_free and issue.sections and issue.sections[0].paragraphs
        )
    entry = client.get(f"/opds/issues/{free.id}")
    assert free.sections[0].paragraphs[0][:SLICE] in html.unescape(entry.text)
