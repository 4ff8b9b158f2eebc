"""Setting up a laptop: create or upgrade the database, load the bundled plan and demo data."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from hisconsole.domain.glossary import ROLES
from hisconsole.errors import N_
from hisconsole.resources import resource_path
from hisconsole.services import plan as plan_service
from hisconsole.services.console import Console, ServiceError
from hisconsole.services.paths import is_initialised
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


#: Called before each step of setting up: (step, steps done, steps in all). The steps:
#: "plan-check" (reading the plan file), "database" (creating or upgrading it), "plan"
#: (loading the plan), "demo" (the sample contacts), "contacts" and "bundle" (importing).
Progress = Callable[[str, int, int], None]


def _steps(progress: Progress | None, steps: list[str]) -> Callable[[str], None]:
    """A hook that reports each named step of ``steps`` in turn (or nothing, without one)."""

    def step(name: str) -> None:
        if progress is not None:
            progress(name, steps.index(name), len(steps))

    return step


def with_hospital(doc: dict[str, Any], hospital: dict[str, str] | None) -> dict[str, Any]:
    """A copy of the plan ``doc`` naming ``hospital`` ({"zh": …, "en": …}) in its meta.

    Blank names are ignored; a name given in one language only is used for both.
    """
    names = {lang: " ".join(str(name).split()) for lang, name in (hospital or {}).items()}
    zh, en = names.get("zh", ""), names.get("en", "")
    if not (zh or en):
        return doc
    result = copy.deepcopy(doc)
    result.setdefault("meta", {})["hospital"] = {"zh": zh or en, "en": en or zh}
    return result


def starting_plan(
    plan_file: Path | None = None, hospital: dict[str, str] | None = None
) -> tuple[dict[str, Any], str]:
    """The plan a new console starts with, checked, and the note its version carries.

    The hospital's own plan file, else the bundled default plan; with the
    hospital's name set when one is given. Raises PlanInvalid (every problem
    listed) before anything is created.
    """
    if plan_file is not None:
        doc, note = plan_service.read_document(plan_file), f"Imported from {plan_file.name}"
    else:
        doc = plan_service.read_document(plan_service.default_plan_path())
        note = "Bundled default plan"
    return with_hospital(doc, hospital), note


def open_or_initialise(
    data_dir: Path,
    *,
    demo: bool = False,
    hospital: dict[str, str] | None = None,
    progress: Progress | None = None,
) -> tuple[Console, InitResult]:
    """Open the console in ``data_dir``, creating it with the bundled plan if needed.

    Safe to run again: an existing plan, contacts or call trees are left alone.
    ``hospital`` ({"zh": …, "en": …}) names the hospital in the bundled plan
    when it is loaded (printouts carry it).
    """
    step = _steps(progress, ["plan-check", "database", "plan", *(["demo"] if demo else [])])
    step("plan-check")

    def bundled() -> tuple[dict[str, Any], str]:
        return starting_plan(None, hospital)

    # A new console checks the bundled plan before anything is created; an
    # existing one almost always has a plan, so it is parsed only if not (the
    # parse is most of a start's non-GUI work).
    starting: tuple[dict[str, Any], str] | Callable[[], tuple[dict[str, Any], str]]
    starting = bundled() if not is_initialised(data_dir) else bundled
    step("database")
    console = Console.open(data_dir, create=True)
    try:
        return console, _initialise(console, data_dir, starting, demo=demo, step=step)
    except BaseException:
        console.close()
        raise


def _initialise(
    console: Console,
    data_dir: Path,
    starting: tuple[dict[str, Any], str] | Callable[[], tuple[dict[str, Any], str]],
    *,
    demo: bool,
    step: Callable[[str], None],
) -> InitResult:
    """Load the starting plan (document, note; or a function giving them) when there is none,
    and the demo contacts if asked."""
    loaded = False
    with console.db.read() as session:
        has_plan = bool(session.scalar(select(func.count()).select_from(PlanVersion)))
    step("plan")
    if not has_plan:
        doc, note = starting() if callable(starting) else starting
        plan_service.import_document(console, doc, note=note)
        loaded = True
    contacts = trees = 0
    if demo:
        step("demo")
        contacts, trees = load_demo_contacts(console)
    versions = plan_service.versions(console)
    return InitResult(
        data_dir=data_dir,
        plan_version=versions[-1]["version"] if versions else None,
        plan_loaded=loaded,
        contacts_added=contacts,
        call_trees_added=trees,
    )


@dataclass
class FirstStart:
    """What the operator chose in the first-start set-up (the GUI's wizard)."""

    operator: str
    role: str
    hospital: dict[str, str] | None = None
    plan_file: Path | None = None
    contacts_file: Path | None = None
    bundle_file: Path | None = None
    demo: bool = False


@dataclass
class FirstStartResult:
    """What the first start did; ``problems`` lists what could not be done (the console works)."""

    init: InitResult
    contacts_added: int = 0
    contacts_changed: int = 0
    contacts_skipped: int = 0
    bundle_applied: int = 0
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def first_start(
    data_dir: Path, choice: FirstStart, *, progress: Progress | None = None
) -> tuple[Console, FirstStartResult]:
    """Create the console in ``data_dir`` as the operator chose at the first start.

    The operator and the plan are checked before anything is created (a bad
    plan file raises PlanInvalid, a missing name ServiceError). Then the
    operator is signed in, so that everything loaded is attributed to them,
    the plan is loaded, and the contacts file and the sync bundle are imported
    if given; either of those failing is reported in ``problems`` and leaves a
    working console (import them again later from the Contacts or Sync page).
    """
    name = " ".join(choice.operator.split())
    if not name:
        raise ServiceError(N_("Enter the operator's name."))
    if choice.role not in ROLES:
        raise ServiceError(
            N_("Unknown role {role!r}; choose one of {roles}."),
            role=choice.role,
            roles=", ".join(ROLES),
        )
    step = _steps(
        progress,
        ["plan-check", "database", "plan"]
        + ["demo"] * choice.demo
        + ["contacts"] * (choice.contacts_file is not None)
        + ["bundle"] * (choice.bundle_file is not None),
    )
    step("plan-check")
    doc, note = starting_plan(choice.plan_file, choice.hospital)
    step("database")
    console = Console.open(data_dir, create=True)
    try:
        console.sign_in(name, choice.role)
        result = FirstStartResult(
            _initialise(console, data_dir, (doc, note), demo=choice.demo, step=step)
        )
        if choice.contacts_file is not None:
            step("contacts")
            from hisconsole.services import contacts as contacts_service  # phone library: lazy

            try:
                preview = contacts_service.preview_import(console, choice.contacts_file)
                contacts_service.apply_import(console, preview)
            except ServiceError as exc:
                result.problems.append(str(exc))
            else:
                result.contacts_added = len(preview.adds)
                result.contacts_changed = len(preview.changes)
                result.contacts_skipped = len(preview.skips)
        if choice.bundle_file is not None:
            step("bundle")
            from hisconsole.services.sync import bundles as bundles_service

            try:
                imported = bundles_service.import_bundle(console, choice.bundle_file)
            except ServiceError as exc:
                result.problems.append(str(exc))
            else:
                result.bundle_applied = imported.report.applied
                result.notes.extend(imported.notes)
        return console, result
    except BaseException:
        console.close()
        raise


def load_demo_contacts(console: Console) -> tuple[int, int]:
    """Add the sample contact list and call trees (only those not already present)."""
    from hisconsole.services.plan import load_yaml

    doc = load_yaml(resource_path("demo", "contacts.yaml").read_text("utf-8"))
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
