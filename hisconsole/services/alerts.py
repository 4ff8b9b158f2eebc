"""Alerts: what the command centre must see now, computed from the state, never stored.

An alert exists while its condition holds and disappears by itself when the
condition ends (the report recorded, the alternate reached, the stock counted
again, the conflict resolved, the device accepted). Nothing raises or clears an
alert by hand; acknowledging one (who, when) is an event, so every laptop sees
it, and an acknowledged alert stays listed, muted, until its condition ends.

Each alert has a stable ``key`` (the same alert read twice has the same key, so
the screen notifies once per alert, not once per refresh), a ``kind``, the
``params`` the wording needs (plain values: no sentences, every screen words
them in its own language), a ``severity`` (``urgent`` or ``warning``) and
``since`` (when the condition began).

Adding a kind takes three short steps:

1. A source here: a function ``(console, now) -> Found`` decorated with
   ``@source``, yielding ``Alert``s for the condition (and, if the condition
   changes with time alone, the moment it next changes in ``Found.changes_at``
   so the screens read the alerts again then)::

       @source
       def _printer_stopped(console: Console, now: dt.datetime) -> Found:
           return Found(
               [alert("printer-stopped", URGENT, (p,), {"printer": p}) for p in stopped(console)]
           )

2. The English wording in ``TEXTS`` below (the CLI's); ``str.format`` fields
   are the params.
3. The GUI's wording: one entry in ``TEXTS`` of ``hisconsole/ui/alerts/texts.py``
   (``QCoreApplication.translate("Alerts", …)`` with the same fields), then
   translate it (packaging/update-translations.sh).

Nothing else changes: the alert list, the notice and the sound, acknowledging,
``hisconsole alerts`` and the sync of acknowledgements work for every kind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import select

from hisconsole.domain import incidents as rules
from hisconsole.domain import paper
from hisconsole.domain.callout import REACHED_OUTCOMES
from hisconsole.errors import N_
from hisconsole.i18n import current_language, gettext, term
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.store.folding import hlc_time
from hisconsole.store.models import AlertAck, FormSerial, FormStock

AREA = "alert"
URGENT = "urgent"
WARNING = "warning"

#: Event kind recording that someone acknowledged an alert.
ACKNOWLEDGED = "alert.acknowledged"

#: The CLI's and the printouts' wording of each kind (the GUI has its own); fields are the
#: params. Translated through the catalogue (``describe``).
TEXTS = {
    "report-due-soon": N_("{incident}: {report} report (level {level}) due at {due_at}"),
    "report-overdue": N_("{incident}: {report} report (level {level}) OVERDUE since {due_at}"),
    "escalation-due": N_(
        "{incident}: {person} not reached in {wait} min: call the alternate {alternate} ({tree})"
    ),
    "wave-short": N_(
        "{incident}: call-out {tree}, wave {wave} reached {reached} of the {need} "
        "needed within {within} min: the next wave is being called; find more people"
    ),
    "paper-stock-low": N_(
        "Paper stock low: {form}: {on_hand} sheets on hand, {need} needed for 8 hours"
    ),
    "paper-running-out": N_(
        "Paper running out: {form}: {on_hand} sheets left at {per_hour} an hour: "
        "out at {runs_out_at} (in {hours_left} h)"
    ),
    "sheets-not-printed": N_(
        "{count} sheet(s) {first} .. {last} not printed: job {job} on "
        "{printer} {reason}. Reprint them or void them"
    ),
    "conflict": N_("Conflict to resolve: {table} {item} ({count} values)"),
    "device-quarantined": N_(
        "Laptop {device} is quarantined: {events} event(s) and {bundles} unread bundle(s) held "
        "until a commander accepts it"
    ),
    "events-not-applied": N_(
        "{count} event(s) received are kept but not applied: {invalid} "
        "not fit to apply, {orphans} naming something not here (yet). 'hisconsole sync --status' "
        "lists them with the reason"
    ),
    "task-overdue": N_("{incident}: task {task} OVERDUE since {due_at}: {text} (owner {owner})"),
    "period-ended": N_(
        "{incident}: operational period {number} ended at {ends_at}: brief and "
        "start the next period"
    ),
}


@dataclass(frozen=True)
class Alert:
    """One condition that needs attention now."""

    key: str
    kind: str
    severity: str
    params: dict[str, Any]
    since: str | None = None
    incident: str | None = None
    acknowledged_by: str | None = None
    acknowledged_at: str | None = None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_by is not None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Found:
    """What one source found: its alerts, and when time alone next changes them (if ever)."""

    alerts: list[Alert] = field(default_factory=list)
    changes_at: list[dt.datetime] = field(default_factory=list)


@dataclass(frozen=True)
class Alerts:
    """Every current alert, most urgent first, and when to read them again (time-driven)."""

    alerts: list[Alert]
    changes_at: dt.datetime | None = None

    def keys(self) -> list[str]:
        return [a.key for a in self.alerts]


Source = Callable[[Console, dt.datetime], Found]
SOURCES: list[Source] = []


def source(fn: Source) -> Source:
    """Register a function that finds the alerts of one condition."""
    SOURCES.append(fn)
    return fn


def alert(
    kind: str,
    severity: str,
    identity: Iterable[str],
    params: dict[str, Any],
    *,
    since: str | None = None,
    incident: str | None = None,
) -> Alert:
    """An alert whose key is its kind and ``identity`` (what makes this one this one).

    An alert about an incident has the incident's id in its params too (``{incident}``)."""
    key = ":".join((kind, *identity))
    if incident is not None:
        params = {"incident": incident, **params}
    return Alert(key, kind, severity, params, since, incident)


def describe(item: Alert) -> str:
    """The alert in words of the current language (the CLI's, the printouts'): its moments
    (``…_at``) in local time as the reader writes them, a report's kind as a word."""
    from hisconsole.i18n.formats import format_datetime

    lang = current_language()
    params = {
        k: (v.get(lang) or next((t for t in v.values() if t), "")) if isinstance(v, dict) else v
        for k, v in item.params.items()
    }
    for name, value in params.items():
        if name.endswith("_at") and isinstance(value, str):
            params[name] = format_datetime(value)
    if isinstance(params.get("report"), str):
        params["report"] = term("report kind", params["report"])
    words = TEXTS.get(item.kind)
    return gettext(words).format(**params) if words else item.kind


# --- reading -----------------------------------------------------------------------------


def current(console: Console) -> Alerts:
    """Every alert whose condition holds now, with who acknowledged it."""
    now = console.now()
    found: list[Alert] = []
    changes: list[dt.datetime] = []
    for find in SOURCES:
        result = find(console, now)
        found.extend(result.alerts)
        changes.extend(at for at in result.changes_at if at > now)
    with console.db.read() as session:
        acks = {
            row.key: row
            for row in session.scalars(
                select(AlertAck).where(AlertAck.key.in_([a.key for a in found]))
            )
        }
    marked = [
        replace(a, acknowledged_by=acks[a.key].author, acknowledged_at=acks[a.key].at)
        if a.key in acks
        else a
        for a in found
    ]
    # Unacknowledged first, urgent first, then the oldest condition first.
    marked.sort(key=lambda a: (a.acknowledged, a.severity != URGENT, a.since or "", a.key))
    return Alerts(marked, min(changes, default=None))


class AlertCleared(ServiceError):
    code = "alert.cleared"
    template = "That alert has already cleared: its condition no longer holds."


class AlertAlreadyAcknowledged(ServiceError):
    code = "alert.already-acknowledged"
    template = "That alert was already acknowledged by {name} at {at}."


def acknowledge(console: Console, key: str) -> ChangeSet:
    """Record that the operator on duty has seen the alert ``key`` (it stays until it clears)."""
    found = next((a for a in current(console).alerts if a.key == key), None)
    if found is None:
        raise AlertCleared(key=key)
    if found.acknowledged:
        raise AlertAlreadyAcknowledged(
            key=key, name=found.acknowledged_by, at=found.acknowledged_at
        )
    with console.transaction() as tx:
        tx.emit(
            ACKNOWLEDGED,
            f"alert:{key}",
            {"key": key, "at": console.now().isoformat(timespec="seconds")},
        )
    return ChangeSet({AREA}, 1)


# --- the sources ---------------------------------------------------------------------------


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


@source
def _reports(console: Console, now: dt.datetime) -> Found:
    """An open incident's upward report: due soon (amber) or overdue (red)."""
    from hisconsole.services import incidents

    found = Found()
    for summary in incidents.list_incidents(console):
        if summary["status"] != rules.INCIDENT_OPEN:
            continue
        shown = incidents.show(console, summary["id"], with_log=False)
        for clock in shown["clocks"]:
            if rules.is_settled(clock["state"]):
                continue
            started = dt.datetime.fromisoformat(clock["started_at"])
            due = dt.datetime.fromisoformat(clock["due_at"])
            amber_at = due - (due - started) * rules.AMBER_FRACTION
            identity = (summary["id"], clock["kind"], clock["started_at"])
            params = {"report": clock["kind"], "level": clock["level"], "due_at": clock["due_at"]}
            if clock["state"] == rules.STATE_RED:
                found.alerts.append(
                    alert(
                        "report-overdue",
                        URGENT,
                        identity,
                        params,
                        since=clock["due_at"],
                        incident=summary["id"],
                    )
                )
                continue
            if clock["state"] == rules.STATE_AMBER:
                found.alerts.append(
                    alert(
                        "report-due-soon",
                        WARNING,
                        identity,
                        params,
                        since=_iso(amber_at),
                        incident=summary["id"],
                    )
                )
            found.changes_at += [amber_at, due]
    return found


@source
def _escalations(console: Console, now: dt.datetime) -> Found:
    """A call-out's person not reached within the tree's wait: the alternate is to be called."""
    from hisconsole.services import incidents, response

    found = Found()
    for summary in incidents.list_incidents(console):
        if summary["status"] != rules.INCIDENT_OPEN:
            continue
        for run in response.callouts(console, summary["id"]):
            # A wave short of its need at its deadline calls the next: the screens change then.
            found.changes_at += [
                dt.datetime.fromisoformat(w["deadline"])
                for w in run.get("waves", [])
                if w["state"] == "running" and w["deadline"]
            ]
            for wave in run.get("waves", []):
                # A wave short of its need stays an alert until late answers make it up.
                if wave["state"] != "short" or wave["reached"] >= (wave["need"] or 0):
                    continue
                found.alerts.append(
                    alert(
                        "wave-short",
                        URGENT,
                        (run["callout"], f"wave{wave['wave']}"),
                        {
                            "tree": run["title"] or run["tree"],
                            "wave": wave["wave"],
                            "need": wave["need"],
                            "reached": wave["reached"],
                            "within": wave["within_minutes"],
                        },
                        since=wave["deadline"],
                        incident=summary["id"],
                    )
                )
            for slot in run["slots"]:
                due = slot["escalate_at"]
                if not due or slot["status"] in REACHED_OUTCOMES or slot["alternate"] is None:
                    continue
                if not slot["escalated"]:
                    found.changes_at.append(dt.datetime.fromisoformat(due))
                    continue
                if slot["alternate_status"] in REACHED_OUTCOMES:
                    continue
                params = {
                    "tree": run["title"] or run["tree"],
                    "person": slot["person"]["name"] if slot["person"] else "",
                    "alternate": slot["alternate"]["name"],
                    "wait": run["wait_minutes"],
                }
                found.alerts.append(
                    alert(
                        "escalation-due",
                        URGENT,
                        (run["callout"], slot["path"]),
                        params,
                        since=due,
                        incident=summary["id"],
                    )
                )
    return found


@source
def _paper_stock(console: Console, now: dt.datetime) -> Found:
    """A form's sheets on hand (last count minus sheets printed since) below 8 hours' need;
    or, more urgent, running out within two hours at the rate they are being used (the
    burn-down, domain/paper.py: then that alert says it, not this one too)."""
    found = Found()
    with console.db.read() as session:
        # Reading the templates costs ~0.3 s: not worth it until someone counts paper
        # (nor importing the forms service, ~10 ms of the window's first read).
        if session.scalar(select(FormStock.template).limit(1)) is None:
            return found
    from hisconsole.services import forms

    for row in forms.stock(console):
        # A new count is a new alert (the old one's condition ended with it).
        identity = (row["template"], row["counted_at"] or "")
        if row["running_out"]:
            found.alerts.append(
                alert(
                    "paper-running-out",
                    URGENT,
                    identity,
                    {
                        "form": row["title"],
                        "on_hand": row["on_hand"],
                        "per_hour": row["per_hour"],
                        "hours_left": row["hours_left"],
                        "runs_out_at": row["runs_out_at"],
                    },
                    since=row["counted_at"],
                )
            )
        elif row["low"]:
            found.alerts.append(
                alert(
                    "paper-stock-low",
                    WARNING,
                    identity,
                    {"form": row["title"], "on_hand": row["on_hand"], "need": row["need_8h"]},
                    since=row["counted_at"],
                )
            )
        if row["runs_out_at"] and not row["running_out"]:
            # At this rate the form starts running out then, with no new event to say so.
            runs_out = dt.datetime.fromisoformat(row["runs_out_at"])
            found.changes_at.append(runs_out - dt.timedelta(hours=paper.WARN_HOURS))
    return found


@source
def _sheets_not_printed(console: Console, now: dt.datetime) -> Found:
    """A print job stopped, failed or was cancelled: its numbered sheets must be reprinted
    (marked REPRINT) or voided. One alert per job; it ends when none of them is left."""
    with console.db.read() as session:
        # Most laptops never had a job fail: then the printing service (~10 ms to import,
        # on the window's first read) is not needed to say so.
        failed = select(FormSerial.serial).where(FormSerial.print_state == "not-printed")
        if session.scalar(failed.limit(1)) is None:
            return Found()
    from hisconsole.services import printers

    jobs: dict[str, list[dict[str, Any]]] = {}
    for row in printers.not_printed(console):
        jobs.setdefault(row["print_job"], []).append(row)
    found = Found()
    for job, rows in jobs.items():
        found.alerts.append(
            alert(
                "sheets-not-printed",
                URGENT,
                (job,),
                {
                    "count": len(rows),
                    "first": rows[0]["serial"],
                    "last": rows[-1]["serial"],
                    "job": job,
                    "printer": job.rpartition("-")[0],
                    "reason": rows[0]["print_reason"],
                },
                incident=rows[0]["incident"],
            )
        )
    return found


@source
def _conflicts(console: Console, now: dt.datetime) -> Found:
    """Two laptops changed the same plan item, contact or call tree apart: someone must choose."""
    from hisconsole.services.sync import conflicts

    found = Found()
    for conflict in conflicts.conflicts(console):
        rivals = sorted(v["event_id"] for v in conflict["values"])
        # The same rivals are the same conflict; a new rival makes it a new one.
        digest = hashlib.sha256("|".join(rivals).encode()).hexdigest()[:12]
        found.alerts.append(
            alert(
                "conflict",
                WARNING,
                (conflict["table"], conflict["key"], digest),
                {"table": conflict["table"], "item": conflict["key"], "count": len(rivals)},
                since=hlc_time(max(v["hlc"] for v in conflict["values"])),
            )
        )
    return found


@source
def _quarantined(console: Console, now: dt.datetime) -> Found:
    """Events from a laptop nobody has accepted yet are held, not applied."""
    from hisconsole.services.sync import quarantine
    from hisconsole.store.sync_models import HELD_QUARANTINE, HeldEvent

    with console.db.read() as session:
        # Only a laptop with events or bundles held for it can be quarantined: most reads
        # find none, and need not read every device (~10 ms of the window's first read).
        held = select(HeldEvent.origin_id).where(HeldEvent.status == HELD_QUARANTINE)
        if session.scalar(held.limit(1)) is None and not quarantine.held_bundles(console):
            return Found()
    from hisconsole.services.sync import devices

    found = Found()
    for device in devices.devices(console):
        if device.status == devices.QUARANTINED:
            found.alerts.append(
                alert(
                    "device-quarantined",
                    WARNING,
                    (device.id,),
                    {
                        "device": device.name or device.id,
                        "events": device.quarantined,
                        "bundles": device.unread_bundles,
                    },
                    since=device.first_seen,
                )
            )
    return found


@source
def _not_applied(console: Console, now: dt.datetime) -> Found:
    """Events from trusted laptops kept but not applied: they fail their schema, or name
    an incident (checklist step, sheet …) that is not here (yet). Events refused by the
    trust rules (a role the device lacks) are policy, listed on the Sync page, not alerted.
    A new one makes a new alert (its key holds the latest arrival), so acknowledging one
    batch mutes only it."""
    from sqlalchemy import func

    from hisconsole.store.sync_models import HELD_ORPHAN, HELD_REJECTED, HeldEvent
    from hisconsole.sync.reasons import INVALID_MARK

    with console.db.read() as session:
        rows = session.execute(
            select(HeldEvent.status, func.count(), func.max(HeldEvent.received_at))
            .where(
                (HeldEvent.status == HELD_ORPHAN)
                | ((HeldEvent.status == HELD_REJECTED) & HeldEvent.reason.contains(INVALID_MARK))
            )
            .group_by(HeldEvent.status)
        ).all()
    counts = {status: int(n) for status, n, _latest in rows}
    if not counts:
        return Found()
    latest = max(str(at) for _s, _n, at in rows)
    return Found(
        [
            alert(
                "events-not-applied",
                WARNING,
                (latest,),
                {
                    "count": sum(counts.values()),
                    "invalid": counts.get(HELD_REJECTED, 0),
                    "orphans": counts.get(HELD_ORPHAN, 0),
                },
                since=latest,
            )
        ]
    )


@source
def _tasks_overdue(console: Console, now: dt.datetime) -> Found:
    """An open task of an open incident past its due time; it ends when the task is done."""
    from hisconsole.services import incidents, tasks

    found = Found()
    open_ids = {
        i["id"] for i in incidents.list_incidents(console) if i["status"] == rules.INCIDENT_OPEN
    }
    for task in tasks.tasks(console):
        if task["incident"] not in open_ids or task["status"] != "open":
            continue
        due = dt.datetime.fromisoformat(task["due_at"])
        if not task["overdue"]:
            found.changes_at.append(due)
            continue
        found.alerts.append(
            alert(
                "task-overdue",
                WARNING,
                (task["task"], task["due_at"]),
                {
                    "task": task["task"],
                    "text": task["text"],
                    "owner": task["owner"],
                    "due_at": task["due_at"],
                },
                since=task["due_at"],
                incident=task["incident"],
            )
        )
    return found


@source
def _period_ended(console: Console, now: dt.datetime) -> Found:
    """The current operational period of an open incident has run its length: the next
    one is to be briefed and started."""
    from hisconsole.services import incidents, periods

    found = Found()
    for summary in incidents.list_incidents(console):
        if summary["status"] != rules.INCIDENT_OPEN:
            continue
        period = periods.current(console, summary["id"])
        if period is None:
            continue
        if not period["overrun"]:
            found.changes_at.append(dt.datetime.fromisoformat(period["ends_at"]))
            continue
        found.alerts.append(
            alert(
                "period-ended",
                WARNING,
                (period["period"],),
                {"number": period["number"], "ends_at": period["ends_at"]},
                since=period["ends_at"],
                incident=summary["id"],
            )
        )
    return found
