"""Errors the server answers with: an HTTP status, a stable code and a sentence.

Every error reaches the client as ``{"error": {"status", "code", "message"}}``;
``app.py`` turns these exceptions, Starlette's own and unexpected ones into that body,
the sentence said in the request's language (a :class:`Message` is translated there).
"""

from __future__ import annotations

from typing import Any

from bookstore.i18n.messages import Message


class ApiError(Exception):
    status = 400
    code = "bad_request"

    def __init__(
        self,
        message: str | Message,
        *,
        code: str | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message  # English in str(); said in the reader's language by Words
        if code is not None:
            self.code = code
        self.headers = headers or {}
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        """The error's body in English (kept with a checkout's answer, replayed alike)."""
        return {
            "error": {"status": self.status, "code": self.code, "message": str(self.message)},
            **self.extra,
        }


class BadRequest(ApiError):
    status, code = 400, "bad_request"


class Unauthorized(ApiError):
    status, code = 401, "unauthorized"


class PaymentDeclined(ApiError):
    status, code = 402, "payment_declined"


class Forbidden(ApiError):
    status, code = 403, "forbidden"


class NotFoundError(ApiError):
    status, code = 404, "not_found"


class Conflict(ApiError):
    status, code = 409, "conflict"


class TooLarge(ApiError):
    status, code = 413, "too_large"


class UnsupportedMediaType(ApiError):
    status, code = 415, "unsupported_media_type"


class Invalid(ApiError):
    status, code = 422, "invalid"


class TooManyAttempts(ApiError):
    status, code = 429, "too_many_attempts"


class ProviderUnavailable(ApiError):
    status, code = 502, "provider_unavailable"


class ServiceBusy(ApiError):
    status, code = 503, "busy"


def sentence(text: str) -> str:
    """``text`` as a sentence: capital first letter, full stop at the end."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."
