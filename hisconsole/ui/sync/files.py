"""The Sync page's work off the UI thread: reading what it shows, bundles, the hub, devices,
trust and conflicts. Qt-free: every function here runs on the runner's worker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from hisconsole.domain.hlc import Stamp
from hisconsole.services.console import ChangeSet, Console, ServiceError, area_of
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import conflicts as conflicts_service
from hisconsole.services.sync import devices as devices_service
from hisconsole.services.sync import hub as hub_service
from hisconsole.services.sync import shared as sync_shared
from hisconsole.services.sync import status as status_service
from hisconsole.services.sync import trust as trust_service
from hisconsole.ui.situation import Done

#: The area of the Sync page's own records (history, devices, trust): no other page shows it.
AREA = "sync"
#: Areas whose data events received from elsewhere may change.
DATA_AREAS = frozenset({"incident", "intake", "plan", "contacts", "forms"})


@dataclass
class SyncSnapshot:
    """Everything the Sync page shows, read in one go."""

    device: devices_service.DeviceInfo
    status: status_service.SyncStatus
    devices: list[devices_service.Device]
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    #: Values held twice with the same content (not a conflict; "tidy" settles them).
    identical: int = 0
    trust: dict[str, Any] = field(default_factory=dict)
    hub_url: str | None = None
    #: Why the saved hub address could not be read (hub.json damaged), if it could not.
    hub_problem: str = ""

    def device_names(self) -> dict[str, str]:
        return {d.id: d.name for d in self.devices if d.name}

    def quarantined(self) -> list[devices_service.Device]:
        return [d for d in self.devices if d.quarantined or d.unread_bundles]


def load(console: Console) -> SyncSnapshot:
    every = conflicts_service.conflicts(console, include_identical=True)
    snapshot = SyncSnapshot(
        device=devices_service.device_info(console),
        status=status_service.sync_status(console),
        devices=devices_service.devices(console),
        conflicts=[c for c in every if not c["same_value"]],
        identical=sum(1 for c in every if c["same_value"]),
        trust=trust_service.trust_show(console),
    )
    try:
        snapshot.hub_url = hub_service.saved_hub(console)
    except ServiceError as exc:
        snapshot.hub_problem = str(exc)
    return snapshot


# --- the hub address: shown without its password, which has a field of its own --------------


def split_hub_url(url: str | None) -> tuple[str, str]:
    """(address without the password, password) of a saved hub address; the address keeps
    the text as it was typed."""
    if not url:
        return "", ""
    parts = urlsplit(url)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    user, colon, password = userinfo.partition(":")
    if not at or not colon:
        return url, ""
    return urlunsplit(parts._replace(netloc=f"{user}@{hostport}")), unquote(password)


def join_hub_url(address: str, password: str) -> str:
    """The hub address with the password put in (the password field wins over one typed
    into the address)."""
    address = address.strip()
    if not password or not address:
        return address
    parts = urlsplit(address)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    if not at:
        return address  # no user name to go with it: sync_hub says what is missing
    user = userinfo.partition(":")[0]
    secret = quote(password, safe="")
    return urlunsplit(parts._replace(netloc=f"{user}:{secret}@{hostport}"))


def save_address(console: Console, url: str) -> Done:
    """Keep a checked hub address (with its password) in the data directory's hub.json."""
    hub_service.check_and_save_hub(console, url)
    return Done(url, ChangeSet({AREA}, 1))


def hub_sync(
    console: Console, url: str | None, progress: hub_service.HubProgress
) -> sync_shared.ImportResult:
    return hub_service.sync_hub(console, url or None, progress=progress)


# --- bundles -----------------------------------------------------------------------------------


def export(console: Console, out: Path, since: Path | None) -> Done:
    exported = bundles_service.export_bundle(console, out, since_file=since)
    return Done(exported, ChangeSet({AREA}, 1))


def write_vector(console: Console, out: Path) -> Done:
    vector = bundles_service.write_vector(console, out)
    return Done(vector, ChangeSet({AREA}, 0))


def offered_it_key(console: Console, path: Path) -> str | None:
    return bundles_service.bundle_it_key(console, path)


def import_bundle(console: Console, path: Path, pin_it_key: str | None) -> sync_shared.ImportResult:
    return bundles_service.import_bundle(console, path, pin_it_key=pin_it_key)


# --- devices and trust -------------------------------------------------------------------------


def accept(
    console: Console, device_id: str, pin: str | None = None
) -> devices_service.AcceptResult:
    """Accept a device; ``pin``: the commander's PIN, asked before (people pinned)."""
    console.pin_source = lambda _name: pin
    try:
        return devices_service.accept_device(console, device_id)
    finally:
        console.pin_source = None


def pin_it_key(console: Console, path: Path) -> Done:
    return Done(trust_service.trust_pin(console, path), ChangeSet({AREA}, 1))


def import_trust_list(console: Console, path: Path, pin_fingerprint: str | None) -> Done:
    value = trust_service.trust_import(console, path, pin_fingerprint=pin_fingerprint)
    applied = int(value.get("applied", 0))
    areas = set(DATA_AREAS) if applied else set()
    return Done(value, ChangeSet(areas | {AREA}, max(applied, 1)))


def list_it_key(path: Path) -> str | None:
    return trust_service.list_it_key(path)


def pinned(snapshot: SyncSnapshot) -> bool:
    return bool(snapshot.trust.get("it_key"))


# --- conflicts ---------------------------------------------------------------------------------


def keep_value(console: Console, table: str, key: str, event_id: str) -> ChangeSet:
    changes = conflicts_service.resolve_conflict(console, table, key, event_id)
    return ChangeSet(changes.areas | {AREA}, changes.events)


def tidy(console: Console) -> Done:
    same = [
        c for c in conflicts_service.conflicts(console, include_identical=True) if c["same_value"]
    ]
    count = conflicts_service.resolve_identical(console)
    areas = sync_shared.screen_areas(
        area_of(conflicts_service.REGISTERS[c["table"]][1]) for c in same
    )
    return Done(count, ChangeSet(areas | {AREA}, count))


def stamp_time(hlc: str) -> dt.datetime | None:
    """When an event was stamped (its hybrid clock's wall time), UTC."""
    try:
        wall_ms = Stamp.decode(hlc).wall_ms
    except ValueError:
        return None
    return dt.datetime.fromtimestamp(wall_ms / 1000, dt.UTC)


def value_text(value: Any, lang: str) -> str:
    """A field's value as a person reads it: texts in the interface language, lists joined."""
    if value is None:
        return "—"
    if isinstance(value, dict):
        if set(value) <= {"zh", "en"}:
            return str(value.get(lang) or next((v for v in value.values() if v), "")) or "—"
        return ", ".join(value_text(v, lang) for v in value.values() if v not in (None, ""))
    if isinstance(value, list):
        return "; ".join(value_text(v, lang) for v in value) or "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value) or "—"
