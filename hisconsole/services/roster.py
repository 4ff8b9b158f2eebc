"""The command roster of an incident (指挥岗位, as HICS 203/207): sign in, sign out, who is on.

One person per post at a time: signing in to a post someone holds relieves them, and
the log records the handover. The posts and the plan group each belongs to are the
glossary's (``ROSTER_ROLES``); the history is read from the sign-ins and sign-outs by
``domain/roster.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.domain import roster as roster_rules
from hisconsole.errors import Term
from hisconsole.services import people
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.incident_rows import get_incident, iso, require_open
from hisconsole.store.models import Incident, RosterShift

AREA = "incident"


def _post(role: str) -> Term:
    """A post in a refusal: the post's name in the reader's language, its code in --json."""
    return Term("roster role", role)


class RoleUnknown(ServiceError):
    code = "roster.role-unknown"
    template = "Unknown post {role!r}; the roster has {known}."


class AlreadyOnDuty(ServiceError):
    code = "roster.already-on-duty"
    template = "{person} is already signed in as {role} (since {since})."


class PostVacant(ServiceError):
    code = "roster.post-vacant"
    template = "Nobody is signed in as {role} in {incident}."


class NameMissing(ServiceError):
    code = "roster.name-missing"
    template = "Give the name of the person signing in (--person NAME)."


class NotAllowedForPost(ServiceError):
    code = "roster.not-allowed"
    template = (
        "{person} is not on IT's trust list as someone who may be {role}. Nothing was changed."
    )


class PostPinNeeded(ServiceError):
    code = "roster.pin-needed"
    template = (
        "{person} signs in as commander (指挥长): their PIN is needed (command line: on the "
        "terminal, or --pin-fd N). Nothing was changed."
    )


class NoOpenIncident(ServiceError):
    code = "incident.none-open"
    template = "No incident is open. Give the incident's id ('hisconsole incident list')."


@dataclass(frozen=True)
class SignedIn:
    """A sign-in recorded: its shift id, whom it relieved (None: the post was vacant)."""

    shift: str
    relieved: str | None
    changes: ChangeSet


def choose_incident(console: Console, incident_id: str | None) -> str:
    """``incident_id``, or when None the open incident the banner shows (the most severe,
    then the newest)."""
    if incident_id:
        return incident_id
    with console.db.read() as session:
        rows = session.scalars(
            select(Incident)
            .where(Incident.status == rules.INCIDENT_OPEN)
            .order_by(Incident.declared_at.desc())
        ).all()
    if not rows:
        raise NoOpenIncident()
    return min(rows, key=lambda r: glossary.level_rank(r.level)).id


def _history(rows: list[RosterShift]) -> list[roster_rules.Shift]:
    sign_ins = [
        roster_rules.SignIn(
            r.event_id, r.role, r.person, dt.datetime.fromisoformat(r.signed_in_at), r.order_key
        )
        for r in rows
    ]
    outs = {r.event_id: dt.datetime.fromisoformat(r.signed_out_at) for r in rows if r.signed_out_at}
    return roster_rules.shifts(sign_ins, outs)


def _rows(session: Any, incident_id: str) -> list[RosterShift]:
    return list(
        session.scalars(select(RosterShift).where(RosterShift.incident_id == incident_id)).all()
    )


def roster(console: Console, incident_id: str) -> dict[str, Any]:
    """Every post with whoever holds it now, and the history of every shift."""
    with console.db.read() as session:
        get_incident(session, incident_id)
        rows = _rows(session, incident_id)
    notes = {r.event_id: (r.note, r.signed_in_by) for r in rows}
    history = _history(rows)
    now_on = roster_rules.on_duty(history)
    posts = []
    for role in roster_rules.chart_order({*glossary.ROSTER_ROLES, *(s.role for s in history)}):
        shift = now_on.get(role)
        posts.append(
            {
                "role": role,
                "group": roster_rules.group_of(role),
                "person": shift.person if shift else None,
                "since": iso(shift.start) if shift else None,
                "shift": shift.shift if shift else None,
            }
        )
    return {
        "incident": incident_id,
        "posts": posts,
        "history": [
            {
                "shift": s.shift,
                "role": s.role,
                "group": roster_rules.group_of(s.role),
                "person": s.person,
                "signed_in_at": iso(s.start),
                "signed_out_at": iso(s.end) if s.end else None,
                "ended": s.ended,
                "relieved_by": s.relieved_by,
                "note": notes[s.shift][0],
                "recorded_by": notes[s.shift][1],
            }
            for s in history
        ],
    }


def commander_in(session: Any, incident_id: str) -> str | None:
    """Within a transaction: who is signed in as the incident's commander (None: nobody)."""
    shift = roster_rules.on_duty(_history(_rows(session, incident_id))).get(glossary.COMMANDER)
    return shift.person if shift else None


def _check_role(role: str) -> None:
    if role not in glossary.ROSTER_ROLES:
        raise RoleUnknown(role=role, known=", ".join(glossary.ROSTER_ROLES))


def sign_in(
    console: Console,
    incident_id: str,
    role: str,
    person: str | None = None,
    *,
    note: str = "",
    pin: str | None = None,
) -> SignedIn:
    """Put ``person`` (default: the operator on duty) in ``role``. Whoever held it is
    relieved: the log records the handover. ``pin``: the person's PIN, needed for the
    commander's post once IT's people are pinned (else asked through ``pin_source``)."""
    _check_role(role)
    name = " ".join((person if person is not None else console.operator.name).split())
    if not name:
        raise NameMissing()
    _check_person(console, name, role, pin)
    with console.transaction() as tx:
        require_open(get_incident(tx.session, incident_id))
        current = roster_rules.on_duty(_history(_rows(tx.session, incident_id))).get(role)
        if current is not None and current.person == name:
            raise AlreadyOnDuty(person=name, role=_post(role), since=iso(current.start))
        record = tx.emit(
            "roster.signed_in",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "role": role,
                "person": name,
                "relieves": current.person if current else None,
                "note": " ".join(note.split()),
                "at": iso(console.now()),
            },
            parents=[current.shift] if current else [],
        )
    return SignedIn(record.event_id, current.person if current else None, ChangeSet({AREA}, 1))


def _check_person(console: Console, name: str, role: str, pin: str | None) -> None:
    """Once IT's people are pinned, only someone listed for a post may take it, and the
    commander's post needs that person's PIN (without people, roles are as typed)."""
    if not people.roles_verified(console):
        return
    if not people.may_hold(console, name, role):
        raise NotAllowedForPost(person=name, role=_post(role))
    if role == glossary.COMMANDER:
        if not pin and console.pin_source is not None:
            pin = console.pin_source(name)
        if not pin:
            raise PostPinNeeded(person=name)
        if not people.verify_pin(console, name, pin):
            raise people.WrongPin(name=name)


def sign_out(console: Console, incident_id: str, role: str) -> ChangeSet:
    """End the shift of whoever holds ``role``; the post is vacant until someone signs in."""
    _check_role(role)
    with console.transaction() as tx:
        require_open(get_incident(tx.session, incident_id))
        current = roster_rules.on_duty(_history(_rows(tx.session, incident_id))).get(role)
        if current is None:
            raise PostVacant(role=_post(role), incident=incident_id)
        tx.emit(
            "roster.signed_out",
            f"incident:{incident_id}",
            {
                "id": incident_id,
                "role": role,
                "shift": current.shift,
                "person": current.person,
                "at": iso(console.now()),
            },
            parents=[current.shift],
        )
    return ChangeSet({AREA}, 1)
