"""The Incident page's replay: an incident that is over, or an exercise, step by step."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import text
from hisconsole.domain.replay import STATE_KINDS, Timeline
from hisconsole.services import log_window
from hisconsole.services.console import Console
from hisconsole.services.log_window import LogQuery
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.i18n import incident_status_label, log_kind_label
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.partials.log_model import LogModel
from hisconsole.ui.partials.log_words import entry_text
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import table_view
from hisconsole.ui.partials.widgets import SystemChip
from hisconsole.ui.situation import date_time, local

#: Play advances one frame this often (milliseconds).
PLAY_INTERVAL_MS = 1000
NO_LEVEL_GREY = "#90A4AE"


def can_replay(incident: dict[str, Any] | None) -> bool:
    """An incident that is over, or an exercise, can be replayed; a live one is on the Log tab."""
    if incident is None:
        return False
    return incident["status"] != rules.INCIDENT_OPEN or bool(incident.get("exercise"))


def elapsed_text(since: str | None, at: str) -> str:
    """How long after ``since`` the moment ``at`` came, as +H:MM (empty without ``since``)."""
    start, moment = local(since), local(at)
    if start is None or moment is None:
        return ""
    minutes = max(int((moment - start) / dt.timedelta(minutes=1)), 0)
    return f"+{minutes // 60}:{minutes % 60:02d}"


def read_timeline(console: Console, incident_id: str) -> Timeline:
    """The incident's states over its log, from the entries that change them (found
    through the index on incident and kind, each with its place): worker thread."""
    read = log_window.numbered(console, incident_id, STATE_KINDS)
    return Timeline.of(read.listing.entries, [(row["number"] - 1, row) for row in read.rows])


class ReplayTab(Tab):
    """Steps through an incident's activity log, showing the incident as it stood at each entry.

    The log is not read whole: the states come from the few entries that change them,
    and each step's entry from the timeline's model, read by position (both on the
    worker thread). For the current step: the time, the entry (worded as on the Log tab), the
    warning level in its colour, the incident's status, every system's status
    as a chip, how many upward reports had been made, and the whole log with that
    entry selected (choosing another goes there). A slider and
    Previous / Play / Next move through the steps; Play advances one step a
    second (a QTimer) until the last; Left and Right (Home, End) step from the
    keyboard. Only incidents that are over, and exercises, are replayed.

    Signals: none.
    """

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.incident: dict[str, Any] | None = None
        self.timeline_states = Timeline(0)
        self.index = 0
        self._stale = False
        # The whole log beneath, read by position as on the Log tab.
        self.log_model = LogModel(ctx.runner, lambda: ctx.console, self)
        self.log_model.listed.connect(self._show_current)

        self.note_label = style.label("", self, delta=style.BODY_DELTA, wrap=True)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # -- the incident as it stood ---------------------------------------------------------
        self.panel = QFrame(self)
        self.panel.setObjectName("ReplayFrame")
        panel = QVBoxLayout(self.panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(10)
        head = QHBoxLayout()
        self.time_label = style.label("", self.panel, delta=style.SECTION_DELTA + 2, bold=True)
        self.time_label.setObjectName("ReplayTime")
        self.elapsed_label = style.label("", self.panel, delta=style.BODY_DELTA, colour="#37474F")
        self.position_label = style.label("", self.panel, colour=style.MUTED_TEXT)
        head.addWidget(self.time_label)
        head.addWidget(self.elapsed_label)
        head.addStretch(1)
        head.addWidget(self.position_label)
        panel.addLayout(head)
        state = QHBoxLayout()
        self.level_label = style.label("", self.panel, delta=style.BODY_DELTA + 1, bold=True)
        self.level_label.setObjectName("ReplayLevel")
        self.level_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.state_label = style.label("", self.panel, delta=style.BODY_DELTA + 1, bold=True)
        self.reports_label = style.label("", self.panel, delta=style.BODY_DELTA)
        state.addWidget(self.level_label)
        state.addSpacing(12)
        state.addWidget(self.state_label)
        state.addSpacing(24)
        state.addWidget(self.reports_label)
        state.addStretch(1)
        panel.addLayout(state)
        self.kind_label = style.label("", self.panel, colour=style.MUTED_TEXT)
        self.entry_label = style.label("", self.panel, delta=style.BODY_DELTA + 2, wrap=True)
        self.entry_label.setObjectName("ReplayEntry")
        self.entry_label.setMinimumHeight(self.entry_label.fontMetrics().lineSpacing() * 2)
        self.entry_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        panel.addWidget(self.kind_label)
        panel.addWidget(self.entry_label)
        self.systems_label = style.label("", self.panel, delta=style.BODY_DELTA, bold=True)
        panel.addWidget(self.systems_label)
        self.chips_box = QHBoxLayout()
        self.chips_box.setSpacing(8)
        self.chips: list[SystemChip] = []
        self.no_systems_label = style.label("", self.panel, colour=style.MUTED_TEXT)
        self.chips_box.addWidget(self.no_systems_label)
        self.chips_box.addStretch(1)
        panel.addLayout(self.chips_box)
        # The whole log beneath, the current entry selected: where this step stands.
        self.timeline_label = style.label("", self.panel, delta=style.BODY_DELTA, bold=True)
        panel.addWidget(self.timeline_label)
        self.timeline = table_view(
            self.log_model, self.panel, stretch=LogModel.TEXT, name="timeline"
        )
        header = self.timeline.horizontalHeader()
        # A long log: fixed widths, as on the Log tab, rather than measuring every row.
        for column, width in ((LogModel.NUMBER, 50), (LogModel.TIME, 150), (LogModel.AUTHOR, 120)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.timeline.setColumnWidth(column, width)
        header.setSectionResizeMode(LogModel.KIND, QHeaderView.ResizeMode.Interactive)
        self.timeline.setColumnWidth(LogModel.KIND, 130)
        for column in (LogModel.GROUP, LogModel.SYSTEM):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.timeline.setColumnHidden(column, True)
        self.timeline.setWordWrap(False)
        self.timeline.verticalHeader().setDefaultSectionSize(26)
        self.timeline.selectionModel().currentRowChanged.connect(self._timeline_moved)
        panel.addWidget(self.timeline, 1)

        # -- moving through it ----------------------------------------------------------------
        controls = QHBoxLayout()
        self.previous_button = button("", self)
        self.previous_button.clicked.connect(self.previous_frame)
        self.play_button = button("", self)
        self.play_button.setObjectName("ReplayPlay")
        self.play_button.clicked.connect(self.toggle_play)
        self.next_button = button("", self)
        self.next_button.clicked.connect(self.next_frame)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setPageStep(10)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.valueChanged.connect(self.show_frame)
        controls.addWidget(self.previous_button)
        controls.addWidget(self.play_button)
        controls.addWidget(self.next_button)
        controls.addWidget(self.slider, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note_label)
        layout.addWidget(self.panel, 1)
        layout.addLayout(controls)

        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self.shortcuts: list[QShortcut] = []
        for key, slot in (
            (Qt.Key.Key_Left, self.previous_frame),
            (Qt.Key.Key_Right, self.next_frame),
            (Qt.Key.Key_Home, self.first_frame),
            (Qt.Key.Key_End, self.last_frame),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

        self.retranslate()
        self.set_incident(None)

    # -- language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("◀ Previous"))
        self.previous_button.setToolTip(self.tr("The entry before (Left)"))
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("The entry after (Right)"))
        self.slider.setAccessibleName(self.tr("Replay position"))
        self.slider.setToolTip(self.tr("Drag to any moment; Home and End go to the first and last"))
        self.systems_label.setText(self.tr("Systems"))
        self.timeline_label.setText(self.tr("Timeline"))
        self.timeline.setToolTip(self.tr("Click an entry to go to it"))
        self.no_systems_label.setText(self.tr("No system affected yet"))
        self._label_play()
        self._show_note()
        self._show_current()

    def _label_play(self) -> None:
        playing = self.timer.isActive()
        self.play_button.setText(self.tr("❚❚ Pause") if playing else self.tr("▶ Play"))
        self.play_button.setToolTip(
            self.tr("Stop at this entry")
            if playing
            else self.tr("Go through the entries, one a second")
        )

    def _show_note(self) -> None:
        incident = self.incident
        if incident is None:
            note = self.tr("Choose an incident above to replay it.")
        elif not can_replay(incident):
            note = self.tr(
                "Incident {id} is still open: its log is on the Log tab. Once it is resolved "
                "(or for an exercise, at any time) it can be replayed here step by step."
            ).format(id=incident["id"])
        elif not self.count:
            note = self.tr("Incident {id} has no log entries to replay.").format(id=incident["id"])
        else:
            note = ""
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    # -- the incident -------------------------------------------------------------------------

    def set_incident(self, incident: dict[str, Any] | None) -> None:
        """Replay ``incident`` (with its log): from the start for another incident, else kept.

        The steps are worked out while the tab is shown, or when it is next shown.
        """
        same = (
            incident is not None
            and self.incident is not None
            and incident["id"] == self.incident["id"]
        )
        self.incident = incident
        if not same or not can_replay(incident):
            self.pause()
            self.index = 0
        self._stale = True
        if self.isVisible() or incident is None:
            self._build()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._build()

    @property
    def count(self) -> int:
        """How many steps the replay has (the entries of the log)."""
        return self.timeline_states.steps

    def _build(self) -> None:
        self._stale = False
        incident = self.incident
        if incident is None or not can_replay(incident):
            self.log_model.show(None)
            self._built(None, Timeline(0))
            return
        console, incident_id = self.ctx.console, incident["id"]
        if self.log_model.wanted == LogQuery(incident_id):
            self.log_model.refresh()
        else:
            self.log_model.show(LogQuery(incident_id), at_end=False)
        self.ctx.runner.query(
            lambda: read_timeline(console, incident_id),
            on_done=lambda timeline: self._built(incident_id, timeline),
        )

    def _built(self, incident_id: str | None, timeline: Timeline) -> None:
        if incident_id is not None and (
            self.incident is None or self.incident["id"] != incident_id
        ):
            return  # read for an incident no longer chosen
        self.timeline_states = timeline
        self.index = max(min(self.index, self.count - 1), 0)
        has_steps = bool(self.count)
        self.panel.setVisible(has_steps)
        for widget in (self.previous_button, self.play_button, self.next_button, self.slider):
            widget.setEnabled(has_steps)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(self.count - 1, 0))
        self.slider.setTickInterval(max(self.count // 20, 1))
        self.slider.setValue(self.index)
        self.slider.blockSignals(False)
        self._show_note()
        self._show_current()

    # -- moving -------------------------------------------------------------------------------

    def show_frame(self, index: int) -> None:
        """Show the incident as it stood right after entry ``index`` (0 = the first)."""
        if not self.count:
            return
        self.index = max(0, min(index, self.count - 1))
        if self.slider.value() != self.index:
            self.slider.blockSignals(True)
            self.slider.setValue(self.index)
            self.slider.blockSignals(False)
        self._show_current()

    def next_frame(self) -> None:
        self.show_frame(self.index + 1)

    def previous_frame(self) -> None:
        self.show_frame(self.index - 1)

    def first_frame(self) -> None:
        self.show_frame(0)

    def last_frame(self) -> None:
        self.show_frame(self.count - 1)

    def is_playing(self) -> bool:
        return self.timer.isActive()

    def play(self) -> None:
        """Advance one entry a second from here (from the start when at the end)."""
        if self.count < 2:
            return
        if self.index >= self.count - 1:
            self.show_frame(0)
        self.timer.start()
        self._label_play()

    def pause(self) -> None:
        self.timer.stop()
        self._label_play()

    def toggle_play(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def tick(self) -> None:
        """One step of Play: the next entry, stopping at the last."""
        self.next_frame()
        if self.index >= self.count - 1:
            self.pause()

    def hideEvent(self, event: QHideEvent) -> None:
        # Nobody watches a replay on another tab.
        self.pause()
        super().hideEvent(event)

    # -- showing ------------------------------------------------------------------------------

    def _level(self, code: str) -> tuple[str, str]:
        snapshot = self.ctx.plan.snapshot
        for level in snapshot.section("levels") if snapshot else []:
            if level["code"] == code:
                return text(level.get("name"), self.ctx.lang), level.get("colour_hex", "")
        return "", ""

    def _show_current(self) -> None:
        if not self.count or self.incident is None:
            self._set_chips({})
            return
        index = self.index
        state = self.timeline_states.state_at(index)
        self.position_label.setText(
            self.tr("Entry {number} of {count}").format(number=index + 1, count=self.count)
        )
        name, colour = self._level(state.level)
        if state.level:
            level = self.tr("Level {level}").format(level=state.level)
            self.level_label.setText(f"{level} · {name}" if name else level)
        else:
            self.level_label.setText(self.tr("No level"))
        background = colour or NO_LEVEL_GREY
        self.level_label.setStyleSheet(
            f"QLabel#ReplayLevel {{ background-color: {background};"
            f" color: {style.text_colour_on(background)}; padding: 4px 12px;"
            " border-radius: 4px; }"
        )
        self.state_label.setText(
            self.tr("Incident: {status}").format(status=incident_status_label(state.status))
        )
        self.reports_label.setText(
            self.tr("Upward reports made so far: {count}").format(count=state.reports_made)
        )
        self._set_chips(state.systems)
        if self.log_model.rowCount() > index:
            if self.timeline.currentIndex().row() != index:
                self.timeline.selectRow(index)
            self.timeline.scrollTo(self.log_model.index(index, 0))
        if self.log_model.row_at(index) is None:
            for label in (self.time_label, self.elapsed_label, self.kind_label, self.entry_label):
                label.setText("")  # until the entry is read, not the last step's
        self.log_model.when_row(index, self._show_entry)

    def _show_entry(self, entry: dict[str, Any]) -> None:
        """The current step's entry: when, how long after it began, who, what."""
        if self.incident is None or entry["number"] != self.index + 1:
            return  # read for a step left since
        self.time_label.setText(date_time(entry["at"]))
        self.elapsed_label.setText(
            self.tr("{elapsed} since first reported").format(
                elapsed=elapsed_text(self.incident.get("reported_at"), entry["at"])
            )
        )
        self.kind_label.setText(
            self.tr("{kind} · by {author}").format(
                kind=log_kind_label(entry["kind"]), author=entry.get("by", "")
            )
        )
        self.entry_label.setText(entry_text(entry) or log_kind_label(entry["kind"]))

    def _timeline_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() != self.index:
            self.show_frame(current.row())

    def _set_chips(self, systems: dict[str, str] | Any) -> None:
        for chip in self.chips:
            self.chips_box.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        snapshot = self.ctx.plan.snapshot
        order = {
            s["code"]: i for i, s in enumerate(snapshot.section("systems") if snapshot else [])
        }
        for position, code in enumerate(sorted(systems, key=lambda c: order.get(c, len(order)))):
            chip = SystemChip({"code": code, "status": systems[code]}, self.panel)
            self.chips_box.insertWidget(position, chip)
            self.chips.append(chip)
        self.no_systems_label.setVisible(not self.chips)

    def chip_texts(self) -> list[str]:
        """What the system chips of the current step say ("HIS: Non-functional"…)."""
        return [chip.accessibleName() for chip in self.chips]
