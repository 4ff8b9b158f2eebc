"""Local sync bookkeeping: devices seen, events held back, and the history of exchanges.

None of this is part of the event log or sent to other laptops as such; it is
this laptop's record of what it received and what it decided about it.
"""

from __future__ import annotations

from sqlalchemy import Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hisconsole.store.models import Base

#: Held because the signing device is not trusted here (yet): a commander may accept it.
HELD_QUARANTINE = "quarantine"
#: Held for good: the device lacks the role the event needs, or was revoked.
HELD_REJECTED = "rejected"
#: Held until the events before it (same origin) arrive: sequences stay gap-free.
HELD_PENDING = "pending"
#: Held until what it names (an incident, a checklist step, a sheet …) is here: from a
#: trusted device and fits its schema, but arrived before the event that makes that thing
#: (or names one that never existed). Decided again whenever events come in.
HELD_ORPHAN = "orphan"
HELD_STATUSES = (HELD_QUARANTINE, HELD_REJECTED, HELD_PENDING, HELD_ORPHAN)


class EventOrder(Base):
    """The order in which this laptop applied its events (filled by a trigger on insert).

    Rebuilding the projections replays this order, and bundles and the hub hand events
    on in it: it respects cause and effect even when laptops' clocks disagree, which the
    clock stamps alone do not (a stamp far in the future does not move the local clock).
    """

    __tablename__ = "event_order"
    __table_args__ = (
        UniqueConstraint("origin_id", "origin_seq", name="uq_event_order_event"),
        {"sqlite_autoincrement": True},
    )

    pos: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin_id: Mapped[str] = mapped_column(String(32))
    origin_seq: Mapped[int] = mapped_column(Integer)


class SyncDevice(Base):
    """Another laptop whose events reached this one (directly or relayed)."""

    __tablename__ = "sync_devices"

    device_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(Text, default="")
    first_seen: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(Text, default="")
    #: Set when a commander accepted this (untrusted) device on this laptop.
    accepted_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    accepted_by: Mapped[str | None] = mapped_column(Text, nullable=True)


class HeldEvent(Base):
    """A signed event received but not (yet) in the log: quarantined, rejected or pending."""

    __tablename__ = "sync_held"

    origin_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    origin_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[str] = mapped_column(String(24))
    author: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)
    parents: Mapped[str] = mapped_column(Text)
    schema_version: Mapped[int] = mapped_column(Integer)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(16), index=True)
    #: Why, in English (stable: what --json and older programs read).
    reason: Mapped[str] = mapped_column(Text, default="")
    #: Why, as a code of sync/reasons.py and its facts (JSON), worded in the reader's
    #: language; "" in a row from before they were kept.
    reason_code: Mapped[str] = mapped_column(String(32), default="", server_default="")
    reason_params: Mapped[str] = mapped_column(Text, default="", server_default="")
    received_at: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(Text, default="")


class SyncPeer(Base):
    """The last exchange with one other laptop (by bundle) or hub, and what it held then."""

    __tablename__ = "sync_peers"

    peer: Mapped[str] = mapped_column(Text, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text, default="")
    last_sync_at: Mapped[str] = mapped_column(String(40))
    #: Version vector (JSON) the peer was known to hold after that exchange.
    vector: Mapped[str] = mapped_column(Text, default="{}")


class SyncHistory(Base):
    """One exchange: bundle written or read, or hub sync; what came in and what did not."""

    __tablename__ = "sync_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(40))
    peer: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(16))
    sent: Mapped[int] = mapped_column(Integer, default=0)
    applied: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    pending: Mapped[int] = mapped_column(Integer, default=0)
    from_future: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    #: The notes as codes and params (JSON; services/sync/shared.py words them in the
    #: reader's language). Empty on records written before they were kept: ``note`` is then
    #: the English text, shown as it is.
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
