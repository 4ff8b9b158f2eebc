"""Replay an incident's timeline step by step, as it happened (for drills and reviews)."""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

#: The log kinds that change what a replay shows of the incident (level, status, the
#: systems' status, the upward reports made); the other entries leave it as it was.
STATE_KINDS = ("declared", "level", "status", "report", "resolved", "closed")


@dataclass(frozen=True)
class State:
    """The incident as it stood right after one activity-log entry."""

    level: str = ""
    status: str = "open"
    systems: Mapping[str, str] = field(default_factory=dict)
    reports_made: int = 0


def after(state: State, entry: Mapping[str, Any]) -> State:
    """The incident's state once ``entry`` is recorded (the same when it changes nothing)."""
    data = entry.get("data", {})
    kind = entry["kind"]
    if kind == "declared":
        systems = dict(state.systems)
        for code in data.get("systems", []):
            systems[code] = "down"
        return State(data["level"], state.status, systems, state.reports_made)
    if kind == "level":
        return State(data["level"], state.status, state.systems, state.reports_made)
    if kind == "status" and entry.get("system"):
        systems = {**state.systems, entry["system"]: data["status"]}
        return State(state.level, state.status, systems, state.reports_made)
    if kind == "report":
        return State(state.level, state.status, state.systems, state.reports_made + 1)
    if kind in ("resolved", "closed"):
        return State(state.level, kind, state.systems, state.reports_made)
    return state


@dataclass(frozen=True)
class Timeline:
    """An incident's states over its log, from the few entries that change it: a long
    log replays without being read whole (the entry of a step is read apart).

    ``steps``: the entries in the log; ``changes``: the places (0 = the first entry) of
    the entries of STATE_KINDS, in log order, and ``states`` the state after each."""

    steps: int
    changes: tuple[int, ...] = ()
    states: tuple[State, ...] = ()

    @classmethod
    def of(cls, steps: int, changes: Sequence[tuple[int, Mapping[str, Any]]]) -> Timeline:
        """From the entries of STATE_KINDS as (place in the log, entry), in log order."""
        states, state = [], State()
        for _place, entry in changes:
            state = after(state, entry)
            states.append(state)
        return cls(steps, tuple(place for place, _entry in changes), tuple(states))

    def state_at(self, index: int) -> State:
        """The incident as it stood right after the entry at place ``index``."""
        at = bisect.bisect_right(self.changes, index)
        return self.states[at - 1] if at else State()
