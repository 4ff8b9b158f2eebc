"""What the plan's sections and their items are called, for every page that names them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def section_title(section: str) -> str:
    """A plan section's name as the reader sees it."""
    titles = {
        "meta": QCoreApplication.translate("PlanSections", "Plan details"),
        "overview": QCoreApplication.translate("PlanSections", "Overview and scope"),
        "levels": QCoreApplication.translate("PlanSections", "Warning levels"),
        "groups": QCoreApplication.translate("PlanSections", "Organisation and duties"),
        "reporting": QCoreApplication.translate("PlanSections", "Reporting"),
        "systems": QCoreApplication.translate("PlanSections", "Systems inventory"),
        "risks": QCoreApplication.translate("PlanSections", "Risk register"),
        "scenarios": QCoreApplication.translate("PlanSections", "Playbooks"),
        "resources": QCoreApplication.translate("PlanSections", "Resources"),
        "drills": QCoreApplication.translate("PlanSections", "Drill calendar"),
        "review": QCoreApplication.translate("PlanSections", "Review and improvement"),
    }
    return titles.get(section, section)


def item_kind(section: str) -> str:
    """What one item of a section is called (a scenario's playbook, a warning level …)."""
    kinds = {
        "levels": QCoreApplication.translate("PlanSections", "Warning level"),
        "groups": QCoreApplication.translate("PlanSections", "Group"),
        "systems": QCoreApplication.translate("PlanSections", "System"),
        "risks": QCoreApplication.translate("PlanSections", "Risk"),
        "scenarios": QCoreApplication.translate("PlanSections", "Playbook"),
        "resources": QCoreApplication.translate("PlanSections", "Resource"),
        "drills": QCoreApplication.translate("PlanSections", "Drill"),
    }
    return kinds.get(section, section_title(section))
