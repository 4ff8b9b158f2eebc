"""Temporary patient numbers across laptops: ranges never collide, statuses converge."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hisconsole.services import numbers
from hisconsole.services.console import Console
from hisconsole.services.sync import bundles as bundles_service
from tests.sync.conftest import load_plan
from tests.sync.helpers import problems, snapshot

Laptops = Callable[..., Console]


def _swap(a: Console, b: Console, folder: Path, name: str) -> None:
    bundles_service.export_bundle(a, folder / f"{name}-a.bundle")
    bundles_service.export_bundle(b, folder / f"{name}-b.bundle")
    bundles_service.import_bundle(b, folder / f"{name}-a.bundle")
    bundles_service.import_bundle(a, folder / f"{name}-b.bundle")


def test_two_laptops_issue_ranges_then_sync_without_a_collision(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, b = laptops("A"), laptops("B")
    load_plan(a)
    numbers.set_ward(a, "W3A", "心内科一病区", "Cardiology ward 1")
    _swap(a, b, tmp_path, "wards")
    issued = []
    for console in (a, b, a, b):  # both laptops issue while apart
        issued += numbers.issue(console, "W3A", 20)
    _swap(a, b, tmp_path, "ranges")
    assert len(set(issued)) == len(issued) == 80
    for console in (a, b):
        assert sorted(r["number"] for r in numbers.listing(console)) == sorted(issued)

    # While apart again: A records a number used, B voids the same one; and B uses
    # a number of A's range. After the sync both laptops agree: void outranks used.
    shared, of_a = issued[0], issued[1]
    numbers.set_status(a, shared, "used")
    numbers.set_status(b, shared, "void", reason="wristband torn")
    numbers.set_status(b, of_a, "used")
    _swap(a, b, tmp_path, "status")
    for console in (a, b):
        rows = {r["number"]: r for r in numbers.listing(console)}
        assert (rows[shared]["status"], rows[shared]["reason"]) == ("void", "wristband torn")
        assert [r["number"] for r in numbers.to_merge(console)] == [of_a]
        assert problems(console) == []
    assert snapshot(a) == snapshot(b)


def test_a_status_that_arrives_before_its_range_waits_for_it(
    laptops: Laptops, tmp_path: Path
) -> None:
    a, b, c = laptops("A"), laptops("B"), laptops("C")
    load_plan(a)
    numbers.set_ward(a, "W5", "五病区", "Ward 5")
    (first,) = numbers.issue(a, "W5", 1)
    bundles_service.export_bundle(a, tmp_path / "a.bundle")
    bundles_service.import_bundle(b, tmp_path / "a.bundle")
    numbers.set_status(b, first, "used")
    # C hears of the use (relayed by B, with A's events) in one bundle: order does not matter.
    bundles_service.export_bundle(b, tmp_path / "b.bundle")
    bundles_service.import_bundle(c, tmp_path / "b.bundle")
    assert [(r["number"], r["status"]) for r in numbers.listing(c)] == [(first, "used")]
    assert snapshot(b) == snapshot(c)
