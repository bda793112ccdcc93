"""The store's own tables (accounts, tokens, carts, orders, payments, entitlements).

SQLAlchemy Core tables; Alembic migrations in ``migrations/`` create them. Times are
Unix seconds (UTC) and money is in minor units (grosze), so both databases store
them exactly and alike.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

account = sa.Table(
    "account",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(320), nullable=False, unique=True),  # lower-cased
    sa.Column("name", sa.String(200), nullable=False, server_default=""),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("created_at", sa.BigInteger, nullable=False),
)

token = sa.Table(
    "token",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "account_id", sa.Integer, sa.ForeignKey("account.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),  # SHA-256 hex
    sa.Column("created_at", sa.BigInteger, nullable=False),
    sa.Column("expires_at", sa.BigInteger, nullable=False),
    sa.Column("revoked_at", sa.BigInteger),
)

login_failure = sa.Table(
    "login_failure",
    metadata,
    sa.Column("subject", sa.String(400), primary_key=True),  # "account:EMAIL" or "address:IP"
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("first_at", sa.BigInteger, nullable=False),
    sa.Column("locked_until", sa.BigInteger, nullable=False),
)

cart_item = sa.Table(
    "cart_item",
    metadata,
    sa.Column(
        "account_id", sa.Integer, sa.ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("issue_id", sa.Integer, primary_key=True),
    sa.Column("added_at", sa.BigInteger, nullable=False),
)

order = sa.Table(
    "purchase_order",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("account_id", sa.Integer, sa.ForeignKey("account.id"), nullable=False, index=True),
    sa.Column(
        "status", sa.String(30), nullable=False
    ),  # pending, paid, declined, insufficient_funds, interrupted
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("net_minor", sa.BigInteger, nullable=False),
    sa.Column("vat_minor", sa.BigInteger, nullable=False),
    sa.Column("gross_minor", sa.BigInteger, nullable=False),
    sa.Column("vat_rate", sa.String(10), nullable=False),  # percent, "5"
    sa.Column("created_at", sa.BigInteger, nullable=False),
    sa.Column("card_last4", sa.String(4)),  # kept to settle an order cut off mid-payment
)

order_item = sa.Table(
    "order_item",
    metadata,
    sa.Column(
        "order_id",
        sa.Integer,
        sa.ForeignKey("purchase_order.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("issue_id", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("amount_minor", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
)

payment = sa.Table(
    "payment",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "order_id", sa.Integer, sa.ForeignKey("purchase_order.id"), nullable=False, index=True
    ),
    sa.Column("provider", sa.String(40), nullable=False),
    sa.Column("status", sa.String(30), nullable=False),
    sa.Column("reference", sa.String(100), nullable=False),
    sa.Column("card_last4", sa.String(4), nullable=False),
    sa.Column("amount_minor", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("created_at", sa.BigInteger, nullable=False),
)

entitlement = sa.Table(
    "entitlement",
    metadata,
    sa.Column(
        "account_id", sa.Integer, sa.ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("issue_id", sa.Integer, primary_key=True),
    sa.Column("order_id", sa.Integer, sa.ForeignKey("purchase_order.id"), nullable=False),
    sa.Column("granted_at", sa.BigInteger, nullable=False),
)

shelf_claim = sa.Table(
    "shelf_claim",  # free issues a signed-in reader took, so a new machine restores them too
    metadata,
    sa.Column(
        "account_id", sa.Integer, sa.ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("issue_id", sa.Integer, primary_key=True),
    sa.Column("claimed_at", sa.BigInteger, nullable=False),
)

idempotency = sa.Table(
    "idempotency_key",
    metadata,
    sa.Column(
        "account_id", sa.Integer, sa.ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("request_hash", sa.String(64), nullable=False),
    sa.Column("status_code", sa.Integer),  # NULL while the request is being processed
    sa.Column("response", sa.Text),
    sa.Column("created_at", sa.BigInteger, nullable=False),  # renewed when a retry takes over
    sa.Column("order_id", sa.Integer),  # the order this checkout made, once made
)

checkout_hold = sa.Table(
    # One row per issue an account is paying for or has paid for: the primary key
    # lets at most one order charge for an issue, whatever runs at the same time.
    "checkout_hold",
    metadata,
    sa.Column(
        "account_id", sa.Integer, sa.ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("issue_id", sa.Integer, primary_key=True),
    sa.Column(
        "order_id",
        sa.Integer,
        sa.ForeignKey("purchase_order.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
)

setting = sa.Table(
    "setting",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
