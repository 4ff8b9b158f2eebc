"""This laptop and the other devices: who they are, their state, accepting one."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hisconsole.domain.glossary import COMMANDER
from hisconsole.errors import N_
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.sync import quarantine
from hisconsole.services.sync.shared import (
    ACTION_ACCEPT,
    Note,
    now_iso,
    observe,
    own_key,
    receiver,
    record_history,
    screen_areas,
    trust_state,
)
from hisconsole.store.sync_models import (
    HELD_PENDING,
    HELD_QUARANTINE,
    HELD_REJECTED,
    HeldEvent,
    SyncDevice,
)
from hisconsole.sync import intake, vectors
from hisconsole.sync import trust as trust_format

#: A device's state here (Device.status).
THIS_LAPTOP = "this laptop"
TRUSTED = "trusted"
ACCEPTED = "accepted"
EXPIRED = "expired"
REVOKED = "revoked"
QUARANTINED = "quarantined"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class DeviceInfo:
    """This laptop's device id, name and public key (what IT puts in the trust list)."""

    id: str
    name: str
    public_key: str
    fingerprint: str

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Device:
    """A device known here, its state, its roles and what of its events is held here."""

    id: str
    name: str
    #: THIS_LAPTOP, TRUSTED, ACCEPTED, EXPIRED, REVOKED, QUARANTINED or UNKNOWN.
    status: str
    roles: tuple[str, ...]
    #: Its events in the log here (the highest number held without a gap).
    events: int
    quarantined: int
    rejected: int
    pending: int
    #: Its bundles kept unread in the quarantine folder until it is accepted.
    unread_bundles: int
    first_seen: str | None
    accepted_at: str | None
    accepted_by: str | None
    #: Dates from the trust list (ISO), if it lists the device.
    expires: str | None
    revoked: str | None

    def as_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "roles": list(self.roles)}


def device_info(console: Console) -> DeviceInfo:
    """This laptop's device id, name and public key (what IT puts in the trust list)."""
    return DeviceInfo(
        id=console.device_id,
        name=console.device_name,
        public_key=own_key(console),
        fingerprint=trust_format.fingerprint(console.identity.public_key_bytes),
    )


def device_names(console: Console) -> dict[str, str]:
    """Device id -> the name people know the laptop by (trust list, else as it called itself)."""
    return {d.id: d.name for d in devices(console) if d.name}


def devices(console: Console) -> list[Device]:
    """Every device known here: this laptop, the trust list's, and those whose events arrived."""
    today = console.now().date()
    with console.db.read() as session:
        _pinned, current = trust_state(session)
        seen = {d.device_id: d for d in session.scalars(select(SyncDevice))}
        held: dict[str, dict[str, int]] = {}
        for origin, status, count in session.execute(
            select(HeldEvent.origin_id, HeldEvent.status, func.count()).group_by(
                HeldEvent.origin_id, HeldEvent.status
            )
        ):
            held.setdefault(origin, {})[status] = int(count)
        vector = vectors.local_vector(session, console.device_id)
    unread = quarantine.held_counts(console)
    listed = current.devices if current else {}
    result = []
    for device_id in sorted({console.device_id} | set(seen) | set(listed)):
        entry = listed.get(device_id)
        row = seen.get(device_id)
        counts = held.get(device_id, {})
        if device_id == console.device_id:
            status = THIS_LAPTOP
        elif entry is not None and entry.revoked is not None and entry.revoked <= today:
            status = REVOKED
        elif entry is not None and (entry.expires is None or entry.expires >= today):
            status = TRUSTED
        elif row is not None and row.accepted_at:
            status = ACCEPTED
        elif entry is not None:
            status = EXPIRED
        elif counts.get(HELD_QUARANTINE) or unread.get(device_id):
            status = QUARANTINED
        else:
            status = UNKNOWN
        roles: list[str] = []
        if entry is not None:
            roles = sorted(entry.roles)
        elif row is not None and row.accepted_at:
            roles = sorted(trust_format.ACCEPTED_ROLES)
        result.append(
            Device(
                id=device_id,
                name=(entry.name if entry else "")
                or (row.name if row else "")
                or (console.device_name if device_id == console.device_id else ""),
                status=status,
                roles=tuple(roles),
                events=vector.get(device_id, 0),
                quarantined=counts.get(HELD_QUARANTINE, 0),
                rejected=counts.get(HELD_REJECTED, 0),
                pending=counts.get(HELD_PENDING, 0),
                unread_bundles=unread.get(device_id, 0),
                first_seen=row.first_seen if row else None,
                accepted_at=row.accepted_at if row else None,
                accepted_by=row.accepted_by if row else None,
                expires=entry.expires.isoformat() if entry and entry.expires else None,
                revoked=entry.revoked.isoformat() if entry and entry.revoked else None,
            )
        )
    return result


def _find_device(session: Session, text: str) -> SyncDevice:
    text = text.strip().lower().replace("-", "")
    rows = session.scalars(select(SyncDevice).where(SyncDevice.device_id.startswith(text))).all()
    if len(text) < 4 or not rows:
        raise ServiceError(
            N_(
                "No device {text!r} has sent events to this laptop; 'hisconsole device "
                "list' shows those that have."
            ),
            text=text,
        )
    exact = [r for r in rows if r.device_id == text]
    if exact:
        return exact[0]
    if len(rows) > 1:
        raise ServiceError(
            N_("{text!r} matches {count} devices; give more of the id."), text=text, count=len(rows)
        )
    return rows[0]


@dataclass
class AcceptResult:
    device_id: str
    report: intake.IntakeReport
    changes: ChangeSet

    def as_dict(self) -> dict[str, Any]:
        return {"device": self.device_id, **self.report.as_dict()}


def accept_device(console: Console, device_id: str) -> AcceptResult:
    """Accept a quarantined device on this laptop: its held events are applied now.

    An accepted device may write operational events (incidents, logs, forms); plan,
    contact and call-tree changes still need the plan-editor role from IT's trust list.
    The acceptance is local to this laptop and records who made it.
    """
    from hisconsole.services import people

    verified = people.confirm_commander(console, N_("Accepting a device"))
    if not verified and console.operator.role != COMMANDER:
        raise ServiceError(
            N_(
                "Only the commander (指挥长) can accept a device; sign in as commander "
                "(command line: --operator NAME --role commander). Nothing was changed."
            )
        )
    with console.db.write() as session:
        row = _find_device(session, device_id)
        _pinned, current = trust_state(session)
        entry = current.devices.get(row.device_id) if current else None
        if (
            entry is not None
            and entry.revoked is not None
            and entry.revoked <= console.now().date()
        ):
            raise ServiceError(
                N_(
                    "Device {device_id} was revoked by IT on {isoformat}; it cannot be "
                    "accepted. Nothing was changed."
                ),
                device_id=row.device_id,
                isoformat=entry.revoked.isoformat(),
            )
        if row.accepted_at is None:
            row.accepted_at = now_iso(console)
            row.accepted_by = console.operator.name
            session.flush()
        report = intake.receive(
            session,
            here=receiver(console),
            source=f"accepted by {console.operator.name}",
            recheck=[row.device_id],
        )
        record_history(
            session,
            console,
            peer=row.device_id,
            action=ACTION_ACCEPT,
            report=report,
            notes=[Note("accepted", {"name": console.operator.name})],
        )
        accepted_id = row.device_id
    observe(console, report)
    # Its bundles held unread are read now, through the one import path.
    from hisconsole.services.sync.bundles import read_held

    report.merge(read_held(console, accepted_id))
    return AcceptResult(accepted_id, report, ChangeSet(screen_areas(report.areas), report.applied))
