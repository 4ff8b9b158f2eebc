"""An index for an entity's events by kind: the warning level and the systems' status
are worked out from an incident's level and status decisions (store/decisions.py),
read on every situation refresh; by entity alone SQLite walks every event of the
incident (each log entry is one), so the dashboard's refresh grew with the log.

Revision ID: 0023
Revises: 0022
"""

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_entity_kind", "events", ["entity", "kind"])


def downgrade() -> None:
    op.drop_index("ix_events_entity_kind", "events")
