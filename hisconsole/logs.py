"""The log file: DATA_DIR/logs/hisconsole.log, rotating, where bugs leave their traceback.

The CLI entry and the GUI attach it to the data folder they use; anything else
logs through ``logging.getLogger(__name__)`` as usual. A frozen GUI has no
stderr, so the log is the only place a bug's details survive. Writing the log
never fails the program: a data folder that cannot take it (read-only, full)
only loses the log, and the caller is told so (``log_bug`` returns None).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from types import TracebackType

LOG_FOLDER = "logs"
LOG_FILE = "hisconsole.log"
# A few months of ordinary use; a crash loop cannot fill the disk.
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d]: %(message)s"

logger = logging.getLogger("hisconsole")
# Without a log file the callers report on stderr themselves; Python's last-resort
# handler would print the same traceback a second time.
logger.addHandler(logging.NullHandler())
_lock = threading.Lock()


def log_path(data_dir: Path) -> Path:
    """Where the log of the data folder ``data_dir`` is written."""
    return data_dir / LOG_FOLDER / LOG_FILE


class _LogFile(logging.Handler):
    """The rotating log file. logs/ is made, and the file handler loaded, on the first
    record (so merely starting creates nothing, and a command that logs nothing does not
    import ``logging.handlers``); a failure to write is remembered instead of printed."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.failed = False
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.failed = False
        if self._file is None:
            try:
                self._file = self._open_file()
            except OSError:
                self.handleError(record)
                return
        self._file.emit(record)

    def _open_file(self) -> logging.Handler:
        # Only logs/ itself: logging never creates the data folder (a refused command
        # changes nothing); without one, the caller reports the bug on stderr.
        self.path.parent.mkdir(mode=0o700, exist_ok=True)
        from logging.handlers import RotatingFileHandler

        file = RotatingFileHandler(
            self.path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
        file.setFormatter(logging.Formatter(FORMAT))
        file.handleError = self.handleError  # type: ignore[method-assign]
        return file

    def handleError(self, record: logging.LogRecord) -> None:
        # The default prints a traceback to stderr (absent in the frozen GUI);
        # the caller reports the bug its own way when the log failed.
        self.failed = True

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


_current: _LogFile | None = None


def attach(data_dir: Path) -> Path:
    """Log to ``data_dir``'s log file from now on (replacing the folder attached before)."""
    global _current
    path = log_path(data_dir)
    with _lock:
        if _current is not None and _current.path == path:
            return path
        _detach_locked()
        handler = _LogFile(path)
        logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > logging.INFO:
            logger.setLevel(logging.INFO)
        _current = handler
    return path


def detach() -> None:
    """Stop logging to the file (closing it)."""
    with _lock:
        _detach_locked()


def _detach_locked() -> None:
    global _current
    if _current is not None:
        logger.removeHandler(_current)
        _current.close()
        _current = None


def current() -> Path | None:
    """The log file attached now, if any."""
    return _current.path if _current is not None else None


def log_bug(exc: BaseException, tb: TracebackType | None = None, *, where: str = "") -> Path | None:
    """Log an unexpected error with its traceback; the log file if it was written there."""
    trace = tb if tb is not None else exc.__traceback__
    logger.error(
        "Unexpected error%s: %s: %s",
        f" in {where}" if where else "",
        type(exc).__name__,
        exc,
        exc_info=(type(exc), exc, trace),
    )
    handler = _current
    if handler is None or handler.failed or not handler.path.exists():
        return None
    return handler.path
