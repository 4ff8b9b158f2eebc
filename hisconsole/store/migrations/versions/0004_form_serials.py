"""Form serials: every printed downtime sheet, tracked until it is back in the HIS.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "form_serials",
        sa.Column("serial", sa.String(24), primary_key=True),
        sa.Column("template", sa.String(64), nullable=False),
        sa.Column("template_version", sa.Integer, nullable=False),
        sa.Column("incident_id", sa.String(40), nullable=True),
        sa.Column("issued_at", sa.String(40), nullable=False),
        sa.Column("issued_by", sa.Text, nullable=False),
        sa.Column("device_id", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_key", sa.String(64), nullable=False),
        sa.Column("status_at", sa.String(40), nullable=False),
        sa.Column("status_by", sa.Text, nullable=False),
        sa.Column("his_ref", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_form_serials_incident_id", "form_serials", ["incident_id"])
    op.create_index("ix_form_serials_status", "form_serials", ["status"])


def downgrade() -> None:
    op.drop_table("form_serials")
