"""Call-out over a call tree: who has been reached, who to call next, when to escalate.

A call tree is nested nodes ``{contact, alternate, children}``. Each node is a
*slot*: the person, or their alternate once the person could not be reached
within the tree's wait time (or declined). Children are called once their
parent slot is reached, as in a telephone cascade.

Waves (as mass-notification systems call them): each level of the tree (depth 0,
1, …) is a wave. A level may *need* N people reached within M minutes of its
start (``levels[depth] = {"need": N, "within_minutes": M}``). When it falls short,
the next wave starts at the deadline: every slot of the next level is called at
once, whether or not the person above it was reached. When it is met, the next
wave starts then, and goes on as a cascade. A person who answers may say they
are *coming* (with an ETA) or *cannot come* (declined); reached and coming count
towards the need, declined does not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

NOT_CALLED = "not-called"
CALLING = "calling"
REACHED = "reached"
NO_ANSWER = "no-answer"
LEFT_MESSAGE = "left-message"
DECLINED = "declined"
COMING = "coming"
OUTCOMES = (CALLING, REACHED, COMING, NO_ANSWER, LEFT_MESSAGE, DECLINED)
#: Outcomes that mean the person was reached and counts (declined: reached, does not).
REACHED_OUTCOMES = (REACHED, COMING)
DEFAULT_WAIT_MINUTES = 5


@dataclass(frozen=True)
class Attempt:
    person: str
    outcome: str
    at: dt.datetime
    #: Minutes until they arrive, when they said they are coming.
    eta_minutes: int | None = None


@dataclass
class Slot:
    """One node of the tree as the call-out stands."""

    path: str
    person: str
    alternate: str | None
    parent: str | None
    depth: int
    status: str = NOT_CALLED
    escalated: bool = False
    first_attempt: dt.datetime | None = None
    last_attempt: dt.datetime | None = None
    escalate_at: dt.datetime | None = None
    alternate_status: str = NOT_CALLED
    #: When the slot was reached (by the person or the alternate), and their ETA.
    reached_at: dt.datetime | None = None
    eta_minutes: int | None = None

    @property
    def to_call(self) -> str:
        """Whom to phone for this slot now."""
        return self.alternate if self.escalated and self.alternate else self.person

    @property
    def reached(self) -> bool:
        return self.status in REACHED_OUTCOMES


MET = "met"
SHORT = "short"
RUNNING = "running"
WAITING = "waiting"


@dataclass
class Wave:
    """One level of the tree as a wave: how many it needs, how many were reached, by when."""

    depth: int
    size: int
    need: int | None = None
    within_minutes: int | None = None
    started_at: dt.datetime | None = None
    #: started_at + within_minutes, when the level has a need.
    deadline: dt.datetime | None = None
    reached: int = 0
    #: waiting (not started), running, met (the need reached in time), short (it was not).
    state: str = WAITING
    #: When the need was met, or the deadline passed short of it.
    settled_at: dt.datetime | None = None


@dataclass
class CalloutState:
    slots: list[Slot] = field(default_factory=list)
    waves: list[Wave] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.slots)

    @property
    def reached(self) -> int:
        return sum(1 for s in self.slots if s.reached)

    def next_calls(self) -> list[Slot]:
        """Slots to phone now: parent reached, not yet reached, in tree order;
        those never tried (or just escalated) before those already waiting."""
        reached = {s.path for s in self.slots if s.reached}
        # A wave started because the one before fell short is called all at once.
        forced = {
            w.depth + 1 for w in self.waves if w.state == SHORT and w.depth + 1 < len(self.waves)
        }
        ready = [
            s
            for s in self.slots
            if not s.reached and (s.parent is None or s.parent in reached or s.depth in forced)
        ]

        def urgency(slot: Slot) -> int:
            status = slot.alternate_status if slot.escalated else slot.status
            return 0 if status == NOT_CALLED else 1

        return sorted(ready, key=urgency)


def flatten(nodes: Sequence[Mapping[str, Any]]) -> list[Slot]:
    slots: list[Slot] = []

    def walk(
        items: Sequence[Mapping[str, Any]], prefix: str, parent: str | None, depth: int
    ) -> None:
        for i, node in enumerate(items, start=1):
            path = f"{prefix}{i}"
            slots.append(Slot(path, node["contact"], node.get("alternate"), parent, depth))
            walk(node.get("children", []), f"{path}.", path, depth + 1)

    walk(nodes, "", None, 0)
    return slots


def compute(
    nodes: Sequence[Mapping[str, Any]],
    attempts: Sequence[Attempt],
    *,
    wait_minutes: int,
    now: dt.datetime,
    started: dt.datetime | None = None,
    levels: Sequence[Mapping[str, Any]] = (),
) -> CalloutState:
    """The state of a call-out from the tree as started and the calls recorded.

    ``started`` (when the call-out began) and ``levels`` (per depth: ``need``,
    ``within_minutes``) give the waves; without them every level is a plain cascade.
    """
    slots = flatten(nodes)
    by_person: dict[str, list[Attempt]] = {}
    for attempt in sorted(attempts, key=lambda a: a.at):
        by_person.setdefault(attempt.person, []).append(attempt)
    wait = dt.timedelta(minutes=wait_minutes)
    for slot in slots:
        tries = by_person.get(slot.person, [])
        if tries:
            slot.status = tries[-1].outcome
            slot.first_attempt = tries[0].at
            slot.last_attempt = tries[-1].at
            if slot.reached:
                slot.reached_at, slot.eta_minutes = tries[-1].at, tries[-1].eta_minutes
        if slot.reached or slot.alternate is None:
            continue
        if slot.first_attempt is not None:
            slot.escalate_at = slot.first_attempt + wait
        if slot.status == DECLINED or (slot.escalate_at is not None and now >= slot.escalate_at):
            slot.escalated = True
            alt_tries = by_person.get(slot.alternate, [])
            if alt_tries:
                last = alt_tries[-1]
                slot.alternate_status = last.outcome
                slot.last_attempt = max(slot.last_attempt or last.at, last.at)
                if last.outcome in REACHED_OUTCOMES:
                    slot.status = last.outcome
                    slot.reached_at, slot.eta_minutes = last.at, last.eta_minutes
    state = CalloutState(slots)
    state.waves = _waves(slots, now, started, levels)
    return state


def _waves(
    slots: Sequence[Slot],
    now: dt.datetime,
    started: dt.datetime | None,
    levels: Sequence[Mapping[str, Any]],
) -> list[Wave]:
    depth_count = max((s.depth for s in slots), default=-1) + 1
    waves: list[Wave] = []
    start = started
    for depth in range(depth_count):
        level = levels[depth] if depth < len(levels) else {}
        members = [s for s in slots if s.depth == depth]
        wave = Wave(depth, len(members), started_at=start)
        wave.reached = sum(1 for s in members if s.reached)
        need, within = level.get("need"), level.get("within_minutes")
        if isinstance(need, int) and isinstance(within, int) and need > 0:
            wave.need, wave.within_minutes = need, within
        if start is not None and start <= now:
            wave.state = RUNNING
            if wave.need is not None and wave.within_minutes is not None:
                wave.deadline = start + dt.timedelta(minutes=wave.within_minutes)
                times = sorted(s.reached_at for s in members if s.reached_at is not None)
                in_time = [t for t in times if t <= wave.deadline]
                if len(in_time) >= wave.need:
                    wave.state, wave.settled_at = MET, in_time[wave.need - 1]
                elif now >= wave.deadline:
                    wave.state, wave.settled_at = SHORT, wave.deadline
        waves.append(wave)
        # The next wave starts when this one settles; a level without a need hands on as a
        # cascade, from the first time one of its people was reached.
        if wave.settled_at is not None:
            start = wave.settled_at
        else:
            reached = [s.reached_at for s in members if s.reached_at is not None]
            start = min(reached) if reached and wave.need is None else None
    return waves
