"""After-action review and improvement items.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("incident_id", sa.String(40), primary_key=True),
        sa.Column("went_well", sa.Text, nullable=False),
        sa.Column("went_badly", sa.Text, nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
    )
    op.create_table(
        "improvements",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("owner", sa.Text, nullable=False),
        sa.Column("due", sa.String(10), nullable=False),
        sa.Column("plan_section", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("done", sa.Integer, nullable=False),
        sa.Column("done_at", sa.String(40), nullable=False),
        sa.Column("done_key", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("improvements")
    op.drop_table("reviews")
