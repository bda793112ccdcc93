"""The issue list's column widths, measured in the UI's language: Date, Language and
Price as wide as the longest thing they show (and their heading), Authors a modest fixed
width, so the stretching Title column gets everything else and titles stay readable."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableView

from bookstore.gui.models.issue_model import AUTHORS, DATE, LANGUAGE, PRICE
from bookstore.gui.widgets.formats import Formats
from bookstore.model import Price

AUTHORS_WIDTH = 150
_CELL_MARGINS = 18  # the item's padding on both sides, and a little air
_SORT_ARROW = 22  # room for the header's sort indicator
# The widest a date gets is its longest month name; the series' languages; prices up
# to hundreds. Anything longer is elided.
_DATES = [dt.date(2020, month, 28) for month in range(1, 13)]
_LANGUAGES = ("en", "pl", "ru")
_PRICES = [Price(Decimal("450.00"), "PLN"), Price(Decimal("45.00"), "EUR")]


def fit_columns(view: QTableView, formats: Formats) -> None:
    """Set the measured widths (again after a language change)."""
    model = view.model()
    cells = view.fontMetrics()
    headings = view.horizontalHeader().fontMetrics()

    def fit(column: int, samples: list[str]) -> None:
        heading = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = max(cells.horizontalAdvance(text) for text in samples)
        width = max(widest + _CELL_MARGINS, headings.horizontalAdvance(heading) + _SORT_ARROW)
        view.setColumnWidth(column, width)

    fit(DATE, [formats.date(day) for day in _DATES])
    fit(LANGUAGE, [formats.language_name(code) for code in _LANGUAGES])
    words = [QCoreApplication.translate("IssueTableModel", w) for w in ("Owned", "Free")]
    fit(PRICE, [*words, *(formats.price(price) for price in _PRICES)])
    view.setColumnWidth(AUTHORS, AUTHORS_WIDTH)
