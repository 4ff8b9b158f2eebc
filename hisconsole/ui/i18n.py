"""Interface language: Qt translators, the chosen language, and labels for domain codes."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from hisconsole.domain.roles import BUSINESS_LEAD, COMMANDER, IT_DUTY, PLAN_EDITOR, SCRIBE
from hisconsole.resources import ResourcesMissing, resource_path

ENGLISH = "en"
CHINESE = "zh"
LANGUAGES = (ENGLISH, CHINESE)

# Each language's own name: shown the same in every interface language, so that
# someone who cannot read the current language still finds their own.
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "中文"}

# Qt's locale name for each language (file suffix of the .qm catalogues).
_QT_LOCALES = {CHINESE: "zh_CN"}


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
        "no-answer": QCoreApplication.translate("CallStatus", "No answer"),
        "left-message": QCoreApplication.translate("CallStatus", "Left message"),
        "declined": QCoreApplication.translate("CallStatus", "Declined"),
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
    }
    return labels.get(kind, kind)


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
        "home": QCoreApplication.translate("PhoneTypes", "home"),
        "pager": QCoreApplication.translate("PhoneTypes", "pager"),
    }
    return labels.get(kind, kind)


def phones_text(phones: list[dict[str, str]]) -> str:
    """A person's numbers in order of preference: "mobile 139 1000 2001 · office …"."""
    return "  ·  ".join(
        f"{phone_type_label(p.get('type', ''))} {p.get('number', '')}".strip() for p in phones
    )
