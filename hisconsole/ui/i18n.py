"""Interface language: Qt translators, the chosen language, and labels for domain codes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from hisconsole import i18n as messages
from hisconsole.domain import incidents as rules
from hisconsole.domain.glossary import BUSINESS_LEAD, COMMANDER, IT_DUTY, PLAN_EDITOR, SCRIBE
from hisconsole.i18n import Language, formats
from hisconsole.resources import ResourcesMissing, resource_path

ENGLISH = "en"
CHINESE = "zh"
LANGUAGES = (ENGLISH, CHINESE)

# Each language's own name: shown the same in every interface language, so that
# someone who cannot read the current language still finds their own.
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "中文"}
#: The languages a printout can be in (a choice beside the interface's own), named alike.
PRINT_LANGUAGES = (CHINESE, ENGLISH, "both")
PRINT_LANGUAGE_NAMES = {**LANGUAGE_NAMES, "both": "中文 + English"}

# Qt's locale name for each language (file suffix of the .qm catalogues).
_QT_LOCALES = {CHINESE: "zh_CN"}

# The interface language of the catalogues installed last (dates and numbers follow it).
_current_language = ENGLISH


def default_language() -> str:
    """Chinese when the system locale is Chinese, else English."""
    return CHINESE if QLocale.system().name().lower().startswith("zh") else ENGLISH


def catalogue_path(lang: str) -> str:
    """The compiled HIS Console catalogue for ``lang`` (there is none for English)."""
    return str(resource_path("i18n", f"hisconsole_{_QT_LOCALES[lang]}.qm"))


class Translations(QObject):
    """Installs the translators of the chosen interface language into the application.

    Installing or removing a translator makes Qt send ``QEvent.LanguageChange``
    to every widget; widgets retranslate themselves from their ``changeEvent``.
    The language is also the language plan content is shown in.

    Signals:
        language_changed(str): the new language code ("en" or "zh").
    """

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = ENGLISH
        self._installed: list[QTranslator] = []

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, lang: str) -> None:
        """Switch the interface to ``lang``; every open window retranslates at once."""
        if lang not in LANGUAGES:
            lang = ENGLISH
        if lang == self._language:
            return
        self.uninstall()
        if lang != ENGLISH:
            self._install(catalogue_path(lang))
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            # Qt's own catalogue (standard buttons, context menus) is a bonus:
            # a frozen build may leave it out, and the console works without it.
            self._install(f"{qt_dir}/qtbase_{_QT_LOCALES[lang]}.qm", required=False)
        self._language = lang
        _set_current_language(lang)
        # Qt posts LanguageChange to the top-level windows; deliver it now, so
        # the switch is complete when this call returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language_changed.emit(lang)

    def _install(self, path: str, *, required: bool = True) -> None:
        translator = QTranslator(self)
        if not translator.load(path):
            if required:
                raise ResourcesMissing(
                    f"The translation {path} is missing or damaged. Reinstall the program."
                )
            return
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)

    def uninstall(self) -> None:
        """Remove this object's translators (back to the English source texts)."""
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()
        self._language = ENGLISH
        _set_current_language(ENGLISH)


def _set_current_language(lang: str) -> None:
    global _current_language
    _current_language = lang
    # Service messages, log lines and the words below ui/ follow the interface language.
    messages.set_language("zh" if lang == CHINESE else "en")


def current_language() -> str:
    """The interface language now shown ("en" or "zh")."""
    return _current_language


# --- dates, times and numbers as the user reads them --------------------------------------


def _messages_lang(lang: str | None) -> Language:
    return "zh" if (lang or _current_language) == CHINESE else "en"


def local_moment(value: str | dt.datetime | None) -> dt.datetime | None:
    """A stored moment (ISO 8601 text or datetime; naive means UTC) in the laptop's time zone."""
    return formats.local(value)


def format_time(
    value: str | dt.datetime | None,
    *,
    with_date: bool = False,
    seconds: bool = False,
    year: bool = True,
    lang: str | None = None,
) -> str:
    """A stored moment as the user reads it: local time zone, the interface language's dates
    (the one formatter of hisconsole.i18n.formats, shared with printouts and the CLI).

    Times are always on the 24-hour clock (02:00, never 2:00 AM: at 3 a.m. in a
    hospital there is no room for doubt). ``with_date`` puts the date in front
    ("2026/11/25 02:00", "25/11/2026 02:00"); ``year=False`` drops the year from it.
    Empty for no value; a text that is not a moment is shown as it is.
    """
    return formats.format_datetime(
        value, _messages_lang(lang), with_date=with_date, year=year, seconds=seconds
    )


def format_date(value: str | dt.date | None, *, lang: str | None = None) -> str:
    """A date (a plan's revision, a drill) in the interface language; other text as it is."""
    return formats.format_date(value, _messages_lang(lang))


def format_number(value: float, *, lang: str | None = None) -> str:
    """A number with the interface language's digit grouping (1,234)."""
    return formats.format_number(value, _messages_lang(lang))


def datetime_edit_format(*, time: bool = True, lang: str | None = None) -> str:
    """The display format of a date(-time) editor, as the tables show dates."""
    language = _messages_lang(lang)
    pattern = formats.datetime_pattern(language) if time else formats.date_pattern(language)
    return formats.qt_pattern(pattern)


def time_zone_text(moment: dt.datetime | None = None) -> str:
    """The laptop's time zone as "UTC+08:00 (CST)": every time on screen is in it."""
    local = (moment or dt.datetime.now(dt.UTC)).astimezone()
    offset = local.strftime("%z") or "+0000"
    name = local.tzname() or ""
    zone = f"UTC{offset[:3]}:{offset[3:]}"
    return f"{zone} ({name})" if name and not name.startswith(("+", "-", "UTC")) else zone


def role_label(role: str) -> str:
    """The operator role as the user reads it, in the interface language."""
    labels = {
        COMMANDER: QCoreApplication.translate("Roles", "Commander"),
        IT_DUTY: QCoreApplication.translate("Roles", "IT duty officer"),
        BUSINESS_LEAD: QCoreApplication.translate("Roles", "Business recovery lead"),
        SCRIBE: QCoreApplication.translate("Roles", "Scribe"),
        PLAN_EDITOR: QCoreApplication.translate("Roles", "Plan editor"),
    }
    return labels.get(role, role)


def criticality_label(criticality: str) -> str:
    """A system's criticality in the plan (critical, high, medium) as the user reads it."""
    labels = {
        "critical": QCoreApplication.translate("Criticality", "Critical"),
        "high": QCoreApplication.translate("Criticality", "High"),
        "medium": QCoreApplication.translate("Criticality", "Medium"),
    }
    return labels.get(criticality, criticality)


def minutes_label(minutes: int) -> str:
    """A duration from the plan, in minutes or whole hours (e.g. "30 min", "8 h")."""
    if minutes >= 60 and minutes % 60 == 0:
        return QCoreApplication.translate("Durations", "{hours} h").format(hours=minutes // 60)
    return QCoreApplication.translate("Durations", "{minutes} min").format(minutes=minutes)


def system_status_label(status: str) -> str:
    """A system's status on the systems board (as HICS 251) as the user reads it."""
    labels = {
        "up": QCoreApplication.translate("SystemStatus", "Fully functional"),
        "degraded": QCoreApplication.translate("SystemStatus", "Partially functional"),
        "down": QCoreApplication.translate("SystemStatus", "Non-functional"),
        "na": QCoreApplication.translate("SystemStatus", "N/A"),
    }
    return labels.get(status, status)


def channel_label(channel: str) -> str:
    """How a report was made or received (phone, SMS, in person, network)."""
    labels = {
        "phone": QCoreApplication.translate("Channels", "Phone"),
        "sms": QCoreApplication.translate("Channels", "SMS"),
        "in-person": QCoreApplication.translate("Channels", "In person"),
        "network": QCoreApplication.translate("Channels", "Network"),
    }
    return labels.get(channel, channel)


def priority_label(priority: str) -> str:
    """A message's priority (as HICS 213)."""
    labels = {
        "urgent": QCoreApplication.translate("Priorities", "Urgent"),
        "medium": QCoreApplication.translate("Priorities", "Medium"),
        "informational": QCoreApplication.translate("Priorities", "Informational"),
    }
    return labels.get(priority, priority)


def call_status_label(status: str) -> str:
    """Where the call-out stands with one person."""
    labels = {
        "not-called": QCoreApplication.translate("CallStatus", "Not yet called"),
        "calling": QCoreApplication.translate("CallStatus", "Calling"),
        "reached": QCoreApplication.translate("CallStatus", "Reached"),
        "coming": QCoreApplication.translate("CallStatus", "Coming"),
        "no-answer": QCoreApplication.translate("CallStatus", "No answer"),
        "left-message": QCoreApplication.translate("CallStatus", "Left message"),
        "declined": QCoreApplication.translate("CallStatus", "Can't come"),
    }
    return labels.get(status, status)


def log_kind_label(kind: str) -> str:
    """The kind of an activity-log entry (as HICS 214)."""
    labels = {
        "note": QCoreApplication.translate("LogKinds", "Note"),
        "action": QCoreApplication.translate("LogKinds", "Action"),
        "decision": QCoreApplication.translate("LogKinds", "Decision"),
        "correction": QCoreApplication.translate("LogKinds", "Correction"),
        "report": QCoreApplication.translate("LogKinds", "Report made"),
        "status": QCoreApplication.translate("LogKinds", "System status"),
        "declared": QCoreApplication.translate("LogKinds", "Declared"),
        "level": QCoreApplication.translate("LogKinds", "Level changed"),
        "resolved": QCoreApplication.translate("LogKinds", "Resolved"),
        "closed": QCoreApplication.translate("LogKinds", "Closed"),
        "cap": QCoreApplication.translate("LogKinds", "CAP message"),
        "overridden": QCoreApplication.translate("LogKinds", "Replaced by sync"),
        "playbook": QCoreApplication.translate("LogKinds", "Playbook chosen"),
        "roster": QCoreApplication.translate("LogKinds", "Command roster"),
        "period": QCoreApplication.translate("LogKinds", "Operational period"),
        "handover": QCoreApplication.translate("LogKinds", "Shift handover"),
    }
    return labels.get(kind, kind)


def cap_message_label(msg_type: str) -> str:
    """A CAP message type (``alert`` or CAP's ``Alert``, …) as the user reads it."""
    labels = {
        "alert": QCoreApplication.translate("CapMessage", "CAP Alert"),
        "update": QCoreApplication.translate("CapMessage", "CAP Update"),
        "cancel": QCoreApplication.translate("CapMessage", "CAP Cancel"),
    }
    return labels.get(msg_type.lower(), msg_type)


def incident_status_label(status: str) -> str:
    labels = {
        "open": QCoreApplication.translate("IncidentStatus", "Open"),
        "resolved": QCoreApplication.translate("IncidentStatus", "Resolved"),
        "closed": QCoreApplication.translate("IncidentStatus", "Closed"),
    }
    return labels.get(status, status)


def clock_kind_label(kind: str) -> str:
    """Which upward report a reporting clock is counting down to."""
    labels = {
        "initial": QCoreApplication.translate("ClockKinds", "Initial report"),
        "level-change": QCoreApplication.translate("ClockKinds", "Report on level change"),
        "followup": QCoreApplication.translate("ClockKinds", "Follow-up report"),
    }
    return labels.get(kind, kind)


def clock_judgement(clock: dict[str, object]) -> str:
    """A settled reporting clock judged by the plan's rule: on time, N min late, missed.

    Empty for a clock still running or one that owed nothing (replaced before it fell due).
    """
    state = clock["state"]
    if state == rules.STATE_ON_TIME:
        return QCoreApplication.translate("ClockJudgement", "made on time")
    if state == rules.STATE_LATE:
        late = rules.late_minutes(float(clock["late_seconds"]))  # type: ignore[arg-type]
        return QCoreApplication.translate("ClockJudgement", "made {minutes} min late").format(
            minutes=late
        )
    if state == rules.STATE_MISSED:
        return QCoreApplication.translate("ClockJudgement", "missed")
    return ""


def intake_status_label(status: str) -> str:
    labels = {
        "open": QCoreApplication.translate("IntakeStatus", "To assess"),
        "declared": QCoreApplication.translate("IntakeStatus", "Incident declared"),
        "attached": QCoreApplication.translate("IntakeStatus", "Attached to incident"),
        "no-incident": QCoreApplication.translate("IntakeStatus", "No incident"),
    }
    return labels.get(status, status)


def phone_type_label(kind: str) -> str:
    labels = {
        "mobile": QCoreApplication.translate("PhoneTypes", "mobile"),
        "office": QCoreApplication.translate("PhoneTypes", "office"),
        "extension": QCoreApplication.translate("PhoneTypes", "extension"),
        "short": QCoreApplication.translate("PhoneTypes", "short number"),
        "home": QCoreApplication.translate("PhoneTypes", "home"),
        "pager": QCoreApplication.translate("PhoneTypes", "pager"),
    }
    return labels.get(kind, kind)


def phones_text(phones: list[dict[str, str]]) -> str:
    """A person's numbers in order of preference: "mobile 139 1000 2001 · office …"."""
    return "  ·  ".join(
        f"{phone_type_label(p.get('type', ''))} {p.get('number', '')}".strip() for p in phones
    )
