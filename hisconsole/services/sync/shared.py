"""What the sync services share: the exchange record (history, peers), the result of
taking events in, and how a sync failure is refused."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.store.sync_models import SyncDevice, SyncHistory, SyncPeer
from hisconsole.sync import intake, vectors
from hisconsole.sync import trust as trust_format
from hisconsole.sync.canonical import canonical_json
from hisconsole.sync.errors import SyncError
from hisconsole.sync.vectors import Vector

ACTION_EXPORT = "bundle-export"
ACTION_IMPORT = "bundle-import"
ACTION_HUB = "hub"
ACTION_ACCEPT = "accept"
ACTION_TRUST = "trust"

#: Event kinds' first part -> the area screens refresh from (services name them so).
_SCREEN_AREAS = {
    "contact": "contacts",
    "calltree": "contacts",
    "callout": "incident",
    "checklist": "incident",
    "message": "incident",
    "improvement": "incident",
    "review": "incident",
}


def screen_areas(areas: Iterable[str]) -> set[str]:
    """The areas of the events received, as the services' change sets name them."""
    return {_SCREEN_AREAS.get(area, area) for area in areas}


def refuse(
    exc: SyncError | vectors.VectorError, suffix: str = " Nothing was changed."
) -> ServiceError:
    text = str(exc).rstrip()
    if "nothing" not in text.lower():
        text += suffix
    return ServiceError(text)


def now_iso(console: Console) -> str:
    return console.now().isoformat(timespec="seconds")


def observe(console: Console, report: intake.IntakeReport) -> None:
    if report.stamps:
        console.clock.observe(max(report.stamps))


def own_key(console: Console) -> str:
    return console.identity.public_key_b64


def local_vector(console: Console) -> Vector:
    """This laptop's version vector: per device, the highest event number held without a gap."""
    with console.db.read() as session:
        return vectors.local_vector(session, console.device_id)


def record_history(
    session: Session,
    console: Console,
    *,
    peer: str,
    action: str,
    report: intake.IntakeReport | None = None,
    sent: int = 0,
    note: str = "",
) -> None:
    r = report or intake.IntakeReport()
    session.add(
        SyncHistory(
            at=now_iso(console),
            peer=peer,
            action=action,
            sent=sent,
            applied=r.applied,
            duplicates=r.duplicates,
            quarantined=r.quarantined,
            rejected=r.rejected,
            pending=r.pending,
            from_future=r.from_future,
            note=note,
        )
    )


def touch_peer(
    session: Session, console: Console, peer: str, kind: str, name: str, vector: Mapping[str, int]
) -> None:
    row = session.get(SyncPeer, peer)
    known = vectors.merge(json.loads(row.vector) if row else {}, vector)
    session.merge(
        SyncPeer(
            peer=peer,
            kind=kind,
            name=name or (row.name if row else ""),
            last_sync_at=now_iso(console),
            vector=canonical_json(known),
        )
    )


def trust_state(session: Session) -> tuple[bytes | None, trust_format.TrustList | None]:
    return intake.pinned_it_key(session), intake.current_trust(session)


def device_keys(session: Session, console: Console) -> tuple[dict[str, str], dict[str, str]]:
    keys = {console.device_id: own_key(console)}
    names = {console.device_id: console.device_name}
    for row in session.scalars(select(SyncDevice)):
        keys[row.device_id] = row.public_key
        if row.name:
            names[row.device_id] = row.name
    return keys, names


def trust_document(session: Session) -> dict[str, Any] | None:
    current = intake.current_trust(session)
    return current.signed if current else None


def same_fingerprint(a: str, b: str) -> bool:
    return a.replace("-", "").strip().lower() == b.replace("-", "").strip().lower()


@dataclass
class ImportResult:
    """What a bundle (or hub sync) brought: counts, the trust list, notes for the user."""

    source: str
    source_name: str = ""
    report: intake.IntakeReport = field(default_factory=intake.IntakeReport)
    sent: int = 0
    trust_serial: int | None = None
    notes: list[str] = field(default_factory=list)
    #: A hub sync stopped on request (its progress hook said so) before it was complete.
    stopped: bool = False

    @property
    def changes(self) -> ChangeSet:
        return ChangeSet(screen_areas(self.report.areas), self.report.applied)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_name": self.source_name,
            "sent": self.sent,
            **self.report.as_dict(),
            "trust_list_serial": self.trust_serial,
            "notes": self.notes,
        }


def adopt_trust(session: Session, signed: Any, result: ImportResult) -> bool:
    try:
        adopted = intake.adopt_trust_list(session, signed)
    except trust_format.TrustError as exc:
        result.notes.append(f"The trust list it carries was not used: {exc}.")
        return False
    if adopted is not None:
        result.trust_serial = adopted.serial
        result.notes.append(f"Trust list updated to serial {adopted.serial}.")
        return True
    return False


def add_count_notes(result: ImportResult) -> None:
    result.notes.extend(count_notes(result.report))


def count_notes(r: intake.IntakeReport) -> list[str]:
    """What a report's counts mean for the user, in the words the command line prints."""
    notes: list[str] = []
    if r.quarantined:
        notes.append(
            f"{r.quarantined} event(s) from devices not in the trust list are held in "
            "quarantine; 'hisconsole device list' shows them, 'device accept ID' applies them."
        )
    if r.rejected:
        reasons = "; ".join(f"{reason} ({n})" for reason, n in sorted(r.reasons.items()))
        notes.append(f"{r.rejected} event(s) rejected: {reasons}.")
    if r.pending:
        notes.append(
            f"{r.pending} event(s) wait for earlier ones from the same device (not applied yet)."
        )
    if r.from_future:
        notes.append(
            f"{r.from_future} event(s) carry a time far ahead of this laptop's clock: stored "
            "and flagged; check the clocks of the laptops."
        )
    if r.conflicting:
        notes.append(
            f"{r.conflicting} event(s) differ from the copy held here under the same device "
            "and number (a laptop restored from an old backup?); the copies here were kept."
        )
    return notes
