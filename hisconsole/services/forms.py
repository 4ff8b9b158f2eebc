"""Downtime forms: numbered sheets issued, and closing the loop by back-entry."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import func, select

from hisconsole.domain import numbers as number_rules
from hisconsole.domain import paper
from hisconsole.domain import serials as serial_rules
from hisconsole.domain.forms import (
    FormTemplate,
    Sheet,
    TemplateInvalid,
    UnknownTemplate,
)
from hisconsole.domain.forms import PrintCancelled as PrintCancelled  # for the UI: a cancel
from hisconsole.errors import N_
from hisconsole.i18n import Words
from hisconsole.services import numbers as number_service
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.errors import (
    IncidentUnknown,
    SerialsNeverIssued,
    SheetsCannotMove,
    print_language,
)
from hisconsole.services.files import check_target, write_atomically
from hisconsole.store.eventlog import EventWriter
from hisconsole.store.models import (
    FormSerial,
    FormStock,
    Incident,
    Meta,
    TempNumber,
    TempNumberStatus,
)

AREA = "forms"
OUTSTANDING = ("issued", "returned")
#: Which status a sheet may move to from where it is.
TRANSITIONS = {
    "issued": {"returned", "entered", "void"},
    "returned": {"entered", "void"},
    "entered": {"verified"},
    "verified": set(),
    "void": set(),
}


def _unknown_template(code: str, loaded: Mapping[str, FormTemplate]) -> UnknownTemplate:
    return UnknownTemplate(template=code, known=", ".join(sorted(loaded)) or "none")


def reserve_serials(console: Console, count: int) -> int:
    """Reserve ``count`` serial numbers for this laptop; returns the first number.

    Reservations are local and never reused, so a cancelled print leaves a gap in
    the numbering but records nothing as issued.
    """
    if count < 1:
        raise ServiceError(N_("Print at least one copy."))
    prefix = console.device_code
    with console.db.write() as session:
        stored = session.get(Meta, "serial.next")
        issued_max = session.scalar(
            select(func.max(FormSerial.serial)).where(FormSerial.serial.like(f"{prefix}-%"))
        )
        first = max(
            int(stored.value) if stored else 1,
            serial_rules.parse(issued_max).number + 1 if issued_max else 1,
        )
        session.merge(Meta(key="serial.next", value=str(first + count)))
    return first


def record_issued(
    console: Console,
    *,
    template: str,
    template_version: int,
    first: int,
    count: int,
    incident: str | None,
    lang: str,
    department: str = "",
    job: str = "",
    printer: str = "",
    numbers: Sequence[str] = (),
    ward: str = "",
) -> list[str]:
    """Record printed sheets as issued: once the PDF was written, or once the print
    system accepted the job ``job`` (then the sheets are "sent" until its end is recorded).
    ``numbers``: the temporary patient numbers reserved and printed on them, as many to a
    sheet, issued to ``ward`` in the same transaction."""
    with console.transaction() as tx:
        if incident is not None and tx.session.get(Incident, incident) is None:
            raise IncidentUnknown(incident=incident)
        if numbers:
            number_service.emit_issued(
                tx,
                console,
                first=number_rules.parse(numbers[0])[1],
                count=len(numbers),
                ward=ward,
                incident=incident,
                sheets={"first": first, "rows": len(numbers) // count},
            )
        tx.emit(
            "forms.issued",
            f"forms:{console.device_code}-{first}",
            {
                "prefix": console.device_code,
                "first": first,
                "count": count,
                "template": template,
                "template_version": template_version,
                "incident": incident,
                "department": department.strip(),
                "lang": lang,
                "at": console.now().isoformat(timespec="seconds"),
                **({"job": job, "printer": printer} if job else {}),
            },
        )
    return list(serial_rules.block(console.device_code, first, count))


@dataclass
class StatusResult:
    """What a back-entry (or void) did to each serial typed or scanned."""

    status: str
    changed: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "changed": self.changed, "already": self.already}


def set_status(
    console: Console, text: str, status: str, *, his_ref: str = "", reason: str = ""
) -> StatusResult:
    """Move the serials in ``text`` (one, a range, a list) to ``status``.

    All or nothing: an unknown serial, or one that cannot move there, changes nothing.
    """
    if status not in TRANSITIONS or status == "issued":
        raise ServiceError(N_("Unknown status {status!r}."), status=status)
    if status == "void" and not reason.strip():
        reason = "void"
    wanted = serial_rules.expand(text)
    result = StatusResult(status)
    with console.transaction() as tx:
        rows = {
            r.serial: r
            for r in tx.session.scalars(select(FormSerial).where(FormSerial.serial.in_(wanted)))
        }
        unknown = [s for s in wanted if s not in rows]
        if unknown:
            shown = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
            raise SerialsNeverIssued(count=len(unknown), serials=shown)
        refused = []
        for serial in wanted:
            current = rows[serial].status
            if current == status:
                result.already.append(serial)
            elif status in TRANSITIONS[current]:
                result.changed.append(serial)
            else:
                refused.append((serial, current))
        if refused:
            shown = "; ".join(f"{serial} ({current})" for serial, current in refused[:5])
            raise SheetsCannotMove(
                status=status,
                shown=shown + (" …" if len(refused) > 5 else ""),
                sheets=refused[:5],
            )
        if result.changed:
            tx.emit(
                "forms.status",
                f"forms:{status}",
                {
                    "serials": result.changed,
                    "status": status,
                    "his_ref": his_ref.strip(),
                    "reason": reason.strip(),
                    "at": console.now().isoformat(timespec="seconds"),
                },
            )
        if status == "void" and result.changed:
            _void_numbers_on(tx, console, result.changed, reason.strip())
        result.changes = ChangeSet({AREA}, len(tx.written))
    return result


def _void_numbers_on(
    tx: EventWriter, console: Console, serials: Sequence[str], reason: str
) -> None:
    """Within ``tx``: the temporary patient numbers printed on void sheets and not given
    to a patient are void too (the paper they were on is gone); used ones stay used."""
    given = select(TempNumberStatus.number)
    unused = list(
        tx.session.scalars(
            select(TempNumber.number)
            .where(TempNumber.sheet.in_(list(serials)), TempNumber.number.not_in(given))
            .order_by(TempNumber.prefix, TempNumber.counter)
        )
    )
    if unused:
        tx.emit(
            "numbers.status",
            "numbers:void",
            {
                "numbers": unused,
                "status": "void",
                "reason": reason,
                "at": console.now().isoformat(timespec="seconds"),
            },
        )


def sheet_row(r: FormSerial) -> dict[str, Any]:
    return {
        "serial": r.serial,
        "template": r.template,
        "template_version": r.template_version,
        "incident": r.incident_id,
        "department": r.department,
        "issued_at": r.issued_at,
        "issued_by": r.issued_by,
        "status": r.status,
        "status_at": r.status_at,
        "status_by": r.status_by,
        "his_ref": r.his_ref,
        "reason": r.reason,
        "print_state": r.print_state,
        "print_job": r.print_job,
        "print_reason": r.print_reason,
        "reprints": r.reprints,
    }


def outstanding(console: Console, incident: str | None = None) -> list[dict[str, Any]]:
    """Sheets issued but not yet entered back into the HIS (nor voided), oldest first."""
    query = select(FormSerial).where(FormSerial.status.in_(OUTSTANDING))
    if incident is not None:
        query = query.where(FormSerial.incident_id == incident)
    with console.db.read() as session:
        return [sheet_row(r) for r in session.scalars(query.order_by(FormSerial.serial))]


def _age_hours(now: dt.datetime, issued_at: str) -> float:
    return round((now - dt.datetime.fromisoformat(issued_at)).total_seconds() / 3600, 1)


def outstanding_details(console: Console, incident: str | None = None) -> list[dict[str, Any]]:
    """Every outstanding sheet: serial, form template, incident, department, status, when
    it was issued and its age in hours (oldest first)."""
    now = console.now()
    keys = ("serial", "template", "incident", "department", "status", "issued_at")
    return [
        {**{k: row[k] for k in keys}, "age_hours": _age_hours(now, row["issued_at"])}
        for row in sorted(
            outstanding(console, incident), key=lambda r: (r["issued_at"], r["serial"])
        )
    ]


def outstanding_summary(console: Console, incident: str | None = None) -> list[dict[str, Any]]:
    """Outstanding sheets counted per incident, template and department, with the age
    (hours since the oldest was issued), oldest first."""
    now = console.now()
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in outstanding(console, incident):
        key = (row["incident"] or "", row["template"], row["department"])
        groups.setdefault(key, []).append(row)
    result = []
    for (inc, template, department), rows in groups.items():
        oldest = min(r["issued_at"] for r in rows)
        result.append(
            {
                "incident": inc or None,
                "template": template,
                "department": department,
                "count": len(rows),
                "oldest_issued_at": oldest,
                "age_hours": _age_hours(now, oldest),
            }
        )
    return sorted(result, key=lambda g: g["oldest_issued_at"])


def sheets(console: Console, incident: str | None = None) -> list[dict[str, Any]]:
    query = select(FormSerial)
    if incident is not None:
        query = query.where(FormSerial.incident_id == incident)
    with console.db.read() as session:
        return [sheet_row(r) for r in session.scalars(query.order_by(FormSerial.serial))]


def counts(console: Console, incident: str | None = None) -> dict[str, int]:
    return dict(Counter(s["status"] for s in sheets(console, incident)))


# --- templates and printing ---------------------------------------------------------

MAX_COPIES = 5000


def forms_dir(console: Console) -> Path:
    """Where the hospital drops its own form templates (YAML, optionally with a PDF)."""
    return console.data_dir / "forms"


_Loaded = tuple[dict[str, FormTemplate], list[TemplateInvalid]]
# Templates read before, by the files they were read from: the alert list asks for the
# paper stock on every refresh, and parsing every YAML again cost ~0.3 s each time.
_templates_read: dict[tuple[tuple[str, int, int], ...], _Loaded] = {}


def _template_files(folders: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every file of the template folders with its change time and size."""
    found = []
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                info = path.stat()
                found.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(found)


def templates(console: Console) -> _Loaded:
    """The bundled templates plus the hospital's own; bad files are reported, not fatal.
    Read again only when a file in either folder was added, removed or changed."""
    from hisconsole.resources import resource_path

    key = _template_files([resource_path("forms"), forms_dir(console)])
    if key not in _templates_read:
        from hisconsole.printing.forms import load_templates  # reportlab: when forms are needed

        _templates_read.clear()
        _templates_read[key] = load_templates([forms_dir(console)])
    loaded, problems = _templates_read[key]
    return dict(loaded), list(problems)


@dataclass
class PreparedPack:
    """A rendered print pack whose sheets are not yet recorded as issued.

    The serials are reserved (never reused); call :func:`record_pack` once the
    PDF was printed or saved, or drop it to cancel (nothing is recorded).
    """

    pdf: bytes
    serials: list[str]
    items: list[tuple[str, int, int]]  # (template, template version, copies)
    first: int
    incident: str | None
    lang: str
    department: str = ""
    #: The temporary patient numbers printed on each sheet (none on most forms).
    numbers: list[tuple[str, ...]] = field(default_factory=list)
    #: The register's ward those numbers go to ("" when the department is none of them).
    ward: str = ""


def add_template(console: Console, source: Path) -> FormTemplate:
    """Copy a checked template (and the PDF it names) into ``<data dir>/forms``.

    The file is read and checked first (TemplateInvalid lists every problem);
    nothing is copied unless it is valid. A file of the same name is replaced
    (a new version of the hospital's form); another file there holding the same
    code is refused, as the two would clash.
    """
    from hisconsole.printing.forms import read_template

    template = read_template(source)
    target_dir = forms_dir(console)
    target = target_dir / source.name
    if target_dir.is_dir():
        for other in sorted(target_dir.glob("*.y*ml")):
            if other.name == source.name:
                continue
            try:
                code = read_template(other).code
            except TemplateInvalid:
                continue
            if code == template.code:
                raise ServiceError(
                    N_(
                        "{other} already holds form {code!r}; remove it first, or add the new "
                        "version under the same file name."
                    ),
                    other=other,
                    code=template.code,
                )
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ServiceError(
            N_("Cannot create {target_dir}: {strerror}."),
            target_dir=target_dir,
            strerror=exc.strerror,
        ) from exc
    # The PDF first: a template is never left naming a PDF that is not there.
    if template.pdf is not None and template.pdf_data is not None:
        write_atomically(target_dir / template.pdf.file, template.pdf_data)
    if source.resolve() != target.resolve():
        write_atomically(target, source.read_bytes())
    return template


def prepare_pack(
    console: Console,
    items: Sequence[tuple[str, int]],
    *,
    incident: str | None = None,
    lang: str = "zh",
    progress: Callable[[int, int], bool] | None = None,
    department: str = "",
) -> PreparedPack:
    """Render ``(template, copies)`` items as one numbered pack, without recording it.

    ``progress(done, total)`` returning False cancels (PrintCancelled).
    """
    print_language(lang)
    loaded, _problems = templates(console)
    total = 0
    for code, copies in items:
        if code not in loaded:
            raise _unknown_template(code, loaded)
        if not 1 <= copies <= MAX_COPIES:
            raise ServiceError(
                N_("Copies must be between 1 and {max_copies}, not {copies}."),
                max_copies=MAX_COPIES,
                copies=copies,
            )
        total += copies
    if total == 0:
        raise ServiceError(N_("Choose at least one form to print."))
    if total > MAX_COPIES:
        raise ServiceError(
            N_("A pack holds at most {max_copies} sheets; print it in parts."),
            max_copies=MAX_COPIES,
        )
    exercise = False
    if incident is not None:
        with console.db.read() as session:
            row = session.get(Incident, incident)
            if row is None:
                raise IncidentUnknown(incident=incident)
            exercise = bool(row.exercise)
    doc = plan_service.require_document(console)
    hospital, printed_at = sheet_stamp(console, doc, lang)
    first = reserve_serials(console, total)
    all_serials = list(serial_rules.block(console.device_code, first, total))
    # Forms whose rows carry temporary patient numbers take them now, reserved like serials.
    numbered = [
        loaded[code].tables[0].rows * copies if loaded[code].temporary_numbers else 0
        for code, copies in items
    ]
    reserved = iter(number_service.reserve(console, sum(numbered)) if any(numbered) else ())
    sheets: list[Sheet] = []
    for (code, copies), count in zip(items, numbered, strict=True):
        for _ in range(copies):
            serial = all_serials[len(sheets)]
            rows = count // copies
            sheets.append(
                Sheet(
                    template=code,
                    serial=serial,
                    incident_id=incident,
                    exercise=exercise,
                    hospital=hospital,
                    printed_at=printed_at,
                    page_no=len(sheets) + 1,
                    page_count=total,
                    numbers=tuple(next(reserved) for _ in range(rows)),
                )
            )
    from hisconsole.printing.forms import render_pack

    buffer = io.BytesIO()
    render_pack(sheets, loaded, lang=lang, out=buffer, progress=progress)
    return PreparedPack(
        pdf=buffer.getvalue(),
        serials=all_serials,
        items=[(code, loaded[code].version, copies) for code, copies in items],
        first=first,
        incident=incident,
        lang=lang,
        department=department,
        numbers=[sheet.numbers for sheet in sheets],
        ward=number_service.ward_for(console, department) if any(numbered) else "",
    )


def sheet_stamp(console: Console, doc: Mapping[str, Any], lang: str) -> tuple[str, str]:
    """The hospital's name and the print time as sheets printed in ``lang`` show them."""
    from hisconsole.i18n.formats import format_datetime

    words = Words(print_language(lang))
    return words.pick(doc["meta"]["hospital"]), format_datetime(console.now(), words.first)


def record_pack(
    console: Console, pack: PreparedPack, *, job: str = "", printer: str = ""
) -> list[str]:
    """Record a prepared pack's sheets as issued (saved, or its print job accepted)."""
    number = pack.first
    for code, version, copies in pack.items:
        start = number - pack.first
        record_issued(
            console,
            template=code,
            template_version=version,
            first=number,
            count=copies,
            incident=pack.incident,
            lang=pack.lang,
            department=pack.department,
            job=job,
            printer=printer,
            numbers=[n for sheet in pack.numbers[start : start + copies] for n in sheet],
            ward=pack.ward,
        )
        number += copies
    return pack.serials


def print_pack(
    console: Console,
    items: Sequence[tuple[str, int]],
    *,
    incident: str | None = None,
    lang: str = "zh",
    out: BinaryIO,
    progress: Callable[[int, int], bool] | None = None,
    department: str = "",
) -> list[str]:
    """Render a pack into ``out`` and, once written, record its sheets as issued.

    Nothing is recorded as issued unless the whole PDF was written; a cancelled
    print (``progress`` returned False) raises PrintCancelled and records nothing.
    """
    pack = prepare_pack(
        console, items, incident=incident, lang=lang, progress=progress, department=department
    )
    out.write(pack.pdf)
    return record_pack(console, pack)


def print_to_file(
    console: Console,
    template: str,
    copies: int,
    path: Path,
    *,
    incident: str | None = None,
    lang: str = "zh",
    department: str = "",
) -> list[str]:
    """Print a pack to a PDF file. The PDF is checked, written and synced in place before
    the sheets are recorded as issued, so a full disk or a bad path records nothing."""
    path = check_target(path)  # a folder or a missing folder is refused before rendering
    pack = prepare_pack(
        console, [(template, copies)], incident=incident, lang=lang, department=department
    )
    write_atomically(path, pack.pdf)
    try:
        return record_pack(console, pack)
    except BaseException:
        # Unrecorded serials must not reach paper: the PDF goes with the failed record.
        path.unlink(missing_ok=True)
        raise


# --- paper stock -------------------------------------------------------------------------


def count_stock(console: Console, template: str, count: int) -> ChangeSet:
    """Record a physical count of the sheets of one form on hand."""
    loaded, _ = templates(console)
    if template not in loaded:
        raise _unknown_template(template, loaded)
    if count < 0:
        raise ServiceError(N_("A stock count cannot be negative."))
    with console.transaction() as tx:
        tx.emit(
            "forms.stock_counted",
            f"forms.stock:{template}",
            {
                "template": template,
                "count": count,
                "at": console.now().isoformat(timespec="seconds"),
            },
        )
    return ChangeSet({AREA}, 1)


def pack_for_wards(
    console: Console, wards: int, codes: Sequence[str] | None = None
) -> list[tuple[str, int]]:
    """Copies per template for ``wards`` wards for 8 hours, from each template's rate."""
    if wards < 1:
        raise ServiceError(N_("Give at least one ward."))
    loaded, _ = templates(console)
    chosen = codes or [c for c, t in loaded.items() if t.rate_per_ward_per_8h > 0]
    items = []
    for code in chosen:
        if code not in loaded:
            raise _unknown_template(code, loaded)
        rate = loaded[code].rate_per_ward_per_8h
        if rate > 0:
            items.append((code, rate * wards))
    return items


def stock(console: Console, wards: int = 1) -> list[dict[str, Any]]:
    """Per template: sheets on hand (last count minus sheets issued since), the 8-hour need
    for ``wards`` wards, and whether stock is below it; and the burn-down (domain/paper.py):
    sheets issued per hour (in all and per ward), the hours left at that rate, when the
    stock runs out, and whether that is within two hours."""
    loaded, _ = templates(console)
    now = console.now()
    since = paper.window_start(now).isoformat(timespec="seconds")
    with console.db.read() as session:
        # The burn-down's figures, summed in the database: sheets per form and ward issued
        # within the rate's window, and when the first of them was.
        issued: dict[str, dict[str, int]] = {}
        first_at: dict[str, dt.datetime] = {}
        for code, department, count, first in session.execute(
            select(
                FormSerial.template,
                FormSerial.department,
                func.count(),
                func.min(FormSerial.issued_at),
            )
            .where(FormSerial.issued_at >= since)
            .group_by(FormSerial.template, FormSerial.department)
        ):
            issued.setdefault(code, {})[department] = count
            moment = dt.datetime.fromisoformat(first)
            if moment.tzinfo is None:  # written without a zone: the log's times are UTC
                moment = moment.replace(tzinfo=dt.UTC)
            first_at[code] = min(first_at.get(code, moment), moment)
        counts = {r.template: r for r in session.scalars(select(FormStock))}
        # Counted in the database: the sheets issued since each count, not every sheet ever.
        used_since: dict[str, int] = {
            code: used
            for code, used in session.execute(
                select(FormSerial.template, func.count())
                .join(FormStock, FormStock.template == FormSerial.template)
                .where(FormSerial.issued_at > FormStock.counted_at)
                .group_by(FormSerial.template)
            )
        }
    result = []
    for code, template in loaded.items():
        row = counts.get(code)
        on_hand = None
        if row is not None:
            on_hand = max(row.counted - used_since.get(code, 0), 0)
        need = template.rate_per_ward_per_8h * wards
        burn = paper.burn_down(on_hand, issued.get(code, {}), first_at.get(code), now)
        result.append(
            {
                "template": code,
                "title": {"zh": template.title.zh, "en": template.title.en},
                "on_hand": on_hand,
                "counted_at": row.counted_at if row else None,
                "need_8h": need,
                "low": on_hand is not None and on_hand < need,
                "per_hour": round(burn.per_hour, 1),
                "per_hour_by_ward": [
                    {"ward": ward or None, "per_hour": round(rate, 1)}
                    for ward, rate in burn.by_ward.items()
                ],
                "hours_left": None if burn.hours_left is None else round(burn.hours_left, 1),
                "runs_out_at": (
                    burn.runs_out_at.isoformat(timespec="seconds") if burn.runs_out_at else None
                ),
                "running_out": burn.running_out,
            }
        )
    return result


# --- the back-entry report ---------------------------------------------------------------


def backentry_report_pdf(console: Console, incident: str | None, lang: str = "both") -> bytes:
    """The back-entry report of ``incident`` (None: every sheet) as PDF bytes, in ``lang``
    (zh, en, or both): counts per status and per form, and every serial with who/when,
    HIS reference and void reason."""
    from hisconsole.printing.backentry_report import render_backentry_report
    from hisconsole.services import incidents as incident_service
    from hisconsole.services import numbers as number_service

    summary = None
    if incident is not None:
        summary = next(
            (i for i in incident_service.list_incidents(console) if i["id"] == incident), None
        )
        if summary is None:
            raise IncidentUnknown(incident=incident)
    loaded, _problems = templates(console)
    titles = {code: {"zh": t.title.zh, "en": t.title.en} for code, t in loaded.items()}
    doc = plan_service.require_document(console)
    buffer = io.BytesIO()
    render_backentry_report(
        incident=summary,
        sheets=sheets(console, incident),
        titles=titles,
        hospital=doc["meta"]["hospital"],
        printed_at=console.now().astimezone(),
        out=buffer,
        numbers=number_service.listing(console, incident=incident),
        lang=print_language(lang),
    )
    return buffer.getvalue()


def write_backentry_report(
    console: Console, incident: str | None, out: Path, lang: str = "both"
) -> None:
    """The back-entry report written to ``out`` (a bad path or a full disk writes nothing)."""
    check_target(out)
    write_atomically(out, backentry_report_pdf(console, incident, lang))
