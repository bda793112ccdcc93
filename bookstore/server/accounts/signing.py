"""Signed, expiring download links for priced files.

A link names the issue, the format, the account and the time it expires, and
carries an HMAC-SHA256 of them under the store's secret, so changing any part
breaks it. The secret is kept in the store's database, so every server process
behind a load balancer signs and checks alike.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from urllib.parse import urlencode

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bookstore.i18n.messages import say
from bookstore.server import urls
from bookstore.server.api_errors import Forbidden
from bookstore.server.db.schema import setting
from bookstore.server.query_params import whole_number

LINK_LIFETIME = 3600
# Expiry times are rounded up to this step, so a link (and a shelf listing links)
# stays the same for a while and can be cached; a link lives LIFETIME to LIFETIME + STEP.
EXPIRY_STEP = 600


def shared_secret(engine: Engine) -> bytes:
    """The store's signing secret, made on first use."""
    with engine.begin() as db:
        row = db.execute(sa.select(setting.c.value).where(setting.c.name == "link_secret")).first()
        if row is None:
            value = secrets.token_hex(32)
            try:
                with db.begin_nested():
                    db.execute(setting.insert().values(name="link_secret", value=value))
            except sa.exc.IntegrityError:
                value = db.execute(
                    sa.select(setting.c.value).where(setting.c.name == "link_secret")
                ).scalar_one()
            return bytes.fromhex(value)
        return bytes.fromhex(row[0])


class LinkSigner:
    def __init__(
        self, secret: bytes, clock: Callable[[], float], lifetime: int = LINK_LIFETIME
    ) -> None:
        self._secret = secret
        self.clock = clock
        self.lifetime = lifetime

    def _signature(self, issue_id: int, kind: str, account_id: int, expires: int) -> str:
        message = f"{issue_id}.{kind}:{account_id}:{expires}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def expiry(self) -> int:
        """When links made now expire (Unix seconds)."""
        return (int(self.clock()) // EXPIRY_STEP + 1) * EXPIRY_STEP + self.lifetime

    def link(self, issue_id: int, kind: str, account_id: int) -> tuple[str, int]:
        """A signed URL for the file and the time (Unix seconds) it expires."""
        expires = self.expiry()
        signature = self._signature(issue_id, kind, account_id, expires)
        query = urlencode({"account": account_id, "expires": expires, "signature": signature})
        return f"{urls.file(issue_id, kind)}?{query}", expires

    def check(self, issue_id: int, kind: str, account: str, expires: str, signature: str) -> int:
        """The account a valid link was made for; Forbidden if it was changed or is old."""
        if not (
            whole_number(account)
            and whole_number(expires)
            and signature.isascii()
            and len(signature) <= 128
        ):
            raise Forbidden(say("The download link is not valid."), code="link_invalid")
        expected = self._signature(issue_id, kind, int(account), int(expires))
        if not hmac.compare_digest(expected, signature):
            raise Forbidden(
                say("The download link is not valid: it was changed."), code="link_invalid"
            )
        if int(expires) <= self.clock():
            raise Forbidden(
                say("The download link has expired; ask for a new one."), code="link_expired"
            )
        return int(account)
