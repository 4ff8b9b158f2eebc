"""Call trees edited from the command line and built from imported data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select

from hisconsole.domain import calltrees as rules
from hisconsole.domain.contacts import GROUPS, ImportPreview, has_cjk
from hisconsole.errors import N_
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.contacts import (
    AREA,
    apply_import,
    call_trees,
    contacts_by_key,
    missing_tree,
    save_call_tree,
)
from hisconsole.services.errors import CallTreeUnknown
from hisconsole.store.models import CallTree

#: ``levels`` with one wave's need set (for editors that change a tree before saving it).
set_level = rules.set_level

#: Contact fields a tree can be built from (one cascade per value).
TREE_FIELDS = ("department", "position", "organisation", "group")


def list_trees(console: Console) -> list[dict[str, Any]]:
    """Every call tree: code, names, wait, and how many people it calls."""
    return [
        {
            "code": tree["code"],
            "name": tree.get("name", {}),
            "wait_minutes": tree.get("wait_minutes", 5),
            "people": len(set(rules.people(tree.get("nodes", [])))),
            "levels": tree.get("levels", []),
        }
        for tree in sorted(call_trees(console), key=lambda t: t["code"])
    ]


def _tree(console: Console, code: str) -> dict[str, Any]:
    trees = call_trees(console)
    for tree in trees:
        if tree["code"] == code:
            return tree
    if trees:
        raise CallTreeUnknown(tree=code, known=", ".join(t["code"] for t in trees))
    raise ServiceError(missing_tree(console))


def members(console: Console, code: str) -> list[str]:
    """The contact keys a call tree calls, in calling order, each once."""
    return list(dict.fromkeys(rules.people(_tree(console, code).get("nodes", []))))


def resolve_person(console: Console, text: str) -> str:
    """The contact key ``text`` names: a key, or a name (Chinese or English) held by one
    person only."""
    people = contacts_by_key(console)
    text = text.strip()
    if text in people:
        return text
    folded = text.casefold().replace(" ", "")
    found = [
        key
        for key, data in people.items()
        if any(
            str(v).casefold().replace(" ", "") == folded for v in (data.get("name") or {}).values()
        )
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise ServiceError(
            N_("{text!r} names {count} people: use the key ({found})."),
            text=text,
            count=len(found),
            found=", ".join(found),
        )
    raise ServiceError(N_("No contact {text!r} (a key or a name on the contact list)."), text=text)


def _name_of(text: str) -> dict[str, str]:
    text = text.strip()
    if not text:
        raise ServiceError(N_("A call tree needs a name (--name)."))
    return {"zh": text} if has_cjk(text) else {"en": text}


def create(
    console: Console,
    code: str,
    name: str,
    *,
    from_group: str | None = None,
    wait_minutes: int = 5,
) -> ChangeSet:
    """A new call tree; with ``from_group``, that group's lead calls the rest of it."""
    code = code.strip()
    if any(t["code"] == code for t in call_trees(console)):
        raise ServiceError(
            N_("There is already a call tree {code!r}: add people to it instead."), code=code
        )
    nodes: list[dict[str, Any]] = []
    if from_group is not None:
        people = contacts_by_key(console)
        keys = [k for k, data in people.items() if data.get("group") == from_group]
        if not keys:
            present = sorted({str(d.get("group")) for d in people.values()})
            raise ServiceError(
                N_(
                    "Nobody is in group {from_group!r}; groups in use: {in_use} (groups: {groups})."
                ),
                from_group=from_group,
                in_use=", ".join(present) or "none",
                groups=", ".join(GROUPS),
            )
        nodes = rules.from_people(keys, people)
    tree = {"code": code, "name": _name_of(name), "wait_minutes": wait_minutes, "nodes": nodes}
    return save_call_tree(console, tree)


def add(
    console: Console,
    code: str,
    person: str,
    *,
    after: str | None = None,
    alternate: str | None = None,
) -> ChangeSet:
    """``person`` added to tree ``code``: called by ``after`` (else at the top), with an
    alternate (B 角)."""
    tree = dict(_tree(console, code))
    key = resolve_person(console, person)
    try:
        tree["nodes"] = rules.add(
            tree.get("nodes", []),
            key,
            after=resolve_person(console, after) if after else None,
            alternate=resolve_person(console, alternate) if alternate else None,
        )
    except rules.TreeError as exc:
        raise ServiceError(str(exc)) from exc
    return save_call_tree(console, tree)


def remove(console: Console, code: str, person: str | None = None) -> ChangeSet:
    """``person`` taken out of tree ``code`` (whom they called move up), or without a
    person the whole tree removed."""
    tree = dict(_tree(console, code))
    if person is None:
        with console.transaction() as tx:
            heads = list(tx.session.scalars(select(CallTree.event_id).where(CallTree.key == code)))
            tx.emit("calltree.removed", f"calltree:{code}", {"key": code}, parents=heads)
        return ChangeSet({AREA}, 1)
    try:
        tree["nodes"] = rules.remove(tree.get("nodes", []), resolve_person(console, person))
    except rules.TreeError as exc:
        raise ServiceError(str(exc)) from exc
    return save_call_tree(console, tree)


def set_wave(
    console: Console, code: str, wave: int, *, need: int | None, within_minutes: int | None
) -> ChangeSet:
    """Wave ``wave`` (level 1 = the top of the tree) needs ``need`` people reached within
    ``within_minutes``, else the next wave starts; ``need`` None: a plain cascade."""
    if wave < 1:
        raise ServiceError(N_("Waves are counted from 1 (the top of the tree)."))
    if need is not None and within_minutes is None:
        raise ServiceError(N_("Say within how many minutes (--within M)."))
    tree = dict(_tree(console, code))
    tree["levels"] = rules.set_level(tree.get("levels", []), wave, need, within_minutes)
    return save_call_tree(console, tree)


def value_of(field: str, lang: str = "zh") -> Any:
    """How to read ``field`` of a contact's data for building a tree."""
    if field not in TREE_FIELDS:
        raise ServiceError(
            N_("A tree is built from {tree_fields}, not {field!r}."),
            tree_fields=", ".join(TREE_FIELDS),
            field=field,
        )

    def read(data: Mapping[str, Any]) -> str:
        value = data.get(field)
        if isinstance(value, Mapping):
            return str(value.get(lang) or value.get("en") or value.get("zh") or "")
        return str(value or "")

    return read


def plan_from_data(
    keys: Sequence[str], people: Mapping[str, Mapping[str, Any]], field: str
) -> list[dict[str, Any]]:
    """The nodes of a tree over ``keys``: one cascade per value of ``field`` (its lead first)."""
    return rules.by_value(keys, people, value_of(field))


def import_with_tree(
    console: Console, preview: ImportPreview, *, code: str, name: str, field: str
) -> ChangeSet:
    """Apply a previewed import, then build call tree ``code`` over everyone in the file
    (added, changed or already on the list), one cascade per ``field`` value."""
    value_of(field)  # refuse an unknown field before anything is written
    written = apply_import(console, preview)
    keys = [a.key for a in preview.actions if a.key]
    build_from_import(console, code, name, keys, field)
    return ChangeSet({AREA}, written.events + 1)


def build_from_import(
    console: Console, code: str, name: str, keys: Sequence[str], field: str
) -> ChangeSet:
    """After an import: tree ``code`` with one cascade per department (or other field)
    over the imported people; an existing tree of that code is replaced."""
    people = contacts_by_key(console)
    nodes = plan_from_data(keys, people, field)
    if not nodes:
        raise ServiceError(
            N_("None of the imported people has a {field}: no call tree was made."), field=field
        )
    existing = next((t for t in call_trees(console) if t["code"] == code), None)
    tree = {
        "code": code,
        "name": existing["name"] if existing and not name else _name_of(name or code),
        "wait_minutes": existing.get("wait_minutes", 5) if existing else 5,
        "nodes": nodes,
    }
    return save_call_tree(console, tree)
