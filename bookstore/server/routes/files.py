"""File routes: issue EPUB and PDF, covers.

Free issues' files are open to all. A priced issue's file is served only through a
signed link made for an account that owns it; a signed-in owner asking for the
plain URL is sent (303) to a fresh signed link. Nothing in a URL names a path on
disk: issue ids and formats pick files in the cache folder.
"""

from __future__ import annotations

import re
from email.utils import formatdate

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from bookstore.i18n.messages import say
from bookstore.server.api_errors import (
    ApiError,
    BadRequest,
    Forbidden,
    NotFoundError,
    Unauthorized,
)
from bookstore.server.caching.http_cache import not_modified
from bookstore.server.caching.issue_files import CachedFile
from bookstore.server.routes.auth import optional_account, services_of
from bookstore.server.services import Services

_RANGE = re.compile(r"^bytes=\s*(\d*-\d*)(\s*,\s*\d*-\d*)*\s*$")


class RangeNotSatisfiable(ApiError):
    status, code = 416, "range_not_satisfiable"


class _CachedFileResponse(FileResponse):
    """A made file: sent from memory when its bytes are given (no thread reads the
    disk), else read in 1 MiB chunks (fewer thread hops than the default 64 KiB)."""

    chunk_size = 1024 * 1024

    def __init__(self, *args, body: bytes | None = None, modified: float = 0.0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._body = body
        if body is not None:
            self.headers["content-length"] = str(len(body))
            self.headers["last-modified"] = formatdate(modified, usegmt=True)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self._body is None or scope["method"].upper() != "GET":
            await super().__call__(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self._body})


async def issue_file(request: Request) -> Response:
    services = services_of(request)
    issue_id, kind = request.path_params["issue_id"], request.path_params["kind"]
    if kind not in ("epub", "pdf"):
        raise NotFoundError(
            say("There is no {kind} file: the formats are epub and pdf.", kind=kind)
        )
    free, label = await _facts(services, issue_id)
    if not free:
        params = request.query_params
        if "signature" in params:
            account_id = services.signer.check(
                issue_id,
                kind,
                params.get("account", ""),
                params.get("expires", ""),
                params["signature"],
            )
            if not await run_in_threadpool(services.orders.owns, account_id, issue_id):
                raise Forbidden(say("This account does not own {label}.", label=label))
        else:
            owner = await optional_account(request)
            if owner is None:
                raise Unauthorized(
                    say("{label} is sold: sign in with an account that bought it.", label=label)
                )
            if not await run_in_threadpool(services.orders.owns, owner.id, issue_id):
                raise Forbidden(
                    say("This account does not own {label}: buy it first.", label=label)
                )
            url, _ = services.signer.link(issue_id, kind, owner.id)
            return RedirectResponse(url, status_code=303)
    cached = await _file(services, issue_id, kind)
    body = await _body(request, services, cached)
    return file_response(request, cached, public=free, body=body)


# What a file URL leads to is remembered for the library's generation, so a repeated
# download reads neither the library nor the issue.


async def _facts(services: Services, issue_id: int) -> tuple[bool, str]:
    """Whether the issue is free, and its label."""
    generation = services.catalog.generation()
    known = services.file_index.get(("facts", issue_id), generation)
    if known is None:
        issue = await run_in_threadpool(services.catalog.issue, issue_id)
        known = (issue.is_free, issue.label)
        services.file_index.put(("facts", issue_id), generation, known)
    return known  # type: ignore[return-value]


async def _file(services: Services, issue_id: int, kind: str) -> CachedFile:
    """The issue's file of this kind, made by the exporter on first request."""
    generation = services.catalog.generation()
    known = services.file_index.get(("file", issue_id, kind), generation)
    if isinstance(known, CachedFile) and known.path.exists():
        services.files.used(known)
        return known

    def make() -> CachedFile:
        return services.files.get(services.catalog.issue(issue_id), kind)

    made = await run_in_threadpool(make)
    services.file_index.put(("file", issue_id, kind), generation, made)
    return made


async def cover(request: Request) -> Response:
    services = services_of(request)
    issue = await run_in_threadpool(services.catalog.issue, request.path_params["issue_id"])
    kind = "thumbnail" if request.url.path.endswith("-thumbnail.png") else "cover"
    cached = await run_in_threadpool(services.files.get, issue, kind)
    body = await _body(request, services, cached)
    return file_response(request, cached, public=True, attachment=False, body=body)


async def _body(request: Request, services: Services, cached: CachedFile) -> bytes | None:
    """A small file's bytes for a whole-file GET (from memory, else read once)."""
    if "range" in request.headers or request.method != "GET":
        return None
    return services.files.body(cached) or await run_in_threadpool(services.files.read_body, cached)


def file_response(
    request: Request,
    cached: CachedFile,
    *,
    public: bool,
    attachment: bool = True,
    body: bytes | None = None,
) -> Response:
    etag = f'"{cached.sha256}"'
    headers = {
        "ETag": etag,
        "Repr-Digest": cached.repr_digest,
        "Cache-Control": "public, max-age=3600" if public else "private, no-cache",
    }
    if not_modified(request, etag, cached.modified):
        headers["Last-Modified"] = formatdate(cached.modified, usegmt=True)
        return Response(status_code=304, headers=headers)
    _check_range(request, cached.size)
    return _CachedFileResponse(
        cached.path,
        media_type=cached.media_type,
        filename=cached.filename,
        headers=headers,
        content_disposition_type="attachment" if attachment else "inline",
        body=body,
        modified=cached.modified,
    )


def _check_range(request: Request, size: int) -> None:
    """Answer bad Range headers with a JSON error before Starlette's plain-text one."""
    header = request.headers.get("range")
    if header is None:
        return
    if not _RANGE.match(header):
        raise BadRequest(say("The Range header must be “bytes=START-END”."), code="bad_range")
    for part in header.split("=", 1)[1].split(","):
        start, _, end = part.strip().partition("-")
        if start and int(start) >= size:
            raise RangeNotSatisfiable(
                say("The range starts after the end of the file ({size} bytes).", size=size),
                headers={"Content-Range": f"bytes */{size}"},
            )
        if start and end and int(end) < int(start):
            raise BadRequest(
                say("The Range header's end comes before its start."), code="bad_range"
            )
        if not start and not end:
            raise BadRequest(say("The Range header must be “bytes=START-END”."), code="bad_range")


routes = [
    Route("/files/{issue_id:int}.{kind}", issue_file),
    Route("/covers/{issue_id:int}.png", cover),
    Route("/covers/{issue_id:int}-thumbnail.png", cover),
]
