"""The drill calendar (演练计划): the plan's planned drills, the drills run for each, and
their scores, so drills can be compared over the year; exported as iCalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.services.drills.run import runs
from hisconsole.services.files import write_atomically


def calendar(console: Console) -> list[dict[str, Any]]:
    """Every planned drill (by date) with the runs made for it, then runs made outside
    the calendar. A run carries its score summary once it has ended."""
    doc = plan_service.require_document(console)
    made = runs(console)
    entries = []
    for drill in sorted(doc.get("drills", []), key=lambda d: (str(d["date"]), d["code"])):
        entries.append(
            {
                "code": drill["code"],
                "date": str(drill["date"]),
                "name": drill["name"],
                "playbook": drill["scenario"],
                "kind": drill["kind"],
                "participants": list(drill["participants"]),
                "runs": [r for r in made if r["calendar"] == drill["code"]],
            }
        )
    planned = {e["code"] for e in entries}
    for run in made:
        if run["calendar"] not in planned:
            entries.append(
                {
                    "code": None,
                    "date": dt.datetime.fromisoformat(run["started_at"])
                    .astimezone()
                    .date()
                    .isoformat(),
                    "name": run["name"],
                    "playbook": None,
                    "kind": None,
                    "participants": [],
                    "runs": [run],
                }
            )
    return entries


def _score_line(run: dict[str, Any]) -> str:
    summary = run["summary"]
    if summary is None:
        return f"{run['drill']}: 进行中 running"
    return (
        f"{run['drill']}: 达成 met {summary['met']} · 部分达成 partly {summary['partly']} · "
        f"未达成 not met {summary['not_met']}"
    )


def ics(console: Console) -> bytes:
    """The calendar as an iCalendar file: one all-day event per planned drill (and per
    run outside the plan), its description holding the runs' scores."""
    from icalendar import Calendar, Event

    hospital = plan_service.require_document(console)["meta"]["hospital"]
    cal = Calendar()
    cal.add("prodid", "-//HIS Console//drill calendar//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{hospital['zh']} 应急演练 / Drills")
    stamp = console.now()
    for entry in calendar(console):
        event = Event()
        key = entry["code"] or entry["runs"][0]["drill"]
        event.add("uid", f"drill-{key}@hisconsole")
        event.add("dtstamp", stamp)
        day = dt.date.fromisoformat(entry["date"])
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", f"演练 {entry['name']['zh']} / Drill: {entry['name']['en']}")
        lines = []
        if entry["kind"]:
            lines.append(
                f"{entry['kind']} · {entry['playbook']} · {', '.join(entry['participants'])}"
            )
        lines += [_score_line(run) for run in entry["runs"]]
        if lines:
            event.add("description", "\n".join(lines))
        event.add("categories", ["应急演练", "Drill"])
        cal.add_component(event)
    return bytes(cal.to_ical())


def write_ics(console: Console, path: Path) -> int:
    """Write the calendar to ``path``; the number of events written."""
    data = ics(console)
    write_atomically(path, data)
    return data.count(b"BEGIN:VEVENT")
