"""Printing numbered packs on the machine's printers, and following each job to its end.

A pack goes to the print system as the PDF itself (``hisconsole.spool``). Its
sheets are *issued* when the print system accepts the job ("sent"), and
*printed* when the job completes. A job that is cancelled, fails, or stops on
its printer leaves its sheets "not printed" with the printer's reason; they
are then reprinted (same serials, marked 重印 REPRINT n, so the earlier paper of
that serial is void) or voided. Qt-free; the GUI and the CLI both use this.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from hisconsole.domain.forms import Sheet
from hisconsole.errors import N_, KnownError
from hisconsole.services import forms as forms_service
from hisconsole.services import numbers as number_service
from hisconsole.services import plan as plan_service
from hisconsole.services.console import ChangeSet, Console, ServiceError
from hisconsole.spool import (
    JOB_STATES,
    PRINTER_STATES,
    SIDES,
    JobOptions,
    JobStatus,
    Printer,
    PrintSystem,
    PrintSystemError,
    QueuedJob,
    system,
)
from hisconsole.store.models import FormSerial, Incident

__all__ = [
    "JOB_STATES",
    "PRINTER_STATES",
    "SIDES",
    "JobOptions",
    "JobStatus",
    "PrintJob",
    "Printer",
    "QueuedJob",
]

AREA = forms_service.AREA
#: How often a followed job is asked about (seconds).
POLL_S = 0.5


def _print_system(given: PrintSystem | None) -> PrintSystem:
    return given if given is not None else system()


def _refused(exc: PrintSystemError) -> ServiceError:
    return ServiceError(str(exc))


def printers(spool: PrintSystem | None = None) -> list[Printer]:
    """The printers this laptop can print on, the default first, with their state."""
    try:
        return _print_system(spool).printers()
    except PrintSystemError as exc:
        raise _refused(exc) from exc


def queue(printer: str, spool: PrintSystem | None = None) -> list[QueuedJob]:
    """The jobs waiting or printing on ``printer`` (any program's)."""
    try:
        return _print_system(spool).queue(printer)
    except PrintSystemError as exc:
        raise _refused(exc) from exc


class PrinterStopped(KnownError):
    code = "print.printer-stopped"
    template = (
        "The printer {printer} is stopped ({reason}): it would take the job and print "
        "nothing. Choose another printer, or start this one again (CUPS: 'cupsenable "
        "{printer}'; Windows: resume it under Printers) and print again. Nothing was printed."
    )


def _refuse_stopped(spool: PrintSystem, printer: str) -> None:
    """A stopped queue (disabled, paused) is refused before the job, as a missing printer
    is: sent there, numbered sheets would wait as "sent" with nothing coming out."""
    try:
        listed = {p.name: p for p in spool.printers()}
    except PrintSystemError:
        return  # the job's own refusal says what is wrong with the print system
    found = listed.get(printer)
    if found is not None and found.state == "stopped":
        raise PrinterStopped(printer=printer, reason=found.reason or found.state)


@dataclass
class PrintJob:
    """A job the print system accepted, and the numbered sheets it carries."""

    job: str
    printer: str
    serials: list[str]
    reprint: int = 0
    pages: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"job": self.job, "printer": self.printer, "serials": self.serials}


def _check_options(options: JobOptions) -> None:
    if options.copies != 1:
        raise ServiceError(
            N_(
                "Each sheet carries its own serial, so the printer cannot make copies "
                "of it. Choose the number of sheets instead. Nothing was printed."
            )
        )


def send(
    console: Console,
    pack: forms_service.PreparedPack,
    printer: str,
    *,
    options: JobOptions | None = None,
    pdf: bytes | None = None,
    title: str = "",
    spool: PrintSystem | None = None,
) -> PrintJob:
    """Send a prepared pack (or ``pdf``, a document holding it, such as the kit) to ``printer``.

    The sheets are recorded as issued ("sent") only once the print system
    accepted the job; a refused job records nothing.
    """
    options = options or JobOptions()
    _check_options(options)
    if not printer.strip():
        raise ServiceError(N_("Choose a printer. Nothing was printed."))
    data = pdf if pdf is not None else pack.pdf
    name = title or f"{pack.serials[0]} … {pack.serials[-1]}"
    spool = _print_system(spool)
    _refuse_stopped(spool, printer)
    try:
        job = spool.submit(data, printer, options, name)
    except PrintSystemError as exc:
        raise ServiceError(
            N_("The printer {printer} did not take the job: {exc} Nothing was recorded."),
            printer=printer,
            exc=exc,
        ) from exc
    forms_service.record_pack(console, pack, job=job, printer=printer)
    pages = len(pack.serials) if pdf is None else _page_count(pdf)
    return PrintJob(job, printer, list(pack.serials), pages=pages)


def send_document(
    pdf: bytes,
    printer: str,
    *,
    options: JobOptions | None = None,
    title: str = "",
    spool: PrintSystem | None = None,
) -> PrintJob:
    """Send a document without numbered sheets (a report) to ``printer``; nothing is
    recorded. Follow it like any job to know it came out."""
    options = options or JobOptions()
    if not printer.strip():
        raise ServiceError(N_("Choose a printer. Nothing was printed."))
    spool = _print_system(spool)
    _refuse_stopped(spool, printer)
    try:
        job = spool.submit(pdf, printer, options, title or "HIS Console")
    except PrintSystemError as exc:
        raise ServiceError(
            N_("The printer {printer} did not take the job: {exc}"), printer=printer, exc=exc
        ) from exc
    return PrintJob(job, printer, [], pages=_page_count(pdf))


def _page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def follow(
    job: PrintJob,
    *,
    on_status: Callable[[JobStatus], None] | None = None,
    until_stopped: bool = True,
    timeout: float | None = None,
    spool: PrintSystem | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> JobStatus:
    """Ask the print system about ``job`` until it ended (or stopped, when ``until_stopped``).

    ``on_status`` hears every change. Returns the last status; on ``timeout``
    the job's current one (not ended).
    """
    spool = _print_system(spool)
    deadline = None if timeout is None else time.monotonic() + timeout
    last: JobStatus | None = None
    while True:
        try:
            status = spool.status(job.job)
        except PrintSystemError as exc:
            raise _refused(exc) from exc
        if status != last and on_status is not None:
            on_status(status)
        # Stopped counts once seen twice in a row: the print system sets a printer's
        # state before its reason, and a printer may pause for a moment.
        stopped_twice = status.state == "stopped" and last is not None and last.state == "stopped"
        last = status
        if status.ended or (until_stopped and stopped_twice):
            return status
        if deadline is not None and time.monotonic() > deadline:
            return status
        sleep(POLL_S)


def record_end(
    console: Console, job: PrintJob, status: JobStatus, *, spool: PrintSystem | None = None
) -> str:
    """Record how ``job`` ended: its sheets printed, or not printed with the printer's reason.

    A job stopped on its printer is cancelled first, so that its sheets cannot come
    out later as well as their reprint. Returns the sheets' print state.
    """
    if status.state == "completed":
        state, reason = "printed", ""
    elif status.ended or status.state == "stopped":
        state = "not-printed"
        reason = f"{status.state}: {status.reason}" if status.reason else status.state
        if status.state == "stopped":
            try:
                _print_system(spool).cancel(job.job)
            except PrintSystemError as exc:
                raise ServiceError(
                    N_(
                        "The stopped job {job} could not be cancelled: {exc} Cancel it at the "
                        "printer before reprinting."
                    ),
                    job=job.job,
                    exc=exc,
                ) from exc
    else:
        raise ServiceError(
            N_("Job {job} has not ended yet ({state})."), job=job.job, state=status.state
        )
    if not job.serials:
        return state  # a document without numbered sheets: nothing to record
    _emit_print_state(
        console,
        job.serials,
        state,
        job=job.job,
        printer=job.printer,
        reason=reason,
        reprint=job.reprint,
    )
    return state


def _emit_print_state(
    console: Console,
    serials: Sequence[str],
    state: str,
    *,
    job: str,
    printer: str,
    reason: str = "",
    reprint: int = 0,
) -> ChangeSet:
    with console.transaction() as tx:
        tx.emit(
            "forms.print_state",
            f"forms:print:{job}",
            {
                "serials": list(serials),
                "state": state,
                "job": job,
                "printer": printer,
                "reason": reason,
                "reprint": reprint,
                "at": console.now().isoformat(timespec="seconds"),
            },
        )
        return ChangeSet({AREA}, len(tx.written))


def status(job: PrintJob, spool: PrintSystem | None = None) -> JobStatus:
    """Where ``job`` is now, as the print system says."""
    try:
        return _print_system(spool).status(job.job)
    except PrintSystemError as exc:
        raise _refused(exc) from exc


@dataclass
class Outcome:
    """Where a job got to: its last status and its sheets' print state."""

    job: PrintJob
    state: str
    print_state: str
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.job.as_dict(),
            "reprint": self.job.reprint,
            "state": self.state,
            "print_state": self.print_state,
            "reason": self.reason,
        }


def wait(
    console: Console,
    job: PrintJob,
    *,
    timeout: float | None = None,
    on_status: Callable[[JobStatus], None] | None = None,
    spool: PrintSystem | None = None,
) -> Outcome:
    """Follow ``job`` until it completed, failed, was cancelled or stopped on its printer,
    and record its end. On ``timeout`` nothing is recorded: the sheets stay "sent"."""
    status = follow(job, on_status=on_status, timeout=timeout, spool=spool)
    if not (status.ended or status.state == "stopped"):
        return Outcome(job, status.state, "sent", status.reason)
    state = record_end(console, job, status, spool=spool)
    return Outcome(job, status.state, state, status.reason)


def settle(console: Console, spool: PrintSystem | None = None) -> int:
    """Record the end of jobs that ended while nobody followed them (the window was
    closed, the command did not wait); returns how many jobs were settled. A job the
    print system no longer knows, or one still on its printer, is left "sent"."""
    with console.db.read() as session:
        rows = session.execute(
            select(
                FormSerial.print_job, FormSerial.serial, FormSerial.reprints, FormSerial.device_id
            )
            .where(FormSerial.print_state == "sent")
            .order_by(FormSerial.serial)
        ).all()
    jobs: dict[str, tuple[list[str], int]] = {}
    for job, serial, reprints, device in rows:
        if job and device == console.device_id:  # another laptop's job is not on this one's spool
            jobs.setdefault(job, ([], reprints))[0].append(serial)
    settled = 0
    system_ = _print_system(spool)
    for name, (serials, reprints) in jobs.items():
        try:
            status = system_.status(name)
        except PrintSystemError:
            continue
        if status.ended:
            printer = name.rpartition("-")[0]
            record_end(
                console, PrintJob(name, printer, serials, reprint=reprints), status, spool=system_
            )
            settled += 1
    return settled


def cancel(job: PrintJob, spool: PrintSystem | None = None) -> None:
    """Ask the print system to cancel ``job`` (follow it to see it cancelled)."""
    try:
        _print_system(spool).cancel(job.job)
    except PrintSystemError as exc:
        raise _refused(exc) from exc


def not_printed(console: Console) -> list[dict[str, Any]]:
    """Sheets whose print job did not come out, and that were not voided since."""
    query = (
        select(FormSerial)
        .where(FormSerial.print_state == "not-printed", FormSerial.status != "void")
        .order_by(FormSerial.serial)
    )
    with console.db.read() as session:
        return [forms_service.sheet_row(r) for r in session.scalars(query)]


def _reprint_rows(console: Console, serials: Sequence[str]) -> list[FormSerial]:
    wanted = list(dict.fromkeys(serials))
    if not wanted:
        raise ServiceError(N_("Choose the sheets to reprint."))
    with console.db.read() as session:
        rows = {
            r.serial: r
            for r in session.scalars(select(FormSerial).where(FormSerial.serial.in_(wanted)))
        }
        for row in rows.values():
            session.expunge(row)
    unknown = [s for s in wanted if s not in rows]
    if unknown:
        raise ServiceError(
            N_("Never issued here: {unknown}. Nothing was printed."), unknown=", ".join(unknown[:5])
        )
    refused = [
        s for s in wanted if rows[s].print_state != "not-printed" or rows[s].status == "void"
    ]
    if refused:
        raise ServiceError(
            N_(
                "Only sheets recorded as not printed can be reprinted: {refused}. "
                "Nothing was printed."
            ),
            refused=", ".join(refused[:5]),
        )
    return [rows[s] for s in wanted]


def reprint_pdf(console: Console, serials: Sequence[str]) -> tuple[bytes, int]:
    """The reprint of not-printed sheets: same serials, marked 重印 REPRINT n (n = the
    highest reprint of them so far + 1). Returns the PDF and n."""
    from pypdf import PdfReader, PdfWriter

    from hisconsole.printing.forms import render_pack

    rows = _reprint_rows(console, serials)
    reprint = max(r.reprints for r in rows) + 1
    loaded, _problems = forms_service.templates(console)
    missing = sorted({r.template for r in rows if r.template not in loaded})
    if missing:
        raise ServiceError(
            N_("No form template {missing!r} on this laptop to reprint it."), missing=missing[0]
        )
    doc = plan_service.require_document(console)
    # The numbers each sheet carried: a reprint shows the very same ones.
    carried = number_service.on_sheets(console, [r.serial for r in rows])
    with console.db.read() as session:
        exercise: dict[str | None, bool] = {
            r.incident_id: bool(getattr(session.get(Incident, r.incident_id), "exercise", False))
            for r in rows
            if r.incident_id
        }
    sheets = [
        Sheet(
            template=r.template,
            serial=r.serial,
            incident_id=r.incident_id,
            exercise=exercise.get(r.incident_id, False),
            hospital=hospital,
            printed_at=printed_at,
            page_no=number,
            page_count=len(rows),
            numbers=carried.get(r.serial, ()),
            reprint=reprint,
        )
        for number, r in enumerate(rows, start=1)
        for hospital, printed_at in [forms_service.sheet_stamp(console, doc, r.lang)]
    ]
    # One rendering per run of sheets sharing template and language (a pack may mix them).
    parts: list[bytes] = []
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or (rows[end].template, rows[end].lang) != (
            rows[start].template,
            rows[start].lang,
        ):
            buffer = io.BytesIO()
            render_pack(sheets[start:end], loaded, lang=rows[start].lang, out=buffer)
            parts.append(buffer.getvalue())
            start = end
    if len(parts) == 1:
        return parts[0], reprint
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), reprint


def reprint(
    console: Console,
    serials: Sequence[str],
    printer: str,
    *,
    options: JobOptions | None = None,
    spool: PrintSystem | None = None,
) -> PrintJob:
    """Print not-printed sheets again (marked 重印 REPRINT n); they are "sent" once the
    print system accepted the job. Follow it and :func:`record_end` it like any job."""
    options = options or JobOptions()
    _check_options(options)
    pdf, number = reprint_pdf(console, serials)
    wanted = list(dict.fromkeys(serials))
    title = f"{wanted[0]} … {wanted[-1]} (reprint {number})"
    try:
        job = _print_system(spool).submit(pdf, printer, options, title)
    except PrintSystemError as exc:
        raise ServiceError(
            N_("The printer {printer} did not take the job: {exc} Nothing was recorded."),
            printer=printer,
            exc=exc,
        ) from exc
    _emit_print_state(console, wanted, "sent", job=job, printer=printer, reprint=number)
    return PrintJob(job, printer, wanted, reprint=number, pages=len(wanted))


def void(console: Console, serials: Sequence[str]) -> forms_service.StatusResult:
    """Void not-printed sheets (their serials are never used)."""
    _reprint_rows(console, serials)
    return forms_service.set_status(console, " ".join(serials), "void", reason="not printed")
