import datetime as dt
from decimal import Decimal

from bookstore.model import Issue, Numbering, Price, Series

SPOTLIGHT = Series("spotlight", {"en": "PISM Spotlight", "pl": "PISM Spotlight"})
BULLETIN = Series("bulletin", {"en": "PISM Bulletin", "pl": "Biuletyn PISM"}, Numbering.RUNNING)
PAPER = Series(
    "policy-paper", {"en": "Policy Paper", "ru": "Аналитический доклад"}, Numbering.RUNNING
)


def _issue(series: Series, language: str = "en", running: int | None = None) -> Issue:
    return Issue(series, 2, 2019, "T", dt.date(2019, 1, 11), language, "L", running_number=running)


def test_each_series_prints_its_label_in_its_own_style():
    assert _issue(SPOTLIGHT).label == "PISM Spotlight no. 2/2019"
    assert _issue(BULLETIN, running=1272).label == "PISM Bulletin no. 2 (1272)"
    assert _issue(BULLETIN, "pl", 1272).label == "Biuletyn PISM nr 2 (1272)"
    assert _issue(PAPER, "ru", 170).label == "Аналитический доклад № 2 (170)"
    assert _issue(SPOTLIGHT, "pl").label == "PISM Spotlight nr 2/2019"


def test_a_running_series_without_a_running_number_falls_back_to_number_and_year():
    assert _issue(BULLETIN).number_label == "no. 2/2019"


def test_price_parses_and_prints_two_decimals():
    price = Price.parse({"amount": "12", "currency": "PLN"})
    assert price == Price(Decimal("12.00"), "PLN")
    assert price.to_json() == {"amount": "12.00", "currency": "PLN"}
    assert Price.parse(None) is None


def test_a_book_in_no_series_is_labelled_without_a_number(sample_issues) -> None:
    import dataclasses

    from bookstore.model import NO_SERIES_SLUG, Series

    unplaced = Series(NO_SERIES_SLUG, {"en": "Not in a series", "pl": "Poza serią"})
    issue = dataclasses.replace(sample_issues[0], series=unplaced, language="pl")
    assert issue.label == "Poza serią"
    assert sample_issues[0].label.endswith(sample_issues[0].number_label)
