"""Alerts that sync raises (a conflict, a quarantined laptop) and acknowledgements that travel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from hisconsole.services import alerts, incidents
from hisconsole.services.console import Console, Operator
from hisconsole.services.sync import bundles, conflicts, devices
from hisconsole.store.models import Contact
from tests.sync.conftest import load_plan

Laptops = Callable[..., Console]


def _exchange(source: Console, target: Console, path: Path) -> None:
    bundles.export_bundle(source, path)
    bundles.import_bundle(target, path)


def test_a_conflict_is_an_alert_on_both_laptops_until_resolved_and_the_ack_travels(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    _exchange(a, b, tmp_path / "plan.bundle")
    for console, mobile in ((a, "13800000001"), (b, "13900000002")):
        with console.transaction() as tx:
            parents = list(tx.session.scalars(select(Contact.event_id)))
            tx.emit(
                "contact.set",
                "contact:zhang",
                {"key": "zhang", "data": {"name": "Zhang", "mobile": mobile}},
                parents=parents,
            )
    _exchange(a, b, tmp_path / "a.bundle")
    _exchange(b, a, tmp_path / "b.bundle")

    (on_a,) = alerts.current(a).alerts
    (on_b,) = alerts.current(b).alerts
    assert on_a.key == on_b.key and on_a.kind == "conflict"
    assert on_a.params == {"table": "contacts", "item": "zhang", "count": 2}

    # Seen on A: B shows who acknowledged it once A's events arrive.
    a.operator = Operator("Li Commander", "commander")
    alerts.acknowledge(a, on_a.key)
    _exchange(a, b, tmp_path / "ack.bundle")
    (seen,) = alerts.current(b).alerts
    assert seen.acknowledged_by == "Li Commander"

    chosen = conflicts.conflicts(b)[0]["values"][0]["event_id"]
    conflicts.resolve_conflict(b, "contacts", "zhang", chosen)
    _exchange(b, a, tmp_path / "resolved.bundle")
    assert alerts.current(a).alerts == [] and alerts.current(b).alerts == []


def test_a_quarantined_laptop_is_an_alert_until_a_commander_accepts_it(
    laptops: Laptops, tmp_path: Path
) -> None:
    a = laptops("A")
    load_plan(a)
    rogue = laptops("R", trusted=False)
    load_plan(rogue)
    incidents.declare(rogue, level="IV", title="Visiting laptop's incident")
    _exchange(rogue, a, tmp_path / "rogue.bundle")

    (held,) = alerts.current(a).alerts
    assert held.kind == "device-quarantined"
    listed = {d.id: d for d in devices.devices(a)}
    assert held.params["bundles"] == listed[rogue.device_id].unread_bundles == 1
    assert rogue.device_id in held.key

    a.operator = Operator("Wang Commander", "commander")
    devices.accept_device(a, rogue.device_id)
    assert [x.kind for x in alerts.current(a).alerts] == []
