"""Cycles are collected on the UI thread, never on a worker's (ui/collector.py)."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from hisconsole.ui.collector import UiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_worker_allocating_cycles_collects_nothing_and_the_ui_thread_frees_them(
    qtbot: QtBot,
) -> None:
    gc.enable()  # as a freshly started application has it
    collector = UiThreadCollector()
    try:
        assert not gc.isenabled()
        gc.collect()
        freed: list[str] = []
        collected_on: list[str] = []

        def note(phase: str, info: dict[str, int]) -> None:
            if phase == "stop" and info["collected"]:
                collected_on.append(threading.current_thread().name)

        gc.callbacks.append(note)
        try:

            def work() -> None:
                for _ in range(3 * gc.get_threshold()[0]):
                    _Cycle()
                freed.append("made")

            worker = threading.Thread(target=work, name="worker")
            worker.start()
            worker.join()
            assert freed == ["made"]
            assert collected_on == []  # the worker's garbage waited for the UI thread
            qtbot.waitUntil(lambda: bool(collected_on))  # the timer's check collects it
            assert set(collected_on) == {threading.main_thread().name}
        finally:
            gc.callbacks.remove(note)
    finally:
        collector.stop()
        collector.deleteLater()
    assert gc.isenabled()


def test_what_start_up_made_is_not_walked_again_and_later_garbage_still_is(
    qtbot: QtBot,
) -> None:
    collector = UiThreadCollector()
    try:
        start_up = [{"made": i} for i in range(10_000)]  # lives as long as the window
        collector.settle()
        assert gc.get_freeze_count() >= len(start_up)
        assert gc.get_count()[0] < gc.get_threshold()[0]  # nothing left for the timer
        cycle = _Cycle()
        gc.collect()  # what start-up made stays; a later cycle is still freed
        assert gc.get_freeze_count() >= len(start_up)
        del cycle
        assert gc.collect() > 0
    finally:
        collector.stop()
        collector.deleteLater()
    assert gc.get_freeze_count() == 0  # back in the collector's sight
