"""How the console scales with its log: 1k, 10k, 100k and 1M events.

For each size, a database (bundled plan, demo contacts, one open incident) whose log is
filled with signed activity-log entries of that incident up to the size, then, each in a
fresh process so its peak memory is its own:
- start-up: a cold ``hisconsole --json incident list`` (CLI open), wall time of the process;
- append: ``incidents.log`` in-process (median of 20);
- open incident: a cold ``hisconsole --json incident show`` of the big incident, the whole
  log written out (streamed a page at a time), wall time of the process;
- incident page: the page's way (tests/bench/page_probe.py): the incident read and its log
  shown in a table, read by position on the worker, until its last rows are shown; then
  scrolled to the start, the middle and the end (peak memory after all of it; the time of
  the slowest scroll, the longest UI stall and the rows the model holds are printed too);
- dashboard refresh: ``load_situation``, the services calls behind the dashboard (median of 5);
- check: ``maintenance.check`` (once).
Peak memory is the process's own high-water resident set (VmHWM; ru_maxrss would carry the
parent's over fork + exec), imports included. Start-up,
append and the dashboard should stay flat as the log grows; check at 1M under 500 MB.

``BENCH_SCALING_CACHE=DIR`` keeps each size's database in DIR (built once, 12 min for 1M on a
busy machine) and runs on a copy of it. ``BENCH_SCALING_OPS`` runs only some operations, e.g.
``startup,append,dashboard`` or ``check@100000`` (an op with ``@SIZE`` runs at that size only);
set it empty to only build the databases.

The log is written in bulk (signed with the laptop's key, projections made by the
program's own row makers), not through the services; ``check`` confirms it is sound.
Run (1M takes long; use nice): .venv/bin/python tests/bench/bench_scaling.py [SIZE ...]
"""

from __future__ import annotations

import dataclasses
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SIZES = [int(a) for a in sys.argv[1:] if a.isdigit()] or [1_000, 10_000, 100_000, 1_000_000]
OPS = ("startup", "append", "open incident", "incident page", "dashboard", "check")
CACHE = os.environ.get("BENCH_SCALING_CACHE")
_CHOSEN = os.environ.get("BENCH_SCALING_OPS")
#: Runs the CLI in this process and reports its peak memory on the last line of stderr.
CLI = (
    "import runpy, sys\n"
    "from tests.bench.bench_scaling import peak_kb\n"
    "sys.argv = ['hisconsole', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('hisconsole', run_name='__main__')\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(peak_kb(), file=sys.stderr)\n"
)
_CHUNK = 50_000


def chosen(op: str, size: int) -> bool:
    """Whether BENCH_SCALING_OPS asks for ``op`` at ``size`` (all of them when it is unset)."""
    if _CHOSEN is None:
        return True
    for item in filter(None, (i.strip() for i in _CHOSEN.split(","))):
        name, _, at = item.partition("@")
        if name not in OPS:
            raise SystemExit(f"BENCH_SCALING_OPS: no operation {name!r}; they are {', '.join(OPS)}")
        if name == op and (not at or int(at) == size):
            return True
    return False


def peak_kb() -> int:
    """This process's peak resident memory in KB (Linux: VmHWM, reset by exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def build(data: Path, size: int) -> str:
    """A console in ``data`` holding ``size`` events; returns the big incident's id."""
    from hisconsole.domain.hlc import Stamp
    from hisconsole.services import incidents
    from hisconsole.services.setup import open_or_initialise
    from hisconsole.store import projections
    from hisconsole.store.events import EventRecord
    from hisconsole.sync.canonical import event_bytes

    console, _ = open_or_initialise(data, demo=True)
    console.sign_in("Li Na", "scribe")
    incident, _ = incidents.declare(console, level="II", title="HIS down", systems=["HIS"])
    sign = console.identity.private_key.sign
    device = console.device_id
    console.close()
    con = sqlite3.connect(data / "hisconsole.sqlite3")
    seq, last = con.execute(
        "SELECT max(origin_seq), max(hlc) FROM events WHERE origin_id = ?", (device,)
    ).fetchone()
    have = con.execute("SELECT count(*) FROM events").fetchone()[0]
    wall = Stamp.decode(last).wall_ms
    make_rows = projections.ROW_MAKERS["incident.logged"]
    for start in range(0, max(0, size - have), _CHUNK):
        events, entries = [], []
        for n in range(start, min(size - have, start + _CHUNK)):
            seq += 1
            record = EventRecord(
                origin_id=device,
                origin_seq=seq,
                event_id=f"00000000-0000-4000-8000-{seq:012d}",
                hlc=Stamp(wall + n + 1, 0).encode(),
                author="Li Na",
                kind="incident.logged",
                entity=f"incident:{incident}",
                payload={
                    "id": incident,
                    "text": f"Ward {n % 40}: runner took lab sample {n} to the central lab",
                    "kind": "note",
                    "group": None,
                    "system": None,
                    "corrects": None,
                    "at": f"2026-12-05T0{n % 10}:00:00+08:00",
                },
            )
            record = dataclasses.replace(record, signature=sign(event_bytes(record)))
            events.append({**record.to_row(), "flags": 0})
            entries += [row for _model, row in make_rows(record)]
        with con:
            _insert(con, "events", events)
            _insert(con, "incident_entries", entries)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    print(f"{total:,} events in the log ({have:,} from set-up)", flush=True)
    return incident


def _insert(con: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    columns = list(rows[0])
    con.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        [tuple(r[c] for c in columns) for r in rows],
    )


def measure(op: str, data: Path, incident: str) -> dict[str, float]:
    """Run one operation in this (fresh) process: its median seconds and peak memory."""
    from hisconsole.services import incidents
    from hisconsole.services.console import Console
    from hisconsole.services.maintenance import check

    console = Console.open(data)
    console.sign_in("Li Na", "scribe")
    times: list[float] = []
    if op == "append":
        for n in range(20):
            start = time.perf_counter()
            incidents.log(console, incident, f"runner back from ward {n}")
            times.append(time.perf_counter() - start)
    elif op == "incident page":
        from tests.bench import page_probe

        # Opened as the window opens it (the list read by position on the worker, shown
        # in a table scrolled to its end), then scrolled to its start, middle and end.
        page = page_probe.measure(console, incident)
        assert page["rows"] == console_entries(console, incident)
        console.close()
        return {
            "seconds": page["open_s"],
            "peak_mb": page["peak_mb"],
            "open_peak_mb": page["peak_open_mb"],
            "scroll_s": page["scroll_s"],
            "longest_stall_ms": page["longest_stall_ms"],
            "rows_held": page["held_end"],
        }
    elif op == "dashboard":
        from hisconsole.ui.situation import load_situation

        for _ in range(5):
            start = time.perf_counter()
            situation = load_situation(console)
            times.append(time.perf_counter() - start)
        assert any(i["id"] == incident for i in situation.active)
    elif op == "check":
        start = time.perf_counter()
        report = check(console)
        times.append(time.perf_counter() - start)
        assert report.ok, report.problems[:5]
    console.close()
    return {"seconds": statistics.median(times), "peak_mb": peak_kb() / 1024}


def console_entries(console: Any, incident: str) -> int:
    with console.db.read() as session:
        return int(
            session.connection()
            .exec_driver_sql(
                "SELECT count(*) FROM incident_entries WHERE incident_id = ?", (incident,)
            )
            .scalar()
        )


def _child(op: str, data: Path, incident: str) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if op in ("startup", "open incident"):
        command = ["incident", "list"] if op == "startup" else ["incident", "show", incident]
        runs = []
        for _ in range(3 if op == "startup" else 1):
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", CLI, "--data-dir", str(data), "--json", *command],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                check=True,
                cwd=ROOT,
                env=env,
            )
            runs.append((time.perf_counter() - start, int(done.stderr.split()[-1]) / 1024))
        return {
            "seconds": statistics.median(r[0] for r in runs),
            "peak_mb": max(r[1] for r in runs),
        }
    done = subprocess.run(
        [sys.executable, __file__, "--measure", op, str(data), incident],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{op} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.splitlines()[-1]))


def _table(results: dict[int, dict[str, dict[str, float]]]) -> None:
    print("\n| events | " + " | ".join(OPS) + " |")
    print("|---:|" + "---:|" * len(OPS))
    for size, row in results.items():
        cells = []
        for op in OPS:
            r = row.get(op)
            cells.append(f"{r['seconds'] * 1000:,.1f} ms, {r['peak_mb']:,.0f} MB" if r else "—")
        print(f"| {size:,} | " + " | ".join(cells) + " |")
    sys.stdout.flush()


def _database(data: Path, size: int) -> str:
    """Build the database of ``size`` events in ``data`` (or copy it from the cache)."""
    kept = Path(CACHE) / f"d{size}" if CACHE else data
    if not (kept / "INCIDENT").exists():
        shutil.rmtree(kept, ignore_errors=True)
        start = time.perf_counter()
        incident = build(kept, size)
        (kept / "INCIDENT").write_text(incident)
        print(f"{size:,} events built in {time.perf_counter() - start:.0f} s", flush=True)
    _to_head(kept)
    if kept != data:
        shutil.copytree(kept, data)
    return (data / "INCIDENT").read_text()


def _to_head(kept: Path) -> None:
    """Bring a kept database to this program's schema once (an upgrade rebuilds every
    projection: minutes at 1M), not in the first measurement of every run; the daily
    quick check is left to the first start, as before."""
    from hisconsole.services.console import Console
    from hisconsole.store import db as store_db

    _path, revision, _read_only = store_db.check_file(kept, verify=False)
    if revision == store_db.SCHEMA_HEAD:
        return
    marker = kept.parent / ".building"  # others using the cache wait for it to go
    marker.touch()
    try:
        start = time.perf_counter()
        Console.open(kept).close()
        shutil.rmtree(kept / "backups", ignore_errors=True)  # the copy made before upgrading
        (kept / store_db.QUICK_CHECK_STAMP).unlink(missing_ok=True)
        print(f"{kept.name} upgraded in {time.perf_counter() - start:.0f} s", flush=True)
    finally:
        marker.unlink(missing_ok=True)


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="hisconsole-bench-scaling-"))
    results: dict[int, dict[str, dict[str, float]]] = {}
    try:
        for size in SIZES:
            data = root / f"d{size}"
            incident = _database(data, size)
            results[size] = {}
            for op in (op for op in OPS if chosen(op, size)):
                results[size][op] = _child(op, data, incident)
                print(f"  {op}: {results[size][op]}", flush=True)
            _table(results)
            shutil.rmtree(data, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2], Path(sys.argv[3]), sys.argv[4])))
    else:
        main()
