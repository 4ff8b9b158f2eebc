"""A contact's fields and plan roles as the user reads them (contacts and sync conflicts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def plan_role_label(role: str) -> str:
    """A contact's role in the plan (commander, liaison …) as the user reads it."""
    labels = {
        "commander": QCoreApplication.translate("PlanRoles", "Commander"),
        "deputy-commander": QCoreApplication.translate("PlanRoles", "Deputy commander"),
        "tech-lead": QCoreApplication.translate("PlanRoles", "Technical support lead"),
        "business-lead": QCoreApplication.translate("PlanRoles", "Business recovery lead"),
        "liaison": QCoreApplication.translate("PlanRoles", "Liaison"),
        "member": QCoreApplication.translate("PlanRoles", "Member"),
    }
    return labels.get(role, role)


def contact_field_label(name: str) -> str:
    """A contact field ("phones", "name.zh") as the user reads it."""
    base, _, lang = name.partition(".")
    labels = {
        "name": QCoreApplication.translate("ContactFields", "Name"),
        "position": QCoreApplication.translate("ContactFields", "Position"),
        "organisation": QCoreApplication.translate("ContactFields", "Organisation"),
        "department": QCoreApplication.translate("ContactFields", "Department"),
        "name_parts": QCoreApplication.translate("ContactFields", "Family and given name"),
        "notes": QCoreApplication.translate("ContactFields", "Notes"),
        "group": QCoreApplication.translate("ContactFields", "Group"),
        "plan_role": QCoreApplication.translate("ContactFields", "Role in the plan"),
        "email": QCoreApplication.translate("ContactFields", "E-mail"),
        "emails": QCoreApplication.translate("ContactFields", "E-mail"),
        "phones": QCoreApplication.translate("ContactFields", "Phone numbers"),
    }
    label = labels.get(base, base)
    return f"{label} ({'中文' if lang == 'zh' else 'English'})" if lang else label
