"""Incidents: ids, system statuses, and the reporting clocks the plan sets.

The plan says how soon an upward report is due after a problem is reported
(10 minutes at levels I/II, 30 at III/IV in the bundled plan) and how often
follow-up reports (续报) are due until the incident is resolved. Nothing here
is hard-coded: the minutes come from the plan's levels.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from hisconsole.domain.glossary import LEVELS
from hisconsole.domain.plan import Level
from hisconsole.errors import KnownError

#: CLI spellings of the statuses DESIGN.md names.
CLI_STATUSES = ("up", "degraded", "down")

INCIDENT_OPEN = "open"
INCIDENT_RESOLVED = "resolved"
INCIDENT_CLOSED = "closed"


CLOCK_INITIAL = "initial"
CLOCK_LEVEL_CHANGE = "level-change"
CLOCK_FOLLOWUP = "followup"

# A clock still running is ok, amber (a third of its window left) or red (overdue).
STATE_OK = "ok"
STATE_AMBER = "amber"
STATE_RED = "red"
# A settled clock is judged against the plan's rule, as the hospital is audited on it:
# on time, late (made after the due time) or missed (replaced by a level change, or the
# incident resolved, after the due time and before it was made).
STATE_ON_TIME = "on-time"
STATE_LATE = "late"
STATE_MISSED = "missed"
# Replaced or ended before it fell due: no report was owed on it.
STATE_CANCELLED = "cancelled"
SETTLED_STATES = (STATE_ON_TIME, STATE_LATE, STATE_MISSED, STATE_CANCELLED)

#: A clock turns amber when this fraction of its window (or less) is left.
AMBER_FRACTION = 1 / 3


def incident_id(day: dt.date, device_code: str, number: int) -> str:
    """Readable id unique across laptops: ``INC-20261125-K7QF-01``."""
    return f"INC-{day:%Y%m%d}-{device_code}-{number:02d}"


class LevelUnknown(KnownError, ValueError):
    """Text that is not one of the plan's warning levels."""

    code = "incident.level-unknown"
    template = "{value!r} is not a warning level; use one of {known}"


def parse_level(value: str) -> str:
    code = value.strip().upper()
    if code not in LEVELS:
        raise LevelUnknown(value=value, known=", ".join(LEVELS))
    return code


def is_settled(state: str) -> bool:
    return state in SETTLED_STATES


def late_minutes(seconds: float) -> int:
    """Minutes late as people say it: rounded, and at least 1 for any lateness at all."""
    return max(1, round(seconds / 60)) if seconds > 0 else 0


@dataclass(frozen=True)
class ReportClock:
    """One upward report that is (or was) due.

    ``met_at`` is when the report was made; ``ended_at`` when the clock ended
    without one (a level change replaced it, or the incident was resolved) and
    ``missed`` whether a report was owed by then.
    """

    kind: str
    level: str
    started_at: dt.datetime
    due_at: dt.datetime
    met_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None
    missed: bool = False

    def state(self, now: dt.datetime) -> str:
        if self.met_at is not None:
            return STATE_ON_TIME if self.met_at <= self.due_at else STATE_LATE
        if self.ended_at is not None:
            return STATE_MISSED if self.missed else STATE_CANCELLED
        remaining = (self.due_at - now).total_seconds()
        if remaining <= 0:
            return STATE_RED
        window = (self.due_at - self.started_at).total_seconds()
        return STATE_AMBER if remaining <= window * AMBER_FRACTION else STATE_OK

    @property
    def settled(self) -> bool:
        return self.met_at is not None or self.ended_at is not None

    def remaining(self, now: dt.datetime) -> dt.timedelta:
        return self.due_at - now

    def late_seconds(self) -> int:
        """How long after the due time the report was made (0 if on time or not made)."""
        if self.met_at is None:
            return 0
        return max(0, int((self.met_at - self.due_at).total_seconds()))


@dataclass(frozen=True)
class LevelChange:
    at: dt.datetime
    level: str
    seq: int = 0  # position in the log: orders changes and reports made in the same second


#: The events that decide an incident's warning level (the declaration is the first).
LEVEL_DECISION_KINDS = ("incident.declared", "incident.level_changed")


def decision_path(head: str | None, parents: Mapping[str, Sequence[str]]) -> list[str]:
    """The level decisions that count, from the declaration to ``head`` (the decision
    that set the level now), each following the first parent it names: what the
    reporting clocks follow (the decisions off this path were overridden)."""
    path: list[str] = []
    step = head
    while step is not None and step in parents and step not in path:
        path.append(step)
        step = parents[step][0] if parents[step] else None
    path.reverse()
    return path


def in_decision_order(chain: Sequence[tuple[int, LevelChange]]) -> list[LevelChange]:
    """Level changes that built on each other, by their place in that chain, each taking
    effect no earlier than the one it built on: a laptop whose clock ran fast may have
    stamped a change later than the change made on top of it."""
    result: list[LevelChange] = []
    for _place, change in sorted(chain, key=lambda c: c[0]):
        last = result[-1] if result else None
        if last is not None and (change.at, change.seq) < (last.at, last.seq):
            # Same time and place as the one it built on: compute_clocks sorts stably.
            change = replace(change, at=last.at, seq=last.seq)
        result.append(change)
    return result


@dataclass(frozen=True)
class ReportMade:
    at: dt.datetime
    seq: int = 0


def compute_clocks(
    *,
    levels: Mapping[str, Level],
    reported_at: dt.datetime,
    initial_level: str,
    level_changes: Sequence[LevelChange] = (),
    reports: Sequence[dt.datetime | ReportMade] = (),
    resolved_at: dt.datetime | None = None,
) -> list[ReportClock]:
    """Every reporting clock of an incident, in order; at most one is pending.

    - The initial report is due ``report_minutes`` (of the level declared) after
      the problem was reported.
    - A level change restarts the pending deadline from the change when the new
      level says so (``restart_clock_on_change``), using the new level's minutes.
    - Each recorded report meets the pending clock; until the incident is
      resolved, the next follow-up is then due ``followup_minutes`` later.
    - Resolving ends the pending clock: a report already due is missed, one not
      yet due was not owed (a follow-up) -- but an initial or level-change
      report is owed as soon as the level is set, so resolving before it was
      made misses it. A report dated before the resolution still counts.
    """
    # (time, log position, tie-break, what, value): events of the same second in log order.
    timeline: list[tuple[dt.datetime, int, int, str, str]] = []
    for change in level_changes:
        timeline.append((change.at, change.seq, 0, "level", change.level))
    for report in reports:
        made = report if isinstance(report, ReportMade) else ReportMade(report)
        timeline.append((made.at, made.seq, 1, "report", ""))
    if resolved_at is not None:
        timeline.append((resolved_at, sys.maxsize, 2, "resolved", ""))
    timeline.sort(key=lambda t: (t[0], t[1], t[2]))

    level = initial_level
    minutes = levels[level].report_minutes
    pending: ReportClock | None = ReportClock(
        CLOCK_INITIAL, level, reported_at, reported_at + dt.timedelta(minutes=minutes)
    )
    done: list[ReportClock] = []
    resolved = False
    for at, _seq, _order, what, value in timeline:
        if what == "level":
            level = value
            rule = levels[level]
            if rule.restart_clock_on_change and not resolved:
                if pending is not None:
                    done.append(_end(pending, at, owed=at > pending.due_at))
                kind = CLOCK_INITIAL if not done or _no_met(done) else CLOCK_LEVEL_CHANGE
                pending = ReportClock(
                    kind, level, at, at + dt.timedelta(minutes=rule.report_minutes)
                )
        elif what == "report":
            if pending is None:
                continue
            done.append(replace(pending, met_at=at))
            pending = None
            if not resolved:
                rule = levels[level]
                pending = ReportClock(
                    CLOCK_FOLLOWUP, level, at, at + dt.timedelta(minutes=rule.followup_minutes)
                )
        elif what == "resolved":
            resolved = True
            if pending is not None:
                # An initial or level-change report is owed from the start.
                owed = at > pending.due_at or pending.kind != CLOCK_FOLLOWUP
                done.append(_end(pending, at, owed=owed))
                pending = None
    if pending is not None:
        done.append(pending)
    return done


def _no_met(clocks: Sequence[ReportClock]) -> bool:
    return all(c.met_at is None for c in clocks)


def _end(clock: ReportClock, at: dt.datetime, *, owed: bool) -> ReportClock:
    return replace(clock, ended_at=at, missed=owed)


def pending_clock(clocks: Sequence[ReportClock]) -> ReportClock | None:
    return next((c for c in clocks if not c.settled), None)
