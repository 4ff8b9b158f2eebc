"""Running service calls off the UI thread and broadcasting what they changed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from hisconsole import i18n
from hisconsole.errors import KnownError
from hisconsole.services import restored
from hisconsole.services.changes import ChangeSet
from hisconsole.ui.restored import words as restored_words

# Service messages without a variable part, listed here so that lupdate puts them in
# the catalogue and ``user_message`` can show them translated.
SERVICE_MESSAGES = (QT_TRANSLATE_NOOP("ServiceMessages", "Enter the operator's name."),)


#: How long a thread holding the interpreter lock keeps it once another asks (seconds).
SWITCH_INTERVAL_S = 0.001


#: Refusals the window words itself (by code, from the error's facts): the service's words
#: name the command line's ways out where the window has its own.
IN_THE_WINDOW: dict[str, Callable[[KnownError], str]] = {
    restored.CatchingUp.code: restored_words.refused,
}


def user_message(exc: BaseException) -> str:
    """The text to show for a failed operation, translated where the message is known."""
    if isinstance(exc, KnownError):
        own = IN_THE_WINDOW.get(exc.code)
        if own is not None:
            return own(exc)
        # The catalogue below ui/ renders it in the interface's language (the GUI sets it,
        # ui/i18n.py); a sentence it does not hold may still be one Qt's catalogue lists.
        said = i18n.render(exc)
        if said == str(exc):
            return QCoreApplication.translate("ServiceMessages", said)
        return said
    return QCoreApplication.translate(
        "Runner", "Something went wrong that HIS Console did not expect: {error}"
    ).format(error=f"{type(exc).__name__}: {exc}")


@dataclass
class _Pending:
    on_done: Callable[[Any], object] | None
    on_error: Callable[[BaseException], object] | None
    is_change: bool


class _Job(QRunnable):
    """One service call on a pool thread; the result goes back through the runner's signal."""

    def __init__(self, runner: Runner, job_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        self._job_id = job_id
        self._fn = fn

    def run(self) -> None:
        try:
            value, ok = self._fn(), True
        except BaseException as exc:  # delivered to the UI thread, which decides
            value, ok = exc, False
        self._runner.finished_job.emit(self._job_id, ok, value)


class Runner(QObject):
    """Runs service calls on a worker thread and hands results back on the UI thread.

    ``op()`` is for operations that change data: when the call returns a
    ``ChangeSet`` (or an object with a ``changes`` attribute holding one) that
    changed something, ``changed`` is emitted and every page decides whether to
    refresh. ``query()`` is for reads. Calls run one at a time, in order, so a
    read submitted after a change sees it.

    Signals:
        changed(ChangeSet): an operation changed data.
        failed(str): an operation without its own error handler failed; the
            message (a known error's also shown in a message box; a bug goes to
            ``sys.excepthook``, the crash dialog).
        idle(): the last pending call has been delivered.
        finished_job(int, bool, object): internal, from the worker thread.
    """

    changed = Signal(object)
    failed = Signal(str)
    idle = Signal()
    finished_job = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # While the worker runs Python (100,000 log rows made into dicts), the UI thread
        # waits for the interpreter lock up to the switch interval each time it wakes:
        # 1 ms instead of 5 halved the UI's longest stall during such a read
        # (tests/bench/bench_log.py). An idle UI thread asks for nothing, so the worker
        # runs on undisturbed then.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        self._pending: dict[int, _Pending] = {}
        self._next_id = 0
        self._closed = False
        self._held: list[_Job] | None = None  # calls waiting for release()
        self.error_parent: QWidget | None = None
        self._boxes: list[QMessageBox] = []
        self.finished_job.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def op(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
    ) -> None:
        """Run an operation that changes data; emit ``changed`` with what it changed."""
        self._submit(fn, _Pending(on_done, on_error, is_change=True))

    def query(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], object] | None = None,
    ) -> None:
        """Run a read and pass its result to ``on_done``."""
        self._submit(fn, _Pending(on_done, on_error, is_change=False))

    def is_idle(self) -> bool:
        return not self._pending

    def hold(self) -> None:
        """Keep calls waiting until :meth:`release` (until the window has painted: the
        worker thread would share the CPU and the interpreter with it)."""
        if self._held is None:
            self._held = []

    def release(self, first: Callable[[], object] | None = None) -> None:
        """Run the calls held since :meth:`hold`, in order; the calls ``first`` makes
        (the reads the window waits for) run before them."""
        held, self._held = self._held or [], None
        if first is not None:
            first()
        for job in held:
            self._pool.start(job)

    def shutdown(self) -> None:
        """Wait for the running call to finish and drop any results still to come."""
        self._closed = True
        self._held = None
        self._pool.clear()
        self._pool.waitForDone()
        self._pending.clear()

    def _submit(self, fn: Callable[[], Any], pending: _Pending) -> None:
        if self._closed:
            return
        self._next_id += 1
        self._pending[self._next_id] = pending
        job = _Job(self, self._next_id, fn)
        if self._held is not None:
            self._held.append(job)
        else:
            self._pool.start(job)

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, value: object) -> None:
        pending = self._pending.pop(job_id, None)
        if pending is None or self._closed:
            return
        try:
            if ok:
                if pending.on_done is not None:
                    pending.on_done(value)
                if pending.is_change:
                    changes = (
                        value if isinstance(value, ChangeSet) else getattr(value, "changes", None)
                    )
                    if isinstance(changes, ChangeSet) and changes:
                        self.changed.emit(changes)
            else:
                assert isinstance(value, BaseException)
                self._fail(value, pending)
        finally:
            if not self._pending:
                self.idle.emit()

    def _fail(self, exc: BaseException, pending: _Pending) -> None:
        known = isinstance(exc, KnownError)
        if pending.on_error is not None:
            pending.on_error(exc)
        else:
            message = user_message(exc)
            if known:
                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    self.tr("HIS Console"),
                    message,
                    QMessageBox.StandardButton.Ok,
                    self.error_parent,
                )
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                # Without a parent window nothing else holds the box: keep it until closed.
                self._boxes.append(box)
                box.finished.connect(lambda _result, b=box: self._boxes.remove(b))
                box.open()
            self.failed.emit(message)
        if not known:
            # A bug, whoever handled the failure on screen: this is the one place the
            # window decides so. The app's hook (ui/crash.py) logs it and shows the
            # crash dialog; under pytest-qt the test fails.
            sys.excepthook(type(exc), exc, exc.__traceback__)
