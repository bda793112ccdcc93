"""Carts, checkout, payments, money and receipts."""
