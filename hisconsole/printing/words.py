"""Word tables of the printouts (English catalogue ids; the catalogue gives the Chinese):
the upward reports' titles, the systems' states as a report words them, and the plan
binder's section and column labels and coded values (criticality, likelihood, drill
kinds, resource categories). Light on purpose: the CLI names a report without loading
reportlab."""

from __future__ import annotations

from hisconsole.i18n import N_

# The plan's words for the three upward reports (首报 / 续报 / 终报) and the level-change
# report a reporting clock may count down to.
REPORT_TITLES = {
    "initial": N_("Initial report"),
    "followup": N_("Follow-up report"),
    "final": N_("Final report"),
    "level-change": N_("Level change report"),
}
#: A system's state as a report words it.
SYSTEM_STATES = {
    "up": N_("Fully functional"),
    "degraded": N_("Partially functional"),
    "down": N_("Non-functional"),
    "na": N_("N/A"),
}

#: The comment the console writes on a system it restores when the incident is resolved
#: (stored as this text; shown in words).
RESTORED_AT_RESOLUTION = N_("restored at resolution")

LABELS: dict[str, str] = {
    "contents": N_("Contents"),
    "version": N_("Version"),
    "revised": N_("Revised"),
    "owner": N_("Owner"),
    "printed": N_("Printed"),
    "overview": N_("Overview"),
    "purpose": N_("Purpose"),
    "goals": N_("Goals"),
    "scope": N_("Scope"),
    "principles": N_("Principles"),
    "levels": N_("Warning levels"),
    "criteria": N_("Criteria"),
    "response": N_("Response"),
    "groups": N_("Organisation and duties"),
    "lead": N_("Lead"),
    "members": N_("Members"),
    "duties": N_("Duties"),
    "reporting": N_("Reporting"),
    "channels": N_("Channels"),
    "steps": N_("Procedure"),
    "systems": N_("Systems"),
    "system": N_("System"),
    "criticality": N_("Criticality"),
    "max_downtime": N_("Max. downtime"),
    "downtime_procedure": N_("Downtime procedure"),
    "risks": N_("Risks"),
    "likelihood": N_("Likelihood"),
    "impact": N_("Impact"),
    "mitigations": N_("Mitigations"),
    "scenarios": N_("Scenario playbooks"),
    "playbook": N_("Playbook"),
    "risk": N_("Risk"),
    "scenario_systems": N_("Systems involved"),
    "default_level": N_("Default level"),
    "step_no": N_("No."),
    "group": N_("Group"),
    "step_levels": N_("Levels"),
    "step": N_("Step"),
    "resources": N_("Resources"),
    "resource": N_("Resource"),
    "quantity": N_("Quantity"),
    "location": N_("Location"),
    "owner_group": N_("Responsible group"),
    "check": N_("Check every"),
    "drills": N_("Drill calendar"),
    "date": N_("Date"),
    "drill": N_("Drill"),
    "scenario": N_("Scenario"),
    "kind": N_("Kind"),
    "participants": N_("Participants"),
    "review": N_("Review"),
    "review_steps": N_("Review steps"),
    "level_legend": N_("Warning levels and reporting deadlines"),
    "involved_procedures": N_("Downtime procedures of the systems involved"),
}

VALUES: dict[str, str] = {
    "critical": N_("critical"),
    "high": N_("high"),
    "medium": N_("medium"),
    "low": N_("low"),
    "tabletop": N_("tabletop"),
    "functional": N_("functional"),
    "full-scale": N_("full-scale"),
    "hardware": N_("hardware"),
    "power": N_("power"),
    "forms": N_("forms"),
    "equipment": N_("equipment"),
    "network": N_("network"),
    "documents": N_("documents"),
}
