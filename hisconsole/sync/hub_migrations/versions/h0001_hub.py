"""Hub schema: the shared event log, device keys and signed trust lists.

Revision ID: h0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("origin_id", sa.String(32), primary_key=True),
        sa.Column("origin_seq", sa.BigInteger, primary_key=True),
        sa.Column("event_id", sa.String(36), nullable=False, unique=True),
        sa.Column("hlc", sa.String(24), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("entity", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("parents", sa.Text, nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column(
            "received_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        # Arrival order at the hub: pulls hand events on in it (cause before effect).
        sa.Column("hub_seq", sa.BigInteger, sa.Identity(always=True), nullable=False),
    )
    op.create_table(
        "devices",
        sa.Column("device_id", sa.String(32), primary_key=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column(
            "first_seen", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
    )
    op.create_table(
        "trust_lists",
        sa.Column("serial", sa.BigInteger, primary_key=True),
        sa.Column("signer", sa.String(64), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column(
            "received_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
    )
    # The hub log is append-only, like each laptop's.
    op.execute(
        "CREATE FUNCTION hisconsole_events_immutable() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'events are immutable'; END $$"
    )
    op.execute(
        "CREATE TRIGGER events_immutable BEFORE UPDATE OR DELETE ON events "
        "FOR EACH ROW EXECUTE FUNCTION hisconsole_events_immutable()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER events_immutable ON events")
    op.execute("DROP FUNCTION hisconsole_events_immutable()")
    for table in ("trust_lists", "devices", "events"):
        op.drop_table(table)
