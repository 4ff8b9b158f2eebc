"""A drill's injects and its score card reach the other laptops like any event."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hisconsole.services import response
from hisconsole.services.console import Console
from hisconsole.services.drills import run as drills
from hisconsole.services.drills import score
from hisconsole.services.sync import bundles as bundles_service
from tests.support import Clock
from tests.sync.conftest import load_plan
from tests.sync.helpers import problems, snapshot


def test_a_drill_played_on_one_laptop_is_seen_and_scored_on_the_other(
    laptops: Callable[..., Console], tmp_path: Path
) -> None:
    clock = Clock()
    a, b = laptops("A", now_ms=clock), laptops("B", now_ms=clock)
    load_plan(a)
    drill = drills.start(a, "lis-down", speed=60)
    clock.advance(2 / 60)
    assert drills.tick(a, drill) == ["lab-results-stuck"]
    intake = drills.read(a, drill).injects[0]["refs"]["intake"]
    incident = response.declare_from_report(a, intake, level="III", title="LIS down")
    clock.advance(6 / 60)
    assert drills.tick(a, drill) == ["lis-down-status"]
    drills.end(a, drill)

    bundles_service.export_bundle(a, tmp_path / "a.bundle")
    bundles_service.import_bundle(b, tmp_path / "a.bundle")

    seen = drills.state(b, drill)
    assert seen["incident"] == incident and seen["state"] == "ended"
    assert [i["state"] for i in seen["injects"][:2]] == ["delivered", "delivered"]
    assert [r["id"] for r in response.reports(b)] == [intake]
    kept = score.card_of(b, drill)
    assert kept == score.card_of(a, drill)
    assert kept["declared_minutes"] == 2.0 and kept["first_report_minutes"] == 2.0
    assert snapshot(a) == snapshot(b)
    assert problems(b) == []
