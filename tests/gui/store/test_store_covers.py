"""The Store view's covers are decoded on a worker thread, read at the size they are
shown, and an image past the byte or pixel budget is left out."""

from __future__ import annotations

import struct
import threading
import time
import zlib

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from bookstore.gui.store import tasks
from bookstore.gui.store.cover_images import COVER_BOX, MAX_IMAGE_BYTES, decode_cover
from bookstore.jobs import Job


def _jpeg(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 80)
    return bytes(buffer.data())


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1024))
        + chunk(b"IEND", b"")
    )


def test_a_large_cover_is_read_at_the_size_shown(qapp):
    image = decode_cover(_jpeg(2400, 3600))
    assert image is not None
    assert image.width() <= COVER_BOX.width() and image.height() <= COVER_BOX.height()
    assert image.sizeInBytes() <= COVER_BOX.width() * COVER_BOX.height() * 4


def test_an_image_past_the_budgets_is_never_decoded(qapp):
    started = time.monotonic()
    assert decode_cover(_png_claiming(40_000, 40_000)) is None  # 1.6 gigapixels
    assert time.monotonic() - started < 1
    assert decode_cover(b"\xff\xd8" + b"\0" * (MAX_IMAGE_BYTES + 1)) is None
    assert decode_cover(b"<html>not an image</html>") is None


def test_covers_are_fetched_and_decoded_off_the_gui_thread(qapp, server):
    big = _jpeg(2000, 3000)
    for number in range(12):
        server.add(f"/covers/{number}.jpg", big, "image/jpeg")
    server.add("/covers/bomb.png", _png_claiming(40_000, 40_000), "image/png")
    server.add("/covers/huge.jpg", b"\xff\xd8" + b"\0" * (MAX_IMAGE_BYTES + 10), "image/jpeg")
    addresses = [server.url(f"/covers/{n}.jpg") for n in range(12)]
    addresses += [server.url("/covers/bomb.png"), server.url("/covers/huge.jpg")]
    result: dict = {}

    def work() -> None:
        result["images"] = tasks.fetch_images(server.url("/opds"), addresses)(Job())
        result["thread"] = threading.current_thread()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    images = result["images"]
    assert result["thread"] is not threading.main_thread()
    assert sorted(images) == sorted(addresses[:12])
    for image in images.values():
        assert isinstance(image, QImage)
        assert image.width() <= COVER_BOX.width() and image.height() <= COVER_BOX.height()
    decoded = sum(image.sizeInBytes() for image in images.values())
    assert decoded <= 12 * COVER_BOX.width() * COVER_BOX.height() * 4  # not 12 x 24 MB


DECODE_TWELVE = """
import resource, sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from bookstore.gui.store.cover_images import decode_cover
app = QGuiApplication([])
files = [path.read_bytes() for path in sorted(Path(sys.argv[1]).glob("*.jpg"))]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
images = [decode_cover(data) for data in files]
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len([i for i in images if i is not None]), (after - before) // 1024)
"""


def test_twelve_large_covers_cost_little_memory(qapp, tmp_path):
    """Twelve 2000 x 3000 covers would be 288 MB decoded whole; read scaled, the peak
    of the decoding process grows by a few MB."""
    import os
    import subprocess
    import sys

    folder = tmp_path / "covers"
    folder.mkdir()
    data = _jpeg(2000, 3000)
    for number in range(12):
        (folder / f"{number:02}.jpg").write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-c", DECODE_TWELVE, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    decoded, grown_mb = map(int, done.stdout.split())
    assert decoded == 12 and grown_mb < 48
