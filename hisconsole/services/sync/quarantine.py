"""Bundles from laptops this one does not trust, kept unread until a commander accepts them.

A bundle's manifest names and is signed by the laptop that wrote it. When that laptop is
neither in the IT trust list nor accepted here, nothing after the manifest is read: the
file is copied as it is (within the bundle size limit and a limit on all held bundles)
into ``quarantine/`` in the data folder, and the laptop is listed as quarantined. When a
commander accepts it, or a trust list that lists it arrives, the held bundles are read
then, through the one import path (bundles.import_bundle), and removed once taken in.
Nothing from a stranger is parsed before that, and nothing it sent is lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from hisconsole.errors import N_, KnownError
from hisconsole.services.console import Console
from hisconsole.services.files import output_file
from hisconsole.services.sync.shared import (
    ACTION_IMPORT,
    Note,
    now_iso,
    record_history,
    same_fingerprint,
    trust_state,
)
from hisconsole.store.sync_models import SyncDevice
from hisconsole.sync import bundle as bundle_format
from hisconsole.sync import reasons
from hisconsole.sync import trust as trust_rules
from hisconsole.sync.canonical import b64
from hisconsole.sync.errors import BundleError

FOLDER = "quarantine"
#: All bundles held unread together: a stranger cannot fill the disk with them.
MAX_HELD_BYTES = 2 * bundle_format.MAX_BUNDLE_BYTES
_COPY_CHUNK = 1024 * 1024


class QuarantineFull(KnownError):
    code = "sync.quarantine-full"
    template = (
        "{name} comes from laptop {device}, which this laptop does not trust, and the "
        "bundles already held unread from such laptops take {held} MB (at most {limit} MB). "
        "Accept or remove those first (see 'hisconsole device list'). Nothing was imported."
    )


class RevokedExporter(BundleError):
    code = "sync.bundle-revoked"
    template = (
        "{name} was written by laptop {device}, which IT revoked on {on}: it was not read. "
        "Nothing was imported."
    )


class NotAdmitted(Exception):
    """Raised by the admission check: the manifest's signer is not trusted here (yet)."""

    def __init__(self, manifest: bundle_format.Manifest) -> None:
        super().__init__(manifest.exporter_id)
        self.manifest = manifest


@dataclass(frozen=True)
class Admission:
    """Who may have their bundles read here: decided from the trust list in use (or a
    newer one the bundle carries, signed by the pinned IT key, or by the IT key the
    operator just confirmed) and the devices accepted here."""

    own_id: str
    pinned: bytes | None
    trust: trust_rules.TrustList | None
    accepted: frozenset[str]
    pin_it_key: str | None
    today: dt.date
    name: str

    def __call__(self, manifest: bundle_format.Manifest) -> None:
        trust = self.trust
        carried = self._carried(manifest.trust_list)
        if carried is not None and (trust is None or carried.serial > trust.serial):
            trust = carried
        verdict, reason = trust_rules.decide(
            trust=trust,
            accepted=self.accepted,
            local_id=self.own_id,
            device_id=manifest.exporter_id,
            kind="",
            today=self.today,
        )
        if verdict == trust_rules.QUARANTINE:
            raise NotAdmitted(manifest)
        if reason is not None and reason.code == reasons.REVOKED:
            raise RevokedExporter(name=self.name, device=manifest.exporter_id, on=reason.on)

    def _carried(self, signed: Any) -> trust_rules.TrustList | None:
        if signed is None:
            return None
        try:
            listed = trust_rules.verify_signed(signed, self.pinned)
        except trust_rules.TrustError:
            return None
        if self.pinned is None:
            confirmed = self.pin_it_key is not None and same_fingerprint(
                self.pin_it_key, trust_rules.fingerprint(listed.signer)
            )
            return listed if confirmed else None
        return listed


def admission(console: Console, path: Path, pin_it_key: str | None) -> Admission:
    from hisconsole.sync.intake import load_context

    with console.db.read() as session:
        pinned, trust = trust_state(session)
        ctx = load_context(
            session, own_id=console.device_id, clock=console.clock, now=console.now(), source=""
        )
    return Admission(
        console.device_id,
        pinned,
        trust,
        frozenset(ctx.accepted),
        pin_it_key,
        console.now().date(),
        path.name,
    )


def folder(console: Console) -> Path:
    return Path(console.data_dir) / FOLDER


def held_bundles(console: Console, device_id: str | None = None) -> list[Path]:
    """Bundles held unread (of one device), oldest name first."""
    where = folder(console)
    if not where.is_dir():
        return []
    return sorted(where.glob(f"{device_id or ''}*.bundle"))


def held_counts(console: Console) -> dict[str, int]:
    """Device id -> how many of its bundles are held unread."""
    counts: dict[str, int] = {}
    for path in held_bundles(console):
        device = path.name.split("-", 1)[0]
        counts[device] = counts.get(device, 0) + 1
    return counts


def hold(console: Console, path: Path, manifest: bundle_format.Manifest) -> Path:
    """Copy ``path`` unread into the quarantine folder and list its laptop; the copy.

    The copy is named after the device and the body's checksum, so the same bundle
    brought twice is held once."""
    where = folder(console)
    where.mkdir(mode=0o700, exist_ok=True)
    target = where / f"{manifest.exporter_id}-{manifest.document['body']['sha256'][:16]}.bundle"
    if not target.exists():
        held = sum(p.stat().st_size for p in held_bundles(console))
        size = path.stat().st_size
        if held + size > MAX_HELD_BYTES:
            raise QuarantineFull(
                name=path.name,
                device=manifest.exporter_id,
                held=held // 2**20,
                limit=MAX_HELD_BYTES // 2**20,
            )
        _copy(path, target)
    with console.db.write() as session:
        known = session.scalar(
            select(SyncDevice.device_id).where(SyncDevice.device_id == manifest.exporter_id)
        )
        if known is None:
            session.execute(
                insert(SyncDevice),
                {
                    "device_id": manifest.exporter_id,
                    "public_key": b64(manifest.exporter_key),
                    "name": manifest.exporter_name,
                    "first_seen": now_iso(console),
                    "source": f"bundle {path.name} (held unread)",
                    "accepted_at": None,
                    "accepted_by": None,
                },
            )
        record_history(
            session,
            console,
            peer=manifest.exporter_id,
            action=ACTION_IMPORT,
            notes=[
                Note(
                    "held-unread",
                    {
                        "name": manifest.exporter_name or manifest.exporter_id,
                        "device": manifest.exporter_id,
                        "file": str(target),
                    },
                )
            ],
        )
    return target


def _copy(source: Path, target: Path) -> None:
    """Copy at most the size a bundle may have (the file may grow while it is read)."""
    left = bundle_format.MAX_BUNDLE_BYTES
    try:
        with source.open("rb") as handle, output_file(target, mode=0o600) as out:
            while left > 0:
                piece = handle.read(min(_COPY_CHUNK, left))
                if not piece:
                    break
                out.write(piece)
                left -= len(piece)
    except OSError as exc:
        raise BundleError(
            N_("Cannot read {source}: {strerror}."), source=source, strerror=exc.strerror
        ) from exc
