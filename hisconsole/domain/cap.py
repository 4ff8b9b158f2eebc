"""OASIS CAP 1.2 alerts for an incident (Common Alerting Protocol), in Chinese and English.

Warning level → severity/urgency; an exercise is ``status=Exercise``; the first
alert is ``Alert``, later ones ``Update`` (referencing the first), and a
resolved incident gives ``Cancel``.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

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


def msg_type(incident: Mapping[str, Any]) -> str:
    if incident["status"] in ("resolved", "closed"):
        return "Cancel"
    return "Update" if len(incident.get("level_history", [])) > 1 else "Alert"


def build_alert(
    incident: Mapping[str, Any],
    *,
    levels: Mapping[str, Mapping[str, Any]],
    sender: str,
    sender_name: Mapping[str, str],
    area: Mapping[str, str],
    sent: dt.datetime,
) -> bytes:
    """The CAP 1.2 XML document (UTF-8 bytes) for the incident as it stands."""
    ET.register_namespace("", NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
        element = ET.SubElement(parent, f"{{{NS}}}{tag}")
        if text is not None:
            element.text = text
        return element

    kind = msg_type(incident)
    first_sent = cap_time(incident["declared_at"])
    identifier = f"{incident['id']}-{kind.upper()}-{sent.strftime('%Y%m%dT%H%M%S')}"
    alert = ET.Element(f"{{{NS}}}alert")
    sub(alert, "identifier", identifier)
    sub(alert, "sender", sender)
    sub(alert, "sent", cap_time(sent))
    sub(alert, "status", "Exercise" if incident["exercise"] else "Actual")
    sub(alert, "msgType", kind)
    sub(alert, "source", "HIS Console")
    sub(alert, "scope", "Restricted")
    sub(alert, "restriction", "Hospital emergency command and supervising authority only")
    if kind != "Alert":
        sub(alert, "references", f"{sender},{incident['id']}-ALERT,{first_sent}")
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
        if kind == "Cancel":
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
