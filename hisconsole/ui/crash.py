"""Bugs in the GUI: logged with their traceback, shown in a dialog whose details can be copied.

The app installs one :class:`CrashReporter` as ``sys.excepthook``; the runner
routes every unexpected error of a service call there, and Qt routes an error
escaping a slot there too. A frozen GUI has no stderr, so the log file and the
dialog are where the details survive.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hisconsole import __version__, logs


class CrashDialog(QDialog):
    """Says that something unexpected happened, shows the details and where the log is."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("HIS Console: unexpected error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(
            self.tr(
                "HIS Console met an error it did not expect (a bug). What was saved before "
                "stays saved; the action that failed may not have been done: check it, and "
                "try again. Please give these details to IT support."
            )
        )
        intro.setWordWrap(True)
        if log_file is not None:
            where = self.tr("The details are also in the log file:\n{path}").format(path=log_file)
        else:
            where = self.tr("The log file could not be written: copy the details now.")
        self.log_label = QLabel(where)
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.log_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class CrashReporter(QObject):
    """Logs a bug and shows the crash dialog; installed as ``sys.excepthook`` by the app.

    Signals:
        reported(CrashDialog): a bug was logged and its dialog opened.
    """

    reported = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous = sys.excepthook

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.excepthook

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous

    def excepthook(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        self.report(exc, tb)

    def report(
        self, exc: BaseException, tb: TracebackType | None = None, *, wait: bool = False
    ) -> None:
        """Log ``exc`` with its traceback and open the crash dialog (``wait``: until closed,
        for a bug before the event loop runs)."""
        tb = tb if tb is not None else exc.__traceback__
        log_file = logs.log_bug(exc, tb, where="the window")
        details = f"HIS Console {__version__}\n" + "".join(
            traceback.format_exception(type(exc), exc, tb)
        )
        if sys.stderr is not None:  # None in the frozen GUI: the log holds it
            print(details, file=sys.stderr)
        if QApplication.instance() is None:
            return
        dialog = CrashDialog(details, log_file, QApplication.activeWindow())
        self.reported.emit(dialog)
        if wait:
            dialog.exec()
        else:
            dialog.open()
