"""The Incident page's Log tab (as HICS 214): append-only entries, corrections and filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QLineEdit, QVBoxLayout, QWidget

from hisconsole.domain import glossary
from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import GROUP_CODES, text
from hisconsole.services import incidents as incident_service
from hisconsole.services.log_window import LogQuery
from hisconsole.ui import style
from hisconsole.ui.context import Context, PlanSnapshot
from hisconsole.ui.i18n import log_kind_label
from hisconsole.ui.incident.detail import CurrentId, IncidentDetail, group_items
from hisconsole.ui.partials.dialogs import TextDialog, button, open_dialog
from hisconsole.ui.partials.log_model import LogModel
from hisconsole.ui.partials.log_words import entry_text
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import combo_with, table_view
from hisconsole.ui.situation import date_time
from hisconsole.ui.tasks.dialog import make_task_action, task_action_text

# The log kinds an operator chooses for an entry, and those the console records itself.


class LogTab(Tab):
    """The incident's log: a quick entry line, filters, the entries, and corrections.

    Signals: none.
    """

    def __init__(self, ctx: Context, current_id: CurrentId, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current_id = current_id
        self.detail: IncidentDetail | None = None
        box = QVBoxLayout(self)
        entry = QHBoxLayout()
        self.entry_kind = combo_with([("", k) for k in glossary.WRITTEN_LOG_KINDS], self)
        self.entry_group = combo_with([("", None), *(("", g) for g in GROUP_CODES)], self)
        self.entry_system = combo_with([("", None)], self)
        self.entry_edit = QLineEdit(self)
        self.entry_edit.setObjectName("LogEntry")
        self.entry_edit.setFont(style.sized_font(self.entry_edit, style.BODY_DELTA + 1))
        self.entry_edit.returnPressed.connect(self.add_entry)
        self.entry_button = button("", self)
        self.entry_button.clicked.connect(self.add_entry)
        for widget in (self.entry_kind, self.entry_group, self.entry_system):
            entry.addWidget(widget)
        entry.addWidget(self.entry_edit, 1)
        entry.addWidget(self.entry_button)
        box.addLayout(entry)

        filters = QHBoxLayout()
        self.filter_label = QLabel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_label.setBuddy(self.filter_edit)
        self.filter_group = combo_with([("", None), *(("", g) for g in GROUP_CODES)], self)
        self.filter_system = combo_with([("", None)], self)
        self.filter_kind = combo_with([("", None), *(("", k) for k in glossary.LOG_KINDS)], self)
        # Typing filters after a short pause, not on every key (1,000,000 entries).
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(250)
        self.filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self.filter_timer.start)
        for combo in (self.filter_group, self.filter_system, self.filter_kind):
            combo.currentIndexChanged.connect(self.apply_filter)
        filters.addWidget(self.filter_label)
        filters.addWidget(self.filter_edit, 1)
        for widget in (self.filter_group, self.filter_system, self.filter_kind):
            filters.addWidget(widget)
        box.addLayout(filters)

        # The entries that match the filters, read by position on the worker thread (the
        # filters are matched there too): the count follows when the list is read.
        self.log_model = LogModel(ctx.runner, lambda: ctx.console, self)
        self.log_model.listed.connect(self._update_log_count)
        self.log_model.failed.connect(self._read_failed)
        self.log_view = table_view(self.log_model, self, stretch=LogModel.TEXT, name="log")
        # The selected entry stays held however far the view scrolls (Correct…, a task).
        self.log_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.log_model.keep(current.row())
        )
        header = self.log_view.horizontalHeader()
        # A log of 1,000,000 rows is not measured to size the columns: fixed widths,
        # counted in digits of the table's font (they follow the text size and the locale's
        # date in the time column).
        metrics = self.log_view.fontMetrics()
        digit = metrics.horizontalAdvance("0")
        for column, chars in ((0, 5), (1, 17), (2, 13), (3, 13), (4, 19), (5, 7)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.log_view.setColumnWidth(column, digit * chars + 16)
        self.log_view.setWordWrap(False)
        self.log_view.verticalHeader().setDefaultSectionSize(metrics.height() + 12)
        self.log_view.doubleClicked.connect(self.correct)
        self.task_action = make_task_action(
            self.log_view, ctx, current_id, lambda: self._task_source()
        )
        box.addWidget(self.log_view, 1)
        bottom = QHBoxLayout()
        self.log_count = style.label("", self, colour=style.MUTED_TEXT)
        self.correct_button = button("", self)
        self.correct_button.clicked.connect(self.correct)
        bottom.addWidget(self.log_count, 1)
        bottom.addWidget(self.correct_button)
        box.addLayout(bottom)

    def retranslate(self) -> None:
        for index in range(self.entry_kind.count()):
            self.entry_kind.setItemText(index, log_kind_label(self.entry_kind.itemData(index)))
        self.entry_kind.setAccessibleName(self.tr("Entry kind"))
        self.entry_group.setAccessibleName(self.tr("Entry group"))
        self.entry_system.setAccessibleName(self.tr("Entry system"))
        self.entry_edit.setPlaceholderText(self.tr("Type a log entry and press Enter (Ctrl+L)"))
        self.entry_edit.setAccessibleName(self.tr("Log entry"))
        self.entry_button.setText(self.tr("Add to log"))
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter_edit.setPlaceholderText(self.tr("text in the entry, author or system"))
        self.filter_edit.setAccessibleName(self.tr("Filter the log"))
        self.filter_kind.setItemText(0, self.tr("All kinds"))
        for index in range(1, self.filter_kind.count()):
            self.filter_kind.setItemText(index, log_kind_label(self.filter_kind.itemData(index)))
        self.filter_system.setItemText(0, self.tr("All systems"))
        self.entry_system.setItemText(0, self.tr("(no system)"))
        group_items(self.ctx, self.entry_group, self.tr("(no group)"))
        group_items(self.ctx, self.filter_group, self.tr("All groups"))
        self.correct_button.setText(self.tr("Correct…"))
        self.task_action.setText(task_action_text())
        self.correct_button.setAccessibleName(self.tr("Correct the selected log entry"))
        # Named for screen readers (the combos show only their choice).
        self.filter_group.setAccessibleName(self.tr("Show the entries of group"))
        self.filter_system.setAccessibleName(self.tr("Show the entries of system"))
        self.filter_kind.setAccessibleName(self.tr("Show the entries of kind"))
        self.log_model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.log_model.columnCount() - 1
        )

    def plan_updated(self, snapshot: PlanSnapshot | None) -> None:
        """The plan's systems and group names, for the entry line and the filters."""
        codes = [s["code"] for s in snapshot.section("systems")] if snapshot else []
        for combo in (self.entry_system, self.filter_system):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for code in codes:
                combo.addItem(code, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.log_model.group_names = {
            g["code"]: text(g["name"], self.ctx.lang)
            for g in (snapshot.section("groups") if snapshot else [])
        }

    def query(self, incident_id: str) -> LogQuery:
        """The list of ``incident_id``'s entries the filters select."""
        return LogQuery(
            incident_id,
            text=self.filter_edit.text(),
            group=self.filter_group.currentData(),
            system=self.filter_system.currentData(),
            kind=self.filter_kind.currentData(),
        )

    def reload(self, incident_id: str | None) -> None:
        """Read what was added to the log of ``incident_id`` (another incident: its log)."""
        log = self.log_model
        if incident_id is None:
            log.show(None)
        elif log.wanted is not None and log.wanted.incident_id == incident_id:
            log.refresh()
        else:
            log.show(self.query(incident_id))

    def show_detail(self, detail: IncidentDetail | None) -> None:
        self.detail = detail
        is_open = detail is not None and detail.incident["status"] == rules.INCIDENT_OPEN
        for widget in (self.entry_edit, self.entry_button, self.correct_button):
            widget.setEnabled(is_open)
        self._update_log_count()

    def focus_entry(self) -> None:
        self.entry_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.entry_edit.selectAll()

    def add_entry(self) -> None:
        incident_id = self.current_id()
        entry = self.entry_edit.text().strip()
        if incident_id is None or not entry:
            return
        console = self.ctx.console
        kind = self.entry_kind.currentData()
        group = self.entry_group.currentData()
        system = self.entry_system.currentData()
        self.entry_edit.clear()
        self.ctx.runner.op(
            lambda: incident_service.log(
                console, incident_id, entry, kind=kind, group=group, system=system
            ),
            on_error=lambda exc: self._entry_refused(entry, exc),
        )

    def _entry_refused(self, entry: str, exc: BaseException) -> None:
        # Nothing typed is lost: the text comes back to the box.
        if not self.entry_edit.text():
            self.entry_edit.setText(entry)
        self.ctx.runner.failed.emit(str(exc))
        self.log_count.setText(str(exc))

    def apply_filter(self) -> None:
        self.filter_timer.stop()
        incident_id = self.current_id()
        if incident_id is not None:
            self.log_model.show(self.query(incident_id))

    def _update_log_count(self) -> None:
        listing = self.log_model.listing
        total, shown = (listing.entries, listing.matches) if listing else (0, 0)
        if shown == total:
            self.log_count.setText(self.tr("{count} entries").format(count=total))
        else:
            self.log_count.setText(
                self.tr("Showing {shown} of {count} entries").format(shown=shown, count=total)
            )
        if listing is None or not listing.query.filtering():
            self.log_view.scrollToBottom()

    def _read_failed(self, message: str) -> None:
        self.log_count.setText(message)

    def selected_entry(self) -> dict[str, Any] | None:
        """The selected entry (held by the model however far the view scrolled since)."""
        index = self.log_view.currentIndex()
        return self.log_model.row_at(index.row()) if index.isValid() else None

    def _task_source(self) -> tuple[str, str, str] | None:
        entry = self.selected_entry()
        if entry is None:
            return None
        return "log", entry["entry"], entry_text(entry)

    def select_log_row(self, position: int) -> None:
        """Select the row at ``position`` of the list shown."""
        self.log_view.selectionModel().setCurrentIndex(
            self.log_model.index(position, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def correct(self, _index: QModelIndex | None = None) -> TextDialog | None:
        """Correct the selected entry: a new entry that references it (the old one stays)."""
        entry = self.selected_entry()
        incident_id = self.current_id()
        current = self.log_view.currentIndex()
        if entry is None and current.isValid():
            # Chosen before its row was read (a long log, just scrolled): once it is.
            self.log_model.when_row(current.row(), lambda _row: self.correct())
            return None
        if entry is None or incident_id is None or self.detail is None:
            return None
        if self.detail.incident["status"] != rules.INCIDENT_OPEN:
            return None
        console, entry_id = self.ctx.console, entry["entry"]
        number, original = entry["number"], entry_text(entry)
        dialog = TextDialog(
            self.ctx,
            title=lambda: self.tr("Correct log entry"),
            caption=lambda: self.tr("&Correction:"),
            action=lambda: self.tr("Add correction"),
            intro=lambda: self.tr(
                "Entry #{number} stays in the log as it was; the correction is a new entry "
                "that refers to it.\n#{number} ({time}, {by}): {text}"
            ).format(number=number, time=date_time(entry["at"]), by=entry["by"], text=original),
            required=lambda: self.tr("Type the corrected text."),
            initial=entry["text"],
            run=lambda fixed: (
                lambda: incident_service.log(
                    console, incident_id, fixed, kind="correction", corrects=entry_id
                )
            ),
            parent=self.window(),
        )
        open_dialog(dialog)
        return dialog
