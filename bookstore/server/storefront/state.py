"""What the storefront makes once per application: one template environment per
language (each with its catalog installed), the CSRF key, and the formatted citations
(citeproc takes tens of milliseconds for one). Kept on the app's state, made on the
first page asked for."""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.support import NullTranslations
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request

from bookstore.server.accounts.signing import shared_secret
from bookstore.server.caching.generation_cache import GenerationCache
from bookstore.server.routes.auth import services_of
from bookstore.server.storefront import i18n
from bookstore.server.storefront.security import csrf_key


@dataclass(frozen=True)
class Storefront:
    environments: dict[str, Environment]
    translations: dict[str, NullTranslations]
    formats: dict[str, i18n.Formats]
    csrf_key: bytes
    # (issue id, style, language) -> the citation as text, for one library generation
    citations: GenerationCache[str] = field(default_factory=lambda: GenerationCache(8192))
    # pages every visitor who is not signed in sees alike, by address and preferences
    pages: GenerationCache[str] = field(
        default_factory=lambda: GenerationCache(2048, max_bytes=64 * 1024 * 1024, size_of=len)
    )


def _environment(translations: NullTranslations) -> Environment:
    environment = Environment(
        loader=PackageLoader("bookstore.server.storefront", "templates"),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.install_gettext_translations(translations, newstyle=True)
    environment.globals["LANGUAGES"] = i18n.LANGUAGES
    return environment


def storefront_of(request: Request) -> Storefront:
    # Two first requests at once may both make it; either result is the same.
    found = getattr(request.app.state, "storefront", None)
    if found is None:
        catalogs = {code: i18n.translations(code) for code in i18n.LANGUAGES}
        found = Storefront(
            environments={code: _environment(catalogs[code]) for code in i18n.LANGUAGES},
            translations=catalogs,
            formats={code: i18n.Formats(code) for code in i18n.LANGUAGES},
            csrf_key=csrf_key(shared_secret(services_of(request).engine)),
        )
        request.app.state.storefront = found
    return found
