"""The response around an incident: intake, messages, checklists and call-outs.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "intakes",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.Column("logged_by", sa.Text, nullable=False),
        sa.Column("reporter", sa.Text, nullable=False),
        sa.Column("department", sa.Text, nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("systems", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_key", sa.String(64), nullable=False),
        sa.Column("incident_id", sa.String(40), nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_table(
        "incident_messages",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False, index=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("logged_by", sa.Text, nullable=False),
        sa.Column("sender", sa.Text, nullable=False),
        sa.Column("recipient", sa.Text, nullable=False),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reply_required", sa.Integer, nullable=False),
        sa.Column("reply", sa.Text, nullable=False),
        sa.Column("replied_by", sa.Text, nullable=False),
        sa.Column("replied_at", sa.String(40), nullable=False),
        sa.Column("reply_key", sa.String(64), nullable=False),
    )
    op.create_table(
        "checklist_items",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False, index=True),
        sa.Column("group_code", sa.String(16), nullable=False),
        sa.Column("ord", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("assignee", sa.Text, nullable=False),
        sa.Column("assignee_key", sa.String(64), nullable=False),
        sa.Column("done", sa.Integer, nullable=False),
        sa.Column("done_at", sa.String(40), nullable=False),
        sa.Column("done_by", sa.Text, nullable=False),
        sa.Column("done_key", sa.String(64), nullable=False),
    )
    op.create_table(
        "callouts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False, index=True),
        sa.Column("tree", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("wait_minutes", sa.Integer, nullable=False),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("started_by", sa.Text, nullable=False),
        sa.Column("nodes", sa.Text, nullable=False),
    )
    op.create_table(
        "callout_attempts",
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("callout_id", sa.String(36), nullable=False, index=True),
        sa.Column("person", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("hlc", sa.String(40), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("callout_attempts", "callouts", "checklist_items", "incident_messages", "intakes"):
        op.drop_table(table)
