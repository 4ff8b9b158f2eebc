"""Wards, and the temporary patient numbers issued to them with how far each got.

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wards",
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("name_zh", sa.Text, nullable=False),
        sa.Column("name_en", sa.Text, nullable=False),
        sa.Column("active", sa.Integer, nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
    )
    op.create_table(
        "temp_numbers",
        sa.Column("number", sa.String(32), primary_key=True),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("counter", sa.Integer, nullable=False),
        sa.Column("ward", sa.String(32), nullable=False, index=True),
        sa.Column("incident_id", sa.String(64), nullable=True),
        sa.Column("issued_at", sa.String(40), nullable=False),
        sa.Column("issued_by", sa.Text, nullable=False),
    )
    op.create_table(
        "temp_number_status",
        sa.Column("number", sa.String(32), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_at", sa.String(40), nullable=False),
        sa.Column("status_by", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("key", sa.String(80), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("temp_number_status")
    op.drop_table("temp_numbers")
    op.drop_table("wards")
