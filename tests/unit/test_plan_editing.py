"""Editing the plan: plan editors only, every edit an event, versions and readable diffs."""

from __future__ import annotations

import pytest

from hisconsole.domain.plan import PlanInvalid
from hisconsole.domain.plan_diff import describe
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console, ServiceError


def test_only_plan_editors_may_edit(console: Console) -> None:
    console.sign_in("Li Na", "commander")
    doc = plan_service.require_document(console)
    with pytest.raises(ServiceError, match="plan-editor"):
        plan_service.edit_item(console, "levels/III", doc["levels"][2])
    with pytest.raises(ServiceError, match="plan-editor"):
        plan_service.publish(console)


def test_edit_publish_and_see_what_changed(console: Console) -> None:
    console.sign_in("Sun Hao", "plan-editor")
    doc = plan_service.require_document(console)
    level = dict(doc["levels"][2], report_minutes=20)
    plan_service.edit_item(console, "levels/III", level)
    scenario = doc["scenarios"][0]
    steps = [
        *scenario["steps"],
        {
            "group": "tech",
            "levels": ["I"],
            "text": {"zh": "启用卫星链路", "en": "Bring up the satellite link"},
        },
    ]
    plan_service.edit_item(console, f"scenarios/{scenario['code']}", dict(scenario, steps=steps))
    version = plan_service.publish(console, "Level III reporting 20 min")
    assert version == 2
    assert plan_service.publish(console) is None  # nothing new
    diffs = plan_service.diff_versions(console, 1, 2)
    assert [d.section for d in diffs] == ["levels", "scenarios"]
    lines = describe(diffs)
    assert "    report_minutes: 30 -> 20" in lines
    assert any("启用卫星链路" in line for line in lines)
    (latest,) = [v for v in plan_service.versions(console) if v["version"] == 2]
    assert latest["author"] == "Sun Hao" and latest["note"] == "Level III reporting 20 min"


def test_invalid_edits_are_refused(console: Console) -> None:
    console.sign_in("Sun Hao", "plan-editor")
    doc = plan_service.require_document(console)
    with pytest.raises(PlanInvalid, match="report_minutes"):
        plan_service.edit_item(console, "levels/I", dict(doc["levels"][0], report_minutes=0))
    with pytest.raises(ServiceError, match="No plan section"):
        plan_service.edit_item(console, "weather/today", {})
    assert plan_service.require_document(console) == doc


def test_a_new_resource_goes_after_the_others(console: Console) -> None:
    console.sign_in("Sun Hao", "plan-editor")
    doc = plan_service.require_document(console)
    item = dict(doc["resources"][0], code="sat-phone-2", quantity=1)
    plan_service.edit_item(console, "resources/sat-phone-2", item)
    assert plan_service.require_document(console)["resources"][-1]["code"] == "sat-phone-2"
