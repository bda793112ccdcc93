"""The Store's Polish and Russian: every string of bookstore/gui/store translated, the
compiled catalogs up to date (``python packaging/store_translations.py`` makes them)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "resources" / "translations"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_every_store_string_is_translated_and_none_is_missing(language: str, tmp_path: Path):
    found = _messages(FOLDER / f"store_{language}.ts")
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "bookstore" / "gui" / "store").glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(_messages(fresh)) == set(found), "run python packaging/store_translations.py"
    for (context, source), message in found.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
            assert len(forms) == 3 and all("%n" in form for form in forms), (context, source)
        else:
            text = translation.text or ""
            assert text and text.count("%1") == source.count("%1"), (context, source)


def test_the_compiled_store_catalogs_are_up_to_date(tmp_path: Path):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for language in ("en", "pl", "ru"):
        target = tmp_path / f"{language}.qm"
        source = FOLDER / f"store_{language}.ts"
        subprocess.run(
            [str(lrelease), str(source), "-qm", str(target)], check=True, capture_output=True
        )
        assert target.read_bytes() == (FOLDER / f"store_{language}.qm").read_bytes(), language
