"""Form sheets remember whether their print job came out: sent, printed or not printed.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("form_serials") as batch:
        batch.add_column(sa.Column("lang", sa.String(8), nullable=False, server_default="zh"))
        batch.add_column(sa.Column("print_state", sa.String(16), nullable=False, server_default=""))
        batch.add_column(sa.Column("print_key", sa.String(80), nullable=False, server_default=""))
        batch.add_column(sa.Column("print_job", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("print_reason", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("reprints", sa.Integer, nullable=False, server_default="0"))
        batch.create_index("ix_form_serials_print_state", ["print_state"])


def downgrade() -> None:
    with op.batch_alter_table("form_serials") as batch:
        batch.drop_index("ix_form_serials_print_state")
        for column in ("reprints", "print_reason", "print_job", "print_key", "print_state", "lang"):
            batch.drop_column(column)
