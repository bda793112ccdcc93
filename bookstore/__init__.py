"""Bookstore: a desktop e-bookstore for the numbered series of a policy institute."""

__version__ = "0.1.0"
