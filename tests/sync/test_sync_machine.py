"""Property test: three laptops (and a hub) under random work, exchanges, faults and clock jumps.

After every step: no committed event disappears, version vectors never go
back, projections equal a rebuild of the log, and forged events never appear.
At the end, after a full exchange, every laptop's projections are identical.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from hisconsole.domain.hlc import wall_clock_ms
from hisconsole.services import forms, incidents
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import hub as hub_service
from hisconsole.services.sync import shared as sync_shared
from hisconsole.sync import bundle as bundle_format
from tests.sync import pgcluster
from tests.sync.conftest import Keys, load_plan, new_laptop, trust_all
from tests.sync.helpers import events, problems, repack, snapshot

NAMES = ("A", "B", "C")  # A and B may edit the plan; C is an operator laptop
#: Laptops that edit the plan in the machine (concurrent publications included).
EDITORS = (0, 1)
HOUR_MS = 3600 * 1000
SYSTEMS = ("HIS", "EMR", "LIS", "PACS")
PHASES = (Phase.explicit, Phase.reuse, Phase.generate)
#: Fields of a shown reporting clock that depend on the reading laptop's time.
NOW_DEPENDENT = ("state", "remaining_seconds")


class Env:
    """Set by the test function before the machine runs (pytest fixtures live there)."""

    keys: Keys
    template: Path
    cluster: pgcluster.Cluster | None = None


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="hisconsole-machine-"))
        self.offsets = [0, 0, 0]
        self.consoles: list[Console] = []
        self.bundles: list[Path] = []
        self.seen: list[dict[tuple[str, int], str]] = [{}, {}, {}]
        self.vectors: list[dict[str, int]] = [{}, {}, {}]
        self.forged: set[str] = set()
        self.hub_url = Env.cluster.create_database("machine") if Env.cluster else None
        self.dirty = {0, 1, 2}
        self.counter = 0

    # --- set-up -----------------------------------------------------------------------

    @initialize()
    def start(self) -> None:
        for index, name in enumerate(NAMES):
            console = new_laptop(
                Env.template, self.root / name, Env.keys.devices[name], now_ms=self._clock(index)
            )
            self.consoles.append(console)
            trust_all(console, Env.keys)
        load_plan(self.consoles[0])
        first = self._path("plan")
        bundles_service.export_bundle(self.consoles[0], first)
        for console in self.consoles[1:]:
            bundles_service.import_bundle(console, first)

    def _clock(self, index: int) -> Any:
        offset = self.offsets[index]
        return lambda: wall_clock_ms() + offset

    def _path(self, label: str) -> Path:
        self.counter += 1
        return self.root / f"{self.counter:03d}-{label}.bundle"

    def teardown(self) -> None:
        try:
            if len(self.consoles) == len(NAMES):
                self._converge()
        finally:
            for console in self.consoles:
                console.close()
            shutil.rmtree(self.root, ignore_errors=True)

    def _converge(self) -> None:
        """A full exchange, then every laptop must show the same thing."""
        full = [self._path(f"final-{n}") for n in NAMES]
        for console, path in zip(self.consoles, full, strict=True):
            bundles_service.export_bundle(console, path)
        for index, console in enumerate(self.consoles):
            for other, path in enumerate(full):
                if other != index:
                    bundles_service.import_bundle(console, path)
        logs = [events(c) for c in self.consoles]
        ids = [{k: e for k, (e, _flags) in log.items()} for log in logs]
        assert ids[0] == ids[1] == ids[2]
        shots = [snapshot(c) for c in self.consoles]
        for table in shots[0]:
            assert shots[0][table] == shots[1][table] == shots[2][table], table
        for console in self.consoles:
            assert problems(console) == []
        for incident in incidents.list_incidents(self.consoles[0]):
            shown = [incidents.show(c, incident["id"], with_log=False) for c in self.consoles]
            # What each clock was (its state now depends on each laptop's own clock).
            clocks = [
                [{k: v for k, v in c.items() if k not in NOW_DEPENDENT} for c in x["clocks"]]
                for x in shown
            ]
            assert clocks[0] == clocks[1] == clocks[2]
            # The clocks follow only the level changes that won: the last one is the level.
            counted = [h for h in shown[0]["level_history"] if not h.get("overridden")]
            assert counted[-1]["level"] == shown[0]["level"], shown[0]["level_history"]

    # --- work on one laptop ----------------------------------------------------------------

    @rule(r=st.integers(0, 2), level=st.sampled_from(["I", "II", "III", "IV"]))
    def declare(self, r: int, level: str) -> None:
        incidents.declare(
            self.consoles[r], level=level, title=f"Outage {self.counter}", systems=["HIS"]
        )
        self.counter += 1
        self.dirty.add(r)

    @rule(r=st.integers(0, 2), data=st.data())
    def work_on_incident(self, r: int, data: st.DataObject) -> None:
        console = self.consoles[r]
        open_ids = [i["id"] for i in incidents.list_incidents(console) if i["status"] == "open"]
        if not open_ids:
            return
        incident = data.draw(st.sampled_from(sorted(open_ids)))
        action = data.draw(st.sampled_from(["log", "status", "level", "report"]))
        try:
            if action == "log":
                incidents.log(console, incident, data.draw(st.text(min_size=1, max_size=20)))
            elif action == "status":
                incidents.set_system_status(
                    console,
                    incident,
                    data.draw(st.sampled_from(SYSTEMS)),
                    data.draw(st.sampled_from(["up", "degraded", "down"])),
                )
            elif action == "level":
                incidents.change_level(
                    console, incident, data.draw(st.sampled_from(["I", "II", "III", "IV"]))
                )
            else:
                incidents.record_report(console, incident, recipient="卫健委", channel="phone")
        except ServiceError:
            pass  # e.g. already at that level, or whitespace-only text
        self.dirty.add(r)

    @rule(r=st.integers(0, 2), count=st.integers(1, 3))
    def issue_forms(self, r: int, count: int) -> None:
        console = self.consoles[r]
        first = forms.reserve_serials(console, count)
        forms.record_issued(
            console,
            template="registration",
            template_version=1,
            first=first,
            count=count,
            incident=None,
            lang="zh",
        )
        self.dirty.add(r)

    @rule(r=st.integers(0, 2), data=st.data())
    def back_enter(self, r: int, data: st.DataObject) -> None:
        console = self.consoles[r]
        outstanding = [s["serial"] for s in forms.outstanding(console)]
        if not outstanding:
            return
        serial = data.draw(st.sampled_from(outstanding))
        status = data.draw(st.sampled_from(["entered", "void"]))
        forms.set_status(console, serial, status, his_ref="HIS-1")
        self.dirty.add(r)

    @rule(r=st.sampled_from(EDITORS), text=st.text(min_size=1, max_size=12))
    def edit_plan(self, r: int, text: str) -> None:
        console = self.consoles[r]
        doc = plan_service.require_document(console)
        doc["meta"]["owner"]["en"] = f"IT department {text.strip() or 'x'}"
        plan_service.import_document(console, doc, note="machine edit")
        self.dirty.add(r)

    @rule(r=st.integers(0, 2), hours=st.integers(-8, 8))
    def jump_clock(self, r: int, hours: int) -> None:
        self.consoles[r].close()
        self.offsets[r] = hours * HOUR_MS
        self.consoles[r] = Console.open(self.root / NAMES[r], now_ms=self._clock(r))
        self.dirty.add(r)

    # --- exchanges ---------------------------------------------------------------------

    @rule(r=st.integers(0, 2), since=st.none() | st.integers(0, 2))
    def export(self, r: int, since: int | None) -> None:
        path = self._path(f"from-{NAMES[r]}")
        since_file = None
        if since is not None and since != r:
            since_file = self.root / f"vector-{self.counter}.json"
            bundles_service.write_vector(self.consoles[since], since_file)
        bundles_service.export_bundle(self.consoles[r], path, since_file=since_file)
        self.bundles.append(path)

    @precondition(lambda self: self.bundles)
    @rule(r=st.integers(0, 2), data=st.data(), twice=st.booleans())
    def import_bundle(self, r: int, data: st.DataObject, twice: bool) -> None:
        path = data.draw(st.sampled_from(self.bundles))
        bundles_service.import_bundle(self.consoles[r], path)
        if twice:
            bundles_service.import_bundle(self.consoles[r], path)
        self.dirty.add(r)

    @precondition(lambda self: self.bundles)
    @rule(
        r=st.integers(0, 2),
        data=st.data(),
        damage=st.sampled_from(["truncate", "flip", "forge"]),
    )
    def import_damaged(self, r: int, data: st.DataObject, damage: str) -> None:
        source = data.draw(st.sampled_from(self.bundles))
        raw = source.read_bytes()
        bad = self.root / f"bad-{self.counter}.bundle"
        self.counter += 1
        if damage == "truncate":
            # Positions are drawn independently of the file's size, which varies from run to
            # run (fresh keys and ids), so that Hypothesis can replay a case exactly.
            bad.write_bytes(raw[: data.draw(st.integers(0, 2**20)) % len(raw)])
        elif damage == "flip":
            flipped = bytearray(raw)
            position = data.draw(st.integers(0, 2**20)) % len(raw)
            flipped[position] ^= 1 << data.draw(st.integers(0, 7))
            bad.write_bytes(bytes(flipped))
        else:
            _manifest, lines = bundle_format.read_bundle(source)
            if not lines:
                return
            victim = data.draw(st.integers(0, 2**20)) % len(lines)
            forged_id = f"forged-{self.counter}"
            self.forged.add(forged_id)

            def forge(raw_events: list[dict[str, Any]]) -> None:
                raw_events[victim]["event_id"] = forged_id
                raw_events[victim]["payload"]["forged"] = True

            # Re-signed with a trusted laptop's key (a stranger's bundle would not be read).
            repack(source, bad, key=Env.keys.devices["C"], edit=forge)
        console = self.consoles[r]
        before = (events(console), sync_shared.local_vector(console), snapshot(console))
        with pytest.raises(ServiceError, match="Nothing was imported"):
            bundles_service.import_bundle(console, bad)
        assert (events(console), sync_shared.local_vector(console), snapshot(console)) == before

    @precondition(lambda self: self.hub_url is not None)
    @rule(r=st.integers(0, 2))
    def hub_sync(self, r: int) -> None:
        hub_service.sync_hub(self.consoles[r], self.hub_url)
        self.dirty.add(r)

    # --- invariants ----------------------------------------------------------------------

    @invariant()
    def nothing_lost_nothing_forged(self) -> None:
        for r in sorted(self.dirty):
            if r >= len(self.consoles):
                continue
            console = self.consoles[r]
            now = {k: e for k, (e, _f) in events(console).items()}
            assert all(now.get(k) == e for k, e in self.seen[r].items()), "an event disappeared"
            assert not self.forged & set(now.values()), "a forged event was applied"
            vector = sync_shared.local_vector(console)
            assert all(vector.get(o, 0) >= n for o, n in self.vectors[r].items()), (
                "vector went back"
            )
            assert problems(console) == [], problems(console)
            self.seen[r], self.vectors[r] = now, vector
        self.dirty.clear()


def _run_machine(
    keys: Keys, empty_template: Path, request: pytest.FixtureRequest, examples: int
) -> None:
    Env.keys = keys
    Env.template = empty_template
    Env.cluster = None
    if pgcluster.missing_reason() is None:
        Env.cluster = request.getfixturevalue("pg_cluster")
    run_state_machine_as_test(
        SyncMachine,
        settings=settings(
            max_examples=examples,
            stateful_step_count=25,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            phases=PHASES,
        ),
    )


def test_laptops_converge_under_random_work_exchanges_and_faults(
    keys: Keys, empty_template: Path, request: pytest.FixtureRequest
) -> None:
    _run_machine(keys, empty_template, request, int(os.environ.get("SYNC_MACHINE_EXAMPLES", "25")))


@pytest.mark.soak
def test_laptops_converge_over_a_long_run(
    keys: Keys, empty_template: Path, request: pytest.FixtureRequest
) -> None:
    """The same machine at soak length (HISCONSOLE_SOAK=1 or --soak)."""
    _run_machine(
        keys, empty_template, request, int(os.environ.get("SYNC_MACHINE_SOAK_EXAMPLES", "500"))
    )


def test_level_changes_arriving_in_different_orders_end_the_same(
    keys: Keys, empty_template: Path
) -> None:
    """Found by hand before the machine did: a chain of level changes (the first made on a
    laptop whose clock ran fast, the next on top of it with an earlier stamp) and a
    concurrent change ended at different levels on laptops that heard them in other orders."""
    Env.keys, Env.template, Env.cluster = keys, empty_template, None
    machine = SyncMachine()
    machine.start()
    a, b, c = machine.consoles
    incident, _ = incidents.declare(a, level="III", title="HIS down", systems=["HIS"])
    declared = machine._path("declared")
    bundles_service.export_bundle(a, declared)
    for console in (b, c):
        bundles_service.import_bundle(console, declared)
    machine.jump_clock(1, 8)  # B's clock runs 8 hours fast
    b = machine.consoles[1]
    incidents.change_level(b, incident, "II")
    fast = machine._path("fast")
    bundles_service.export_bundle(b, fast)
    bundles_service.import_bundle(a, fast)
    incidents.change_level(a, incident, "I")  # on top of B's change, with an earlier stamp
    incidents.change_level(c, incident, "IV")  # apart, on the declared level
    chain, apart = machine._path("chain"), machine._path("apart")
    bundles_service.export_bundle(a, chain)
    bundles_service.export_bundle(c, apart)
    bundles_service.import_bundle(a, apart)  # A: the chain, then C's change
    bundles_service.import_bundle(c, chain)  # C: its change, then the chain
    bundles_service.import_bundle(b, apart)
    bundles_service.import_bundle(b, chain)

    levels = {incidents.show(x, incident)["level"] for x in machine.consoles}
    machine.teardown()  # a full exchange: every laptop must show the same state and clocks
    assert len(levels) == 1, levels
