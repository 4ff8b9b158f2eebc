"""The PostgreSQL hub: push what it lacks, pull what this laptop lacks, in batches."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from itertools import chain, islice
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from hisconsole.collecting import collector_paused
from hisconsole.errors import N_, KnownError
from hisconsole.services import restored
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.files import write_atomically
from hisconsole.services.sync.shared import (
    ACTION_HUB,
    EVENT_FAILS,
    KEY_DAMAGED,
    KEY_MISSING,
    NOTHING_SAVED,
    WORK_KEPT,
    ImportResult,
    SkippedDevice,
    device_keys,
    error_note,
    local_vector,
    observe,
    receiver,
    record_history,
    record_notes,
    refuse,
    touch_peer,
    trust_document,
    trust_state,
)
from hisconsole.store.events import COLUMNS, EventRecord, canonical_json
from hisconsole.store.models import Meta
from hisconsole.sync import hub as hub_db
from hisconsole.sync import intake, vectors
from hisconsole.sync import trust as trust_format
from hisconsole.sync.canonical import b64
from hisconsole.sync.errors import SyncError
from hisconsole.sync.outgoing import outgoing_rows
from hisconsole.sync.verifying import CHUNK, Verification

HUB_FILE = "hub.json"
#: Events per push transaction (each commit waits for the hub's disk).
PUSH_BATCH = 20_000
PULL_BATCH = 5000

#: A hub sync's progress hook, called between batches: (stage, events done, events in the
#: stage) with stage "push" or "pull"; returning False stops the sync there. Each batch is
#: a transaction on either side, so a stopped sync loses nothing: the next one carries on.
HubProgress = Callable[[str, int, int], bool]
STAGE_PUSH = "push"
STAGE_PULL = "pull"


class _Stopped(Exception):
    """The progress hook asked a hub sync to stop (between batches)."""


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
            N_("{path} cannot be read ({exc}); give the hub again with --hub."), path=path, exc=exc
        ) from exc
    url = doc.get("url") if isinstance(doc, dict) else None
    return url if isinstance(url, str) else None


def save_hub(console: Console, url: str) -> None:
    """Keep the hub address (with its credentials) in a private file (mode 0600)."""
    write_atomically(hub_file(console), json.dumps({"url": url}).encode("utf-8"), mode=0o600)


def check_and_save_hub(console: Console, url: str) -> None:
    """Keep a hub address given without syncing, once it reads as one (not contacted)."""
    if not url:
        raise ServiceError(N_("Enter the hub address first."))
    try:
        hub_db.parse_url(url)
    except SyncError as exc:
        raise refuse(exc, NOTHING_SAVED) from exc
    save_hub(console, url)


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
            N_(
                "No hub address given yet: run 'hisconsole sync --hub postgresql+psycopg://USER:PASSWORD@HOST/DATABASE'."
            )
        )
    try:
        address = hub_db.parse_url(text)
    except SyncError as exc:
        raise refuse(exc) from exc
    peer = hub_db.describe(address)
    result = ImportResult(source=peer, source_name=peer[4:])
    engine = hub_db.connect(address)
    try:
        with hub_db.errors(address):
            hub_db.ensure_schema(engine)
            if url:
                save_hub(console, url)
            _pull_trust(console, engine, result)
            _push(console, engine, result, progress)
            with collector_paused():
                _pull(console, engine, result, progress)
            with engine.connect() as conn:
                hub_has = hub_db.hub_vector(conn)
    except _Stopped:
        result.stopped = True
    except SyncError as exc:
        moved = result.sent or result.report.applied or result.report.quarantined
        if moved or result.report.rejected or result.report.pending:
            # Part of the work was done (and kept): the history says so.
            _record_hub(console, peer, result, failed=exc)
            raise refuse(exc, WORK_KEPT) from exc
        raise refuse(exc) from exc
    finally:
        engine.dispose()
    if result.stopped:
        # What was transferred is kept; the hub's vector is not known: no last sync.
        _record_hub(console, peer, result)
        return result
    _record_hub(console, peer, result, vector=hub_has)
    restored.caught_up(console.db)  # a whole pull: this laptop's own entries are back
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
    failed: KnownError | None = None,
) -> None:
    with console.db.write() as session:
        notes = [error_note(failed)] if failed is not None else record_notes(result)
        record_history(
            session,
            console,
            peer=peer,
            action=ACTION_HUB,
            report=result.report,
            sent=result.sent,
            notes=notes,
        )
        if vector is not None:
            touch_peer(session, console, peer, "hub", peer[4:], vector)


def _pull_trust(console: Console, engine: Any, result: ImportResult) -> None:
    with console.db.read() as session:
        pinned, current = trust_state(session)
    if pinned is None:
        return
    with engine.connect() as conn:
        docs = hub_db.trust_documents(conn, current.serial if current else 0)
    for doc in docs:
        try:
            signed = json.loads(doc)
            trust_format.verify_signed(signed, pinned)
        except (ValueError, trust_format.TrustError):
            continue
        with console.db.write() as session:
            result.report.merge(
                intake.receive(
                    session, here=receiver(console), source="hub trust list", trust_list=signed
                )
            )
        break


def _push(
    console: Console, engine: Any, result: ImportResult, progress: HubProgress | None = None
) -> None:
    """Send the hub every event it lacks, in the order they were applied here (cause before
    effect), in batches read from the log as they are sent (memory does not grow with
    what is sent); ``result.sent`` counts them. The read transaction here never blocks
    this laptop's writers (WAL)."""
    with engine.connect() as conn:
        hub_has = hub_db.hub_vector(conn)
    with console.db.read() as session:
        have = vectors.local_vector(session, console.device_id)
        if vectors.covers(hub_has, have) and not _has_trust_to_push(session):
            return
        keys, names = device_keys(session, console)
        sendable = {o: n for o, n in have.items() if o in keys and n > hub_has.get(o, 0)}
        # At most this many (a device's unsigned early events are not sent by others).
        total = sum(n - hub_has.get(o, 0) for o, n in sendable.items())
        trust_doc = trust_document(session)
        device_rows = [
            {"device_id": d, "public_key": keys[d], "name": names.get(d, "")}
            for d in sorted(set(sendable) | {console.device_id})
            if d in keys
        ]
        with engine.begin() as conn:
            hub_db.push_devices(conn, device_rows)
            if trust_doc is not None:
                hub_db.push_trust_list(
                    conn,
                    int(trust_doc["list"]["serial"]),
                    str(trust_doc["signer"]),
                    canonical_json(trust_doc),
                )
        _step(progress, STAGE_PUSH, 0, total)
        rows = outgoing_rows(
            session,
            have=sendable,
            since=hub_has,
            own_id=console.device_id,
            sign_own=console.identity.private_key.sign,
        )
        done = 0
        with engine.connect() as conn:
            while (first := next(rows, None)) is not None:
                with conn.begin():
                    sent = hub_db.push_events(conn, chain((first,), islice(rows, PUSH_BATCH - 1)))
                result.sent += sent
                done += sent
                _step(progress, STAGE_PUSH, min(done, total), total)


def _has_trust_to_push(session: Session) -> bool:
    return session.get(Meta, intake.META_TRUST_LIST) is not None


def _pull(
    console: Console, engine: Any, result: ImportResult, progress: HubProgress | None = None
) -> None:
    """Fetch what this laptop lacks, verify it, and take it in batches, in the order the
    events reached the hub (cause before effect); each batch is one transaction.

    Signatures are checked on other threads while the next rows are fetched and parsed,
    and while the batches before are stored: a batch is written once every event in it
    (and every earlier one of its device) passed; a device's events from its first
    failing one on are not taken."""
    have = local_vector(console)
    with Verification({}) as verifying:
        fetched: list[tuple[str, _Fetched]] = []
        with engine.connect() as conn:
            wanted = vectors.missing(have, hub_db.hub_vector(conn))
            if not wanted:
                return
            raw_keys = hub_db.device_keys(conn, sorted(wanted))
            for origin, (after, upto) in sorted(wanted.items()):
                if origin not in raw_keys:
                    result.skipped.append(SkippedDevice(origin, KEY_MISSING))
                    continue
                try:
                    key = intake.check_keys({origin: raw_keys[origin][0]}, "hub")[origin]
                except SyncError as exc:
                    result.skipped.append(SkippedDevice(origin, KEY_DAMAGED, str(exc)))
                    continue
                verifying.trust(origin, key)
                with contextlib.closing(hub_db.fetch_events(conn, origin, after, upto)) as rows:
                    fetched.append((origin, _fetch(rows, origin, verifying)))
        keys = {o: intake.check_keys({o: k}, "hub")[o] for o, (k, _n) in raw_keys.items()}
        names = {o: n for o, (_k, n) in raw_keys.items()}
        # (hub_seq, device's events, index among them), in the order they reached the hub.
        arrived = sorted(
            (hub_seq, device, index)
            for _origin, device in fetched
            for index, (hub_seq, _record) in enumerate(device.events)
        )
        try:
            _take_verified(console, result, progress, arrived, keys, names)
        finally:
            for origin, device in fetched:
                if device.problem:
                    result.skipped.append(SkippedDevice(origin, EVENT_FAILS, device.problem))


def _take_verified(
    console: Console,
    result: ImportResult,
    progress: HubProgress | None,
    arrived: list[tuple[int, _Fetched, int]],
    keys: dict[str, bytes],
    names: dict[str, str],
) -> None:
    """Store the ``arrived`` events that passed their checks, PULL_BATCH a transaction."""
    total = len(arrived)
    _step(progress, STAGE_PULL, 0, total)
    done = 0
    for start in range(0, total, PULL_BATCH):
        batch = [
            device.events[index][1]
            for _hub_seq, device, index in arrived[start : start + PULL_BATCH]
            if device.passed(index)
        ]
        if batch:
            with console.db.write() as session:
                report = intake.receive(
                    session,
                    batch,
                    here=receiver(console),
                    source=result.source,
                    keys=keys,
                    names=names,
                )
            result.report.merge(report)
            observe(console, report)
            done += len(batch)
        _step(progress, STAGE_PULL, done, total)


class _Fetched:
    """One device's events from the hub as read (with their hub_seq), their signatures
    being checked chunk by chunk, and why reading stopped early ("" if it did not)."""

    def __init__(self) -> None:
        self.events: list[tuple[int, EventRecord]] = []
        self.chunks: list[tuple[int, Future[tuple[int, str] | None]]] = []
        self.problem = ""
        self._passed = 0  # the events before this index passed their checks
        self._next_chunk = 0

    def passed(self, index: int) -> bool:
        """Whether the event at ``index`` and every one before it passed their checks
        (waits for those checks). At the first that fails, ``problem`` says why and
        ``events`` ends before it."""
        while index >= self._passed and self._next_chunk < len(self.chunks):
            start, chunk = self.chunks[self._next_chunk]
            self._next_chunk += 1
            found = chunk.result()
            if found is not None:
                del self.events[start + found[0] :]
                del self.chunks[self._next_chunk :]
                self.problem = found[1]
            # Chunks are contiguous: this one passed up to where the next one starts.
            more = self._next_chunk < len(self.chunks)
            self._passed = self.chunks[self._next_chunk][0] if more else len(self.events)
        return index < self._passed


def _fetch(rows: Iterable[tuple[Any, ...]], origin: str, verifying: Verification) -> _Fetched:
    """Parse the hub's events of one device ((hub_seq, then the values of COLUMNS)),
    handing each chunk to ``verifying``; reading stops at the first event that cannot be
    parsed (the rest of that device waits)."""
    fetched = _Fetched()
    pending: list[EventRecord] = []

    def hand_over() -> None:
        fetched.chunks.append((len(fetched.events) - len(pending), verifying.add(pending)))
        pending.clear()

    for hub_seq, *values in rows:
        row = dict(zip(COLUMNS, values, strict=True))
        where = f"hub event {origin}#{row['origin_seq']}"
        try:
            row["payload"] = json.loads(row["payload"])
            # Most events have no parents: their stored text is "[]" (canonical).
            parents = row["parents"]
            row["parents"] = [] if parents == "[]" else json.loads(parents)
            row["signature"] = b64(bytes(row["signature"]))
            record = intake.parse_event(row, where)
            if record.origin_id != origin:
                raise SyncError(N_("{where} names another device"), where=where)
        except (SyncError, ValueError) as exc:
            fetched.problem = str(exc)
            break
        fetched.events.append((int(hub_seq), record))
        pending.append(record)
        if len(pending) == CHUNK:
            hand_over()
    if pending:
        hand_over()
    return fetched
