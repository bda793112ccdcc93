"""Reading a store's catalog: OPDS 1.2 (Atom) and 2.0 (JSON), OpenSearch, and the one model of a catalog page."""
