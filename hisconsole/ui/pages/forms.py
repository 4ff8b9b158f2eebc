"""Forms: downtime paper forms and their back-entry (not built yet)."""

from __future__ import annotations

from hisconsole.ui.pages.base import UpcomingPage


class FormsPage(UpcomingPage):
    """Will print downtime forms and track their back-entry. Signals: none."""

    def title(self) -> str:
        return self.tr("Forms")

    def description(self) -> str:
        return self.tr(
            "Downtime paper forms: preview and print them with the incident number and a "
            "serial number on every sheet, then track each paper record until it has been "
            "entered back into the HIS."
        )
