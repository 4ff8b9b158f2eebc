"""Sync: exchanging updates with other console laptops and the hub (not built yet)."""

from __future__ import annotations

from hisconsole.ui.pages.base import UpcomingPage


class SyncPage(UpcomingPage):
    """Will exchange updates by USB file and with the central hub. Signals: none."""

    def title(self) -> str:
        return self.tr("Sync")

    def description(self) -> str:
        return self.tr(
            "Swap updates with the other console laptops by USB file while the network "
            "is down, and sync with the central hub when it returns; accept new devices "
            "and see what came from where."
        )
