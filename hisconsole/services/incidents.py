"""Running an incident: declare, change level, log, systems board, reports, resolve."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.errors import N_
from hisconsole.i18n import gettext as _
from hisconsole.i18n import term
from hisconsole.i18n.formats import format_datetime
from hisconsole.printing import words as printed_words
from hisconsole.services import incident_log, incident_writes
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.drills.runs import drill_time
from hisconsole.services.errors import (
    ChannelUnknown,
    CloseNeedsCommander,
    IncidentAlreadyResolved,
    IncidentNotResolved,
    SheetsOutstanding,
    SystemUnknown,
)
from hisconsole.services.incident_clocks import history_and_clocks
from hisconsole.services.incident_rows import (
    get_incident,
    iso,
    parse_time,
    require_open,
)
from hisconsole.store import decisions
from hisconsole.store.eventlog import EventWriter
from hisconsole.store.models import ChecklistItem, Incident, IncidentEntry, IncidentSystem

AREA = "incident"


@dataclass(frozen=True)
class Logged:
    """A log entry written: its id (for a later correction) and what changed."""

    entry: str
    changes: ChangeSet


def declare(
    console: Console,
    *,
    level: str,
    title: str,
    systems: Sequence[str] = (),
    scenario: str | None = None,
    exercise: bool = False,
    reported_at: str | dt.datetime | None = None,
) -> tuple[str, ChangeSet]:
    """Declare an incident; its reporting clock starts at ``reported_at`` (default: now)."""
    title = " ".join(title.split())
    if not title:
        raise ServiceError(N_("Give the incident a title (what is down, where)."))
    level = rules.parse_level(level)
    doc = plan_service.require_document(console)
    known_systems = {s["code"] for s in doc["systems"]}
    codes = []
    for system in systems:
        code = system.strip().upper()
        if code not in known_systems:
            raise SystemUnknown(system=system, known=", ".join(sorted(known_systems)))
        if code not in codes:
            codes.append(code)
    if scenario is not None:
        plan_service.require_scenario(doc, scenario)
    moment = parse_time(reported_at, console)
    day = console.now().astimezone().date()
    with console.transaction() as tx:
        prefix = rules.incident_id(day, console.device_code, 0)[:-2]
        taken = tx.session.scalars(select(Incident.id).where(Incident.id.like(f"{prefix}%")))
        number = 1 + max((int(i.rsplit("-", 1)[1]) for i in taken), default=0)
        new_id = rules.incident_id(day, console.device_code, number)
        tx.emit(
            "incident.declared",
            f"incident:{new_id}",
            {
                "id": new_id,
                "title": title,
                "level": level,
                "systems": codes,
                "scenario": scenario,
                "exercise": exercise,
                "reported_at": iso(moment),
                "at": iso(console.now()),
            },
        )
        add_playbook_steps(tx, doc, new_id, scenario, level)
    return new_id, ChangeSet({AREA}, len(tx.written))


def change_level(console: Console, incident_id: str, level: str, reason: str = "") -> ChangeSet:
    level = rules.parse_level(level)
    with console.transaction() as tx:
        row = get_incident(tx.session, incident_id)
        require_open(row)
        if row.level == level:
            raise ServiceError(
                N_("Incident {incident_id} is already at level {level}."),
                incident_id=incident_id,
                level=level,
            )
        tx.emit(
            "incident.level_changed",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "level": level,
                "previous": row.level,
                "reason": reason.strip(),
                "at": iso(console.now()),
            },
            parents=[row.level_event] if row.level_event else [],
        )
        add_playbook_steps(
            tx, plan_service.require_document(console), incident_id, row.scenario, level
        )
    return ChangeSet({AREA}, len(tx.written))


def choose_playbook(console: Console, incident_id: str, scenario: str) -> ChangeSet:
    """Give an incident declared without a playbook one of the plan's: its checklist
    steps for the current level are added and the log says so."""
    doc = plan_service.require_document(console)
    plan_service.require_scenario(doc, scenario)
    with console.transaction() as tx:
        row = get_incident(tx.session, incident_id)
        require_open(row)
        if row.scenario:
            raise ServiceError(
                N_("Incident {incident_id} already follows the playbook {scenario}."),
                incident_id=incident_id,
                scenario=row.scenario,
            )
        tx.emit(
            "incident.playbook_chosen",
            f"incident:{incident_id}",
            {"id": incident_id, "scenario": scenario, "at": iso(console.now())},
        )
        add_playbook_steps(tx, doc, incident_id, scenario, row.level)
    return ChangeSet({AREA}, len(tx.written))


def log(
    console: Console,
    incident_id: str,
    text: str,
    *,
    kind: str = "note",
    group: str | None = None,
    system: str | None = None,
    corrects: str | None = None,
) -> Logged:
    """Append an activity-log entry; a correction references the entry it corrects.

    Returns the new entry's id (what ``corrects`` names) with what changed.
    """
    text = incident_writes.entry_text(text, kind)
    with console.entry_transaction() as tx:
        record = incident_writes.write_entry(
            tx,
            incident_id,
            text,
            kind=kind,
            at=iso(console.now()),
            group=group,
            system=system,
            corrects=corrects,
        )
    return Logged(record.event_id, ChangeSet({AREA}, 1))


def set_system_status(
    console: Console,
    incident_id: str,
    system: str,
    status: str,
    *,
    comment: str = "",
    estimate: str = "",
    at: str | dt.datetime | None = None,
) -> ChangeSet:
    if status not in glossary.SYSTEM_STATUSES:
        raise ServiceError(
            N_("Unknown status {status!r}; use one of {system_statuses}."),
            status=status,
            system_statuses=", ".join(glossary.SYSTEM_STATUSES),
        )
    code = system.strip().upper()
    doc = plan_service.require_document(console)
    known_systems = {s["code"] for s in doc["systems"]}
    if code not in known_systems:
        raise SystemUnknown(system=system, known=", ".join(sorted(known_systems)))
    moment = parse_time(at, console)
    with console.transaction() as tx:
        require_open(get_incident(tx.session, incident_id))
        _emit_status(
            tx,
            incident_id,
            code,
            status,
            comment=comment.strip(),
            estimate=estimate.strip(),
            at=iso(moment),
        )
    return ChangeSet({AREA}, 1)


def _emit_status(
    tx: EventWriter,
    incident_id: str,
    system: str,
    status: str,
    *,
    comment: str,
    estimate: str,
    at: str,
) -> None:
    # The status it replaces is named (parents, previous), so that sync can tell a
    # change made on top of it from one decided apart on another laptop.
    head = decisions.status_head(tx.session, incident_id, system)
    tx.emit(
        "incident.system_status",
        f"incident:{incident_id}",
        {
            "id": incident_id,
            "system": system,
            "status": status,
            "previous": head[1] if head else None,
            "comment": comment,
            "estimate": estimate,
            "at": at,
        },
        parents=[head[0]] if head else [],
    )


def record_report(
    console: Console,
    incident_id: str,
    *,
    recipient: str,
    channel: str,
    summary: str = "",
    at: str | dt.datetime | None = None,
) -> ChangeSet:
    """Record an upward report made; it meets the pending reporting clock."""
    if channel not in glossary.REPORT_CHANNELS:
        raise ChannelUnknown(channel=channel, known=", ".join(glossary.REPORT_CHANNELS))
    if not recipient.strip():
        raise ServiceError(N_("Say whom the report was made to."))
    moment = parse_time(at, console)
    with console.transaction() as tx:
        require_open(get_incident(tx.session, incident_id))
        tx.emit(
            "incident.report_recorded",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "recipient": recipient.strip(),
                "channel": channel,
                "summary": summary.strip(),
                "at": iso(moment),
            },
        )
    return ChangeSet({AREA}, 1)


#: The comment resolve() records on a system it sets up: stored in English as every
#: laptop wrote it, shown in the reader's language by describe_entry.
RESTORED_AT_RESOLUTION = printed_words.RESTORED_AT_RESOLUTION


def resolve(console: Console, incident_id: str, *, note: str = "") -> ChangeSet:
    """Mark the incident resolved; systems not yet up are recorded as restored now."""
    with console.transaction() as tx:
        row = get_incident(tx.session, incident_id)
        require_open(row)
        if row.status == rules.INCIDENT_RESOLVED:
            raise IncidentAlreadyResolved(incident=incident_id)
        now = iso(console.now())
        systems = tx.session.scalars(
            select(IncidentSystem).where(IncidentSystem.incident_id == incident_id)
        ).all()
        for system in systems:
            if system.status in ("down", "degraded"):
                _emit_status(
                    tx,
                    incident_id,
                    system.system,
                    "up",
                    comment=RESTORED_AT_RESOLUTION,
                    estimate="",
                    at=now,
                )
        tx.emit(
            "incident.resolved",
            f"incident:{incident_id}",
            {"id": incident_id, "at": now, "note": note},
            # The level it was resolved at: a change made apart on another laptop is said.
            parents=[row.level_event] if row.level_event else [],
        )
    return ChangeSet({AREA}, len(tx.written))


def playbook_items(
    doc: dict[str, Any], incident_id: str, scenario: str, level: str
) -> list[dict[str, Any]]:
    """The scenario's steps that apply at ``level``, as checklist items."""
    for entry in doc["scenarios"]:
        if entry["code"] == scenario:
            return [
                {
                    "item": f"{incident_id}/{scenario}/{index}",
                    "group": step["group"],
                    "order": index,
                    "text": step["text"],
                    "source": "playbook",
                }
                for index, step in enumerate(entry["steps"])
                if level in step["levels"]
            ]
    return []


def add_playbook_steps(
    tx: EventWriter, doc: dict[str, Any], incident_id: str, scenario: str | None, level: str
) -> None:
    """Within a transaction: add the playbook steps for ``level`` not yet on the checklist."""
    if not scenario:
        return
    have = set(
        tx.session.scalars(select(ChecklistItem.id).where(ChecklistItem.incident_id == incident_id))
    )
    items = [i for i in playbook_items(doc, incident_id, scenario, level) if i["item"] not in have]
    if items:
        tx.emit(
            "checklist.items_added", f"incident:{incident_id}", {"id": incident_id, "items": items}
        )


def describe_entry(entry: dict[str, Any]) -> str:
    """One activity-log line in words, in the current language (the catalogue's; the GUI
    has its own translated wording)."""
    data, kind, text = entry["data"], entry["kind"], entry["text"]
    said = (_(": {text}").format(text=text)) if text else ""
    if kind == "declared":
        systems = ", ".join(data.get("systems", [])) or _("none named")
        return _("Declared at level {level} (systems: {systems})").format(
            level=data["level"], systems=systems
        ) + (_(": {text}").format(text=text))
    if kind == "level":
        return _("Level {previous} -> {level}").format(**data) + said
    if kind == "status":
        if text == RESTORED_AT_RESOLUTION:
            said = _(": {text}").format(text=_("restored at resolution"))
        status = term("system status", data["status"])
        return _("{system} is {status}").format(system=entry["system"], status=status) + said
    if kind == "report":
        channel = term("report channel", data["channel"])
        return (
            _("Reported to {recipient} by {channel}").format(
                recipient=data["recipient"], channel=channel
            )
            + said
        )
    if kind == "correction":
        return _("Correction of {entry}").format(entry=entry["corrects"]) + said
    if kind == glossary.LOG_PLAYBOOK:
        return _("Playbook chosen: {scenario}").format(scenario=data["scenario"])
    if kind == glossary.LOG_OVERRIDDEN:
        return _overridden_text(data, entry["system"])
    if kind == glossary.LOG_CAP:
        line = _("CAP {type} {identifier} sent {sent}").format(
            type=data["msg_type"], identifier=data["identifier"], sent=format_datetime(data["sent"])
        )
        refs = [ref.split(",")[1] for ref in data.get("references", [])]
        if refs:
            line += " " + _("(references {references})").format(references=", ".join(refs))
        return line
    if kind == glossary.LOG_HANDOVER:
        if data["action"] == "acknowledged":
            return _("Handover {handover} acknowledged by {person}").format(
                handover=data["handover"], person=data["by"]
            )
        return _("Handover sheet {handover} made: {outgoing} hands over to {incoming}").format(
            handover=data["handover"],
            outgoing=data["outgoing"] or "—",
            incoming=data["incoming"] or "—",
        )
    if kind == glossary.LOG_PERIOD:
        return (
            _(
                "Operational period {number} started ({hours} h): {objectives} objective(s), "
                "{carried_objectives} objective(s) and {carried_tasks} task(s) carried over"
            ).format(hours=data["length_hours"], **data)
            + said
        )
    if kind == glossary.LOG_ROSTER:
        words = {"person": data["person"], "role": term("roster role", data["role"])}
        if data["action"] == "out":
            return _("{person} signed out as {role}").format(**words) + said
        if data.get("relieves"):
            return (
                _("{person} signed in as {role}, relieving {relieved}").format(
                    relieved=data["relieves"], **words
                )
                + said
            )
        return _("{person} signed in as {role}").format(**words) + said
    if kind == "note":
        return str(text)
    return f"[{term('log kind', kind)}] {text}"


def describe_clock(clock: dict[str, Any]) -> str:
    """One reporting clock in words, judged by the plan's rule (the CLI's wording, in the
    current language)."""
    head = _("{kind} report (level {level}) due {due}").format(
        kind=term("report kind", clock["kind"]),
        level=clock["level"],
        due=format_datetime(clock["due_at"]),
    )
    state = clock["state"]
    if state == rules.STATE_ON_TIME:
        return _("{head}: made {made}, on time").format(
            head=head, made=format_datetime(clock["met_at"])
        )
    if state == rules.STATE_LATE:
        late = rules.late_minutes(clock["late_seconds"])
        return _("{head}: made {made}, {minutes} min late").format(
            head=head, made=format_datetime(clock["met_at"]), minutes=late
        )
    if state == rules.STATE_MISSED:
        return _("{head}: missed (not made by {end})").format(
            head=head, end=format_datetime(clock["ended_at"])
        )
    if state == rules.STATE_CANCELLED:
        return _("{head}: not owed (replaced or ended {end}, before it fell due)").format(
            head=head, end=format_datetime(clock["ended_at"])
        )
    seconds = clock["remaining_seconds"]
    if seconds > 0:
        return _("{head} (in {minutes} min)").format(head=head, minutes=seconds // 60)
    return _("{head} (OVERDUE by {minutes} min)").format(
        head=head, minutes=rules.late_minutes(-seconds)
    )


def _overridden_text(data: dict[str, Any], system: str | None) -> str:
    def where(part: dict[str, str]) -> dict[str, str]:
        return {
            "author": part["author"],
            "device": part.get("device_name") or part["device"],
            "time": format_datetime(part["at"], with_date=False),
        }

    if data["register"] == "state":
        change, resolved = data["replaced"], data["kept"]
        return _(
            "Level {level} set by {author} on {device} at {time} came after {resolver} "
            "resolved the incident on {resolver_device} at {resolved_time} (decided apart on "
            "two laptops; the incident stays resolved)"
        ).format(
            level=change["value"],
            **where(change),
            resolver=resolved["author"],
            resolver_device=resolved.get("device_name") or resolved["device"],
            resolved_time=format_datetime(resolved["at"], with_date=False),
        )

    def said(part: dict[str, str]) -> str:
        if data["register"] == "level":
            return _("level {value} set by {author} on {device} at {time}").format(
                value=part["value"], **where(part)
            )
        return _("{system} {value} set by {author} on {device} at {time}").format(
            system=system, value=part["value"], **where(part)
        )

    sentence = _(
        "{replaced} was replaced by {kept} (decided apart on two laptops; sync kept the later one)"
    ).format(replaced=said(data["replaced"]), kept=said(data["kept"]))
    # "level II set by …" opens the sentence in English (Chinese has no capitals).
    return sentence[:1].upper() + sentence[1:]


# --- reading ---------------------------------------------------------------------


def list_incidents(console: Console) -> list[dict[str, Any]]:
    with console.db.read() as session:
        rows = session.scalars(select(Incident).order_by(Incident.declared_at.desc())).all()
        return [_summary(r) for r in rows]


def _summary(row: Incident) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "level": row.level,
        "status": row.status,
        "exercise": bool(row.exercise),
        "scenario": row.scenario,
        "reported_at": row.reported_at,
        "declared_at": row.declared_at,
        "declared_by": row.declared_by,
        "resolved_at": row.resolved_at,
        "closed_at": row.closed_at,
    }


#: Log entry kinds the reporting clocks and the level history are computed from.


def show(console: Console, incident_id: str, *, with_log: bool = True) -> dict[str, Any]:
    """The incident with its systems, level history, log and reporting clocks.

    ``with_log=False`` leaves the activity log out (``log`` is empty) and reads
    only the entries the clocks need (an index finds them): fast on an incident with
    a long log. The incident page reads the log apart, by position
    (``log_window``).
    """
    doc = plan_service.require_document(console)
    now = console.now()
    with console.db.read() as session:
        row = get_incident(session, incident_id)
        # The clocks need the few declared / level / report entries only (indexed).
        entries = session.scalars(
            select(IncidentEntry)
            .where(
                IncidentEntry.incident_id == incident_id,
                IncidentEntry.kind.in_(glossary.CLOCK_LOG_KINDS),
            )
            .order_by(IncidentEntry.hlc, IncidentEntry.event_id)
        ).all()
        # The level changes that count (not those another laptop's decision overrode).
        path = decisions.level_path(session, incident_id)
        # A drill's incident: its clocks run on the drill's time.
        drill = drill_time(session, incident_id, now)
        systems = {
            s.system: s
            for s in session.scalars(
                select(IncidentSystem).where(IncidentSystem.incident_id == incident_id)
            )
        }
        log_rows = incident_log.log_in(session, incident_id) if with_log else []
    result = _summary(row)
    names = {s["code"]: s["name"] for s in doc["systems"]}
    order = {code: i for i, code in enumerate(names)}
    result["systems"] = [
        {
            "code": code,
            "name": names.get(code, {}),
            "status": s.status,
            "since": s.since,
            "comment": s.comment,
            "estimate": s.estimate,
        }
        for code, s in sorted(systems.items(), key=lambda kv: order.get(kv[0], len(order)))
    ]
    history, clocks = history_and_clocks(
        doc,
        reported_at=row.reported_at,
        level=row.level,
        resolved_at=row.resolved_at,
        entries=entries,
        path=path,
        now=now,
        drill=drill,
    )
    result["level_history"] = history
    incident_log.name_devices(console, log_rows)
    result["log"] = log_rows
    result["clocks"] = clocks
    return result


def open_incidents(console: Console) -> list[dict[str, Any]]:
    return [i for i in list_incidents(console) if i["status"] != rules.INCIDENT_CLOSED]


def close(console: Console, incident_id: str, *, override: str | None = None) -> ChangeSet:
    """Close a resolved incident. Sheets still outstanding block it unless the
    commander overrides with a reason."""
    from hisconsole.domain.glossary import COMMANDER
    from hisconsole.services import people
    from hisconsole.store.models import FormSerial

    def outstanding(session: Any) -> list[str]:
        return list(
            session.scalars(
                select(FormSerial.serial).where(
                    FormSerial.incident_id == incident_id,
                    FormSerial.status.in_(("issued", "returned")),
                )
            )
        )

    verified = False
    if override and override.strip():
        with console.db.read() as session:
            waiting = outstanding(session)
        if waiting:
            # Asked before the write transaction: nobody waits on a PIN holding the lock.
            verified = people.confirm_commander(console, N_("Closing with sheets outstanding"))
    with console.transaction() as tx:
        row = get_incident(tx.session, incident_id)
        require_open(row)
        if row.status != rules.INCIDENT_RESOLVED:
            raise IncidentNotResolved(incident=incident_id)
        waiting = outstanding(tx.session)
        if waiting and not (override and override.strip()):
            raise SheetsOutstanding(count=len(waiting), incident=incident_id)
        if waiting and not verified and console.operator.role != COMMANDER:
            raise CloseNeedsCommander()
        tx.emit(
            "incident.closed",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "at": iso(console.now()),
                "reason": (override or "").strip(),
                "outstanding": len(waiting),
            },
        )
    return ChangeSet({AREA}, 1)
