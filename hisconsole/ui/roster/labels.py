"""The posts of the command roster as the user reads them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from hisconsole.domain import glossary


def roster_role_label(role: str) -> str:
    """A post of the command roster (指挥岗位) in the interface language."""
    labels = {
        glossary.COMMANDER: QCoreApplication.translate("RosterRoles", "Commander"),
        glossary.DEPUTY_COMMANDER: QCoreApplication.translate("RosterRoles", "Deputy commander"),
        glossary.TECH_LEAD: QCoreApplication.translate("RosterRoles", "Technical support lead"),
        glossary.BUSINESS_LEAD: QCoreApplication.translate("RosterRoles", "Business recovery lead"),
        glossary.SCRIBE: QCoreApplication.translate("RosterRoles", "Scribe"),
        glossary.LIAISON: QCoreApplication.translate("RosterRoles", "Liaison"),
    }
    return labels.get(role, role)


def roster_entry_text(data: dict[str, Any], note: str) -> str:
    """An activity-log entry of the roster: who signed in (relieving whom) or out."""
    words = {"person": data.get("person", ""), "post": roster_role_label(data.get("role", ""))}
    if data.get("action") == "out":
        line = QCoreApplication.translate("RosterLog", "{person} signed out as {post}").format(
            **words
        )
    elif data.get("relieves"):
        line = QCoreApplication.translate(
            "RosterLog", "{person} signed in as {post}, relieving {relieved}"
        ).format(relieved=data["relieves"], **words)
    else:
        line = QCoreApplication.translate("RosterLog", "{person} signed in as {post}").format(
            **words
        )
    return f"{line}: {note}" if note else line
