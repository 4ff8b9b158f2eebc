"""What the Sync page's tabs share: the snapshot they show, the one exchange running, progress."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QObject, Signal

from hisconsole.ui.context import Context
from hisconsole.ui.sync import files as sync_files

#: Where bundles were last written or read (a USB stick, usually).
KEY_LAST_DIR = "sync/last_dir"


def remembered_dir(ctx: Context) -> str:
    value = ctx.settings.value(KEY_LAST_DIR)
    return value if isinstance(value, str) and Path(value).is_dir() else str(Path.home())


def remember_dir(ctx: Context, path: Path) -> None:
    ctx.settings.setValue(KEY_LAST_DIR, str(path.parent))


def redraw(model: QAbstractItemModel) -> None:
    """Have views draw every cell again (their text follows the interface language)."""
    rows, columns = model.rowCount(), model.columnCount()
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))


class HubProgress(QObject):
    """Carries hub sync progress from the worker thread to the page, and Cancel back.

    ``report`` is the service's progress hook (it runs on the worker): it emits
    ``advanced`` (delivered queued, on the UI thread) and returns False once
    ``cancel()`` was called, which stops the sync after the batch in hand.

    Signals:
        advanced(str, int, int): the stage ("push" or "pull"), events done, events in it.
    """

    advanced = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()

    def reset(self) -> None:
        self._cancelled.clear()

    def cancel(self) -> None:
        self._cancelled.set()

    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def report(self, stage: str, done: int, total: int) -> bool:
        self.advanced.emit(stage, done, total)
        return not self._cancelled.is_set()


class SyncState(QObject):
    """The Sync page's data, read off the UI thread, and the one operation it runs at a time.

    Tabs show ``snapshot`` when ``updated`` says it is fresh, and start their
    operations through ``run``, which marks the page busy (every tab disables its
    actions) until the operation has answered; the data is then read again.

    Signals:
        updated(SyncSnapshot): a fresh snapshot has been read.
        busy_changed(str): an operation started (its name) or ended (empty).
        failed(str): reading the data failed (the message).
    """

    updated = Signal(object)
    busy_changed = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: sync_files.SyncSnapshot | None = None
        self.busy = ""
        self.progress = HubProgress(self)
        self._loading = False
        self._again = False

    # -- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        # One read at a time: changes that arrive while reading ask for one more.
        if self._loading:
            self._again = True
            return
        self._loading = True
        console = self.ctx.console
        self.ctx.runner.query(
            lambda: sync_files.load(console), on_done=self._loaded, on_error=self._failed
        )

    def _loaded(self, snapshot: sync_files.SyncSnapshot) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
            return
        self.snapshot = snapshot
        self.updated.emit(snapshot)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._again = False
        self.failed.emit(str(exc))

    # -- operations ---------------------------------------------------------------------------

    def run(
        self,
        name: str,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], object],
        on_error: Callable[[BaseException], object],
        change: bool = True,
    ) -> bool:
        """Run ``fn`` (a change, or a read with ``change`` False) unless another operation
        is running; ``on_done``/``on_error`` get its answer, then the data is read again."""
        if self.busy:
            return False
        self._set_busy(name)

        def done(value: Any) -> None:
            self._set_busy("")
            on_done(value)
            if change:
                self.reload()

        def error(exc: BaseException) -> None:
            self._set_busy("")
            on_error(exc)
            if change:
                self.reload()

        if change:
            self.ctx.runner.op(fn, on_done=done, on_error=error)
        else:
            self.ctx.runner.query(fn, on_done=done, on_error=error)
        return True

    def _set_busy(self, name: str) -> None:
        self.busy = name
        self.busy_changed.emit(name)
