"""The payload schema of every event kind: one place, used when an event is written and
when one arrives from another laptop.

A schema names the fields a kind's projection and its readers rely on, with their type
and bounds. Payloads only ever gain fields (DESIGN), so fields a schema does not name are
allowed; a kind this program does not know is stored and left for a newer program. An
event whose payload does not fit is never applied: written here, that is a bug; received,
it is held back with the reason (see sync/intake.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from hisconsole.domain.callout import OUTCOMES as CALL_OUTCOMES
from hisconsole.domain.cap import MSG_TYPES
from hisconsole.domain.glossary import (
    CONTACT_RESULTS,
    LEVELS,
    RESOURCE_RESULTS,
    SYSTEM_STATUSES,
    TASK_STATUSES,
)
from hisconsole.domain.plan import LOCATIONS, PlanInvalid
from hisconsole.domain.plan import validate as validate_plan
from hisconsole.errors import N_, Said

#: A name, code or id (incident id, serial prefix, contact key, system code …).
NAME_CHARS = 200
#: A title or a short free text (reason, owner, reporter …).
SHORT_CHARS = 2_000
#: A long free text (an activity-log entry, a message, a review).
TEXT_CHARS = 20_000
#: Items in one list (serials in one back-entry, checklist items added at once …).
LIST_ITEMS = 10_000
#: Sheets issued in one event (the print dialog allows far fewer).
MAX_SHEETS = 100_000
#: Temporary patient numbers issued in one event (the console allows far fewer).
MAX_TEMP_NUMBERS = 100_000


#: Why a value does not fit its field: catalogue sentences naming the ``field`` (its path in
#: the payload as the event spells it: ``items[0].text``) and what was expected.
MISSING = N_("'{field}' is missing")
NOT_TEXT = N_("'{field}' is not text")
TOO_LONG = N_("'{field}' is longer than {limit} characters")
HOLDS_NUL = N_("'{field}' holds a NUL character")
NOT_WHOLE = N_("'{field}' is not a whole number")
NOT_BETWEEN = N_("'{field}' is not between {low} and {high}")
NOT_ONE_OF = N_("'{field}' is not one of {choices}")
NOT_TIME = N_("'{field}' is not a time")
NOT_ISO_TIME = N_("'{field}' is not an ISO 8601 time")
NOT_BOOL = N_("'{field}' is not true or false")
NOT_OBJECT = N_("'{field}' is not an object")
NOT_LIST = N_("'{field}' is not a list")
TOO_MANY = N_("'{field}' has more than {limit} items")
NOT_NUMBER = N_("'{field}' is not a number")
NOT_MINUTES = N_("'{field}' is not between {low} and {high} minutes")
NOT_PLAN = N_("'{field}' is not a valid plan: {problem}")
PAYLOAD_NOT_OBJECT = N_("the payload is not an object")
STAMP_NOT_DATE = N_("its clock stamp is not a date")


def within(why: Said, step: str) -> Said:
    """``why`` of a value found inside ``step`` (a field's name, ``[3]``, ``['zh']``): the
    field's path grows from the outside in."""
    inner = str(why.params.get("field", ""))
    path = step + (inner if not inner or inner.startswith("[") else "." + inner)
    return Said(why.template, **{**why.params, "field": path})


class Check:
    """One field's rule: ``problem(value)`` is None when the value fits, else why not (a
    :class:`~hisconsole.errors.Said` whose ``field`` the enclosing schema fills)."""

    def __init__(self, what: str, test: Callable[[Any], Said | None]) -> None:
        self.what = what
        #: The test itself, called with no method in between: every event written or
        #: taken in is checked, field by field.
        self.problem = test


def _text(limit: int) -> Check:
    def test(value: Any) -> Said | None:
        if not isinstance(value, str):
            return Said(NOT_TEXT)
        if len(value) > limit:
            return Said(TOO_LONG, limit=limit)
        if "\x00" in value:
            return Said(HOLDS_NUL)
        return None

    return Check("text", test)


def _int(low: int = 0, high: int = 2**53) -> Check:
    def test(value: Any) -> Said | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return Said(NOT_WHOLE)
        if not low <= value <= high:
            return Said(NOT_BETWEEN, low=low, high=high)
        return None

    return Check("number", test)


def _choice(choices: tuple[str, ...] | Mapping[str, Any]) -> Check:
    allowed = tuple(choices)

    def test(value: Any) -> Said | None:
        return None if value in allowed else Said(NOT_ONE_OF, choices=", ".join(allowed))

    return Check("choice", test)


def _time() -> Check:
    def test(value: Any) -> Said | None:
        if not isinstance(value, str) or len(value) > 40:
            return Said(NOT_TIME)
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            return Said(NOT_ISO_TIME)
        return None

    return Check("time", test)


def _bool() -> Check:
    return Check("yes/no", lambda v: None if isinstance(v, bool) else Said(NOT_BOOL))


def _object() -> Check:
    return Check("object", lambda v: None if isinstance(v, dict) else Said(NOT_OBJECT))


def _texts() -> Check:
    """A text in several languages ({"zh": …, "en": …}) or one text."""
    one = _text(SHORT_CHARS)

    def test(value: Any) -> Said | None:
        if isinstance(value, str):
            return one.problem(value)
        if not isinstance(value, dict):
            return Said(NOT_TEXT)
        for lang, text in value.items():
            why = one.problem(text)
            if why:
                return within(why, f"[{lang!r}]")
        return None

    return Check("texts", test)


def _list(item: Check, limit: int = LIST_ITEMS) -> Check:
    def test(value: Any) -> Said | None:
        if not isinstance(value, list):
            return Said(NOT_LIST)
        if len(value) > limit:
            return Said(TOO_MANY, limit=limit)
        for index, element in enumerate(value):
            why = item.problem(element)
            if why:
                return within(why, f"[{index}]")
        return None

    return Check("list", test)


def _optional(check: Check) -> Check:
    test = check.problem
    return Check(check.what, lambda v: None if v is None else test(v))


def _shape(**fields: Field) -> Check:
    """A nested object with its own fields (checklist items)."""
    schema = Schema(fields)
    return Check("object", lambda v: schema.problem(v) if isinstance(v, dict) else Said(NOT_OBJECT))


def _plan_document() -> Check:
    def test(value: Any) -> Said | None:
        if not isinstance(value, dict):
            return Said(NOT_OBJECT)
        try:
            validate_plan(value, "published plan")
        except PlanInvalid as exc:
            first = exc.problems[0]
            where = first.location
            return Said(
                NOT_PLAN,
                problem=Said(
                    N_("{where}: {problem}"),
                    where=Said(where, **first.params) if where in LOCATIONS else where,
                    problem=Said(first.message, **first.params),
                ),
            )
        return None

    return Check("plan", test)


@dataclass(frozen=True)
class Field:
    check: Check
    required: bool = True


def req(check: Check) -> Field:
    return Field(check, True)


def opt(check: Check) -> Field:
    """May be missing or null."""
    return Field(_optional(check), False)


class Schema:
    """The fields of one kind's payload."""

    def __init__(self, fields: Mapping[str, Field]) -> None:
        self.fields = dict(fields)
        self._tests = tuple(
            (name, rule.required, rule.check.problem) for name, rule in self.fields.items()
        )

    def problem(self, payload: Any) -> Said | None:
        if not isinstance(payload, dict):
            return Said(PAYLOAD_NOT_OBJECT)
        for name, required, test in self._tests:
            if name not in payload:
                if required:
                    return Said(MISSING, field=name)
                continue
            why = test(payload[name])
            if why:
                return within(why, name)
        return None


NAME = _text(NAME_CHARS)
SHORT = _text(SHORT_CHARS)
TEXT = _text(TEXT_CHARS)
TIME = _time()
LEVEL = _choice(LEVELS)
SERIALS = _list(NAME)
# Codes of systems, groups and log kinds may grow with the hospital's plan: names,
# not choices. The statuses and outcomes below are the program's own vocabulary.
_INCIDENT = {"id": req(NAME), "at": opt(TIME)}


def _minutes() -> Check:
    def test(value: Any) -> Said | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return Said(NOT_NUMBER)
        if not 0 <= value <= 10**7:  # also refuses NaN
            return Said(NOT_MINUTES, low=0, high=10**7)
        return None

    return Check("minutes", test)


#: A drill inject as the drill tables keep it (the rest of it is kept as it came).
_INJECT = _shape(code=req(NAME), at_minutes=opt(_minutes()), kind=opt(NAME))

SCHEMAS: dict[str, Schema] = {
    "incident.declared": Schema(
        {
            **_INCIDENT,
            "title": req(SHORT),
            "level": req(LEVEL),
            "reported_at": req(TIME),
            "scenario": opt(NAME),
            "exercise": opt(_bool()),
            "systems": opt(_list(NAME, 100)),
        }
    ),
    "incident.level_changed": Schema(
        {**_INCIDENT, "level": req(LEVEL), "previous": opt(LEVEL), "reason": opt(SHORT)}
    ),
    "incident.logged": Schema(
        {
            **_INCIDENT,
            "text": req(TEXT),
            # Older programs wrote kinds this one words differently: a name, not a choice.
            "kind": opt(NAME),
            "group": opt(NAME),
            "system": opt(NAME),
            "corrects": opt(NAME),
        }
    ),
    "incident.system_status": Schema(
        {
            **_INCIDENT,
            "system": req(NAME),
            "status": req(_choice(SYSTEM_STATUSES)),
            "comment": opt(SHORT),
            "estimate": opt(SHORT),
        }
    ),
    "incident.report_recorded": Schema(
        {
            "id": req(NAME),
            "at": req(TIME),
            "summary": opt(TEXT),
            "recipient": opt(SHORT),
            "channel": opt(NAME),
        }
    ),
    "incident.playbook_chosen": Schema({**_INCIDENT, "scenario": req(NAME)}),
    "incident.resolved": Schema({**_INCIDENT, "note": opt(TEXT)}),
    "incident.closed": Schema({**_INCIDENT, "reason": opt(TEXT), "outstanding": opt(_int())}),
    "incident.cap_issued": Schema(
        {
            "id": req(NAME),
            "sender": req(SHORT),
            "identifier": req(SHORT),
            "sent": req(TIME),
            "msg_type": req(_choice(tuple(MSG_TYPES.values()))),
            "references": opt(_list(SHORT, 1_000)),
        }
    ),
    "forms.issued": Schema(
        {
            "prefix": req(NAME),
            "template": req(NAME),
            "first": req(_int(0, 10**9)),
            "count": req(_int(0, MAX_SHEETS)),
            "template_version": opt(_int(0, 10**6)),
            "incident": opt(NAME),
            "department": opt(SHORT),
            "lang": opt(NAME),
            "job": opt(NAME),
            "printer": opt(SHORT),
            "at": opt(TIME),
        }
    ),
    "forms.status": Schema(
        {
            "serials": req(SERIALS),
            "status": req(_choice(("issued", "returned", "entered", "void", "verified"))),
            "his_ref": opt(SHORT),
            "reason": opt(SHORT),
            "at": opt(TIME),
        }
    ),
    "forms.print_state": Schema(
        {
            "serials": req(SERIALS),
            "state": req(_choice(("sent", "printed", "not-printed"))),
            "reprint": opt(_int(0, 10**6)),
            "job": opt(NAME),
            "printer": opt(SHORT),
            "reason": opt(SHORT),
            "at": opt(TIME),
        }
    ),
    "forms.stock_counted": Schema(
        {"template": req(NAME), "count": req(_int(0, 10**9)), "at": opt(TIME)}
    ),
    "numbers.ward_set": Schema(
        {
            "code": req(NAME),
            "name": req(_texts()),
            "active": req(_bool()),
            "at": opt(TIME),
        }
    ),
    "numbers.issued": Schema(
        {
            "prefix": req(NAME),
            "first": req(_int(1, 10**9)),
            "count": req(_int(1, MAX_TEMP_NUMBERS)),
            "ward": req(NAME),
            "incident": opt(NAME),
            # Pre-printed on sheets (the registration form): ``rows`` numbers to a sheet,
            # from the serial number ``first`` of this laptop on.
            "sheets": opt(_shape(first=req(_int(1, 10**9)), rows=req(_int(1, 1000)))),
            "at": opt(TIME),
        }
    ),
    "numbers.status": Schema(
        {
            "numbers": req(_list(NAME)),
            "status": req(_choice(("used", "void"))),
            "reason": opt(SHORT),
            "at": opt(TIME),
        }
    ),
    "intake.received": Schema(
        {
            "intake": req(NAME),
            "received_at": req(TIME),
            "reporter": opt(SHORT),
            "department": opt(SHORT),
            "channel": opt(NAME),
            "what": opt(TEXT),
            "systems": opt(_list(NAME, 100)),
        }
    ),
    "intake.assessed": Schema(
        {
            "intake": req(NAME),
            "outcome": req(_choice(("open", "declared", "attached", "no-incident"))),
            "incident": opt(NAME),
            "reason": opt(SHORT),
        }
    ),
    "message.sent": Schema(
        {
            **_INCIDENT,
            "message": req(NAME),
            "text": req(TEXT),
            "sender": opt(SHORT),
            "recipient": opt(SHORT),
            "priority": opt(NAME),
            "reply_required": opt(_bool()),
        }
    ),
    "message.replied": Schema(
        {
            "message": req(NAME),
            "reply": req(TEXT),
            "replied_by": opt(SHORT),
            "id": opt(NAME),
            "at": opt(TIME),
        }
    ),
    "checklist.items_added": Schema(
        {
            "id": req(NAME),
            "items": req(
                _list(
                    _shape(
                        item=req(NAME),
                        group=req(NAME),
                        order=req(_int(0, 10**9)),
                        text=req(_texts()),
                        source=opt(NAME),
                    ),
                    1_000,
                )
            ),
        }
    ),
    "checklist.assigned": Schema({"item": req(NAME), "assignee": req(SHORT), "id": opt(NAME)}),
    "checklist.ticked": Schema(
        {"item": req(NAME), "done": req(_bool()), "id": opt(NAME), "at": opt(TIME)}
    ),
    "callout.started": Schema(
        {
            **_INCIDENT,
            "callout": req(NAME),
            "tree": req(NAME),
            "title": opt(_texts()),
            "wait_minutes": req(_int(0, 24 * 60)),
            "nodes": req(_list(_object(), 1_000)),
        }
    ),
    "callout.call": Schema(
        {
            "callout": req(NAME),
            "person": req(NAME),
            "outcome": req(_choice(CALL_OUTCOMES)),
            "note": opt(SHORT),
            "id": opt(NAME),
            "at": opt(TIME),
        }
    ),
    # The command roster: a post is a name (a plan may add posts), the person a free text.
    "roster.signed_in": Schema(
        {
            **_INCIDENT,
            "role": req(NAME),
            "person": req(SHORT),
            "relieves": opt(SHORT),
            "note": opt(SHORT),
        }
    ),
    "roster.signed_out": Schema(
        {**_INCIDENT, "role": req(NAME), "shift": req(NAME), "person": opt(SHORT)}
    ),
    "task.added": Schema(
        {
            **_INCIDENT,
            "task": req(NAME),
            "text": req(TEXT),
            "owner": req(SHORT),
            "due": req(TIME),
            "group": opt(NAME),
            "source": opt(NAME),
            "ref": opt(NAME),
        }
    ),
    "task.status": Schema(
        {"task": req(NAME), "status": req(_choice(TASK_STATUSES)), "id": opt(NAME), "at": opt(TIME)}
    ),
    "period.started": Schema(
        {
            **_INCIDENT,
            "period": req(NAME),
            "number": req(_int(1, 10_000)),
            "starts_at": req(TIME),
            "length_hours": req(_int(1, 168)),
            "objectives": req(_list(_shape(objective=req(NAME), text=req(SHORT)), 200)),
            "groups": opt(_list(NAME, 20)),
            "briefing": opt(TEXT),
            "carried_objectives": opt(_list(NAME, 1_000)),
            "carried_tasks": opt(_list(NAME, 10_000)),
        }
    ),
    "period.objective_done": Schema(
        {"objective": req(NAME), "done": req(_bool()), "id": opt(NAME), "at": opt(TIME)}
    ),
    "handover.prepared": Schema(
        {
            **_INCIDENT,
            "handover": req(NAME),
            "outgoing": opt(SHORT),
            "incoming": opt(SHORT),
            "period": opt(NAME),
            "counts": opt(_object()),
        }
    ),
    "handover.acknowledged": Schema({**_INCIDENT, "handover": req(NAME), "by": req(SHORT)}),
    "review.noted": Schema({"id": req(NAME), "went_well": opt(TEXT), "went_badly": opt(TEXT)}),
    "improvement.added": Schema(
        {
            **_INCIDENT,
            "item": req(NAME),
            "text": req(TEXT),
            "owner": opt(SHORT),
            "due": opt(SHORT),
            "plan_section": opt(SHORT),
        }
    ),
    "improvement.done": Schema(
        {"item": req(NAME), "done": opt(_bool()), "id": opt(NAME), "at": opt(TIME)}
    ),
    "alert.acknowledged": Schema({"key": req(SHORT), "at": opt(TIME)}),
    "resource.checked": Schema(
        {
            "code": req(NAME),
            "result": req(_choice(RESOURCE_RESULTS)),
            "note": opt(SHORT),
            "at": req(TIME),
        }
    ),
    "contact.verified": Schema(
        {
            "key": req(NAME),
            "result": req(_choice(CONTACT_RESULTS)),
            "note": opt(SHORT),
            "at": req(TIME),
        }
    ),
    "drill.started": Schema(
        {
            "drill": req(NAME),
            "scenario": req(NAME),
            "speed": req(_int(1, 60)),
            "at": req(TIME),
            "script": req(_shape(injects=opt(_list(_INJECT, 1_000)))),
            "calendar": opt(NAME),
        }
    ),
    "drill.paused": Schema({"drill": req(NAME), "at": req(TIME)}),
    "drill.resumed": Schema({"drill": req(NAME), "at": req(TIME)}),
    "drill.inject_added": Schema({"drill": req(NAME), "inject": req(_INJECT), "at": opt(TIME)}),
    "drill.inject_skipped": Schema({"drill": req(NAME), "inject": req(NAME), "at": opt(TIME)}),
    "drill.injected": Schema(
        {
            "drill": req(NAME),
            "inject": req(NAME),
            "at": req(TIME),
            "drill_seconds": req(_int(0, 10**7)),
            "data": req(_INJECT),
            "refs": opt(_object()),
        }
    ),
    "drill.linked": Schema({"drill": req(NAME), "incident": req(NAME), "at": opt(TIME)}),
    "drill.ended": Schema({"drill": req(NAME), "at": req(TIME), "reason": opt(SHORT)}),
    "drill.scored": Schema({"drill": req(NAME), "card": req(_object()), "at": opt(TIME)}),
    "operator.signed_in": Schema({"name": req(SHORT), "role": req(NAME)}),
    "plan.item.set": Schema(
        {
            "key": req(NAME),
            "section": req(NAME),
            "order": req(_int(0, 10**9)),
            "data": req(_object()),
        }
    ),
    "plan.item.removed": Schema({"key": req(NAME), "section": opt(NAME)}),
    "plan.published": Schema(
        {"version": req(_int(1, 10**6)), "note": opt(TEXT), "document": req(_plan_document())}
    ),
    "contact.set": Schema({"key": req(NAME), "data": req(_object())}),
    "contact.removed": Schema({"key": req(NAME)}),
    "calltree.set": Schema({"key": req(NAME), "data": req(_object())}),
    "calltree.removed": Schema({"key": req(NAME)}),
}

#: What each kind refers to: (payload field, the kind of thing it names). Such an event from
#: another laptop is applied only once what it names is here (an incident's declaration,
#: a checklist step, a sheet's issue …); until then it is held (sync/intake.py). A field
#: holding a list names one thing per item; a missing or null field names nothing.
INCIDENT = "incident"
REFERS: dict[str, tuple[tuple[str, str], ...]] = {
    **{
        kind: (("id", INCIDENT),)
        for kind in (
            "incident.level_changed",
            "incident.logged",
            "incident.system_status",
            "incident.report_recorded",
            "incident.playbook_chosen",
            "incident.resolved",
            "incident.closed",
            "incident.cap_issued",
            "message.sent",
            "checklist.items_added",
            "callout.started",
            "review.noted",
            "improvement.added",
            "roster.signed_in",
            "task.added",
            "period.started",
            "handover.prepared",
        )
    },
    "handover.acknowledged": (("id", INCIDENT), ("handover", "handover")),
    "roster.signed_out": (("id", INCIDENT), ("shift", "roster shift")),
    "task.status": (("task", "task"),),
    "period.objective_done": (("objective", "period objective"),),
    "forms.issued": (("incident", INCIDENT),),
    # A range issued for an incident waits for it like a form's sheets do; a number's
    # status needs no range first (folding_numbers keeps it until the range arrives).
    "numbers.issued": (("incident", INCIDENT),),
    "forms.status": (("serials", "serial"),),
    "forms.print_state": (("serials", "serial"),),
    "intake.assessed": (("intake", "intake"), ("incident", INCIDENT)),
    "message.replied": (("message", "message"),),
    "checklist.assigned": (("item", "checklist step"),),
    "checklist.ticked": (("item", "checklist step"),),
    "callout.call": (("callout", "call-out"),),
    "improvement.done": (("item", "improvement item"),),
}


def references(kind: str, payload: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(kind of thing, its id) of everything an event of ``kind`` names (its payload fits)."""
    named: list[tuple[str, str]] = []
    for name, what in REFERS.get(kind, ()):
        value = payload.get(name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                named.append((what, item))
    return named


#: Clock stamps outside these years cannot be shown as a date: impossible, not just odd.
STAMP_YEARS = (1970, 9999)


def payload_problem(kind: str, payload: Any) -> Said | None:
    """Why ``payload`` does not fit the schema of ``kind`` (None: it fits, or the kind is
    one this program does not know, which is stored for a newer program): which field and
    what was expected, said in the reader's language where it is shown."""
    schema = SCHEMAS.get(kind)
    if schema is None:
        return None if isinstance(payload, dict) else Said(PAYLOAD_NOT_OBJECT)
    return schema.problem(payload)


#: Stamps from the first day of STAMP_YEARS up to a day before the last year ends are
#: dates without asking the calendar (once per event taken in); the rest are asked.
_PLAIN_STAMPS_MS = (
    int(dt.datetime(STAMP_YEARS[0], 1, 1, tzinfo=dt.UTC).timestamp()) * 1000,
    int(dt.datetime(STAMP_YEARS[1], 12, 31, tzinfo=dt.UTC).timestamp()) * 1000,
)


def stamp_problem(wall_ms: int) -> Said | None:
    """Why a clock stamp is impossible (None: it is a date, however far from now)."""
    if _PLAIN_STAMPS_MS[0] <= wall_ms < _PLAIN_STAMPS_MS[1]:
        return None
    try:
        year = dt.datetime.fromtimestamp(wall_ms / 1000, tz=dt.UTC).year
    except (OverflowError, OSError, ValueError):
        return Said(STAMP_NOT_DATE)
    if not STAMP_YEARS[0] <= year <= STAMP_YEARS[1]:
        return Said(STAMP_NOT_DATE)
    return None
