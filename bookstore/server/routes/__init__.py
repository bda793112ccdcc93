"""The server's HTTP routes: the JSON API, the catalog's documents and the issue files."""
