"""Initial schema: event log, metadata and the first projections.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("PRAGMA application_id = 1212764995")  # 0x48495343, "HISC"
    op.create_table(
        "events",
        sa.Column("origin_id", sa.String(32), primary_key=True),
        sa.Column("origin_seq", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.String(36), nullable=False, unique=True),
        sa.Column("hlc", sa.String(24), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("entity", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("parents", sa.Text, nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=True),
    )
    op.create_index("ix_events_hlc", "events", ["hlc"])
    op.create_index("ix_events_entity", "events", ["entity"])
    op.create_index("ix_events_kind", "events", ["kind"])
    # Events are immutable: SQLite itself refuses to change or delete one.
    op.execute(
        "CREATE TRIGGER events_immutable_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are immutable'); END"
    )
    op.execute(
        "CREATE TRIGGER events_immutable_delete BEFORE DELETE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are immutable'); END"
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "plan_items",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("section", sa.String(32), nullable=False),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("hlc", sa.String(24), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
    )
    op.create_table(
        "plan_versions",
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("hlc", sa.String(24), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
    )
    for table in ("contacts", "call_trees"):
        op.create_table(
            table,
            sa.Column("key", sa.Text, primary_key=True),
            sa.Column("event_id", sa.String(36), primary_key=True),
            sa.Column("data", sa.Text, nullable=False),
            sa.Column("hlc", sa.String(24), nullable=False),
        )
    op.create_table(
        "operators",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("hlc", sa.String(24), nullable=False),
        sa.Column("device_id", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for table in ("operators", "call_trees", "contacts", "plan_versions", "plan_items", "meta"):
        op.drop_table(table)
    op.execute("DROP TRIGGER events_immutable_update")
    op.execute("DROP TRIGGER events_immutable_delete")
    op.drop_table("events")
