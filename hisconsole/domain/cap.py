"""OASIS CAP 1.2 alerts for an incident (Common Alerting Protocol), in Chinese and English.

Warning level → severity/urgency; an exercise is ``status=Exercise``. Every
message written is recorded (:class:`CapMessage`), so an ``Update`` or
``Cancel`` references the messages that really went out for the incident, from
whichever laptop: the first message is an ``Alert``, later ones ``Update``, and
a resolved incident gives ``Cancel``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

NS = "urn:oasis:names:tc:emergency:cap:1.2"
SEVERITY = {"I": "Extreme", "II": "Severe", "III": "Moderate", "IV": "Minor"}
URGENCY = {"I": "Immediate", "II": "Immediate", "III": "Expected", "IV": "Expected"}
STATUS_WORDS = {
    "zh": {"up": "正常", "degraded": "部分可用", "down": "中断", "na": "不适用"},
    "en": {
        "up": "fully functional",
        "degraded": "partially functional",
        "down": "non-functional",
        "na": "n.a.",
    },
}


def cap_time(value: str | dt.datetime) -> str:
    """CAP's date-time form: seconds precision with an explicit offset."""
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.replace(microsecond=0).isoformat()


#: CAP message types, as the command line spells them and as CAP does.
MSG_TYPES = {"alert": "Alert", "update": "Update", "cancel": "Cancel"}


@dataclass(frozen=True)
class CapMessage:
    """A CAP message that was written: what later messages reference."""

    sender: str
    identifier: str
    sent: str  # CAP date-time, as in the message
    msg_type: str
    #: The ``reference`` of every earlier message this one updates or cancels.
    references: tuple[str, ...] = ()

    @property
    def reference(self) -> str:
        """The ``sender,identifier,sent`` triple of CAP's <references>."""
        return f"{self.sender},{self.identifier},{self.sent}"


class NothingToReference(ValueError):
    """An Update or Cancel was asked for, but no message went out for the incident."""


def msg_type(
    incident: Mapping[str, Any], issued: Sequence[CapMessage], requested: str | None
) -> str:
    """The message type to write: the one ``requested``, else as the incident stands.

    An Update or Cancel must reference a message that went out, so with nothing
    issued yet only an Alert can be written.
    """
    if requested is not None:
        kind = MSG_TYPES[requested]
    elif incident["status"] in ("resolved", "closed"):
        kind = "Cancel"
    else:
        kind = "Update" if issued else "Alert"
    if kind != "Alert" and not issued:
        raise NothingToReference(kind)
    return kind


def identifier(incident_id: str, kind: str, sent: dt.datetime, taken: set[str]) -> str:
    """A new message identifier, unique for this sender (``taken`` are its earlier ones)."""
    base = f"{incident_id}-{kind.upper()}-{sent.strftime('%Y%m%dT%H%M%S')}"
    candidate, number = base, 1
    while candidate in taken:  # two messages within one second
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def build_alert(
    incident: Mapping[str, Any],
    *,
    message: CapMessage,
    levels: Mapping[str, Mapping[str, Any]],
    sender_name: Mapping[str, str],
    area: Mapping[str, str],
) -> bytes:
    """The CAP 1.2 XML document (UTF-8 bytes) of ``message`` for the incident as it stands."""
    # Imported here: the event schemas read this module's message types at every start.
    import xml.etree.ElementTree as ET

    ET.register_namespace("", NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
        element = ET.SubElement(parent, f"{{{NS}}}{tag}")
        if text is not None:
            element.text = text
        return element

    kind = message.msg_type
    closed = incident["status"] in ("resolved", "closed")
    alert = ET.Element(f"{{{NS}}}alert")
    sub(alert, "identifier", message.identifier)
    sub(alert, "sender", message.sender)
    sub(alert, "sent", message.sent)
    sub(alert, "status", "Exercise" if incident["exercise"] else "Actual")
    sub(alert, "msgType", kind)
    sub(alert, "source", "HIS Console")
    sub(alert, "scope", "Restricted")
    sub(alert, "restriction", "Hospital emergency command and supervising authority only")
    if message.references:
        sub(alert, "references", " ".join(message.references))
    sub(alert, "incidents", incident["id"])
    level = incident["level"]
    level_info = levels[level]
    for lang, cap_lang in (("zh", "zh-CN"), ("en", "en-US")):
        info = sub(alert, "info")
        sub(info, "language", cap_lang)
        sub(info, "category", "Infra")
        sub(info, "category", "Health")
        event = "医院信息系统故障" if lang == "zh" else "Hospital information system outage"
        sub(info, "event", event)
        if kind == "Cancel" and closed:  # a cancelled open incident was an error, not over
            sub(info, "responseType", "AllClear")
        sub(info, "urgency", "Past" if kind == "Cancel" else URGENCY[level])
        sub(info, "severity", SEVERITY[level])
        sub(info, "certainty", "Observed")
        sub(info, "effective", cap_time(incident["reported_at"]))
        sub(info, "senderName", sender_name[lang])
        name = level_info["name"][lang]
        colour = level_info["colour_name"][lang]
        if lang == "zh":
            headline = f"{level}级（{name}，{colour}）预警：{incident['title']}"
        else:
            headline = f"Level {level} ({name}, {colour}) warning: {incident['title']}"
        if incident["exercise"]:
            headline = ("【演练】" if lang == "zh" else "[EXERCISE] ") + headline
        sub(info, "headline", headline[:160])
        lines = []
        for system in incident.get("systems", []):
            status = STATUS_WORDS[lang].get(system["status"], system["status"])
            system_name = system["name"].get(lang, system["code"]) if system["name"] else ""
            lines.append(f"{system['code']} {system_name}: {status}")
        description = "\n".join(lines) or incident["title"]
        sub(info, "description", description)
        sub(info, "instruction", level_info["response"][lang])
        parameter = sub(info, "parameter")
        sub(parameter, "valueName", "warningLevel")
        sub(parameter, "value", level)
        area_element = sub(info, "area")
        sub(area_element, "areaDesc", area[lang])
    return bytes(ET.tostring(alert, encoding="utf-8", xml_declaration=True))
