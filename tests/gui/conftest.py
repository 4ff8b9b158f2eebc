"""GUI fixtures: a main window over an initialised console, in English, with its data read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hisconsole.services.console import Console
from hisconsole.ui.app import SETTINGS_FILE, create_main_window
from hisconsole.ui.main_window import KEY_LANGUAGE, MainWindow
from hisconsole.ui.partials.log_model import LogModel

# The offscreen platform cannot pass a top-level window's size hints on, and says
# so whenever a dialog's layout changes its minimum size. It is not our warning.
OFFSCREEN_SIZE_HINTS = r"This plugin does not support propagateSizeHints\(\)"

# On a loaded machine (several test runs on few cores) the runner's worker can take
# seconds to be scheduled: waiting for it allows more than pytest-qt's five seconds.
SETTLE_MS = 30_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))


def visible_texts(widget: QWidget) -> list[str]:
    """The text of every label the user can see in ``widget``."""
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def shown_rows(model: LogModel) -> list[dict[str, Any]]:
    """Every row of a short log's list (read whole with the list: one block)."""
    rows = [model.row_at(position) for position in range(model.rowCount())]
    assert None not in rows, "a row of a short list was not read with it"
    return [row for row in rows if row is not None]


def english_settings(path: Path) -> Path:
    """A ui.ini preset to English, so that tests do not follow the machine's locale."""
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue(KEY_LANGUAGE, "en")
    settings.sync()
    return path


@pytest.fixture
def settings_path(ready_data_dir: Path) -> Path:
    """The window's ui.ini beside the console's database, preset to English."""
    return english_settings(ready_data_dir / SETTINGS_FILE)


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until every service call (and the reads it set off) has been delivered."""
    qtbot.waitUntil(window.ctx.runner.is_idle, timeout=SETTLE_MS)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make the window the active one again (shortcuts go to the active window)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@contextmanager
def shown_window(
    qtbot: QtBot, console: Console, settings_path: Path, size: QSize | None = None
) -> Iterator[MainWindow]:
    """The main window over ``console`` (at ``size``), shown, with its data read (no tray
    icon in tests)."""
    main = create_main_window(console, settings_path, use_tray=False)
    qtbot.addWidget(main)
    if size is not None:
        main.resize(size)
    main.show()
    qtbot.waitExposed(main)
    settle(qtbot, main)
    try:
        yield main
    finally:
        main.close()
        # The translators are application-wide: leave the next test in English.
        main.ctx.translations.uninstall()


@pytest.fixture
def window_console(console: Console) -> Console:
    """The console the window opens on. A module whose tests move the clock overrides
    it with ``timed`` (and sets up its incident first, so the window shows it)."""
    return console


@pytest.fixture
def window(qtbot: QtBot, window_console: Console, settings_path: Path) -> Iterator[MainWindow]:
    """The main window, shown, with the plan read (the runner is idle)."""
    with shown_window(qtbot, window_console, settings_path) as main:
        yield main


@pytest.fixture
def timed_window(qtbot: QtBot, timed: Console, settings_path: Path) -> Iterator[MainWindow]:
    """The main window at 1366×768 over a console whose clock the test moves."""
    with shown_window(qtbot, timed, settings_path, QSize(1366, 768)) as main:
        yield main


@pytest.fixture(autouse=True)
def _collect_on_the_ui_thread() -> Iterator[None]:
    """Collect reference cycles of Qt objects here, on the UI thread, as the window does
    (ui/collector.py): left to chance, a collection can run on a worker thread and free
    a Qt object there (seen to crash the suite in the log filter's thread)."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if was_enabled:
            gc.enable()


@pytest.fixture(autouse=True)
def _no_print_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window never reaches the machine's CUPS: a test that prints takes ``cups_queue``
    (its own cupsd); the others see a print system that is not there."""
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cups.sock"))
