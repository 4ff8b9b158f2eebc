"""Sheets indexed by when they were issued: the paper burn-down counts only the last
hours' sheets, on every alert refresh, without reading a long outage's whole history.

Revision ID: 0025
Revises: 0024
"""

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_form_serials_issued_at", "form_serials", ["issued_at"])


def downgrade() -> None:
    op.drop_index("ix_form_serials_issued_at", table_name="form_serials")
