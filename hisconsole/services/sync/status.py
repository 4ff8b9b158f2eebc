"""What happened: the sync screen's and `sync --status`'s summary."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from hisconsole.i18n import gettext
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.people import listed
from hisconsole.services.sync.conflicts import conflicts
from hisconsole.services.sync.devices import DeviceInfo, device_info, devices
from hisconsole.services.sync.hub import saved_hub
from hisconsole.services.sync.shared import Note, local_vector, notes_from_json
from hisconsole.store.models import Event
from hisconsole.store.sync_models import (
    HELD_ORPHAN,
    HELD_PENDING,
    HELD_REJECTED,
    HeldEvent,
    SyncHistory,
    SyncPeer,
)
from hisconsole.sync import hub as hub_db
from hisconsole.sync import reasons
from hisconsole.sync.errors import SyncError

HISTORY_SHOWN = 20
REJECTED_SHOWN = 50


@dataclass(frozen=True)
class Peer:
    """The last exchange with another laptop (kind "laptop") or a hub (kind "hub")."""

    peer: str
    kind: str
    name: str
    last_sync_at: str


@dataclass(frozen=True)
class Exchange:
    """One exchange as the history keeps it: with whom, what, and its counts."""

    at: str
    peer: str
    #: ACTION_EXPORT, ACTION_IMPORT, ACTION_HUB, ACTION_ACCEPT or ACTION_TRUST.
    action: str
    sent: int
    applied: int
    duplicates: int
    quarantined: int
    rejected: int
    pending: int
    from_future: int
    #: The English text (what a record written before notes were kept has).
    note: str
    #: The notes as codes (shared.Note; words them in the reader's language).
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class QuarantinedDevice:
    device: str
    name: str
    events: int
    #: Its bundles kept unread (services/sync/quarantine.py).
    unread_bundles: int
    first_seen: str | None


@dataclass(frozen=True)
class RejectedEvent:
    device: str
    seq: int
    kind: str
    author: str
    #: Why, as the held-events table keeps it (English, stable).
    reason: str
    received_at: str
    #: Why, as a code of sync/reasons.py and its facts ("" and {} for a row from before).
    reason_code: str = ""
    reason_params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def said_reason(self) -> str:
        """Why, in the current language (a row from before: its English text)."""
        words = reasons.kept_words(self.reason_code, self.reason_params, self.reason)
        return words.said(gettext)


@dataclass(frozen=True)
class SyncStatus:
    """Last exchange per peer, recent exchanges, quarantine, rejections, pending, conflicts."""

    device: DeviceInfo
    vector: dict[str, int]
    #: The saved hub (host/database, no password), if any.
    hub: str | None
    peers: list[Peer]
    #: The latest exchanges first.
    history: list[Exchange]
    quarantine: list[QuarantinedDevice]
    rejected: list[RejectedEvent]
    #: Held until what they name (an incident, a checklist step …) is here; the latest first.
    orphans: list[RejectedEvent]
    pending: int
    from_future: int
    conflicts: int
    #: People on IT's trust list in use here; none: roles are what operators say.
    people: int = 0

    @property
    def roles_verified(self) -> bool:
        return self.people > 0

    def as_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "roles_verified": self.roles_verified}


def sync_status(console: Console) -> SyncStatus:
    """Last exchange per peer, recent exchanges, quarantine, rejections, pending, conflicts."""
    with console.db.read() as session:
        peers = [
            Peer(p.peer, p.kind, p.name, p.last_sync_at)
            for p in session.scalars(select(SyncPeer).order_by(SyncPeer.last_sync_at.desc()))
        ]
        history = [
            Exchange(
                at=h.at,
                peer=h.peer,
                action=h.action,
                sent=h.sent,
                applied=h.applied,
                duplicates=h.duplicates,
                quarantined=h.quarantined,
                rejected=h.rejected,
                pending=h.pending,
                from_future=h.from_future,
                note=h.note,
                notes=tuple(notes_from_json(h.notes)),
            )
            for h in session.scalars(
                select(SyncHistory).order_by(SyncHistory.id.desc()).limit(HISTORY_SHOWN)
            )
        ]
        rejected, orphans = (
            [
                RejectedEvent(
                    device=r.origin_id,
                    seq=r.origin_seq,
                    kind=r.kind,
                    author=r.author,
                    reason=r.reason,
                    received_at=r.received_at,
                    reason_code=r.reason_code,
                    reason_params=reasons.kept_params(r.reason_params),
                )
                for r in session.scalars(
                    select(HeldEvent)
                    .where(HeldEvent.status == status)
                    .order_by(HeldEvent.received_at.desc())
                    .limit(REJECTED_SHOWN)
                )
            ]
            for status in (HELD_REJECTED, HELD_ORPHAN)
        )
        pending = int(
            session.scalar(
                select(func.count()).select_from(HeldEvent).where(HeldEvent.status == HELD_PENDING)
            )
            or 0
        )
        future = int(
            session.scalar(
                select(func.count()).select_from(Event).where(Event.flags.op("&")(1) != 0)
            )
            or 0
        )
    quarantine = [
        QuarantinedDevice(d.id, d.name, d.quarantined, d.unread_bundles, d.first_seen)
        for d in devices(console)
        if d.quarantined or d.unread_bundles
    ]
    return SyncStatus(
        device=device_info(console),
        vector=local_vector(console),
        hub=_hub_name(console),
        peers=peers,
        history=history,
        quarantine=quarantine,
        rejected=rejected,
        orphans=orphans,
        pending=pending,
        from_future=future,
        conflicts=len(conflicts(console)),
        people=len(listed(console)),
    )


def _hub_name(console: Console) -> str | None:
    try:
        url = saved_hub(console)
        return hub_db.describe(hub_db.parse_url(url))[4:] if url else None
    except (ServiceError, SyncError):
        return None
