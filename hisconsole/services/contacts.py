"""Contacts and call trees: edit, import with a preview, export, print the call tree."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hisconsole.domain import calltrees as tree_rules
from hisconsole.domain import contacts as rules
from hisconsole.domain.contact_table import TARGETS, TableImport
from hisconsole.domain.contacts import ColumnUse, Contact, ImportPreview, ImportSource
from hisconsole.domain.contacts_csv import export_csv, parse_csv
from hisconsole.domain.contacts_xlsx import export_xlsx, parse_xlsx
from hisconsole.domain.encodings import CHOICES
from hisconsole.domain.phones import DEFAULT_REGION
from hisconsole.domain.vcard import VCardImport, export_vcards, parse_vcards
from hisconsole.errors import N_, Listed
from hisconsole.i18n import PrintLanguage, Words
from hisconsole.i18n.formats import format_datetime
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.contact_rows import call_trees as call_trees
from hisconsole.services.contact_rows import contacts_by_key as contacts_by_key
from hisconsole.services.contact_rows import list_contacts as list_contacts
from hisconsole.services.errors import CallTreeUnknown
from hisconsole.services.files import write_atomically
from hisconsole.store.models import CallTree, Meta
from hisconsole.store.models import Contact as ContactRow

#: The encodings a user may choose for an import (code -> name shown).
ENCODINGS = CHOICES
#: Where a table column can go (target -> (zh, en) name); "ignore" leaves it out.
COLUMN_TARGETS = TARGETS

AREA = "contacts"
MAX_IMPORT_BYTES = 20 * 1024 * 1024
FORMATS = {".csv": "csv", ".vcf": "vcard", ".vcard": "vcard", ".xlsx": "xlsx"}
#: Where a column mapping chosen by the user is remembered (per header set).
MAPPING_KEY = "contacts.mapping."


def _format(path: Path) -> str:
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ServiceError(N_("{name}: use a .csv, .xlsx or .vcf file."), name=path.name)
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
        raise ServiceError(
            N_("{code!r} is not a region phonenumbers knows (e.g. CN, HK, MO, SG)."), code=code
        )
    with console.db.write() as session:
        session.merge(Meta(key=REGION_KEY, value=code))


def _existing(console: Console) -> list[Contact]:
    return [Contact.from_dict(p["data"], key=p["key"]) for p in list_contacts(console)]


def _heads(session: Any, key: str) -> list[str]:
    return list(session.scalars(select(ContactRow.event_id).where(ContactRow.key == key)))


def save_contact(console: Console, data: dict[str, Any], key: str | None = None) -> str:
    """Add or change one person typed in by hand; an invalid number is refused."""
    contact = Contact.from_dict(data, key=key)
    problems = rules.validate_contact(contact, region=region(console))
    if problems:
        raise ServiceError(N_("The contact cannot be saved: {problems}"), problems=Listed(problems))
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
            raise ServiceError(N_("No contact {key!r}."), key=key)
        tx.emit("contact.removed", f"contact:{key}", {"key": key}, parents=heads)
    return ChangeSet({AREA}, 1)


class EncodingRefused(ServiceError):
    """The file cannot be read in its (detected or chosen) encoding without garbling it."""

    code = "contacts.encoding-refused"


def preview_import(
    console: Console,
    path: Path,
    *,
    encoding: str | None = None,
    mapping: Mapping[str, str] | None = None,
) -> ImportPreview:
    """What importing ``path`` would add, change and skip, and why. Writes nothing.

    ``encoding`` is the user's choice (see :data:`ENCODINGS`); without it the
    encoding is detected. ``mapping`` (source header -> target, see
    :data:`COLUMN_TARGETS`) is the user's column mapping; without it, a mapping
    chosen for the same header set before is used. ``preview.source`` says how
    the file was read.
    """
    kind = _format(path)
    wrong = sorted({t for t in (mapping or {}).values() if t not in COLUMN_TARGETS})
    if wrong:
        raise ServiceError(
            N_("Not a column target: {wrong}; use one of {column_targets}."),
            wrong=", ".join(wrong),
            column_targets=", ".join(COLUMN_TARGETS),
        )
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ServiceError(
                N_("{name} is larger than 20 MB; is it really a contact list?"), name=path.name
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ServiceError(
            N_("Cannot read {path}: {strerror}."), path=path, strerror=exc.strerror
        ) from exc
    where = region(console)
    remembered = False
    if kind == "vcard":
        parsed: TableImport | VCardImport = parse_vcards(data, region=where, encoding=encoding)
    else:
        parsed = _parse_table(kind, data, where, encoding, mapping)
        if mapping is None and parsed.header_key:
            saved = _remembered_mapping(console, parsed.header_key)
            if saved:
                parsed, mapping, remembered = (
                    _parse_table(kind, data, where, encoding, saved),
                    saved,
                    True,
                )
    if not parsed.contacts and parsed.problems:
        if not parsed.encoding:
            raise EncodingRefused(
                N_("{name}: {problems}"), name=path.name, problems=parsed.problems[0]
            )
        raise ServiceError(
            N_("{name} holds no readable contacts:\n  {problems}"),
            name=path.name,
            problems=Listed(parsed.problems[:5], "\n  "),
        )
    preview = rules.plan_import(
        _existing(console),
        parsed.contacts,
        region=where,
        problems=list(parsed.problems),
    )
    preview.source = _source_of(parsed, mapping, remembered)
    return preview


def _parse_table(
    kind: str, data: bytes, where: str, encoding: str | None, mapping: Mapping[str, str] | None
) -> TableImport:
    if kind == "xlsx":
        return parse_xlsx(data, region=where, mapping=mapping)
    return parse_csv(data, region=where, encoding=encoding, mapping=mapping)


def _source_of(
    parsed: TableImport | VCardImport, mapping: Mapping[str, str] | None, remembered: bool
) -> ImportSource:
    source = ImportSource(
        encoding=parsed.encoding_label,
        encoding_code=parsed.encoding,
        encoding_how=parsed.encoding_how,
        mapping=dict(mapping or {}),
    )
    if isinstance(parsed, VCardImport):
        source.layout = "vcard"
        source.layout_name = {"zh": "vCard 电子名片", "en": "vCard"}
        source.not_kept = list(dict.fromkeys(parsed.not_kept))
        return source
    plan = parsed.plan
    if plan is not None:
        source.layout = plan.layout
        source.layout_name = {lang: plan.layout_name(lang) for lang in ("zh", "en")}
        source.columns = [ColumnUse(c.header, c.target, c.chosen) for c in plan.columns]
        source.unmapped = plan.unmapped
        source.not_kept = plan.not_kept + parsed.not_kept
    source.header_key = parsed.header_key
    source.remembered = remembered
    return source


def _remembered_mapping(console: Console, header_key: str) -> dict[str, str]:
    with console.db.read() as session:
        row = session.get(Meta, MAPPING_KEY + header_key)
    return dict(json.loads(row.value)) if row else {}


def apply_import(console: Console, preview: ImportPreview) -> ChangeSet:
    """Write the adds and changes of a previewed import, in one transaction; a column
    mapping the user chose is remembered for the next file with the same headers."""
    source = preview.source
    if source.mapping and source.header_key and not source.remembered:
        with console.db.write() as session:
            session.merge(
                Meta(key=MAPPING_KEY + source.header_key, value=json.dumps(source.mapping))
            )
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
    """Write every contact as CSV (Excel-ready, formula-safe), .xlsx or vCard 4.0; returns
    the count."""
    kind = _format(path)
    people = _existing(console)
    if kind == "csv":
        data = export_csv(people)
    elif kind == "xlsx":
        data = export_xlsx(people)
    else:
        data = export_vcards(people, region=region(console))
    write_atomically(path, data)
    return len(people)


# --- call trees -------------------------------------------------------------------------


def save_call_tree(console: Console, tree: dict[str, Any]) -> ChangeSet:
    """Store a call tree (who calls whom, in order, with alternates)."""
    code = str(tree.get("code", "")).strip()
    if not code:
        raise ServiceError(N_("A call tree needs a code."))
    name = tree.get("name") or {}
    if not (name.get("zh") or name.get("en")):
        raise ServiceError(N_("A call tree needs a name."))
    wait = tree.get("wait_minutes", 5)
    if not isinstance(wait, int) or not 1 <= wait <= 120:
        raise ServiceError(N_("The wait before calling an alternate must be 1 to 120 minutes."))
    problem = tree_rules.levels_problem(tree.get("levels", []), tree.get("nodes", []))
    if problem:
        raise ServiceError(N_("Call tree {code}: {problem}"), code=code, problem=problem)
    known = contacts_by_key(console)
    unknown = sorted({p for p in tree_rules.people(tree.get("nodes", [])) if p not in known})
    if unknown:
        raise ServiceError(
            N_("The call tree names unknown contacts: {unknown}."), unknown=", ".join(unknown)
        )
    with console.transaction() as tx:
        heads = list(tx.session.scalars(select(CallTree.event_id).where(CallTree.key == code)))
        tx.emit("calltree.set", f"calltree:{code}", {"key": code, "data": tree}, parents=heads)
    return ChangeSet({AREA}, 1)


def missing_tree(console: Console) -> str:
    """Why there is no call tree at all, pointing at the contacts there are and how to go on."""
    people = list_contacts(console)
    if not people:
        return (
            "This console has no contacts and no call tree yet: import the contact list "
            "(contacts import FILE), or init --demo."
        )
    groups: dict[str, int] = {}
    for person in people:
        group = person["data"].get("group") or "-"
        groups[group] = groups.get(group, 0) + 1
    counts = ", ".join(f"{g} {n}" for g, n in sorted(groups.items()))
    return (
        f"No call tree yet, but {len(people)} contacts are on the list ({counts}): make one "
        "with calltree create CODE --name NAME --from-group GROUP, or in the Contacts view."
    )


def tree_name(tree: Mapping[str, Any], lang: str = "zh") -> str:
    name = tree.get("name") or {}
    return str(name.get(lang) or name.get("en") or name.get("zh") or tree.get("code", ""))


def call_tree_pdf(
    console: Console, *, tree: str | None = None, page: str = "A4", lang: PrintLanguage = "both"
) -> bytes:
    """The call tree(s) as a PDF to follow with a pen when every laptop is dead, in ``lang``
    (zh, en or both)."""
    from pypdf import PdfReader, PdfWriter

    from hisconsole.printing.calltree import render_call_tree

    trees = call_trees(console)
    if tree is not None:
        codes = [t["code"] for t in trees]
        trees = [t for t in trees if t["code"] == tree]
        if not trees and codes:
            raise CallTreeUnknown(tree=tree, known=", ".join(codes))
    if not trees:
        raise ServiceError(missing_tree(console))
    versions = plan_service.versions(console)
    doc = plan_service.require_document(console)
    words = Words(lang)
    printed_at = format_datetime(console.now(), words.first)
    people = contacts_by_key(console)
    writer = PdfWriter()
    for entry in trees:
        buffer = io.BytesIO()
        render_call_tree(
            entry,
            people,
            plan_version=versions[-1]["version"] if versions else 0,
            printed_at=printed_at,
            hospital=words.pick(doc["meta"]["hospital"]),
            lang=lang,
            page="card" if page == "card" else "A4",
            out=buffer,
        )
        writer.append(PdfReader(buffer))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
