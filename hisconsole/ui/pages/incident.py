"""Incident: declaring and running an incident (not built yet)."""

from __future__ import annotations

from hisconsole.ui.pages.base import UpcomingPage


class IncidentPage(UpcomingPage):
    """Will run the incident: level, systems, log and reporting clocks. Signals: none."""

    def title(self) -> str:
        return self.tr("Incident")

    def description(self) -> str:
        return self.tr(
            "Declare an incident and set its warning level; track the status of every "
            "system, keep the activity log, tick the checklists and watch the reporting "
            "clocks; resolve the incident when the systems are back."
        )
