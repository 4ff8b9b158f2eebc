"""Alerts come from conditions and clear by themselves; acknowledging one is an event."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from hisconsole.i18n import speaking
from hisconsole.i18n.formats import format_datetime
from hisconsole.services import alerts, forms, incidents, response
from hisconsole.services.console import Console, ServiceError
from hisconsole.store.models import Event
from tests.support import Clock


def event_count(console: Console) -> int:
    with console.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Event)) or 0)


def kinds(console: Console) -> list[str]:
    return [a.kind for a in alerts.current(console).alerts]


def test_a_report_alert_turns_due_soon_then_overdue_and_clears_when_made(
    timed: Console, clock: Clock
) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS down")
    now = alerts.current(timed)
    assert now.alerts == []
    # Read again when the clock turns amber (a third of the 10 minutes left).
    assert now.changes_at == dt.datetime(2026, 11, 25, 2, 6, 40, tzinfo=dt.UTC)
    clock.advance(7)
    (soon,) = alerts.current(timed).alerts
    assert (soon.kind, soon.severity, soon.incident) == ("report-due-soon", "warning", inc)
    assert soon.params == {
        "incident": inc,
        "report": "initial",
        "level": "II",
        "due_at": "2026-11-25T02:10:00+00:00",
    }
    # Said in local time as the reader writes it (the params keep the moment).
    due = format_datetime("2026-11-25T02:10:00+00:00", "en")
    assert alerts.describe(soon) == f"{inc}: initial report (level II) due at {due}"
    with speaking("zh"):
        due = format_datetime(soon.params["due_at"], "zh")
        assert alerts.describe(soon) == f"{inc}：首报（II 级）应于 {due} 上报"
    clock.advance(4)
    (overdue,) = alerts.current(timed).alerts
    assert (overdue.kind, overdue.severity) == ("report-overdue", "urgent")
    # The same condition read again is the same alert (the screen notifies once).
    assert alerts.current(timed).keys() == [overdue.key]
    incidents.record_report(timed, inc, recipient="HQ", channel="phone")
    assert alerts.current(timed).alerts == []


def test_resolving_clears_every_report_alert(timed: Console, clock: Clock) -> None:
    inc, _ = incidents.declare(timed, level="I", title="Power")
    clock.advance(11)
    assert kinds(timed) == ["report-overdue"]
    incidents.resolve(timed, inc)
    assert kinds(timed) == []


def test_acknowledging_records_who_and_when_and_the_alert_stays_until_it_clears(
    timed: Console, clock: Clock
) -> None:
    inc, _ = incidents.declare(timed, level="II", title="HIS down")
    clock.advance(11)
    (overdue,) = alerts.current(timed).alerts
    alerts.acknowledge(timed, overdue.key)
    (seen,) = alerts.current(timed).alerts
    assert seen.key == overdue.key and seen.acknowledged
    assert (seen.acknowledged_by, seen.acknowledged_at) == (
        "Wang Fang",
        "2026-11-25T02:11:00+00:00",
    )
    before = event_count(timed)
    with pytest.raises(ServiceError, match="already acknowledged by Wang Fang"):
        alerts.acknowledge(timed, overdue.key)
    incidents.record_report(timed, inc, recipient="HQ", channel="phone")
    with pytest.raises(ServiceError, match="already cleared"):
        alerts.acknowledge(timed, overdue.key)
    with pytest.raises(ServiceError, match="already cleared"):
        alerts.acknowledge(timed, "report-overdue:nonsense")
    assert event_count(timed) == before + 1  # the report only


def test_the_alternate_is_due_when_the_wait_passes_and_clears_when_reached(
    timed: Console, clock: Clock
) -> None:
    inc, _ = incidents.declare(timed, level="I", title="Data centre power loss")
    incidents.record_report(timed, inc, recipient="HQ", channel="phone")
    run = response.start_callout(timed, inc, "level-1-2")
    (view,) = response.callouts(timed, inc)
    slot = next(s for s in view["slots"] if s["path"] == "1.1" and s["alternate"])
    response.record_call(timed, run, slot["person"]["key"], "no-answer")
    found = alerts.current(timed)
    assert found.alerts == []
    assert found.changes_at == dt.datetime.fromisoformat(
        next(s for s in response.callouts(timed, inc)[0]["slots"] if s["path"] == "1.1")[
            "escalate_at"
        ]
    )
    clock.advance(view["wait_minutes"])
    (due,) = alerts.current(timed).alerts
    assert (due.kind, due.severity) == ("escalation-due", "urgent")
    assert due.params["alternate"] == slot["alternate"]["name"]
    assert due.params["person"] == slot["person"]["name"]
    assert "not reached in" in alerts.describe(due)
    response.record_call(timed, run, slot["alternate"]["key"], "reached")
    assert kinds(timed) == []


def test_paper_stock_low_until_counted_again(timed: Console) -> None:
    rows = {r["template"]: r for r in forms.stock(timed)}
    code = next(c for c, r in rows.items() if r["need_8h"] > 1)
    forms.count_stock(timed, code, 1)
    (low,) = alerts.current(timed).alerts
    assert low.kind == "paper-stock-low"
    assert (low.params["on_hand"], low.params["need"]) == (1, rows[code]["need_8h"])
    forms.count_stock(timed, code, rows[code]["need_8h"] + 100)
    assert kinds(timed) == []


def test_a_new_count_still_low_is_a_new_alert(timed: Console, clock: Clock) -> None:
    code = next(r["template"] for r in forms.stock(timed) if r["need_8h"] > 2)
    forms.count_stock(timed, code, 1)
    (first,) = alerts.current(timed).alerts
    alerts.acknowledge(timed, first.key)
    clock.advance(60)
    forms.count_stock(timed, code, 2)
    (second,) = alerts.current(timed).alerts
    assert second.key != first.key and not second.acknowledged
