"""CUPS (Linux, macOS): the PDF itself is the job.

Jobs are submitted with ``lp`` and cancelled with ``cancel``, the CUPS tools
every installation has; printer and job states come over IPP from the same
server (``spool.ipp``), since no tool reports a job's state. The document is
sent as it is: CUPS's own filters turn PDF into what the printer speaks.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from hisconsole.errors import N_
from hisconsole.spool import (
    JobOptions,
    JobStatus,
    Printer,
    PrintSystemError,
    QueuedJob,
    ipp,
)

#: IPP job-state values (RFC 8011 5.3.7) in the console's words.
JOB_STATES = {
    3: "queued",  # pending
    4: "queued",  # pending-held
    5: "printing",
    6: "stopped",  # processing-stopped
    7: "cancelled",
    8: "failed",  # aborted
    9: "completed",
}
PRINTER_IDLE, PRINTER_PROCESSING, PRINTER_STOPPED = 3, 4, 5
PRINTER_ATTRIBUTES = (
    "printer-name",
    "printer-state",
    "printer-state-reasons",
    "printer-state-message",
    "printer-is-accepting-jobs",
    "printer-info",
    "printer-location",
    "queued-job-count",
    "media-supported",
    "media-source-supported",
    "sides-supported",
)
JOB_ATTRIBUTES = (
    "job-id",
    "job-name",
    "job-state",
    "job-state-reasons",
    "job-printer-state-message",
    "job-printer-uri",
    "job-impressions-completed",
    "job-k-octets",
    "job-originating-user-name",
)
_REQUEST_ID = re.compile(r"request id is (\S+)-(\d+)")
TOOL_TIMEOUT_S = 120


def printer_state(state: int, reasons: tuple[str, ...], accepting: bool) -> str:
    """The user's word for a printer: stopped, offline, out-of-paper, printing or ready."""
    if state == PRINTER_STOPPED or not accepting:
        return "stopped"
    if any(r.startswith(("offline", "shutdown", "timed-out")) for r in reasons):
        return "offline"
    if any(r.startswith(("media-empty", "media-needed")) for r in reasons):
        return "out-of-paper"
    return "printing" if state == PRINTER_PROCESSING else "ready"


def lp_arguments(printer: str, options: JobOptions, title: str) -> list[str]:
    """The ``lp`` command line for a job with ``options`` (the file name comes last)."""
    args = ["lp", "-d", printer, "-t", title, "-n", str(options.copies)]
    args += ["-o", f"collate={'true' if options.collate else 'false'}"]
    args += ["-o", f"sides={options.sides}"]
    if options.media:
        args += ["-o", f"media={options.media}"]
    if options.tray:
        args += ["-o", f"media-source={options.tray}"]
    return args


def _tool(args: list[str], stdin: bytes | None = None) -> str:
    if shutil.which(args[0]) is None:
        raise PrintSystemError(
            N_("The CUPS command {args!r} is not installed (Debian: apt install cups-client)."),
            args=args[0],
        )
    try:
        done = subprocess.run(
            args, input=stdin, capture_output=True, timeout=TOOL_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise PrintSystemError(
            N_("{args} did not answer within {tool_timeout_s} s."),
            args=args[0],
            tool_timeout_s=TOOL_TIMEOUT_S,
        ) from exc
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise PrintSystemError(said.removeprefix(f"{args[0]}: "))
    return done.stdout.decode("utf-8", "replace")


def _ask(operation: int, attributes: list[Any], path: str = "/") -> ipp.Response:
    try:
        return ipp.request(operation, attributes, path=path)
    except ipp.IppError as exc:
        raise PrintSystemError(str(exc)) from exc


def _printer(attrs: dict[str, list[Any]], default: str) -> Printer:
    name = str(ipp.first(attrs, "printer-name", ""))
    reasons = tuple(str(r) for r in attrs.get("printer-state-reasons", []))
    accepting = bool(ipp.first(attrs, "printer-is-accepting-jobs", True))
    state = int(ipp.first(attrs, "printer-state", PRINTER_IDLE))
    return Printer(
        name=name,
        state=printer_state(state, reasons, accepting),
        reasons=reasons,
        message=str(ipp.first(attrs, "printer-state-message", "")),
        accepting=accepting,
        is_default=name == default,
        description=str(ipp.first(attrs, "printer-info", "")),
        location=str(ipp.first(attrs, "printer-location", "")),
        queued=int(ipp.first(attrs, "queued-job-count", 0)),
        media=tuple(str(m) for m in attrs.get("media-supported", [])),
        trays=tuple(str(t) for t in attrs.get("media-source-supported", [])),
        sides=tuple(str(s) for s in attrs.get("sides-supported", ["one-sided"])),
    )


def _job_number(job: str) -> tuple[str, int]:
    printer, _, number = job.rpartition("-")
    if not printer or not number.isdigit():
        raise PrintSystemError(N_("{job!r} is not a CUPS job (PRINTER-NUMBER)."), job=job)
    return printer, int(number)


class Cups:
    """The CUPS server the command-line tools use (``CUPS_SERVER``, client.conf, local)."""

    def default(self) -> str:
        try:
            answer = ipp.request(
                ipp.CUPS_GET_DEFAULT, [ipp.keywords("requested-attributes", ["printer-name"])]
            )
        except ipp.IppError:
            return ""  # no default printer is set: not an error
        return next((str(ipp.first(g, "printer-name", "")) for g in answer.of(0x04)), "")

    def printers(self) -> list[Printer]:
        answer = _ask(
            ipp.CUPS_GET_PRINTERS, [ipp.keywords("requested-attributes", PRINTER_ATTRIBUTES)]
        )
        default = self.default()
        found = [_printer(attrs, default) for attrs in answer.of(0x04)]
        return sorted(found, key=lambda p: (not p.is_default, p.name.lower()))

    def printer(self, name: str) -> Printer:
        answer = _ask(
            ipp.GET_PRINTER_ATTRIBUTES,
            [ipp.printer_uri(name), ipp.keywords("requested-attributes", PRINTER_ATTRIBUTES)],
            path=f"/printers/{name}",
        )
        groups = answer.of(0x04)
        if not groups:
            raise PrintSystemError(N_("There is no printer {name!r}."), name=name)
        return _printer(groups[0], self.default())

    def queue(self, printer: str) -> list[QueuedJob]:
        answer = _ask(
            ipp.GET_JOBS,
            [
                ipp.printer_uri(printer),
                ipp.keywords("which-jobs", ["not-completed"]),
                ipp.keywords("requested-attributes", JOB_ATTRIBUTES),
            ],
            path=f"/printers/{printer}",
        )
        return [
            QueuedJob(
                job=f"{printer}-{ipp.first(attrs, 'job-id', 0)}",
                title=str(ipp.first(attrs, "job-name", "")),
                state=JOB_STATES.get(int(ipp.first(attrs, "job-state", 3)), "queued"),
                user=str(ipp.first(attrs, "job-originating-user-name", "")),
                size_bytes=int(ipp.first(attrs, "job-k-octets", 0)) * 1024,
            )
            for attrs in answer.of(0x02)
        ]

    def submit(self, pdf: bytes, printer: str, options: JobOptions, title: str) -> str:
        """Hand the PDF to CUPS; returns the job ("PRINTER-NUMBER") once CUPS accepted it."""
        with tempfile.TemporaryDirectory(prefix="hisconsole-print-") as folder:
            path = Path(folder) / "job.pdf"
            path.write_bytes(pdf)
            said = _tool([*lp_arguments(printer, options, title), str(path)])
        found = _REQUEST_ID.search(said)
        if found is None:
            raise PrintSystemError(
                N_("lp did not say which job it made: {said!r}"), said=said.strip()
            )
        return f"{found.group(1)}-{found.group(2)}"

    def status(self, job: str) -> JobStatus:
        printer, number = _job_number(job)
        answer = _ask(
            ipp.GET_JOB_ATTRIBUTES,
            [
                ipp.printer_uri(printer),
                ipp.integer("job-id", number),
                ipp.keywords("requested-attributes", JOB_ATTRIBUTES),
            ],
            path="/jobs",
        )
        groups = answer.of(0x02)
        if not groups:
            raise PrintSystemError(N_("The print system no longer knows job {job}."), job=job)
        attrs = groups[0]
        state = JOB_STATES.get(int(ipp.first(attrs, "job-state", 3)), "queued")
        printer_reasons: tuple[str, ...] = ()
        message = str(ipp.first(attrs, "job-printer-state-message", ""))
        if state in ("queued", "printing", "stopped"):
            # A job waiting on a stopped printer is stopped too: say the printer's reason.
            queue = self.printer(printer)
            printer_reasons = tuple(r for r in queue.reasons if r != "none")
            if queue.state == "stopped":
                state = "stopped"
                if not queue.accepting:
                    printer_reasons += ("not accepting jobs",)
                # The printer's own words say why (cupsdisable -r, a driver's report).
                message = queue.message or message
        return JobStatus(
            job=job,
            printer=printer,
            state=state,
            reasons=tuple(
                str(r)
                for r in attrs.get("job-state-reasons", [])
                if not (state == "stopped" and r == "job-printing")
            ),
            message=message,
            pages_done=ipp.first(attrs, "job-impressions-completed"),
            size_bytes=int(ipp.first(attrs, "job-k-octets", 0)) * 1024,
            printer_reasons=printer_reasons,
        )

    def cancel(self, job: str) -> None:
        _job_number(job)
        _tool(["cancel", job])
