"""The window's ``hisconsole check``: the same check (services/maintenance.py) with each
stage's progress and what it found, in the window's language.

The check runs on a thread of its own, never the runner's: at a million events it takes
minutes, and the window's reads and writes (the runner's one worker) go on meanwhile,
as the check never holds the write lock.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from hisconsole import i18n
from hisconsole.services import maintenance
from hisconsole.services.console import Console
from hisconsole.ui import style
from hisconsole.ui.i18n import format_number
from hisconsole.ui.runner import user_message

#: Problem lines shown at most (a badly damaged log can have a line per event).
SHOWN_PROBLEMS = 200


class CheckRun(QObject):
    """One check on its own thread; what it says arrives on the UI thread as signals.

    Signals:
        advanced(str, int, int): the stage (maintenance.CHECK_STAGES), done, in all.
        finished(object): the report (maintenance.CheckReport).
        failed(object): the exception that stopped the check.
    """

    advanced = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running = False

    def start(self, console: Console) -> None:
        self.running = True
        # A daemon: a window closed meanwhile does not wait for a read-only check.
        threading.Thread(target=self._run, args=(console,), name="check", daemon=True).start()

    def _run(self, console: Console) -> None:
        try:
            report = maintenance.check(console, progress=self.advanced.emit)
        except Exception as exc:  # shown in the dialog, in the user's words
            self.running = False
            self.failed.emit(exc)
        else:
            self.running = False
            self.finished.emit(report)


class CheckDialog(QDialog):
    """Starts a check of this laptop's database and shows its progress, then its findings."""

    def __init__(self, console: Console, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CheckDialog")
        self.console = console
        self.setMinimumWidth(560)
        self.stage_label = style.label("", self, bold=True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(True)
        self.result_label = style.label("", self, wrap=True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.stage_label, self.progress_bar, self.result_label):
            layout.addWidget(widget)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.run = CheckRun(self)
        self.run.advanced.connect(self._advanced)
        self.run.finished.connect(self._finished)
        self.run.failed.connect(self._failed)
        self.setWindowTitle(self.tr("Check the database"))

    def stage_names(self) -> dict[str, str]:
        return {
            maintenance.STAGE_FILE: self.tr("Checking the database file"),
            maintenance.STAGE_LOG: self.tr("Checking each laptop's sequence"),
            maintenance.STAGE_REBUILD: self.tr("Checking signatures, rebuilding the projections"),
            maintenance.STAGE_COMPARE: self.tr("Comparing the projections"),
        }

    def start(self) -> None:
        """Check now (the dialog shows; the window goes on)."""
        if self.run.running:
            return
        self.result_label.setText(
            self.tr("The window and the other laptops go on working while the check runs.")
        )
        self.details.clear()
        self.details.hide()
        self._advanced(maintenance.STAGE_FILE, 0, 1)
        self.run.start(self.console)

    def _advanced(self, stage: str, done: int, total: int) -> None:
        step = maintenance.CHECK_STAGES.index(stage) + 1
        self.stage_label.setText(
            self.tr("Step {step} of {steps}: {stage}").format(
                step=step, steps=len(maintenance.CHECK_STAGES), stage=self.stage_names()[stage]
            )
        )
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, max(total, 1)))

    def _finished(self, report: maintenance.CheckReport) -> None:
        self.progress_bar.setValue(self.progress_bar.maximum())
        self.stage_label.setText(self.tr("Check finished"))
        lines: list[str] = []
        if report.ok:
            summary = self.tr(
                "OK: {events} events from {origins} laptop(s), signatures and sequences "
                "verified; projections match."
            ).format(events=format_number(report.events), origins=format_number(report.origins))
        else:
            summary = self.tr("Problems found: {count}").format(
                count=format_number(len(report.problems))
            )
            if report.way_back:
                lines += [self.tr("The database file is damaged."), i18n.gettext(report.way_back)]
            bad = report.first_bad
            if bad is not None:
                lines.append(
                    self.tr("First bad event: laptop {device}, #{seq}, {kind} ({problem})").format(
                        **{**bad, "problem": i18n.term("check problem", bad["problem"])}
                    )
                )
            lines += [problem.said() for problem in report.problems[:SHOWN_PROBLEMS]]
            if len(report.problems) > SHOWN_PROBLEMS:
                lines.append(
                    self.tr("… and {count} more (hisconsole check lists them all)").format(
                        count=format_number(len(report.problems) - SHOWN_PROBLEMS)
                    )
                )
        if report.unsigned:
            lines.append(
                self.tr(
                    "{count} event(s) written before signing existed could not be verified."
                ).format(count=format_number(report.unsigned))
            )
        lines += [self.tr("Note: {note}").format(note=note.said()) for note in report.notes]
        self._show(summary, lines, bad=not report.ok)

    def _failed(self, exc: Any) -> None:
        self.stage_label.setText(self.tr("The check could not run"))
        self._show(user_message(exc), [], bad=True)

    def _show(self, summary: str, lines: list[str], *, bad: bool) -> None:
        self.result_label.setText(summary)
        self.result_label.setStyleSheet(f"color: {style.ERROR_TEXT};" if bad else "")
        self.details.setPlainText("\n".join(lines))
        self.details.setVisible(bool(lines))
