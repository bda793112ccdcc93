"""The store: OPDS client, cart, downloads and feeds (no Qt here); server/ is the publisher's side."""
