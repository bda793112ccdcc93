"""The Store's Polish and Russian: every string of bookstore/gui/store translated, the
compiled catalogs up to date (``python packaging/translations.py`` makes them)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.i18n.catalog_files import ROOT, translation_problems, window_entries

STORE = ROOT / "bookstore" / "gui" / "store"


def _store_classes() -> set[str]:
    return {
        node.name
        for path in STORE.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
    }


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_every_store_string_is_translated_and_none_is_missing(language: str, tmp_path: Path):
    classes = _store_classes()
    found = [e for e in window_entries(language) if e.context.split("|")[0] in classes]
    assert len(found) > 100
    for entry in found:
        assert all(entry.forms), (entry.context, entry.source)
        if entry.plural:
            assert len(entry.forms) == 3 and all("%n" in f for f in entry.forms), entry
        else:
            assert entry.forms[0].count("%1") == entry.source.count("%1"), entry


def test_the_compiled_store_catalogs_are_up_to_date(tmp_path: Path):
    assert translation_problems() == []
