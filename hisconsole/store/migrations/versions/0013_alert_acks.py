"""Who acknowledged which alert, and when.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_acks",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("order_key", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("alert_acks")
