"""An incident's level history and reporting clocks from the few log entries they follow
(declared, level changed, report made): one computation for the full read
(``incidents.show``) and the window's first look (``first_look``), which reads the same
rows without the ORM before the first paint. No database here."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from hisconsole.domain import incidents as rules
from hisconsole.domain.drills import DrillTime
from hisconsole.domain.plan import levels_of


class ClockEntry(Protocol):
    """A declared / level / report entry of the log (an ORM row or a plain one)."""

    @property
    def event_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def at(self) -> str: ...
    @property
    def author(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def data(self) -> str: ...


def iso(moment: dt.datetime) -> str:
    """A moment as stored: UTC, ISO 8601, to the second."""
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def history_and_clocks(
    doc: Mapping[str, Any],
    *,
    reported_at: str,
    level: str,
    resolved_at: str | None,
    entries: Sequence[ClockEntry],
    path: Sequence[str],
    now: dt.datetime,
    drill: DrillTime | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The level history and the reporting clocks at ``now``.

    ``entries``: the incident's clock entries in log order (stamp, then event id);
    ``path``: the level decisions that count, from the declaration on (the others were
    overridden by another laptop's decision); ``level``: the incident's level now;
    ``drill``: the clock of the drill the incident was declared in. A drill's clocks are
    judged on the drill's time (their late and remaining seconds are drill seconds) and
    their moments shown on the console's clock (see DrillTime), with the drill's speed
    and whether it is running, so a countdown on screen follows it."""
    moment = drill.drill if drill is not None else _same
    counted = {event_id: n for n, event_id in enumerate(path)}
    history: list[dict[str, Any]] = []
    changes: list[tuple[int, rules.LevelChange]] = []
    reports: list[rules.ReportMade] = []
    initial_level = None
    for seq, e in enumerate(entries):
        data = json.loads(e.data)
        if e.kind == "declared":
            initial_level = data["level"]
            history.append(
                {"level": data["level"], "at": e.at, "by": e.author, "reason": "declared"}
            )
        elif e.kind == "level":
            overridden = e.event_id not in counted
            if not overridden:
                at = moment(dt.datetime.fromisoformat(e.at))
                changes.append((counted[e.event_id], rules.LevelChange(at, data["level"], seq)))
            history.append(
                {
                    "level": data["level"],
                    "at": e.at,
                    "by": e.author,
                    "reason": e.text,
                    "overridden": overridden,
                }
            )
        elif e.kind == "report":
            reports.append(rules.ReportMade(moment(dt.datetime.fromisoformat(e.at)), seq))
    levels = {lvl.code: lvl for lvl in levels_of(doc)}
    clocks = rules.compute_clocks(
        levels=levels,
        reported_at=moment(dt.datetime.fromisoformat(reported_at)),
        initial_level=initial_level or level,
        level_changes=rules.in_decision_order(changes),
        reports=reports,
        resolved_at=moment(dt.datetime.fromisoformat(resolved_at)) if resolved_at else None,
    )
    at = moment(now)
    shown = []
    for c in clocks:
        fields = clock_fields(c, c.state(at))
        fields["remaining_seconds"] = int(c.remaining(at).total_seconds())
        if drill is not None:
            for key in ("started_at", "due_at", "met_at", "ended_at"):
                value = getattr(c, key)
                fields[key] = iso(drill.console(value)) if value is not None else None
            fields["drill_speed"] = drill.speed
            fields["drill_running"] = drill.running
        shown.append(fields)
    return history, shown


def _same(moment: dt.datetime) -> dt.datetime:
    return moment


def clock_fields(clock: rules.ReportClock, state: str) -> dict[str, Any]:
    """A reporting clock as the services give it (``incident show --json``'s clocks), in
    ``state`` (its state now, or as a drill's score judges it)."""
    return {
        "kind": clock.kind,
        "level": clock.level,
        "started_at": iso(clock.started_at),
        "due_at": iso(clock.due_at),
        "met_at": iso(clock.met_at) if clock.met_at else None,
        "ended_at": iso(clock.ended_at) if clock.ended_at else None,
        "state": state,
        "late_seconds": clock.late_seconds(),
    }
