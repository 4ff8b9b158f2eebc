"""Every bundled drill scenario played at x60 by a scripted team, on time and late: the
score card says what the team did. The project's end-to-end test of the plan's rules."""

from __future__ import annotations

import pytest

from hisconsole.domain import drills as rules
from hisconsole.services import incidents
from hisconsole.services.console import Console
from hisconsole.services.drills import run as drills
from hisconsole.services.drills import scenarios
from hisconsole.services.drills.score import score_card
from hisconsole.store import eventlog, projections
from tests.scenarios.team import SPEED, Team
from tests.support import Clock

CODES = [doc["code"] for doc in scenarios.bundled()]


def _results(card: dict) -> dict[str, dict]:
    return {o["kind"]: o for o in card["objectives"]}


@pytest.mark.parametrize("late", [False, True], ids=["on-time", "late"])
@pytest.mark.parametrize("code", CODES)
def test_scenario_scored_as_played(timed: Console, clock: Clock, code: str, late: bool) -> None:
    drill = drills.start(timed, code, speed=SPEED)
    team = Team(timed, clock, drill, late)
    team.play()

    run = drills.read(timed, drill)
    assert run.state == drills.ENDED
    assert run.incident == team.incident
    assert incidents.show(timed, run.incident)["exercise"] is True
    card = run_card = score_card(timed, drill)
    # The card kept with the drill when it ended is the one measured now.
    kept = next(r for r in drills.runs(timed) if r["drill"] == drill)
    assert kept["summary"] == run_card["summary"]
    assert card["first_report_minutes"] == team.first_report
    assert card["declared_minutes"] == team.did["declared"]
    got = _results(card)

    declared = got[rules.OBJ_DECLARED]
    assert declared["measured"] == team.did["declared"] - team.first_report
    assert declared["result"] == (rules.PARTLY if late else rules.MET)

    initial = got[rules.OBJ_INITIAL_REPORT]
    assert initial["measured"] == team.reports[0] - team.first_report
    if late:
        assert (initial["result"], initial["detail"]["state"]) == (rules.PARTLY, "late")
        assert initial["detail"]["late_minutes"] == 3
    else:
        assert (initial["result"], initial["detail"]["state"]) == (rules.MET, "on-time")
    made = [c["made_minutes"] for c in card["clocks"] if c["made_minutes"] is not None]
    assert made == team.reports

    # Every report after the first was a follow-up owed (the team resolves before the next
    # one falls due): on time 2 minutes early, or late by 3.
    owed = len(team.reports) - 1
    late_by = [c["late_minutes"] for c in card["clocks"] if c["state"] == "late"]
    assert late_by == ([3] * len(team.reports) if late else [])
    if rules.OBJ_FOLLOWUPS in got:
        followups = got[rules.OBJ_FOLLOWUPS]
        assert followups["detail"] == {
            "owed": owed,
            "on_time": 0 if late else owed,
            "missed": 0,
        }
        expected = rules.PARTLY if late and owed else rules.MET
        assert followups["result"] == expected
        assert followups["measured"] == (0.0 if late and owed else 100.0)

    callout = got[rules.OBJ_CALLOUT]
    people = card["callout"]["people"]
    assert callout["detail"]["total"] == len(people) > 0
    for person in people:
        if person["person"] in team.reached and person["reached_minutes"] is not None:
            assert person["reached_minutes"] <= team.reached[person["person"]]
    if late:
        assert callout["result"] != rules.MET
        assert callout["detail"]["reached_within"] < callout["detail"]["total"]
    else:
        assert (callout["result"], callout["measured"]) == (rules.MET, 100.0)

    checklist = got[rules.OBJ_CHECKLIST]
    assert card["checklist"] == {"done": team.did["ticked"], "total": team.did["checklist_total"]}
    assert checklist["measured"] == round(100 * team.did["ticked"] / team.did["checklist_total"], 1)
    assert checklist["result"] == (rules.NOT_MET if late else rules.MET)

    if rules.OBJ_FORMS in got:
        issued = got[rules.OBJ_FORMS]
        wards = issued["target"]["wards"]
        assert issued["detail"]["wards_served"] == len(wards)
        assert (issued["result"], issued["measured"]) == (
            (rules.PARTLY, 0.0) if late else (rules.MET, 100.0)
        )
        assert card["forms"]["issued"] == 2 * len(wards)
        assert {d["department"] for d in card["forms"]["departments"]} == set(wards)
        assert all(d["first_minutes"] == team.did["forms"] for d in card["forms"]["departments"])
    if rules.OBJ_BACKENTRY in got:
        back = got[rules.OBJ_BACKENTRY]
        assert card["forms"]["entered"] == (0 if late else card["forms"]["issued"])
        assert (back["result"], back["measured"]) == (
            (rules.NOT_MET, 0.0) if late else (rules.MET, 100.0)
        )
    with timed.db.write() as session:
        # The drill's tables, like every projection, are what a rebuild of the log makes.
        incremental = projections.snapshot(session)
        eventlog.rebuild(session)
        assert projections.snapshot(session) == incremental

    summary = card["summary"]
    assert sum(summary.values()) == len(card["objectives"])
    if not late:
        assert summary == {"met": len(card["objectives"]), "partly": 0, "not_met": 0}
