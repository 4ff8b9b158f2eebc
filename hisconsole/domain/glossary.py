"""The console's fixed vocabulary: warning levels, system statuses, log kinds, report
channels and kinds, and operator roles, each defined once.

These are codes (stored in events, typed on the command line, keyed in
catalogues); the words users read come from the UI's and the CLI's catalogues.
The CLI, the UI, the printouts and the services all take them from here.
"""

from __future__ import annotations

# -- warning levels (预警级别) -------------------------------------------------------------

#: The plan's warning levels, most severe first (I 特别严重 … IV 一般).
LEVELS = ("I", "II", "III", "IV")


def level_rank(code: str) -> int:
    """0 for the most severe level; an unknown code ranks after every known one."""
    return LEVELS.index(code) if code in LEVELS else len(LEVELS)


# -- systems ------------------------------------------------------------------------------

#: A system's status during an incident ("na": not affected / not applicable).
SYSTEM_STATUSES = ("up", "degraded", "down", "na")

# -- the activity log (工作日志 / 处置记录) --------------------------------------------------

LOG_NOTE = "note"
LOG_ACTION = "action"
LOG_DECISION = "decision"
#: What an operator writes in the log (HICS 214: notes, actions, decisions).
WRITTEN_LOG_KINDS = (LOG_NOTE, LOG_ACTION, LOG_DECISION)
#: A written entry that corrects an earlier one (entries are never edited).
LOG_CORRECTION = "correction"

LOG_DECLARED = "declared"
LOG_LEVEL = "level"
LOG_STATUS = "status"
LOG_REPORT = "report"
LOG_RESOLVED = "resolved"
LOG_CLOSED = "closed"
LOG_CAP = "cap"
#: A decision (level, status) replaced by a concurrent one from another laptop after sync.
LOG_OVERRIDDEN = "overridden"
#: A playbook chosen for an incident declared without one.
LOG_PLAYBOOK = "playbook"
#: Someone signed in to or out of a post of the command roster.
LOG_ROSTER = "roster"
#: The next operational period started (its objectives, what carried over).
LOG_PERIOD = "period"
#: A shift handover sheet made, or acknowledged by the incoming commander (交接班).
LOG_HANDOVER = "handover"
#: What the console records itself when something happens to the incident.
RECORDED_LOG_KINDS = (
    LOG_DECLARED,
    LOG_LEVEL,
    LOG_STATUS,
    LOG_REPORT,
    LOG_RESOLVED,
    LOG_CLOSED,
    LOG_CAP,
    LOG_OVERRIDDEN,
    LOG_PLAYBOOK,
    LOG_ROSTER,
    LOG_PERIOD,
    LOG_HANDOVER,
)
#: Every kind of activity-log entry.
LOG_KINDS = (*WRITTEN_LOG_KINDS, LOG_CORRECTION, *RECORDED_LOG_KINDS)
#: The entries that start, move or settle the reporting clocks.
CLOCK_LOG_KINDS = (LOG_DECLARED, LOG_LEVEL, LOG_REPORT)

# -- reports ------------------------------------------------------------------------------

#: How a report is made upward, or how an outage report reached the command centre.
REPORT_CHANNELS = ("phone", "sms", "in-person", "network")
#: The upward reports the plan requires (首报 / 续报 / 终报).
REPORT_KINDS = ("initial", "followup", "final")

# -- operator roles -----------------------------------------------------------------------

COMMANDER = "commander"
IT_DUTY = "it-duty"
BUSINESS_LEAD = "business-lead"
SCRIBE = "scribe"
PLAN_EDITOR = "plan-editor"
#: Roles an operator can sign in with, most senior first.
ROLES = (COMMANDER, IT_DUTY, BUSINESS_LEAD, SCRIBE, PLAN_EDITOR)

# -- readiness between outages (平时准备) ---------------------------------------------------

#: The result of checking one of the plan's emergency resources (应急资源检查).
RESOURCE_RESULTS = ("ok", "fault")
#: The answer of one person in a "verify your number" round (通讯录核对).
CONTACT_RESULTS = ("verified", "changed", "unreachable")
#: How a readiness item stands: fine, due soon / never done, or overdue.
READINESS_STATES = ("ok", "due", "overdue")

# -- the command roster (指挥岗位, as HICS 203/207) -------------------------------------------

DEPUTY_COMMANDER = "deputy-commander"
TECH_LEAD = "tech-lead"
LIAISON = "liaison"
#: The posts of an incident's command roster, most senior first: the plan's roles (contacts
#: carry the same codes as their ``plan_role``) and the scribe who keeps the log.
ROSTER_ROLES = (COMMANDER, DEPUTY_COMMANDER, TECH_LEAD, BUSINESS_LEAD, SCRIBE, LIAISON)
#: The plan group each post belongs to: its box on the org chart.
ROSTER_GROUPS = {
    COMMANDER: "hq",
    DEPUTY_COMMANDER: "hq",
    SCRIBE: "hq",
    LIAISON: "hq",
    TECH_LEAD: "tech",
    BUSINESS_LEAD: "business",
}

# -- tasks (任务) ------------------------------------------------------------------------------

TASK_OPEN = "open"
TASK_DONE = "done"
#: Where a task stands: open until someone marks it done (and open again if reopened).
TASK_STATUSES = (TASK_OPEN, TASK_DONE)
#: What a task was made from: an activity-log entry, a message or a checklist step.
TASK_SOURCES = ("log", "message", "checklist")
