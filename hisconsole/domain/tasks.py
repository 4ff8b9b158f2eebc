"""Tasks beyond the checklists: an assignment with an owner, a group, a due time and a status.

A due time is typed as a time ("2026-11-25T14:00", local without a zone), a time of
day ("14:00": the next one to come), or a span from now ("+90m", "+2h").
"""

from __future__ import annotations

import datetime as dt
import re

from hisconsole.errors import KnownError

_SPAN = re.compile(r"^\+\s*(\d{1,4})\s*([mh])$", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"^(\d{1,2}):(\d{2})$")


class DueUnreadable(KnownError, ValueError):
    code = "tasks.due-unreadable"
    template = (
        "{value!r} is not a due time; use e.g. 2026-11-25T14:00, 14:00 (the next one) "
        "or +90m / +2h from now."
    )


def parse_due(value: str, now: dt.datetime) -> dt.datetime:
    """The due time ``value`` names, in UTC (``now``: an aware time; local time is the
    laptop's zone)."""
    text = value.strip()
    span = _SPAN.match(text)
    if span:
        amount, unit = int(span.group(1)), span.group(2).lower()
        return now + dt.timedelta(minutes=amount if unit == "m" else amount * 60)
    clock = _TIME_OF_DAY.match(text)
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            raise DueUnreadable(value=value)
        local_now = now.astimezone()
        moment = local_now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if moment <= local_now:
            moment += dt.timedelta(days=1)
        return moment.astimezone(dt.UTC)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise DueUnreadable(value=value) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(dt.UTC)


def is_overdue(status: str, due: dt.datetime, now: dt.datetime) -> bool:
    """An open task whose due time has passed."""
    return status != "done" and due <= now
