"""Taking in signed events from other laptops: check, then apply, hold or reject each one.

The same path serves bundles, the hub and trust-list changes: :func:`receive`. First,
outside any transaction,
every new event is parsed strictly and its signature checked against its
device's key (a key always matches its device id, which is the key's
fingerprint). Then, in the caller's one write transaction, each device's
events are taken in sequence order: those that continue the device's gap-free
sequence are applied if the device is trusted and has the role the event
needs, quarantined if the device is unknown, or rejected; those after a gap
wait (pending) until the missing ones arrive.

An event that names a thing not here (a log entry, level change or sheet for an incident
this laptop does not hold, a tick of an unknown checklist step …) is held as an orphan,
never applied as such: it may be early (events cross between laptops, bundles and the hub
in any order, and a declaration may sit in quarantine until its device is accepted) or
name something that never existed. Either way it is kept, listed with the reason (sync
--status, the Sync page, an alert) and relayed like the device's other events; its
device's later events go on. Every intake that applies something decides again about the
orphans, and applies each as soon as what it names is here, after it (so the log's order
stays causal and a rebuild gives the same state).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from hisconsole.domain.hlc import HybridClock, Stamp
from hisconsole.errors import N_
from hisconsole.store import eventlog, projections
from hisconsole.store.events import EventRecord, canonical_json
from hisconsole.store.models import EVENT_FLAG_FROM_FUTURE, Event, Meta
from hisconsole.store.sync_models import (
    HELD_ORPHAN,
    HELD_PENDING,
    HELD_QUARANTINE,
    HELD_REJECTED,
    HeldEvent,
    SyncDevice,
)
from hisconsole.sync import reasons
from hisconsole.sync import trust as trust_rules
from hisconsole.sync.canonical import (
    DEVICE_ID_RE,
    PUBLIC_KEY_BYTES,
    SIGNATURE_BYTES,
    b64,
    device_id_of,
    unb64,
)
from hisconsole.sync.errors import SyncError
from hisconsole.sync.reasons import Reason
from hisconsole.sync.trust import TrustError, TrustList
from hisconsole.sync.verifying import bad_signature

META_IT_KEY = "trust.it_key"
META_TRUST_LIST = "trust.list"

_HLC_LEN = 22
_MAX_TEXT = 1_000_000
_MAX_SEQ = 2**53
_CHUNK = 500


# --- parsing and verifying ---------------------------------------------------------------


def _text(obj: Mapping[str, Any], name: str, where: str, limit: int = _MAX_TEXT) -> str:
    value = obj.get(name)
    if not isinstance(value, str) or len(value) > limit:
        raise SyncError(
            N_("{where}: field {name!r} is missing or not text"), where=where, name=name
        )
    return value


def _int(obj: Mapping[str, Any], name: str, where: str, low: int = 0) -> int:
    value = obj.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value < _MAX_SEQ:
        raise SyncError(
            N_("{where}: field {name!r} is missing or not a number"), where=where, name=name
        )
    return value


def parse_event(obj: Any, where: str) -> EventRecord:
    """A signed event from its transport form (a JSON object); SyncError if malformed.

    Its payload is encoded as canonical JSON here, once: that text is both stored and
    part of the bytes its signature covers."""
    record = _parse_plain(obj)
    if record is not None:
        return record
    # Not the plain well-formed shape: the strict checks say what is wrong (or accept
    # what the quick ones do not know, a Mapping that is not a dict …).
    record = _parse_strict(obj, where)
    return replace(record, payload_json=canonical_json(record.payload))


def _plain_text(value: Any, limit: int) -> bool:
    return type(value) is str and 0 < len(value) <= limit


def _plain_int(value: Any) -> bool:
    return type(value) is int and 1 <= value < _MAX_SEQ


def _parse_plain(obj: Any) -> EventRecord | None:
    """The event if it passes checks that accept only what :func:`_parse_strict` accepts
    (exact types, as JSON decodes them), in a few steps; None for anything else.

    Once per event of an import or a pull: _parse_strict's helper calls cost a third of
    the time an import spends above its floor."""
    if type(obj) is not dict:
        return None
    get: Any = obj.get  # the values are checked below, one by one
    origin, seq, hlc, payload, parents = (
        get("origin_id"),
        get("origin_seq"),
        get("hlc"),
        get("payload"),
        get("parents"),
    )
    event_id, kind, author, entity, version = (
        get("event_id"),
        get("kind"),
        get("author"),
        get("entity"),
        get("schema_version"),
    )
    if not (
        _plain_text(origin, 32)
        and DEVICE_ID_RE.match(origin)
        and _plain_int(seq)
        and _plain_text(hlc, _HLC_LEN)
        and len(hlc) == _HLC_LEN
        and type(payload) is dict
        and type(parents) is list
        and all(type(p) is str and len(p) <= 36 for p in parents)
        and _plain_text(event_id, 36)
        and _plain_text(kind, 64)
        and type(author) is str
        and len(author) <= _MAX_TEXT
        and type(entity) is str
        and len(entity) <= _MAX_TEXT
        and _plain_int(version)
    ):
        return None
    try:
        Stamp.decode(hlc)
        signature = unb64(get("signature"), size=SIGNATURE_BYTES)
    except ValueError:
        return None
    return EventRecord(
        origin_id=origin,
        origin_seq=seq,
        event_id=event_id,
        hlc=hlc,
        author=author,
        kind=kind,
        entity=entity,
        payload=payload,
        parents=tuple(parents),
        schema_version=version,
        signature=signature,
        payload_json=canonical_json(payload),
    )


def _parse_strict(obj: Any, where: str) -> EventRecord:
    """Every check of an event's transport form, one by one, each failure said."""
    if not isinstance(obj, Mapping):
        raise SyncError(N_("{where} is not an event"), where=where)
    origin = _text(obj, "origin_id", where, 32)
    if not DEVICE_ID_RE.match(origin):
        raise SyncError(N_("{where}: {origin!r} is not a device id"), where=where, origin=origin)
    seq = _int(obj, "origin_seq", where, 1)
    hlc = _text(obj, "hlc", where, _HLC_LEN)
    try:
        if len(hlc) != _HLC_LEN:
            raise ValueError(hlc)
        Stamp.decode(hlc)
    except ValueError as exc:
        raise SyncError(N_("{where}: {hlc!r} is not a clock stamp"), where=where, hlc=hlc) from exc
    payload = obj.get("payload")
    parents = obj.get("parents")
    if not isinstance(payload, dict):
        raise SyncError(N_("{where}: payload is not an object"), where=where)
    if not isinstance(parents, list) or not all(
        isinstance(p, str) and len(p) <= 36 for p in parents
    ):
        raise SyncError(N_("{where}: parents is not a list of event ids"), where=where)
    try:
        signature = unb64(obj.get("signature"), size=SIGNATURE_BYTES)
    except ValueError as exc:
        raise SyncError(N_("{where}: the signature is missing or damaged"), where=where) from exc
    event_id = _text(obj, "event_id", where, 36)
    kind = _text(obj, "kind", where, 64)
    if not event_id or not kind:
        raise SyncError(N_("{where}: empty event id or kind"), where=where)
    return EventRecord(
        origin_id=origin,
        origin_seq=seq,
        event_id=event_id,
        hlc=hlc,
        author=_text(obj, "author", where),
        kind=kind,
        entity=_text(obj, "entity", where),
        payload=payload,
        parents=tuple(parents),
        schema_version=_int(obj, "schema_version", where, 1),
        signature=signature,
    )


def check_keys(keys: Mapping[str, Any], where: str) -> dict[str, bytes]:
    """Device keys as sent alongside events: each must be the key its id is the fingerprint of."""
    result: dict[str, bytes] = {}
    for device_id, text in keys.items():
        try:
            key = unb64(text, size=PUBLIC_KEY_BYTES)
        except ValueError as exc:
            raise SyncError(
                N_("{where}: the key of device {device_id} is damaged"),
                where=where,
                device_id=device_id,
            ) from exc
        if device_id_of(key) != device_id:
            raise SyncError(
                N_("{where}: the key given for device {device_id} is not that device's key"),
                where=where,
                device_id=device_id,
            )
        result[device_id] = key
    return result


def first_bad_signature(records: Iterable[EventRecord], keys: Mapping[str, bytes]) -> str | None:
    """None if every event is signed by its device's key, else what is wrong with the first
    (one by one, on this thread; :class:`~hisconsole.sync.verifying.Verification` checks
    many on other threads)."""
    for record in records:
        problem = bad_signature(record, keys.get(record.origin_id))
        if problem is not None:
            return problem
    return None


# --- trust state kept in this laptop's database ------------------------------------------


def pinned_it_key(session: Session) -> bytes | None:
    row = session.get(Meta, META_IT_KEY)
    return unb64(row.value, size=PUBLIC_KEY_BYTES) if row else None


def current_trust(session: Session) -> TrustList | None:
    pinned = pinned_it_key(session)
    row = session.get(Meta, META_TRUST_LIST)
    if pinned is None or row is None:
        return None
    try:
        return trust_rules.verify_signed(json.loads(row.value), pinned)
    except (TrustError, ValueError):
        return None


def adopt_trust_list(session: Session, signed: Any) -> TrustList | None:
    """Store ``signed`` if it is signed by the pinned IT key and newer than the one held.

    Returns the list if adopted; None if it is not newer. Raises TrustError if
    no IT key is pinned or the list is not signed by it.
    """
    pinned = pinned_it_key(session)
    if pinned is None:
        raise TrustError(
            N_(
                "No IT key is pinned on this laptop yet; pin it first with 'hisconsole "
                "trust pin PUBKEYFILE'."
            )
        )
    incoming = trust_rules.verify_signed(signed, pinned)
    current = current_trust(session)
    if current is not None and incoming.serial <= current.serial:
        return None
    session.merge(Meta(key=META_TRUST_LIST, value=canonical_json(incoming.signed)))
    session.flush()
    return incoming


# --- storing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Receiver:
    """The laptop taking events in: its device id, its clock, and the time now."""

    own_id: str
    clock: HybridClock
    now: dt.datetime


@dataclass
class Context:
    """What a decision about a foreign event depends on, read once per transaction."""

    own_id: str
    trust: TrustList | None
    accepted: set[str]
    clock: HybridClock
    now: dt.datetime
    source: str
    #: Things (kind, id) events may name found here during this intake (see
    #: projections.missing_reference).
    present: set[tuple[str, str]] = field(default_factory=set)

    @property
    def today(self) -> dt.date:
        return self.now.date()

    @property
    def now_iso(self) -> str:
        return self.now.astimezone(dt.UTC).isoformat(timespec="seconds")


def load_context(
    session: Session, *, own_id: str, clock: HybridClock, now: dt.datetime, source: str
) -> Context:
    accepted = set(
        session.scalars(select(SyncDevice.device_id).where(SyncDevice.accepted_at.is_not(None)))
    )
    return Context(own_id, current_trust(session), accepted, clock, now, source)


@dataclass
class IntakeReport:
    """What happened to the events received."""

    applied: int = 0
    duplicates: int = 0
    quarantined: int = 0
    rejected: int = 0
    pending: int = 0
    #: Held until what they name (an incident, a checklist step …) is here.
    orphans: int = 0
    from_future: int = 0
    conflicting: int = 0
    #: Why events were quarantined or rejected, with how many for each reason.
    reasons: dict[Reason, int] = field(default_factory=dict)
    #: Areas (first part of the event kind: incident, forms, plan, …) that changed.
    areas: set[str] = field(default_factory=set)
    stamps: list[Stamp] = field(default_factory=list, repr=False)
    #: How far the furthest event from the future was ahead of this laptop's clock (ms).
    ahead_ms: int = 0
    #: The serial of a trust list received and now in use.
    trust_serial: int | None = None
    #: Why a trust list received was not used (it is not signed by the pinned IT key, …).
    trust_refused: str = ""

    def merge(self, other: IntakeReport) -> None:
        for name in (
            "applied",
            "duplicates",
            "quarantined",
            "rejected",
            "pending",
            "orphans",
            "from_future",
            "conflicting",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for reason, count in other.reasons.items():
            self.reasons[reason] = self.reasons.get(reason, 0) + count
        self.areas |= other.areas
        self.ahead_ms = max(self.ahead_ms, other.ahead_ms)
        self.stamps.extend(other.stamps)
        if other.trust_serial is not None:
            self.trust_serial = other.trust_serial
        self.trust_refused = other.trust_refused or self.trust_refused

    def as_dict(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "duplicates": self.duplicates,
            "quarantined": self.quarantined,
            "rejected": self.rejected,
            "pending": self.pending,
            "orphans": self.orphans,
            "from_future": self.from_future,
            "conflicting": self.conflicting,
            "reasons": {reason.record_text(): n for reason, n in self.reasons.items()},
        }

    def sorted_reasons(self) -> list[tuple[Reason, int]]:
        """The reasons in the order their record text sorts (the order they are listed in)."""
        return sorted(self.reasons.items(), key=lambda item: item[0].record_text())


def top_seq(session: Session, origin: str) -> int:
    """Highest event number of ``origin`` held without a gap (log + held, not pending)."""
    in_log = session.scalar(select(func.max(Event.origin_seq)).where(Event.origin_id == origin))
    held = session.scalar(
        select(func.max(HeldEvent.origin_seq)).where(
            HeldEvent.origin_id == origin, HeldEvent.status != HELD_PENDING
        )
    )
    return max(in_log or 0, held or 0)


def stored_ids(session: Session, origin: str, seqs: Sequence[int]) -> dict[int, str]:
    """event_id of each of ``origin``'s events numbered ``seqs`` held here (log or held)."""
    found: dict[int, str] = {}
    for start in range(0, len(seqs), _CHUNK):
        chunk = list(seqs[start : start + _CHUNK])
        for model in (Event, HeldEvent):
            rows = session.execute(
                select(model.origin_seq, model.event_id).where(
                    model.origin_id == origin, model.origin_seq.in_(chunk)
                )
            )
            found.update({int(seq): str(eid) for seq, eid in rows})
    return found


def record_devices(
    session: Session,
    keys: Mapping[str, bytes],
    names: Mapping[str, str],
    ctx: Context,
    origins: Iterable[str],
) -> None:
    """Remember every other device whose events passed through here, with its key."""
    wanted = [o for o in set(origins) if o != ctx.own_id]
    if not wanted:
        return
    have = set(
        session.scalars(select(SyncDevice.device_id).where(SyncDevice.device_id.in_(wanted)))
    )
    rows = [
        {
            "device_id": origin,
            "public_key": b64(keys[origin]),
            "name": names.get(origin, ""),
            "first_seen": ctx.now_iso,
            "source": ctx.source,
            "accepted_at": None,
            "accepted_by": None,
        }
        for origin in sorted(set(wanted) - have)
        if origin in keys
    ]
    if rows:
        session.execute(insert(SyncDevice), rows)


def _held_row(record: EventRecord, status: str, reason: Reason, ctx: Context) -> dict[str, Any]:
    return {
        **record.to_row(),
        "status": status,
        "reason": reason.record_text(),
        **reason.columns(),
        "received_at": ctx.now_iso,
        "source": ctx.source,
    }


def _count_reason(report: IntakeReport, reason: Reason) -> None:
    report.reasons[reason] = report.reasons.get(reason, 0) + 1


def _apply_or_hold(
    session: Session,
    candidates: Sequence[EventRecord],
    ctx: Context,
    report: IntakeReport,
    *,
    count_orphans: bool = True,
) -> None:
    """Decide each event (its origin's sequence already continues here) and store it.

    Events are applied in the order given. One that names a thing not here yet (its
    incident, checklist step, sheet …) is held as an orphan after the events before it
    were applied (what it names may be among them); :func:`resolve_orphans` applies it
    once that thing arrives. ``count_orphans``: False when deciding again about events
    already held as orphans (they are not news)."""
    to_apply: list[tuple[EventRecord, int]] = []
    held: list[dict[str, Any]] = []
    decided: list[tuple[EventRecord, str, Reason | None]] = []
    # decide() depends on nothing but the device and the kind here (the context stays
    # put during the call): once per pair, not once per event of a large import.
    verdicts: dict[tuple[str, str], tuple[str, Reason | None]] = {}
    today = ctx.today
    for record in candidates:
        pair = (record.origin_id, record.kind)
        known_verdict = verdicts.get(pair)
        if known_verdict is None:
            known_verdict = verdicts[pair] = trust_rules.decide(
                trust=ctx.trust,
                accepted=ctx.accepted,
                local_id=ctx.own_id,
                device_id=record.origin_id,
                kind=record.kind,
                today=today,
            )
        decided.append((record, *known_verdict))
    # An event id must be unique in the log; a second event claiming one is refused.
    wanted = [r.event_id for r, verdict, _ in decided if verdict == trust_rules.APPLY]
    taken: set[str] = set()
    if wanted:
        # On the transaction's DB-API connection: an import asks this for every event,
        # and SQLAlchemy's expanding IN costs more than the look-ups.
        session.flush()
        raw: Any = session.connection().connection.dbapi_connection
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            found = raw.execute(f"SELECT event_id FROM events WHERE event_id IN ({marks})", chunk)
            taken.update(event_id for (event_id,) in found)
    for record, verdict, reason in decided:
        if verdict == trust_rules.APPLY and record.event_id in taken:
            verdict, reason = trust_rules.REJECT, Reason(reasons.ID_TAKEN, device=record.origin_id)
        problem = projections.applicable(record) if verdict == trust_rules.APPLY else None
        if problem is not None:
            # Signed by a trusted device, yet not what its kind needs: kept with the reason,
            # never applied, and the device's later events go on.
            verdict = trust_rules.REJECT
            reason = Reason(
                reasons.INVALID, device=record.origin_id, kind=record.kind, detail=problem
            )
        if verdict == trust_rules.APPLY:
            missing = projections.missing_reference(session, record, ctx.present)
            if missing is not None and to_apply:
                eventlog.append_foreign(session, to_apply, checked=True)
                to_apply = []
                missing = projections.missing_reference(session, record, ctx.present)
            if missing is not None:
                verdict = HELD_ORPHAN
                reason = Reason(
                    reasons.MISSING,
                    device=record.origin_id,
                    kind=record.kind,
                    thing=missing[0],
                    key=missing[1],
                )
        if verdict == trust_rules.APPLY:
            taken.add(record.event_id)
            stamp = Stamp.decode(record.hlc)
            flags = 0
            if ctx.clock.is_from_future(stamp):
                flags = EVENT_FLAG_FROM_FUTURE
                report.from_future += 1
                now_ms = int(ctx.now.timestamp() * 1000)
                report.ahead_ms = max(report.ahead_ms, stamp.wall_ms - now_ms)
            else:
                report.stamps.append(stamp)
            to_apply.append((record, flags))
            report.applied += 1
            report.areas.add(record.kind.split(".", 1)[0])
        else:
            assert reason is not None  # decide() gives one for every verdict but APPLY
            held.append(_held_row(record, verdict, reason, ctx))
            if verdict == HELD_ORPHAN:
                if count_orphans:
                    report.orphans += 1
                    _count_reason(report, reason)
                continue
            if verdict == trust_rules.QUARANTINE:
                report.quarantined += 1
            else:
                report.rejected += 1
            _count_reason(report, reason)
    if held:
        session.execute(insert(HeldEvent), held)
    # Each was found applicable above: not checked a second time.
    eventlog.append_foreign(session, to_apply, checked=True)


def resolve_orphans(session: Session, ctx: Context, report: IntakeReport) -> None:
    """Apply the events held as orphans whose named things are here now, until none is
    left that can be (applying one may bring what another names: a checklist step, then
    its tick). Those still missing something stay held, listed with the reason."""
    while True:
        rows = session.scalars(
            select(HeldEvent)
            .where(HeldEvent.status == HELD_ORPHAN)
            .order_by(HeldEvent.received_at, HeldEvent.origin_id, HeldEvent.origin_seq)
        ).all()
        ready = [
            EventRecord.from_row(row)
            for row in rows
            if projections.missing_reference(session, EventRecord.from_row(row), ctx.present)
            is None
        ]
        if not ready:
            return
        for record in ready:
            session.execute(
                delete(HeldEvent).where(
                    HeldEvent.origin_id == record.origin_id,
                    HeldEvent.origin_seq == record.origin_seq,
                )
            )
        before = report.applied
        _apply_or_hold(session, ready, ctx, report, count_orphans=False)
        if report.applied == before:
            return


def store_events(
    session: Session,
    records: Sequence[EventRecord],
    *,
    keys: Mapping[str, bytes],
    names: Mapping[str, str],
    ctx: Context,
    known: Sequence[tuple[str, int, str]] = (),
) -> IntakeReport:
    """Store verified events from elsewhere (in the caller's write transaction).

    ``known`` are (origin, seq, event_id) of events the sender also had that this
    laptop held already when the import started: they were not verified, only
    compared, and are never written.
    """
    report = IntakeReport()
    by_origin: dict[str, dict[int, EventRecord]] = {}
    for record in records:
        slot = by_origin.setdefault(record.origin_id, {})
        prior = slot.get(record.origin_seq)
        if prior is None:
            slot[record.origin_seq] = record
        elif prior.event_id == record.event_id:
            report.duplicates += 1
        else:
            report.conflicting += 1
    known_by_origin: dict[str, dict[int, str]] = {}
    for origin, seq, event_id in known:
        known_by_origin.setdefault(origin, {})[seq] = event_id
    record_devices(session, keys, names, ctx, by_origin)
    ready_by_origin: dict[str, list[EventRecord]] = {}
    for origin in sorted(set(by_origin) | set(known_by_origin)):
        events = by_origin.get(origin, {})
        have = top_seq(session, origin)
        old = {s: r.event_id for s, r in events.items() if s <= have}
        old.update({s: e for s, e in known_by_origin.get(origin, {}).items() if s <= have})
        if old:
            stored = stored_ids(session, origin, sorted(old))
            for seq, event_id in old.items():
                if stored.get(seq) == event_id:
                    report.duplicates += 1
                else:
                    report.conflicting += 1
        candidates = {s: r for s, r in events.items() if s > have}
        pending_rows = {
            row.origin_seq: row
            for row in session.scalars(
                select(HeldEvent).where(
                    HeldEvent.origin_id == origin, HeldEvent.status == HELD_PENDING
                )
            )
        }
        for seq, row in pending_rows.items():
            if seq in candidates:
                if candidates[seq].event_id == row.event_id:
                    report.duplicates += 1
                else:
                    report.conflicting += 1
            candidates[seq] = EventRecord.from_row(row)
        expected = have + 1
        released: list[int] = []
        new_pending: list[dict[str, Any]] = []
        for seq in sorted(candidates):
            if seq == expected:
                ready_by_origin.setdefault(origin, []).append(candidates[seq])
                if seq in pending_rows:
                    released.append(seq)
                expected += 1
            elif seq not in pending_rows:
                new_pending.append(
                    _held_row(
                        candidates[seq],
                        HELD_PENDING,
                        Reason(reasons.WAITING, device=origin, seq=expected),
                        ctx,
                    )
                )
        if released:
            session.execute(
                delete(HeldEvent).where(
                    HeldEvent.origin_id == origin, HeldEvent.origin_seq.in_(released)
                )
            )
        if new_pending:
            session.execute(insert(HeldEvent), new_pending)
            report.pending += len(new_pending)
    _apply_or_hold(session, _causal_order(records, ready_by_origin), ctx, report)
    return report


def _causal_order(
    incoming: Sequence[EventRecord], ready_by_origin: Mapping[str, list[EventRecord]]
) -> list[EventRecord]:
    """The ready events in the order they came (the sender's causal order), each device's
    own events in sequence order (events released from pending slot in before later ones)."""
    queues = {origin: deque(events) for origin, events in ready_by_origin.items()}
    ordered: list[EventRecord] = []
    for record in incoming:
        queue = queues.get(record.origin_id)
        while queue and queue[0].origin_seq <= record.origin_seq:
            ordered.append(queue.popleft())
    for origin in sorted(queues):
        ordered.extend(queues[origin])
    return ordered


def release_held(
    session: Session, ctx: Context, origins: Iterable[str] | None = None
) -> IntakeReport:
    """Decide again about quarantined and rejected events (after a device was accepted or a
    new trust list arrived): apply those now allowed, re-label the others."""
    query = select(HeldEvent).where(
        HeldEvent.status.in_((HELD_QUARANTINE, HELD_REJECTED, HELD_ORPHAN))
    )
    if origins is not None:
        query = query.where(HeldEvent.origin_id.in_(list(origins)))
    rows = session.scalars(query.order_by(HeldEvent.origin_id, HeldEvent.origin_seq)).all()
    report = IntakeReport()
    release: list[EventRecord] = []
    for row in rows:
        verdict, reason = trust_rules.decide(
            trust=ctx.trust,
            accepted=ctx.accepted,
            local_id=ctx.own_id,
            device_id=row.origin_id,
            kind=row.kind,
            today=ctx.today,
        )
        if verdict == trust_rules.APPLY:
            if row.status != HELD_ORPHAN:
                release.append(EventRecord.from_row(row))
            continue  # an orphan still waits for what it names (resolve_orphans)
        assert reason is not None  # decide() gives one for every verdict but APPLY
        if verdict != row.status:
            if verdict == trust_rules.REJECT:
                report.rejected += 1
            else:
                report.quarantined += 1
            _count_reason(report, reason)
        text = reason.record_text()
        if verdict != row.status or text != row.reason:
            session.execute(
                update(HeldEvent)
                .where(HeldEvent.origin_id == row.origin_id, HeldEvent.origin_seq == row.origin_seq)
                .values(status=verdict, reason=text, **reason.columns())
            )
    for record in release:
        session.execute(
            delete(HeldEvent).where(
                HeldEvent.origin_id == record.origin_id, HeldEvent.origin_seq == record.origin_seq
            )
        )
    session.flush()
    _apply_or_hold(session, release, ctx, report)
    return report


def receive(
    session: Session,
    records: Sequence[EventRecord] = (),
    *,
    here: Receiver,
    source: str,
    keys: Mapping[str, bytes] | None = None,
    names: Mapping[str, str] | None = None,
    known: Sequence[tuple[str, int, str]] = (),
    trust_list: Any = None,
    recheck: bool | Iterable[str] = False,
) -> IntakeReport:
    """Take in what a transport brought, in the caller's write transaction: the one way
    events from elsewhere enter this laptop (bundles, the hub, trust-list changes, a
    device accepted here).

    ``records`` must be verified already (:func:`first_bad_signature` with ``keys``), and
    ``known`` are (origin, seq, event_id) of events the sender had that were held here
    when it started (compared, never written). A ``trust_list`` (signed) is adopted if it
    is signed by the pinned IT key and newer than the one in use; the events held back
    here are then decided again. ``recheck``: decide again about the events held back
    (True: all of them; or those of the given devices) before taking in ``records``.
    """
    report = IntakeReport()
    if trust_list is not None:
        try:
            adopted = adopt_trust_list(session, trust_list)
        except TrustError as exc:
            report.trust_refused = str(exc)
        else:
            if adopted is not None:
                report.trust_serial = adopted.serial
                recheck = True
    ctx = load_context(session, own_id=here.own_id, clock=here.clock, now=here.now, source=source)
    if recheck is not False:
        report.merge(release_held(session, ctx, None if recheck is True else recheck))
    if records or known:
        report.merge(
            store_events(session, records, keys=keys or {}, names=names or {}, ctx=ctx, known=known)
        )
    if report.applied:
        # What came in may be what events held as orphans name (out of order across
        # laptops, or a device accepted only now): decide about them again.
        resolve_orphans(session, ctx, report)
    return report
