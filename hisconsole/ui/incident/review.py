"""The Incident page's after-action review: timings, what went well or badly, improvement items."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hisconsole.domain import incidents as rules
from hisconsole.domain.plan import LIST_SECTIONS, SINGLE_SECTIONS, item_key, text
from hisconsole.services import review as review_service
from hisconsole.ui import style
from hisconsole.ui.context import Context, PlanSnapshot
from hisconsole.ui.i18n import (
    clock_judgement,
    clock_kind_label,
    datetime_edit_format,
    format_date,
    format_number,
)
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.partials.models import Column, RecordsModel
from hisconsole.ui.partials.plan_names import item_kind, section_title
from hisconsole.ui.partials.tab import Tab
from hisconsole.ui.partials.tables import refresh, table_view
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import AREA, date_time, touching

#: An improvement item is due this many days after it is written down, unless changed.
DEFAULT_DUE_DAYS = 30
NOT_YET_GREY = "#5F6368"
LATE_RED = "#B71C1C"
CLOCK_KINDS = (rules.CLOCK_INITIAL, rules.CLOCK_FOLLOWUP, rules.CLOCK_LEVEL_CHANGE)


def _is_late(row: dict[str, Any]) -> bool:
    return bool(row["clock"]) and row["clock"]["state"] in (rules.STATE_LATE, rules.STATE_MISSED)


def plan_section_choices(snapshot: PlanSnapshot | None, lang: str) -> list[tuple[str, str]]:
    """(key, label) of every plan item an improvement can name: "levels/I", "scenarios/his-down"…"""
    document = snapshot.document if snapshot else None
    if not document:
        return []
    choices = []
    for section in SINGLE_SECTIONS:
        if section != "meta" and section in document:
            choices.append((item_key(section), section_title(section)))
    for section in LIST_SECTIONS:
        for item in document.get(section, []):
            name = text(item.get("name"), lang)
            kind = item_kind(section)
            choices.append((item_key(section, item["code"]), f"{kind}: {name}" if name else kind))
    return choices


def is_overdue(item: dict[str, Any], today: dt.date) -> bool:
    try:
        return not item["done"] and dt.date.fromisoformat(item["due"]) < today
    except ValueError:
        return False


class ImprovementsTable(RecordsModel):
    """Improvement items with a Done box; an overdue item's due date is red and says so.

    Signals: those of RecordsModel (``toggled`` when Done is ticked).
    """

    def __init__(self, parent: QObject, *, with_incident: bool) -> None:
        columns = [
            Column(
                lambda: QCoreApplication.translate("ImprovementsTable", "Done"),
                lambda r: "",
                checked=lambda r: r["done"],
            ),
            Column(
                lambda: QCoreApplication.translate("ImprovementsTable", "Due"),
                self._due,
                foreground=self._due_colour,
            ),
            Column(
                lambda: QCoreApplication.translate("ImprovementsTable", "Improvement"),
                lambda r: r["text"],
            ),
            Column(
                lambda: QCoreApplication.translate("ImprovementsTable", "Owner"),
                lambda r: r["owner"],
            ),
        ]
        if with_incident:
            columns.append(
                Column(
                    lambda: QCoreApplication.translate("ImprovementsTable", "Incident"),
                    lambda r: r["incident"],
                )
            )
        columns.append(
            Column(
                lambda: QCoreApplication.translate("ImprovementsTable", "Plan section"),
                lambda r: r["plan_section"] or "",
            )
        )
        if not with_incident:
            columns.append(
                Column(
                    lambda: QCoreApplication.translate("ImprovementsTable", "Done at"),
                    lambda r: date_time(r["done_at"], seconds=False),
                )
            )
        super().__init__(columns, parent)
        self.today = dt.date.today()

    def _due(self, row: dict[str, Any]) -> str:
        shown = format_date(row["due"])
        if is_overdue(row, self.today):
            return QCoreApplication.translate("ImprovementsTable", "{date} — overdue").format(
                date=shown
            )
        return shown

    def _due_colour(self, row: dict[str, Any]) -> str | None:
        return style.ERROR_TEXT if is_overdue(row, self.today) else None

    def show_items(self, items: list[dict[str, Any]], today: dt.date) -> None:
        self.today = today
        self.set_rows(items)


class OpenImprovementsDialog(QDialog):
    """Every improvement item still open, from every incident, soonest due first.

    Overdue items are red. Ticking Done completes an item (it leaves the list);
    double-clicking one asks for its incident to be shown. The list is read
    again whenever an incident changes.

    Signals:
        incident_requested(str): the user wants to see this incident.
    """

    incident_requested = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("OpenImprovementsDialog")
        self.resize(900, 420)
        self._loading = False
        self._again = False
        self.summary_label = style.label("", self, delta=style.BODY_DELTA, bold=True, wrap=True)
        self.model = ImprovementsTable(self, with_incident=True)
        self.model.toggled.connect(self._ticked)
        self.view = table_view(self.model, self, stretch=2, name="open improvements")
        self.view.doubleClicked.connect(self._open)
        self.error_label = style.label("", self, colour=style.ERROR_TEXT, wrap=True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        ctx.runner.changed.connect(self._changed)
        self.retranslate()
        self.reload()

    def items(self) -> list[dict[str, Any]]:
        return self.model.rows()

    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: (review_service.open_improvements(console), console.now()),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, result: tuple[list[dict[str, Any]], dt.datetime]) -> None:
        self._loading = False
        items, now = result
        self.model.show_items(items, now.astimezone().date())
        self._summarise()
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._again = False
        self.error_label.setText(user_message(exc))
        self.error_label.show()

    def _summarise(self) -> None:
        items = self.model.rows()
        overdue = sum(1 for i in items if is_overdue(i, self.model.today))
        if not items:
            self.summary_label.setText(self.tr("No improvement item is open."))
        else:
            self.summary_label.setText(
                self.tr("{count} improvement item(s) open, {overdue} overdue").format(
                    count=len(items), overdue=overdue
                )
            )

    def _changed(self, changes: Any) -> None:
        if AREA in changes.areas:
            self.reload()

    def _ticked(self, row: int, done: bool) -> None:
        console, item = self.ctx.console, self.model.row_data(row)["item"]
        self.error_label.hide()
        self.ctx.runner.op(
            lambda: review_service.complete(console, item, done), on_error=self._failed
        )

    def _open(self, index: Any) -> None:
        rows = self.model.rows()
        if 0 <= index.row() < len(rows):
            self.incident_requested.emit(rows[index.row()]["incident"])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open improvement items — every incident"))
        self.view.setToolTip(self.tr("Double-click an item to show its incident"))
        refresh(self.model)
        self._summarise()


class ReviewTab(Tab):
    """The after-action review of the incident chosen on the Incident page.

    Timings from detection to closing (local time, minutes since detection),
    what went well and what went badly (saved together), and the incident's
    improvement items: each with an owner, a due date and optionally the plan
    item it changes; ticking Done completes it. "Open improvements…" lists what
    is still open across every incident. The review is read only while the
    tab is shown, and again whenever the incident changes.

    Signals:
        incident_requested(str): show this incident (from the open improvements).
    """

    incident_requested = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.incident_id: str | None = None
        self.review: dict[str, Any] | None = None
        self.open_dialog: OpenImprovementsDialog | None = None
        self._loading = False
        self._again = False
        self._stale = False

        # -- timings and notes ---------------------------------------------------------------
        top = QWidget(self)
        top_box = QHBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        timings_box = QVBoxLayout()
        self.timings_label = style.label("", top, delta=style.BODY_DELTA, bold=True)
        self.timings_model = RecordsModel(
            [
                Column(
                    lambda: self.tr("Milestone"), lambda r: self.milestone_label(r["milestone"])
                ),
                Column(
                    lambda: self.tr("Time"),
                    lambda r: date_time(r["at"], seconds=False) if r["at"] else self._not_yet(r),
                    foreground=lambda r: None if r["at"] else NOT_YET_GREY,
                ),
                Column(
                    lambda: self.tr("Since detection"),
                    lambda r: (
                        self.tr("{minutes} min").format(minutes=format_number(r["minutes"]))
                        if r["minutes"] is not None
                        else ""
                    ),
                ),
                Column(
                    lambda: self.tr("Against the plan"),
                    lambda r: clock_judgement(r["clock"]) if r["clock"] else "",
                    foreground=lambda r: LATE_RED if _is_late(r) else None,
                ),
            ],
            self,
        )
        self.timings_view = table_view(self.timings_model, top, stretch=0, name="timings")
        self.timings_view.verticalHeader().setDefaultSectionSize(26)
        timings_box.addWidget(self.timings_label)
        timings_box.addWidget(self.timings_view, 1)
        top_box.addLayout(timings_box, 6)

        self.well_label = QLabel(top)
        self.well_edit = QPlainTextEdit(top)
        self.well_label.setBuddy(self.well_edit)
        self.badly_label = QLabel(top)
        self.badly_edit = QPlainTextEdit(top)
        self.badly_label.setBuddy(self.badly_edit)
        for caption, edit in (
            (self.well_label, self.well_edit),
            (self.badly_label, self.badly_edit),
        ):
            caption.setFont(style.sized_font(caption, style.BODY_DELTA, bold=True))
            edit.setFont(style.sized_font(edit, 1))
            edit.setTabChangesFocus(True)
            column = QVBoxLayout()
            column.addWidget(caption)
            column.addWidget(edit, 1)
            top_box.addLayout(column, 3)
        notes_actions = QVBoxLayout()
        notes_actions.addStretch(1)
        self.save_button = button("", top)
        self.save_button.clicked.connect(self.save_notes)
        notes_actions.addWidget(self.save_button)
        self.pdf_button = button("", top)
        self.pdf_button.setObjectName("ReviewPdf")
        self.pdf_button.clicked.connect(self.save_pdf)
        notes_actions.addWidget(self.pdf_button)
        top_box.addLayout(notes_actions)

        # -- improvement items ---------------------------------------------------------------
        bottom = QWidget(self)
        bottom_box = QVBoxLayout(bottom)
        bottom_box.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        self.items_label = style.label("", bottom, delta=style.BODY_DELTA, bold=True)
        self.open_button = button("", bottom)
        self.open_button.clicked.connect(self.show_open_improvements)
        heading.addWidget(self.items_label, 1)
        heading.addWidget(self.open_button)
        bottom_box.addLayout(heading)
        self.items_model = ImprovementsTable(self, with_incident=False)
        self.items_model.toggled.connect(self._ticked)
        self.items_view = table_view(self.items_model, bottom, stretch=2, name="improvement items")
        bottom_box.addWidget(self.items_view, 1)
        add = QHBoxLayout()
        self.item_edit = QLineEdit(bottom)
        self.item_edit.setObjectName("ImprovementText")
        self.owner_edit = QLineEdit(bottom)
        self.owner_edit.setMinimumWidth(120)
        self.due_edit = QDateEdit(bottom)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat(datetime_edit_format(time=False))
        self.section_combo = QComboBox(bottom)
        self.section_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.section_combo.setMinimumContentsLength(16)
        self.add_button = button("", bottom)
        self.add_button.clicked.connect(self.add_improvement)
        self.item_edit.returnPressed.connect(self.add_improvement)
        self.owner_edit.returnPressed.connect(self.add_improvement)
        self.due_caption = QLabel(bottom)
        self.due_caption.setBuddy(self.due_edit)
        for widget in (self.item_edit, self.owner_edit, self.due_edit, self.section_combo):
            widget.setFont(style.sized_font(widget, 1))
        add.addWidget(self.item_edit, 3)
        add.addWidget(self.owner_edit, 1)
        add.addWidget(self.due_caption)
        add.addWidget(self.due_edit)
        add.addWidget(self.section_combo, 1)
        add.addWidget(self.add_button)
        bottom_box.addLayout(add)
        self.status_label = style.label("", bottom, colour=style.MUTED_TEXT, wrap=True)
        bottom_box.addWidget(self.status_label)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        # The timings (eight rows or so) want the height; a review has a few improvement items.
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        ctx.plan.updated.connect(self._plan_updated)
        self._reset_form()
        self.retranslate()
        self._show()

    # -- language -----------------------------------------------------------------------------

    def _not_yet(self, row: dict[str, Any]) -> str:
        if row["clock"] and rules.is_settled(row["clock"]["state"]):
            return self.tr("not made")
        return self.tr("not yet")

    def milestone_label(self, milestone: str) -> str:
        labels = {
            "detected": self.tr("Detected (first reported)"),
            "declared": self.tr("Declared"),
            "resolved": self.tr("Resolved"),
            "closed": self.tr("Closed"),
        }
        if milestone in labels:
            return labels[milestone]
        kind, _, rest = milestone.rpartition(" ")
        if rest == "report" and kind in CLOCK_KINDS:
            return clock_kind_label(kind)
        system, _, rest = milestone.rpartition(" ")
        if rest == "restored" and system:
            return self.tr("{system} restored").format(system=system)
        return milestone

    def retranslate(self) -> None:
        self.timings_label.setText(self.tr("Timings"))
        self.well_label.setText(self.tr("What went &well"))
        self.badly_label.setText(self.tr("What went &badly"))
        self.well_edit.setAccessibleName(self.tr("What went well"))
        self.badly_edit.setAccessibleName(self.tr("What went badly"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save what went well and what went badly"))
        self.pdf_button.setText(self.tr("Review as PDF…"))
        self.pdf_button.setToolTip(
            self.tr("The review as a document: timings, what went well and badly, improvements")
        )
        self.items_label.setText(self.tr("Improvement items"))
        self.open_button.setText(self.tr("Open improvements…"))
        self.open_button.setToolTip(
            self.tr("Every improvement item not yet done, from every incident")
        )
        self.item_edit.setPlaceholderText(self.tr("What should change"))
        self.item_edit.setAccessibleName(self.tr("Improvement"))
        self.owner_edit.setPlaceholderText(self.tr("Owner"))
        self.owner_edit.setAccessibleName(self.tr("Owner"))
        self.due_caption.setText(self.tr("D&ue:"))
        self.due_edit.setAccessibleName(self.tr("Due date"))
        self.section_combo.setAccessibleName(self.tr("Plan section"))
        self.section_combo.setToolTip(self.tr("The plan item this improvement changes (optional)"))
        self.add_button.setText(self.tr("Add item"))
        self._fill_sections()
        refresh(self.timings_model)
        refresh(self.items_model)

    def save_pdf(self) -> None:
        """Save the after-action review as a PDF in the interface language."""
        incident = self.incident_id
        if incident is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save after-action review"), f"{incident}-review.pdf", "PDF (*.pdf)"
        )
        if not name:
            return
        console, lang = self.ctx.console, self.ctx.lang
        self.ctx.runner.op(
            lambda: review_service.write_review_pdf(console, incident, Path(name), lang)
        )

    def _plan_updated(self, _snapshot: PlanSnapshot) -> None:
        self._fill_sections()

    def _fill_sections(self) -> None:
        combo = self.section_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(no plan section)"), "")
        for key, label in plan_section_choices(self.ctx.plan.snapshot, self.ctx.lang):
            combo.addItem(f"{key} — {label}", key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # -- the incident -------------------------------------------------------------------------

    def set_incident(self, incident: dict[str, Any] | None) -> None:
        """Review ``incident`` (or nothing): read again now if shown, else when next shown."""
        new_id = incident["id"] if incident else None
        if new_id != self.incident_id:
            self.incident_id = new_id
            self.review = None
            self.say("")
            for edit in (self.well_edit, self.badly_edit):
                edit.setPlainText("")
                edit.document().setModified(False)
            self._show()
        self._stale = new_id is not None
        if self._stale and self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        incident_id = self.incident_id
        if incident_id is None:
            return
        self._stale = False
        if self._loading:
            self._again = True
            return
        self._loading = True
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: (review_service.review(console, incident_id), console.now()),
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    def _loaded(self, result: tuple[dict[str, Any], dt.datetime]) -> None:
        self._loading = False
        review, now = result
        if self._again or review["incident"] != self.incident_id:
            self._again = False
            self.reload()
            if review["incident"] != self.incident_id:
                return
        fresh = self.review is None or self.review["incident"] != review["incident"]
        self.review = review
        self.today = now.astimezone().date()
        self._show(fresh=fresh)

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._again = False
        self.failed(exc)

    def _show(self, *, fresh: bool = True) -> None:
        review = self.review
        enabled = self.incident_id is not None
        for widget in (
            self.well_edit,
            self.badly_edit,
            self.save_button,
            self.item_edit,
            self.owner_edit,
            self.due_edit,
            self.section_combo,
            self.add_button,
        ):
            widget.setEnabled(enabled)
        if review is None:
            self.timings_model.set_rows([])
            self.items_model.set_rows([])
            return
        self.timings_model.set_rows(review["timings"])
        self.items_model.show_items(review["improvements"], self.today)
        # What the user is typing is not replaced by what was saved before.
        for edit, saved in (
            (self.well_edit, review["went_well"]),
            (self.badly_edit, review["went_badly"]),
        ):
            if fresh or not edit.document().isModified():
                if edit.toPlainText() != saved:
                    edit.setPlainText(saved)
                edit.document().setModified(False)

    # -- notes --------------------------------------------------------------------------------

    def save_notes(self) -> None:
        incident_id = self.incident_id
        if incident_id is None:
            return
        console = self.ctx.console
        well, badly = self.well_edit.toPlainText(), self.badly_edit.toPlainText()
        self.save_button.setEnabled(False)
        self.ctx.runner.op(
            lambda: review_service.note(console, incident_id, went_well=well, went_badly=badly),
            on_done=lambda _changes: self._notes_saved(well, badly),
            on_error=self._refused,
        )

    def _notes_saved(self, well: str, badly: str) -> None:
        self.save_button.setEnabled(self.incident_id is not None)
        for edit, saved in ((self.well_edit, well), (self.badly_edit, badly)):
            if edit.toPlainText() == saved:
                edit.document().setModified(False)
        self.say(
            self.tr("Review notes saved at {time}.").format(
                time=date_time(self.ctx.console.now(), seconds=False)
            ),
            "muted",
        )

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(self.incident_id is not None)
        self.add_button.setEnabled(self.incident_id is not None)
        self.failed(exc)

    # -- improvement items --------------------------------------------------------------------

    def _reset_form(self) -> None:
        today = self.ctx.console.now().astimezone().date()
        self.today = today
        due = today + dt.timedelta(days=DEFAULT_DUE_DAYS)
        self.due_edit.setDate(QDate(due.year, due.month, due.day))
        self.item_edit.clear()
        self.owner_edit.clear()  # each item names its own owner: never the last one's
        self.section_combo.setCurrentIndex(0)

    def add_improvement(self) -> None:
        incident_id = self.incident_id
        if incident_id is None:
            return
        what, owner = self.item_edit.text().strip(), self.owner_edit.text().strip()
        if not what:
            self.say(self.tr("Say what should change."), "error")
            self.item_edit.setFocus()
            return
        if not owner:
            self.say(self.tr("Name the owner of the improvement item."), "error")
            self.owner_edit.setFocus()
            return
        due = self.due_edit.date().toString("yyyy-MM-dd")
        section = self.section_combo.currentData() or ""
        console = self.ctx.console
        self.add_button.setEnabled(False)
        self.ctx.runner.op(
            touching(
                lambda: review_service.add_improvement(
                    console, incident_id, what, owner=owner, due=due, plan_section=section
                )
            ),
            on_done=lambda _done: self._added(what),
            on_error=self._refused,
        )

    def _added(self, what: str) -> None:
        self.add_button.setEnabled(self.incident_id is not None)
        self._reset_form()
        self.say(self.tr("Added: {item}").format(item=what), "muted")
        self.item_edit.setFocus()

    def _ticked(self, row: int, done: bool) -> None:
        console, item = self.ctx.console, self.items_model.row_data(row)["item"]
        self.ctx.runner.op(
            lambda: review_service.complete(console, item, done), on_error=self._refused
        )

    def show_open_improvements(self) -> OpenImprovementsDialog:
        """The improvement items still open across every incident (one window, raised)."""
        if self.open_dialog is None:
            dialog = OpenImprovementsDialog(self.ctx, self.window())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.incident_requested.connect(self.incident_requested)
            dialog.destroyed.connect(self._dialog_gone)
            self.open_dialog = dialog
            dialog.show()
        else:
            self.open_dialog.raise_()
            self.open_dialog.activateWindow()
        return self.open_dialog

    def _dialog_gone(self) -> None:
        self.open_dialog = None
