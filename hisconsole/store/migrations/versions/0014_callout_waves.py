"""Call-out waves: each call-out keeps its tree's levels (need N within M minutes), and a
call records the ETA of someone who is coming.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Call-outs started before had no levels: "[]" (plain cascade) is what they were.
    with op.batch_alter_table("callouts") as batch:
        batch.add_column(sa.Column("levels", sa.Text, nullable=False, server_default="[]"))
    with op.batch_alter_table("callout_attempts") as batch:
        batch.add_column(sa.Column("eta_minutes", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("callout_attempts") as batch:
        batch.drop_column("eta_minutes")
    with op.batch_alter_table("callouts") as batch:
        batch.drop_column("levels")
