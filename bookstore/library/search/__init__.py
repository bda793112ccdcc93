"""Full-text search: the query language, its compilation to tantivy, ranking, snippets,
and the index kept in step with the database."""
