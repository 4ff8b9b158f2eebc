"""The readiness panel: on the dashboard while no incident is open, what is due before the next
outage, worst first, each with the button that fixes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hisconsole.services import maintenance, review
from hisconsole.services import readiness as service
from hisconsole.services.console import ChangeSet
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.readiness.dialogs import ResourceCheckDialog, VerifyRoundDialog
from hisconsole.ui.runner import user_message

#: The change-set areas whose changes can change what is due.
AREAS = frozenset({service.AREA, "plan", "contacts", "forms", "sync", "incident", "operator"})
#: Background of the state pill: overdue red, due amber, in order green.
STATE_COLOURS = {service.OVERDUE: "#B71C1C", service.DUE: "#E65100", service.OK: "#1B5E20"}
#: A section with more items in order than this shows them as a count.
FOLD_AFTER = 2
#: Sections in the order shown, with the item codes each holds.
SECTIONS = (
    ("plan", ("plan-age", "drills")),
    ("resources", ("resource",)),
    ("paper", ("paper",)),
    ("contacts", ("contacts",)),
    ("sync", ("sync", "backup")),
    ("improvements", ("improvement",)),
)


class ReadinessState(QObject):
    """What is due, read off the UI thread and kept while panels come and go (the dashboard
    rebuilds its content on every change; a reply must never reach a panel already gone).

    Signals:
        updated(object): a new reading (``service.Readiness``).
        noted(str, bool): a message for the user; True when it is a refusal.
    """

    updated = Signal(object)
    noted = Signal(str, bool)

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: service.Readiness | None = None
        ctx.runner.changed.connect(self._changed)

    def _changed(self, changes: ChangeSet) -> None:
        if changes.areas & AREAS:
            self.load()

    def load(self) -> None:
        console = self.ctx.console
        self.ctx.runner.query(lambda: service.readiness(console), on_done=self._loaded)

    def _loaded(self, data: service.Readiness) -> None:
        self.data = data
        self.updated.emit(data)

    def _refused(self, exc: BaseException) -> None:
        self.noted.emit(user_message(exc), True)

    def back_up(self, path: Path) -> None:
        console = self.ctx.console

        def run() -> ChangeSet:
            maintenance.backup(console, path)
            return ChangeSet({service.AREA}, 1)

        self.ctx.runner.op(run, on_error=self._refused)

    def write_report(self, path: Path) -> None:
        console, data, lang = self.ctx.console, self.data, self.ctx.lang
        if data is None:
            return
        self.ctx.runner.query(
            lambda: service.write_report(console, data, path, lang=lang),
            on_done=lambda _pages: self.noted.emit(
                self.tr("Readiness report written to {file}").format(file=path), False
            ),
            on_error=self._refused,
        )

    def complete(self, item: str) -> None:
        console = self.ctx.console
        self.ctx.runner.op(lambda: review.complete(console, item), on_error=self._refused)


class ReadinessPanel(QFrame):
    """What is due before the next outage, read off the UI thread and shown by section; items in
    order are folded into a count per section.

    Signals:
        open_page(str): the user asked for the page where an item is fixed ("plan", "drills",
            "forms", "sync").
    """

    open_page = Signal(str)

    def __init__(self, ctx: Context, state: ReadinessState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReadinessPanel")
        self.ctx = ctx
        self.state = state
        self.data: service.Readiness | None = state.data
        self.rows: dict[tuple[str, str], QFrame] = {}
        self.fix_buttons: dict[tuple[str, str], QPushButton] = {}
        self.dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.heading = style.label("", self, delta=style.SECTION_DELTA, bold=True)
        self.state_label = style.label("", self, bold=True)
        self.report_button = QPushButton(self)
        self.report_button.clicked.connect(self.print_report)
        top.addWidget(self.heading)
        top.addWidget(self.state_label)
        top.addStretch(1)
        top.addWidget(self.report_button)
        layout.addLayout(top)
        self.note_label = style.label("", self, colour=style.MUTED_TEXT, wrap=True)
        layout.addWidget(self.note_label)
        self.body = QVBoxLayout()
        layout.addLayout(self.body)
        state.updated.connect(self._show)
        state.noted.connect(self._note)
        self.retranslate()
        if state.data is None:
            state.load()

    def _show(self, data: service.Readiness) -> None:
        self.data = data
        self.retranslate()

    def _note(self, message: str, refused: bool) -> None:
        self.note_label.setText(message)
        style.set_colour(self.note_label, style.ERROR_TEXT if refused else style.MUTED_TEXT)

    # -- showing ------------------------------------------------------------------------------

    def section_title(self, section: str) -> str:
        return {
            "plan": self.tr("Plan and drills"),
            "resources": self.tr("Emergency resources"),
            "paper": self.tr("Paper forms"),
            "contacts": self.tr("Contact list"),
            "sync": self.tr("Laptops, hub and backup"),
            "improvements": self.tr("Improvement items"),
        }[section]

    def state_words(self, state: str) -> str:
        return {
            service.OVERDUE: self.tr("Overdue"),
            service.DUE: self.tr("Due"),
            service.OK: self.tr("In order"),
        }[state]

    def fix_words(self, item: service.Item) -> str:
        return {
            service.FIX_PLAN: self.tr("Open the plan"),
            service.FIX_DRILLS: self.tr("Drill calendar"),
            service.FIX_RESOURCE: self.tr("Record check…"),
            service.FIX_PAPER: self.tr("Count stock…"),
            service.FIX_CONTACTS: self.tr("Verify numbers…"),
            service.FIX_SYNC: self.tr("Open Sync"),
            service.FIX_BACKUP: self.tr("Back up now…"),
            service.FIX_IMPROVEMENT: self.tr("Mark done"),
        }[item.fix]

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Readiness"))
        self.report_button.setText(self.tr("Print readiness report…"))
        while self.body.count():
            child = self.body.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = {}
        self.fix_buttons = {}
        if self.data is None:
            self.state_label.setText(self.tr("checking…"))
            return
        counts = service.counts(self.data)
        self.state_label.setText(
            self.tr("{state}: {overdue} overdue, {due} due, {ok} in order").format(
                state=self.state_words(self.data.state), **counts
            )
        )
        style.set_colour(self.state_label, STATE_COLOURS[self.data.state])
        for section, codes in SECTIONS:
            items = [i for i in self.data.items if i.code in codes]
            if not items:
                continue
            heading = style.label(self.section_title(section), bold=True)
            heading.setContentsMargins(0, 8, 0, 0)
            self.body.addWidget(heading)
            # Long lists (resources, paper) fold what is in order into a count.
            fine = [i for i in items if i.state == service.OK]
            fold = len(fine) > FOLD_AFTER
            for item in items:
                if item.state != service.OK or not fold:
                    self.body.addWidget(self._row(item))
            if fold:
                self.body.addWidget(
                    style.label(
                        self.tr("{count} more in order").format(count=len(fine)),
                        colour=style.MUTED_TEXT,
                    )
                )

    def _row(self, item: service.Item) -> QFrame:
        row = QFrame(self)
        row.setObjectName("ReadinessRow")
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 2, 0, 2)
        pill = QLabel(self.state_words(item.state), row)
        colour = STATE_COLOURS[item.state]
        pill.setStyleSheet(
            f"QLabel {{ background-color: {colour}; color: white; border-radius: 4px;"
            " padding: 2px 8px; }"
        )
        pill.setMinimumWidth(72)
        words = style.label(service.describe(item, self.ctx.lang), row, wrap=True)
        box.addWidget(pill)
        box.addWidget(words, 1)
        if item.state != service.OK or item.fix in (service.FIX_BACKUP, service.FIX_RESOURCE):
            fix = QPushButton(self.fix_words(item), row)
            fix.setAccessibleName(f"{self.fix_words(item)} {words.text()}")
            fix.clicked.connect(lambda _checked=False, i=item: self.fix(i))
            box.addWidget(fix)
            self.fix_buttons[(item.code, item.subject)] = fix
        self.rows[(item.code, item.subject)] = row
        return row

    # -- fixing -------------------------------------------------------------------------------

    def fix(self, item: service.Item) -> QWidget | None:
        """Do what settles ``item``: open its dialog, page or file chooser."""
        if item.fix == service.FIX_PLAN:
            self.open_page.emit("plan")
        elif item.fix == service.FIX_DRILLS:
            self.open_page.emit("drills")
        elif item.fix == service.FIX_PAPER:
            self.open_page.emit("forms")
        elif item.fix == service.FIX_SYNC:
            self.open_page.emit("sync")
        elif item.fix == service.FIX_RESOURCE:
            resource: dict[str, Any] = {
                "code": item.subject,
                "name": item.figures["name"],
                "check_interval_days": item.figures["interval_days"],
                "location": next(
                    (
                        r["location"]
                        for r in service.resources(self.ctx.console)
                        if r["code"] == item.subject
                    ),
                    {},
                ),
            }
            # Dialogs belong to the window: the dashboard may rebuild this panel meanwhile.
            self.dialog = ResourceCheckDialog(self.ctx, resource, self.window())
            self.dialog.open()
        elif item.fix == service.FIX_CONTACTS:
            self.dialog = VerifyRoundDialog(self.ctx, self.window())
            self.dialog.open()
        elif item.fix == service.FIX_BACKUP:
            self.back_up()
        elif item.fix == service.FIX_IMPROVEMENT:
            self.state.complete(item.subject)
        return self.dialog

    def back_up(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Back up this console"),
                str(Path.home() / "hisconsole-backup.sqlite3"),
                self.tr("Console database (*.sqlite3)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        self.state.back_up(path)

    def print_report(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Print readiness report"),
                str(Path.home() / "readiness.pdf"),
                self.tr("PDF (*.pdf)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        self.state.write_report(path)
