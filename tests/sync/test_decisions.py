"""No silent decisions: a concurrent change that sync settles is said in the incident log."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hisconsole.services import incidents
from hisconsole.services.console import Console
from hisconsole.services.sync import bundles as bundles_service
from hisconsole.store import eventlog, projections
from tests.sync.conftest import load_plan
from tests.sync.helpers import problems, snapshot

Laptops = Callable[..., Console]


def _exchange(source: Console, target: Console, path: Path) -> None:
    bundles_service.export_bundle(source, path)
    bundles_service.import_bundle(target, path)


def _overridden(console: Console, incident: str) -> list[dict[str, Any]]:
    return [e for e in incidents.show(console, incident)["log"] if e["kind"] == "overridden"]


def _pair(a: Console, b: Console, tmp_path: Path) -> tuple[Console, Console, str]:
    a.sign_in("Wang Fang", "commander")
    b.sign_in("Li Lei", "commander")
    load_plan(a)
    incident, _ = incidents.declare(a, level="III", title="HIS slow", systems=["HIS"])
    _exchange(a, b, tmp_path / "declared.bundle")
    return a, b, incident


def test_concurrent_level_and_status_changes_are_said_on_both_laptops(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, b, incident = _pair(laptops("A"), laptops("B"), tmp_path)
    # Apart: each laptop decides; B decides later, so B's decisions count.
    incidents.change_level(a, incident, "II", "wards affected")
    incidents.set_system_status(a, incident, "HIS", "up")
    incidents.change_level(b, incident, "I", "whole hospital")
    incidents.set_system_status(b, incident, "HIS", "degraded")

    _exchange(a, b, tmp_path / "a.bundle")
    _exchange(b, a, tmp_path / "b.bundle")

    for laptop in (a, b):
        shown = incidents.show(laptop, incident)
        assert shown["level"] == "I"
        assert {s["code"]: s["status"] for s in shown["systems"]} == {"HIS": "degraded"}
        said = _overridden(laptop, incident)
        assert [(e["data"]["register"], e["system"]) for e in said] == [
            ("level", None),
            ("status", "HIS"),
        ]
        level, status = said
        assert level["data"]["replaced"]["value"] == "II"
        assert level["data"]["replaced"]["author"] == "Wang Fang"
        assert level["data"]["replaced"]["device"] == a.device_id
        assert level["data"]["kept"]["value"] == "I"
        assert level["data"]["kept"]["author"] == "Li Lei"
        assert level["data"]["kept"]["device"] == b.device_id
        assert (status["data"]["replaced"]["value"], status["data"]["kept"]["value"]) == (
            "up",
            "degraded",
        )
        text = incidents.describe_entry(level)
        assert text.startswith("Level II set by Wang Fang on Laptop A")
        assert "replaced by level I set by Li Lei on Laptop B" in text
        assert "HIS up set by Wang Fang on Laptop A" in incidents.describe_entry(status)
    assert snapshot(a) == snapshot(b)
    for laptop in (a, b):
        with laptop.db.write() as session:
            incremental = projections.snapshot(session)
            eventlog.rebuild(session)
            assert projections.snapshot(session) == incremental
        assert problems(laptop) == []


def test_changes_made_one_after_the_other_replace_nothing(laptops: Laptops, tmp_path: Path) -> None:
    a, b, incident = _pair(laptops("A"), laptops("B"), tmp_path)
    incidents.change_level(a, incident, "II", "wards affected")
    incidents.set_system_status(a, incident, "HIS", "degraded")
    _exchange(a, b, tmp_path / "a.bundle")
    incidents.change_level(b, incident, "I", "whole hospital")
    incidents.set_system_status(b, incident, "HIS", "up")
    _exchange(b, a, tmp_path / "b.bundle")

    for laptop in (a, b):
        assert incidents.show(laptop, incident)["level"] == "I"
        assert _overridden(laptop, incident) == []


def test_a_level_change_made_while_another_laptop_resolved_the_incident_is_said(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, b, incident = _pair(laptops("A"), laptops("B"), tmp_path)
    incidents.resolve(a, incident, note="HIS back")
    incidents.change_level(b, incident, "I", "spreading")  # B has not heard of it

    _exchange(a, b, tmp_path / "a.bundle")
    _exchange(b, a, tmp_path / "b.bundle")

    for laptop in (a, b):
        shown = incidents.show(laptop, incident)
        assert shown["status"] == "resolved"
        (said,) = [e for e in _overridden(laptop, incident) if e["data"]["register"] == "state"]
        assert said["data"]["replaced"]["value"] == "I"
        assert said["data"]["replaced"]["author"] == "Li Lei"
        assert said["data"]["kept"]["value"] == "resolved"
        assert said["data"]["kept"]["device"] == a.device_id
        text = incidents.describe_entry(said)
        assert text.startswith("Level I set by Li Lei on Laptop B")
        assert "came after Wang Fang resolved the incident on Laptop A" in text
    assert snapshot(a) == snapshot(b)
    for laptop in (a, b):
        with laptop.db.write() as session:
            incremental = projections.snapshot(session)
            eventlog.rebuild(session)
            assert projections.snapshot(session) == incremental
