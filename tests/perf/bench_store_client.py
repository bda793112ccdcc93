"""Store client benchmarks: showing a 50-entry catalog page with its covers in the window,
and the download rate from a loopback server.

    python3 -m tests.perf.bench_store_client

Prints JSON: medians (and all runs) of
- the time from asking for a 50-entry OPDS page until the window shows it with all 50
  thumbnails (the Store view, offscreen Qt, cold cover cache each run), and the same
  work without Qt (fetch and parse the page, fetch the 50 thumbnails);
- the download rate of a 256 MB file from a loopback HTTP server into the downloads
  folder, SHA-256 checked (what ``bookstore store get`` does before the library takes it).
Targets: a page in under 0.5 s; downloads at 100 MB/s or more.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 7
ENTRIES = 50
DOWNLOAD_MB = 256


def _thumbnail(number: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (128, 192), (20 + number * 4 % 200, 60, 110))
    ImageDraw.Draw(image).text((10, 10), f"no. {number}", fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _feed(server) -> str:
    entries = "".join(
        f"<entry><title>Issue {n}: a brief on energy security</title><id>urn:x:{n}</id>"
        f"<updated>2026-01-01T00:00:00Z</updated><author><name>Author {n}</name></author>"
        f"<summary>Lead of issue {n}. " + "Text of the summary. " * 10 + "</summary>"
        f'<link rel="http://opds-spec.org/acquisition/buy" type="application/epub+zip" href="/buy/{n}">'
        f'<opds:price currencycode="PLN">20.00</opds:price></link>'
        f'<link rel="http://opds-spec.org/image/thumbnail" type="image/png" href="/thumbs/{n}.png"/></entry>'
        for n in range(ENTRIES)
    )
    return (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:opds="http://opds-spec.org/2010/catalog"><id>urn:bench</id><title>Bench</title>'
        f"<updated>2026-01-01T00:00:00Z</updated>{entries}</feed>"
    )


def _serve_catalog():
    from tests.store.loopback import LoopbackServer

    server = LoopbackServer().start()
    server.add("/opds", _feed(server))
    for n in range(ENTRIES):
        server.add(f"/thumbs/{n}.png", _thumbnail(n), "image/png")
    return server


def bench_page_core(url: str) -> list[float]:
    from bookstore.gui.store import tasks
    from bookstore.jobs import Job

    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        feed = tasks.open_page(url)(Job())
        found = tasks.fetch_images(url, [e.thumbnail for e in feed.publications])(Job())
        times.append(time.perf_counter() - started)
        assert len(found) == ENTRIES
    return times


def bench_page_window(url: str, folder: Path) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from bookstore.gui.app import application, build_context, view_factories
    from bookstore.gui.main_window.main_window import MainWindow
    from bookstore.gui.settings import Settings
    from bookstore.library.library import Library

    app = application(["bench"])
    library = Library.open(folder / "library", with_sample=False)
    context = build_context(app, library, Settings.at(folder / "settings.ini"))
    window = MainWindow(context, view_factories())
    window.load()
    window.resize(1280, 800)
    window.show()
    view = window.views["store"]
    window.show_view("store")
    view.url = url
    times = []
    for _ in range(RUNS):
        view.images.clear()
        view.feed = None
        started = time.perf_counter()
        view.open_page(url)
        while not (view.feed is not None and len(view.images) == ENTRIES):
            QApplication.processEvents()
            time.sleep(0.001)
        QApplication.processEvents()  # the icons are painted
        times.append(time.perf_counter() - started)
        assert view.catalog.entries.count() == ENTRIES
    context.workers.wait(10000)
    window.close()
    library.close()
    return times


def bench_download(folder: Path) -> list[float]:
    from bookstore.store.download import download
    from bookstore.store.http import new_client
    from tests.store.loopback import LoopbackServer

    data = os.urandom(DOWNLOAD_MB * 1024 * 1024)
    server = LoopbackServer().start()
    server.add_file("/big.epub", data)
    rates = []
    try:
        with new_client(timeout=30) as client:
            for _ in range(max(3, RUNS // 2)):
                started = time.perf_counter()
                result = download(client, server.url("/big.epub"), folder)
                seconds = time.perf_counter() - started
                assert result.size == len(data)
                result.discard()
                rates.append(len(data) / seconds / 1e6)
    finally:
        server.close()
    return rates


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
        os.environ["XDG_CACHE_HOME"] = str(folder / "cache")
        server = _serve_catalog()
        try:
            url = server.url("/opds")
            core = bench_page_core(url)
            window = bench_page_window(url, folder)
        finally:
            server.close()
        rates = bench_download(folder / "downloads")
    report = {
        "catalog_page_50_entries_with_covers_window_s": {
            "median": round(statistics.median(window), 3),
            "runs": [round(t, 3) for t in window],
            "goal": "< 0.5",
        },
        "catalog_page_50_entries_with_covers_core_s": {
            "median": round(statistics.median(core), 3),
            "runs": [round(t, 3) for t in core],
        },
        "download_MB_per_s": {
            "median": round(statistics.median(rates), 1),
            "runs": [round(r, 1) for r in rates],
            "size_MB": DOWNLOAD_MB * 1.048576,
            "goal": ">= 100",
        },
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
