"""An index for an incident's entries by kind: the reporting clocks are worked out from
the few declared / level / report entries, which the dashboard reads on every change;
without it SQLite walks every entry of the incident (163 ms at 100,000 entries).

Revision ID: 0018
Revises: 0017
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_incident_entries_incident_kind", "incident_entries", ["incident_id", "kind"]
    )


def downgrade() -> None:
    op.drop_index("ix_incident_entries_incident_kind", "incident_entries")
