"""The publisher's store: an OPDS catalog that sells issues (``bookstore serve``)."""
