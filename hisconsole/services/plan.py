"""The emergency plan: load the bundled one, import, export, read the current one."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from hisconsole.domain import plan as plan_rules
from hisconsole.domain import plan_diff
from hisconsole.domain.glossary import PLAN_EDITOR
from hisconsole.domain.plan import PlanInvalid, Problem
from hisconsole.errors import N_
from hisconsole.i18n import PrintLanguage, languages_of
from hisconsole.i18n.formats import format_datetime
from hisconsole.resources import resource_path
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.errors import ScenarioUnknown
from hisconsole.services.files import write_atomically
from hisconsole.store.files import read_reason
from hisconsole.store.models import PlanItem, PlanVersion

MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024


def load_yaml(text: str) -> Any:
    """YAML text as Python values, with libyaml's loader where installed (~10x faster).

    PyYAML is imported here, not at start: only a plan or contacts file needs it.
    """
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def default_plan_path() -> Path:
    return resource_path("plan", "default-plan.yaml")


def read_document(path: Path) -> dict[str, Any]:
    """Read and validate a plan file (YAML or JSON); raise PlanInvalid listing every problem."""
    doc = read_structured(path, PlanInvalid, limit=MAX_PLAN_FILE_BYTES)
    plan_rules.validate(doc, str(path))
    return plan_rules.normalise(doc)


def read_structured(
    path: Path,
    invalid: Callable[[list[Problem], str], Exception],
    *,
    limit: int,
) -> Any:
    """The YAML or JSON document in ``path``, not yet validated. A file that cannot be
    read or parsed raises ``invalid(problems, source)`` saying where (the plan's way:
    drill scenarios are read the same)."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            problem = Problem(
                N_("(file)"),
                N_("is {size} bytes; at most {limit} MB is read"),
                {"size": size, "limit": limit // 2**20},
            )
            raise invalid([problem], source)
        raw = path.read_bytes()
    except OSError as exc:
        problem = Problem(
            N_("(file)"), N_("cannot be read: {reason}"), {"reason": read_reason(exc)}
        )
        raise invalid([problem], source) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = Problem(N_("byte {byte}"), read_reason(exc), {"byte": exc.start})
        raise invalid([problem], source) from exc
    import yaml

    # The parser's own words about what it met are left out: the place is what helps, and
    # they would be the only English in a Chinese message.
    try:
        return json.loads(text) if path.suffix.lower() == ".json" else load_yaml(text)
    except json.JSONDecodeError as exc:
        where = {"line": exc.lineno, "column": exc.colno}
        problem = Problem(N_("line {line}, column {column}"), N_("not valid JSON"), where)
        raise invalid([problem], source) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is None:
            problem = Problem(N_("(file)"), N_("not valid YAML"))
        else:
            where = {"line": mark.line + 1, "column": mark.column + 1}
            problem = Problem(N_("line {line}, column {column}"), N_("not valid YAML"), where)
        raise invalid([problem], source) from exc


@dataclass
class PlanImport:
    """What an import changed, item by item."""

    version: int | None
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)


def _current_items(session: Any) -> dict[str, list[PlanItem]]:
    items: dict[str, list[PlanItem]] = {}
    for row in session.scalars(select(PlanItem).order_by(PlanItem.key, PlanItem.hlc)):
        items.setdefault(row.key, []).append(row)
    return items


def import_document(console: Console, doc: dict[str, Any], *, note: str = "") -> PlanImport:
    """Make ``doc`` (already validated) the current plan and publish it as a new version.

    Only items whose content differs are written; a plan with the same content
    publishes nothing, whichever laptops its current items came from.
    """
    plan_rules.validate(doc)
    doc = plan_rules.normalise(doc)
    with console.transaction() as tx:
        current = _current_items(tx.session)
        result = PlanImport(version=None)
        incoming = set()
        items = list(plan_rules.split_items(doc))
        orders: dict[str, int] = {}
        for section in plan_rules.SECTIONS:
            keys = [key for key, sec, _order, _data in items if sec == section]
            existing = {k: current[k][-1].ord for k in keys if k in current}
            orders.update(plan_rules.assign_orders(keys, existing))
        for key, section, _position, data in items:
            order = orders[key]
            incoming.add(key)
            rows = current.get(key, [])
            # Content, not origin: two laptops that loaded the same plan each hold
            # one value of every item; if all of them equal the incoming one, the
            # item is unchanged (the identical rivals are no conflict to settle).
            same = bool(rows) and all(r.ord == order and json.loads(r.data) == data for r in rows)
            if same:
                continue
            (result.changed if rows else result.added).append(key)
            tx.emit(
                "plan.item.set",
                f"plan:{key}",
                {"key": key, "section": section, "order": order, "data": data},
                parents=[r.event_id for r in rows],
            )
        for key in sorted(set(current) - incoming):
            result.removed.append(key)
            tx.emit(
                "plan.item.removed",
                f"plan:{key}",
                {"key": key, "section": current[key][0].section},
                parents=[r.event_id for r in current[key]],
            )
        if result.added or result.changed or result.removed:
            latest = tx.session.scalar(
                select(PlanVersion.version).order_by(PlanVersion.version.desc())
            )
            result.version = (latest or 0) + 1
            tx.emit(
                "plan.published",
                f"plan.version:{result.version}",
                {"version": result.version, "note": note, "document": doc},
            )
        result.changes = ChangeSet({"plan"}, len(tx.written))
    return result


def import_file(console: Console, path: Path, *, note: str = "") -> PlanImport:
    doc = read_document(path)
    return import_document(console, doc, note=note or f"Imported from {path.name}")


def current_document(console: Console) -> dict[str, Any] | None:
    """The plan as it stands (for a conflicted item, the latest value), or None if empty."""
    with console.db.read() as session:
        items = _current_items(session)
    if not items:
        return None
    chosen = [
        (rows[-1].section, rows[-1].ord, json.loads(rows[-1].data)) for rows in items.values()
    ]
    return plan_rules.join_items(chosen)


def require_document(console: Console) -> dict[str, Any]:
    doc = current_document(console)
    if doc is None:
        raise ServiceError(N_("This console holds no plan yet. Run 'hisconsole init'."))
    return doc


def change_marker(console: Console) -> int:
    """A number that changes whenever any plan item changes (for caches)."""
    with console.db.read() as session:
        rows = session.execute(
            select(func.count(), func.max(PlanItem.hlc)).select_from(PlanItem)
        ).one()
    count, latest = rows
    return hash((count, latest))


def require_editor(console: Console) -> None:
    if console.operator.role != PLAN_EDITOR:
        raise ServiceError(
            N_(
                "Only an operator signed in with the plan-editor role can change the "
                "plan; {name} is signed in as {role}."
            ),
            name=console.operator.name,
            role=console.operator.role,
        )


def edit_item(console: Console, key: str, data: dict[str, Any]) -> ChangeSet:
    """Change one plan item (a level, a scenario, the overview …) as a draft edit.

    The whole plan is validated with the change; publish it as a version with
    :func:`publish`. Only a plan editor may do this.
    """
    require_editor(console)
    doc = require_document(console)
    section, _, code = key.partition("/")
    if section in plan_rules.LIST_SECTIONS:
        items = doc[section]
        positions = [i for i, item in enumerate(items) if item["code"] == code]
        if positions:
            items[positions[0]] = data
        else:
            items.append(data)
    elif section in plan_rules.SINGLE_SECTIONS and not code:
        doc[section] = data
    else:
        raise ServiceError(N_("No plan section {key!r}."), key=key)
    plan_rules.validate(doc)
    new_key = plan_rules.item_key(section, data.get("code") if code else None)
    if new_key != key:
        raise ServiceError(N_("An item's code cannot be changed; add a new item instead."))
    data = plan_rules.normalise(data)
    with console.transaction() as tx:
        current = _current_items(tx.session)
        rows = current.get(key, [])
        if rows:
            order = rows[-1].ord
        else:  # a new item goes after the section's last one
            orders = [r[-1].ord for r in current.values() if r[-1].section == section]
            order = max(orders, default=0) + plan_rules.ORDER_GAP
        tx.emit(
            "plan.item.set",
            f"plan:{key}",
            {"key": key, "section": section, "order": order, "data": data},
            parents=[r.event_id for r in rows],
        )
    return ChangeSet({"plan"}, 1)


def publish(console: Console, note: str = "") -> int | None:
    """Publish the plan as it stands as the next version; None if nothing changed."""
    require_editor(console)
    doc = require_document(console)
    with console.transaction() as tx:
        latest = tx.session.scalars(
            select(PlanVersion).order_by(PlanVersion.version.desc())
        ).first()
        if latest is not None and json.loads(latest.document) == doc:
            return None
        version = (latest.version if latest else 0) + 1
        tx.emit(
            "plan.published",
            f"plan.version:{version}",
            {"version": version, "note": note.strip(), "document": doc},
        )
    return version


def version_document(console: Console, version: int) -> dict[str, Any]:
    with console.db.read() as session:
        row = session.get(PlanVersion, version)
        if row is None:
            raise ServiceError(N_("There is no plan version {version}."), version=version)
        return dict(json.loads(row.document))


def diff_versions(console: Console, old: int, new: int) -> list[plan_diff.SectionDiff]:
    """What changed from version ``old`` to version ``new``, section by section."""
    return plan_diff.diff_documents(version_document(console, old), version_document(console, new))


def versions(console: Console) -> list[dict[str, Any]]:
    with console.db.read() as session:
        rows = session.scalars(select(PlanVersion).order_by(PlanVersion.version)).all()
        return [
            {"version": r.version, "author": r.author, "hlc": r.hlc, "note": r.note} for r in rows
        ]


def export_file(console: Console, path: Path) -> None:
    """Write the current plan as YAML (or JSON if the name ends in .json)."""
    doc = require_document(console)
    if path.suffix.lower() == ".json":
        data = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    else:
        import yaml

        data = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")
    write_atomically(path, data)


def plan_pdf(
    console: Console, *, scenario: str | None = None, lang: PrintLanguage = "both"
) -> bytes:
    """The whole plan (or one scenario's playbook) as a binder copy in ``lang`` (zh, en, or
    both)."""
    from hisconsole.printing.plan_binder import render_plan

    doc = require_document(console)
    if scenario is not None:
        require_scenario(doc, scenario)
    all_versions = versions(console)
    buffer = io.BytesIO()
    render_plan(
        doc,
        version=all_versions[-1]["version"] if all_versions else 0,
        printed_at=format_datetime(console.now(), languages_of(lang)[0]),
        out=buffer,
        scenario=scenario,
        lang=lang,
    )
    return buffer.getvalue()


def propose_scenario(doc: Mapping[str, Any], systems: Iterable[str]) -> str | None:
    """The playbook the plan gives for the systems named (see domain.plan.propose_scenario)."""
    return plan_rules.propose_scenario(doc.get("scenarios", []), systems)


def require_scenario(doc: Mapping[str, Any], scenario: str) -> None:
    """Refuse a scenario code the plan does not have, listing the ones it has."""
    known = [str(s.get("code")) for s in doc.get("scenarios", [])]
    if scenario not in known:
        raise ScenarioUnknown(scenario=scenario, known=", ".join(known) or "none")
