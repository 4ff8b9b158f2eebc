"""Call-out rules: cascade order, escalation to the alternate after the wait time."""

from __future__ import annotations

import datetime as dt

from hisconsole.domain import callout as co

T0 = dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.UTC)
TREE = [
    {
        "contact": "duty",
        "alternate": None,
        "children": [
            {"contact": "director", "alternate": "deputy", "children": [{"contact": "commander"}]},
            {"contact": "network", "alternate": "server"},
        ],
    }
]


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def state(attempts: list[co.Attempt], now: float) -> co.CalloutState:
    return co.compute(TREE, attempts, wait_minutes=5, now=at(now))


def test_cascade_starts_at_the_root_and_opens_children_when_reached() -> None:
    s = state([], 0)
    assert [x.to_call for x in s.next_calls()] == ["duty"]
    assert (s.reached, s.total) == (0, 4)
    s = state([co.Attempt("duty", co.REACHED, at(1))], 1)
    assert [x.to_call for x in s.next_calls()] == ["director", "network"]
    assert s.reached == 1


def test_no_answer_escalates_to_the_alternate_only_after_the_wait_time() -> None:
    calls = [co.Attempt("duty", co.REACHED, at(0)), co.Attempt("director", co.NO_ANSWER, at(1))]
    before = state(calls, 5.9)
    director = before.slots[1]
    assert not director.escalated and director.escalate_at == at(6)
    after = state(calls, 6)
    director = after.slots[1]
    assert director.escalated and director.to_call == "deputy"
    assert after.next_calls()[0].to_call == "deputy"  # never-tried first


def test_declined_escalates_at_once_and_reaching_the_alternate_fills_the_slot() -> None:
    calls = [
        co.Attempt("duty", co.REACHED, at(0)),
        co.Attempt("director", co.DECLINED, at(1)),
        co.Attempt("deputy", co.REACHED, at(2)),
    ]
    s = state(calls, 2)
    assert s.slots[1].reached and s.slots[1].escalated
    assert "commander" in [x.to_call for x in s.next_calls()]
    assert s.reached == 2


def test_a_person_without_alternate_stays_to_call() -> None:
    s = state([co.Attempt("duty", co.NO_ANSWER, at(0))], 30)
    assert [x.to_call for x in s.next_calls()] == ["duty"]
    assert not s.slots[0].escalated
