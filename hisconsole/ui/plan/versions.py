"""Plan versions as the user reads them: when, by whom."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hisconsole.ui.situation import date_time


def version_time(hlc: str) -> str:
    """When a version was published (local time, to the minute), from its HLC stamp."""
    wall, _, _counter = hlc.partition(".")
    if not wall.isdigit():
        return ""
    moment = dt.datetime.fromtimestamp(int(wall) / 1000, tz=dt.UTC)
    return date_time(moment, seconds=False)


def version_label(entry: dict[str, Any]) -> str:
    """A plan version as listed: "v2 · Li Ming · 2026-11-25 14:03"."""
    parts = [f"v{entry['version']}", str(entry.get("author") or ""), version_time(entry["hlc"])]
    return " · ".join(p for p in parts if p)
