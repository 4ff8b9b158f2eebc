"""What an operation changed (no database here: the window imports it before the first
paint, and the console's own module, which opens the database, after)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ChangeSet:
    """What an operation changed: the areas screens refresh from (plan, contacts, …)."""

    areas: set[str] = field(default_factory=set)
    events: int = 0

    def __bool__(self) -> bool:
        return self.events > 0
