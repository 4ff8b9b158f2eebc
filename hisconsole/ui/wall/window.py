"""The wall display (大屏): every open incident with its level colour and clocks, the systems
board, call-out progress, the command roster and the latest log lines, in type large enough
to read across the room. Read-only; it follows the situation (the one change signal) and
the console's clock."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import text
from hisconsole.services import wall as wall_service
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.i18n import clock_kind_label
from hisconsole.ui.partials.log_words import entry_text
from hisconsole.ui.partials.widgets import SystemChip
from hisconsole.ui.roster.chart import OrgChart, group_names
from hisconsole.ui.situation import (
    EXERCISE_MARK,
    Situation,
    clock_state,
    clock_time,
    countdown,
    pending_clock,
)

#: The wall's text size in points: read from the back of the room on a projector.
WALL_POINT_SIZE = 18
BACKGROUND = "#101418"
FOREGROUND = "#F5F5F5"


class WallWindow(QWidget):
    """The wall display. Esc (or F11) leaves full screen; closing it closes only itself.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("WallWindow")
        self.ctx = ctx
        self.extras = wall_service.WallExtras()
        self.countdowns: list[tuple[dict[str, Any], QLabel]] = []
        self.cards: dict[str, QFrame] = {}
        self._loading = False
        font = self.font()
        font.setPointSize(WALL_POINT_SIZE)
        self.setFont(font)
        self.setStyleSheet(
            f"QWidget#WallWindow {{ background-color: {BACKGROUND}; }}"
            f" QWidget#WallWindow QLabel {{ color: {FOREGROUND}; }}"
        )
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(28, 18, 28, 18)
        self._layout.setSpacing(14)
        header = QHBoxLayout()
        self.title_label = self.big("", self, 8, bold=True)
        self.time_label = self.big("", self, 8, bold=True)
        self.time_label.setObjectName("WallTime")
        header.addWidget(self.title_label, 1)
        header.addWidget(self.time_label)
        self._layout.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(14)
        self._layout.addLayout(self.body, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        ctx.situation.updated.connect(self._situation_updated)
        self.retranslate()
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def _situation_updated(self, _situation: Situation) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the periods and log lines, then show everything with the latest situation."""
        if self._loading:
            return
        self._loading = True
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: wall_service.extras(console), on_done=self._loaded, on_error=self._failed
        )

    def _loaded(self, extras: wall_service.WallExtras) -> None:
        self._loading = False
        self.extras = extras
        self.rebuild()

    def _failed(self, _exc: BaseException) -> None:
        self._loading = False
        self.extras = wall_service.WallExtras()
        self.rebuild()

    # -- building -----------------------------------------------------------------------------

    @staticmethod
    def big(
        words: str,
        parent: QWidget,
        delta: int = 0,
        *,
        bold: bool = False,
        wrap: bool = False,
    ) -> QLabel:
        """A label in the wall's type: ``WALL_POINT_SIZE`` + ``delta`` points, whatever the
        window's own text size (a projector is read from the back of the room)."""
        label = style.label(words, parent, bold=bold, wrap=wrap)
        font = label.font()
        font.setPointSizeF(WALL_POINT_SIZE + delta)
        label.setFont(font)
        label.setProperty(style.FONT_RATIO_PROPERTY, None)  # the text-size setting leaves it
        return label

    def rebuild(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.countdowns = []
        self.cards = {}
        situation = self.ctx.situation.situation
        if not situation.active:
            calm = self.big(self.tr("No active incident"), self, 10, bold=True)
            calm.setObjectName("WallCalm")
            calm.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.body.addWidget(calm, 1)
        for incident in sorted(situation.active, key=lambda i: glossary.level_rank(i["level"])):
            self.body.addWidget(self._card(incident, situation), 1)
        self.tick()

    def _level(self, code: str) -> dict[str, Any]:
        snapshot = self.ctx.plan.snapshot
        levels = {lvl["code"]: lvl for lvl in (snapshot.section("levels") if snapshot else [])}
        return levels.get(code, {})

    def _card(self, incident: dict[str, Any], situation: Situation) -> QFrame:
        level = self._level(incident["level"])
        colour = level.get("colour_hex", style.NEUTRAL_GREY)
        card = QFrame(self)
        card.setObjectName("WallCard")
        card.setStyleSheet(
            f"QFrame#WallCard {{ border: 2px solid #37474F; border-left: 24px solid {colour};"
            " border-radius: 10px; }"
        )
        self.cards[incident["id"]] = card
        box = QVBoxLayout(card)
        box.setContentsMargins(22, 12, 18, 12)
        title = self.tr("Level {code} · {name} — {title}").format(
            code=incident["level"],
            name=text(level.get("name"), self.ctx.lang),
            title=incident["title"],
        )
        if incident.get("exercise"):
            title += f"   [{EXERCISE_MARK}]"
        headline = self.big(title, card, 8, bold=True, wrap=True)
        headline.setObjectName("WallIncidentTitle")
        box.addWidget(headline)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        left = QVBoxLayout()
        clock = pending_clock(incident)
        countdown_label = self.big("", card, 20, bold=True)
        countdown_label.setObjectName("WallCountdown")
        self.countdowns.append((clock or {}, countdown_label))
        left.addWidget(countdown_label)
        period = self.extras.periods.get(incident["id"])
        if period:
            left.addWidget(
                self.big(
                    self.tr("Operational period {number} until {time}").format(
                        number=period["number"], time=clock_time(period["ends_at"])
                    ),
                    card,
                    2,
                )
            )
        chips = QGridLayout()
        chips.setSpacing(10)
        for index, system in enumerate(incident.get("systems", [])):
            chip = SystemChip(system, card)
            for label in chip.findChildren(QLabel):
                font = label.font()
                font.setPointSizeF(WALL_POINT_SIZE + 4)
                label.setFont(font)
            chips.addWidget(chip, index // 4, index % 4)
        left.addLayout(chips)
        for run in situation.callouts.get(incident["id"], []):
            left.addWidget(
                self.big(
                    self.tr("Call-out {tree}: reached {reached} of {total}").format(
                        tree=text(run.get("title"), self.ctx.lang) or run["tree"],
                        reached=run["reached"],
                        total=run["total"],
                    ),
                    card,
                    2,
                )
            )
        left.addStretch(1)
        columns.addLayout(left, 4)
        right = QVBoxLayout()
        chart = OrgChart(card, point_size=WALL_POINT_SIZE)
        chart.set_roster(situation.rosters.get(incident["id"]), group_names(self.ctx))
        right.addWidget(chart)
        right.addWidget(self.big(self.tr("Latest log"), card, bold=True))
        for row in self.extras.logs.get(incident["id"], []):
            line = self.big(
                f"{clock_time(row['at'])}  {entry_text(row)}",
                card,
                -2,
                wrap=True,
            )
            line.setObjectName("WallLogLine")
            right.addWidget(line)
        right.addStretch(1)
        columns.addLayout(right, 5)
        box.addLayout(columns, 1)
        return card

    def tick(self) -> None:
        """The wall clock and each reporting clock, from the console's time."""
        now = self.ctx.console.now()
        self.time_label.setText(clock_time(now, seconds=True))
        for clock, label in self.countdowns:
            if not clock:
                label.setText(self.tr("No report due"))
                continue
            state, remaining = clock_state(clock, now)
            report = clock_kind_label(clock["kind"])
            if state == rules.STATE_RED:
                label.setText(
                    self.tr("{report} OVERDUE {time}").format(
                        report=report, time=countdown(remaining)
                    )
                )
                label.setStyleSheet("color: #FF5252;")
            else:
                label.setText(
                    self.tr("{report} due in {time}").format(
                        report=report, time=countdown(remaining)
                    )
                )
                label.setStyleSheet("color: #FFD54F;" if state == rules.STATE_AMBER else "")

    # -- window -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11) and self.isFullScreen():
            self.showNormal()
            return
        if event.key() == Qt.Key.Key_F11:
            self.showFullScreen()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("HIS Console — wall display"))
        self.setWindowTitle(self.tr("HIS Console — wall display"))
        self.rebuild()
