"""Call trees (呼叫顺序): who calls whom, edited as data.

A tree is ``{code, name: {zh, en}, wait_minutes, nodes}``; each node is
``{contact, alternate?, children?, need?, within_minutes?}``: the person, their
alternate (替补人员/B 角), and the people they call once reached. ``need`` and
``within_minutes`` on a node make its children a *wave* that needs that many
people reached within that many minutes (see :mod:`hisconsole.domain.callout`).

The functions here never change their input: they return new nodes, or raise
:class:`TreeError` with a message that says what exists instead.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

Node = dict[str, Any]

#: Plan roles that lead a group: a tree built from a group starts with them.
LEAD_ROLES = ("commander", "deputy-commander", "tech-lead", "business-lead", "liaison")
# Words in a position that mark the head of a department (主任, 科长, 护士长, Head…).
_HEAD_WORDS = (
    "院长",
    "主任",
    "科长",
    "部长",
    "组长",
    "护士长",
    "head",
    "director",
    "chief",
    "lead",
)


class TreeError(ValueError):
    """An edit that cannot be made; the message names what exists."""


def people(nodes: Sequence[Mapping[str, Any]]) -> list[str]:
    """Every person in the tree (callers and alternates), in tree order."""
    out: list[str] = []
    for node in nodes:
        out.append(node["contact"])
        if node.get("alternate"):
            out.append(node["alternate"])
        out.extend(people(node.get("children", [])))
    return out


def _find(nodes: list[Node], person: str) -> tuple[list[Node], int] | None:
    for index, node in enumerate(nodes):
        if node["contact"] == person:
            return nodes, index
        found = _find(node.setdefault("children", []), person)
        if found is not None:
            return found
    return None


def _tidy(nodes: list[Node]) -> list[Node]:
    for node in nodes:
        if "children" in node:
            if node["children"]:
                _tidy(node["children"])
            else:
                del node["children"]
    return nodes


def add(
    nodes: Sequence[Mapping[str, Any]],
    person: str,
    *,
    after: str | None = None,
    alternate: str | None = None,
) -> list[Node]:
    """``person`` added: called by ``after`` once ``after`` is reached (else at the top),
    with ``alternate`` as their B 角. A person already in the tree only gets the
    alternate set."""
    tree: list[Node] = copy.deepcopy(list(nodes))  # type: ignore[arg-type]
    if alternate == person:
        raise TreeError("A person cannot be their own alternate.")
    found = _find(tree, person)
    if found is not None:
        if alternate is None:
            raise TreeError(f"{person} is already in the call tree.")
        siblings, index = found
        siblings[index]["alternate"] = alternate
        return _tidy(tree)
    node: Node = {"contact": person}
    if alternate:
        node["alternate"] = alternate
    if after is None:
        tree.append(node)
        return _tidy(tree)
    parent = _find(tree, after)
    if parent is None:
        raise TreeError(f"{after} is not in the call tree (its callers: {_names(tree)}).")
    siblings, index = parent
    siblings[index].setdefault("children", []).append(node)
    return _tidy(tree)


def remove(nodes: Sequence[Mapping[str, Any]], person: str) -> list[Node]:
    """``person`` taken out: whom they called move up to their place (nobody drops out of
    the tree); as someone's alternate they are removed too."""
    tree: list[Node] = copy.deepcopy(list(nodes))  # type: ignore[arg-type]
    was_alternate = _clear_alternate(tree, person)
    found = _find(tree, person)
    if found is None:
        if was_alternate:
            return _tidy(tree)
        raise TreeError(f"{person} is not in the call tree (its callers: {_names(tree)}).")
    siblings, index = found
    node = siblings.pop(index)
    siblings[index:index] = node.get("children", [])
    return _tidy(tree)


def _clear_alternate(nodes: list[Node], person: str) -> bool:
    cleared = False
    for node in nodes:
        if node.get("alternate") == person:
            del node["alternate"]
            cleared = True
        cleared = _clear_alternate(node.get("children", []), person) or cleared
    return cleared


def _names(nodes: list[Node]) -> str:
    found = [n["contact"] for n in nodes]
    return ", ".join(found) or "none"


def _is_lead(person: Mapping[str, Any]) -> bool:
    if person.get("plan_role") in LEAD_ROLES:
        return True
    position = " ".join((person.get("position") or {}).values()).casefold()
    return any(word in position for word in _HEAD_WORDS)


def from_people(keys: Sequence[str], contacts: Mapping[str, Mapping[str, Any]]) -> list[Node]:
    """A cascade for one set of people: their lead (plan role or head's position, else the
    first) calls the others, in the order given."""
    if not keys:
        return []
    lead = next((k for k in keys if _is_lead(contacts.get(k, {}))), keys[0])
    others = [{"contact": k} for k in keys if k != lead]
    node: Node = {"contact": lead}
    if others:
        node["children"] = others
    return [node]


def by_value(
    keys: Iterable[str],
    contacts: Mapping[str, Mapping[str, Any]],
    value_of: Callable[[Mapping[str, Any]], str],
) -> list[Node]:
    """One cascade per value of a column (department, position, group…), in the order the
    values first appear; people without a value are left out."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        value = value_of(contacts.get(key, {})).strip()
        if value:
            groups.setdefault(value, []).append(key)
    nodes: list[Node] = []
    for members in groups.values():
        nodes.extend(from_people(members, contacts))
    return nodes


def levels_problem(levels: Any, nodes: Sequence[Mapping[str, Any]]) -> str | None:
    """What is wrong with a tree's ``levels`` (need N within M minutes per wave), or None."""
    if not isinstance(levels, list):
        return "levels must be a list, one entry per wave."
    sizes: dict[int, int] = {}

    def walk(items: Sequence[Mapping[str, Any]], depth: int) -> None:
        for node in items:
            sizes[depth] = sizes.get(depth, 0) + 1
            walk(node.get("children", []), depth + 1)

    walk(nodes, 0)
    for depth, level in enumerate(levels):
        if not level:
            continue
        if not isinstance(level, Mapping):
            return f"wave {depth + 1}: give need and within_minutes."
        need, within = level.get("need"), level.get("within_minutes")
        if not isinstance(need, int) or not isinstance(within, int):
            return f"wave {depth + 1}: need and within_minutes must be whole numbers."
        if not 1 <= need <= sizes.get(depth, 0):
            return f"wave {depth + 1} calls {sizes.get(depth, 0)} people: it cannot need {need}."
        if not 1 <= within <= 240:
            return f"wave {depth + 1}: within 1 to 240 minutes, not {within}."
    return None


def set_level(
    levels: Sequence[Mapping[str, Any]], wave: int, need: int | None, within: int | None
) -> list[dict[str, Any]]:
    """``levels`` with wave ``wave`` (1 = the top level) needing ``need`` people within
    ``within`` minutes, or with no need when ``need`` is None."""
    out = [dict(level) for level in levels]
    while len(out) < wave:
        out.append({})
    out[wave - 1] = {} if need is None else {"need": need, "within_minutes": within}
    while out and not out[-1]:
        out.pop()
    return out
