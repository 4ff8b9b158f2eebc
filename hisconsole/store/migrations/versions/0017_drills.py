"""Drill runs and their injects.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drill_runs",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("scenario", sa.String(64), nullable=False),
        sa.Column("script", sa.Text, nullable=False),
        sa.Column("calendar", sa.String(64), nullable=False),
        sa.Column("speed", sa.Integer, nullable=False),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("started_by", sa.Text, nullable=False),
        sa.Column("controls", sa.Text, nullable=False),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("incident_key", sa.String(64), nullable=False),
        sa.Column("ended_at", sa.String(40), nullable=False),
        sa.Column("score", sa.Text, nullable=False),
        sa.Column("score_key", sa.String(64), nullable=False),
    )
    op.create_index("ix_drill_runs_calendar", "drill_runs", ["calendar"])
    op.create_index("ix_drill_runs_incident_id", "drill_runs", ["incident_id"])
    op.create_table(
        "drill_injects",
        sa.Column("drill_id", sa.String(40), primary_key=True),
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("at_minutes", sa.Float, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("state_key", sa.String(64), nullable=False),
        sa.Column("delivered_at", sa.String(40), nullable=False),
        sa.Column("drill_seconds", sa.Float, nullable=True),
        sa.Column("refs", sa.Text, nullable=False),
        sa.Column("intake_id", sa.String(64), nullable=False),
    )
    op.create_index("ix_drill_injects_intake_id", "drill_injects", ["intake_id"])


def downgrade() -> None:
    op.drop_table("drill_injects")
    op.drop_table("drill_runs")
