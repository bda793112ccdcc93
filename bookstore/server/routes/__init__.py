"""The server's HTTP routes: who is asking, the JSON API, the catalog's documents and the issue files."""
