"""What happened: the sync screen's and `sync --status`'s summary."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from hisconsole.services.console import Console, ServiceError
from hisconsole.services.sync.conflicts import conflicts
from hisconsole.services.sync.devices import device_info, devices
from hisconsole.services.sync.hub import saved_hub
from hisconsole.services.sync.shared import local_vector
from hisconsole.store.models import Event
from hisconsole.store.sync_models import (
    HELD_PENDING,
    HELD_REJECTED,
    HeldEvent,
    SyncHistory,
    SyncPeer,
)
from hisconsole.sync import hub as hub_db
from hisconsole.sync.errors import SyncError

HISTORY_SHOWN = 20
REJECTED_SHOWN = 50


def sync_status(console: Console) -> dict[str, Any]:
    """Last exchange per peer, recent exchanges, quarantine, rejections, pending, conflicts."""
    with console.db.read() as session:
        peers = [
            {"peer": p.peer, "kind": p.kind, "name": p.name, "last_sync_at": p.last_sync_at}
            for p in session.scalars(select(SyncPeer).order_by(SyncPeer.last_sync_at.desc()))
        ]
        history = [
            {
                "at": h.at,
                "peer": h.peer,
                "action": h.action,
                "sent": h.sent,
                "applied": h.applied,
                "duplicates": h.duplicates,
                "quarantined": h.quarantined,
                "rejected": h.rejected,
                "pending": h.pending,
                "from_future": h.from_future,
                "note": h.note,
            }
            for h in session.scalars(
                select(SyncHistory).order_by(SyncHistory.id.desc()).limit(HISTORY_SHOWN)
            )
        ]
        rejected = [
            {
                "device": r.origin_id,
                "seq": r.origin_seq,
                "kind": r.kind,
                "author": r.author,
                "reason": r.reason,
                "received_at": r.received_at,
            }
            for r in session.scalars(
                select(HeldEvent)
                .where(HeldEvent.status == HELD_REJECTED)
                .order_by(HeldEvent.received_at.desc())
                .limit(REJECTED_SHOWN)
            )
        ]
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
        {
            "device": d["id"],
            "name": d["name"],
            "events": d["quarantined"],
            "first_seen": d["first_seen"],
        }
        for d in devices(console)
        if d["quarantined"]
    ]
    return {
        "device": device_info(console),
        "vector": local_vector(console),
        "hub": _hub_name(console),
        "peers": peers,
        "history": history,
        "quarantine": quarantine,
        "rejected": rejected,
        "pending": pending,
        "from_future": future,
        "conflicts": len(conflicts(console)),
    }


def _hub_name(console: Console) -> str | None:
    try:
        url = saved_hub(console)
        return hub_db.describe(hub_db.parse_url(url))[4:] if url else None
    except (ServiceError, SyncError):
        return None
