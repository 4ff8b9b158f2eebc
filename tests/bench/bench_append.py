"""Appending one log entry, next to a raw sqlite3 WAL + synchronous=FULL commit.

Both on the same disk, interleaved in one run (the machines are shared and noisy:
compare the ratio, not the absolute times).

- in-process: the whole ``incidents.log`` call (checks, one write transaction under
  BEGIN IMMEDIATE on the console's entry connection, the signed event, its activity-log
  row, the durable commit) vs the raw commit on an open connection (goal: <= 2x). The
  console's transaction writes 14 b-tree pages (the log and its indexes, its order, the
  activity log and its indexes) where the raw one writes one;
- command line: a ``hisconsole incident log`` process vs a Python process doing the raw
  commit (connect, the pragmas, one INSERT, COMMIT), CPU (user + system) of each child
  (goal: <= 6x). Byte-code is written, as in an installed app (the environment's
  PYTHONDONTWRITEBYTECODE would recompile every module at each start).

Run: .venv/bin/python tests/bench/bench_append.py [ENTRIES] [PROCESSES]
"""

from __future__ import annotations

import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hisconsole.services import incidents
from hisconsole.services.setup import open_or_initialise

ENTRIES = int(sys.argv[1]) if len(sys.argv) > 1 else 300
PROCESSES = int(sys.argv[2]) if len(sys.argv) > 2 else 15
ROOT = Path(__file__).resolve().parents[2]

#: The bare process: what any program that commits one row durably must do.
RAW_COMMIT = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE IF NOT EXISTS log (id INTEGER PRIMARY KEY, body TEXT)")
db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO log (body) VALUES ('runner sent')")
db.execute("COMMIT")
"""


def _cpu(cmd: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def command_line(tmp: Path, data: Path, incident: str) -> tuple[float, float]:
    """Median CPU of the raw-commit process and of ``hisconsole incident log``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    py = sys.executable
    bare = [py, "-c", RAW_COMMIT, str(tmp / "raw-process.sqlite")]
    ours = [py, "-m", "hisconsole", "--data-dir", str(data), "--operator", "Li Na"]
    ours += ["incident", "log", incident, "runner sent"]
    _cpu(bare, env), _cpu(ours, env)  # warm the file cache and the byte-code
    bare_cpu, ours_cpu = [], []
    for _ in range(PROCESSES):
        bare_cpu.append(_cpu(bare, env))
        ours_cpu.append(_cpu(ours, env))
    return statistics.median(bare_cpu), statistics.median(ours_cpu)


def main() -> None:
    load = os.getloadavg()[0]
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
        pb, po = command_line(Path(tmp), Path(tmp) / "data", incident)
    b, o = statistics.median(bare), statistics.median(ours)
    bc, oc = statistics.median(bare_cpu), statistics.median(ours_cpu)
    print(f"load average {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
    print(f"append one log entry, median of {ENTRIES} interleaved runs (wall / CPU):")
    print(f"  raw sqlite3 WAL+FULL commit   {b * 1000:7.2f} ms  {bc * 1000:6.2f} ms")
    print(f"  incidents.log (in-process)    {o * 1000:7.2f} ms  {oc * 1000:6.2f} ms")
    print(f"  ratio console / raw: wall {o / b:.1f}x, CPU {oc / bc:.1f}x (goal <= 2x)")
    print(f"append one log entry as a process, median CPU of {PROCESSES} interleaved runs:")
    print(f"  python: raw WAL+FULL commit   {pb * 1000:7.1f} ms")
    print(f"  hisconsole incident log       {po * 1000:7.1f} ms")
    print(f"  ratio command line / raw: CPU {po / pb:.1f}x (goal <= 6x)")


if __name__ == "__main__":
    main()
