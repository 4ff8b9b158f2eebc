"""The window's words for a write refused while a restored laptop takes back its entries.

The service's refusal (services/restored.py ``CatchingUp``) names the command line's ways
out; in the window the ways out are the red line's buttons (strip.py), so the window words
the same refusal, from the same facts, with those.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hisconsole.errors import KnownError


def sync_button_text() -> str:
    return QCoreApplication.translate("RestoredStrip", "Open the Sync page")


def alone_button_text() -> str:
    return QCoreApplication.translate(
        "RestoredStrip", "No other laptop has our entries: record alone…"
    )


def refused(error: KnownError) -> str:
    """The refusal of a write while the mark is there, with the red line's ways out."""
    return QCoreApplication.translate(
        "RestoredStrip",
        "This laptop was restored from the backup {backup} and records nothing until it has "
        "taken in the other laptops' entries: its own since that backup may be among them, "
        "and a new entry now would be numbered like one of them. On the red line at the top: "
        "“{sync}” to import a bundle from each of the other laptops, sync with the hub or "
        "join them on the command-centre network; if no other laptop or hub has any of this "
        "laptop's entries: “{alone}”. Nothing was changed.",
    ).format(
        backup=error.params.get("backup", "?"),
        sync=sync_button_text(),
        alone=alone_button_text(),
    )
