"""One HTTP client for the store, and one clear sentence for everything that can go wrong.

Every request the store client makes goes through ``new_client`` (timeouts, redirects,
user agent) and is wrapped in ``explained`` (network failures) and ``check_status``
(4xx/5xx answers), so the CLI and the window can show the message as it is.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import certifi
import httpx

from bookstore import __version__
from bookstore.i18n.messages import Message, say
from bookstore.store.deadline import StoreClient
from bookstore.store.decoding import ACCEPTED, decoded, encoding_of
from bookstore.store.errors import SignInRequired, StoreError

USER_AGENT = f"Bookstore/{__version__} (+OPDS client)"
MAX_REDIRECTS = 10
DEFAULT_TIMEOUT = 30.0  # seconds without a byte before a request is given up
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024  # a catalog page or a feed larger than this is refused
WHOLE_REQUEST_FACTOR = 4  # a document must have come within this many timeouts in all


def new_client(
    *,
    timeout: float = DEFAULT_TIMEOUT,
    auth: httpx.Auth | None = None,
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    return StoreClient(
        whole_factor=WHOLE_REQUEST_FACTOR,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
        headers={"User-Agent": USER_AGENT},
        auth=auth,
        transport=transport,
        verify=_certificates(),
    )


@functools.cache
def _certificates() -> ssl.SSLContext:
    """One TLS context for every client: building one reads the whole CA bundle (~70 ms),
    and the window makes a client per task. It is configuration, never changed."""
    return ssl.create_default_context(cafile=certifi.where())


def host_of(url: str) -> str:
    parts = urlsplit(str(url))
    return parts.netloc or str(url)


def whole_request_seconds(timeout: float) -> float:
    """How long one catalog page or feed may take in all, for a silence bound of ``timeout``."""
    return timeout * WHOLE_REQUEST_FACTOR


@contextlib.contextmanager
def bounded(client: httpx.Client, url: str, seconds: float | None) -> Iterator[None]:
    """Requests on ``client`` made inside must be over within ``seconds`` in all; failures
    are explained as ``explained`` does, a request cut short by the bound as such."""
    deadline = getattr(client, "deadline", None)
    timeout = client.timeout.read
    if deadline is None:
        with explained(url, timeout):
            yield
        return
    with deadline.bound(seconds):
        try:
            with explained(url, timeout):
                yield
        except StoreError as error:
            if deadline.passed() and isinstance(error.__cause__, httpx.TimeoutException):
                raise StoreError(too_slow(url, seconds)) from error
            raise


def check_deadline(client: httpx.Client, url: str, seconds: float | None) -> None:
    """Between pieces of an answer: a StoreError once the whole-request bound has passed."""
    deadline = getattr(client, "deadline", None)
    if deadline is not None and deadline.passed():
        raise StoreError(too_slow(url, seconds))


def extend_deadline(client: httpx.Client, seconds: float | None) -> None:
    """Give the request under way ``seconds`` from now (a download's body, once its size
    is known)."""
    deadline = getattr(client, "deadline", None)
    if deadline is not None:
        deadline.extend_to(seconds)


def too_slow(url: str, seconds: float | None) -> Message:
    return say(
        "{host} did not finish sending {url}{within}; it sends too slowly, "
        "so the request was given up",
        host=host_of(url),
        url=url,
        within=_within(seconds),
    )


def _within(seconds: float | None) -> Message | str:
    return say(" within {seconds} seconds", seconds=format(seconds, "g")) if seconds else ""


@contextlib.contextmanager
def explained(url: str, timeout: float | None = None) -> Iterator[None]:
    """Re-raise httpx's failures as StoreError with one sentence naming the address."""
    host = host_of(url)
    wait = _within(timeout)
    try:
        yield
    except httpx.ConnectTimeout as error:
        raise StoreError(
            say(
                "could not reach {host}: it did not answer{wait} ({url})",
                host=host,
                wait=wait,
                url=url,
            )
        ) from error
    except httpx.ReadTimeout as error:
        raise StoreError(
            say(
                "{host} stopped sending: nothing came{wait} while reading {url}",
                host=host,
                wait=wait,
                url=url,
            )
        ) from error
    except httpx.TimeoutException as error:
        raise StoreError(say("{host} took too long to answer {url}", host=host, url=url)) from error
    except httpx.TooManyRedirects as error:
        raise StoreError(
            say(
                "{url} redirects more than {max_redirects} times (a loop?); "
                "check the store's address",
                url=url,
                max_redirects=MAX_REDIRECTS,
            )
        ) from error
    except httpx.UnsupportedProtocol as error:
        target = error.request.url if _has_request(error) else url
        raise StoreError(
            say(
                "{target} is not a web address (it must start with http:// or https://)",
                target=target,
            )
        ) from error
    except httpx.ConnectError as error:
        raise StoreError(
            say(
                "could not reach {host}: {reason} ({url})",
                host=host,
                reason=_connect_reason(error),
                url=url,
            )
        ) from error
    except httpx.RemoteProtocolError as error:
        raise StoreError(
            say(
                "{host} closed the connection before its answer was complete ({url})",
                host=host,
                url=url,
            )
        ) from error
    except httpx.InvalidURL as error:
        raise StoreError(
            say("{url} is not a valid web address ({error})", url=url, error=error)
        ) from error
    except httpx.LocalProtocolError as error:
        # Its text can hold a header's value, a secret among them: never shown.
        raise StoreError(
            say("the request to {host} could not be sent ({url})", host=host, url=url)
        ) from error
    except httpx.HTTPError as error:
        raise StoreError(
            say("talking to {host} failed: {error} ({url})", host=host, error=error, url=url)
        ) from error


def check_status(response: httpx.Response) -> None:
    """Raise a StoreError (SignInRequired for 401) for any answer that is not a success."""
    if response.is_success:
        return
    url = str(response.request.url) if _has_request(response) else str(response.url)
    host = host_of(url)
    code = f"{response.status_code} {response.reason_phrase}".strip()
    if response.status_code == 401:
        schemes = tuple(
            part.strip().split(" ", 1)[0].lower()
            for part in response.headers.get_list("www-authenticate")
            if part.strip()
        )
        raise SignInRequired(
            say("{host} asks you to sign in to open {url} ({code})", host=host, url=url, code=code),
            schemes,
        )
    if response.status_code == 403:
        raise StoreError(
            say(
                "{host} refuses access to {url} ({code}){detail}",
                host=host,
                url=url,
                code=code,
                detail=_detail(response),
            )
        )
    if response.status_code == 404:
        raise StoreError(
            say(
                "{host} has nothing at {url} ({code}){detail}",
                host=host,
                url=url,
                code=code,
                detail=_detail(response),
            )
        )
    if response.status_code == 402:
        raise StoreError(
            say(
                "{host} asks for payment before giving {url} ({code}){detail}",
                host=host,
                url=url,
                code=code,
                detail=_detail(response),
            )
        )
    if response.is_client_error:
        raise StoreError(
            say(
                "{host} refused the request for {url} ({code}){detail}",
                host=host,
                url=url,
                code=code,
                detail=_detail(response),
            )
        )
    raise StoreError(
        say(
            "{host} failed while answering {url} ({code}); the problem "
            "is on the store's side, try again later",
            host=host,
            url=url,
            code=code,
        )
    )


@dataclass(frozen=True)
class Document:
    """A fetched document: where it ended up after redirects, its type and its bytes."""

    url: str
    content_type: str
    body: bytes
    headers: httpx.Headers
    status: int = 200


def fetch(
    client: httpx.Client,
    url: str,
    accept: str | None = None,
    *,
    headers: dict[str, str] | None = None,
    limit: int = MAX_DOCUMENT_BYTES,
) -> Document:
    """GET ``url`` and read its body: at most ``limit`` bytes once decoded, within
    ``whole_request_seconds`` in all; failures are StoreErrors. A 304 answer (to the
    caller's conditional ``headers``) comes back with an empty body."""
    wanted = {"Accept-Encoding": ACCEPTED, **({"Accept": accept} if accept else {})}
    wanted.update(headers or {})
    seconds = whole_request_seconds(client.timeout.read or DEFAULT_TIMEOUT)
    with (
        bounded(client, url, seconds),
        client.stream("GET", url, headers=wanted) as response,
    ):
        if response.status_code == 304:
            return Document(str(response.url), "", b"", response.headers, 304)
        check_status(response)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise StoreError(_too_large(url, limit))
        encoding = encoding_of(response.headers.get("content-encoding", ""))
        chunks, size = [], 0
        for piece in decoded(response.iter_raw(), encoding):
            size += len(piece)
            if size > limit:
                raise StoreError(_too_large(url, limit))
            chunks.append(piece)
            check_deadline(client, url, seconds)
    return Document(
        str(response.url),
        response.headers.get("content-type", "").lower(),
        b"".join(chunks),
        response.headers,
        response.status_code,
    )


def _too_large(url: str, limit: int = MAX_DOCUMENT_BYTES) -> Message:
    if limit >= 1024 * 1024:
        size = say("{megabytes} MB", megabytes=limit // (1024 * 1024))
    else:
        size = say("{bytes} bytes", bytes=format(limit, ","))
    return say("{url} is larger than {size}; it was not read", url=url, size=size)


def _detail(response: httpx.Response) -> str:
    """The server's own short explanation, when it gave one as JSON or plain text (read
    here when the answer was streamed and its body not read yet)."""
    kind = response.headers.get("content-type", "").lower()
    if "json" not in kind and not kind.startswith("text/plain"):
        return ""
    body = _error_body(response)
    text = ""
    if "json" in kind:
        try:
            text = _message_in(json.loads(body))
        except ValueError:
            text = ""
    else:
        text = body.decode(response.charset_encoding or "utf-8", "replace")
    text = " ".join(_CONTROLS.sub("", _ESCAPES.sub("", str(text))).split())[:200]
    return f": {text}" if text else ""


_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*\x07?|[@-_])")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _error_body(response: httpx.Response, limit: int = 16384) -> bytes:
    try:
        return response.content[:limit]
    except httpx.ResponseNotRead:
        pass
    chunks, size = [], 0
    try:
        encoding = encoding_of(response.headers.get("content-encoding", ""))
        for chunk in decoded(response.iter_raw(), encoding):
            chunks.append(chunk)
            size += len(chunk)
            if size >= limit:
                break
    except (httpx.HTTPError, httpx.StreamError, StoreError):
        pass  # the explanation is a courtesy; the status says enough
    return b"".join(chunks)[:limit]


def _message_in(data: object) -> str:
    """The sentence in an error body: ``{"error": {"message": ...}}`` (``bookstore serve``),
    ``{"error": "..."}``, ``{"detail": ...}`` or ``{"message": ...}``."""
    if isinstance(data, str):
        return data
    if not isinstance(data, dict):
        return ""
    for key in ("error", "detail", "message", "title"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, dict) and (inner := _message_in(value)):
            return inner
    return ""


def _connect_reason(error: httpx.ConnectError) -> Message | str:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, OSError) and cause.errno is not None:
            if cause.errno == errno.ECONNREFUSED:
                return say("nothing is listening there (connection refused)")
            if cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
                return say("the network cannot reach it")
        cause = cause.__cause__ or cause.__context__
    text = str(error)
    if "Name or service not known" in text or "nodename nor servname" in text or "-2]" in text:
        return say("no such host name")
    if "refused" in text.lower():
        return say("nothing is listening there (connection refused)")
    if "certificate" in text.lower() or "ssl" in text.lower():
        return say("its secure connection could not be verified")
    return text or say("the connection failed")


def _has_request(thing: httpx.Response | httpx.HTTPError) -> bool:
    try:
        thing.request  # noqa: B018
    except RuntimeError:
        return False
    return True
