"""Test helpers shared by unit and GUI tests."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable


class Clock:
    """A controllable wall clock for ``Console.open(now_ms=...)``: tests move time, never sleep."""

    def __init__(self) -> None:
        self.ms = int(dt.datetime(2026, 11, 25, 2, 0, tzinfo=dt.UTC).timestamp() * 1000)

    def __call__(self) -> int:
        return self.ms

    def advance(self, minutes: float) -> None:
        self.ms += int(minutes * 60_000)


def wait_for(condition: Callable[[], object], *, timeout: float = 30.0, what: str = "") -> None:
    """Poll ``condition`` until it is true (outside Qt: a real process is being waited on)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what or condition}")
        time.sleep(0.05)
