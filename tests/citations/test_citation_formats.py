"""Citations read back by well-kept parsers: BibTeX by bibtexparser, RIS by rispy,
CSL-JSON against the CSL data model and by citeproc-py; styled text as the style guides lay out a report in a series."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import bibtexparser
import jsonschema
import pytest
import rispy
from citeproc.source.json import CiteProcJSON

from bookstore.citations.formats import cite
from bookstore.citations.keys import citation_keys
from bookstore.errors import BookstoreError
from tests.citations.csl_item_schema import CSL_ITEM

ACCESSED = dt.date(2026, 12, 3)


@pytest.fixture
def by_id(sample_issues):
    return {issue.id: issue for issue in sample_issues}


def test_keys_are_stable_unique_and_readable(sample_issues, by_id) -> None:
    keys = citation_keys(sample_issues)
    assert len(set(keys.values())) == len(sample_issues)
    assert keys[1] == "valiukas2018baltic"
    # The English and Polish editions of one brief clash, and take a and b in id order.
    assert (keys[11], keys[12]) == ("wiorek2019natoa", "wiorek2019natob")
    assert citation_keys([by_id[12], by_id[11]]) == {11: keys[11], 12: keys[12]}
    assert citation_keys([by_id[11]]) == {11: "wiorek2019nato"}
    assert keys[5].isascii() and keys[5].startswith("borovchik2019")  # Михал Боровчик


def test_bibtex_reads_back_with_every_field(by_id) -> None:
    issue = dataclasses.replace(by_id[11], title="NATO & the Black Sea: 100% {adapted}")
    parsed = bibtexparser.parse_string(cite([issue], "bibtex", accessed=ACCESSED))
    assert not parsed.failed_blocks
    (entry,) = parsed.entries
    assert entry.entry_type == "techreport" and entry.key == "wiorek2019nato"
    fields = {field.key: field.value for field in entry.fields}
    assert fields["author"] == "Wiórek, Krzysztof and Markova, Elena"
    assert fields["title"] == r"{NATO \& the Black Sea: 100\% \{adapted\}}"
    assert fields["type"] == "PISM Bulletin" and fields["number"] == "26 (1272)"
    assert fields["institution"] == "Polish Institute of International Affairs"
    month = issue.date.strftime("%b").lower()
    assert (fields["year"], fields["month"], fields["address"]) == ("2019", month, "Warsaw")
    assert fields["url"] == issue.source_url


def test_biblatex_has_full_dates_and_the_language(by_id) -> None:
    parsed = bibtexparser.parse_string(cite([by_id[12]], "biblatex", accessed=ACCESSED))
    (entry,) = parsed.entries
    fields = {field.key: field.value for field in entry.fields}
    assert entry.entry_type == "report"
    assert fields["date"] == by_id[12].date.isoformat() and fields["urldate"] == "2026-12-03"
    assert fields["langid"] == "polish" and fields["location"] == "Warszawa"
    assert fields["institution"] == "Polski Instytut Spraw Międzynarodowych"


def test_ris_reads_back_with_authors_in_order(by_id) -> None:
    issues = [by_id[20], by_id[25]]
    records = rispy.loads(cite(issues, "ris", accessed=ACCESSED))
    assert [r["type_of_reference"] for r in records] == ["RPRT", "RPRT"]
    first, second = records
    assert first["authors"] == ["Orlik, Katarzyna", "Brenner, Lukas"]
    assert first["title"] == by_id[20].title and first["tertiary_title"] == "Policy Paper"
    assert first["year"] == "2020" and first["urls"] == [by_id[20].source_url]
    assert first["keywords"] == list(by_id[20].topics)
    assert second["authors"] == ["Боровчик, Михал", "Домбровская-Ленц, Ева"]
    assert second["language"] == "ru" and second["place_published"] == "Варшава"


def test_csl_json_is_read_by_citeproc(sample_issues) -> None:
    items = json.loads(cite(sample_issues, "csl-json", accessed=ACCESSED))
    for item in items:
        jsonschema.validate(item, CSL_ITEM)
    source = CiteProcJSON(items)
    assert len(source) == len(sample_issues)
    for item, issue in zip(items, sample_issues, strict=True):
        assert item["type"] == "report" and item["title"] == issue.title
        assert item["issued"] == {
            "date-parts": [[issue.date.year, issue.date.month, issue.date.day]]
        }
        assert len(item["author"]) == len(issue.authors)
        assert item["language"] == issue.language


def test_apa_lays_out_a_report_in_a_series(by_id) -> None:
    # APA 7: Author, A. A. (Year). Title of report (Report No. 123). Publisher. URL
    text = cite([by_id[20]], "text", style="apa", accessed=ACCESSED).strip()
    assert text == (
        "Orlik, K., & Brenner, L. (2020). The European Green Deal and Central Europe: Managing "
        "the Costs of Climate Neutrality (Policy Paper No. 2 (188)). Polish Institute of "
        f"International Affairs. {by_id[20].source_url}"
    )


def test_harvard_gives_place_and_access_date_in_the_issues_language(by_id) -> None:
    english, polish = cite(
        [by_id[11], by_id[12]], "text", style="harvard-cite-them-right", accessed=ACCESSED
    ).splitlines()
    assert english.startswith("Wiórek, K. and Markova, E. (2019) NATO in the Black Sea Region")
    assert (
        "PISM Bulletin no. 26 (1272). Warsaw: Polish Institute of International Affairs." in english
    )
    assert english.endswith("(Accessed: 3 December 2026).")
    assert "Warszawa: Polski Instytut Spraw Międzynarodowych." in polish
    assert polish.endswith("(Dostęp: 3 grudnia 2026).")


def test_iso_690_and_chicago(by_id) -> None:
    iso = cite([by_id[1]], "text", style="iso690-author-date-en", accessed=ACCESSED)
    assert iso.startswith("VALIUKAS, Jonas and ORLIK, Katarzyna, 2018. Baltic Power Grids")
    assert "PISM Spotlight, no. 12/2018." in iso and "[Accessed 3 December 2026]" in iso
    assert by_id[1].lead[:40] not in iso  # a reference, not the abstract
    chicago = cite([by_id[1]], "text", style="chicago-author-date", accessed=ACCESSED)
    assert chicago.startswith("Valiukas, J., and K. Orlik. 2018. Baltic Power Grids")


def test_an_unknown_style_is_one_sentence(by_id) -> None:
    with pytest.raises(BookstoreError, match="no citation style named “nonesuch”"):
        cite([by_id[1]], "text", style="nonesuch")
    with pytest.raises(BookstoreError, match="not a citation style's name"):
        cite([by_id[1]], "text", style="../apa")


def test_the_cite_command(run, tmp_path) -> None:
    code, out, err = run("cite", "11", "12", "--format", "bibtex")
    assert code == 0, err
    assert [e.key for e in bibtexparser.parse_string(out).entries] == [
        "wiorek2019natoa",
        "wiorek2019natob",
    ]
    target = tmp_path / "briefs.ris"
    code, out, err = run("cite", "--query", "series:bulletin", "--format", "ris", "-o", str(target))
    assert code == 0, err
    assert len(rispy.loads(target.read_text(encoding="utf-8"))) == 7
    code, out, err = run("cite", "1", "--format", "text", "--style", "nope")
    assert code == 1 and "no citation style named “nope”" in err and "Traceback" not in err
    code, out, err = run("cite", "--query", "zzzznothing", "--format", "ris")
    assert code == 1 and "nothing to cite" in err
