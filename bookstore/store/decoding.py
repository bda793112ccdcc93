"""Undoing a server's Content-Encoding a little at a time, so that a small compressed
answer can never become a large amount of memory at once (a gzip bomb).

httpx decodes each network read in one go (64 KB of deflate can be 64 MB); here every
piece handed on is at most ``PIECE`` bytes, and the caller counts them against its limit.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

from bookstore.i18n.messages import say
from bookstore.store.errors import StoreError

PIECE = 256 * 1024
ACCEPTED = "gzip, deflate"  # what the client offers to read (never br or zstd)
_GZIP_OR_ZLIB = zlib.MAX_WBITS | 32
_RAW_DEFLATE = -zlib.MAX_WBITS


def encoding_of(content_encoding: str) -> str:
    """The one encoding an answer is in ("identity" when none), or a StoreError."""
    codings = [part.strip().lower() for part in content_encoding.split(",") if part.strip()]
    codings = [coding for coding in codings if coding != "identity"]
    if not codings:
        return "identity"
    if len(codings) == 1 and codings[0] in ("gzip", "x-gzip", "deflate"):
        return codings[0]
    raise StoreError(
        say(
            "the store sent its answer encoded as “{encoding}”, which "
            "Bookstore does not read (it asked for {accepted} or none)",
            encoding=content_encoding[:40],
            accepted=ACCEPTED,
        )
    )


def decoded(raw: Iterable[bytes], encoding: str) -> Iterator[bytes]:
    """The decoded bytes of ``raw`` in pieces of at most PIECE bytes."""
    if encoding == "identity":
        for chunk in raw:
            for start in range(0, len(chunk), PIECE):
                yield chunk[start : start + PIECE]
        return
    decoder: zlib._Decompress | None = None
    for chunk in raw:
        data = chunk
        while data:
            if decoder is None:
                decoder = _decoder_for(data, encoding)
            elif decoder.eof:  # a second gzip member follows the first
                decoder = zlib.decompressobj(_GZIP_OR_ZLIB)
            try:
                piece = decoder.decompress(data, PIECE)
            except zlib.error as error:
                raise StoreError(
                    say(
                        "the store's {encoding} answer is damaged ({error})",
                        encoding=encoding,
                        error=error,
                    )
                ) from None
            if piece:
                yield piece
            data = decoder.unconsumed_tail or (decoder.unused_data if decoder.eof else b"")
    if decoder is not None and not decoder.eof:
        rest = decoder.flush()
        if rest:
            yield rest


def _decoder_for(first: bytes, encoding: str) -> zlib._Decompress:
    # "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
    if encoding == "deflate" and (len(first) < 2 or (first[0] & 0x0F) != 8):
        return zlib.decompressobj(_RAW_DEFLATE)
    return zlib.decompressobj(_GZIP_OR_ZLIB)
