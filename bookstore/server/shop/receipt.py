"""The receipt of a paid order as a PDF (reportlab): seller, buyer, items, net, VAT,
gross and the order number, in the buyer's language (its words, and its dates and
prices by CLDR). DejaVu faces, so Polish and Russian print."""

from __future__ import annotations

import datetime as dt
import io
import threading
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from babel.dates import format_datetime
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bookstore.export.pdf.fonts import SANS, face, register_fonts
from bookstore.i18n.languages import cldr_locale
from bookstore.i18n.messages import N_, say
from bookstore.i18n.words import Words
from bookstore.prices import written_price
from bookstore.server.accounts.customers import Customer


@dataclass(frozen=True)
class Seller:
    name: str = "Polish Institute of International Affairs"
    address: str = "ul. Warecka 1a, 00-950 Warsaw, Poland"
    tax_id: str = ""


class ReceiptMaker:
    def __init__(self, seller: Seller) -> None:
        self.seller = seller
        self._lock = threading.Lock()  # reportlab's font registry is shared by the process

    def pdf(self, order: dict[str, Any], buyer: Customer, words: Words) -> bytes:
        with self._lock:
            register_fonts([face(SANS), face(SANS, bold=True)])
            return self._build(order, buyer, words)

    def _build(self, order: dict[str, Any], buyer: Customer, words: Words) -> bytes:
        locale = cldr_locale(words.language)

        def money(value: dict[str, str]) -> str:
            return written_price(Decimal(value["amount"]), value["currency"], locale)

        regular, bold = face(SANS), face(SANS, bold=True)
        text = ParagraphStyle("text", fontName=regular, fontSize=10, leading=13)
        small = ParagraphStyle("small", parent=text, fontSize=8.5, leading=11)
        heading = ParagraphStyle(
            "heading", fontName=bold, fontSize=18, leading=22, spaceAfter=4 * mm
        )
        buffer = io.BytesIO()
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=20 * mm,
            bottomMargin=20 * mm,
            title=words.say(say("Receipt {number}", number=order["number"])),
            author=self.seller.name,
            creator="Bookstore",
        )
        seller, buyer_word = words.text(N_("Seller")), words.text(N_("Buyer"))
        seller_lines = [
            f"<b>{escape(seller)}</b>",
            escape(self.seller.name),
            escape(self.seller.address),
        ]
        if self.seller.tax_id:
            seller_lines.append(escape(words.say(say("VAT ID: {id}", id=self.seller.tax_id))))
        buyer_lines = [
            f"<b>{escape(buyer_word)}</b>",
            *([escape(buyer.name)] if buyer.name else []),
            escape(buyer.email),
        ]
        parties = Table(
            [
                [
                    Paragraph("<br/>".join(seller_lines), text),
                    Paragraph("<br/>".join(buyer_lines), text),
                ]
            ],
            colWidths=[83 * mm, 83 * mm],
            hAlign="LEFT",
        )
        parties.setStyle(
            TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        )
        payment = order.get("payment") or {}
        created = dt.datetime.fromisoformat(order["created_at"].replace("Z", "+00:00"))
        facts_line = say(
            "Order {number} · {when} UTC · paid by card ending {last4}",
            number=order["number"],
            when=format_datetime(created, "medium", tzinfo=dt.UTC, locale=locale),
            last4=payment.get("card_last4", ""),
        )
        facts = Paragraph(escape(words.say(facts_line)), text)
        rows: list[list[Any]] = [[words.text(N_("Item")), words.text(N_("Price (gross)"))]]
        for item in order["items"]:
            label = f"{escape(item['label'])}<br/><font size=8.5>{escape(item['title'])}</font>"
            rows.append([Paragraph(label, text), money(item["price"])])
        rate = order["vat_rate"]
        rows += [
            [words.text(N_("Net")), money(order["net"])],
            [words.say(say("VAT {rate} % (e-publications)", rate=rate)), money(order["vat"])],
            [words.text(N_("Total (gross)")), money(order["gross"])],
        ]
        items = Table(rows, colWidths=[126 * mm, 40 * mm], repeatRows=1, hAlign="LEFT")
        last = len(rows) - 1
        items.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), regular, 10),
                    ("FONT", (0, 0), (-1, 0), bold, 10),
                    ("FONT", (0, last), (-1, last), bold, 11),
                    ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                    ("LINEABOVE", (0, last - 2), (-1, last - 2), 0.5, colors.grey),
                    ("LINEABOVE", (0, last), (-1, last), 0.8, colors.black),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        note = say(
            "Prices include VAT at {rate} %, the Polish rate for electronic publications "
            "(art. 41 ust. 2a of the VAT Act). Electronic delivery: the files are in your "
            "account's shelf.",
            rate=rate,
        )
        story = [
            Paragraph(escape(words.text(N_("Receipt"))), heading),
            parties,
            Spacer(0, 6 * mm),
            facts,
            Spacer(0, 6 * mm),
            items,
            Spacer(0, 8 * mm),
            Paragraph(escape(words.say(note)), small),
        ]
        document.build(story)
        return buffer.getvalue()
