"""Held events keep why as a reason code and its facts (JSON), so each reader sees the
reason in their own language; rows from before keep only their English ``reason`` text
(shown as it is).

Revision ID: 0026
Revises: 0025
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_held") as batch:
        batch.add_column(sa.Column("reason_code", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("reason_params", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sync_held") as batch:
        batch.drop_column("reason_params")
        batch.drop_column("reason_code")
