"""Readiness between outages: is the console ready for the day it is needed?

Gathers what is due — the plan's age, the next drill, resource checks, paper stock,
contacts not verified, laptops not synced, this console's backup, open improvement
items — and records the acts that settle them (a resource check, a contact's answer
in a "verify your number" round). The rules are in :mod:`hisconsole.domain.readiness`.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select

from hisconsole.domain import readiness as rules
from hisconsole.domain.glossary import CONTACT_RESULTS, RESOURCE_RESULTS
from hisconsole.i18n import (
    Language,
    PrintLanguage,
    current_language,
    set_language,
    term,
    translator,
)
from hisconsole.i18n import gettext as _
from hisconsole.i18n.formats import format_datetime
from hisconsole.services import calltrees, forms, review
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.contact_rows import contacts_by_key
from hisconsole.services.drills.calendar import calendar as drill_calendar
from hisconsole.services.maintenance import last_backup
from hisconsole.services.plan import current_document
from hisconsole.services.sync.status import sync_status
from hisconsole.store.files import write_atomically
from hisconsole.store.models import ContactCheck, ResourceCheck

AREA = "readiness"

# The rules' names the window needs (it reaches the domain only through the services).
Item = rules.Item
OK, DUE, OVERDUE = rules.OK, rules.DUE, rules.OVERDUE
FIX_PLAN, FIX_DRILLS, FIX_RESOURCE, FIX_PAPER = (
    rules.FIX_PLAN,
    rules.FIX_DRILLS,
    rules.FIX_RESOURCE,
    rules.FIX_PAPER,
)
FIX_CONTACTS, FIX_SYNC, FIX_BACKUP, FIX_IMPROVEMENT = (
    rules.FIX_CONTACTS,
    rules.FIX_SYNC,
    rules.FIX_BACKUP,
    rules.FIX_IMPROVEMENT,
)


def N_(text: str) -> str:
    """Marks ``text`` for the catalogue; translated where it is shown."""
    return text


class ResourceUnknown(ServiceError):
    code = "readiness.resource-unknown"
    template = "The plan has no resource {resource!r}; it lists {known}."


class ResultUnknown(ServiceError):
    code = "readiness.result-unknown"
    template = "{result!r} is not a result here; choose one of {known}."


class ContactUnknown(ServiceError):
    code = "readiness.contact-unknown"
    template = "No contact {contact!r} on the contact list."


@dataclass(frozen=True)
class Readiness:
    """Everything due before the next outage, worst first, and the state of the whole."""

    at: str
    state: str
    items: list[rules.Item]

    def as_dict(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "state": self.state,
            "items": [item.as_dict() for item in self.items],
        }


_ORDER = {rules.OVERDUE: 0, rules.DUE: 1, rules.OK: 2}


def readiness(console: Console) -> Readiness:
    """The readiness of this console now (no incident needs to be open)."""
    now = console.now()
    doc = current_document(console) or {}
    items: list[rules.Item] = [
        rules.plan_age((doc.get("meta") or {}).get("revised"), now),
        rules.drills(drill_calendar(console) if doc else [], now),
    ]
    latest = latest_resource_checks(console)
    items += [
        rules.resource(
            r["code"], r["name"], int(r["check_interval_days"]), latest.get(r["code"]), now
        )
        for r in doc.get("resources") or []
    ]
    items += [rules.paper(row) for row in forms.stock(console)]
    people = {
        key: (data.get("name") or {}).get("zh") or (data.get("name") or {}).get("en") or key
        for key, data in contacts_by_key(console).items()
    }
    items.append(rules.contacts(people, latest_contact_answers(console), now))
    items += rules.sync_peers(
        [
            {"peer": p.peer, "name": p.name, "kind": p.kind, "last_sync_at": p.last_sync_at}
            for p in sync_status(console).peers
        ],
        now,
    )
    items.append(rules.backup(last_backup(console), now))
    items += [rules.improvement(i, now) for i in review.open_improvements(console)]
    # Worst first; within a state, in the order the report prints its sections.
    items.sort(key=lambda i: _ORDER[i.state])
    return Readiness(now.isoformat(timespec="seconds"), rules.worst(items), items)


# --- resources (应急资源检查) --------------------------------------------------------------


def _resources(console: Console) -> list[dict[str, Any]]:
    return list((current_document(console) or {}).get("resources") or [])


def latest_resource_checks(console: Console) -> dict[str, dict[str, Any]]:
    """Per resource code, its latest check: result, note, who, when."""
    latest: dict[str, dict[str, Any]] = {}
    with console.db.read() as session:
        for row in session.scalars(select(ResourceCheck).order_by(ResourceCheck.at)):
            latest[row.code] = {
                "result": row.result,
                "note": row.note,
                "by": row.author,
                "at": row.at,
            }
    return latest


def resources(console: Console) -> list[dict[str, Any]]:
    """The plan's resources, each with its latest check and how it stands."""
    now = console.now()
    latest = latest_resource_checks(console)
    result = []
    for r in _resources(console):
        item = rules.resource(
            r["code"], r["name"], int(r["check_interval_days"]), latest.get(r["code"]), now
        )
        result.append(
            {
                "code": r["code"],
                "name": dict(r["name"]),
                "category": r["category"],
                "quantity": r["quantity"],
                "location": dict(r["location"]),
                "owner_group": r["owner_group"],
                "check_interval_days": r["check_interval_days"],
                "last_check": item.figures["last"],
                "state": item.state,
            }
        )
    return result


def _record(console: Console, kind: str, entity: str, *, note: str, **fields: str) -> ChangeSet:
    """One readiness answer (a resource check, a contact's answer): who is the operator on
    duty, when is now."""
    payload = {**fields, "note": note.strip(), "at": console.now().isoformat(timespec="seconds")}
    with console.transaction() as tx:
        tx.emit(kind, entity, payload)
    return ChangeSet({AREA}, 1)


def check_resource(console: Console, code: str, result: str, note: str = "") -> ChangeSet:
    """Record a check of one of the plan's resources (who: the operator on duty)."""
    known = [r["code"] for r in _resources(console)]
    if code not in known:
        raise ResourceUnknown(resource=code, known=", ".join(known) or "-")
    if result not in RESOURCE_RESULTS:
        raise ResultUnknown(result=result, known=", ".join(RESOURCE_RESULTS))
    return _record(
        console, "resource.checked", f"resource:{code}", code=code, result=result, note=note
    )


# --- contact verification (通讯录核对) ----------------------------------------------------


def latest_contact_answers(console: Console) -> dict[str, dict[str, Any]]:
    """Per contact key, the latest answer in a verification round."""
    latest: dict[str, dict[str, Any]] = {}
    with console.db.read() as session:
        for row in session.scalars(select(ContactCheck).order_by(ContactCheck.at)):
            latest[row.contact_key] = {
                "result": row.result,
                "note": row.note,
                "by": row.author,
                "at": row.at,
            }
    return latest


def verification_round(console: Console, tree: str | None = None) -> list[dict[str, Any]]:
    """The people to ask "is this still your number?": a call tree's members in calling
    order (``tree``), else everyone; each with their phones and latest answer."""
    people = contacts_by_key(console)
    if tree is None:
        keys = sorted(people, key=lambda k: str((people[k].get("name") or {}).get("zh", k)))
    else:
        keys = [k for k in calltrees.members(console, tree) if k in people]
    answers = latest_contact_answers(console)
    now = console.now()
    result = []
    for key in keys:
        data = people[key]
        answer = answers.get(key)
        when = rules.parse_time(answer["at"]) if answer else None
        stale = when is None or (now - when).days > rules.CONTACT_VERIFY_DAYS
        result.append(
            {
                "key": key,
                "name": dict(data.get("name") or {}),
                "phones": list(data.get("phones") or []),
                "last": answer,
                "due": stale or (answer is not None and answer["result"] == "unreachable"),
            }
        )
    return result


def verify_contact(console: Console, key: str, result: str, note: str = "") -> ChangeSet:
    """Record one person's answer: the number was verified, has changed, or nobody answered.

    A changed number is recorded here and corrected on the contact list; the answer
    says it was changed so the round shows who still needs the correction."""
    if key not in contacts_by_key(console):
        raise ContactUnknown(contact=key)
    if result not in CONTACT_RESULTS:
        raise ResultUnknown(result=result, known=", ".join(CONTACT_RESULTS))
    return _record(console, "contact.verified", f"contact:{key}", key=key, result=result, note=note)


def counts(data: Readiness) -> Mapping[str, int]:
    """How many items stand in each state."""
    result = dict.fromkeys(_ORDER, 0)
    for item in data.items:
        result[item.state] += 1
    return result


# --- words (the CLI's and the printed report's; the window has its own catalogue) ---------


def _day(text: str | None) -> str:
    """The local date of a stored time (a bare date stays as it is)."""
    moment = rules.parse_time(text)
    if moment is None or len(text or "") <= 10:
        return (text or "")[:10]
    return moment.astimezone().date().isoformat()


def _name(value: Any, lang: str) -> str:
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("zh") or value.get("en") or "")
    return str(value or "")


def describe(item: rules.Item, lang: str | None = None) -> str:
    """One readiness item as a sentence in ``lang`` (default: the current language)."""
    lang = lang or current_language()
    _ = translator(
        "zh" if lang == "zh" else "en"
    ).gettext  # the same catalogue entries, in the language asked for
    f = item.figures
    state = item.state
    if item.code == "plan-age":
        if f.get("revised") is None:
            return _("The plan has no revision date: review it and set one.")
        if state == rules.OVERDUE:
            return _("The plan was last revised on {date}, {days} days ago: review it.").format(
                date=_day(f["revised"]), days=f["days"]
            )
        return _("The plan was revised on {date} ({days} days ago).").format(
            date=_day(f["revised"]), days=f["days"]
        )
    if item.code == "drills":
        parts = []
        if f["next"] is None:
            parts.append(_("No drill is planned in the calendar."))
        else:
            parts.append(
                _("Next drill: {name} on {date}, in {days} days.").format(
                    name=_name(f["next"]["name"], lang),
                    date=f["next"]["date"],
                    days=f["next"]["days"],
                )
            )
        last = f["last_run"]
        if last is not None and last["summary"] is not None:
            parts.append(
                _(
                    "Last drill run: {name} on {date}: {met} met, {partly} partly met, "
                    "{not_met} not met."
                ).format(
                    name=_name(last["name"], lang),
                    date=last["date"],
                    met=last["summary"]["met"],
                    partly=last["summary"]["partly"],
                    not_met=last["summary"]["not_met"],
                )
            )
        elif last is not None:
            parts.append(
                _("Drill under way: {name}, started {date}.").format(
                    name=_name(last["name"], lang), date=last["date"]
                )
            )
        if f["not_run"]:
            parts.append(
                _("Planned but not run: {drills}.").format(
                    drills=", ".join(
                        f"{_name(d['name'], lang)} ({d['date']})" for d in f["not_run"]
                    )
                )
            )
        return " ".join(parts)
    if item.code == "resource":
        name = _name(f["name"], lang)
        last = f["last"]
        if last is None:
            return _("{name}: never checked (to be checked every {interval} days).").format(
                name=name, interval=f["interval_days"]
            )
        if last["result"] != "ok":
            return _("{name}: fault found on {date} by {who}: {note}").format(
                name=name, date=_day(last["at"]), who=last["by"], note=last["note"] or "-"
            )
        if state == rules.OVERDUE:
            return _("{name}: last checked {days} days ago (every {interval} days).").format(
                name=name, days=f["days"], interval=f["interval_days"]
            )
        return _("{name}: checked on {date} by {who}, in order.").format(
            name=name, date=_day(last["at"]), who=last["by"]
        )
    if item.code == "paper":
        title = _name(f["title"], lang)
        if f["on_hand"] is None:
            return _("{form}: the stock has never been counted.").format(form=title)
        if state == rules.OVERDUE:
            return _("{form}: {count} sheets on hand, {need} needed for 8 hours.").format(
                form=title, count=f["on_hand"], need=f["need_8h"]
            )
        return _("{form}: {count} sheets on hand (8-hour need {need}).").format(
            form=title, count=f["on_hand"], need=f["need_8h"]
        )
    if item.code == "contacts":
        stale, unreachable = len(f["stale"]), len(f["unreachable"])
        if state == rules.OK:
            return _("All {people} contacts verified their numbers within {days} days.").format(
                people=f["people"], days=f["limit_days"]
            )
        text = _("{count} of {people} contacts not verified within {days} days.").format(
            count=stale, people=f["people"], days=f["limit_days"]
        )
        if unreachable:
            text = _("{count} contacts could not be reached: {names}.").format(
                count=unreachable, names=", ".join(f["unreachable"])
            ) + (" " + text if stale else "")
        return text
    if item.code == "sync":
        if item.subject == "none":
            return _("This laptop has never exchanged its work with another laptop or the hub.")
        name = f["name"] or item.subject[:8]
        if f["hours"] is None:
            return _("{name}: never exchanged.").format(name=name)
        if state == rules.OVERDUE:
            return _("{name}: no exchange for {hours} hours.").format(name=name, hours=f["hours"])
        return _("{name}: last exchange {hours} hours ago.").format(name=name, hours=f["hours"])
    if item.code == "backup":
        if f["last_at"] is None:
            return _("This console's database has never been backed up.")
        if state == rules.OVERDUE:
            return _("The last backup of this console is {days} days old.").format(days=f["days"])
        return _("Last backup of this console on {date}.").format(date=_day(f["last_at"]))
    if item.code == "improvement":
        if state == rules.OVERDUE:
            return _("Improvement item overdue since {due}: {text} ({owner}).").format(
                due=f["due"], text=f["text"], owner=f["owner"]
            )
        return _("Improvement item due {due}: {text} ({owner}).").format(
            due=f["due"], text=f["text"], owner=f["owner"]
        )
    return item.code


# --- the printed report (for the monthly IT safety meeting) -------------------------------

#: Report sections: heading, and the item codes it holds, in print order.
_SECTIONS = (
    (N_("Plan and drills"), ("plan-age", "drills")),
    (N_("Emergency resources"), ("resource",)),
    (N_("Paper forms"), ("paper",)),
    (N_("Contacts"), ("contacts",)),
    (N_("Laptops and hub"), ("sync", "backup")),
    (N_("Improvement items"), ("improvement",)),
)


def write_report(console: Console, data: Readiness, out: Path, *, lang: str = "both") -> int:
    """Write the readiness report PDF (``lang``: zh, en or both); returns its page count."""
    from hisconsole.printing import readiness_report as pdf

    langs: tuple[Language, ...] = ("zh", "en") if lang == "both" else (cast(Language, lang),)
    hospital = (current_document(console) or {}).get("meta", {}).get("hospital", {})
    counts_now = counts(data)
    previous = current_language()

    def joined(render: Any) -> str:
        words = []
        for code in langs:
            set_language(code)
            words.append(render(code))
        set_language(previous)
        return " / ".join(dict.fromkeys(words))

    try:
        sections = []
        for heading, codes in _SECTIONS:
            rows = []
            for item in (i for i in data.items if i.code in codes):
                texts = [describe(item, code) for code in langs]
                rows.append(
                    pdf.Row(
                        item.state,
                        joined(lambda _c, state=item.state: term("readiness state", state)),
                        texts,
                    )
                )
            if rows:
                sections.append(pdf.Section(joined(lambda _c, h=heading: _(h)), rows))
        title = joined(
            lambda code: (
                _("{hospital} IT emergency readiness")
                .format(hospital=hospital.get(code) or hospital.get("zh", ""))
                .strip()
            )
        )
        subtitle = joined(
            lambda _c: _("As of {time}, printed by {operator} on {laptop}.").format(
                time=format_datetime(data.at, langs[0]),
                operator=console.operator.name,
                laptop=console.device_name,
            )
        )
        summary = joined(
            lambda _c: _("{overdue} overdue, {due} due, {ok} in order.").format(**counts_now)
        )
        headers = {
            "state": joined(lambda _c: _("State")),
            "item": joined(lambda _c: _("Item")),
        }
        buffer = io.BytesIO()
        pages = pdf.render(
            buffer,
            title=title,
            subtitle=subtitle,
            summary=summary,
            sections=sections,
            headers=headers,
            footer=title,
            lang=cast(PrintLanguage, lang),
        )
    finally:
        set_language(previous)
    write_atomically(out, buffer.getvalue())
    return pages
