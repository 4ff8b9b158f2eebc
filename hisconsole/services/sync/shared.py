"""What the sync services share: the exchange record (history, peers), the result of
taking events in, and how a sync failure is refused."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.errors import N_, KnownError, render
from hisconsole.i18n import Language, current_language, render_stored, stored_error, translator
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.store.events import canonical_json
from hisconsole.store.sync_models import SyncDevice, SyncHistory, SyncPeer
from hisconsole.sync import intake, vectors
from hisconsole.sync import trust as trust_format
from hisconsole.sync.errors import SyncError

# The intake's typed facts, as the command line and the screens get them from here.
from hisconsole.sync.intake import IntakeReport as IntakeReport
from hisconsole.sync.reasons import Reason as Reason
from hisconsole.sync.reasons import worded as reason_words
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


#: What a refused sync adds to the sync layer's reason.
NOTHING_CHANGED = N_("{error} Nothing was changed.")
NOTHING_WRITTEN = N_("{error} Nothing was written.")
NOTHING_IMPORTED = N_("{error} Nothing was imported.")
NOTHING_SAVED = N_("{error} Nothing was saved.")
WORK_KEPT = N_("{error} What was already transferred is kept.")


def refuse(exc: SyncError | vectors.VectorError, then: str = NOTHING_CHANGED) -> ServiceError:
    """The sync layer's refusal for the user, with what it means (``then``: one of the
    templates above); rendered in the reader's language with the reason inside."""
    if then != WORK_KEPT and "nothing" in str(exc).lower():
        return ServiceError(N_("{error}"), error=exc)
    return ServiceError(then, error=exc)


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
    notes: Iterable[Note] = (),
) -> None:
    """Keep one exchange in the history: its counts and its notes (as codes, and in English
    in the older text column, for a program that reads only that)."""
    r = report or IntakeReport()
    notes = list(notes)
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
            note="; ".join(note.text("en") for note in notes),
            notes=notes_json(notes),
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
STOPPED_NOTE = N_("Stopped on request; the next sync carries on from there.")


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
    #: The bundle's writer is not trusted here: the file was not read; this copy of it is
    #: held in the quarantine folder until a commander accepts that laptop.
    held_unread: str = ""
    #: Of such a bundle, the events of this laptop's own taken back (it was restored).
    own_taken: int = 0

    @property
    def trust_serial(self) -> int | None:
        return self.report.trust_serial

    @property
    def changes(self) -> ChangeSet:
        return ChangeSet(screen_areas(self.report.areas), self.report.applied)

    @property
    def notes(self) -> list[str]:
        """The notes in the current language."""
        return [note.text() for note in record_notes(self)]

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_name": self.source_name,
            "sent": self.sent,
            **self.report.as_dict(),
            "held_unread": self.held_unread or None,
            "trust_list_serial": self.trust_serial,
            "notes": [note.text("en") for note in record_notes(self)],
            "note_codes": [note.as_dict() for note in record_notes(self)],
        }


#: What an exchange came to beyond its counts: each note's code and its English template
#: (a catalogue id). A history record keeps the codes and params; every reader words them
#: in their own language (:meth:`Note.text`).
NOTES: dict[str, str] = {
    "held-unread": N_(
        "Laptop {name} ({device}) is neither in the trust list nor accepted here: its bundle "
        "was not read. It is kept unread in {file}; once a commander accepts the laptop "
        "('hisconsole device accept {device}') it is read."
    ),
    "held-unread-own-taken": N_(
        "This laptop was restored from a backup: the {count} event(s) of its own that the "
        "bundle carries were taken back. Laptop {name} ({device}) is neither in the trust "
        "list nor accepted here: the rest of its bundle was not read. It is kept unread in "
        "{file}; once a commander accepts the laptop ('hisconsole device accept {device}') "
        "it is read."
    ),
    "trust-ignored": N_("The trust list in it was ignored: {reason}."),
    "it-key-pinned": N_("Pinned IT key {fingerprint} as confirmed."),
    "it-key-offered": N_(
        "It carries a trust list signed by IT key {fingerprint}. If IT confirms that "
        "fingerprint, import again with --pin-it-key {fingerprint} (or run 'hisconsole trust "
        "pin FILE')."
    ),
    "trust-refused": N_("The trust list it carries was not used: {reason}."),
    "trust-updated": N_("Trust list updated to serial {serial}."),
    "key-missing": N_("The hub has no key for device {device}; its events were skipped."),
    "key-damaged": N_("{detail}; its events were skipped."),
    "event-fails": N_(
        "The hub holds an event that fails verification ({detail}); it and the later events "
        "of device {device} were not taken."
    ),
    "quarantined": N_(
        "{count} event(s) from devices not in the trust list are held in quarantine; "
        "'hisconsole device list' shows them, 'device accept ID' applies them."
    ),
    "rejected": N_("{count} event(s) rejected: {reasons}."),
    "pending": N_("{count} event(s) wait for earlier ones from the same device (not applied yet)."),
    "orphans": N_(
        "{count} event(s) name something not on this laptop (yet) and are held until it "
        "arrives; 'hisconsole sync --status' lists them."
    ),
    "from-future": N_(
        "{count} event(s) carry a time far ahead of this laptop's clock (by up to {minutes} "
        "min): stored and flagged; this laptop's clock may be slow: check it against the "
        "other laptops'."
    ),
    "conflicting": N_(
        "{count} event(s) differ from the copy held here under the same device and number (a "
        "laptop restored from an old backup?); the copies here were kept."
    ),
    "stopped": STOPPED_NOTE,
    "accepted": N_("Accepted by {name}"),
    "pinned": N_("IT key {fingerprint} pinned"),
    "trust-serial": N_("Trust list serial {serial}"),
    "failed": N_("{reason}"),
}
#: Notes the history's count columns already say.
COUNTED = frozenset({"quarantined", "rejected", "pending", "from-future"})


@dataclass(frozen=True)
class Note:
    """One thing an exchange came to, as a code and its values (stored so in the history)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: Language | None = None) -> str:
        """The note in ``lang`` (default: the current language)."""
        template = NOTES.get(self.code, "{reason}")
        tr = translator(lang or current_language())
        params = dict(self.params)
        if isinstance(params.get("error"), dict):
            params["reason"] = render_stored(params["error"], lang)
        if isinstance(params.get("held"), list):
            params["reasons"] = "; ".join(
                f"{reason_words(h['code'], h['params']).said(tr.gettext)} ({h['count']})"
                for h in params["held"]
            )
        return render(tr.gettext(template), params, tr.gettext)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": self.params}


def error_note(exc: KnownError) -> Note:
    """A refusal as a note: its code, template and params, worded again when shown."""
    return Note("failed", {"reason": str(exc), "error": stored_error(exc)})


def notes_json(notes: Iterable[Note]) -> str:
    return json.dumps([n.as_dict() for n in notes], ensure_ascii=False, sort_keys=True)


def notes_from_json(text: str | None) -> list[Note]:
    """The notes a history record keeps; none for a record written before they were kept."""
    if not text:
        return []
    try:
        return [Note(str(n["code"]), dict(n.get("params") or {})) for n in json.loads(text)]
    except (ValueError, TypeError, KeyError):
        return []


def record_notes(result: ImportResult) -> list[Note]:
    """What an exchange came to beyond its counts, as its history record keeps it and the
    command line prints it (``--json``: ``notes`` in English, ``note_codes`` as codes)."""
    notes: list[Note] = []
    if result.held_unread:
        held = {
            "name": result.source_name or result.source,
            "device": result.source,
            "file": result.held_unread,
        }
        if result.own_taken:
            notes.append(Note("held-unread-own-taken", {**held, "count": result.own_taken}))
        else:
            notes.append(Note("held-unread", held))
    if result.trust_ignored:
        notes.append(Note("trust-ignored", {"reason": result.trust_ignored}))
    if result.it_key_pinned:
        notes.append(Note("it-key-pinned", {"fingerprint": result.it_key_pinned}))
    if result.it_key_offered:
        notes.append(Note("it-key-offered", {"fingerprint": result.it_key_offered}))
    if result.report.trust_refused:
        notes.append(Note("trust-refused", {"reason": result.report.trust_refused}))
    if result.trust_serial is not None:
        notes.append(Note("trust-updated", {"serial": result.trust_serial}))
    for skipped in result.skipped:
        if skipped.problem == KEY_MISSING:
            notes.append(Note("key-missing", {"device": skipped.device}))
        elif skipped.problem == KEY_DAMAGED:
            notes.append(Note("key-damaged", {"detail": skipped.detail}))
        else:
            notes.append(Note("event-fails", {"detail": skipped.detail, "device": skipped.device}))
    notes += count_notes(result.report)
    if result.stopped:
        notes.append(Note("stopped"))
    return notes


def count_notes(r: IntakeReport) -> list[Note]:
    """What a report's counts mean for the user."""
    notes: list[Note] = []
    if r.quarantined:
        notes.append(Note("quarantined", {"count": r.quarantined}))
    if r.rejected:
        ordered = r.sorted_reasons()
        reasons = "; ".join(f"{reason.record_text()} ({n})" for reason, n in ordered)
        # "reasons" is the English (what a record from before keeps); "held" the codes and
        # facts, worded in the reader's language when shown.
        held = [{**reason.as_dict(), "count": n} for reason, n in ordered]
        notes.append(Note("rejected", {"count": r.rejected, "reasons": reasons, "held": held}))
    if r.pending:
        notes.append(Note("pending", {"count": r.pending}))
    if r.orphans:
        notes.append(Note("orphans", {"count": r.orphans}))
    if r.from_future:
        notes.append(Note("from-future", {"count": r.from_future, "minutes": r.ahead_ms // 60_000}))
    if r.conflicting:
        notes.append(Note("conflicting", {"count": r.conflicting}))
    return notes
