"""Contacts and call trees: edit, import with a preview, export, print the call tree."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hisconsole.domain import contacts as rules
from hisconsole.domain.contacts import Contact, ImportPreview, ImportSource
from hisconsole.domain.contacts_csv import export_csv, parse_csv
from hisconsole.domain.encodings import CHOICES
from hisconsole.domain.phones import DEFAULT_REGION
from hisconsole.domain.vcard import export_vcards, parse_vcards
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.errors import CallTreeUnknown
from hisconsole.services.files import write_atomically
from hisconsole.store.models import CallTree, Meta
from hisconsole.store.models import Contact as ContactRow

#: The encodings a user may choose for an import (code -> name shown).
ENCODINGS = CHOICES

AREA = "contacts"
MAX_IMPORT_BYTES = 20 * 1024 * 1024
FORMATS = {".csv": "csv", ".vcf": "vcard", ".vcard": "vcard"}


def _format(path: Path) -> str:
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ServiceError(f"{path.name}: use a .csv or .vcf file.")
    return kind


REGION_KEY = "phone.region"


def region(console: Console) -> str:
    """The region numbers typed without a country code belong to (this laptop's setting)."""
    with console.db.read() as session:
        row = session.get(Meta, REGION_KEY)
    return row.value if row else DEFAULT_REGION


def set_region(console: Console, code: str) -> None:
    """Set the default phone region (ISO 3166 code such as CN, HK, SG) for this laptop."""
    import phonenumbers

    code = code.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise ServiceError(f"{code!r} is not a region phonenumbers knows (e.g. CN, HK, MO, SG).")
    with console.db.write() as session:
        session.merge(Meta(key=REGION_KEY, value=code))


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


def _existing(console: Console) -> list[Contact]:
    return [Contact.from_dict(p["data"], key=p["key"]) for p in list_contacts(console)]


def _heads(session: Any, key: str) -> list[str]:
    return list(session.scalars(select(ContactRow.event_id).where(ContactRow.key == key)))


def save_contact(console: Console, data: dict[str, Any], key: str | None = None) -> str:
    """Add or change one person typed in by hand; an invalid number is refused."""
    contact = Contact.from_dict(data, key=key)
    problems = rules.validate_contact(contact, region=region(console))
    if problems:
        raise ServiceError("; ".join(str(p) for p in problems))
    contact = rules.normalised(contact, region(console))
    key = key or rules.new_contact_key()
    with console.transaction() as tx:
        tx.emit(
            "contact.set",
            f"contact:{key}",
            {"key": key, "data": contact.to_dict(with_key=False)},
            parents=_heads(tx.session, key),
        )
    return key


def remove_contact(console: Console, key: str) -> ChangeSet:
    with console.transaction() as tx:
        heads = _heads(tx.session, key)
        if not heads:
            raise ServiceError(f"No contact {key!r}.")
        tx.emit("contact.removed", f"contact:{key}", {"key": key}, parents=heads)
    return ChangeSet({AREA}, 1)


class EncodingRefused(ServiceError):
    """The file cannot be read in its (detected or chosen) encoding without garbling it."""

    code = "contacts.encoding-refused"


def preview_import(console: Console, path: Path, *, encoding: str | None = None) -> ImportPreview:
    """What importing ``path`` would add, change and skip, and why. Writes nothing.

    ``encoding`` is the user's choice (see ``encodings.CHOICES``); without it the
    encoding is detected and named in ``preview.source``.
    """
    kind = _format(path)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ServiceError(f"{path.name} is larger than 20 MB; is it really a contact list?")
        data = path.read_bytes()
    except OSError as exc:
        raise ServiceError(f"Cannot read {path}: {exc.strerror}.") from exc
    parsed = (
        parse_csv(data, region=region(console), encoding=encoding)
        if kind == "csv"
        else parse_vcards(data, region=region(console), encoding=encoding)
    )
    if not parsed.contacts and parsed.problems:
        if not parsed.encoding:
            raise EncodingRefused(f"{path.name}: {parsed.problems[0]}")
        raise ServiceError(
            f"{path.name} holds no readable contacts: "
            + "; ".join(str(p) for p in parsed.problems[:5])
        )
    preview = rules.plan_import(
        _existing(console),
        parsed.contacts,
        region=region(console),
        problems=[str(p) for p in parsed.problems],
    )
    preview.source = ImportSource(encoding=parsed.encoding_label)
    return preview


def apply_import(console: Console, preview: ImportPreview) -> ChangeSet:
    """Write the adds and changes of a previewed import, in one transaction."""
    with console.transaction() as tx:
        for contact in preview.to_write():
            tx.emit(
                "contact.set",
                f"contact:{contact.key}",
                {"key": contact.key, "data": contact.to_dict(with_key=False)},
                parents=_heads(tx.session, contact.key),
            )
        return ChangeSet({AREA}, len(tx.written))


def export_file(console: Console, path: Path) -> int:
    """Write every contact as CSV (Excel-ready, formula-safe) or vCard 4.0; returns the count."""
    kind = _format(path)
    people = _existing(console)
    data = export_csv(people) if kind == "csv" else export_vcards(people, region=region(console))
    write_atomically(path, data)
    return len(people)


# --- call trees -------------------------------------------------------------------------


def call_trees(console: Console) -> list[dict[str, Any]]:
    with console.db.read() as session:
        latest: dict[str, dict[str, Any]] = {}
        for row in session.scalars(select(CallTree).order_by(CallTree.key, CallTree.hlc)):
            latest[row.key] = json.loads(row.data)
    return list(latest.values())


def contacts_by_key(console: Console) -> dict[str, dict[str, Any]]:
    return {p["key"]: p["data"] for p in list_contacts(console)}


def _tree_people(nodes: list[dict[str, Any]]) -> list[str]:
    people = []
    for node in nodes:
        people.append(node["contact"])
        if node.get("alternate"):
            people.append(node["alternate"])
        people.extend(_tree_people(node.get("children", [])))
    return people


def save_call_tree(console: Console, tree: dict[str, Any]) -> ChangeSet:
    """Store a call tree (who calls whom, in order, with alternates)."""
    code = str(tree.get("code", "")).strip()
    if not code:
        raise ServiceError("A call tree needs a code.")
    name = tree.get("name") or {}
    if not (name.get("zh") or name.get("en")):
        raise ServiceError("A call tree needs a name.")
    wait = tree.get("wait_minutes", 5)
    if not isinstance(wait, int) or not 1 <= wait <= 120:
        raise ServiceError("The wait before calling an alternate must be 1 to 120 minutes.")
    known = contacts_by_key(console)
    unknown = sorted({p for p in _tree_people(tree.get("nodes", [])) if p not in known})
    if unknown:
        raise ServiceError(f"The call tree names unknown contacts: {', '.join(unknown)}.")
    with console.transaction() as tx:
        heads = list(tx.session.scalars(select(CallTree.event_id).where(CallTree.key == code)))
        tx.emit("calltree.set", f"calltree:{code}", {"key": code, "data": tree}, parents=heads)
    return ChangeSet({AREA}, 1)


def call_tree_pdf(
    console: Console, *, tree: str | None = None, page: str = "A4", lang: str = "zh"
) -> bytes:
    """The call tree(s) as a PDF to follow with a pen when every laptop is dead."""
    from pypdf import PdfReader, PdfWriter

    from hisconsole.printing.calltree import render_call_tree

    trees = call_trees(console)
    if tree is not None:
        known = ", ".join(t["code"] for t in trees) or "none"
        trees = [t for t in trees if t["code"] == tree]
        if not trees:
            raise CallTreeUnknown(tree=tree, known=known)
    if not trees:
        raise ServiceError("This console has no call tree yet (import contacts, or init --demo).")
    versions = plan_service.versions(console)
    doc = plan_service.require_document(console)
    printed_at = console.now().astimezone().strftime("%Y-%m-%d %H:%M")
    people = contacts_by_key(console)
    writer = PdfWriter()
    for entry in trees:
        buffer = io.BytesIO()
        render_call_tree(
            entry,
            people,
            plan_version=versions[-1]["version"] if versions else 0,
            printed_at=printed_at,
            hospital=doc["meta"]["hospital"][lang],
            lang=lang,
            page="card" if page == "card" else "A4",
            out=buffer,
        )
        writer.append(PdfReader(buffer))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
