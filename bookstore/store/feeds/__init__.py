"""Subscriptions: RSS, Atom and OPDS feeds whose new items become issues of the library."""
