"""The library's SQLite database: the connection, the schema's migrations, and rows to and from the model."""
