"""Drill events from another laptop whose injects the drill tables could not read are held,
never applied (the drill handlers read an inject's code, minute and kind)."""

from __future__ import annotations

import pytest

from hisconsole.domain.event_schemas import payload_problem

GOOD = {"code": "lis-down", "at_minutes": 10.5, "kind": "status", "text": {"zh": "…"}}


@pytest.mark.parametrize(
    "inject",
    [
        {},  # no code
        {"code": ["a"]},
        {"code": "x", "at_minutes": "abc"},
        {"code": "x", "at_minutes": float("nan")},
        {"code": "x", "at_minutes": -1},
        {"code": "x", "at_minutes": True},
        {"code": "x", "kind": {"zh": "状态"}},
        "lis-down",
    ],
)
def test_a_malformed_inject_is_refused_in_every_drill_kind_that_carries_one(
    inject: object,
) -> None:
    at = "2026-12-05T03:00:00+00:00"
    assert payload_problem("drill.inject_added", {"drill": "D1", "inject": inject})
    assert payload_problem(
        "drill.injected",
        {"drill": "D1", "inject": "x", "at": at, "drill_seconds": 60, "data": inject},
    )
    script = {"injects": [GOOD, inject]}
    started = {"drill": "D1", "scenario": "his-down", "speed": 60, "at": at, "script": script}
    assert payload_problem("drill.started", started)


def test_a_well_formed_inject_fits() -> None:
    assert payload_problem("drill.inject_added", {"drill": "D1", "inject": GOOD}) is None
    started = {
        "drill": "D1",
        "scenario": "his-down",
        "speed": 60,
        "at": "2026-12-05T03:00:00+00:00",
        "script": {"injects": [GOOD], "name": {"zh": "演练"}},
    }
    assert payload_problem("drill.started", started) is None
    assert payload_problem("drill.started", {**started, "script": {"name": "no injects"}}) is None
    assert payload_problem("drill.started", {**started, "script": {"injects": "x"}})
