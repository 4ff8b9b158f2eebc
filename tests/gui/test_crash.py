"""A bug inside a service run from the window: traceback in logs/, the crash dialog shown."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from hisconsole import logs
from hisconsole.services import incidents as incident_service
from hisconsole.ui.crash import CrashDialog, CrashReporter
from hisconsole.ui.main_window import MainWindow


def _broken(*_args: object, **_kwargs: object) -> list[dict[str, object]]:
    raise RuntimeError("boom: unexpected state in list_incidents")


@pytest.fixture
def reporter(ready_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CrashReporter]:
    """The app's crash reporter as ``sys.excepthook`` (in place of pytest-qt's capture)."""
    logs.attach(ready_data_dir)
    reporter = CrashReporter()
    monkeypatch.setattr(sys, "excepthook", reporter.excepthook)
    yield reporter
    logs.detach()


@pytest.mark.parametrize("frozen", [False, True], ids=["console", "frozen-no-stderr"])
def test_a_bug_in_a_service_is_logged_and_shown_with_its_details(
    qtbot: QtBot,
    window: MainWindow,
    reporter: CrashReporter,
    ready_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    frozen: bool,
) -> None:
    if frozen:
        monkeypatch.setattr(sys, "stderr", None)  # a windowed PyInstaller build has none
    monkeypatch.setattr(incident_service, "list_incidents", _broken)
    with qtbot.waitSignal(reporter.reported) as shown:
        window.ctx.situation.reload()
    dialog = shown.args[0]
    assert isinstance(dialog, CrashDialog)
    qtbot.waitUntil(dialog.isVisible)
    log_file = ready_data_dir / "logs" / "hisconsole.log"
    # The user sees where the log is and the details to copy.
    assert str(log_file) in dialog.log_label.text()
    details = dialog.details.toPlainText()
    assert "Traceback (most recent call last)" in details
    assert "RuntimeError: boom: unexpected state in list_incidents" in details
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == details
    # The log keeps the same traceback (the only copy in a frozen build).
    text = log_file.read_text("utf-8")
    assert "Traceback (most recent call last)" in text and "in _broken" in text
    assert "RuntimeError: boom: unexpected state in list_incidents" in text
    dialog.close()
