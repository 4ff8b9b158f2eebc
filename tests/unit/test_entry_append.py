"""The console's activity-log entries go in through its entry transaction (one kept
DB-API connection, no ORM session: ``Console.entry_transaction``). What the user gets
stays what the console's general writer gives: a busy or full database is refused with
the console's message and leaves nothing; every entry written from any thread, beside
the console's other writes and another console's, is there once, numbered without a gap.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hisconsole.services import incidents
from hisconsole.services.console import Console
from hisconsole.store import db as store_db
from hisconsole.store import errors


def _seqs(path: Path, device: str) -> list[int]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT origin_seq FROM events WHERE origin_id = ? ORDER BY origin_seq", (device,)
        )
        return [seq for (seq,) in rows]
    finally:
        db.close()


def _texts(console: Console, incident: str) -> list[str]:
    return [entry["text"] for entry in incidents.show(console, incident)["log"]]


def _count(path: Path, table: str) -> int:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        db.close()


def _declared(console: Console) -> str:
    console.sign_in("Li Na", "scribe")
    incident, _ = incidents.declare(console, level="II", title="HIS down")
    return incident


def test_a_busy_database_refuses_the_entry_and_takes_it_once_free(
    ready_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 0.05)
    console = Console.open(ready_data_dir)
    try:
        incident = _declared(console)
        incidents.log(console, incident, "first")  # the entry connection is kept now
        path = console.db.path
        events, entries = _count(path, "events"), _count(path, "incident_entries")
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another process writing
        try:
            with pytest.raises(errors.DatabaseLocked, match="busy"):
                incidents.log(console, incident, "while busy")
            assert (_count(path, "events"), _count(path, "incident_entries")) == (events, entries)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        incidents.log(console, incident, "once free")
        assert _texts(console, incident)[-2:] == ["first", "once free"]
        seqs = _seqs(path, console.device_id)
        assert seqs == list(range(1, len(seqs) + 1))
    finally:
        console.close()


def test_an_entry_whose_action_fails_leaves_nothing_and_no_gap(console: Console) -> None:
    incident = _declared(console)
    incidents.log(console, incident, "first")
    payload = {"id": incident, "text": "lost", "kind": "note", "at": "2026-12-05T03:00:00+08:00"}
    with pytest.raises(RuntimeError), console.entry_transaction() as tx:
        tx.emit("incident.logged", f"incident:{incident}", payload)
        raise RuntimeError("the action failed after its entry was written")
    incidents.log(console, incident, "kept")
    assert _texts(console, incident)[-2:] == ["first", "kept"]
    seqs = _seqs(console.db.path, console.device_id)
    assert seqs == list(range(1, len(seqs) + 1))


class _CommitFails(sqlite3.Connection):
    """A connection whose commits fail while ``full`` is set, as on a disk that filled up
    between the entry's INSERT and its COMMIT."""

    full = False

    def commit(self) -> None:
        if _CommitFails.full:
            raise sqlite3.OperationalError("database or disk is full")
        super().commit()


def test_a_commit_that_fails_leaves_nothing_and_no_gap(
    ready_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect = sqlite3.dbapi2.connect  # what SQLAlchemy's driver calls

    def connecting(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        return connect(*args, **kwargs, factory=_CommitFails)

    monkeypatch.setattr(sqlite3.dbapi2, "connect", connecting)
    console = Console.open(ready_data_dir)
    try:
        incident = _declared(console)
        incidents.log(console, incident, "first")
        path = console.db.path
        events = _count(path, "events")
        monkeypatch.setattr(_CommitFails, "full", True)
        with pytest.raises(errors.DiskFull, match="full"):
            incidents.log(console, incident, "lost with the disk")
        monkeypatch.setattr(_CommitFails, "full", False)
        assert _count(path, "events") == events
        incidents.log(console, incident, "after space was freed")
        assert _texts(console, incident)[-2:] == ["first", "after space was freed"]
        seqs = _seqs(path, console.device_id)
        assert seqs == list(range(1, len(seqs) + 1))
    finally:
        console.close()


def test_an_entry_too_long_is_refused_and_the_next_one_goes_in(console: Console) -> None:
    incident = _declared(console)
    incidents.log(console, incident, "first")
    with pytest.raises(errors.StoreError, match="longer than 20000"):
        incidents.log(console, incident, "x" * 20_001)
    incidents.log(console, incident, "next")
    assert _texts(console, incident)[-2:] == ["first", "next"]
    seqs = _seqs(console.db.path, console.device_id)
    assert seqs == list(range(1, len(seqs) + 1))


def test_entries_from_several_threads_are_all_there_once(console: Console) -> None:
    incident = _declared(console)
    problems: list[BaseException] = []

    def write(thread: int) -> None:
        try:
            for n in range(15):
                incidents.log(console, incident, f"{thread}-{n}")
        except BaseException as exc:  # the test reports it below
            problems.append(exc)

    threads = [threading.Thread(target=write, args=(t,)) for t in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    written = [f"{t}-{n}" for t in range(3) for n in range(15)]
    assert sorted(_texts(console, incident)) == sorted(["HIS down", *written])
    seqs = _seqs(console.db.path, console.device_id)
    assert seqs == list(range(1, len(seqs) + 1))


def test_a_closed_console_gives_its_entry_connection_back(console: Console) -> None:
    incident = _declared(console)
    incidents.log(console, incident, "first")
    assert console.db.engine.pool.checkedout() == 1  # type: ignore[attr-defined]
    console.close()
    assert console.db.engine.pool.checkedout() == 0  # type: ignore[attr-defined]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(turns=st.lists(st.tuples(st.integers(0, 1), st.booleans()), min_size=1, max_size=12))
def test_entries_beside_other_writes_and_another_console_keep_numbers_gap_free(
    ready_data_dir: Path, turns: list[tuple[int, bool]]
) -> None:
    # Two consoles on one folder (as two processes), each writing entries (the entry
    # connection) and other changes (an ORM session on another connection) in turn.
    consoles = [Console.open(ready_data_dir), Console.open(ready_data_dir)]
    try:
        incident = _declared(consoles[0])
        for n, (who, entry) in enumerate(turns):
            if entry:
                incidents.log(consoles[who], incident, f"entry {n}")
            else:
                consoles[who].sign_in(f"Operator {n}", "scribe")
        seqs = _seqs(consoles[0].db.path, consoles[0].device_id)
        assert seqs == list(range(1, len(seqs) + 1))
        written = {f"entry {n}" for n, (_, entry) in enumerate(turns) if entry}
        assert set(_texts(consoles[1], incident)) >= written
    finally:
        for console in consoles:
            console.close()
