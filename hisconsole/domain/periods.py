"""Operational periods (处置阶段, as HICS incident action planning): a long incident runs in
periods of a set length, each with its objectives, the groups assigned and a briefing.

Starting the next period carries over what is still open: the objectives not met and
the tasks not done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

#: The period length when the plan does not set one (``reporting.period_hours``).
DEFAULT_PERIOD_HOURS = 12
#: The longest period one may set: a week.
MAX_PERIOD_HOURS = 168


def period_hours(doc: Mapping[str, Any] | None) -> int:
    """The plan's period length in hours, else the default (12)."""
    value = ((doc or {}).get("reporting") or {}).get("period_hours")
    return (
        int(value)
        if isinstance(value, int) and not isinstance(value, bool)
        else (DEFAULT_PERIOD_HOURS)
    )


def ends_at(starts_at: dt.datetime, length_hours: int) -> dt.datetime:
    return starts_at + dt.timedelta(hours=length_hours)
