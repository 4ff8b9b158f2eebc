"""Shift handover sheets of an incident and their acknowledgement.

Revision ID: 0024
Revises: 0023
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handovers",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False, index=True),
        sa.Column("prepared_at", sa.String(40), nullable=False),
        sa.Column("prepared_by", sa.Text, nullable=False),
        sa.Column("outgoing", sa.Text, nullable=False),
        sa.Column("incoming", sa.Text, nullable=False),
        sa.Column("period_id", sa.String(40), nullable=False),
        sa.Column("counts", sa.Text, nullable=False),
        sa.Column("acknowledged_by", sa.Text, nullable=False),
        sa.Column("acknowledged_at", sa.String(40), nullable=False),
        sa.Column("ack_key", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("handovers")
