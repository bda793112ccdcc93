"""Migration 0003 on a store that has data: what was bought is held by its order (so
it cannot be charged again), and addresses take their normal form."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from bookstore.server.db import database


def test_a_store_at_0002_keeps_its_purchases_held_and_its_addresses_normal(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    engine = database._engine(url)
    config = Config()
    config.set_main_option("script_location", str(database._MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    with engine.begin() as db:
        db.execute(
            sa.text(
                "INSERT INTO account (id, email, name, password_hash, created_at) VALUES "
                "(1, 'straße@example.org', '', 'x', 0), (2, 'ｅｗａ@example.org', '', 'x', 0), "
                "(3, 'ewa@example.org', '', 'x', 0)"
            )
        )
        db.execute(
            sa.text(
                "INSERT INTO purchase_order (id, account_id, status, currency, net_minor, "
                "vat_minor, gross_minor, vat_rate, created_at) "
                "VALUES (7, 1, 'paid', 'PLN', 1429, 71, 1500, '5', 0)"
            )
        )
        db.execute(
            sa.text(
                "INSERT INTO entitlement (account_id, issue_id, order_id, granted_at) "
                "VALUES (1, 21, 7, 0)"
            )
        )
    engine.dispose()
    migrated = database.open_database(url)
    with migrated.connect() as db:
        holds = db.execute(sa.text("SELECT account_id, issue_id, order_id FROM checkout_hold"))
        assert holds.all() == [(1, 21, 7)]
        emails = dict(db.execute(sa.text("SELECT id, email FROM account")).all())
    assert emails == {1: "strasse@example.org", 2: "ｅｗａ@example.org", 3: "ewa@example.org"}
    migrated.dispose()
