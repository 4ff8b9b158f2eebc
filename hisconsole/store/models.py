"""Tables: the immutable event log, local metadata, and the projections built from events."""

from __future__ import annotations

from sqlalchemy import Float, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from hisconsole.store import events


class Base(DeclarativeBase):
    pass


class Event(Base):
    """One immutable change. Primary key: (origin device, gap-free per-device counter)."""

    __tablename__ = "events"

    origin_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    origin_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    hlc: Mapped[str] = mapped_column(String(24), index=True)
    author: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(Text, index=True)
    payload: Mapped[str] = mapped_column(Text)
    parents: Mapped[str] = mapped_column(Text, default="[]")
    schema_version: Mapped[int] = mapped_column(Integer)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    #: Bit set of EVENT_FLAG_* values (local bookkeeping, not part of the signed event).
    flags: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


#: The event's clock stamp was far ahead of this laptop's clock when it arrived.
EVENT_FLAG_FROM_FUTURE = events.EVENT_FLAG_FROM_FUTURE


class Meta(Base):
    """Local facts about this database: device id and name, who created it."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- projections (derived from events; can always be rebuilt) -----------------


class PlanItem(Base):
    """Current value(s) of one plan item. Two rows for one key = an unresolved conflict."""

    __tablename__ = "plan_items"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    section: Mapped[str] = mapped_column(String(32))
    ord: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(24))
    author: Mapped[str] = mapped_column(Text)


class PlanVersion(Base):
    """A published version of the plan (v1, v2, …) with its full document."""

    __tablename__ = "plan_versions"

    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[str] = mapped_column(String(24))
    author: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    document: Mapped[str] = mapped_column(Text)


class Contact(Base):
    """Current value(s) of one person in the contact list (two rows = a conflict)."""

    __tablename__ = "contacts"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(24))


class CallTree(Base):
    """Current value(s) of one call tree (two rows = a conflict)."""

    __tablename__ = "call_trees"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(24))


class Operator(Base):
    """Operators who have signed in on any laptop (last role wins)."""

    __tablename__ = "operators"

    name: Mapped[str] = mapped_column(Text, primary_key=True)
    role: Mapped[str] = mapped_column(String(32))
    hlc: Mapped[str] = mapped_column(String(24))
    device_id: Mapped[str] = mapped_column(String(32))


class Incident(Base):
    """One incident (or exercise) and where it stands."""

    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(Text)
    scenario: Mapped[str | None] = mapped_column(String(64), nullable=True)
    exercise: Mapped[bool] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(4))
    level_hlc: Mapped[str] = mapped_column(String(40))
    #: The event that set the current level: a change naming it as parent wins over
    #: it whatever the clock stamps say (a laptop's clock may be hours ahead).
    level_event: Mapped[str] = mapped_column(String(36), default="", server_default="")
    reported_at: Mapped[str] = mapped_column(String(40))
    declared_at: Mapped[str] = mapped_column(String(40))
    declared_by: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    resolved_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    closed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


class IncidentEntry(Base):
    """One line of an incident's activity log (as HICS 214), in time order.

    Operators' notes and the console's own records (declared, level changed,
    system status, report made, resolved) alike; corrections reference the
    entry they correct and never edit it.
    """

    __tablename__ = "incident_entries"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    hlc: Mapped[str] = mapped_column(String(24))
    at: Mapped[str] = mapped_column(String(40))
    author: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    group_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    system: Mapped[str | None] = mapped_column(String(32), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text)
    corrects: Mapped[str | None] = mapped_column(String(36), nullable=True)


class IncidentSystem(Base):
    """Current status of one system in one incident (last writer wins on HLC, origin)."""

    __tablename__ = "incident_systems"

    incident_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    system: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    since: Mapped[str] = mapped_column(String(40))
    comment: Mapped[str] = mapped_column(Text)
    estimate: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(40))


class FormSerial(Base):
    """One printed, numbered downtime form sheet and how far its back-entry got."""

    __tablename__ = "form_serials"

    serial: Mapped[str] = mapped_column(String(24), primary_key=True)
    template: Mapped[str] = mapped_column(String(64))
    template_version: Mapped[int] = mapped_column(Integer)
    incident_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    #: The ward or department the sheet was printed for ("" when not said).
    department: Mapped[str] = mapped_column(Text, default="", server_default="")
    issued_at: Mapped[str] = mapped_column(String(40), index=True)
    issued_by: Mapped[str] = mapped_column(Text)
    device_id: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), index=True)
    status_key: Mapped[str] = mapped_column(String(64))
    status_at: Mapped[str] = mapped_column(String(40))
    status_by: Mapped[str] = mapped_column(Text)
    his_ref: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    #: The language the sheet was printed in (a reprint uses it again).
    lang: Mapped[str] = mapped_column(String(8), default="zh", server_default="zh")
    #: Whether its print job came out: "" (saved as PDF), sent, printed or not-printed.
    print_state: Mapped[str] = mapped_column(String(16), default="", server_default="", index=True)
    #: Orders print-state events: reprint number, then rank, then clock stamp.
    print_key: Mapped[str] = mapped_column(String(80), default="", server_default="")
    #: The print job (printer-number) the sheet went out in, last time.
    print_job: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: Why the job did not print (the printer's reason).
    print_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: How many times the sheet was reprinted (each reprint is marked 重印 REPRINT n).
    reprints: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Intake(Base):
    """A report received from a department before (or without) an incident (信息收集)."""

    __tablename__ = "intakes"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    received_at: Mapped[str] = mapped_column(String(40))
    logged_by: Mapped[str] = mapped_column(Text)
    reporter: Mapped[str] = mapped_column(Text)
    department: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(16))
    what: Mapped[str] = mapped_column(Text)
    systems: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    status_key: Mapped[str] = mapped_column(String(64))
    incident_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")


class IncidentMessage(Base):
    """A message to or from the command centre (as HICS 213), with its reply."""

    __tablename__ = "incident_messages"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    at: Mapped[str] = mapped_column(String(40))
    logged_by: Mapped[str] = mapped_column(Text)
    sender: Mapped[str] = mapped_column(Text)
    recipient: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    reply_required: Mapped[bool] = mapped_column(Integer)
    reply: Mapped[str] = mapped_column(Text, default="")
    replied_by: Mapped[str] = mapped_column(Text, default="")
    replied_at: Mapped[str] = mapped_column(String(40), default="")
    reply_key: Mapped[str] = mapped_column(String(64), default="")


class CapMessage(Base):
    """A CAP 1.2 message that was written for an incident (what later ones reference)."""

    __tablename__ = "cap_messages"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    sender: Mapped[str] = mapped_column(Text)
    identifier: Mapped[str] = mapped_column(Text)
    sent: Mapped[str] = mapped_column(String(40))
    msg_type: Mapped[str] = mapped_column(String(16))
    author: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(24))


class ChecklistItem(Base):
    """One step an incident's group must do, from the playbook or added on the day."""

    __tablename__ = "checklist_items"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    group_code: Mapped[str] = mapped_column(String(16))
    ord: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    assignee: Mapped[str] = mapped_column(Text, default="")
    assignee_key: Mapped[str] = mapped_column(String(64), default="")
    done: Mapped[bool] = mapped_column(Integer, default=0)
    done_at: Mapped[str] = mapped_column(String(40), default="")
    done_by: Mapped[str] = mapped_column(Text, default="")
    done_key: Mapped[str] = mapped_column(String(64), default="")


class Callout(Base):
    """A run of one call tree for an incident; ``nodes`` is the tree as it was started."""

    __tablename__ = "callouts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    tree: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    wait_minutes: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[str] = mapped_column(String(40))
    started_by: Mapped[str] = mapped_column(Text)
    nodes: Mapped[str] = mapped_column(Text)
    #: The tree's levels as started: [{"need": N, "within_minutes": M}, …] per depth.
    levels: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")


class CalloutAttempt(Base):
    """One call made (or its outcome) during a call-out."""

    __tablename__ = "callout_attempts"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    callout_id: Mapped[str] = mapped_column(String(36), index=True)
    person: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    at: Mapped[str] = mapped_column(String(40))
    hlc: Mapped[str] = mapped_column(String(40))
    author: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    #: Minutes until they arrive, when the outcome is "coming".
    eta_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Review(Base):
    """The after-action review of an incident: what went well and what did not."""

    __tablename__ = "reviews"

    incident_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    went_well: Mapped[str] = mapped_column(Text)
    went_badly: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(64))
    author: Mapped[str] = mapped_column(Text)


class Improvement(Base):
    """An improvement item from a review; it stays open across incidents until done."""

    __tablename__ = "improvements"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text)
    due: Mapped[str] = mapped_column(String(10))
    plan_section: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Integer)
    done_at: Mapped[str] = mapped_column(String(40))
    done_key: Mapped[str] = mapped_column(String(64))


class FormStock(Base):
    """Paper stock of one form template: the last physical count and when it was made."""

    __tablename__ = "form_stock"

    template: Mapped[str] = mapped_column(String(64), primary_key=True)
    counted: Mapped[int] = mapped_column(Integer)
    counted_at: Mapped[str] = mapped_column(String(40))
    counted_by: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(64))


class AlertAck(Base):
    """Who acknowledged an alert and when (the first to do so, on any laptop).

    Alerts themselves are not stored: they are computed from the state."""

    __tablename__ = "alert_acks"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    author: Mapped[str] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String(40))
    event_id: Mapped[str] = mapped_column(String(36))
    # (HLC, origin): the earliest acknowledgement wins, whatever order events arrive in.
    order_key: Mapped[str] = mapped_column(String(64))


class ResourceCheck(Base):
    """One check of one of the plan's emergency resources: who, when, the result."""

    __tablename__ = "resource_checks"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(200), index=True)
    result: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String(40))


class ContactCheck(Base):
    """One answer in a "verify your number" round: verified, changed or unreachable."""

    __tablename__ = "contact_checks"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    contact_key: Mapped[str] = mapped_column(Text, index=True)
    result: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String(40))


class RosterShift(Base):
    """One sign-in to a post of an incident's command roster, and its sign-out if any.

    When a shift ended is read from all of them together (domain/roster.py): the next
    sign-in to the same post ends it too."""

    __tablename__ = "roster_shifts"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    role: Mapped[str] = mapped_column(String(32))
    person: Mapped[str] = mapped_column(Text)
    signed_in_at: Mapped[str] = mapped_column(String(40))
    signed_in_by: Mapped[str] = mapped_column(Text)
    #: (HLC, origin): orders two sign-ins to one post in the same second.
    order_key: Mapped[str] = mapped_column(String(64))
    #: The person the sign-in relieved, as the laptop saw it ("" for none).
    relieves: Mapped[str] = mapped_column(Text, default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    signed_out_at: Mapped[str] = mapped_column(String(40), default="", server_default="")
    signed_out_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: (HLC, origin) of the sign-out kept: the earliest, whatever order they arrive in.
    out_key: Mapped[str] = mapped_column(String(64), default="", server_default="")


class DrillRun(Base):
    """A drill run (应急演练): its scenario, speed, pauses, incident and score card."""

    __tablename__ = "drill_runs"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    scenario: Mapped[str] = mapped_column(String(64))
    #: The scenario as it was started (injects and objectives), JSON.
    script: Mapped[str] = mapped_column(Text)
    #: The plan's drill-calendar entry it was run for ("" when none).
    calendar: Mapped[str] = mapped_column(String(64), index=True)
    speed: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[str] = mapped_column(String(40))
    started_by: Mapped[str] = mapped_column(Text)
    #: Pauses and resumptions as [[at, "paused"|"resumed"], ...], JSON.
    controls: Mapped[str] = mapped_column(Text, default="[]")
    #: The incident the team declared from the drill's reports ("" until then).
    incident_id: Mapped[str] = mapped_column(String(40), default="", index=True)
    incident_key: Mapped[str] = mapped_column(String(64), default="")
    ended_at: Mapped[str] = mapped_column(String(40), default="")
    #: The score card kept when the drill ended (JSON; "" until scored).
    score: Mapped[str] = mapped_column(Text, default="")
    score_key: Mapped[str] = mapped_column(String(64), default="")


class DrillInject(Base):
    """One inject of a drill run: scripted or added by the controller, and whether it
    has arrived or was skipped."""

    __tablename__ = "drill_injects"

    drill_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    at_minutes: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(16))
    #: The inject as written (texts, system, outcome …), JSON.
    data: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16))
    #: pending, delivered or skipped.
    state: Mapped[str] = mapped_column(String(16))
    state_key: Mapped[str] = mapped_column(String(64), default="")
    delivered_at: Mapped[str] = mapped_column(String(40), default="")
    drill_seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    #: What the inject made: {"intake": id} / {"message": id} / {"system": code} / ….
    refs: Mapped[str] = mapped_column(Text, default="{}")
    #: An intake an inject made, indexed so a declaration finds its drill.
    intake_id: Mapped[str] = mapped_column(String(64), default="", index=True)


class Task(Base):
    """A task of an incident beyond its checklists: owner, group, due time and status."""

    __tablename__ = "tasks"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text)
    group_code: Mapped[str] = mapped_column(String(16), default="", server_default="")
    due_at: Mapped[str] = mapped_column(String(40))
    #: What it was made from (log, message, checklist) and which one ("" when typed).
    source: Mapped[str] = mapped_column(String(16), default="", server_default="")
    source_ref: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    status_at: Mapped[str] = mapped_column(String(40))
    status_by: Mapped[str] = mapped_column(Text)
    #: (HLC, origin) of the status kept: the last writer's.
    status_key: Mapped[str] = mapped_column(String(64))


class Ward(Base):
    """A ward (病区) the console hands temporary patient numbers and paper to."""

    __tablename__ = "wards"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_zh: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(64))


class TempNumber(Base):
    """One temporary patient number issued to a ward (never who the patient was)."""

    __tablename__ = "temp_numbers"

    number: Mapped[str] = mapped_column(String(32), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(16))
    counter: Mapped[int] = mapped_column(Integer)
    ward: Mapped[str] = mapped_column(String(32), index=True)
    incident_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    issued_at: Mapped[str] = mapped_column(String(40))
    issued_by: Mapped[str] = mapped_column(Text)
    #: The serial of the sheet the number is pre-printed on (None: a label's number).
    sheet: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)


class TempNumberStatus(Base):
    """How far a temporary number got (used, void): kept apart from the number so that a
    status arriving before the range it belongs to (from another laptop) waits for it."""

    __tablename__ = "temp_number_status"

    number: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    status_at: Mapped[str] = mapped_column(String(40))
    status_by: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(80))


class Period(Base):
    """An operational period of an incident (处置阶段): when, how long, the groups assigned,
    the briefing, and what carried over from the period before."""

    __tablename__ = "periods"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    number: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[str] = mapped_column(String(40))
    length_hours: Mapped[int] = mapped_column(Integer)
    briefing: Mapped[str] = mapped_column(Text)
    groups: Mapped[str] = mapped_column(Text)  # JSON list of plan group codes
    carried_objectives: Mapped[str] = mapped_column(Text)  # JSON list of objective ids
    carried_tasks: Mapped[str] = mapped_column(Text)  # JSON list of task ids
    started_by: Mapped[str] = mapped_column(Text)
    #: (HLC, origin): orders two periods started at once on two laptops.
    order_key: Mapped[str] = mapped_column(String(64))


class PeriodObjective(Base):
    """An objective set for a period; it carries over to the next ones until met."""

    __tablename__ = "period_objectives"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    period_id: Mapped[str] = mapped_column(String(40))
    ord: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Integer)
    done_at: Mapped[str] = mapped_column(String(40))
    done_by: Mapped[str] = mapped_column(Text)
    done_key: Mapped[str] = mapped_column(String(64))


class Handover(Base):
    """A shift handover sheet made for an incident (交接班), and its acknowledgement by the
    incoming commander (the first one kept)."""

    __tablename__ = "handovers"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    prepared_at: Mapped[str] = mapped_column(String(40))
    prepared_by: Mapped[str] = mapped_column(Text)
    outgoing: Mapped[str] = mapped_column(Text)
    incoming: Mapped[str] = mapped_column(Text)
    period_id: Mapped[str] = mapped_column(String(40))
    #: What the sheet counted (open alerts, tasks, …), JSON.
    counts: Mapped[str] = mapped_column(Text)
    acknowledged_by: Mapped[str] = mapped_column(Text)
    acknowledged_at: Mapped[str] = mapped_column(String(40))
    ack_key: Mapped[str] = mapped_column(String(64))


Index("ix_events_kind", Event.kind)
# An entity's decisions of a kind (an incident's level and status changes).
Index("ix_events_entity_kind", Event.entity, Event.kind)
# The reporting clocks read an incident's declared / level / report entries only.
Index("ix_incident_entries_incident_kind", IncidentEntry.incident_id, IncidentEntry.kind)
# The incident page reads the log by position in log order, the place as one text
# (services/log_window.py; migration 0028 says why not the two columns).
Index(
    "ix_incident_entries_order",
    IncidentEntry.incident_id,
    IncidentEntry.hlc + " " + IncidentEntry.event_id,
)

#: Projection tables, in the order rebuild clears and compares them.
PROJECTIONS = (
    PlanItem,
    PlanVersion,
    Contact,
    CallTree,
    Operator,
    Incident,
    IncidentEntry,
    IncidentSystem,
    FormSerial,
    Intake,
    IncidentMessage,
    CapMessage,
    ChecklistItem,
    Callout,
    CalloutAttempt,
    Review,
    Improvement,
    FormStock,
    AlertAck,
    ResourceCheck,
    ContactCheck,
    RosterShift,
    DrillRun,
    DrillInject,
    Task,
    Ward,
    TempNumber,
    TempNumberStatus,
    Period,
    PeriodObjective,
    Handover,
)
