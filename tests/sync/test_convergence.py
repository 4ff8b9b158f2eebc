"""Convergence cases that once failed: concurrent publishing, a laptop with a fast
clock, and a device accepted later. The projections must give the same state
whatever order the events arrive in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hisconsole.domain.hlc import wall_clock_ms
from hisconsole.services import incidents
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console, Operator
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.services.sync import devices as devices_service
from tests.sync.conftest import load_plan
from tests.sync.helpers import problems, snapshot

Laptops = Callable[..., Console]


def _exchange(source: Console, target: Console, path: Path) -> None:
    bundles_service.export_bundle(source, path)
    bundles_service.import_bundle(target, path)


def test_two_editors_publishing_the_plan_at_once_end_with_the_same_versions(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    _exchange(a, b, tmp_path / "plan.bundle")
    for console, owner in ((a, "Owner set on A"), (b, "Owner set on B")):
        doc = plan_service.require_document(console)
        doc["meta"]["owner"]["en"] = owner
        plan_service.import_document(console, doc)
    _exchange(a, b, tmp_path / "a.bundle")
    _exchange(b, a, tmp_path / "b.bundle")

    assert snapshot(a)["plan_versions"] == snapshot(b)["plan_versions"]


def test_a_level_change_on_an_incident_declared_with_a_fast_clock_takes_effect(
    laptops: Laptops, tmp_path: Path
) -> None:
    a = laptops("A")
    fast = laptops("B", now_ms=lambda: wall_clock_ms() + 5 * 3600 * 1000)
    load_plan(a)
    _exchange(a, fast, tmp_path / "plan.bundle")
    incident, _ = incidents.declare(fast, level="III", title="Declared with a fast clock")
    _exchange(fast, a, tmp_path / "fast.bundle")

    incidents.change_level(a, incident, "I")

    assert incidents.show(a, incident)["level"] == "I"


def test_accepting_a_device_later_gives_the_same_state_as_trusting_it_from_the_start(
    laptops: Laptops, tmp_path: Path
) -> None:
    rogue, b, c = laptops("R", trusted=False), laptops("B"), laptops("C")
    load_plan(rogue)
    load_plan(b)
    incident, _ = incidents.declare(rogue, level="III", title="Visiting laptop's incident")
    _exchange(rogue, b, tmp_path / "r.bundle")
    b.operator = Operator("Commander B", "commander")
    devices_service.accept_device(b, rogue.device_id)
    incidents.change_level(b, incident, "I")
    _exchange(b, c, tmp_path / "b.bundle")  # C holds the rogue's events in quarantine
    c.operator = Operator("Commander C", "commander")
    devices_service.accept_device(c, rogue.device_id)

    assert problems(c) == []
    assert incidents.show(c, incident)["level"] == incidents.show(b, incident)["level"]


def test_a_level_change_overridden_by_another_laptops_does_not_move_the_clocks(
    laptops: Laptops, tmp_path: Path
) -> None:
    a = laptops("A")
    b = laptops("B", now_ms=lambda: wall_clock_ms() + 60_000)  # B decides a minute later
    load_plan(a)
    incident, _ = incidents.declare(a, level="IV", title="LIS slow")
    _exchange(a, b, tmp_path / "declared.bundle")
    incidents.change_level(a, incident, "III")  # apart: overridden by B's later decision
    incidents.change_level(b, incident, "I")
    _exchange(a, b, tmp_path / "a.bundle")
    _exchange(b, a, tmp_path / "b.bundle")

    for console in (a, b):
        shown = incidents.show(console, incident)
        assert shown["level"] == "I"
        history = [(h["level"], h["overridden"]) for h in shown["level_history"][1:]]
        assert history == [("III", True), ("I", False)]
        # The clocks: the initial report at IV, restarted by level I; none for III.
        assert [(c["kind"], c["level"]) for c in shown["clocks"]] == [
            ("initial", "IV"),
            ("initial", "I"),
        ]
