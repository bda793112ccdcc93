"""The store's own database: engine, tables and Alembic migrations."""
