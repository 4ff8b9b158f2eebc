"""Sync at volume: bundles and the hub with 100,000 events, and a small sync against 1,000,000.

Prints, in one run (the machines are shared and noisy: compare within a run), medians of
REPEAT interleaved rounds, each next to its floor measured in the same round:
- bundle import of 100,000 signed events (verify every signature, store, apply to the
  projections, one transaction) next to its floor: Ed25519 verification of every event
  on one thread + a bulk insert of the rows into the log's own tables (events and
  event_order, with their indexes and triggers; WAL + synchronous=FULL) (goal <= 1.2x);
- hub push of the same events next to a bare COPY of the rows into the hub's own events
  table (goal <= 2x), and hub pull next to SELECT + verify + that insert (goal <= 1.2x).
  The floors write what the console must write (the same rows into the same indexes,
  equally durable); what they leave out is the console's own work: parsing, schema
  checks, trust decisions and the projections.
- bundle export next to a bare SQL read, and an incremental sync (push, then pull on
  another laptop) of 100 new events against a log of 1,000,000 and of 1,000, next to the
  bare SQL of 100 rows: the cost should follow the new events, not the log.

The big logs are built with a bulk insert of signed events (not through the services).
Run: .venv/bin/python tests/bench/bench_sync.py [EVENTS] [BIG_LOG] [REPEAT]
(BIG_LOG 0 leaves the incremental rows out.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from hisconsole.domain.hlc import Stamp
from hisconsole.services.console import Console
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import hub as hub_service
from hisconsole.services.sync import trust as trust_service
from hisconsole.store import eventlog
from hisconsole.store.db import database_path
from hisconsole.sync.canonical import b64, event_bytes_from_text, verify
from hisconsole.sync.identity import KEY_FILENAME
from tests.sync import pgcluster
from tests.sync.conftest import device_id, pem, public_b64

EVENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
BIG_LOG = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
REPEAT = int(sys.argv[3]) if len(sys.argv) > 3 else 3
NEW = 100
COLUMNS = (
    "origin_id",
    "origin_seq",
    "event_id",
    "hlc",
    "author",
    "kind",
    "entity",
    "payload",
    "parents",
    "schema_version",
    "signature",
)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def signed_rows(
    key: Ed25519PrivateKey, first_seq: int, count: int, start_ms: int
) -> Iterator[dict[str, Any]]:
    """Signed events of the device ``key``, numbered from ``first_seq``: the declaration of
    its incident (number 1), then entries of that incident's activity log."""
    origin = device_id(key)
    incident = f"INC-20261125-{origin[:4].upper()}-01"
    for n in range(first_seq, first_seq + count):
        hlc = Stamp(start_ms + n, 0).encode()
        kind, body = (
            "incident.logged",
            {
                "id": incident,
                "text": f"Ward {n % 40} runner sent lab sample {n} to the central lab",
                "kind": "note",
                "group": "business",
                "system": None,
                "corrects": None,
                "at": "2026-11-25T08:00:00+00:00",
            },
        )
        if n == 1:
            kind, body = (
                "incident.declared",
                {
                    "id": incident,
                    "title": "LIS down",
                    "level": "III",
                    "reported_at": "2026-11-25T07:55:00+00:00",
                    "at": "2026-11-25T08:00:00+00:00",
                },
            )
        payload = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        row = {
            "origin_id": origin,
            "origin_seq": n,
            "event_id": str(uuid.UUID(int=(hash(origin) & 0xFFFFFFFF) << 64 | n)),
            "hlc": hlc,
            "author": "Bench Operator",
            "kind": kind,
            "entity": f"incident:{incident}",
            "payload": payload,
            "parents": "[]",
            "schema_version": 1,
        }
        row["signature"] = key.sign(
            event_bytes_from_text(
                origin_id=origin,
                origin_seq=n,
                event_id=row["event_id"],
                hlc=hlc,
                author=row["author"],
                kind=kind,
                entity=row["entity"],
                payload_json=payload,
                parents_json="[]",
                schema_version=1,
            )
        )
        yield row


def bulk_into_sqlite(path: Path, rows: list[dict[str, Any]], table: str = "events") -> None:
    con = sqlite3.connect(path)
    try:
        with con:
            con.executemany(
                f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES "
                f"({', '.join('?' for _ in COLUMNS)})",
                [tuple(r[c] for c in COLUMNS) for r in rows],
            )
    finally:
        con.close()


#: The log's schema (events, event_order, their indexes and triggers) as a console creates
#: it, read from a laptop's database by :func:`log_schema`: the floors write the same rows
#: into the same indexes as the console does, under the same durability (WAL + FULL).
LOG_SCHEMA: list[str] = []


def log_schema(database: Path) -> None:
    con = sqlite3.connect(database)
    try:
        LOG_SCHEMA[:] = [
            sql
            for (sql,) in con.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name IN ('events', 'event_order')"
                " AND sql IS NOT NULL ORDER BY type = 'trigger', type = 'index'"
            )
        ]
    finally:
        con.close()


def bare_sqlite(path: Path) -> Path:
    assert LOG_SCHEMA, "log_schema() first"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    for sql in LOG_SCHEMA:
        con.execute(sql)
    con.close()
    return path


class Lab:
    """Laptops with known keys, all in one signed trust list."""

    def __init__(self, root: Path, names: list[str]) -> None:
        self.root = root
        self.keys = {name: Ed25519PrivateKey.generate() for name in names}
        it = root / "it"
        it.mkdir()
        trust_service.trust_keygen(it / "it.pem")
        for name in names:
            trust_service.trust_add(
                it / "trust.yaml",
                public_key=public_b64(self.keys[name]),
                name=name,
                roles=["operator", "plan-editor"],
            )
        trust_service.trust_sign(
            it / "trust.yaml", it / "it.pem", it / "trust.signed", now=dt.datetime.now(dt.UTC)
        )
        self.it = it

    def laptop(self, name: str, *, events: list[dict[str, Any]] | None = None) -> Path:
        data = self.root / name
        data.mkdir(mode=0o700)
        (data / KEY_FILENAME).write_bytes(pem(self.keys[name]))
        console = Console.open(data, create=True)
        trust_service.trust_pin(console, self.it / "it.pem.pub")
        trust_service.trust_import(console, self.it / "trust.signed")
        console.close()
        if events:
            bulk_into_sqlite(database_path(data), events)
        return data


def pg_bare(url: str) -> sa.Engine:
    """A database with the hub's own tables (same columns, defaults, indexes, triggers)
    for the floors to write into."""
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    from hisconsole.sync import hub

    hub.ensure_schema(engine)
    return engine


BARE_INSERT = sa.text(
    f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES ({', '.join(':' + c for c in COLUMNS)})"
)
BARE_SELECT = f"SELECT {', '.join(COLUMNS)} FROM events"


def report(title: str, rows: list[tuple[str, float, float]]) -> None:
    print(f"\n{title}")
    for label, ours, bare in rows:
        print(f"  {label:<44} {ours:8.2f} s   bare SQL {bare:7.2f} s   x{ours / bare:6.1f}")


def verify_all(rows: list[dict[str, Any]], public: Ed25519PublicKey) -> None:
    """The floor's verification: every event's signature, one by one, on this thread, with
    the program's own Ed25519 check (libsodium: the fastest this machine has)."""
    key = public.public_bytes_raw()
    for r in rows:
        signed = event_bytes_from_text(
            origin_id=r["origin_id"],
            origin_seq=r["origin_seq"],
            event_id=r["event_id"],
            hlc=r["hlc"],
            author=r["author"],
            kind=r["kind"],
            entity=r["entity"],
            payload_json=r["payload"],
            parents_json=r["parents"],
            schema_version=r["schema_version"],
        )
        if not verify(key, r["signature"], signed):
            raise RuntimeError(f"the floor cannot verify event #{r['origin_seq']}")


def bare_copy(engine: sa.Engine, rows: list[dict[str, Any]]) -> None:
    """The push's floor: the rows COPYed into the hub's events table, one transaction."""
    with engine.begin() as conn:
        raw: Any = conn.connection.dbapi_connection
        with raw.cursor() as cur, cur.copy(f"COPY events ({', '.join(COLUMNS)}) FROM STDIN") as cp:
            for r in rows:
                cp.write_row(tuple(r[c] for c in COLUMNS))


def floors(
    label: str, ours: list[float], floor: list[float], goal: float
) -> tuple[str, float, float, float]:
    o, f = statistics.median(ours), statistics.median(floor)
    print(
        f"  {label:<38} {o:8.2f} s   floor {f:7.2f} s   x{o / f:5.2f}   (goal <= {goal}x; "
        f"{len(ours)} rounds: {', '.join(f'{t:.1f}' for t in ours)} s)"
    )
    return label, o, f, o / f


def load() -> str:
    return "load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    print(f"{EVENTS} events, {REPEAT} rounds; {os.cpu_count()} cores, {load()}")
    root = Path(tempfile.mkdtemp(prefix="hisconsole-bench-sync-"))
    try:
        run(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        print(f"\nend: {load()}")


def run(root: Path) -> None:
    rounds = range(REPEAT)
    lab = Lab(
        root, ["A", "X", "Y", "S", "T"] + [f"B{i}" for i in rounds] + [f"C{i}" for i in rounds]
    )
    start_ms = int(time.time() * 1000) - 10 * 86_400_000
    t_sign, rows = timed(lambda: list(signed_rows(lab.keys["A"], 1, EVENTS, start_ms)))
    print(f"{EVENTS} events signed in {t_sign:.1f} s ({t_sign / EVENTS * 1e6:.0f} µs each)")
    public = lab.keys["A"].public_key()
    a_dir = lab.laptop("A", events=rows)
    log_schema(database_path(a_dir))

    # --- bundles ---------------------------------------------------------------------------
    a = Console.open(a_dir)
    bundle = root / "a.bundle"
    t_export, exported = timed(lambda: bundles_service.export_bundle(a, bundle))

    def bare_export() -> None:
        con = sqlite3.connect(database_path(a_dir))
        with (root / "bare.jsonl").open("w") as out:
            for r in con.execute(f"SELECT {', '.join(COLUMNS)} FROM events"):
                out.write(json.dumps([*r[:10], b64(r[10] or b"")]) + "\n")
        con.close()

    t_bare_export, _ = timed(bare_export)
    a.close()
    print(f"\nbundle: {exported.events} events, {exported.bytes / 2**20:.1f} MB")
    report(
        f"Bundle export, {EVENTS} events",
        [("export (read, compress, fsync)", t_export, t_bare_export)],
    )
    imports: list[float] = []
    import_floor: list[float] = []
    for i in rounds:  # interleaved: drift hits both alike
        t_verify, _ = timed(lambda: verify_all(rows, public))
        t_insert, _ = timed(lambda: bulk_into_sqlite(bare_sqlite(root / f"bare{i}.db"), rows))  # noqa: B023
        import_floor.append(t_verify + t_insert)
        b = Console.open(lab.laptop(f"B{i}"))
        t_import, imported = timed(lambda: bundles_service.import_bundle(b, bundle))  # noqa: B023
        assert imported.report.applied == EVENTS, imported.as_dict()
        imports.append(t_import)
        if i == 0:
            t_again, again = timed(lambda: bundles_service.import_bundle(b, bundle))  # noqa: B023
            assert again.report.applied == 0
            print(f"  import the same bundle again (no change): {t_again:.2f} s")
        b.close()
    print(f"\nBundle import, {EVENTS} events, median of {REPEAT}:")
    floors("import (verify, store, apply, 1 txn)", imports, import_floor, 1.2)

    reason = pgcluster.missing_reason()
    if reason:
        print(f"\nhub: skipped ({reason})")
        return
    with pgcluster.running(fsync=True) as cluster:
        # --- hub, 100,000 events -------------------------------------------------------------
        pushes: list[float] = []
        push_floor: list[float] = []
        pulls: list[float] = []
        pull_floor: list[float] = []
        for i in rounds:
            engine = pg_bare(cluster.create_database(f"bare{i}"))
            t_copy, _ = timed(lambda: bare_copy(engine, rows))  # noqa: B023
            push_floor.append(t_copy)

            def bare_pull() -> None:
                with engine.connect() as conn:  # noqa: B023
                    query = sa.text(f"{BARE_SELECT} ORDER BY hub_seq")
                    fetched = [dict(r._mapping) for r in conn.execute(query)]
                verify_all(fetched, public)
                bulk_into_sqlite(bare_sqlite(root / f"bare-pull{i}.db"), fetched)  # noqa: B023

            t_bare_pull, _ = timed(bare_pull)
            pull_floor.append(t_bare_pull)
            engine.dispose()
            url = cluster.create_database(f"bench{i}")
            a = Console.open(a_dir)
            t_push, pushed = timed(lambda: hub_service.sync_hub(a, url))  # noqa: B023
            assert pushed.sent == EVENTS
            a.close()
            pushes.append(t_push)
            c = Console.open(lab.laptop(f"C{i}"))
            t_pull, pulled = timed(lambda: hub_service.sync_hub(c, url))  # noqa: B023
            assert pulled.report.applied == EVENTS
            c.close()
            pulls.append(t_pull)
        print(f"\nHub, {EVENTS} events, median of {REPEAT}:")
        floors("push (COPY, insert on conflict)", pushes, push_floor, 2)
        floors("pull (fetch, verify, store, apply)", pulls, pull_floor, 1.2)
        if BIG_LOG <= 0:
            return

        # --- incremental: 100 new events against logs of 1,000,000 and of 1,000 -------------
        results = []
        for size, (holder, other) in ((BIG_LOG, ("X", "Y")), (1_000, ("S", "T"))):
            key = lab.keys[holder]
            t_build, log = timed(lambda: list(signed_rows(key, 1, size, start_ms)))  # noqa: B023
            hub_url = cluster.create_database(f"inc{size}")
            x_dir = lab.laptop(holder, events=log)
            y_dir = lab.laptop(other)
            bulk_into_sqlite(database_path(y_dir), log)
            for built in (x_dir, y_dir):  # projections of the bulk-written logs
                _rebuilt(built)
            x = Console.open(x_dir)
            if size <= 1_000:
                hub_service.sync_hub(x, hub_url)
            else:
                _bulk_hub(hub_url, x, log)
            y = Console.open(y_dir)
            hub_service.sync_hub(y, hub_url)  # warm: nothing new yet
            new = list(signed_rows(lab.keys[holder], size + 1, NEW, start_ms))
            del log
            bulk_into_sqlite(database_path(x_dir), new)
            t_inc_push, p = timed(lambda: hub_service.sync_hub(x, hub_url))  # noqa: B023
            t_inc_pull, q = timed(lambda: hub_service.sync_hub(y, hub_url))  # noqa: B023
            assert p.sent == NEW and q.report.applied == NEW, (p.as_dict(), q.as_dict())
            x.close()
            y.close()
            print(f"\n({size} events built and loaded in {t_build:.0f} s + bulk inserts)")
            results.append((size, t_inc_push, t_inc_pull))

        bare_url = cluster.create_database("bare_inc")
        engine = pg_bare(bare_url)
        new_rows = list(signed_rows(lab.keys["X"], BIG_LOG + 1, NEW, start_ms))

        def bare_incremental() -> None:
            with engine.begin() as conn:
                conn.execute(BARE_INSERT, new_rows)
            with engine.connect() as conn:
                fetched = [
                    dict(r._mapping)
                    for r in conn.execute(
                        sa.text(f"{BARE_SELECT} WHERE origin_id = :o AND origin_seq > :n"),
                        {"o": new_rows[0]["origin_id"], "n": BIG_LOG},
                    )
                ]
            bulk_into_sqlite(bare_sqlite(root / "bare3.db"), fetched)

        t_bare_inc, _ = timed(bare_incremental)
        engine.dispose()
        report(
            f"Incremental sync of {NEW} new events",
            [
                (f"push + pull, log of {size:,}", push + pull, t_bare_inc)
                for size, push, pull in results
            ],
        )
        for size, push, pull in results:
            print(f"  log of {size:>9,}: push {push * 1000:6.0f} ms, pull {pull * 1000:6.0f} ms")


def _rebuilt(data: Path) -> None:
    console = Console.open(data)
    try:
        with console.db.write() as session:
            eventlog.rebuild(session)
    finally:
        console.close()


def _bulk_hub(url: str, console: Console, log: list[dict[str, Any]]) -> None:
    """Fill a hub with ``log`` by bulk insert (its schema made by a first, empty sync)."""
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    try:
        from hisconsole.sync import hub

        hub.ensure_schema(engine)
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO devices (device_id, public_key, name) VALUES (:d, :k, 'bench')"
                ),
                {"d": console.device_id, "k": console.identity.public_key_b64},
            )
            for start in range(0, len(log), 50_000):
                conn.execute(sa.insert(hub.events), log[start : start + 50_000])
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
