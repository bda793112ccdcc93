"""Accounts on this machine: who is signed in to which store, the secret in the keyring.

The secret (a token the store gave, or the password for Basic sign-in) goes to the
system keyring (``keyring``). Where there is none, it goes to a file only the user can
read, and the caller gets a sentence saying so. The list of accounts (store, user,
scheme; no secrets) is a JSON file in the user's settings folder.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import tempfile
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import keyring
import keyring.errors
import platformdirs

from bookstore.i18n.messages import say
from bookstore.store.errors import AccountError

SERVICE = "bookstore"
BEARER, BASIC = "bearer", "basic"


def store_origin(url: str) -> str:
    """The store an address belongs to: scheme, host and port."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise AccountError(
            say("{url} is not a store address (it must start with http:// or https://)", url=url)
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"


def settings_folder() -> Path:
    return Path(platformdirs.user_config_dir("bookstore", appauthor=False))


@dataclass(frozen=True)
class Account:
    store: str  # origin
    user: str
    scheme: str  # BEARER or BASIC


class StoreAuth(httpx.Auth):
    """Signs requests to one store only (never covers or files on other hosts)."""

    def __init__(self, origin: str, scheme: str, user: str, secret: str) -> None:
        self.origin, self.scheme, self.user, self.secret = origin, scheme, user, secret

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        here = f"{request.url.scheme}://{request.url.netloc.decode('ascii').lower()}"
        if here == self.origin:
            check_secret(self.secret, self.origin)  # a secret saved before it was checked
            if self.scheme == BASIC:
                pair = f"{self.user}:{self.secret}".encode()
                request.headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
            else:
                request.headers["Authorization"] = f"Bearer {self.secret}"
        yield request


class Accounts:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or settings_folder()
        self._index = self.folder / "accounts.json"
        self._fallback = self.folder / "secrets.json"

    # Reading

    def all(self) -> list[Account]:
        return [
            Account(origin, data["user"], data["scheme"])
            for origin, data in self._read(self._index).items()
        ]

    def account(self, url: str) -> Account | None:
        data = self._read(self._index).get(store_origin(url))
        return Account(store_origin(url), data["user"], data["scheme"]) if data else None

    def secret(self, url: str) -> str | None:
        account = self.account(url)
        if account is None:
            return None
        if self._read(self._index)[account.store].get("storage") == "file":
            return self._read(self._fallback).get(account.store)
        try:
            return keyring.get_password(SERVICE, _key(account))
        except keyring.errors.KeyringError:
            return None

    def auth(self, url: str) -> StoreAuth | None:
        account = self.account(url)
        secret = self.secret(url) if account else None
        if account is None or secret is None:
            return None
        return StoreAuth(account.store, account.scheme, account.user, secret)

    def secret_file(self, url: str) -> Path | None:
        """The private file that holds this store's secret, or None when the secret is
        in the system keyring (or no one is signed in)."""
        account = self.account(url)
        if account is None or self._read(self._index)[account.store].get("storage") != "file":
            return None
        return self._fallback

    @property
    def fallback_file(self) -> Path:
        """Where a secret goes when there is no system keyring (readable by the user only)."""
        return self._fallback

    # Changing

    def sign_in(self, url: str, user: str, secret: str, scheme: str) -> str | None:
        """Remember the account; returns a sentence when the secret could not go to the
        system keyring and was kept in a private file instead."""
        origin = store_origin(url)
        check_secret(secret, origin)
        self.sign_out(url)
        account = Account(origin, user, scheme)
        storage, message = "keyring", None
        if keyring_available():
            try:
                keyring.set_password(SERVICE, _key(account), secret)
            except keyring.errors.KeyringError as error:
                storage, message = (
                    "file",
                    self._fallback_message(origin, f"the keyring refused it: {error}"),
                )
        else:
            storage, message = "file", self._fallback_message(origin, "there is no system keyring")
        if storage == "file":
            secrets = self._read(self._fallback)
            secrets[origin] = secret
            self._write(self._fallback, secrets)
        index = self._read(self._index)
        index[origin] = {"user": user, "scheme": scheme, "storage": storage}
        self._write(self._index, index)
        return message

    def sign_out(self, url: str) -> Account | None:
        """Forget the account and its secret; returns the account that was signed in."""
        origin = store_origin(url)
        index = self._read(self._index)
        data = index.pop(origin, None)
        if data is None:
            return None
        account = Account(origin, data["user"], data["scheme"])
        if data.get("storage") == "file":
            secrets = self._read(self._fallback)
            if secrets.pop(origin, None) is not None:
                self._write(self._fallback, secrets)
        else:
            with contextlib.suppress(keyring.errors.KeyringError):  # already gone
                keyring.delete_password(SERVICE, _key(account))
        self._write(self._index, index)
        return account

    def _fallback_message(self, origin: str, reason: str) -> str:
        return (
            f"{reason}, so your sign-in to {origin} is kept in {self._fallback}, "
            "which only you can read; sign out to remove it"
        )

    def _read(self, path: Path) -> dict:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            raise AccountError(
                say("{path}: the saved accounts cannot be read ({error})", path=path, error=error)
            ) from error
        return data if isinstance(data, dict) else {}

    def _write(self, path: Path, data: dict) -> None:
        """Write privately (0600) and atomically."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=self.folder)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=1, sort_keys=True)
            os.replace(name, path)
        except OSError as error:
            raise AccountError(
                say("{path}: cannot save the account ({reason})", path=path, reason=error.strerror)
            ) from error


MAX_SECRET_CHARS = 4096  # longer than any token or password a store has reason to give


def check_secret(secret: str, origin: str) -> None:
    """Refuse a token or password that cannot be sent as a header or kept sensibly (too
    long, or with control characters such as CR LF); the message never shows it."""
    if not secret:
        raise AccountError(
            say("{origin} gave an empty sign-in token; nothing was saved", origin=origin)
        )
    if len(secret) > MAX_SECRET_CHARS:
        raise AccountError(
            say(
                "the sign-in secret for {origin} is longer than "
                "{max_secret_chars} characters ({length}); it was refused "
                "and nothing was saved",
                origin=origin,
                max_secret_chars=format(MAX_SECRET_CHARS, ","),
                length=format(len(secret), ","),
            )
        )
    if any(ord(char) < 32 or ord(char) == 127 for char in secret):
        raise AccountError(
            say(
                "the sign-in secret for {origin} holds control characters "
                "(such as a line break); it was refused and nothing was saved",
                origin=origin,
            )
        )


def keyring_available() -> bool:
    """Whether a real system keyring answers (not keyring's "fail" or a null backend)."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration counts as none
        return False
    name = type(backend).__module__ + "." + type(backend).__name__
    if "fail" in name or "null" in name.lower():
        return False
    if hasattr(backend, "backends") and not backend.backends:  # an empty chainer
        return False
    return getattr(backend, "priority", 1) > 0


def _key(account: Account) -> str:
    return f"{account.store} {account.user}"


def auth_for(url: str, folder: Path | None = None) -> StoreAuth | None:
    """The sign-in for the store ``url`` belongs to, if the reader signed in to it."""
    try:
        return Accounts(folder).auth(url)
    except AccountError:
        return None
