"""What changed between two plan versions, in the reader's words."""

from __future__ import annotations

import difflib
import html
import json
import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from hisconsole.domain import plan_diff
from hisconsole.domain.plan import LIST_SECTIONS, text
from hisconsole.ui.partials.bilingual import LANG_NAMES
from hisconsole.ui.partials.plan_names import item_kind, section_title

_INDEX_RE = re.compile(r"^([A-Za-z_]+)\[(\d+)\]$")


def field_label(name: str) -> str:
    """A plan field's name as the reader sees it."""
    labels = {
        "name": QCoreApplication.translate("PlanFields", "Name"),
        "title": QCoreApplication.translate("PlanFields", "Title"),
        "hospital": QCoreApplication.translate("PlanFields", "Hospital"),
        "owner": QCoreApplication.translate("PlanFields", "Owner"),
        "revised": QCoreApplication.translate("PlanFields", "Revised"),
        "purpose": QCoreApplication.translate("PlanFields", "Purpose"),
        "goals": QCoreApplication.translate("PlanFields", "Goal"),
        "scope": QCoreApplication.translate("PlanFields", "Scope"),
        "principles": QCoreApplication.translate("PlanFields", "Principle"),
        "channels": QCoreApplication.translate("PlanFields", "Channel"),
        "steps": QCoreApplication.translate("PlanFields", "Step"),
        "colour": QCoreApplication.translate("PlanFields", "Colour"),
        "colour_hex": QCoreApplication.translate("PlanFields", "Colour code"),
        "colour_name": QCoreApplication.translate("PlanFields", "Colour name"),
        "report_minutes": QCoreApplication.translate("PlanFields", "Report within (minutes)"),
        "followup_minutes": QCoreApplication.translate("PlanFields", "Follow-up every (minutes)"),
        "restart_clock_on_change": QCoreApplication.translate(
            "PlanFields", "Clock restarts on level change"
        ),
        "criteria": QCoreApplication.translate("PlanFields", "Criteria"),
        "response": QCoreApplication.translate("PlanFields", "Response"),
        "lead": QCoreApplication.translate("PlanFields", "Lead"),
        "members": QCoreApplication.translate("PlanFields", "Members"),
        "duties": QCoreApplication.translate("PlanFields", "Duty"),
        "function": QCoreApplication.translate("PlanFields", "Function"),
        "criticality": QCoreApplication.translate("PlanFields", "Criticality"),
        "max_downtime_minutes": QCoreApplication.translate(
            "PlanFields", "Maximum downtime (minutes)"
        ),
        "downtime_procedure": QCoreApplication.translate("PlanFields", "Downtime procedure"),
        "description": QCoreApplication.translate("PlanFields", "Description"),
        "likelihood": QCoreApplication.translate("PlanFields", "Likelihood"),
        "impact": QCoreApplication.translate("PlanFields", "Impact"),
        "mitigations": QCoreApplication.translate("PlanFields", "Mitigation"),
        "risk": QCoreApplication.translate("PlanFields", "Risk"),
        "systems": QCoreApplication.translate("PlanFields", "Systems"),
        "default_level": QCoreApplication.translate("PlanFields", "Default level"),
        "text": QCoreApplication.translate("PlanFields", "Text"),
        "group": QCoreApplication.translate("PlanFields", "Group"),
        "levels": QCoreApplication.translate("PlanFields", "Levels"),
        "category": QCoreApplication.translate("PlanFields", "Category"),
        "quantity": QCoreApplication.translate("PlanFields", "Quantity"),
        "unit": QCoreApplication.translate("PlanFields", "Unit"),
        "location": QCoreApplication.translate("PlanFields", "Location"),
        "owner_group": QCoreApplication.translate("PlanFields", "Kept by"),
        "check_interval_days": QCoreApplication.translate("PlanFields", "Check every (days)"),
        "date": QCoreApplication.translate("PlanFields", "Date"),
        "scenario": QCoreApplication.translate("PlanFields", "Scenario"),
        "kind": QCoreApplication.translate("PlanFields", "Kind"),
        "participants": QCoreApplication.translate("PlanFields", "Participants"),
    }
    return labels.get(name, name)


def _tokens(path: str) -> list[tuple[str, int | None]]:
    out: list[tuple[str, int | None]] = []
    for part in path.split("."):
        match = _INDEX_RE.match(part)
        out.append((match.group(1), int(match.group(2))) if match else (part, None))
    return out


def _value_at(item: Any, tokens: list[tuple[str, int | None]]) -> Any:
    value = item
    for name, index in tokens:
        if not isinstance(value, dict):
            return None
        value = value.get(name)
        if index is not None:
            if not isinstance(value, list) or index >= len(value):
                return None
            value = value[index]
    return value


def readable_path(tokens: list[tuple[str, int | None]]) -> str:
    """``steps[3].text.zh`` as "Step 4 › Text (中文)"."""
    parts: list[str] = []
    for name, index in tokens:
        if name in LANG_NAMES and index is None and parts:
            parts[-1] += f" ({LANG_NAMES[name]})"
            continue
        label = field_label(name)
        parts.append(f"{label} {index + 1}" if index is not None else label)
    return " › ".join(parts)


def _collapse(item_old: Any, item_new: Any, path: str) -> list[tuple[str, int | None]]:
    """The path cut at a list of plain values (levels [I, II]): such lists change as a whole."""
    tokens = _tokens(path)
    for position, (name, index) in enumerate(tokens):
        if index is None:
            continue
        head = [*tokens[:position], (name, None)]
        lists = [_value_at(item, head) for item in (item_old, item_new)]
        if any(isinstance(v, list) and v and not isinstance(v[0], dict) for v in lists):
            return head
    return tokens


class DiffFormatter:
    """Turns a plan diff into readable lines: sections, items (added/removed/changed), fields."""

    def __init__(self, old_doc: dict[str, Any], new_doc: dict[str, Any], lang: str) -> None:
        self.old_doc, self.new_doc, self.lang = old_doc, new_doc, lang
        self.groups = {
            g["code"]: g["name"] for g in new_doc.get("groups", []) + old_doc.get("groups", [])
        }

    def _item(self, doc: dict[str, Any], section: str, key: str) -> Any:
        if section in LIST_SECTIONS:
            return next((i for i in doc.get(section, []) if i.get("code") == key), None)
        return doc.get(section)

    def item_title(self, section: str, key: str) -> str:
        if section not in LIST_SECTIONS:
            return section_title(section)
        item = self._item(self.new_doc, section, key) or self._item(self.old_doc, section, key)
        name = text((item or {}).get("name"), self.lang)
        kind = item_kind(section)
        if section == "levels":
            return f"{kind} {key} — {name}" if name else f"{kind} {key}"
        return f"{kind}: {name} ({key})" if name else f"{kind}: {key}"

    def value(self, value: Any) -> str:
        if value is None:
            return "—"
        if isinstance(value, bool):
            return (
                QCoreApplication.translate("PlanFields", "yes")
                if value
                else QCoreApplication.translate("PlanFields", "no")
            )
        if isinstance(value, dict):
            if set(value) <= {"zh", "en"}:
                return text(value, self.lang)
            if "text" in value and "group" in value:
                group = text(self.groups.get(value["group"]), self.lang) or value["group"]
                levels = ", ".join(value.get("levels", []))
                return f"[{group} · {levels}] {text(value['text'], self.lang)}"
            return ", ".join(f"{k}={self.value(v)}" for k, v in value.items())
        if isinstance(value, list):
            return ", ".join(self.value(v) for v in value) if value else "—"
        return str(value)

    def lines(self, diffs: list[plan_diff.SectionDiff]) -> list[tuple[str, str]]:
        """(kind, text) lines: kind is section, added, removed, changed or field."""
        out: list[tuple[str, str]] = []
        for section in diffs:
            out.append(("section", section_title(section.section)))
            for item in section.items:
                title = self.item_title(section.section, item.key)
                if item.change == "added":
                    out.append(
                        (
                            "added",
                            QCoreApplication.translate("PlanDiff", "Added: {item}").format(
                                item=title
                            ),
                        )
                    )
                elif item.change == "removed":
                    out.append(
                        (
                            "removed",
                            QCoreApplication.translate("PlanDiff", "Removed: {item}").format(
                                item=title
                            ),
                        )
                    )
                else:
                    out.append(
                        (
                            "changed",
                            QCoreApplication.translate("PlanDiff", "Changed: {item}").format(
                                item=title
                            ),
                        )
                    )
                old_item = self._item(self.old_doc, section.section, item.key)
                new_item = self._item(self.new_doc, section.section, item.key)
                seen: list[str] = []
                for change in item.fields:
                    name = _tokens(change.path)[0][0]
                    lists = [_value_at(i, [(name, None)]) for i in (old_item, new_item)]
                    if all(isinstance(v, list) for v in lists) and any(
                        isinstance(e, dict) for v in lists for e in v
                    ):
                        # Steps, duties …: said as moved, added, removed or changed, not
                        # field by field at each position.
                        if name not in seen:
                            seen.append(name)
                            out.extend(("field", line) for line in self.list_lines(name, *lists))
                        continue
                    tokens = _collapse(old_item, new_item, change.path)
                    ident = repr(tokens)
                    if ident in seen:
                        continue
                    seen.append(ident)
                    old = _value_at(old_item, tokens)
                    new = _value_at(new_item, tokens)
                    out.append(
                        (
                            "field",
                            f"{readable_path(tokens)}: {self.value(old)} → {self.value(new)}",
                        )
                    )
        return out

    def list_lines(self, name: str, old: list[Any], new: list[Any]) -> list[str]:
        """A list of items (playbook steps …) compared as a sequence: moves, adds, removals."""
        label = field_label(name)
        old_keys = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in old]
        new_keys = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in new]
        changed: list[tuple[int, int]] = []
        removed: list[int] = []
        added: list[int] = []
        matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace" and i2 - i1 == j2 - j1:
                changed.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            elif tag != "equal":
                removed.extend(range(i1, i2))
                added.extend(range(j1, j2))
        moved: list[tuple[int, int]] = []
        for i in list(removed):
            j = next((j for j in added if new_keys[j] == old_keys[i]), None)
            if j is not None:
                moved.append((i, j))
                removed.remove(i)
                added.remove(j)
        lines: list[tuple[int, str]] = []
        for i, j in changed:
            lines.append(
                (
                    j,
                    QCoreApplication.translate(
                        "PlanDiff", "{field} {number}: {old} → {new}"
                    ).format(
                        field=label, number=j + 1, old=self.value(old[i]), new=self.value(new[j])
                    ),
                )
            )
        for i, j in moved:
            lines.append(
                (
                    j,
                    QCoreApplication.translate(
                        "PlanDiff", "{field} {old} moved to {new}: {value}"
                    ).format(field=label, old=i + 1, new=j + 1, value=self.value(new[j])),
                )
            )
        for j in added:
            lines.append(
                (
                    j,
                    QCoreApplication.translate(
                        "PlanDiff", "{field} {number} added: {value}"
                    ).format(field=label, number=j + 1, value=self.value(new[j])),
                )
            )
        for i in removed:
            lines.append(
                (
                    i,
                    QCoreApplication.translate(
                        "PlanDiff", "{field} {number} removed: {value}"
                    ).format(field=label, number=i + 1, value=self.value(old[i])),
                )
            )
        return [line for _position, line in sorted(lines, key=lambda entry: entry[0])]


def diff_html(lines: list[tuple[str, str]]) -> str:
    colours = {"added": "#1B5E20", "removed": "#B3261E", "changed": "#8D5B00"}
    parts = []
    for kind, line in lines:
        body = html.escape(line)
        if kind == "section":
            parts.append(f"<h3 style='margin-top:14px'>{body}</h3>")
        elif kind == "field":
            parts.append(f"<p style='margin-left:24px; margin-top:2px'>{body}</p>")
        else:
            parts.append(f"<p style='color:{colours[kind]}; margin-top:8px'><b>{body}</b></p>")
    return "".join(parts)
