"""Appending one log entry in-process, next to a raw sqlite3 WAL + synchronous=FULL commit.

Both on the same disk, interleaved in one run (the machines are shared and noisy:
compare the ratio, not the absolute times). The console's figure is the whole
``incidents.log`` call: checks, one write transaction under BEGIN IMMEDIATE, the
signed event, its projection, and the durable commit.

Run: .venv/bin/python tests/bench/bench_append.py [ENTRIES]
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hisconsole.services import incidents
from hisconsole.services.setup import open_or_initialise

ENTRIES = int(sys.argv[1]) if len(sys.argv) > 1 else 300


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        console, _ = open_or_initialise(Path(tmp) / "data")
        console.sign_in("Li Na", "scribe")
        incident, _ = incidents.declare(console, level="II", title="HIS down")
        raw = sqlite3.connect(Path(tmp) / "raw.sqlite", isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute("CREATE TABLE log (id INTEGER PRIMARY KEY, incident TEXT, body TEXT)")
        ours: list[float] = []
        bare: list[float] = []
        ours_cpu: list[float] = []
        bare_cpu: list[float] = []
        for n in range(ENTRIES):  # interleaved so drift hits both alike
            start, cpu = time.perf_counter(), time.process_time()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO log (incident, body) VALUES (?, ?)", (incident, f"e{n}"))
            raw.execute("COMMIT")
            bare.append(time.perf_counter() - start)
            bare_cpu.append(time.process_time() - cpu)
            start, cpu = time.perf_counter(), time.process_time()
            incidents.log(console, incident, f"runner sent to ward {n}")
            ours.append(time.perf_counter() - start)
            ours_cpu.append(time.process_time() - cpu)
        console.close()
        raw.close()
    b, o = statistics.median(bare), statistics.median(ours)
    bc, oc = statistics.median(bare_cpu), statistics.median(ours_cpu)
    print(f"append one log entry, median of {ENTRIES} interleaved runs (wall / CPU):")
    print(f"  raw sqlite3 WAL+FULL commit   {b * 1000:7.2f} ms  {bc * 1000:6.2f} ms")
    print(f"  incidents.log (in-process)    {o * 1000:7.2f} ms  {oc * 1000:6.2f} ms")
    print(f"  ratio console / raw: wall {o / b:.1f}x, CPU {oc / bc:.1f}x")


if __name__ == "__main__":
    main()
