"""The command roster: who signed in to which post of an incident, and out again.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roster_shifts",
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False, index=True),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("person", sa.Text, nullable=False),
        sa.Column("signed_in_at", sa.String(40), nullable=False),
        sa.Column("signed_in_by", sa.Text, nullable=False),
        sa.Column("order_key", sa.String(64), nullable=False),
        sa.Column("relieves", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("signed_out_at", sa.String(40), nullable=False, server_default=""),
        sa.Column("signed_out_by", sa.Text, nullable=False, server_default=""),
        sa.Column("out_key", sa.String(64), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("roster_shifts")
