"""Hybrid logical clock: monotonic locally, absorbs remote stamps, refuses the far future."""

from __future__ import annotations

from hisconsole.domain.hlc import MAX_FORWARD_SKEW_MS, HybridClock, Stamp


class FakeWall:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_stamps_advance_even_when_the_wall_clock_goes_back() -> None:
    wall = FakeWall(1_000_000)
    clock = HybridClock(now_ms=wall)
    a = clock.now()
    wall.ms -= 60_000  # someone set the laptop clock back a minute
    b = clock.now()
    c = clock.now()
    assert a < b < c
    assert b == Stamp(1_000_000, 1)


def test_encoded_stamps_sort_like_stamps() -> None:
    stamps = [Stamp(5, 10), Stamp(40, 0), Stamp(5, 2), Stamp(1_795_000_000_000, 3)]
    assert sorted(s.encode() for s in stamps) == [s.encode() for s in sorted(stamps)]
    assert all(Stamp.decode(s.encode()) == s for s in stamps)


def test_remote_stamp_pulls_the_clock_forward() -> None:
    wall = FakeWall(1_000_000)
    clock = HybridClock(now_ms=wall)
    assert clock.observe(Stamp(1_000_500, 7))
    assert clock.now() == Stamp(1_000_500, 8)


def test_stamp_far_in_the_future_is_flagged_and_does_not_drag_the_clock() -> None:
    wall = FakeWall(1_000_000)
    clock = HybridClock(now_ms=wall)
    future = Stamp(1_000_000 + MAX_FORWARD_SKEW_MS + 1, 0)
    assert clock.is_from_future(future)
    assert not clock.observe(future)
    assert clock.now() == Stamp(1_000_000, 0)
