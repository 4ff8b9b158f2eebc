"""Test helpers shared by unit and GUI tests."""

from __future__ import annotations

import datetime as dt


class Clock:
    """A controllable wall clock for ``Console.open(now_ms=...)``: tests move time, never sleep."""

    def __init__(self) -> None:
        self.ms = int(dt.datetime(2026, 11, 25, 2, 0, tzinfo=dt.UTC).timestamp() * 1000)

    def __call__(self) -> int:
        return self.ms

    def advance(self, minutes: float) -> None:
        self.ms += int(minutes * 60_000)
