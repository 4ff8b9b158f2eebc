"""Publishing a plan compares content: an unchanged plan is unchanged on every laptop."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.services.sync import bundles as bundles_service
from tests.sync.conftest import load_plan
from tests.sync.helpers import events

Laptops = Callable[..., Console]


def _exchange(source: Console, target: Console, path: Path) -> None:
    bundles_service.export_bundle(source, path)
    bundles_service.import_bundle(target, path)


def test_reimporting_an_unchanged_plan_after_sync_publishes_nothing_on_either_laptop(
    laptops: Laptops, tmp_path: Path
) -> None:
    # Both laptops loaded the bundled plan at set-up, so after the exchange every
    # plan item holds two values with the same content (one from each laptop).
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    load_plan(b)
    _exchange(b, a, tmp_path / "b.bundle")
    _exchange(a, b, tmp_path / "a.bundle")
    exported = tmp_path / "plan.yaml"
    plan_service.export_file(a, exported)

    for laptop in (a, b):
        before = events(laptop)
        result = plan_service.import_file(laptop, exported)

        assert (result.version, result.added, result.changed, result.removed) == (None, [], [], [])
        assert events(laptop) == before
        assert [v["version"] for v in plan_service.versions(laptop)] == [1]


def test_a_real_change_after_sync_is_published_as_exactly_that_change(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    load_plan(b)
    _exchange(b, a, tmp_path / "b.bundle")
    doc = plan_service.require_document(a)
    doc["levels"][0]["name"]["en"] = "Most severe"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(doc), encoding="utf-8")

    result = plan_service.import_file(a, edited)

    assert result.version == 2
    assert (result.added, result.changed, result.removed) == ([], ["levels/I"], [])
