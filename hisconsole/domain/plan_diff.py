"""What changed between two plan versions, section by section, in readable terms."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from hisconsole.domain.plan import LIST_SECTIONS, SECTIONS


@dataclass(frozen=True)
class FieldChange:
    path: str
    old: Any
    new: Any


@dataclass
class ItemDiff:
    key: str
    change: str  # added / removed / changed
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class SectionDiff:
    section: str
    items: list[ItemDiff] = field(default_factory=list)


def _items(doc: Mapping[str, Any], section: str) -> dict[str, Any]:
    value = doc.get(section)
    if section in LIST_SECTIONS:
        return {item["code"]: item for item in value or []}
    return {section: value} if value is not None else {}


def _walk(old: Any, new: Any, path: str) -> Iterator[FieldChange]:
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for name in list(old) + [n for n in new if n not in old]:
            yield from _walk(old.get(name), new.get(name), f"{path}.{name}" if path else str(name))
    elif isinstance(old, list) and isinstance(new, list):
        for i in range(max(len(old), len(new))):
            yield from _walk(
                old[i] if i < len(old) else None, new[i] if i < len(new) else None, f"{path}[{i}]"
            )
    elif old != new:
        yield FieldChange(path, old, new)


def diff_documents(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[SectionDiff]:
    """Only sections with changes are returned, in plan order."""
    result = []
    for section in SECTIONS:
        before, after = _items(old, section), _items(new, section)
        diff = SectionDiff(section)
        for key in list(before) + [k for k in after if k not in before]:
            if key not in after:
                diff.items.append(ItemDiff(key, "removed"))
            elif key not in before:
                diff.items.append(ItemDiff(key, "added"))
            else:
                changes = list(_walk(before[key], after[key], ""))
                if changes:
                    diff.items.append(ItemDiff(key, "changed", changes))
        if diff.items:
            result.append(diff)
    return result


def describe(diffs: list[SectionDiff]) -> list[str]:
    """The diff as lines of text (English; values shown as they are)."""
    lines = []
    for section in diffs:
        lines.append(f"== {section.section}")
        for item in section.items:
            lines.append(f"  {item.change}: {item.key}")
            for change in item.fields:
                lines.append(f"    {change.path}: {change.old!r} -> {change.new!r}")
    return lines
