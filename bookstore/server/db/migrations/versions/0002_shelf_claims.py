"""Free issues on a reader's shelf: ``shelf_claim``."""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shelf_claim",
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("issue_id", sa.Integer, primary_key=True),
        sa.Column("claimed_at", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("shelf_claim")
