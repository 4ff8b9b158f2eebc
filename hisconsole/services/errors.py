"""The errors services raise: refusals the user can act on (all :class:`KnownError`).

``ServiceError`` is the family; the classes below have their own code and
parameters for the refusals scripts and catalogues key on. Nothing was changed
when one is raised.
"""

from __future__ import annotations

from hisconsole.errors import KnownError
from hisconsole.i18n import PRINT_LANGUAGES, PrintLanguage


class ServiceError(KnownError):
    """An operation was refused; the message says why and what to do. Nothing changed."""

    code = "service.refused"


class LanguageUnknown(ServiceError):
    code = "print.language-unknown"
    template = "Unknown language {lang!r}; use zh, en or both."


def print_language(lang: str) -> PrintLanguage:
    """``lang`` as a printout's language (zh, en or both); refused otherwise."""
    if lang in PRINT_LANGUAGES:
        return lang
    raise LanguageUnknown(lang=lang)


class IncidentUnknown(ServiceError):
    code = "incident.unknown"
    template = "No incident {incident!r}. 'hisconsole incident list' shows them."


class SystemUnknown(ServiceError):
    code = "incident.system-unknown"
    template = "Unknown system {system!r}; the plan lists {known}."


class ScenarioUnknown(ServiceError):
    code = "plan.scenario-unknown"
    template = "Unknown scenario {scenario!r}; the plan lists {known}."


class CallTreeUnknown(ServiceError):
    code = "contacts.call-tree-unknown"
    template = "No call tree {tree!r}; this console has {known}."


class ChannelUnknown(ServiceError):
    code = "report.channel-unknown"
    template = "Unknown channel {channel!r}; use {known}."


class IncidentClosed(ServiceError):
    code = "incident.closed"
    template = "Incident {incident} is closed; nothing more can be recorded on it."


class IncidentAlreadyResolved(ServiceError):
    code = "incident.already-resolved"
    template = "Incident {incident} is already resolved."


class SheetsOutstanding(ServiceError):
    code = "incident.sheets-outstanding"
    template = (
        "{count} paper sheet(s) of {incident} are not yet entered back into the HIS "
        "(see 'hisconsole forms outstanding'). A commander can close anyway with "
        "--override REASON."
    )


class CloseNeedsCommander(ServiceError):
    code = "incident.close-needs-commander"
    template = "Only a commander can close an incident with sheets outstanding."


class SerialsNeverIssued(ServiceError):
    code = "forms.serial-never-issued"
    template = "{count} serial(s) were never issued here: {serials}. Nothing was recorded."


class IncidentNotResolved(ServiceError):
    code = "incident.not-resolved"
    template = "Resolve incident {incident} before closing it."


class KitNeedsChecklists(ServiceError):
    code = "kit.needs-checklists"
    template = "Choose an incident or a scenario for the kit's checklists."


class SheetsCannotMove(ServiceError):
    """Sheets whose status cannot move to the one asked for; ``sheets`` lists
    ``(serial, current status)`` pairs (the first five)."""

    code = "forms.status-refused"
    template = "Cannot mark as {status}: {shown}. Nothing was recorded."
