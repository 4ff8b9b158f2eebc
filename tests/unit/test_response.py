"""Intake, messages, checklists and call-out through the services."""

from __future__ import annotations

import pytest

from hisconsole.services import incidents, response
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.maintenance import check
from tests.support import Clock


def test_a_report_is_logged_first_and_its_receipt_starts_the_clock(
    timed: Console, clock: Clock
) -> None:
    report = response.receive_report(
        timed,
        reporter="Nurse Li",
        department="Ward 5",
        what="Cannot open orders in HIS",
        systems=["HIS"],
    )
    assert response.reports(timed, open_only=True)[0]["id"] == report
    clock.advance(7)
    inc = response.declare_from_report(timed, report, level="II", title="HIS orders down")
    shown = incidents.show(timed, inc)
    assert shown["reported_at"] == "2026-11-25T02:00:00+00:00"
    assert shown["clocks"][0]["due_at"] == "2026-11-25T02:10:00+00:00"
    assert shown["clocks"][0]["state"] == "amber"  # 3 of 10 minutes left
    assert [s["code"] for s in shown["systems"]] == ["HIS"]
    assert response.reports(timed)[0]["status"] == "declared"
    with pytest.raises(ServiceError, match="already assessed"):
        response.dismiss_report(timed, report, "duplicate")


def test_reports_can_be_attached_or_closed_as_no_incident(timed: Console) -> None:
    inc, _ = incidents.declare(timed, level="III", title="PACS slow", systems=["PACS"])
    first = response.receive_report(timed, reporter="Dr Wu", department="Radiology", what="Slow")
    second = response.receive_report(
        timed, reporter="Clerk", department="Billing", what="Printer jam"
    )
    response.attach_report(timed, first, inc)
    with pytest.raises(ServiceError, match="reason"):
        response.dismiss_report(timed, second, " ")
    response.dismiss_report(timed, second, "Local printer fault, not an IT incident")
    statuses = {r["id"]: r["status"] for r in response.reports(timed)}
    assert statuses == {first: "attached", second: "no-incident"}
    assert "Dr Wu" in incidents.show(timed, inc)["log"][-1]["text"]


def test_checklists_come_from_the_playbook_by_level_and_grow_on_escalation(timed: Console) -> None:
    inc, _ = incidents.declare(
        timed, level="III", title="LIS down", systems=["LIS"], scenario="lis-down"
    )
    items = response.checklist(timed, inc)
    assert {i["group"] for i in items} == {"hq", "tech", "business"}
    at_three = len(items)
    incidents.change_level(timed, inc, "I", "whole lab offline")
    items = response.checklist(timed, inc)
    assert len(items) > at_three  # level-I-only steps added, none doubled
    assert len({i["item"] for i in items}) == len(items)
    step = items[0]
    response.assign(timed, step["item"], "Zhao Lei")
    response.tick(timed, step["item"])
    added = response.add_step(timed, inc, "business", "Send runner to collect lab paper forms")
    items = {i["item"]: i for i in response.checklist(timed, inc)}
    assert items[step["item"]]["done"] and items[step["item"]]["done_by"] == "Wang Fang"
    assert items[step["item"]]["assignee"] == "Zhao Lei"
    assert items[added]["text"]["en"] == "Send runner to collect lab paper forms"
    response.tick(timed, step["item"], done=False)
    assert not {i["item"]: i for i in response.checklist(timed, inc)}[step["item"]]["done"]
    assert check(timed).ok


def test_messages_with_replies(timed: Console) -> None:
    inc, _ = incidents.declare(timed, level="II", title="EMR down", systems=["EMR"])
    msg = response.send_message(
        timed,
        inc,
        sender="Command HQ",
        recipient="Ward 3",
        text="Switch to paper MAR",
        priority="urgent",
        reply_required=True,
    )
    response.reply_message(timed, msg, "Done at 02:05")
    (shown,) = response.messages(timed, inc)
    assert shown["priority"] == "urgent" and shown["reply"] == "Done at 02:05"
    assert shown["replied_by"] == "Wang Fang"
    with pytest.raises(ServiceError, match="priority"):
        response.send_message(timed, inc, sender="a", recipient="b", text="c", priority="asap")


def test_call_out_escalates_to_the_alternate_after_the_wait_time(
    timed: Console, clock: Clock
) -> None:
    inc, _ = incidents.declare(timed, level="I", title="Data centre power loss")
    run = response.start_callout(timed, inc, "level-1-2")
    (view,) = response.callouts(timed, inc)
    assert view["reached"] == 0 and view["total"] >= 20
    root = view["slots"][0]
    assert view["next"][0]["person"]["key"] == root["person"]["key"]
    response.record_call(timed, run, root["person"]["key"], "reached")
    (view,) = response.callouts(timed, inc)
    assert view["reached"] == 1
    child = next(s for s in view["slots"] if s["path"] == "1.1" and s["alternate"])
    response.record_call(timed, run, child["person"]["key"], "no-answer")
    clock.advance(4)
    (view,) = response.callouts(timed, inc)
    slot = next(s for s in view["slots"] if s["path"] == child["path"])
    assert not slot["escalated"]
    clock.advance(1)
    (view,) = response.callouts(timed, inc)
    slot = next(s for s in view["slots"] if s["path"] == child["path"])
    assert slot["escalated"] and slot["to_call"] == child["alternate"]["key"]
    assert view["next"][0]["person"]["key"] == child["alternate"]["key"]
    with pytest.raises(ServiceError, match="not in this call tree"):
        response.record_call(timed, run, "nobody", "reached")
