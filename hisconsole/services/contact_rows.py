"""The contacts and call trees as stored, read without the contact rules, parsers and
exporters of services/contacts.py (the dashboard's call-outs and readiness read these at
every start; the rest is for editing, importing and exporting)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from hisconsole.services.console import Console
from hisconsole.store.models import CallTree
from hisconsole.store.models import Contact as ContactRow


def list_contacts(console: Console) -> list[dict[str, Any]]:
    """Every person, with ``conflict`` True when two laptops changed them concurrently."""
    with console.db.read() as session:
        rows = session.scalars(select(ContactRow).order_by(ContactRow.key, ContactRow.hlc)).all()
    people: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = people.setdefault(row.key, {"key": row.key, "values": [], "heads": []})
        entry["values"].append(json.loads(row.data))
        entry["heads"].append(row.event_id)
    result = []
    for entry in people.values():
        # Rivals with the same value (both laptops loaded the same list) agree.
        differ = any(v != entry["values"][0] for v in entry["values"][1:])
        result.append(
            {
                "key": entry["key"],
                "data": entry["values"][-1],
                "conflict": differ,
                "rivals": entry["values"] if differ else [],
            }
        )
    return result


def call_trees(console: Console) -> list[dict[str, Any]]:
    with console.db.read() as session:
        latest: dict[str, dict[str, Any]] = {}
        for row in session.scalars(select(CallTree).order_by(CallTree.key, CallTree.hlc)):
            latest[row.key] = json.loads(row.data)
    return list(latest.values())


def contacts_by_key(console: Console) -> dict[str, dict[str, Any]]:
    return {p["key"]: p["data"] for p in list_contacts(console)}
