"""The runner: service calls run off the UI thread, results and errors come back on it."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from hisconsole.services.console import ChangeSet, ServiceError
from hisconsole.ui.runner import Runner


@pytest.fixture
def runner() -> Iterator[Runner]:
    r = Runner()
    yield r
    r.shutdown()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()


def test_an_operation_runs_on_a_worker_and_broadcasts_its_change(
    qtbot: QtBot, runner: Runner
) -> None:
    ui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def operation() -> ChangeSet:
        seen["worker"] = threading.get_ident()
        return ChangeSet({"operator"}, 1)

    def done(result: object) -> None:
        seen["delivered_on"] = threading.get_ident()
        seen["result"] = result

    with qtbot.waitSignal(runner.changed) as changed:
        runner.op(operation, on_done=done)
    assert seen["worker"] != ui_thread
    assert seen["delivered_on"] == ui_thread
    assert changed.args == [seen["result"]]
    assert changed.args[0].areas == {"operator"}
    assert runner.is_idle()


def test_a_query_or_an_empty_change_set_broadcasts_nothing(qtbot: QtBot, runner: Runner) -> None:
    results: list[object] = []
    with qtbot.assertNotEmitted(runner.changed), qtbot.waitSignal(runner.idle):
        runner.query(lambda: 42, on_done=results.append)
        runner.op(lambda: ChangeSet(), on_done=results.append)
    assert results == [42, ChangeSet()]


def test_a_refused_operation_is_shown_calmly(qtbot: QtBot, runner: Runner) -> None:
    def refuse() -> None:
        raise ServiceError("Nothing to do; nothing was changed.")

    with qtbot.waitSignal(runner.failed) as failed:
        runner.op(refuse)
    assert failed.args == ["Nothing to do; nothing was changed."]
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert [box.text() for box in boxes if box.isVisible()] == [
        "Nothing to do; nothing was changed."
    ]


def test_a_bug_is_shown_and_reported(
    qtbot: QtBot, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: reported.append(exc))

    def broken() -> None:
        raise KeyError("plan")

    with qtbot.waitSignal(runner.failed) as failed:
        runner.op(broken)
    assert "did not expect" in failed.args[0] and "KeyError" in failed.args[0]
    assert len(reported) == 1 and isinstance(reported[0], KeyError)


def test_shutdown_waits_for_the_running_call_and_drops_its_result(
    qtbot: QtBot, runner: Runner
) -> None:
    started = threading.Event()
    finished: list[int] = []
    delivered: list[object] = []

    def work() -> ChangeSet:
        started.set()
        finished.append(sum(range(2_000_000)))  # needs the GIL while shutdown() waits
        return ChangeSet({"plan"}, 1)

    runner.op(work, on_done=delivered.append)
    started.wait()
    with qtbot.assertNotEmitted(runner.changed):
        runner.shutdown()
        QApplication.processEvents()  # deliver the queued result, if it would come
    assert finished and not delivered


def test_held_calls_wait_for_release_and_the_first_reads_go_before_them(
    qtbot: QtBot, runner: Runner
) -> None:
    ran: list[str] = []
    runner.hold()
    runner.query(lambda: ran.append("page's read"), on_done=lambda _v: None)
    assert not runner.is_idle()
    with qtbot.waitSignal(runner.idle):
        runner.release(
            lambda: runner.query(lambda: ran.append("situation"), on_done=lambda _v: None)
        )
    # Submitted first, run second: it was held (one worker runs calls in order).
    assert ran == ["situation", "page's read"]
