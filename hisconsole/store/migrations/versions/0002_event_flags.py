"""Event flags: mark events stamped far in the future (and later, quarantined ones).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The immutability triggers guard UPDATE/DELETE only; adding a column is allowed.
    op.add_column(
        "events", sa.Column("flags", sa.Integer, nullable=False, server_default=sa.text("0"))
    )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("flags")
