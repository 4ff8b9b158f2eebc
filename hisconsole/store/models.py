"""Tables: the immutable event log, local metadata, and the projections built from events."""

from __future__ import annotations

from sqlalchemy import Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Event(Base):
    """One immutable change. Primary key: (origin device, gap-free per-device counter)."""

    __tablename__ = "events"

    origin_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    origin_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    hlc: Mapped[str] = mapped_column(String(24), index=True)
    author: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(Text, index=True)
    payload: Mapped[str] = mapped_column(Text)
    parents: Mapped[str] = mapped_column(Text, default="[]")
    schema_version: Mapped[int] = mapped_column(Integer)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    #: Bit set of EVENT_FLAG_* values (local bookkeeping, not part of the signed event).
    flags: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


#: The event's clock stamp was far ahead of this laptop's clock when it arrived.
EVENT_FLAG_FROM_FUTURE = 1


class Meta(Base):
    """Local facts about this database: device id and name, who created it."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- projections (derived from events; can always be rebuilt) -----------------


class PlanItem(Base):
    """Current value(s) of one plan item. Two rows for one key = an unresolved conflict."""

    __tablename__ = "plan_items"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    section: Mapped[str] = mapped_column(String(32))
    ord: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(24))
    author: Mapped[str] = mapped_column(Text)


class PlanVersion(Base):
    """A published version of the plan (v1, v2, …) with its full document."""

    __tablename__ = "plan_versions"

    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[str] = mapped_column(String(24))
    author: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    document: Mapped[str] = mapped_column(Text)


class Contact(Base):
    """Current value(s) of one person in the contact list (two rows = a conflict)."""

    __tablename__ = "contacts"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(24))


class CallTree(Base):
    """Current value(s) of one call tree (two rows = a conflict)."""

    __tablename__ = "call_trees"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(24))


class Operator(Base):
    """Operators who have signed in on any laptop (last role wins)."""

    __tablename__ = "operators"

    name: Mapped[str] = mapped_column(Text, primary_key=True)
    role: Mapped[str] = mapped_column(String(32))
    hlc: Mapped[str] = mapped_column(String(24))
    device_id: Mapped[str] = mapped_column(String(32))


Index("ix_events_kind", Event.kind)

#: Projection tables, in the order rebuild clears and compares them.
PROJECTIONS = (PlanItem, PlanVersion, Contact, CallTree, Operator)
