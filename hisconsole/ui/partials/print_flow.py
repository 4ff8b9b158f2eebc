"""The one way numbered sheets are printed: on a printer of this laptop's print system, the
PDF itself, the job followed to its end — used by the Forms page and the downtime kit.

The panel shows the printers (the remembered one chosen), the chosen printer's
state and queue, the job's progress to "completed", and the sheets whose job
did not come out ("not printed") with Reprint and Void. A stopped printer is
shown as an alert on the panel. Sheets are issued when the print system
accepts the job and printed when it completes; the work runs on the runner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from hisconsole.services import printers as printer_service
from hisconsole.services.console import ChangeSet, Console
from hisconsole.services.forms import AREA as FORMS_AREA
from hisconsole.services.forms import PreparedPack
from hisconsole.services.printers import SIDES, JobOptions, JobStatus, Printer, PrintJob
from hisconsole.ui import style
from hisconsole.ui.context import Context
from hisconsole.ui.partials.dialogs import button
from hisconsole.ui.runner import user_message
from hisconsole.ui.situation import Done

KEY_PRINTER = "print/printer"
#: How often a job being followed is asked about, and the printers otherwise (ms).
JOB_POLL_MS = 500
PRINTERS_POLL_MS = 5000
#: Paper sizes offered when the printer has them (IPP names), and their short names.
PAPER = {
    "iso_a4_210x297mm": "A4",
    "iso_a3_297x420mm": "A3",
    "iso_a5_148x210mm": "A5",
    "na_letter_8.5x11in": "Letter",
    "na_legal_8.5x14in": "Legal",
}

# --- the work, off the UI thread (Qt-free) ------------------------------------------------


def read_printers(console: Console) -> tuple[list[Printer], list[dict[str, Any]]]:
    """The printers with their state, and the sheets not printed (jobs that ended unwatched
    are settled first)."""
    listed = printer_service.printers()
    printer_service.settle(console)
    return listed, printer_service.not_printed(console)


def send(
    console: Console, pack: PreparedPack, printer: str, options: JobOptions, pdf: bytes | None,
    title: str,
) -> Done:  # fmt: skip
    job = printer_service.send(console, pack, printer, options=options, pdf=pdf, title=title)
    return Done(job, ChangeSet({FORMS_AREA}, len(job.serials)))


def send_document(pdf: bytes, printer: str, options: JobOptions, title: str) -> PrintJob:
    return printer_service.send_document(pdf, printer, options=options, title=title)


def poll(job: PrintJob) -> tuple[JobStatus, list[Printer]]:
    return printer_service.status(job), printer_service.printers()


def end(console: Console, job: PrintJob, status: JobStatus) -> Done:
    state = printer_service.record_end(console, job, status)
    return Done(state, ChangeSet({FORMS_AREA}, 1))


def reprint(console: Console, serials: list[str], printer: str, options: JobOptions) -> Done:
    job = printer_service.reprint(console, serials, printer, options=options)
    return Done(job, ChangeSet({FORMS_AREA}, 1))


def void(console: Console, serials: list[str]) -> Done:
    result = printer_service.void(console, serials)
    return Done(result.changed, result.changes)


# --- the panel ------------------------------------------------------------------------------


class PrintPanel(QWidget):
    """Printer, its state and queue, the job's progress, and the sheets not printed.

    Signals:
        busy_changed(bool): a job is being sent or followed (the page disables its choices).
        ready_changed(): whether a job can be sent changed (printers read, one chosen).
        texts_changed(): a line of the panel changed (a dialog holding it may need to grow).
    """

    busy_changed = Signal(bool)
    ready_changed = Signal()
    texts_changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PrintPanel")
        self.ctx = ctx
        self.printers: list[Printer] = []
        self.not_printed: list[dict[str, Any]] = []
        self.job: PrintJob | None = None
        self._last: JobStatus | None = None
        self._reading = False

        self.printer_label = QLabel(self)
        self.printer_combo = QComboBox(self)
        self.printer_combo.setObjectName("PrinterChoice")
        self.sides_combo = QComboBox(self)
        self.tray_combo = QComboBox(self)
        self.paper_combo = QComboBox(self)
        # Sized by a few characters, not by the longest name or translation: the panel
        # sits in narrow columns (the Forms page on a 1366-pixel screen, the kit dialog).
        for combo, chars in (
            (self.printer_combo, 16),
            (self.sides_combo, 8),
            (self.tray_combo, 8),
        ):
            combo.setMinimumContentsLength(chars)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.printer_label.setBuddy(self.printer_combo)
        self.printer_combo.activated.connect(self._printer_picked)
        self.printer_combo.currentIndexChanged.connect(self._show_printer)
        self.refresh_button = button("", self)
        self.refresh_button.clicked.connect(self.refresh)
        self.sides_label = QLabel(self)
        for sides in SIDES:
            self.sides_combo.addItem("", sides)
        self.sides_label.setBuddy(self.sides_combo)
        self.tray_label = QLabel(self)
        self.paper_label = QLabel(self)
        self.paper_label.setBuddy(self.paper_combo)
        self.tray_label.setBuddy(self.tray_combo)
        self.state_label = style.label("", self, wrap=True)
        self.state_label.setObjectName("PrinterState")
        self.alert_label = style.label("", self, wrap=True, bold=True)
        self.alert_label.setObjectName("PrinterAlert")
        self.alert_label.setStyleSheet(
            f"color: white; background: {style.ERROR_TEXT}; padding: 6px; border-radius: 4px;"
        )
        self.alert_label.hide()

        self.job_label = style.label("", self, wrap=True)
        self.job_label.setObjectName("JobState")
        self.job_bar = QProgressBar(self)
        self.job_bar.hide()
        self.cancel_button = button("", self)
        self.cancel_button.clicked.connect(self.cancel_job)
        self.cancel_button.hide()

        self.missing_label = style.label("", self, wrap=True, colour=style.ERROR_TEXT)
        self.missing_label.setObjectName("NotPrinted")
        for label in (self.state_label, self.alert_label, self.job_label, self.missing_label):
            # A long word (a socket path in the print system's message) must wrap, not
            # widen the window past a 1366-pixel screen.
            label.setMinimumWidth(1)
        self.missing_list = QListWidget(self)
        self.missing_list.setObjectName("NotPrintedSheets")
        self.missing_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Four rows show; the list scrolls (the forms list above must keep its room).
        self.missing_list.setMaximumHeight(4 * self.missing_list.fontMetrics().height() + 12)
        self.reprint_button = button("", self)
        self.reprint_button.clicked.connect(self.reprint)
        self.void_button = button("", self)
        self.void_button.clicked.connect(self.void)

        grid = QGridLayout()
        grid.addWidget(self.printer_label, 0, 0)
        grid.addWidget(self.printer_combo, 0, 1)
        grid.addWidget(self.refresh_button, 0, 2)
        options = QHBoxLayout()
        options.addWidget(self.sides_label)
        options.addWidget(self.sides_combo)
        options.addSpacing(12)
        options.addWidget(self.tray_label)
        options.addWidget(self.tray_combo)
        options.addSpacing(12)
        options.addWidget(self.paper_label)
        options.addWidget(self.paper_combo)
        options.addStretch(1)
        grid.addLayout(options, 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        job_row = QHBoxLayout()
        job_row.addWidget(self.job_bar, 1)
        job_row.addWidget(self.cancel_button)
        missing_actions = QHBoxLayout()
        missing_actions.addStretch(1)
        missing_actions.addWidget(self.reprint_button)
        missing_actions.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.alert_label)
        layout.addLayout(grid)
        layout.addWidget(self.state_label)
        layout.addWidget(self.job_label)
        layout.addLayout(job_row)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.missing_list)
        layout.addLayout(missing_actions)

        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.retranslate()
        self._show_missing()

    # -- printers --------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()
        if not self._timer.isActive():
            self._timer.start(PRINTERS_POLL_MS)

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        if self.job is None:
            self._timer.stop()

    def refresh(self) -> None:
        """Read the printers and the sheets not printed again."""
        if self._reading:
            return
        self._reading = True
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: read_printers(console), on_done=self._read, on_error=self._read_failed
        )

    def _read(self, result: tuple[list[Printer], list[dict[str, Any]]]) -> None:
        self._reading = False
        if not shiboken6.isValid(self.printer_combo):
            return
        self.set_printers(result[0])
        self.not_printed = result[1]
        self._show_missing()

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        if not shiboken6.isValid(self.state_label):
            return
        self.set_printers([])
        # One short line at 3 a.m.; the technical reason (socket, errno) is in the tooltip.
        self.state_label.setText(
            self.tr("The print system cannot be reached; the PDF can still be saved.")
        )
        self.state_label.setToolTip(user_message(exc))
        self.texts_changed.emit()

    def set_printers(self, listed: list[Printer]) -> None:
        self.printers = listed
        self.state_label.setToolTip("")
        wanted = self.printer() or self._remembered()
        self.printer_combo.blockSignals(True)
        self.printer_combo.clear()
        for printer in listed:
            self.printer_combo.addItem(self._printer_text(printer), printer.name)
        index = self.printer_combo.findData(wanted) if wanted else -1
        if index < 0:
            index = next((i for i, p in enumerate(listed) if p.is_default), 0)
        self.printer_combo.setCurrentIndex(index if listed else -1)
        self.printer_combo.blockSignals(False)
        self._show_printer()

    def _remembered(self) -> str:
        value = self.ctx.settings.value(KEY_PRINTER)
        return value if isinstance(value, str) else ""

    def _printer_picked(self) -> None:
        name = self.printer()
        if name:
            self.ctx.settings.setValue(KEY_PRINTER, name)

    def printer(self) -> str:
        value = self.printer_combo.currentData()
        return value if isinstance(value, str) else ""

    def _current(self) -> Printer | None:
        return next((p for p in self.printers if p.name == self.printer()), None)

    def _printer_text(self, printer: Printer) -> str:
        return f"{printer.name} — {self.state_text(printer.state)}"

    def state_text(self, state: str) -> str:
        return {
            "ready": self.tr("ready"),
            "printing": self.tr("printing"),
            "out-of-paper": self.tr("out of paper"),
            "offline": self.tr("offline"),
            "stopped": self.tr("stopped"),
        }.get(state, state)

    def job_state_text(self, state: str) -> str:
        return {
            "queued": self.tr("queued"),
            "printing": self.tr("printing"),
            "completed": self.tr("completed"),
            "stopped": self.tr("stopped"),
            "cancelled": self.tr("cancelled"),
            "failed": self.tr("failed"),
        }.get(state, state)

    def _show_printer(self) -> None:
        for index, listed in enumerate(self.printers):
            self.printer_combo.setItemText(index, self._printer_text(listed))
        printer = self._current()
        trays = printer.trays if printer else ()
        chosen = self.tray_combo.currentData()
        self.tray_combo.clear()
        self.tray_combo.addItem(self.tr("Printer's default"), "")
        for tray in trays:
            self.tray_combo.addItem(tray, tray)
        self.tray_combo.setCurrentIndex(max(0, self.tray_combo.findData(chosen)))
        media = printer.media if printer else ()
        chosen = self.paper_combo.currentData()
        self.paper_combo.clear()
        self.paper_combo.addItem(self.tr("Printer's default"), "")
        for name, short in PAPER.items():
            if name in media:
                self.paper_combo.addItem(short, name)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(chosen)))
        if printer is None:
            self.state_label.setText(
                self.tr("No printer is set up on this laptop. Save the pack as PDF instead.")
                if not self.printers
                else ""
            )
            self.alert_label.hide()
            self._update_actions()
            return
        text = self.tr("{printer}: {state}, {count} job(s) in its queue").format(
            printer=printer.name, state=self.state_text(printer.state), count=printer.queued
        )
        if printer.reason:
            text += " · " + printer.reason
        self.state_label.setText(text)
        chosen_stopped = printer.state in ("stopped", "offline", "out-of-paper")
        self.alert_label.setVisible(chosen_stopped)
        self.state_label.setVisible(not chosen_stopped)
        if chosen_stopped:
            self.alert_label.setText(
                self.tr("Printer {printer} is {state}: {reason}").format(
                    printer=printer.name,
                    state=self.state_text(printer.state),
                    reason=printer.reason or self.tr("no reason given"),
                )
            )
        self._update_actions()

    def _update_actions(self) -> None:
        """Enable the actions that need a printer and no job under way."""
        idle = self.job is None
        has_printer = self.can_print() or (not idle and bool(self.printer()))
        for widget in (self.printer_combo, self.sides_combo, self.tray_combo, self.paper_combo):
            widget.setEnabled(idle)
        has_missing = bool(self.not_printed)
        self.reprint_button.setEnabled(idle and has_printer and has_missing)
        self.void_button.setEnabled(idle and has_missing)
        self.ready_changed.emit()
        self.texts_changed.emit()

    def can_print(self) -> bool:
        """A printer is chosen, it is not stopped (its job would stop at once), no job is on."""
        printer = self._current()
        return self.job is None and printer is not None and printer.state != "stopped"

    def options(self) -> JobOptions:
        return JobOptions(
            sides=self.sides_combo.currentData() or "one-sided",
            tray=self.tray_combo.currentData() or "",
            media=self.paper_combo.currentData() or "",
        )

    # -- a job -----------------------------------------------------------------------------

    def send(
        self,
        pack: PreparedPack,
        *,
        pdf: bytes | None = None,
        title: str = "",
        on_sent: Callable[[PrintJob], None] | None = None,
        on_refused: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Send ``pack`` (or ``pdf`` holding it) to the chosen printer and follow the job.

        ``on_sent`` runs once the print system accepted it (the sheets are issued:
        the pack must not be sent again), ``on_refused`` when it did not (nothing
        was recorded)."""
        printer, options, console = self.printer(), self.options(), self.ctx.console
        self._set_job_text(self.tr("Sending {count} sheet(s) to {printer}…").format(
            count=len(pack.serials), printer=printer
        ))  # fmt: skip
        self._busy(True)
        self.ctx.runner.op(
            lambda: send(console, pack, printer, options, pdf, title),
            on_done=lambda done: self._sent(done.value, on_sent),
            on_error=lambda exc: self._refused(exc, on_refused),
        )

    def send_document(
        self,
        make: Callable[[], bytes],
        *,
        title: str,
        on_refused: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Make a document without numbered sheets (off the UI thread), send it to the
        chosen printer and follow the job; nothing is recorded."""
        printer, options = self.printer(), self.options()
        self._set_job_text(self.tr("Sending {title} to {printer}…").format(
            title=title, printer=printer
        ))  # fmt: skip
        self._busy(True)
        self.ctx.runner.query(
            lambda: send_document(make(), printer, options, title),
            on_done=lambda job: self._sent(job, None),
            on_error=lambda exc: self._refused(exc, on_refused),
        )

    def _sent(self, job: PrintJob, then: Callable[[PrintJob], None] | None) -> None:
        self._follow(job)
        if then is not None:
            then(job)

    def _refused(self, exc: BaseException, then: Callable[[BaseException], None] | None) -> None:
        self._busy(False)
        self._set_job_text(
            self.tr("The job was not sent: {reason}").format(reason=user_message(exc)), error=True
        )
        if then is not None:
            then(exc)

    def _follow(self, job: PrintJob) -> None:
        self.job = job
        self._last = None
        self.job_bar.setRange(0, max(job.pages, 1))
        self.job_bar.setValue(0)
        self.job_bar.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self._show_job(None)
        self._timer.start(JOB_POLL_MS)

    def _tick(self) -> None:
        if self.job is None:
            self.refresh()
            return
        if self._reading:
            return
        self._reading = True
        job = self.job
        self.ctx.runner.query(lambda: poll(job), on_done=self._polled, on_error=self._poll_failed)

    def _polled(self, result: tuple[JobStatus, list[Printer]]) -> None:
        self._reading = False
        if self.job is None or not shiboken6.isValid(self.job_label):
            return
        status, listed = result
        self.set_printers(listed)
        stopped_twice = (
            status.state == "stopped" and self._last is not None and self._last.state == "stopped"
        )
        self._last = status
        self._show_job(status)
        if status.ended or stopped_twice:
            self._end(status)

    def _poll_failed(self, exc: BaseException) -> None:
        self._reading = False
        if shiboken6.isValid(self.job_label):
            self._set_job_text(
                self.tr("Cannot ask the print system about the job: {reason}").format(
                    reason=user_message(exc)
                ),
                error=True,
            )

    def _show_job(self, status: JobStatus | None) -> None:
        job = self.job
        if job is None:
            return
        state = status.state if status else "queued"
        done = status.pages_done if status and status.pages_done is not None else 0
        self.job_bar.setValue(min(done, self.job_bar.maximum()))
        self.job_bar.setFormat(self.tr("%v of %m page(s)"))
        text = self.tr("Job {job} on {printer}: {state}").format(
            job=job.job, printer=job.printer, state=self.job_state_text(state)
        )
        if status and status.reason and state not in ("printing", "queued", "completed"):
            text += " · " + status.reason
        self._set_job_text(text, error=state in ("stopped", "failed", "cancelled"))

    def _end(self, status: JobStatus) -> None:
        self._timer.stop()
        job = self.job
        assert job is not None
        console = self.ctx.console
        self.cancel_button.setEnabled(False)
        self.ctx.runner.op(
            lambda: end(console, job, status),
            on_done=lambda done: self._ended(job, status, done.value),
            on_error=self._end_failed,
        )

    def _ended(self, job: PrintJob, status: JobStatus, state: str) -> None:
        if not shiboken6.isValid(self.job_label):
            return
        self.job = None
        self._busy(False)
        self.cancel_button.hide()
        if state == "printed" and not job.serials:
            self.job_bar.setValue(self.job_bar.maximum())
            self._set_job_text(
                self.tr("Job {job} on {printer}: completed.").format(
                    job=job.job, printer=job.printer
                ),
                ok=True,
            )
        elif state == "printed":
            self.job_bar.setValue(self.job_bar.maximum())
            text = self.tr(
                "Job {job} on {printer}: completed. {count} sheet(s) printed, {first} … {last}."
            )
            first, last = job.serials[0], job.serials[-1]
            count = len(job.serials)
            self._set_job_text(
                text.format(job=job.job, printer=job.printer, count=count, first=first, last=last),
                ok=True,
            )
        else:
            self.job_bar.hide()
            self._set_job_text(
                self.tr("Job {job} on {printer}: {state} ({reason}).").format(
                    job=job.job,
                    printer=job.printer,
                    state=self.job_state_text(status.state),
                    reason=status.reason or self.tr("no reason given"),
                ),
                error=True,
            )
        self._timer.start(PRINTERS_POLL_MS)
        self.refresh()

    def _end_failed(self, exc: BaseException) -> None:
        self.job = None
        self._busy(False)
        self._set_job_text(user_message(exc), error=True)

    def cancel_job(self) -> None:
        """Ask the print system to cancel the job; its end is recorded when it says so."""
        job = self.job
        if job is None:
            return
        self.cancel_button.setEnabled(False)
        self.ctx.runner.query(
            lambda: printer_service.cancel(job),
            on_done=lambda _none: None,
            on_error=self._poll_failed,
        )

    def is_busy(self) -> bool:
        return self.job is not None

    def _busy(self, busy: bool) -> None:
        self._update_actions()
        for widget in (self.printer_combo, self.sides_combo, self.tray_combo, self.paper_combo):
            widget.setEnabled(not busy)
        self.busy_changed.emit(busy)

    def _set_job_text(self, text: str, *, error: bool = False, ok: bool = False) -> None:
        self.job_label.setText(text)
        colour = style.ERROR_TEXT if error else "#1B5E20" if ok else ""
        self.job_label.setStyleSheet(f"color: {colour};" if colour else "")
        self.texts_changed.emit()

    # -- sheets not printed ----------------------------------------------------------------

    def _show_missing(self) -> None:
        self.missing_list.clear()
        for row in self.not_printed:
            item = QListWidgetItem(
                self.tr("{serial} · {form} · {reason}").format(
                    serial=row["serial"], form=row["template"], reason=row["print_reason"]
                )
            )
            item.setData(256, row["serial"])
            self.missing_list.addItem(item)
        has = bool(self.not_printed)
        self.missing_label.setVisible(has)
        self.missing_list.setVisible(has)
        self.reprint_button.setVisible(has)
        self.void_button.setVisible(has)
        self.missing_label.setText(
            self.tr(
                "{count} sheet(s) not printed: their job did not come out. Reprint them "
                "(same serials, marked REPRINT: only the reprint is valid) or void them."
            ).format(count=len(self.not_printed))
        )
        self._update_actions()

    def _chosen_missing(self) -> list[str]:
        chosen = [item.data(256) for item in self.missing_list.selectedItems()]
        return chosen or [row["serial"] for row in self.not_printed]

    def reprint(self) -> None:
        """Reprint the chosen not-printed sheets (all when none is chosen)."""
        serials, printer = self._chosen_missing(), self.printer()
        if not serials or not printer:
            return
        console, options = self.ctx.console, self.options()
        self._busy(True)
        self._set_job_text(self.tr("Reprinting {count} sheet(s) on {printer}…").format(
            count=len(serials), printer=printer
        ))  # fmt: skip
        self.ctx.runner.op(
            lambda: reprint(console, serials, printer, options),
            on_done=lambda done: self._follow(done.value),
            on_error=lambda exc: self._refused(exc, None),
        )

    def void(self) -> None:
        """Void the chosen not-printed sheets (all when none is chosen)."""
        serials = self._chosen_missing()
        if not serials:
            return
        console = self.ctx.console
        self.ctx.runner.op(
            lambda: void(console, serials),
            on_done=lambda done: self._voided(done.value),
            on_error=lambda exc: self._refused(exc, None),
        )

    def _voided(self, serials: list[str]) -> None:
        self._set_job_text(
            self.tr("{count} sheet(s) voided: their serials are never used.").format(
                count=len(serials)
            ),
            ok=True,
        )
        self.refresh()

    # -- language ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.printer_label.setText(self.tr("Pri&nter:"))
        self.printer_combo.setAccessibleName(self.tr("Printer"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the printers and their queues again"))
        self.sides_label.setText(self.tr("Sides:"))
        sides = (
            self.tr("One-sided"),
            self.tr("Two-sided, long edge"),
            self.tr("Two-sided, short edge"),
        )
        for index, text in enumerate(sides):
            self.sides_combo.setItemText(index, text)
        self.tray_label.setText(self.tr("Tray:"))
        self.paper_label.setText(self.tr("Paper:"))
        self.cancel_button.setText(self.tr("Cancel job"))
        self.reprint_button.setText(self.tr("Reprint"))
        self.void_button.setText(self.tr("Void"))
        self.missing_list.setAccessibleName(self.tr("Sheets not printed"))
        self._show_printer()
        self._show_missing()


class PrintDialog(QDialog):
    """Print a document without numbered sheets (a report) on a printer of this laptop:
    the printers with their state, the job followed to "completed".

    Signals: those of QDialog.
    """

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None,
        *,
        title: str,
        make: Callable[[], bytes],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PrintDialog")
        self.setWindowTitle(title)
        self._title = title
        self._make = make
        self.panel = PrintPanel(ctx, self)
        self.buttons = QDialogButtonBox(self)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_document)
        self.close_button.clicked.connect(self.reject)
        self.panel.ready_changed.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    def print_document(self) -> None:
        if self.panel.can_print():
            self.panel.send_document(self._make, title=self._title)

    def _update_buttons(self) -> None:
        self.print_button.setEnabled(self.panel.can_print())
        self.close_button.setEnabled(not self.panel.is_busy())

    def reject(self) -> None:
        # Closing would stop following the job: cancel it (or wait) first.
        if not self.panel.is_busy():
            super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.print_button.setText(self.tr("P&rint"))
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()
