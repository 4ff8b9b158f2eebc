"""Hybrid logical clock stamps that order events across laptops.

A stamp is (wall milliseconds, counter). It never goes backwards on one
laptop even when the wall clock does, and it advances past any stamp this
laptop has seen, except stamps far ahead of the local wall clock: those are
flagged instead of dragging every later local event into the future.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

#: A stamp further ahead of the local wall clock than this is "from the future".
MAX_FORWARD_SKEW_MS = 10 * 60 * 1000


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    """One HLC stamp; ordering is by (wall_ms, counter)."""

    wall_ms: int
    counter: int

    def encode(self) -> str:
        """Fixed-width text form that sorts like the stamp itself."""
        return f"{self.wall_ms:015d}.{self.counter:06d}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        wall, _, counter = text.partition(".")
        if not (wall.isdigit() and counter.isdigit()):
            raise ValueError(f"not an HLC stamp: {text!r}")
        return cls(int(wall), int(counter))


ZERO = Stamp(0, 0)


def stamp_time(hlc: str) -> str:
    """ISO-8601 UTC time of an encoded stamp's wall clock."""
    wall_ms = int(hlc.split(".", 1)[0])
    return dt.datetime.fromtimestamp(wall_ms / 1000, tz=dt.UTC).isoformat(timespec="seconds")


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues monotonic stamps for local events and absorbs remote ones."""

    def __init__(self, last: Stamp = ZERO, now_ms: Callable[[], int] = wall_clock_ms) -> None:
        self._last = last
        self._now_ms = now_ms

    @property
    def last(self) -> Stamp:
        return self._last

    def now(self) -> Stamp:
        """A fresh stamp for a local event, later than every stamp issued or absorbed."""
        physical = self._now_ms()
        if physical > self._last.wall_ms:
            stamp = Stamp(physical, 0)
        else:
            stamp = Stamp(self._last.wall_ms, self._last.counter + 1)
        self._last = stamp
        return stamp

    def is_from_future(self, remote: Stamp) -> bool:
        return remote.wall_ms > self._now_ms() + MAX_FORWARD_SKEW_MS

    def observe(self, remote: Stamp) -> bool:
        """Absorb a stamp seen on another laptop's event.

        Returns False (and leaves the clock alone) when the stamp is too far
        in the future to be trusted; the caller stores the event but flags it.
        """
        if self.is_from_future(remote):
            return False
        if remote > self._last:
            self._last = remote
        return True
