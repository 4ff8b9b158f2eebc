"""Setting up a laptop: create or upgrade the database, load the bundled plan and demo data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import func, select

from hisconsole.resources import resource_path
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console
from hisconsole.store.models import CallTree, Contact, PlanVersion


@dataclass
class InitResult:
    data_dir: Path
    plan_version: int | None
    plan_loaded: bool
    contacts_added: int
    call_trees_added: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "data_dir": str(self.data_dir),
            "plan_version": self.plan_version,
            "plan_loaded": self.plan_loaded,
            "contacts_added": self.contacts_added,
            "call_trees_added": self.call_trees_added,
        }


def open_or_initialise(data_dir: Path, *, demo: bool = False) -> tuple[Console, InitResult]:
    """Open the console in ``data_dir``, creating it with the bundled plan if needed.

    Safe to run again: an existing plan, contacts or call trees are left alone.
    """
    console = Console.open(data_dir, create=True)
    try:
        loaded = False
        with console.db.read() as session:
            has_plan = bool(session.scalar(select(func.count()).select_from(PlanVersion)))
        if not has_plan:
            doc = plan_service.read_document(plan_service.default_plan_path())
            plan_service.import_document(console, doc, note="Bundled default plan")
            loaded = True
        contacts = trees = 0
        if demo:
            contacts, trees = load_demo_contacts(console)
        versions = plan_service.versions(console)
        result = InitResult(
            data_dir=data_dir,
            plan_version=versions[-1]["version"] if versions else None,
            plan_loaded=loaded,
            contacts_added=contacts,
            call_trees_added=trees,
        )
        return console, result
    except BaseException:
        console.close()
        raise


def load_demo_contacts(console: Console) -> tuple[int, int]:
    """Add the sample contact list and call trees (only those not already present)."""
    doc = yaml.safe_load(resource_path("demo", "contacts.yaml").read_text("utf-8"))
    with console.transaction() as tx:
        have_contacts = set(tx.session.scalars(select(Contact.key)))
        have_trees = set(tx.session.scalars(select(CallTree.key)))
        added = trees = 0
        for person in doc["contacts"]:
            key = person["key"]
            if key in have_contacts:
                continue
            data = {k: v for k, v in person.items() if k != "key"}
            tx.emit("contact.set", f"contact:{key}", {"key": key, "data": data})
            added += 1
        for tree in doc.get("call_trees", []):
            key = tree["code"]
            if key in have_trees:
                continue
            tx.emit("calltree.set", f"calltree:{key}", {"key": key, "data": tree})
            trees += 1
    return added, trees
