"""Decisions that sync settled: a warning level or system status set on one laptop and
replaced by a concurrent one from another, written into the incident's log.

Each decision names the one it replaces (its event's ``parents``). When laptops decide
apart, two decisions name the same predecessor; sync keeps one (the level: of the
decisions nothing builds on, the later stamp; a status: the later stamp) and the other
is overridden. The commander must see that, so for every decision not on the path to
the one that counts, the log holds an ``overridden`` entry saying what was replaced, by
whom and from which laptop, and what replaced it. The entries are recomputed from the
log whenever a decision arrives, so they are the same on every laptop that holds the
same events, and a rebuild gives them again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.domain.hlc import stamp_time
from hisconsole.store.models import Event, Incident, IncidentEntry, IncidentSystem

#: The log entry kind; its data's ``register`` says what was decided ("level", "status").
OVERRIDDEN = glossary.LOG_OVERRIDDEN
#: Suffix of an overridden entry's id: the replaced decision's event id + this.
ENTRY_SUFFIX = ":overridden"
#: Suffix of the entry for a level decided on a laptop that did not know of the resolution.
UNSEEN_SUFFIX = ":after-resolution"


@dataclass(frozen=True)
class _Decision:
    event_id: str
    parent: str | None
    value: str
    author: str
    device: str
    hlc: str
    at: str
    #: Written by a version that names the decision it replaces (older ones did not).
    names_parent: bool

    def said(self) -> dict[str, str]:
        return {
            "value": self.value,
            "author": self.author,
            "device": self.device,
            "at": self.at,
            "event": self.event_id,
        }


def _decisions(
    session: Session, incident_id: str, kinds: tuple[str, ...], *, mentioning: str | None = None
) -> list[Event]:
    """The incident's events of ``kinds`` (whose payload holds ``mentioning``, if given:
    a long incident has many status changes, of many systems)."""
    query = select(Event).where(Event.entity == f"incident:{incident_id}", Event.kind.in_(kinds))
    if mentioning is not None:
        query = query.where(Event.payload.contains(mentioning))
    return list(session.scalars(query))


def _record(
    session: Session,
    incident_id: str,
    register: str,
    system: str | None,
    decisions: dict[str, _Decision],
    current: str | None,
) -> None:
    """Replace the ``register``'s overridden entries with those the decisions give now."""
    condition = (
        (IncidentEntry.incident_id == incident_id)
        & (IncidentEntry.kind == OVERRIDDEN)
        & IncidentEntry.event_id.like(f"%{ENTRY_SUFFIX}")
        & (IncidentEntry.system.is_(None) if system is None else IncidentEntry.system == system)
    )
    session.execute(delete(IncidentEntry).where(condition))
    if current is None or current not in decisions:
        return
    chain = [current]
    while (parent := decisions[chain[-1]].parent) in decisions and parent not in chain:
        chain.append(parent)
    chain.reverse()  # from the first decision to the one that counts
    on_path = set(chain)
    rows = []
    for decision in decisions.values():
        if decision.event_id in on_path or not decision.names_parent:
            continue
        # The winning decision it lost to: the first step on the counting path after
        # the point where the two went apart.
        fork = decision.parent
        seen: set[str] = set()
        while fork is not None and fork not in on_path and fork in decisions and fork not in seen:
            seen.add(fork)
            fork = decisions[fork].parent
        after = chain.index(fork) + 1 if fork in on_path else len(chain) - 1
        kept = decisions[chain[min(after, len(chain) - 1)]]
        if kept.event_id == decision.event_id:
            continue
        hlc = max(decision.hlc, kept.hlc)
        after_both = hlc + "+"  # listed right after the later of the two decisions
        rows.append(
            {
                "event_id": decision.event_id + ENTRY_SUFFIX,
                "incident_id": incident_id,
                "hlc": after_both,
                "at": stamp_time(hlc),
                "author": "",
                "kind": OVERRIDDEN,
                "group_code": None,
                "system": system,
                "text": "",
                "data": json.dumps(
                    {"register": register, "replaced": decision.said(), "kept": kept.said()},
                    sort_keys=True,
                    ensure_ascii=False,
                    separators=(",", ":"),
                ),
                "corrects": None,
            }
        )
    if rows:
        session.execute(insert(IncidentEntry), rows)


def _decision(row: Event, value: str, parent: str | None, names_parent: bool) -> _Decision:
    payload = json.loads(row.payload)
    return _Decision(
        event_id=row.event_id,
        parent=parent,
        value=value,
        author=row.author,
        device=row.origin_id,
        hlc=row.hlc,
        at=payload.get("at") or stamp_time(row.hlc),
        names_parent=names_parent,
    )


def settle_level(session: Session, incident_id: str) -> None:
    """The incident's warning level from all its level decisions, and the overridden ones
    in its log.

    The level is a function of the set of decisions, never of the order they arrived in:
    the decisions no other one builds on (the heads: each laptop's latest word, made
    apart) compete, and the latest stamp wins (HLC, then device: the order of every
    last-writer-wins field). So a change made on top of another always beats it, even
    with an earlier stamp (a laptop whose clock ran fast made the first), and of two
    chains made apart the one whose last step is later counts.
    """
    incident = session.get(Incident, incident_id)
    if incident is None:
        return
    decisions: dict[str, _Decision] = {}
    for row in _decisions(session, incident_id, rules.LEVEL_DECISION_KINDS):
        payload = json.loads(row.payload)
        if payload.get("level") not in glossary.LEVELS:
            continue  # an older program's event that was never applied
        parents = json.loads(row.parents)
        decisions[row.event_id] = _decision(
            row,
            payload["level"],
            parents[0] if parents else None,
            # A level change always named the level it changed (the declaration is the root).
            names_parent=row.kind == "incident.level_changed",
        )
    built_on = {d.parent for d in decisions.values()}
    heads = [d for d in decisions.values() if d.event_id not in built_on]
    if heads:
        head = max(heads, key=lambda d: (d.hlc, d.device))
        incident.level = head.value
        incident.level_hlc = f"{head.hlc}|{head.device}"
        incident.level_event = head.event_id
        session.flush()
    _record(session, incident_id, "level", None, decisions, incident.level_event)


def level_path(session: Session, incident_id: str) -> list[str]:
    """Event ids of the level decisions that count, from the declaration to the level now
    (the overridden ones are not on it): what the reporting clocks follow."""
    incident = session.get(Incident, incident_id)
    if incident is None:
        return []
    parents = {
        row.event_id: json.loads(row.parents)
        for row in _decisions(session, incident_id, rules.LEVEL_DECISION_KINDS)
    }
    return rules.decision_path(incident.level_event, parents)


def settle_resolution(session: Session, incident_id: str) -> None:
    """Level changes the resolving laptop did not know of (made apart), in the incident's log.

    The resolution names the level it saw (its parents); a change on the path to the
    level that counts now but not behind what the resolver saw was decided while the
    incident was being resolved elsewhere: the incident stays resolved, and the log
    says both.
    """
    session.execute(
        delete(IncidentEntry).where(
            (IncidentEntry.incident_id == incident_id)
            & (IncidentEntry.kind == OVERRIDDEN)
            & IncidentEntry.event_id.like(f"%{UNSEEN_SUFFIX}")
        )
    )
    incident = session.get(Incident, incident_id)
    if incident is None:
        return
    rows = _decisions(
        session, incident_id, ("incident.declared", "incident.level_changed", "incident.resolved")
    )
    resolutions = [r for r in rows if r.kind == "incident.resolved" and json.loads(r.parents)]
    if not resolutions:
        return  # not resolved, or by a version that did not say what it saw
    resolution = min(resolutions, key=lambda r: (r.hlc, r.origin_id))
    levels = {r.event_id: r for r in rows if r.kind != "incident.resolved"}

    def path(event_id: str | None) -> list[str]:
        steps: list[str] = []
        while event_id in levels and event_id not in steps:
            steps.append(event_id)
            parents = json.loads(levels[event_id].parents)
            event_id = parents[0] if parents else None
        return steps

    seen = set(path(json.loads(resolution.parents)[0]))
    resolved = _decision(resolution, "resolved", None, True)
    for event_id in path(incident.level_event):
        if event_id in seen:
            continue
        change = levels[event_id]
        unseen = _decision(change, json.loads(change.payload)["level"], None, True)
        hlc = max(change.hlc, resolution.hlc)
        session.execute(
            insert(IncidentEntry),
            {
                "event_id": event_id + UNSEEN_SUFFIX,
                "incident_id": incident_id,
                "hlc": hlc + "+",
                "at": stamp_time(hlc),
                "author": "",
                "kind": OVERRIDDEN,
                "group_code": None,
                "system": None,
                "text": "",
                "data": json.dumps(
                    {"register": "state", "replaced": unseen.said(), "kept": resolved.said()},
                    sort_keys=True,
                    ensure_ascii=False,
                    separators=(",", ":"),
                ),
                "corrects": None,
            },
        )


def settle_status(session: Session, incident_id: str, system: str) -> None:
    """The overridden status decisions of one system of the incident, in its log."""
    state = session.get(IncidentSystem, (incident_id, system))
    if state is None:
        return
    decisions: dict[str, _Decision] = {}
    current = None
    # The canonical payload JSON has no spaces: a system's code appears as "HIS".
    named = _decisions(
        session,
        incident_id,
        ("incident.declared", "incident.system_status"),
        mentioning=f'"{system}"',
    )
    for row in named:
        payload = json.loads(row.payload)
        if row.kind == "incident.declared":
            if system not in payload.get("systems", []):
                continue
            value, names_parent = "down", False
        elif payload["system"] != system:
            continue
        else:
            value, names_parent = payload["status"], "previous" in payload
        parents = json.loads(row.parents)
        decisions[row.event_id] = _decision(
            row, value, parents[0] if parents else None, names_parent
        )
        if f"{row.hlc}|{row.origin_id}" == state.hlc:
            current = row.event_id
    _record(session, incident_id, "status", system, decisions, current)


def status_head(session: Session, incident_id: str, system: str) -> tuple[str, str] | None:
    """(event id, status) of the decision that counts now for ``system``, or None."""
    state = session.get(IncidentSystem, (incident_id, system))
    if state is None:
        return None
    hlc, _, origin = state.hlc.partition("|")
    event_id = session.scalar(
        select(Event.event_id).where(
            Event.entity == f"incident:{incident_id}", Event.hlc == hlc, Event.origin_id == origin
        )
    )
    return (event_id, state.status) if event_id else None
