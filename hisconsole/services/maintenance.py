"""Keeping the database sound: integrity check, log signatures, backup and restore."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from hisconsole.domain.hlc import Stamp
from hisconsole.errors import N_
from hisconsole.errors import render as fill
from hisconsole.i18n import Language, current_language, translator
from hisconsole.services import restored
from hisconsole.services.console import Console, ServiceError
from hisconsole.store import db as store_db
from hisconsole.store import errors as store_errors
from hisconsole.store import eventlog, projections, shadow
from hisconsole.store.errors import DatabaseCorrupt, RestoreFailed
from hisconsole.store.events import EventRecord
from hisconsole.store.files import check_target, output_file
from hisconsole.store.models import Event, Meta
from hisconsole.store.sync_models import HELD_PENDING, HeldEvent, SyncDevice
from hisconsole.sync.canonical import event_bytes_from_text, unb64
from hisconsole.sync.verifying import CHUNK, Verification

#: Stamps further than this from the checking laptop's clock are noted (kept as data).
ODD_STAMP_MS = 366 * 86_400_000
#: What can be wrong with an event, in one word (``first_bad["problem"]``; shown with
#: ``term("check problem", …)``).
PROBLEMS = (
    "unknown device",
    "signature",
    "sequence gap",
    "clock",
    "payload",
    "parents",
    "parent",
    "not signed",
)


class CheckLine(str):
    """One problem or note of a check: the line in English (what ``--json`` keeps and
    callers match on), with its catalogue template and fields, so it can be said in the
    reader's language (:meth:`said`). A field named ``reason`` is a catalogue text too."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> CheckLine:
        line = super().__new__(cls, fill(template, params, lambda text: text))
        line.template, line.params = template, params
        return line

    def said(self, lang: Language | None = None) -> str:
        tr = translator(lang or current_language())
        return fill(tr.gettext(self.template), self.params, tr.gettext)


@dataclass
class CheckReport:
    """The result of ``hisconsole check``: every problem found, and what was looked at.

    ``notes`` are facts worth knowing that are not damage (a device whose clock was wrong);
    ``way_back`` says how to recover when the database file itself is damaged.
    ``first_bad`` names the earliest event (by clock stamp) found wrong: its device,
    sequence number, kind and what is wrong ("signature", "not signed", "sequence
    gap", "payload", …), or None.
    """

    problems: list[CheckLine] = field(default_factory=list)
    notes: list[CheckLine] = field(default_factory=list)
    events: int = 0
    origins: int = 0
    #: Events written before signing existed (each device's first ones): not verifiable.
    unsigned: int = 0
    way_back: str | None = None
    first_bad: dict[str, Any] | None = None
    _first_hlc: str = field(default="", repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def bad_event(self, event: Any, problem: str, words: str, **params: Any) -> None:
        """Record that ``event`` (a log row) is wrong: ``problem`` in one word (one of
        :data:`PROBLEMS`), then in ``words`` (a catalogue text filled from ``params``)."""
        self.problems.append(
            CheckLine(
                N_("event {device}#{seq} ({kind}): {reason}"),
                device=event.origin_id,
                seq=event.origin_seq,
                kind=event.kind,
                reason=words,
                **params,
            )
        )
        if self.first_bad is None or event.hlc < self._first_hlc:
            self.first_bad = {
                "device": event.origin_id,
                "seq": event.origin_seq,
                "kind": event.kind,
                "problem": problem,
            }
            self._first_hlc = event.hlc

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "problems": self.problems,
            "first_bad": self.first_bad,
            "notes": self.notes,
            "events": self.events,
            "origins": self.origins,
            "unsigned": self.unsigned,
            "way_back": self.way_back,
        }


def check_file(path: Path) -> CheckReport:
    """SQLite's full integrity check of the database file, in a read transaction (writers
    go on); a damaged file gets the way back."""
    report = CheckReport()
    try:
        con = store_db.connect_read_only(path)
        try:
            lines = [row[0] for row in con.execute("PRAGMA integrity_check")]
        finally:
            con.close()
    except sqlite3.Error as exc:
        lines = [str(exc)]
    # SQLite's own words (which page, which tree) are kept as it says them.
    report.problems += [
        CheckLine(N_("SQLite integrity: {line}"), line=line) for line in lines if line != "ok"
    ]
    if report.problems:
        report.way_back = store_errors.WAY_BACK
    return report


#: A check's progress hook: (stage, done, total), called now and then in each stage.
CheckProgress = Callable[[str, int, int], None]
STAGE_FILE = "file"
#: Each device's sequence, clock stamps and signed-or-not, read without the payloads.
STAGE_LOG = "log"
#: Payloads, parents and signatures checked while the projections are rebuilt from them.
STAGE_REBUILD = "rebuild"
STAGE_COMPARE = "compare"
#: The stages in the order they run (a progress display shows them as steps).
CHECK_STAGES = (STAGE_FILE, STAGE_LOG, STAGE_REBUILD, STAGE_COMPARE)
#: Events between two progress calls.
_PROGRESS_EVERY = 2000


def check(console: Console, *, progress: CheckProgress | None = None) -> CheckReport:
    """SQLite integrity; the event log (every signature against its device's key, each
    device's sequence without gaps, payloads, parents); projections == a rebuild.

    Changes nothing, and never holds the write lock: other consoles keep writing while
    it runs. Everything after the file check reads one snapshot (store/shadow.py): each
    device's sequence first (a light read, no payloads), then every event once, in the
    order this laptop applied it: its payload and parents parsed, its signature handed
    to a thread pool, and the event folded into the rebuilt projections (TEMP twins, in
    SQLite's temporary files) while the other cores check signatures. The rebuild is
    then compared with the live tables as two streams, so memory does not grow with
    the log.
    """

    def tell(stage: str, done: int, total: int) -> None:
        if progress is not None:
            progress(stage, done, total)

    tell(STAGE_FILE, 0, 1)
    report = check_file(console.db.path)
    tell(STAGE_FILE, 1, 1)
    if report.problems:
        return report  # the rest would read damaged pages
    with shadow.shadow_session(console.db.path) as session:
        triggers = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type='trigger'")))
        for name in ("events_immutable_update", "events_immutable_delete"):
            if name not in triggers:
                report.problems.append(
                    CheckLine(N_("event log: protection trigger {name} is missing"), name=name)
                )
        raw: sqlite3.Connection = session.connection().connection.dbapi_connection  # type: ignore[assignment]
        total = eventlog.event_count(session)
        _check_sequences(
            session,
            raw,
            report,
            now_ms=int(console.now().timestamp() * 1000),
            progress=lambda done: tell(STAGE_LOG, done, total),
        )
        readable = _check_and_rebuild(
            session,
            raw,
            report,
            keys=_device_keys(session, console),
            progress=lambda done: tell(STAGE_REBUILD, done, total),
        )
        if not readable:
            report.problems.append(
                CheckLine(
                    N_("projections not compared with a rebuild: the log holds damaged events")
                )
            )
            return report
        differences = shadow.compare(
            session, progress=lambda done, tables: tell(STAGE_COMPARE, done, tables)
        )
    for diff in differences:
        report.problems.append(
            CheckLine(
                N_(
                    "projection {table} differs from a rebuild of the log "
                    "({missing} row(s) missing, {extra} extra)"
                ),
                table=diff.table,
                missing=diff.missing,
                extra=diff.extra,
            )
        )
    return report


def _stamp_text(hlc: str) -> str:
    try:
        wall_ms = Stamp.decode(hlc).wall_ms
        return dt.datetime.fromtimestamp(wall_ms / 1000, tz=dt.UTC).isoformat(timespec="seconds")
    except (ValueError, OverflowError, OSError):
        return repr(hlc)


def _device_keys(session: Any, console: Console) -> dict[str, bytes]:
    keys = {console.device_id: console.identity.public_key_bytes}
    for device in session.scalars(select(SyncDevice)):
        keys.setdefault(device.device_id, unb64(device.public_key))
    return keys


@dataclass(frozen=True)
class _Seen:
    """What a report says of an event (see CheckReport.bad_event), without its payload."""

    origin_id: str
    origin_seq: int
    kind: str
    hlc: str


#: A stamp as this program writes it (fixed width, so text order is time order).
_PLAIN_STAMP = re.compile(r"[0-9]{15}\.[0-9]{6}")


def _check_sequences(
    session: Any,
    raw: sqlite3.Connection,
    report: CheckReport,
    *,
    now_ms: int,
    progress: Callable[[int], None],
) -> None:
    """Each device's events in sequence order: no gaps, clock stamps that go forward and
    lie within a year of now (notes, not damage), and no unsigned event after a signed one.
    Counts the events and their devices."""
    # Events held back by sync (quarantined or rejected) keep their place in their
    # device's sequence without being in the log: they are not gaps.
    held = set(
        session.execute(
            select(HeldEvent.origin_id, HeldEvent.origin_seq).where(
                HeldEvent.status != HELD_PENDING
            )
        ).tuples()
    )
    # A stamp written the usual way between these two needs no decoding to know it is
    # within a year of now (fixed-width text sorts like the time).
    earliest = Stamp(max(0, now_ms - ODD_STAMP_MS), 0).encode()
    latest = Stamp(now_ms + ODD_STAMP_MS, 999_999).encode()
    plain = _PLAIN_STAMP.fullmatch
    last: dict[str, tuple[int, str]] = {}
    signed_seen: set[str] = set()
    rows = raw.execute(
        "SELECT origin_id, origin_seq, hlc, kind, signature IS NULL FROM events "
        "ORDER BY origin_id, origin_seq"
    )
    for origin, seq, hlc, kind, unsigned in rows:
        report.events += 1
        if report.events % _PROGRESS_EVERY == 0:
            progress(report.events)
        prev_seq, prev_hlc = last.get(origin, (0, ""))
        if seq != prev_seq + 1 and any((origin, n) not in held for n in range(prev_seq + 1, seq)):
            report.bad_event(
                _Seen(origin, seq, kind, hlc),
                "sequence gap",
                N_("sequence gap after #{prev}"),
                prev=prev_seq,
            )
        # A device whose clock was wrong writes odd stamps; they are data (the log's
        # order does not depend on them being right), worth a note, never damage.
        if hlc <= prev_hlc:
            report.notes.append(
                CheckLine(
                    N_(
                        "event {device}#{seq}: clock stamp {stamp} is not after the one "
                        "before it ({before}); that device's clock was wrong"
                    ),
                    device=origin,
                    seq=seq,
                    stamp=_stamp_text(hlc),
                    before=_stamp_text(prev_hlc),
                )
            )
        elif not (plain(hlc) and earliest <= hlc <= latest):
            try:
                off = abs(Stamp.decode(hlc).wall_ms - now_ms)
            except ValueError:
                off = 0
                report.bad_event(
                    _Seen(origin, seq, kind, hlc),
                    "clock",
                    N_("clock stamp {stamp} cannot be read"),
                    stamp=repr(hlc),
                )
            if off > ODD_STAMP_MS:
                report.notes.append(
                    CheckLine(
                        N_(
                            "event {device}#{seq}: clock stamp {stamp} is more than a year from now"
                        ),
                        device=origin,
                        seq=seq,
                        stamp=_stamp_text(hlc),
                    )
                )
        last[origin] = (seq, max(hlc, prev_hlc))
        if unsigned:
            # A device's first events may predate signing (an older program); once a
            # device's events are signed, a missing signature was removed.
            if origin in signed_seen:
                report.bad_event(_Seen(origin, seq, kind, hlc), "not signed", N_("not signed"))
            else:
                report.unsigned += 1
        else:
            signed_seen.add(origin)
    progress(report.events)
    report.origins = len(last)


class _Signatures:
    """Signatures of the log checked on a thread pool, in chunks, while the log is read;
    at most a few chunks wait at once, so memory does not grow with the log."""

    def __init__(self, report: CheckReport, keys: dict[str, bytes]) -> None:
        self.report = report
        self.verifying = Verification(keys)
        self.items: list[tuple[str, bytes, bytes]] = []
        self.seen: list[_Seen] = []
        self.waiting: deque[tuple[Future[list[int]], list[_Seen]]] = deque()

    def add(self, seen: _Seen, signed: bytes, signature: bytes) -> None:
        self.items.append((seen.origin_id, signed, signature))
        self.seen.append(seen)
        if len(self.items) >= CHUNK:
            self._hand_over()

    def _hand_over(self) -> None:
        if self.items:
            self.waiting.append((self.verifying.add_signed(self.items), self.seen))
            self.items, self.seen = [], []
        while len(self.waiting) > 4:
            self._settle()

    def _settle(self) -> None:
        future, seen = self.waiting.popleft()
        for index in future.result():
            self.report.bad_event(
                seen[index],
                "signature",
                N_("the signature does not match its device's key (altered after it was written?)"),
            )

    def finish(self) -> None:
        try:
            self._hand_over()
            while self.waiting:
                self._settle()
        finally:
            self.verifying.close()


_EVENT_COLUMNS = (
    "e.origin_id, e.origin_seq, e.event_id, e.hlc, e.author, e.kind, e.entity, "
    # Bytes, not text: a payload that is not UTF-8 is reported, not a crash.
    "e.schema_version, e.signature, CAST(e.payload AS BLOB), CAST(e.parents AS BLOB)"
)
#: Every event in the order this laptop applied it (the order a rebuild replays).
_IN_ORDER = (
    f"SELECT {_EVENT_COLUMNS} FROM event_order o JOIN events e "
    "ON e.origin_id = o.origin_id AND e.origin_seq = o.origin_seq ORDER BY o.pos"
)
#: Events missing from that order (a damaged database): checked, though no rebuild has them.
_OUT_OF_ORDER = (
    f"SELECT {_EVENT_COLUMNS} FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_order o "
    "WHERE o.origin_id = e.origin_id AND o.origin_seq = e.origin_seq)"
)


class _LogRead:
    """One read of the log's events: each payload and parents parsed once, each signature
    handed to :class:`_Signatures`, and (``events``) the events yielded for the rebuild
    until one cannot be read."""

    def __init__(
        self, report: CheckReport, keys: dict[str, bytes], progress: Callable[[int], None]
    ) -> None:
        self.report = report
        self.keys = keys
        self.progress = progress
        self.signatures = _Signatures(report, keys)
        self.readable = True
        self.read = 0
        #: Only events that name parents are kept (few), to look their parents up at the end.
        self.with_parents: list[tuple[_Seen, list[str]]] = []

    def events(self, rows: Iterable[tuple[Any, ...]]) -> Iterator[EventRecord]:
        report, keys, loads = self.report, self.keys, json.loads
        for row in rows:
            origin, seq, event_id, hlc, author, kind, entity, version, signature = row[:9]
            payload_raw, parents_raw = row[9], row[10]
            self.read += 1
            if self.read % _PROGRESS_EVERY == 0:
                self.progress(self.read)
            seen = _Seen(origin, seq, kind, hlc)
            try:
                payload_text = payload_raw.decode("utf-8")
                payload = loads(payload_text)
            except UnicodeDecodeError:
                problem: str | None = N_("payload is not valid UTF-8")
            except ValueError:
                problem = N_("payload is not valid JSON")
            else:
                problem = None if isinstance(payload, dict) else N_("payload is not an object")
            if problem is not None:
                report.bad_event(seen, "payload", problem)
                self.readable = False
                continue
            if parents_raw == b"[]":  # nearly every event
                parents_text, parent_ids = "[]", []
            else:
                try:
                    parents_text = parents_raw.decode("utf-8")
                    parent_ids = loads(parents_text)
                except ValueError:
                    parent_ids = None
            if not isinstance(parent_ids, list):
                report.bad_event(seen, "parents", N_("parents are not valid JSON"))
                self.readable = False
                continue
            if parent_ids:
                self.with_parents.append((seen, parent_ids))
            if signature is not None:
                if origin not in keys:
                    report.bad_event(
                        seen, "unknown device", N_("the key of its device is unknown here")
                    )
                else:
                    signed = event_bytes_from_text(
                        origin_id=origin,
                        origin_seq=seq,
                        event_id=event_id,
                        hlc=hlc,
                        author=author,
                        kind=kind,
                        entity=entity,
                        payload_json=payload_text,
                        parents_json=parents_text,
                        schema_version=version,
                    )
                    self.signatures.add(seen, signed, bytes(signature))
            if self.readable:
                yield EventRecord(
                    origin,
                    seq,
                    event_id,
                    hlc,
                    author,
                    kind,
                    entity,
                    payload,
                    tuple(parent_ids),
                    version,
                    signature,
                )


def _check_and_rebuild(
    session: Any,
    raw: sqlite3.Connection,
    report: CheckReport,
    *,
    keys: dict[str, bytes],
    progress: Callable[[int], None],
) -> bool:
    """Payloads, parents and signatures of every event, read once and folded into the
    rebuilt projections meanwhile; False if some event cannot be read (the rebuild then
    stops short of it and is not to be compared)."""
    reading = _LogRead(report, keys, progress)
    try:
        projections.apply_all(session, reading.events(raw.execute(_IN_ORDER)))
        if reading.read != report.events:
            for _record in reading.events(raw.execute(_OUT_OF_ORDER)):
                pass  # checked like the others; a rebuild does not replay them
    finally:
        reading.signatures.finish()
    progress(reading.read)
    _check_parents(session, report, reading.with_parents)
    return reading.readable


def _check_parents(
    session: Any, report: CheckReport, with_parents: list[tuple[_Seen, list[str]]]
) -> None:
    """Every parent an event names is in the log (looked up, not kept in memory)."""
    named = sorted({str(p) for _event, parents in with_parents for p in parents})
    known: set[str] = set()
    for start in range(0, len(named), 500):
        chunk = named[start : start + 500]
        known.update(session.scalars(select(Event.event_id).where(Event.event_id.in_(chunk))))
    for event, parents in with_parents:
        for parent in parents:
            if parent not in known:
                report.bad_event(
                    event, "parent", N_("names unknown parent event {parent}"), parent=parent
                )


#: Local fact (not synced): when this console last wrote a backup of its database.
BACKUP_KEY = "backup.last_at"


def backup(console: Console, out: Path) -> int:
    """Write a consistent copy of the live database to ``out``; returns its size in bytes."""
    out = check_target(out)
    try:
        with output_file(out, mode=0o600) as staged:
            store_db.backup_file(console.db.path, staged.tmp)  # a full disk: OSError ENOSPC
    except sqlite3.Error as exc:
        raise ServiceError(
            N_("Cannot write the backup to {out}: {exc}. Nothing was written."), out=out, exc=exc
        ) from exc
    with console.db.write() as session:
        session.merge(Meta(key=BACKUP_KEY, value=console.now().isoformat(timespec="seconds")))
    return out.stat().st_size


def last_backup(console: Console) -> str | None:
    """When this console last wrote a backup of its database (None: never)."""
    with console.db.read() as session:
        row = session.get(Meta, BACKUP_KEY)
        return row.value if row is not None else None


def _validate_backup(path: Path) -> None:
    if not path.is_file():
        raise ServiceError(N_("{path} does not exist or is not a file."), path=path)
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            if app_id != store_db.APPLICATION_ID:
                raise ServiceError(
                    N_("{path} is not a HIS Console database; nothing was restored."), path=path
                )
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None or row[0] not in store_db.SCHEMA_REVISIONS:
                raise ServiceError(
                    N_(
                        "{path} was made by a newer HIS Console (schema {schema}); nothing was "
                        "restored."
                    ),
                    path=path,
                    schema=row and row[0],
                )
            status = con.execute("PRAGMA integrity_check").fetchone()[0]
            if status != "ok":
                raise ServiceError(
                    N_("{path} is damaged ({status}); nothing was restored."),
                    path=path,
                    status=status,
                )
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise ServiceError(
            N_("{path} is not a valid HIS Console database ({exc}); nothing was restored."),
            path=path,
            exc=exc,
        ) from exc


def restore(data_dir: Path, source: Path, *, alone: bool = False) -> Path:
    """Replace this laptop's database with ``source``, keeping a copy of the old one.

    Unless ``alone`` (no other laptop or hub holds any of this laptop's entries), the
    laptop then records nothing until an exchange has taken back what the others hold
    (services/restored.py). Returns the path of that safety copy (or the data dir if
    there was no database).
    """
    source = source.expanduser()
    _validate_backup(source)
    target = store_db.database_path(data_dir)
    safety = data_dir
    if target.exists() and target.stat().st_size > 0:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        safety = data_dir / "backups" / f"before-restore-{stamp}.sqlite3"
        safety.parent.mkdir(mode=0o700, exist_ok=True)
        try:
            store_db.backup_file(target, safety)
        except DatabaseCorrupt:
            # The file being replaced is damaged (the usual reason to restore): keep its
            # bytes as they are, for the record, instead of a consistent copy.
            shutil.copyfile(target, safety)
    else:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT, 0o600))
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target, timeout=store_db.BUSY_TIMEOUT_S)
        try:
            src.backup(dst)
        except sqlite3.Error as exc:
            raise RestoreFailed(target=target, reason=str(exc), safety=safety) from exc
        finally:
            dst.close()
    finally:
        src.close()
    # Open once so an older backup is migrated and the device identity recorded.
    console = Console.open(data_dir)
    try:
        if not alone:
            with console.db.write() as session:
                restored.mark(session, backup=source.name, at=console.now().isoformat())
    finally:
        console.close()
    return safety


def record_alone(data_dir: Path) -> bool:
    """The user says no other laptop or hub holds this restored laptop's entries: it
    records again. False if it was not waiting for them."""
    console = Console.open(data_dir)
    try:
        return restored.record_alone(console)
    finally:
        console.close()
