"""Form sheets remember the ward or department they were printed for.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("form_serials") as batch:
        batch.add_column(sa.Column("department", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("form_serials") as batch:
        batch.drop_column("department")
