"""The machine's print system: printers, their state, and print jobs followed to their end.

CUPS (Linux, macOS) takes the PDF itself (``spool.cups``); Windows prints it as
vectors through PDFium into the printer's device context (``spool.windows``).
Both speak the words defined here, and :func:`system` picks the one this
machine has. Qt-free; raises :class:`PrintSystemError` (never changes anything
in the console's database).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Protocol

from hisconsole.errors import N_, KnownError

#: What a printer is doing, from the user's point of view (most urgent first).
PRINTER_STATES = ("stopped", "offline", "out-of-paper", "printing", "ready")
#: Where a job is: queued -> printing -> completed / stopped / cancelled / failed.
JOB_STATES = ("queued", "printing", "completed", "stopped", "cancelled", "failed")
#: A job in one of these states is over: nothing more will come out of the printer.
JOB_ENDED = frozenset({"completed", "cancelled", "failed"})
#: Two-sided printing, as IPP names it.
SIDES = ("one-sided", "two-sided-long-edge", "two-sided-short-edge")


class PrintSystemError(KnownError):
    """The print system is missing, unreachable, or refused a request; the message says which."""

    code = "print.system"


@dataclass(frozen=True)
class JobOptions:
    """What the print dialog chose for a job (empty media/tray: the printer's default)."""

    copies: int = 1
    collate: bool = True
    sides: str = "one-sided"
    media: str = ""
    tray: str = ""

    def __post_init__(self) -> None:
        if self.copies < 1:
            raise PrintSystemError(N_("Print at least one copy."))
        if self.sides not in SIDES:
            raise PrintSystemError(N_("Unknown two-sided setting {sides!r}."), sides=self.sides)


@dataclass(frozen=True)
class Printer:
    """A print queue and what it is doing now."""

    name: str
    state: str
    #: The print system's own reason keywords (e.g. media-empty-error, offline-report, paused).
    reasons: tuple[str, ...] = ()
    message: str = ""
    accepting: bool = True
    is_default: bool = False
    description: str = ""
    location: str = ""
    #: Jobs waiting or printing on this queue.
    queued: int = 0
    media: tuple[str, ...] = ()
    trays: tuple[str, ...] = ()
    sides: tuple[str, ...] = ("one-sided",)

    @property
    def reason(self) -> str:
        """The printer's reason in its own words, for messages ("" when all is well)."""
        words = [r for r in self.reasons if r != "none"]
        if not self.accepting:
            words.append("not accepting jobs")
        text = ", ".join(words)
        if self.message and self.message not in text:
            text = f"{self.message} ({text})" if text else self.message
        return text

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "state": self.state,
            "reasons": list(self.reasons),
            "message": self.message,
            "accepting": self.accepting,
            "default": self.is_default,
            "description": self.description,
            "location": self.location,
            "queued": self.queued,
        }


@dataclass(frozen=True)
class QueuedJob:
    """A job waiting or printing on a queue (any program's)."""

    job: str
    title: str
    state: str
    user: str = ""
    size_bytes: int = 0


@dataclass(frozen=True)
class JobStatus:
    """Where one job is, as the print system reports it."""

    job: str
    printer: str
    state: str
    reasons: tuple[str, ...] = ()
    message: str = ""
    #: Pages (impressions) printed so far, when the print system tells.
    pages_done: int | None = None
    size_bytes: int = 0
    printer_reasons: tuple[str, ...] = field(default=())

    @property
    def ended(self) -> bool:
        return self.state in JOB_ENDED

    @property
    def reason(self) -> str:
        """Why a job stopped or failed, in the print system's words ("" if it did not)."""
        words = [
            r
            for r in (*self.printer_reasons, *self.reasons)
            if r not in ("none", "job-completed-successfully", "processing-to-stop-point")
        ]
        words = list(dict.fromkeys(words))
        text = ", ".join(words)
        if self.message and self.message not in text:
            text = f"{self.message} ({text})" if text else self.message
        return text


class PrintSystem(Protocol):
    """What the console needs from a print system."""

    def printers(self) -> list[Printer]: ...

    def queue(self, printer: str) -> list[QueuedJob]: ...

    def submit(self, pdf: bytes, printer: str, options: JobOptions, title: str) -> str: ...

    def status(self, job: str) -> JobStatus: ...

    def cancel(self, job: str) -> None: ...


def system() -> PrintSystem:
    """This machine's print system: the Windows spooler on Windows, CUPS elsewhere."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows laptops
        from hisconsole.spool import windows

        return windows.WindowsSpooler()
    from hisconsole.spool import cups

    return cups.Cups()
