"""The reader's whole story against ``bookstore serve`` on loopback: browse, search, get a
free issue, buy (declined, then paid), read, restore on an empty library, sign out, and a
series' feed showing its new issue."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from bookstore.cli.main import main
from bookstore.library.library import Library
from bookstore.payment_card import Card
from bookstore.store.download import download
from bookstore.store.errors import AccountError, DownloadError, RestoreIncomplete, SignInRequired
from bookstore.store.feeds.subscriptions import FeedReader
from bookstore.store.session import StoreSession, receipts_folder
from bookstore.store.store_api import PaymentFailed
from tests.store.served import bookstore_serve

PAYS, DECLINED = "4242 4242 4242 4242", "4000 0000 0000 0002"
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with bookstore_serve(tmp_path_factory.mktemp("serve")) as running:
        yield running


def _first(session: StoreSession, path: str, free: bool):
    feed = session.catalog.open(session.origin + path)
    return next(e for e in feed.publications if e.is_free == free)


def test_browse_search_and_both_catalog_formats(store):
    base, _ = store
    with StoreSession(base + "/opds") as session:
        root = session.catalog.open(base + "/opds")
        assert {"PISM Spotlight", "Policy Paper", "Newest"} <= {
            e.title for e in root.navigation_entries
        }
        assert root.warnings == ()
        issues = session.catalog.open(base + "/opds/issues")
        assert issues.total_results == 26 and issues.items_per_page == 30
        everything = [
            e for page in session.catalog.pages(base + "/opds/issues") for e in page.publications
        ]
        assert len(everything) == 26 and len({e.id for e in everything}) == 26
        priced = [e for e in everything if e.price is not None]
        assert priced and all(e.price.currency == "PLN" for e in priced)
        assert all(e.cover for e in everything)
        results = session.catalog.search(root, "Aachen")
        assert {e.title for e in results.publications} == {
            "The Aachen Treaty: A New Chapter in Franco-German Cooperation?"
        }
        json_root = session.catalog.open(base + "/opds2")
        assert json_root.warnings == () and json_root.navigation_entries


def test_the_whole_story(store, tmp_path):
    base, _ = store
    url = base + "/opds"
    first = Library.open(tmp_path / "first", with_sample=False)
    with StoreSession(url, downloads=tmp_path / "dl") as session:
        with pytest.raises(AccountError, match="sign in to"):
            session.restore(first)
        session.register("reader@example.org", PASSWORD, "Ewa Reader")
        assert session.signed_in_as == "reader@example.org"
        free = _first(session, "/opds/new", free=True)
        got = session.get_free(first, free)
        priced = _first(session, "/opds/new", free=False)
        priced_id = session.issue_id(priced.id)
        with pytest.raises(PaymentFailed) as declined:
            session.buy(first, [priced_id], Card(DECLINED))
        assert declined.value.order is not None and declined.value.order.status == "declined"
        assert first.count() == 1  # only the free issue
        assert [i.issue_id for i in session.api.cart().items] == [priced_id]  # still waiting
        purchase = session.buy(first, [priced_id], Card(PAYS, "12/30", "123"))
        assert purchase.order.paid and purchase.order.provider == "test"
        assert purchase.receipt is not None and purchase.receipt.read_bytes()[:5] == b"%PDF-"
        assert purchase.receipt.parent == receipts_folder(first)
        assert not purchase.receipt.is_relative_to(first.root)
        assert session.api.cart().items == ()
    bought = first.get(purchase.acquired[0].issue_id)
    assert bought.owned and bought.title == priced.title and bought.price == priced.price
    assert bought.sections, "the EPUB's text is there to read"
    assert [f.kind for f in bought.files] == ["epub"]
    free_issue = first.get(got.issue_id)
    assert free_issue.owned and free_issue.sections
    first.close()

    second = Library.open(tmp_path / "second", with_sample=False)
    with StoreSession(url, downloads=tmp_path / "dl") as session:
        restored = session.restore(second)
        titles = {second.get(a.issue_id).title for a in restored}
        assert priced.title in titles
        assert free.title in titles, "a free issue got while signed in is restored too"
        issues = [second.get(a.issue_id) for a in restored]
        restored_priced = next(i for i in issues if i.title == priced.title)
        assert restored_priced.series.price == priced.price, "the new series has its price"
        again = session.restore(second)
        assert second.count() == len(restored) and all(not a.created for a in again)
        assert session.sign_out() == "reader@example.org"
        with pytest.raises(AccountError):
            session.restore(second)
    with httpx.Client() as client, pytest.raises(SignInRequired):
        response = client.get(base + "/api/shelf")
        from bookstore.store.http import check_status

        check_status(response)
    second.close()


def test_an_interrupted_download_resumes_and_is_checked(store, tmp_path):
    base, _ = store
    transport = _DropOnce(after=10_000)
    with httpx.Client(transport=transport, timeout=10) as client:
        with pytest.raises(DownloadError, match="continues from there"):
            download(client, base + "/files/1.epub", tmp_path)
        result = download(client, base + "/files/1.epub", tmp_path)
    assert result.resumed_from == 10_000
    assert transport.requests[-1].headers["range"] == "bytes=10000-"
    whole = httpx.get(base + "/files/1.epub").content
    assert result.path.read_bytes() == whole


def test_the_shell(store, tmp_path, capsys):
    base, _ = store
    url = base + "/opds"
    library = ["--library", str(tmp_path / "shell")]
    Library.open(tmp_path / "shell", with_sample=False).close()

    def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            import io
            import sys

            sys.stdin = io.StringIO(stdin)
        try:
            code = main([*library, *argv])
        finally:
            import sys

            sys.stdin = sys.__stdin__
        out = capsys.readouterr()
        return code, out.out, out.err

    code, out, _ = run("store", "browse", base + "/opds/new", "--json")
    page = json.loads(out)
    priced = next(e for e in page["entries"] if e["price"])
    free = next(e for e in page["entries"] if e["free"])
    code, out, err = run("store", "buy", url, priced["id"], "--card", PAYS)
    assert code == 1 and "sign in to" in err
    assert (
        run("store", "register", url, "--user", "shell@example.org", stdin=PASSWORD + "\n")[0] == 0
    )
    assert run("store", "logout", url)[0] == 0
    assert (
        run("store", "login", url, "--user", "shell@example.org", stdin="wrong password\n")[0] == 1
    )
    assert run("store", "login", url, "--user", "shell@example.org", stdin=PASSWORD + "\n")[0] == 0
    code, out, err = run("store", "get", url, free["id"], "--json")
    assert code == 0 and json.loads(out)[0]["file"]["kind"] == "epub"
    code, out, err = run("store", "buy", url, priced["id"], "--card", DECLINED)
    assert code == 1 and "declined" in err.lower() and err.count("\n") == 1
    code, out, err = run("store", "buy", url, priced["id"], "--card", PAYS, "--json")
    assert code == 0
    bought = json.loads(out)
    assert bought["order"]["status"] == "paid" and bought["receipt"].endswith(".pdf")
    code, out, _ = run("show", str(bought["issues"][0]["id"]), "--json")
    shown = json.loads(out)
    assert shown["owned"] and shown["sections"], "bought, downloaded and readable"
    code, out, err = run("store", "get", url, priced["id"], "--json")
    assert code == 0, err  # already the account's: get downloads it, as buy would
    assert [g["id"] for g in json.loads(out)] == [bought["issues"][0]["id"]]
    code, out, _ = run("store", "restore", url, "--json")
    assert code == 0 and {r["status"] for r in json.loads(out)} == {"updated"}
    new_machine = str(tmp_path / "new-machine")
    assert main(["--library", new_machine, "store", "restore", url, "--json"]) == 0
    restored = json.loads(capsys.readouterr().out)
    assert {r["status"] for r in restored} == {"added"} and len(restored) == 2  # bought + free
    assert main(["--library", new_machine, "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2  # only what the account owns
    assert run("store", "logout", url)[0] == 0
    code, _, err = run("store", "get", url, priced["id"])
    assert code == 1 and "buy it first" in err and "sign in" in err


def test_a_series_feed_shows_its_new_issue(store, tmp_path):
    base, served = store
    reader_library = Library.open(tmp_path / "reader", with_sample=False)
    with FeedReader(reader_library, timeout=10, downloads=tmp_path / "dl") as reader:
        report = reader.subscribe(base + "/rss/spotlight", download_free=True)
        assert report.new and len(report.downloaded) == len(report.new)
        before = {i.guid for i in report.new}
        # The publisher adds a new Spotlight issue to the served library.
        with Library.open(served) as publisher:
            newest = publisher.list_issues(series="spotlight")[0]
            from dataclasses import replace

            publisher.save(
                replace(
                    newest,
                    id=None,
                    number=newest.number + 1,
                    title="A New Spotlight on Feeds",
                    source_url=None,
                    owned=False,
                )
            )
        time.sleep(1.2)  # the server looks for a changed library at most once a second
        again = reader.refresh(report.subscription)
    assert [i.title for i in again.new] == ["A New Spotlight on Feeds"]
    assert again.new[0].guid not in before
    issue = reader_library.get(again.new[0].issue_id)
    assert issue.owned and issue.series.slug == "spotlight" and issue.number == newest.number + 1
    assert again.subscription.unread == len(before) + 1
    reader_library.close()


class _DropOnce(httpx.HTTPTransport):
    """Closes the first answer's connection after ``after`` bytes, as a failing network would."""

    def __init__(self, after: int) -> None:
        super().__init__()
        self.after, self.dropped = after, False
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response = super().handle_request(request)
        if self.dropped:
            return response
        self.dropped = True
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_Truncated(response.stream, self.after),
            extensions=response.extensions,
        )


class _Truncated(httpx.SyncByteStream):
    def __init__(self, stream, limit: int) -> None:
        self.stream, self.limit = stream, limit

    def __iter__(self):
        sent = 0
        for chunk in self.stream:
            if sent + len(chunk) >= self.limit:
                yield chunk[: self.limit - sent]
                raise httpx.RemoteProtocolError(
                    "peer closed connection without sending complete message body"
                )
            sent += len(chunk)
            yield chunk

    def close(self) -> None:
        self.stream.close()


def test_restore_goes_on_past_an_issue_it_cannot_download(store, tmp_path, monkeypatch):
    base, _ = store
    library = Library.open(tmp_path / "library", with_sample=False)
    with StoreSession(base + "/opds", downloads=tmp_path / "dl") as session:
        session.register("keeper@example.org", PASSWORD, "Ola Keeper")
        feed = session.catalog.open(base + "/opds/new")
        free = [entry for entry in feed.publications if entry.is_free][:3]
        for entry in free:
            session.get_free(library, entry)
        shelf = session.api.shelf()
        assert len(shelf) == 3
        broken = shelf[1].title
        real = session.download_owned

        def failing(library, owned, job=None):
            if owned.title == broken:
                raise DownloadError(f"{base}: the connection was reset while downloading")
            return real(library, owned, job)

        monkeypatch.setattr(session, "download_owned", failing)
        fresh = Library.open(tmp_path / "fresh", with_sample=False)
        with pytest.raises(RestoreIncomplete) as incomplete:
            session.restore(fresh)
    assert len(incomplete.value.restored) == 2 and fresh.count() == 2
    assert f"“{broken}”" in str(incomplete.value) and "1 of the 3 issues" in str(incomplete.value)
    assert broken not in {fresh.get(a.issue_id).title for a in incomplete.value.restored}
