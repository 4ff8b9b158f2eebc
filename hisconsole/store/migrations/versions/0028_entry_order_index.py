"""An index for an incident's entries in log order: the incident page reads its log by
position (the rows around what is shown, the number of an entry) by walking this index
instead of reading and sorting the whole log (22 s and 832 MB for an incident of
1,000,000 entries).

It is on the place as one text (clock stamp, a space, id: the same order as the two
columns), which only services/log_window.py asks for: an index on the two columns would
also answer every other reader's ORDER BY hlc, event_id, and SQLite then preferred
walking an incident's whole log in order to taking the few entries of a kind from the
index on (incident, kind) (the dashboard's clock entries: 0.4 s at 1,000,000 entries).

Revision ID: 0028
Revises: 0027
"""

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_incident_entries_order",
        "incident_entries",
        ["incident_id", sa.text("(hlc || ' ' || event_id)")],
    )


def downgrade() -> None:
    op.drop_index("ix_incident_entries_order", "incident_entries")
