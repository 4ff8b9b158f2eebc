"""CAP messages written for an incident are recorded, so Updates reference what went out.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Empty at first: CAP messages written by earlier versions were not recorded.
    op.create_table(
        "cap_messages",
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False, index=True),
        sa.Column("sender", sa.Text, nullable=False),
        sa.Column("identifier", sa.Text, nullable=False),
        sa.Column("sent", sa.String(40), nullable=False),
        sa.Column("msg_type", sa.String(16), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("hlc", sa.String(24), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("cap_messages")
