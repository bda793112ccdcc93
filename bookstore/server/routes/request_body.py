"""Reading a request's JSON body: size limit (413), content type (415), syntax (400)."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from bookstore.i18n.messages import say
from bookstore.server.api_errors import BadRequest, Invalid, TooLarge, UnsupportedMediaType
from bookstore.server.config import MAX_BODY

_JSON_TYPES = ("application/json",)


async def read_json(request: Request, *, required: bool = True) -> Any:
    """The body as JSON, or None when it is empty and not ``required``."""
    body = await read_limited(request)
    if not body.strip():
        if required:
            raise BadRequest(say("This request needs a JSON body."))
        return None
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type and media_type not in _JSON_TYPES and not media_type.endswith("+json"):
        raise UnsupportedMediaType(
            say(
                "The body must be JSON (Content-Type: application/json), not {media_type}.",
                media_type=media_type,
            )
        )
    try:
        return json.loads(body)
    except UnicodeDecodeError:
        raise BadRequest(say("The body is not UTF-8 text.")) from None
    except json.JSONDecodeError as error:
        raise BadRequest(
            say(
                "The body is not valid JSON: {msg} at line {lineno}, column {colno}.",
                msg=error.msg,
                lineno=error.lineno,
                colno=error.colno,
            )
        ) from None
    except RecursionError:
        raise BadRequest(say("The body's JSON is nested too deeply.")) from None
    except ValueError:  # a number of more digits than Python reads (4,300)
        raise BadRequest(say("The body's JSON has a number too long to read.")) from None


async def read_limited(request: Request, limit: int = MAX_BODY) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge(say("The body is larger than {limit} KiB.", limit=limit // 1024))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge(say("The body is larger than {limit} KiB.", limit=limit // 1024))
    return bytes(body)


def json_object(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise BadRequest(say("The body must be a JSON object."))
    return data


def string_field(data: dict[str, Any], name: str, *, required: bool = True) -> str:
    value = data.get(name)
    if value is None:
        if required:
            raise Invalid(say("“{name}” is missing.", name=name))
        return ""
    if not isinstance(value, str):
        raise Invalid(say("“{name}” must be a string.", name=name))
    if not _encodable(value):
        raise Invalid(
            say("“{name}” holds a character that is not text (a lone surrogate).", name=name)
        )
    return value


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def int_field(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(say("“{name}” must be an integer.", name=name))
    return value
