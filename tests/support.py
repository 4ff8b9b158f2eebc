"""Test helpers shared by unit and GUI tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path


class Clock:
    """A controllable wall clock for ``Console.open(now_ms=...)``: tests move time, never sleep."""

    def __init__(self) -> None:
        self.ms = int(dt.datetime(2026, 11, 25, 2, 0, tzinfo=dt.UTC).timestamp() * 1000)

    def __call__(self) -> int:
        return self.ms

    def advance(self, minutes: float) -> None:
        self.ms += int(minutes * 60_000)


def wait_for(condition: Callable[[], object], *, timeout: float = 30.0, what: str = "") -> None:
    """Poll ``condition`` until it is true (outside Qt: a real process is being waited on)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what or condition}")
        time.sleep(0.05)


def bulk_log(data_dir: Path, incident_id: str, texts: Sequence[str]) -> None:
    """Append ``texts`` to the incident's log as notes in one go: signed events and their
    log rows written with sqlite3, as tests/bench/bench_scaling.py builds its logs (the
    services would take a minute for 20,000 entries). No console may be open on
    ``data_dir`` meanwhile (it keeps its own count of the events it wrote)."""
    from hisconsole.domain.hlc import Stamp
    from hisconsole.services.console import Console
    from hisconsole.store import projections
    from hisconsole.store.events import EventRecord
    from hisconsole.sync.canonical import event_bytes

    console = Console.open(data_dir)
    device, sign, path = (
        console.device_id,
        console.identity.private_key.sign,
        console.database_path,
    )
    console.close()
    make_rows = projections.ROW_MAKERS["incident.logged"]
    con = sqlite3.connect(path)
    try:
        seq, last = con.execute(
            "SELECT max(origin_seq), max(hlc) FROM events WHERE origin_id = ?", (device,)
        ).fetchone()
        wall = Stamp.decode(last).wall_ms
        events, entries = [], []
        for n, text in enumerate(texts, start=1):
            record = EventRecord(
                origin_id=device,
                origin_seq=seq + n,
                event_id=str(uuid.uuid4()),
                hlc=Stamp(wall + n, 0).encode(),
                author="Li Na",
                kind="incident.logged",
                entity=f"incident:{incident_id}",
                payload={
                    "id": incident_id,
                    "text": text,
                    "kind": "note",
                    "group": None,
                    "system": None,
                    "corrects": None,
                    "at": dt.datetime.fromtimestamp((wall + n) / 1000, dt.UTC).isoformat(),
                },
            )
            record = dataclasses.replace(record, signature=sign(event_bytes(record)))
            events.append({**record.to_row(), "flags": 0})
            entries += [row for _model, row in make_rows(record)]
        with con:
            for table, rows in (("events", events), ("incident_entries", entries)):
                columns = list(rows[0])
                con.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})",
                    [tuple(row[c] for c in columns) for row in rows],
                )
    finally:
        con.close()
