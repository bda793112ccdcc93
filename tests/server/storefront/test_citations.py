"""Citations on the storefront: the Highwire meta tags read back from an issue's page
as Zotero's connector and Google Scholar read them (``html > head > meta``), the RIS
and BibTeX downloads read back by rispy and bibtexparser, the formatted citation in
each style and language, and nothing of a priced issue's text for a non-owner."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from decimal import Decimal

import bibtexparser
import lxml.html
import pytest
import rispy
from starlette.testclient import TestClient

from bookstore.citations.formats import csl_items
from bookstore.model import Issue, Numbering, Price, Series
from bookstore.server.app import create_app
from bookstore.server.services import build_services
from bookstore.server.shop import payments
from bookstore.server.storefront.citation_tags import highwire_tags
from bookstore.server.storefront.pages_citations import STYLES
from tests.server.storefront.conftest import buy, register

BASE = "http://testserver"
PUBLISHERS = {
    "en": "Polish Institute of International Affairs",
    "pl": "Polski Instytut Spraw Międzynarodowych",
    "ru": "Польский институт международных дел",
}


def _document(client, path: str, **params: str):
    answer = client.get(path, params=params)
    assert answer.status_code == 200, path
    return lxml.html.fromstring(answer.text)


def _tags(document) -> dict[str, list[str]]:
    """The citation_* meta tags where the readers look: children of the head."""
    found: dict[str, list[str]] = {}
    for meta in document.xpath("/html/head/meta[starts-with(@name, 'citation_')]"):
        found.setdefault(meta.get("name"), []).append(meta.get("content"))
    anywhere = document.xpath("//meta[starts-with(@name, 'citation_')]")
    assert len(anywhere) == sum(len(values) for values in found.values()), "all in the head"
    return found


def _issue(shop, issue_id: int) -> Issue:
    return next(issue for issue in shop.issues if issue.id == issue_id)


def _number(issue: Issue) -> str:
    if issue.series.numbering is Numbering.RUNNING and issue.running_number is not None:
        return f"{issue.number} ({issue.running_number})"
    return f"{issue.number}/{issue.year}"


def test_the_tags_say_what_the_issue_is(browser, shop):
    for issue in shop.issues:
        tags = _tags(_document(browser, f"/store/issues/{issue.id}"))
        single = {name: values[0] for name, values in tags.items() if len(values) == 1}
        assert single["citation_title"] == issue.title
        assert len(tags["citation_author"]) == len(issue.authors)
        date = issue.date.strftime("%Y/%m/%d")
        assert single["citation_publication_date"] == single["citation_date"] == date
        assert single["citation_publisher"] == PUBLISHERS[issue.language]
        assert single["citation_technical_report_institution"] == PUBLISHERS[issue.language]
        assert single["citation_technical_report_number"] == _number(issue)
        assert single["citation_series_title"] == issue.series.name_in(issue.language)
        assert single["citation_language"] == issue.language
        assert single["citation_abstract"] == " ".join(issue.lead.split())
        assert tags.get("citation_keywords", []) == list(issue.topics)
        assert "citation_issn" not in tags  # the sample's series have none
        page = f"{BASE}/store/issues/{issue.id}"
        if issue.is_free:
            assert single["citation_fulltext_html_url"] == page
            assert single["citation_pdf_url"] == f"{BASE}/files/{issue.id}.pdf"
            assert "citation_abstract_html_url" not in tags
        else:
            assert single["citation_abstract_html_url"] == page
            assert "citation_fulltext_html_url" not in tags


def test_authors_are_family_comma_given_in_order(browser, shop):
    english = _tags(_document(browser, "/store/issues/15"))
    assert english["citation_author"] == ["Brenner, Lukas", "Rybińska, Joanna"]
    russian = _tags(_document(browser, "/store/issues/25"))
    assert russian["citation_author"] == ["Боровчик, Михал", "Домбровская-Ленц, Ева"]


def test_the_free_pdf_address_downloads_the_pdf(browser, shop):
    issue = shop.free()[0]
    (pdf,) = _tags(_document(browser, f"/store/issues/{issue.id}"))["citation_pdf_url"]
    answer = browser.get(pdf.removeprefix(BASE))
    assert answer.status_code == 200
    assert answer.content.startswith(b"%PDF")


def _pieces(issue: Issue) -> list[str]:
    return [
        paragraph[:80]
        for section in issue.sections
        for paragraph in section.paragraphs
        if paragraph[:80] not in issue.lead
    ]


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
def test_a_priced_issue_declares_no_pdf_and_no_text_to_a_non_owner(browser, shop, language):
    for issue in shop.priced():
        answer = browser.get(f"/store/issues/{issue.id}", params={"lang": language})
        tags = _tags(lxml.html.fromstring(answer.text))
        assert "citation_pdf_url" not in tags
        assert "/files/" not in answer.text
        text = html.unescape(answer.text)
        assert all(piece not in text for piece in _pieces(issue)), issue.label
        for name in ("citation.ris", "citation.bib"):
            record = browser.get(f"/store/issues/{issue.id}/{name}").text
            assert all(piece not in record for piece in _pieces(issue)), name


def test_the_owner_is_given_the_pdf_link(browser, shop):
    register(browser)
    issue = shop.priced()[1]
    assert buy(browser, issue.id).status_code == 303
    tags = _tags(_document(browser, f"/store/issues/{issue.id}"))
    assert tags["citation_fulltext_html_url"] == [f"{BASE}/store/issues/{issue.id}"]
    (pdf,) = tags["citation_pdf_url"]
    assert pdf.startswith(f"{BASE}/files/{issue.id}.pdf?") and "signature=" in pdf
    answer = browser.get(pdf.removeprefix(BASE))
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")


def test_an_issn_is_declared_where_known():
    series = Series("bulletin", {"en": "PISM Bulletin"}, Numbering.RUNNING, issn="1233-9946")
    issue = Issue(
        series=series,
        number=26,
        year=2019,
        title="NATO in the Black Sea Region",
        date=dt.date(2019, 2, 21),
        language="en",
        lead="A lead.",
        authors=("Krzysztof Wiórek",),
        running_number=1272,
        price=Price(Decimal("10.00"), "PLN"),
        id=1,
    )
    tags = highwire_tags(csl_items([issue])[0], f"{BASE}/store/issues/1", readable=False)
    assert ("citation_issn", "1233-9946") in tags
    assert ("citation_technical_report_number", "26 (1272)") in tags
    assert not any(name == "citation_pdf_url" for name, _ in tags)


def test_ris_download_reads_back_with_rispy(browser, shop):
    for issue_id in (15, 25, 26):
        issue = _issue(shop, issue_id)
        answer = browser.get(f"/store/issues/{issue_id}/citation.ris")
        assert answer.status_code == 200
        assert (
            answer.headers["content-type"] == "application/x-research-info-systems; charset=utf-8"
        )
        disposition = answer.headers["content-disposition"]
        assert re.fullmatch(r'attachment; filename="[a-z0-9]+\.ris"', disposition), disposition
        (record,) = rispy.loads(answer.content.decode("utf-8"))
        assert record["type_of_reference"] == "RPRT"
        assert record["title"] == issue.title
        assert len(record["authors"]) == len(issue.authors)
        assert record["tertiary_title"] == issue.series.name_in(issue.language)
        assert record["number"] == _number(issue)
        assert record["year"] == str(issue.year)
        assert record["publisher"] == PUBLISHERS[issue.language]
        assert record["language"] == issue.language
        assert record["keywords"] == list(issue.topics)
    assert rispy.loads(browser.get("/store/issues/25/citation.ris").text)[0]["authors"] == [
        "Боровчик, Михал",
        "Домбровская-Ленц, Ева",
    ]


def test_bibtex_download_reads_back_with_bibtexparser(browser, shop):
    for issue_id in (11, 12, 26):
        issue = _issue(shop, issue_id)
        answer = browser.get(f"/store/issues/{issue_id}/citation.bib")
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/x-bibtex; charset=utf-8"
        parsed = bibtexparser.parse_string(answer.content.decode("utf-8"))
        assert not parsed.failed_blocks
        (entry,) = parsed.entries
        assert entry.entry_type == "techreport"
        assert answer.headers["content-disposition"] == f'attachment; filename="{entry.key}.bib"'
        fields = {field.key: field.value for field in entry.fields}
        assert fields["title"] == "{" + issue.title + "}"
        assert fields["number"] == _number(issue)
        assert fields["institution"] == PUBLISHERS[issue.language]
        assert fields["year"] == str(issue.year)
        assert fields["author"].count(" and ") == len(issue.authors) - 1
    # one issue alone: its key has no clash suffix, though its translation shares it
    assert browser.get("/store/issues/12/citation.bib").headers["content-disposition"] == (
        'attachment; filename="wiorek2019nato.bib"'
    )


def test_an_unknown_issue_has_no_citation(browser):
    for name in ("citation.ris", "citation.bib"):
        assert browser.get(f"/store/issues/99999/{name}").status_code == 404


def _reference(document) -> str:
    (paragraph,) = document.xpath("//section[@class='cite']//p[@class='reference']")
    return paragraph.text_content()


def _chosen(document) -> str:
    (option,) = document.xpath("//select[@name='style']/option[@selected]")
    return option.get("value")


# What tells each style apart in a report's reference, in each page language: the
# author as the style writes them, and the words it puts before the address.
EXPECTED = {
    "apa": {
        "en": ("Brenner, L., & Rybińska, J. (2020).", ""),
        "pl": ("Brenner, L., & Rybińska, J. (2020).", ""),
        "ru": ("Brenner, L., & Rybińska, J. (2020).", ""),
    },
    "chicago-author-date": {
        "en": ("Brenner, L., and J. Rybińska. 2020.", ""),
        "pl": ("Brenner, L., i J. Rybińska. 2020.", ""),
        "ru": ("Brenner, L., и J. Rybińska. 2020.", ""),
    },
    "harvard-cite-them-right": {
        "en": ("Brenner, L. and Rybińska, J. (2020)", "Available at:"),
        "pl": ("Brenner, L. i Rybińska, J. (2020)", "Dostępne na:"),
        "ru": ("Brenner, L. и Rybińska, J. (2020)", "Доступно на:"),
    },
    "iso690-author-date-en": {
        "en": ("BRENNER, Lukas and RYBIŃSKA, Joanna, 2020.", "Available from:"),
        "pl": ("BRENNER, Lukas i RYBIŃSKA, Joanna, 2020.", "Available from:"),
        "ru": ("BRENNER, Lukas и RYBIŃSKA, Joanna, 2020.", "Available from:"),
    },
}


@pytest.mark.parametrize("language", ["en", "pl", "ru"])
@pytest.mark.parametrize("style", [name for name, _ in STYLES])
def test_the_style_switch_works_in_each_language(browser, shop, style, language):
    issue = _issue(shop, 15)
    document = _document(browser, f"/store/issues/{issue.id}", style=style, lang=language)
    assert _chosen(document) == style
    reference = _reference(document)
    start, before_address = EXPECTED[style][language]
    assert reference.startswith(start), reference
    assert issue.title in reference and issue.source_url in reference
    assert f"{before_address} {issue.source_url}".strip() in reference
    # the form asks again by GET, with no script
    (form,) = document.xpath("//section[@class='cite']//form")
    assert form.get("method") == "get" and not document.xpath("//script")


def test_the_default_style_is_apa_and_a_strange_one_falls_back_to_it(browser):
    plain = _document(browser, "/store/issues/15")
    strange = _document(browser, "/store/issues/15", style="../../etc/passwd")
    assert _chosen(plain) == _chosen(strange) == "apa"
    assert _reference(plain) == _reference(strange)
    assert _reference(plain).startswith("Brenner, L., & Rybińska, J. (2020).")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("Cite this issue", "Download RIS", "Download BibTeX")),
        ("pl", ("Jak cytować to wydanie", "Pobierz RIS", "Pobierz BibTeX")),
        ("ru", ("Как цитировать этот выпуск", "Скачать RIS", "Скачать BibTeX")),
    ],
)
def test_the_citation_section_speaks_the_page_language(browser, language, words):
    document = _document(browser, "/store/issues/26", lang=language)
    section = document.xpath("//section[@class='cite']")[0].text_content()
    assert all(word in section for word in words)
    links = document.xpath("//section[@class='cite']//a/@href")
    assert links == ["/store/issues/26/citation.ris", "/store/issues/26/citation.bib"]


def test_addresses_start_with_the_configured_public_address(shop, tmp_path):
    config = dataclasses.replace(
        shop.services.config,
        database_url=f"sqlite:///{tmp_path}/store.sqlite",
        cache=tmp_path / "cache",
        public_url="https://store.example.org/",
    )
    services = build_services(config, provider=payments.TestProvider())
    try:
        client = TestClient(create_app(services), base_url="http://10.0.0.7:8080")
        tags = _tags(_document(client, "/store/issues/15"))
    finally:
        services.close()
    assert tags["citation_fulltext_html_url"] == ["https://store.example.org/store/issues/15"]
    assert tags["citation_pdf_url"] == ["https://store.example.org/files/15.pdf"]
