"""A sync pauses Python's cycle collector while it takes in events, and always gives it back."""

from __future__ import annotations

import gc
import threading

import pytest

from hisconsole.collecting import collector_paused


def test_paused_inside_and_back_after_nested_and_failed_syncs() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # a held bundle read while importing
            assert not gc.isenabled()
        assert not gc.isenabled()
        with pytest.raises(RuntimeError), collector_paused():
            raise RuntimeError("the sync failed")
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_two_syncs_on_two_threads_give_it_back_once_both_ended() -> None:
    inside, leave = threading.Event(), threading.Event()

    def other_sync() -> None:
        with collector_paused():
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=other_sync)
    with collector_paused():
        thread.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the other thread's sync still runs
    leave.set()
    thread.join(10)
    assert gc.isenabled()
