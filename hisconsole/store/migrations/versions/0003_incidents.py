"""Incidents: the incident, its activity log and its systems board.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("scenario", sa.String(64), nullable=True),
        sa.Column("exercise", sa.Integer, nullable=False),
        sa.Column("level", sa.String(4), nullable=False),
        sa.Column("level_hlc", sa.String(40), nullable=False),
        sa.Column("reported_at", sa.String(40), nullable=False),
        sa.Column("declared_at", sa.String(40), nullable=False),
        sa.Column("declared_by", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("resolved_at", sa.String(40), nullable=True),
        sa.Column("closed_at", sa.String(40), nullable=True),
    )
    op.create_table(
        "incident_entries",
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("hlc", sa.String(24), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("group_code", sa.String(16), nullable=True),
        sa.Column("system", sa.String(32), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("corrects", sa.String(36), nullable=True),
    )
    op.create_index("ix_incident_entries_incident_id", "incident_entries", ["incident_id"])
    op.create_table(
        "incident_systems",
        sa.Column("incident_id", sa.String(40), primary_key=True),
        sa.Column("system", sa.String(32), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("since", sa.String(40), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("estimate", sa.Text, nullable=False),
        sa.Column("hlc", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("incident_systems")
    op.drop_index("ix_incident_entries_incident_id", "incident_entries")
    op.drop_table("incident_entries")
    op.drop_table("incidents")
