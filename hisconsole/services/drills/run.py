"""The drill simulator: start a drill, let its injects arrive on the console's clock, pause,
resume, skip or add an inject, end it.

Everything a drill does is an event (``drill.*``) and every inject arrives through the
same services the team uses (a report to assess, a message, a system status, a call-out
response), so injects reach the other laptops through sync like any event. The simulator
keeps no state of its own: :func:`tick` looks at the clock and the tables and delivers
what is due, so the GUI's timer, the command line's loop and a test's driven clock all
play a drill the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hisconsole.domain import drills as rules
from hisconsole.errors import KnownError
from hisconsole.i18n import current_language
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console
from hisconsole.services.drills import scenarios
from hisconsole.services.drills.runs import ENDED as ENDED
from hisconsole.services.drills.runs import PAUSED as PAUSED
from hisconsole.services.drills.runs import RUNNING as RUNNING
from hisconsole.services.drills.runs import Run as Run
from hisconsole.services.drills.runs import read as read
from hisconsole.services.drills.runs import read_run
from hisconsole.services.errors import ServiceError
from hisconsole.services.incident_rows import iso
from hisconsole.store.eventlog import EventWriter
from hisconsole.store.folding_drills import DELIVERED, PENDING
from hisconsole.store.models import Callout, DrillRun

AREA = "drill"
#: Marks what a drill's inject puts in front of people, so no one takes it for real.
DRILL_MARK = {"zh": "【演练】", "en": "[DRILL] "}
#: To whom a drill's messages are addressed.
COMMAND_HQ = {"zh": "应急指挥部", "en": "Command HQ"}


class DrillSpeedInvalid(ServiceError):
    code = "drill.speed-invalid"
    template = "A drill runs at speed 1 (real time) to 60, not {speed}."


class DrillEnded(ServiceError):
    code = "drill.ended"
    template = "Drill {drill} has ended; nothing more can be done in it."


class DrillNotRunning(ServiceError):
    code = "drill.not-running"
    template = "Drill {drill} is not running (it is {state})."


class DrillNotPaused(ServiceError):
    code = "drill.not-paused"
    template = "Drill {drill} is not paused."


class InjectNotPending(ServiceError):
    code = "drill.inject-not-pending"
    template = "Inject {inject!r} of drill {drill} is not waiting to arrive (it is {state})."


class CalendarEntryUnknown(ServiceError):
    code = "drill.calendar-unknown"
    template = "The plan's drill calendar has no entry {entry!r}; it lists {known}."


class CalendarPlaybookMismatch(ServiceError):
    code = "drill.calendar-playbook"
    template = (
        "Calendar entry {entry} plans the playbook {planned}; the scenario {scenario} "
        "plays {playbook}."
    )


def _calendar_entry(
    console: Console, doc: Mapping[str, Any], scenario: Mapping[str, Any], calendar: str | None
) -> str:
    """The drill-calendar entry the run is for: the one named, or the plan's entry for the
    same playbook nearest to today that has not been run ("" when the plan has none)."""
    entries = {d["code"]: d for d in doc.get("drills", [])}
    if calendar:
        entry = entries.get(calendar)
        if entry is None:
            raise CalendarEntryUnknown(entry=calendar, known=", ".join(entries) or "none")
        if entry["scenario"] != scenario["playbook"]:
            raise CalendarPlaybookMismatch(
                entry=calendar,
                planned=entry["scenario"],
                scenario=scenario["code"],
                playbook=scenario["playbook"],
            )
        return calendar
    with console.db.read() as session:
        run_for = set(session.scalars(select(DrillRun.calendar).where(DrillRun.calendar != "")))
    today = console.now().astimezone().date()
    playbook = scenario["playbook"]
    candidates = [
        e for e in entries.values() if e["scenario"] == playbook and e["code"] not in run_for
    ]
    if not candidates:
        return ""

    def distance(entry: Mapping[str, Any]) -> tuple[int, str]:
        return abs((dt.date.fromisoformat(str(entry["date"])) - today).days), entry["code"]

    return str(min(candidates, key=distance)["code"])


def start(
    console: Console,
    scenario: str | Mapping[str, Any],
    *,
    speed: int = 1,
    calendar: str | None = None,
) -> str:
    """Start a drill of ``scenario`` (a bundled code, a file path, or a read scenario).

    Nothing is declared: the first report arrives as an inject and the team assesses it;
    the incident they declare from the drill's reports is the drill's (an exercise).
    """
    if isinstance(speed, bool) or not rules.MIN_SPEED <= speed <= rules.MAX_SPEED:
        raise DrillSpeedInvalid(speed=speed)
    doc = dict(scenario) if isinstance(scenario, Mapping) else scenarios.load(scenario)
    if isinstance(scenario, Mapping):
        rules.validate(doc, str(doc.get("code", "drill scenario")))
    plan = plan_service.require_document(console)
    rules.check_against_plan(doc, plan, str(doc["code"]))
    entry = _calendar_entry(console, plan, doc, calendar)
    now = console.now()
    day = now.astimezone().date()
    with console.transaction() as tx:
        prefix = f"DRL-{day:%Y%m%d}-{console.device_code}-"
        taken = tx.session.scalars(select(DrillRun.id).where(DrillRun.id.like(f"{prefix}%")))
        number = 1 + max((int(i.rsplit("-", 1)[1]) for i in taken), default=0)
        drill_id = f"{prefix}{number:02d}"
        tx.emit(
            "drill.started",
            f"drill:{drill_id}",
            {
                "drill": drill_id,
                "scenario": doc["code"],
                "speed": speed,
                "calendar": entry or None,
                "script": doc,
                "at": iso(now),
            },
        )
    return drill_id


def _text(value: Mapping[str, str] | str, lang: str) -> str:
    if isinstance(value, str):
        return value
    return value.get(lang) or value.get("zh") or next(iter(value.values()), "")


def _waiting_for(session: Session, run: Run, inject: Mapping[str, Any]) -> str | None:
    """What a due inject still waits for: the drill's incident, or a call-out on it."""
    if inject["kind"] not in rules.NEEDS_INCIDENT:
        return None
    if not run.incident:
        return "incident"
    if inject["kind"] == rules.INJECT_CALLOUT and not _callout_of(session, run.incident):
        return "callout"
    return None


def _callout_of(session: Session, incident: str) -> str | None:
    return session.scalar(
        select(Callout.id)
        .where(Callout.incident_id == incident)
        .order_by(Callout.started_at.desc())
        .limit(1)
    )


def _deliver(console: Console, run: Run, inject: Mapping[str, Any]) -> dict[str, Any]:
    """Make the inject happen through the team's own services; what it made."""
    from hisconsole.services import incidents, response

    data = inject["data"]
    lang = current_language()
    mark = DRILL_MARK[lang]
    kind = inject["kind"]
    if kind == rules.INJECT_REPORT:
        intake = response.receive_report(
            console,
            reporter=_text(data["from"], lang),
            department=_text(data["department"], lang),
            what=mark + _text(data["text"], lang),
            channel="phone",
            systems=list(data.get("systems", [])),
        )
        return {"intake": intake}
    if kind == rules.INJECT_MESSAGE:
        message = response.send_message(
            console,
            run.incident,
            sender=_text(data["from"], lang),
            recipient=COMMAND_HQ[lang],
            text=mark + _text(data["text"], lang),
            reply_required=bool(data.get("reply_required", False)),
        )
        return {"message": message}
    if kind == rules.INJECT_STATUS:
        incidents.set_system_status(
            console,
            run.incident,
            data["system"],
            data["status"],
            comment=mark + _text(data["text"], lang),
            estimate=_text(data.get("estimate", ""), lang),
        )
        return {"system": data["system"], "status": data["status"]}
    # A call-out response: the next person the call-out says to call answers.
    with console.db.read() as session:
        callout = _callout_of(session, run.incident)
    state = next(c for c in response.callouts(console, run.incident) if c["callout"] == callout)
    if not state["next"]:
        raise NoOneToCall()
    person = state["next"][0]["person"]["key"]
    response.record_call(
        console,
        state["callout"],
        person,
        data["outcome"],
        mark + _text(data["text"], lang),
        eta_minutes=data.get("eta_minutes") if data["outcome"] == "coming" else None,
    )
    return {"callout": state["callout"], "person": person}


class NoOneToCall(ServiceError):
    code = "drill.no-one-to-call"
    template = "The call-out has no one left to call; the call-out response cannot arrive."


def tick(console: Console, drill_id: str) -> list[str]:
    """Deliver every inject that is due now (and end the drill once its time is up); the
    codes of the injects that arrived. Cheap when nothing is due: call it often."""
    run = read(console, drill_id)
    if run.state != RUNNING:
        return []
    now = console.now()
    elapsed = run.seconds(now)
    arrived: list[str] = []
    for inject in run.injects:
        if inject["state"] != PENDING or inject["at_minutes"] * 60 > elapsed:
            continue
        with console.db.read() as session:
            if _waiting_for(session, run, inject):
                continue
        try:
            refs = _deliver(console, run, inject)
        except KnownError as exc:
            # The world moved on (the incident was closed, no one is left to call): the
            # inject cannot arrive; the controller sees it skipped with the reason.
            _emit_skip(console, run, inject["code"], exc.code)
            continue
        with console.transaction() as tx:
            tx.emit(
                "drill.injected",
                f"drill:{run.id}",
                {
                    "drill": run.id,
                    "inject": inject["code"],
                    "at": iso(now),
                    "drill_seconds": int(elapsed),
                    "data": {**inject["data"], "code": inject["code"]},
                    "refs": refs,
                },
            )
        arrived.append(inject["code"])
    if elapsed >= run.duration_seconds:
        end(console, drill_id, reason="time")
    return arrived


def _emit_skip(console: Console, run: Run, code: str, reason: str) -> None:
    with console.transaction() as tx:
        tx.emit(
            "drill.inject_skipped",
            f"drill:{run.id}",
            {"drill": run.id, "inject": code, "at": iso(console.now()), "reason": reason},
        )


def _open(session: Session, drill_id: str) -> Run:
    run = read_run(session, drill_id)
    if run.state == ENDED:
        raise DrillEnded(drill=drill_id)
    return run


def pause(console: Console, drill_id: str) -> ChangeSet:
    """Stop the drill's clock: nothing arrives until it is resumed."""
    with console.transaction() as tx:
        run = _open(tx.session, drill_id)
        if run.state != RUNNING:
            raise DrillNotRunning(drill=drill_id, state=run.state)
        _control(tx, console, drill_id, "drill.paused")
    return ChangeSet({AREA}, 1)


def resume(console: Console, drill_id: str) -> ChangeSet:
    with console.transaction() as tx:
        run = _open(tx.session, drill_id)
        if run.state != PAUSED:
            raise DrillNotPaused(drill=drill_id)
        _control(tx, console, drill_id, "drill.resumed")
    return ChangeSet({AREA}, 1)


def _control(tx: EventWriter, console: Console, drill_id: str, kind: str) -> None:
    tx.emit(kind, f"drill:{drill_id}", {"drill": drill_id, "at": iso(console.now())})


def skip(console: Console, drill_id: str, inject: str) -> ChangeSet:
    """Leave out an inject that has not arrived yet."""
    with console.transaction() as tx:
        run = _open(tx.session, drill_id)
        found = next((i for i in run.injects if i["code"] == inject), None)
        if found is None or found["state"] != PENDING:
            raise InjectNotPending(
                drill=drill_id, inject=inject, state=found["state"] if found else "unknown"
            )
        tx.emit(
            "drill.inject_skipped",
            f"drill:{drill_id}",
            {"drill": drill_id, "inject": inject, "at": iso(console.now()), "reason": "skipped"},
        )
    return ChangeSet({AREA}, 1)


def add_inject(
    console: Console,
    drill_id: str,
    *,
    kind: str,
    text: str,
    after_minutes: float = 0,
    **fields: Any,
) -> str:
    """Add an inject the controller writes (in the console's language, both texts the
    same) to arrive ``after_minutes`` of drill time from now; its code."""
    text = text.strip()
    with console.db.read() as session:
        run = _open(session, drill_id)
    at = round(run.seconds(console.now()) / 60 + after_minutes, 1)
    code = f"added-{1 + sum(1 for i in run.injects if i['source'] == 'added')}"
    inject: dict[str, Any] = {"code": code, "at_minutes": at, "kind": kind}
    if text:
        inject["text"] = {"zh": text, "en": text}
    for name, value in fields.items():
        if isinstance(value, str) and name in ("from", "department", "estimate"):
            value = {"zh": value, "en": value}
        if value not in (None, ""):
            inject[name] = value
    rules.check_inject(inject)
    with console.transaction() as tx:
        _open(tx.session, drill_id)
        tx.emit(
            "drill.inject_added",
            f"drill:{drill_id}",
            {"drill": drill_id, "inject": inject, "at": iso(console.now())},
        )
    return code


def end(console: Console, drill_id: str, *, reason: str = "controller") -> ChangeSet:
    """End the drill and keep its score card with it (and with its calendar entry)."""
    from hisconsole.services.drills import score

    with console.transaction() as tx:
        _open(tx.session, drill_id)
        tx.emit(
            "drill.ended",
            f"drill:{drill_id}",
            {"drill": drill_id, "at": iso(console.now()), "reason": reason},
        )
    card = score.score_card(console, drill_id)
    with console.transaction() as tx:
        tx.emit(
            "drill.scored",
            f"drill:{drill_id}",
            {"drill": drill_id, "card": card, "at": iso(console.now())},
        )
    return ChangeSet({AREA, "incident"}, 2)


# --- reading -------------------------------------------------------------------------


def state(console: Console, drill_id: str) -> dict[str, Any]:
    """The drill as the controller shows it: clock, incident, injects past and to come."""
    run = read(console, drill_id)
    now = console.now()
    with console.db.read() as session:
        waiting = {
            i["code"]: _waiting_for(session, run, i) for i in run.injects if i["state"] == PENDING
        }
    elapsed = run.seconds(now)
    injects = []
    for inject in run.injects:
        due = inject["at_minutes"] * 60 <= elapsed
        status = inject["state"]
        if status == PENDING and due and waiting.get(inject["code"]):
            status = f"waiting-{waiting[inject['code']]}"
        injects.append(
            {
                "code": inject["code"],
                "at_minutes": inject["at_minutes"],
                "kind": inject["kind"],
                "text": inject["data"].get("text", {}),
                "source": inject["source"],
                "state": status,
                "arrived_minutes": round(inject["drill_seconds"] / 60, 1)
                if inject["state"] == DELIVERED and inject["drill_seconds"] is not None
                else None,
            }
        )
    coming = [i for i in injects if i["state"] == PENDING]
    return {
        "drill": run.id,
        "scenario": run.scenario,
        "name": run.script.get("name", {}),
        "playbook": run.script.get("playbook"),
        "calendar": run.calendar or None,
        "speed": run.speed,
        "state": run.state,
        "started_at": iso(run.started_at),
        "ended_at": iso(run.ended_at) if run.ended_at else None,
        "drill_minutes": round(elapsed / 60, 1),
        "duration_minutes": run.script.get("duration_minutes"),
        "incident": run.incident or None,
        "injects": injects,
        "next": coming[0] if coming else None,
    }


def runs(console: Console) -> list[dict[str, Any]]:
    """Every drill run on this console (and synced from others), newest first."""
    with console.db.read() as session:
        rows = session.scalars(
            select(DrillRun).where(DrillRun.started_at != "").order_by(DrillRun.started_at.desc())
        ).all()
        result = []
        for row in rows:
            card = json.loads(row.score) if row.score else None
            result.append(
                {
                    "drill": row.id,
                    "scenario": row.scenario,
                    "name": json.loads(row.script).get("name", {}),
                    "calendar": row.calendar or None,
                    "speed": row.speed,
                    "started_at": row.started_at,
                    "ended_at": row.ended_at or None,
                    "incident": row.incident_id or None,
                    "summary": card["summary"] if card else None,
                }
            )
    return result


def running(console: Console) -> list[str]:
    """The drills not yet ended."""
    return [r["drill"] for r in runs(console) if r["ended_at"] is None]


# --- playing headless ---------------------------------------------------------------------


def play(
    console: Console,
    drill_id: str,
    *,
    until_end: bool,
    sleep: Callable[[float], None] = time.sleep,
    on_arrival: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Play the drill on the console's clock: until it ends (``until_end``), else until
    nothing more can arrive without the team. ``sleep`` waits console seconds (a test
    passes one that moves its clock)."""
    while True:
        for code in tick(console, drill_id):
            if on_arrival is not None:
                on_arrival(code)
        run = read(console, drill_id)
        if run.state == ENDED:
            break
        elapsed = run.seconds(console.now())
        with console.db.read() as session:
            upcoming = [
                i["at_minutes"] * 60
                for i in run.injects
                if i["state"] == PENDING and not _waiting_for(session, run, i)
            ]
        later = [at for at in upcoming if at > elapsed]
        if not until_end and not later:
            break
        target = min([*later, run.duration_seconds]) if until_end else min(later)
        # Wake at least every second of console time: a pause or an added inject shows.
        sleep(max(0.0, min((target - elapsed) / run.speed, 1.0)) or 0.01)
    return state(console, drill_id)


@dataclass(frozen=True)
class Step:
    """One beat of the controller: what arrived and the drill as it stands now."""

    arrived: list[str]
    state: dict[str, Any]
    changes: ChangeSet


def step(console: Console, drill_id: str) -> Step:
    """Deliver what is due (the controller's timer calls this off the UI thread) and read
    the drill back; ``changes`` is empty unless something arrived or the drill ended."""
    before = read(console, drill_id).state
    arrived = tick(console, drill_id)
    now = state(console, drill_id)
    changed = bool(arrived) or now["state"] != before
    return Step(
        arrived, now, ChangeSet({AREA, "incident"}, len(arrived) + 1) if changed else ChangeSet()
    )
