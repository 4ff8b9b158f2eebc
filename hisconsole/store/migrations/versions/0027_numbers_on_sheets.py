"""Temporary patient numbers pre-printed on a sheet keep its serial (``sheet``), so a
reprint shows the same numbers and the back-entry knows which number was on which sheet.

Revision ID: 0027
Revises: 0026
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("temp_numbers") as batch:
        batch.add_column(sa.Column("sheet", sa.String(32), nullable=True))
        batch.create_index("ix_temp_numbers_sheet", ["sheet"])


def downgrade() -> None:
    with op.batch_alter_table("temp_numbers") as batch:
        batch.drop_index("ix_temp_numbers_sheet")
        batch.drop_column("sheet")
