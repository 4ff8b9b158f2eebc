"""The command-centre mesh end to end: `mesh serve` processes on loopback addresses.

A, B and C are trusted laptops (the trust list); R is a laptop nobody listed. Every
console has its own data folder and its own loopback address (127.0.0.x).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hisconsole.services import incidents as incident_service
from hisconsole.services.console import Console
from hisconsole.services.sync import mesh as mesh_service
from hisconsole.services.sync import trust as trust_service
from tests.sync.conftest import Keys, load_plan
from tests.sync.helpers import events
from tests.sync.mesh_support import (
    cli,
    cli_json,
    cli_json_many,
    env,
    free_port,
    serving,
    wait_for,
)

pytestmark = pytest.mark.slow


def _show(data_dir: Path, incident: str) -> dict | None:
    done = cli(data_dir, "--json", "incident", "show", incident, check=False)
    return json.loads(done.stdout) if done.returncode == 0 else None


def test_an_incident_reaches_every_laptop_and_a_log_entry_travels_through_b(
    laptops: Callable[..., Console], tmp_path: Path
) -> None:
    dirs = {}
    for name in "ABC":
        console = laptops(name)
        if name == "A":
            load_plan(console)  # B and C get the plan through the mesh
        dirs[name] = console.data_dir
        console.close()
    hosts = {"A": "127.0.0.1", "B": "127.0.0.2", "C": "127.0.0.3"}
    ports = {n: free_port(h) for n, h in hosts.items()}
    at = {n: f"{hosts[n]}:{ports[n]}" for n in hosts}
    # A and C are not peers: each knows only B; B knows both.
    specs = [
        (dirs["A"], hosts["A"], ports["A"], [at["B"]]),
        (dirs["B"], hosts["B"], ports["B"], [at["A"], at["C"]]),
        (dirs["C"], hosts["C"], ports["C"], [at["B"]]),
    ]
    with serving(specs):
        wait_for(lambda: _connected(dirs["B"]) == 2 and _connected(dirs["A"]) == 1, 30)
        readers = {name: Console.open(dirs[name]) for name in "ABC"}
        try:
            declared = cli_json(
                dirs["A"], "incident", "declare", "--level", "II", "--title", "HIS down"
            )
            incident = declared["id"]
            for name in "BC":
                wait_for(lambda name=name: _has(readers[name], incident), 2.0)
            cli(dirs["C"], "incident", "log", incident, "Ward 5 on paper")
            wait_for(lambda: _logged(readers["A"], incident, "Ward 5 on paper"), 2.0)
        finally:
            for reader in readers.values():
                reader.close()
        shown_b, shown_c, peers = cli_json_many(
            [
                (dirs["B"], ["incident", "show", incident]),
                (dirs["C"], ["incident", "show", incident]),
                (dirs["A"], ["mesh", "peers"]),
            ]
        )
        shown = {"B": shown_b, "C": shown_c}
    for name in "BC":
        assert shown[name]["title"] == "HIS down" and shown[name]["level"] == "II"
    assert any(entry["text"] == "Ward 5 on paper" for entry in shown["C"]["log"])
    assert peers["running"] is True and peers["connected"] == 1
    (b_peer,) = peers["peers"]
    assert b_peer["address"] == at["B"] and b_peer["state"] == "connected"
    assert b_peer["name"] == "Laptop B" and b_peer["behind"] == 0
    a = Console.open(dirs["A"])
    try:
        stopped = mesh_service.mesh_peers(a)
    finally:
        a.close()
    assert stopped.running is False and stopped.peers[0].state == "stopped"


def _has(console: Console, incident: str) -> bool:
    return any(i["id"] == incident for i in incident_service.list_incidents(console))


def _logged(console: Console, incident: str, text: str) -> bool:
    if not _has(console, incident):
        return False
    return any(e["text"] == text for e in incident_service.show(console, incident)["log"])


def _connected(data_dir: Path) -> int:
    path = data_dir / mesh_service.MESH_FILE
    if not path.exists():
        return 0
    doc = json.loads(path.read_text("utf-8"))
    return sum(1 for p in doc["peers"] if p["state"] == "connected")


def test_a_laptop_not_trusted_gets_nothing_and_gives_nothing(
    laptops: Callable[..., Console], keys: Keys
) -> None:
    a = laptops("A")
    rogue = laptops("R", trusted=False)
    load_plan(a)
    load_plan(rogue)
    incident_service.declare(a, level="III", title="secret outage")
    incident_service.declare(rogue, level="I", title="forged outage")
    a_dir, r_dir = a.data_dir, rogue.data_dir
    a_before, r_before = events(a), events(rogue)
    a.close()
    rogue.close()
    pa, pr = free_port("127.0.0.1"), free_port("127.0.0.4")
    specs = [
        (a_dir, "127.0.0.1", pa, [f"127.0.0.4:{pr}"]),
        (r_dir, "127.0.0.4", pr, [f"127.0.0.1:{pa}"]),
    ]
    with serving(specs):
        wait_for(lambda: _states(r_dir) == {"refused"} and _states(a_dir) == {"refused"}, 30)
    a, rogue = Console.open(a_dir), Console.open(r_dir)
    try:
        assert events(a) == a_before
        assert events(rogue) == r_before
    finally:
        a.close()
        rogue.close()


def _states(data_dir: Path) -> set[str]:
    path = data_dir / mesh_service.MESH_FILE
    if not path.exists():
        return set()
    return {p["state"] for p in json.loads(path.read_text("utf-8"))["peers"]}


def test_laptops_of_one_hospital_find_each_other_by_mdns(
    laptops: Callable[..., Console], tmp_path: Path
) -> None:
    """In a network namespace of its own (nothing leaves it): A and B find each other and
    connect with no address given; X, pinned to another hospital's IT key, is ignored."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    if probe.returncode != 0 or shutil.which("ip") is None:
        pytest.skip("needs unshare -n and ip (network namespaces)")
    dirs = []
    for name in "AB":
        console = laptops(name)
        dirs.append(console.data_dir)
        console.close()
    other = laptops("C", trusted=False)  # pins another IT key: another hospital
    other_it = tmp_path / "other-it.pem"
    trust_service.trust_keygen(other_it)
    trust_service.trust_pin(other, Path(f"{other_it}.pub"))
    dirs.append(other.data_dir)
    other.close()
    done = subprocess.run(
        ["unshare", "-n", sys.executable, str(Path(__file__).with_name("mesh_netns.py"))]
        + [str(d) for d in dirs],
        capture_output=True,
        text=True,
        env=env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    a, b, x = result["devices"]
    found = result["found"]
    assert {(p["device"], p["source"], p["state"]) for p in found[a]} == {
        (b, "discovered", "connected")
    }
    assert {(p["device"], p["source"], p["state"]) for p in found[b]} == {
        (a, "discovered", "connected")
    }
    assert found[x] == []
