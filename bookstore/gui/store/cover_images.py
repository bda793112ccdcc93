"""A store's cover images made small on a worker thread: read scaled
(``QImageReader.setScaledSize``, so a large JPEG is decoded at the size shown), within a
byte and a pixel budget, so twelve huge covers cost neither memory nor the GUI thread.

QImage (unlike QPixmap) may be made off the GUI thread; the view turns the small images
into pixmaps when they arrive.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

COVER_BOX = QSize(400, 600)  # the largest a cover is shown (200 px wide, at 2x)
MAX_IMAGE_BYTES = 8 * 1024 * 1024  # one cover's file
MAX_PAGE_BYTES = 48 * 1024 * 1024  # every cover of one catalog page together
MAX_PIXELS = 16_000_000  # an image claiming more is never decoded (4000 x 4000)
DECODERS = 2  # covers decoded at once: a format Qt cannot read scaled is decoded whole


def decode_cover(
    data: bytes, box: QSize = COVER_BOX, turns: threading.Semaphore | None = None
) -> QImage | None:
    """The image in ``data`` no larger than ``box``, or None when it is no image, too
    large a file, or claims more than MAX_PIXELS. ``turns`` limits how many threads
    decode at the same time."""
    if not data or len(data) > MAX_IMAGE_BYTES:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    if not buffer.open(QIODevice.OpenModeFlag.ReadOnly):
        return None
    reader = QImageReader(buffer)
    reader.setDecideFormatFromContent(True)
    size = reader.size()  # from the file's header: nothing is decoded yet
    if not size.isValid() or size.isEmpty() or size.width() * size.height() > MAX_PIXELS:
        return None
    if size.width() > box.width() or size.height() > box.height():
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    with turns or contextlib.nullcontext():
        image = reader.read()
    buffer.close()
    return None if image.isNull() else image
