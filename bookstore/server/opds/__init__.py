"""The catalog as OPDS 1.2 and OPDS 2.0 documents, with its OpenSearch description."""
