"""Responses that can be cached: ETag, Last-Modified, 304 Not Modified, gzip.

A feed is rendered once per library generation and kept with its gzip form, so a
repeated request costs a dictionary look-up, not a render or a compression.

Bodies are gzipped with ISA-L (``isal``), about ten times faster than zlib's default
level for a 10 % larger result: most feeds made are searches, sent once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime

from isal import igzip
from starlette.requests import Request
from starlette.responses import Response

from bookstore.server.reader_language import VARY

_MIN_GZIP = 1024  # smaller bodies are sent as they are
_GZIP_LEVEL = 2  # of ISA-L's 0-3


@dataclass(frozen=True)
class Representation:
    body: bytes
    media_type: str
    modified: float  # Unix seconds
    etag: str = field(init=False)
    gzipped: bytes | None = field(init=False)

    @property
    def size(self) -> int:
        """Bytes held in memory."""
        return len(self.body) + len(self.gzipped or b"")

    def __post_init__(self) -> None:
        digest = hashlib.sha256(self.body).hexdigest()[:32]
        object.__setattr__(self, "etag", f'"{digest}"')
        packed = _gzip(self.body) if len(self.body) >= _MIN_GZIP else None
        object.__setattr__(self, "gzipped", packed)


def not_modified(request: Request, etag: str, modified: float) -> bool:
    """Whether the client's copy (If-None-Match, else If-Modified-Since) is current."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        if if_none_match.strip() == "*":
            return True
        bare = etag.strip('"')
        for candidate in if_none_match.split(","):
            tag = candidate.strip().removeprefix("W/").strip('"')
            if tag in (bare, f"{bare}-gzip"):
                return True
        return False
    if_modified_since = request.headers.get("if-modified-since")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError):
            return False
        return int(modified) <= since
    return False


def respond(request: Request, representation: Representation, *, private: bool = False) -> Response:
    """The representation, gzipped when the client accepts it, or 304. Its words are in
    the language the request asks for (``Vary: Accept-Language``)."""
    use_gzip = representation.gzipped is not None and "gzip" in request.headers.get(
        "accept-encoding", ""
    )
    etag = representation.etag[:-1] + '-gzip"' if use_gzip else representation.etag
    headers = {
        "ETag": etag,
        "Last-Modified": formatdate(representation.modified, usegmt=True),
        "Vary": VARY,
        "Cache-Control": "private, no-cache" if private else "public, no-cache",
    }
    if not_modified(request, representation.etag, representation.modified):
        return Response(status_code=304, headers=headers)
    if use_gzip:
        headers["Content-Encoding"] = "gzip"
        body = representation.gzipped
    else:
        body = representation.body
    return Response(body, media_type=representation.media_type, headers=headers)


def _gzip(body: bytes) -> bytes:
    # mtime 0: the same body always gives the same bytes (and its ETag the same answer)
    return igzip.compress(body, _GZIP_LEVEL, mtime=0)
