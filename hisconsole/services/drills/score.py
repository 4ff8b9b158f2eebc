"""The drill's score card: each objective judged from the event log, with its figure.

Everything is measured in drill minutes from the drill's start (at speed N one console
minute is N drill minutes; pauses do not count), and the reporting clocks are judged by
the plan's own rule (:func:`hisconsole.domain.incidents.compute_clocks`) on drill time.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from hisconsole.domain import callout as callout_rules
from hisconsole.domain import drills as rules
from hisconsole.domain import incidents as clock_rules
from hisconsole.domain.plan import levels_of
from hisconsole.services import incidents
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.services.contact_rows import contacts_by_key
from hisconsole.services.drills.runs import Run, read
from hisconsole.services.errors import print_language
from hisconsole.services.incident_clocks import clock_fields
from hisconsole.services.incident_rows import iso
from hisconsole.store.folding_drills import DELIVERED
from hisconsole.store.models import Callout, CalloutAttempt, ChecklistItem, FormSerial

#: A reporting clock still running when the drill ended: overdue (missed) or not yet due.
CLOCK_OPEN = "open"


def _ward(name: str) -> str:
    return " ".join(name.split()).casefold()


def score_card(console: Console, drill_id: str) -> dict[str, Any]:
    """The score card of a drill (ended or still running: then measured up to now)."""
    run = read(console, drill_id)
    end = run.ended_at or console.now()
    reports = [
        i
        for i in run.injects
        if i["kind"] == rules.INJECT_REPORT and i["state"] == DELIVERED and i["delivered_at"]
    ]
    first_report = min((run.minutes(i["delivered_at"]) or 0.0 for i in reports), default=None)
    facts = _Facts(console, run, end) if run.incident else None
    objectives = []
    for objective in run.script.get("objectives", []):
        result, measured, unit, detail = _judge(objective, facts, first_report)
        objectives.append(
            {
                "code": objective["code"],
                "kind": objective["kind"],
                "name": rules.objective_name(objective),
                "target": {k: v for k, v in objective.items() if k not in ("code", "kind")},
                "result": result,
                "measured": measured,
                "unit": unit,
                "detail": detail,
            }
        )
    summary = {r: sum(1 for o in objectives if o["result"] == r) for r in rules.RESULTS}
    return {
        "drill": run.id,
        "scenario": run.scenario,
        "name": run.script.get("name", {}),
        "playbook": run.script.get("playbook"),
        "calendar": run.calendar or None,
        "speed": run.speed,
        "incident": run.incident or None,
        "started_at": iso(run.started_at),
        "ended_at": iso(run.ended_at) if run.ended_at else None,
        "drill_minutes": run.minutes(end),
        "first_report_minutes": first_report,
        "declared_minutes": facts.declared if facts else None,
        "objectives": objectives,
        "summary": {
            "met": summary[rules.MET],
            "partly": summary[rules.PARTLY],
            "not_met": summary[rules.NOT_MET],
        },
        "clocks": facts.clocks if facts else [],
        "callout": facts.callout if facts else None,
        "checklist": facts.checklist if facts else {"done": 0, "total": 0},
        "forms": facts.forms if facts else _no_forms(),
        "injects": [
            {
                "code": i["code"],
                "kind": i["kind"],
                "at_minutes": i["at_minutes"],
                "state": i["state"],
                "arrived_minutes": round(i["drill_seconds"] / 60, 1)
                if i["state"] == DELIVERED and i["drill_seconds"] is not None
                else None,
            }
            for i in run.injects
        ],
    }


def _no_forms() -> dict[str, Any]:
    return {"issued": 0, "entered": 0, "void": 0, "outstanding": 0, "departments": []}


class _Facts:
    """What the team did in the drill's incident, in drill minutes."""

    def __init__(self, console: Console, run: Run, end: dt.datetime) -> None:
        self.run = run
        data = incidents.show(console, run.incident)
        self.declared = run.minutes(data["declared_at"])
        self.clocks = self._clocks(console, data, end)
        with console.db.read() as session:
            items = session.scalars(
                select(ChecklistItem).where(ChecklistItem.incident_id == run.incident)
            ).all()
            self.checklist = {
                "done": sum(1 for i in items if i.done),
                "total": len(items),
            }
            sheets = session.scalars(
                select(FormSerial).where(FormSerial.incident_id == run.incident)
            ).all()
            callout = session.scalars(
                select(Callout)
                .where(Callout.incident_id == run.incident)
                .order_by(Callout.started_at)
                .limit(1)
            ).first()
            attempts = (
                session.scalars(
                    select(CalloutAttempt).where(CalloutAttempt.callout_id == callout.id)
                ).all()
                if callout
                else []
            )
            self.callout = self._callout(console, callout, attempts) if callout else None
        self.forms = self._forms(sheets)

    def _clocks(
        self, console: Console, data: Mapping[str, Any], end: dt.datetime
    ) -> list[dict[str, Any]]:
        run = self.run
        result = []
        for clock, state in _judged_clocks(console, run, data, end):
            result.append(
                {
                    "kind": clock.kind,
                    "level": clock.level,
                    "started_minutes": _minutes(run, clock.started_at),
                    "due_minutes": _minutes(run, clock.due_at),
                    "made_minutes": _minutes(run, clock.met_at) if clock.met_at else None,
                    "state": state,
                    "late_minutes": clock_rules.late_minutes(clock.late_seconds()),
                }
            )
        return result

    def _callout(self, console: Console, callout: Callout, attempts: Any) -> dict[str, Any]:
        names = contacts_by_key(console)
        reached: dict[str, dt.datetime] = {}
        for attempt in attempts:
            if attempt.outcome in callout_rules.REACHED_OUTCOMES:
                at = dt.datetime.fromisoformat(attempt.at)
                if attempt.person not in reached or at < reached[attempt.person]:
                    reached[attempt.person] = at
        start = self.run.minutes(callout.started_at) or 0.0
        people = []
        for slot in callout_rules.flatten(json.loads(callout.nodes)):
            times = [reached[p] for p in (slot.person, slot.alternate) if p and p in reached]
            first = min(times) if times else None
            person = slot.person
            if first is not None and slot.person not in reached:
                person = slot.alternate or slot.person
            people.append(
                {
                    "path": slot.path,
                    "person": person,
                    "name": names.get(person, {}).get("name", {"zh": person, "en": person}),
                    "reached_minutes": round((self.run.minutes(first) or 0.0) - start, 1)
                    if first
                    else None,
                }
            )
        return {
            "tree": callout.tree,
            "started_minutes": start,
            "total": len(people),
            "people": people,
        }

    def _forms(self, sheets: Any) -> dict[str, Any]:
        departments: dict[str, dict[str, Any]] = {}
        for sheet in sheets:
            entry = departments.setdefault(
                sheet.department, {"department": sheet.department, "sheets": 0, "first": None}
            )
            entry["sheets"] += 1
            minutes = self.run.minutes(sheet.issued_at)
            if entry["first"] is None or (minutes is not None and minutes < entry["first"]):
                entry["first"] = minutes
        counted = [s for s in sheets if s.status != "void"]
        entered = sum(1 for s in counted if s.status in ("entered", "verified"))
        return {
            "issued": len(sheets),
            "entered": entered,
            "void": len(sheets) - len(counted),
            "outstanding": len(counted) - entered,
            "departments": [
                {"department": d["department"], "sheets": d["sheets"], "first_minutes": d["first"]}
                for d in sorted(departments.values(), key=lambda d: d["department"])
            ],
        }


def _drill_time(run: Run, at: str | dt.datetime) -> dt.datetime:
    """A console time on the drill's clock: its start plus the drill time run by then."""
    moment = dt.datetime.fromisoformat(at) if isinstance(at, str) else at
    return run.started_at + dt.timedelta(seconds=run.seconds(moment))


def _judged_clocks(
    console: Console, run: Run, data: Mapping[str, Any], end: dt.datetime
) -> list[tuple[clock_rules.ReportClock, str]]:
    """The incident's reporting clocks on the drill's clock, each with its state when the
    drill ended: the plan's own rule applied to drill time (a clock still running then is
    missed if overdue, else open)."""
    changes, made = [], []
    for seq, entry in enumerate(data["log"]):
        if entry["kind"] == "level":
            changes.append(
                clock_rules.LevelChange(_drill_time(run, entry["at"]), entry["data"]["level"], seq)
            )
        elif entry["kind"] == "report":
            made.append(clock_rules.ReportMade(_drill_time(run, entry["at"]), seq))
    history = data["level_history"]
    levels = {lvl.code: lvl for lvl in levels_of(plan_service.require_document(console))}
    resolved = data.get("resolved_at")
    clocks = clock_rules.compute_clocks(
        levels=levels,
        reported_at=_drill_time(run, data["reported_at"]),
        initial_level=history[0]["level"] if history else data["level"],
        level_changes=changes,
        reports=made,
        resolved_at=_drill_time(run, resolved) if resolved else None,
    )
    finish = _drill_time(run, end)
    result = []
    for clock in clocks:
        state = clock.state(finish)
        if not clock.settled:
            state = clock_rules.STATE_MISSED if state == clock_rules.STATE_RED else CLOCK_OPEN
        result.append((clock, state))
    return result


def on_drill_clock(console: Console, incident_id: str) -> dict[str, Any] | None:
    """A drill's incident as ``incidents.show`` gives it, with every time on the drill's
    clock (start + drill time: at speed 10 a report made one console minute after the
    declaration is ten minutes after it) and its reporting clocks judged there; None for
    an incident that is not a drill's. The after-action review of a drill reads this."""
    from hisconsole.services.drills.runs import drill_of
    from hisconsole.services.errors import ServiceError

    try:
        run = read(console, drill_of(console, incident_id))
    except ServiceError:
        return None
    data = incidents.show(console, incident_id)
    judged = _judged_clocks(console, run, data, run.ended_at or console.now())

    def moved(at: str | None) -> str | None:
        return iso(_drill_time(run, at)) if at else None

    for key in ("reported_at", "declared_at", "resolved_at", "closed_at"):
        data[key] = moved(data.get(key))
    for row in (*data["log"], *data["level_history"]):
        row["at"] = moved(row["at"])
    data["clocks"] = [clock_fields(clock, state) for clock, state in judged]
    data["drill"] = run.id
    return data


def _minutes(run: Run, drill_moment: dt.datetime) -> float:
    """Drill minutes of a moment already on drill time (started_at + drill seconds)."""
    return round((drill_moment - run.started_at).total_seconds() / 60, 1)


def _judge(
    objective: Mapping[str, Any], facts: _Facts | None, first_report: float | None
) -> tuple[str, float | None, str, dict[str, Any]]:
    """(result, measured figure, its unit, details) of one objective."""
    kind = objective["kind"]
    if facts is None:
        # Nothing was declared: no objective of the response could be met.
        return (
            rules.NOT_MET,
            None,
            "min" if "minutes" in objective else "%",
            {"reason": "not-declared"},
        )
    if kind == rules.OBJ_DECLARED:
        measured = (
            round(facts.declared - first_report, 1)
            if facts.declared is not None and first_report is not None
            else None
        )
        return rules.judge_within(measured, objective["minutes"]), measured, "min", {}
    if kind == rules.OBJ_INITIAL_REPORT:
        clock = next((c for c in facts.clocks if c["kind"] == clock_rules.CLOCK_INITIAL), None)
        if clock is None:
            return rules.NOT_MET, None, "min", {}
        result = {
            clock_rules.STATE_ON_TIME: rules.MET,
            clock_rules.STATE_LATE: rules.PARTLY,
        }.get(clock["state"], rules.NOT_MET)
        measured = (
            round(clock["made_minutes"] - clock["started_minutes"], 1)
            if clock["made_minutes"] is not None
            else None
        )
        return (
            result,
            measured,
            "min",
            {
                "state": clock["state"],
                "due_minutes": round(clock["due_minutes"] - clock["started_minutes"], 1),
                "late_minutes": clock["late_minutes"],
            },
        )
    if kind == rules.OBJ_FOLLOWUPS:
        owed = [
            c
            for c in facts.clocks
            if c["kind"] == clock_rules.CLOCK_FOLLOWUP
            and c["state"] not in (clock_rules.STATE_CANCELLED, CLOCK_OPEN)
        ]
        on_time = sum(1 for c in owed if c["state"] == clock_rules.STATE_ON_TIME)
        missed = sum(1 for c in owed if c["state"] == clock_rules.STATE_MISSED)
        result = rules.MET if on_time == len(owed) else rules.NOT_MET if missed else rules.PARTLY
        measured = round(100 * on_time / len(owed), 1) if owed else 100.0
        return result, measured, "%", {"owed": len(owed), "on_time": on_time, "missed": missed}
    if kind == rules.OBJ_CALLOUT:
        if facts.callout is None or not facts.callout["total"]:
            return rules.NOT_MET, None, "%", {"reason": "no-callout"}
        people = facts.callout["people"]
        within = sum(
            1
            for p in people
            if p["reached_minutes"] is not None and p["reached_minutes"] <= objective["minutes"]
        )
        ever = sum(1 for p in people if p["reached_minutes"] is not None)
        measured = round(100 * within / len(people), 1)
        later = round(100 * ever / len(people), 1)
        return (
            rules.judge_share(measured, objective["percent"], later=later),
            measured,
            "%",
            {
                "reached_within": within,
                "reached": ever,
                "total": len(people),
            },
        )
    if kind == rules.OBJ_FORMS:
        wards = [_ward(w) for w in objective["wards"]]
        first = {_ward(d["department"]): d["first_minutes"] for d in facts.forms["departments"]}
        start = facts.declared or 0.0
        limit = start + objective["minutes"]
        wards_on_time = [w for w in wards if w in first and first[w] <= limit]
        wards_served = [w for w in wards if w in first]
        measured = round(100 * len(wards_on_time) / len(wards), 1)
        later = round(100 * len(wards_served) / len(wards), 1)
        return (
            rules.judge_share(measured, 100, later=later),
            measured,
            "%",
            {
                "wards_within": len(wards_on_time),
                "wards_served": len(wards_served),
                "wards": len(wards),
                "not_served": [
                    name
                    for w, name in zip(wards, objective["wards"], strict=True)
                    if w not in first
                ],
            },
        )
    if kind == rules.OBJ_CHECKLIST:
        total = facts.checklist["total"]
        measured = round(100 * facts.checklist["done"] / total, 1) if total else None
        return (
            rules.judge_share(measured, objective["percent"]),
            measured,
            "%",
            dict(facts.checklist),
        )
    if kind == rules.OBJ_BACKENTRY:
        counted = facts.forms["issued"] - facts.forms["void"]
        measured = round(100 * facts.forms["entered"] / counted, 1) if counted else None
        return (
            rules.judge_share(measured, objective["percent"]),
            measured,
            "%",
            {
                "entered": facts.forms["entered"],
                "sheets": counted,
            },
        )
    return rules.NOT_MET, None, "", {"reason": "unknown-kind"}


def card_of(console: Console, drill_or_incident: str) -> dict[str, Any]:
    """The score card of a drill (by its id or its incident's): the one kept when it
    ended, else measured up to now."""
    from hisconsole.services.drills.runs import drill_of
    from hisconsole.store.models import DrillRun

    drill_id = drill_of(console, drill_or_incident)
    with console.db.read() as session:
        row = session.get(DrillRun, drill_id)
        kept = row.score if row is not None else ""
    return json.loads(kept) if kept else score_card(console, drill_id)


def score_pdf(card: dict[str, Any], console: Console, lang: str) -> bytes:
    """The score card as PDF, in ``lang`` (zh, en or both)."""
    import io

    from hisconsole.printing.drill_documents import render_score_card

    hospital = plan_service.require_document(console)["meta"]["hospital"]
    out = io.BytesIO()
    render_score_card(
        card,
        lang=print_language(lang),
        hospital=hospital,
        printed_at=console.now().astimezone(),
        out=out,
    )
    return out.getvalue()


def write_pdf(
    console: Console, drill_or_incident: str, path: Any, lang: str = "zh"
) -> dict[str, Any]:
    """Write the score card to ``path``; the card."""
    from hisconsole.services.files import write_atomically

    card = card_of(console, drill_or_incident)
    write_atomically(path, score_pdf(card, console, lang))
    return card
