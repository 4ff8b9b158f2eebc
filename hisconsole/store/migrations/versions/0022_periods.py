"""Operational periods of an incident and their objectives.

Revision ID: 0022
Revises: 0021
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "periods",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False, index=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("starts_at", sa.String(40), nullable=False),
        sa.Column("length_hours", sa.Integer, nullable=False),
        sa.Column("briefing", sa.Text, nullable=False),
        sa.Column("groups", sa.Text, nullable=False),
        sa.Column("carried_objectives", sa.Text, nullable=False),
        sa.Column("carried_tasks", sa.Text, nullable=False),
        sa.Column("started_by", sa.Text, nullable=False),
        sa.Column("order_key", sa.String(64), nullable=False),
    )
    op.create_table(
        "period_objectives",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False, index=True),
        sa.Column("period_id", sa.String(40), nullable=False),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("done", sa.Integer, nullable=False),
        sa.Column("done_at", sa.String(40), nullable=False),
        sa.Column("done_by", sa.Text, nullable=False),
        sa.Column("done_key", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("period_objectives")
    op.drop_table("periods")
