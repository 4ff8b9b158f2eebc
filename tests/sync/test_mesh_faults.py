"""Cables pulled and put back while every laptop writes: the mesh converges and loses nothing.

A — B — C in a line, each link through a relay the test cuts and restores (a cable, a
router restart). Each laptop's operator keeps writing log entries the whole time; every
write the console acknowledged must be on every laptop at the end, and the three
laptops' projections must be equal.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hisconsole.services import incidents as incident_service
from hisconsole.services.console import Console
from hisconsole.services.sync import shared as sync_shared
from tests.sync.conftest import load_plan
from tests.sync.helpers import events, snapshot
from tests.sync.mesh_support import Link, free_port, serving, wait_for

HOSTS = {"A": "127.0.0.1", "B": "127.0.0.2", "C": "127.0.0.3"}


class Writer(threading.Thread):
    """An operator writing log entries on one laptop; remembers every acknowledged one."""

    def __init__(self, data_dir: Path, incident: str, name: str) -> None:
        super().__init__(daemon=True)
        self.console = Console.open(data_dir)
        self.incident = incident
        self.name_ = name
        self.acked: list[str] = []
        self.stop = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                text = f"{self.name_} note {len(self.acked) + 1}"
                incident_service.log(self.console, self.incident, text)
                self.acked.append(text)  # the call returned: the write is acknowledged
                time.sleep(0.03)
        except BaseException as exc:  # reported by the test
            self.error = exc
        finally:
            self.console.close()


def _run(laptops: Callable[..., Console], cuts: int, seconds_apart: float) -> None:
    dirs = {}
    incident_id = ""
    for name in "ABC":
        console = laptops(name)
        if name == "A":
            load_plan(console)
            incident_id, _changes = incident_service.declare(
                console, level="II", title="network outage"
            )
        dirs[name] = console.data_dir
        console.close()
    ports = {n: free_port(h) for n, h in HOSTS.items()}
    target = {n: (HOSTS[n], ports[n]) for n in HOSTS}
    links = {
        "A>B": Link("127.0.0.1", target["B"]),
        "B>A": Link("127.0.0.2", target["A"]),
        "B>C": Link("127.0.0.2", target["C"]),
        "C>B": Link("127.0.0.3", target["B"]),
    }
    specs = [
        (dirs["A"], HOSTS["A"], ports["A"], [links["A>B"].address]),
        (dirs["B"], HOSTS["B"], ports["B"], [links["B>A"].address, links["B>C"].address]),
        (dirs["C"], HOSTS["C"], ports["C"], [links["C>B"].address]),
    ]
    readers = {n: Console.open(dirs[n]) for n in "ABC"}
    rng = random.Random(20)
    try:
        with serving(specs):
            wait_for(
                lambda: all(
                    any(i["id"] == incident_id for i in incident_service.list_incidents(r))
                    for r in readers.values()
                ),
                30,
            )
            writers = [Writer(dirs[n], incident_id, n) for n in "ABC"]
            for writer in writers:
                writer.start()
            for _ in range(cuts):
                # One cable or the other, or both (the room splits in three).
                pair = rng.choice([("A>B", "B>A"), ("B>C", "C>B"), ("A>B", "B>A", "B>C", "C>B")])
                for name in pair:
                    links[name].cut()
                time.sleep(seconds_apart * rng.uniform(0.5, 1.5))
                for name in pair:
                    links[name].restore()
                time.sleep(seconds_apart * rng.uniform(0.2, 1.0))
            for writer in writers:
                writer.stop.set()
            for writer in writers:
                writer.join(30)
                assert writer.error is None, writer.error
                assert writer.acked, f"{writer.name_} wrote nothing"

            def converged() -> bool:
                vecs = [sync_shared.local_vector(r) for r in readers.values()]
                return vecs[0] == vecs[1] == vecs[2]

            wait_for(converged, 60, step=0.2)
        logs = {
            n: {e["text"] for e in incident_service.show(readers[n], incident_id)["log"]}
            for n in "ABC"
        }
        acked = {text for writer in writers for text in writer.acked}
        for name in "ABC":
            assert acked <= logs[name], f"acknowledged writes missing on {name}"
        assert len(events(readers["A"])) == len(events(readers["B"])) == len(events(readers["C"]))
        assert snapshot(readers["A"]) == snapshot(readers["B"]) == snapshot(readers["C"])
    finally:
        for reader in readers.values():
            reader.close()
        for link in links.values():
            link.close()


@pytest.mark.slow
def test_links_cut_and_restored_while_everyone_writes_lose_nothing(
    laptops: Callable[..., Console],
) -> None:
    _run(laptops, cuts=3, seconds_apart=0.6)


@pytest.mark.soak
def test_many_cuts_over_minutes_lose_nothing(laptops: Callable[..., Console]) -> None:
    _run(laptops, cuts=60, seconds_apart=2.0)
