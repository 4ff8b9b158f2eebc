"""Readiness between outages: what is due before the next outage, judged from plain data.

Each item says what it is about (``code`` and ``subject``), how it stands (``ok``,
``due``: never done or coming up, ``overdue``), the figures behind that, and where it
is fixed (``fix``). The services gather the data; the rules live here so the
dashboard, the CLI and the printed report judge alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hisconsole.domain.glossary import READINESS_STATES

OK, DUE, OVERDUE = READINESS_STATES

#: A plan not revised for a year is due for review (the plan's own review cycle).
PLAN_REVIEW_DAYS = 365
#: Numbers not confirmed for a quarter are stale (the plan's contact list is checked quarterly).
CONTACT_VERIFY_DAYS = 90
#: A laptop or hub not exchanged with for a day holds work the others do not have.
SYNC_STALE_HOURS = 24
#: The console's own database copy should be no older than a week.
BACKUP_MAX_DAYS = 7
#: A drill in the calendar this many days ahead counts as "coming up".
DRILL_SOON_DAYS = 14

# Where an item is fixed (the GUI maps these to pages and dialogs).
FIX_PLAN = "plan"
FIX_DRILLS = "drills"
FIX_RESOURCE = "resource"
FIX_PAPER = "paper"
FIX_CONTACTS = "contacts"
FIX_SYNC = "sync"
FIX_BACKUP = "backup"
FIX_IMPROVEMENT = "improvement"


@dataclass(frozen=True)
class Item:
    """One thing to have ready: ``code`` names the rule, ``subject`` what it is about."""

    code: str
    subject: str
    state: str
    fix: str
    figures: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "subject": self.subject,
            "state": self.state,
            "fix": self.fix,
            "figures": dict(self.figures),
        }


def _days(since: dt.datetime, now: dt.datetime) -> int:
    return max((now - since).days, 0)


def parse_time(text: str | None) -> dt.datetime | None:
    """An ISO time or date as an aware UTC time (a date is its midnight UTC)."""
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def plan_age(revised: str | None, now: dt.datetime) -> Item:
    """The plan's last revision against the yearly review."""
    when = parse_time(revised)
    if when is None:
        return Item("plan-age", "plan", DUE, FIX_PLAN, {"revised": None})
    days = _days(when, now)
    state = OVERDUE if days > PLAN_REVIEW_DAYS else OK
    return Item(
        "plan-age",
        "plan",
        state,
        FIX_PLAN,
        {"revised": revised, "days": days, "limit_days": PLAN_REVIEW_DAYS},
    )


def drills(calendar: Iterable[Mapping[str, Any]], now: dt.datetime) -> Item:
    """The drill calendar (planned drills, each with the ``runs`` made for it): the next one
    planned, the last one run with its score, and planned dates that passed with no run.

    A planned drill that was not held is overdue until it is run (or the plan drops it);
    a calendar with nothing ahead, or a drill within two weeks, is due."""
    today = now.date()
    figures: dict[str, Any] = {"next": None, "last_run": None, "not_run": []}
    coming = []
    made: list[Mapping[str, Any]] = []
    for entry in calendar:
        made += entry.get("runs") or []
        if entry.get("code") is None:
            continue  # a run made outside the calendar: counted in made, nothing planned
        day = dt.date.fromisoformat(str(entry["date"]))
        if day >= today:
            coming.append((day, entry))
        elif not entry.get("runs"):
            figures["not_run"].append(
                {"code": entry["code"], "date": day.isoformat(), "name": entry["name"]}
            )
    if made:
        last = max(made, key=lambda r: str(r["started_at"]))
        figures["last_run"] = {
            "drill": last["drill"],
            "name": last["name"],
            "date": str(last["started_at"])[:10],
            "summary": last.get("summary"),
        }
    state = OVERDUE if figures["not_run"] else OK
    if coming:
        day, entry = min(coming, key=lambda c: (c[0], str(c[1]["code"])))
        days = (day - today).days
        figures["next"] = {
            "code": entry["code"],
            "date": day.isoformat(),
            "name": entry["name"],
            "days": days,
        }
        if state == OK and days <= DRILL_SOON_DAYS:
            state = DUE
    elif state == OK:
        state = DUE
    return Item("drills", "calendar", state, FIX_DRILLS, figures)


def resource(
    code: str,
    name: Mapping[str, str],
    interval_days: int,
    last: Mapping[str, Any] | None,
    now: dt.datetime,
) -> Item:
    """One of the plan's resources against its check interval; a fault found stays overdue
    until a later check finds it fine."""
    figures: dict[str, Any] = {"name": dict(name), "interval_days": interval_days, "last": None}
    if last is None:
        return Item("resource", code, DUE, FIX_RESOURCE, figures)
    figures["last"] = dict(last)
    when = parse_time(last["at"])
    days = _days(when, now) if when else interval_days + 1
    figures["days"] = days
    late = days > interval_days
    state = OVERDUE if last["result"] != "ok" or late else OK
    return Item("resource", code, state, FIX_RESOURCE, figures)


def paper(stock: Mapping[str, Any]) -> Item:
    """One form's sheets on hand against its 8-hour need (``forms stock``)."""
    figures = {
        "title": dict(stock["title"]),
        "on_hand": stock["on_hand"],
        "need_8h": stock["need_8h"],
        "counted_at": stock["counted_at"],
    }
    if stock["on_hand"] is None:
        return Item("paper", stock["template"], DUE, FIX_PAPER, figures)
    state = OVERDUE if stock["low"] else OK
    return Item("paper", stock["template"], state, FIX_PAPER, figures)


def contacts(
    people: Mapping[str, str], latest: Mapping[str, Mapping[str, Any]], now: dt.datetime
) -> Item:
    """The contact list against the quarterly "verify your number" round.

    ``people`` maps contact key → name; ``latest`` maps key → the latest answer
    (``result``, ``at``). Unreachable people make the item overdue; people never
    asked or asked too long ago make it due.
    """
    stale: list[str] = []
    unreachable: list[str] = []
    for key, name in sorted(people.items(), key=lambda kv: kv[1]):
        answer = latest.get(key)
        when = parse_time(answer["at"]) if answer else None
        if answer is not None and answer["result"] == "unreachable":
            unreachable.append(name)
        elif when is None or _days(when, now) > CONTACT_VERIFY_DAYS:
            stale.append(name)
    state = OVERDUE if unreachable else DUE if stale else OK
    return Item(
        "contacts",
        "contacts",
        state,
        FIX_CONTACTS,
        {
            "people": len(people),
            "stale": stale,
            "unreachable": unreachable,
            "limit_days": CONTACT_VERIFY_DAYS,
        },
    )


def sync_peers(peers: Iterable[Mapping[str, Any]], now: dt.datetime) -> list[Item]:
    """Each laptop or hub this one exchanges with, against a day; none at all is due."""
    items = []
    for peer in peers:
        when = parse_time(peer["last_sync_at"])
        hours = int((now - when).total_seconds() // 3600) if when else None
        late = hours is None or hours > SYNC_STALE_HOURS
        items.append(
            Item(
                "sync",
                peer["peer"],
                OVERDUE if late else OK,
                FIX_SYNC,
                {
                    "name": peer["name"],
                    "kind": peer["kind"],
                    "last_sync_at": peer["last_sync_at"],
                    "hours": hours,
                    "limit_hours": SYNC_STALE_HOURS,
                },
            )
        )
    if not items:
        items.append(Item("sync", "none", DUE, FIX_SYNC, {"limit_hours": SYNC_STALE_HOURS}))
    return items


def backup(last_at: str | None, now: dt.datetime) -> Item:
    """The console's own latest backup against a week."""
    when = parse_time(last_at)
    if when is None:
        return Item("backup", "database", DUE, FIX_BACKUP, {"last_at": None})
    days = _days(when, now)
    return Item(
        "backup",
        "database",
        OVERDUE if days > BACKUP_MAX_DAYS else OK,
        FIX_BACKUP,
        {"last_at": last_at, "days": days, "limit_days": BACKUP_MAX_DAYS},
    )


def improvement(item: Mapping[str, Any], now: dt.datetime) -> Item:
    """An open improvement item (整改项) from a review, against its due date."""
    try:
        due = dt.date.fromisoformat(str(item["due"]))
    except ValueError:
        due = None
    state = OVERDUE if due is not None and due < now.date() else DUE
    return Item(
        "improvement",
        item["item"],
        state,
        FIX_IMPROVEMENT,
        {
            "text": item["text"],
            "owner": item["owner"],
            "due": item["due"],
            "incident": item["incident"],
            "plan_section": item["plan_section"],
        },
    )


def worst(items: Iterable[Item]) -> str:
    """The state of the whole: overdue if anything is, else due if anything is, else ok."""
    states = {i.state for i in items}
    return OVERDUE if OVERDUE in states else DUE if DUE in states else OK
