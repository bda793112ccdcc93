"""Reading a posted form: bounded in size, UTF-8, and refused without the page's CSRF token."""

from __future__ import annotations

from urllib.parse import parse_qsl

from bookstore.server.api_errors import ApiError, TooLarge
from bookstore.server.routes.request_body import read_limited
from bookstore.server.storefront.security import csrf_valid
from bookstore.server.storefront.visit import Visit

MAX_FORM = 16 * 1024
MAX_FIELDS = 20
MAX_VALUE = 2000


class FormRefused(ApiError):
    """A form that did not come from one of our pages (or cannot be read)."""

    status, code = 403, "form_refused"


async def read_form(visit: Visit) -> dict[str, str]:
    try:
        body = await read_limited(visit.request, MAX_FORM)
    except TooLarge:
        raise FormRefused("The form is too large.") from None
    try:
        text = body.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise FormRefused("The form cannot be read.") from None
    fields = {name: value[:MAX_VALUE] for name, value in pairs}
    if not csrf_valid(visit.storefront.csrf_key, visit.request, fields.get("csrf", "")):
        raise FormRefused("The form has expired or did not come from this site.")
    return fields
