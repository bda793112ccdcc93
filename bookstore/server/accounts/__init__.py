"""The store's customers: registration, passwords, tokens, signed links and throttling."""
