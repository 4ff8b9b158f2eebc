"""Tasks beyond the checklists: owner, group, due time and status.

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tasks",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("owner", sa.Text, nullable=False),
        sa.Column("group_code", sa.String(16), nullable=False, server_default=""),
        sa.Column("due_at", sa.String(40), nullable=False),
        sa.Column("source", sa.String(16), nullable=False, server_default=""),
        sa.Column("source_ref", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_at", sa.String(40), nullable=False),
        sa.Column("status_by", sa.Text, nullable=False),
        sa.Column("status_key", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("tasks")
