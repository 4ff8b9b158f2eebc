"""USB bundles: writing one with what the receiver may lack, checking and taking one in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from hisconsole import __version__
from hisconsole.collecting import collector_paused
from hisconsole.errors import N_
from hisconsole.services import restored
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.files import write_atomically
from hisconsole.services.sync import quarantine
from hisconsole.services.sync.shared import (
    ACTION_EXPORT,
    ACTION_IMPORT,
    NOTHING_IMPORTED,
    NOTHING_WRITTEN,
    ImportResult,
    device_keys,
    local_vector,
    now_iso,
    observe,
    receiver,
    record_history,
    record_notes,
    refuse,
    same_fingerprint,
    touch_peer,
    trust_document,
)
from hisconsole.store.db import SCHEMA_HEAD
from hisconsole.store.events import EVENT_SCHEMA_VERSION, EventRecord
from hisconsole.store.models import Meta
from hisconsole.sync import bundle as bundle_format
from hisconsole.sync import intake, vectors
from hisconsole.sync import trust as trust_format
from hisconsole.sync.canonical import b64
from hisconsole.sync.errors import BundleError, SyncError
from hisconsole.sync.outgoing import outgoing
from hisconsole.sync.vectors import Vector
from hisconsole.sync.verifying import CHUNK, Verification


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
        raise ServiceError(
            N_("Cannot read {path}: {strerror}. Nothing was written."),
            path=path,
            strerror=exc.strerror,
        ) from exc
    try:
        if head == bundle_format.MAGIC:
            return bundle_format.read_manifest(path).vector
        return vectors.read_file(path)
    except (SyncError, vectors.VectorError) as exc:
        raise refuse(exc, NOTHING_WRITTEN) from exc


def export_bundle(console: Console, out: Path, *, since_file: Path | None = None) -> ExportResult:
    """Write a bundle with every event held here that the receiver may lack.

    ``since_file`` is the receiver's version vector (``bundle vector``) or a bundle it
    wrote: only what is beyond it is exported. Without it, everything is.
    """
    since = _read_since(since_file) if since_file is not None else {}
    sign_own = console.identity.private_key.sign
    with console.db.read() as session:
        have = vectors.local_vector(session, console.device_id)
        keys, names = device_keys(session, console)
        trust_doc = trust_document(session)
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
                created_at=now_iso(console),
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
            raise refuse(exc, NOTHING_WRITTEN) from exc
    with console.db.write() as session:
        record_history(session, console, peer="(bundle)", action=ACTION_EXPORT, sent=info.events)
    return ExportResult(info.path, info.events, info.bytes, since)


def write_vector(console: Console, out: Path) -> Vector:
    """Write this laptop's version vector to ``out`` for another laptop's ``--since-vector``."""
    vector = local_vector(console)
    write_atomically(out, vectors.dumps(vector, console.device_id).encode("utf-8"))
    return vector


def _parse_all(raw_events: Sequence[Any], name: str, verifying: Verification) -> list[EventRecord]:
    """The bundle's events, each handed to ``verifying`` as soon as a chunk is parsed."""
    records: list[EventRecord] = []
    for number, obj in enumerate(raw_events, start=1):
        try:
            records.append(intake.parse_event(obj, f"{name}: event {number}"))
        except SyncError as exc:
            raise BundleError(N_("{exc} (damaged or forged bundle)"), exc=exc) from exc
        if number % CHUNK == 0:
            verifying.add(records[-CHUNK:])
    if len(records) % CHUNK:
        verifying.add(records[-(len(records) % CHUNK) :])
    return records


class _Forged(Exception):
    """An event of the bundle fails its signature: the import's transaction is undone."""


def _offer_pin(session: Session, signed: Any, pin_it_key: str | None, result: ImportResult) -> None:
    """No IT key pinned yet: pin the one that signed ``signed`` if the operator confirmed it."""
    try:
        listed = trust_format.verify_signed(signed, None)
    except trust_format.TrustError as exc:
        result.trust_ignored = str(exc)
        return
    fp = trust_format.fingerprint(listed.signer)
    if pin_it_key is not None and same_fingerprint(pin_it_key, fp):
        session.merge(Meta(key=intake.META_IT_KEY, value=b64(listed.signer)))
        session.flush()
        result.it_key_pinned = fp
        return
    result.it_key_offered = fp


def import_bundle(console: Console, path: Path, *, pin_it_key: str | None = None) -> ImportResult:
    """Check a bundle completely, then take in what it brings in one transaction.

    Importing the same bundle twice, bundles in any order, or relayed ones gives
    the same result. A damaged, truncated, altered or forged bundle changes nothing.
    ``pin_it_key``: the IT key fingerprint the operator confirmed, to pin the IT key
    that signed the bundle's trust list when none is pinned yet.
    """
    with collector_paused():
        return _import_bundle(console, path.expanduser(), pin_it_key)


def _import_bundle(console: Console, path: Path, pin_it_key: str | None) -> ImportResult:
    admit = quarantine.admission(console, path, pin_it_key)
    try:
        manifest, raw_events = bundle_format.read_bundle(path, admit=admit)
        keys = intake.check_keys(manifest.keys, path.name)
    except quarantine.NotAdmitted as stranger:
        return _hold_unread(console, path, stranger.manifest, pin_it_key)
    except quarantine.RevokedExporter:
        raise  # its own code: it renders in the reader's language
    except SyncError as exc:
        raise refuse(exc, NOTHING_IMPORTED) from exc
    have = local_vector(console)
    # Every event is checked, even those held here already: a bundle with one forged event
    # is refused as a whole. The signatures are checked on other threads while this one
    # parses and stores; the transaction commits only once all of them passed.
    with Verification(keys) as verifying:
        try:
            records = _parse_all(raw_events, path.name, verifying)
        except SyncError as exc:
            raise refuse(exc, NOTHING_IMPORTED) from exc
        del raw_events
        new = [r for r in records if r.origin_seq > have.get(r.origin_id, 0)]
        known = [
            (r.origin_id, r.origin_seq, r.event_id)
            for r in records
            if r.origin_seq <= have.get(r.origin_id, 0)
        ]
        del records
        try:
            result = _take_in(console, manifest, keys, new, known, pin_it_key, verifying)
        except _Forged as exc:
            forged = BundleError(
                N_("{name} is forged or damaged: {exc}. It was refused as a whole."),
                name=path.name,
                exc=exc,
            )
            raise refuse(forged, NOTHING_IMPORTED) from exc
    observe(console, result.report)
    if result.trust_serial is not None:
        result.report.merge(read_held(console))  # laptops the new list trusts
    restored.caught_up(console.db)
    return result


def _hold_unread(
    console: Console, path: Path, manifest: bundle_format.Manifest, pin_it_key: str | None
) -> ImportResult:
    """The bundle's writer is not trusted here: keep the file unread, list the laptop.

    A laptop restored from a backup takes back its own events from it first: they are
    signed with its own key, and until they are back it records nothing."""
    result = ImportResult(source=manifest.exporter_id, source_name=manifest.exporter_name)
    if manifest.trust_list is not None:
        with console.db.write() as session:
            if intake.pinned_it_key(session) is None:
                _offer_pin(session, manifest.trust_list, pin_it_key, result)
    own = console.device_id
    if restored.catching_up(console.db) is not None:
        if manifest.vector.get(own, 0) > local_vector(console).get(own, 0):
            result.report = _take_own(console, path)
            result.own_taken = result.report.applied
            observe(console, result.report)
        restored.caught_up(console.db)
    result.held_unread = str(quarantine.hold(console, path, manifest))
    return result


def _take_own(console: Console, path: Path) -> intake.IntakeReport:
    """This laptop's own events in a bundle from a laptop not trusted here, checked with
    its own key; nothing else in the bundle is taken."""
    own = console.device_id
    try:
        _manifest, raw_events = bundle_format.read_bundle(path)
    except SyncError as exc:
        raise refuse(exc, NOTHING_IMPORTED) from exc
    mine = [e for e in raw_events if isinstance(e, dict) and e.get("origin_id") == own]
    del raw_events
    have = local_vector(console).get(own, 0)
    with Verification({own: console.identity.public_key_bytes}) as verifying:
        try:
            records = [r for r in _parse_all(mine, path.name, verifying) if r.origin_seq > have]
        except SyncError as exc:
            raise refuse(exc, NOTHING_IMPORTED) from exc
        with console.db.write() as session:
            report = intake.receive(
                session, records, here=receiver(console), source=f"own events in {path.name}"
            )
            bad = verifying.first_bad()
            if bad is not None:
                forged = BundleError(
                    N_("{name} is forged or damaged: {exc}. It was refused as a whole."),
                    name=path.name,
                    exc=bad,
                )
                raise refuse(forged, NOTHING_IMPORTED)
    return report


def read_held(console: Console, device_id: str | None = None) -> intake.IntakeReport:
    """Read the bundles held unread (of one laptop) whose writers are trusted or accepted
    now, through :func:`import_bundle`; each is removed once taken in. One that is still
    not trusted stays held; one refused as damaged is set aside (``.refused``), since
    nothing in it could ever be taken."""
    report = intake.IntakeReport()
    for held in quarantine.held_bundles(console, device_id):
        try:
            quarantine.admission(console, held, None)(bundle_format.read_manifest(held))
            result = import_bundle(console, held)
        except quarantine.NotAdmitted:
            continue  # still a stranger here
        except (SyncError, ServiceError):
            held.replace(held.with_suffix(".refused"))
            continue
        report.merge(result.report)
        held.unlink(missing_ok=True)
    return report


def _take_in(
    console: Console,
    manifest: bundle_format.Manifest,
    keys: dict[str, bytes],
    new: list[EventRecord],
    known: list[tuple[str, int, str]],
    pin_it_key: str | None,
    verifying: Verification,
) -> ImportResult:
    """The import's one transaction; it is undone (_Forged) if a signature fails."""
    result = ImportResult(source=manifest.exporter_id, source_name=manifest.exporter_name)
    with console.db.write() as session:
        trust_list = manifest.trust_list
        if trust_list is not None and intake.pinned_it_key(session) is None:
            _offer_pin(session, trust_list, pin_it_key, result)
        if intake.pinned_it_key(session) is None:
            trust_list = None  # kept for when IT's key is pinned: nothing to check it with
        result.report = intake.receive(
            session,
            new,
            here=receiver(console),
            source=f"bundle from {manifest.exporter_id}",
            keys=keys,
            names=manifest.names,
            known=known,
            trust_list=trust_list,
        )
        record_history(
            session,
            console,
            peer=manifest.exporter_id,
            action=ACTION_IMPORT,
            report=result.report,
            notes=record_notes(result),
        )
        if manifest.exporter_id != console.device_id:
            touch_peer(
                session,
                console,
                manifest.exporter_id,
                "laptop",
                manifest.exporter_name,
                manifest.vector,
            )
        bad = verifying.first_bad()
        if bad is not None:
            raise _Forged(bad)
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
        raise refuse(exc, NOTHING_IMPORTED) from exc
    if manifest.trust_list is None:
        return None
    try:
        listed = trust_format.verify_signed(manifest.trust_list, None)
    except trust_format.TrustError:
        return None  # import_bundle says why the list is ignored
    return trust_format.fingerprint(listed.signer)
