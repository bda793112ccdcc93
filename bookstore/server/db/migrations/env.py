"""Alembic's entry point: run the migrations on the connection the server hands over."""

from alembic import context

from bookstore.server.db.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # Several server processes may start at once against one database: one
        # migrates while the others wait, then find nothing left to do.
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7311090441)")
    context.run_migrations()
