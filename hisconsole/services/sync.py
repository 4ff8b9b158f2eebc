"""Sync operations: bundles, the hub, devices, trust, and conflicts to resolve.

Every operation checks everything it received before writing, then writes in
one transaction (hub pulls: one per batch of events, each a consistent step),
and raises :class:`ServiceError` with a message saying what was wrong and that
nothing changed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hisconsole import __version__
from hisconsole.domain.roles import COMMANDER
from hisconsole.services.console import ChangeSet, Console, ServiceError, area_of
from hisconsole.store.db import SCHEMA_HEAD
from hisconsole.store.eventlog import EVENT_SCHEMA_VERSION, EventRecord
from hisconsole.store.models import CallTree, Contact, Event, Meta, PlanItem
from hisconsole.store.sync_models import (
    HELD_PENDING,
    HELD_QUARANTINE,
    HELD_REJECTED,
    HeldEvent,
    SyncDevice,
    SyncHistory,
    SyncPeer,
)
from hisconsole.sync import bundle as bundle_format
from hisconsole.sync import hub, intake, trust, vectors
from hisconsole.sync.canonical import b64, canonical_json, device_id_of, unb64
from hisconsole.sync.errors import BundleError, SyncError
from hisconsole.sync.outgoing import OutRow, outgoing
from hisconsole.sync.vectors import Vector

HUB_FILE = "hub.json"
PUSH_BATCH = 5000
PULL_BATCH = 5000
HISTORY_SHOWN = 20
REJECTED_SHOWN = 50

ACTION_EXPORT = "bundle-export"
ACTION_IMPORT = "bundle-import"
ACTION_HUB = "hub"
ACTION_ACCEPT = "accept"
ACTION_TRUST = "trust"

#: A hub sync's progress hook, called between batches: (stage, events done, events in the
#: stage) with stage "push" or "pull"; returning False stops the sync there. Each batch is
#: a transaction on either side, so a stopped sync loses nothing: the next one carries on.
HubProgress = Callable[[str, int, int], bool]
STAGE_PUSH = "push"
STAGE_PULL = "pull"
STOPPED_NOTE = "Stopped on request; the next sync carries on from there."

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


class _Stopped(Exception):
    """The progress hook asked a hub sync to stop (between batches)."""


def _refuse(
    exc: SyncError | vectors.VectorError, suffix: str = " Nothing was changed."
) -> ServiceError:
    text = str(exc).rstrip()
    if "nothing" not in text.lower():
        text += suffix
    return ServiceError(text)


def _iso(console: Console) -> str:
    return console.now().isoformat(timespec="seconds")


def _observe(console: Console, report: intake.IntakeReport) -> None:
    if report.stamps:
        console.clock.observe(max(report.stamps))


def _own_key(console: Console) -> str:
    return console.identity.public_key_b64


def local_vector(console: Console) -> Vector:
    """This laptop's version vector: per device, the highest event number held without a gap."""
    with console.db.read() as session:
        return vectors.local_vector(session, console.device_id)


def _history(
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
            at=_iso(console),
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


def _touch_peer(
    session: Session, console: Console, peer: str, kind: str, name: str, vector: Mapping[str, int]
) -> None:
    row = session.get(SyncPeer, peer)
    known = vectors.merge(json.loads(row.vector) if row else {}, vector)
    session.merge(
        SyncPeer(
            peer=peer,
            kind=kind,
            name=name or (row.name if row else ""),
            last_sync_at=_iso(console),
            vector=canonical_json(known),
        )
    )


# --- this device and the others ------------------------------------------------------------


def device_info(console: Console) -> dict[str, Any]:
    """This laptop's device id, name and public key (what IT puts in the trust list)."""
    return {
        "id": console.device_id,
        "name": console.device_name,
        "public_key": _own_key(console),
        "fingerprint": trust.fingerprint(console.identity.public_key_bytes),
    }


def _trust_state(session: Session) -> tuple[bytes | None, trust.TrustList | None]:
    return intake.pinned_it_key(session), intake.current_trust(session)


def devices(console: Console) -> list[dict[str, Any]]:
    """Every device known here: this laptop, the trust list's, and those whose events arrived."""
    today = console.now().date()
    with console.db.read() as session:
        _pinned, current = _trust_state(session)
        seen = {d.device_id: d for d in session.scalars(select(SyncDevice))}
        held: dict[str, dict[str, int]] = {}
        for origin, status, count in session.execute(
            select(HeldEvent.origin_id, HeldEvent.status, func.count()).group_by(
                HeldEvent.origin_id, HeldEvent.status
            )
        ):
            held.setdefault(origin, {})[status] = int(count)
        vector = vectors.local_vector(session, console.device_id)
    listed = current.devices if current else {}
    result = []
    for device_id in sorted({console.device_id} | set(seen) | set(listed)):
        entry = listed.get(device_id)
        row = seen.get(device_id)
        counts = held.get(device_id, {})
        if device_id == console.device_id:
            status = "this laptop"
        elif entry is not None and entry.revoked is not None and entry.revoked <= today:
            status = "revoked"
        elif entry is not None and (entry.expires is None or entry.expires >= today):
            status = "trusted"
        elif row is not None and row.accepted_at:
            status = "accepted"
        elif entry is not None:
            status = "expired"
        elif counts.get(HELD_QUARANTINE):
            status = "quarantined"
        else:
            status = "unknown"
        roles: list[str] = []
        if entry is not None:
            roles = sorted(entry.roles)
        elif row is not None and row.accepted_at:
            roles = sorted(trust.ACCEPTED_ROLES)
        result.append(
            {
                "id": device_id,
                "name": (entry.name if entry else "")
                or (row.name if row else "")
                or (console.device_name if device_id == console.device_id else ""),
                "status": status,
                "roles": roles,
                "events": vector.get(device_id, 0),
                "quarantined": counts.get(HELD_QUARANTINE, 0),
                "rejected": counts.get(HELD_REJECTED, 0),
                "pending": counts.get(HELD_PENDING, 0),
                "first_seen": row.first_seen if row else None,
                "accepted_at": row.accepted_at if row else None,
                "accepted_by": row.accepted_by if row else None,
                "expires": entry.expires.isoformat() if entry and entry.expires else None,
                "revoked": entry.revoked.isoformat() if entry and entry.revoked else None,
            }
        )
    return result


def _find_device(session: Session, text: str) -> SyncDevice:
    text = text.strip().lower().replace("-", "")
    rows = session.scalars(select(SyncDevice).where(SyncDevice.device_id.startswith(text))).all()
    if len(text) < 4 or not rows:
        raise ServiceError(
            f"No device {text!r} has sent events to this laptop; 'hisconsole device list' "
            "shows those that have."
        )
    exact = [r for r in rows if r.device_id == text]
    if exact:
        return exact[0]
    if len(rows) > 1:
        raise ServiceError(f"{text!r} matches {len(rows)} devices; give more of the id.")
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
    if console.operator.role != COMMANDER:
        raise ServiceError(
            "Only the commander (指挥长) can accept a device; sign in as commander "
            "(command line: --operator NAME --role commander). Nothing was changed."
        )
    with console.db.write() as session:
        row = _find_device(session, device_id)
        _pinned, current = _trust_state(session)
        entry = current.devices.get(row.device_id) if current else None
        if (
            entry is not None
            and entry.revoked is not None
            and entry.revoked <= console.now().date()
        ):
            raise ServiceError(
                f"Device {row.device_id} was revoked by IT on {entry.revoked.isoformat()}; "
                "it cannot be accepted. Nothing was changed."
            )
        if row.accepted_at is None:
            row.accepted_at = _iso(console)
            row.accepted_by = console.operator.name
            session.flush()
        ctx = intake.load_context(
            session,
            own_id=console.device_id,
            clock=console.clock,
            now=console.now(),
            source=f"accepted by {console.operator.name}",
        )
        report = intake.release_held(session, ctx, [row.device_id])
        _history(
            session,
            console,
            peer=row.device_id,
            action=ACTION_ACCEPT,
            report=report,
            note=f"accepted by {console.operator.name}",
        )
        accepted_id = row.device_id
    _observe(console, report)
    return AcceptResult(accepted_id, report, ChangeSet(screen_areas(report.areas), report.applied))


# --- bundles ---------------------------------------------------------------------------------


@dataclass
class ExportResult:
    path: Path
    events: int
    bytes: int
    since: Vector

    def as_dict(self) -> dict[str, Any]:
        return {"file": str(self.path), "events": self.events, "bytes": self.bytes}


def _read_since(path: Path) -> Vector:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(bundle_format.MAGIC))
    except OSError as exc:
        raise ServiceError(f"Cannot read {path}: {exc.strerror}. Nothing was written.") from exc
    try:
        if head == bundle_format.MAGIC:
            return bundle_format.read_manifest(path).vector
        return vectors.read_file(path)
    except (SyncError, vectors.VectorError) as exc:
        raise _refuse(exc, " Nothing was written.") from exc


def _device_keys(session: Session, console: Console) -> tuple[dict[str, str], dict[str, str]]:
    keys = {console.device_id: _own_key(console)}
    names = {console.device_id: console.device_name}
    for row in session.scalars(select(SyncDevice)):
        keys[row.device_id] = row.public_key
        if row.name:
            names[row.device_id] = row.name
    return keys, names


def _trust_document(session: Session) -> dict[str, Any] | None:
    current = intake.current_trust(session)
    return current.signed if current else None


def export_bundle(console: Console, out: Path, *, since_file: Path | None = None) -> ExportResult:
    """Write a bundle with every event held here that the receiver may lack.

    ``since_file`` is the receiver's version vector (``bundle vector``) or a bundle it
    wrote: only what is beyond it is exported. Without it, everything is.
    """
    since = _read_since(since_file) if since_file is not None else {}
    sign_own = console.identity.private_key.sign
    with console.db.read() as session:
        have = vectors.local_vector(session, console.device_id)
        keys, names = _device_keys(session, console)
        trust_doc = _trust_document(session)
        # Events of a device whose key is unknown here cannot be vouched for: not sent.
        sendable = {o: n for o, n in have.items() if o in keys}
        rows = outgoing(
            session, have=sendable, since=since, own_id=console.device_id, sign_own=sign_own
        )
        try:
            info = bundle_format.write_bundle(
                out,
                key=console.identity.private_key,
                public_key=console.identity.public_key_bytes,
                exporter_name=console.device_name,
                created_at=_iso(console),
                program=__version__,
                schema=SCHEMA_HEAD,
                event_schema=EVENT_SCHEMA_VERSION,
                vector=have,
                since=since,
                lines=(row.as_line() for row in rows),
                keys=keys,
                names=names,
                trust_list=trust_doc,
            )
        except SyncError as exc:
            raise _refuse(exc, " Nothing was written.") from exc
    with console.db.write() as session:
        _history(session, console, peer="(bundle)", action=ACTION_EXPORT, sent=info.events)
    return ExportResult(info.path, info.events, info.bytes, since)


def write_vector(console: Console, out: Path) -> Vector:
    """Write this laptop's version vector to ``out`` for another laptop's ``--since-vector``."""
    vector = local_vector(console)
    try:
        tmp = out.with_name(f".{out.name}.partial")
        tmp.write_text(vectors.dumps(vector, console.device_id), "utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        raise ServiceError(f"Cannot write {out}: {exc.strerror}. Nothing was written.") from exc
    return vector


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


def _parse_all(raw_events: Sequence[Any], name: str) -> list[EventRecord]:
    records: list[EventRecord] = []
    for number, obj in enumerate(raw_events, start=1):
        try:
            records.append(intake.parse_event(obj, f"{name}: event {number}"))
        except SyncError as exc:
            raise BundleError(f"{exc} (damaged or forged bundle)") from exc
    return records


def _offer_pin(session: Session, signed: Any, pin_it_key: str | None, result: ImportResult) -> None:
    """No IT key pinned yet: pin the one that signed ``signed`` if the operator confirmed it."""
    try:
        listed = trust.verify_signed(signed, None)
    except trust.TrustError as exc:
        result.notes.append(f"The trust list in it was ignored: {exc}.")
        return
    fp = trust.fingerprint(listed.signer)
    if pin_it_key is not None and _same_fingerprint(pin_it_key, fp):
        session.merge(Meta(key=intake.META_IT_KEY, value=b64(listed.signer)))
        session.flush()
        result.notes.append(f"Pinned IT key {fp} as confirmed.")
        return
    result.notes.append(
        f"It carries a trust list signed by IT key {fp}. If IT confirms that fingerprint, "
        f"import again with --pin-it-key {fp} (or run 'hisconsole trust pin FILE')."
    )


def _same_fingerprint(a: str, b: str) -> bool:
    return a.replace("-", "").strip().lower() == b.replace("-", "").strip().lower()


def _adopt(session: Session, signed: Any, result: ImportResult) -> bool:
    try:
        adopted = intake.adopt_trust_list(session, signed)
    except trust.TrustError as exc:
        result.notes.append(f"The trust list it carries was not used: {exc}.")
        return False
    if adopted is not None:
        result.trust_serial = adopted.serial
        result.notes.append(f"Trust list updated to serial {adopted.serial}.")
        return True
    return False


def import_bundle(console: Console, path: Path, *, pin_it_key: str | None = None) -> ImportResult:
    """Check a bundle completely, then take in what it brings in one transaction.

    Importing the same bundle twice, bundles in any order, or relayed ones gives
    the same result. A damaged, truncated, altered or forged bundle changes nothing.
    ``pin_it_key``: the IT key fingerprint the operator confirmed, to pin the IT key
    that signed the bundle's trust list when none is pinned yet.
    """
    path = path.expanduser()
    try:
        manifest, raw_events = bundle_format.read_bundle(path)
        keys = intake.check_keys(manifest.keys, path.name)
    except SyncError as exc:
        raise _refuse(exc, " Nothing was imported.") from exc
    have = local_vector(console)
    try:
        records = _parse_all(raw_events, path.name)
        del raw_events
        # Every event is checked, even those held here already: a bundle with one forged
        # event is refused as a whole.
        bad = intake.first_bad_signature(records, keys)
        if bad is not None:
            raise BundleError(
                f"{path.name} is forged or damaged: {bad}. It was refused as a whole."
            )
        new = [r for r in records if r.origin_seq > have.get(r.origin_id, 0)]
        known = [
            (r.origin_id, r.origin_seq, r.event_id)
            for r in records
            if r.origin_seq <= have.get(r.origin_id, 0)
        ]
        del records
    except SyncError as exc:
        raise _refuse(exc, " Nothing was imported.") from exc
    result = ImportResult(source=manifest.exporter_id, source_name=manifest.exporter_name)
    with console.db.write() as session:
        if manifest.trust_list is not None:
            if intake.pinned_it_key(session) is None:
                _offer_pin(session, manifest.trust_list, pin_it_key, result)
            if intake.pinned_it_key(session) is not None:
                _adopt(session, manifest.trust_list, result)
        ctx = intake.load_context(
            session,
            own_id=console.device_id,
            clock=console.clock,
            now=console.now(),
            source=f"bundle from {manifest.exporter_id}",
        )
        if result.trust_serial is not None:
            result.report.merge(intake.release_held(session, ctx))
        report = intake.store_events(
            session, new, keys=keys, names=manifest.names, ctx=ctx, known=known
        )
        result.report.merge(report)
        _notes(result)
        _history(
            session,
            console,
            peer=manifest.exporter_id,
            action=ACTION_IMPORT,
            report=result.report,
            note="; ".join(result.notes),
        )
        if manifest.exporter_id != console.device_id:
            _touch_peer(
                session,
                console,
                manifest.exporter_id,
                "laptop",
                manifest.exporter_name,
                manifest.vector,
            )
    _observe(console, result.report)
    return result


def bundle_it_key(console: Console, path: Path) -> str | None:
    """The fingerprint of the IT key that signed the trust list ``path`` carries, when no
    IT key is pinned on this laptop yet (to ask the operator to confirm it with IT before
    ``import_bundle(..., pin_it_key=)``); None otherwise. Reads only the manifest."""
    with console.db.read() as session:
        if intake.pinned_it_key(session) is not None:
            return None
    try:
        manifest = bundle_format.read_manifest(path.expanduser())
    except SyncError as exc:
        raise _refuse(exc, " Nothing was imported.") from exc
    if manifest.trust_list is None:
        return None
    try:
        listed = trust.verify_signed(manifest.trust_list, None)
    except trust.TrustError:
        return None  # import_bundle says why the list is ignored
    return trust.fingerprint(listed.signer)


def _notes(result: ImportResult) -> None:
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


# --- the hub ----------------------------------------------------------------------------------


def hub_file(console: Console) -> Path:
    return console.data_dir / HUB_FILE


def saved_hub(console: Console) -> str | None:
    """The hub address kept in the data directory (hub.json), if any."""
    path = hub_file(console)
    try:
        doc = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ServiceError(
            f"{path} cannot be read ({exc}); give the hub again with --hub."
        ) from exc
    url = doc.get("url") if isinstance(doc, dict) else None
    return url if isinstance(url, str) else None


def save_hub(console: Console, url: str) -> None:
    """Keep the hub address (with its credentials) in a private file (mode 0600)."""
    path = hub_file(console)
    tmp = path.with_name(f".{path.name}.partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"url": url}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def sync_hub(
    console: Console, url: str | None = None, *, progress: HubProgress | None = None
) -> ImportResult:
    """Push what the hub lacks, then pull what this laptop lacks.

    ``url`` (postgresql+psycopg://USER:PASSWORD@HOST/DB) is saved for next time once
    the hub answered; without it the saved one is used. Each batch is a transaction
    on either side, so an interrupted sync resumes where it stopped. ``progress`` is
    called before the first batch of each stage and after every batch; when it returns
    False the sync stops there and returns with ``stopped`` set.
    """
    text = url or saved_hub(console)
    if not text:
        raise ServiceError(
            "No hub address given yet: run 'hisconsole sync --hub "
            "postgresql+psycopg://USER:PASSWORD@HOST/DATABASE'."
        )
    try:
        address = hub.parse_url(text)
    except SyncError as exc:
        raise _refuse(exc) from exc
    peer = hub.describe(address)
    result = ImportResult(source=peer, source_name=peer[4:])
    engine = hub.connect(address)
    try:
        with hub.errors(address):
            hub.ensure_schema(engine)
            if url:
                save_hub(console, url)
            _pull_trust(console, engine, result)
            _push(console, engine, result, progress)
            _pull(console, engine, result, progress)
            with engine.connect() as conn:
                hub_has = hub.hub_vector(conn)
    except _Stopped:
        result.stopped = True
    except SyncError as exc:
        moved = result.sent or result.report.applied or result.report.quarantined
        if moved or result.report.rejected or result.report.pending:
            # Part of the work was done (and kept): the history says so.
            _record_hub(console, peer, result, failed=str(exc))
            raise _refuse(exc, " What was already transferred is kept.") from exc
        raise _refuse(exc) from exc
    finally:
        engine.dispose()
    _notes(result)
    if result.stopped:
        # What was transferred is kept; the hub's vector is not known: no last sync.
        result.notes.append(STOPPED_NOTE)
        _record_hub(console, peer, result)
        return result
    _record_hub(console, peer, result, vector=hub_has)
    return result


def _step(progress: HubProgress | None, stage: str, done: int, total: int) -> None:
    if progress is not None and not progress(stage, done, total):
        raise _Stopped


def _record_hub(
    console: Console,
    peer: str,
    result: ImportResult,
    *,
    vector: Mapping[str, int] | None = None,
    failed: str = "",
) -> None:
    with console.db.write() as session:
        note = failed or "; ".join(result.notes)
        _history(
            session,
            console,
            peer=peer,
            action=ACTION_HUB,
            report=result.report,
            sent=result.sent,
            note=note,
        )
        if vector is not None:
            _touch_peer(session, console, peer, "hub", peer[4:], vector)


def _pull_trust(console: Console, engine: Any, result: ImportResult) -> None:
    with console.db.read() as session:
        pinned, current = _trust_state(session)
    if pinned is None:
        return
    with engine.connect() as conn:
        docs = hub.trust_documents(conn, current.serial if current else 0)
    for doc in docs:
        try:
            signed = json.loads(doc)
            trust.verify_signed(signed, pinned)
        except (ValueError, trust.TrustError):
            continue
        with console.db.write() as session:
            if _adopt(session, signed, result):
                ctx = intake.load_context(
                    session,
                    own_id=console.device_id,
                    clock=console.clock,
                    now=console.now(),
                    source="hub trust list",
                )
                result.report.merge(intake.release_held(session, ctx))
        break


def _push(
    console: Console, engine: Any, result: ImportResult, progress: HubProgress | None = None
) -> None:
    """Send the hub every event it lacks, in the order they were applied here (cause before
    effect), in batches; ``result.sent`` counts those new to the hub."""
    with engine.connect() as conn:
        hub_has = hub.hub_vector(conn)
    with console.db.read() as session:
        have = vectors.local_vector(session, console.device_id)
        if vectors.covers(hub_has, have) and not _has_trust_to_push(session):
            return
        keys, names = _device_keys(session, console)
        rows: list[OutRow] = list(
            outgoing(
                session,
                have={o: n for o, n in have.items() if o in keys},
                since=hub_has,
                own_id=console.device_id,
                sign_own=console.identity.private_key.sign,
            )
        )
        trust_doc = _trust_document(session)
    device_rows = [
        {"device_id": d, "public_key": keys[d], "name": names.get(d, "")}
        for d in sorted({r.origin_id for r in rows} | {console.device_id})
        if d in keys
    ]
    with engine.begin() as conn:
        hub.push_devices(conn, device_rows)
        if trust_doc is not None:
            hub.push_trust_list(
                conn,
                int(trust_doc["list"]["serial"]),
                str(trust_doc["signer"]),
                canonical_json(trust_doc),
            )
    _step(progress, STAGE_PUSH, 0, len(rows))
    for start in range(0, len(rows), PUSH_BATCH):
        batch = [r.as_hub_row() for r in rows[start : start + PUSH_BATCH]]
        with engine.begin() as conn:
            result.sent += hub.push_events(conn, batch)
        _step(progress, STAGE_PUSH, start + len(batch), len(rows))


def _has_trust_to_push(session: Session) -> bool:
    return session.get(Meta, intake.META_TRUST_LIST) is not None


def _pull(
    console: Console, engine: Any, result: ImportResult, progress: HubProgress | None = None
) -> None:
    """Fetch what this laptop lacks, verify it, and take it in batches, in the order the
    events reached the hub (cause before effect); each batch is one transaction."""
    have = local_vector(console)
    with engine.connect() as conn:
        wanted = vectors.missing(have, hub.hub_vector(conn))
        if not wanted:
            return
        raw_keys = hub.device_keys(conn, sorted(wanted))
        arrived: list[tuple[int, EventRecord]] = []
        for origin, (after, upto) in sorted(wanted.items()):
            if origin not in raw_keys:
                result.notes.append(
                    f"The hub has no key for device {origin}; its events were skipped."
                )
                continue
            try:
                key = intake.check_keys({origin: raw_keys[origin][0]}, "hub")[origin]
            except SyncError as exc:
                result.notes.append(f"{exc}; its events were skipped.")
                continue
            with contextlib.closing(hub.fetch_events(conn, origin, after, upto)) as rows:
                good, bad = _verified(rows, origin, key)
            arrived.extend(good)
            if bad:
                result.notes.append(bad)
    keys = {o: intake.check_keys({o: k}, "hub")[o] for o, (k, _n) in raw_keys.items()}
    names = {o: n for o, (_k, n) in raw_keys.items()}
    arrived.sort(key=lambda item: item[0])
    records = [record for _hub_seq, record in arrived]
    _step(progress, STAGE_PULL, 0, len(records))
    for start in range(0, len(records), PULL_BATCH):
        batch = records[start : start + PULL_BATCH]
        with console.db.write() as session:
            ctx = intake.load_context(
                session,
                own_id=console.device_id,
                clock=console.clock,
                now=console.now(),
                source=result.source,
            )
            report = intake.store_events(session, batch, keys=keys, names=names, ctx=ctx)
        result.report.merge(report)
        _observe(console, report)
        _step(progress, STAGE_PULL, start + len(batch), len(records))


def _verified(
    rows: Iterable[dict[str, Any]], origin: str, key: bytes
) -> tuple[list[tuple[int, EventRecord]], str]:
    """The hub's events of one device (with their hub_seq) up to the first that fails its
    checks, and why it failed."""
    good: list[tuple[int, EventRecord]] = []
    for row in rows:
        where = f"hub event {origin}#{row['origin_seq']}"
        try:
            record = intake.parse_event(
                {
                    **row,
                    "payload": json.loads(row["payload"]),
                    "parents": json.loads(row["parents"]),
                    "signature": b64(bytes(row["signature"])),
                },
                where,
            )
            if record.origin_id != origin:
                raise SyncError(f"{where} names another device")
            bad = intake.first_bad_signature([record], {origin: key})
            if bad is not None:
                raise SyncError(bad)
        except (SyncError, ValueError) as exc:
            return good, (
                f"The hub holds an event that fails verification ({exc}); it and the later "
                f"events of device {origin} were not taken."
            )
        good.append((int(row["hub_seq"]), record))
    return good, ""


def verify_log(console: Console) -> list[str]:
    """Problems with the log's signatures and sequences, for ``hisconsole check``.

    Every event must carry a valid signature of its device (events this laptop wrote
    before signing existed may be unsigned), and each device's numbers, counting the
    events held back here (quarantined or rejected), must run without a gap. Costs
    about 0.1 ms per event.
    """
    found: list[str] = []
    with console.db.read() as session:
        keys = {console.device_id: console.identity.public_key_bytes}
        for device in session.scalars(select(SyncDevice)):
            keys[device.device_id] = unb64(device.public_key)
        held = {
            (o, n)
            for o, n in session.execute(
                select(HeldEvent.origin_id, HeldEvent.origin_seq).where(
                    HeldEvent.status != HELD_PENDING
                )
            )
        }
        last: dict[str, int] = {}
        query = select(Event).order_by(Event.origin_id, Event.origin_seq)
        for row in session.scalars(query.execution_options(yield_per=2000)):
            record = EventRecord.from_row(row)
            where = f"event {row.origin_id}#{row.origin_seq}"
            previous = last.get(row.origin_id, 0)
            missing = [
                n for n in range(previous + 1, row.origin_seq) if (row.origin_id, n) not in held
            ]
            if missing:
                found.append(
                    f"{where}: events #{missing[0]}..#{missing[-1]} of that device are missing"
                )
            last[row.origin_id] = row.origin_seq
            if record.signature is None:
                if row.origin_id != console.device_id:
                    found.append(f"{where}: not signed")
                continue
            key = keys.get(row.origin_id)
            if key is None:
                found.append(f"{where}: the key of its device is unknown here")
                continue
            bad = intake.first_bad_signature([record], {row.origin_id: key})
            if bad is not None:
                found.append(f"{where}: the signature does not match (altered?)")
    return found


# --- what happened: for the sync screen ------------------------------------------------------


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
        return hub.describe(hub.parse_url(url))[4:] if url else None
    except (ServiceError, SyncError):
        return None


# --- conflicts ---------------------------------------------------------------------------------

#: Register tables that keep both values of a concurrent edit: table -> (model, kind, entity).
REGISTERS: dict[str, tuple[Any, str, str]] = {
    "plan_items": (PlanItem, "plan.item.set", "plan:{key}"),
    "contacts": (Contact, "contact.set", "contact:{key}"),
    "call_trees": (CallTree, "calltree.set", "calltree:{key}"),
}


def conflicts(console: Console, *, include_identical: bool = False) -> list[dict[str, Any]]:
    """Plan items, contacts and call trees edited concurrently on two laptops: every value.

    Rivals holding the same value (e.g. the bundled plan loaded on two laptops) are
    not a conflict to resolve and are left out unless ``include_identical``.
    """
    result = []
    with console.db.read() as session:
        for table, (model, _kind, _entity) in REGISTERS.items():
            keys = session.scalars(
                select(model.key).group_by(model.key).having(func.count() > 1).order_by(model.key)
            ).all()
            for key in keys:
                rows = session.scalars(
                    select(model).where(model.key == key).order_by(model.hlc, model.event_id)
                ).all()
                ids = [r.event_id for r in rows]
                who: dict[str, tuple[str, str]] = {
                    str(eid): (str(origin), str(author))
                    for eid, origin, author in session.execute(
                        select(Event.event_id, Event.origin_id, Event.author).where(
                            Event.event_id.in_(ids)
                        )
                    )
                }
                values = [
                    {
                        "event_id": r.event_id,
                        "hlc": r.hlc,
                        "device": who.get(r.event_id, ("", ""))[0],
                        "author": who.get(r.event_id, ("", ""))[1],
                        "data": json.loads(r.data),
                    }
                    for r in rows
                ]
                same = all(v["data"] == values[0]["data"] for v in values)
                if same and not include_identical:
                    continue
                result.append({"table": table, "key": key, "values": values, "same_value": same})
    return result


def resolve_conflict(
    console: Console,
    table: str,
    key: str,
    chosen_event_id: str | None = None,
    merged: dict[str, Any] | None = None,
) -> ChangeSet:
    """Settle a conflict: keep one rival's value (``chosen_event_id``) or ``merged`` data.

    Writes one new event whose parents are all the rivals, so every laptop that
    receives it drops them and keeps the resolution.
    """
    if table not in REGISTERS:
        raise ServiceError(f"Unknown table {table!r}; conflicts are in {', '.join(REGISTERS)}.")
    if (chosen_event_id is None) == (merged is None):
        raise ServiceError("Choose one of the values, or give merged data (not both).")
    if merged is not None and not isinstance(merged, dict):
        raise ServiceError("Merged data must be a mapping of fields.")
    model, kind, entity = REGISTERS[table]
    with console.transaction() as tx:
        rows = tx.session.scalars(select(model).where(model.key == key)).all()
        if len(rows) < 2:
            raise ServiceError(f"There is no conflict on {table} {key!r} (any more).")
        if chosen_event_id is not None:
            matches = [r for r in rows if r.event_id == chosen_event_id]
            if not matches:
                raise ServiceError(f"{chosen_event_id} is not one of the values of {key!r}.")
            base = matches[0]
            data = json.loads(base.data)
        else:
            base = rows[0]
            data = dict(merged or {})
        payload: dict[str, Any] = {"key": key, "data": data}
        if model is PlanItem:
            payload.update(section=base.section, order=base.ord)
        tx.emit(kind, entity.format(key=key), payload, parents=[r.event_id for r in rows])
    return ChangeSet(screen_areas({area_of(kind)}), 1)


def resolve_identical(console: Console) -> int:
    """Settle every conflict whose rival values are all the same (e.g. two laptops that
    each loaded the bundled plan at set-up); returns how many were settled."""
    same = [c for c in conflicts(console, include_identical=True) if c["same_value"]]
    if not same:
        return 0
    with console.transaction() as tx:
        for conflict in same:
            model, kind, entity = REGISTERS[conflict["table"]]
            rows = tx.session.scalars(select(model).where(model.key == conflict["key"])).all()
            if len(rows) < 2:
                continue
            base = min(rows, key=lambda r: (r.hlc, r.event_id))
            payload: dict[str, Any] = {"key": base.key, "data": json.loads(base.data)}
            if model is PlanItem:
                payload.update(section=base.section, order=base.ord)
            tx.emit(kind, entity.format(key=base.key), payload, parents=[r.event_id for r in rows])
    return len(same)


# --- trust (IT department's tools, and pinning on each laptop) --------------------------------


def trust_keygen(out: Path) -> dict[str, Any]:
    """Create the hospital IT key pair (private PEM 0600 + .pub); keep the private one offline."""
    try:
        pub_path, public = trust.generate_it_key(out.expanduser())
    except trust.TrustError as exc:
        raise _refuse(exc, " Nothing was written.") from exc
    return {
        "private_key": str(out),
        "public_key_file": str(pub_path),
        "public_key": b64(public),
        "fingerprint": trust.fingerprint(public),
    }


def trust_add(
    list_path: Path,
    *,
    public_key: str,
    name: str,
    roles: Sequence[str] = (),
    expires: str | None = None,
    hospital: str | None = None,
) -> dict[str, Any]:
    """Add (or update) a device in the editable trust list (created if missing); serial + 1."""
    try:
        key = unb64(public_key.strip(), size=32)
    except ValueError as exc:
        raise ServiceError(
            "The public key must be the base64 text 'hisconsole device show' prints "
            "on the laptop. Nothing was changed."
        ) from exc
    unknown = [r for r in roles if r not in trust.DEVICE_ROLES]
    if unknown:
        raise ServiceError(
            f"Unknown device role {unknown[0]!r}; use {', '.join(trust.DEVICE_ROLES)}. "
            "Nothing was changed."
        )
    try:
        doc = trust.read_list_file(list_path) if list_path.exists() else trust.new_list()
        if hospital is not None:
            doc["hospital"] = hospital
        expiry = dt.date.fromisoformat(expires) if expires else None
        updated = trust.add_device(
            doc,
            public_key=key,
            name=name,
            roles=list(roles) or [trust.ROLE_OPERATOR],
            expires=expiry,
        )
        trust.write_list_file(list_path, updated)
    except ValueError as exc:
        raise ServiceError(f"{expires!r} is not a date (YYYY-MM-DD). Nothing was changed.") from exc
    except trust.TrustError as exc:
        raise _refuse(exc) from exc
    return {"file": str(list_path), "serial": updated["serial"], "device": device_id_of(key)}


def trust_revoke(list_path: Path, device_id: str, *, on: dt.date) -> dict[str, Any]:
    """Mark a device revoked in the editable trust list; serial + 1."""
    try:
        doc = trust.read_list_file(list_path)
        updated = trust.revoke_device(doc, device_id.strip().lower(), on)
        trust.write_list_file(list_path, updated)
    except trust.TrustError as exc:
        raise _refuse(exc) from exc
    return {"file": str(list_path), "serial": updated["serial"], "revoked": on.isoformat()}


def trust_sign(list_path: Path, key_path: Path, out: Path, *, now: dt.datetime) -> dict[str, Any]:
    """Sign the editable trust list with the IT key, giving the file laptops import."""
    try:
        doc = trust.read_list_file(list_path)
        key = trust.load_private_key(key_path)
        signed = trust.sign_list(doc, key, now=now)
        trust.write_signed_file(out, signed)
    except trust.TrustError as exc:
        raise _refuse(exc, " Nothing was written.") from exc
    return {
        "file": str(out),
        "serial": signed["list"]["serial"],
        "devices": len(signed["list"]["devices"]),
        "it_key": trust.fingerprint(unb64(signed["signer"])),
    }


def trust_pin(console: Console, pubkey_path: Path, *, replace: bool = False) -> dict[str, Any]:
    """Pin the hospital IT public key on this laptop (once; ``replace`` to change it)."""
    try:
        key = trust.load_public_key(pubkey_path.expanduser())
    except trust.TrustError as exc:
        raise _refuse(exc) from exc
    fp = trust.fingerprint(key)
    with console.db.write() as session:
        pinned = intake.pinned_it_key(session)
        if pinned is not None and pinned != key and not replace:
            raise ServiceError(
                f"A different IT key ({trust.fingerprint(pinned)}) is already pinned here. "
                "If IT really replaced its key, pin again with --replace. Nothing was changed."
            )
        if pinned != key:
            session.merge(Meta(key=intake.META_IT_KEY, value=b64(key)))
            old = session.get(Meta, intake.META_TRUST_LIST)
            if old is not None:
                session.delete(old)
            _history(session, console, peer="(IT)", action=ACTION_TRUST, note=f"pinned IT key {fp}")
    return {"it_key": fp, "public_key": b64(key)}


def trust_import(
    console: Console, path: Path, *, pin_fingerprint: str | None = None
) -> dict[str, Any]:
    """Use a signed trust list (newer than the one held) and apply what it now allows."""
    try:
        signed = trust.read_signed_file(path.expanduser())
        listed = trust.verify_signed(signed, None)
    except trust.TrustError as exc:
        raise _refuse(exc) from exc
    fp = trust.fingerprint(listed.signer)
    result = ImportResult(source="(IT)")
    with console.db.write() as session:
        pinned = intake.pinned_it_key(session)
        if pinned is None:
            if pin_fingerprint is None or not _same_fingerprint(pin_fingerprint, fp):
                raise ServiceError(
                    f"No IT key is pinned on this laptop yet. This list is signed by IT key {fp}. "
                    "If IT confirms that fingerprint, run again with --pin-fingerprint "
                    f"{fp}, or pin the key file first ('hisconsole trust pin FILE'). "
                    "Nothing was changed."
                )
            session.merge(Meta(key=intake.META_IT_KEY, value=b64(listed.signer)))
            session.flush()
        current = intake.current_trust(session)
        try:
            adopted = intake.adopt_trust_list(session, signed)
        except trust.TrustError as exc:
            raise _refuse(exc) from exc
        if adopted is None:
            assert current is not None
            if current.serial > listed.serial:
                raise ServiceError(
                    f"This trust list (serial {listed.serial}) is older than the one in use "
                    f"(serial {current.serial}); an old list cannot be brought back. "
                    "Nothing was changed."
                )
            return {"serial": current.serial, "adopted": False, "applied": 0, "it_key": fp}
        ctx = intake.load_context(
            session,
            own_id=console.device_id,
            clock=console.clock,
            now=console.now(),
            source="trust list",
        )
        result.report = intake.release_held(session, ctx)
        _history(
            session,
            console,
            peer="(IT)",
            action=ACTION_TRUST,
            report=result.report,
            note=f"trust list serial {adopted.serial}",
        )
    _observe(console, result.report)
    return {
        "serial": adopted.serial,
        "adopted": True,
        "devices": len(adopted.devices),
        "applied": result.report.applied,
        "it_key": fp,
    }


def trust_show(console: Console) -> dict[str, Any]:
    """The pinned IT key and the trust list in use on this laptop."""
    with console.db.read() as session:
        pinned, current = _trust_state(session)
    return {
        "it_key": trust.fingerprint(pinned) if pinned else None,
        "serial": current.serial if current else None,
        "hospital": current.hospital if current else None,
        "issued_at": current.issued_at if current else None,
        "devices": [
            {
                "id": d.device_id,
                "name": d.name,
                "roles": sorted(d.roles),
                "expires": d.expires.isoformat() if d.expires else None,
                "revoked": d.revoked.isoformat() if d.revoked else None,
            }
            for d in (current.devices.values() if current else [])
        ],
    }
