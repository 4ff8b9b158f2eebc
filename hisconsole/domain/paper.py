"""Paper burn-down: how fast each form's sheets are used, and when its stock runs out.

The current rate is the sheets issued over the last ``RATE_WINDOW_HOURS`` (4 h) —
or since the first of them, when the outage is younger, but over at least one hour,
so a first pack printed a minute ago does not read as thousands an hour. It is
counted per ward (the department a pack was printed for) and summed. At that rate
the sheets on hand last ``hours_left``; under ``WARN_HOURS`` (2 h) the form is
running out, in time to print or fetch more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

RATE_WINDOW_HOURS = 4.0
MIN_SPAN_HOURS = 1.0
WARN_HOURS = 2.0


@dataclass(frozen=True)
class BurnDown:
    """One form's use and forecast. ``by_ward`` maps a ward ("" for sheets printed for no
    ward) to its sheets per hour; ``hours_left``/``runs_out_at`` are None while the stock
    is not counted or nothing is being used."""

    per_hour: float = 0.0
    by_ward: dict[str, float] = field(default_factory=dict)
    hours_left: float | None = None
    runs_out_at: dt.datetime | None = None
    running_out: bool = False


def burn_down(
    on_hand: int | None,
    issued: Mapping[str, int],
    first: dt.datetime | None,
    now: dt.datetime,
    *,
    warn_hours: float = WARN_HOURS,
) -> BurnDown:
    """The burn-down of one form from the sheets ``issued`` per ward within the last
    ``RATE_WINDOW_HOURS`` and the time ``first`` of the earliest of them."""
    total = sum(issued.values())
    if not total or first is None:
        return BurnDown()
    span = max(MIN_SPAN_HOURS, (now - first).total_seconds() / 3600)
    by_ward = {ward: count / span for ward, count in sorted(issued.items()) if count}
    rate = total / span
    if on_hand is None:
        return BurnDown(rate, by_ward)
    hours = on_hand / rate
    return BurnDown(
        per_hour=rate,
        by_ward=by_ward,
        hours_left=hours,
        runs_out_at=now + dt.timedelta(hours=hours),
        running_out=hours < warn_hours,
    )


def window_start(now: dt.datetime) -> dt.datetime:
    """The earliest issue that still counts towards the current rate."""
    return now - dt.timedelta(hours=RATE_WINDOW_HOURS)
