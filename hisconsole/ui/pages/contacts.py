"""Contacts: people, phone numbers and call trees (not built yet)."""

from __future__ import annotations

from hisconsole.ui.pages.base import UpcomingPage


class ContactsPage(UpcomingPage):
    """Will hold the contacts and call trees. Signals: none."""

    def title(self) -> str:
        return self.tr("Contacts")

    def description(self) -> str:
        return self.tr(
            "People, phone numbers and call trees from the plan, searchable offline; "
            "import and export CSV and vCard; print the call tree."
        )
