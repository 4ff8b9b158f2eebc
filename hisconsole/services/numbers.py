"""Temporary patient numbers (临时住院号 / 应急号段): ranges issued to wards, tracked to
the end — used or void — so the back-entry team knows which to merge into the HIS.

Numbers embed this laptop's device code and its own counter (``LS-K7QF-00042``,
see domain/numbers.py): laptops issue at the same time without asking each other,
and no two numbers collide after a sync. Only the number, its ward, its incident
and its status are kept; patient details stay on paper.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hisconsole.domain import numbers as rules
from hisconsole.errors import N_
from hisconsole.i18n import languages_of
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.services.errors import IncidentUnknown, print_language
from hisconsole.store.eventlog import EventWriter
from hisconsole.store.models import Incident, Meta, TempNumber, TempNumberStatus, Ward

AREA = "numbers"
STATUSES = rules.STATUSES


class WardUnknown(ServiceError):
    code = "numbers.ward-unknown"
    template = (
        "No ward {ward!r}; the wards are {known}. Add one with 'hisconsole numbers ward-add'."
    )


class CountInvalid(ServiceError):
    code = "numbers.count-invalid"
    template = "Issue from 1 to {most} numbers at a time, not {count}."


class NumbersNeverIssued(ServiceError):
    code = "numbers.never-issued"
    template = "{count} number(s) were never issued: {numbers}. Nothing was recorded."


class NumberVoided(ServiceError):
    code = "numbers.voided"
    template = (
        "{number} is void ({reason}) and can never be used; give the patient another "
        "number. Nothing was recorded."
    )


class ReasonRequired(ServiceError):
    code = "numbers.reason-required"
    template = "Say why the number is void (--reason). Nothing was recorded."


class NoNumbersToPrint(ServiceError):
    code = "numbers.none-to-print"
    template = (
        "Ward {ward} has no unused temporary numbers to print; issue some first "
        "('hisconsole numbers issue --ward {ward} --count N')."
    )


class WardNameMissing(ServiceError):
    code = "numbers.ward-name-missing"
    template = "Give the ward's name in Chinese and in English."


# --- wards ---------------------------------------------------------------------------------


def wards(console: Console, *, removed: bool = False) -> list[dict[str, Any]]:
    """The wards, by code (``removed``: those taken out of use too)."""
    with console.db.read() as session:
        rows = session.scalars(select(Ward).order_by(Ward.code)).all()
    return [
        {"code": r.code, "name": {"zh": r.name_zh, "en": r.name_en}, "active": bool(r.active)}
        for r in rows
        if removed or r.active
    ]


def set_ward(console: Console, code: str, zh: str, en: str, *, active: bool = True) -> ChangeSet:
    """Add a ward, rename it, or (``active=False``) take it out of use; numbers already
    issued to it keep it."""
    code = rules.ward_code(code)
    zh, en = " ".join(zh.split()), " ".join(en.split())
    if not (zh and en):
        raise WardNameMissing()
    with console.transaction() as tx:
        tx.emit(
            "numbers.ward_set",
            f"ward:{code}",
            {
                "code": code,
                "name": {"zh": zh, "en": en},
                "active": active,
                "at": console.now().isoformat(timespec="seconds"),
            },
        )
    return ChangeSet({AREA}, 1)


def remove_ward(console: Console, code: str) -> ChangeSet:
    ward = _ward(console, code)
    return set_ward(console, ward["code"], ward["name"]["zh"], ward["name"]["en"], active=False)


def _ward(console: Console, code: str) -> dict[str, Any]:
    known = wards(console)
    found = next((w for w in known if w["code"] == code.strip()), None)
    if found is None:
        raise WardUnknown(ward=code, known=", ".join(w["code"] for w in known) or "none")
    return found


# --- numbers -------------------------------------------------------------------------------


def issue(console: Console, ward: str, count: int, incident: str | None = None) -> list[str]:
    """Issue ``count`` consecutive numbers to ``ward``; returns them. One transaction: the
    counter moves only with the issue, so a refusal leaves no gap and records nothing."""
    if not 1 <= count <= rules.MAX_RANGE:
        raise CountInvalid(count=count, most=rules.MAX_RANGE)
    code = _ward(console, ward)["code"]
    prefix = console.device_code
    with console.transaction() as tx:
        if incident is not None and tx.session.get(Incident, incident) is None:
            raise IncidentUnknown(incident=incident)
        first = _take_counters(tx.session, prefix, count)
        emit_issued(tx, console, first=first, count=count, ward=code, incident=incident)
    return list(rules.block(prefix, first, count))


def _take_counters(session: Session, prefix: str, count: int) -> int:
    """Move this laptop's number counter past ``count`` numbers; returns the first."""
    stored = session.get(Meta, "numbers.next")
    highest = session.scalar(
        select(func.max(TempNumber.counter)).where(TempNumber.prefix == prefix)
    )
    # The stored counter, or past the highest number seen (a restored backup).
    first = max(int(stored.value) if stored else 1, (highest or 0) + 1)
    session.merge(Meta(key="numbers.next", value=str(first + count)))
    return first


def reserve(console: Console, count: int) -> list[str]:
    """Reserve ``count`` numbers to print on sheets (the registration form's rows); they
    are issued with the sheets (:func:`emit_issued`). Like a serial, a reserved number is
    never used again, so a cancelled print leaves a gap and records nothing."""
    with console.db.write() as session:
        first = _take_counters(session, console.device_code, count)
    return list(rules.block(console.device_code, first, count))


def emit_issued(
    tx: EventWriter,
    console: Console,
    *,
    first: int,
    count: int,
    ward: str,
    incident: str | None,
    sheets: dict[str, int] | None = None,
) -> None:
    """Within ``tx``: numbers ``first``… issued to ``ward``; ``sheets`` (``{"first":
    serial number, "rows": per sheet}``) when they are printed on sheets."""
    prefix = console.device_code
    tx.emit(
        "numbers.issued",
        f"numbers:{prefix}-{first}",
        {
            "prefix": prefix,
            "first": first,
            "count": count,
            "ward": ward,
            "incident": incident,
            **({"sheets": sheets} if sheets else {}),
            "at": console.now().isoformat(timespec="seconds"),
        },
    )


def ward_for(console: Console, department: str) -> str:
    """The register's ward a sheet printed for ``department`` goes to (its code, or its
    name in either language, as typed), "" when it is none of them."""
    wanted = " ".join(department.split()).casefold()
    for ward in wards(console) if wanted else ():
        names = (ward["code"], ward["name"]["zh"], ward["name"]["en"])
        if wanted in (n.casefold() for n in names):
            return str(ward["code"])
    return ""


def on_sheets(console: Console, serials: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The numbers pre-printed on each of the sheets ``serials``, row by row."""
    found: dict[str, list[str]] = {}
    with console.db.read() as session:
        for sheet, number in session.execute(
            select(TempNumber.sheet, TempNumber.number)
            .where(TempNumber.sheet.in_(list(serials)))
            .order_by(TempNumber.prefix, TempNumber.counter)
        ):
            found.setdefault(sheet, []).append(number)
    return {serial: tuple(numbers) for serial, numbers in found.items()}


@dataclass
class StatusResult:
    """What marking numbers used or void did to each one."""

    status: str
    changed: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "changed": self.changed, "already": self.already}


def set_status(console: Console, text: str, status: str, *, reason: str = "") -> StatusResult:
    """Mark the numbers in ``text`` used (a patient got it) or void (spoiled, lost, never
    to be used). All or nothing: an unknown number, or using a void one, changes nothing."""
    if status not in ("used", "void"):
        raise ServiceError(N_("Unknown status {status!r}; use used or void."), status=status)
    if status == "void" and not reason.strip():
        raise ReasonRequired()
    wanted = rules.expand(text)
    result = StatusResult(status)
    with console.transaction() as tx:
        known = set(
            tx.session.scalars(select(TempNumber.number).where(TempNumber.number.in_(wanted)))
        )
        unknown = [n for n in wanted if n not in known]
        if unknown:
            shown = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
            raise NumbersNeverIssued(count=len(unknown), numbers=shown)
        current = {
            r.number: r
            for r in tx.session.scalars(
                select(TempNumberStatus).where(TempNumberStatus.number.in_(wanted))
            )
        }
        for n in wanted:
            row = current.get(n)
            now = row.status if row is not None else "issued"
            if now == status:
                result.already.append(n)
            elif now == "void":
                raise NumberVoided(number=n, reason=row.reason if row else "")
            else:
                result.changed.append(n)
        if result.changed:
            tx.emit(
                "numbers.status",
                f"numbers:{status}",
                {
                    "numbers": result.changed,
                    "status": status,
                    "reason": reason.strip(),
                    "at": console.now().isoformat(timespec="seconds"),
                },
            )
    return result


def listing(
    console: Console,
    *,
    ward: str | None = None,
    status: str | None = None,
    incident: str | None = None,
) -> list[dict[str, Any]]:
    """Every issued number (of one ward, status or incident), in the order issued."""
    query = (
        select(TempNumber, TempNumberStatus, Ward)
        .outerjoin(TempNumberStatus, TempNumberStatus.number == TempNumber.number)
        .outerjoin(Ward, Ward.code == TempNumber.ward)
    )
    if ward is not None:
        query = query.where(TempNumber.ward == ward)
    if incident is not None:
        query = query.where(TempNumber.incident_id == incident)
    with console.db.read() as session:
        rows = session.execute(query.order_by(TempNumber.prefix, TempNumber.counter)).all()
    out = []
    for number, state, ward_row in rows:
        row = {
            "number": number.number,
            "ward": number.ward,
            "ward_name": (
                {"zh": ward_row.name_zh, "en": ward_row.name_en}
                if ward_row is not None
                else {"zh": number.ward, "en": number.ward}
            ),
            "incident": number.incident_id,
            "issued_at": number.issued_at,
            "issued_by": number.issued_by,
            "status": state.status if state is not None else "issued",
            "status_at": state.status_at if state is not None else None,
            "status_by": state.status_by if state is not None else None,
            "reason": state.reason if state is not None else "",
            "sheet": number.sheet,
        }
        if status is None or row["status"] == status:
            out.append(row)
    return out


def to_merge(console: Console, incident: str | None = None) -> list[dict[str, Any]]:
    """The numbers patients were given (used, not void): each must be merged into the HIS
    (the patient's real record made or found, and the paper moved to it)."""
    return listing(console, status="used", incident=incident)


def counts(console: Console, incident: str | None = None) -> dict[str, int]:
    """Numbers per status (issued, used, void)."""
    found = {s: 0 for s in STATUSES}
    for row in listing(console, incident=incident):
        found[row["status"]] += 1
    return found


def unused(console: Console, ward: str) -> list[dict[str, Any]]:
    """The numbers of ``ward`` not yet used nor void (what a label sheet or kit carries);
    not those printed on sheets (they are on paper already: one number, one patient)."""
    code = _ward(console, ward)["code"]
    return [r for r in listing(console, ward=code, status="issued") if r["sheet"] is None]


def unused_by_ward(console: Console) -> list[dict[str, Any]]:
    """Every ward in use with how many of its numbers are not yet used nor void (what its
    label sheet would carry), by code: ``[{"code", "name": {"zh", "en"}, "unused"}]``."""
    held = Counter(r["ward"] for r in listing(console, status="issued") if r["sheet"] is None)
    return [{**w, "unused": held.get(w["code"], 0)} for w in wards(console)]


def labels_pdf(
    console: Console,
    *,
    ward: str | None = None,
    numbers: Sequence[str] = (),
    lang: str = "zh",
) -> bytes:
    """A label sheet (PDF) of ``numbers``, or of every unused number of ``ward``, in
    ``lang`` (zh, en or both)."""
    from hisconsole.i18n.formats import format_datetime
    from hisconsole.printing.number_labels import render_number_labels

    shown = print_language(lang)
    if numbers:
        wanted = set(numbers)
        rows = [r for r in listing(console) if r["number"] in wanted]
    else:
        rows = unused(console, ward or "")
        if not rows:
            raise NoNumbersToPrint(ward=ward)
    doc = plan_service.require_document(console)
    buffer = io.BytesIO()
    render_number_labels(
        rows,
        hospital=doc["meta"]["hospital"],
        printed_at=format_datetime(console.now(), languages_of(shown)[0]),
        lang=shown,
        out=buffer,
    )
    return buffer.getvalue()
