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
from hisconsole.store.events import canonical_json
from hisconsole.store.sync_models import SyncDevice, SyncHistory, SyncPeer
from hisconsole.sync import intake, vectors
from hisconsole.sync import trust as trust_format
from hisconsole.sync.errors import SyncError

# The intake's typed facts, as the command line and the screens get them from here.
from hisconsole.sync.intake import IntakeReport as IntakeReport
from hisconsole.sync.reasons import Reason as Reason
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


def receiver(console: Console) -> intake.Receiver:
    """This laptop as the receiver of events, for :func:`intake.receive`."""
    return intake.Receiver(console.device_id, console.clock, console.now())


def observe(console: Console, report: IntakeReport) -> None:
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
    report: IntakeReport | None = None,
    sent: int = 0,
    note: str = "",
) -> None:
    r = report or IntakeReport()
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


#: Why a hub's events of one device were not taken (SkippedDevice.problem).
KEY_MISSING = "key-missing"
KEY_DAMAGED = "key-damaged"
EVENT_FAILS = "event-fails-verification"
#: A hub sync stopped on request: the note its history keeps.
STOPPED_NOTE = "Stopped on request; the next sync carries on from there."


@dataclass(frozen=True)
class SkippedDevice:
    """A device whose events (from one point on) were not taken, and why."""

    device: str
    problem: str
    #: What the check found, as the sync layer words it (empty for KEY_MISSING).
    detail: str = ""


@dataclass
class ImportResult:
    """What a bundle (or hub sync) brought: the intake's report and what else happened,
    as facts; the command line and the screens word them."""

    source: str
    source_name: str = ""
    report: IntakeReport = field(default_factory=IntakeReport)
    sent: int = 0
    #: The bundle's trust list was not checked further: it is not a valid signed list.
    trust_ignored: str = ""
    #: The IT key (fingerprint) pinned on this import, as the operator confirmed.
    it_key_pinned: str | None = None
    #: No IT key is pinned here: the one (fingerprint) that signed the bundle's trust list,
    #: for the operator to confirm with IT.
    it_key_offered: str | None = None
    skipped: list[SkippedDevice] = field(default_factory=list)
    #: A hub sync stopped on request (its progress hook said so) before it was complete.
    stopped: bool = False

    @property
    def trust_serial(self) -> int | None:
        return self.report.trust_serial

    @property
    def changes(self) -> ChangeSet:
        return ChangeSet(screen_areas(self.report.areas), self.report.applied)

    @property
    def notes(self) -> list[str]:
        return record_notes(self)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_name": self.source_name,
            "sent": self.sent,
            **self.report.as_dict(),
            "trust_list_serial": self.trust_serial,
            "notes": self.notes,
        }


def record_notes(result: ImportResult) -> list[str]:
    """What an exchange came to beyond its counts, as its history record keeps it and the
    command line prints it (English, stable: ``--json`` carries it as ``notes``)."""
    notes: list[str] = []
    if result.trust_ignored:
        notes.append(f"The trust list in it was ignored: {result.trust_ignored}.")
    if result.it_key_pinned:
        notes.append(f"Pinned IT key {result.it_key_pinned} as confirmed.")
    if result.it_key_offered:
        fp = result.it_key_offered
        notes.append(
            f"It carries a trust list signed by IT key {fp}. If IT confirms that fingerprint, "
            f"import again with --pin-it-key {fp} (or run 'hisconsole trust pin FILE')."
        )
    if result.report.trust_refused:
        notes.append(f"The trust list it carries was not used: {result.report.trust_refused}.")
    if result.trust_serial is not None:
        notes.append(f"Trust list updated to serial {result.trust_serial}.")
    for skipped in result.skipped:
        if skipped.problem == KEY_MISSING:
            notes.append(
                f"The hub has no key for device {skipped.device}; its events were skipped."
            )
        elif skipped.problem == KEY_DAMAGED:
            notes.append(f"{skipped.detail}; its events were skipped.")
        else:
            notes.append(
                f"The hub holds an event that fails verification ({skipped.detail}); it and "
                f"the later events of device {skipped.device} were not taken."
            )
    notes += count_notes(result.report)
    if result.stopped:
        notes.append(STOPPED_NOTE)
    return notes


def count_notes(r: IntakeReport) -> list[str]:
    """What a report's counts mean for the user, in the words the command line prints."""
    notes: list[str] = []
    if r.quarantined:
        notes.append(
            f"{r.quarantined} event(s) from devices not in the trust list are held in "
            "quarantine; 'hisconsole device list' shows them, 'device accept ID' applies them."
        )
    if r.rejected:
        reasons = "; ".join(f"{reason.record_text()} ({n})" for reason, n in r.sorted_reasons())
        notes.append(f"{r.rejected} event(s) rejected: {reasons}.")
    if r.pending:
        notes.append(
            f"{r.pending} event(s) wait for earlier ones from the same device (not applied yet)."
        )
    if r.orphans:
        notes.append(
            f"{r.orphans} event(s) name something not on this laptop (yet) and are held until "
            "it arrives; 'hisconsole sync --status' lists them."
        )
    if r.from_future:
        notes.append(
            f"{r.from_future} event(s) carry a time far ahead of this laptop's clock (by up "
            f"to {r.ahead_ms // 60_000} min): stored and flagged; this laptop's clock may be "
            "slow: check it against the other laptops'."
        )
    if r.conflicting:
        notes.append(
            f"{r.conflicting} event(s) differ from the copy held here under the same device "
            "and number (a laptop restored from an old backup?); the copies here were kept."
        )
    return notes
