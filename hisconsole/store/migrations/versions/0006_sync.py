"""Sync bookkeeping: devices seen, held (quarantined/rejected/pending) events, exchanges,
and the order in which this laptop applied its events (rebuilds replay that order).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The order events were applied here. Events from laptops whose clocks disagree may
    # carry stamps that do not follow cause and effect; replaying this order does.
    op.create_table(
        "event_order",
        sa.Column("pos", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin_id", sa.String(32), nullable=False),
        sa.Column("origin_seq", sa.Integer, nullable=False),
        sa.UniqueConstraint("origin_id", "origin_seq", name="uq_event_order_event"),
        sqlite_autoincrement=True,
    )
    op.execute(
        "INSERT INTO event_order (origin_id, origin_seq) SELECT origin_id, origin_seq "
        "FROM events ORDER BY hlc, origin_id, origin_seq"
    )
    op.execute(
        "CREATE TRIGGER events_record_order AFTER INSERT ON events BEGIN "
        "INSERT INTO event_order (origin_id, origin_seq) VALUES (NEW.origin_id, NEW.origin_seq); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER event_order_immutable_update BEFORE UPDATE ON event_order "
        "BEGIN SELECT RAISE(ABORT, 'events are immutable'); END"
    )
    op.execute(
        "CREATE TRIGGER event_order_immutable_delete BEFORE DELETE ON event_order "
        "BEGIN SELECT RAISE(ABORT, 'events are immutable'); END"
    )
    op.create_table(
        "sync_devices",
        sa.Column("device_id", sa.String(32), primary_key=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("first_seen", sa.String(40), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("accepted_at", sa.String(40), nullable=True),
        sa.Column("accepted_by", sa.Text, nullable=True),
    )
    op.create_table(
        "sync_held",
        sa.Column("origin_id", sa.String(32), primary_key=True),
        sa.Column("origin_seq", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("hlc", sa.String(24), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("entity", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("parents", sa.Text, nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
    )
    op.create_index("ix_sync_held_status", "sync_held", ["status"])
    op.create_table(
        "sync_peers",
        sa.Column("peer", sa.Text, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("last_sync_at", sa.String(40), nullable=False),
        sa.Column("vector", sa.Text, nullable=False),
    )
    op.create_table(
        "sync_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("peer", sa.Text, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("sent", sa.Integer, nullable=False),
        sa.Column("applied", sa.Integer, nullable=False),
        sa.Column("duplicates", sa.Integer, nullable=False),
        sa.Column("quarantined", sa.Integer, nullable=False),
        sa.Column("rejected", sa.Integer, nullable=False),
        sa.Column("pending", sa.Integer, nullable=False),
        sa.Column("from_future", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("sync_history", "sync_peers", "sync_held", "sync_devices"):
        op.drop_table(table)
    for trigger in (
        "events_record_order",
        "event_order_immutable_update",
        "event_order_immutable_delete",
    ):
        op.execute(f"DROP TRIGGER {trigger}")
    op.drop_table("event_order")
