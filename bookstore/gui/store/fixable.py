"""Which store errors the reader can fix in the dialog that asked, and at which field.

A wrong password, a refused card or a store's 4xx reason is the reader's to fix: the
dialog says it beside the field and keeps what was typed. Anything else (the store
unreachable, an answer we cannot use) is not, and gets a message box instead.
"""

from __future__ import annotations

from bookstore.store.errors import CredentialsRefused, SignInRequired
from bookstore.store.store_api import PaymentFailed, Refused

WHOLE_DIALOG = ""  # fixable, but about no one field


def server_reason(error: BaseException) -> str:
    """The store's own sentence, without the host name the client puts before it."""
    body = getattr(error, "body", None) or {}
    reason = body.get("error", {}).get("message") if isinstance(body, dict) else None
    return reason if isinstance(reason, str) and reason else ""


def _named_field(text: str, fields: dict[str, tuple[str, ...]]) -> str:
    lowered = text.lower()
    for field, words in fields.items():
        if any(word in lowered for word in words):
            return field
    return WHOLE_DIALOG


def sign_in_field(error: BaseException) -> str | None:
    """ "email", "password", "name", WHOLE_DIALOG, or None when not the reader's to fix."""
    if isinstance(error, SignInRequired | CredentialsRefused):
        return "password"
    if not isinstance(error, Refused) or not 400 <= error.status < 500:
        return None
    if error.status == 409:
        return "email"
    if error.code == "common_password":
        return "password"
    words = {"password": ("password",), "email": ("e-mail", "email"), "name": ("name",)}
    return _named_field(server_reason(error) or str(error), words)


def checkout_field(error: BaseException) -> str | None:
    """ "number", "expiry", "cvc", WHOLE_DIALOG, or None when not the reader's to fix."""
    if isinstance(error, PaymentFailed):
        if error.code == "checkout_interrupted":
            return WHOLE_DIALOG
        text = f"{error.code} {error}".lower()
        return _named_field(text, {"expiry": ("expir",), "cvc": ("cvc", "security code")}) or (
            "number"
        )
    if not isinstance(error, Refused) or not 400 <= error.status < 500:
        return None
    words = {"expiry": ("expir",), "cvc": ("cvc", "security code"), "number": ("card",)}
    return _named_field(server_reason(error) or str(error), words)
