"""The command-centre mesh on loopback: how fast a change reaches every laptop, and what it
costs a laptop to join a mesh that already holds a big log.

Prints, in one run (the machines are shared and noisy: compare within a run):
- propagation delay over CHANGES log entries written one after another on laptop 1, from
  the write's commit until every other laptop holds it (median and p95), for 2 and for 5
  laptops (each a `hisconsole mesh serve` process on its own 127.0.0.x address, every one
  a static peer of every other; and 5 in a line, where a change crosses 4 hops), next to
  its floor: one HTTPS request with mutual TLS between two laptops on loopback;
- joining: a new laptop pulls a mesh's JOIN_EVENTS signed events (verify, store, apply)
  next to a USB bundle of the same events imported on another new laptop, and next to the
  bare Ed25519 verification of them.

Run: .venv/bin/python tests/bench/bench_mesh.py [CHANGES] [JOIN_EVENTS]
Nothing leaves this machine: every address is a loopback one and discovery is off.
"""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import aiohttp
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from hisconsole.services import incidents as incident_service
from hisconsole.services.console import Console
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import mesh as mesh_service
from hisconsole.services.sync import shared as sync_shared
from hisconsole.store.db import database_path
from hisconsole.sync.canonical import event_bytes_from_text
from hisconsole.sync.mesh import certs
from tests.bench.bench_sync import Lab, signed_rows
from tests.sync.conftest import device_id, load_plan
from tests.sync.mesh_support import Serve, free_port

CHANGES = int(sys.argv[1]) if len(sys.argv) > 1 else 200
JOIN_EVENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def tls_round_trip(laptops: Lab, rounds: int = 200) -> float:
    """Median of one HTTPS request with mutual TLS (a kept-alive connection) on loopback."""
    a, b = laptops.keys["L1"], laptops.keys["L2"]
    trusted = [certs.raw_public_key(k.public_key()) for k in (a, b)]

    async def run() -> float:
        app = web.Application()
        app.router.add_post("/", lambda request: web.json_response({"ok": True}))
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        port = free_port("127.0.0.1")
        site = web.TCPSite(
            runner, "127.0.0.1", port, ssl_context=certs.context(a, trusted, server=True)
        )
        await site.start()
        connector = aiohttp.TCPConnector(ssl=certs.context(b, trusted, server=False))
        times = []
        async with aiohttp.ClientSession(connector=connector) as session:
            for _ in range(rounds + 5):
                start = time.perf_counter()
                async with session.post(f"https://127.0.0.1:{port}/", json={"x": 1}) as r:
                    await r.read()
                times.append(time.perf_counter() - start)
        await runner.cleanup()
        return statistics.median(times[5:])

    return asyncio.run(run())


def top_seq(path: Path, origin: str) -> Callable[[], int]:
    con = sqlite3.connect(f"file:{database_path(path)}?mode=ro", uri=True)

    def read() -> int:
        row = con.execute(
            "SELECT max(origin_seq) FROM events WHERE origin_id = ?", (origin,)
        ).fetchone()
        return int(row[0] or 0)

    return read


def propagation(root: Path, count: int, *, line: bool = False) -> tuple[float, float]:
    """Median and p95 (seconds) until every laptop holds a change written on laptop 1."""
    names = [f"L{i}" for i in range(1, count + 1)]
    laptops = lab(root, names)
    dirs = {n: laptops.laptop(n) for n in names}
    hosts = {n: f"127.0.0.{i + 1}" for i, n in enumerate(names)}
    ports = {n: free_port(hosts[n]) for n in names}
    at = {n: f"{hosts[n]}:{ports[n]}" for n in names}
    writer = Console.open(dirs["L1"])
    load_plan(writer)
    incident, _ = incident_service.declare(writer, level="II", title="bench outage")
    serves = []
    for i, n in enumerate(names):
        if line:
            peers = [at[names[j]] for j in (i - 1, i + 1) if 0 <= j < count]
        else:
            peers = [at[m] for m in names if m != n]
        serves.append(Serve(dirs[n], hosts[n], ports[n], peers))
    try:
        for serve in serves:
            serve.wait_started()
        origin = writer.device_id
        readers = [top_seq(dirs[n], origin) for n in names[1:]]
        target = top_seq(dirs["L1"], origin)()
        deadline = time.monotonic() + 120
        while any(r() < target for r in readers):  # the plan and the incident first
            if time.monotonic() > deadline:
                raise SystemExit("the laptops did not connect")
            time.sleep(0.05)
        delays = []
        for n in range(CHANGES):
            incident_service.log(writer, incident, f"change {n}")
            start = time.perf_counter()
            target += 1
            while any(r() < target for r in readers):
                time.sleep(0.002)
            delays.append(time.perf_counter() - start)
        return statistics.median(delays), percentile(delays, 0.95)
    finally:
        writer.close()
        for serve in serves:
            serve.stop()


def join(root: Path, events: int) -> tuple[float, float, float]:
    """Seconds for a new laptop to hold a mesh's ``events``; by bundle; bare verification."""
    laptops = lab(root, ["H", "J", "K"])
    rows = list(signed_rows(laptops.keys["H"], 1, events, 1_764_000_000_000))
    holder = laptops.laptop("H", events=rows)
    joiner, other = laptops.laptop("J"), laptops.laptop("K")

    public = Ed25519PublicKey.from_public_bytes(
        certs.raw_public_key(laptops.keys["H"].public_key())
    )
    start = time.perf_counter()
    for row in rows:
        public.verify(
            row["signature"],
            event_bytes_from_text(
                origin_id=row["origin_id"],
                origin_seq=row["origin_seq"],
                event_id=row["event_id"],
                hlc=row["hlc"],
                author=row["author"],
                kind=row["kind"],
                entity=row["entity"],
                payload_json=row["payload"],
                parents_json=row["parents"],
                schema_version=row["schema_version"],
            ),
        )
    bare = time.perf_counter() - start

    port = free_port("127.0.0.1")
    serve = Serve(holder, "127.0.0.1", port, [])
    serve.wait_started()
    console = Console.open(joiner)
    origin = device_id(laptops.keys["H"])
    mesh = mesh_service.Mesh(
        console,
        port=free_port("127.0.0.2"),
        bind="127.0.0.2",
        peers=(f"127.0.0.1:{port}",),
        discovery=False,
    )
    try:
        start = time.perf_counter()
        mesh.start()
        while sync_shared.local_vector(console).get(origin, 0) < events:
            time.sleep(0.05)
        by_mesh = time.perf_counter() - start
    finally:
        mesh.stop()
        console.close()
        serve.stop()

    h = Console.open(holder)
    bundle = root / "h.bundle"
    bundles_service.export_bundle(h, bundle)
    h.close()
    k = Console.open(other)
    start = time.perf_counter()
    bundles_service.import_bundle(k, bundle)
    by_bundle = time.perf_counter() - start
    k.close()
    return by_mesh, by_bundle, bare


def lab(root: Path, names: list[str]) -> Lab:
    root.mkdir(parents=True)
    return Lab(root, names)


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-mesh-"))
    try:
        floor = tls_round_trip(lab(root / "tls", ["L1", "L2"]))
        print(f"floor: one HTTPS request with mutual TLS on loopback: {floor * 1000:.2f} ms")
        for count, line in ((2, False), (5, False), (5, True)):
            median, p95 = propagation(root / f"p{count}{'line' if line else ''}", count, line=line)
            shape = "in a line (4 hops)" if line else "all peers of each other"
            print(
                f"propagation, {count} laptops {shape}, {CHANGES} changes: median "
                f"{median * 1000:.0f} ms (x{median / floor:.0f} the floor), p95 {p95 * 1000:.0f} ms"
            )
        by_mesh, by_bundle, bare = join(root / "join", JOIN_EVENTS)
        print(
            f"joining a mesh holding {JOIN_EVENTS:,} events: {by_mesh:.1f} s "
            f"({JOIN_EVENTS / by_mesh:,.0f} events/s); the same by USB bundle import "
            f"{by_bundle:.1f} s (mesh x{by_mesh / by_bundle:.2f}); bare Ed25519 verification "
            f"{bare:.1f} s (mesh x{by_mesh / bare:.1f})"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
