"""The sync history keeps its notes as codes and params (JSON), so each reader sees them in
their own language; older records keep only their English text in ``note``.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_history") as batch:
        batch.add_column(sa.Column("notes", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sync_history") as batch:
        batch.drop_column("notes")
