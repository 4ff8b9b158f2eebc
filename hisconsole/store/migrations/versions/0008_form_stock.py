"""Paper stock of downtime forms.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "form_stock",
        sa.Column("template", sa.String(64), primary_key=True),
        sa.Column("counted", sa.Integer, nullable=False),
        sa.Column("counted_at", sa.String(40), nullable=False),
        sa.Column("counted_by", sa.Text, nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("form_stock")
