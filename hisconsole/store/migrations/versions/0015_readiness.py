"""Readiness between outages: resource checks and contact verification answers.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resource_checks",
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("code", sa.String(200), nullable=False, index=True),
        sa.Column("result", sa.String(16), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    op.create_table(
        "contact_checks",
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("contact_key", sa.Text, nullable=False, index=True),
        sa.Column("result", sa.String(16), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("contact_checks")
    op.drop_table("resource_checks")
