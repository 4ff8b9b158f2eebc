"""Replay an incident's timeline step by step, as it happened (for drills and reviews)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Frame:
    """The incident as it stood right after one activity-log entry."""

    index: int
    at: str
    entry: Mapping[str, Any]
    level: str
    status: str
    systems: Mapping[str, str] = field(default_factory=dict)
    reports_made: int = 0


def frames(log: Sequence[Mapping[str, Any]]) -> list[Frame]:
    """One frame per log entry, in the order they were recorded."""
    level, status, reports = "", "open", 0
    systems: dict[str, str] = {}
    result = []
    for index, entry in enumerate(log):
        data = entry.get("data", {})
        kind = entry["kind"]
        if kind == "declared":
            level = data["level"]
            for code in data.get("systems", []):
                systems[code] = "down"
        elif kind == "level":
            level = data["level"]
        elif kind == "status" and entry.get("system"):
            systems[entry["system"]] = data["status"]
        elif kind == "report":
            reports += 1
        elif kind in ("resolved", "closed"):
            status = kind
        result.append(Frame(index, entry["at"], entry, level, status, dict(systems), reports))
    return result
