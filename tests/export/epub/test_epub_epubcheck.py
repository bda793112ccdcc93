"""EPUBCheck 5 on every kind of EPUB the exporter makes: no fatal, no error, no warning.

All the EPUBs are exported first and checked together (EPUBCheck costs a JVM start
per file), once per test run. Needs Java (Debian: default-jre-headless).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bookstore.cli.main import main
from bookstore.export.epub.writing import EpubOptions, export_epub
from bookstore.library.library import Library
from tests.export.epub.epub_helpers import Epub, epubcheck, odd_issues, synthetic_issues, with_issn

KINDS = ("single-en", "single-pl", "single-ru", "spotlight-bundle", "large-bundle")


@pytest.fixture(scope="module")
def checked(
    tmp_path_factory: pytest.TempPathFactory, sample_issues
) -> dict[str, tuple[Path, list]]:
    folder = tmp_path_factory.mktemp("epubcheck")
    by_key = {f"{i.key}-{i.language}": i for i in sample_issues}
    paths = {
        # A running-numbered series with an ISSN, two authors.
        "single-en": export_epub(
            [with_issn(by_key["bulletin-2019-26-en"])], folder / "single-en.epub"
        ),
        # A brief whose body has no section headings.
        "single-pl": export_epub([by_key["spotlight-2018-20-pl"]], folder / "single-pl.epub"),
        "single-ru": export_epub([by_key["policy-paper-2019-3-ru"]], folder / "single-ru.epub"),
        "large-bundle": export_epub(
            [*synthetic_issues(60), *sample_issues, *odd_issues(sample_issues[0])],
            folder / "large-bundle.epub",
            EpubOptions(title="Briefs & papers <1995–2020>"),
        ),
    }
    # The command from the issue's "done when", on a fresh sample library.
    spotlight = folder / "spotlight-bundle.epub"
    with Library.open(folder / "library"):
        pass
    argv = ["--library", str(folder / "library"), "export", "epub", "--query", "series:spotlight"]
    assert main([*argv, "-o", str(spotlight)]) == 0
    paths["spotlight-bundle"] = spotlight
    messages = epubcheck([paths[kind] for kind in KINDS])
    return {kind: (paths[kind], messages[paths[kind]]) for kind in KINDS}


@pytest.mark.parametrize("kind", KINDS)
def test_epubcheck_reports_nothing(checked, kind: str):
    path, messages = checked[kind]
    found = [f"{m['severity']} {m['ID']}: {m['message']} {m['locations'][:1]}" for m in messages]
    assert found == [], f"{path.name}: " + "\n".join(found)


def test_the_checked_bundles_are_what_the_issue_asks_for(checked):
    large = Epub(checked["large-bundle"][0])
    pages = [href for href in large.spine_hrefs() if href not in ("cover.xhtml", "title.xhtml")]
    series = {href.split("-")[0] for href in pages}
    assert len(pages) >= 50
    assert {"spotlight", "bulletin", "policy", "strategic", "report"} <= series
    assert set(large.dc("language")) == {"en", "pl", "ru"}
    spotlight = Epub(checked["spotlight-bundle"][0])
    assert all(h.startswith("spotlight-") for h in spotlight.spine_hrefs()[2:])
    assert len(spotlight.spine_hrefs()) == 2 + 8
    assert Epub(checked["single-en"][0]).meta("dcterms:identifier", "#series") == [
        "urn:issn:2299-0283"
    ]
