"""Call-out over a call tree: who has been reached, who to call next, when to escalate.

A call tree is nested nodes ``{contact, alternate, children}``. Each node is a
*slot*: the person, or their alternate once the person could not be reached
within the tree's wait time (or declined). Children are called once their
parent slot is reached, as in a telephone cascade.
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
OUTCOMES = (CALLING, REACHED, NO_ANSWER, LEFT_MESSAGE, DECLINED)
DEFAULT_WAIT_MINUTES = 5


@dataclass(frozen=True)
class Attempt:
    person: str
    outcome: str
    at: dt.datetime


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

    @property
    def to_call(self) -> str:
        """Whom to phone for this slot now."""
        return self.alternate if self.escalated and self.alternate else self.person

    @property
    def reached(self) -> bool:
        return self.status == REACHED


@dataclass
class CalloutState:
    slots: list[Slot] = field(default_factory=list)

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
        ready = [
            s for s in self.slots if not s.reached and (s.parent is None or s.parent in reached)
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
) -> CalloutState:
    """The state of a call-out from the tree as started and the calls recorded."""
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
        if slot.status == REACHED or slot.alternate is None:
            continue
        if slot.first_attempt is not None:
            slot.escalate_at = slot.first_attempt + wait
        if slot.status == DECLINED or (slot.escalate_at is not None and now >= slot.escalate_at):
            slot.escalated = True
            alt_tries = by_person.get(slot.alternate, [])
            if alt_tries:
                slot.alternate_status = alt_tries[-1].outcome
                slot.last_attempt = max(slot.last_attempt or alt_tries[-1].at, alt_tries[-1].at)
                if slot.alternate_status == REACHED:
                    slot.status = REACHED
    return CalloutState(slots)
