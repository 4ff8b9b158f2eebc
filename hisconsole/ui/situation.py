"""The incident situation every page shares: open incidents, their clocks, call-outs, reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.services.changes import ChangeSet
from hisconsole.ui.i18n import format_time, local_moment
from hisconsole.ui.runner import Runner

if TYPE_CHECKING:  # the services (and the database) load after the window's first paint
    from hisconsole.services.alerts import Alert
    from hisconsole.services.console import Console

AREA = "incident"
#: The areas whose changes can change the situation or an alert ("alert": services.alerts.AREA).
WATCHED_AREAS = frozenset({AREA, "intake", "plan", "contacts", "forms", "sync", "alert"})
#: The mark every screen of an exercise carries, in both languages at once.
EXERCISE_MARK = "EXERCISE / 演练"
#: Warning levels from the most to the least severe.


@dataclass
class Done:
    """A service's result with the change it made, so that the runner broadcasts it."""

    value: Any
    changes: ChangeSet


def touching(fn: Callable[[], Any]) -> Callable[[], Done]:
    """Wrap a service call that returns an id (not a ChangeSet) so that it reports a change."""

    def call() -> Done:
        value = fn()
        changes = value if isinstance(value, ChangeSet) else ChangeSet({AREA}, 1)
        return Done(value, changes)

    return call


# --- time as the user reads it ---------------------------------------------------------


def local(value: str | dt.datetime | None) -> dt.datetime | None:
    return local_moment(value)


def clock_time(value: str | dt.datetime | None, *, seconds: bool = False) -> str:
    """A time of today as HH:MM (or HH:MM:SS), local time; empty for none."""
    return format_time(value, seconds=seconds)


def date_time(value: str | dt.datetime | None, *, seconds: bool = True) -> str:
    """A moment with its date in the interface locale, local time; empty for none."""
    return format_time(value, with_date=True, seconds=seconds)


def countdown(seconds: float) -> str:
    """Seconds left as M:SS or H:MM:SS (absolute value: the caller says 'overdue')."""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def clock_state(clock: dict[str, Any], now: dt.datetime) -> tuple[str, float]:
    """A reporting clock's state and seconds left at ``now`` (the plan's own rule).

    A settled clock keeps the judgement it was read with; a running one is
    recomputed from its times, so the tile counts down between reads. A drill's clock
    counts drill seconds (its speed times the console's), and stands still with the
    paused drill."""
    due = dt.datetime.fromisoformat(clock["due_at"])
    remaining = (due - now).total_seconds() * clock.get("drill_speed", 1)
    if rules.is_settled(clock["state"]):
        return clock["state"], remaining
    if clock.get("drill_running") is False:
        return clock["state"], float(clock["remaining_seconds"])
    model = rules.ReportClock(
        clock["kind"], clock["level"], dt.datetime.fromisoformat(clock["started_at"]), due
    )
    return model.state(now), remaining


def pending_clock(incident: dict[str, Any]) -> dict[str, Any] | None:
    """The reporting clock still running for ``incident`` (at most one), if any."""
    return next((c for c in incident.get("clocks", []) if not rules.is_settled(c["state"])), None)


def last_judged_clock(incident: dict[str, Any]) -> dict[str, Any] | None:
    """The most recent upward report judged on time, late or missed, if any."""
    judged = (rules.STATE_ON_TIME, rules.STATE_LATE, rules.STATE_MISSED)
    return next((c for c in reversed(incident.get("clocks", [])) if c["state"] in judged), None)


# --- the situation -----------------------------------------------------------------


@dataclass
class Situation:
    """What the dashboard and the banner show, read in one go off the UI thread."""

    incidents: list[dict[str, Any]] = field(default_factory=list)  # every incident, summary
    active: list[dict[str, Any]] = field(default_factory=list)  # open ones, shown in full
    callouts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rosters: dict[str, dict[str, Any]] = field(default_factory=dict)  # command roster
    reports: list[dict[str, Any]] = field(default_factory=list)  # intake still to assess
    read_at: dt.datetime | None = None
    alerts: list[Alert] = field(default_factory=list)  # what needs attention now
    alerts_change_at: dt.datetime | None = None  # when time alone next changes them

    @property
    def headline(self) -> dict[str, Any] | None:
        """The open incident the banner shows: the most severe, then the newest."""
        if not self.active:
            return None
        return min(self.active, key=lambda i: glossary.level_rank(i["level"]))

    def open_choices(self) -> list[dict[str, Any]]:
        """Incidents still open (not resolved), newest first: where a report can go."""
        return [i for i in self.incidents if i["status"] == rules.INCIDENT_OPEN]


def load_situation(console: Console) -> Situation:
    """Read the situation (runs on the worker thread)."""
    from hisconsole.services import alerts as alert_service
    from hisconsole.services import incidents as incident_service
    from hisconsole.services import response, roster

    everything = incident_service.list_incidents(console)
    active = [
        incident_service.show(console, i["id"], with_log=False)
        for i in everything
        if i["status"] == rules.INCIDENT_OPEN
    ]
    found = alert_service.current(console)
    return Situation(
        incidents=everything,
        active=active,
        callouts={i["id"]: response.callouts(console, i["id"]) for i in active},
        rosters={i["id"]: roster.roster(console, i["id"]) for i in active},
        reports=response.reports(console, open_only=True),
        read_at=console.now(),
        alerts=found.alerts,
        alerts_change_at=found.changes_at,
    )


def sorted_for_choice(incidents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Incidents for a chooser: open first, then resolved, then closed; newest first in each."""
    rank = {rules.INCIDENT_OPEN: 0, rules.INCIDENT_RESOLVED: 1, rules.INCIDENT_CLOSED: 2}
    newest_first = sorted(incidents, key=lambda i: i.get("declared_at") or "", reverse=True)
    return sorted(newest_first, key=lambda i: rank.get(i["status"], 3))


class SituationWatch(QObject):
    """The incident situation and the alerts, read again whenever an operation changed
    something they come from, and when time alone changes them (a report falls due, a
    call-out's wait passes): a one-second timer compares the console's time with the
    moment the alerts said.

    Signals:
        updated(Situation): a fresh situation has been read.
    """

    updated = Signal(object)

    def __init__(self, console: Console, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._console = console
        self._runner = runner
        self.situation = Situation()
        self._loading = False
        self._again = False
        runner.changed.connect(self._on_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check_time)
        self._timer.start()

    def check_time(self) -> None:
        """Read again if the moment the alerts change by time alone has come."""
        due = self.situation.alerts_change_at
        if due is not None and self._console.now() >= due:
            self.situation.alerts_change_at = None  # once per moment, not once a second
            self.reload()

    def reload(self) -> None:
        # One read at a time: changes that arrive while reading ask for one more.
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._runner.query(
            lambda: load_situation(self._console), on_done=self._loaded, on_error=self._failed
        )

    def _loaded(self, situation: Situation) -> None:
        self._loading = False
        self.situation = situation
        self.updated.emit(situation)
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._again = False
        # A console without a plan cannot show its incidents: show none rather than stale ones.
        self.situation = Situation()
        self.updated.emit(self.situation)

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.areas & WATCHED_AREAS:
            self.reload()
