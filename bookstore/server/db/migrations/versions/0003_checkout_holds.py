"""One charge per issue and account: ``checkout_hold``; a checkout's order on its key;
addresses stored NFKC and case-folded (they were lower-cased)."""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkout_hold",
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            primary_key=True,
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
    op.add_column("idempotency_key", sa.Column("order_id", sa.Integer))
    op.add_column("purchase_order", sa.Column("card_last4", sa.String(4)))
    # What was bought before is held by the order that bought it.
    op.execute(
        "INSERT INTO checkout_hold (account_id, issue_id, order_id) "
        "SELECT account_id, issue_id, order_id FROM entitlement"
    )
    _normalise_addresses()


def _normalise_addresses() -> None:
    """An address whose normal form another account already has is left as it was."""
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, email FROM account")).all()
    taken = {email for _, email in rows}
    for account_id, email in rows:
        normal = unicodedata.normalize("NFKC", email).strip().casefold()
        if normal != email and normal not in taken:
            connection.execute(
                sa.text("UPDATE account SET email = :email WHERE id = :id"),
                {"email": normal, "id": account_id},
            )
            taken.add(normal)


def downgrade() -> None:
    op.drop_column("purchase_order", "card_last4")
    op.drop_column("idempotency_key", "order_id")
    op.drop_table("checkout_hold")
