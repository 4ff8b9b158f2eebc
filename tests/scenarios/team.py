"""A scripted drill team: answers a drill's injects through the services, on time or late.

The team acts on drill minutes; the test's clock moves one console second per drill
minute at speed 60, so a 60-minute drill takes no wall time. Everything the team does is
written down (``did``) so a test can hold the score card against it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from hisconsole.domain import drills as rules
from hisconsole.services import forms, incidents, response
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.services.drills import run as drills
from tests.support import Clock

SPEED = 60
TREE = "level-1-2"
TEMPLATE = "orders"


@dataclass
class Team:
    """``late`` = the team that is slow at everything the objectives measure."""

    console: Console
    clock: Clock
    drill: str
    late: bool
    minute: int = 0
    did: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        script = drills.read(self.console, self.drill).script
        self.script = script
        self.targets = {o["kind"]: o for o in script["objectives"]}
        plan = plan_service.require_document(self.console)
        level = next(lv for lv in plan["levels"] if lv["code"] == script["level"])
        self.report_minutes = int(level["report_minutes"])
        self.followup_minutes = int(level["followup_minutes"])
        self.resolve_at = int(script["duration_minutes"]) - 8
        self.incident: str | None = None
        self.first_report: int | None = None
        self.due: int | None = None
        self.callout: str | None = None
        self.reached: dict[str, int] = {}
        self.reports: list[int] = []
        self.resolved = False

    # -- the clock -------------------------------------------------------------------

    def play(self) -> None:
        """Play the whole drill, minute by minute, acting as the team would."""
        while drills.read(self.console, self.drill).state != drills.ENDED:
            self.minute += 1
            self.clock.advance(1 / SPEED)
            arrived = drills.tick(self.console, self.drill)
            if arrived and self.first_report is None:
                self.first_report = self.minute
            self.act()

    def _target(self, kind: str, key: str = "minutes", default: float = 10) -> float:
        return float(self.targets.get(kind, {}).get(key, default))

    # -- what the team does ----------------------------------------------------------

    def act(self) -> None:
        if self.first_report is None:
            return
        since_report = self.minute - self.first_report
        declare_after = (self._target(rules.OBJ_DECLARED) + 2) if self.late else 2
        if self.incident is None and since_report >= declare_after:
            self.declare()
        if self.incident is None:
            return
        declared = self.did["declared"]
        if self.callout is None and self.minute >= declared + 1:
            self.callout = response.start_callout(self.console, self.incident, TREE)
            self.did["callout_started"] = self.minute
        if self.callout is not None:
            self.call_round()
        self.reporting()
        forms_after = (self._target(rules.OBJ_FORMS, default=20) + 2) if self.late else 3
        if "forms" not in self.did and self.minute >= declared + forms_after:
            self.issue_forms()
        if "ticked" not in self.did and self.minute >= declared + 10:
            self.tick_checklist()
        if not self.resolved and self.minute >= self.resolve_at and self.due_later():
            incidents.resolve(self.console, self.incident)
            self.resolved = True
            self.did["resolved"] = self.minute
        if self.resolved and "entered" not in self.did and not self.late:
            serials = [s["serial"] for s in forms.sheets(self.console, self.incident)]
            if serials:
                forms.set_status(self.console, ",".join(serials), "entered")
            self.did["entered"] = len(serials)

    def declare(self) -> None:
        made = {
            i["refs"]["intake"]
            for i in drills.read(self.console, self.drill).injects
            if "intake" in i["refs"]
        }
        reports = [r for r in response.reports(self.console, open_only=True) if r["id"] in made]
        systems = sorted({s for r in reports for s in r["systems"]})
        self.incident = response.declare_with_reports(
            self.console,
            [r["id"] for r in reports],
            level=self.script["level"],
            title=self.script["name"]["zh"],
            systems=systems,
            scenario=self.script["playbook"],
        )
        self.did["declared"] = self.minute
        self.due = self.first_report + self.report_minutes  # type: ignore[operator]

    def call_round(self) -> None:
        """Call everyone the call-out says to call next (the late team waits first)."""
        assert self.incident is not None
        if (
            self.late
            and self.minute
            < self.did["callout_started"] + self._target(rules.OBJ_CALLOUT, default=15) + 1
        ):
            return
        state = next(
            c
            for c in response.callouts(self.console, self.incident)
            if c["callout"] == self.callout
        )
        for call in state["next"]:
            person = call["person"]["key"]
            response.record_call(self.console, state["callout"], person, "reached")
            self.reached.setdefault(person, self.minute - self.did["callout_started"])

    def reporting(self) -> None:
        """The initial report and every follow-up: 2 minutes early, or 3 minutes late."""
        assert self.incident is not None and self.due is not None
        when = self.due + 3 if self.late else self.due - 2
        if self.resolved or self.minute < when or when >= self.resolve_at:
            return
        incidents.record_report(
            self.console, self.incident, recipient="卫健委信息中心", channel="phone"
        )
        self.reports.append(self.minute)
        self.due = self.minute + self.followup_minutes

    def due_later(self) -> bool:
        """Resolve only when no report is due before then (so no clock is left missed)."""
        return self.due is None or self.due - 2 > self.minute or self.late

    def issue_forms(self) -> None:
        assert self.incident is not None
        wards = self.targets.get(rules.OBJ_FORMS, {}).get("wards", ["急诊科"])
        for ward in wards:
            first = forms.reserve_serials(self.console, 2)
            forms.record_issued(
                self.console,
                template=TEMPLATE,
                template_version=1,
                first=first,
                count=2,
                incident=self.incident,
                lang="zh",
                department=ward,
            )
        self.did["forms"] = self.minute

    def tick_checklist(self) -> None:
        assert self.incident is not None
        items = response.checklist(self.console, self.incident)
        share = 0.3 if self.late else 1.0
        chosen = items[: math.floor(len(items) * share)]
        for item in chosen:
            response.tick(self.console, item["item"])
        self.did["ticked"] = len(chosen)
        self.did["checklist_total"] = len(items)
