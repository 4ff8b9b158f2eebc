"""Soak test (not collected by pytest): laptops as separate processes, killed with -9.

Three laptops, each with its own SQLite file and device key, all in a trust list
signed by a test IT key, work in separate worker processes against a real
throwaway PostgreSQL hub: they record incidents and forms, write bundles, import
each other's bundles and sync with the hub. The parent kills workers with
SIGKILL while they import a bundle or sync, reopens their databases, and checks
that every change a worker acknowledged (reported as committed) is still there,
that version vectors never went back, and that `hisconsole check` finds nothing
wrong. At the end every laptop syncs in full and all must show the same thing.

    .venv/bin/python tests/sync/soak.py [--seconds 120] [--kills N] [--kill-rate 0.5]

Prints runs, events, kills and lost acknowledged events (must be 0). ``--kills N`` runs
until N workers were killed (test_kill_soak.py runs 200 under the soak marker).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

NAMES = ("A", "B", "C")


# --- worker: one laptop doing one round of work -----------------------------------------


def worker(data_dir: Path, share: Path, hub_url: str, seed: int) -> None:
    from hisconsole.services import forms, incidents
    from hisconsole.services.console import Console, ServiceError
    from hisconsole.services.sync import bundles as bundles_service
    from hisconsole.services.sync import hub as hub_service
    from hisconsole.services.sync import shared as sync_shared

    rng = random.Random(seed)
    console = Console.open(data_dir)

    def say(*parts: object) -> None:
        print(*parts, flush=True)

    def ack_own() -> None:
        say("ack-own", json.dumps(sync_shared.local_vector(console).get(console.device_id, 0)))

    try:
        open_ids = [i["id"] for i in incidents.list_incidents(console) if i["status"] == "open"]
        for _ in range(rng.randint(5, 25)):
            choice = rng.random()
            try:
                if choice < 0.15 or not open_ids:
                    new_id, _ = incidents.declare(
                        console, level=rng.choice(["I", "II", "III", "IV"]), title="soak outage"
                    )
                    open_ids.append(new_id)
                elif choice < 0.7:
                    incidents.log(console, rng.choice(open_ids), f"note {rng.random():.6f}")
                elif choice < 0.85:
                    first = forms.reserve_serials(console, 2)
                    forms.record_issued(
                        console,
                        template="registration",
                        template_version=1,
                        first=first,
                        count=2,
                        incident=None,
                        lang="zh",
                    )
                else:
                    incidents.set_system_status(
                        console, rng.choice(open_ids), "HIS", rng.choice(["up", "down"])
                    )
            except ServiceError:
                continue
            ack_own()
        name = data_dir.name
        out = share / f"{name}-{time.time_ns()}.bundle"
        say("phase", "export")
        bundles_service.export_bundle(console, out)
        say("exported", out.name)
        bundles = sorted(p for p in share.glob("*.bundle") if not p.name.startswith(name))
        if bundles:
            chosen = rng.choice(bundles[-6:])
            say("phase", "import")
            try:
                bundles_service.import_bundle(console, chosen)
            except ServiceError as exc:
                say("refused", str(exc))
            say("ack-vector", json.dumps(sync_shared.local_vector(console)))
        say("phase", "sync")
        hub_service.sync_hub(console, hub_url)
        say("ack-vector", json.dumps(sync_shared.local_vector(console)))
        say("done")
    finally:
        console.close()


# --- parent --------------------------------------------------------------------------------


def setup(root: Path) -> tuple[list[Path], Path]:
    import datetime as dt

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from hisconsole.services import plan as plan_service
    from hisconsole.services.console import Console
    from hisconsole.services.sync import trust as trust_service
    from tests.sync.conftest import pem, public_b64

    it = root / "it"
    it.mkdir()
    trust_service.trust_keygen(it / "it.pem")
    keys = {name: Ed25519PrivateKey.generate() for name in NAMES}
    for name in NAMES:
        trust_service.trust_add(
            it / "trust.yaml",
            public_key=public_b64(keys[name]),
            name=f"Soak {name}",
            roles=["operator", "plan-editor"],
        )
    trust_service.trust_sign(
        it / "trust.yaml", it / "it.pem", it / "trust.signed", now=dt.datetime.now(dt.UTC)
    )
    dirs = []
    for index, name in enumerate(NAMES):
        data_dir = root / name
        data_dir.mkdir(mode=0o700)
        (data_dir / "device-key.pem").write_bytes(pem(keys[name]))
        console = Console.open(data_dir, create=True)
        trust_service.trust_pin(console, it / "it.pem.pub")
        trust_service.trust_import(console, it / "trust.signed")
        if index == 0:
            doc = plan_service.read_document(plan_service.default_plan_path())
            plan_service.import_document(console, doc)
        console.close()
        dirs.append(data_dir)
    share = root / "usb"
    share.mkdir()
    return dirs, share


def verify(data_dir: Path, acked_own: int, acked_vector: dict[str, int]) -> tuple[int, list[str]]:
    """(lost acknowledged events, problems) of one laptop after its worker ended or died."""
    from hisconsole.services.console import Console
    from hisconsole.services.sync import shared as sync_shared
    from tests.sync.helpers import problems

    console = Console.open(data_dir)
    try:
        vector = sync_shared.local_vector(console)
        lost = max(0, acked_own - vector.get(console.device_id, 0))
        lost += sum(max(0, n - vector.get(o, 0)) for o, n in acked_vector.items())
        return lost, problems(console)
    finally:
        console.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--kill-rate", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kills", type=int, default=0, help="stop after this many kills")
    parser.add_argument("--progress", action="store_true", help="a line of counts per run")
    parser.add_argument("worker", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _, data_dir, share, hub_url, seed = args.worker
        worker(Path(data_dir), Path(share), hub_url, int(seed))
        return 0

    from tests.sync import pgcluster

    reason = pgcluster.missing_reason()
    if reason:
        print(f"soak: skipped: {reason}")
        return 0
    rng = random.Random(args.seed)
    root = Path(tempfile.mkdtemp(prefix="hisconsole-soak-"))
    runs = kills = lost = refused = mid_operation = 0
    problems_seen: list[str] = []
    acked_own = dict.fromkeys(NAMES, 0)
    acked_vector: dict[str, dict[str, int]] = {n: {} for n in NAMES}
    with pgcluster.running(fsync=True) as cluster:
        hub_url = cluster.create_database("soak")
        dirs, share = setup(root)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        deadline = time.monotonic() + args.seconds
        while time.monotonic() < deadline and not (args.kills and kills >= args.kills):
            index = rng.randrange(len(NAMES))
            name, data_dir = NAMES[index], dirs[index]
            will_kill = rng.random() < args.kill_rate
            target_phase = rng.choice(["import", "sync"])
            proc = subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "worker",
                    str(data_dir),
                    str(share),
                    hub_url,
                    str(rng.randrange(2**31)),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            runs += 1
            killed = False
            assert proc.stdout is not None
            for line in proc.stdout:
                kind, _, rest = line.strip().partition(" ")
                if kind == "ack-own":
                    acked_own[name] = max(acked_own[name], int(rest))
                elif kind == "ack-vector":
                    for origin, seq in json.loads(rest).items():
                        acked_vector[name][origin] = max(acked_vector[name].get(origin, 0), seq)
                elif kind == "refused":
                    refused += 1
                elif kind == "phase" and will_kill and rest == target_phase:
                    time.sleep(rng.uniform(0, 0.15))
                    proc.send_signal(signal.SIGKILL)
                    killed = True
                    break
            proc.wait()
            if killed:
                # Lines written before the kill: did the phase finish first?
                after = proc.stdout.read().split()
                if "ack-vector" not in after:
                    mid_operation += 1
            stderr = proc.stderr.read() if proc.stderr else ""
            if proc.stdout:
                proc.stdout.close()
            if proc.stderr:
                proc.stderr.close()
            if killed:
                kills += 1
            elif proc.returncode != 0:
                problems_seen.append(f"worker {name} failed: {stderr.strip()[-400:]}")
            missing, found = verify(data_dir, acked_own[name], acked_vector[name])
            lost += missing
            problems_seen += [f"{name}: {p}" for p in found]
            if args.progress:
                print(
                    f"soak progress: runs {runs}, kills {kills}, lost acknowledged events "
                    f"{lost}, problems {len(problems_seen)}",
                    flush=True,
                )

        # The end: everyone syncs with the hub twice; all must agree.
        from hisconsole.services.console import Console
        from hisconsole.services.sync import hub as hub_service
        from hisconsole.services.sync import shared as sync_shared
        from tests.sync.helpers import events, snapshot

        consoles = [Console.open(d) for d in dirs]
        try:
            for _ in range(2):
                for console in consoles:
                    hub_service.sync_hub(console, hub_url)
            logs = [{k: e for k, (e, _f) in events(c).items()} for c in consoles]
            shots = [snapshot(c) for c in consoles]
            converged = logs[0] == logs[1] == logs[2] and shots[0] == shots[1] == shots[2]
            total = len(logs[0])
            for name, console in zip(NAMES, consoles, strict=True):
                vector = sync_shared.local_vector(console)
                for origin_name, origin_console in zip(NAMES, consoles, strict=True):
                    have = vector.get(origin_console.device_id, 0)
                    lost += max(0, acked_own[origin_name] - have)
                _ = name
        finally:
            for console in consoles:
                console.close()
    print(
        f"soak: {args.seconds:.0f} s, runs {runs}, events {total}, kills {kills} "
        f"({mid_operation} before the import or sync finished), bundles refused {refused}, "
        f"lost acknowledged events {lost}, converged {converged}, problems {len(problems_seen)}"
    )
    for problem in problems_seen[:10]:
        print("  ", problem)
    ok = lost == 0 and converged and not problems_seen
    if ok:
        shutil.rmtree(root, ignore_errors=True)
    else:
        print(f"soak: laptops' data kept in {root}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
