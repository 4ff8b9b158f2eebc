"""Dashboard: the situation at a glance: open incidents, their clocks, whom to call, reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain.plan import text
from hisconsole.services import response
from hisconsole.ui import actions, style
from hisconsole.ui.context import Context, PlanSnapshot
from hisconsole.ui.i18n import (
    channel_label,
    format_date,
    minutes_label,
    phones_text,
    role_label,
)
from hisconsole.ui.partials.callout import OutcomeBar, wave_lines
from hisconsole.ui.partials.dialogs import DeclareDialog, IntakeDialog, button
from hisconsole.ui.partials.page import ScrollingPage
from hisconsole.ui.partials.widgets import ClockTile, SystemChip, exercise_mark
from hisconsole.ui.roster.chart import OrgChart, group_names
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import Situation, clock_time, last_judged_clock, pending_clock

if TYPE_CHECKING:
    from hisconsole.ui.kit import dialog as kit_print
    from hisconsole.ui.readiness.panel import ReadinessPanel, ReadinessState


class LevelChip(QFrame):
    """One warning level of the legend: its code, name and deadlines on its own colour.

    Signals: none.
    """

    def __init__(self, level: dict[str, Any], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LevelChip")
        background = level["colour_hex"]
        self.setStyleSheet(
            f"QFrame#LevelChip {{ background-color: {background}; border-radius: 8px; }}"
            f" QFrame#LevelChip QLabel {{ color: {style.text_colour_on(background)}; }}"
        )
        self.setMinimumWidth(140)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(2)
        self.code_label = style.label(
            self.tr("Level {code}").format(code=level["code"]), self, delta=6, bold=True
        )
        self.name_label = style.label(
            text(level["name"], lang), self, delta=style.SECTION_DELTA, bold=True
        )
        self.deadline_label = style.label(
            self.tr("Report within {duration}").format(
                duration=minutes_label(level["report_minutes"])
            ),
            self,
        )
        self.followup_label = style.label(
            self.tr("Follow-up every {duration}").format(
                duration=minutes_label(level["followup_minutes"])
            ),
            self,
        )
        for widget in (self.code_label, self.name_label, self.deadline_label, self.followup_label):
            # Narrow windows wrap the lines rather than clip them.
            widget.setWordWrap(True)
            layout.addWidget(widget)
        layout.addStretch(1)


class DashboardPage(ScrollingPage):
    """The first page: the open incidents with their big reporting clocks, whom to call next,
    the systems at a glance and the reports still to assess; the plan while all is calm.

    A one-second timer re-reads the time (``console.now()``) and updates the
    clocks; it never counts by itself. A clock falling due is an alert (the
    window's alert list, a desktop notice and a sound, once per alert).

    Signals:
        open_incident(str): the user asked to see an incident on the incident page.
        open_page(str): the user asked for the page where a readiness item is fixed.
    """

    areas = frozenset({"operator"})
    open_incident = Signal(str)
    open_page = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        self.tiles: list[tuple[dict[str, Any], ClockTile]] = []
        self.cards: dict[str, QFrame] = {}
        self.call_next_labels: dict[str, QLabel] = {}
        self.outcome_bars: dict[str, OutcomeBar] = {}
        self.report_rows: dict[str, QFrame] = {}
        self.org_charts: dict[str, OrgChart] = {}
        self.readiness_panel: ReadinessPanel | None = None
        self._readiness_state: ReadinessState | None = None
        super().__init__(ctx, parent)
        self.declare_button = button("", self)
        self.declare_button.setObjectName("DeclareButton")
        self.declare_button.setFont(style.sized_font(self.declare_button, 4, bold=True))
        self.declare_button.setMinimumHeight(48)
        self.declare_button.setStyleSheet(
            "QPushButton#DeclareButton { background-color: #B71C1C; color: white;"
            " border-radius: 6px; padding: 6px 18px; }"
            " QPushButton#DeclareButton:focus { border: 3px solid #0D47A1; }"
        )
        self.declare_button.clicked.connect(self.declare)
        self.intake_button = button("", self)
        self.intake_button.setObjectName("IntakeButton")
        self.intake_button.setFont(style.sized_font(self.intake_button, 4))
        self.intake_button.setMinimumHeight(48)
        self.intake_button.clicked.connect(self.log_report)
        self.kit_button = button("", self)
        self.kit_button.setObjectName("KitButton")
        self.kit_button.setFont(style.sized_font(self.kit_button, 4))
        self.kit_button.setMinimumHeight(48)
        self.kit_button.clicked.connect(self.print_kit)
        # The big buttons wrap onto a second line rather than widen the window.
        bar = style.FlowLayout(spacing=12)
        bar.addWidget(self.declare_button)
        bar.addWidget(self.intake_button)
        bar.addWidget(self.kit_button)
        self._layout.insertLayout(1, bar)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        ctx.plan.updated.connect(self._plan_updated)
        ctx.situation.updated.connect(self._situation_updated)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Dashboard")

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "declare_button"):
            self.declare_button.setText(self.tr("Declare incident (Ctrl+D)"))
            self.declare_button.setAccessibleName(self.tr("Declare incident"))
            self.intake_button.setText(self.tr("Log a report (Ctrl+R)"))
            self.intake_button.setAccessibleName(self.tr("Log a report received"))
            self.kit_button.setText(self.tr("Print downtime kit (Ctrl+K)"))
            self.kit_button.setAccessibleName(self.tr("Print the downtime kit"))

    def refresh(self) -> None:
        self.rebuild()

    def _plan_updated(self, _snapshot: PlanSnapshot) -> None:
        self.rebuild()

    def _situation_updated(self, _situation: Situation) -> None:
        self.rebuild()

    @property
    def readiness_state(self) -> ReadinessState:
        """What is due before the next outage, kept across rebuilds; made when the calm
        dashboard first shows it (its services load then: not at 3 a.m. with an incident
        open)."""
        if self._readiness_state is None:
            from hisconsole.ui.readiness.panel import ReadinessState

            self._readiness_state = ReadinessState(self.ctx)
        return self._readiness_state

    @property
    def situation(self) -> Situation:
        return self.ctx.situation.situation

    # -- actions ------------------------------------------------------------------------------

    def declare(self, report: dict[str, Any] | None = None) -> DeclareDialog:
        return actions.declare(
            self.ctx, self.window(), report if isinstance(report, dict) else None
        )

    def log_report(self) -> IntakeDialog:
        return actions.log_report(self.ctx, self.window())

    def print_kit(self) -> kit_print.KitDialog:
        """The downtime kit for the headline incident (or a scenario when all is calm)."""
        from hisconsole.ui.kit import dialog as kit_print  # forms, printers: when asked for

        headline = self.situation.headline
        return kit_print.open_kit_dialog(
            self.ctx, self.window(), incident=headline["id"] if headline else None
        )

    def incident(self, incident_id: str) -> dict[str, Any]:
        return next(i for i in self.situation.active if i["id"] == incident_id)

    # -- the clocks ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Recompute every clock from the console's time (the alerts follow it by themselves)."""
        now = self.ctx.console.now()
        for _incident, tile in self.tiles:
            tile.update_at(now)
        self.ctx.situation.check_time()

    # -- building -----------------------------------------------------------------------------

    def build(self, layout: QVBoxLayout) -> None:
        self.tiles = []
        self.cards = {}
        self.call_next_labels = {}
        self.outcome_bars = {}
        self.report_rows = {}
        self.org_charts = {}
        self.readiness_panel = None
        situation = self.situation
        if situation.active:
            for incident in situation.active:
                layout.addWidget(self._incident_card(incident, situation))
        else:
            layout.addWidget(self._calm_status())
            from hisconsole.ui.readiness.panel import ReadinessPanel

            self.readiness_panel = ReadinessPanel(self.ctx, self.readiness_state)
            self.readiness_panel.open_page.connect(self.open_page)
            layout.addWidget(self.readiness_panel)
        if situation.reports:
            layout.addWidget(self.section_heading(self.tr("Reports to assess")))
            for report in situation.reports:
                layout.addWidget(self._report_row(report, situation))
        if not situation.active:
            self._plan_sections(layout)
        self.tick()

    def _calm_status(self) -> QFrame:
        status = QFrame()
        status.setObjectName("IncidentStatus")
        status.setStyleSheet(
            "QFrame#IncidentStatus { border: 1px solid #B0B6BB; border-radius: 8px; }"
        )
        status_layout = QVBoxLayout(status)
        status_layout.setContentsMargins(18, 14, 18, 14)
        self.status_label = style.label(
            self.tr("No active incident"), delta=style.HEADING_DELTA - 2, bold=True
        )
        status_layout.addWidget(self.status_label)
        status_layout.addWidget(
            self.paragraph(
                self.tr(
                    "Normal operations. When the hospital information systems fail, the "
                    "incident, its warning level and its reporting clocks will show here."
                ),
                colour=style.MUTED_TEXT,
            )
        )
        return status

    def _incident_card(self, incident: dict[str, Any], situation: Situation) -> QFrame:
        lang = self.ctx.lang
        snapshot = self.ctx.plan.snapshot
        levels = {lvl["code"]: lvl for lvl in (snapshot.section("levels") if snapshot else [])}
        level = levels.get(incident["level"], {})
        colour = level.get("colour_hex", style.NEUTRAL_GREY)
        card = QFrame()
        card.setObjectName("IncidentCard")
        card.setStyleSheet(
            f"QFrame#IncidentCard {{ border: 1px solid #B0B6BB; border-left: 10px solid {colour};"
            " border-radius: 8px; }"
        )
        self.cards[incident["id"]] = card
        box = QVBoxLayout(card)
        box.setContentsMargins(18, 12, 18, 14)
        box.setSpacing(8)

        header = QHBoxLayout()
        title = style.label(
            self.tr("Level {code} · {name} — {title}").format(
                code=incident["level"], name=text(level.get("name"), lang), title=incident["title"]
            ),
            card,
            delta=style.SECTION_DELTA + 1,
            bold=True,
            wrap=True,
        )
        title.setObjectName("IncidentTitle")
        header.addWidget(title, 1)
        if incident.get("exercise"):
            header.addWidget(exercise_mark(card, delta=style.SECTION_DELTA))
        box.addLayout(header)
        box.addWidget(
            style.label(
                self.tr("{id} · first reported {reported} · declared by {by}").format(
                    id=incident["id"],
                    reported=clock_time(incident["reported_at"]),
                    by=incident["declared_by"],
                ),
                card,
                colour=style.MUTED_TEXT,
                wrap=True,
            )
        )

        body = QHBoxLayout()
        body.setSpacing(18)
        tile = ClockTile(pending_clock(incident), card, last=last_judged_clock(incident))
        tile.report_requested.connect(lambda i=incident["id"]: self._record_report(i))
        self.tiles.append((incident, tile))
        body.addWidget(tile, 4)
        side = QVBoxLayout()
        side.setSpacing(6)
        side.addWidget(
            style.label(self.tr("Call next"), card, delta=style.BODY_DELTA + 1, bold=True)
        )
        call_next = style.label(self._call_next_text(situation, incident["id"]), card, wrap=True)
        call_next.setObjectName("CallNext")
        call_next.setFont(style.sized_font(call_next, style.BODY_DELTA + 2))
        self.call_next_labels[incident["id"]] = call_next
        side.addWidget(call_next)
        # Record how the call to the first person went without leaving the dashboard.
        outcomes = OutcomeBar(card)
        outcomes.setObjectName("CallNextOutcome")
        target = self._first_to_call(situation, incident["id"])
        outcomes.set_enabled(target is not None)
        if target is not None:
            outcomes.set_person(text(target[1].get("name"), self.ctx.lang))
        else:
            outcomes.hide()
        outcomes.recorded.connect(
            lambda outcome, eta, i=incident["id"]: self.record_call(i, outcome, eta)
        )
        self.outcome_bars[incident["id"]] = outcomes
        side.addWidget(outcomes)
        side.addWidget(style.label(self.tr("Systems"), card, delta=style.BODY_DELTA + 1, bold=True))
        chips = QGridLayout()
        chips.setSpacing(6)
        for index, system in enumerate(incident.get("systems", [])):
            chips.addWidget(SystemChip(system, card), index // 3, index % 3)
        if not incident.get("systems"):
            side.addWidget(
                style.label(self.tr("No system recorded yet."), card, colour=style.MUTED_TEXT)
            )
        side.addLayout(chips)
        side.addStretch(1)
        body.addLayout(side, 5)
        box.addLayout(body)
        # Who is in command (as HICS 207): the posts and whoever holds them now.
        box.addWidget(
            style.label(self.tr("Command roster"), card, delta=style.BODY_DELTA + 1, bold=True)
        )
        chart = OrgChart(card)
        chart.set_roster(situation.rosters.get(incident["id"]), group_names(self.ctx))
        self.org_charts[incident["id"]] = chart
        box.addWidget(chart)

        buttons = QHBoxLayout()
        incident_id = incident["id"]
        for label, name, slot in (
            (self.tr("Record upward report…"), "record report", self._record_report),
            (self.tr("Change level…"), "change level", self._change_level),
            (self.tr("Open incident"), "open incident", self.open_incident.emit),
        ):
            push = button(label, card)
            push.setFont(style.sized_font(push, style.BODY_DELTA + 1))
            push.setMinimumHeight(36)
            push.setAccessibleName(f"{label.rstrip('…')} {incident_id}")
            push.setObjectName(name.replace(" ", "_"))
            push.clicked.connect(lambda _checked=False, s=slot, i=incident_id: s(i))
            buttons.addWidget(push)
        buttons.addStretch(1)
        box.addLayout(buttons)
        return card

    def _call_next_text(self, situation: Situation, incident_id: str) -> str:
        runs = situation.callouts.get(incident_id, [])
        if not runs:
            return self.tr("No call-out started. Start one on the incident page (Call-out).")
        lang = self.ctx.lang
        lines = []
        for run in runs:
            progress = self.tr("{tree}: reached {reached} of {total}").format(
                tree=text(run.get("title"), lang) or run["tree"],
                reached=run["reached"],
                total=run["total"],
            )
            lines.append(progress)
            lines.extend(wave_lines(run))
            slots = {s["path"]: s for s in run["slots"]}
            for entry in run["next"][:2]:
                person = entry["person"] or {}
                slot = slots.get(entry["path"], {})
                name = text(person.get("name"), lang)
                if slot.get("escalated"):
                    original = text((slot.get("person") or {}).get("name"), lang)
                    name = self.tr("{name} (alternate for {original})").format(
                        name=name, original=original
                    )
                lines.append(f"→ {name}")
                lines.extend(f"      {phones_text([phone])}" for phone in person.get("phones", []))
            if not run["next"]:
                lines.append(self.tr("Everyone has been reached."))
        return "\n".join(lines)

    def _first_to_call(
        self, situation: Situation, incident_id: str
    ) -> tuple[str, dict[str, Any]] | None:
        """The call-out and the person shown first under "Call next", if anyone."""
        for run in situation.callouts.get(incident_id, []):
            if run["next"] and run["next"][0].get("person"):
                return run["callout"], run["next"][0]["person"]
        return None

    def record_call(self, incident_id: str, outcome: str, eta_minutes: int | None = None) -> None:
        """Record the outcome of the call to the first person under "Call next"."""
        target = self._first_to_call(self.situation, incident_id)
        if target is None:
            return
        console, (callout_id, person) = self.ctx.console, target
        key = person["key"]
        self.ctx.runner.op(
            lambda: response.record_call(
                console, callout_id, key, outcome, eta_minutes=eta_minutes
            ),
            on_error=lambda exc: QMessageBox.warning(self, self.tr("Call-out"), user_message(exc)),
        )

    def _record_report(self, incident_id: str) -> None:
        actions.record_report(self.ctx, self.window(), self.incident(incident_id))

    def _change_level(self, incident_id: str) -> None:
        actions.change_level(self.ctx, self.window(), self.incident(incident_id))

    def _report_row(self, report: dict[str, Any], situation: Situation) -> QFrame:
        row = QFrame()
        row.setObjectName("ReportRow")
        row.setStyleSheet("QFrame#ReportRow { border: 1px solid #C9CED2; border-radius: 6px; }")
        self.report_rows[report["id"]] = row
        box = QHBoxLayout(row)
        box.setContentsMargins(14, 8, 14, 8)
        texts = QVBoxLayout()
        texts.addWidget(
            style.label(
                self.tr("{time} · {reporter} ({department}) · {channel}").format(
                    time=clock_time(report["received_at"]),
                    reporter=report["reporter"],
                    department=report["department"],
                    channel=channel_label(report["channel"]),
                ),
                row,
                bold=True,
                wrap=True,
            )
        )
        what = report["what"]
        if report.get("systems"):
            what += "  [" + ", ".join(report["systems"]) + "]"
        texts.addWidget(style.label(what, row, wrap=True))
        box.addLayout(texts, 1)
        choices = situation.open_choices()
        for label, slot, enabled in (
            (self.tr("Declare…"), lambda: self.declare(report), True),
            (
                self.tr("Attach…"),
                lambda: actions.attach(self.ctx, self.window(), report, choices),
                bool(choices),
            ),
            (
                self.tr("No incident…"),
                lambda: actions.dismiss(self.ctx, self.window(), report),
                True,
            ),
        ):
            push = button(label, row)
            push.setAccessibleName(f"{label.rstrip('…')} {report['id']}")
            push.setEnabled(enabled)
            push.clicked.connect(lambda _checked=False, s=slot: s())
            box.addWidget(push)
        return row

    def _plan_sections(self, layout: QVBoxLayout) -> None:
        lang = self.ctx.lang
        snapshot = self.ctx.plan.snapshot
        if snapshot is not None and snapshot.document is not None:
            layout.addWidget(self.section_heading(self.tr("Warning levels")))
            chips = QGridLayout()
            chips.setSpacing(12)
            for column, level in enumerate(snapshot.section("levels")):
                chips.addWidget(LevelChip(level, lang), 0, column)
                chips.setColumnStretch(column, 1)
            layout.addLayout(chips)
            layout.addWidget(self.section_heading(self.tr("Emergency plan")))
            meta = snapshot.meta
            self.plan_label = self.paragraph(
                self.tr("{title} — version {version}, revised {revised}").format(
                    title=text(meta.get("title"), lang),
                    version=snapshot.version,
                    revised=format_date(meta.get("revised")),
                )
            )
            layout.addWidget(self.plan_label)
            layout.addWidget(
                self.paragraph(text(meta.get("hospital"), lang), colour=style.MUTED_TEXT)
            )
        else:
            layout.addWidget(self.section_heading(self.tr("Emergency plan")))
            layout.addWidget(self.paragraph(self.no_plan_text(snapshot)))

        layout.addWidget(self.section_heading(self.tr("Operator on duty")))
        operator = self.ctx.console.operator
        self.operator_label = self.paragraph(
            self.tr("{name} ({role})").format(name=operator.name, role=role_label(operator.role))
        )
        layout.addWidget(self.operator_label)
