"""Operator roles: who is on duty at the console."""

from __future__ import annotations

COMMANDER = "commander"
IT_DUTY = "it-duty"
BUSINESS_LEAD = "business-lead"
SCRIBE = "scribe"
PLAN_EDITOR = "plan-editor"

#: Roles an operator can sign in with, most senior first.
ROLES = (COMMANDER, IT_DUTY, BUSINESS_LEAD, SCRIBE, PLAN_EDITOR)
